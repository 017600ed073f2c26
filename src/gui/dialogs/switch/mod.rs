//! 更换资金目录: pick another catalog, see what becomes of each line, decide
//! for the lines it lacks, and switch as one undo step.

mod rows;

use super::*;
use crate::catalog::Catalog;
use crate::gui::state::files::FileAction;
use crate::money::Money;
use crate::switch::{self, Decisions, Proposal};
use rows::{level_totals_ui, row_ui};

fn years(c: &Catalog, lang: crate::Lang) -> String {
    format!("{}{}{}", c.years.0, lang.pick("—", "–"), c.years.1)
}

fn warn(ui: &mut Ui, text: String) {
    ui.label(RichText::new(text).color(theme::palette(ui).over));
}

pub(super) fn switch_ui(
    ui: &mut Ui,
    view: &View<'_>,
    form: &mut SwitchForm,
    out: &mut Vec<Action>,
) {
    let plan = view.doc.plan();
    ui.set_min_width(880.0);
    ui.horizontal(|ui| {
        ui.heading(view.t("更换资金目录", "Switch catalog"));
        let unit = view.unit().label(view.lang());
        ui.label(RichText::new(format!("{}{unit}", view.t("单位：", "Unit: "))).weak());
    });
    let current = view.doc.catalog();
    ui.label(match view.lang() {
        crate::Lang::Zh => format!(
            "方案 {} 年，现按目录 {}（{}）编制。",
            plan.year,
            plan.catalog,
            years(current, view.lang())
        ),
        crate::Lang::En => format!(
            "The {} plan is drafted against catalog {} ({}).",
            plan.year,
            plan.catalog,
            years(current, view.lang())
        ),
    });
    ui.horizontal(|ui| {
        ui.label(view.t("更换为：", "Switch to:"));
        for (id, _) in catalog::EMBEDDED {
            let picked = form.file.is_none() && form.target.as_ref().is_some_and(|t| t.id == *id);
            let Some(c) = catalog::embedded(id) else {
                continue;
            };
            let text = match view.lang() {
                crate::Lang::Zh => format!("{id}（{}）", years(&c, view.lang())),
                crate::Lang::En => format!("{id} ({})", years(&c, view.lang())),
            };
            if ui.radio(picked, text).clicked() && !picked {
                form.pick(plan, c, None);
            }
        }
        if ui
            .button(view.t("目录文件…", "A catalog file…"))
            .on_hover_text(view.t(
                "自治区或盟市下发的目录文件（.ron）",
                "A catalog file (.ron) issued by the region or league",
            ))
            .clicked()
        {
            out.push(Action::Choose(FileAction::SwitchCatalog));
        }
    });
    if let Some(path) = &form.file {
        ui.label(format!("{}{}", view.t("文件：", "File: "), path.display()));
    }
    if let Some(e) = &form.error {
        warn(ui, e.text(view.lang()));
    }
    let (Some(target), Some(proposal)) = (&form.target, &form.proposal) else {
        ui.add_space(8.0);
        buttons_ui(ui, view, None, out);
        return;
    };
    if proposal.same_catalog() {
        ui.label(view.t(
            "方案已按此目录编制，无需更换。",
            "The plan is already drafted against this catalog.",
        ));
    }
    if proposal.sealed {
        warn(
            ui,
            view.t(
                "此方案已提交。更换目录会使提交印记失效（D01），更换后须重新提交。",
                "This plan has been submitted. Switching the catalog breaks the submission seal (D01); submit it again afterwards.",
            )
            .to_string(),
        );
    }
    if !proposal.year_covered {
        warn(
            ui,
            match view.lang() {
                crate::Lang::Zh => format!(
                    "年度 {} 不在目录 {} 适用的 {} 年内（H03）：请先核对年度。",
                    plan.year,
                    target.id,
                    years(target, view.lang())
                ),
                crate::Lang::En => format!(
                    "Year {} is outside {}, the years of catalog {} (H03): check the year first.",
                    plan.year,
                    years(target, view.lang()),
                    target.id
                ),
            },
        );
    }
    ui.add_space(4.0);
    let own = proposal.own_codes(plan, &form.decisions);
    let room = (ui.ctx().content_rect().height() * 0.45).max(160.0);
    egui::ScrollArea::vertical()
        .max_height(room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            Grid::new("switch-rows")
                .num_columns(6)
                .striped(true)
                .spacing([12.0, 4.0])
                .show(ui, |ui| {
                    for h in [
                        view.t("代码", "Code"),
                        view.t("资金名称", "Fund line"),
                        view.t("下达", "Allocated"),
                        view.t("纳入整合", "Integrated"),
                        view.t("已安排到项目", "Arranged"),
                        view.t("对应到", "Goes to"),
                    ] {
                        ui.strong(h);
                    }
                    ui.end_row();
                    for r in &proposal.rows {
                        row_ui(
                            ui,
                            view,
                            proposal,
                            r,
                            own.get(&r.index),
                            &mut form.decisions,
                        );
                        ui.end_row();
                    }
                });
        });
    let added = proposal.added(&form.decisions);
    if !added.is_empty() {
        let names: Vec<String> = added
            .iter()
            .map(|code| {
                let name = target.line_name(code, view.lang()).unwrap_or_default();
                format!("{code} {name}")
            })
            .collect();
        ui.label(format!(
            "{}{}",
            view.t("新增（金额为 0）：", "Added at zero: "),
            names.join(view.t("、", ", "))
        ));
    }
    level_totals_ui(ui, view, plan, proposal, &form.decisions);
    loss_ui(ui, view, proposal, &form.decisions);
    let waiting: Vec<&str> = proposal
        .undecided(&form.decisions)
        .map(|r| r.line.as_str())
        .collect();
    if !waiting.is_empty() {
        warn(
            ui,
            match view.lang() {
                crate::Lang::Zh => format!(
                    "尚有 {} 行未选择对应（{}）：请在“对应到”中选择资金、转为本级资金或删除。",
                    waiting.len(),
                    waiting.join("、")
                ),
                crate::Lang::En => format!(
                    "{} {} no line yet ({}): choose one under \"Goes to\", keep as an own line, or drop.",
                    view.lang().count(waiting.len(), "", "row", "rows"),
                    if waiting.len() == 1 { "has" } else { "have" },
                    waiting.join(", ")
                ),
            },
        );
    }
    // Rows whose join a saved plan could not hold: 确定 stays off until one
    // of them is mapped elsewhere.
    let overflows = proposal.overflows(plan, &form.decisions);
    for o in &overflows {
        warn(ui, o.message(view.lang()));
    }
    ui.add_space(8.0);
    let ready = !proposal.same_catalog() && waiting.is_empty() && overflows.is_empty();
    let ok = ready.then(|| {
        Action::Switch(Box::new(Chosen {
            catalog: (**target).clone(),
            proposal: (**proposal).clone(),
            decisions: form.decisions.clone(),
        }))
    });
    buttons_ui(ui, view, ok, out);
}

fn money(view: &View<'_>, m: Money) -> String {
    m.display(view.unit(), 2)
}

fn loss_ui(ui: &mut Ui, view: &View<'_>, proposal: &Proposal, decisions: &Decisions) {
    let loss = proposal.loss(decisions);
    let unit = view.unit().label(view.lang());
    if loss == switch::Loss::default() {
        ui.label(view.t(
            "不删除任何金额：金额和项目安排全部保留。",
            "No money is dropped: every amount and project arrangement is kept.",
        ));
        return;
    }
    let projects: Vec<String> = loss
        .per_project
        .iter()
        .map(|(id, m)| format!("{id} {}", money(view, *m)))
        .collect();
    let text = match view.lang() {
        crate::Lang::Zh => format!(
            "删除的资金：下达 {} {unit}，纳入整合 {} {unit}；从项目撤出 {} {unit}{}",
            money(view, loss.allocated),
            money(view, loss.integrated),
            money(view, loss.arranged()),
            if projects.is_empty() {
                String::new()
            } else {
                let zh_projects = format!("（{}）", projects.join("、"));
                zh_projects
            }
        ),
        crate::Lang::En => format!(
            "Dropped: {} {unit} allocated, {} {unit} integrated; {} {unit} taken out of projects{}",
            money(view, loss.allocated),
            money(view, loss.integrated),
            money(view, loss.arranged()),
            if projects.is_empty() {
                String::new()
            } else {
                format!(" ({})", projects.join(", "))
            }
        ),
    };
    warn(ui, text);
}

/// 确定 (when there is something to switch) and 取消; Enter is 确定.
fn buttons_ui(ui: &mut Ui, view: &View<'_>, ok: Option<Action>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        let ok_button = ui.add_enabled(ok.is_some(), egui::Button::new(view.t("确定", "OK")));
        let cancel = ui.button(view.t("取消", "Cancel"));
        let enter = enter && !cancel.has_focus() && !cancel.clicked();
        if cancel.clicked() {
            out.push(Action::CloseDialog);
        } else if (ok_button.clicked() || enter)
            && let Some(a) = ok
        {
            out.push(a);
        }
    });
}
