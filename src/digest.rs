//! The submission digest: SHA-256 over the compact RON of the plan's content.
//!
//! Content is the plan with `submission` and `review` set to `None`, so that a
//! reviewer's comments never break the seal while any change to the numbers does.
//! It proves the content is unchanged since submission; it is not a signature.

use sha2::{Digest as _, Sha256};

use crate::plan::{Plan, Submission};

/// `sha256:` followed by the lowercase hex SHA-256 of the plan's content.
pub fn digest(plan: &Plan) -> String {
    // `ron::to_string` of the plan without submission and review, written by
    // ronfmt (identical bytes, tested) without cloning the plan.
    let compact = crate::ronfmt::compact(plan, false);
    let hash = Sha256::digest(compact.as_bytes());
    let mut out = String::with_capacity(7 + 64);
    out.push_str("sha256:");
    for b in hash {
        out.push_str(&format!("{b:02x}"));
    }
    out
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
        Some(s) if s.digest == digest(plan) => SealState::Intact,
        Some(_) => SealState::Broken,
    }
}

/// `plan` with a fresh submission seal: time `at` (RFC 3339), this app's
/// version, the digest and the warning count at submission.
pub fn seal(plan: &Plan, at: String, warnings: u32) -> Plan {
    let mut sealed = plan.clone();
    sealed.submission = Some(Submission {
        at,
        app: format!("fundplan {}", env!("CARGO_PKG_VERSION")),
        digest: digest(plan),
        warnings,
    });
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formats_beijing_time() {
        assert_eq!(rfc3339_beijing(0), "1970-01-01T08:00:00+08:00");
        // 2020-03-15T02:00:00Z
        assert_eq!(rfc3339_beijing(1_584_237_600), "2020-03-15T10:00:00+08:00");
        assert_eq!(rfc3339_beijing(951_782_400), "2000-02-29T08:00:00+08:00");
    }
}
