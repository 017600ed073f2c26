//! The catalog's lines, one table per level: code, name, English name,
//! category, and a remove button; a button below adds a line of the level.

use egui::{Grid, Id, RichText, Ui};

use super::field::{Shape, field_ui};
use crate::Lang;
use crate::catalog::CatalogLine;
use crate::gui::kit::choice;
use crate::gui::state::action::Action;
use crate::gui::state::catalog_draft::{Change, LineField, add_line_at};
use crate::gui::state::view::View;
use crate::plan::{Category, Level};

const CODE_W: f32 = 64.0;
const CATEGORY_W: f32 = 170.0;

/// The line in words for accessible names: its code, or "第 5 行" while the
/// code is empty or given twice (names must stay unique).
pub(super) fn row_name(lines: &[CatalogLine], i: usize, lang: Lang) -> String {
    let code = lines.get(i).map_or("", |l| l.code.trim());
    let unique = !code.is_empty() && lines.iter().filter(|l| l.code.trim() == code).count() == 1;
    if unique {
        code.to_string()
    } else {
        match lang {
            Lang::Zh => format!("第 {} 行", i + 1),
            Lang::En => format!("row {}", i + 1),
        }
    }
}

fn line_id(i: usize, what: &str) -> Id {
    Id::unique(("catalog-line", i, what))
}

/// Draws every level's lines.
pub(super) fn lines_ui(ui: &mut Ui, view: &View<'_>, lines: &[CatalogLine], out: &mut Vec<Action>) {
    // The remove button's column, as wide as its word; room for the grid's
    // spacing and the scroll bar.
    let remove_w =
        crate::gui::kit::widgets::text_width(ui, view.t("删除", "Remove"), egui::TextStyle::Button)
            + 2.0 * ui.spacing().button_padding.x;
    let spacing = 8.0 * 4.0 + ui.spacing().scroll.bar_width + 16.0;
    let name_w =
        ((ui.available_width() - CODE_W - CATEGORY_W - remove_w - spacing) / 2.0).max(160.0);
    let levels = [Level::Central, Level::Region]
        .into_iter()
        .chain(lines.iter().map(|l| l.level))
        .fold(Vec::new(), |mut v, l| {
            if !v.contains(&l) {
                v.push(l);
            }
            v
        });
    for level in levels {
        let count = lines.iter().filter(|l| l.level == level).count();
        ui.add_space(6.0);
        ui.strong(match view.lang() {
            Lang::Zh => format!("{}资金（{count} 项）", level.label(view.lang())),
            Lang::En => format!("{} lines ({count})", level.label(view.lang())),
        });
        Grid::new(("catalog-lines", level.ident()))
            .num_columns(5)
            .striped(true)
            .spacing([8.0, 4.0])
            .show(ui, |ui| {
                for field in [LineField::Code, LineField::Name, LineField::NameEn] {
                    ui.label(RichText::new(field.label(view.lang())).weak());
                }
                ui.label(RichText::new(view.t("资金大类", "category")).weak());
                ui.label("");
                ui.end_row();
                for (i, line) in lines.iter().enumerate().filter(|(_, l)| l.level == level) {
                    line_ui(ui, view, lines, i, line, name_w, out);
                    ui.end_row();
                }
            });
        let add = match view.lang() {
            Lang::Zh => format!("＋ 添加{}资金", level.label(view.lang())),
            Lang::En => format!("+ Add a {} line", level.label(view.lang()).to_lowercase()),
        };
        if ui.button(add).clicked() {
            // The cursor goes to the new line's name; its code is filled in.
            let name = line_id(add_line_at(lines, level), LineField::Name.label(Lang::En));
            out.push(Action::Catalog(Change::AddLine(level)));
            out.push(Action::Focus(name));
        }
    }
}

fn line_ui(
    ui: &mut Ui,
    view: &View<'_>,
    lines: &[CatalogLine],
    i: usize,
    line: &CatalogLine,
    name_w: f32,
    out: &mut Vec<Action>,
) {
    let row = row_name(lines, i, view.lang());
    let fields = [
        (LineField::Code, &line.code, Shape::Line(CODE_W)),
        (LineField::Name, &line.name, Shape::Wrap(name_w)),
        (LineField::NameEn, &line.name_en, Shape::Wrap(name_w)),
    ];
    for (field, value, shape) in fields {
        let name = format!("{row} {}", field.label(view.lang()));
        let id = line_id(i, field.label(Lang::En));
        if let Some(text) = field_ui(ui, id, &name, value, shape) {
            out.push(Action::Catalog(Change::Line(i, field, text)));
        }
    }
    let (response, picked) = choice::choice_ui(
        ui,
        line_id(i, "category"),
        CATEGORY_W,
        line.category,
        Category::ALL,
        |c| c.label(view.lang()).to_string(),
    );
    response.accessible_name(format!("{row} {}", view.t("资金大类", "category")));
    if let Some(c) = picked {
        out.push(Action::Catalog(Change::Category(i, c)));
    }
    let remove = ui
        .small_button(view.t("删除", "Remove"))
        .on_hover_text(view.t("从目录中删除这项资金", "Remove this line from the catalog"))
        .accessible_name(format!("{row} {}", view.t("删除", "remove")));
    if remove.clicked() {
        out.push(Action::Catalog(Change::RemoveLine(i)));
    }
}
