//! What the register says about receipts and decisions, and how it learns
//! them. Pure: [`super::update`] does the reading and writing around it.

use std::collections::HashMap;

use super::{Decided, Entry, Mark, Receipt, Register, ReviewMark};
use crate::enums::Decision;

/// Banner code, year and revision: what one registered digest stands for.
type Key<'a> = (&'a str, u16, u32);

fn key(r: &Receipt) -> Key<'_> {
    (r.code.as_str(), r.year, r.revision)
}

impl Register {
    fn of_key<'a>(&'a self, k: Key<'a>) -> impl DoubleEndedIterator<Item = &'a Entry> + 'a {
        self.entries
            .iter()
            .filter(move |e| (e.code.as_str(), e.year, e.revision) == k)
    }

    /// What the register holds for `digest`.
    pub fn entry(&self, digest: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.digest == digest)
    }

    /// The decision the league recorded for `digest`, if any.
    pub fn decision_of(&self, digest: &str) -> Option<&Decided> {
        self.entry(digest).and_then(|e| e.decision.as_ref())
    }

    /// Whether an unregistered seal may be registered: nothing is registered
    /// for its banner, year and revision yet, or it is the successor of the
    /// digest registered last for them, which the league itself returned
    /// (recorded here) and the plan's review history names. The history is
    /// the plan's word and outside the seal; the recorded return is not.
    fn may_register(&self, r: &Receipt) -> bool {
        match self.of_key(key(r)).next_back() {
            None => true,
            Some(last) => {
                r.judged.contains(&last.digest)
                    && last
                        .decision
                        .as_ref()
                        .is_some_and(|d| d.decision == Decision::Returned)
            }
        }
    }

    /// Checks the receipts of one run against the register and registers the
    /// seals it may, at `now`; one mark per receipt, in order. Two or more
    /// different seals for one banner, year and revision that would each be
    /// new are all [`Mark::Conflict`] and none is registered: the register
    /// cannot tell which one the banner sent. (The same seal twice is one.)
    pub fn check_all(&mut self, receipts: &[Receipt], now: &str) -> Vec<Mark> {
        let mut marks = vec![Mark::Unsealed; receipts.len()];
        // Candidates per key, keys in the order first met (the register's order).
        let mut order: Vec<Key<'_>> = Vec::new();
        let mut candidates: HashMap<Key<'_>, Vec<usize>> = HashMap::new();
        for (i, (r, mark)) in receipts.iter().zip(marks.iter_mut()).enumerate() {
            if !r.intact {
                continue;
            }
            if self.of_key(key(r)).any(|e| e.digest == r.digest) {
                *mark = Mark::Match;
            } else if self.may_register(r) {
                candidates
                    .entry(key(r))
                    .or_insert_with(|| {
                        order.push(key(r));
                        Vec::new()
                    })
                    .push(i);
            } else {
                *mark = Mark::Mismatch;
            }
        }
        let mut new = Vec::new();
        for k in order {
            let found = candidates.remove(&k).unwrap_or_default();
            let first = found.first().and_then(|&i| receipts.get(i));
            let alone = found
                .iter()
                .filter_map(|&i| receipts.get(i))
                .all(|r| Some(&r.digest) == first.map(|f| &f.digest));
            for &i in &found {
                if let Some(m) = marks.get_mut(i) {
                    *m = if alone { Mark::New } else { Mark::Conflict };
                }
            }
            if let (true, Some(r)) = (alone, first) {
                new.push(Entry {
                    code: r.code.clone(),
                    year: r.year,
                    revision: r.revision,
                    digest: r.digest.clone(),
                    received: now.to_string(),
                    decision: None,
                });
            }
        }
        self.entries.extend(new);
        marks
    }

    /// [`Register::check_all`] for one receipt.
    pub fn check_receipt(&mut self, r: &Receipt, now: &str) -> Mark {
        self.check_all(std::slice::from_ref(r), now)
            .first()
            .copied()
            .unwrap_or_default()
    }

    /// Records the league's decision on the plan of receipt `r` (checked and,
    /// if new, registered first); 待审 clears it. Refused, with the mark that
    /// refuses it, unless the register holds the plan's digest: a decision on
    /// an unsealed, mismatched or conflicting file would vouch for a file the
    /// banner may never have sent.
    pub fn decide(&mut self, r: &Receipt, decided: Decided, now: &str) -> Result<Mark, Mark> {
        let mark = self.check_receipt(r, now);
        if !mark.registered() {
            return Err(mark);
        }
        let decision = (decided.decision != Decision::Pending).then_some(decided);
        if let Some(e) = self.entries.iter_mut().find(|e| e.digest == r.digest) {
            e.decision = decision;
        }
        Ok(mark)
    }

    /// What the register says of the decision the plan of `r` claims, given
    /// its `mark`: registered only when the register holds that very decision
    /// for the plan's digest.
    pub fn review_mark(&self, r: &Receipt, mark: Mark) -> ReviewMark {
        let held = self.decision_of(&r.digest).map(|d| d.decision);
        ReviewMark::of(r.claimed, mark, held)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn receipt(digest: &str, judged: &[&str]) -> Receipt {
        Receipt {
            code: "150125".into(),
            year: 2020,
            revision: 1,
            digest: digest.into(),
            intact: true,
            judged: judged.iter().map(|s| s.to_string()).collect(),
            claimed: None,
        }
    }

    fn decided(decision: Decision) -> Decided {
        Decided {
            decision,
            reviewer: "农业科".into(),
            at: "2020-03-20T16:30:00+08:00".into(),
        }
    }

    #[test]
    fn a_forged_history_does_not_make_a_successor() {
        let mut reg = Register::empty();
        assert_eq!(reg.check_receipt(&receipt("a", &[]), "t"), Mark::New);
        // The plan's history names the registered digest, but the league
        // never returned it: the history is forged.
        assert_eq!(
            reg.check_receipt(&receipt("b", &["a"]), "t"),
            Mark::Mismatch
        );
        assert_eq!(reg.entries.len(), 1);
    }

    #[test]
    fn a_recorded_return_makes_the_resubmission_its_successor_once() {
        let mut reg = Register::empty();
        let a = receipt("a", &[]);
        assert_eq!(
            reg.decide(&a, decided(Decision::Returned), "t"),
            Ok(Mark::New)
        );
        assert_eq!(reg.check_receipt(&receipt("b", &["a"]), "t"), Mark::New);
        // "a" is no longer the digest registered last: a second successor of
        // it is not accepted, nor one that does not name it.
        assert_eq!(
            reg.check_receipt(&receipt("c", &["a"]), "t"),
            Mark::Mismatch
        );
        assert_eq!(reg.check_receipt(&receipt("d", &[]), "t"), Mark::Mismatch);
        // An approval is no return.
        assert_eq!(
            reg.decide(&receipt("b", &["a"]), decided(Decision::Approved), "t"),
            Ok(Mark::Match)
        );
        assert_eq!(
            reg.check_receipt(&receipt("e", &["b"]), "t"),
            Mark::Mismatch
        );
    }

    #[test]
    fn two_new_seals_of_one_revision_conflict_and_neither_is_registered() {
        let mut reg = Register::empty();
        let other = Receipt {
            revision: 2,
            ..receipt("z", &[])
        };
        let marks = reg.check_all(
            &[
                receipt("a", &[]),
                other,
                receipt("b", &[]),
                receipt("a", &[]),
            ],
            "t",
        );
        assert_eq!(
            marks,
            [Mark::Conflict, Mark::New, Mark::Conflict, Mark::Conflict]
        );
        assert_eq!(reg.entries.len(), 1);
        // The same seal twice is one seal.
        let mut reg = Register::empty();
        let marks = reg.check_all(&[receipt("a", &[]), receipt("a", &[])], "t");
        assert_eq!(marks, [Mark::New, Mark::New]);
        assert_eq!(reg.entries.len(), 1);
    }

    #[test]
    fn a_claimed_decision_counts_only_when_the_register_holds_it() {
        let mut reg = Register::empty();
        let mut a = receipt("a", &[]);
        a.claimed = Some(Decision::Approved);
        let mark = reg.check_receipt(&a, "t");
        assert_eq!(reg.review_mark(&a, mark), ReviewMark::Unregistered);
        assert_eq!(
            reg.decide(&a, decided(Decision::Returned), "t"),
            Ok(Mark::Match)
        );
        assert_eq!(reg.review_mark(&a, Mark::Match), ReviewMark::Unregistered);
        assert_eq!(
            reg.decide(&a, decided(Decision::Approved), "t"),
            Ok(Mark::Match)
        );
        assert_eq!(reg.review_mark(&a, Mark::Match), ReviewMark::Registered);
        // Not for a copy that differs from the register.
        assert_eq!(
            reg.review_mark(&a, Mark::Mismatch),
            ReviewMark::Unregistered
        );
        a.claimed = None;
        assert_eq!(reg.review_mark(&a, Mark::Match), ReviewMark::None);
    }

    #[test]
    fn a_decision_on_a_refused_or_unsealed_file_is_not_recorded() {
        let mut reg = Register::empty();
        reg.check_receipt(&receipt("a", &[]), "t");
        let before = reg.clone();
        assert_eq!(
            reg.decide(&receipt("b", &[]), decided(Decision::Approved), "t"),
            Err(Mark::Mismatch)
        );
        let unsealed = Receipt {
            intact: false,
            ..receipt("c", &[])
        };
        assert_eq!(
            reg.decide(&unsealed, decided(Decision::Approved), "t"),
            Err(Mark::Unsealed)
        );
        assert_eq!(reg, before);
    }
}
