//! The menu bar: 文件 / 编辑 / 视图 / 帮助.

use egui::Ui;

use crate::gui::state::action::Action;
use crate::gui::state::commands::UiCommand;
use crate::gui::state::dialog::Pending;
use crate::gui::state::files::{self, Export, FileAction};
use crate::gui::state::prefs::{Appearance, Prefs};
use crate::gui::state::screen::Screen;
use crate::gui::state::view::View;

fn item(ui: &mut Ui, view: &View<'_>, c: UiCommand, enabled: bool, out: &mut Vec<Action>) {
    let mut button = egui::Button::new(c.label(view.lang()));
    if let Some(s) = c.shortcut() {
        button = button.shortcut_text(ui.ctx().format_shortcut(&s));
    }
    // The shortcut is drawn beside the text; the name stays the text alone.
    if ui
        .add_enabled(enabled, button)
        .accessible_name(c.label(view.lang()))
        .clicked()
    {
        out.push(Action::Command(c));
        ui.close();
    }
}

/// Draws the menu bar.
pub fn menu_ui(ui: &mut Ui, view: &View<'_>, prefs: &Prefs, out: &mut Vec<Action>) {
    let recent = &prefs.recent;
    let appearance = prefs.appearance;
    egui::MenuBar::new().ui(ui, |ui| {
        ui.menu_button(view.t("文件", "File"), |ui| {
            item(ui, view, UiCommand::New, true, out);
            item(ui, view, UiCommand::Open, true, out);
            ui.menu_button(view.t("最近打开", "Open recent"), |ui| {
                let mut any = false;
                for path in files::existing(recent) {
                    any = true;
                    if ui.button(files::short(path)).clicked() {
                        out.push(Action::Open(path.clone()));
                        ui.close();
                    }
                }
                if !any {
                    ui.label(view.t("（无）", "(none)"));
                }
            });
            ui.separator();
            item(ui, view, UiCommand::Save, true, out);
            item(ui, view, UiCommand::SaveAs, true, out);
            ui.separator();
            ui.menu_button(view.t("导出", "Export"), |ui| {
                for (kind, zh, en) in [
                    (
                        Export::Xlsx,
                        "Excel/WPS 工作簿（.xlsx）…",
                        "Excel/WPS workbook (.xlsx)…",
                    ),
                    (Export::Csv, "各表 CSV 文件…", "CSV file per table…"),
                    (Export::Pdf, "方案 PDF…", "Plan as PDF…"),
                    (Export::NoticePdf, "公示表 PDF…", "Public notice as PDF…"),
                ] {
                    if ui.button(view.t(zh, en)).clicked() {
                        out.push(Action::Choose(FileAction::Export(kind)));
                        ui.close();
                    }
                }
            });
            if ui
                .button(view.t("从 Excel 导入…", "Import from Excel…"))
                .clicked()
            {
                out.push(Action::Guard(Pending::Import));
                ui.close();
            }
            ui.separator();
            item(ui, view, UiCommand::Submit, true, out);
            ui.separator();
            item(ui, view, UiCommand::Quit, true, out);
        });
        ui.menu_button(view.t("编辑", "Edit"), |ui| {
            item(ui, view, UiCommand::Undo, view.doc.can_undo(), out);
            item(ui, view, UiCommand::Redo, view.doc.can_redo(), out);
            ui.separator();
            if ui
                .add_enabled(
                    !view.read_only(),
                    egui::Button::new(view.t("更换资金目录…", "Switch catalog…")),
                )
                .clicked()
            {
                out.push(Action::AskSwitch);
                ui.close();
            }
        });
        ui.menu_button(view.t("视图", "View"), |ui| {
            for s in Screen::ALL {
                item(ui, view, UiCommand::Go(s), true, out);
            }
            ui.separator();
            ui.menu_button(view.t("外观", "Appearance"), |ui| {
                for a in Appearance::ALL {
                    if ui.radio(appearance == a, a.label(view.lang())).clicked() {
                        out.push(Action::Appearance(a));
                        ui.close();
                    }
                }
            });
            item(ui, view, UiCommand::ToggleUnit, true, out);
            item(ui, view, UiCommand::ToggleLanguage, true, out);
            ui.separator();
            let mut builtin = prefs.builtin_file_dialog;
            if ui
                .checkbox(
                    &mut builtin,
                    view.t("使用内置文件对话框", "Use the built-in file dialog"),
                )
                .on_hover_text(view.t(
                    "打开、保存、导出时输入路径，不用系统的文件对话框（系统对话框无法使用时）",
                    "Type paths to open, save and export instead of using the system's file dialog (when it does not work)",
                ))
                .clicked()
            {
                out.push(Action::BuiltinFileDialog(builtin));
                ui.close();
            }
        });
        ui.menu_button(view.t("帮助", "Help"), |ui| {
            item(ui, view, UiCommand::About, true, out);
        });
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            if ui
                .button(UiCommand::ToggleLanguage.label(view.lang()))
                .clicked()
            {
                out.push(Action::Command(UiCommand::ToggleLanguage));
            }
            let unit = view.unit().label(view.lang());
            if ui
                .button(format!("{}{unit}", view.t("单位：", "Unit: ")))
                .on_hover_text(UiCommand::ToggleUnit.label(view.lang()))
                .clicked()
            {
                out.push(Action::Command(UiCommand::ToggleUnit));
            }
        });
    });
}
