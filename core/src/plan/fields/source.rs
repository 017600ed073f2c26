//! The table of a [`Source`]'s (fund line's) fields, like [`super::ProjectField`]
//! for projects: file key, labels, 表1 header and kind.

use crate::enums::{Category, Level};
use crate::money::Money;
use crate::plan::Source;

/// A field of [`Source`], in the struct's order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SourceField {
    /// `line`.
    Line,
    /// `level`.
    Level,
    /// `name`.
    Name,
    /// `category`.
    Category,
    /// `document`.
    Document,
    /// `allocated`.
    Allocated,
    /// `integrated`.
    Integrated,
    /// `reason`.
    Reason,
}

/// A fund line's field value, borrowed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SourceValue<'a> {
    /// Text.
    Text(&'a str),
    /// 资金级次.
    Level(Level),
    /// 资金大类.
    Category(Category),
    /// An amount.
    Money(Money),
}

/// Everything the table says about one field of a fund line.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SourceInfo {
    /// Name in the plan file and in paths (`sources[C01].document`).
    pub key: &'static str,
    /// What a comment on the field is called (Chinese, English).
    pub label: (&'static str, &'static str),
    /// What the compare view and `fundplan diff` call it.
    pub diff_label: (&'static str, &'static str),
    /// The 资金来源 screen's accessible name of the cell, after the code.
    pub form_label: (&'static str, &'static str),
    /// Its 表1 header and width in characters.
    pub column: (&'static str, u16),
}

const fn info(
    key: &'static str,
    label: (&'static str, &'static str),
    diff_label: (&'static str, &'static str),
    form_label: (&'static str, &'static str),
    column: (&'static str, u16),
) -> SourceInfo {
    SourceInfo {
        key,
        label,
        diff_label,
        form_label,
        column,
    }
}

impl SourceField {
    /// Every field, in the struct's order.
    pub const ALL: [SourceField; 8] = [
        SourceField::Line,
        SourceField::Level,
        SourceField::Name,
        SourceField::Category,
        SourceField::Document,
        SourceField::Allocated,
        SourceField::Integrated,
        SourceField::Reason,
    ];

    /// The amount columns of the 资金来源 screen, left to right.
    pub const AMOUNTS: [SourceField; 2] = [SourceField::Allocated, SourceField::Integrated];

    /// The field's row of the table.
    pub const fn info(self) -> SourceInfo {
        match self {
            SourceField::Line => info(
                "line",
                ("代码", "code"),
                ("资金代码", "code"),
                ("资金代码", "code"),
                ("资金代码", 8),
            ),
            SourceField::Level => info(
                "level",
                ("级次", "level"),
                ("级次", "level"),
                ("级次", "level"),
                ("资金级次", 8),
            ),
            SourceField::Name => info(
                "name",
                ("资金名称", "fund line"),
                ("名称", "name"),
                ("资金名称", "name"),
                ("资金名称", 40),
            ),
            SourceField::Category => info(
                "category",
                ("大类", "category"),
                ("大类", "category"),
                ("大类", "category"),
                ("资金大类", 12),
            ),
            SourceField::Document => info(
                "document",
                ("下达文号", "document"),
                ("下达文号", "document"),
                ("下达文号", "document"),
                ("下达文号", 20),
            ),
            SourceField::Allocated => info(
                "allocated",
                ("下达金额", "allocated"),
                ("下达金额", "allocated"),
                ("下达金额", "allocated"),
                ("下达金额", 12),
            ),
            SourceField::Integrated => info(
                "integrated",
                ("纳入整合金额", "integrated"),
                ("纳入整合金额", "integrated"),
                ("纳入整合金额", "integrated"),
                ("纳入整合金额", 12),
            ),
            SourceField::Reason => info(
                "reason",
                ("未纳入原因", "reason not integrated"),
                ("未纳入原因", "reason not integrated"),
                ("未纳入整合原因", "reason not integrated"),
                ("未纳入原因", 36),
            ),
        }
    }

    /// Name in the plan file.
    pub const fn key(self) -> &'static str {
        self.info().key
    }

    /// Its 表1 header.
    pub const fn header(self) -> &'static str {
        self.info().column.0
    }

    /// The field whose file name is `key`.
    pub fn from_key(key: &str) -> Option<SourceField> {
        SourceField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// The most characters it may hold, for text fields.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            SourceField::Line | SourceField::Name | SourceField::Document | SourceField::Reason => {
                Some(crate::file::MAX_TEXT_CHARS)
            }
            SourceField::Level
            | SourceField::Category
            | SourceField::Allocated
            | SourceField::Integrated => None,
        }
    }

    /// Its value in `s`.
    pub fn get(self, s: &Source) -> SourceValue<'_> {
        match self {
            SourceField::Line => SourceValue::Text(&s.line),
            SourceField::Level => SourceValue::Level(s.level),
            SourceField::Name => SourceValue::Text(&s.name),
            SourceField::Category => SourceValue::Category(s.category),
            SourceField::Document => SourceValue::Text(&s.document),
            SourceField::Allocated => SourceValue::Money(s.allocated),
            SourceField::Integrated => SourceValue::Money(s.integrated),
            SourceField::Reason => SourceValue::Text(&s.reason),
        }
    }

    /// The amount it holds in `s`, for money fields.
    pub fn money_mut(self, s: &mut Source) -> Option<&mut Money> {
        match self {
            SourceField::Allocated => Some(&mut s.allocated),
            SourceField::Integrated => Some(&mut s.integrated),
            SourceField::Line
            | SourceField::Level
            | SourceField::Name
            | SourceField::Category
            | SourceField::Document
            | SourceField::Reason => None,
        }
    }
}

/// Every field of `s` with its value, in [`SourceField::ALL`] order.
pub fn values(s: &Source) -> [(SourceField, SourceValue<'_>); 8] {
    // No `..` on purpose: a new field of `Source` stops the build here.
    let Source {
        line: _,
        level: _,
        name: _,
        category: _,
        document: _,
        allocated: _,
        integrated: _,
        reason: _,
    } = s;
    SourceField::ALL.map(|f| (f, f.get(s)))
}
