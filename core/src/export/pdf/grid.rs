//! Tables on pages: column widths from the table's relative widths, text
//! wrapped in its cell, rows broken across pages with the title block and the
//! header row repeated on every page.
//!
//! Column widths are the table's relative widths scaled to the page width,
//! except that no column is made narrower than its amounts, counts and short
//! labels (合计, 中央小计) need, so that those never wrap. The font size is
//! the largest of 8–6 pt at which that fits. A table too wide even at 6 pt
//! (表2 with dozens of source lines) is printed in parts of columns, each part
//! repeating the key columns (序号, 项目编号, 项目名称) and paginated in turn.
//! Widths, size and parts are chosen in [`layout`](super::layout).

use super::doc::{Align, BOTTOM, CONTENT_W, Doc, MARGIN_TOP, MARGIN_X, Weight};
use super::layout::Part;
use super::missing::label;
use super::wrap::{balanced, cap, fit_size};
use crate::Text;

/// Font sizes tried for a table in one part, largest first.
pub(super) const SIZES: [f32; 5] = [8.0, 7.5, 7.0, 6.5, 6.0];
/// Font size of a table printed in parts.
pub(super) const PART_SIZE: f32 = 7.0;
/// Horizontal padding inside a cell.
pub(super) const PAD_X: f32 = 2.5;
/// Vertical padding inside a cell.
const PAD_Y: f32 = 2.0;
/// Line height as a multiple of the font size.
const LEADING: f32 = 1.3;
/// Labels this short (in characters) never wrap.
pub(super) const SHORT: usize = 5;
/// Header cells longer than this many lines are cut (with `…`).
const HEADER_LINES: usize = 12;

/// How a row is drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Style {
    /// A body row.
    Body,
    /// A subtotal: bold on light grey.
    Subtotal,
    /// The 合计 row: bold on grey.
    Total,
}

/// One cell: its text and alignment. Numbers are set with `whole`: they are
/// never wrapped while the column can be made wide enough.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Cell {
    /// What the cell shows.
    pub text: String,
    /// Where in the cell.
    pub align: Align,
    /// Amounts and counts: the column is widened rather than wrap them.
    pub whole: bool,
}

/// A row.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Row {
    /// One per column.
    pub cells: Vec<Cell>,
    /// How it is drawn.
    pub style: Style,
}

/// A table ready for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Grid {
    /// Short name, to say where a character could not be printed (`表2 项目计划`).
    pub name: String,
    /// Centred above the table on every page.
    pub title: String,
    /// Left under the title, e.g. `填报单位：武川县财政局`.
    pub left: String,
    /// Right under the title, e.g. `单位：万元`.
    pub right: String,
    /// Column headers.
    pub header: Vec<String>,
    /// Relative column widths.
    pub widths: Vec<u16>,
    /// Rows, the 合计 row last.
    pub rows: Vec<Row>,
    /// Leading columns repeated in every part of a table printed in parts.
    pub keys: usize,
    /// Columns that start a new part when the table is printed in parts
    /// (表2: the first source-line column, so the project columns stay together).
    pub breaks: Vec<usize>,
}

impl Grid {
    /// Draws the grid on new pages.
    pub fn draw(&self, doc: &mut Doc) {
        let layout = self.layout(doc);
        let count = layout.parts.len();
        for (k, part) in layout.parts.iter().enumerate() {
            let note = if count > 1 {
                format!("（第 {} 部分，共 {count} 部分）", k + 1)
            } else {
                String::new()
            };
            self.draw_part(doc, part, layout.size, &note);
        }
    }

    fn draw_part(&self, doc: &mut Doc, part: &Part, size: f32, note: &str) {
        let mut page = Page {
            size,
            part,
            y: 0.0,
            body_top: 0.0,
            first: true,
        };
        page.start(doc, self, note);
        let leading = size * LEADING;
        for (i, row) in self.rows.iter().enumerate() {
            let lines: Vec<Vec<String>> = part
                .columns
                .iter()
                .zip(&part.widths)
                .map(|(&c, &w)| {
                    row.cells
                        .get(c)
                        .map(|cell| doc.font.wrap(&cell.text, size, w - 2.0 * PAD_X))
                        .unwrap_or_default()
                })
                .collect();
            let total = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
            let mut from = 0;
            while from < total {
                let rest = total - from;
                let room = BOTTOM - page.y - 2.0 * PAD_Y;
                let place = |c| self.place(i, row, c);
                if rest as f32 * leading <= room + 0.01 {
                    page.row(doc, row, &lines, from, rest, from == 0, &place);
                    break;
                }
                if page.y > page.body_top + 0.01 {
                    page.start(doc, self, note);
                    continue;
                }
                // Taller than a whole page: as many lines as fit, then go on.
                let fits = ((room / leading).floor() as usize).clamp(1, rest);
                page.row(doc, row, &lines, from, fits, false, &place);
                from += fits;
                page.start(doc, self, note);
            }
        }
    }
}

impl Grid {
    /// Where a cell is, for the user: `表2 项目计划，项目 P013，项目名称`.
    fn place(&self, i: usize, row: &Row, c: usize) -> Text {
        let id = self
            .header
            .iter()
            .position(|h| h == "项目编号")
            .and_then(|k| row.cells.get(k))
            .and_then(|cell| label(&cell.text));
        let (zh, en) = match (row.style, id) {
            (Style::Total, _) => ("合计行".to_string(), "the 合计 row".to_string()),
            (_, Some(id)) => (format!("项目 {id}"), format!("project {id}")),
            _ => (format!("第 {} 行", i + 1), format!("row {}", i + 1)),
        };
        let (zh_col, en_col) = match self.header.get(c).and_then(|h| label(h)) {
            Some(h) => (h.to_string(), format!("column {h}")),
            None => (format!("第 {} 列", c + 1), format!("column {}", c + 1)),
        };
        Text::new(
            format!("{}，{zh}，{zh_col}", self.name),
            format!("{}, {en}, {en_col}", self.name),
        )
    }

    /// Where the title block or a header cell is.
    fn head_place(&self, what: (&str, &str)) -> Text {
        Text::new(
            format!("{}，{}", self.name, what.0),
            format!("{}, {}", self.name, what.1),
        )
    }
}

/// The page being filled with one part of a grid.
struct Page<'a> {
    size: f32,
    part: &'a Part,
    /// Top of the next row.
    y: f32,
    /// Top of the first body row (below the header).
    body_top: f32,
    first: bool,
}

impl Page<'_> {
    /// A new page: title, unit line and header row.
    fn start(&mut self, doc: &mut Doc, grid: &Grid, note: &str) {
        doc.new_page();
        let cont = if self.first { "" } else { "（续）" };
        self.first = false;
        let title = format!("{}{note}{cont}", grid.title);
        let tsize = fit_size(doc, &title, 14.0, CONTENT_W);
        let title = doc.font.ellipsize(&title, tsize, CONTENT_W);
        doc.text_in(
            &title,
            MARGIN_X,
            CONTENT_W,
            MARGIN_TOP + 14.0,
            tsize,
            Align::Center,
            Weight::Bold,
        );
        doc.claim(|| grid.head_place(("标题", "title")));
        let base = MARGIN_TOP + 32.0;
        let rw = doc.font.width(&grid.right, 9.0);
        doc.text_in(
            &grid.right,
            MARGIN_X,
            CONTENT_W,
            base,
            9.0,
            Align::Right,
            Weight::Regular,
        );
        let room = CONTENT_W - rw - 18.0;
        let lsize = fit_size(doc, &grid.left, 9.0, room);
        let left = doc.font.ellipsize(&grid.left, lsize, room);
        doc.text(&left, MARGIN_X, base, lsize, Weight::Regular);
        doc.claim(|| grid.head_place(("填报单位", "填报单位 (the preparing office)")));
        self.y = base + 7.0;
        // The header row: centred, bold, on grey; never split.
        let leading = self.size * LEADING;
        let lines: Vec<Vec<String>> = self
            .part
            .columns
            .iter()
            .zip(&self.part.widths)
            .map(|(&c, &w)| {
                let h = grid.header.get(c).map_or("", String::as_str);
                let lines = balanced(doc, h, self.size, w - 2.0 * PAD_X);
                cap(doc, lines, HEADER_LINES, self.size, w - 2.0 * PAD_X)
            })
            .collect();
        let n = lines.iter().map(Vec::len).max().unwrap_or(0).max(1);
        let h = n as f32 * leading + 2.0 * PAD_Y;
        let place = |c: usize| {
            let n = (c + 1).to_string();
            grid.head_place((&format!("表头第 {n} 列"), &format!("header, column {n}")))
        };
        self.cells(
            doc,
            &lines,
            h,
            0.88,
            |_| Align::Center,
            Weight::Bold,
            true,
            &place,
        );
        self.y += h;
        self.body_top = self.y;
    }

    /// Draws `count` lines of a row from line `from`; `center` centres the
    /// text vertically (a row drawn whole). `place` names a column's cell.
    #[expect(
        clippy::too_many_arguments,
        reason = "the row, its lines, their range and how to place them: a struct would only rename them"
    )]
    fn row(
        &mut self,
        doc: &mut Doc,
        row: &Row,
        lines: &[Vec<String>],
        from: usize,
        count: usize,
        center: bool,
        place: &dyn Fn(usize) -> Text,
    ) {
        let h = count as f32 * self.size * LEADING + 2.0 * PAD_Y;
        let (gray, weight) = match row.style {
            Style::Body => (1.0, Weight::Regular),
            Style::Subtotal => (0.95, Weight::Bold),
            Style::Total => (0.9, Weight::Bold),
        };
        let align = |c: usize| row.cells.get(c).map_or(Align::Left, |cell| cell.align);
        let clipped: Vec<Vec<String>> = lines
            .iter()
            .map(|l| l.iter().skip(from).take(count).cloned().collect())
            .collect();
        self.cells(doc, &clipped, h, gray, align, weight, center, place);
        self.y += h;
    }

    /// Draws one band of cells of height `h` at the current `y`; `place`
    /// names column `c`'s cell.
    #[expect(
        clippy::too_many_arguments,
        reason = "one band's lines, height, shade, alignment, weight and naming, passed down from row"
    )]
    fn cells(
        &self,
        doc: &mut Doc,
        lines: &[Vec<String>],
        h: f32,
        gray: f32,
        align: impl Fn(usize) -> Align,
        weight: Weight,
        center: bool,
        place: &dyn Fn(usize) -> Text,
    ) {
        let leading = self.size * LEADING;
        if gray < 1.0 {
            doc.fill(MARGIN_X, self.y, CONTENT_W, h, gray);
        }
        let mut x = MARGIN_X;
        for (k, (&c, &w)) in self.part.columns.iter().zip(&self.part.widths).enumerate() {
            let cell_lines = lines.get(k).map_or(&[][..], Vec::as_slice);
            let shown = cell_lines.len();
            let top = if center {
                self.y + (h - shown as f32 * leading) / 2.0
            } else {
                self.y + PAD_Y
            };
            for (i, line) in cell_lines.iter().enumerate() {
                // Baseline: the ideographic em box (ascent 0.88) centred in the line.
                let baseline =
                    top + i as f32 * leading + (leading - self.size) / 2.0 + 0.88 * self.size;
                doc.text_in(
                    line,
                    x + PAD_X,
                    w - 2.0 * PAD_X,
                    baseline,
                    self.size,
                    align(c),
                    weight,
                );
            }
            doc.claim(|| place(c));
            doc.frame(x, self.y, w, h, 0.5);
            x += w;
        }
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::*;

    /// A table of `columns` columns (the first a label, amounts after) and `rows` rows.
    pub(in crate::export::pdf) fn grid(columns: usize, rows: usize) -> Grid {
        let cell = |t: &str, whole| Cell {
            text: t.to_string(),
            align: if whole { Align::Right } else { Align::Left },
            whole,
        };
        Grid {
            name: "测试表".into(),
            title: "测试表".into(),
            left: "填报单位：某某县财政局".into(),
            right: "单位：万元".into(),
            header: (0..columns).map(|c| format!("第{c}列资金")).collect(),
            widths: vec![10; columns],
            rows: (0..rows)
                .map(|r| Row {
                    cells: (0..columns)
                        .map(|c| {
                            if c == 0 {
                                cell(&format!("项目{r}"), false)
                            } else {
                                cell("1,234.56", true)
                            }
                        })
                        .collect(),
                    style: Style::Body,
                })
                .collect(),
            keys: 1,
            breaks: vec![],
        }
    }

    #[test]
    fn rows_flow_over_pages_and_a_huge_cell_is_split() {
        let mut doc = Doc::new("", "");
        let mut g = grid(4, 200);
        g.rows[5].cells[0].text = "很长的文字".repeat(400);
        g.draw(&mut doc);
        assert!(doc.page_count() > 3, "{}", doc.page_count());
        let (pdf, missing) = doc.finish();
        assert!(pdf.ends_with(b"%%EOF\n"));
        assert!(missing.is_empty());
    }
}
