//! Choosing files: the system's open/save dialogs (rfd) on a worker thread,
//! so the window never freezes, or the app's own path dialog where the
//! desktop has none (no xdg portal, no zenity) or the user chose it. Every
//! file operation asks through [`FileDialogs::ask`]; the pick comes back as
//! the same [`Action`] either way.

use std::path::{Path, PathBuf};
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::gui::state::action::Action;
use crate::gui::state::dialog::Dialog;

pub mod avail;
pub mod form;
pub mod listing;

pub use avail::Choice;
pub use form::{PathForm, Why};

/// What a picked path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// A plan to open (文件 › 打开).
    Open,
    /// Where to save the plan (另存为, or 保存 of a plan never saved).
    SaveAs,
    /// A catalog to judge the plan with (基本信息 › 打开目录).
    Catalog,
    /// A plan to compare the open one with.
    Compare,
    /// A folder to roll up.
    Summarize,
    /// Where to write an export.
    Export(Export),
    /// A workbook to import.
    Import,
    /// A catalog to switch the plan to (编辑 › 更换资金目录…).
    SwitchCatalog,
    /// Where to save the 目录 screen's catalog (另存为新目录).
    SaveCatalog,
    /// Where to write the catalog as a workbook.
    ExportCatalog,
    /// A catalog workbook to import.
    ImportCatalog,
}

/// The files the 文件 › 导出 menu writes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Export {
    /// Excel/WPS workbook.
    Xlsx,
    /// One CSV per table, into a folder.
    Csv,
    /// The whole plan as PDF.
    Pdf,
    /// The public-notice table as PDF.
    NoticePdf,
}

/// What kind of path a [`FileAction`] needs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// A file that exists.
    Open,
    /// A file to write (it may exist: asked before replacing).
    Save,
    /// A folder.
    Folder,
}

impl FileAction {
    /// The kind of path it needs.
    pub fn kind(self) -> Kind {
        match self {
            FileAction::Open
            | FileAction::Catalog
            | FileAction::SwitchCatalog
            | FileAction::Compare
            | FileAction::Import
            | FileAction::ImportCatalog => Kind::Open,
            FileAction::SaveAs
            | FileAction::SaveCatalog
            | FileAction::ExportCatalog
            | FileAction::Export(Export::Xlsx | Export::Pdf | Export::NoticePdf) => Kind::Save,
            FileAction::Summarize | FileAction::Export(Export::Csv) => Kind::Folder,
        }
    }

    /// The extension of the files it takes or writes (a folder's: none).
    pub fn extension(self) -> Option<&'static str> {
        match self {
            FileAction::Open
            | FileAction::SaveAs
            | FileAction::Catalog
            | FileAction::SwitchCatalog
            | FileAction::SaveCatalog
            | FileAction::Compare => Some("ron"),
            FileAction::Import
            | FileAction::Export(Export::Xlsx)
            | FileAction::ExportCatalog
            | FileAction::ImportCatalog => Some("xlsx"),
            FileAction::Export(Export::Pdf | Export::NoticePdf) => Some("pdf"),
            FileAction::Summarize | FileAction::Export(Export::Csv) => None,
        }
    }

    /// The files listed beside the folders in the built-in dialog: those it
    /// takes, or for a folder the ones it reads or writes there.
    pub fn shown(self) -> &'static [&'static str] {
        match self {
            FileAction::Summarize => &["ron"],
            FileAction::Export(Export::Csv) => &["csv"],
            _ => match self.extension() {
                Some("xlsx") => &["xlsx"],
                Some("pdf") => &["pdf"],
                _ => &["ron"],
            },
        }
    }

    /// A folder that does not exist yet is fine: the export makes it.
    pub fn makes_folder(self) -> bool {
        self == FileAction::Export(Export::Csv)
    }

    /// The dialog's title.
    pub fn title(self, lang: crate::Lang) -> &'static str {
        match self {
            FileAction::Open => lang.pick("打开方案", "Open a plan"),
            FileAction::SaveAs => lang.pick("另存为", "Save as"),
            FileAction::Catalog => lang.pick("打开资金目录", "Open a catalog"),
            FileAction::SwitchCatalog => {
                lang.pick("选择要更换的资金目录", "Choose the catalog to switch to")
            }
            FileAction::Compare => lang.pick("选择要比较的方案", "Choose the plan to compare with"),
            FileAction::Summarize => lang.pick("选择方案文件夹", "Choose a folder of plans"),
            FileAction::Export(Export::Csv) => {
                lang.pick("导出 CSV 到文件夹", "Export CSV files to a folder")
            }
            FileAction::Export(_) => lang.pick("导出到", "Export to"),
            FileAction::Import => lang.pick("从 Excel 导入", "Import from Excel"),
            FileAction::SaveCatalog => lang.pick("另存为新目录", "Save as a new catalog"),
            FileAction::ExportCatalog => {
                lang.pick("导出目录为工作簿", "Export the catalog as a workbook")
            }
            FileAction::ImportCatalog => {
                lang.pick("从工作簿导入目录", "Import a catalog from a workbook")
            }
        }
    }

    /// The OK button's text.
    pub fn verb(self, lang: crate::Lang) -> &'static str {
        match self {
            FileAction::Open | FileAction::Catalog | FileAction::SwitchCatalog => {
                lang.pick("打开", "Open")
            }
            FileAction::SaveAs | FileAction::SaveCatalog => lang.pick("保存", "Save"),
            FileAction::Compare => lang.pick("比较", "Compare"),
            FileAction::Summarize => lang.pick("汇总", "Roll up"),
            FileAction::Export(_) | FileAction::ExportCatalog => lang.pick("导出", "Export"),
            FileAction::Import | FileAction::ImportCatalog => lang.pick("导入", "Import"),
        }
    }
}

/// Dialogs in flight.
pub struct FileDialogs {
    tx: Sender<Action>,
    rx: Receiver<Action>,
    /// Whether the desktop has a native dialog, if told rather than found
    /// (tests play a bare desktop with `Some(false)`).
    pub native: Option<bool>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        FileDialogs {
            tx,
            rx,
            native: None,
        }
    }
}

/// Hands what a dialog thread picked to the app. Sending fails only when the
/// receiver is gone, i.e. the app has closed: nobody waits for the pick then.
fn deliver(tx: &Sender<Action>, action: Action) {
    tx.send(action).ok();
}

impl FileDialogs {
    /// Asks for the path `form` is for: with the system's dialog on a worker
    /// thread (or, if the desktop turns out to have none, with `form` sent
    /// back as [`Action::Show`]), or by returning `form` to be shown now when
    /// `choice` is [`Choice::Builtin`] or the desktop is known to have none.
    /// Whatever is picked arrives as [`PathForm::picked`] says.
    pub fn ask(
        &self,
        ctx: &egui::Context,
        lang: crate::Lang,
        choice: Choice,
        form: PathForm,
    ) -> Option<PathForm> {
        let native = match choice {
            Choice::Builtin => return Some(form),
            Choice::Native => Some(true),
            Choice::Auto => self.native.or_else(avail::known),
        };
        if native == Some(false) {
            // Known already: no thread, no frame's wait.
            return Some(PathForm {
                why: Why::Unavailable,
                ..form
            });
        }
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            if native.is_none() && !avail::native_available() {
                let form = PathForm {
                    why: Why::Unavailable,
                    ..form
                };
                deliver(&tx, Action::Show(Dialog::Path(Box::new(form))));
            } else if let Some(path) = system_dialog(&form, lang) {
                deliver(&tx, form.picked(path));
            }
            ctx.request_repaint();
        });
        None
    }

    /// Actions from finished dialogs.
    pub fn poll(&self) -> Vec<Action> {
        self.rx.try_iter().collect()
    }
}

/// The system's dialog for `form` (blocking: on a worker thread). `None` is
/// the user cancelling (or, with `FUNDPLAN_FILE_DIALOG=native`, no dialog).
fn system_dialog(form: &PathForm, lang: crate::Lang) -> Option<PathBuf> {
    let purpose = form.purpose;
    let mut dialog = rfd::FileDialog::new()
        .set_title(purpose.title(lang))
        .set_directory(&form.listing.folder);
    if let Some(ext) = purpose.extension() {
        let name = match ext {
            "ron" => "fundplan (*.ron)",
            "xlsx" => "Excel (*.xlsx)",
            _ => "PDF (*.pdf)",
        };
        dialog = dialog.add_filter(name, &[ext]);
    }
    match purpose.kind() {
        Kind::Open => dialog.pick_file(),
        Kind::Folder => dialog.pick_folder(),
        Kind::Save => {
            let name = form
                .path()
                .file_name()
                .map(|n| n.to_string_lossy().into_owned());
            if let Some(name) = name {
                dialog = dialog.set_file_name(name);
            }
            dialog.save_file().map(|mut p| {
                if p.extension().is_none()
                    && let Some(ext) = purpose.extension()
                {
                    p.set_extension(ext);
                }
                p
            })
        }
    }
}

/// A path shown in menus: the file name, then its folder.
pub fn short(path: &Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => format!("{name}  ({})", dir.display()),
        _ => name,
    }
}

/// `path` made absolute against the working directory, as the app takes
/// every path it is given (the command line, the recent list, a dialog): a
/// relative one would be read against the wrong folder once it is joined to
/// a folder the dialog lists ("文件夹不存在：league/league"). Not
/// canonicalized, so the user's own spelling (a link's name) is kept; kept as
/// it is when there is no working directory.
pub fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// Paths in the recent list that still exist.
pub fn existing(recent: &[PathBuf]) -> impl Iterator<Item = &PathBuf> {
    recent.iter().filter(|p| p.exists())
}
