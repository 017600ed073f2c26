//! Every user command with its label and keyboard shortcut; menus and
//! shortcuts both come from here.

use egui::{Key, KeyboardShortcut, Modifiers};

use crate::Lang;
use crate::gui::state::screen::Screen;

/// A command the user can give from a menu or the keyboard.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UiCommand {
    /// 新建方案.
    New,
    /// 打开.
    Open,
    /// 保存.
    Save,
    /// 另存为.
    SaveAs,
    /// 提交.
    Submit,
    /// 撤销.
    Undo,
    /// 重做.
    Redo,
    /// 中文 ⇄ English.
    ToggleLanguage,
    /// 万元 ⇄ 元.
    ToggleUnit,
    /// 关于.
    About,
    /// 退出.
    Quit,
    /// Show a screen and focus its first input (Ctrl+1 … Ctrl+8).
    Go(Screen),
}

impl UiCommand {
    /// Commands with shortcuts, in the order they are matched: the ones with
    /// Shift first, since a plain Ctrl+S pattern would also match Ctrl+Shift+S.
    pub const WITH_SHORTCUTS: &'static [UiCommand] = &[
        UiCommand::SaveAs,
        UiCommand::Redo,
        UiCommand::New,
        UiCommand::Open,
        UiCommand::Save,
        UiCommand::Undo,
        UiCommand::Quit,
        UiCommand::Go(Screen::Header),
        UiCommand::Go(Screen::Sources),
        UiCommand::Go(Screen::Projects),
        UiCommand::Go(Screen::Matrix),
        UiCommand::Go(Screen::Findings),
        UiCommand::Go(Screen::Review),
        UiCommand::Go(Screen::Compare),
        UiCommand::Go(Screen::Summary),
        UiCommand::Go(Screen::Catalog),
    ];

    /// The menu text.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            UiCommand::New => lang.pick("新建方案…", "New plan…"),
            UiCommand::Open => lang.pick("打开…", "Open…"),
            UiCommand::Save => lang.pick("保存", "Save"),
            UiCommand::SaveAs => lang.pick("另存为…", "Save as…"),
            UiCommand::Submit => lang.pick("提交方案…", "Submit…"),
            UiCommand::Undo => lang.pick("撤销", "Undo"),
            UiCommand::Redo => lang.pick("重做", "Redo"),
            UiCommand::ToggleLanguage => lang.pick("English", "中文"),
            UiCommand::ToggleUnit => lang.pick("金额单位：万元 / 元", "Amounts in 10k yuan / yuan"),
            UiCommand::About => lang.pick("关于 fundplan", "About fundplan"),
            UiCommand::Quit => lang.pick("退出", "Quit"),
            UiCommand::Go(screen) => screen.label(lang),
        }
    }

    /// The main shortcut.
    pub fn shortcut(self) -> Option<KeyboardShortcut> {
        let cmd = |key| Some(KeyboardShortcut::new(Modifiers::COMMAND, key));
        match self {
            UiCommand::New => cmd(Key::N),
            UiCommand::Open => cmd(Key::O),
            UiCommand::Save => cmd(Key::S),
            UiCommand::SaveAs => Some(KeyboardShortcut::new(
                Modifiers::COMMAND | Modifiers::SHIFT,
                Key::S,
            )),
            UiCommand::Undo => cmd(Key::Z),
            UiCommand::Redo => cmd(Key::Y),
            UiCommand::Quit => cmd(Key::Q),
            UiCommand::Go(screen) => {
                const KEYS: [Key; 9] = [
                    Key::Num1,
                    Key::Num2,
                    Key::Num3,
                    Key::Num4,
                    Key::Num5,
                    Key::Num6,
                    Key::Num7,
                    Key::Num8,
                    Key::Num9,
                ];
                let i = Screen::ALL.iter().position(|s| *s == screen)?;
                cmd(*KEYS.get(i)?)
            }
            _ => None,
        }
    }

    /// Shortcuts beyond the main one (Ctrl+Shift+Z also redoes).
    pub fn extra_shortcuts(self) -> &'static [KeyboardShortcut] {
        const REDO: [KeyboardShortcut; 1] = [KeyboardShortcut::new(
            Modifiers::COMMAND.plus(Modifiers::SHIFT),
            Key::Z,
        )];
        match self {
            UiCommand::Redo => &REDO,
            _ => &[],
        }
    }

    /// The commands whose shortcuts were pressed this frame (consumed, so a
    /// focused text field does not also act on them).
    pub fn from_input(ctx: &egui::Context) -> Vec<UiCommand> {
        let mut out = Vec::new();
        ctx.input_mut(|i| {
            for &c in UiCommand::WITH_SHORTCUTS {
                let hit = c.extra_shortcuts().iter().any(|s| i.consume_shortcut(s))
                    || c.shortcut().is_some_and(|s| i.consume_shortcut(&s));
                if hit {
                    out.push(c);
                }
            }
        });
        out
    }
}
