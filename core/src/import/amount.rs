//! Amount and count cells, read exactly: a number cell's value is the text
//! the sheet's XML holds (calamine gives it as an `f64`, whose shortest
//! decimal form is that text for any value of up to 15 significant digits,
//! which is all Excel and WPS write), never rounded through `f64`
//! arithmetic. An amount finer than one 分 (more than 6 decimals of 万元) is
//! refused naming its cell, as the plan file refuses a third decimal of 元.

use calamine::Data;
use rust_decimal::Decimal;

use super::{Importer, Sheet, cell_name};
use crate::money::{Money, MoneyError, Unit};

/// The number a cell holds, as its decimal text in 万元 without separators;
/// `Ok(None)` for an empty cell, `Err(shown)` for anything that is no number.
/// Text cells holding a plain number (`1234.5`, `1,234.5`: commas only
/// between groups of three digits) are read too: fundplan writes amounts an
/// `f64` cannot hold exactly (beyond 15 significant digits) as text.
fn amount_text(value: &Data) -> Result<Option<String>, String> {
    match value {
        Data::Empty => Ok(None),
        // Rust prints the shortest text that reads back to the same f64,
        // never in exponent form; NaN and infinities are no amount.
        Data::Float(f) if f.is_finite() => Ok(Some(format!("{f}"))),
        Data::Int(i) => Ok(Some(i.to_string())),
        Data::String(t) if t.trim().is_empty() => Ok(None),
        Data::String(t) => plain_number(t.trim()).map(Some).ok_or_else(|| t.clone()),
        other => Err(other.to_string()),
    }
}

/// `text` without its thousands separators when it is a plain decimal number
/// (an optional `-`, digits grouped by `,` or `，` in threes, one `.`).
fn plain_number(text: &str) -> Option<String> {
    let body = text.strip_prefix('-').unwrap_or(text);
    let (whole, frac) = body.split_once('.').unwrap_or((body, ""));
    let groups: Vec<&str> = whole.split([',', '，']).collect();
    let grouped = groups.len() == 1
        || (groups.iter().skip(1).all(|g| g.len() == 3)
            && groups.first().is_some_and(|g| (1..=3).contains(&g.len())));
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    let ok = grouped
        && groups.iter().all(|g| digits(g))
        && ((frac.is_empty() && !body.ends_with('.')) || digits(frac));
    ok.then(|| text.replace([',', '，'], ""))
}

impl Importer<'_> {
    /// Reports a cell that holds no number where an amount belongs.
    fn not_a_number(&mut self, s: &Sheet<'_>, row: u32, col: u32, shown: &str) {
        let shown = super::bounded::shorten(shown);
        self.problem(
            s.name,
            cell_name(row, col),
            format!("金额处是文字“{shown}”，应为数值"),
            format!("text “{shown}” where an amount belongs"),
        );
    }

    /// Reports an amount finer than one 分.
    fn too_precise(&mut self, s: &Sheet<'_>, row: u32, col: u32, text: &str) {
        self.problem(
            s.name,
            cell_name(row, col),
            format!("金额 {text} 万元小于一分的位数不能导入（万元最多 6 位小数，即到分）"),
            format!(
                "the amount {text} (10k yuan) goes below one fen (0.01 yuan): at most 6 decimals of 10k yuan"
            ),
        );
    }

    /// An amount cell in 万元, exactly; empty is zero.
    pub(super) fn money(&mut self, s: &Sheet<'_>, row: u32, col: u32) -> Money {
        let text = match amount_text(s.value(row, col)) {
            Ok(Some(text)) => text,
            Ok(None) => return Money::ZERO,
            Err(shown) => {
                self.not_a_number(s, row, col, &shown);
                return Money::ZERO;
            }
        };
        match Money::parse_in(&text, Unit::Wan) {
            Ok(m) => m,
            Err(MoneyError::TooPrecise(_)) => {
                self.too_precise(s, row, col, &text);
                Money::ZERO
            }
            Err(MoneyError::NotANumber(_)) => {
                self.not_a_number(s, row, col, &text);
                Money::ZERO
            }
            Err(MoneyError::OutOfRange(_)) => {
                self.problem(
                    s.name,
                    cell_name(row, col),
                    "金额超出范围".into(),
                    "amount out of range".into(),
                );
                Money::ZERO
            }
        }
    }

    /// A total cell in 万元, exactly, as the yuan it states: a sum may pass
    /// the limit one amount has. `None` (reported) when it is no amount.
    pub(super) fn stated_total(&mut self, s: &Sheet<'_>, row: u32, col: u32) -> Option<Decimal> {
        let text = match amount_text(s.value(row, col)) {
            Ok(text) => text.unwrap_or_else(|| "0".into()),
            Err(shown) => {
                self.not_a_number(s, row, col, &shown);
                return None;
            }
        };
        if text.split_once('.').is_some_and(|(_, f)| f.len() > 6) {
            self.too_precise(s, row, col, &text);
            return None;
        }
        let yuan = text
            .parse::<Decimal>()
            .ok()
            .and_then(|d| d.checked_mul(Decimal::from(10_000)));
        if yuan.is_none() {
            self.not_a_number(s, row, col, &text);
        }
        yuan
    }

    /// A whole-number cell (households, people); empty is zero.
    pub(super) fn count(&mut self, s: &Sheet<'_>, row: u32, col: u32) -> u32 {
        match s.value(row, col) {
            Data::Empty => 0,
            Data::Int(i) if (0..=i64::from(u32::MAX)).contains(i) => *i as u32,
            Data::Float(f) if f.fract() == 0.0 && *f >= 0.0 && *f <= f64::from(u32::MAX) => {
                *f as u32
            }
            other => {
                let shown = other.to_string();
                self.problem(
                    s.name,
                    cell_name(row, col),
                    format!("应为非负整数，实际为“{shown}”"),
                    format!("expected a whole number, found “{shown}”"),
                );
                0
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_cells_are_read_as_written() {
        let text = |d: Data| amount_text(&d);
        // The doubles nearest these are not these, but print as them.
        assert_eq!(text(Data::Float(0.1234565)), Ok(Some("0.1234565".into())));
        assert_eq!(text(Data::Float(0.1234575)), Ok(Some("0.1234575".into())));
        assert_eq!(text(Data::Float(0.0000004)), Ok(Some("0.0000004".into())));
        assert_eq!(text(Data::Float(3800.0)), Ok(Some("3800".into())));
        assert_eq!(
            text(Data::Float(1e20)),
            Ok(Some("100000000000000000000".into()))
        );
        assert_eq!(text(Data::Int(-7)), Ok(Some("-7".into())));
        assert!(text(Data::Float(f64::NAN)).is_err());
        assert!(text(Data::Float(f64::INFINITY)).is_err());
        assert_eq!(text(Data::String(" ".into())), Ok(None));
    }

    #[test]
    fn plain_numbers_in_text_cells_need_true_thousands_groups() {
        for (t, read) in [
            ("1,234.56", "1234.56"),
            ("-1，234，567", "-1234567"),
            ("99999999999.999999", "99999999999.999999"),
            ("0.5", "0.5"),
        ] {
            assert_eq!(plain_number(t).as_deref(), Some(read), "{t}");
        }
        for t in [
            "1,23", "1,2345", ",123", "78.41万", "1.2.3", "5.", ".5", "1e5", "", "-",
        ] {
            assert_eq!(plain_number(t), None, "{t}");
        }
    }
}
