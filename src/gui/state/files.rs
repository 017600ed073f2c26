//! Native open/save dialogs (rfd) on a worker thread, so the window never
//! freezes; results come back as actions on a later frame.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use crate::gui::app::Action;

/// What a picked path is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileAction {
    /// A plan to compare the open one with.
    Compare,
    /// A folder to roll up.
    Summarize,
    /// Where to write an export.
    Export(Export),
    /// A workbook to import.
    Import,
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

/// Dialogs in flight.
pub struct FileDialogs {
    tx: Sender<Action>,
    rx: Receiver<Action>,
}

impl Default for FileDialogs {
    fn default() -> Self {
        let (tx, rx) = channel();
        FileDialogs { tx, rx }
    }
}

/// Hands what a dialog thread picked to the app. Sending fails only when the
/// receiver is gone, i.e. the app has closed: nobody waits for the pick then.
fn deliver(tx: &Sender<Action>, action: Action) {
    tx.send(action).ok();
}

fn ron_filter(d: rfd::FileDialog) -> rfd::FileDialog {
    d.add_filter("fundplan (*.ron)", &["ron"])
}

impl FileDialogs {
    /// Shows an open dialog; the chosen file arrives as [`Action::Open`].
    pub fn open(&self) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            if let Some(path) = ron_filter(rfd::FileDialog::new()).pick_file() {
                deliver(&tx, Action::Open(path));
            }
        });
    }

    /// Shows an open dialog for a catalog; it arrives as [`Action::LoadCatalog`].
    pub fn open_catalog(&self) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            if let Some(path) = ron_filter(rfd::FileDialog::new()).pick_file() {
                deliver(&tx, Action::LoadCatalog(path));
            }
        });
    }

    /// Asks for a plan file or a folder, for `purpose`.
    pub fn pick(&self, purpose: FileAction) {
        let tx = self.tx.clone();
        std::thread::spawn(move || {
            let action = match purpose {
                FileAction::Compare => ron_filter(rfd::FileDialog::new())
                    .pick_file()
                    .map(Action::CompareWith),
                FileAction::Summarize => rfd::FileDialog::new()
                    .pick_folder()
                    .map(|p| Action::Summarize(vec![p])),
                FileAction::Import => rfd::FileDialog::new()
                    .add_filter("Excel (*.xlsx)", &["xlsx"])
                    .pick_file()
                    .map(Action::Import),
                FileAction::Export(Export::Csv) => rfd::FileDialog::new()
                    .pick_folder()
                    .map(|p| Action::Export(Export::Csv, p)),
                FileAction::Export(kind) => {
                    let (filter, ext) = match kind {
                        Export::Xlsx => ("Excel (*.xlsx)", "xlsx"),
                        _ => ("PDF (*.pdf)", "pdf"),
                    };
                    rfd::FileDialog::new()
                        .add_filter(filter, &[ext])
                        .save_file()
                        .map(|mut p| {
                            if p.extension().is_none() {
                                p.set_extension(ext);
                            }
                            Action::Export(kind, p)
                        })
                }
            };
            if let Some(a) = action {
                deliver(&tx, a);
            }
        });
    }

    /// Shows a save dialog; the chosen file arrives as [`Action::SaveTo`].
    pub fn save_as(&self, ctx: &egui::Context, suggested: String) {
        self.save_ron_as(ctx, suggested, Action::SaveTo);
    }

    /// Shows a save dialog for a new catalog; the chosen file arrives as
    /// [`Action::SaveCatalogTo`].
    pub fn save_catalog_as(&self, ctx: &egui::Context, suggested: String) {
        self.save_ron_as(ctx, suggested, Action::SaveCatalogTo);
    }

    /// Asks where to save a `.ron` file; the path arrives as `to(path)`.
    fn save_ron_as(&self, ctx: &egui::Context, suggested: String, to: fn(PathBuf) -> Action) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        std::thread::spawn(move || {
            if let Some(mut path) = ron_filter(rfd::FileDialog::new())
                .set_file_name(suggested)
                .save_file()
            {
                if path.extension().is_none() {
                    path.set_extension("ron");
                }
                deliver(&tx, to(path));
                ctx.request_repaint();
            }
        });
    }

    /// Actions from finished dialogs.
    pub fn poll(&self) -> Vec<Action> {
        self.rx.try_iter().collect()
    }
}

/// A path shown in menus: the file name, then its folder.
pub fn short(path: &std::path::Path) -> String {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => format!("{name}  ({})", dir.display()),
        _ => name,
    }
}

/// Paths in the recent list that still exist.
pub fn existing(recent: &[PathBuf]) -> impl Iterator<Item = &PathBuf> {
    recent.iter().filter(|p| p.exists())
}
