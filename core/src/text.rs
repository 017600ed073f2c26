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
