//! The pixel geometry of the flow diagram: node and band positions, band
//! curves and their shapes.

use super::*;

/// One node of a column, in pixels from the diagram's top.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NodeGeom<K> {
    /// What the node stands for.
    pub key: K,
    /// Sum of the bands drawn into or out of it.
    pub amount: Money,
    /// Top edge.
    pub top: f32,
    /// Height, proportional to `amount`.
    pub height: f32,
}

/// Where one band leaves its left node and enters its right node.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BandGeom {
    /// Index of the band in the slice given to [`layout`].
    pub band: usize,
    /// Top edge at the left node.
    pub left_top: f32,
    /// Top edge at the right node.
    pub right_top: f32,
    /// Width of the band, proportional to its amount.
    pub thickness: f32,
}

/// The vertical geometry of the diagram.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Geometry {
    /// Left nodes, in origin order.
    pub left: Vec<NodeGeom<Origin>>,
    /// Right nodes, in use order.
    pub right: Vec<NodeGeom<Use>>,
    /// The drawn (positive) bands.
    pub bands: Vec<BandGeom>,
}

/// Pixels for an amount. Money is exact decimal everywhere else; converting to
/// `f32` here is only for pixel geometry, never for sums that are shown.
pub(super) fn px(m: Money) -> f32 {
    m.yuan().to_f32().unwrap_or(0.0)
}

/// Lays out the positive `bands` in a diagram `height` pixels tall, with at
/// least `gap` pixels between the nodes of a column. Both columns share one
/// scale (pixels per yuan); the column with fewer nodes spreads them over the
/// full height. Within a node the bands are stacked in the order of the nodes
/// at their other end, so they cross as little as possible.
pub fn layout(bands: &[Band], height: f32, gap: f32) -> Geometry {
    let mut left: BTreeMap<Origin, Money> = BTreeMap::new();
    let mut right: BTreeMap<Use, Money> = BTreeMap::new();
    for b in bands.iter().filter(|b| b.amount.is_positive()) {
        *left.entry(b.from).or_insert(Money::ZERO) += b.amount;
        *right.entry(b.to).or_insert(Money::ZERO) += b.amount;
    }
    let total: Money = left.values().sum();
    if !total.is_positive() {
        return Geometry::default();
    }
    let most = left.len().max(right.len());
    let room = (height - gap * (most.saturating_sub(1)) as f32).max(1.0);
    let scale = room / px(total).max(f32::MIN_POSITIVE);
    fn column<K: Copy>(sums: &BTreeMap<K, Money>, height: f32, scale: f32) -> Vec<NodeGeom<K>> {
        let heights: Vec<f32> = sums.values().map(|m| px(*m) * scale).collect();
        let spare = (height - heights.iter().sum::<f32>()).max(0.0);
        let (mut y, step) = match sums.len() {
            0 | 1 => (spare / 2.0, 0.0),
            n => (0.0, spare / (n - 1) as f32),
        };
        sums.iter()
            .zip(heights)
            .map(|((k, m), h)| {
                let node = NodeGeom {
                    key: *k,
                    amount: *m,
                    top: y,
                    height: h,
                };
                y += h + step;
                node
            })
            .collect()
    }
    let left = column(&left, height, scale);
    let right = column(&right, height, scale);
    // Each positive band with its geometry, stacked through sorted references
    // so no index is needed.
    let mut placed: Vec<(&Band, BandGeom)> = bands
        .iter()
        .enumerate()
        .filter(|(_, b)| b.amount.is_positive())
        .map(|(i, b)| {
            let geom = BandGeom {
                band: i,
                left_top: 0.0,
                right_top: 0.0,
                thickness: px(b.amount) * scale,
            };
            (b, geom)
        })
        .collect();
    // Left ends: stacked by (origin, use, cross), the order of `bands`.
    let mut order: Vec<&mut (&Band, BandGeom)> = placed.iter_mut().collect();
    order.sort_by_key(|(b, _)| (b.from, b.to, b.cross));
    let mut cursor: BTreeMap<Origin, f32> = left.iter().map(|n| (n.key, n.top)).collect();
    for (b, g) in order {
        let y = cursor.entry(b.from).or_insert(0.0);
        g.left_top = *y;
        *y += g.thickness;
    }
    // Right ends: stacked by (use, origin, cross).
    let mut order: Vec<&mut (&Band, BandGeom)> = placed.iter_mut().collect();
    order.sort_by_key(|(b, _)| (b.to, b.from, b.cross));
    let mut cursor: BTreeMap<Use, f32> = right.iter().map(|n| (n.key, n.top)).collect();
    for (b, g) in order {
        let y = cursor.entry(b.to).or_insert(0.0);
        g.right_top = *y;
        *y += g.thickness;
    }
    let geoms = placed.into_iter().map(|(_, g)| g).collect();
    Geometry {
        left,
        right,
        bands: geoms,
    }
}

/// Points of a band's top edge from `(x0, y0)` to `(x1, y1)`: a cubic Bézier
/// with both control points at the horizontal middle, so the band leaves and
/// enters its nodes horizontally. The bottom edge is the same curve moved down
/// by the thickness, so every cross-section is vertical.
pub(super) fn top_edge(x0: f32, y0: f32, x1: f32, y1: f32, steps: usize) -> Vec<Pos2> {
    let xm = (x0 + x1) / 2.0;
    (0..=steps)
        .map(|i| {
            let t = i as f32 / steps as f32;
            let s = 1.0 - t;
            let (a, b, c, d) = (s * s * s, 3.0 * s * s * t, 3.0 * s * t * t, t * t * t);
            pos2(a * x0 + (b + c) * xm + d * x1, (a + b) * y0 + (c + d) * y1)
        })
        .collect()
}

/// True when `p` lies on the band whose top edge is `edge`.
pub(super) fn band_contains(edge: &[Pos2], thickness: f32, p: Pos2) -> bool {
    edge.windows(2).any(|w| {
        let &[a, b] = w else {
            return false;
        };
        if p.x < a.x || p.x > b.x || b.x <= a.x {
            return false;
        }
        let y = a.y + (b.y - a.y) * (p.x - a.x) / (b.x - a.x);
        // At least 3 px tall to the pointer, so hair-thin bands can be hovered.
        let pad = ((3.0 - thickness) / 2.0).max(0.0);
        p.y >= y - pad && p.y <= y + thickness + pad
    })
}

/// The band as a filled triangle strip between its edges, with antialiased
/// outlines along the curves.
pub(super) fn band_shapes(
    edge: &[Pos2],
    thickness: f32,
    fill: Color32,
    outline: Stroke,
) -> Vec<Shape> {
    let mut mesh = Mesh::default();
    let down = vec2(0.0, thickness.max(1.0));
    for p in edge {
        mesh.colored_vertex(*p, fill);
        mesh.colored_vertex(*p + down, fill);
    }
    for i in 0..edge.len().saturating_sub(1) as u32 {
        let (t0, b0, t1, b1) = (2 * i, 2 * i + 1, 2 * i + 2, 2 * i + 3);
        mesh.add_triangle(t0, b0, t1);
        mesh.add_triangle(b0, b1, t1);
    }
    let bottom: Vec<Pos2> = edge.iter().map(|p| *p + down).collect();
    vec![
        Shape::mesh(mesh),
        Shape::line(edge.to_vec(), outline),
        Shape::line(bottom, outline),
    ]
}
