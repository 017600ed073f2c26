//! One fund line of the 资金来源 table.

use super::*;

/// One fund line's cells: code, name, document, amounts, what remains and
/// the reason for what is not integrated.
pub(super) fn line_row(
    row: &mut egui_extras::TableRow<'_, '_>,
    view: &View<'_>,
    i: usize,
    s: &Source,
    out: &mut Vec<Action>,
) {
    let own = !s.is_catalog_line();
    let code = s.line.as_str();
    let marked = view.doc.marks().get(&path::source(code, None));
    row.col(|ui| {
        let text = RichText::new(code).monospace();
        ui.label(match marked {
            Some(sev) => text.color(theme::palette(ui).severity(*sev)),
            None => text,
        });
    });
    row.col(|ui| {
        if own {
            let name = format!("{code} {}", label(view, SourceField::Name));
            if let Some(v) = text_ui(
                ui,
                view,
                &path::source(code, Some("name")),
                &name,
                &s.name,
                ui.available_width(),
                out,
            ) {
                let mut next = s.clone();
                next.name = v;
                set(out, i, next, path::source(code, Some("name")));
            }
        } else {
            ui.add(egui::Label::new(view.line_name(s)).truncate());
        }
    });
    row.col(|ui| {
        if own && !view.read_only() {
            let (response, picked) = choice::choice_ui(
                ui,
                egui::Id::unique(("category", code)),
                ui.available_width(),
                s.category,
                Category::ALL,
                |c| c.label(view.lang()).to_string(),
            );
            response.accessible_name(format!("{code} {}", label(view, SourceField::Category)));
            if let Some(c) = picked {
                let mut next = s.clone();
                next.category = c;
                set(out, i, next, path::source(code, Some("category")));
            }
        } else {
            ui.label(s.category.label(view.lang()));
        }
    });
    row.col(|ui| {
        let name = format!("{code} {}", label(view, SourceField::Document));
        if let Some(v) = text_ui(
            ui,
            view,
            &path::source(code, Some("document")),
            &name,
            &s.document,
            ui.available_width(),
            out,
        ) {
            let mut next = s.clone();
            next.document = v;
            set(out, i, next, path::source(code, Some("document")));
        }
    });
    for field in SourceField::AMOUNTS {
        row.col(|ui| {
            let SourceValue::Money(value) = field.get(s) else {
                return; // both are amounts (a test of the table checks)
            };
            let label = label(view, field);
            let p = path::source(code, Some(field.key()));
            let width = ui.available_width();
            let cell = amount_ui(ui, view, &p, &format!("{code} {label}"), value, width, out);
            if let Some(m) = cell.changed {
                let mut next = s.clone();
                if let Some(v) = field.money_mut(&mut next) {
                    *v = m;
                }
                set(out, i, next, p);
            }
        });
    }
    row.col(|ui| {
        let rest = s.not_integrated();
        amount_label_ui(
            ui,
            rest.display(view.unit(), 2),
            rest.is_negative().then_some(theme::palette(ui).over),
        );
    });
    row.col(|ui| reason_ui(ui, view, i, s, out));
    row.col(|ui| {
        let rest = s.integrated - view.doc.report().totals.arranged_from(code);
        amount_label_ui(
            ui,
            rest.display(view.unit(), 2),
            Some(theme::palette(ui).remaining(rest)),
        )
        .on_hover_text(view.t(
            "纳入整合金额中尚未安排到项目的部分（负数为超额安排）",
            "Integrated but not yet arranged to projects (negative: over-arranged)",
        ));
    });
    row.col(|ui| {
        comment_button_ui(ui, view, &path::source(code, None), out);
        // Last in the row, so Tab reaches it (every control is reachable by
        // keyboard) without landing on it between two amounts.
        if own
            && !view.read_only()
            && ui
                .add(egui::Button::new("×").small())
                .on_hover_text(view.t("删除此资金", "Remove this line"))
                .accessible_name(format!("{code} {}", view.t("删除", "remove")))
                .clicked()
        {
            out.push(Action::Edit(Edit::RemoveSource(i), None));
        }
    });
}

/// The 未纳入原因 cell. A reason left once the line is fully integrated
/// explains nothing any more: beside it a "▲ 清除" button (named `C14 清除原因`) in the warning
/// colour, its hover saying why (已全部纳入整合，可清除原因), that clears the
/// reason as one undo step. The column is narrow, so the sentence is the
/// button's hover rather than a second label squeezing the reason out.
/// Not a validator rule: rules.md lists none for it.
fn reason_ui(ui: &mut Ui, view: &View<'_>, i: usize, s: &Source, out: &mut Vec<Action>) {
    let code = s.line.as_str();
    let name = format!("{code} {}", label(view, SourceField::Reason));
    let p = path::source(code, Some("reason"));
    let stale = s.not_integrated().is_zero() && !s.reason.trim().is_empty();
    let field = |ui: &mut Ui, out: &mut Vec<Action>| {
        if let Some(v) = text_ui(ui, view, &p, &name, &s.reason, ui.available_width(), out) {
            let mut next = s.clone();
            next.reason = v;
            set(out, i, next, p.clone());
        }
    };
    if !stale {
        field(ui, out);
        return;
    }
    let hint = view.t(
        "已全部纳入整合，可清除原因",
        "Fully integrated: the reason can be cleared",
    );
    // The field first, the button after it: Tab from 纳入整合 goes into the
    // reason, not onto the button (where Space would clear it).
    // A short label: with "▲ 清除原因" the reason kept ~25 points of its
    // narrow column at 1024×768. The accessible name and hover say it whole.
    let text = format!("▲ {}", view.t("清除", "Clear"));
    let button_w = text_width(ui, &text, egui::TextStyle::Button)
        + 2.0 * ui.spacing().button_padding.x
        + ui.spacing().item_spacing.x;
    ui.horizontal(|ui| {
        ui.scope(|ui| {
            ui.set_max_width((ui.available_width() - button_w).max(0.0));
            field(ui, out);
        });
        let over = theme::palette(ui).over;
        let clear = ui
            .add_enabled(
                !view.read_only(),
                egui::Button::new(RichText::new(text).color(over)).small(),
            )
            .accessible_name(format!("{code} {}", view.t("清除原因", "clear reason")))
            .on_hover_text(hint)
            .on_disabled_hover_text(hint);
        if clear.clicked() {
            let mut next = s.clone();
            next.reason.clear();
            out.push(Action::Edit(Edit::SetSource(i, Box::new(next)), None));
        }
    });
}
