//! The app shell driven by keys and clicks as a person would: screens by
//! Ctrl+1 … Ctrl+8, the new-plan dialog, appearance, quitting, the jump
//! highlight, and submitting with a confirmation.

use crate::common;

use common::{click, ctrl, type_keys};

use egui::accesskit::Role;
use egui::{Key, Modifiers, Theme, ViewportCommand, ViewportId};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use fundplan::Money;
use fundplan::gui::{Dialog, FundplanApp, Screen};
use fundplan::money::Unit;

type H = Harness<'static, FundplanApp>;

/// Ctrl+1 … Ctrl+8.
fn screen_keys() -> Vec<Key> {
    (1..=9)
        .filter_map(|n| Key::from_name(&n.to_string()))
        .collect()
}

/// Opens a menu of the menu bar and clicks one of its items.
fn menu(h: &mut H, menu: &str, item: &str) {
    h.get_by_role_and_label(Role::Button, menu).click();
    h.run();
    click(h, item);
}

/// Ctrl+N, then the county code, Tab, and the name typed in the dialog.
fn start_a_new_plan(h: &mut H) {
    ctrl(h, Key::N);
    type_keys(h, "150928");
    h.key_press(Key::Tab);
    h.run();
    type_keys(h, "测试旗");
}

fn sent_close(h: &H) -> bool {
    h.output()
        .viewport_output
        .get(&ViewportId::ROOT)
        .is_some_and(|v| v.commands.contains(&ViewportCommand::Close))
}

#[test]
fn ctrl_1_to_9_show_the_screens_in_navigation_order() {
    let mut h = common::app();
    assert_eq!(screen_keys().len(), Screen::ALL.len());
    for (key, screen) in screen_keys().into_iter().zip(Screen::ALL) {
        ctrl(&mut h, key);
        assert_eq!(h.state().screen(), screen, "{key:?}");
    }
}

#[test]
fn arriving_by_key_focuses_the_first_input_and_typing_goes_there() {
    let mut h = common::app();
    ctrl(&mut h, Key::Num1);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "旗县代码")
            .is_focused(),
        "基本信息 by key focuses the county code"
    );

    ctrl(&mut h, Key::Num2);
    let first = h.state().doc().plan().sources[0].line.clone();
    let name = format!("{first} 下达金额");
    assert!(h.get_by_label(&name).is_focused(), "{name} focused");
    type_keys(&mut h, "7");
    let unit = h.state().prefs.unit;
    assert_eq!(
        h.state().doc().plan().sources[0].allocated,
        Money::parse_in("7", unit).unwrap(),
        "what is typed replaces {first}'s allocated amount"
    );

    ctrl(&mut h, Key::Num3);
    assert!(
        h.get_by_label("项目列表").is_focused(),
        "项目安排 by key focuses the project list"
    );
    h.key_press(Key::ArrowDown);
    h.run();
    h.key_press(Key::ArrowDown);
    h.run();
    let second = h.state().doc().plan().projects[1].id.clone();
    assert!(
        h.query_by_label(&format!("{second} 项目名称")).is_some(),
        "two Down keys on the list reached by Ctrl+3 select the second project, {second}"
    );
}

#[test]
fn new_plan_dialog_focuses_its_first_field_and_enter_creates() {
    let mut h = common::app();
    ctrl(&mut h, Key::N);
    assert!(matches!(h.state().dialog(), Some(Dialog::New(_))));
    assert!(
        h.get_by_role_and_label(Role::TextInput, "旗县代码")
            .is_focused(),
        "the county code has focus when the dialog opens"
    );
    type_keys(&mut h, "150928");
    h.key_press(Key::Tab);
    h.run();
    type_keys(&mut h, "测试旗");
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    let county = &h.state().doc().plan().county;
    assert_eq!(
        (county.code.as_str(), county.name.as_str()),
        ("150928", "测试旗")
    );
}

#[test]
fn a_new_plan_for_2022_is_drafted_on_the_catalog_of_its_period() {
    let mut h = common::app();
    start_a_new_plan(&mut h);
    // Click the year, select what is there and type over it, as a person does.
    h.get_by_role_and_label(Role::SpinButton, "年度").click();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.run();
    type_keys(&mut h, "2022");
    h.key_press(Key::Enter);
    h.run();
    if h.state().dialog().is_some() {
        // The first Enter ended the year's editing; the second creates.
        h.key_press(Key::Enter);
        h.run();
    }
    assert!(h.state().dialog().is_none(), "{:?}", h.state().dialog());
    let plan = h.state().doc().plan();
    assert_eq!((plan.year, plan.catalog.as_str()), (2022, "nm-2021"));
    let lines: Vec<&str> = plan.sources.iter().map(|s| s.line.as_str()).collect();
    assert_eq!(lines.len(), 28, "{lines:?}");
    assert!(lines.contains(&"C16") && !lines.contains(&"C17"));
    assert_eq!(h.state().doc().catalog().id, "nm-2021");
}

#[test]
fn appearance_light_and_dark_are_chosen_in_the_view_menu_and_remembered() {
    let mut h = common::app();
    menu(&mut h, "视图", "外观");
    click(&mut h, "浅色");
    assert_eq!(h.ctx.theme(), Theme::Light);
    let light = h.state().prefs.clone();

    menu(&mut h, "视图", "外观");
    click(&mut h, "深色");
    assert_eq!(h.ctx.theme(), Theme::Dark);

    // The choice is in the persisted preferences: a new app starts light.
    let mut again = Harness::builder()
        .with_size([1280.0, 800.0])
        .build_eframe(move |cc| {
            fundplan::gui::fonts::install(&cc.egui_ctx);
            FundplanApp::with_prefs(light)
        });
    again.run();
    assert_eq!(again.ctx.theme(), Theme::Light);
}

/// Each screen, reached by its Ctrl+digit (which focuses its first field, shown as edited),
/// in each theme and language, has the stored accessibility tree of that screen and language
/// (tests/gui/snapshots/keys-*): the same file for both themes, which change no name or value.
#[test]
fn every_screen_draws_in_light_and_dark_in_both_languages() {
    let mut h = common::app();
    for (theme, dark) in [("浅色", false), ("深色", true)] {
        menu(&mut h, "视图", "外观");
        click(&mut h, theme);
        for (lang, switch_to) in [("zh", "English"), ("en", "中文")] {
            for key in screen_keys() {
                ctrl(&mut h, key);
                // The theme took (and a screen or the language did not undo it).
                assert_eq!(
                    h.ctx.theme(),
                    if dark { Theme::Dark } else { Theme::Light },
                    "{theme}"
                );
                assert_eq!(h.ctx.global_style().visuals.dark_mode, dark, "{theme}");
                let screen = h.state().screen();
                let name = format!("keys-{screen:?}-{lang}").to_lowercase();
                crate::snapshot::assert_tree(&h, &name);
            }
            h.get_by_role_and_label(Role::Button, switch_to).click();
            h.run();
        }
    }
}

#[test]
fn quit_in_the_file_menu_closes_a_saved_plan() {
    let mut h = common::app();
    assert!(!h.state().doc().is_dirty());
    h.get_by_role_and_label(Role::Button, "文件").click();
    h.run();
    h.get_by_label("退出").click();
    h.step();
    assert!(sent_close(&h), "退出 asks the window to close");
}

#[test]
fn ctrl_q_with_unsaved_changes_asks_then_closes() {
    let mut h = common::app();
    ctrl(&mut h, Key::Num2);
    type_keys(&mut h, "5");
    assert!(h.state().doc().is_dirty());
    ctrl(&mut h, Key::Q);
    assert!(matches!(h.state().dialog(), Some(Dialog::Unsaved(_))));
    h.get_by_label("不保存").click();
    h.step();
    assert!(sent_close(&h));
}

/// Makes S06 fire on the first source line by typing 0 as its allocated
/// amount, then clicks the finding: the app jumps back and highlights it.
fn jump_to_a_finding(h: &mut H) -> String {
    ctrl(h, Key::Num2);
    type_keys(h, "0");
    let first = h.state().doc().plan().sources[0].line.clone();
    ctrl(h, Key::Num5);
    h.get_by_label_contains(&format!("{first} 纳入整合"))
        .click();
    // One step: kittest's frames are 0.25 s apart and the outline lasts 1.5 s.
    h.step();
    assert_eq!(h.state().screen(), Screen::Sources);
    let flash = h.state().flash().map(str::to_string);
    flash.expect("the jumped-to field is highlighted")
}

#[test]
fn the_jump_highlight_fades_out() {
    let mut h = common::app();
    jump_to_a_finding(&mut h);
    h.step();
    assert!(h.state().flash().is_some(), "still there a moment later");
    // Two seconds of frames later (kittest steps 0.25 s) it is gone.
    h.run_steps(8);
    assert_eq!(h.state().flash(), None);
}

#[test]
fn the_jump_highlight_ends_when_the_user_moves_focus() {
    let mut h = common::app();
    jump_to_a_finding(&mut h);
    h.step();
    let name = format!("{} 纳入整合金额", h.state().doc().plan().sources[0].line);
    assert!(h.get_by_label(&name).is_focused());
    h.key_press(Key::Tab);
    h.step();
    h.step();
    assert_eq!(h.state().flash(), None, "gone at once, not after 1.5 s");
}

/// How many widgets show exactly `text`.
fn shown(h: &H, text: &str) -> usize {
    h.query_all_by_label(text).count()
}

#[test]
fn submit_names_what_is_sealed_and_seals_only_when_confirmed() {
    let mut h = common::app();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    // Setup only: a submitted plan is saved to its file.
    h.state_mut().save_to(path.clone()).unwrap();
    h.run();

    let plan = h.state().doc().plan().clone();
    let totals = h.state().doc().report().totals.clone();
    let unit = h.state().prefs.unit;
    let wan = unit.label(fundplan::Lang::Zh);
    let named = [
        format!(
            "{} {} 年 第 {} 版",
            plan.county.name, plan.year, plan.revision
        ),
        format!("{} {wan}", totals.allocated.display(unit, 2)),
        format!("{} {wan}", totals.integrated.display(unit, 2)),
        format!("{} {wan}", totals.arranged.display(unit, 2)),
    ];
    let before: Vec<usize> = named.iter().map(|t| shown(&h, t)).collect();
    menu(&mut h, "文件", "提交方案…");
    assert!(
        h.state().doc().plan().submission.is_none(),
        "nothing is sealed before the confirmation"
    );
    for (text, n) in named.iter().zip(before) {
        let times = named.iter().filter(|t| *t == text).count();
        assert_eq!(shown(&h, text), n + times, "the confirmation names {text}");
    }

    click(&mut h, "取消");
    assert!(h.state().dialog().is_none());
    assert!(h.state().doc().plan().submission.is_none());

    menu(&mut h, "文件", "提交方案…");
    click(&mut h, "确认提交");
    assert!(h.state().doc().plan().submission.is_some());
    let sealed = fundplan::file::load_plan(&path).unwrap();
    assert!(sealed.submission.is_some(), "saved with its seal");
}

#[test]
fn an_empty_plan_is_refused_with_b05() {
    let mut h = common::app();
    start_a_new_plan(&mut h);
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(h.state().doc().plan().county.name, "测试旗");

    menu(&mut h, "文件", "提交方案…");
    match h.state().dialog() {
        Some(Dialog::SubmitRefused(errors)) => {
            assert!(errors.iter().any(|(rule, ..)| rule == "B05"), "{errors:?}")
        }
        other => panic!("refused with B05, not {other:?}"),
    }
    h.get_by_label_contains("B05");
    assert!(h.state().doc().plan().submission.is_none());
}

#[test]
fn the_confirmation_speaks_english_in_yuan_too() {
    let mut h = common::app();
    let dir = tempfile::tempdir().unwrap();
    h.state_mut().save_to(dir.path().join("plan.ron")).unwrap();
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    h.get_by_role_and_label(Role::Button, "Unit: 10k yuan")
        .click();
    h.run();
    assert_eq!(h.state().prefs.unit, Unit::Yuan);
    let integrated = h.state().doc().report().totals.integrated;
    let amount = format!("{} yuan", integrated.display(Unit::Yuan, 2));
    let before = shown(&h, &amount);
    menu(&mut h, "File", "Submit…");
    assert!(shown(&h, &amount) > before, "{amount} in the confirmation");
    h.get_by_label("武川县 2020, revision 1");
    click(&mut h, "Cancel");
}

#[test]
fn the_confirmation_says_which_warnings_go_to_the_league_with_the_plan() {
    // Issue 22 item 14: the seal records the warnings, and the league sees them.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("plan.ron");
    let mut plan = common::load(&common::sample_path());
    plan.county.league = "包头市".into(); // H05: the league does not match 150125
    fundplan::file::save_plan(&plan, &path).unwrap();
    let mut h = common::app();
    common::open_in(&mut h, &path);
    assert_eq!(h.state().doc().report().warnings(), 1);
    menu(&mut h, "文件", "提交方案…");
    h.get_by_label("方案有 1 条警告（H05），将随方案一并报送盟市。");
    click(&mut h, "取消");
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    menu(&mut h, "File", "Submit…");
    h.get_by_label("The plan has 1 warning (H05); it goes to the league with the plan.");
    click(&mut h, "Cancel");
}

#[test]
fn english_labels_on_the_screens_start_as_sentences() {
    // Issue 22 item 13, the sweep: "provisional names", "total 399.00".
    let mut h = common::app();
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    ctrl(&mut h, Key::Num1);
    h.get_by_label("Names to be confirmed");
    ctrl(&mut h, Key::Num3);
    h.key_press(Key::ArrowDown);
    h.run();
    let i = h.state().selected_project().unwrap();
    let p = &h.state().doc().plan().projects[i];
    let total = p.integrated_total().display(h.state().prefs.unit, 2);
    h.get_by_label(&format!("Total {total}"));
}

/// Every source file of the desktop app (below `src/gui`): their English must
/// not carry Chinese punctuation.
fn gui_files() -> Vec<std::path::PathBuf> {
    let mut files = Vec::new();
    let mut dirs = vec![common::root("src/gui")];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            // Unit tests' data (Chinese project rows, labels searched for) is not
            // user-visible text: neither a `tests.rs` nor a `tests/` folder of them.
            if path.is_dir() {
                if path.file_name().is_some_and(|n| n != "tests") {
                    dirs.push(path);
                }
            } else if path.extension().is_some_and(|e| e == "rs")
                && path.file_name().is_some_and(|n| n != "tests.rs")
            {
                files.push(path);
            }
        }
    }
    files.sort();
    files
}

/// The string literals of Rust source, each with the text that follows it up
/// to the next literal (enough to see `"中文", "English"` pairs).
fn literals(src: &str) -> Vec<(String, String)> {
    let chars: Vec<char> = src.chars().collect();
    let mut out: Vec<(String, String)> = Vec::new();
    let mut between = String::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '/' && chars.get(i + 1) == Some(&'/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
            continue;
        }
        if c == '\'' {
            // A char literal ('"', '\'') or a lifetime: skip what it quotes.
            let close = (i + 2..(i + 5).min(chars.len())).find(|&j| chars[j] == '\'');
            if let Some(j) = close {
                between.extend(&chars[i..=j]);
                i = j + 1;
                continue;
            }
        }
        if c == '"' {
            if let Some(last) = out.last_mut() {
                last.1 = std::mem::take(&mut between);
            }
            let mut text = String::new();
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    i += 1;
                }
                if let Some(&ch) = chars.get(i) {
                    text.push(ch);
                }
                i += 1;
            }
            out.push((text, String::new()));
            between.clear();
        } else {
            between.push(c);
        }
        i += 1;
    }
    out
}

fn chinese(s: &str) -> bool {
    s.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

fn chinese_punctuation(s: &str) -> bool {
    s.chars().any(|c| {
        ('\u{3000}'..='\u{303f}').contains(&c)
            || ('\u{ff00}'..='\u{ffef}').contains(&c)
            || "“”‘’".contains(c)
    })
}

#[test]
fn english_strings_of_the_app_use_ascii_punctuation() {
    let mut bad = Vec::new();
    let files = gui_files();
    assert!(files.len() > 30, "{files:?}");
    for path in &files {
        let file = path
            .strip_prefix(common::root("src/gui"))
            .unwrap()
            .display();
        let src = std::fs::read_to_string(path).unwrap();
        let lits = literals(&src);
        for pair in lits.windows(2) {
            let ((zh, gap), (en, _)) = (&pair[0], &pair[1]);
            let english_arm = chinese(zh) && gap.trim() == ",";
            if english_arm && (chinese(en) || chinese_punctuation(en)) {
                bad.push(format!("{file}: {en:?}"));
            }
        }
        // Texts made for both languages must not hard-code （）, ，, ：; a
        // Chinese-only one is in a `Lang::Zh` arm or bound to a `zh_` name.
        for (i, (text, _)) in lits.iter().enumerate() {
            let before = i.checked_sub(1).map_or("", |j| lits[j].1.as_str());
            let before = before.trim_end().trim_end_matches("format!(").trim_end();
            let zh_only = before.ends_with("Lang::Zh =>")
                || before
                    .rsplit("let ")
                    .next()
                    .is_some_and(|b| b.starts_with("zh_"));
            if chinese_punctuation(text) && !chinese(text) && text.contains('{') && !zh_only {
                bad.push(format!("{file}: {text:?} (used in English too)"));
            }
        }
    }
    assert!(bad.is_empty(), "{bad:#?}");
}

#[test]
fn english_counts_have_the_right_plural() {
    use fundplan::Lang;
    assert_eq!(Lang::En.count(1, "个错误", "error", "errors"), "1 error");
    assert_eq!(Lang::En.count(2, "个错误", "error", "errors"), "2 errors");
    assert_eq!(Lang::En.count(0, "个错误", "error", "errors"), "0 errors");
    assert_eq!(Lang::Zh.count(1, "个错误", "error", "errors"), "1 个错误");
    assert_eq!(Lang::En.paren("unit: yuan"), "(unit: yuan)");
}

#[test]
fn the_status_bar_counts_one_error_in_the_singular() {
    let mut h = common::app();
    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    let before = h
        .state()
        .doc()
        .report()
        .count(fundplan::validate::Severity::Error);
    assert_eq!(before, 0, "the sample has no errors");
    // One error by typing: the first line's allocated amount below its integrated.
    ctrl(&mut h, Key::Num2);
    type_keys(&mut h, "0");
    let errors = h
        .state()
        .doc()
        .report()
        .count(fundplan::validate::Severity::Error);
    let expected = fundplan::lang::plural(errors, "error", "errors");
    h.get_by_label_contains(&expected);
    if errors == 1 {
        assert!(h.query_by_label_contains("1 errors").is_none());
    }
}

#[test]
fn enter_on_the_cancel_button_of_the_new_plan_dialog_cancels() {
    let mut h = common::app();
    start_a_new_plan(&mut h);
    // Tab past the league, the kinds, the year and the catalog to 取消.
    for _ in 0..12 {
        if h.get_by_role_and_label(Role::Button, "取消").is_focused() {
            break;
        }
        h.key_press(Key::Tab);
        h.run();
    }
    assert!(h.get_by_role_and_label(Role::Button, "取消").is_focused());
    h.key_press(Key::Enter);
    h.run();
    assert!(h.state().dialog().is_none());
    assert_eq!(
        h.state().doc().plan().county.name,
        "武川县",
        "nothing created"
    );
}

/// The alpha of the 2.5-point outline drawn around `field`, if one is drawn.
fn outline_alpha(h: &H, field: egui::Rect) -> Option<u8> {
    fn find(shape: &egui::Shape, field: egui::Rect) -> Option<u8> {
        match shape {
            egui::Shape::Rect(r) if r.stroke.width == 2.5 && r.rect.contains_rect(field) => {
                Some(r.stroke.color.a())
            }
            egui::Shape::Vec(v) => v.iter().find_map(|s| find(s, field)),
            _ => None,
        }
    }
    h.output().shapes.iter().find_map(|c| find(&c.shape, field))
}

#[test]
fn the_jump_outline_fades_rather_than_vanishing_at_once() {
    let mut h = common::app();
    let path = jump_to_a_finding(&mut h);
    let line = h.state().doc().plan().sources[0].line.clone();
    assert_eq!(path, format!("sources[{line}].integrated"));
    h.step();
    let field = h.get_by_label(&format!("{line} 纳入整合金额")).rect();
    let mut alphas = vec![outline_alpha(&h, field)];
    for _ in 0..8 {
        h.step();
        alphas.push(outline_alpha(&h, field));
    }
    assert_eq!(alphas[0], Some(255), "solid at first: {alphas:?}");
    let shown: Vec<u8> = alphas.iter().map_while(|a| *a).collect();
    assert!(
        shown.windows(2).all(|w| w[1] <= w[0]),
        "never brighter again: {alphas:?}"
    );
    assert!(
        shown.iter().any(|a| (1..255).contains(a)),
        "fading through partial alpha: {alphas:?}"
    );
    assert_eq!(alphas.last(), Some(&None), "gone at the end: {alphas:?}");
}

#[test]
fn screen_keys_do_nothing_under_an_open_dialog() {
    let mut h = common::app();
    ctrl(&mut h, Key::N);
    ctrl(&mut h, Key::Num1);
    assert_eq!(h.state().screen(), Screen::Sources);
    assert!(
        h.get_by_role_and_label(Role::TextInput, "旗县代码")
            .is_focused(),
        "typing still goes to the dialog"
    );
}

/// A county office PC's screen (issue 22).
const SMALL: [f32; 2] = [1024.0, 768.0];

/// Each widget of `walk` lies inside the window, so it can be seen where it is.
fn all_in_window(walk: &[(String, egui::Rect)], width: f32) {
    for (name, rect) in walk {
        assert!(
            rect.min.x >= 0.0 && rect.max.x <= width,
            "{name} at x {:.0}…{:.0} is past the window's edge ({width})",
            rect.min.x,
            rect.max.x
        );
    }
}

#[test]
fn at_1024x768_tab_reaches_an_own_lines_comments_and_remove_button_on_screen() {
    let mut h = common::app_sized(SMALL);
    ctrl(&mut h, Key::Num2);
    h.state_mut()
        .push(fundplan::gui::Action::JumpTo("sources[X01].name".into()));
    h.run();
    let walk = common::tab_walk(&mut h, 8);
    let names: Vec<&str> = walk.iter().map(|(n, _)| n.as_str()).collect();
    for want in ["X01 资金名称", "X01 未纳入整合原因", "X01 批注", "X01 删除"] {
        assert!(names.contains(&want), "Tab never reached {want}: {names:?}");
    }
    all_in_window(&walk, SMALL[0]);
}

#[test]
fn at_1024x768_tab_along_a_source_row_shows_every_cell_to_its_comments() {
    let mut h = common::app_sized(SMALL);
    ctrl(&mut h, Key::Num2);
    // C01's row to its comments button, right of 待安排, the row's last column.
    let walk = common::tab_walk(&mut h, 4);
    let names: Vec<&str> = walk.iter().map(|(n, _)| n.as_str()).collect();
    assert!(
        names.contains(&"C01 批注"),
        "Tab never reached C01 批注: {names:?}"
    );
    all_in_window(&walk, SMALL[0]);
}

#[test]
fn at_1280x800_english_fund_line_names_get_the_room_the_row_has() {
    let prefs = fundplan::gui::Prefs {
        lang: fundplan::Lang::En,
        ..Default::default()
    };
    let mut h = common::harness_sized([1280.0, 800.0], move || FundplanApp::with_prefs(prefs));
    ctrl(&mut h, Key::Num2);
    let name = h
        .state()
        .doc()
        .catalog()
        .line("C01")
        .and_then(|l| l.english_name())
        .unwrap()
        .to_string();
    let shown = h.get_by_label(&name).rect();
    // 18 characters were shown (113 points) while the amount columns were as
    // wide as their English headings and the reason column took half the
    // free space; the name column now takes it (the rest ends in "…").
    assert!(
        shown.width() >= 150.0,
        "{name:?} is shown in {:.0} points",
        shown.width()
    );
}

/// The text shapes painted this frame whose text is `text`.
fn painted(h: &H, text: &str) -> Vec<std::sync::Arc<egui::Galley>> {
    h.output()
        .shapes
        .iter()
        .filter_map(|c| match &c.shape {
            egui::Shape::Text(t) if t.galley.job.text == text => Some(t.galley.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn a_reason_longer_than_its_cell_ends_in_an_ellipsis_until_it_is_typed_in() {
    let mut h = common::app();
    ctrl(&mut h, Key::Num2);
    let reason = h
        .state()
        .doc()
        .plan()
        .sources
        .iter()
        .find(|s| s.line == "C14")
        .unwrap()
        .reason
        .clone();
    let shown = painted(&h, &reason);
    assert!(!shown.is_empty(), "C14's reason {reason:?} is painted");
    assert!(
        shown.iter().all(|g| g.elided),
        "C14's reason is cut without \"…\""
    );
    // Typed in, the whole text is laid out (the cursor walks all of it).
    h.get_by_label("C14 未纳入整合原因").focus();
    h.run();
    assert!(painted(&h, &reason).iter().all(|g| !g.elided));
}

/// A plan saved to a file, 文件 › 提交方案… asked, Enter pressed on the
/// confirmation as the real window delivers it; returns the temporary folder.
fn submit_by_enter(h: &mut H) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    h.state_mut().save_to(dir.path().join("plan.ron")).unwrap();
    h.run();
    menu(h, "文件", "提交方案…");
    assert_eq!(h.state().dialog(), Some(&Dialog::ConfirmSubmit));
    common::one_frame(h, common::key(Key::Enter, Modifiers::NONE).to_vec());
    assert!(
        h.state().doc().plan().submission.is_some(),
        "Enter confirms 确认提交"
    );
    h.get_by_label("方案已通过校验并加盖提交印记。");
    dir
}

#[test]
fn enter_or_escape_closes_the_info_box_after_submitting() {
    for key in [Key::Enter, Key::Escape] {
        let mut h = common::app();
        let _dir = submit_by_enter(&mut h);
        common::one_frame(&mut h, common::key(key, Modifiers::NONE).to_vec());
        assert_eq!(h.state().dialog(), None, "{key:?} closes the info box");
    }
}

#[test]
fn typing_goes_on_in_the_field_after_the_seal_warning_is_closed() {
    let mut h = common::app();
    let _dir = submit_by_enter(&mut h);
    common::one_frame(&mut h, common::key(Key::Enter, Modifiers::NONE).to_vec());
    let label = "C01 纳入整合金额";
    common::mouse_click_on(&mut h, Role::TextInput, label);
    // The first key of a sealed plan's change brings up the seal warning.
    common::one_frame(&mut h, vec![egui::Event::Text("1".into())]);
    assert!(matches!(h.state().dialog(), Some(Dialog::Info(_))));
    common::one_frame(&mut h, common::key(Key::Enter, Modifiers::NONE).to_vec());
    assert_eq!(h.state().dialog(), None);
    assert!(
        h.get_by_label(label).is_focused(),
        "the field has focus again"
    );
    common::one_frame(&mut h, vec![egui::Event::Text("3".into())]);
    let c01 = &h.state().doc().plan().sources[0];
    assert_eq!(
        c01.integrated,
        Money::from_yuan(130_000),
        "1, then 3: 13 万元"
    );
}
