//! Modal dialogs: errors, unsaved changes, submission refused, new plan, about.

use std::path::PathBuf;

mod message;

pub use message::Message;

use egui::{Grid, Id, Modal, RichText, Ui};

use crate::catalog;
use crate::gui::app::Action;
use crate::gui::kit::theme;
use crate::gui::kit::widgets::View;
use crate::gui::state::commands::UiCommand;
use crate::plan::{County, CountyKind, Plan};
use crate::validate::league_of;

/// What waits for the answer to "save changes?".
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Open this file.
    Open(PathBuf),
    /// Show the open dialog.
    OpenDialog,
    /// Start a new plan.
    New,
    /// Import a workbook as a new plan.
    Import,
    /// Close the window.
    Quit,
    /// Read the open file again.
    Reload,
}

/// The fields of the new-plan dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NewPlanForm {
    /// 6-digit code.
    pub code: String,
    /// Banner name.
    pub name: String,
    /// League (suggested from the code).
    pub league: String,
    /// National or regional.
    pub kind: CountyKind,
    /// Budget year.
    pub year: u16,
    /// Catalog id.
    pub catalog: String,
    /// The first field still has to take focus (the dialog just opened).
    pub focus_first: bool,
}

impl Default for NewPlanForm {
    fn default() -> Self {
        NewPlanForm {
            code: String::new(),
            name: String::new(),
            league: String::new(),
            kind: CountyKind::National,
            year: 2020,
            catalog: catalog::DEFAULT_ID.to_string(),
            focus_first: true,
        }
    }
}

impl NewPlanForm {
    /// A plan with every catalog line at zero and no projects.
    pub fn to_plan(&self) -> Plan {
        let cat = catalog::embedded(&self.catalog).unwrap_or_else(catalog::default_catalog);
        let mut plan = crate::sample::generate(
            &cat,
            crate::sample::SampleOptions {
                projects: 0,
                seed: 0,
                year: self.year,
            },
        );
        plan.sources.retain(|s| s.is_catalog_line());
        for s in &mut plan.sources {
            s.document.clear();
        }
        plan.county = County {
            code: self.code.trim().to_string(),
            name: self.name.trim().to_string(),
            league: self.league.trim().to_string(),
            kind: self.kind,
        };
        plan.prepared_by = format!("{}财政局", plan.county.name);
        plan.approval.clear();
        plan
    }
}

/// An open dialog.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Dialog {
    /// Something failed (a file did not load or save).
    Error(Message),
    /// Something worth knowing.
    Info(Message),
    /// Unsaved changes: save, discard or cancel.
    Unsaved(Pending),
    /// Submission refused: (rule, path, message) of each error.
    SubmitRefused(Vec<(String, String, crate::Text)>),
    /// New plan.
    New(NewPlanForm),
    /// About fundplan.
    About,
    /// A review comment being written on a path.
    Comment {
        /// What it is about.
        target: String,
        /// The text so far.
        text: String,
    },
    /// Leaving review mode breaks the seal: confirm.
    ConfirmUnlock,
    /// A previous run left unsaved work.
    Recover {
        /// The file it belonged to.
        file: Option<PathBuf>,
        /// When it was written.
        at: String,
    },
    /// The file changed on disk since it was opened: overwrite?
    ChangedOnDisk(PathBuf),
    /// The plan passed validation: seal it? (names what is sealed)
    ConfirmSubmit,
}

impl Dialog {
    /// A new comment on `target`.
    pub fn comment(target: String) -> Dialog {
        Dialog::Comment {
            target,
            text: String::new(),
        }
    }
}

/// Draws `dialog` as a modal.
pub fn dialog_ui(ui: &mut Ui, view: &View<'_>, dialog: &mut Dialog, out: &mut Vec<Action>) {
    let ctx = ui.ctx().clone();
    let response = Modal::new(Id::unique("dialog")).show(&ctx, |ui| {
        ui.set_max_width(560.0);
        match dialog {
            Dialog::Error(msg) => {
                ui.heading(
                    RichText::new(view.t("出错了", "Something went wrong")).color(theme::palette(ui).over),
                );
                message_ui(ui, &msg.text(view.lang));
                ok_ui(ui, view, out);
            }
            Dialog::Info(msg) => {
                message_ui(ui, &msg.text(view.lang));
                ok_ui(ui, view, out);
            }
            Dialog::Unsaved(pending) => unsaved_ui(ui, view, pending, out),
            Dialog::SubmitRefused(errors) => {
                ui.heading(view.t(
                    "方案有错误，不能提交",
                    "The plan has errors and cannot be submitted",
                ));
                egui::ScrollArea::vertical()
                    .max_height(320.0)
                    .show(ui, |ui| {
                        for (rule, path, msg) in errors.iter() {
                            if ui.link(format!("{rule}  {}", msg.get(view.lang))).clicked() {
                                out.push(Action::CloseDialog);
                                out.push(Action::JumpTo(path.clone()));
                            }
                        }
                    });
                ok_ui(ui, view, out);
            }
            Dialog::New(form) => new_plan_ui(ui, view, form, out),
            Dialog::About => about_ui(ui, view, out),
            Dialog::Comment { target, text } => comment_ui(ui, view, target, text, out),
            Dialog::Recover { file, at } => {
                ui.heading(view.t("发现未保存的修改", "Unsaved work was found"));
                let file = file.as_ref().map_or_else(|| view.t("（未保存的新方案）", "(a new, unsaved plan)").to_string(), |p| p.display().to_string());
                ui.label(format!("{}{file}", view.t("文件：", "File: ")));
                ui.label(format!("{}{at}", view.t("保存时间：", "Written at: ")));
                ui.label(view.t("上次退出前有未保存的修改。是否恢复？", "The last session ended with unsaved changes. Restore them?"));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(view.t("恢复", "Restore")).clicked() {
                        out.push(Action::Restore);
                    }
                    if ui.button(view.t("丢弃", "Discard")).clicked() {
                        out.push(Action::DiscardRecovery);
                    }
                });
            }
            Dialog::ChangedOnDisk(path) => {
                ui.heading(view.t("文件已被其他程序修改", "The file changed on disk"));
                ui.label(format!(
                    "{}{}",
                    view.t("打开之后，其他人或程序保存过：", "Someone or something saved it after you opened it: "),
                    path.display()
                ));
                ui.add_space(8.0);
                ui.horizontal(|ui| {
                    if ui.button(view.t("仍然保存（覆盖）", "Save anyway (overwrite)")).clicked() {
                        out.push(Action::ForceSave(path.clone()));
                    }
                    if ui.button(view.t("重新载入磁盘上的版本", "Reload the version on disk")).clicked() {
                        out.push(Action::Reload);
                    }
                    if ui.button(view.t("取消", "Cancel")).clicked() {
                        out.push(Action::CloseDialog);
                    }
                });
            }
            Dialog::ConfirmSubmit => confirm_submit_ui(ui, view, out),
            Dialog::ConfirmUnlock => {
                ui.heading(view.t("允许修改已提交的方案？", "Allow editing a submitted plan?"));
                ui.label(view.t(
                    "修改任何内容都会使提交印记失效（D01），方案须重新提交。审核意见不受影响。",
                    "Changing any content breaks the submission seal (D01) and the plan must be submitted again. Review comments are not affected.",
                ));
                yes_or_cancel_ui(ui, view, view.t("允许修改", "Allow editing"), out, || {
                    vec![Action::Unlock]
                });
            }
        }
    });
    if response.should_close()
        && !matches!(
            dialog,
            Dialog::New(_)
                | Dialog::Unsaved(_)
                | Dialog::Comment { .. }
                | Dialog::Recover { .. }
                | Dialog::ChangedOnDisk(_)
        )
    {
        out.push(Action::CloseDialog);
    }
}

/// 确定, and the language switch: the menu bar's is behind the modal, and a
/// message is said again in the language chosen.
fn ok_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(view.t("确定", "OK")).clicked() {
            out.push(Action::CloseDialog);
        }
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            let toggle = UiCommand::ToggleLanguage;
            if ui.small_button(toggle.label(view.lang)).clicked() {
                out.push(Action::Command(toggle));
            }
        });
    });
}

fn unsaved_ui(ui: &mut Ui, view: &View<'_>, pending: &Pending, out: &mut Vec<Action>) {
    ui.heading(view.t("方案有未保存的修改", "The plan has unsaved changes"));
    ui.label(view.t("是否先保存？", "Save them first?"));
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(view.t("保存", "Save")).clicked() {
            match view.doc.path() {
                Some(p) => {
                    out.push(Action::SaveTo(p.to_path_buf()));
                    out.push(Action::Proceed(pending.clone()));
                }
                None => {
                    out.push(Action::CloseDialog);
                    out.push(Action::Command(UiCommand::SaveAs));
                }
            }
        }
        if ui.button(view.t("不保存", "Don't save")).clicked() {
            out.push(Action::Proceed(pending.clone()));
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}

fn new_plan_ui(ui: &mut Ui, view: &View<'_>, form: &mut NewPlanForm, out: &mut Vec<Action>) {
    ui.heading(view.t("新建方案", "New plan"));
    egui::Grid::new("new-plan")
        .num_columns(2)
        .spacing([12.0, 8.0])
        .show(ui, |ui| {
            let label = ui.label(view.t("旗县代码", "County code"));
            let code = ui
                .text_edit_singleline(&mut form.code)
                .labelled_by(label.id);
            // Not in the modal's first, invisible pass: egui drops focus from
            // a widget that cannot take it.
            if form.focus_first && ui.is_visible() && !ui.is_sizing_pass() {
                code.request_focus();
                form.focus_first = false;
            }
            if code.changed()
                && let Some(l) = league_of(form.code.trim())
            {
                form.league = l.to_string();
            }
            ui.end_row();
            let label = ui.label(view.t("旗县名称", "County name"));
            ui.text_edit_singleline(&mut form.name)
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(view.t("所属盟市", "League"));
            ui.text_edit_singleline(&mut form.league)
                .labelled_by(label.id);
            ui.end_row();
            ui.label(view.t("旗县类别", "Kind"));
            ui.horizontal(|ui| {
                for k in CountyKind::ALL {
                    ui.radio_value(&mut form.kind, *k, k.label(view.lang));
                }
            });
            ui.end_row();
            let label = ui.label(view.t("年度", "Year"));
            ui.add(egui::DragValue::new(&mut form.year).range(2016..=2030))
                .labelled_by(label.id);
            ui.end_row();
            let label = ui.label(view.t("资金目录", "Catalog"));
            let ids: Vec<&str> = catalog::EMBEDDED.iter().map(|(id, _)| *id).collect();
            let current = ids
                .iter()
                .copied()
                .find(|id| *id == form.catalog)
                .unwrap_or_default();
            let (response, picked) = crate::gui::kit::choice::choice_ui(
                ui,
                egui::Id::unique("new-catalog"),
                160.0,
                current,
                &ids,
                str::to_string,
            );
            let _ = response.labelled_by(label.id);
            if let Some(id) = picked {
                form.catalog = id.to_string();
            }
            ui.end_row();
        });
    ui.add_space(8.0);
    ui.label(view.t(
        "目录中的全部中央和自治区资金将列入资金来源，金额为 0。",
        "Every central and region line of the catalog is listed with amount 0.",
    ));
    ui.horizontal(|ui| {
        let ready = !form.name.trim().is_empty() && !form.code.trim().is_empty();
        // Enter in any field creates, as in the spreadsheets' dialogs.
        let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
        let create = ui
            .add_enabled(ready, egui::Button::new(view.t("创建", "Create")))
            .on_disabled_hover_text(
                view.t("请填写旗县代码和名称", "Fill in the county code and name"),
            );
        let cancel = ui.button(view.t("取消", "Cancel"));
        // Enter on the focused 取消 button cancels; it does not also create.
        let enter = enter && !cancel.has_focus() && !cancel.clicked();
        if cancel.clicked() {
            out.push(Action::CloseDialog);
        } else if create.clicked() || (ready && enter) {
            out.push(Action::Create(Box::new(form.to_plan())));
        }
    });
}

/// 提交方案…: what will be sealed, in the unit shown, before it is.
fn confirm_submit_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    let plan = view.doc.plan();
    let t = &view.doc.report().totals;
    let unit = view.unit.label(view.lang);
    let [allocated, integrated, arranged] =
        [t.allocated, t.integrated, t.arranged].map(|m| m.display(view.unit, 2));
    ui.heading(view.t("提交方案并加盖提交印记？", "Seal the plan for submission?"));
    ui.label(match view.lang {
        crate::Lang::Zh => format!(
            "{} {} 年 第 {} 版",
            plan.county.name, plan.year, plan.revision
        ),
        crate::Lang::En => format!(
            "{} {}, revision {}",
            plan.county.name, plan.year, plan.revision
        ),
    });
    Grid::new("submit-totals")
        .num_columns(2)
        .spacing([16.0, 4.0])
        .show(ui, |ui| {
            for (zh, en, amount) in [
                ("下达资金", "Allocated", allocated),
                ("纳入整合", "Integrated", integrated),
                ("已安排到项目", "Arranged to projects", arranged),
            ] {
                ui.label(view.t(zh, en));
                ui.label(format!("{amount} {unit}"));
                ui.end_row();
            }
        });
    ui.label(view.t(
        "提交后修改任何内容都会使提交印记失效（D01），须重新提交。",
        "After submission, changing anything breaks the seal (D01) and the plan must be submitted again.",
    ));
    yes_or_cancel_ui(ui, view, view.t("确认提交", "Submit"), out, || {
        vec![Action::CloseDialog, Action::SealNow]
    });
}

/// The buttons of a question: `yes` does what `actions` returns; 取消 closes.
fn yes_or_cancel_ui(
    ui: &mut Ui,
    view: &View<'_>,
    yes: &str,
    out: &mut Vec<Action>,
    actions: impl FnOnce() -> Vec<Action>,
) {
    ui.add_space(8.0);
    ui.horizontal(|ui| {
        if ui.button(yes).clicked() {
            out.extend(actions());
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}

fn comment_ui(
    ui: &mut Ui,
    view: &View<'_>,
    target: &str,
    text: &mut String,
    out: &mut Vec<Action>,
) {
    ui.heading(view.t("添加审核意见", "Add a review comment"));
    ui.label(
        RichText::new(crate::gui::kit::targets::label(
            view.doc.plan(),
            target,
            view.lang,
        ))
        .strong(),
    );
    for c in view
        .doc
        .plan()
        .review
        .iter()
        .flat_map(|r| &r.comments)
        .filter(|c| c.target == target)
    {
        ui.label(RichText::new(format!("• {}", c.text)).weak());
    }
    if !view.read_only {
        // Comments are the reviewer's (issue 13): the county reads them here.
        ui.label(
            RichText::new(view.t(
                "审核意见只能在审核模式下由审核人添加。",
                "Only the reviewer adds comments, in review mode.",
            ))
            .weak(),
        );
    }
    let label = ui.label(view.t("意见", "Comment"));
    ui.add_enabled(
        view.read_only,
        egui::TextEdit::multiline(text)
            .desired_rows(3)
            .desired_width(480.0),
    )
    .labelled_by(label.id);
    ui.horizontal(|ui| {
        if ui
            .add_enabled(
                view.read_only && !text.trim().is_empty(),
                egui::Button::new(view.t("添加", "Add")),
            )
            .clicked()
        {
            out.push(Action::AddComment {
                target: target.to_string(),
                text: text.trim().to_string(),
            });
        }
        if ui.button(view.t("取消", "Cancel")).clicked() {
            out.push(Action::CloseDialog);
        }
    });
}

fn about_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.heading(format!("fundplan {}", env!("CARGO_PKG_VERSION")));
    ui.label(view.t(
        "贫困旗县统筹整合使用财政涉农涉牧资金方案编制与审核工具。",
        "Drafting and review of poverty banners' consolidated agriculture and pastoral fund plans.",
    ));
    ui.label(format!(
        "{}MIT OR Apache-2.0",
        view.t("许可：", "Licence: ")
    ));
    ui.label(view.t(
        crate::gui::screens::review_ui::SEAL_MEANS_ZH,
        crate::gui::screens::review_ui::SEAL_MEANS_EN,
    ));
    for (id, _) in catalog::EMBEDDED {
        let c = catalog::embedded(id);
        let (title, years) = c.map(|c| (c.title, c.years)).unwrap_or_default();
        // Catalog titles usually name their years already (…目录（2017—2020）).
        let zh_period = format!("（{}—{}）", years.0, years.1);
        let period = if title.contains(&zh_period) {
            String::new()
        } else {
            view.lang.paren(&format!("{}-{}", years.0, years.1))
        };
        ui.label(format!(
            "{}{id}  {title}{period}",
            view.t("内置资金目录：", "Built-in catalog: "),
        ));
    }
    ui.label(view.t(
        "字体：Noto Sans CJK SC（SIL OFL 1.1）",
        "Font: Noto Sans CJK SC (SIL OFL 1.1)",
    ));
    let data = eframe::storage_dir("fundplan").map_or_else(
        || view.t("（不可用）", "(unavailable)").to_string(),
        |d| d.display().to_string(),
    );
    ui.label(format!(
        "{}{data}",
        view.t("设置与恢复文件位置：", "Settings and recovery files: ")
    ));
    ok_ui(ui, view, out);
}

/// The strip shown while the open file has changed on disk.
pub fn disk_changed_ui(ui: &mut Ui, view: &View<'_>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.label(
            RichText::new(view.t(
                "文件已在磁盘上被修改（其他人保存过）",
                "The file changed on disk (someone else saved it)",
            ))
            .color(theme::palette(ui).to_arrange)
            .strong(),
        );
        if ui.button(view.t("重新载入", "Reload")).clicked() {
            out.push(if view.doc.is_dirty() {
                Action::Show(Dialog::Unsaved(Pending::Reload))
            } else {
                Action::Reload
            });
        }
    });
}

/// A message of any length: it scrolls instead of growing the dialog past the
/// window (an import can list hundreds of problems), and the OK button stays
/// in view.
fn message_ui(ui: &mut egui::Ui, msg: &str) {
    let room = (ui.ctx().content_rect().height() * 0.6).max(120.0);
    egui::ScrollArea::vertical()
        .max_height(room)
        .auto_shrink([false, true])
        .show(ui, |ui| {
            ui.label(msg);
        });
}
