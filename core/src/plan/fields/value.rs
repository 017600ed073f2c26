//! The kinds of value a project field holds, and where it stands in 表2.

use crate::enums::Use;
use crate::money::Money;
use crate::plan::Funding;

/// What kind of value a field holds.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// Free text, at most [`crate::file::MAX_TEXT_CHARS`] characters.
    Text,
    /// One of [`Use::ALL`].
    Use,
    /// A whole number of households or people.
    Count,
    /// An amount.
    Money,
    /// The funding entries (one 表2 column per fund line).
    Funding,
}

/// Where a field stands in 表2 (and in copied project rows).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Column {
    /// A fixed column between 序号 and 整合资金合计: header, its English
    /// name (for messages) and its width in characters.
    Fixed(&'static str, &'static str, u16),
    /// One column per fund line, after 整合资金合计.
    Lines,
    /// A column after the fund lines: header and English name.
    Last(&'static str, &'static str),
}

/// A field's value, borrowed from a project.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldValue<'a> {
    /// Text.
    Text(&'a str),
    /// 使用方向.
    Use(Use),
    /// A count.
    Count(u32),
    /// An amount.
    Money(Money),
    /// Funding entries.
    Funding(&'a [Funding]),
}

/// Where a field's value lives in a project, to change it.
#[derive(Debug)]
pub enum FieldMut<'a> {
    /// Text.
    Text(&'a mut String),
    /// 使用方向.
    Use(&'a mut Use),
    /// A count.
    Count(&'a mut u32),
    /// An amount.
    Money(&'a mut Money),
    /// Funding entries.
    Funding(&'a mut Vec<Funding>),
}
