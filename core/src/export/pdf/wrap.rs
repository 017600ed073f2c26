//! Line breaking and cutting of text in the embedded font: lines that fit a
//! cell, never breaking inside a word or before closing punctuation, and text
//! cut with `…` to a width.

use super::doc::Doc;
use super::font::Font;

impl Font {
    /// `text` cut to `width` points at `size`, ending in `…` when cut.
    pub fn ellipsize(&self, text: &str, size: f32, width: f32) -> String {
        if self.width(text, size) <= width {
            return text.to_string();
        }
        let room = width - self.width("…", size);
        let mut out = String::new();
        let mut w = 0.0;
        for c in text.chars() {
            let cw = self
                .glyph(c)
                .map_or(0.0, |g| f32::from(g.advance) * size / 1000.0);
            if w + cw > room {
                break;
            }
            w += cw;
            out.push(c);
        }
        out.push('…');
        out
    }

    /// Breaks `text` into lines no wider than `width` points at `size`.
    ///
    /// Lines break between CJK characters and at spaces, never inside a run of
    /// Latin letters and digits unless the run alone is too wide, never before
    /// closing punctuation (，。、）…) and never after opening punctuation.
    /// `\n` starts a new line. Empty text gives no lines.
    pub fn wrap(&self, text: &str, size: f32, width: f32) -> Vec<String> {
        let max = if size > 0.0 {
            (width.max(0.0) * 1000.0 / size) as u64
        } else {
            u64::MAX
        };
        let mut lines = Vec::new();
        if text.is_empty() {
            return lines;
        }
        for para in text.split('\n') {
            self.wrap_paragraph(para.trim_end_matches('\r'), max, &mut lines);
        }
        lines
    }

    fn wrap_paragraph(&self, para: &str, max: u64, lines: &mut Vec<String>) {
        let mut line: Vec<(char, u64)> = Vec::new();
        let mut width = 0u64;
        for c in para.chars() {
            let adv = self.glyph(c).map_or(0, |g| u64::from(g.advance));
            if line.is_empty() && c == ' ' && !lines.is_empty() {
                continue; // no leading space on a continuation line
            }
            if width + adv <= max || line.is_empty() {
                line.push((c, adv));
                width += adv;
                continue;
            }
            if c.is_whitespace() {
                push_line(lines, &line);
                line.clear();
                width = 0;
                continue;
            }
            // Break at the last opportunity inside the line, or before `c`.
            let mut at = line.len();
            let mut prev = line.last().map(|x| x.0);
            let mut next = c;
            while at > 0 && !prev.is_some_and(|p| may_break(p, next)) {
                at -= 1;
                // `at` < line.len() here: both lookups find their char.
                next = line.get(at).map_or(next, |x| x.0);
                prev = at.checked_sub(1).and_then(|i| line.get(i)).map(|x| x.0);
            }
            if at == 0 {
                at = line.len(); // no opportunity: break before `c` anyway
            }
            let rest = line.split_off(at);
            push_line(lines, &line);
            line = rest
                .into_iter()
                .skip_while(|x| x.0 == ' ')
                .collect::<Vec<_>>();
            line.push((c, adv));
            width = line.iter().map(|x| x.1).sum();
        }
        if !line.is_empty() {
            push_line(lines, &line);
        }
    }
}

fn push_line(lines: &mut Vec<String>, line: &[(char, u64)]) {
    let s: String = line.iter().map(|x| x.0).collect();
    lines.push(s.trim_end().to_string());
}

/// Characters that do not start a line.
fn closing(c: char) -> bool {
    "，。、；：？！）》」』】〉〕”’％…—·,.;:!?)]}%".contains(c)
}

/// Characters that do not end a line.
fn opening(c: char) -> bool {
    "（《「『【〈〔“‘([{".contains(c)
}

/// Part of a word that is kept on one line: Latin letters, digits and the
/// punctuation inside numbers and codes.
fn word(c: char) -> bool {
    c.is_ascii_alphanumeric() || "-./%_:,'".contains(c)
}

/// May a line break between `prev` and `next`?
fn may_break(prev: char, next: char) -> bool {
    if prev == ' ' || prev == '/' {
        return true;
    }
    if next == ' ' || closing(next) || opening(prev) {
        return false;
    }
    !(word(prev) && word(next))
}

/// `text` wrapped into as few lines as at `width`, but with the lines as
/// even as possible (`未纳入整/合金额`, not `未纳入整合金/额`).
pub fn balanced(doc: &Doc, text: &str, size: f32, width: f32) -> Vec<String> {
    let lines = doc.font.wrap(text, size, width);
    if lines.len() < 2 {
        return lines;
    }
    let (mut lo, mut hi) = (0.0f32, width);
    for _ in 0..12 {
        let mid = (lo + hi) / 2.0;
        if doc.font.wrap(text, size, mid).len() <= lines.len() {
            hi = mid;
        } else {
            lo = mid;
        }
    }
    doc.font.wrap(text, size, hi)
}

/// At most `max` of `lines`, the last one ending in `…` when some were cut.
pub fn cap(doc: &Doc, mut lines: Vec<String>, max: usize, size: f32, width: f32) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            *last = doc.font.ellipsize(&format!("{last}…"), size, width);
        }
    }
    lines
}

/// The largest size up to `size` at which `text` fits `width` (at least 6 pt).
pub fn fit_size(doc: &Doc, text: &str, size: f32, width: f32) -> f32 {
    let w = doc.font.width(text, size);
    if w <= width || w <= 0.0 {
        size
    } else {
        (size * width / w).max(6.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_breaks_cjk_anywhere_but_keeps_words_and_punctuation() {
        let f = Font::new();
        // 10 pt, room for 4 ideographs per line.
        let lines = f.wrap("一二三四五六七八九", 10.0, 40.0);
        assert_eq!(lines, ["一二三四", "五六七八", "九"]);
        // A comma never starts a line: 四 goes down with it.
        assert_eq!(f.wrap("一二三四，五六", 10.0, 40.0), ["一二三", "四，五六"]);
        // An opening bracket never ends a line.
        assert_eq!(f.wrap("一二三（四）", 10.0, 40.0), ["一二三", "（四）"]);
        // Latin words break at spaces, numbers stay whole.
        assert_eq!(f.wrap("ab cd ef", 10.0, 14.0), ["ab", "cd", "ef"]);
        assert_eq!(f.wrap("合格率100%", 10.0, 40.0), ["合格率", "100%"]);
        // A slash is a break opportunity; a word wider than the line is broken anyway.
        assert_eq!(
            f.wrap("2020-06/2020-12", 10.0, 45.0),
            ["2020-06/", "2020-12"]
        );
        let long = f.wrap("2020-06/2020-12", 10.0, 30.0);
        assert!(
            long.len() > 1 && long.concat() == "2020-06/2020-12",
            "{long:?}"
        );
        for l in &long {
            assert!(f.width(l, 10.0) <= 30.0, "{l}");
        }
        assert_eq!(f.wrap("一\n二", 10.0, 40.0), ["一", "二"]);
        assert!(f.wrap("", 10.0, 40.0).is_empty());
        // Narrower than one character: one character per line, never a loop.
        assert_eq!(f.wrap("一二", 10.0, 1.0), ["一", "二"]);
    }

    #[test]
    fn headers_wrap_into_even_lines() {
        let doc = Doc::new("", "");
        // 7 characters at 10 pt in 60 pt: 6 + 1 greedily, 4 + 3 balanced.
        assert_eq!(
            doc.font.wrap("未纳入整合金额", 10.0, 60.0),
            ["未纳入整合金", "额"]
        );
        assert_eq!(
            balanced(&doc, "未纳入整合金额", 10.0, 60.0),
            ["未纳入整", "合金额"]
        );
        assert_eq!(balanced(&doc, "序号", 10.0, 60.0), ["序号"]);
    }

    #[test]
    fn cut_lines_end_in_an_ellipsis() {
        let doc = Doc::new("", "");
        let lines = doc.font.wrap(&"字".repeat(100), 10.0, 40.0);
        let cut = cap(&doc, lines, 3, 10.0, 40.0);
        assert_eq!(cut, ["字字字字", "字字字字", "字字字…"]);
        assert_eq!(doc.font.ellipsize("一二三四五六", 10.0, 40.0), "一二三…");
        assert_eq!(doc.font.ellipsize("一二", 10.0, 40.0), "一二");
    }
}
