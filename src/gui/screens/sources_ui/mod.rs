//! 资金来源: every fund line by level with subtotals; allocated and integrated
//! amounts edited in place; what remains to arrange on each line, coloured.

use egui::{Align, RichText, Ui};
use egui_extras::{Column, TableBuilder};

use crate::edit::Edit;
use crate::gui::kit::choice;
use crate::gui::kit::grid_walk::{self, GridRow};
use crate::gui::kit::theme;
use crate::gui::kit::widgets::{
    amount_label_ui, amount_ui, amount_width, comment_button_ui, field_id, heading_ui, text_ui,
    text_width,
};
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::money::Money;
use crate::plan::fields::{SourceField, SourceValue};
use crate::plan::{Category, Level};
use crate::plan::{Source, path};

mod line;

use line::line_row;

/// A row of the table.
enum Row {
    Group(Level),
    Line(usize),
    Subtotal(Level),
    Total,
}

/// The accessible name of `f`'s cell after the line code, in the view's language.
fn label(view: &View<'_>, f: SourceField) -> &'static str {
    let (zh, en) = f.info().form_label;
    view.t(zh, en)
}

/// The editable cells of a line, left to right (the name only on own lines).
const WALK_FIELDS: [SourceField; 5] = [
    SourceField::Name,
    SourceField::Document,
    SourceField::Allocated,
    SourceField::Integrated,
    SourceField::Reason,
];

/// Each line's editable cells for the spreadsheet walk, in display order.
fn walk_rows(rows: &[Row], sources: &[Source]) -> Vec<GridRow> {
    rows.iter()
        .enumerate()
        .filter_map(|(table_row, r)| match r {
            Row::Line(i) => sources.get(*i).map(|s| GridRow {
                table_row,
                cells: WALK_FIELDS
                    .iter()
                    .map(|f| {
                        (*f != SourceField::Name || !s.is_catalog_line())
                            .then(|| field_id(&path::source(&s.line, Some(f.key()))))
                    })
                    .collect(),
            }),
            _ => None,
        })
        .collect()
}

fn rows(sources: &[Source]) -> Vec<Row> {
    let mut rows = Vec::with_capacity(sources.len() + 9);
    for &level in Level::ALL {
        rows.push(Row::Group(level));
        rows.extend(
            sources
                .iter()
                .enumerate()
                .filter(|(_, s)| s.level == level)
                .map(|(i, _)| Row::Line(i)),
        );
        rows.push(Row::Subtotal(level));
    }
    rows.push(Row::Total);
    rows
}

/// The next free own code of `level` (`L01`, `X03` …).
fn next_code(sources: &[Source], level: Level) -> String {
    level.next_code(sources.iter().map(|s| s.line.as_str()))
}

fn set(out: &mut Vec<Action>, i: usize, s: Source, key: String) {
    out.push(Action::Edit(Edit::SetSource(i, Box::new(s)), Some(key)));
}

/// Draws the sources table.
pub fn sources_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let totals = &view.doc.report().totals;
    ui.horizontal(|ui| {
        heading_ui(ui, view, view.t("资金来源", "Fund sources"));
        ui.with_layout(egui::Layout::right_to_left(Align::Center), |ui| {
            if view.read_only() {
                ui.disable();
            }
            for level in [Level::County, Level::League] {
                let text = match level {
                    Level::League => view.t("＋ 盟市资金", "+ League line"),
                    _ => view.t("＋ 旗县资金", "+ County line"),
                };
                if ui.button(text).clicked() {
                    let code = next_code(&plan.sources, level);
                    let source = crate::blank::blank_source(&code, level, "", Category::Poverty);
                    out.push(Action::Edit(
                        Edit::InsertSource(plan.sources.len(), Box::new(source)),
                        None,
                    ));
                    out.push(Action::JumpTo(path::source(&code, Some("name"))));
                }
            }
        });
    });
    let rows = rows(&plan.sources);
    let walk = grid_walk::walk(
        ui,
        egui::Id::unique("sources"),
        &walk_rows(&rows, &plan.sources),
        view.jump.map(field_id),
    );
    let amount = |m: Money| m.display(view.unit(), 2);
    let row_height = ui.spacing().interact_size.y + 6.0;
    // Wide enough for every amount shown, the totals being the largest.
    let all = |f: fn(&Source) -> Money| plan.sources.iter().map(f).sum::<Money>();
    let amount_w = amount_width(
        ui,
        view,
        plan.sources
            .iter()
            .flat_map(|s| [s.allocated, s.integrated, s.not_integrated()])
            .chain([all(|s| s.allocated), all(|s| s.integrated)])
            .chain([all(|s| s.not_integrated()), totals.unarranged()]),
        // The headings over them wrap ("Not / integrated"): a column as wide
        // as its English heading left the fund line's name too little room.
        60.0,
    );
    let reason_w = text_width(ui, "其中草原生态保护", egui::TextStyle::Body) + 12.0;
    // The category list shows its longest name in full, plus the arrow.
    let widest = |texts: &mut dyn Iterator<Item = &str>, style: egui::TextStyle| {
        texts
            .map(|t| text_width(ui, t, style.clone()))
            .fold(0.0_f32, f32::max)
    };
    let pad = ui.spacing().button_padding.x;
    let category_w = widest(
        &mut Category::ALL.iter().map(|c| c.label(view.lang())),
        egui::TextStyle::Button,
    ) + ui.spacing().icon_width
        + 3.0 * pad;
    // Comments button ("Notes 99") and × side by side.
    let buttons_w = widest(
        &mut [view.t("批注 99", "Notes 99"), "×"].into_iter(),
        egui::TextStyle::Button,
    ) + text_width(ui, "×", egui::TextStyle::Button)
        + 4.0 * pad
        + ui.spacing().item_spacing.x
        + 4.0;
    // Two lines when an English heading wraps.
    let header_h = match view.lang() {
        crate::Lang::Zh => 24.0,
        crate::Lang::En => 2.0 * ui.text_style_height(&egui::TextStyle::Body) + 6.0,
    };
    let mut table = TableBuilder::new(ui)
        .id_salt("sources")
        .animate_scrolling(false);
    if let Some(row) = walk.scroll_to {
        table = table.scroll_to_row(row, None);
    }
    table
        .striped(true)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .column(Column::exact(44.0))
        .column(Column::remainder().at_least(72.0).clip(true))
        .column(Column::exact(category_w))
        .column(Column::exact(104.0))
        .column(Column::exact(amount_w))
        .column(Column::exact(amount_w))
        .column(Column::exact(amount_w))
        .column(Column::exact(reason_w))
        .column(Column::exact(amount_w))
        .column(Column::exact(buttons_w))
        .header(header_h, |mut h| {
            for title in [
                view.t("代码", "Code"),
                view.t("资金名称", "Fund line"),
                view.t("大类", "Category"),
                view.t("下达文号", "Document"),
                view.t("下达金额", "Allocated"),
                view.t("纳入整合", "Integrated"),
                view.t("未纳入", "Not integrated"),
                view.t("未纳入原因", "Reason"),
                view.t("待安排", "To arrange"),
                "",
            ] {
                h.col(|ui| {
                    ui.add(egui::Label::new(RichText::new(title).strong()).wrap());
                });
            }
        })
        .body(|body| {
            body.rows(row_height, rows.len(), |mut row| {
                let Some(kind) = rows.get(row.index()) else {
                    return;
                };
                match *kind {
                    Row::Group(level) => {
                        let n = plan.sources.iter().filter(|s| s.level == level).count();
                        row.col(|ui| {
                            ui.strong(level.label(view.lang()));
                        });
                        let count = match (view.lang(), n) {
                            (crate::Lang::Zh, n) => format!("{n} 项"),
                            (crate::Lang::En, 1) => "1 line".to_string(),
                            (crate::Lang::En, n) => format!("{n} lines"),
                        };
                        row.col(|ui| {
                            ui.label(RichText::new(count).weak());
                        });
                        for _ in 0..8 {
                            row.col(|_| {});
                        }
                    }
                    Row::Subtotal(_) | Row::Total => {
                        let level = if let Row::Subtotal(l) = *kind {
                            Some(l)
                        } else {
                            None
                        };
                        let of_level = |s: &&Source| level.is_none_or(|l| l == s.level);
                        let lines: Vec<&Source> = plan.sources.iter().filter(of_level).collect();
                        let sum =
                            |f: fn(&Source) -> Money| lines.iter().map(|s| f(s)).sum::<Money>();
                        let arranged: Money =
                            lines.iter().map(|s| totals.arranged_from(&s.line)).sum();
                        let (alloc, integ) = (sum(|s| s.allocated), sum(|s| s.integrated));
                        let label = match level {
                            None => view.t("合计", "Total").to_string(),
                            // In English the group's name ("Central subtotal") did not fit the
                            // name column; the group heading is just above.
                            Some(l) => match view.lang() {
                                crate::Lang::Zh => format!("{}小计", l.label(view.lang())),
                                crate::Lang::En => "Subtotal".to_string(),
                            },
                        };
                        row.col(|_| {});
                        row.col(|ui| {
                            ui.strong(label);
                        });
                        row.col(|_| {});
                        row.col(|_| {});
                        for m in [alloc, integ, alloc - integ] {
                            row.col(|ui| {
                                amount_label_ui(ui, amount(m), None);
                            });
                        }
                        row.col(|_| {});
                        row.col(|ui| {
                            amount_label_ui(
                                ui,
                                amount(integ - arranged),
                                Some(theme::palette(ui).remaining(integ - arranged)),
                            );
                        });
                        row.col(|_| {});
                    }
                    Row::Line(i) => {
                        let Some(s) = plan.sources.get(i) else { return };
                        line_row(&mut row, view, i, s, out);
                    }
                }
            });
        });
    grid_walk::finish(ui, &walk);
}
