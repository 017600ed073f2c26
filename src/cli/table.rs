//! Plain-text tables and CSV for the terminal and spreadsheets.

/// Columns a character takes in a terminal: CJK and full-width forms take two.
fn width(s: &str) -> usize {
    s.chars()
        .map(|c| match c as u32 {
            0x1100..=0x115F
            | 0x2E80..=0xA4CF
            | 0xAC00..=0xD7A3
            | 0xF900..=0xFAFF
            | 0xFE30..=0xFE4F
            | 0xFF00..=0xFF60
            | 0xFFE0..=0xFFE6
            | 0x2_0000..=0x3_FFFD => 2,
            _ => 1,
        })
        .sum()
}

/// Lays out rows as aligned columns; `right[i]` right-aligns column `i` (numbers).
pub fn text_table(header: &[&str], rows: &[Vec<String>], right: &[bool]) -> String {
    let mut widths: Vec<usize> = header.iter().map(|h| width(h)).collect();
    for r in rows {
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
    for r in rows {
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
    fn csv_quotes_what_needs_it() {
        let c = csv(&["a", "b"], &[vec!["x,y".into(), "say \"hi\"".into()]]);
        assert_eq!(c, "\u{feff}a,b\r\n\"x,y\",\"say \"\"hi\"\"\"\r\n");
    }
}
