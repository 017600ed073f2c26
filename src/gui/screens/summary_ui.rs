//! 汇总: the league's roll-up of a folder of plans; sortable, with a totals
//! row; a click opens the plan.

use egui::{Align, RichText, Ui};
use egui_extras::{Column as TableColumn, TableBuilder};

use crate::gui::kit::theme;
use crate::gui::kit::widgets::{amount_label_ui, amount_width, text_width};
use crate::gui::state::action::Action;
use crate::gui::state::files::FileAction;
use crate::gui::state::league::{Column, Rollup};
use crate::gui::state::view::View;
use crate::money::{Money, percent};
use crate::summary::{Row, Status};

fn status_color(ui: &egui::Ui, s: Status) -> egui::Color32 {
    match s {
        Status::Modified | Status::Returned => theme::palette(ui).over,
        Status::Approved | Status::Submitted | Status::Resubmitted => theme::palette(ui).balanced,
        Status::Draft => theme::palette(ui).to_arrange,
    }
}

fn cell_ui(ui: &mut Ui, view: &View<'_>, r: &Row, c: Column) {
    let amount = |ui: &mut Ui, m: Money| {
        amount_label_ui(ui, m.display(view.unit(), 2), None);
    };
    let share = |ui: &mut Ui, d: Option<rust_decimal::Decimal>| {
        amount_label_ui(ui, d.map(percent).unwrap_or_default(), None);
    };
    match c {
        Column::County => {
            // A long name ends in "…" and shows in full on hover.
            ui.add(egui::Label::new(&r.county).truncate())
                .on_hover_text(&r.county);
        }
        Column::Code => {
            ui.label(RichText::new(&r.code).monospace());
        }
        Column::Year => {
            ui.label(r.year.to_string());
        }
        Column::Revision => {
            ui.label(r.revision.to_string());
        }
        Column::Status => {
            let text = if r.superseded {
                RichText::new(format!(
                    "{} {}",
                    r.status.label(view.lang()),
                    view.lang().paren(view.t("已取代", "superseded"))
                ))
                .weak()
            } else {
                RichText::new(r.status.label(view.lang())).color(status_color(ui, r.status))
            };
            if r.register.refused() {
                ui.label(
                    RichText::new(r.register.label(view.lang()))
                        .strong()
                        .color(theme::palette(ui).over),
                )
                .on_hover_text(view.t("不计入合计", "not counted in the total"));
            }
            if r.review == crate::register::ReviewMark::Unregistered {
                ui.label(
                    RichText::new(r.review.label(view.lang()))
                        .strong()
                        .color(theme::palette(ui).over),
                );
            }
            // A long status ends in "…" and shows in full on hover.
            let full = text.text().to_string();
            ui.add(egui::Label::new(text).truncate())
                .on_hover_text(full);
        }
        Column::Allocated => amount(ui, r.allocated),
        Column::Integrated => amount(ui, r.integrated),
        Column::NotIntegrated => amount(ui, r.not_integrated()),
        Column::Arranged => amount(ui, r.arranged),
        Column::Cross => amount(ui, r.cross_category),
        Column::CrossShare => share(ui, r.cross_share()),
        Column::IndustryShare => share(ui, r.industry_share()),
        Column::Errors => {
            let color = if r.errors > 0 {
                theme::palette(ui).over
            } else {
                ui.visuals().text_color()
            };
            amount_label_ui(ui, r.errors.to_string(), Some(color));
        }
        Column::Warnings => {
            amount_label_ui(ui, r.warnings.to_string(), None);
        }
    }
}

/// Draws the roll-up.
pub fn summary_ui(ui: &mut Ui, view: &View<'_>, rollup: Option<&Rollup>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading(view.t("汇总", "Roll-up"));
        let choose = ui.button(view.t("选择方案文件夹…", "Choose a folder of plans…"));
        crate::gui::kit::first_input::mark(ui, &choose);
        if choose.clicked() {
            out.push(Action::Choose(FileAction::Summarize));
        }
        if let Some(r) = rollup
            && ui.button(view.t("重新读取", "Reload")).clicked()
        {
            out.push(Action::Summarize(r.paths.clone()));
        }
    });
    let Some(rollup) = rollup else {
        ui.label(view.t(
            "选择存放各旗县方案文件（.ron）的文件夹，逐一读取、校验并汇总；同一旗县同一年度取最高版本计入合计，与收件登记不符或冲突的文件不计入。",
            "Choose the folder with the banners' plan files (.ron): each is read, checked and rolled up; the highest revision of a banner and year counts in the totals, never a file that differs from the receipt register or conflicts with another copy.",
        ));
        return;
    };
    let s = &rollup.summary;
    ui.label(
        RichText::new(format!(
            "{}{}{} {}",
            view.lang().count(s.rows.len(), "个方案", "plan", "plans"),
            view.t("，", ", "),
            match view.lang() {
                crate::Lang::Zh => format!("{} 个计入合计", s.totals.plans),
                crate::Lang::En => format!("{} counted", s.totals.plans),
            },
            view.lang().paren(&format!(
                "{}{}",
                view.t("单位：", "unit: "),
                view.unit().label(view.lang())
            ))
        ))
        .weak(),
    );
    if let Some(e) = &rollup.register_error {
        ui.label(RichText::new(e.message(view.lang())).color(theme::palette(ui).over));
    }
    ui.style_mut().interaction.selectable_labels = false;
    let row_height = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let body_rows = s.rows.len() + 1;
    // Fourteen columns do not fit a small window: scroll sideways.
    egui::ScrollArea::horizontal()
        .id_salt("rollup-h")
        .show(ui, |ui| {
            table_ui(ui, view, rollup, row_height, body_rows, out)
        });
    if !s.failures.is_empty() {
        ui.add_space(8.0);
        ui.strong(
            RichText::new(view.t("无法读取的文件", "Files that could not be read"))
                .color(theme::palette(ui).over),
        );
        for e in &s.failures {
            ui.label(e.message(view.lang()));
        }
    }
}

fn table_ui(
    ui: &mut Ui,
    view: &View<'_>,
    rollup: &Rollup,
    row_height: f32,
    body_rows: usize,
    out: &mut Vec<Action>,
) {
    let s = &rollup.summary;
    // Wide enough for the league's totals.
    let amount_w = amount_width(
        ui,
        view,
        s.rows
            .iter()
            .flat_map(|r| [r.allocated, r.integrated, r.arranged, r.not_integrated()])
            .chain([s.totals.allocated, s.totals.integrated, s.totals.arranged]),
        // As narrow as the amounts: the headings set the rest (widths()).
        40.0,
    );
    let widths = widths(ui, view, rollup, amount_w);
    TableBuilder::new(ui)
        .id_salt("rollup")
        .striped(true)
        .sense(egui::Sense::click())
        .max_scroll_height(420.0)
        .cell_layout(egui::Layout::left_to_right(Align::Center))
        .columns_fit(widths)
        .header(24.0, |mut h| {
            for c in Column::ALL {
                h.col(|ui| {
                    let arrow = match rollup.sort {
                        Some((s, false)) if s == c => " ▲",
                        Some((s, true)) if s == c => " ▼",
                        _ => "",
                    };
                    if ui
                        .button(format!("{}{arrow}", c.label(view.lang())))
                        .clicked()
                    {
                        out.push(Action::SortSummary(c));
                    }
                });
            }
        })
        .body(|body| {
            body.rows(row_height, body_rows, |mut row| {
                let i = row.index();
                match s.rows.get(i) {
                    Some(r) => {
                        for c in Column::ALL {
                            row.col(|ui| cell_ui(ui, view, r, c));
                        }
                        if row
                            .response()
                            .on_hover_text(r.path.display().to_string())
                            .clicked()
                        {
                            out.push(Action::Open(r.path.clone()));
                        }
                    }
                    None => {
                        let t = &s.totals;
                        for c in Column::ALL {
                            row.col(|ui| match c {
                                Column::County => {
                                    ui.strong(view.t("合计", "Total"));
                                }
                                Column::Allocated => {
                                    amount_label_ui(ui, t.allocated.display(view.unit(), 2), None);
                                }
                                Column::Integrated => {
                                    amount_label_ui(ui, t.integrated.display(view.unit(), 2), None);
                                }
                                Column::NotIntegrated => {
                                    amount_label_ui(
                                        ui,
                                        t.not_integrated().display(view.unit(), 2),
                                        None,
                                    );
                                }
                                Column::Arranged => {
                                    amount_label_ui(ui, t.arranged.display(view.unit(), 2), None);
                                }
                                Column::Cross => {
                                    amount_label_ui(
                                        ui,
                                        t.cross_category.display(view.unit(), 2),
                                        None,
                                    );
                                }
                                Column::CrossShare => {
                                    let p = t.cross_category.share_of(t.integrated).map(percent);
                                    amount_label_ui(ui, p.unwrap_or_default(), None);
                                }
                                Column::IndustryShare => {
                                    let p = t.industry.share_of(t.integrated).map(percent);
                                    amount_label_ui(ui, p.unwrap_or_default(), None);
                                }
                                Column::Errors => {
                                    amount_label_ui(ui, t.errors.to_string(), None);
                                }
                                Column::Warnings => {
                                    amount_label_ui(ui, t.warnings.to_string(), None);
                                }
                                _ => {}
                            });
                        }
                    }
                }
            });
        });
}

/// Each column as wide as its heading or its widest content, whichever is
/// wider, so the fourteen columns fit a 1280-point window in both languages
/// (fixed widths left 错误/警告 past the edge); the county and status texts
/// are capped and end in "…" with the full text on hover.
fn widths(ui: &Ui, view: &View<'_>, rollup: &Rollup, amount_w: f32) -> Vec<(f32, bool)> {
    let rows = &rollup.summary.rows;
    let body = |t: &str| text_width(ui, t, egui::TextStyle::Body);
    let widest = |f: &dyn Fn(&Row) -> String| rows.iter().map(|r| body(&f(r))).fold(0.0, f32::max);
    // The heading is a button; the sorted column's has the arrow too.
    let pad = 2.0 * ui.spacing().button_padding.x;
    let arrow = text_width(ui, " ▼", egui::TextStyle::Button);
    Column::ALL
        .iter()
        .map(|&c| {
            let content = match c {
                Column::County => widest(&|r| r.county.clone()).min(120.0),
                Column::Code => text_width(ui, "000000", egui::TextStyle::Monospace),
                Column::Year => widest(&|r| r.year.to_string()),
                Column::Revision => widest(&|r| r.revision.to_string()),
                Column::Status => widest(&|r| r.status.label(view.lang()).to_string()).min(160.0),
                Column::Allocated
                | Column::Integrated
                | Column::NotIntegrated
                | Column::Arranged
                | Column::Cross => amount_w,
                Column::CrossShare | Column::IndustryShare => body("100.0%"),
                Column::Errors => widest(&|r| r.errors.to_string()),
                Column::Warnings => widest(&|r| r.warnings.to_string()),
            };
            let sorted = rollup.sort.is_some_and(|(s, _)| s == c);
            let head = text_width(ui, c.label(view.lang()), egui::TextStyle::Button)
                + pad
                + if sorted { arrow } else { 0.0 };
            let clip = matches!(c, Column::County | Column::Status);
            (head.max(content) + 4.0, clip)
        })
        .collect()
}

/// Adds one exact column per `(width, clip)`.
trait ColumnsFit {
    fn columns_fit(self, widths: Vec<(f32, bool)>) -> Self;
}

impl ColumnsFit for TableBuilder<'_> {
    fn columns_fit(mut self, widths: Vec<(f32, bool)>) -> Self {
        for (w, clip) in widths {
            self = self.column(TableColumn::exact(w).clip(clip));
        }
        self
    }
}
