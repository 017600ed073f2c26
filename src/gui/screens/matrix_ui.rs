//! 整合矩阵: source categories × project uses, with totals; cross-category
//! cells (跨类别使用) are shaded, and the cross-category share is shown.

use egui::{Align, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::gui::kit::theme;
use crate::gui::kit::widgets::{amount_label_ui, heading_ui, text_width};
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::money::{Money, percent};
use crate::plan::{Category, Use};

/// Draws the matrix, and below it where the money goes (the flow diagram and
/// the bars per use), all in one vertical scroll.
pub fn matrix_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    egui::ScrollArea::vertical()
        .id_salt("matrix-page")
        .auto_shrink(false)
        .show(ui, |ui| {
            // The page's width before the matrix: a matrix wider than the
            // window scrolls sideways, the diagram below still fits the window.
            let width = ui.available_width();
            table_ui(ui, view);
            ui.add_space(6.0);
            ui.separator();
            ui.scope(|ui| {
                ui.set_max_width(width);
                crate::gui::screens::flow_ui::flow_ui(ui, view, out);
            });
        });
}

/// The matrix table and the cross-category and industry shares.
fn table_ui(ui: &mut Ui, view: &View<'_>) {
    let totals = &view.doc.report().totals;
    ui.horizontal(|ui| {
        heading_ui(ui, view, view.t("整合矩阵", "Integration matrix"));
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
    ui.style_mut().interaction.selectable_labels = false;
    // Wide enough for every cell (the grand total is the largest), and no
    // wider than a share of the window: with all 13 uses the matrix fits
    // 1280 points; narrower, it scrolls sideways (the use names wrap, in full
    // on hover).
    let widest = totals
        .matrix
        .values()
        .chain([&totals.arranged])
        .map(|m| text_width(ui, &m.display(view.unit(), 2), egui::TextStyle::Body))
        .fold(0.0, f32::max);
    let amount_w = (widest + 4.0).ceil();
    let cat_w = cats
        .iter()
        .map(|c| text_width(ui, c.label(view.lang()), egui::TextStyle::Body))
        .fold(
            text_width(ui, view.t("合计", "Total"), egui::TextStyle::Body),
            f32::max,
        )
        + 12.0;
    // Narrow gaps between the columns: right-aligned amounts need little air.
    ui.spacing_mut().item_spacing.x = 4.0;
    let spacing = ui.spacing().item_spacing.x;
    let share = (ui.available_width() - cat_w) / (uses.len() + 1) as f32 - spacing;
    let column_w = share.clamp(amount_w, amount_w.max(84.0));
    egui::ScrollArea::horizontal()
        .id_salt("matrix-wide")
        .scroll_bar_visibility(egui::scroll_area::ScrollBarVisibility::VisibleWhenNeeded)
        .show(ui, |ui| grid_ui(ui, view, &cats, &uses, [cat_w, column_w]));
    totals_ui(ui, view);
}

/// The matrix itself: a row per category, a column per use, with totals.
fn grid_ui(
    ui: &mut Ui,
    view: &View<'_>,
    cats: &[Category],
    uses: &[Use],
    [cat_w, column_w]: [f32; 2],
) {
    let totals = &view.doc.report().totals;
    let catalog = view.doc.catalog();
    let cell = |c: Category, u: Use| totals.matrix.get(&(c, u)).copied().unwrap_or_default();
    let text = |m: Money| {
        if m.is_zero() {
            String::new()
        } else {
            m.display(view.unit(), 2)
        }
    };
    let row_height = ui.spacing().interact_size.y + 4.0;
    TableBuilder::new(ui)
        .id_salt("matrix")
        .striped(true)
        .vscroll(false)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::exact(cat_w))
        .columns(Column::exact(column_w), uses.len() + 1)
        .header(42.0, |mut h| {
            h.col(|ui| {
                ui.strong(view.t("资金大类＼使用方向", "Category \\ use"));
            });
            for u in uses
                .iter()
                .map(|u| u.label(view.lang()))
                .chain([view.t("合计", "Total")])
            {
                h.col(|ui| {
                    // Small enough that long English words (infrastructure)
                    // fit the column; the full name on hover all the same.
                    ui.add(egui::Label::new(RichText::new(u).small().strong()).wrap())
                        .on_hover_text(u);
                });
            }
        })
        .body(|mut body| {
            for c in cats {
                body.row(row_height, |mut row| {
                    row.col(|ui| {
                        ui.strong(c.label(view.lang()));
                    });
                    for u in uses {
                        let m = cell(*c, *u);
                        let cross = catalog.is_cross_category(*c, *u) && m.is_positive();
                        row.col(|ui| {
                            if cross {
                                ui.painter().rect_filled(
                                    ui.max_rect(),
                                    0.0,
                                    theme::palette(ui).cross_bg,
                                );
                            }
                            let r = amount_label_ui(ui, text(m), None);
                            if cross {
                                r.on_hover_text(format!(
                                    "{}{} {}",
                                    view.t("跨类别使用：", "Cross-category use: "),
                                    m.display(view.unit(), 2),
                                    view.unit().label(view.lang())
                                ));
                            }
                        });
                    }
                    let total: Money = uses.iter().map(|u| cell(*c, *u)).sum();
                    row.col(|ui| {
                        amount_label_ui(ui, text(total), Some(ui.visuals().strong_text_color()));
                    });
                });
            }
            body.row(row_height, |mut row| {
                row.col(|ui| {
                    ui.strong(view.t("合计", "Total"));
                });
                for u in uses {
                    let m: Money = cats.iter().map(|c| cell(*c, *u)).sum();
                    row.col(|ui| {
                        amount_label_ui(ui, text(m), Some(ui.visuals().strong_text_color()));
                    });
                }
                row.col(|ui| {
                    amount_label_ui(
                        ui,
                        text(totals.arranged),
                        Some(ui.visuals().strong_text_color()),
                    );
                });
            });
        });
}

/// The cross-category amount and share, and the industry share.
fn totals_ui(ui: &mut Ui, view: &View<'_>) {
    let totals = &view.doc.report().totals;
    ui.add_space(10.0);
    let share = totals
        .cross_share
        .map(percent)
        .unwrap_or_else(|| "—".into());
    let amount = totals.cross_category.display(view.unit(), 2);
    let unit = view.unit().label(view.lang());
    let line = match view.lang() {
        crate::Lang::Zh => format!("跨类别使用 {amount} {unit}，占纳入整合资金 {share}"),
        crate::Lang::En => {
            format!("Used across categories: {amount} ({unit}), {share} of integrated funds")
        }
    };
    ui.label(RichText::new(line).strong());
    if let Some(s) = totals.use_share(Use::Industry) {
        ui.label(format!(
            "{} {}",
            view.t("产业发展占比", "Industry share"),
            percent(s)
        ));
    }
}
