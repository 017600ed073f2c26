//! Switching a plan to another catalog (a 2021 plan started on `nm-2017` →
//! `nm-2021`): what becomes of each catalog row, and the switched plan.
//!
//! [`propose`] matches every C/R row of the plan against the target: the same
//! code and name is **kept**, the same name (at the same level) under another
//! code is **re-coded** and the funding entries naming it follow, anything
//! else is **unmatched** and waits for the user's [`Decision`]: drop it (with
//! the funding entries naming it) or keep it as an own 旗县/盟市 line. Own
//! lines (L/X) are not touched; target lines the plan lacks come in at zero,
//! as in a new plan. [`apply`] then builds the switched plan, and [`edit`]
//! turns it into one undo step.
//!
//! Funding entries name a code, so they follow the *first* row with that code
//! (as the validator reads them); a repeated code's later rows carry no
//! funding of their own here.

use std::collections::BTreeMap;

use crate::blank::blank_source;
use crate::catalog::{Catalog, CatalogLine};
use crate::edit::{Edit, Header};
use crate::enums::Level;
use crate::money::Money;
use crate::plan::{Plan, Source};

#[cfg(test)]
mod tests;

/// What becomes of one catalog row of the plan.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fate {
    /// The target has a line with the same code and name.
    Kept,
    /// The target has the name under another code: the row and the funding
    /// entries naming it take that code.
    Recoded(String),
    /// No free target line has the name: the user decides.
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

/// The user's choice for an unmatched row. Until the user chooses, a row
/// with anything in it is kept as a 旗县 line and an empty one is dropped
/// (see [`Proposal::decision`]): either way nothing is lost.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Decision {
    /// Keep it as a 旗县 own line (X..).
    KeepCounty,
    /// Keep it as a 盟市 own line (L..).
    KeepLeague,
    /// Remove the row and the funding entries naming it.
    Drop,
}

/// Decisions by source index; a row missing here gets [`Proposal::decision`]'s default.
pub type Decisions = BTreeMap<usize, Decision>;

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
    /// Target codes no row matched: added with nothing allocated.
    pub added: Vec<String>,
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
    let added = slots
        .iter()
        .filter(|(_, taken)| !*taken)
        .map(|(l, _)| l.code.clone())
        .collect();
    Proposal {
        from: plan.catalog.clone(),
        to: target.id.clone(),
        lines: target.lines.clone(),
        rows,
        added,
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

    /// The decision for `row`: the user's, else keep it as a 旗县 line if
    /// anything is in it and drop it if it is empty.
    pub fn decision(decisions: &Decisions, row: &Row) -> Decision {
        decisions.get(&row.index).copied().unwrap_or(if row.empty {
            Decision::Drop
        } else {
            Decision::KeepCounty
        })
    }

    /// What `decisions` drop: the money of the dropped rows and what they
    /// paid for in each project.
    pub fn loss(&self, decisions: &Decisions) -> Loss {
        let mut loss = Loss::default();
        for r in self.unmatched() {
            if Proposal::decision(decisions, r) != Decision::Drop {
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

    /// The own-line code each kept unmatched row gets (by source index): the
    /// next free X.. or L.. number after the plan's own lines, in row order.
    pub fn own_codes(&self, plan: &Plan, decisions: &Decisions) -> BTreeMap<usize, String> {
        let mut taken: Vec<String> = plan.sources.iter().map(|s| s.line.clone()).collect();
        let mut codes = BTreeMap::new();
        for r in self.unmatched() {
            let level = match Proposal::decision(decisions, r) {
                Decision::Drop => continue,
                Decision::KeepCounty => Level::County,
                Decision::KeepLeague => Level::League,
            };
            let code = level.next_code(taken.iter().map(String::as_str));
            taken.push(code.clone());
            codes.insert(r.index, code);
        }
        codes
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

/// The plan switched to the proposal's catalog with `decisions` for the
/// unmatched rows (see [`Proposal::decision`] for those missing). `None` when the plan is
/// not the one proposed for (its rows changed since).
pub fn apply(plan: &Plan, proposal: &Proposal, decisions: &Decisions) -> Option<Plan> {
    if !proposal.fits(plan) {
        return None;
    }
    let own = proposal.own_codes(plan, decisions);
    let mut sources = Vec::with_capacity(proposal.lines.len() + plan.sources.len());
    for l in &proposal.lines {
        let matched = proposal.rows.iter().find(|r| match &r.fate {
            Fate::Kept => r.line == l.code,
            Fate::Recoded(to) => *to == l.code,
            Fate::Unmatched => false,
        });
        let mut s = match matched.and_then(|r| plan.sources.get(r.index)) {
            Some(s) => s.clone(),
            None => blank_source(&l.code, l.level, &l.name, l.category),
        };
        s.line.clone_from(&l.code);
        s.name.clone_from(&l.name);
        s.level = l.level;
        s.category = l.category;
        sources.push(s);
    }
    sources.extend(
        plan.sources
            .iter()
            .filter(|s| !s.is_catalog_line())
            .cloned(),
    );
    for (&index, code) in &own {
        if let Some(old) = plan.sources.get(index) {
            let mut s = old.clone();
            s.level = if code.starts_with('L') {
                Level::League
            } else {
                Level::County
            };
            s.line.clone_from(code);
            sources.push(s);
        }
    }
    // Where each old code's funding goes (`None`: dropped); codes not here
    // (own lines, entries naming no row) stay as they are.
    let mut remap: BTreeMap<&str, Option<String>> = BTreeMap::new();
    for r in proposal.rows.iter().filter(|r| !r.arranged.is_empty()) {
        let to = match &r.fate {
            Fate::Kept => Some(r.line.clone()),
            Fate::Recoded(to) => Some(to.clone()),
            Fate::Unmatched => own.get(&r.index).cloned(),
        };
        remap.insert(r.line.as_str(), to);
    }
    let mut out = plan.clone();
    for p in &mut out.projects {
        p.funding.retain_mut(|f| match remap.get(f.line.as_str()) {
            Some(Some(to)) => {
                f.line.clone_from(to);
                true
            }
            Some(None) => false,
            None => true,
        });
    }
    out.sources = sources;
    out.catalog.clone_from(&proposal.to);
    Some(out)
}

/// One undo step turning `old` into `new`: the header, every source row
/// (removed and inserted again) and each project that changed. The seal and
/// the review are left as they are.
pub fn edit(old: &Plan, new: &Plan) -> Edit {
    let mut edits = vec![Edit::Header(Box::new(Header::of(new)))];
    edits.extend((0..old.sources.len()).rev().map(Edit::RemoveSource));
    edits.extend(
        new.sources
            .iter()
            .enumerate()
            .map(|(i, s)| Edit::InsertSource(i, Box::new(s.clone()))),
    );
    for (i, (a, b)) in old.projects.iter().zip(&new.projects).enumerate() {
        if a != b {
            edits.push(Edit::SetProject(i, Box::new(b.clone())));
        }
    }
    Edit::Batch(edits)
}
