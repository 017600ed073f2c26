//! The desktop app's layers point strictly downward (issue 23):
//! `app → shell, screens, dialogs → kit → state → fundplan-core`.
//!
//! Walks `src/gui/` and fails, naming file and line, on a path that climbs:
//! a file outside `app/` naming `gui::app`; `kit/` or `state/` naming
//! `screens`, `dialogs` or `shell`; `state/` naming `kit`; any layer naming
//! the top (`crate::gui::Action`, a re-export in `gui/mod.rs`). It reads
//! `crate::gui::x`, `gui::x`, `super::super::x` (counting inline `mod … {}`
//! blocks), also split over lines, and grouped `use crate::gui::{app, …}` trees,
//! also after `pub(in …)`; the GUI module itself renamed (`use crate::gui as g`,
//! `{self as g}`) counts as the top, and `#[path = "…"] mod x;` as the layer its
//! file lies in. Comments and string literals are skipped. Test code (a `#[cfg(test)]`
//! module, a `tests` file or folder) may name the test harness (`gui::harness`, which
//! draws screens and dialogs, so it sits at the top); nothing else above it. Std only:
//! it needs no GUI to run.

use std::fmt;
use std::path::{Path, PathBuf};

mod lexis;

use lexis::{chains, code_only, expand, use_tree, without_visibility};

/// A layer's height: a file may name its own and lower ones only.
fn rank(layer: &str) -> u8 {
    match layer {
        "state" => 0,
        "kit" => 1,
        "shell" | "screens" | "dialogs" => 2,
        "app" => 3,
        // `gui/mod.rs` and what it defines or re-exports: the top.
        _ => 4,
    }
}

/// Upward edges still allowed, each with who removes it. An entry that no
/// longer occurs fails the test too, so the list cannot outlive its reason.
const PENDING: &[(&str, &str, &str)] = &[];

/// One upward reference.
#[derive(Debug, PartialEq, Eq)]
struct Edge {
    /// The file, relative to `src/gui/`.
    file: String,
    /// From 1.
    line: usize,
    /// The layer named.
    to: String,
    /// The path as written (expanded from a grouped `use`).
    path: String,
}

impl fmt::Display for Edge {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let from = self.file.split('/').next().unwrap_or("");
        write!(
            f,
            "src/gui/{}:{}: {from} names {} (`{}`)",
            self.file, self.line, self.to, self.path
        )
    }
}

/// The layer a `#[path = "…"]` module file lies in: the path is taken from the folder of
/// `file` (`kit/x.rs` → `kit/`); a file outside the layer folders is the top.
fn path_attribute_layer(file: &str, raw_line: &str) -> Option<String> {
    let literal = raw_line.split('"').nth(1)?;
    let mut parts: Vec<&str> = file.split('/').collect();
    parts.pop();
    for part in literal.split(['/', '\\']) {
        match part {
            "" | "." => {}
            ".." => {
                if parts.pop().is_none() {
                    return Some("gui".to_string());
                }
            }
            p => parts.push(p),
        }
    }
    Some(match parts.as_slice() {
        [layer, _, ..] => (*layer).to_string(),
        _ => "gui".to_string(),
    })
}

/// The layer a path names, seen from the module `here` (`["gui", "kit",
/// "widgets"]`) inside `inline` inline modules; `None` when it stays put or
/// leaves the GUI.
fn target(path: &str, here: &[String], inline: usize) -> Option<String> {
    let seg: Vec<&str> = path.split("::").collect();
    // `self` in a use tree (`crate::gui::{self as g}`) names the module before it.
    let top = |name: Option<&&str>| match name {
        None | Some(&"self") => Some("gui".to_string()),
        Some(name) => Some((*name).to_string()),
    };
    match seg.as_slice() {
        ["crate", "gui", name, ..] | ["gui", name, ..] => top(Some(name)),
        ["crate", "gui"] => top(None),
        ["super", ..] => {
            let ups = seg.iter().take_while(|s| **s == "super").count();
            let real = ups.saturating_sub(inline);
            if real == 0 {
                return None;
            }
            let base = here.get(..here.len().checked_sub(real)?)?;
            match base {
                [gui] if gui == "gui" => top(seg.get(ups)),
                [gui, layer, ..] if gui == "gui" => Some(layer.clone()),
                _ => None,
            }
        }
        _ => None,
    }
}

/// The upward edges of one file, given as its path under `src/gui/` and text.
fn scan(file: &str, text: &str) -> Vec<Edge> {
    let Some((layer, _)) = file.split_once('/') else {
        return Vec::new(); // gui/mod.rs: the top.
    };
    let mut here: Vec<String> = std::iter::once("gui")
        .chain(file.trim_end_matches(".rs").split('/'))
        .map(str::to_string)
        .collect();
    if here.last().is_some_and(|l| l == "mod") {
        here.pop();
    }
    // Test code may name the test harness (it draws screens, so it sits at the top).
    let test_file = file
        .trim_end_matches(".rs")
        .split('/')
        .any(|part| part == "tests");
    let code = without_visibility(&code_only(text));
    let raw: Vec<&str> = text.lines().collect();
    // Inline modules open at these brace depths.
    let (mut depth, mut inline): (usize, Vec<usize>) = (0, Vec::new());
    // The number of inline modules each line is in.
    let mut inline_at = Vec::new();
    // The code without its use declarations (blanked, line breaks kept), for the paths
    // outside them, which may run over several lines.
    let mut rest = String::with_capacity(code.len());
    let mut paths: Vec<(usize, String)> = Vec::new();
    let mut open_use: Option<(usize, String)> = None;
    // The brace depth a `#[cfg(test)]` module opened at, while inside it; whether each line is.
    let (mut test_mod, mut cfg_test): (Option<usize>, bool) = (None, false);
    let mut test_at = Vec::new();
    for (n, line) in code.lines().enumerate() {
        inline_at.push(inline.len());
        test_at.push(test_mod.is_some());
        let words: Vec<&str> = line.split_whitespace().collect();
        let is_mod = words.iter().position(|w| *w == "mod").is_some_and(|k| {
            words.get(k + 2) == Some(&"{") || words.get(k + 1).is_some_and(|w| w.ends_with('{'))
        });
        let tree = match open_use.take() {
            Some((line0, text)) => Some((line0, text + line)),
            None => use_tree(line).map(|t| (n, t.to_string())),
        };
        match tree {
            Some((line0, text)) => {
                match text.split_once(';') {
                    Some((tree, _)) => paths.extend(expand(tree).into_iter().map(|p| (line0, p))),
                    None => open_use = Some((line0, text)),
                }
                rest.extend(std::iter::repeat_n(' ', line.len()));
            }
            None => rest.push_str(line),
        }
        rest.push('\n');
        if line.contains("#[path") {
            let to = raw.get(n).and_then(|r| path_attribute_layer(file, r));
            paths.extend(to.map(|to| (n, format!("#[path] {to}"))));
        }
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if inline.last() == Some(&depth) {
                        inline.pop();
                    }
                    if test_mod == Some(depth) {
                        test_mod = None;
                    }
                }
                _ => {}
            }
        }
        if is_mod {
            inline.push(depth.saturating_sub(1));
            if cfg_test && test_mod.is_none() {
                test_mod = Some(depth.saturating_sub(1));
            }
        }
        let attribute = line.trim();
        cfg_test = attribute == "#[cfg(test)]" || (cfg_test && attribute.starts_with("#["));
    }
    for (offset, path) in chains(&rest) {
        let line = rest[..offset].matches('\n').count();
        paths.push((line, path));
    }
    paths.sort_by_key(|(line, _)| *line);
    let mut edges = Vec::new();
    for (at, path) in paths {
        let to = match path.strip_prefix("#[path] ") {
            Some(to) => Some(to.to_string()),
            None => target(&path, &here, inline_at.get(at).copied().unwrap_or(0)),
        };
        if let Some(to) = to
            && rank(&to) > rank(layer)
            && !((test_file || test_at.get(at).copied().unwrap_or(false)) && to == "harness")
        {
            edges.push(Edge {
                file: file.to_string(),
                line: at + 1,
                to,
                path,
            });
        }
    }
    edges
}

/// Every `.rs` file under `dir`, sorted.
fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", dir.display()))
        .map(|e| e.expect("a directory entry").path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn gui_layers_point_only_downward() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/gui");
    let mut files = Vec::new();
    rust_files(&root, &mut files);
    assert!(files.len() > 30, "src/gui/ has {} files", files.len());
    let mut edges = Vec::new();
    for path in &files {
        let rel = path.strip_prefix(&root).expect("under src/gui");
        let text = std::fs::read_to_string(path).expect("a source file");
        edges.extend(scan(&rel.to_string_lossy(), &text));
    }
    let pending = |e: &Edge| PENDING.iter().any(|(f, to, _)| e.file == *f && e.to == *to);
    let stale: Vec<_> = PENDING
        .iter()
        .filter(|(f, to, _)| !edges.iter().any(|e| e.file == *f && e.to == *to))
        .collect();
    let upward: Vec<String> = edges
        .iter()
        .filter(|e| !pending(e))
        .map(Edge::to_string)
        .collect();
    assert!(
        upward.is_empty(),
        "{} upward references in src/gui/ (app → shell, screens, dialogs → kit → state):\n{}",
        upward.len(),
        upward.join("\n")
    );
    assert!(
        stale.is_empty(),
        "allowed edges that no longer occur: {stale:?}"
    );
}

#[test]
fn the_scan_flags_each_form_of_upward_path_and_nothing_else() {
    let text = r#"//! Names crate::gui::app in a comment only.
use crate::gui::state::view::View;
use crate::gui::{
    app::Action,
    kit::theme,
};
use super::super::screens::matrix_ui;
use super::theme as t;

fn f() {
    let s = "crate::gui::dialogs::Dialog";
    let q = '"';
    out.push(crate::gui::dialogs::Dialog::About); // crate::gui::shell
    gui::FundplanApp::new();
}

#[cfg(test)]
mod tests {
    use super::*;
    use super::super::super::kit::paste;
}
"#;
    assert_flags(
        "state/widgets.rs",
        text,
        &[
            (3, "app"),
            (3, "kit"),
            (7, "screens"),
            (13, "dialogs"),
            (14, "FundplanApp"),
            (20, "kit"),
        ],
    );
    // The same text one layer up names nothing above kit but app and the top.
    let from_screens: Vec<String> = scan("screens/x.rs", text)
        .into_iter()
        .map(|e| e.to)
        .collect();
    assert_eq!(from_screens, ["app", "FundplanApp"]);
    assert!(scan("app/x.rs", text).iter().all(|e| e.to == "FundplanApp"));
}

/// Forms the first scan missed: a use under a restricted visibility, the GUI module renamed,
/// a module file taken from another layer by `#[path]`, and a path split across lines.
#[test]
fn the_scan_flags_visibility_aliases_path_attributes_and_split_paths() {
    let text = r#"pub(in crate::gui) use crate::gui::{app::Action};
use crate::gui as g;
#[path = "../screens/x.rs"]
mod x;
pub(crate) fn f() -> u8 {
    let a = crate::gui::
        dialogs::Dialog::About;
    let b = crate::gui
        ::shell::bar();
    pub(in crate::gui) struct S;
    0
}
use crate::gui::{self as top};
#[path = "inner/y.rs"] mod y;
"#;
    assert_flags(
        "state/widgets.rs",
        text,
        &[
            (1, "app"),
            (2, "gui"),
            (3, "screens"),
            (6, "dialogs"),
            (8, "shell"),
            (13, "gui"),
        ],
    );
    // From app/, only the GUI module itself is above.
    assert_flags("app/x.rs", text, &[(2, "gui"), (13, "gui")]);
}

/// The scan of `text` as the file `file` finds exactly these (line, layer) edges.
fn assert_flags(file: &str, text: &str, want: &[(usize, &str)]) {
    let found: Vec<(usize, String)> = scan(file, text)
        .into_iter()
        .map(|e| (e.line, e.to))
        .collect();
    let want: Vec<(usize, String)> = want.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(found, want, "{file}");
}

#[test]
fn test_code_may_name_the_harness_and_nothing_else_above() {
    let text = r#"use crate::gui::harness::OneScreen;

#[cfg(test)]
#[allow(unused)]
mod tests {
    use crate::gui::harness::OneScreen;
    use crate::gui::app::FundplanApp;
}

fn after() {
    crate::gui::harness::draw();
}
"#;
    let found: Vec<(usize, String)> = scan("screens/x.rs", text)
        .into_iter()
        .map(|e| (e.line, e.to))
        .collect();
    let want = [(1, "harness"), (7, "app"), (11, "harness")];
    let want: Vec<(usize, String)> = want.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(found, want);
    let in_tests: Vec<String> = scan("screens/x/tests/y.rs", text)
        .into_iter()
        .map(|e| e.to)
        .collect();
    assert_eq!(in_tests, ["app"]);
}
