//! Plain-text tables and CSV for the terminal and spreadsheets.

use fundplan_core::text::for_terminal;
use unicode_width::UnicodeWidthStr;

/// Columns `s` takes in a terminal (Unicode's East Asian Width: CJK and full-width
/// forms take two, combining marks none; ambiguous characters one, as outside CJK locales).
fn width(s: &str) -> usize {
    s.width()
}

/// Lays out rows as aligned columns; `right[i]` right-aligns column `i` (numbers).
/// Cells come from files (names, paths, messages): each is escaped for a terminal,
/// on one line, before its width is measured, so the columns stay aligned.
pub fn text_table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let rows: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.iter().map(|c| for_terminal(c).into_owned()).collect())
        .collect();
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in &rows {
        for (w, cell) in widths.iter_mut().zip(r) {
            *w = (*w).max(width(cell));
        }
    }
    let mut out = String::new();
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let mut s = String::new();
        for (i, cell) in cells.enumerate() {
            let pad = widths
                .get(i)
                .copied()
                .unwrap_or(0)
                .saturating_sub(width(cell));
            if i > 0 {
                s.push_str("  ");
            }
            if right.get(i).copied().unwrap_or(false) {
                s.push_str(&" ".repeat(pad));
                s.push_str(cell);
            } else {
                s.push_str(cell);
                s.push_str(&" ".repeat(pad));
            }
        }
        out.push_str(s.trim_end());
        out.push('\n');
    };
    line(&mut header.iter().copied());
    for r in &rows {
        line(&mut r.iter().map(String::as_str));
    }
    out
}

/// CSV text with a UTF-8 byte-order mark, so Excel and WPS read the Chinese right.
pub fn csv(header: &[&str], rows: &[Vec<String>]) -> String {
    let mut out = String::from('\u{feff}');
    let mut line = |cells: &mut dyn Iterator<Item = &str>| {
        let fields: Vec<String> = cells.map(crate::export::csv::field).collect();
        out.push_str(&fields.join(","));
        out.push_str("\r\n");
    };
    line(&mut header.iter().copied());
    for r in rows {
        line(&mut r.iter().map(String::as_str));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn aligns_chinese_by_display_width() {
        let t = text_table(
            &["旗县", "n"],
            &[
                vec!["武川县".into(), "1".into()],
                vec!["ab".into(), "22".into()],
            ],
            &[false, true],
        );
        assert_eq!(t, "旗县     n\n武川县   1\nab      22\n");
    }

    #[test]
    fn cells_are_escaped_before_they_are_measured() {
        let t = text_table(
            &["a", "b"],
            &[
                vec!["x\u{1b}[2J".into(), "1".into()],
                vec!["y\n".into(), "2".into()],
            ],
            &[false, false],
        );
        assert_eq!(t, "a           b\nx\\u{1b}[2J  1\ny\\u{a}      2\n");
    }

    #[test]
    fn widths_follow_unicode() {
        assert_eq!(width("武川县，１"), 10);
        // A combining accent and a zero-width space take no column, an emoji two.
        assert_eq!(width("e\u{301}\u{200b}"), 1);
        assert_eq!(width("😀"), 2);
    }

    #[test]
    fn csv_quotes_what_needs_it() {
        let c = csv(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(c, "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }
}
