//! Money: exact decimal yuan (元), never a binary float.
//!
//! Files carry amounts as strings of yuan with at most two fractional digits
//! (`"38000000.00"`). People read and type 万元. Both conversions live here so that
//! no other module ever has to think about rounding.

use std::fmt;
use std::iter::Sum;
use std::ops::{Add, AddAssign, Neg, Sub};
use std::str::FromStr;

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Unexpected, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// What a money field in a file must look like; also how load errors recognise a
/// bad amount (see `file::LoadErrorKind::BadMoney`).
pub const MONEY_EXPECTING: &str = "an amount of yuan as a quoted string with at most 2 decimals";

/// Amounts must stay below this many yuan (1 千万亿元). No county budget comes
/// near it, and with it no sum over a 16 MiB file can overflow a `Decimal`, so
/// arithmetic on loaded plans never panics.
const LIMIT_YUAN: i64 = 1_000_000_000_000_000;

/// An amount of yuan with at most two fractional digits (分).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Money(Decimal);

/// Why a string is not an amount.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum MoneyError {
    /// Empty or not a decimal number.
    #[error("not a number: {0:?}")]
    NotANumber(String),
    /// More fractional digits than the unit allows (元: 2, 万元: 6).
    #[error("too many decimal places: {0:?}")]
    TooPrecise(String),
    /// Beyond ±999,999,999,999,999 yuan.
    #[error("amount out of range: {0:?}")]
    OutOfRange(String),
}

impl MoneyError {
    /// The reason as a sentence in `lang`.
    pub fn message(&self, lang: crate::Lang) -> String {
        match (self, lang) {
            (MoneyError::NotANumber(s), crate::Lang::Zh) => format!("“{s}”不是数字"),
            (MoneyError::NotANumber(s), crate::Lang::En) => format!("“{s}” is not a number"),
            (MoneyError::TooPrecise(s), crate::Lang::Zh) => {
                format!("“{s}”小数位数过多（最小到分）")
            }
            (MoneyError::TooPrecise(s), crate::Lang::En) => {
                format!("“{s}” has too many decimals (the smallest unit is 0.01 yuan)")
            }
            (MoneyError::OutOfRange(s), crate::Lang::Zh) => format!("“{s}”超出金额范围"),
            (MoneyError::OutOfRange(s), crate::Lang::En) => format!("“{s}” is out of range"),
        }
    }
}

/// Unit in which amounts are shown and typed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Unit {
    /// 万元, ten thousand yuan: what plan tables use.
    #[default]
    Wan,
    /// 元, yuan: what budget-indicator documents use.
    Yuan,
}

impl Unit {
    /// 万元 / 元 in `lang`.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Unit::Wan => lang.pick("万元", "10k yuan"),
            Unit::Yuan => lang.pick("元", "yuan"),
        }
    }
}

impl Money {
    /// Zero yuan.
    pub const ZERO: Money = Money(Decimal::ZERO);

    /// Parses a file amount: yuan, at most two decimals, an optional `-`.
    /// Files hold one spelling of an amount: `"+5"`, `" 5"` (any space,
    /// the no-break space too) and `"0005"` are not amounts (typed input, see
    /// [`Money::parse_in`], is more forgiving).
    pub fn from_yuan_str(s: &str) -> Result<Money, MoneyError> {
        let digits = s.strip_prefix('-').unwrap_or(s);
        let whole = digits.split('.').next().unwrap_or("");
        if s.starts_with('+') || s.trim() != s || (whole.len() > 1 && whole.starts_with('0')) {
            return Err(MoneyError::NotANumber(s.to_string()));
        }
        parse_scaled(s, 0, 2)
    }

    /// Parses what a person typed in `unit`, tolerating thousands separators
    /// (`,` `，` or spaces). 万元 may have up to six decimals (one 分).
    pub fn parse_in(s: &str, unit: Unit) -> Result<Money, MoneyError> {
        let cleaned: String = s
            .chars()
            .filter(|c| !matches!(c, ',' | '，' | ' ' | '\u{a0}' | '_'))
            .collect();
        match unit {
            Unit::Yuan => parse_scaled(&cleaned, 0, 2),
            Unit::Wan => parse_scaled(&cleaned, 4, 6),
        }
    }

    /// Builds an amount from whole 分 (0.01 yuan); used by generators and tests.
    pub fn from_fen(fen: i64) -> Money {
        Money(Decimal::new(fen, 2))
    }

    /// Builds an amount from whole yuan.
    pub fn from_yuan(yuan: i64) -> Money {
        Money(Decimal::from(yuan))
    }

    /// The exact value in yuan.
    pub fn yuan(self) -> Decimal {
        self.0
    }

    /// True when a file may hold it: below 1 千万亿元 either way, the limit
    /// loading enforces. Sums made by the program (a switch joining lines)
    /// are checked with it so that what is saved can be opened again.
    pub fn fits_file(self) -> bool {
        self.0.abs() < Decimal::from(LIMIT_YUAN)
    }

    /// True when exactly zero.
    pub fn is_zero(self) -> bool {
        self.0.is_zero()
    }

    /// True when below zero.
    pub fn is_negative(self) -> bool {
        self.0.is_sign_negative() && !self.0.is_zero()
    }

    /// True when above zero.
    pub fn is_positive(self) -> bool {
        self.0.is_sign_positive() && !self.0.is_zero()
    }

    /// The canonical file form: yuan with exactly two decimals, no separators.
    pub fn to_file_string(self) -> String {
        let mut d = self.0;
        d.rescale(2);
        d.to_string()
    }

    /// For display in `unit` with thousands separators: 万元 with `wan_decimals`
    /// decimals (rounded half away from zero, as 四舍五入), 元 always with two.
    pub fn display(self, unit: Unit, wan_decimals: u32) -> String {
        match unit {
            Unit::Wan => group(self.0 / Decimal::from(10_000), wan_decimals),
            Unit::Yuan => group(self.0, 2),
        }
    }

    /// 万元 with two decimals and separators, e.g. `3,800.00`.
    pub fn wan(self) -> String {
        self.display(Unit::Wan, 2)
    }

    /// The editable form of the amount in `unit`: no separators, no trailing zeros
    /// beyond what the unit shows, so that re-typing it gives the same amount.
    pub fn edit_string(self, unit: Unit) -> String {
        let d = match unit {
            Unit::Wan => self.0 / Decimal::from(10_000),
            Unit::Yuan => self.0,
        };
        let mut d = d.normalize();
        if d.scale() < 2 {
            d.rescale(2);
        }
        d.to_string()
    }

    /// `self / whole` as a fraction, `None` when `whole` is zero.
    pub fn share_of(self, whole: Money) -> Option<Decimal> {
        if whole.is_zero() {
            None
        } else {
            self.0.checked_div(whole.0)
        }
    }
}

/// Formats a fraction as a percentage with one decimal: `0.4567` → `45.7%`.
pub fn percent(share: Decimal) -> String {
    let p = (share * Decimal::from(100))
        .round_dp_with_strategy(1, RoundingStrategy::MidpointAwayFromZero);
    let mut p = p;
    p.rescale(1);
    format!("{p}%")
}

fn parse_scaled(s: &str, shift: u32, max_decimals: u32) -> Result<Money, MoneyError> {
    let t = s.trim();
    let body = t.strip_prefix(['-', '+']).unwrap_or(t);
    let well_formed = !body.is_empty()
        && !body.starts_with('.')
        && !body.ends_with('.')
        && body.chars().all(|c| c.is_ascii_digit() || c == '.')
        && body.matches('.').count() <= 1;
    if !well_formed {
        return Err(MoneyError::NotANumber(s.to_string()));
    }
    let decimals = body.split_once('.').map_or(0, |(_, f)| f.len());
    if decimals > max_decimals as usize {
        return Err(MoneyError::TooPrecise(s.to_string()));
    }
    // 28 digits is Decimal's limit; anything longer is out of range anyway.
    if body.len() > 27 {
        return Err(MoneyError::OutOfRange(s.to_string()));
    }
    let d = Decimal::from_str(t).map_err(|_| MoneyError::NotANumber(s.to_string()))?;
    // checked: 25+ whole digits of 万元 times 10^4 would overflow a Decimal.
    let Some(yuan) = d.checked_mul(Decimal::from(10_i64.pow(shift))) else {
        return Err(MoneyError::OutOfRange(s.to_string()));
    };
    if !Money(yuan).fits_file() {
        return Err(MoneyError::OutOfRange(s.to_string()));
    }
    Ok(Money(yuan.normalize()))
}

/// Rounds to `decimals` and inserts a comma every three digits.
fn group(d: Decimal, decimals: u32) -> String {
    let mut r = d.round_dp_with_strategy(decimals, RoundingStrategy::MidpointAwayFromZero);
    r.rescale(decimals);
    let s = r.abs().to_string();
    let (int, frac) = s.split_once('.').map_or((s.as_str(), ""), |(i, f)| (i, f));
    let mut out = String::with_capacity(s.len() + int.len() / 3 + 1);
    if r.is_sign_negative() && !r.is_zero() {
        out.push('-');
    }
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push('.');
        out.push_str(frac);
    }
    out
}

impl fmt::Display for Money {
    /// 万元 with two decimals and the unit, the form used in validator messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} 万元", self.wan())
    }
}

impl Add for Money {
    type Output = Money;
    fn add(self, rhs: Money) -> Money {
        Money(self.0 + rhs.0)
    }
}

impl AddAssign for Money {
    fn add_assign(&mut self, rhs: Money) {
        self.0 += rhs.0;
    }
}

impl Sub for Money {
    type Output = Money;
    fn sub(self, rhs: Money) -> Money {
        Money(self.0 - rhs.0)
    }
}

impl Neg for Money {
    type Output = Money;
    fn neg(self) -> Money {
        Money(-self.0)
    }
}

impl Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money::ZERO, Add::add)
    }
}

impl<'a> Sum<&'a Money> for Money {
    fn sum<I: Iterator<Item = &'a Money>>(iter: I) -> Money {
        iter.copied().sum()
    }
}

impl Serialize for Money {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.to_file_string())
    }
}

impl<'de> Deserialize<'de> for Money {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Money, D::Error> {
        // deserialize_any so that a bare number reaches the visitor and is refused
        // by name, instead of a generic "expected string".
        d.deserialize_any(MoneyVisitor)
    }
}

struct MoneyVisitor;

impl Visitor<'_> for MoneyVisitor {
    type Value = Money;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(MONEY_EXPECTING)
    }

    fn visit_str<E: de::Error>(self, v: &str) -> Result<Money, E> {
        Money::from_yuan_str(v).map_err(|_| E::invalid_value(Unexpected::Str(v), &self))
    }

    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Money, E> {
        Err(E::invalid_type(Unexpected::Float(v), &self))
    }

    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Money, E> {
        Err(E::invalid_type(Unexpected::Signed(v), &self))
    }

    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Money, E> {
        Err(E::invalid_type(Unexpected::Unsigned(v), &self))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(s: &str) -> Money {
        Money::from_yuan_str(s).unwrap()
    }

    #[test]
    fn decimal_sums_are_exact_where_floats_are_not() {
        assert_ne!(499_999.90_f64 + 0.40, 500_000.30_f64);
        assert_eq!(m("499999.90") + m("0.40"), m("500000.30"));
    }

    #[test]
    fn file_strings_accept_at_most_two_decimals() {
        assert_eq!(m("1250.5").to_file_string(), "1250.50");
        assert_eq!(m("0").to_file_string(), "0.00");
        assert_eq!(m("-3").to_file_string(), "-3.00");
        for bad in [
            "", "1.234", "1e5", "1,000", "abc", ".5", "5.", "--1", "1.2.3",
        ] {
            assert!(Money::from_yuan_str(bad).is_err(), "{bad:?} accepted");
        }
        assert!(matches!(
            Money::from_yuan_str("1000000000000000"),
            Err(MoneyError::OutOfRange(_))
        ));
        assert!(Money::from_yuan_str("999999999999999.99").is_ok());
    }

    #[test]
    fn typed_wan_converts_exactly() {
        assert_eq!(
            Money::parse_in("3,800.5", Unit::Wan).unwrap(),
            m("38005000")
        );
        assert_eq!(Money::parse_in("0.000001", Unit::Wan).unwrap(), m("0.01"));
        assert!(Money::parse_in("0.0000001", Unit::Wan).is_err());
        assert_eq!(
            Money::parse_in("12 345.60", Unit::Yuan).unwrap(),
            m("12345.6")
        );
    }

    #[test]
    fn display_groups_and_rounds_half_away_from_zero() {
        assert_eq!(m("38000000").wan(), "3,800.00");
        assert_eq!(m("50").wan(), "0.01");
        assert_eq!(m("-50").wan(), "-0.01");
        assert_eq!(m("49").wan(), "0.00");
        assert_eq!(m("1234567.8").display(Unit::Yuan, 2), "1,234,567.80");
        assert_eq!(m("1234567.8").to_string(), "123.46 万元");
        assert_eq!(m("123").display(Unit::Wan, 4), "0.0123");
    }

    #[test]
    fn edit_string_round_trips() {
        for s in ["38000000", "0.01", "1234.56", "0"] {
            for unit in [Unit::Wan, Unit::Yuan] {
                let a = m(s);
                assert_eq!(Money::parse_in(&a.edit_string(unit), unit).unwrap(), a);
            }
        }
        assert_eq!(m("38000000").edit_string(Unit::Wan), "3800.00");
    }

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(Decimal::new(4567, 4)), "45.7%");
        assert_eq!(percent(Decimal::ONE), "100.0%");
    }
}
