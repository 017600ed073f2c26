//! 更换资金目录: the dialog's state and what the user chose.

use std::path::PathBuf;

use super::Message;
use crate::catalog::{self, Catalog};
use crate::plan::Plan;
use crate::switch::{self, Decisions, Proposal};

/// The switch dialog's state.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SwitchForm {
    /// The catalog picked, built in or from a file.
    pub target: Option<Box<Catalog>>,
    /// The file it came from, when it is not built in.
    pub file: Option<PathBuf>,
    /// What switching to it would do with the open plan.
    pub proposal: Option<Box<Proposal>>,
    /// The user's choice for each row, by source index.
    pub decisions: Decisions,
    /// Why the catalog file did not load.
    pub error: Option<Message>,
}

impl SwitchForm {
    /// The form for `plan`, with the built-in catalog of its year picked when
    /// the plan names another.
    pub fn new(plan: &Plan) -> SwitchForm {
        let mut form = SwitchForm {
            target: None,
            file: None,
            proposal: None,
            decisions: Decisions::new(),
            error: None,
        };
        let id = catalog::builtin_for_year(plan.year);
        if id != plan.catalog
            && let Some(c) = catalog::embedded(id)
        {
            form.pick(plan, c, None);
        }
        form
    }

    /// Picks `catalog` (from `file`, if not built in) and works out what
    /// switching `plan` to it does; earlier decisions are forgotten.
    pub fn pick(&mut self, plan: &Plan, catalog: Catalog, file: Option<PathBuf>) {
        self.proposal = Some(Box::new(switch::propose(plan, &catalog)));
        self.target = Some(Box::new(catalog));
        self.file = file;
        self.decisions.clear();
        self.error = None;
    }
}

/// What the user chose: switch to `catalog` as `proposal` says, with `decisions`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Chosen {
    /// The target catalog.
    pub catalog: Catalog,
    /// What was shown.
    pub proposal: Proposal,
    /// The user's choices, by source index.
    pub decisions: Decisions,
}
