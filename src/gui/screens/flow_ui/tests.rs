//! The flow diagram's amounts and layout.

use super::*;
use crate::catalog::default_catalog;
use crate::document::bundled_sample;
use crate::plan::Funding;
use crate::validate::validate;

fn sum(bands: &[Band], cross_only: bool) -> Money {
    bands
        .iter()
        .filter(|b| b.cross || !cross_only)
        .map(|b| b.amount)
        .sum()
}

#[test]
fn flow_bands_add_up_to_the_integrated_total_in_both_modes() {
    let plan = bundled_sample();
    let catalog = default_catalog();
    let totals = validate(&plan, &catalog).totals;
    assert_eq!(
        totals.arranged,
        plan.integrated_total(),
        "sample is fully arranged"
    );
    assert!(totals.cross_category.is_positive());
    for by in [Left::Category, Left::Level] {
        let bands = bands(&plan, &totals, &catalog, by);
        assert!(!bands.is_empty());
        assert_eq!(sum(&bands, false), plan.integrated_total(), "{by:?}");
        assert_eq!(sum(&bands, true), totals.cross_category, "{by:?}");
        assert!(bands.iter().all(|b| matches!(
            (by, b.from),
            (Left::Category, Origin::Category(_)) | (Left::Level, Origin::Level(_))
        )));
    }
    // Category bands are the matrix cells; level bands add up per level.
    let by_cat = bands(&plan, &totals, &catalog, Left::Category);
    for b in &by_cat {
        let Origin::Category(c) = b.from else {
            unreachable!()
        };
        assert_eq!(totals.matrix[&(c, b.to)], b.amount);
        assert_eq!(b.cross, catalog.is_cross_category(c, b.to));
    }
    let by_level = bands(&plan, &totals, &catalog, Left::Level);
    for (level, sums) in &totals.by_level {
        let per: Money = by_level
            .iter()
            .filter(|b| b.from == Origin::Level(*level))
            .map(|b| b.amount)
            .sum();
        assert_eq!(per, sums.arranged, "{level:?}");
    }
}

#[test]
fn flow_skips_funding_from_lines_without_a_row() {
    let mut plan = bundled_sample();
    let catalog = default_catalog();
    plan.projects[0].funding.push(Funding {
        line: "X99".into(),
        amount: Money::from_yuan(123),
    });
    let totals = validate(&plan, &catalog).totals;
    for by in [Left::Category, Left::Level] {
        let bands = bands(&plan, &totals, &catalog, by);
        assert_eq!(sum(&bands, false) + Money::from_yuan(123), totals.arranged);
    }
}

#[test]
fn flow_layout_stacks_bands_inside_proportional_nodes() {
    let plan = bundled_sample();
    let catalog = default_catalog();
    let totals = validate(&plan, &catalog).totals;
    for by in [Left::Category, Left::Level] {
        let bands = bands(&plan, &totals, &catalog, by);
        let (height, gap) = (400.0, 20.0);
        let geo = layout(&bands, height, gap);
        assert_eq!(geo.bands.len(), bands.len());
        let close = |a: f32, b: f32| (a - b).abs() < 0.01;
        for col in [
            geo.left
                .iter()
                .map(|n| (n.top, n.height))
                .collect::<Vec<_>>(),
            geo.right.iter().map(|n| (n.top, n.height)).collect(),
        ] {
            assert!(col[0].0 >= -0.01);
            let (top, h) = col[col.len() - 1];
            assert!(top + h <= height + 0.01);
            for w in col.windows(2) {
                assert!(w[1].0 - (w[0].0 + w[0].1) >= gap - 0.01, "{w:?}");
            }
        }
        for n in &geo.left {
            let inside: Vec<&BandGeom> = geo
                .bands
                .iter()
                .filter(|g| bands[g.band].from == n.key)
                .collect();
            assert!(close(inside.iter().map(|g| g.thickness).sum(), n.height));
            assert!(inside.iter().all(|g| g.left_top >= n.top - 0.01
                && g.left_top + g.thickness <= n.top + n.height + 0.01));
        }
        for n in &geo.right {
            let inside: Vec<&BandGeom> = geo
                .bands
                .iter()
                .filter(|g| bands[g.band].to == n.key)
                .collect();
            assert!(close(inside.iter().map(|g| g.thickness).sum(), n.height));
            assert!(inside.iter().all(|g| g.right_top >= n.top - 0.01
                && g.right_top + g.thickness <= n.top + n.height + 0.01));
        }
    }
    assert_eq!(layout(&[], 400.0, 20.0), Geometry::default());
}

#[test]
fn flow_exact_amounts_keep_every_fen() {
    assert_eq!(
        exact(Money::from_fen(12_345_678_901), Unit::Wan),
        "12,345.678901"
    );
    assert_eq!(exact(Money::from_yuan(38_000_000), Unit::Wan), "3,800.00");
    assert_eq!(exact(Money::from_yuan(1_234_500), Unit::Wan), "123.45");
    assert_eq!(exact(Money::from_fen(12_345), Unit::Yuan), "123.45");
}

#[test]
fn flow_band_hit_test_follows_the_curve() {
    let edge = top_edge(0.0, 0.0, 100.0, 50.0, 40);
    assert!(band_contains(&edge, 10.0, pos2(0.5, 5.0)));
    assert!(band_contains(&edge, 10.0, pos2(99.5, 55.0)));
    assert!(!band_contains(&edge, 10.0, pos2(99.5, 5.0)));
    assert!(band_contains(&edge, 10.0, pos2(50.0, 30.0)));
    assert!(!band_contains(&edge, 10.0, pos2(50.0, 10.0)));
}
