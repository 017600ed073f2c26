//! 不保存 in the unsaved-changes question is asked once per step: the step
//! that then asks for a path (打开…) runs with the path picked, without the
//! same question again; a change made after the answer asks again.

use super::*;

/// The sample saved as `other.ron` in a new folder, beside the plan in the
/// window (never saved), changed; the folder and the changed plan.
fn changed_beside_other(h: &mut H) -> (tempfile::TempDir, PathBuf, Plan) {
    let dir = tempfile::tempdir().unwrap();
    let other = dir.path().join("other.ron");
    std::fs::write(
        &other,
        crate::file::plan_to_string(&bundled_sample()) + "\n",
    )
    .unwrap();
    let edited = change(h);
    (dir, other, edited)
}

/// The unsaved-changes question is open: 不保存.
fn answer_dont_save(h: &mut H) {
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved(_))),
        "{:?}",
        h.state().dialog()
    );
    click(h, "不保存");
}

/// `step` (Ctrl+O, or 文件 › 从 Excel 导入…) asks, 不保存; the built-in
/// path dialog it shows goes again (Escape), standing in for the system's,
/// whose path arrives later as [`Action::Picked`] (what `files.poll`
/// delivers) while the window stays usable.
fn dont_save_then_the_system_dialog(h: &mut H, step: impl FnOnce(&mut H)) {
    step(h);
    answer_dont_save(h);
    h.key_press(Key::Escape);
    h.run();
    assert_eq!(h.state().dialog(), None);
}

/// 文件 › 从 Excel 导入…
fn import_menu(h: &mut H) {
    click(h, "文件");
    h.get_by_label("从 Excel 导入…").click();
    h.run();
}

/// The sample exported as a workbook in `dir`, to import.
fn workbook(dir: &tempfile::TempDir) -> PathBuf {
    let xlsx = dir.path().join("导入.xlsx");
    let sample = FundplanApp::with_prefs(Prefs::default());
    sample.export(Export::Xlsx, &xlsx).unwrap();
    xlsx
}

/// Types a second change (after the question was answered); the plan now.
fn change_again(h: &mut H) -> Plan {
    type_into(h, "C14 未纳入整合原因", "再改");
    h.state().doc().plan().clone()
}

/// `other` is open, nothing asked any more.
fn opened(h: &H, other: &std::path::Path) {
    assert_eq!(h.state().dialog(), None, "nothing more is asked");
    assert_eq!(h.state().doc().path(), Some(other));
    assert!(!h.state().doc().is_dirty());
}

#[test]
fn open_asks_once_with_the_builtin_dialog() {
    let mut h = builtin_app();
    let (_dir, other, _) = changed_beside_other(&mut h);
    ctrl(&mut h, Key::O);
    answer_dont_save(&mut h);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Path(_))),
        "{:?}",
        h.state().dialog()
    );
    type_path(&mut h, &other);
    opened(&h, &other);
}

/// The system dialog answers with the path picked, while the window stays
/// usable ([`Action::Picked`] is what `files.poll` delivers).
#[test]
fn open_asks_once_with_the_system_dialog() {
    let mut h = app_with(Prefs::default());
    let (_dir, other, _) = changed_beside_other(&mut h);
    dont_save_then_the_system_dialog(&mut h, |h| ctrl(h, Key::O));
    h.state_mut()
        .push(Action::Picked(FileAction::Open, other.clone()));
    h.run();
    opened(&h, &other);
}

/// A change typed after 不保存 (the system dialog leaves the window usable)
/// is not lost unasked: the question comes again.
#[test]
fn a_change_after_the_answer_asks_again() {
    let mut h = app_with(Prefs::default());
    let (_dir, other, _) = changed_beside_other(&mut h);
    dont_save_then_the_system_dialog(&mut h, |h| ctrl(h, Key::O));
    let edited = change_again(&mut h);
    h.state_mut()
        .push(Action::Picked(FileAction::Open, other.clone()));
    h.run();
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved(Pending::Open(p))) if p == &other),
        "{:?}",
        h.state().dialog()
    );
    assert_eq!(h.state().doc().plan(), &edited, "nothing is lost yet");
}

/// The answer was for that 打开: a later 打开 asks again.
#[test]
fn the_answer_is_for_one_step() {
    let mut h = builtin_app();
    let _ = changed_beside_other(&mut h);
    dont_save_then_the_system_dialog(&mut h, |h| ctrl(h, Key::O));
    ctrl(&mut h, Key::O);
    answer_dont_save(&mut h);
}

#[test]
fn import_asks_once() {
    let mut h = builtin_app();
    let (dir, _, _) = changed_beside_other(&mut h);
    let xlsx = workbook(&dir);
    import_menu(&mut h);
    answer_dont_save(&mut h);
    type_path(&mut h, &xlsx);
    assert!(
        !matches!(
            h.state().dialog(),
            Some(Dialog::Unsaved(_) | Dialog::Path(_))
        ),
        "{:?}",
        h.state().dialog()
    );
    assert_eq!(h.state().screen(), Screen::Findings, "imported");
}

/// A change typed between 不保存 on 从 Excel 导入… and the workbook the
/// system dialog picked is not replaced unasked.
#[test]
fn a_change_before_the_workbook_arrives_asks_again() {
    let mut h = app_with(Prefs::default());
    let (dir, _, _) = changed_beside_other(&mut h);
    let xlsx = workbook(&dir);
    dont_save_then_the_system_dialog(&mut h, import_menu);
    let edited = change_again(&mut h);
    h.state_mut()
        .push(Action::Picked(FileAction::Import, xlsx.clone()));
    h.run();
    assert!(
        matches!(h.state().dialog(), Some(Dialog::Unsaved(Pending::ImportFrom(p))) if p == &xlsx),
        "{:?}",
        h.state().dialog()
    );
    assert_eq!(h.state().doc().plan(), &edited, "nothing is lost yet");
    click(&mut h, "不保存");
    assert_eq!(h.state().screen(), Screen::Findings, "then imported");
}

/// A file dropped on the window, as the window system hands it over.
#[derive(Debug)]
struct Dropped(PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }

    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}

/// What 最近打开 and a dropped file send: asked once, then opened.
#[test]
fn a_dropped_file_asks_once() {
    let mut h = builtin_app();
    let (_dir, other, _) = changed_beside_other(&mut h);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(other.clone())));
    h.run();
    answer_dont_save(&mut h);
    opened(&h, &other);
}

#[test]
fn new_asks_once() {
    let mut h = builtin_app();
    let _ = changed_beside_other(&mut h);
    ctrl(&mut h, Key::N);
    answer_dont_save(&mut h);
    assert!(
        matches!(h.state().dialog(), Some(Dialog::New(_))),
        "{:?}",
        h.state().dialog()
    );
}
