//! The review: review mode, comments and the decision, comparing with a
//! judged revision, and submitting (sealing).

use super::*;

impl FundplanApp {
    /// Review mode on, or (asked first) off.
    pub(super) fn set_read_only(&mut self, on: bool) {
        if on {
            self.session.doc.set_read_only(true);
        } else {
            self.dialog = Some(Dialog::ConfirmUnlock);
        }
    }

    /// Leaves review mode: the user was told edits break the seal.
    pub(super) fn unlock(&mut self) {
        self.session.doc.set_read_only(false);
        self.session.seal_warned = true;
        self.dialog = None;
    }

    /// Changes the review as its reviewer (`change` gets the review and the
    /// reviewer's name, and says whether it changed anything); refused with
    /// the reason outside review mode or without a name. True if changed.
    pub(super) fn as_reviewer(
        &mut self,
        change: impl FnOnce(&mut crate::plan::Review, String) -> bool,
    ) -> bool {
        if let Some(why) = self.reviewer_refusal() {
            self.dialog = Some(Dialog::Info(why));
            return false;
        }
        let mut review = self.session.doc.plan().review.clone().unwrap_or_default();
        let changed = change(&mut review, self.prefs.reviewer.trim().to_string());
        if changed {
            self.set_review(review);
        }
        changed
    }

    /// Adds a comment as `reviewer` (the name given in the dialog, kept for
    /// the next comments and the decision).
    pub(super) fn add_comment(&mut self, target: String, text: String, reviewer: String) {
        if !reviewer.trim().is_empty() {
            self.prefs.reviewer = reviewer.trim().to_string();
        }
        let added = self.as_reviewer(|review, author| {
            review.comments.push(Comment {
                target,
                text,
                author,
                at: crate::digest::now_rfc3339(),
                resolved: None,
            });
            true
        });
        if added {
            self.dialog = None;
        }
    }

    pub(super) fn remove_comment(&mut self, i: usize) {
        // A refusal is shown by `as_reviewer` itself; nothing else to do here.
        self.as_reviewer(|review, _| {
            let there = i < review.comments.len();
            if there {
                review.comments.remove(i);
            }
            there
        });
    }

    pub(super) fn decide(&mut self, decision: Decision) {
        let at = crate::digest::now_rfc3339();
        // The league's record first: a decision it cannot record is not taken.
        if self.reviewer_refusal().is_none() && !self.record_decision(decision, &at) {
            return;
        }
        // A refusal is shown by `as_reviewer` itself; nothing else to do here.
        self.as_reviewer(|review, author| {
            review.decision = decision;
            review.reviewer = author;
            review.at = at;
            true
        });
    }

    /// Records `decision` in the receipt register the open plan was checked
    /// against (see `register_path`), so that the league's roll-up believes
    /// it and a resubmission after a return is accepted. True when recorded,
    /// or when no register holds the plan (an unsealed plan, no data folder):
    /// the decision is then the file's word only, and roll-ups show it as
    /// 审核状态与登记不符. False, said in a dialog, when it cannot be recorded.
    fn record_decision(&mut self, decision: Decision, at: &str) -> bool {
        let Some(held) = self.session.register.clone() else {
            return true;
        };
        let receipt =
            crate::register::Receipt::sealed(self.session.doc.plan(), self.session.doc.seal());
        let decided = crate::register::Decided {
            decision,
            reviewer: self.prefs.reviewer.trim().to_string(),
            at: at.to_string(),
        };
        let recorded = crate::register::decide(&held.path, &receipt, decided, at);
        match recorded {
            Ok(Ok(got)) => {
                self.session.register = Some(Registered {
                    mark: got.mark,
                    held: got.held,
                    ..held
                });
                true
            }
            Ok(Err(mark)) => {
                self.session.register = Some(Registered { mark, ..held });
                self.dialog = Some(Dialog::Info(not_recordable(mark)));
                false
            }
            Err(e) => {
                self.dialog = Some(Dialog::Error(Message::Register(std::sync::Arc::new(e))));
                false
            }
        }
    }

    /// The county marks comment `i` 已处理 with its note (not in review mode).
    pub(super) fn resolve_comment(&mut self, i: usize, note: String) {
        let mut review = self.session.doc.plan().review.clone().unwrap_or_default();
        if let Some(c) = review.comments.get_mut(i)
            && !self.session.doc.is_read_only()
        {
            c.resolved = Some(crate::plan::Resolution {
                note: note.trim().to_string(),
                at: crate::digest::now_rfc3339(),
            });
            self.set_review(review);
        }
    }

    pub(super) fn compare_with_round(&mut self, ctx: &egui::Context, n: usize) {
        match self.judged_file(n) {
            Some(path) => self.compare_with(path),
            None => {
                self.dialog = Some(Dialog::Info(Message::words(
                    "在方案所在的文件夹里没有找到退回时的那一版文件，请选择要比较的文件。",
                    "The revision that was returned is not in the plan's folder; choose the file to compare with.",
                )));
                self.choose(ctx, FileAction::Compare);
            }
        }
    }

    pub(super) fn compare_with(&mut self, path: PathBuf) {
        match Compare::of(path, &self.session.doc) {
            Ok(c) => self.session.compare = Some(c),
            Err(e) => self.dialog = Some(Dialog::Error(e.into())),
        }
        self.screen = Screen::Compare;
    }

    /// The file beside the open plan that review round `n` judged (sealed
    /// with the digest the round kept).
    pub(super) fn judged_file(&self, n: usize) -> Option<PathBuf> {
        let digest = self
            .session
            .doc
            .plan()
            .review
            .as_ref()?
            .history
            .get(n)?
            .digest
            .clone();
        let dir = self.session.doc.path()?.parent()?.to_path_buf();
        let own = self.session.doc.path().map(PathBuf::from);
        crate::scan::expand_paths(&[dir]).into_iter().find(|p| {
            Some(p) != own.as_ref()
                && crate::file::load_plan(p)
                    .ok()
                    .and_then(|plan| plan.submission)
                    .is_some_and(|s| s.digest == digest)
        })
    }

    /// Why the reviewer's part (comments, decision) cannot be changed now:
    /// only in review mode (read-only) and with the reviewer's name; `None`
    /// when it can.
    pub fn reviewer_refusal(&self) -> Option<Message> {
        if !self.session.doc.is_read_only() {
            Some(Message::words(
                "审核意见和审核结论属于审核人，只能在审核模式下修改。修改模式下可以把意见标记为“已处理”并写明处理说明。",
                "Comments and the decision belong to the reviewer and can be changed only in review mode. While editing, you can mark a comment as dealt with and add your own note.",
            ))
        } else if self.prefs.reviewer.trim().is_empty() {
            Some(Message::words(
                "请先在“审核意见”页填写审核人，再添加意见或作出结论。",
                "Enter the reviewer's name on the Review screen first, then add comments or decide.",
            ))
        } else {
            None
        }
    }

    pub(super) fn set_review(&mut self, review: crate::plan::Review) {
        self.session
            .doc
            .apply(Edit::Review(Some(Box::new(review))), None);
    }

    /// 提交方案…: refuses a plan with errors (listing them), else asks to
    /// confirm what will be sealed.
    pub(super) fn ask_to_submit(&mut self) {
        match crate::submit::submit(self.session.doc.plan(), self.session.doc.catalog()) {
            Err(report) => self.refuse_submission(&report),
            Ok(_) => self.dialog = Some(Dialog::ConfirmSubmit),
        }
    }

    pub(super) fn refuse_submission(&mut self, report: &crate::validate::Report) {
        let errors = report
            .findings
            .iter()
            .filter(|f| f.severity() == crate::validate::Severity::Error)
            .map(|f| (f.rule.code().to_string(), f.path.clone(), f.message.clone()))
            .collect();
        self.dialog = Some(Dialog::SubmitRefused(errors));
    }

    /// 确认提交: seals the plan and saves it. When someone else saved the
    /// file meanwhile, 文件已被其他程序修改 is asked before the seal goes on
    /// (its 覆盖 comes back through `save::force_save` to [`Self::seal`]), so
    /// 取消 or 重新载入 leaves no seal behind.
    pub(super) fn submit(&mut self, ctx: &egui::Context) {
        match self.session.doc.path().map(PathBuf::from) {
            Some(path) if self.session.doc.changed_on_disk() => {
                self.dialog = Some(Dialog::ChangedOnDisk(path, Some(Pending::Seal)));
            }
            _ => {
                if self.seal() {
                    self.save(ctx, None);
                }
            }
        }
    }

    /// Puts the seal on (the plan is judged again: it may have changed since
    /// the question) and says so; false, with the errors shown, if refused.
    pub(super) fn seal(&mut self) -> bool {
        match crate::submit::submit(self.session.doc.plan(), self.session.doc.catalog()) {
            Err(report) => {
                self.refuse_submission(&report);
                false
            }
            Ok(sealed) => {
                // Seal and (after a decision) the review's new round: one undo step.
                let submission = sealed.submission.map(Box::new);
                let mut edits = vec![Edit::Submission(submission)];
                if sealed.review != self.session.doc.plan().review {
                    edits.push(Edit::Review(sealed.review.map(Box::new)));
                }
                self.session.doc.apply(Edit::Batch(edits), None);
                self.session.seal_warned = false;
                // Said first: a save error replaces it, and the built-in path
                // dialog shows it above the path.
                self.dialog = Some(Dialog::Info(Message::words(
                    "方案已通过校验并加盖提交印记。",
                    "The plan passed validation and is sealed for submission.",
                )));
                true
            }
        }
    }
}

/// Why a decision on a file the register does not hold is not taken.
fn not_recordable(mark: crate::register::Mark) -> Message {
    if mark.refused() {
        Message::words(
            "此文件与收件登记不符（或与同版本的另一份文件冲突），不是登记的那一份：审核结论未登记，也未写入方案。请核实文件来源。",
            "This file differs from the receipt register (or conflicts with another copy of the same revision): it is not the copy registered, so the decision was neither registered nor written into the plan. Check where the file came from.",
        )
    } else {
        Message::words(
            "方案提交后被修改，提交印记已失效：审核结论无法登记，也未写入方案。",
            "The plan was changed after submission and its seal no longer holds: the decision cannot be registered and was not written into the plan.",
        )
    }
}
