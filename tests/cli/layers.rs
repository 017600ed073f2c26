//! The desktop app's layers point strictly downward (issue 23):
//! `app → shell, screens, dialogs → kit → state → fundplan-core`.
//!
//! Walks `src/gui/` and fails, naming file and line, on a path that climbs:
//! a file outside `app/` naming `gui::app`; `kit/` or `state/` naming
//! `screens`, `dialogs` or `shell`; `state/` naming `kit`; any layer naming
//! the top (`crate::gui::Action`, a re-export in `gui/mod.rs`). It reads
//! `crate::gui::x`, `gui::x`, `super::super::x` (counting inline `mod … {}`
//! blocks) and grouped `use crate::gui::{app, …}` trees; comments and string
//! literals are skipped. Std only: it needs no GUI to run.

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a test fails by panicking; clippy.toml exempts #[test] functions, not their helpers"
)]

use std::fmt;
use std::path::{Path, PathBuf};

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

/// Blanks comments and the insides of string and char literals, keeping
/// line breaks, so that only code is searched.
fn code_only(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    let blank = |c: char| if c == '\n' { '\n' } else { ' ' };
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                out.push(' ');
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            while i < chars.len() && !(chars[i] == '*' && chars.get(i + 1) == Some(&'/')) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str("  ");
            i += 2;
        } else if c == 'r' && (next == Some('"') || next == Some('#')) && !ident_before(&chars, i) {
            // A raw string: r"…" or r#"…"#.
            let hashes = chars[i + 1..].iter().take_while(|&&h| h == '#').count();
            if chars.get(i + 1 + hashes) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            let close: Vec<char> = std::iter::once('"')
                .chain("#".repeat(hashes).chars())
                .collect();
            out.push_str(&" ".repeat(2 + hashes));
            i += 2 + hashes;
            while i < chars.len() && !chars[i..].starts_with(&close) {
                out.push(blank(chars[i]));
                i += 1;
            }
            out.push_str(&" ".repeat(close.len()));
            i += close.len();
        } else if c == '"' {
            out.push(' ');
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                let skip = if chars[i] == '\\' { 2 } else { 1 };
                for k in 0..skip {
                    if let Some(&ch) = chars.get(i + k) {
                        out.push(blank(ch));
                    }
                }
                i += skip;
            }
            out.push(' ');
            i += 1;
        } else if c == '\'' && (chars.get(i + 2) == Some(&'\'') || next == Some('\\')) {
            // A char literal ('"', '\'', '\n'); a lifetime has no closing quote.
            let from = if next == Some('\\') { i + 3 } else { i + 2 };
            let end = (from..chars.len()).find(|&k| chars[k] == '\'');
            let end = end.unwrap_or(i);
            out.push_str(&" ".repeat(end + 1 - i));
            i = end + 1;
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// What follows `use` on a line that starts a use declaration.
fn use_tree(line: &str) -> Option<&str> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let k = words.iter().position(|w| *w == "use")?;
    let before_ok = words[..k]
        .iter()
        .all(|w| w.starts_with("pub") || w.starts_with("#["));
    let at = line.find("use ")?;
    before_ok.then(|| &line[at + 4..])
}

/// Expands a use tree (`crate::gui::{app, kit::{a as b, c}}`) into its paths.
fn expand(tree: &str) -> Vec<String> {
    // Renames (`as x`) go: the path is what counts.
    let mut words = tree.split_whitespace();
    let mut tree = String::new();
    while let Some(w) = words.next() {
        if w == "as" {
            let renamed = words.next().unwrap_or("");
            tree.extend(
                renamed
                    .chars()
                    .skip_while(|c| c.is_alphanumeric() || *c == '_'),
            );
        } else {
            tree.push_str(w);
        }
    }
    let Some(open) = tree.find('{') else {
        return vec![tree];
    };
    let prefix = &tree[..open];
    let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
    let (mut parts, mut depth, mut start) = (Vec::new(), 0, 0);
    for (k, c) in inner.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&inner[start..k]);
                start = k + 1;
            }
            _ => {}
        }
    }
    parts.push(&inner[start..]);
    parts
        .into_iter()
        .filter(|p| !p.is_empty())
        .flat_map(|p| expand(&format!("{prefix}{p}")))
        .collect()
}

/// The `a::b::c` chains in a stretch of code, each with its byte offset.
fn chains(code: &str) -> Vec<(usize, String)> {
    let bytes = code.as_bytes();
    let is_id = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !is_id(bytes[i]) || (i > 0 && (is_id(bytes[i - 1]) || bytes[i - 1] == b':')) {
            i += 1;
            continue;
        }
        let start = i;
        loop {
            while i < bytes.len() && is_id(bytes[i]) {
                i += 1;
            }
            if code[i..].starts_with("::") && bytes.get(i + 2).is_some_and(|&b| is_id(b)) {
                i += 2;
            } else {
                break;
            }
        }
        if code[start..i].contains("::") {
            found.push((start, code[start..i].to_string()));
        }
    }
    found
}

/// The layer a path names, seen from the module `here` (`["gui", "kit",
/// "widgets"]`) inside `inline` inline modules; `None` when it stays put or
/// leaves the GUI.
fn target(path: &str, here: &[String], inline: usize) -> Option<String> {
    let seg: Vec<&str> = path.split("::").collect();
    match seg.as_slice() {
        ["crate", "gui", name, ..] | ["gui", name, ..] => Some((*name).to_string()),
        ["super", ..] => {
            let ups = seg.iter().take_while(|s| **s == "super").count();
            let real = ups.saturating_sub(inline);
            if real == 0 {
                return None;
            }
            let base = here.get(..here.len().checked_sub(real)?)?;
            match base {
                [gui] if gui == "gui" => seg.get(ups).map(|s| (*s).to_string()),
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
    let code = code_only(text);
    // Inline modules open at these brace depths.
    let (mut depth, mut inline): (usize, Vec<usize>) = (0, Vec::new());
    let mut edges = Vec::new();
    let mut open_use: Option<(usize, String)> = None;
    for (n, line) in code.lines().enumerate() {
        let words: Vec<&str> = line.split_whitespace().collect();
        let is_mod = words.iter().position(|w| *w == "mod").is_some_and(|k| {
            words.get(k + 2) == Some(&"{") || words.get(k + 1).is_some_and(|w| w.ends_with('{'))
        });
        let mut paths: Vec<(usize, String)> = Vec::new();
        let tree = match open_use.take() {
            Some((line0, text)) => Some((line0, text + line)),
            None => use_tree(line).map(|t| (n, t.to_string())),
        };
        match tree {
            Some((line0, text)) => match text.split_once(';') {
                Some((tree, _)) => paths.extend(expand(tree).into_iter().map(|p| (line0, p))),
                None => open_use = Some((line0, text)),
            },
            None => paths.extend(chains(line).into_iter().map(|(_, p)| (n, p))),
        }
        for (at, path) in paths {
            if let Some(to) = target(&path, &here, inline.len())
                && rank(&to) > rank(layer)
            {
                edges.push(Edge {
                    file: file.to_string(),
                    line: at + 1,
                    to,
                    path,
                });
            }
        }
        for c in line.chars() {
            match c {
                '{' => depth += 1,
                '}' => {
                    depth = depth.saturating_sub(1);
                    if inline.last() == Some(&depth) {
                        inline.pop();
                    }
                }
                _ => {}
            }
        }
        if is_mod {
            inline.push(depth.saturating_sub(1));
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
    let found: Vec<(usize, String)> = scan("state/widgets.rs", text)
        .into_iter()
        .map(|e| (e.line, e.to))
        .collect();
    let want = [
        (3, "app"),
        (3, "kit"),
        (7, "screens"),
        (13, "dialogs"),
        (14, "FundplanApp"),
        (20, "kit"),
    ];
    let want: Vec<(usize, String)> = want.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(found, want);
    // The same text one layer up names nothing above kit but app and the top.
    let from_screens: Vec<String> = scan("screens/x.rs", text)
        .into_iter()
        .map(|e| e.to)
        .collect();
    assert_eq!(from_screens, ["app", "FundplanApp"]);
    assert!(scan("app/x.rs", text).iter().all(|e| e.to == "FundplanApp"));
}
