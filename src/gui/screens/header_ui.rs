//! 基本信息: the banner, year, catalog, revision and approvals.

use egui::{DragValue, Grid, RichText, Ui};

use crate::edit::{Edit, Header};
use crate::gui::kit::widgets::{decorate, text_ui};
use crate::gui::state::action::Action;
use crate::gui::state::files::FileAction;
use crate::gui::state::view::View;
use crate::plan::fields::HeaderField;
use crate::plan::{Adjustment, CountyKind};
use crate::validate::league_of;

fn push(out: &mut Vec<Action>, header: Header, key: &str) {
    out.push(Action::Edit(
        Edit::Header(Box::new(header)),
        Some(key.to_string()),
    ));
}

/// The form's label of `field` (also the accessible name of its widget).
fn form_label(view: &View<'_>, field: HeaderField) -> &'static str {
    let (zh, en) = field.info().form_label;
    view.t(zh, en)
}

/// Draws the header form.
pub fn header_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let h = Header::of(plan);
    ui.heading(view.t("基本信息", "Basics"));
    ui.add_space(6.0);
    Grid::new("header-grid")
        .num_columns(3)
        .spacing([16.0, 10.0])
        .show(ui, |ui| {
            let text_row = |ui: &mut Ui,
                            out: &mut Vec<Action>,
                            label: &str,
                            path: &str,
                            value: &str,
                            set: &dyn Fn(&mut Header, String)| {
                ui.label(label);
                if let Some(v) = text_ui(ui, view, path, label, value, 320.0, out) {
                    let mut next = h.clone();
                    set(&mut next, v);
                    push(out, next, path);
                }
            };

            text_row(
                ui,
                out,
                view.t("旗县代码", "County code"),
                "county.code",
                &h.county.code,
                &|h, v| h.county.code = v,
            );
            ui.label(
                RichText::new(view.t(
                    "6 位行政区划代码，15 开头",
                    "6-digit division code starting with 15",
                ))
                .weak(),
            );
            ui.end_row();

            text_row(
                ui,
                out,
                view.t("旗县名称", "County name"),
                "county.name",
                &h.county.name,
                &|h, v| h.county.name = v,
            );
            ui.end_row();

            text_row(
                ui,
                out,
                view.t("所属盟市", "League"),
                "county.league",
                &h.county.league,
                &|h, v| h.county.league = v,
            );
            match league_of(&h.county.code) {
                Some(l) if l != h.county.league.trim() && !view.read_only() => {
                    if ui
                        .button(format!("{}{l}", view.t("按代码应为：", "From the code: ")))
                        .clicked()
                    {
                        let mut next = h.clone();
                        next.county.league = l.to_string();
                        push(out, next, "county.league");
                    }
                }
                _ => {
                    ui.label("");
                }
            }
            ui.end_row();

            ui.label(view.t("旗县类别", "Kind"));
            ui.horizontal(|ui| {
                for k in CountyKind::ALL {
                    if ui
                        .add_enabled(
                            !view.read_only(),
                            egui::RadioButton::new(h.county.kind == *k, k.label(view.lang())),
                        )
                        .clicked()
                        && h.county.kind != *k
                    {
                        let mut next = h.clone();
                        next.county.kind = *k;
                        push(out, next, "county.kind");
                    }
                }
            });
            ui.end_row();

            let label = ui.label(form_label(view, HeaderField::Year));
            let mut year = h.year;
            let r = ui
                .add_enabled(
                    !view.read_only(),
                    DragValue::new(&mut year).range(2000..=2100).speed(0.05),
                )
                .labelled_by(label.id);
            decorate(ui, view, "header.year", &r, out);
            if year != h.year {
                let mut next = h.clone();
                next.year = year;
                push(out, next, "header.year");
            }
            ui.end_row();

            ui.label(form_label(view, HeaderField::Catalog));
            let cat = view.doc.catalog();
            let shown = if cat.id == plan.catalog {
                format!("{}  {}", plan.catalog, cat.title)
            } else {
                match view.lang() {
                    crate::Lang::Zh => format!("{}（校验使用目录 {}）", plan.catalog, cat.id),
                    crate::Lang::En => format!("{} (checked against {})", plan.catalog, cat.id),
                }
            };
            let r = ui.label(shown);
            decorate(ui, view, "header.catalog", &r, out);
            ui.horizontal(|ui| {
                if cat.provisional {
                    ui.label(
                        RichText::new(view.t("目录名称待核对", "Names to be confirmed")).weak(),
                    );
                }
                if ui
                    .button(view.t("用其他目录校验…", "Check against another catalog…"))
                    .on_hover_text(view.t(
                        "载入自治区或盟市下发的目录文件（.ron）",
                        "Load a catalog file (.ron) issued by the region or league",
                    ))
                    .clicked()
                {
                    out.push(Action::Choose(FileAction::Catalog));
                }
            });
            ui.end_row();

            let label = ui.label(form_label(view, HeaderField::Revision));
            let mut revision = h.revision;
            let r = ui
                .add_enabled(
                    !view.read_only(),
                    DragValue::new(&mut revision).range(1..=99).speed(0.05),
                )
                .labelled_by(label.id);
            decorate(ui, view, "header.revision", &r, out);
            ui.label(
                RichText::new(view.t(
                    "1 = 年初方案，调整时加 1",
                    "1 = initial plan; +1 for each adjustment",
                ))
                .weak(),
            );
            if revision != h.revision {
                let mut next = h.clone();
                next.revision = revision;
                push(out, next, "header.revision");
            }
            ui.end_row();

            if h.revision > 1 || h.adjustment.is_some() {
                let adj = h.adjustment.clone().unwrap_or_default();
                text_row(
                    ui,
                    out,
                    form_label(view, HeaderField::Adjustment),
                    "header.adjustment",
                    &adj.reason,
                    &|h, v| {
                        h.adjustment.get_or_insert_with(Adjustment::default).reason = v;
                    },
                );
                ui.end_row();
                text_row(
                    ui,
                    out,
                    view.t("调整批复文号", "Adjustment approval"),
                    "header.adjustment_approval",
                    &adj.approval,
                    &|h, v| {
                        h.adjustment
                            .get_or_insert_with(Adjustment::default)
                            .approval = v;
                    },
                );
                ui.end_row();
            }

            text_row(
                ui,
                out,
                form_label(view, HeaderField::PreparedBy),
                "header.prepared_by",
                &h.prepared_by,
                &|h, v| h.prepared_by = v,
            );
            ui.end_row();
            text_row(
                ui,
                out,
                form_label(view, HeaderField::Approval),
                "header.approval",
                &h.approval,
                &|h, v| h.approval = v,
            );
            ui.end_row();
        });
}
