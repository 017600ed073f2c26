//! The table of the plan header's fields, like [`super::ProjectField`] for
//! projects: everything of a [`crate::plan::Plan`] but its fund lines,
//! projects, seal and review. [`crate::edit::Header`] holds exactly these, so
//! undo of a header edit covers each; `Header::of` takes the plan apart
//! without `..`, so a field added to `Plan` does not compile until it is
//! either in this table or named in [`NOT_HEADER`].

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

/// The fields of a plan outside its header, in the file's order: the format
/// tag and version (never edited), and the parts changed by edits of their own
/// (fund lines, projects, the seal, the review).
pub const NOT_HEADER: [&str; 6] = [
    "format",
    "format_version",
    "sources",
    "projects",
    "submission",
    "review",
];

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

    /// What officials call it (Chinese, English).
    pub const fn label(self) -> (&'static str, &'static str) {
        match self {
            HeaderField::Catalog => ("资金目录", "catalog"),
            HeaderField::Year => ("年度", "year"),
            HeaderField::County => ("旗县", "county"),
            HeaderField::Revision => ("版本", "revision"),
            HeaderField::Adjustment => ("调整原因", "adjustment reason"),
            HeaderField::PreparedBy => ("编制单位", "prepared by"),
            HeaderField::Approval => ("审定会议/文号", "approval"),
        }
    }

    /// The field whose file name is `key`.
    pub fn from_key(key: &str) -> Option<HeaderField> {
        HeaderField::ALL.into_iter().find(|f| f.key() == key)
    }
}
