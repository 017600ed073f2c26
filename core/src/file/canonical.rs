//! A fast reader for plans laid out as fundplan writes them.
//!
//! `ron`'s lexer reads a file character by character and spends ~48 ms on a
//! 10,000-project plan; almost every plan a county or league opens was written
//! by fundplan, in one known layout (`src/ronfmt.rs`). This reader accepts that
//! layout — the fields in file order, any ASCII white space, the escapes the
//! writer uses — and is ~5× faster. On anything else (comments, another field
//! order, a named struct, a raw string, an error of any kind) it gives up and
//! the caller parses with `ron`, which also explains errors. So it never
//! changes what a file means: whenever it returns a plan, `ron` returns the
//! same plan (core/tests/core/canonical.rs and the `load_validate` fuzz target check it
//! with `ron` as the oracle).
//!
//! The limits check (`check_limits`) runs after either reader.

mod lex;

use crate::format::{FORMAT_VERSION, FormatVersion, PlanFormat};
use crate::plan::{
    Adjustment, Category, Comment, County, CountyKind, Decision, Funding, Level, Plan, Project,
    Resolution, Review, Round, Source, Submission, Use,
};

/// The plan in `text` if it is laid out as fundplan writes plans; `None` (for
/// `ron` to parse, or to explain) otherwise.
pub fn parse(text: &str) -> Option<Plan> {
    let mut r = Reader {
        text,
        bytes: text.as_bytes(),
        at: 0,
    };
    let plan = r.plan()?;
    r.skip_ws();
    (r.at == r.bytes.len()).then_some(plan)
}

/// `None` means "not the canonical layout": the caller falls back to `ron`.
type Maybe<T> = Option<T>;

struct Reader<'a> {
    text: &'a str,
    bytes: &'a [u8],
    /// Always on a char boundary: it only moves past ASCII bytes or to the
    /// position of an ASCII byte found by search.
    at: usize,
}

impl<'a> Reader<'a> {
    // Struct fields are evaluated in the order written, which is file order.

    fn plan(&mut self) -> Maybe<Plan> {
        self.group(|r| {
            let format = r.field("format", Self::string)?;
            let version = r.field("format_version", |r| r.uint(u32::MAX))?;
            if format != PlanFormat::TAG || version != FORMAT_VERSION {
                return None;
            }
            Some(Plan {
                format: PlanFormat,
                format_version: FormatVersion::CURRENT,
                catalog: r.field("catalog", Self::string)?,
                year: r
                    .field("year", |r| r.uint(u16::MAX.into()))?
                    .try_into()
                    .ok()?,
                county: r.field("county", Self::county)?,
                revision: r.field("revision", |r| r.uint(u32::MAX))?,
                adjustment: r.field("adjustment", |r| r.option(Self::adjustment))?,
                prepared_by: r.field("prepared_by", Self::string)?,
                approval: r.field("approval", Self::string)?,
                sources: r.field("sources", |r| r.list(Self::source))?,
                projects: r.field("projects", |r| r.list(Self::project))?,
                submission: r.field("submission", |r| r.option(Self::submission))?,
                review: r.field("review", |r| r.option(Self::review))?,
            })
        })
    }

    fn county(&mut self) -> Maybe<County> {
        self.group(|r| {
            Some(County {
                code: r.field("code", Self::string)?,
                name: r.field("name", Self::string)?,
                league: r.field("league", Self::string)?,
                kind: r.field("kind", |r| r.variant(CountyKind::ALL, CountyKind::ident))?,
            })
        })
    }

    fn adjustment(&mut self) -> Maybe<Adjustment> {
        self.group(|r| {
            Some(Adjustment {
                reason: r.field("reason", Self::string)?,
                approval: r.field("approval", Self::string)?,
            })
        })
    }

    fn source(&mut self) -> Maybe<Source> {
        self.group(|r| {
            Some(Source {
                line: r.field("line", Self::string)?,
                level: r.field("level", |r| r.variant(Level::ALL, Level::ident))?,
                name: r.field("name", Self::string)?,
                category: r.field("category", |r| r.variant(Category::ALL, Category::ident))?,
                document: r.field("document", Self::string)?,
                allocated: r.field("allocated", Self::money)?,
                integrated: r.field("integrated", Self::money)?,
                reason: r.field("reason", Self::string)?,
            })
        })
    }

    fn project(&mut self) -> Maybe<Project> {
        self.group(|r| {
            Some(Project {
                id: r.field("id", Self::string)?,
                name: r.field("name", Self::string)?,
                use_: r.field("use", |r| r.variant(Use::ALL, Use::ident))?,
                township: r.field("township", Self::string)?,
                village: r.field("village", Self::string)?,
                unit: r.field("unit", Self::string)?,
                content: r.field("content", Self::string)?,
                period: r.field("period", Self::string)?,
                households: r.field("households", |r| r.uint(u32::MAX))?,
                people: r.field("people", |r| r.uint(u32::MAX))?,
                targets: r.field("targets", Self::string)?,
                funding: r.field("funding", |r| r.list(Self::funding))?,
                other_funds: r.field("other_funds", Self::money)?,
            })
        })
    }

    fn funding(&mut self) -> Maybe<Funding> {
        self.group(|r| {
            Some(Funding {
                line: r.field("line", Self::string)?,
                amount: r.field("amount", Self::money)?,
            })
        })
    }

    fn submission(&mut self) -> Maybe<Submission> {
        self.group(|r| {
            Some(Submission {
                at: r.field("at", Self::string)?,
                app: r.field("app", Self::string)?,
                digest: r.field("digest", Self::string)?,
                warnings: r.field("warnings", |r| r.uint(u32::MAX))?,
            })
        })
    }

    fn review(&mut self) -> Maybe<Review> {
        self.group(|r| {
            Some(Review {
                reviewer: r.field("reviewer", Self::string)?,
                at: r.field("at", Self::string)?,
                decision: r.field("decision", |r| r.variant(Decision::ALL, Decision::ident))?,
                comments: r.field("comments", |r| r.list(Self::comment))?,
                history: r.field_or_default("history", |r| r.list(Self::round))?,
            })
        })
    }

    fn round(&mut self) -> Maybe<Round> {
        self.group(|r| {
            Some(Round {
                reviewer: r.field("reviewer", Self::string)?,
                at: r.field("at", Self::string)?,
                decision: r.field("decision", |r| r.variant(Decision::ALL, Decision::ident))?,
                comments: r.field("comments", |r| r.list(Self::comment))?,
                digest: r.field("digest", Self::string)?,
            })
        })
    }

    fn comment(&mut self) -> Maybe<Comment> {
        self.group(|r| {
            Some(Comment {
                target: r.field("target", Self::string)?,
                text: r.field("text", Self::string)?,
                author: r.field_or_default("author", Self::string)?,
                at: r.field_or_default("at", Self::string)?,
                resolved: r.field_or_default("resolved", |r| r.option(Self::resolution))?,
            })
        })
    }

    fn resolution(&mut self) -> Maybe<Resolution> {
        self.group(|r| {
            Some(Resolution {
                note: r.field("note", Self::string)?,
                at: r.field("at", Self::string)?,
            })
        })
    }
}

#[cfg(test)]
mod tests {
    use super::parse;
    use crate::catalog::default_catalog;
    use crate::file::plan_to_string;
    use crate::sample::{SampleOptions, generate};

    #[test]
    fn reads_what_fundplan_writes() {
        let plan = generate(&default_catalog(), SampleOptions::default());
        assert_eq!(parse(&plan_to_string(&plan)), Some(plan));
    }

    #[test]
    fn leaves_other_layouts_to_ron() {
        let plan = generate(&default_catalog(), SampleOptions::default());
        let text = plan_to_string(&plan);
        for other in [
            text.replacen('(', "Plan(", 1),
            format!("// comment\n{text}"),
            text.replacen("year: ", "year: 0x", 1),
            format!("{text})"),
            text.replacen("\"nm-2017\"", "r\"nm-2017\"", 1),
        ] {
            assert_ne!(other, text);
            assert_eq!(parse(&other), None, "took the fast path:\n{other}");
        }
    }
}
