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
    // nm-2021 names its predecessors (`formerly`): C05 and C07 merge into
    // 农田建设补助资金.
    for (code, to) in [
        ("C01", "C01"),
        ("C05", "C05"),
        ("C07", "C05"),
        ("C08", "C08"),
        ("C11", "C11"),
        ("R01", "R01"),
    ] {
        assert_eq!(fate_of(&p, code), &Fate::Successor(to.into()), "{code}");
    }
    let unmatched: Vec<&str> = p.unmatched().map(|r| r.line.as_str()).collect();
    assert_eq!(unmatched, ["C15"]);
    assert_eq!(p.added(&Decisions::new()), ["C07"]);
    assert!(!p.year_covered, "the sample is for 2020");
    assert!(!p.sealed);
}

fn funded(plan: &Plan, line: &str) -> Money {
    plan.projects
        .iter()
        .flat_map(|p| &p.funding)
        .filter(|f| f.line == line)
        .map(|f| f.amount)
        .sum()
}

#[test]
fn the_default_switch_keeps_the_money_at_its_level() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let decisions = Decisions::new();
    assert_eq!(p.loss(&decisions), Loss::default());
    assert_eq!(p.undecided(&decisions).count(), 0);
    let out = apply(&plan, &p, &decisions).unwrap();
    assert_eq!(totals(&out), totals(&plan));
    assert_eq!(out.catalog, "nm-2021");
    // Nothing becomes an own line: the sample's X01 and X02 stay the only ones.
    assert!(p.own_codes(&plan, &decisions).is_empty());
    assert!(out.source("X03").is_none());
    for t in p.level_totals(&plan, &decisions) {
        assert_eq!(t.before, t.after, "{:?}", t.level);
    }
    let central = p.level_totals(&plan, &decisions)[0];
    assert_eq!(central.level, Level::Central);
    assert!(central.after.0.is_positive());
    let old_c01 = plan.source("C01").unwrap();
    let new_c01 = out.source("C01").unwrap();
    assert_eq!(new_c01.name, "中央财政衔接推进乡村振兴补助资金");
    assert_eq!(
        (new_c01.allocated, new_c01.integrated),
        (old_c01.allocated, old_c01.integrated)
    );
    assert!(funded(&plan, "C01").is_positive());
    assert_eq!(funded(&out, "C01"), funded(&plan, "C01"));
    // Old C05 and C07 add up on the new C05; its C15 has nothing and goes.
    let c05 = out.source("C05").unwrap();
    let (a, b) = (plan.source("C05").unwrap(), plan.source("C07").unwrap());
    assert_eq!(c05.allocated, a.allocated + b.allocated);
    assert_eq!(c05.integrated, a.integrated + b.integrated);
    assert_eq!(
        funded(&out, "C05"),
        funded(&plan, "C05") + funded(&plan, "C07")
    );
    assert_eq!(out.source("C07").unwrap().allocated, Money::ZERO);
    assert_eq!(funded(&out, "C15"), funded(&plan, "C16"));
    assert!(
        out.sources
            .iter()
            .all(|s| !s.name.starts_with("服务业发展专项资金"))
    );
    // A project paid from both old lines has one C05 entry.
    for pr in &out.projects {
        assert!(
            pr.funding.iter().filter(|f| f.line == "C05").count() <= 1,
            "{}",
            pr.id
        );
    }
}

#[test]
fn a_row_mapped_by_hand_goes_to_that_line_and_an_own_line_shows_in_the_subtotals() {
    let plan = bundled_sample();
    let p = propose(&plan, &nm2021());
    let c07 = p.rows.iter().find(|r| r.line == "C07").unwrap();
    let decisions = Decisions::from([(c07.index, Decision::Line("C07".into()))]);
    let out = apply(&plan, &p, &decisions).unwrap();
    let old = plan.source("C07").unwrap();
    assert_eq!(out.source("C07").unwrap().allocated, old.allocated);
    assert_eq!(funded(&out, "C07"), funded(&plan, "C07"));
    assert_eq!(
        out.source("C05").unwrap().allocated,
        plan.source("C05").unwrap().allocated
    );
    assert_eq!(totals(&out), totals(&plan));
    assert!(p.added(&decisions).is_empty());

    // Keeping C01 as a 旗县 line moves its money out of 中央小计: visible.
    let c01 = p.rows.iter().find(|r| r.line == "C01").unwrap();
    let county = Decisions::from([(c01.index, Decision::KeepCounty)]);
    let t = p.level_totals(&plan, &county);
    assert_eq!(t[0].after.0, t[0].before.0 - c01.allocated);
    assert_eq!(t[3].level, Level::County);
    assert_eq!(t[3].after.0, t[3].before.0 + c01.allocated);
    let out = apply(&plan, &p, &county).unwrap();
    assert_eq!(out.source("X03").unwrap().name, "中央财政专项扶贫资金");
    assert_eq!(funded(&out, "X03"), funded(&plan, "C01"));
    assert_eq!(out.source("C01").unwrap().allocated, Money::ZERO);
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
    assert_eq!(out.source("C01").unwrap().allocated, Money::ZERO);
    let t = p.level_totals(&plan, &decisions);
    assert_eq!(t[0].after.0, t[0].before.0 - row.allocated);
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
    assert!(p.added(&Decisions::new()).is_empty());
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
    // The second row has money and no line: it waits for the user.
    assert!(apply(&plan, &p, &Decisions::new()).is_none());
    let keep = Decisions::from([(rows[1].index, Decision::KeepCounty)]);
    let out = apply(&plan, &p, &keep).unwrap();
    assert_eq!(out.sources.iter().filter(|s| s.line == "C02").count(), 1);
    assert_eq!(totals(&out), totals(&plan));
}

#[test]
fn a_name_the_target_has_twice_takes_the_first_free_line() {
    let plan = bundled_sample();
    let mut target = nm2021();
    // The target gives its C07 the name of its C15 too.
    let name = plan.source("C16").unwrap().name.clone();
    target.lines[6].name.clone_from(&name);
    let p = propose(&plan, &target);
    let row = p.rows.iter().find(|r| r.line == "C16").unwrap();
    assert_eq!(row.fate, Fate::Recoded("C07".into()));
    assert_eq!(row.also, ["C15"]);
    assert!(p.added(&Decisions::new()).contains(&"C15".to_string()));
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
fn an_unmatched_row_waits_for_the_user_unless_it_is_empty() {
    let plan = bundled_sample();
    // A target without successor lines: old C01 has no line to go to.
    let mut target = nm2021();
    for l in &mut target.lines {
        l.formerly.clear();
    }
    let p = propose(&plan, &target);
    let c15 = p.rows.iter().find(|r| r.line == "C15").unwrap();
    assert!(c15.empty);
    assert_eq!(
        Proposal::decision(&Decisions::new(), c15),
        Some(Decision::Drop)
    );
    let c01 = p.rows.iter().find(|r| r.line == "C01").unwrap();
    assert!(!c01.empty);
    assert_eq!(c01.fate, Fate::Unmatched);
    assert_eq!(Proposal::decision(&Decisions::new(), c01), None);
    assert!(p.undecided(&Decisions::new()).any(|r| r.line == "C01"));
    // Never a silent move to 旗县资金: the switch waits.
    assert!(apply(&plan, &p, &Decisions::new()).is_none());
    let mut all: Decisions = p
        .undecided(&Decisions::new())
        .map(|r| (r.index, Decision::KeepCounty))
        .collect();
    all.insert(c15.index, Decision::KeepCounty);
    let out = apply(&plan, &p, &all).unwrap();
    assert!(
        out.sources
            .iter()
            .any(|s| s.name.starts_with("服务业发展专项资金"))
    );
    assert_eq!(totals(&out), totals(&plan));
}

/// The sample with `edit` done to its old C05 and C07 (both go to the new C05).
fn c05_and_c07(edit: impl Fn(&mut Source, &mut Source)) -> Plan {
    let mut plan = bundled_sample();
    let i5 = plan.sources.iter().position(|s| s.line == "C05").unwrap();
    let i7 = plan.sources.iter().position(|s| s.line == "C07").unwrap();
    let mut a = plan.sources[i5].clone();
    let mut b = plan.sources[i7].clone();
    edit(&mut a, &mut b);
    plan.sources[i5] = a;
    plan.sources[i7] = b;
    plan
}

#[test]
fn joined_documents_and_reasons_take_each_part_once() {
    let plan = c05_and_c07(|a, b| {
        a.document = "财农2号；财农1号".into();
        b.document = "财农1号；财农2号; 财农3号".into();
        a.reason = "跨年度".into();
        b.reason = "跨年度;另有用途".into();
    });
    let p = propose(&plan, &nm2021());
    let out = apply(&plan, &p, &Decisions::new()).unwrap();
    let c05 = out.source("C05").unwrap();
    assert_eq!(c05.document, "财农2号；财农1号；财农3号");
    assert_eq!(c05.reason, "跨年度；另有用途");
}

#[test]
fn rows_whose_join_would_not_load_are_marked_and_never_applied() {
    let long = |a: &mut Source, b: &mut Source| {
        a.reason = "甲".repeat(crate::file::MAX_TEXT_CHARS - 10);
        b.reason = "乙".repeat(20);
    };
    let big = |a: &mut Source, b: &mut Source| {
        a.allocated = Money::from_yuan(600_000_000_000_000);
        b.allocated = Money::from_yuan(500_000_000_000_000);
    };
    let mut paid = c05_and_c07(|_, _| {});
    for (line, yuan) in [("C05", 600_000_000_000_000), ("C07", 500_000_000_000_000)] {
        paid.projects[0].funding.push(crate::plan::Funding {
            line: line.into(),
            amount: Money::from_yuan(yuan),
        });
    }
    for (what, plan, zh) in [
        ("text", c05_and_c07(long), "未纳入原因"),
        ("sum", c05_and_c07(big), "下达金额"),
        ("funding", paid, "P"),
    ] {
        let p = propose(&plan, &nm2021());
        let decisions = Decisions::new();
        let over = p.overflows(&plan, &decisions);
        assert_eq!(over.len(), 1, "{what}");
        assert_eq!(over[0].line, "C05", "{what}");
        assert_eq!(over[0].rows, ["C05", "C07"], "{what}");
        assert!(over[0].message(crate::Lang::Zh).contains(zh), "{what}");
        assert!(apply(&plan, &p, &decisions).is_none(), "{what}");
        // Mapped otherwise (old C07 to the new C07), it switches and reopens.
        let mut decisions = Decisions::new();
        let i7 = plan.sources.iter().position(|s| s.line == "C07").unwrap();
        decisions.insert(i7, Decision::Line("C07".into()));
        assert!(p.overflows(&plan, &decisions).is_empty(), "{what}");
        let out = apply(&plan, &p, &decisions).unwrap();
        let text = crate::file::plan_to_string(&out);
        crate::file::parse_plan(&text, std::path::Path::new("p.fundplan")).unwrap();
    }
}
