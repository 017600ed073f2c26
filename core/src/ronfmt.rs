//! The canonical RON text of a plan, written by hand.
//!
//! The output is byte for byte what `ron` 0.12 writes for the same plan (pretty
//! with the settings in [`crate::file`], or compact as `ron::to_string` for the
//! digest); tests hold the two together. Writing it directly is about ten times
//! faster than going through serde, which matters for saving and sealing plans
//! with thousands of projects.

mod writer;

use crate::plan::{Comment, County, Funding, Plan, Project, Round, Source, Submission};
use writer::{Writer, fields};

fn county(w: &mut Writer, c: &County, depth: usize) {
    fields(w, depth, |f| {
        f.str("code", &c.code)
            .str("name", &c.name)
            .str("league", &c.league)
            .ident("kind", c.kind.ident());
    });
}

fn source(w: &mut Writer, s: &Source, depth: usize) {
    fields(w, depth, |f| {
        f.str("line", &s.line)
            .ident("level", s.level.ident())
            .str("name", &s.name)
            .ident("category", s.category.ident())
            .str("document", &s.document)
            .money("allocated", s.allocated)
            .money("integrated", s.integrated)
            .str("reason", &s.reason);
    });
}

fn funding(w: &mut Writer, fu: &Funding, depth: usize) {
    fields(w, depth, |f| {
        f.str("line", &fu.line).money("amount", fu.amount);
    });
}

fn project(w: &mut Writer, p: &Project, depth: usize) {
    fields(w, depth, |f| {
        f.str("id", &p.id)
            .str("name", &p.name)
            .ident("use", p.use_.ident())
            .str("township", &p.township)
            .str("village", &p.village)
            .str("unit", &p.unit)
            .str("content", &p.content)
            .str("period", &p.period)
            .num("households", u64::from(p.households))
            .num("people", u64::from(p.people))
            .str("targets", &p.targets)
            .field("funding", |w, d| w.seq(d, &p.funding, funding))
            .money("other_funds", p.other_funds);
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

/// Which of the seal parts a text includes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Seal {
    /// Submission and review as they are (saving).
    Both,
    /// Neither: the content the v1 digest covers.
    Neither,
    /// The submission with an empty digest, no review: what the v2 digest covers.
    SubmissionOnly,
}

fn submission(w: &mut Writer, s: &Submission, depth: usize, blank_digest: bool) {
    fields(w, depth, |f| {
        f.str("at", &s.at)
            .str("app", &s.app)
            .str("digest", if blank_digest { "" } else { &s.digest })
            .num("warnings", u64::from(s.warnings));
    })
}

fn plan(w: &mut Writer, p: &Plan, seal: Seal) {
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
                let s = p.submission.as_ref().filter(|_| seal != Seal::Neither);
                w.option(s, d, |w, s, d| {
                    submission(w, s, d, seal == Seal::SubmissionOnly)
                })
            })
            .field("review", |w, d| {
                w.option(
                    p.review.as_ref().filter(|_| seal == Seal::Both),
                    d,
                    |w, r, d| {
                        fields(w, d, |f| {
                            f.str("reviewer", &r.reviewer)
                                .str("at", &r.at)
                                .ident("decision", r.decision.ident())
                                .field("comments", |w, d| w.seq(d, &r.comments, comment))
                                .field_unless(r.history.is_empty(), "history", |w, d| {
                                    w.seq(d, &r.history, round)
                                });
                        })
                    },
                )
            });
    });
}

/// The plan as pretty RON, the layout fundplan saves (without the final newline).
pub fn pretty(p: &Plan) -> String {
    let mut w = Writer {
        s: String::with_capacity(p.projects.len() * 900 + p.sources.len() * 300 + 1024),
        compact: false,
    };
    plan(&mut w, p, Seal::Both);
    w.s
}

/// The plan as compact RON, exactly `ron::to_string(plan)`; with
/// `with_seal` false, as if `submission` and `review` were `None` (the digest's
/// input, without cloning the plan).
pub fn compact(p: &Plan, with_seal: bool) -> String {
    let mut w = Writer {
        s: String::with_capacity(p.projects.len() * 700 + p.sources.len() * 250 + 512),
        compact: true,
    };
    plan(
        &mut w,
        p,
        if with_seal { Seal::Both } else { Seal::Neither },
    );
    w.s
}

/// What the v2 seal digest covers: the plan as compact RON with `review`
/// `None` and the submission's `digest` empty, so the seal's time, app and
/// warning count are covered as well as the content.
pub fn compact_for_seal_v2(p: &Plan) -> String {
    let mut w = Writer {
        s: String::with_capacity(p.projects.len() * 700 + p.sources.len() * 250 + 512),
        compact: true,
    };
    plan(&mut w, p, Seal::SubmissionOnly);
    w.s
}

#[cfg(test)]
mod tests {
    use super::writer::DEPTH_LIMIT;
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

    #[test]
    fn matches_ron_exactly() {
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
        for p in &plans {
            let v2 = Plan {
                submission: p.submission.clone().map(|s| Submission {
                    digest: String::new(),
                    ..s
                }),
                review: None,
                ..p.clone()
            };
            assert_eq!(compact_for_seal_v2(p), ron::to_string(&v2).unwrap());
            assert_eq!(pretty(p), oracle_pretty(p));
            assert_eq!(compact(p, true), ron::to_string(p).unwrap());
            let content = Plan {
                submission: None,
                review: None,
                ..p.clone()
            };
            assert_eq!(compact(p, false), ron::to_string(&content).unwrap());
        }
    }

    #[test]
    fn every_char_escapes_as_ron_does() {
        let mut p = odd_plan();
        for start in (0u32..0x3_0000).step_by(0x800) {
            let text: String = (start..start + 0x800).filter_map(char::from_u32).collect();
            p.approval = text;
            assert_eq!(
                compact(&p, true),
                ron::to_string(&p).unwrap(),
                "block at {start:#x}"
            );
        }
    }
}
