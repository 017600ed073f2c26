//! Switching a plan to another catalog (a 2021 plan started on `nm-2017` →
//! `nm-2021`): what becomes of each catalog row, and the switched plan.
//!
//! [`propose`] matches every C/R row of the plan against the target: the same
//! code and name is **kept**; a target line that names the row's code in its
//! `formerly` (same level) is its **successor**; the same name (at the same
//! level) under another code is **re-coded**; anything else is **unmatched**.
//! The proposal's fate is only the default: the user's [`Decision`] may put
//! any row onto any target line (the dialog offers those of the row's level),
//! keep it as an own 旗县/盟市 line, or drop it. An unmatched row with money
//! in it has no default at all: moving money to another level is never done
//! silently. Several rows may land on one line (two 2017 lines merged into
//! 农田建设补助资金): their amounts add up. Own lines (L/X) are not touched;
//! target lines no row lands on come in at zero, as in a new plan. [`apply`]
//! then builds the switched plan, and [`edit`] turns it into one undo step.
//!
//! Funding entries name a code, so they follow the *first* row with that code
//! (as the validator reads them); a repeated code's later rows carry no
//! funding of their own here.

use std::collections::BTreeMap;

use crate::catalog::{Catalog, CatalogLine};
use crate::enums::Level;
use crate::money::Money;
use crate::plan::{Plan, Source};

mod apply;
mod limits;
#[cfg(test)]
mod tests;

pub use apply::{apply, edit};
pub use limits::{Excess, Overflow};

/// What becomes of one catalog row of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    /// The target has a line with the same code and name.
    Kept,
    /// A target line of the same level names this row's code in its
    /// `formerly`: the row and its funding go there.
    Successor(String),
    /// The target has the name under another code: the row and the funding
    /// entries naming it take that code.
    Recoded(String),
    /// No target line succeeds it or has its name: the user decides.
    Unmatched,
}

/// One C/R row of the plan and its fate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// Index in `plan.sources`.
    pub index: usize,
    /// Its code in the plan.
    pub line: String,
    /// Its name in the plan.
    pub name: String,
    /// Its level in the plan.
    pub level: Level,
    /// What becomes of it.
    pub fate: Fate,
    /// Other target lines with the same name when it matched several (the
    /// first free one in catalog order is taken): the target repeats a name.
    pub also: Vec<String>,
    /// 下达金额.
    pub allocated: Money,
    /// 纳入整合金额.
    pub integrated: Money,
    /// Funding entries naming it: (project id, amount), in project order.
    /// Empty for a repeated code's later rows.
    pub arranged: Vec<(String, Money)>,
    /// Nothing allocated, integrated or arranged, and no document or reason:
    /// dropping it loses nothing.
    pub empty: bool,
}

impl Row {
    /// Money arranged to projects from this row.
    pub fn arranged_total(&self) -> Money {
        self.arranged.iter().map(|(_, m)| *m).sum()
    }
}

/// Where a row goes. Without the user's choice a row goes where its
/// [`Fate`] says, an empty unmatched row is dropped and an unmatched row with
/// money in it waits (see [`Proposal::decision`]).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Onto the target line with this code; rows landing on one line add up.
    Line(String),
    /// Keep it as a 旗县 own line (X..).
    KeepCounty,
    /// Keep it as a 盟市 own line (L..).
    KeepLeague,
    /// Remove the row and the funding entries naming it.
    Drop,
}

/// Decisions by source index; a row missing here gets [`Proposal::decision`]'s default.
pub type Decisions = BTreeMap<usize, Decision>;

/// 下达 and 纳入整合 of one level before and after the switch.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LevelTotals {
    /// The level.
    pub level: Level,
    /// (下达, 纳入整合) in the plan now.
    pub before: (Money, Money),
    /// (下达, 纳入整合) after the switch with the decisions so far (rows
    /// still waiting for a decision count nowhere).
    pub after: (Money, Money),
}

/// What switching a plan to a catalog would do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Proposal {
    /// The catalog id the plan names now.
    pub from: String,
    /// The target catalog's id.
    pub to: String,
    /// The target's lines, in order (the switched plan lists them so).
    pub lines: Vec<CatalogLine>,
    /// Every C/R row of the plan, in plan order.
    pub rows: Vec<Row>,
    /// The plan's year is within the target's years.
    pub year_covered: bool,
    /// The plan carries a submission seal, which switching breaks.
    pub sealed: bool,
    /// The plan's source codes when proposed, to refuse a stale proposal.
    codes: Vec<String>,
}

/// What a set of decisions drops.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Loss {
    /// 下达金额 of the dropped rows.
    pub allocated: Money,
    /// 纳入整合金额 of the dropped rows.
    pub integrated: Money,
    /// Money un-arranged per project (project id, amount), in project order.
    pub per_project: Vec<(String, Money)>,
}

impl Loss {
    /// Total un-arranged from projects.
    pub fn arranged(&self) -> Money {
        self.per_project.iter().map(|(_, m)| *m).sum()
    }
}

fn same_name(a: &str, b: &str) -> bool {
    a.trim() == b.trim()
}

/// Matches `plan`'s catalog rows against `target`.
pub fn propose(plan: &Plan, target: &Catalog) -> Proposal {
    let catalog_rows: Vec<(usize, &Source)> = plan
        .sources
        .iter()
        .enumerate()
        .filter(|(_, s)| s.is_catalog_line())
        .collect();
    // Each target line, and whether a row has taken it.
    let mut slots: Vec<(&CatalogLine, bool)> = target.lines.iter().map(|l| (l, false)).collect();
    let mut fates: BTreeMap<usize, (Fate, Vec<String>)> = BTreeMap::new();
    // First the same code and name, so a row that stays never loses its
    // line to another row of the same name.
    for &(i, s) in &catalog_rows {
        let hit = slots.iter_mut().find(|(l, taken)| {
            !*taken && l.code == s.line && same_name(&l.name, &s.name) && l.level == s.level
        });
        if let Some(slot) = hit {
            slot.1 = true;
            fates.insert(i, (Fate::Kept, Vec::new()));
        }
    }
    // Then the line that names the row's code as its predecessor; several
    // rows may go to one successor (merged lines), so it is not "taken".
    for &(i, s) in &catalog_rows {
        if fates.contains_key(&i) {
            continue;
        }
        let heir = slots
            .iter_mut()
            .find(|(l, _)| l.level == s.level && l.formerly.iter().any(|c| c.trim() == s.line));
        if let Some(slot) = heir {
            slot.1 = true;
            fates.insert(i, (Fate::Successor(slot.0.code.clone()), Vec::new()));
        }
    }
    for &(i, s) in &catalog_rows {
        if fates.contains_key(&i) {
            continue;
        }
        let mut free = slots
            .iter_mut()
            .filter(|(l, taken)| !*taken && same_name(&l.name, &s.name) && l.level == s.level);
        let fate = match free.next() {
            Some(slot) => {
                slot.1 = true;
                let to = slot.0.code.clone();
                let also = free.map(|other| other.0.code.clone()).collect();
                (Fate::Recoded(to), also)
            }
            None => (Fate::Unmatched, Vec::new()),
        };
        fates.insert(i, fate);
    }
    let rows = catalog_rows
        .iter()
        .map(|&(i, s)| {
            let first = plan.sources.iter().position(|o| o.line == s.line) == Some(i);
            let arranged = if first {
                plan.projects
                    .iter()
                    .filter_map(|p| {
                        let paid: Vec<Money> = p
                            .funding
                            .iter()
                            .filter(|f| f.line == s.line)
                            .map(|f| f.amount)
                            .collect();
                        (!paid.is_empty()).then(|| (p.id.clone(), paid.into_iter().sum()))
                    })
                    .collect()
            } else {
                Vec::new()
            };
            let (fate, also) = fates.remove(&i).unwrap_or((Fate::Unmatched, Vec::new()));
            let empty = s.allocated.is_zero()
                && s.integrated.is_zero()
                && arranged.is_empty()
                && s.document.trim().is_empty()
                && s.reason.trim().is_empty();
            Row {
                index: i,
                line: s.line.clone(),
                name: s.name.clone(),
                level: s.level,
                fate,
                also,
                allocated: s.allocated,
                integrated: s.integrated,
                arranged,
                empty,
            }
        })
        .collect();
    Proposal {
        from: plan.catalog.clone(),
        to: target.id.clone(),
        lines: target.lines.clone(),
        rows,
        year_covered: target.covers(plan.year),
        sealed: plan.submission.is_some(),
        codes: plan.sources.iter().map(|s| s.line.clone()).collect(),
    }
}

impl Proposal {
    /// The rows waiting for a decision.
    pub fn unmatched(&self) -> impl Iterator<Item = &Row> {
        self.rows.iter().filter(|r| r.fate == Fate::Unmatched)
    }

    /// True when the plan already names the target catalog.
    pub fn same_catalog(&self) -> bool {
        self.from == self.to
    }

    /// The decision for `row`: the user's, else where its fate puts it; an
    /// unmatched row is dropped when empty and waits (`None`) otherwise.
    pub fn decision(decisions: &Decisions, row: &Row) -> Option<Decision> {
        if let Some(d) = decisions.get(&row.index) {
            return Some(d.clone());
        }
        match &row.fate {
            Fate::Kept => Some(Decision::Line(row.line.clone())),
            Fate::Successor(to) | Fate::Recoded(to) => Some(Decision::Line(to.clone())),
            Fate::Unmatched => row.empty.then_some(Decision::Drop),
        }
    }

    /// The rows with money in them still waiting for the user's decision.
    pub fn undecided<'a>(&'a self, decisions: &'a Decisions) -> impl Iterator<Item = &'a Row> {
        self.rows
            .iter()
            .filter(|r| Proposal::decision(decisions, r).is_none())
    }

    /// Target codes no row lands on with `decisions`: added with nothing allocated.
    pub fn added(&self, decisions: &Decisions) -> Vec<String> {
        let landed: Vec<Decision> = self
            .rows
            .iter()
            .filter_map(|r| Proposal::decision(decisions, r))
            .collect();
        self.lines
            .iter()
            .filter(|l| !landed.contains(&Decision::Line(l.code.clone())))
            .map(|l| l.code.clone())
            .collect()
    }

    /// What `decisions` drop: the money of the dropped rows and what they
    /// paid for in each project.
    pub fn loss(&self, decisions: &Decisions) -> Loss {
        let mut loss = Loss::default();
        for r in &self.rows {
            if Proposal::decision(decisions, r) != Some(Decision::Drop) {
                continue;
            }
            loss.allocated += r.allocated;
            loss.integrated += r.integrated;
            for (id, m) in &r.arranged {
                match loss.per_project.iter_mut().find(|(p, _)| p == id) {
                    Some((_, total)) => *total += *m,
                    None => loss.per_project.push((id.clone(), *m)),
                }
            }
        }
        loss
    }

    /// The own-line code each row kept as an own line gets (by source index):
    /// the next free X.. or L.. number after the plan's own lines, in row order.
    pub fn own_codes(&self, plan: &Plan, decisions: &Decisions) -> BTreeMap<usize, String> {
        let mut taken: Vec<String> = plan.sources.iter().map(|s| s.line.clone()).collect();
        let mut codes = BTreeMap::new();
        for r in &self.rows {
            let level = match Proposal::decision(decisions, r) {
                Some(Decision::KeepCounty) => Level::County,
                Some(Decision::KeepLeague) => Level::League,
                _ => continue,
            };
            let code = level.next_code(taken.iter().map(String::as_str));
            taken.push(code.clone());
            codes.insert(r.index, code);
        }
        codes
    }

    /// Each level's 下达 and 纳入整合 in `plan` now and after switching with
    /// `decisions`, so a drop in 中央小计 shows before the user confirms.
    pub fn level_totals(&self, plan: &Plan, decisions: &Decisions) -> Vec<LevelTotals> {
        let mut totals: Vec<LevelTotals> = Level::ALL
            .iter()
            .map(|&level| LevelTotals {
                level,
                ..LevelTotals::default()
            })
            .collect();
        let mut add = |level: Level, after: bool, s: &Source| {
            if let Some(t) = totals.iter_mut().find(|t| t.level == level) {
                let side = if after { &mut t.after } else { &mut t.before };
                side.0 += s.allocated;
                side.1 += s.integrated;
            }
        };
        for s in plan.sources.iter().filter(|s| !s.is_catalog_line()) {
            add(s.level, false, s);
            add(s.level, true, s);
        }
        for r in &self.rows {
            let Some(s) = plan.sources.get(r.index) else {
                continue;
            };
            add(s.level, false, s);
            let to = match Proposal::decision(decisions, r) {
                Some(Decision::Line(code)) => {
                    self.lines.iter().find(|l| l.code == code).map(|l| l.level)
                }
                Some(Decision::KeepCounty) => Some(Level::County),
                Some(Decision::KeepLeague) => Some(Level::League),
                Some(Decision::Drop) | None => None,
            };
            if let Some(level) = to {
                add(level, true, s);
            }
        }
        totals
    }

    fn fits(&self, plan: &Plan) -> bool {
        plan.sources.len() == self.codes.len()
            && plan
                .sources
                .iter()
                .zip(&self.codes)
                .all(|(s, c)| &s.line == c)
    }
}
