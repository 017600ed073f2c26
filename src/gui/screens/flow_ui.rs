//! 资金流向: where the integrated money goes, below the 整合矩阵.
//!
//! A flow (Sankey) diagram from the source categories (or levels) on the left
//! to the project uses on the right, cross-category money (跨类别使用) in
//! violet, and a bar chart of the amount arranged to each use. The amounts come
//! from [`bands`] and the pixel layout from [`layout`], both free of egui so
//! they can be tested; only the `_ui` functions draw.

use std::collections::{BTreeMap, HashMap};

use egui::epaint::Mesh;
use egui::text::{LayoutJob, TextFormat};
use egui::{Color32, FontId, Galley, Id, Pos2, Rect, Sense, Shape, Stroke, Ui, pos2, vec2};
use rust_decimal::prelude::ToPrimitive;

use crate::Lang;
use crate::catalog::Catalog;
use crate::gui::app::Action;
use crate::gui::kit::theme;
use crate::gui::kit::widgets::View;
use crate::money::{Money, Unit, percent};
use crate::plan::{Category, Level, Use};
use crate::plan::{Plan, Source};
use crate::validate::Totals;

/// What the left column of the flow diagram groups the sources by.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Left {
    /// 按资金大类: one node per source category.
    #[default]
    Category,
    /// 按资金级次: one node per government level.
    Level,
}

/// A node of the left column: a source category or a level.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Origin {
    /// 资金大类.
    Category(Category),
    /// 资金级次.
    Level(Level),
}

impl Origin {
    /// The name officials use, in `lang`.
    pub fn label(self, lang: Lang) -> &'static str {
        match self {
            Origin::Category(c) => c.label(lang),
            Origin::Level(l) => l.label(lang),
        }
    }
}

/// Money flowing from one left node to one project use.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Band {
    /// The source category or level.
    pub from: Origin,
    /// The project use.
    pub to: Use,
    /// Exact amount arranged.
    pub amount: Money,
    /// True for 跨类别使用: the use is outside the home uses of the source's category.
    pub cross: bool,
}

/// The bands of the flow diagram, ordered by origin, then use, the part within
/// the category before the cross-category part.
///
/// **By category** the amounts are the 整合矩阵 cells (`totals.matrix`); a band
/// is cross-category when [`Catalog::is_cross_category`] says so for its cell.
///
/// **By level** [`Totals`] has no level × use sums, so they are summed here from
/// the plan's funding entries: each entry's line is looked up the way
/// [`Plan::source`] does (the first row with that code, through a map built once
/// instead of a search per entry), and entries whose line has no row are
/// skipped, as the matrix skips them. A level mixes categories, so one
/// (level, use) pair can be partly cross-category; it is split into two bands,
/// the part within the category and the cross-category part (judged by each
/// entry's source category, exactly as `totals.cross_category` is computed).
/// So violet means the same money in both modes, and the cross bands sum to
/// `totals.cross_category` in both.
///
/// Zero amounts give no band. Negative ones (a P03 error) are kept so the
/// amounts still add up to the matrix; the diagram leaves them out.
pub fn bands(plan: &Plan, totals: &Totals, catalog: &Catalog, by: Left) -> Vec<Band> {
    let sums: BTreeMap<(Origin, Use, bool), Money> = match by {
        Left::Category => totals
            .matrix
            .iter()
            .map(|(&(c, u), &m)| {
                let cross = catalog.is_cross_category(c, u);
                ((Origin::Category(c), u, cross), m)
            })
            .collect(),
        Left::Level => {
            let mut rows: HashMap<&str, &Source> = HashMap::with_capacity(plan.sources.len());
            for s in &plan.sources {
                rows.entry(s.line.as_str()).or_insert(s);
            }
            let mut sums = BTreeMap::new();
            for p in &plan.projects {
                for f in &p.funding {
                    let Some(s) = rows.get(f.line.as_str()) else {
                        continue;
                    };
                    let cross = catalog.is_cross_category(s.category, p.use_);
                    *sums
                        .entry((Origin::Level(s.level), p.use_, cross))
                        .or_insert(Money::ZERO) += f.amount;
                }
            }
            sums
        }
    };
    sums.into_iter()
        .filter(|(_, m)| !m.is_zero())
        .map(|((from, to, cross), amount)| Band {
            from,
            to,
            amount,
            cross,
        })
        .collect()
}

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
fn px(m: Money) -> f32 {
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
    let mut geoms: Vec<BandGeom> = bands
        .iter()
        .enumerate()
        .filter(|(_, b)| b.amount.is_positive())
        .map(|(i, b)| BandGeom {
            band: i,
            left_top: 0.0,
            right_top: 0.0,
            thickness: px(b.amount) * scale,
        })
        .collect();
    // Left ends: stacked by (origin, use, cross), the order of `bands`.
    let mut order: Vec<usize> = (0..geoms.len()).collect();
    order.sort_by_key(|&g| {
        let b = &bands[geoms[g].band];
        (b.from, b.to, b.cross)
    });
    let mut cursor: BTreeMap<Origin, f32> = left.iter().map(|n| (n.key, n.top)).collect();
    for &g in &order {
        let y = cursor.entry(bands[geoms[g].band].from).or_insert(0.0);
        geoms[g].left_top = *y;
        *y += geoms[g].thickness;
    }
    // Right ends: stacked by (use, origin, cross).
    order.sort_by_key(|&g| {
        let b = &bands[geoms[g].band];
        (b.to, b.from, b.cross)
    });
    let mut cursor: BTreeMap<Use, f32> = right.iter().map(|n| (n.key, n.top)).collect();
    for &g in &order {
        let y = cursor.entry(bands[geoms[g].band].to).or_insert(0.0);
        geoms[g].right_top = *y;
        *y += geoms[g].thickness;
    }
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
fn top_edge(x0: f32, y0: f32, x1: f32, y1: f32, steps: usize) -> Vec<Pos2> {
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
fn band_contains(edge: &[Pos2], thickness: f32, p: Pos2) -> bool {
    edge.windows(2).any(|w| {
        let (a, b) = (w[0], w[1]);
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
fn band_shapes(edge: &[Pos2], thickness: f32, fill: Color32, outline: Stroke) -> Vec<Shape> {
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

/// An amount in `unit` to the 分: 万元 with as many decimals as it needs (two
/// to six), 元 with two. Used where a reader or a test needs the exact figure.
fn exact(m: Money, unit: Unit) -> String {
    let mut s = m.display(unit, 6);
    if unit == Unit::Wan {
        while s.ends_with('0') && s.split_once('.').is_some_and(|(_, f)| f.len() > 2) {
            s.pop();
        }
    }
    s
}

/// A node label: the name, then the amount in the weak colour.
fn label_galley(ui: &Ui, name: &str, amount: &str, font: &FontId) -> std::sync::Arc<Galley> {
    let mut job = LayoutJob::default();
    job.append(
        name,
        0.0,
        TextFormat::simple(font.clone(), ui.visuals().text_color()),
    );
    job.append(
        amount,
        6.0,
        TextFormat::simple(font.clone(), ui.visuals().weak_text_color()),
    );
    ui.painter().layout_job(job)
}

/// A colour swatch and its meaning, for the legend.
fn swatch_ui(ui: &mut Ui, color: Color32, text: &str) {
    let (rect, _) = ui.allocate_exact_size(vec2(22.0, 12.0), Sense::hover());
    ui.painter().rect_filled(rect, 2.0, color);
    ui.label(text);
}

/// Draws the flow diagram (with its mode toggle and legend) and the bar chart
/// of amounts by use.
pub fn flow_ui(ui: &mut Ui, view: &View<'_>, _out: &mut Vec<Action>) {
    let totals = &view.doc.report().totals;
    let mode_id = Id::unique("fundplan-flow-left");
    let mut left = ui.data(|d| d.get_temp::<Left>(mode_id)).unwrap_or_default();
    let unit = view.lang.paren(&format!(
        "{}{}",
        view.t("单位：", "unit: "),
        view.unit.label(view.lang)
    ));
    ui.horizontal_wrapped(|ui| {
        ui.strong(view.t("资金流向", "Where the money goes"));
        ui.label(egui::RichText::new(&unit).weak());
        ui.add_space(12.0);
        let a = ui.selectable_value(
            &mut left,
            Left::Category,
            view.t("按资金大类", "By category"),
        );
        let b = ui.selectable_value(&mut left, Left::Level, view.t("按资金级次", "By level"));
        if a.changed() || b.changed() {
            ui.data_mut(|d| d.insert_temp(mode_id, left));
        }
        ui.add_space(16.0);
        swatch_ui(
            ui,
            theme::FLOW_BAND,
            view.t("同类别使用", "Within its category"),
        );
        ui.add_space(8.0);
        swatch_ui(
            ui,
            theme::FLOW_CROSS,
            view.t("跨类别使用", "Cross-category use"),
        );
    });
    ui.add_space(4.0);
    let all = bands(view.doc.plan(), totals, view.doc.catalog(), left);
    let drawn: Vec<Band> = all.into_iter().filter(|b| b.amount.is_positive()).collect();
    if drawn.is_empty() {
        ui.label(
            egui::RichText::new(view.t(
                "尚无安排到项目的资金。",
                "No money is arranged to projects yet.",
            ))
            .weak(),
        );
    } else {
        diagram_ui(ui, view, &drawn);
    }
    let left_out = totals.arranged - drawn.iter().map(|b| b.amount).sum::<Money>();
    if !left_out.is_zero() {
        let m = left_out.display(view.unit, 2);
        let u = view.unit.label(view.lang);
        ui.label(
            egui::RichText::new(match view.lang {
                Lang::Zh => format!("另有 {m} {u} 的资金来源行不存在或金额不为正，未画出。"),
                Lang::En => format!(
                    "{m} {u} not drawn: funding from lines with no source row, or not positive."
                ),
            })
            .color(theme::palette(ui).to_arrange),
        );
    }
    ui.add_space(12.0);
    bars_ui(ui, view, totals);
}

/// The Sankey diagram of `bands` (all positive), as wide as the panel.
fn diagram_ui(ui: &mut Ui, view: &View<'_>, bands: &[Band]) {
    let font = egui::TextStyle::Body.resolve(ui.style());
    let unit = view.unit.label(view.lang);
    let row = ui.text_style_height(&egui::TextStyle::Body);
    let gap = (row + 8.0).max(14.0);
    // Nodes first, only to know how many there are in the taller column.
    let probe = layout(bands, 100.0, 0.0);
    let most = probe.left.len().max(probe.right.len());
    let height = gap * most.saturating_sub(1) as f32 + 220.0;
    let geo = layout(bands, height, gap);
    let left_labels: Vec<_> = geo
        .left
        .iter()
        .map(|n| {
            label_galley(
                ui,
                n.key.label(view.lang),
                &n.amount.display(view.unit, 2),
                &font,
            )
        })
        .collect();
    let right_labels: Vec<_> = geo
        .right
        .iter()
        .map(|n| {
            label_galley(
                ui,
                n.key.label(view.lang),
                &n.amount.display(view.unit, 2),
                &font,
            )
        })
        .collect();
    let widest = |g: &[std::sync::Arc<Galley>]| g.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let (label_pad, node_w) = (6.0, 12.0);
    // Keep clear of the scroll bar floating over the right edge.
    let width = ui.available_width() - ui.spacing().scroll.bar_width - 6.0;
    // Half a row above and below, so the first and last labels are not cut.
    let (outer, _) = ui.allocate_exact_size(vec2(width, height + row), Sense::hover());
    let rect = outer.shrink2(vec2(0.0, row / 2.0));
    let x_left = rect.left() + widest(&left_labels) + label_pad;
    let x_left_end = x_left + node_w;
    let x_right_end = rect.right() - widest(&right_labels) - label_pad;
    let x_right = x_right_end - node_w;
    let painter = ui.painter_at(outer);

    // Bands: shapes, accessible names, and a hit test on the band's own shape.
    let edges: Vec<Vec<Pos2>> = geo
        .bands
        .iter()
        .map(|g| {
            top_edge(
                x_left_end,
                rect.top() + g.left_top,
                x_right,
                rect.top() + g.right_top,
                40,
            )
        })
        .collect();
    let pointer = ui
        .ctx()
        .pointer_hover_pos()
        .filter(|_| ui.rect_contains_pointer(outer));
    let mut hovered = None;
    let mut responses = Vec::with_capacity(geo.bands.len());
    for (g, edge) in geo.bands.iter().zip(&edges) {
        let b = &bands[g.band];
        let bbox = Rect::from_points(edge)
            .with_max_y(edge.iter().map(|p| p.y).fold(f32::MIN, f32::max) + g.thickness.max(1.0));
        let (from, to) = (b.from.label(view.lang), b.to.label(view.lang));
        let amount = exact(b.amount, view.unit);
        let cross = if b.cross {
            view.t(" 跨类别使用", " cross-category")
        } else {
            ""
        };
        let resp = ui
            .interact(
                bbox,
                Id::unique(("fundplan-flow-band", b.from, b.to, b.cross)),
                Sense::hover(),
            )
            .accessible_name(format!("{from} → {to} {amount} {unit}{cross}"));
        responses.push(resp);
        if let Some(p) = pointer
            && band_contains(edge, g.thickness, p)
        {
            hovered = Some(responses.len() - 1);
        }
    }
    let outline_of = |fill: Color32| Stroke::new(1.0, fill);
    for (i, (g, edge)) in geo.bands.iter().zip(&edges).enumerate() {
        if Some(i) == hovered {
            continue;
        }
        let fill = if bands[g.band].cross {
            theme::FLOW_CROSS
        } else {
            theme::FLOW_BAND
        };
        painter.extend(band_shapes(edge, g.thickness, fill, outline_of(fill)));
    }
    if let Some(i) = hovered {
        let (g, edge) = (&geo.bands[i], &edges[i]);
        let b = &bands[g.band];
        let fill = if b.cross {
            theme::FLOW_CROSS_HOVER
        } else {
            theme::FLOW_BAND_HOVER
        };
        let outline = Stroke::new(1.0, ui.visuals().strong_text_color());
        painter.extend(band_shapes(edge, g.thickness, fill, outline));
        let (from, to) = (b.from.label(view.lang), b.to.label(view.lang));
        let amount = exact(b.amount, view.unit);
        let mut text = match view.lang {
            Lang::Zh => format!("{from} → {to}：{amount} {unit}"),
            Lang::En => format!("{from} → {to}: {amount} {unit}"),
        };
        if b.cross {
            text.push('\n');
            text.push_str(view.t("跨类别使用", "Cross-category use"));
        }
        egui::Tooltip::for_widget(&responses[i])
            .at_pointer()
            .show(|ui| ui.label(text));
    }

    // Nodes and their labels.
    let total: Money = geo.left.iter().map(|n| n.amount).sum();
    let node_ui = |ui: &mut Ui,
                   id: Id,
                   name: &str,
                   amount: Money,
                   bar: Rect,
                   galley: &std::sync::Arc<Galley>,
                   at: Pos2| {
        painter.rect_filled(bar, 1.0, ui.visuals().text_color());
        painter.galley(at, galley.clone(), ui.visuals().text_color());
        let share = amount.share_of(total).map(percent).unwrap_or_default();
        let text = format!("{name} {} {unit}", exact(amount, view.unit));
        ui.interact(
            bar.union(Rect::from_min_size(at, galley.size())),
            id,
            Sense::hover(),
        )
        .accessible_name(&text)
        .on_hover_text(format!("{text} {}", view.lang.paren(&share)));
    };
    for (n, galley) in geo.left.iter().zip(&left_labels) {
        let bar = Rect::from_x_y_ranges(
            x_left..=x_left_end,
            rect.top() + n.top..=rect.top() + n.top + n.height.max(2.0),
        );
        let at = pos2(
            x_left - label_pad - galley.size().x,
            bar.center().y - galley.size().y / 2.0,
        );
        let id = Id::unique(("fundplan-flow-from", n.key));
        node_ui(ui, id, n.key.label(view.lang), n.amount, bar, galley, at);
    }
    for (n, galley) in geo.right.iter().zip(&right_labels) {
        let bar = Rect::from_x_y_ranges(
            x_right..=x_right_end,
            rect.top() + n.top..=rect.top() + n.top + n.height.max(2.0),
        );
        let at = pos2(
            x_right_end + label_pad,
            bar.center().y - galley.size().y / 2.0,
        );
        let id = Id::unique(("fundplan-flow-to", n.key));
        node_ui(ui, id, n.key.label(view.lang), n.amount, bar, galley, at);
    }
}

/// Horizontal bars of the amount arranged to each use, value and share of the
/// integrated total at the end of each bar.
fn bars_ui(ui: &mut Ui, view: &View<'_>, totals: &Totals) {
    let rows: Vec<(Use, Money)> = totals.by_use.iter().map(|(u, m)| (*u, *m)).collect();
    if rows.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.strong(view.t("各使用方向安排金额", "Arranged by use"));
        ui.label(
            egui::RichText::new(view.lang.paren(&format!(
                "{}{}{}",
                view.t("单位：", "unit: "),
                view.unit.label(view.lang),
                view.t(
                    "；括号内为占纳入整合的比例",
                    "; in brackets the share of integrated funds"
                )
            )))
            .weak(),
        );
    });
    ui.add_space(4.0);
    let font = egui::TextStyle::Body.resolve(ui.style());
    let text = ui.visuals().text_color();
    let weak = ui.visuals().weak_text_color();
    let names: Vec<_> = rows
        .iter()
        .map(|(u, _)| {
            ui.painter()
                .layout_no_wrap(u.label(view.lang).to_string(), font.clone(), text)
        })
        .collect();
    let values: Vec<_> = rows
        .iter()
        .map(|(u, m)| {
            let share = totals
                .use_share(*u)
                .map(|s| view.lang.paren(&percent(s)))
                .unwrap_or_default();
            label_galley(ui, &m.display(view.unit, 2), &share, &font)
        })
        .collect();
    let name_w = names.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let value_w = values.iter().map(|g| g.size().x).fold(0.0, f32::max);
    let row_h = ui.text_style_height(&egui::TextStyle::Body) + 8.0;
    let width = ui.available_width();
    let (rect, _) = ui.allocate_exact_size(vec2(width, row_h * rows.len() as f32), Sense::hover());
    let painter = ui.painter_at(rect);
    let x0 = rect.left() + name_w + 10.0;
    let longest = (rect.right() - x0 - value_w - 12.0).clamp(20.0, 720.0);
    let max = rows
        .iter()
        .map(|(_, m)| px(*m))
        .fold(0.0, f32::max)
        .max(f32::MIN_POSITIVE);
    let unit = view.unit.label(view.lang);
    for (i, ((u, m), (name, value))) in rows.iter().zip(names.iter().zip(&values)).enumerate() {
        let top = rect.top() + i as f32 * row_h;
        let mid = top + row_h / 2.0;
        painter.galley(
            pos2(x0 - 10.0 - name.size().x, mid - name.size().y / 2.0),
            name.clone(),
            text,
        );
        let len = (px(*m).max(0.0) / max) * longest;
        let bar = Rect::from_min_max(pos2(x0, top + 4.0), pos2(x0 + len, top + row_h - 4.0));
        painter.rect_filled(bar, 2.0, theme::FLOW_BAR);
        painter.galley(
            pos2(bar.right() + 6.0, mid - value.size().y / 2.0),
            value.clone(),
            weak,
        );
        let row = Rect::from_x_y_ranges(rect.x_range(), top..=top + row_h);
        ui.interact(row, Id::unique(("fundplan-flow-bar", *u)), Sense::hover())
            .accessible_name(format!(
                "{} {} {unit}",
                u.label(view.lang),
                exact(*m, view.unit)
            ));
    }
}

#[cfg(test)]
mod tests {
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
}
