use super::*;
use crate::catalog::embedded;
use crate::document::bundled_sample;

fn nm2021() -> Catalog {
    embedded("nm-2021").unwrap()
}

fn fate_of<'a>(p: &'a Proposal, code: &str) -> &'a Fate {
    &p.rows.iter().find(|r| r.line == code).unwrap().fate
}

fn totals(plan: &Plan) -> (Money, Money, Vec<Money>) {
    (
        plan.sources.iter().map(|s| s.allocated).sum(),
        plan.integrated_total(),
        plan.projects.iter().map(|p| p.integrated_total()).collect(),
    )
}

#[test]
fn the_sample_on_nm_2017_matches_nm_2021_by_code_and_name() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    assert_eq!((p.from.as_str(), p.to.as_str()), ("nm-2017", "nm-2021"));
    for code in [
        "C02", "C03", "C04", "C06", "C09", "C10", "C12", "C13", "C14", "R02", "R12",
    ] {
        assert_eq!(fate_of(&p, code), &Fate::Kept, "{code}");
    }
    assert_eq!(fate_of(&p, "C16"), &Fate::Recoded("C15".into()));
    assert_eq!(fate_of(&p, "C17"), &Fate::Recoded("C16".into()));
    let unmatched: Vec<&str> = p.unmatched().map(|r| r.line.as_str()).collect();
    assert_eq!(unmatched, ["C01", "C05", "C07", "C08", "C11", "C15", "R01"]);
    assert_eq!(p.added, ["C01", "C05", "C07", "C08", "C11", "R01"]);
    assert!(!p.year_covered, "the sample is for 2020");
    assert!(!p.sealed);
}

#[test]
fn keeping_every_unmatched_row_loses_no_money() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let decisions = Decisions::new();
    assert_eq!(p.loss(&decisions), Loss::default());
    let out = apply(&plan, &p, &decisions).unwrap();
    assert_eq!(totals(&out), totals(&plan));
    assert_eq!(out.catalog, "nm-2021");
    // The sample has X01 and X02: the six kept rows follow as X03..X08; its
    // C15 has nothing in it and is dropped.
    assert_eq!(p.own_codes(&plan, &decisions).len(), 6);
    assert!(out.source("X09").is_none());
    assert!(
        out.sources
            .iter()
            .all(|s| !s.name.starts_with("服务业发展专项资金"))
    );
    let c01 = out
        .sources
        .iter()
        .find(|s| s.name == "中央财政专项扶贫资金")
        .unwrap();
    assert_eq!((c01.line.as_str(), c01.level), ("X03", Level::County));
    let funded = |plan: &Plan, line: &str| -> Money {
        plan.projects
            .iter()
            .flat_map(|p| &p.funding)
            .filter(|f| f.line == line)
            .map(|f| f.amount)
            .sum()
    };
    assert!(funded(&plan, "C01").is_positive());
    assert_eq!(funded(&out, "X03"), funded(&plan, "C01"));
    assert_eq!(funded(&out, "C01"), Money::ZERO, "the new C01 starts empty");
    assert_eq!(funded(&out, "C15"), funded(&plan, "C16"));
    let new_c01 = out.source("C01").unwrap();
    assert_eq!(new_c01.name, "中央财政衔接推进乡村振兴补助资金");
    assert_eq!(new_c01.allocated, Money::ZERO);
}

#[test]
fn dropping_a_row_removes_its_funding_and_says_how_much() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let row = p.rows.iter().find(|r| r.line == "C01").unwrap().clone();
    assert!(row.arranged_total().is_positive());
    let decisions = Decisions::from([(row.index, Decision::Drop)]);
    let loss = p.loss(&decisions);
    assert_eq!(loss.allocated, row.allocated);
    assert_eq!(loss.integrated, row.integrated);
    assert_eq!(loss.arranged(), row.arranged_total());
    let out = apply(&plan, &p, &decisions).unwrap();
    let before = totals(&plan);
    let after = totals(&out);
    assert_eq!(after.1, before.1 - row.integrated);
    let arranged = |t: &(Money, Money, Vec<Money>)| t.2.iter().copied().sum::<Money>();
    assert_eq!(arranged(&after), arranged(&before) - row.arranged_total());
    assert!(out.sources.iter().all(|s| s.name != row.name));
    // The next kept row takes X03, as nothing else did.
    assert!(out.source("X03").is_some());
    assert!(out.source("X08").is_none());
}

#[test]
fn a_league_line_gets_the_next_l_code() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let index = p.rows.iter().find(|r| r.line == "R01").unwrap().index;
    let decisions = Decisions::from([(index, Decision::KeepLeague)]);
    assert_eq!(p.own_codes(&plan, &decisions)[&index], "L02");
    let out = apply(&plan, &p, &decisions).unwrap();
    assert_eq!(out.source("L02").unwrap().level, Level::League);
}

#[test]
fn the_same_catalog_changes_nothing() {
    let plan = bundled_sample();
    let p = propose(&plan, &embedded("nm-2017").unwrap());
    assert!(p.same_catalog());
    assert_eq!(p.unmatched().count(), 0);
    assert!(p.added.is_empty());
    assert_eq!(apply(&plan, &p, &Decisions::new()).unwrap(), plan);
}

#[test]
fn a_repeated_code_keeps_its_funding_on_the_first_row() {
    let mut plan = bundled_sample();
    let c02 = plan.source("C02").unwrap().clone();
    plan.sources.push(c02);
    let p = propose(&plan, &nm2021());
    let rows: Vec<&Row> = p.rows.iter().filter(|r| r.line == "C02").collect();
    assert_eq!(rows[0].fate, Fate::Kept);
    assert_eq!(rows[1].fate, Fate::Unmatched);
    assert!(rows[1].arranged.is_empty());
    let out = apply(&plan, &p, &Decisions::new()).unwrap();
    assert_eq!(out.sources.iter().filter(|s| s.line == "C02").count(), 1);
    assert_eq!(totals(&out), totals(&plan));
}

#[test]
fn a_name_the_target_has_twice_takes_the_first_free_line() {
    let plan = bundled_sample();
    let mut target = nm2021();
    // The target gives its C05 the name of its C15 too.
    let name = plan.source("C16").unwrap().name.clone();
    target.lines[4].name.clone_from(&name);
    let p = propose(&plan, &target);
    let row = p.rows.iter().find(|r| r.line == "C16").unwrap();
    assert_eq!(row.fate, Fate::Recoded("C05".into()));
    assert_eq!(row.also, ["C15"]);
    assert!(p.added.contains(&"C15".to_string()));
}

#[test]
fn a_stale_proposal_is_refused() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let mut changed = plan.clone();
    changed.sources.remove(0);
    assert!(apply(&changed, &p, &Decisions::new()).is_none());
}

#[test]
fn the_switch_is_one_edit_and_its_inverse_restores_the_plan() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let out = apply(&plan, &p, &Decisions::new()).unwrap();
    let mut doc = plan.clone();
    let inverse = edit(&plan, &out).apply(&mut doc).unwrap();
    assert_eq!(doc, out);
    inverse.apply(&mut doc).unwrap();
    assert_eq!(doc, plan);
}

#[test]
fn an_empty_unmatched_row_is_dropped_unless_the_user_keeps_it() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let c15 = p.rows.iter().find(|r| r.line == "C15").unwrap();
    assert!(c15.empty);
    assert_eq!(Proposal::decision(&Decisions::new(), c15), Decision::Drop);
    let c01 = p.rows.iter().find(|r| r.line == "C01").unwrap();
    assert!(!c01.empty);
    assert_eq!(
        Proposal::decision(&Decisions::new(), c01),
        Decision::KeepCounty
    );
    let keep = Decisions::from([(c15.index, Decision::KeepCounty)]);
    let out = apply(&plan, &p, &keep).unwrap();
    assert!(
        out.sources
            .iter()
            .any(|s| s.name.starts_with("服务业发展专项资金"))
    );
}
