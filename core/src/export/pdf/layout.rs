//! Column widths and font size of a table: its relative widths scaled to the
//! page width, no column narrower than its amounts, counts and short labels
//! need, at the largest of 8–6 pt where that fits; else parts of columns,
//! each repeating the key columns.

use super::doc::{CONTENT_W, Doc};
use super::grid::{Grid, PAD_X, PART_SIZE, SHORT, SIZES};

/// Columns of one part of a table and their widths in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Part {
    /// Column indexes.
    pub columns: Vec<usize>,
    /// Widths in points, summing to the content width.
    pub widths: Vec<f32>,
}

/// The font size and the parts a grid is printed in.
#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    /// Font size of the table.
    pub size: f32,
    /// One part when the table fits the page width.
    pub parts: Vec<Part>,
}

/// Scales `weights` to `total`, raising any column below its minimum to the
/// minimum and sharing what is left among the others. `None` when the
/// minimums alone are wider than `total`.
pub fn fit(weights: &[f32], mins: &[f32], total: f32) -> Option<Vec<f32>> {
    if mins.iter().sum::<f32>() > total + 0.01 {
        return None;
    }
    let mut pinned = vec![false; weights.len()];
    loop {
        let free: f32 = total
            - mins
                .iter()
                .zip(&pinned)
                .filter(|(_, p)| **p)
                .map(|(m, _)| m)
                .sum::<f32>();
        let free_weight: f32 = weights
            .iter()
            .zip(&pinned)
            .filter(|(_, p)| !**p)
            .map(|(w, _)| w.max(0.0))
            .sum();
        let unpinned = pinned.iter().filter(|p| !**p).count().max(1) as f32;
        let share = |w: f32| {
            if free_weight > 0.0 {
                w.max(0.0) * free / free_weight
            } else {
                free / unpinned
            }
        };
        let mut changed = false;
        for ((pin, &w), &m) in pinned.iter_mut().zip(weights).zip(mins) {
            if !*pin && share(w) < m {
                *pin = true;
                changed = true;
            }
        }
        if !changed {
            let widths = pinned
                .iter()
                .zip(weights)
                .zip(mins)
                .map(|((pin, &w), &m)| if *pin { m } else { share(w) })
                .collect();
            return Some(widths);
        }
    }
}

impl Grid {
    /// The narrowest each column may be at `size`.
    fn mins(&self, doc: &Doc, size: f32) -> Vec<f32> {
        let em = size;
        self.header
            .iter()
            .enumerate()
            .map(|(c, h)| {
                // Headers of up to four characters stay on one line.
                let header = if h.chars().nth(4).is_none() {
                    doc.font.width(h, size)
                } else {
                    doc.font.width(h, size).min(2.0 * em)
                };
                let cells = self
                    .rows
                    .iter()
                    .filter_map(|r| r.cells.get(c))
                    .map(|cell| {
                        if cell.whole || cell.text.chars().nth(SHORT).is_none() {
                            doc.font.width(&cell.text, size)
                        } else {
                            2.0 * em
                        }
                    })
                    .fold(0.0f32, f32::max);
                header.max(cells).max(em) + 2.0 * PAD_X + 0.5
            })
            .collect()
    }

    /// Chooses the font size and the parts.
    pub fn layout(&self, doc: &Doc) -> Layout {
        let n = self.header.len();
        let weights: Vec<f32> = (0..n)
            .map(|c| f32::from(self.widths.get(c).copied().unwrap_or(10)))
            .collect();
        for size in SIZES {
            let mins = self.mins(doc, size);
            // Leave room for the text columns: the minimums alone may take at
            // most 85 % of the width.
            if mins.iter().sum::<f32>() <= CONTENT_W * 0.85
                && let Some(widths) = fit(&weights, &mins, CONTENT_W)
            {
                let columns = (0..n).collect();
                return Layout {
                    size,
                    parts: vec![Part { columns, widths }],
                };
            }
        }
        let size = PART_SIZE;
        let mins = self.mins(doc, size);
        let keys = self.keys.min(n);
        let key_cost: f32 = mins.iter().take(keys).sum();
        // `mins` and `weights` have a value for each of the `n` columns.
        let min = |c: usize| mins.get(c).copied().unwrap_or(0.0);
        let weight = |c: usize| weights.get(c).copied().unwrap_or(10.0);
        // A part's columns fit when their minimums, with 30 % to spare for
        // the text, fit beside the key columns.
        let fits = |cols: &[usize]| {
            cols.len() < 2
                || key_cost + cols.iter().map(|&c| min(c) * 1.3).sum::<f32>() <= CONTENT_W
        };
        // Sections between breaks; each is packed greedily, then the same
        // number of parts is tried with the columns shared out evenly.
        let mut bounds: Vec<usize> = self
            .breaks
            .iter()
            .copied()
            .filter(|&b| b > keys && b < n)
            .collect();
        bounds.sort_unstable();
        bounds.dedup();
        bounds.insert(0, keys);
        bounds.push(n);
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for w in bounds.windows(2) {
            let &[start, end] = w else { continue };
            let mut greedy: Vec<Vec<usize>> = Vec::new();
            let mut cur: Vec<usize> = Vec::new();
            for c in start..end {
                cur.push(c);
                if !fits(&cur) {
                    cur.pop();
                    greedy.push(std::mem::replace(&mut cur, vec![c]));
                }
            }
            if !cur.is_empty() {
                greedy.push(cur);
            }
            let k = greedy.len().max(1);
            let len = end - start;
            let even: Vec<Vec<usize>> = (0..k)
                .map(|i| (start + i * len / k..start + (i + 1) * len / k).collect())
                .collect();
            groups.extend(if even.iter().all(|g| fits(g)) {
                even
            } else {
                greedy
            });
        }
        groups.retain(|g| !g.is_empty());
        if groups.is_empty() {
            groups.push(Vec::new());
        }
        let parts = groups
            .into_iter()
            .map(|g| {
                let columns: Vec<usize> = (0..keys).chain(g).collect();
                let w: Vec<f32> = columns.iter().map(|&i| weight(i)).collect();
                let m: Vec<f32> = columns.iter().map(|&i| min(i)).collect();
                // Only absurdly wide key columns make this fail: shrink them all.
                let widths = fit(&w, &m, CONTENT_W).unwrap_or_else(|| {
                    let sum: f32 = m.iter().sum();
                    m.iter().map(|x| x * CONTENT_W / sum.max(1.0)).collect()
                });
                Part { columns, widths }
            })
            .collect();
        Layout { size, parts }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::export::pdf::grid::tests::grid;

    #[test]
    fn fit_scales_and_respects_minimums() {
        let w = fit(&[1.0, 1.0, 2.0], &[0.0, 0.0, 0.0], 400.0).expect("fits");
        assert_eq!(w, [100.0, 100.0, 200.0]);
        // The first column needs 150: the others share the remaining 250 by weight.
        let w = fit(&[1.0, 1.0, 4.0], &[150.0, 10.0, 10.0], 400.0).expect("fits");
        assert_eq!(w[0], 150.0);
        assert!(
            (w[1] - 50.0).abs() < 1e-3 && (w[2] - 200.0).abs() < 1e-3,
            "{w:?}"
        );
        assert!(fit(&[1.0, 1.0], &[300.0, 300.0], 400.0).is_none());
        let w = fit(&[0.0, 0.0], &[0.0, 0.0], 100.0).expect("fits");
        assert_eq!(w, [50.0, 50.0]);
    }

    #[test]
    fn a_narrow_table_is_one_part_at_8_pt() {
        let doc = Doc::new("", "");
        let l = grid(6, 3).layout(&doc);
        assert_eq!(l.size, 8.0);
        assert_eq!(l.parts.len(), 1);
        let sum: f32 = l.parts[0].widths.iter().sum();
        assert!((sum - CONTENT_W).abs() < 0.1);
    }

    #[test]
    fn a_very_wide_table_is_printed_in_parts_repeating_the_keys() {
        let doc = Doc::new("", "");
        let g = grid(60, 3);
        let l = g.layout(&doc);
        assert!(l.parts.len() > 1);
        let mut seen: Vec<usize> = Vec::new();
        for p in &l.parts {
            assert_eq!(p.columns[0], 0, "key column in every part");
            seen.extend(&p.columns[1..]);
            let mins = g.mins(&doc, l.size);
            for (&c, &w) in p.columns.iter().zip(&p.widths) {
                assert!(w + 0.01 >= mins[c], "column {c} narrower than its amounts");
            }
        }
        assert_eq!(
            seen,
            (1..60).collect::<Vec<_>>(),
            "every column once, in order"
        );
    }

    #[test]
    fn a_break_starts_a_new_part() {
        let doc = Doc::new("", "");
        let mut g = grid(60, 3);
        g.breaks = vec![5];
        let l = g.layout(&doc);
        assert_eq!(l.parts[0].columns, [0, 1, 2, 3, 4]);
        assert_eq!(l.parts[1].columns[..2], [0, 5]);
    }
}
