//! The submission seal: SHA-256 over the compact RON of the plan.
//!
//! Two schemes, told apart by the digest's prefix:
//!
//! * `sha256:` (v1, written before fundplan 0.2): over the plan with
//!   `submission` and `review` set to `None`.
//! * `sha256v2:` (what [`seal`] writes now): over the plan with `review` set to
//!   `None` and the submission's own `digest` set to `""`, so the seal also
//!   covers its time, app version and warning count.
//!
//! Either way a reviewer's comments never break the seal while any change to
//! the content does.
//!
//! What each scheme covers is pinned here, field by field ([`input`]), not
//! taken from the saved file's writer: a seal made once must hold for as long
//! as the file exists, whatever fields later versions add to [`Plan`]. The
//! committed `tests/fixtures/sealed-v1.ron` and `sealed-v2.ron` are held to
//! [`SealState::Intact`] by tests/cli/review13.rs. The hash is unkeyed: it shows that the content matches
//! its own seal, not who sealed it (anyone with fundplan or a short script can
//! seal an edited file again). The receipt register ([`crate::register`]) is
//! the check that holds across a file-by-email workflow.

use sha2::{Digest as _, Sha256};

use crate::Lang;
use crate::plan::{Adjustment, County, Funding, Plan, Project, Source, Submission};
use crate::ronfmt::{Writer, fields};

/// What an intact seal proves, and what it does not, in `lang` (the review
/// screen and the about dialog say it; docs/league-guide.md says the
/// same in its own words).
pub fn seal_means(lang: Lang) -> &'static str {
    lang.pick(
        "提交印记是对方案内容的 SHA-256 摘要，不是签名：“已提交且未改动”只说明内容与其自带的印记一致。任何人都可以修改文件后重新加盖印记；能证明文件未被替换的是盟市的收件登记。",
        "The seal is a SHA-256 digest of the plan's content, not a signature: \"unchanged\" only means the content matches its own seal. Anyone can edit the file and seal it again; the league's receipt register is what shows a file was not replaced.",
    )
}

/// Prefix of a v1 digest.
pub const V1: &str = "sha256:";
/// Prefix of a v2 digest.
pub const V2: &str = "sha256v2:";

fn hex(prefix: &str, text: &str) -> String {
    let hash = Sha256::digest(text.as_bytes());
    let mut out = String::with_capacity(prefix.len() + 64);
    out.push_str(prefix);
    for b in hash {
        out.push_str(&format!("{b:02x}"));
    }
    out
}

/// `sha256:` followed by the lowercase hex SHA-256 of the plan's content
/// (the v1 scheme; also a handy fingerprint of the content alone).
pub fn digest(plan: &Plan) -> String {
    hex(V1, &input(plan, Scheme::V1))
}

/// `sha256v2:` and the hex SHA-256 of the plan with review `None` and its
/// submission's digest empty (the v2 scheme). Without a submission it covers
/// the content alone, which never equals a sealed plan's digest.
pub fn digest_v2(plan: &Plan) -> String {
    hex(V2, &input(plan, Scheme::V2))
}

/// A digest scheme: which parts of the plan its input has.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Scheme {
    /// The content; `submission` and `review` written as `None`.
    V1,
    /// The content and the submission with an empty `digest`; `review` `None`.
    V2,
}

/// The text a scheme hashes: the compact RON (`ron::to_string`'s bytes) of the
/// plan's fields as they were at `format_version` 1, when both schemes were
/// defined. Every struct is destructured without `..`, so a field added to
/// the plan fails to compile here until it is named. Name it `field: _`: the
/// v1 and v2 seals never cover it (old seals stay intact, as they must). A
/// seal that covers it is a new scheme (`sha256v3:`, a new [`Scheme`] and
/// prefix) that writes it, never a change to v1 or v2.
fn input(plan: &Plan, scheme: Scheme) -> String {
    let Plan {
        format: _,
        format_version,
        catalog,
        year,
        county,
        revision,
        adjustment,
        prepared_by,
        approval,
        sources,
        projects,
        submission,
        review: _,
    } = plan;
    let mut w = Writer::compact(projects.len() * 700 + sources.len() * 250 + 512);
    fields(&mut w, 1, |f| {
        f.str("format", crate::format::PlanFormat::TAG)
            .num("format_version", u64::from(format_version.get()))
            .str("catalog", catalog)
            .num("year", u64::from(*year))
            .field("county", |w, d| county_input(w, county, d))
            .num("revision", u64::from(*revision))
            .field("adjustment", |w, d| {
                w.option(adjustment.as_ref(), d, |w, a, d| {
                    let Adjustment { reason, approval } = a;
                    fields(w, d, |f| {
                        f.str("reason", reason).str("approval", approval);
                    })
                })
            })
            .str("prepared_by", prepared_by)
            .str("approval", approval)
            .field("sources", |w, d| w.seq(d, sources, source_input))
            .field("projects", |w, d| w.seq(d, projects, project_input))
            .field("submission", |w, d| {
                let s = submission.as_ref().filter(|_| scheme == Scheme::V2);
                w.option(s, d, |w, s, d| {
                    let Submission {
                        at,
                        app,
                        digest: _,
                        warnings,
                    } = s;
                    fields(w, d, |f| {
                        f.str("at", at)
                            .str("app", app)
                            .str("digest", "")
                            .num("warnings", u64::from(*warnings));
                    })
                })
            })
            .ident("review", "None");
    });
    w.finish()
}

fn county_input(w: &mut Writer, c: &County, depth: usize) {
    let County {
        code,
        name,
        league,
        kind,
    } = c;
    fields(w, depth, |f| {
        f.str("code", code)
            .str("name", name)
            .str("league", league)
            .ident("kind", kind.ident());
    });
}

fn source_input(w: &mut Writer, s: &Source, depth: usize) {
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

fn project_input(w: &mut Writer, p: &Project, depth: usize) {
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
        funding,
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
            .field("funding", |w, d| {
                w.seq(d, funding, |w, fu, d| {
                    let Funding { line, amount } = fu;
                    fields(w, d, |f| {
                        f.str("line", line).money("amount", *amount);
                    })
                })
            })
            .money("other_funds", *other_funds);
    });
}

/// The digest `plan`'s seal should have under the scheme its own digest names.
fn expected(plan: &Plan, recorded: &str) -> Option<String> {
    if recorded.starts_with(V2) {
        Some(digest_v2(plan))
    } else if recorded.starts_with(V1) {
        Some(digest(plan))
    } else {
        None
    }
}

/// Whether a submitted plan's content still matches its seal.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SealState {
    /// Never submitted.
    Draft,
    /// Submitted, content unchanged.
    Intact,
    /// Submitted, content changed since.
    Broken,
}

/// The seal state of `plan`.
pub fn seal_state(plan: &Plan) -> SealState {
    match &plan.submission {
        None => SealState::Draft,
        Some(s) if expected(plan, &s.digest).is_some_and(|d| d == s.digest) => SealState::Intact,
        Some(_) => SealState::Broken,
    }
}

/// `plan` with a fresh v2 submission seal: time `at` (RFC 3339), this app's
/// version, the warning count at submission and the digest over all of it.
pub fn seal(plan: &Plan, at: String, warnings: u32) -> Plan {
    let mut sealed = plan.clone();
    sealed.submission = Some(Submission {
        at,
        app: format!("fundplan {}", env!("CARGO_PKG_VERSION")),
        digest: String::new(),
        warnings,
    });
    let d = digest_v2(&sealed);
    if let Some(s) = &mut sealed.submission {
        s.digest = d;
    }
    sealed
}

/// The current time in RFC 3339 at UTC+8 (Beijing time, which every office the
/// plan passes through keeps), e.g. `2020-03-15T10:00:00+08:00`.
pub fn now_rfc3339() -> String {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64);
    rfc3339_beijing(secs)
}

/// Formats Unix seconds as RFC 3339 at UTC+8.
pub fn rfc3339_beijing(unix_secs: i64) -> String {
    let local = unix_secs + 8 * 3600;
    let days = local.div_euclid(86_400);
    let secs = local.rem_euclid(86_400);
    // Civil-from-days, after Howard Hinnant's public-domain algorithm.
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}+08:00",
        secs / 3600,
        secs % 3600 / 60,
        secs % 60
    )
}

/// An RFC 3339 time as people read it, in the time zone it was written in
/// (Beijing time for fundplan's own): `2026年12月2日 04:59` / `2 Dec 2026 04:59`.
/// Text that is not such a time is returned as it is.
pub fn readable_time(rfc3339: &str, lang: crate::Lang) -> String {
    let parse = || -> Option<(u32, u32, u32, &str)> {
        let (date, time) = rfc3339.split_once('T')?;
        let mut d = date.splitn(3, '-');
        let year = d.next()?.parse().ok()?;
        let month: u32 = d.next()?.parse().ok()?;
        let day: u32 = d.next()?.parse().ok()?;
        let hm = time
            .get(..5)
            .filter(|t| t.as_bytes().get(2) == Some(&b':'))?;
        ((1..=12).contains(&month) && (1..=31).contains(&day)).then_some((year, month, day, hm))
    };
    const MONTHS: [&str; 12] = [
        "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
    ];
    match (parse(), lang) {
        (Some((y, m, d, hm)), crate::Lang::Zh) => format!("{y}年{m}月{d}日 {hm}"),
        (Some((y, m, d, hm)), crate::Lang::En) => {
            let month = MONTHS.get(m as usize - 1).copied().unwrap_or("");
            format!("{d} {month} {y} {hm}")
        }
        (None, _) => rfc3339.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inputs_are_what_ron_wrote_when_the_schemes_were_made() {
        // Both schemes hashed `ron::to_string` of the plan with parts set to
        // `None`. This oracle holds while `Plan` has no field beyond the pinned
        // ones; once one is added, it is the committed sealed fixtures
        // (tests/cli/review13.rs) that keep old seals intact.
        for p in crate::ronfmt::tests::oracle_plans() {
            let v1 = Plan {
                submission: None,
                review: None,
                ..p.clone()
            };
            assert_eq!(input(&p, Scheme::V1), ron::to_string(&v1).unwrap());
            let v2 = Plan {
                submission: p.submission.clone().map(|s| Submission {
                    digest: String::new(),
                    ..s
                }),
                review: None,
                ..p.clone()
            };
            assert_eq!(input(&p, Scheme::V2), ron::to_string(&v2).unwrap());
        }
    }

    #[test]
    fn times_read_as_dates() {
        let t = "2026-12-02T04:59:07+08:00";
        assert_eq!(readable_time(t, crate::Lang::Zh), "2026年12月2日 04:59");
        assert_eq!(readable_time(t, crate::Lang::En), "2 Dec 2026 04:59");
        assert_eq!(readable_time("t", crate::Lang::En), "t");
        assert_eq!(
            readable_time("2026-13-02T04:59", crate::Lang::En),
            "2026-13-02T04:59"
        );
    }

    #[test]
    fn formats_beijing_time() {
        assert_eq!(rfc3339_beijing(0), "1970-01-01T08:00:00+08:00");
        // 2020-03-15T02:00:00Z
        assert_eq!(rfc3339_beijing(1_584_237_600), "2020-03-15T10:00:00+08:00");
        assert_eq!(rfc3339_beijing(951_782_400), "2000-02-29T08:00:00+08:00");
    }
}
