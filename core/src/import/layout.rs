//! Checks that nothing in a table sheet is silently left out: every header is
//! one the importer reads, none twice, the 合计 row states its rows' sums, and
//! nothing stands below it.

use std::collections::HashSet;

use super::{Importer, Sheet, cell_name};
use crate::enums::Level;
use crate::money::Money;

/// The fund-line code of a header such as "C01 中央财政专项扶贫资金".
pub(super) fn line_code(header: &str) -> Option<&str> {
    let code = header.split_whitespace().next().unwrap_or("");
    Level::of_code(code).map(|_| code)
}

impl Importer<'_> {
    /// Reports header cells of row `hr` that `known` does not read (their
    /// column's money would be lost) and columns given twice (a fund line's
    /// money would go to one of them only).
    pub(super) fn check_headers(
        &mut self,
        s: &Sheet<'_>,
        hr: u32,
        with_lines: bool,
        known: &[&str],
    ) {
        let (_, last_col) = s.end();
        let mut seen = HashSet::new();
        for col in 0..=last_col {
            let h = s.text(hr, col);
            if h.is_empty() {
                continue;
            }
            let line = line_code(&h).filter(|_| with_lines);
            let shown = super::bounded::shorten(&h);
            if line.is_none() && !known.contains(&h.as_str()) {
                self.problem(
                    s.name,
                    cell_name(hr, col),
                    format!("不认识的列“{shown}”（其中的数据不会导入）"),
                    format!("unknown column “{shown}” (its data would be lost)"),
                );
            }
            if !seen.insert(line.map_or(h.clone(), str::to_string)) {
                self.problem(
                    s.name,
                    cell_name(hr, col),
                    format!("列“{shown}”重复"),
                    format!("the column “{shown}” appears twice"),
                );
            }
        }
        self.unheaded(s, hr);
    }

    /// Reports the first value below the header row `hr` in each column
    /// that has no heading: nothing would read it.
    fn unheaded(&mut self, s: &Sheet<'_>, hr: u32) {
        let headed = |c: u32| !s.text(hr, c).is_empty();
        for (r, c) in s.unheaded(hr, headed, |_| false) {
            let (zh, en) = super::unheaded_reason();
            self.problem(s.name, cell_name(r, c), zh, en);
        }
    }

    /// Reports the 合计 row `row`'s amount in column `col` when it is not `sum`,
    /// the sum of the rows above it.
    pub(super) fn check_total(&mut self, s: &Sheet<'_>, row: u32, col: u32, sum: Money) {
        let words = ["合计", "明细之和", "total", "the rows' sum"];
        self.check_sum(s, (row, col), sum, words);
    }

    /// Reports the total at `(row, col)` when it does not state `sum`, in the
    /// words `[total, its parts]` in Chinese, then in English. The stated
    /// total is read exactly and may pass the limit of one amount.
    pub(super) fn check_sum(
        &mut self,
        s: &Sheet<'_>,
        (row, col): (u32, u32),
        sum: Money,
        [zh, parts_zh, en, parts]: [&str; 4],
    ) {
        let Some(stated) = self.stated_total(s, row, col) else {
            return;
        };
        if stated != sum.yuan() {
            let stated = (stated / rust_decimal::Decimal::from(10_000)).normalize();
            self.problem(
                s.name,
                cell_name(row, col),
                format!("{zh} {stated} 万元与{parts_zh} {} 万元不符", sum.wan()),
                format!("{en} {stated} does not match {parts} {}", sum.wan()),
            );
        }
    }

    /// Reports the first non-empty cell below the 合计 row `total`.
    pub(super) fn nothing_below(&mut self, s: &Sheet<'_>, total: u32) {
        let below = s
            .cells
            .map
            .keys()
            .filter(|(r, _)| *r > total)
            .min()
            .copied();
        if let Some((r, c)) = below {
            self.problem(
                s.name,
                cell_name(r, c),
                "合计行下方还有内容（不会导入）".into(),
                "data below the 合计 row (it would be lost)".into(),
            );
        }
    }
}
