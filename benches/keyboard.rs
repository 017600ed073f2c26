//! Keyboard-only entry of a real-sized plan, counted in key presses: a new
//! plan (Ctrl+N), 30 fund lines (29 catalog lines and one county own line),
//! 60 projects with 120 funding entries, every key sent to the real app
//! (headless, egui_kittest) the way a keyboard sends it, several keys in one
//! frame as a fast typist or a slow office PC delivers them.
//!
//! Not a timed benchmark: it prints how many keys each part took, next to
//! what the same entry takes in the officers' spreadsheet (表1 and 表2 in
//! Excel/WPS), and fails if the plan that comes out is not exactly the one
//! typed. `cargo bench --bench keyboard` (or, quicker to build,
//! `cargo test --bench keyboard`).

#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    reason = "a benchmark fails by panicking when its setup does"
)]

#[path = "../tests/gui/common.rs"]
mod common;

use eframe::App as _;
use egui::{Event, Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use fundplan::Money;
use fundplan::gui::FundplanApp;
use fundplan::plan::Use;

const LINES: usize = 30;
const PROJECTS: usize = 60;
const ENTRIES_PER_PROJECT: usize = 2;
/// Each funding entry, in 万元; every line is allocated and integrated four of them.
const ENTRY: &str = "100";
const LINE_TOTAL: &str = "400";

/// The app and the keys sent to it so far.
struct Keyboard {
    h: Harness<'static, FundplanApp>,
    keys: usize,
    /// Of `keys`, the characters typed (names and amounts).
    chars: usize,
}

impl Keyboard {
    /// Frames as eframe runs them: the app's `raw_input_hook` first (kittest
    /// does not call it), until held-back keys are delivered and it is idle.
    fn frames(&mut self) {
        for _ in 0..2000 {
            let ctx = self.h.ctx.clone();
            let mut raw = self.h.input_mut().clone();
            self.h.state_mut().raw_input_hook(&ctx, &mut raw);
            *self.h.input_mut() = raw;
            self.h.step();
            if !self.h.state().holds_input() {
                break;
            }
        }
        self.h.run();
    }

    /// One press of `key` with `modifiers`.
    fn key(&mut self, key: Key, modifiers: Modifiers) {
        for pressed in [true, false] {
            self.h.input_mut().events.push(Event::Key {
                key,
                physical_key: None,
                pressed,
                repeat: false,
                modifiers,
            });
        }
        self.keys += 1;
        self.frames();
    }

    fn press(&mut self, key: Key) {
        self.key(key, Modifiers::NONE);
    }

    fn ctrl(&mut self, key: Key) {
        self.key(key, Modifiers::COMMAND);
    }

    /// Types `text` in one frame, a key per character (Chinese counts as the
    /// characters an input method commits, not its keystrokes).
    fn text(&mut self, text: &str) {
        for c in text.chars() {
            self.h.input_mut().events.push(Event::Text(c.to_string()));
            self.keys += 1;
            self.chars += 1;
        }
        self.frames();
    }

    /// Types `text`, then presses `key`: the keys arrive in ONE frame.
    fn text_then(&mut self, text: &str, key: Key) {
        for c in text.chars() {
            self.h.input_mut().events.push(Event::Text(c.to_string()));
            self.keys += 1;
            self.chars += 1;
        }
        self.key(key, Modifiers::NONE);
    }

    /// The accessible name of the focused widget.
    fn focused(&self) -> Option<String> {
        self.h
            .query_by(|n| n.is_focused())
            .and_then(|n| n.accesskit_node().label())
    }

    /// Presses `key` (Tab, Shift+Tab) until the widget named `label` has focus.
    fn move_to(&mut self, label: &str, key: Key, modifiers: Modifiers) {
        for _ in 0..40 {
            if self.focused().as_deref() == Some(label) {
                return;
            }
            self.key(key, modifiers);
        }
        panic!("{label} never got focus; focus on {:?}", self.focused());
    }

    fn tab_to(&mut self, label: &str) {
        self.move_to(label, Key::Tab, Modifiers::NONE);
    }

    /// Keys sent since `start`.
    fn since(&self, start: usize) -> usize {
        self.keys - start
    }
}

/// How many keys the parts took.
#[derive(Default)]
struct Count {
    new_plan: usize,
    own_line: usize,
    line_keys: Vec<usize>,
    line_amount_chars: usize,
    project_keys: Vec<usize>,
    /// Of `project_keys`, the characters of the texts typed.
    project_chars: usize,
    entry_keys: Vec<usize>,
}

fn main() {
    let mut kb = Keyboard {
        h: common::app(),
        keys: 0,
        chars: 0,
    };
    let mut count = Count::default();

    // 新建方案: code, Tab, name, Enter.
    kb.ctrl(Key::N);
    kb.text_then("150125", Key::Tab);
    kb.text_then("武川县", Key::Enter);
    count.new_plan = kb.keys;
    assert_eq!(kb.h.state().doc().plan().county.code, "150125");

    // A county own line by the keyboard: to its button, Space, its name.
    let start = kb.keys;
    kb.ctrl(Key::Num2);
    kb.move_to("＋ 旗县资金", Key::Tab, Modifiers::SHIFT);
    kb.press(Key::Space);
    kb.text("旗县本级财政衔接资金");
    count.own_line = kb.since(start);
    let lines: Vec<String> = {
        let plan = kb.h.state().doc().plan();
        plan.sources.iter().map(|s| s.line.clone()).collect()
    };
    assert_eq!(lines.len(), LINES, "{lines:?}");

    // 资金来源, in display order from C01: allocated, Tab, integrated, Enter.
    kb.ctrl(Key::Num2);
    for line in &lines {
        assert_eq!(kb.focused(), Some(format!("{line} 下达金额")));
        let start = kb.keys;
        kb.text_then(LINE_TOTAL, Key::Tab);
        kb.text_then(LINE_TOTAL, Key::Enter);
        count.line_amount_chars += 2 * LINE_TOTAL.len();
        count.line_keys.push(kb.since(start));
    }

    // 项目安排: each project added below the last, its fields, then its funding.
    let uses = Use::ALL;
    for j in 0..PROJECTS {
        let start = kb.keys;
        let chars = kb.chars;
        kb.ctrl(Key::Num3);
        kb.ctrl(Key::Enter);
        let id = {
            let plan = kb.h.state().doc().plan();
            plan.projects
                .get(j)
                .map(|p| p.id.clone())
                .unwrap_or_default()
        };
        assert_eq!(kb.focused(), Some(format!("{id} 项目名称")), "project {j}");
        kb.text(&format!("第{}号嘎查产业项目", j + 1));
        // 使用方向: Down opens the list, Down moves, Enter picks.
        kb.tab_to(&format!("{id} 使用方向"));
        let want = uses.get(j % uses.len()).copied().unwrap_or(Use::Other);
        let at = kb.h.state().doc().plan().projects[j].use_;
        let from = uses.iter().position(|u| *u == at).unwrap_or(0);
        let to = uses.iter().position(|u| *u == want).unwrap_or(0);
        kb.press(Key::ArrowDown);
        for _ in from..to {
            kb.press(Key::ArrowDown);
        }
        kb.press(Key::Enter);
        kb.tab_to(&format!("{id} 苏木乡镇"));
        kb.text("可可以力更镇");
        kb.tab_to(&format!("{id} 实施单位"));
        kb.text("县农牧局");
        kb.tab_to(&format!("{id} 绩效目标（产出/效益/满意度）"));
        kb.text("带动脱贫户增收");
        kb.tab_to(&format!("{id} ＋ 添加资金来源…"));
        count.project_keys.push(kb.since(start));
        count.project_chars += kb.chars - chars;
        // Each entry: the line's code, Enter, the amount, Tab (back to the picker).
        for e in 0..ENTRIES_PER_PROJECT {
            let line = &lines[(ENTRIES_PER_PROJECT * j + e) % LINES];
            let start = kb.keys;
            kb.text_then(line, Key::Enter);
            kb.text_then(ENTRY, Key::Tab);
            count.entry_keys.push(kb.since(start));
        }
    }

    check(&kb, &lines);
    report(&count, &lines);
}

/// The plan is exactly what was typed: every amount in its cell, and valid.
fn check(kb: &Keyboard, lines: &[String]) {
    let plan = kb.h.state().doc().plan();
    let wan = |s: &str| Money::parse_in(s, fundplan::money::Unit::Wan).unwrap_or(Money::ZERO);
    for s in &plan.sources {
        assert_eq!(s.allocated, wan(LINE_TOTAL), "{} allocated", s.line);
        assert_eq!(s.integrated, wan(LINE_TOTAL), "{} integrated", s.line);
    }
    assert_eq!(plan.projects.len(), PROJECTS);
    for (j, p) in plan.projects.iter().enumerate() {
        let want: Vec<&str> = (0..ENTRIES_PER_PROJECT)
            .map(|e| lines[(ENTRIES_PER_PROJECT * j + e) % LINES].as_str())
            .collect();
        let got: Vec<&str> = p.funding.iter().map(|f| f.line.as_str()).collect();
        assert_eq!(got, want, "{} funding lines", p.id);
        assert!(p.funding.iter().all(|f| f.amount == wan(ENTRY)), "{}", p.id);
        assert_eq!(p.use_, Use::ALL[j % Use::ALL.len()], "{} use", p.id);
    }
    let report = kb.h.state().doc().report();
    let errors: Vec<String> = report
        .findings
        .iter()
        .filter(|f| f.severity() == fundplan::validate::Severity::Error)
        .map(|f| format!("{} {}", f.rule.code(), f.path))
        .collect();
    assert!(errors.is_empty(), "errors: {errors:?}");
}

fn mean(v: &[usize]) -> f64 {
    v.iter().sum::<usize>() as f64 / v.len().max(1) as f64
}

/// The table of key counts, with the spreadsheet's for the same plan.
fn report(count: &Count, lines: &[String]) {
    let max = |v: &[usize]| v.iter().copied().max().unwrap_or(0);
    // 表2 in a spreadsheet: a project per row, a column per fund line after
    // the text columns. After the row's texts the cursor is at the first line
    // column; each entry is Tab × (columns to its line) + the amount, the row
    // ends with Enter. Same 100 万元 per entry.
    let mut sheet_entries = Vec::new();
    for j in 0..PROJECTS {
        let mut col = 0;
        for e in 0..ENTRIES_PER_PROJECT {
            let target = (ENTRIES_PER_PROJECT * j + e) % LINES;
            let tabs = target.abs_diff(col);
            col = target;
            sheet_entries.push(tabs + ENTRY.len());
        }
    }
    let total_entry: usize = count.entry_keys.iter().sum();
    let total_sheet: usize = sheet_entries.iter().sum();
    println!(
        "keyboard-only entry: {} lines, {PROJECTS} projects, {} funding entries",
        lines.len(),
        count.entry_keys.len()
    );
    println!("| part | fundplan keys | spreadsheet keys |");
    println!("|---|---:|---:|");
    println!(
        "| new plan (code, Tab, name, Enter) | {} | – |",
        count.new_plan
    );
    println!(
        "| add the own line (to its button, Space, name) | {} | – |",
        count.own_line
    );
    println!(
        "| a source line (2 amounts of 3 digits + 2 keys) | {:.1} (max {}) | 8 (amount, Tab, amount, Enter) |",
        mean(&count.line_keys),
        max(&count.line_keys)
    );
    println!(
        "| a funding entry (code, Enter, 3-digit amount, Tab) | {:.1} (max {}) | {:.1} (Tabs to the line's column + amount) |",
        mean(&count.entry_keys),
        max(&count.entry_keys),
        mean(&sheet_entries)
    );
    let project_chars = count.project_chars as f64 / PROJECTS as f64;
    println!(
        "| a project's fields (new row, name, use, 苏木乡镇, 实施单位, 绩效目标, to the picker) | {:.1} ({project_chars:.0} characters typed + {:.1} keys) | – |",
        mean(&count.project_keys),
        mean(&count.project_keys) - project_chars
    );
    println!("| all funding entries | {total_entry} | {total_sheet} |");
    println!(
        "| whole plan | {} | – |",
        count.new_plan
            + count.own_line
            + count.line_keys.iter().sum::<usize>()
            + count.project_keys.iter().sum::<usize>()
            + total_entry
    );
}
