//! Receiving files: the one read-check-write of the register that the 汇总
//! (a folder of plans), opening a sealed plan and recording a decision share,
//! so each reads the register's word on a file the same way.

use std::path::Path;

use super::{Decided, Mark, Receipt, RegisterError, ReviewMark, update};
use crate::enums::Decision;

/// What the register says of one received file.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Received {
    /// Its word on the file's seal (new, registered, mismatch …).
    pub mark: Mark,
    /// Its word on the decision the file's `review` claims.
    pub review: ReviewMark,
    /// The decision it holds for the file's digest.
    pub held: Option<Decision>,
}

/// Checks `receipts` (in order) against the register at `path` under its
/// lock, registering the seals seen for the first time at `now`, and says
/// what the register holds of each. On an error nothing is registered.
pub fn receive(
    path: &Path,
    receipts: &[Receipt],
    now: &str,
) -> Result<Vec<Received>, RegisterError> {
    update(path, |reg| {
        let marks = reg.check_all(receipts, now);
        receipts
            .iter()
            .zip(marks)
            .map(|(r, mark)| Received {
                mark,
                review: reg.review_mark(r, mark),
                held: reg.decision_of(&r.digest).map(|d| d.decision),
            })
            .collect()
    })
}

/// Receives the file of `receipt` (as [`receive`]) and records the league's
/// `decided` for it (待审 clears it). `Ok(Err(mark))` when the register
/// refuses the decision, with the mark that refuses it (see
/// [`super::Register::decide`]).
pub fn decide(
    path: &Path,
    receipt: &Receipt,
    decided: Decided,
    now: &str,
) -> Result<Result<Received, Mark>, RegisterError> {
    update(path, |reg| {
        let mark = reg.decide(receipt, decided, now)?;
        Ok(Received {
            mark,
            review: reg.review_mark(receipt, mark),
            held: reg.decision_of(&receipt.digest).map(|d| d.decision),
        })
    })
}
