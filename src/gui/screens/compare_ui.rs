//! 版本比较: the open plan against an earlier revision.

use egui::{Grid, RichText, Ui};

use crate::diff::{Change, FieldChange, ItemDiff, field_label};
use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::files::FileAction;
use crate::gui::state::league::Compare;
use crate::gui::state::view::View;
use crate::money::Money;

fn signed(ui: &Ui, m: Money, view: &View<'_>) -> RichText {
    let text = m.display(view.unit(), 2);
    if m.is_negative() {
        RichText::new(text).color(theme::palette(ui).over)
    } else if m.is_zero() {
        RichText::new(text)
    } else {
        RichText::new(format!("+{text}")).color(theme::palette(ui).balanced)
    }
}

/// Width of a number column in the totals grid.
const NUMBER_WIDTH: f32 = 130.0;

/// A right-aligned cell of a fixed width, so numbers and their header line
/// up (a right-to-left layout in a grid cell would take the whole row's
/// remaining width and put the last column at the window's edge).
fn number_cell_ui(ui: &mut Ui, text: RichText) {
    let height = ui.spacing().interact_size.y;
    ui.allocate_ui_with_layout(
        egui::vec2(NUMBER_WIDTH, height),
        egui::Layout::right_to_left(egui::Align::Center),
        |ui| {
            ui.set_min_width(NUMBER_WIDTH);
            ui.label(text)
        },
    );
}

fn value(v: &crate::diff::Value, view: &View<'_>) -> String {
    match v {
        crate::diff::Value::Money(m) => m.display(view.unit(), 2),
        other => other.display(),
    }
}

fn field_ui(ui: &mut Ui, view: &View<'_>, f: &FieldChange) {
    ui.horizontal_wrapped(|ui| {
        ui.add_space(24.0);
        ui.label(field_label(&f.field, view.lang()));
        ui.label(value(&f.old, view));
        ui.label("→");
        ui.label(value(&f.new, view));
        if let Some(d) = f.delta() {
            ui.label(signed(ui, d, view));
        }
    });
}

fn items_ui(
    ui: &mut Ui,
    view: &View<'_>,
    title: &str,
    items: &[ItemDiff],
    path: fn(&str) -> String,
    out: &mut Vec<Action>,
) {
    if items.is_empty() {
        return;
    }
    ui.strong(format!(
        "{title} {}",
        view.lang().paren(&items.len().to_string())
    ));
    for i in items {
        ui.horizontal(|ui| {
            let (mark, color) = match i.change {
                Change::Added => (view.t("新增", "added"), theme::palette(ui).balanced),
                Change::Removed => (view.t("删除", "removed"), theme::palette(ui).over),
                Change::Changed(_) => (view.t("修改", "changed"), theme::palette(ui).to_arrange),
            };
            ui.label(RichText::new(mark).color(color).strong());
            let text = format!("{} {}", i.key, i.name);
            if matches!(i.change, Change::Removed) {
                ui.label(text);
            } else if ui.link(text).clicked() {
                out.push(Action::JumpTo(path(&i.key)));
            }
        });
        if let Change::Changed(fields) = &i.change {
            for f in fields {
                field_ui(ui, view, f);
            }
        }
    }
    ui.add_space(6.0);
}

/// Draws the comparison, or the button to choose what to compare with.
pub fn compare_ui(ui: &mut Ui, view: &View<'_>, compare: Option<&Compare>, out: &mut Vec<Action>) {
    ui.horizontal(|ui| {
        ui.heading(view.t("版本比较", "Compare revisions"));
        let choose = ui.button(view.t(
            "选择要比较的方案文件…",
            "Choose a plan file to compare with…",
        ));
        crate::gui::kit::first_input::mark(ui, &choose);
        if choose.clicked() {
            out.push(Action::Choose(FileAction::Compare));
        }
    });
    let Some(c) = compare else {
        ui.label(view.t(
            "选择同一旗县的上一版方案（如年初方案），查看本版新增、删除和修改的内容。",
            "Choose the earlier revision of this plan to see what was added, removed and changed.",
        ));
        return;
    };
    let d = &c.diff;
    let revision = |n: u32| match view.lang() {
        crate::Lang::Zh => format!("第 {n} 版"),
        crate::Lang::En => format!("revision {n}"),
    };
    ui.label(format!(
        "{} {} {} → {} {}",
        view.t("比较", "Comparing"),
        c.path.display(),
        view.lang().paren(&revision(d.revisions.0)),
        view.t("当前方案", "the open plan"),
        view.lang().paren(&revision(d.revisions.1)),
    ));
    if let Some(a) = &d.adjustment {
        ui.label(
            RichText::new(format!(
                "{}{}{}{}{}",
                view.t("调整原因：", "Adjustment: "),
                a.reason,
                view.t("　", "; "),
                view.t("批复文号：", "approval: "),
                a.approval
            ))
            .strong(),
        );
    }
    ui.add_space(6.0);
    egui::ScrollArea::vertical()
        .auto_shrink(false)
        .show(ui, |ui| {
            Grid::new("compare-totals")
                .num_columns(4)
                .striped(true)
                .spacing([24.0, 4.0])
                .show(ui, |ui| {
                    ui.strong("");
                    for title in [
                        view.t("调整前", "Before"),
                        view.t("调整后", "After"),
                        view.t("增减", "Change"),
                    ] {
                        number_cell_ui(ui, RichText::new(title).strong());
                    }
                    ui.end_row();
                    let (b, a) = (&d.before, &d.after);
                    for (label, x, y) in [
                        (view.t("下达", "Allocated"), b.allocated, a.allocated),
                        (view.t("纳入整合", "Integrated"), b.integrated, a.integrated),
                        (view.t("已安排", "Arranged"), b.arranged, a.arranged),
                        (
                            view.t("跨类别使用", "Cross-category"),
                            b.cross_category,
                            a.cross_category,
                        ),
                    ] {
                        ui.label(label);
                        number_cell_ui(ui, RichText::new(x.display(view.unit(), 2)));
                        number_cell_ui(ui, RichText::new(y.display(view.unit(), 2)));
                        number_cell_ui(ui, signed(ui, y - x, view));
                        ui.end_row();
                    }
                });
            ui.add_space(8.0);
            if d.is_empty() {
                ui.label(view.t("内容没有变化。", "The content is the same."));
            }
            if !d.header.is_empty() {
                ui.strong(view.t("基本信息", "Basics"));
                for f in &d.header {
                    field_ui(ui, view, f);
                }
                ui.add_space(6.0);
            }
            items_ui(
                ui,
                view,
                view.t("资金来源", "Fund sources"),
                &d.sources,
                |k| crate::plan::path::source(k, None),
                out,
            );
            items_ui(
                ui,
                view,
                view.t("项目", "Projects"),
                &d.projects,
                |k| crate::plan::path::project(k, None),
                out,
            );
            for (title, list) in [
                (
                    view.t("新出现的校验结果", "Findings that appeared"),
                    &d.appeared,
                ),
                (
                    view.t("已消除的校验结果", "Findings that disappeared"),
                    &d.disappeared,
                ),
            ] {
                if list.is_empty() {
                    continue;
                }
                ui.strong(title);
                for f in list {
                    ui.label(format!(
                        "  {} {} {}",
                        f.severity().label(view.lang()),
                        f.rule.code(),
                        f.message.get(view.lang())
                    ));
                }
            }
        });
}
