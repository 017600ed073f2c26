//! Snapshots of the app's accessibility tree: each node that has a name or a value (but
//! the text runs that repeat their label's), in tree order, as `Role "name" = "value"` lines, compared with a text file under
//! tests/gui/snapshots/. A label that goes missing, is renamed or moves fails the test with
//! the first line that differs. `UPDATE_SNAPSHOTS=1 cargo test --test gui` writes the files
//! anew (then read the diff before committing it).
//!
//! Hand-written, not `insta`: a compare and a write are twenty lines, the files are plain
//! text a reviewer reads in the diff, the repository already updates its fixtures this way
//! (`UPDATE_FIXTURES=1`, core/tests/core/rules.rs), and the one binary that links egui
//! gains no dependencies to compile.

use egui_kittest::kittest::NodeT;

use crate::common::{H, root};

/// The tree's named nodes, one line each, children after their parent.
pub fn tree_text(h: &H) -> String {
    fn walk(node: egui_kittest::kittest::AccessKitNode<'_>, out: &mut String) {
        let label = node.label();
        let value = node.value();
        // A text run repeats the value of the label it belongs to.
        let run = node.role() == egui::accesskit::Role::TextRun;
        if !run && (label.is_some() || value.is_some()) {
            out.push_str(&format!("{:?}", node.role()));
            if let Some(l) = label {
                out.push_str(&format!(" {l:?}"));
            }
            if let Some(v) = value {
                out.push_str(&format!(" = {v:?}"));
            }
            out.push('\n');
        }
        for child in node.children() {
            walk(child, out);
        }
    }
    let mut out = String::new();
    walk(h.root().accesskit_node(), &mut out);
    out
}

/// Fails unless the tree is the one stored as `name` (or writes it, with UPDATE_SNAPSHOTS=1).
pub fn assert_tree(h: &H, name: &str) {
    let path = root(&format!("tests/gui/snapshots/{name}.txt"));
    let actual = tree_text(h);
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, &actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; UPDATE_SNAPSHOTS=1 cargo test --test gui writes it",
            path.display()
        )
    });
    if actual == expected {
        return;
    }
    let (a, e): (Vec<&str>, Vec<&str>) = (actual.lines().collect(), expected.lines().collect());
    let at = a.iter().zip(&e).take_while(|(x, y)| x == y).count();
    panic!(
        "{name}: the accessibility tree differs from {} at line {} (now {} lines, stored {}):\n  \
         stored: {}\n  now:    {}\n(UPDATE_SNAPSHOTS=1 writes it anew when the change is meant)",
        path.display(),
        at + 1,
        a.len(),
        e.len(),
        e.get(at).unwrap_or(&"(end)"),
        a.get(at).unwrap_or(&"(end)"),
    );
}
