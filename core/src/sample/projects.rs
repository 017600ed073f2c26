//! Synthetic projects: the lines' money cut into projects the way county plans
//! spend it (industry first), named, located and sized to match the money.

use std::collections::BTreeMap;

use super::names::{Banner, VILLAGES, unit_for};
use super::templates::{Template, county_wide, templates, typical_wan};
use super::{Rng, SampleOptions};
use crate::catalog::Catalog;
use crate::enums::Use;
use crate::money::Money;
use crate::plan::{Funding, Project, Source};

/// A piece of one line's money: (source index, units of 100 yuan).
type Piece = (usize, u64);

/// How money of a category with several home uses splits among them.
fn home_weight(use_: Use) -> u64 {
    match use_ {
        Use::Industry | Use::Housing | Use::Ecology => 100,
        Use::Roads => 40,
        Use::Farmland => 30,
        Use::DrinkingWater | Use::Environment => 20,
        Use::Training => 5,
        _ => 10,
    }
}

/// Shares (‰) of general-purpose money (lines whose category has no home
/// uses, e.g. 专项扶贫资金) for the uses only it pays; industry gets the rest.
/// Management stays near 0.5% of the whole plan.
const GENERAL: &[(Use, u64)] = &[
    (Use::Management, 10),
    (Use::Finance, 20),
    (Use::Employment, 29),
    (Use::Relocation, 34),
    (Use::Other, 19),
    (Use::Training, 8),
];

fn shuffle<T>(items: &mut [T], rng: &mut Rng) {
    for i in (1..items.len()).rev() {
        items.swap(i, rng.below(i + 1));
    }
}

/// Takes `amount` from the end of `ribbon` (pieces in reverse order).
fn take(ribbon: &mut Vec<Piece>, mut amount: u64) -> Vec<Piece> {
    let mut out = Vec::new();
    while amount > 0 {
        let Some(last) = ribbon.last_mut() else { break };
        let part = last.1.min(amount);
        out.push((last.0, part));
        last.1 -= part;
        amount -= part;
        if last.1 == 0 {
            ribbon.pop();
        }
    }
    out
}

/// Every line's money as pieces per use (indexed by `Use as usize`).
#[expect(
    clippy::indexing_slicing,
    reason = "one pool per use, indexed by the use's discriminant, which numbers Use::ALL"
)]
fn pools(catalog: &Catalog, sources: &[Source], budgets: &[u64], rng: &mut Rng) -> Vec<Vec<Piece>> {
    let mut pools: Vec<Vec<Piece>> = vec![Vec::new(); Use::ALL.len()];
    let mut general: Vec<Piece> = Vec::new();
    for (i, (s, &b)) in sources.iter().zip(budgets).enumerate() {
        match catalog.home_uses.get(&s.category) {
            Some(uses) if b > 0 && !uses.is_empty() => {
                // 大类间打通，跨类别使用: about one line in three lends a part to
                // industry outside its category (the X01 info).
                let mut b = b;
                if !uses.contains(&Use::Industry) && rng.below(3) == 0 {
                    let lent = b * rng.range(15, 35) / 100;
                    pools[Use::Industry as usize].push((i, lent));
                    b -= lent;
                }
                let whole: u64 = uses.iter().map(|u| home_weight(*u)).sum();
                let mut left = b;
                for (k, u) in uses.iter().enumerate() {
                    let part = if k + 1 == uses.len() {
                        left
                    } else {
                        b * home_weight(*u) / whole
                    };
                    left -= part;
                    if part > 0 {
                        pools[*u as usize].push((i, part));
                    }
                }
            }
            _ if b > 0 => general.push((i, b)),
            _ => {}
        }
    }
    shuffle(&mut general, rng);
    let whole: u64 = general.iter().map(|p| p.1).sum();
    for (u, permille) in GENERAL {
        let part = take(&mut general, whole * permille / 1000);
        pools[*u as usize].extend(part);
    }
    pools[Use::Industry as usize].extend(general);
    for pool in &mut pools {
        shuffle(pool, rng);
    }
    pools
}

/// How many projects each use gets: one for every use with money (as far as
/// `n` goes; the money of uses left out joins the largest), the rest by how
/// many typical projects its money makes.
#[expect(
    clippy::indexing_slicing,
    reason = "uses index `pools`/`out`/`Use::ALL` (all one per use), `k` indexes \
              `active`, `demand` and `seats` (all as long as `active`)"
)]
fn counts(pools: &mut [Vec<Piece>], n: usize) -> Vec<usize> {
    let size = |p: &Vec<Piece>| p.iter().map(|x| x.1).sum::<u64>();
    let mut active: Vec<usize> = (0..pools.len()).filter(|&u| size(&pools[u]) > 0).collect();
    active.sort_by_key(|&u| (u64::MAX - size(&pools[u]), u));
    let mut out = vec![0; pools.len()];
    let Some(&largest) = active.first() else {
        return out;
    };
    for &u in active.iter().skip(n) {
        let moved = std::mem::take(&mut pools[u]);
        pools[largest].extend(moved);
    }
    active.truncate(n);
    // Seats by highest averages (Sainte-Laguë): one each, then each further
    // project to the use with the most money per project it would have.
    let demand: Vec<u128> = active
        .iter()
        .map(|&u| u128::from(size(&pools[u])) * 100 / u128::from(typical_wan(Use::ALL[u]) * 100))
        .collect();
    let mut seats = vec![1u128; active.len()];
    for _ in active.len()..n {
        let mut best = 0;
        for k in 1..active.len() {
            if demand[k] * (2 * seats[best] + 1) > demand[best] * (2 * seats[k] + 1) {
                best = k;
            }
        }
        seats[best] += 1;
    }
    for (k, &u) in active.iter().enumerate() {
        out[u] = seats[k] as usize;
    }
    // A use cannot make more projects than it has units of money.
    for &u in &active {
        let cap = usize::try_from(size(&pools[u])).unwrap_or(usize::MAX);
        if out[u] > cap {
            let excess = out[u] - cap;
            out[u] = cap;
            out[largest] += excess;
        }
    }
    out
}

/// Cuts the pieces, laid end to end, into `n` projects of varied size, each
/// a list of pieces. Cuts fall on whole 万元 and, when one is near, on the end
/// of a line, so few projects get a sliver of a line. Needs `n` ≤ total.
fn cut(pieces: &[Piece], n: usize, rng: &mut Rng) -> Vec<Vec<Piece>> {
    let total: u64 = pieces.iter().map(|p| p.1).sum();
    let n = n.min(usize::try_from(total).unwrap_or(usize::MAX));
    if n == 0 {
        return Vec::new();
    }
    let weights: Vec<u64> = (0..n).map(|_| rng.range(55, 145)).collect();
    let wsum: u64 = weights.iter().sum();
    let avg = total / n as u64;
    let ends: Vec<u64> = pieces
        .iter()
        .scan(0, |acc, p| {
            *acc += p.1;
            Some(*acc)
        })
        .collect();
    let mut cuts = vec![0u64];
    let mut acc = 0u64;
    for (k, w) in weights.iter().enumerate().take(n - 1) {
        acc += w;
        let mut c = (u128::from(total) * u128::from(acc) / u128::from(wsum)) as u64;
        if avg >= 1000 {
            c = (c + 50) / 100 * 100;
        }
        let at = ends.partition_point(|&e| e < c);
        let near = [at.checked_sub(1), Some(at)]
            .into_iter()
            .flatten()
            .filter_map(|j| ends.get(j).copied())
            .filter(|&e| e > 0 && e < total)
            .min_by_key(|&e| e.abs_diff(c));
        if let Some(e) = near
            && e.abs_diff(c) <= avg / 4
        {
            c = e;
        }
        let prev = cuts.last().copied().unwrap_or(0);
        cuts.push(c.clamp(prev + 1, total - (n - 1 - k) as u64));
    }
    cuts.push(total);
    let mut out = Vec::with_capacity(n);
    let (mut j, mut start) = (0, 0u64);
    for w in cuts.windows(2) {
        let &[a, b] = w else { continue };
        let mut project = Vec::new();
        while let Some(&(line, len)) = pieces.get(j)
            && start < b
        {
            let lo = a.max(start);
            let hi = b.min(start + len);
            if hi > lo {
                project.push((line, hi - lo));
            }
            if start + len <= b {
                start += len;
                j += 1;
            } else {
                break;
            }
        }
        out.push(project);
    }
    out
}

pub(super) fn generate(
    catalog: &Catalog,
    sources: &[Source],
    budgets: &[u64],
    banner: &Banner,
    opts: SampleOptions,
    rng: &mut Rng,
) -> Vec<Project> {
    let mut pools = pools(catalog, sources, budgets, rng);
    let counts = counts(&mut pools, opts.projects);
    let width = opts.projects.to_string().len().max(3);
    let mut projects = Vec::with_capacity(opts.projects);
    // Projects grouped by use, in the order of the use list, as 表2 lists them.
    // `counts` and `pools` have one entry per use, in `Use::ALL`'s order.
    for ((&count, use_), pool) in counts.iter().zip(Use::ALL.iter().copied()).zip(&pools) {
        if count == 0 {
            continue;
        }
        // Kinds in turn from a random start, so a use's projects vary.
        let kinds = templates(use_);
        let first = rng.below(kinds.len());
        for (k, pieces) in cut(pool, count, rng).into_iter().enumerate() {
            let turn = (first + k).checked_rem(kinds.len());
            let Some(template) = turn.and_then(|t| kinds.get(t)) else {
                continue; // no kinds: not a use the sample funds
            };
            let kind = Kind {
                use_,
                template,
                again: k >= kinds.len(),
            };
            let mut by_line: BTreeMap<usize, u64> = BTreeMap::new();
            for (line, units) in pieces {
                *by_line.entry(line).or_default() += units;
            }
            let id = format!("P{:0width$}", projects.len() + 1);
            projects.push(project(id, &kind, &by_line, sources, banner, opts, rng));
        }
    }
    projects
}

/// What a project is: its use, its kind, and whether a project of the same
/// kind came before it.
struct Kind<'a> {
    use_: Use,
    template: &'a Template,
    again: bool,
}

/// One project of `kind` paid by `by_line` (source index → units of 100 yuan).
fn project(
    id: String,
    kind: &Kind<'_>,
    by_line: &BTreeMap<usize, u64>,
    sources: &[Source],
    banner: &Banner,
    opts: SampleOptions,
    rng: &mut Rng,
) -> Project {
    // Entries in source order, as 表2's columns list them (so an exported and
    // re-imported plan is the same).
    // `by_line`'s keys are indices into `sources` (the pieces' lines).
    let funding: Vec<Funding> = by_line
        .iter()
        .filter_map(|(&i, &units)| {
            Some(Funding {
                line: sources.get(i)?.line.clone(),
                amount: Money::from_yuan(units as i64 * 100),
            })
        })
        .collect();
    let yuan: u64 = by_line.values().sum::<u64>() * 100;
    let (use_, template) = (kind.use_, kind.template);
    let qty = (yuan / template.unit_cost).max(1);
    let (name, township, village) = if county_wide(use_) && !kind.again {
        (
            format!("{}{}年{}", banner.name, opts.year, template.name),
            "全县".to_string(),
            String::new(),
        )
    } else if county_wide(use_) {
        // A second one of a county-wide kind is one township's.
        let township = rng.pick(banner.townships);
        (
            format!("{township}{}年{}", opts.year, template.name),
            township.to_string(),
            String::new(),
        )
    } else {
        let township = rng.pick(banner.townships);
        let village = rng.pick(VILLAGES);
        (
            format!("{township}{village}{}", template.name),
            township.to_string(),
            village.to_string(),
        )
    };
    let households = match use_ {
        Use::Housing | Use::Finance => qty,
        _ => (yuan / 10_000 * rng.range(15, 45) / 100).max(6),
    }
    .min(50_000) as u32;
    let people = households * rng.range(22, 31) as u32 / 10;
    let start = rng.range(3, 6);
    let other = if use_ == Use::Industry && rng.below(4) == 0 {
        yuan * rng.range(10, 40) / 100 / 10_000 * 10_000
    } else {
        0
    };
    Project {
        id,
        name,
        use_,
        township,
        village,
        unit: format!("{}{}", banner.name, unit_for(use_)),
        content: template.content.replace("{n}", &qty.to_string()),
        period: format!(
            "{y}-{start:02}/{y}-{:02}",
            start + rng.range(3, 6),
            y = opts.year
        ),
        households,
        people,
        targets: format!(
            "产出：按期完工率100%，验收合格率100%；效益：带动{households}户脱贫户年均增收{}元以上；满意度：受益群众满意度不低于90%",
            rng.range(5, 30) * 100
        ),
        funding,
        other_funds: Money::from_yuan(other as i64),
    }
}
