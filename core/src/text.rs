//! Quoting a file's own text: in a message, cut to a sane length; on a
//! terminal, with the characters a terminal would act on escaped.

/// Most characters of a file's own text quoted in a message: a hostile file
/// with a 15 MiB name must not make a 15 MB message (or dialog).
pub const QUOTED_CHARS: usize = 80;

/// `text` cut to [`QUOTED_CHARS`] characters, with … when cut.
pub fn clip(text: &str) -> std::borrow::Cow<'_, str> {
    clip_to(text, QUOTED_CHARS)
}

/// A parser's sentence, which quotes the token within it: cut longer.
pub(crate) fn clip_long(text: &str) -> std::borrow::Cow<'_, str> {
    clip_to(text, 3 * QUOTED_CHARS)
}

fn clip_to(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    match text.char_indices().nth(max) {
        None => text.into(),
        Some((cut, _)) => format!("{}…", &text[..cut]).into(),
    }
}

/// `text` with its first letter upper case, as an English sentence starts
/// (a message built from parts often starts with a lower-case word: "line
/// code C01 appears twice").
pub fn sentence(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// `text` safe to print on a terminal, on one line: every control character
/// (C0 including line breaks and tabs, DEL, C1) and every bidi embedding,
/// override, isolate and mark is shown as a `\u{1b}`-style escape. A plan's
/// own text could otherwise clear the screen, set the window title (OSC),
/// move the cursor or reverse the reading order of what follows.
pub fn for_terminal(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, unsafe_on_terminal)
}

/// [`for_terminal`] that keeps line breaks (`\n`): for whole reports whose
/// lines the program itself made, their file-given values escaped already.
pub fn for_terminal_lines(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, |c| c != '\n' && unsafe_on_terminal(c))
}

/// True for the characters a terminal acts on instead of showing.
fn unsafe_on_terminal(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{200e}' | '\u{200f}' | '\u{061c}'
        )
}

/// `text` with each character for which `bad` says yes written as its
/// `\u{…}` escape; borrowed when there is none.
fn escape_where(text: &str, bad: impl Fn(char) -> bool) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(&bad) {
        return text.into();
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if bad(c) {
            out.extend(c.escape_unicode());
        } else {
            out.push(c);
        }
    }
    out.into()
}

/// True for a character that shows nothing: white space, control characters
/// (NUL, C1 …) and Unicode's default ignorable code points
/// ([`is_default_ignorable`]), which editors and web pages leave in text.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace() || c.is_control() || is_default_ignorable(c)
}

/// Unicode's default ignorable code points: zero-width space U+200B and
/// joiners, bidi marks and overrides, word joiner, soft hyphen, BOM, Mongolian
/// vowel and variation selectors, tags. A font without them shows nothing.
pub fn is_default_ignorable(c: char) -> bool {
    matches!(c,
        '\u{00AD}' | '\u{034F}' | '\u{061C}' | '\u{115F}' | '\u{1160}' | '\u{17B4}' | '\u{17B5}'
        | '\u{180B}'..='\u{180F}' | '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}'
        | '\u{2060}'..='\u{206F}' | '\u{3164}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}'
        | '\u{FFA0}' | '\u{FFF0}'..='\u{FFF8}' | '\u{1BCA0}'..='\u{1BCA3}'
        | '\u{1D173}'..='\u{1D17A}' | '\u{E0000}'..='\u{E0FFF}')
}

/// True when `text` has nothing visible: empty, or only [`is_invisible`]
/// characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// `text` with its invisible characters other than the space written as
/// `\u{200b}` escapes, so a message shows what is there.
pub fn show_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    escape_where(text, |c| c != ' ' && is_invisible(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn controls_and_bidi_marks_are_escaped() {
        let hostile = "a\u{1b}]0;title\u{7}b\u{8}\r\u{9b}2J\u{202e}cba\u{2066}\u{7f}\tz";
        assert_eq!(
            for_terminal(hostile),
            "a\\u{1b}]0;title\\u{7}b\\u{8}\\u{d}\\u{9b}2J\\u{202e}cba\\u{2066}\\u{7f}\\u{9}z"
        );
        assert_eq!(for_terminal("x\ny"), "x\\u{a}y");
        assert_eq!(for_terminal_lines("x\u{1b}\ny\n"), "x\\u{1b}\ny\n");
    }

    #[test]
    fn ordinary_text_is_borrowed_as_it_is() {
        let text = "武川县 2025 年，“产业”项目 ①（a\\b）😀";
        assert!(matches!(
            for_terminal(text),
            std::borrow::Cow::Borrowed(t) if t == text
        ));
    }

    #[test]
    fn invisible_characters_are_blank_and_shown_escaped() {
        for blank in ["", " ", "\u{200b}", "\0", "\u{200b}\0 \u{feff}\u{3000}"] {
            assert!(is_blank(blank), "{blank:?}");
        }
        assert!(!is_blank("\u{200b}办公"));
        assert_eq!(show_invisible("a\u{200b}\0 b"), "a\\u{200b}\\u{0} b");
        assert_eq!(show_invisible("办公 楼"), "办公 楼");
    }
}
