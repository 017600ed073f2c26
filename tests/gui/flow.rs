//! The flow diagram below the 整合矩阵, driven headless through egui_kittest:
//! every band is named `来源 → 使用方向 金额 单位`, and the named amounts add up
//! to the plan's integrated total in both groupings and both languages.

use crate::common;

use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use fundplan::Money;
use fundplan::gui::{Action, FundplanApp, Screen};
use fundplan::money::Unit;

fn matrix() -> Harness<'static, FundplanApp> {
    let mut h = common::app();
    h.state_mut().push(Action::Go(Screen::Matrix));
    h.run();
    assert_eq!(h.state().screen(), Screen::Matrix);
    h
}

/// The amounts named by every band (`… → … 1,234.56 万元 …`), and how many
/// bands there are.
fn band_amounts(h: &Harness<'_, FundplanApp>, unit_label: &str) -> (Money, usize) {
    let mut sum = Money::ZERO;
    let mut n = 0;
    for node in h.query_all_by_label_contains(" → ") {
        let label = node.accesskit_node().label().unwrap_or_default();
        // Names may hold spaces (`Rural roads`): the amount is the word
        // right before the unit.
        let (before_unit, _) = label
            .split_once(&format!(" {unit_label}"))
            .unwrap_or_else(|| panic!("no unit in {label:?}"));
        let amount = before_unit.rsplit(' ').next().unwrap_or_default();
        sum += Money::parse_in(amount, Unit::Wan)
            .unwrap_or_else(|e| panic!("{label:?}: {amount:?} is not an amount: {e}"));
        n += 1;
    }
    (sum, n)
}

#[test]
fn flow_bands_are_named_and_add_up_to_the_integrated_total() {
    let mut h = matrix();
    let integrated = h.state().doc().plan().integrated_total();
    assert_eq!(integrated, h.state().doc().report().totals.arranged);

    assert!(h.get_all_by_label_contains("→ 产业发展").count() >= 1);
    h.get_by_label_contains("扶贫 → 产业发展");
    let (sum, n) = band_amounts(&h, "万元");
    assert!(n >= 5, "only {n} bands");
    assert_eq!(sum, integrated, "by category");
    let cross = h
        .query_all_by_label_contains(" → ")
        .filter(|n| {
            n.accesskit_node()
                .label()
                .is_some_and(|l| l.ends_with("跨类别使用"))
        })
        .count();
    assert!(cross >= 1, "no cross-category band");

    h.get_by_label("按资金级次").click();
    h.run();
    assert!(h.get_all_by_label_contains("中央 → ").count() >= 1);
    assert!(h.query_by_label_contains("扶贫 → ").is_none());
    let (sum, _) = band_amounts(&h, "万元");
    assert_eq!(sum, integrated, "by level");

    h.get_by_role_and_label(Role::Button, "English").click();
    h.run();
    assert!(h.get_all_by_label_contains("Central → Industry").count() >= 1);
    let (sum, _) = band_amounts(&h, "10k yuan");
    assert_eq!(sum, integrated, "by level, in English");

    h.get_by_label("By category").click();
    h.run();
    assert!(h.get_all_by_label_contains("Poverty → Industry").count() >= 1);
    let (sum, _) = band_amounts(&h, "10k yuan");
    assert_eq!(sum, integrated, "by category, in English");
}

#[test]
fn flow_bars_name_every_use() {
    let h = matrix();
    let totals = &h.state().doc().report().totals;
    for (u, m) in &totals.by_use {
        let name = format!(
            "{} {} 万元",
            u.label(fundplan::Lang::Zh),
            m.display(Unit::Wan, 2)
        );
        assert!(
            h.query_all_by_label(&name).count() >= 1,
            "no bar or node named {name:?}"
        );
    }
}

#[test]
fn at_1280x800_the_matrix_with_all_13_uses_and_its_total_column_fit_the_window() {
    let h = matrix();
    let totals = &h.state().doc().report().totals;
    assert_eq!(totals.by_use.len(), 13, "the sample uses all 13 uses");
    let width = 1280.0;
    let names = fundplan::plan::Use::ALL
        .iter()
        .map(|u| u.label(fundplan::Lang::Zh).to_string())
        .chain(["合计".to_string(), totals.arranged.display(Unit::Wan, 2)]);
    for name in names {
        let nodes: Vec<_> = h.query_all_by_label(&name).collect();
        assert!(!nodes.is_empty(), "no {name:?} in the matrix");
        for n in nodes {
            let r = n.rect();
            assert!(
                r.max.x <= width,
                "{name:?} ends at {:.0}, past the window",
                r.max.x
            );
        }
    }
}

#[test]
fn the_flow_diagram_fits_the_window_width_of_1280_and_1024() {
    // Tall enough that the diagram below the matrix is drawn: the width is what counts.
    for size in [[1280.0, 2400.0], [1024.0, 2400.0]] {
        let mut h = common::app_sized(size);
        h.state_mut().push(Action::Go(Screen::Matrix));
        h.run();
        let mut drawn = 0;
        let bands: Vec<_> = h.query_all_by_label_contains(" → ").collect();
        assert!(!bands.is_empty(), "{size:?}: no bands");
        for b in bands {
            let Some(r) = b.accesskit_node().bounding_box() else {
                continue; // not drawn: scrolled out of view
            };
            drawn += 1;
            assert!(
                r.x1 <= f64::from(size[0]),
                "{size:?}: band {:?} ends at {:.0}, past the window",
                b.accesskit_node().label(),
                r.x1
            );
        }
        assert!(drawn > 5, "{size:?}: only {drawn} bands on screen");
    }
}
