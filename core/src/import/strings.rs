//! Shared-string references, checked before calamine reads a sheet. A text
//! cell (`<c t="s"><v>7</v></c>`) names the 8th text of the workbook's
//! shared-string table; calamine reads an index it cannot parse (`abc`,
//! `-1`, an overflow) as text 0 — the workbook's first text, 项目 in a plan
//! — and an empty one as an empty cell, and an index past the table stops
//! the sheet without naming a cell. A workbook is a zip of XML parts, so this
//! reads the parts calamine reads (the package relationships, the workbook
//! and its relationships, the table, the sheet) the way it reads them, and
//! refuses the first such cell naming its sheet and cell.

use std::collections::HashMap;
use std::io::{BufReader, Cursor, Read};

use quick_xml::Reader;
use quick_xml::events::{BytesStart, Event};

use super::{Problem, cell_name};
use crate::Text;

/// A workbook's zip.
type Zip<'a> = zip::ZipArchive<Cursor<&'a [u8]>>;

/// What the sheets' text cells are checked against.
pub(super) struct SharedStrings<'a> {
    zip: Zip<'a>,
    /// Zip names by their lowercase form with `/` (calamine's lookup).
    names: HashMap<String, String>,
    /// How many texts the table holds, counted as calamine reads them.
    count: usize,
    /// Each sheet's part, by sheet name.
    parts: HashMap<String, String>,
}

impl<'a> SharedStrings<'a> {
    /// Reads the workbook's structure; an unreadable part is left to calamine,
    /// which reads the same parts and says what is wrong.
    pub(super) fn new(bytes: &'a [u8]) -> Option<SharedStrings<'a>> {
        let zip = zip::ZipArchive::new(Cursor::new(bytes)).ok()?;
        let names = zip
            .file_names()
            .flatten()
            .map(|n| (n.replace('\\', "/").to_ascii_lowercase(), n.to_string()))
            .collect();
        let mut s = SharedStrings {
            zip,
            names,
            count: 0,
            parts: HashMap::new(),
        };
        // The workbook part, as the package relationships name it.
        let mut target = None;
        s.each_start("_rels/.rels", |e, _| {
            if e.local_name().as_ref() == "Relationship"
                && attr(e, "Type").is_some_and(|t| t.ends_with("/relationships/officeDocument"))
            {
                target = target.take().or_else(|| attr(e, "Target"));
            }
        });
        let target = target?;
        let (dir, name) = target.rsplit_once('/').unwrap_or(("", &target));
        let dir = dir.strip_prefix('/').unwrap_or(dir);
        let dir = if dir.is_empty() {
            String::new()
        } else {
            format!("{dir}/")
        };
        let mut rels = HashMap::new();
        s.each_start(&format!("{dir}_rels/{name}.rels"), |e, _| {
            if e.local_name().as_ref() == "Relationship"
                && let (Some(id), Some(target)) = (attr(e, "Id"), attr(e, "Target"))
            {
                rels.insert(id, target);
            }
        });
        let mut parts = HashMap::new();
        s.each_start(&format!("{dir}{name}"), |e, _| {
            if e.local_name().as_ref() != "sheet" {
                return;
            }
            let id = e
                .attributes()
                .flatten()
                .find(|a| a.key.local_name().as_ref() == "id")
                .map(|a| a.value.into_owned());
            if let (Some(name), Some(target)) = (attr(e, "name"), id.and_then(|i| rels.get(&i))) {
                let path = match target.strip_prefix('/') {
                    Some(absolute) => absolute.to_string(),
                    None => format!("{dir}{target}"),
                };
                parts.insert(name, path);
            }
        });
        s.parts = parts;
        let mut count = 0;
        s.each_start(&format!("{dir}sharedStrings.xml"), |e, _| {
            if e.local_name().as_ref() == "si" {
                count += 1;
            }
        });
        s.count = count;
        Some(s)
    }

    /// Calls `f` with each element start (`<a/>` too) of the part at `path`
    /// and the reader, until the part ends or cannot be read.
    fn each_start(
        &mut self,
        path: &str,
        mut f: impl FnMut(&BytesStart<'_>, &mut Reader<BufReader<&mut dyn Read>>),
    ) {
        let key = path.to_ascii_lowercase();
        let name = self
            .names
            .get(&key)
            .map_or(path, String::as_str)
            .to_string();
        let Ok(mut part) = self.zip.by_name(&name) else {
            return;
        };
        let part: &mut dyn Read = &mut part;
        let mut xml = Reader::from_reader(BufReader::new(part));
        let config = xml.config_mut();
        config.expand_empty_elements = true;
        config.check_end_names = false;
        let mut buf = Vec::new();
        loop {
            buf.clear();
            match xml.read_event_into(&mut buf) {
                Ok(Event::Start(e)) => f(&e, &mut xml),
                Ok(Event::Eof) | Err(_) => return,
                Ok(_) => {}
            }
        }
    }

    /// The first text cell of sheet `sheet` whose index names no text of
    /// the table, as a problem naming it.
    pub(super) fn check(&mut self, sheet: &str) -> Result<(), Problem> {
        let Some(path) = self.parts.get(sheet).cloned() else {
            return Ok(());
        };
        let count = self.count;
        let mut bad: Option<(String, String)> = None;
        let (mut row, mut col) = (0u32, 0u32);
        self.each_start(&path, |e, xml| {
            if bad.is_some() {
                return;
            }
            match e.local_name().as_ref() {
                "row" => {
                    row = attr(e, "r")
                        .and_then(|r| r.parse::<u32>().ok())
                        .map_or(row.saturating_add(1), |r| r.saturating_sub(1));
                    col = 0;
                }
                "c" => {
                    let at = attr(e, "r").unwrap_or_else(|| cell_name(row, col));
                    col = col.saturating_add(1);
                    if attr(e, "t").as_deref() == Some("s")
                        && let Some((text, index)) = shared_index(xml)
                        && index.is_none_or(|n| n >= count)
                    {
                        bad = Some((at, text));
                    }
                }
                _ => {}
            }
        });
        match bad {
            None => Ok(()),
            Some((at, index)) => {
                let at = super::bounded::shorten(&at);
                let index = super::bounded::shorten(&index);
                Err(Problem {
                    sheet: sheet.to_string(),
                    cell: at,
                    reason: Text::new(
                        format!(
                            "文字单元格引用的共享字符串“{index}”不存在（工作簿共有 {count} 个），文件已损坏"
                        ),
                        format!(
                            "the text cell refers to shared string “{index}”, which does not exist (the workbook has {count}); the file is corrupt"
                        ),
                    ),
                })
            }
        }
    }
}

/// The text of the `<v>` of the cell just started, as calamine reads it
/// (the first text straight after `<v>`), and its index if it is one.
/// `None` when the cell has no `<v>`: it is empty.
fn shared_index(xml: &mut Reader<BufReader<&mut dyn Read>>) -> Option<(String, Option<usize>)> {
    let mut buf = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf) {
            Ok(Event::Start(v)) if v.local_name().as_ref() == "v" => break,
            Ok(Event::End(c)) if c.local_name().as_ref() == "c" => return None,
            Ok(Event::Eof) | Err(_) => return None,
            Ok(_) => {}
        }
    }
    buf.clear();
    let text = match xml.read_event_into(&mut buf) {
        Ok(Event::Text(t)) => AsRef::<str>::as_ref(&t).to_string(),
        _ => String::new(),
    };
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    let index = digits.then(|| text.parse::<usize>().ok()).flatten();
    Some((text, index))
}

/// The value of attribute `name` (its local name) of `e`, entities resolved.
fn attr(e: &BytesStart<'_>, name: &str) -> Option<String> {
    e.attributes()
        .flatten()
        .find(|a| a.key.as_ref() == name)
        .and_then(|a| {
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0)
                .ok()
                .map(|v| v.into_owned())
        })
}
