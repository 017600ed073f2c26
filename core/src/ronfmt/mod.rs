//! The canonical RON text of a plan, written by hand.
//!
//! The output is byte for byte what `ron` 0.12 writes for the same plan (pretty
//! with the settings in [`crate::file`], or compact as `ron::to_string`); tests
//! hold the two together. Writing it directly is about ten times faster than
//! going through serde, which matters for saving and sealing plans with
//! thousands of projects. The seal digests write their own, pinned field lists
//! ([`crate::digest`]) with the same [`Writer`], in compact layout.

mod writer;

use crate::plan::{Comment, County, Funding, Plan, Project, Round, Source, Submission};
#[cfg(test)]
use writer::DEPTH_LIMIT;
pub(crate) use writer::{Writer, fields};

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
    let mut w = Writer::pretty(p.projects.len() * 900 + p.sources.len() * 300 + 1024);
    plan(&mut w, p);
    w.finish()
}

/// The plan as compact RON, exactly `ron::to_string(plan)` (the oracle tests
/// compare against it; fundplan itself writes compact RON only for digests).
#[cfg(test)]
fn compact(p: &Plan) -> String {
    let mut w = Writer::compact(p.projects.len() * 700 + p.sources.len() * 250 + 512);
    plan(&mut w, p);
    w.finish()
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
