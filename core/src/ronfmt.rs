//! The canonical RON text of a plan, written by hand.
//!
//! The output is byte for byte what `ron` 0.12 writes for the same plan (pretty
//! with the settings in [`crate::file`], or compact as `ron::to_string`); tests
//! hold the two together. Writing it directly is about ten times faster than
//! going through serde, which matters for saving and sealing plans with
//! thousands of projects. The seal digests write their own, pinned field lists
//! ([`crate::digest`]) with the same [`Writer`], in compact layout.

use std::fmt::Write as _;
use std::sync::OnceLock;

use crate::money::Money;
use crate::plan::{Comment, County, Funding, Plan, Project, Round, Source, Submission};

/// Structs nested deeper than this are written on one line in pretty mode
/// (`(line: "C01", amount: "…")`), as `PrettyConfig::depth_limit(4)` does.
const DEPTH_LIMIT: usize = 4;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Layout {
    /// One item per line, indented.
    Pretty,
    /// Pretty output beyond the depth limit: `a: 1, b: 2` on one line.
    Inline,
    /// `ron::to_string`: `a:1,b:2`.
    Compact,
}

/// RON text being written.
pub(crate) struct Writer {
    s: String,
    compact: bool,
}

impl Writer {
    /// A writer of compact RON (`ron::to_string`'s layout), `capacity` bytes reserved.
    pub(crate) fn compact(capacity: usize) -> Writer {
        Writer {
            s: String::with_capacity(capacity),
            compact: true,
        }
    }

    /// The text written.
    pub(crate) fn finish(self) -> String {
        self.s
    }

    fn layout(&self, depth: usize) -> Layout {
        if self.compact {
            Layout::Compact
        } else if depth > DEPTH_LIMIT {
            Layout::Inline
        } else {
            Layout::Pretty
        }
    }

    fn indent(&mut self, depth: usize) {
        for _ in 0..depth {
            self.s.push_str("    ");
        }
    }

    /// Starts the `index`-th item (field or element) of a container at `depth`.
    fn item(&mut self, depth: usize, index: usize) {
        match self.layout(depth) {
            Layout::Pretty => {
                if index == 0 {
                    self.s.push('\n');
                }
                self.indent(depth);
            }
            Layout::Inline if index > 0 => self.s.push_str(", "),
            Layout::Compact if index > 0 => self.s.push(','),
            _ => {}
        }
    }

    /// Ends an item: a comma and newline in pretty layout.
    fn item_end(&mut self, depth: usize) {
        if self.layout(depth) == Layout::Pretty {
            self.s.push_str(",\n");
        }
    }

    fn close(&mut self, depth: usize, close: char, items: usize) {
        if self.layout(depth) == Layout::Pretty && items > 0 {
            self.indent(depth - 1);
        }
        self.s.push(close);
    }

    /// Writes `name: ` (or `name:` compact) as the `index`-th field at `depth`.
    fn key(&mut self, depth: usize, index: usize, name: &str) {
        self.item(depth, index);
        self.s.push_str(name);
        self.s.push(':');
        if !self.compact {
            self.s.push(' ');
        }
    }

    fn str(&mut self, v: &str) {
        self.s.push('"');
        for c in v.chars() {
            // escape_debug is what ron uses; printable ASCII other than quotes and
            // backslash is its own escape, so skip the iterator for it.
            if c.is_ascii_graphic() && !matches!(c, '"' | '\\' | '\'') || c == ' ' || plain_bmp(c) {
                self.s.push(c);
            } else {
                self.s.extend(c.escape_debug());
            }
        }
        self.s.push('"');
    }

    fn money(&mut self, m: Money) {
        self.s.push('"');
        self.s.push_str(&m.to_file_string());
        self.s.push('"');
    }

    fn num(&mut self, n: u64) {
        // Writing into a `String` cannot fail: `fmt::Write for String` always returns `Ok`.
        write!(self.s, "{n}").ok();
    }

    /// A struct at `depth` whose fields `body` writes (returning their count).
    fn strukt(&mut self, depth: usize, body: impl FnOnce(&mut Writer, usize) -> usize) {
        self.s.push('(');
        let n = body(self, depth);
        self.close(depth, ')', n);
    }

    /// A sequence at `depth` of `items`, each written by `each` at `depth + 1`.
    pub(crate) fn seq<T>(
        &mut self,
        depth: usize,
        items: &[T],
        mut each: impl FnMut(&mut Writer, &T, usize),
    ) {
        self.s.push('[');
        for (i, item) in items.iter().enumerate() {
            self.item(depth, i);
            each(self, item, depth + 1);
            self.item_end(depth);
        }
        self.close(depth, ']', items.len());
    }

    /// `None`, or `Some(..)` around what `some` writes.
    pub(crate) fn option<T>(
        &mut self,
        v: Option<&T>,
        depth: usize,
        some: impl FnOnce(&mut Writer, &T, usize),
    ) {
        match v {
            None => self.s.push_str("None"),
            Some(v) => {
                self.s.push_str("Some(");
                some(self, v, depth);
                self.s.push(')');
            }
        }
    }
}

/// Whether `escape_debug` leaves a non-ASCII BMP char as it is. Asking it per
/// char is slow (Unicode table searches) and plans are mostly Chinese, so the
/// answer is cached per 256-char page, computed on first use.
fn plain_bmp(c: char) -> bool {
    static PAGES: [OnceLock<[u64; 4]>; 256] = [const { OnceLock::new() }; 256];
    let cp = c as u32;
    if !(0x80..0x1_0000).contains(&cp) {
        return false;
    }
    // Below 0x1_0000, the page number is below 256: `get` always finds it.
    let Some(page) = PAGES.get((cp >> 8) as usize) else {
        return false;
    };
    let page = page.get_or_init(|| {
        let mut bits = [0u64; 4];
        for (word, bits) in (0u32..).zip(bits.iter_mut()) {
            for bit in 0..64 {
                if let Some(ch) = char::from_u32((cp & !0xFF) | (word * 64 + bit))
                    && ch.escape_debug().len() == 1
                {
                    *bits |= 1 << bit;
                }
            }
        }
        bits
    });
    let low = cp & 0xFF;
    page.get((low / 64) as usize)
        .is_some_and(|bits| bits & (1 << (low % 64)) != 0)
}

/// Fields of a struct, written in order with their separators.
pub(crate) struct Fields<'w> {
    w: &'w mut Writer,
    depth: usize,
    n: usize,
}

impl Fields<'_> {
    /// A field whose value `value` writes.
    pub(crate) fn field(
        &mut self,
        name: &str,
        value: impl FnOnce(&mut Writer, usize),
    ) -> &mut Self {
        self.w.key(self.depth, self.n, name);
        value(self.w, self.depth + 1);
        self.w.item_end(self.depth);
        self.n += 1;
        self
    }

    /// A string field.
    pub(crate) fn str(&mut self, name: &str, v: &str) -> &mut Self {
        self.field(name, |w, _| w.str(v))
    }

    /// A unit enum variant's field.
    pub(crate) fn ident(&mut self, name: &str, v: &str) -> &mut Self {
        self.field(name, |w, _| w.s.push_str(v))
    }

    /// An amount field.
    pub(crate) fn money(&mut self, name: &str, v: Money) -> &mut Self {
        self.field(name, |w, _| w.money(v))
    }

    /// A number field.
    pub(crate) fn num(&mut self, name: &str, v: u64) -> &mut Self {
        self.field(name, |w, _| w.num(v))
    }

    /// A field that has a serde default and is skipped when it has it, so
    /// files written before the field existed re-save byte for byte.
    fn field_unless(
        &mut self,
        default: bool,
        name: &str,
        value: impl FnOnce(&mut Writer, usize),
    ) -> &mut Self {
        if !default {
            self.field(name, value);
        }
        self
    }

    /// A string field skipped when empty.
    fn str_unless_empty(&mut self, name: &str, v: &str) -> &mut Self {
        self.field_unless(v.is_empty(), name, |w, _| w.str(v))
    }
}

/// A struct at `depth` whose fields `body` writes.
pub(crate) fn fields(w: &mut Writer, depth: usize, body: impl FnOnce(&mut Fields<'_>)) {
    w.strukt(depth, |w, depth| {
        let mut f = Fields { w, depth, n: 0 };
        body(&mut f);
        f.n
    });
}

fn county(w: &mut Writer, c: &County, depth: usize) {
    fields(w, depth, |f| {
        f.str("code", &c.code)
            .str("name", &c.name)
            .str("league", &c.league)
            .ident("kind", c.kind.ident());
    });
}

fn source(w: &mut Writer, s: &Source, depth: usize) {
    // No `..`: a new field must be written (or the file loses it).
    let Source {
        line,
        level,
        name,
        category,
        document,
        allocated,
        integrated,
        reason,
    } = s;
    fields(w, depth, |f| {
        f.str("line", line)
            .ident("level", level.ident())
            .str("name", name)
            .ident("category", category.ident())
            .str("document", document)
            .money("allocated", *allocated)
            .money("integrated", *integrated)
            .str("reason", reason);
    });
}

fn funding(w: &mut Writer, fu: &Funding, depth: usize) {
    fields(w, depth, |f| {
        f.str("line", &fu.line).money("amount", fu.amount);
    });
}

fn project(w: &mut Writer, p: &Project, depth: usize) {
    // No `..`: a new field must be written (or the file loses it).
    let Project {
        id,
        name,
        use_,
        township,
        village,
        unit,
        content,
        period,
        households,
        people,
        targets,
        funding: entries,
        other_funds,
    } = p;
    fields(w, depth, |f| {
        f.str("id", id)
            .str("name", name)
            .ident("use", use_.ident())
            .str("township", township)
            .str("village", village)
            .str("unit", unit)
            .str("content", content)
            .str("period", period)
            .num("households", u64::from(*households))
            .num("people", u64::from(*people))
            .str("targets", targets)
            .field("funding", |w, d| w.seq(d, entries, funding))
            .money("other_funds", *other_funds);
    });
}

fn comment(w: &mut Writer, c: &Comment, depth: usize) {
    fields(w, depth, |f| {
        f.str("target", &c.target)
            .str("text", &c.text)
            .str_unless_empty("author", &c.author)
            .str_unless_empty("at", &c.at)
            .field_unless(c.resolved.is_none(), "resolved", |w, d| {
                w.option(c.resolved.as_ref(), d, |w, r, d| {
                    fields(w, d, |f| {
                        f.str("note", &r.note).str("at", &r.at);
                    })
                })
            });
    });
}

fn round(w: &mut Writer, r: &Round, depth: usize) {
    fields(w, depth, |f| {
        f.str("reviewer", &r.reviewer)
            .str("at", &r.at)
            .ident("decision", r.decision.ident())
            .field("comments", |w, d| w.seq(d, &r.comments, comment))
            .str("digest", &r.digest);
    });
}

fn submission(w: &mut Writer, s: &Submission, depth: usize) {
    fields(w, depth, |f| {
        f.str("at", &s.at)
            .str("app", &s.app)
            .str("digest", &s.digest)
            .num("warnings", u64::from(s.warnings));
    })
}

fn plan(w: &mut Writer, p: &Plan) {
    fields(w, 1, |f| {
        f.str("format", crate::format::PlanFormat::TAG)
            .num("format_version", u64::from(p.format_version.get()))
            .str("catalog", &p.catalog)
            .num("year", u64::from(p.year))
            .field("county", |w, d| county(w, &p.county, d))
            .num("revision", u64::from(p.revision))
            .field("adjustment", |w, d| {
                w.option(p.adjustment.as_ref(), d, |w, a, d| {
                    fields(w, d, |f| {
                        f.str("reason", &a.reason).str("approval", &a.approval);
                    })
                })
            })
            .str("prepared_by", &p.prepared_by)
            .str("approval", &p.approval)
            .field("sources", |w, d| w.seq(d, &p.sources, source))
            .field("projects", |w, d| w.seq(d, &p.projects, project))
            .field("submission", |w, d| {
                w.option(p.submission.as_ref(), d, submission)
            })
            .field("review", |w, d| {
                w.option(p.review.as_ref(), d, |w, r, d| {
                    fields(w, d, |f| {
                        f.str("reviewer", &r.reviewer)
                            .str("at", &r.at)
                            .ident("decision", r.decision.ident())
                            .field("comments", |w, d| w.seq(d, &r.comments, comment))
                            .field_unless(r.history.is_empty(), "history", |w, d| {
                                w.seq(d, &r.history, round)
                            });
                    })
                })
            });
    });
}

/// The plan as pretty RON, the layout fundplan saves (without the final newline).
pub fn pretty(p: &Plan) -> String {
    let mut w = Writer {
        s: String::with_capacity(p.projects.len() * 900 + p.sources.len() * 300 + 1024),
        compact: false,
    };
    plan(&mut w, p);
    w.s
}

/// The plan as compact RON, exactly `ron::to_string(plan)` (the oracle tests
/// compare against it; fundplan itself writes compact RON only for digests).
#[cfg(test)]
fn compact(p: &Plan) -> String {
    let mut w = Writer::compact(p.projects.len() * 700 + p.sources.len() * 250 + 512);
    plan(&mut w, p);
    w.s
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::plan::Review;

    fn oracle_pretty(p: &Plan) -> String {
        let config = ron::ser::PrettyConfig::new()
            .indentor("    ".to_string())
            .depth_limit(DEPTH_LIMIT)
            .separate_tuple_members(false)
            .escape_strings(true);
        ron::ser::to_string_pretty(p, config).unwrap()
    }

    fn odd_plan() -> Plan {
        crate::sample::awkward(&crate::catalog::default_catalog())
    }

    /// Plans with every kind of content the writers must get right: odd
    /// characters, empty lists, an adjustment, a seal, every optional review
    /// field (the digest's oracle test uses them too).
    pub(crate) fn oracle_plans() -> Vec<Plan> {
        let catalog = crate::catalog::default_catalog();
        let mut plans = vec![odd_plan()];
        for (projects, seed) in [(0, 0), (1, 1), (40, 2)] {
            plans.push(crate::sample::generate(
                &catalog,
                crate::sample::SampleOptions {
                    projects,
                    seed,
                    year: 2020,
                },
            ));
        }
        let mut empty = plans[1].clone();
        empty.sources.clear();
        empty.review = Some(Review::default());
        plans.push(empty);
        // Every optional review field set: authors, 已处理 marks, history.
        let mut reviewed = crate::digest::seal(&plans[2], "2020-03-15T10:00:00+08:00".into(), 2);
        let comment = |resolved: bool| Comment {
            target: "projects[P001]".into(),
            text: "请补充\"绩效\"目标".into(),
            author: "呼和浩特市财政局".into(),
            at: "2020-03-20T16:30:00+08:00".into(),
            resolved: resolved.then(|| crate::plan::Resolution {
                note: "已补充".into(),
                at: "2020-03-22T09:00:00+08:00".into(),
            }),
        };
        let mut review = Review {
            reviewer: "呼和浩特市财政局".into(),
            decision: crate::enums::Decision::Returned,
            comments: vec![comment(true), comment(false)],
            ..Review::default()
        };
        review.start_new_round("sha256v2:00");
        review.comments.push(comment(false));
        reviewed.review = Some(review);
        plans.push(reviewed);
        plans
    }

    #[test]
    fn matches_ron_exactly() {
        for p in &oracle_plans() {
            assert_eq!(pretty(p), oracle_pretty(p));
            assert_eq!(compact(p), ron::to_string(p).unwrap());
        }
    }

    #[test]
    fn every_char_escapes_as_ron_does() {
        let mut p = odd_plan();
        for start in (0u32..0x3_0000).step_by(0x800) {
            let text: String = (start..start + 0x800).filter_map(char::from_u32).collect();
            p.approval = text;
            assert_eq!(
                compact(&p),
                ron::to_string(&p).unwrap(),
                "block at {start:#x}"
            );
        }
    }
}
