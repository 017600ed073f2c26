//! 整合矩阵: source categories × project uses, with totals; cross-category
//! cells (跨类别使用) are shaded, and the cross-category share is shown.

use egui::{Align2, Grid, RichText, Sense, Ui, Vec2};

use super::app::Action;
use super::theme;
use super::widgets::View;
use crate::enums::{Category, Use};
use crate::money::{Money, percent};

fn cell_ui(ui: &mut Ui, text: &str, cross: bool, strong: bool, tip: Option<String>) {
    let size = Vec2::new(78.0, ui.spacing().interact_size.y);
    let (rect, response) = ui.allocate_exact_size(size, Sense::hover());
    if cross {
        ui.painter().rect_filled(rect, 2.0, theme::CROSS_BG);
    }
    let font = egui::TextStyle::Body.resolve(ui.style());
    let color = if strong {
        ui.visuals().strong_text_color()
    } else {
        ui.visuals().text_color()
    };
    ui.painter().text(
        rect.right_center() - Vec2::new(4.0, 0.0),
        Align2::RIGHT_CENTER,
        text,
        font,
        color,
    );
    if let Some(tip) = tip {
        response.on_hover_text(tip);
    }
}

/// Draws the matrix.
pub fn matrix_ui(ui: &mut Ui, view: &View<'_>, _out: &mut Vec<Action>) {
    let totals = &view.doc.report().totals;
    let catalog = view.doc.catalog();
    ui.horizontal(|ui| {
        ui.heading(view.t("整合矩阵", "Integration matrix"));
        ui.label(
            RichText::new(format!(
                "（{}{}）",
                view.t("单位：", "unit: "),
                view.unit.label(view.lang)
            ))
            .weak(),
        );
    });
    ui.label(view.t(
        "行为资金大类，列为使用方向；底色标出的格子为跨类别使用的资金。",
        "Rows are source categories, columns are uses; shaded cells are funds used across categories.",
    ));
    ui.add_space(6.0);
    let cats: Vec<Category> = Category::ALL
        .iter()
        .copied()
        .filter(|c| totals.matrix.keys().any(|(k, _)| k == c))
        .collect();
    let uses: Vec<Use> = Use::ALL
        .iter()
        .copied()
        .filter(|u| totals.matrix.keys().any(|(_, k)| k == u))
        .collect();
    let amount = |m: Money| {
        if m.is_zero() {
            String::new()
        } else {
            m.display(view.unit, 2)
        }
    };
    egui::ScrollArea::both().show(ui, |ui| {
        Grid::new("matrix")
            .striped(true)
            .spacing([4.0, 4.0])
            .show(ui, |ui| {
                ui.strong(view.t("资金大类 \\ 使用方向", "Category \\ use"));
                for u in &uses {
                    ui.strong(u.label(view.lang));
                }
                ui.strong(view.t("合计", "Total"));
                ui.end_row();
                for c in &cats {
                    ui.strong(c.label(view.lang));
                    let mut row_total = Money::ZERO;
                    for u in &uses {
                        let m = totals.matrix.get(&(*c, *u)).copied().unwrap_or_default();
                        row_total += m;
                        let cross = catalog.is_cross_category(*c, *u);
                        let tip = (cross && m.is_positive()).then(|| {
                            format!(
                                "{}：{}",
                                view.t("跨类别使用", "Cross-category use"),
                                m.display(view.unit, 2)
                            )
                        });
                        cell_ui(ui, &amount(m), cross, false, tip);
                    }
                    cell_ui(ui, &amount(row_total), false, true, None);
                    ui.end_row();
                }
                ui.strong(view.t("合计", "Total"));
                let mut all = Money::ZERO;
                for u in &uses {
                    let m: Money = cats
                        .iter()
                        .map(|c| totals.matrix.get(&(*c, *u)).copied().unwrap_or_default())
                        .sum();
                    all += m;
                    cell_ui(ui, &amount(m), false, true, None);
                }
                cell_ui(ui, &amount(all), false, true, None);
                ui.end_row();
            });
    });
    ui.add_space(10.0);
    let share = totals
        .cross_share
        .map(percent)
        .unwrap_or_else(|| "—".into());
    ui.label(
        RichText::new(format!(
            "{} {} {}，{} {share}",
            view.t("跨类别使用", "Used across categories:"),
            totals.cross_category.display(view.unit, 2),
            view.unit.label(view.lang),
            view.t("占纳入整合资金", "share of integrated funds"),
        ))
        .strong(),
    );
    if let Some(s) = totals.use_share(Use::Industry) {
        ui.label(format!(
            "{} {}",
            view.t("产业发展占比", "Industry share"),
            percent(s)
        ));
    }
}
