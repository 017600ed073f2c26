//! The app's own path dialog, for desktops without a system file dialog (no
//! xdg portal, no zenity) or when the user chose it: type or paste a path,
//! or click a recent folder and an entry of the folder listed. Enter is OK,
//! Escape cancels (or, while asking before replacing a file, goes back).

use super::*;
use crate::gui::state::files::form::with_separator;
use crate::gui::state::files::{Kind, PathForm, listing::MAX_READ};

/// The path field's id, to focus it and put its cursor at the end.
fn field_id() -> Id {
    Id::unique("path-dialog-field")
}

pub(super) fn path_ui(ui: &mut Ui, view: &View<'_>, form: &mut PathForm, out: &mut Vec<Action>) {
    let palette = theme::palette(ui);
    ui.heading(form.purpose.title(view.lang()));
    if let Some(note) = &form.note {
        ui.label(note.text(view.lang()));
    }
    ui.label(RichText::new(form.why.text(view.lang())).weak());
    ui.add_space(4.0);
    let mut clicked = false;
    let mut done: Option<Action> = None;
    let (label_zh, label_en) = match form.purpose.kind() {
        Kind::Folder => ("文件夹路径", "Folder path"),
        _ => ("文件路径", "File path"),
    };
    let label = ui.label(view.t(label_zh, label_en));
    let field = ui.add(
        egui::TextEdit::singleline(&mut form.text)
            .id(field_id())
            .desired_width(f32::INFINITY),
    );
    let field = field.labelled_by(label.id);
    if field.changed() {
        form.problem = None;
        form.overwrite = None;
        form.refresh();
    }
    // Not in the modal's first, invisible pass: egui drops focus from a
    // widget that cannot take it.
    let ready = ui.is_visible() && !ui.is_sizing_pass();
    if form.focus && form.overwrite.is_none() && ready {
        field.request_focus();
        cursor_to_end(ui.ctx(), &form.text);
        form.focus = false;
    }
    // Always one line, so that what is below does not move when it changes.
    let problem = form.problem.as_ref().map(|p| p.text(view.lang()));
    ui.add(
        egui::Label::new(RichText::new(problem.as_deref().unwrap_or(" ")).color(palette.over))
            .truncate(),
    );
    ui.add_space(6.0);
    if !form.recent.is_empty() {
        ui.label(RichText::new(view.t("最近使用的文件夹", "Recent folders")).strong());
        let mut go = None;
        for dir in &form.recent {
            let text = dir.display().to_string();
            if ui.add(egui::Button::new(text).truncate()).clicked() {
                go = Some(dir.clone());
            }
        }
        if let Some(dir) = go {
            clicked = true;
            form.enter_folder(&dir);
            form.focus = true;
        }
        ui.add_space(6.0);
    }
    if let Some(action) = listing_ui(ui, view, form, &mut clicked) {
        done = Some(action);
    }
    ui.add_space(8.0);
    let enter = ui.input(|i| i.key_pressed(egui::Key::Enter));
    let escape = ui.input(|i| i.key_pressed(egui::Key::Escape));
    if let Some(path) = form.overwrite.clone() {
        ui.label(
            RichText::new(match view.lang() {
                crate::Lang::Zh => format!("文件已存在：{}。要替换它吗？", path.display()),
                crate::Lang::En => format!("{} already exists. Replace it?", path.display()),
            })
            .color(palette.over),
        );
        ui.horizontal(|ui| {
            let replace = ui.button(view.t("替换", "Replace"));
            // Enter replaces, as in the GTK dialog this one stands in for;
            // Escape goes back to the path.
            if form.focus && ready {
                replace.request_focus();
                form.focus = false;
            }
            if replace.clicked() {
                done = form.replace();
            }
            if ui.button(view.t("不替换", "Don't replace")).clicked() || escape {
                form.overwrite = None;
                form.focus = true;
            }
        });
    } else {
        ui.horizontal(|ui| {
            let ok = ui.button(form.purpose.verb(view.lang()));
            let cancel = ui.button(view.t("取消", "Cancel"));
            clicked |= ok.clicked() || cancel.clicked();
            if cancel.clicked() || escape {
                out.push(Action::CloseDialog);
            } else if ok.clicked() || (enter && !clicked && !cancel.has_focus()) {
                done = form.submit();
                if done.is_none() {
                    form.focus = true;
                }
            }
            ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
                let toggle = UiCommand::ToggleLanguage;
                if ui.small_button(toggle.label(view.lang())).clicked() {
                    out.push(Action::Command(toggle));
                }
            });
        });
    }
    if let Some(action) = done {
        out.push(Action::CloseDialog);
        out.push(action);
    }
}

/// The folder listed: 上一级, its subfolders (click to go in) and its files
/// (click to fill the path, double-click for OK). Returns OK's action on a
/// double-click that finished.
fn listing_ui(
    ui: &mut Ui,
    view: &View<'_>,
    form: &mut PathForm,
    clicked: &mut bool,
) -> Option<Action> {
    let folder = form.listing.folder.clone();
    ui.horizontal(|ui| {
        ui.label(RichText::new(view.t("文件夹：", "Folder: ")).strong());
        ui.add(egui::Label::new(folder.display().to_string()).truncate());
    });
    let mut go = None;
    let mut pick = None;
    let mut open = false;
    ui.horizontal(|ui| {
        if let Some(up) = folder.parent()
            && ui.small_button(view.t("上一级", "Up one folder")).clicked()
        {
            go = Some(up.to_path_buf());
        }
        if form.listing.unreadable {
            ui.label(
                RichText::new(view.t("无法读取此文件夹", "This folder cannot be read")).weak(),
            );
        } else if form.listing.entries.is_empty() {
            ui.label(
                RichText::new(view.t("（没有可选的项目）", "(nothing to choose here)")).weak(),
            );
        }
    });
    let row = ui.text_style_height(&egui::TextStyle::Body) + ui.spacing().item_spacing.y;
    let entries = &form.listing.entries;
    egui::ScrollArea::vertical()
        .id_salt("path-dialog-listing")
        .min_scrolled_height(220.0)
        .max_height(220.0)
        .auto_shrink([false, false])
        .show_rows(ui, row, entries.len(), |ui, range| {
            for entry in entries.get(range).unwrap_or_default() {
                let (text, selectable) = if entry.is_file {
                    (entry.name.clone(), form.purpose.kind() != Kind::Folder)
                } else {
                    (with_separator(Path::new(&entry.name)), true)
                };
                let selected = selectable && form.path() == entry.path;
                let response = ui.add_enabled(selectable, egui::Button::selectable(selected, text));
                // A double-click is also a click (its second release).
                let twice = response.double_clicked();
                if response.clicked() {
                    if entry.is_file {
                        pick = Some(entry.path.clone());
                    } else {
                        go = Some(entry.path.clone());
                    }
                }
                open |= entry.is_file && twice;
            }
        });
    if form.listing.more {
        ui.label(
            RichText::new(match view.lang() {
                crate::Lang::Zh => {
                    format!("文件夹中项目太多，只读取了前 {MAX_READ} 项；请直接输入路径。")
                }
                crate::Lang::En => format!(
                    "The folder has more entries than the first {MAX_READ} read: type the path."
                ),
            })
            .weak(),
        );
    }
    if let Some(dir) = go {
        *clicked = true;
        form.enter_folder(&dir);
        form.focus = true;
    }
    if let Some(path) = pick {
        *clicked = true;
        form.text = path.display().to_string();
        form.problem = None;
        form.overwrite = None;
        if open {
            return form.submit();
        }
    }
    None
}

/// Puts the path field's cursor after its last character (after a folder was
/// entered by click, typing goes on at the end).
fn cursor_to_end(ctx: &egui::Context, text: &str) {
    use egui::text::{CCursor, CCursorRange};
    let mut state = egui::TextEdit::load_state(ctx, field_id()).unwrap_or_default();
    let end = CCursor::new(text.chars().count());
    state.cursor.set_char_range(Some(CCursorRange::one(end)));
    state.store(ctx, field_id());
}
