//! The one table of a [`Project`]'s fields (and, in [`SourceField`], of a fund
//! line's): for each, its name in the file, what people call it (in comments,
//! in the compare view, on the form), its column in 表2, its length limit and
//! what kind of value it holds.
//!
//! The diff, the load limits, 表2, the workbook import, the clipboard rows,
//! comment labels and the GUI form all read this table instead of spelling the
//! field list out again. [`values`] takes a project apart without `..`, so a
//! field added to [`Project`] does not compile until it has a row here; the
//! tests check the table against serde's view of the struct.
//!
//! Three label columns exist because today's screens use different words for
//! some fields (the compare view says 名称 where a comment says 项目名称, the
//! form says 受益脱贫户（户）); they are kept as they were, side by side here.

mod header;
mod source;
mod value;

pub use header::{HeaderField, HeaderInfo};
pub use source::{SourceField, SourceInfo, SourceValue, values as source_values};
pub use value::{Column, FieldMut, FieldValue, Kind};

use crate::money::Money;
use crate::plan::Project;

/// A field of [`Project`], in the struct's (and the file's) order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectField {
    /// `id`.
    Id,
    /// `name`.
    Name,
    /// `use`.
    Use,
    /// `township`.
    Township,
    /// `village`.
    Village,
    /// `unit`.
    Unit,
    /// `content`.
    Content,
    /// `period`.
    Period,
    /// `households`.
    Households,
    /// `people`.
    People,
    /// `targets`.
    Targets,
    /// `funding`.
    Funding,
    /// `other_funds`.
    OtherFunds,
}

/// Everything the table says about one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Info {
    /// Name in the plan file and in paths (`projects[P001].township`).
    pub key: &'static str,
    /// What a comment on the field is called (Chinese, English).
    pub label: (&'static str, &'static str),
    /// What the compare view and `fundplan diff` call it.
    pub diff_label: (&'static str, &'static str),
    /// The project form's label, also its accessible name after the id.
    pub form_label: (&'static str, &'static str),
    /// Its place in 表2.
    pub column: Column,
    /// What it holds.
    pub kind: Kind,
}

const fn info(
    key: &'static str,
    label: (&'static str, &'static str),
    diff_label: (&'static str, &'static str),
    form_label: (&'static str, &'static str),
    column: Column,
    kind: Kind,
) -> Info {
    Info {
        key,
        label,
        diff_label,
        form_label,
        column,
        kind,
    }
}

impl ProjectField {
    /// Every field, in the struct's order.
    pub const ALL: [ProjectField; 13] = [
        ProjectField::Id,
        ProjectField::Name,
        ProjectField::Use,
        ProjectField::Township,
        ProjectField::Village,
        ProjectField::Unit,
        ProjectField::Content,
        ProjectField::Period,
        ProjectField::Households,
        ProjectField::People,
        ProjectField::Targets,
        ProjectField::Funding,
        ProjectField::OtherFunds,
    ];

    /// The field's row of the table.
    pub const fn info(self) -> Info {
        use Column::{Fixed, Last, Lines};
        match self {
            ProjectField::Id => info(
                "id",
                ("编号", "id"),
                ("项目编号", "id"),
                ("项目编号", "Id"),
                Fixed("项目编号", "Id", 8),
                Kind::Text,
            ),
            ProjectField::Name => info(
                "name",
                ("项目名称", "name"),
                ("名称", "name"),
                ("项目名称", "Name"),
                Fixed("项目名称", "Name", 30),
                Kind::Text,
            ),
            ProjectField::Use => info(
                "use",
                ("使用方向", "use"),
                ("使用方向", "use"),
                ("使用方向", "Use"),
                Fixed("使用方向", "Use", 12),
                Kind::Use,
            ),
            ProjectField::Township => info(
                "township",
                ("苏木乡镇", "township"),
                ("苏木乡镇", "township"),
                ("苏木乡镇", "Township"),
                Fixed("苏木乡镇", "Township", 12),
                Kind::Text,
            ),
            ProjectField::Village => info(
                "village",
                ("嘎查村", "village"),
                ("嘎查村", "village"),
                ("嘎查村", "Village"),
                Fixed("嘎查村", "Village", 12),
                Kind::Text,
            ),
            ProjectField::Unit => info(
                "unit",
                ("实施单位", "unit"),
                ("实施单位", "unit"),
                ("实施单位", "Implementing unit"),
                Fixed("实施单位", "Implementing unit", 20),
                Kind::Text,
            ),
            ProjectField::Content => info(
                "content",
                ("建设内容", "content"),
                ("建设内容", "content"),
                ("建设内容", "Content"),
                Fixed("建设内容", "Content", 30),
                Kind::Text,
            ),
            ProjectField::Period => info(
                "period",
                ("实施期限", "period"),
                ("实施期限", "period"),
                ("实施期限", "Period"),
                Fixed("实施期限", "Period", 14),
                Kind::Text,
            ),
            ProjectField::Households => info(
                "households",
                ("受益脱贫户", "households"),
                ("受益脱贫户", "households"),
                ("受益脱贫户（户）", "Households"),
                Fixed("受益脱贫户", "Households", 8),
                Kind::Count,
            ),
            ProjectField::People => info(
                "people",
                ("受益人口", "people"),
                ("受益人口", "people"),
                ("受益人口（人）", "People"),
                Fixed("受益人口", "People", 8),
                Kind::Count,
            ),
            ProjectField::Targets => info(
                "targets",
                ("绩效目标", "targets"),
                ("绩效目标", "targets"),
                (
                    "绩效目标（产出/效益/满意度）",
                    "Targets (output / benefit / satisfaction)",
                ),
                Fixed("绩效目标", "Targets", 40),
                Kind::Text,
            ),
            ProjectField::Funding => info(
                "funding",
                ("资金安排", "funding"),
                ("安排资金", "funding from"),
                ("安排资金", "Funding"),
                Lines,
                Kind::Funding,
            ),
            ProjectField::OtherFunds => info(
                "other_funds",
                ("其他资金", "other funds"),
                ("自筹及其他资金", "other funds"),
                ("自筹及其他资金", "Other funds"),
                Last("自筹及其他资金", "Other funds"),
                Kind::Money,
            ),
        }
    }

    /// Name in the plan file.
    pub const fn key(self) -> &'static str {
        self.info().key
    }

    /// The field whose file name is `key`.
    pub fn from_key(key: &str) -> Option<ProjectField> {
        ProjectField::ALL.into_iter().find(|f| f.key() == key)
    }

    /// Its 表2 header; empty for the funding (one column per fund line).
    pub const fn header(self) -> &'static str {
        match self.info().column {
            Column::Fixed(h, _, _) | Column::Last(h, _) => h,
            Column::Lines => "",
        }
    }

    /// The most characters it may hold, for text fields.
    pub const fn max_chars(self) -> Option<usize> {
        match self.info().kind {
            Kind::Text => Some(crate::file::MAX_TEXT_CHARS),
            Kind::Use | Kind::Count | Kind::Money | Kind::Funding => None,
        }
    }

    /// Its value in `p`.
    pub fn get(self, p: &Project) -> FieldValue<'_> {
        use FieldValue::{Count, Text};
        match self {
            ProjectField::Id => Text(&p.id),
            ProjectField::Name => Text(&p.name),
            ProjectField::Use => FieldValue::Use(p.use_),
            ProjectField::Township => Text(&p.township),
            ProjectField::Village => Text(&p.village),
            ProjectField::Unit => Text(&p.unit),
            ProjectField::Content => Text(&p.content),
            ProjectField::Period => Text(&p.period),
            ProjectField::Households => Count(p.households),
            ProjectField::People => Count(p.people),
            ProjectField::Targets => Text(&p.targets),
            ProjectField::Funding => FieldValue::Funding(&p.funding),
            ProjectField::OtherFunds => FieldValue::Money(p.other_funds),
        }
    }

    /// Where its value lives in `p`, to change it.
    pub fn get_mut(self, p: &mut Project) -> FieldMut<'_> {
        match self {
            ProjectField::Id => FieldMut::Text(&mut p.id),
            ProjectField::Name => FieldMut::Text(&mut p.name),
            ProjectField::Use => FieldMut::Use(&mut p.use_),
            ProjectField::Township => FieldMut::Text(&mut p.township),
            ProjectField::Village => FieldMut::Text(&mut p.village),
            ProjectField::Unit => FieldMut::Text(&mut p.unit),
            ProjectField::Content => FieldMut::Text(&mut p.content),
            ProjectField::Period => FieldMut::Text(&mut p.period),
            ProjectField::Households => FieldMut::Count(&mut p.households),
            ProjectField::People => FieldMut::Count(&mut p.people),
            ProjectField::Targets => FieldMut::Text(&mut p.targets),
            ProjectField::Funding => FieldMut::Funding(&mut p.funding),
            ProjectField::OtherFunds => FieldMut::Money(&mut p.other_funds),
        }
    }

    /// The text it holds in `p`, for text fields.
    pub fn text_mut(self, p: &mut Project) -> Option<&mut String> {
        match self.get_mut(p) {
            FieldMut::Text(t) => Some(t),
            _ => None,
        }
    }

    /// The count it holds in `p`, for count fields.
    pub fn count_mut(self, p: &mut Project) -> Option<&mut u32> {
        match self.get_mut(p) {
            FieldMut::Count(n) => Some(n),
            _ => None,
        }
    }

    /// The amount it holds in `p`, for money fields.
    pub fn money_mut(self, p: &mut Project) -> Option<&mut Money> {
        match self.get_mut(p) {
            FieldMut::Money(m) => Some(m),
            _ => None,
        }
    }

    /// The fixed 表2 columns, in order (between 序号 and 整合资金合计).
    pub fn fixed() -> impl Iterator<Item = ProjectField> {
        ProjectField::ALL
            .into_iter()
            .filter(|f| matches!(f.info().column, Column::Fixed(..)))
    }

    /// The 表2 columns after the fund lines, in order.
    pub fn after_lines() -> impl Iterator<Item = ProjectField> {
        ProjectField::ALL
            .into_iter()
            .filter(|f| matches!(f.info().column, Column::Last(..)))
    }
}

/// Every field of `p` with its value, in [`ProjectField::ALL`] order.
pub fn values(p: &Project) -> [(ProjectField, FieldValue<'_>); 13] {
    // No `..` on purpose: a new field of `Project` stops the build here, next
    // to the table it needs a row in. (The tests also compare the table with
    // serde's list of the struct's fields.)
    let Project {
        id: _,
        name: _,
        use_: _,
        township: _,
        village: _,
        unit: _,
        content: _,
        period: _,
        households: _,
        people: _,
        targets: _,
        funding: _,
        other_funds: _,
    } = p;
    ProjectField::ALL.map(|f| (f, f.get(p)))
}

#[cfg(test)]
pub(crate) mod tests;
