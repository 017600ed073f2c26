//! The bar chart of the amount arranged to each use.

use super::*;

/// Horizontal bars of the amount arranged to each use, value and share of the
/// integrated total at the end of each bar.
pub(super) fn bars_ui(ui: &mut Ui, view: &View<'_>, totals: &Totals) {
    let rows: Vec<(Use, Money)> = totals.by_use.iter().map(|(u, m)| (*u, *m)).collect();
    if rows.is_empty() {
        return;
    }
    ui.horizontal_wrapped(|ui| {
        ui.strong(view.t("各使用方向安排金额", "Arranged by use"));
        ui.label(
            egui::RichText::new(view.lang().paren(&format!(
                "{}{}{}",
                view.t("单位：", "unit: "),
                view.unit().label(view.lang()),
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
                .layout_no_wrap(u.label(view.lang()).to_string(), font.clone(), text)
        })
        .collect();
    let values: Vec<_> = rows
        .iter()
        .map(|(u, m)| {
            let share = totals
                .use_share(*u)
                .map(|s| view.lang().paren(&percent(s)))
                .unwrap_or_default();
            label_galley(ui, &m.display(view.unit(), 2), &share, &font)
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
    let unit = view.unit().label(view.lang());
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
                u.label(view.lang()),
                exact(*m, view.unit())
            ))
            .placed();
    }
}
