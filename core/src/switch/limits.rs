//! Joins a file could not hold: old rows landing on one new line add their
//! amounts and join their texts, and the sum or the joined text may pass
//! what loading accepts. Such a switch is refused before it is made, so a
//! switched plan can always be opened again once saved.

use super::apply::{destinations, landing, merged};
use super::{Decisions, Proposal};
use crate::Lang;
use crate::file::MAX_TEXT_CHARS;
use crate::money::Money;
use crate::plan::{Plan, Source};

/// What would pass the load limits on a joined line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Excess {
    /// The joined 下达文号 is longer than [`MAX_TEXT_CHARS`].
    Document,
    /// The joined 未纳入原因 is longer than [`MAX_TEXT_CHARS`].
    Reason,
    /// The summed 下达金额 is beyond what a file holds.
    Allocated,
    /// The summed 纳入整合金额 is beyond what a file holds.
    Integrated,
    /// The summed 安排金额 of this project (its id) is beyond what a file holds.
    Funding(String),
}

/// Old rows that cannot be joined on one new line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Overflow {
    /// The target line they land on.
    pub line: String,
    /// The old codes landing there, in plan order.
    pub rows: Vec<String>,
    /// What would pass the limit.
    pub excess: Excess,
}

impl Overflow {
    /// Why the switch cannot be made so, and what to do, in `lang`.
    pub fn message(&self, lang: Lang) -> String {
        let max = MAX_TEXT_CHARS;
        let line = &self.line;
        let (zh, en) = match &self.excess {
            Excess::Document => (
                format!("下达文号合并后超过 {max} 个字符"),
                format!("the joined document numbers (下达文号) would pass {max} characters"),
            ),
            Excess::Reason => (
                format!("未纳入原因合并后超过 {max} 个字符"),
                format!("the joined reasons (未纳入原因) would pass {max} characters"),
            ),
            Excess::Allocated => (
                "下达金额合计超出文件能保存的上限".to_string(),
                "the summed allocated amount would pass the limit a file holds".to_string(),
            ),
            Excess::Integrated => (
                "纳入整合金额合计超出文件能保存的上限".to_string(),
                "the summed integrated amount would pass the limit a file holds".to_string(),
            ),
            Excess::Funding(id) => (
                format!("项目 {id} 的安排金额合计超出文件能保存的上限"),
                format!("project {id}'s summed arrangement would pass the limit a file holds"),
            ),
        };
        match lang {
            Lang::Zh => format!(
                "{} 并入 {line}：{zh}，保存后将无法再打开；请把其中一行对应到别的资金",
                self.rows.join("、")
            ),
            Lang::En => format!(
                "{} joined on {line}: {en}, so the saved plan could not be opened; map one of them to another line",
                self.rows.join(", ")
            ),
        }
    }
}

impl Proposal {
    /// The target lines where the rows landing with `decisions` cannot be
    /// joined (one finding per line); [`super::apply`] refuses while there
    /// is one. Empty while a row still waits for a decision.
    pub fn overflows(&self, plan: &Plan, decisions: &Decisions) -> Vec<Overflow> {
        let own = self.own_codes(plan, decisions);
        let Some(dest) = destinations(self, decisions, &own) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for l in &self.lines {
            let landing = landing(plan, &dest, &l.code);
            let Some((first, rest)) = landing.split_first() else {
                continue;
            };
            if rest.is_empty() {
                continue;
            }
            // Funding follows a code's first row only (see the module notes).
            let paying: Vec<&str> = self
                .rows
                .iter()
                .zip(&dest)
                .filter(|(r, (_, to))| !r.arranged.is_empty() && to.as_deref() == Some(&l.code))
                .map(|(r, _)| r.line.as_str())
                .collect();
            if let Some(excess) = excess(&merged(first, rest), plan, &paying) {
                out.push(Overflow {
                    line: l.code.clone(),
                    rows: landing.iter().map(|s| s.line.clone()).collect(),
                    excess,
                });
            }
        }
        out
    }
}

/// The first thing of the joined row `s` (and of the projects' summed
/// funding from the `paying` codes) a file could not hold.
fn excess(s: &Source, plan: &Plan, paying: &[&str]) -> Option<Excess> {
    let long = crate::file::text_too_long;
    if long(&s.document) {
        return Some(Excess::Document);
    }
    if long(&s.reason) {
        return Some(Excess::Reason);
    }
    if !s.allocated.fits_file() {
        return Some(Excess::Allocated);
    }
    if !s.integrated.fits_file() {
        return Some(Excess::Integrated);
    }
    plan.projects.iter().find_map(|p| {
        let sum: Money = p
            .funding
            .iter()
            .filter(|f| paying.contains(&f.line.as_str()))
            .map(|f| f.amount)
            .sum();
        (!sum.fits_file()).then(|| Excess::Funding(p.id.clone()))
    })
}
