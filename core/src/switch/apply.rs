//! Building the switched plan from a proposal and the user's decisions, and
//! the one undo step that gets there.

use std::collections::BTreeMap;

use super::{Decision, Decisions, Proposal};
use crate::blank::blank_source;
use crate::edit::{Edit, Header};
use crate::enums::Level;
use crate::plan::{Funding, Plan, Source};

/// The plan switched to the proposal's catalog with `decisions` (see
/// [`Proposal::decision`] for the rows missing there). `None` when the plan
/// is not the one proposed for (its rows changed since), a row still waits
/// for a decision, or a decision names a line the target lacks.
pub fn apply(plan: &Plan, proposal: &Proposal, decisions: &Decisions) -> Option<Plan> {
    if !proposal.fits(plan) {
        return None;
    }
    if !proposal.overflows(plan, decisions).is_empty() {
        return None;
    }
    let own = proposal.own_codes(plan, decisions);
    let dest = destinations(proposal, decisions, &own)?;
    let mut sources = Vec::with_capacity(proposal.lines.len() + plan.sources.len());
    for l in &proposal.lines {
        let landing = landing(plan, &dest, &l.code);
        let mut s = match landing.split_first() {
            Some((first, rest)) => merged(first, rest),
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
    for (r, (_, to)) in proposal.rows.iter().zip(&dest) {
        if !r.arranged.is_empty() {
            remap.insert(r.line.as_str(), to.clone());
        }
    }
    // Lines two or more rows landed on.
    let shared: Vec<&str> = proposal
        .lines
        .iter()
        .map(|l| l.code.as_str())
        .filter(|c| {
            dest.iter()
                .filter(|(_, to)| to.as_deref() == Some(*c))
                .count()
                > 1
        })
        .collect();
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
        // Old lines that landed on one new line: one entry with the sum.
        let mut joined: Vec<Funding> = Vec::with_capacity(p.funding.len());
        for f in p.funding.drain(..) {
            match joined
                .iter_mut()
                .find(|g| g.line == f.line && shared.contains(&f.line.as_str()))
            {
                Some(g) => g.amount += f.amount,
                None => joined.push(f),
            }
        }
        p.funding = joined;
    }
    out.sources = sources;
    out.catalog.clone_from(&proposal.to);
    Some(out)
}

/// Where each row goes (`None`: dropped), in row order, with the own-line
/// codes `own`. `None` when a row waits for a decision or a decision names
/// a line the target lacks.
pub(super) fn destinations(
    proposal: &Proposal,
    decisions: &Decisions,
    own: &BTreeMap<usize, String>,
) -> Option<Vec<(usize, Option<String>)>> {
    let mut dest = Vec::with_capacity(proposal.rows.len());
    for r in &proposal.rows {
        let to = match Proposal::decision(decisions, r)? {
            Decision::Line(code) => {
                proposal.lines.iter().find(|l| l.code == code)?;
                Some(code)
            }
            Decision::KeepCounty | Decision::KeepLeague => Some(own.get(&r.index)?.clone()),
            Decision::Drop => None,
        };
        dest.push((r.index, to));
    }
    Some(dest)
}

/// The plan's rows that land on the target line `code` by `dest`, in plan order.
pub(super) fn landing<'a>(
    plan: &'a Plan,
    dest: &[(usize, Option<String>)],
    code: &str,
) -> Vec<&'a Source> {
    dest.iter()
        .filter(|(_, to)| to.as_deref() == Some(code))
        .filter_map(|(i, _)| plan.sources.get(*i))
        .collect()
}

/// `first` with the amounts of `rest` added and their 下达文号 and 未纳入原因
/// joined, each part (between `；` or `;`) once, for old lines that land on
/// one new line.
pub(super) fn merged(first: &Source, rest: &[&Source]) -> Source {
    let mut s = first.clone();
    for o in rest {
        s.allocated += o.allocated;
        s.integrated += o.integrated;
        for (to, from) in [(&mut s.document, &o.document), (&mut s.reason, &o.reason)] {
            for part in parts(from) {
                if parts(to).any(|there| there == part) {
                    continue;
                }
                if !to.trim().is_empty() {
                    to.push('；');
                }
                to.push_str(part);
            }
        }
    }
    s
}

/// The non-blank parts of a joined text, split on `；` and `;`, trimmed.
fn parts(text: &str) -> impl Iterator<Item = &str> {
    text.split(['；', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
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
