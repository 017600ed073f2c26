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
//! the content does. The hash is unkeyed: it shows that the content matches
//! its own seal, not who sealed it (anyone with fundplan or a short script can
//! seal an edited file again). The receipt register ([`crate::register`]) is
//! the check that holds across a file-by-email workflow.

use sha2::{Digest as _, Sha256};

use crate::plan::{Plan, Submission};

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
    // `ron::to_string` of the plan without submission and review, written by
    // ronfmt (identical bytes, tested) without cloning the plan.
    hex(V1, &crate::ronfmt::compact(plan, false))
}

/// `sha256v2:` and the hex SHA-256 of the plan with review `None` and its
/// submission's digest empty (the v2 scheme). Without a submission it covers
/// the content alone, which never equals a sealed plan's digest.
pub fn digest_v2(plan: &Plan) -> String {
    hex(V2, &crate::ronfmt::compact_for_seal_v2(plan))
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
