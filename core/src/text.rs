//! Quoting a file's own text in a message, cut to a sane length.

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

/// True for a character that shows nothing: white space, control characters
/// (NUL, C1 …) and the format characters of Unicode category Cf that editors
/// and web pages leave in text (zero-width space U+200B and joiners, bidi
/// marks and overrides, word joiner, soft hyphen, BOM), and Mongolian vowel
/// and variation selectors.
pub fn is_invisible(c: char) -> bool {
    c.is_whitespace()
        || c.is_control()
        || matches!(
            c,
            '\u{00ad}'
                | '\u{034f}'
                | '\u{061c}'
                | '\u{115f}'
                | '\u{1160}'
                | '\u{17b4}'
                | '\u{17b5}'
                | '\u{180b}'..='\u{180f}'
                | '\u{200b}'..='\u{200f}'
                | '\u{202a}'..='\u{202e}'
                | '\u{2060}'..='\u{206f}'
                | '\u{3164}'
                | '\u{fe00}'..='\u{fe0f}'
                | '\u{feff}'
                | '\u{ffa0}'
        )
}

/// True when `text` has nothing visible: empty, or only [`is_invisible`]
/// characters.
pub fn is_blank(text: &str) -> bool {
    text.chars().all(is_invisible)
}

/// `text` with its invisible characters other than the space written as
/// `\u{200b}` escapes, so a message shows what is there.
pub fn show_invisible(text: &str) -> std::borrow::Cow<'_, str> {
    if !text.chars().any(|c| c != ' ' && is_invisible(c)) {
        return text.into();
    }
    text.chars()
        .map(|c| {
            if c != ' ' && is_invisible(c) {
                format!("\\u{{{:x}}}", u32::from(c))
            } else {
                c.to_string()
            }
        })
        .collect::<String>()
        .into()
}

#[cfg(test)]
mod tests {
    use super::*;

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
