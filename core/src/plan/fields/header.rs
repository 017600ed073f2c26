//! The table of the plan header's fields, like [`super::ProjectField`] for
//! projects: everything of a [`crate::plan::Plan`] but its format tag, fund
//! lines, projects, seal and review. [`crate::edit::Header`] holds exactly
//! these, so undo of a header edit covers each; `Header::of` takes the plan
//! apart without `..`, so a field added to `Plan` does not compile until it
//! is placed, and a test of `edit` checks this table against serde's view of
//! the plan.
//!
//! The 基本信息 form, comment labels and the compare view read what a field
//! is called here ([`HeaderField::info`]). The banner's own parts (code,
//! name, league, kind) are named where they are drawn.

/// A field of the plan header, in the struct's (and the file's) order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HeaderField {
    /// `catalog`.
    Catalog,
    /// `year`.
    Year,
    /// `county` (code, name, league and kind).
    County,
    /// `revision`.
    Revision,
    /// `adjustment` (reason and approval).
    Adjustment,
    /// `prepared_by`.
    PreparedBy,
    /// `approval`.
    Approval,
}

impl HeaderField {
    /// Every field, in the struct's order.
    pub const ALL: [HeaderField; 7] = [
        HeaderField::Catalog,
        HeaderField::Year,
        HeaderField::County,
        HeaderField::Revision,
        HeaderField::Adjustment,
        HeaderField::PreparedBy,
        HeaderField::Approval,
    ];

    /// Name in the plan file.
    pub const fn key(self) -> &'static str {
        match self {
            HeaderField::Catalog => "catalog",
            HeaderField::Year => "year",
            HeaderField::County => "county",
            HeaderField::Revision => "revision",
            HeaderField::Adjustment => "adjustment",
            HeaderField::PreparedBy => "prepared_by",
            HeaderField::Approval => "approval",
        }
    }

    /// What people call it. Three columns, as for projects, because today's
    /// screens use different words for some fields; they are kept as they
    /// were, side by side here.
    pub const fn info(self) -> HeaderInfo {
        match self {
            HeaderField::Catalog => info(
                ("资金目录", "catalog"),
                ("资金目录", "catalog"),
                ("资金目录", "Catalog"),
            ),
            HeaderField::Year => info(("年度", "year"), ("年度", "year"), ("年度", "Year")),
            HeaderField::County => info(("旗县", "county"), ("旗县", "county"), ("旗县", "County")),
            HeaderField::Revision => info(
                ("版本", "revision"),
                ("版本", "revision"),
                ("版本", "Revision"),
            ),
            HeaderField::Adjustment => info(
                ("调整说明", "adjustment"),
                ("调整原因", "adjustment reason"),
                ("调整原因", "Adjustment reason"),
            ),
            HeaderField::PreparedBy => info(
                ("编制单位", "prepared by"),
                ("编制单位", "prepared by"),
                ("编制单位", "Prepared by"),
            ),
            HeaderField::Approval => info(
                ("审定文号", "approval"),
                ("审定会议/文号", "approval"),
                ("审定会议/文号", "Approved by (meeting/document)"),
            ),
        }
    }

    /// The field whose file name is `key`.
    pub fn from_key(key: &str) -> Option<HeaderField> {
        HeaderField::ALL.into_iter().find(|f| f.key() == key)
    }
}

/// What a header field is called, like [`super::Info`] for projects.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HeaderInfo {
    /// What a comment on the field is called (Chinese, English).
    pub label: (&'static str, &'static str),
    /// What the compare view and `fundplan diff` call it.
    pub diff_label: (&'static str, &'static str),
    /// The 基本信息 form's label.
    pub form_label: (&'static str, &'static str),
}

const fn info(
    label: (&'static str, &'static str),
    diff_label: (&'static str, &'static str),
    form_label: (&'static str, &'static str),
) -> HeaderInfo {
    HeaderInfo {
        label,
        diff_label,
        form_label,
    }
}
