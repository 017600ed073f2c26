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
use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::view::View;
use crate::money::{Money, Unit, percent};
use crate::plan::{Category, Level, Use};
use crate::plan::{Plan, Source};
use crate::validate::Totals;

mod bands;
mod bars;
mod layout;
#[cfg(test)]
mod tests;

pub use bands::*;
use bars::*;
pub use layout::*;

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

/// Tells assistive technology (and the tests) where a painted shape named
/// with `accessible_name` is: egui gives a rect only to focusable widgets.
pub(super) trait Placed {
    /// The response, its rect now in the accessibility tree.
    fn placed(self) -> Self;
}

impl Placed for egui::Response {
    fn placed(self) -> Self {
        placed(&self);
        self
    }
}

fn placed(r: &egui::Response) {
    r.ctx.accesskit_node_builder(r.id, |b| {
        b.set_bounds(egui::accesskit::Rect {
            x0: r.rect.min.x.into(),
            y0: r.rect.min.y.into(),
            x1: r.rect.max.x.into(),
            y1: r.rect.max.y.into(),
        });
    });
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
    let unit = view.lang().paren(&format!(
        "{}{}",
        view.t("单位：", "unit: "),
        view.unit().label(view.lang())
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
        let m = left_out.display(view.unit(), 2);
        let u = view.unit().label(view.lang());
        ui.label(
            egui::RichText::new(match view.lang() {
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
    let unit = view.unit().label(view.lang());
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
                n.key.label(view.lang()),
                &n.amount.display(view.unit(), 2),
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
                n.key.label(view.lang()),
                &n.amount.display(view.unit(), 2),
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
    // Each drawn band with the band it stands for and its top edge; every
    // `g.band` comes from `layout(bands, ..)`, so none is skipped.
    let drawn: Vec<(&BandGeom, &Band, Vec<Pos2>)> = geo
        .bands
        .iter()
        .filter_map(|g| {
            let b = bands.get(g.band)?;
            let edge = top_edge(
                x_left_end,
                rect.top() + g.left_top,
                x_right,
                rect.top() + g.right_top,
                40,
            );
            Some((g, b, edge))
        })
        .collect();
    let pointer = ui
        .ctx()
        .pointer_hover_pos()
        .filter(|_| ui.rect_contains_pointer(outer));
    let mut hovered = None;
    for (i, (g, b, edge)) in drawn.iter().enumerate() {
        let bbox = Rect::from_points(edge)
            .with_max_y(edge.iter().map(|p| p.y).fold(f32::MIN, f32::max) + g.thickness.max(1.0));
        let (from, to) = (b.from.label(view.lang()), b.to.label(view.lang()));
        let amount = exact(b.amount, view.unit());
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
        placed(&resp);
        if let Some(p) = pointer
            && band_contains(edge, g.thickness, p)
        {
            hovered = Some((i, *g, *b, edge.as_slice(), resp));
        }
    }
    let outline_of = |fill: Color32| Stroke::new(1.0, fill);
    for (i, (g, b, edge)) in drawn.iter().enumerate() {
        if hovered.as_ref().is_some_and(|h| h.0 == i) {
            continue;
        }
        let fill = if b.cross {
            theme::FLOW_CROSS
        } else {
            theme::FLOW_BAND
        };
        painter.extend(band_shapes(edge, g.thickness, fill, outline_of(fill)));
    }
    if let Some((_, g, b, edge, resp)) = hovered {
        let fill = if b.cross {
            theme::FLOW_CROSS_HOVER
        } else {
            theme::FLOW_BAND_HOVER
        };
        let outline = Stroke::new(1.0, ui.visuals().strong_text_color());
        painter.extend(band_shapes(edge, g.thickness, fill, outline));
        let (from, to) = (b.from.label(view.lang()), b.to.label(view.lang()));
        let amount = exact(b.amount, view.unit());
        let mut text = match view.lang() {
            Lang::Zh => format!("{from} → {to}：{amount} {unit}"),
            Lang::En => format!("{from} → {to}: {amount} {unit}"),
        };
        if b.cross {
            text.push('\n');
            text.push_str(view.t("跨类别使用", "Cross-category use"));
        }
        egui::Tooltip::for_widget(&resp)
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
        let text = format!("{name} {} {unit}", exact(amount, view.unit()));
        ui.interact(
            bar.union(Rect::from_min_size(at, galley.size())),
            id,
            Sense::hover(),
        )
        .accessible_name(&text)
        .placed()
        .on_hover_text(format!("{text} {}", view.lang().paren(&share)));
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
        node_ui(ui, id, n.key.label(view.lang()), n.amount, bar, galley, at);
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
        node_ui(ui, id, n.key.label(view.lang()), n.amount, bar, galley, at);
    }
}
