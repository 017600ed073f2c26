//! The switch dialog's rows (each old line and the line it goes to, by a
//! keyboard-reachable list "C05 对应到") and each level's subtotal before
//! and after, so money leaving 中央 or 自治区 is seen before 确定.

use super::{money, warn};
use crate::gui::kit::choice;
use crate::gui::kit::theme;
use crate::gui::state::view::View;
use crate::plan::Level;
use crate::plan::Plan;
use crate::switch::{Decision, Decisions, Fate, Proposal, Row};
use egui::{RichText, TextWrapMode, Ui};

/// Width of the "对应到" list button.
const TO_W: f32 = 280.0;

/// One choice of the "对应到" list (`Copy`, as the list wants): a target line
/// by index, an own line, dropping, or nothing chosen yet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum To {
    Line(usize),
    County,
    League,
    Drop,
    Waiting,
}

impl To {
    fn of(proposal: &Proposal, d: Option<&Decision>) -> To {
        match d {
            Some(Decision::Line(code)) => proposal
                .lines
                .iter()
                .position(|l| &l.code == code)
                .map_or(To::Waiting, To::Line),
            Some(Decision::KeepCounty) => To::County,
            Some(Decision::KeepLeague) => To::League,
            Some(Decision::Drop) => To::Drop,
            None => To::Waiting,
        }
    }

    fn decision(self, proposal: &Proposal) -> Option<Decision> {
        match self {
            To::Line(i) => proposal
                .lines
                .get(i)
                .map(|l| Decision::Line(l.code.clone())),
            To::County => Some(Decision::KeepCounty),
            To::League => Some(Decision::KeepLeague),
            To::Drop => Some(Decision::Drop),
            To::Waiting => None,
        }
    }

    fn label(self, view: &View<'_>, proposal: &Proposal) -> String {
        match self {
            To::Line(i) => proposal.lines.get(i).map_or_else(String::new, |l| {
                format!("{} {}", l.code, l.display_name(view.lang()))
            }),
            To::County => view
                .t("转为旗县资金（X..）", "Own county line (X..)")
                .into(),
            To::League => view
                .t("转为盟市资金（L..）", "Own league line (L..)")
                .into(),
            To::Drop => view.t("删除", "Drop").into(),
            To::Waiting => view.t("请选择…", "Choose…").into(),
        }
    }
}

/// One old row: code, name, amounts, and the list of where it goes: the
/// target lines of its own level, then the explicit moves to another level.
pub(super) fn row_ui(
    ui: &mut Ui,
    view: &View<'_>,
    proposal: &Proposal,
    r: &Row,
    own: Option<&String>,
    decisions: &mut Decisions,
) {
    ui.label(&r.line);
    // The English name where the plan's catalog has this line as it is.
    let name = view
        .doc
        .catalog()
        .line(&r.line)
        .filter(|l| l.name == r.name)
        .map_or(r.name.as_str(), |l| l.display_name(view.lang()));
    ui.scope(|ui| {
        ui.set_max_width(200.0);
        ui.add(egui::Label::new(name).truncate())
            .on_hover_text(&r.name);
    });
    for m in [r.allocated, r.integrated, r.arranged_total()] {
        ui.with_layout(egui::Layout::right_to_left(egui::Align::Center), |ui| {
            ui.label(money(view, m));
        });
    }
    let decided = Proposal::decision(decisions, r);
    let current = To::of(proposal, decided.as_ref());
    let mut all: Vec<To> = proposal
        .lines
        .iter()
        .enumerate()
        .filter(|(_, l)| l.level == r.level)
        .map(|(i, _)| To::Line(i))
        .collect();
    all.extend([To::County, To::League, To::Drop]);
    ui.horizontal(|ui| {
        let (response, picked) = ui
            .scope(|ui| {
                // A long line name is cut with "…" (in full on hover and
                // in the open list) so every row's list lines up.
                ui.set_max_width(TO_W);
                ui.style_mut().wrap_mode = Some(TextWrapMode::Truncate);
                choice::choice_ui(
                    ui,
                    egui::Id::unique(("switch-to", r.index)),
                    TO_W,
                    current,
                    &all,
                    |t| t.label(view, proposal),
                )
            })
            .inner;
        // A repeated code's later rows get their place in the name, so
        // each list keeps a name of its own.
        let nth = proposal
            .rows
            .iter()
            .take_while(|o| o.index != r.index)
            .filter(|o| o.line == r.line)
            .count();
        let code = if nth == 0 {
            r.line.clone()
        } else {
            format!("{} ({})", r.line, nth + 1)
        };
        response
            .accessible_name(format!("{code} {}", view.t("对应到", "goes to")))
            .on_hover_text(current.label(view, proposal));
        if let Some(d) = picked.and_then(|t| t.decision(proposal)) {
            decisions.insert(r.index, d);
        }
        outcome_ui(ui, view, proposal, r, current, own);
    });
}

/// Why the row goes where it goes, or, when it leaves its level, where to.
fn outcome_ui(
    ui: &mut Ui,
    view: &View<'_>,
    proposal: &Proposal,
    r: &Row,
    to: To,
    own: Option<&String>,
) {
    let over = theme::palette(ui).over;
    match to {
        To::Waiting => {
            ui.label(RichText::new(view.t("无对应，待选择", "No match: choose")).color(over));
        }
        To::County | To::League => {
            let level = if to == To::County {
                Level::County
            } else {
                Level::League
            };
            let text = match view.lang() {
                crate::Lang::Zh => {
                    format!(
                        "{}→{}",
                        r.level.label(view.lang()),
                        level.label(view.lang())
                    )
                }
                crate::Lang::En => {
                    format!(
                        "{} → {}",
                        r.level.label(view.lang()),
                        level.label(view.lang())
                    )
                }
            };
            let code = own.map(|c| format!(" {c}")).unwrap_or_default();
            ui.label(RichText::new(format!("{text}{code}")).color(over));
        }
        To::Drop => {
            ui.label(RichText::new(view.t("将删除", "Dropped")).color(over));
        }
        To::Line(i) => {
            let same = proposal.lines.get(i).is_some_and(|l| l.level == r.level);
            let why = match (&r.fate, Proposal::decision(&Decisions::new(), r)) {
                _ if !same => view.t("跨级次", "Other level"),
                (_, d) if d != to.decision(proposal) => view.t("手动", "By hand"),
                (Fate::Kept, _) => view.t("保留", "Kept"),
                (Fate::Successor(_), _) => view.t("承接", "Successor"),
                (Fate::Recoded(_), _) => view.t("同名", "Same name"),
                (Fate::Unmatched, _) => view.t("手动", "By hand"),
            };
            ui.label(RichText::new(why).weak());
        }
    }
}

/// Each level's subtotal (下达, 纳入整合) now → after the switch; a level
/// whose money changes is shown in the warning colour with the difference.
pub(super) fn level_totals_ui(
    ui: &mut Ui,
    view: &View<'_>,
    plan: &Plan,
    proposal: &Proposal,
    decisions: &Decisions,
) {
    let unit = view.unit().label(view.lang());
    ui.label(
        RichText::new(view.t(
            "各级次小计（更换前 → 更换后）",
            "Subtotal by level (now → after the switch)",
        ))
        .strong(),
    );
    for t in proposal.level_totals(plan, decisions) {
        let [a0, a1, i0, i1] =
            [t.before.0, t.after.0, t.before.1, t.after.1].map(|m| money(view, m));
        let level = t.level.label(view.lang());
        let text = match view.lang() {
            crate::Lang::Zh => {
                format!("{level}小计：下达 {a0} → {a1} {unit}；纳入整合 {i0} → {i1} {unit}")
            }
            crate::Lang::En => format!(
                "{level} subtotal: allocated {a0} → {a1} {unit}; integrated {i0} → {i1} {unit}"
            ),
        };
        if t.before == t.after {
            ui.label(text);
        } else {
            let change = t.after.0 - t.before.0;
            let sign = if change.is_positive() { "+" } else { "" };
            let diff = format!("{sign}{}", money(view, change));
            warn(
                ui,
                match view.lang() {
                    crate::Lang::Zh => format!("▲ {text}（下达变动 {diff}）"),
                    crate::Lang::En => format!("▲ {text} (allocated changes by {diff})"),
                },
            );
        }
    }
}
