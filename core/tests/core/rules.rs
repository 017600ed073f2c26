//! The validator, rule by rule: for each rule a fixture plan where it fires and
//! nothing unrelated does, and a plan where it does not fire.
//!
//! The fixtures under `tests/fixtures/rules/` are small edits of
//! `tests/fixtures/base.ron`, described in code by [`mutate`]. The test
//! `fixtures_are_current` checks the files match the code; run it with
//! `UPDATE_FIXTURES=1` to rewrite them after a deliberate change.

use crate::common;

use std::collections::BTreeSet;
use std::path::PathBuf;

use common::*;
use fundplan_core::Money;
use fundplan_core::catalog::{Catalog, Share};
use fundplan_core::digest;
use fundplan_core::file;
use fundplan_core::plan::{County, CountyKind, Plan, Project, Source, Use};
use fundplan_core::validate::{Rule, Severity, validate};
use rust_decimal::Decimal;

/// A small valid plan with no cross-category use: every catalog line plus L01
/// and X01, each 10 万元, each paying for one project of a home use.
fn base_plan() -> Plan {
    let catalog = nm2017();
    let mut plan = fundplan_core::sample::generate(
        &catalog,
        fundplan_core::sample::SampleOptions {
            projects: 0,
            seed: 0,
            year: 2020,
        },
    );
    plan.county = County {
        code: "150125".into(),
        name: "武川县".into(),
        league: "呼和浩特市".into(),
        kind: CountyKind::National,
    };
    plan.sources.retain(|s| s.line != "X02");
    for s in &mut plan.sources {
        s.allocated = yuan("100000");
        s.integrated = yuan("100000");
        s.reason.clear();
        s.document = format!(
            "内财农〔2020〕{}号",
            s.line.trim_start_matches(['C', 'R', 'L', 'X'])
        );
    }
    plan.projects = plan
        .sources
        .iter()
        .enumerate()
        .map(|(i, s)| Project {
            id: format!("P{:02}", i + 1),
            name: format!("{}支持项目", s.name.chars().take(8).collect::<String>()),
            use_: catalog
                .home_uses
                .get(&s.category)
                .and_then(|u| u.first().copied())
                .unwrap_or(Use::Industry),
            township: "可可以力更镇".into(),
            village: "新胜村".into(),
            unit: "武川县农牧局".into(),
            content: "建设内容见项目实施方案".into(),
            period: "2020-04/2020-10".into(),
            households: 20,
            people: 50,
            targets: "产出：按期完工；效益：带动脱贫户增收；满意度：不低于90%".into(),
            funding: vec![funding(&s.line, "100000")],
            other_funds: Money::ZERO,
        })
        .collect();
    plan
}

fn source<'a>(plan: &'a mut Plan, line: &str) -> &'a mut Source {
    plan.sources.iter_mut().find(|s| s.line == line).unwrap()
}

/// The edit that makes `rule` fire, and the catalog to judge with.
fn mutate(rule: Rule, plan: &mut Plan) -> Catalog {
    let mut catalog = nm2017();
    match rule {
        Rule::H01 => plan.county.code = "250125".into(),
        Rule::H02 => plan.catalog = "gx-2017".into(),
        Rule::H03 => plan.year = 2021,
        Rule::H04 => plan.revision = 2,
        Rule::H05 => plan.county.league = "包头市".into(),
        Rule::H06 => plan.revision = 0,
        Rule::S01 => {
            plan.sources.retain(|s| s.line != "C05");
            plan.projects.retain(|p| p.funding[0].line != "C05");
        }
        Rule::S02 => {
            let mut dup = source(plan, "C03").clone();
            dup.allocated = Money::ZERO;
            dup.integrated = Money::ZERO;
            plan.sources.push(dup);
        }
        Rule::S03 => {
            let mut bad = source(plan, "X01").clone();
            bad.line = "X1".into();
            bad.allocated = Money::ZERO;
            bad.integrated = Money::ZERO;
            plan.sources.push(bad);
        }
        Rule::S04 => source(plan, "C06").name = "农村综合改革资金".into(),
        Rule::S05 => source(plan, "C07").allocated = yuan("-100"),
        Rule::S06 => {
            source(plan, "C08").integrated = yuan("150000");
            project_of(plan, "C08").funding[0].amount = yuan("150000");
        }
        Rule::S07 => source(plan, "C09").allocated = yuan("120000"),
        Rule::S08 => {
            plan.sources.retain(|s| s.line != "L01");
            plan.projects.retain(|p| p.funding[0].line != "L01");
        }
        Rule::S09 => {
            // A 区贫 banner with central money: only C01 still integrated.
            plan.county.kind = CountyKind::Regional;
            for s in &mut plan.sources {
                if s.line.starts_with('C') && s.line != "C01" {
                    s.allocated = Money::ZERO;
                    s.integrated = Money::ZERO;
                }
            }
            plan.projects
                .retain(|p| !p.funding[0].line.starts_with('C') || p.funding[0].line == "C01");
        }
        Rule::P01 => {
            let id = project_of(plan, "C11").id.clone();
            project_of(plan, "C10").id = id;
        }
        Rule::P02 => project_of(plan, "C01").funding.push(funding("X09", "5000")),
        Rule::P03 => project_of(plan, "C01").funding.push(funding("C02", "0")),
        Rule::P04 => {
            let mut p = project_of(plan, "C01").clone();
            p.id = "P99".into();
            p.funding.clear();
            plan.projects.push(p);
        }
        Rule::P05 => project_of(plan, "C12").township = "  ".into(),
        Rule::P06 => project_of(plan, "C13").targets.clear(),
        Rule::P07 => project_of(plan, "R01").name = "嘎查村委会办公楼维修".into(),
        Rule::P09 => project_of(plan, "C01").other_funds = yuan("-1"),
        Rule::P08 => {
            project_of(plan, "R02").funding = vec![funding("R02", "50000"), funding("R02", "50000")]
        }
        Rule::B01 => {
            let p = project_of(plan, "R03");
            p.funding[0].amount = yuan("120000");
        }
        Rule::B02 => project_of(plan, "R04").funding[0].amount = yuan("80000"),
        Rule::B03 => catalog.industry_share_min = Share::new(Decimal::new(55, 2)),
        Rule::B04 => {
            catalog.management_share_max = Share::new(Decimal::new(1, 2));
            project_of(plan, "R09").use_ = Use::Management;
        }
        Rule::B05 => {
            // Regional, so S08 (own lines) does not fire on the empty plan too.
            plan.county.kind = CountyKind::Regional;
            for s in &mut plan.sources {
                s.allocated = Money::ZERO;
                s.integrated = Money::ZERO;
            }
            plan.projects.clear();
        }
        Rule::X01 => project_of(plan, "C02").use_ = Use::Industry,
        Rule::D01 => {
            *plan = digest::seal(plan, "2020-03-15T10:00:00+08:00".into(), 0);
            project_of(plan, "R05").name = "一事一议奖补项目（已改）".into();
        }
    }
    catalog
}

fn fixture_path(rule: Rule) -> PathBuf {
    root(&format!("tests/fixtures/rules/{}.ron", rule.code()))
}

fn fixture_catalog(rule: Rule) -> Catalog {
    mutate(rule, &mut base_plan())
}

fn fired(plan: &Plan, catalog: &Catalog) -> BTreeSet<Rule> {
    validate(plan, catalog)
        .findings
        .iter()
        .map(|f| f.rule)
        .collect()
}

#[test]
fn fixtures_are_current() {
    let update = std::env::var_os("UPDATE_FIXTURES").is_some();
    let mut expected = vec![(
        root("tests/fixtures/base.ron"),
        file::plan_to_string(&base_plan()),
    )];
    for &rule in Rule::ALL {
        let mut plan = base_plan();
        mutate(rule, &mut plan);
        expected.push((fixture_path(rule), file::plan_to_string(&plan)));
    }
    for (path, text) in expected {
        if update {
            std::fs::write(&path, &text).unwrap();
        }
        let on_disk = std::fs::read_to_string(&path).unwrap_or_default();
        assert!(
            on_disk == text,
            "{} is stale: run UPDATE_FIXTURES=1 cargo test -p fundplan-core --test core rules",
            path.display()
        );
    }
}

#[test]
fn base_fixture_is_clean() {
    let plan = load(&root("tests/fixtures/base.ron"));
    let report = validate(&plan, &nm2017());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
}

#[test]
fn every_rule_fires_alone_on_its_fixture() {
    for &rule in Rule::ALL {
        let plan = load(&fixture_path(rule));
        let catalog = fixture_catalog(rule);
        let report = validate(&plan, &catalog);
        let rules = fired(&plan, &catalog);
        assert_eq!(
            rules,
            BTreeSet::from([rule]),
            "{}: {:#?}",
            rule.code(),
            report.findings
        );
        let hits: Vec<_> = report.findings.iter().filter(|f| f.rule == rule).collect();
        assert_eq!(hits.len(), 1, "{} fired {} times", rule.code(), hits.len());
        let f = hits[0];
        assert!(!f.message.zh.is_empty() && !f.message.en.is_empty());
        assert!(
            f.message
                .zh
                .chars()
                .any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)),
            "{}",
            f.message.zh
        );
        assert_ne!(f.message.zh, f.message.en);
        // Issue 22 item 13: a finding is a sentence, in 校验结果 and on its own.
        assert!(
            !f.message.en.starts_with(|c: char| c.is_lowercase()),
            "{}: {}",
            rule.code(),
            f.message.en
        );
    }
}

#[test]
fn no_rule_but_x01_fires_on_the_bundled_sample() {
    let plan = load(&sample_path());
    assert_eq!(plan.catalog, "nm-2017");
    assert_eq!(fired(&plan, &nm2017()), BTreeSet::from([Rule::X01]));
    // B03/B04 with limits the sample meets.
    let mut catalog = nm2017();
    catalog.industry_share_min = Share::new(Decimal::new(10, 2));
    catalog.management_share_max = Share::new(Decimal::new(50, 2));
    assert_eq!(fired(&plan, &catalog), BTreeSet::from([Rule::X01]));
    // X01 stays quiet without cross-category use.
    assert!(fired(&load(&root("tests/fixtures/base.ron")), &nm2017()).is_empty());
}

#[test]
fn messages_name_the_amounts_in_wan() {
    let plan = load(&fixture_path(Rule::S06));
    let report = validate(&plan, &nm2017());
    let f = &report.findings[0];
    assert_eq!(f.path, "sources[C08].integrated");
    assert_eq!(f.severity(), Severity::Error);
    assert!(
        f.message.zh.contains("15.00 万元")
            && f.message.zh.contains("10.00 万元")
            && f.message.zh.contains("5.00 万元"),
        "{}",
        f.message.zh
    );
    assert!(f.message.en.contains("15.00"), "{}", f.message.en);
}

#[test]
fn findings_are_sorted_by_severity_then_path() {
    let mut plan = load(&fixture_path(Rule::P06));
    plan.county.league = "包头市".into(); // H05 warning
    plan.county.code = "150125".into();
    plan.sources[3].integrated = yuan("200000"); // S06 error + B02 error
    let report = validate(&plan, &nm2017());
    let keys: Vec<_> = report
        .findings
        .iter()
        .map(|f| (f.severity(), f.path.clone()))
        .collect();
    let mut sorted = keys.clone();
    sorted.sort();
    assert_eq!(keys, sorted);
    assert_eq!(report.findings[0].severity(), Severity::Error);
}

#[test]
fn decimal_sums_balance_exactly() {
    // 499999.90 + 0.40 is 500000.30 exactly; in f64 it is not.
    assert_ne!(499_999.90_f64 + 0.40_f64, 500_000.30_f64);
    let mut plan = base_plan();
    source(&mut plan, "C01").allocated = yuan("500000.30");
    source(&mut plan, "C01").integrated = yuan("500000.30");
    let p = project_of(&mut plan, "C01");
    p.funding[0].amount = yuan("499999.90");
    let mut second = p.clone();
    second.id = "P98".into();
    second.funding = vec![funding("C01", "0.40")];
    plan.projects.push(second);
    let report = validate(&plan, &nm2017());
    assert!(report.findings.is_empty(), "{:?}", report.findings);
    assert_eq!(report.totals.arranged, report.totals.integrated);
}

#[test]
fn shares_compare_exactly_at_the_boundary() {
    // Industry gets 450 of 750 万元: exactly 60%.
    let mut plan = base_plan();
    plan.projects.iter_mut().for_each(|p| p.use_ = Use::Roads);
    source(&mut plan, "C01").allocated = yuan("4500000");
    source(&mut plan, "C01").integrated = yuan("4500000");
    let p = project_of(&mut plan, "C01");
    p.funding[0].amount = yuan("4500000");
    p.use_ = Use::Industry;
    let mut catalog = nm2017();
    catalog.industry_share_min = Share::new(Decimal::new(6, 1));
    assert!(!validate(&plan, &catalog).has(Rule::B03));
    catalog.industry_share_min = Share::new(Decimal::new(6_000_000_001, 10));
    assert!(validate(&plan, &catalog).has(Rule::B03));
    catalog.industry_share_min = None;
    catalog.management_share_max = Share::new(Decimal::new(4, 1));
    project_of(&mut plan, "C01").use_ = Use::Management;
    assert!(validate(&plan, &catalog).has(Rule::B04));
    catalog.management_share_max = Share::new(Decimal::new(6, 1));
    assert!(!validate(&plan, &catalog).has(Rule::B04));
}

#[test]
fn totals_add_up() {
    let plan = load(&sample_path());
    let t = validate(&plan, &nm2017()).totals;
    assert_eq!(t.arranged, t.integrated);
    assert_eq!(
        t.by_level.values().map(|s| s.integrated).sum::<Money>(),
        t.integrated
    );
    assert_eq!(
        t.by_category.values().map(|s| s.allocated).sum::<Money>(),
        t.allocated
    );
    assert_eq!(t.by_use.values().copied().sum::<Money>(), t.arranged);
    assert_eq!(t.matrix.values().copied().sum::<Money>(), t.arranged);
    assert!(t.not_integrated().is_positive());
    assert!(t.cross_category.is_positive() && t.cross_share.is_some());
}

#[test]
fn regional_banners_need_no_own_lines() {
    let mut plan = load(&fixture_path(Rule::S08));
    plan.county.kind = CountyKind::Regional;
    assert!(!validate(&plan, &nm2017()).has(Rule::S08));
}

#[test]
fn b05_fires_on_an_empty_plan_and_not_once_anything_is_integrated() {
    let mut plan = load(&fixture_path(Rule::B05));
    assert!(validate(&plan, &nm2017()).has(Rule::B05));
    source(&mut plan, "C01").allocated = yuan("1");
    source(&mut plan, "C01").integrated = yuan("1");
    let report = validate(&plan, &nm2017());
    assert!(!report.has(Rule::B05));
    assert!(report.has(Rule::B02), "the yuan is still to arrange");
    assert!(!validate(&load(&root("tests/fixtures/base.ron")), &nm2017()).has(Rule::B05));
}

/// A 2022 plan on nm-2021, drafted as a new plan is: every catalog line.
fn plan_2022() -> (Plan, Catalog) {
    let catalog = nm2021();
    let county = County {
        code: "150125".into(),
        name: "武川县".into(),
        league: "呼和浩特市".into(),
        kind: CountyKind::National,
    };
    (
        fundplan_core::blank::blank_plan(&catalog, county, 2022),
        catalog,
    )
}

#[test]
fn a_2022_plan_on_nm_2021_has_its_28_lines_and_no_catalog_findings() {
    let (plan, catalog) = plan_2022();
    let rules = fired(&plan, &catalog);
    assert!(
        !rules.contains(&Rule::H02) && !rules.contains(&Rule::H03),
        "{rules:?}"
    );
    let mut empty = plan.clone();
    empty.sources.clear();
    let report = validate(&empty, &catalog);
    let missing: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::S01)
        .map(|f| f.path.as_str())
        .collect();
    let central = missing
        .iter()
        .filter(|p| p.starts_with("sources[C"))
        .count();
    let region = missing
        .iter()
        .filter(|p| p.starts_with("sources[R"))
        .count();
    assert_eq!(
        (missing.len(), central, region),
        (28, 16, 12),
        "{missing:?}"
    );
    // The same plan judged by nm-2017 is out of its years and names another catalog.
    let old = fired(&plan, &nm2017());
    assert!(old.contains(&Rule::H02) && old.contains(&Rule::H03));
}

/// `plan_2022` with 100 万元 of C01 and 100 万元 of C02 integrated, each
/// paying for one project; `industry` of C01's goes to a 产业 project.
fn plan_2022_with_c01_industry(industry: &str) -> (Plan, Catalog) {
    let (mut base, catalog) = plan_2022();
    for line in ["C01", "C02"] {
        let s = source(&mut base, line);
        s.allocated = yuan("1000000");
        s.integrated = yuan("1000000");
    }
    let template = base_plan().projects[0].clone();
    let rest = (yuan("1000000") - yuan(industry)).to_file_string();
    let mk = |id: &str, use_, line: &str, amount: &str| Project {
        id: id.into(),
        use_,
        funding: vec![funding(line, amount)],
        ..template.clone()
    };
    base.projects = vec![
        mk("P01", Use::Industry, "C01", industry),
        mk("P02", Use::Roads, "C01", &rest),
        mk("P03", Use::Farmland, "C02", "1000000"),
    ];
    (base, catalog)
}

#[test]
fn b03_on_nm_2021_counts_only_the_linking_funds() {
    // 55 of C01's 100 万元 to 产业: exactly the minimum, although 产业 is only
    // 27.5 % of all integrated funds.
    let (plan, catalog) = plan_2022_with_c01_industry("550000");
    assert!(!fired(&plan, &catalog).contains(&Rule::B03));
    let (plan, catalog) = plan_2022_with_c01_industry("549999.99");
    let report = validate(&plan, &catalog);
    let b03: Vec<_> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::B03)
        .collect();
    assert_eq!(b03.len(), 1);
    assert!(
        b03[0].message.zh.contains("C01、R01 纳入整合资金"),
        "{}",
        b03[0].message.zh
    );
    // In 2021 the 55 % rule did not exist yet.
    let (mut plan, catalog) = plan_2022_with_c01_industry("0");
    plan.year = 2021;
    assert!(!fired(&plan, &catalog).contains(&Rule::B03));
    plan.year = 2023;
    assert!(fired(&plan, &catalog).contains(&Rule::B03));
}

#[test]
fn s09_only_judges_integrated_money_and_levels_the_catalog_names() {
    let (mut plan, catalog) = plan_2022_with_c01_industry("550000");
    plan.county.kind = CountyKind::Regional;
    let report = validate(&plan, &catalog);
    let s09: Vec<&str> = report
        .findings
        .iter()
        .filter(|f| f.rule == Rule::S09)
        .map(|f| f.path.as_str())
        .collect();
    assert_eq!(s09, ["sources[C01].integrated", "sources[C02].integrated"]);
    // Allocated but not integrated is what a 区贫 banner should do with central money.
    source(&mut plan, "C01").integrated = Money::ZERO;
    source(&mut plan, "C02").integrated = Money::ZERO;
    assert!(!fired(&plan, &catalog).contains(&Rule::S09));
    // A catalog without levels_by_kind lets every kind integrate every level.
    let (mut plan, mut catalog) = plan_2022_with_c01_industry("550000");
    plan.county.kind = CountyKind::Regional;
    catalog.levels_by_kind.clear();
    assert!(!fired(&plan, &catalog).contains(&Rule::S09));
}

#[test]
fn the_sample_switched_to_nm_2021_has_no_catalog_findings_and_keeps_its_money() {
    use fundplan_core::switch::{self, Decisions, Fate};
    let mut plan = load(&sample_path());
    plan.year = 2021;
    let catalog = nm2021();
    let proposal = switch::propose(&plan, &catalog);
    let recoded: Vec<(&str, &Fate)> = proposal
        .rows
        .iter()
        .filter(|r| matches!(r.fate, Fate::Recoded(_)))
        .map(|r| (r.line.as_str(), &r.fate))
        .collect();
    assert_eq!(
        recoded,
        [
            ("C16", &Fate::Recoded("C15".into())),
            ("C17", &Fate::Recoded("C16".into()))
        ]
    );
    // Six rows go to the line that names them in `formerly` (C05 and C07
    // both to 农田建设补助资金); only the empty C15 has no successor.
    let heirs = proposal
        .rows
        .iter()
        .filter(|r| matches!(r.fate, Fate::Successor(_)))
        .count();
    assert_eq!(heirs, 6);
    assert_eq!(proposal.unmatched().count(), 1);
    assert_eq!(
        proposal
            .rows
            .iter()
            .filter(|r| r.fate == Fate::Kept)
            .count(),
        29 - 2 - 7
    );
    let switched = switch::apply(&plan, &proposal, &Decisions::new()).unwrap();
    let rules = fired(&switched, &catalog);
    for rule in [Rule::S01, Rule::S03, Rule::S04, Rule::H02, Rule::H03] {
        assert!(!rules.contains(&rule), "{rule:?} in {rules:?}");
    }
    // Before the switch, nm-2021 finds the old names and C17, which it lacks.
    let before = fired(&plan, &catalog);
    assert!(
        before.contains(&Rule::S03) && before.contains(&Rule::S04) && before.contains(&Rule::H02)
    );
    let allocated = |p: &Plan| p.sources.iter().map(|s| s.allocated).sum::<Money>();
    assert_eq!(allocated(&switched), allocated(&plan));
    assert_eq!(switched.integrated_total(), plan.integrated_total());
    let arranged = |p: &Plan| {
        p.projects
            .iter()
            .map(Project::integrated_total)
            .collect::<Vec<_>>()
    };
    assert_eq!(arranged(&switched), arranged(&plan));
    // What remains is what the sample had on nm-2017: its cross-category use.
    assert_eq!(rules, BTreeSet::from([Rule::X01]));
}
