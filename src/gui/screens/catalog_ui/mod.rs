//! 目录: the catalog the plan is judged against, for the region's and the
//! league's staff: its id, years and note, thresholds, 负面清单 and lines by
//! level, all editable as a draft that is checked as it is typed (the plan's
//! findings follow it at once), saved as a new catalog file or thrown away.
//! There are no amounts here: it is a table of text.

use egui::{Grid, Id, RichText, ScrollArea, Ui};

use crate::Lang;
use crate::catalog::Catalog;
use crate::gui::kit::theme;
use crate::gui::state::action::Action;
use crate::gui::state::catalog_draft::{CatalogDraft, Change, Field, is_builtin};
use crate::gui::state::files::FileAction;
use crate::gui::state::view::View;

mod field;
mod lines;

use field::{Shape, field_ui};

/// Draws the screen for `draft`, or for the catalog in use when no edit has
/// begun one.
pub fn catalog_ui(
    ui: &mut Ui,
    view: &View<'_>,
    draft: Option<&CatalogDraft>,
    out: &mut Vec<Action>,
) {
    // A draft of a catalog no longer in use (another was loaded or switched
    // to since) is not shown: the next edit starts one of the catalog in use.
    let version = view.doc.catalog_version();
    let draft = draft.filter(|d| d.edits(version));
    let fresh;
    let draft = match draft {
        Some(d) => d,
        None => {
            fresh = CatalogDraft::new(view.doc.catalog(), version);
            &fresh
        }
    };
    ScrollArea::vertical()
        .id_salt("catalog-screen")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            head_ui(ui, view, draft, out);
            problems_ui(ui, view, draft);
            ui.separator();
            basics_ui(ui, view, draft, out);
            ui.separator();
            lines::lines_ui(ui, view, &view.doc.catalog().lines, out);
            ui.separator();
            thresholds_ui(ui, view, draft, out);
            ui.separator();
            rules_ui(ui, view, view.doc.catalog());
            ui.add_space(12.0);
        });
}

/// The title, what the catalog is, and 另存为新目录 / 还原.
fn head_ui(ui: &mut Ui, view: &View<'_>, draft: &CatalogDraft, out: &mut Vec<Action>) {
    let c = view.doc.catalog();
    ui.heading(format!("{}  {}", view.t("目录", "Catalog"), c.id));
    let origin = if is_builtin(&draft.loaded(c).id) {
        view.t("内置目录", "built-in catalog")
    } else {
        view.t("目录文件", "catalog file")
    };
    let state = if draft.is_changed(c) {
        view.t(
            "草稿：已修改，尚未保存；校验结果按此草稿计算",
            "draft: changed, not saved; the findings follow this draft",
        )
    } else {
        view.t("未修改", "unchanged")
    };
    ui.label(RichText::new(format!("{} {} · {state}", draft.loaded(c).id, origin)).weak());
    ui.horizontal(|ui| {
        let refusal = draft.save_refusal(c);
        // A built-in id is asked for in the dialog; only problems stop the button.
        let blocked = refusal.as_ref().filter(|_| !draft.problems().is_empty());
        let save = ui.add_enabled(
            blocked.is_none(),
            egui::Button::new(view.t("另存为新目录…", "Save as a new catalog…")),
        );
        let save = match blocked {
            Some(p) => save.on_disabled_hover_text(p.message(view.lang())),
            None => save.on_hover_text(view.t(
                "把此目录保存为新的目录文件（须另起编号）",
                "Save this catalog as a new catalog file (with an id of its own)",
            )),
        };
        if save.clicked() {
            out.push(Action::SaveCatalogAs);
        }
        let revert = ui
            .add_enabled(
                draft.is_changed(c),
                egui::Button::new(view.t("还原", "Revert")),
            )
            .on_hover_text(view.t(
                "放弃所有修改，回到原目录",
                "Discard every change: back to the catalog as loaded",
            ));
        if revert.clicked() {
            out.push(Action::RevertCatalog);
        }
        // The region publishes its 附件 as a table: the same catalog as a
        // workbook, out and in (`fundplan catalog export/import`).
        let export = ui
            .add_enabled(
                blocked.is_none(),
                egui::Button::new(view.t("导出为工作簿…", "Export as workbook…")),
            )
            .on_hover_text(view.t(
                "把此目录导出为 Excel/WPS 工作簿（资金目录、目录信息等工作表）",
                "Write this catalog as an Excel/WPS workbook: a sheet of its lines, others for its settings",
            ));
        if export.clicked() {
            out.push(Action::Choose(FileAction::ExportCatalog));
        }
        let import = ui
            .button(view.t("从工作簿导入…", "Import from workbook…"))
            .on_hover_text(view.t(
                "读入自治区或盟市下发的目录工作簿；缺少的设置取自当前目录",
                "Read a catalog workbook the region or league issued; what it lacks comes from this catalog",
            ));
        if import.clicked() {
            out.push(Action::Choose(FileAction::ImportCatalog));
        }
        ui.add_space(12.0);
        check_ui(ui, view, draft);
    });
}

/// What is wrong with the draft, in the UI's language: the check's word on
/// the buttons' row, then a line that is the first problem, or a hint while
/// there is none, so the first problem moves nothing below it (the field
/// being typed in stays under the pointer).
fn check_ui(ui: &mut Ui, view: &View<'_>, draft: &CatalogDraft) {
    let problems = draft.problems();
    let palette = theme::palette(ui);
    let n = problems.len();
    let word = match (n, view.lang()) {
        (0, _) => view
            .t("目录检查：无问题", "Catalog check: no problems")
            .to_string(),
        (_, Lang::Zh) => format!("目录检查：{n} 处问题（改正前不能保存）"),
        (_, Lang::En) => format!("Catalog check: {n} problem(s) (correct them before saving)"),
    };
    let color = if n == 0 {
        palette.balanced
    } else {
        palette.over
    };
    ui.label(RichText::new(word).color(color).strong());
}

/// The problems, one a line, or a hint while there are none.
fn problems_ui(ui: &mut Ui, view: &View<'_>, draft: &CatalogDraft) {
    let palette = theme::palette(ui);
    if draft.problems().is_empty() {
        ui.label(
            RichText::new(view.t(
                "每处修改即时检查；校验结果随之按此目录重新计算，方案本身不变。",
                "Every edit is checked at once; the findings follow this catalog, the plan itself does not change.",
            ))
            .weak(),
        );
    }
    for p in draft.problems() {
        ui.add(
            egui::Label::new(
                RichText::new(format!("• {}", p.message(view.lang()))).color(palette.over),
            )
            .wrap(),
        );
    }
}

/// The id of the draft's text field `field`.
fn field_id(field: Field) -> Id {
    Id::unique(("catalog-field", field))
}

/// The id of 目录编号, the screen's first input (focused when the screen is
/// reached by Ctrl+9).
pub fn first_field_id() -> Id {
    field_id(Field::Id)
}

/// A text field of the draft named by its label.
fn text_ui(
    ui: &mut Ui,
    view: &View<'_>,
    draft: &CatalogDraft,
    field: Field,
    shape: Shape,
    out: &mut Vec<Action>,
) {
    let id = field_id(field);
    if let Some(t) = field_ui(ui, id, field.label(view.lang()), draft.text(field), shape) {
        out.push(Action::Catalog(Change::Text(field, t)));
    }
}

/// The width of a field that takes the rest of the screen.
fn wide(ui: &Ui) -> f32 {
    (ui.available_width() - 220.0).max(240.0)
}

/// Id, title, years, note, provisional.
fn basics_ui(ui: &mut Ui, view: &View<'_>, draft: &CatalogDraft, out: &mut Vec<Action>) {
    let wide = wide(ui);
    Grid::new("catalog-basics")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(Field::Id.label(view.lang()));
            text_ui(ui, view, draft, Field::Id, Shape::Line(260.0), out);
            ui.end_row();
            ui.label(Field::Title.label(view.lang()));
            text_ui(ui, view, draft, Field::Title, Shape::Wrap(wide), out);
            ui.end_row();
            ui.label(view.t("适用年度", "Years"));
            ui.horizontal(|ui| {
                text_ui(ui, view, draft, Field::YearFrom, Shape::Line(56.0), out);
                ui.label("–");
                text_ui(ui, view, draft, Field::YearTo, Shape::Line(56.0), out);
            });
            ui.end_row();
            ui.label(Field::Note.label(view.lang()));
            text_ui(ui, view, draft, Field::Note, Shape::Lines(wide, 1), out);
            ui.end_row();
        });
    let mut provisional = view.doc.catalog().provisional;
    let r = ui.checkbox(
        &mut provisional,
        view.t(
            "名称待核（尚未与正式下发的目录核对）",
            "Provisional (names not yet checked against the issued list)",
        ),
    );
    if r.changed() {
        out.push(Action::Catalog(Change::Provisional(provisional)));
    }
}

/// The share limits and the 负面清单.
fn thresholds_ui(ui: &mut Ui, view: &View<'_>, draft: &CatalogDraft, out: &mut Vec<Action>) {
    let wide = wide(ui);
    Grid::new("catalog-thresholds")
        .num_columns(2)
        .spacing([12.0, 6.0])
        .show(ui, |ui| {
            ui.label(Field::IndustryMin.label(view.lang()));
            ui.horizontal(|ui| {
                text_ui(ui, view, draft, Field::IndustryMin, Shape::Line(64.0), out);
                ui.label(
                    RichText::new(view.t("（如 0.55；空：不限）", "(e.g. 0.55; empty: none)"))
                        .weak(),
                );
            });
            ui.end_row();
            ui.label(Field::IndustryLines.label(view.lang()));
            ui.horizontal(|ui| {
                text_ui(
                    ui,
                    view,
                    draft,
                    Field::IndustryLines,
                    Shape::Line(260.0),
                    out,
                );
                ui.label(
                    RichText::new(view.t(
                        "（资金代码，空：全部整合资金）",
                        "(line codes; empty: all integrated funds)",
                    ))
                    .weak(),
                );
            });
            ui.end_row();
            ui.label(Field::IndustryFrom.label(view.lang()));
            ui.horizontal(|ui| {
                text_ui(ui, view, draft, Field::IndustryFrom, Shape::Line(56.0), out);
                ui.label(RichText::new(view.t("（空：每年）", "(empty: every year)")).weak());
            });
            ui.end_row();
            ui.label(Field::ManagementMax.label(view.lang()));
            text_ui(
                ui,
                view,
                draft,
                Field::ManagementMax,
                Shape::Line(64.0),
                out,
            );
            ui.end_row();
            ui.label(Field::Keywords.label(view.lang()));
            ui.vertical(|ui| {
                text_ui(ui, view, draft, Field::Keywords, Shape::Wrap(wide), out);
                ui.label(RichText::new(view.t("以“、”分隔", "Separated by commas")).weak());
            });
            ui.end_row();
        });
}

/// The rules that come with the catalog and are not edited here: each
/// category's own uses, which levels each kind of banner may integrate, and
/// the own levels a national banner must integrate.
fn rules_ui(ui: &mut Ui, view: &View<'_>, c: &Catalog) {
    let lang = view.lang();
    let list = |items: Vec<&str>| items.join(lang.pick("、", ", "));
    let wrap = |ui: &mut Ui, text: String| {
        ui.add(egui::Label::new(text).wrap());
    };
    Grid::new("catalog-rules")
        .num_columns(2)
        .spacing([12.0, 4.0])
        .striped(true)
        .show(ui, |ui| {
            for (category, uses) in &c.home_uses {
                ui.label(match lang {
                    Lang::Zh => format!("{}类本类用途", category.label(lang)),
                    Lang::En => format!("{} home uses", category.label(lang)),
                });
                wrap(ui, list(uses.iter().map(|u| u.label(lang)).collect()));
                ui.end_row();
            }
            for (kind, levels) in &c.levels_by_kind {
                ui.label(match lang {
                    Lang::Zh => format!("{}可整合", kind.label(lang)),
                    Lang::En => format!("{} may integrate", kind.label(lang)),
                });
                wrap(ui, list(levels.iter().map(|l| l.label(lang)).collect()));
                ui.end_row();
            }
            ui.label(view.t(
                "国贫旗县须整合的本级资金",
                "Own levels a national banner must integrate",
            ));
            wrap(
                ui,
                list(
                    c.required_own_levels
                        .iter()
                        .map(|l| l.label(lang))
                        .collect(),
                ),
            );
            ui.end_row();
        });
    ui.label(
        RichText::new(view.t(
            "以上规则随目录而定，此处不可修改。",
            "These rules come with the catalog and are not edited here.",
        ))
        .weak(),
    );
}
