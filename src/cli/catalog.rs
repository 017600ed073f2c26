//! `fundplan catalog export|import|check|list`: how a region turns the
//! built-in catalog into its own (export a workbook, edit it, import it,
//! check it) and hands out the file.

use std::path::Path;

use fundplan_core::text::for_terminal as one_line;
use serde_json::{Value, json};

use super::out::{self, Form, say, shown};
use super::{CatalogCommand, Exit, Outcome};
use crate::Lang;
use crate::catalog::{self, Catalog};
use crate::export::catalog_xlsx::save_catalog_workbook;
use crate::file;
use crate::import::ImportError;
use crate::import::catalog::{CatalogDefaults, import_catalog_file};
use crate::plan::Level;

pub(super) fn run_catalog(command: CatalogCommand, lang: Lang) -> Outcome {
    match command {
        CatalogCommand::Export {
            catalog,
            xlsx,
            output,
        } => run_export(catalog.as_deref(), xlsx, output.as_deref(), lang),
        CatalogCommand::Import {
            xlsx,
            output,
            id,
            title,
            years,
            base,
        } => {
            let defaults = |base| CatalogDefaults {
                base,
                id,
                title,
                years,
            };
            match base.as_deref().map(|b| resolve(b, lang)).transpose() {
                Ok(base) => run_import(&xlsx, &output, &defaults(base), lang),
                Err(code) => Err(code),
            }
        }
        CatalogCommand::Check { json, files } => run_check(&files, json, lang),
        CatalogCommand::List => run_list(lang),
    }
}

/// The newest built-in catalog's id: the one whose period ends last.
fn newest() -> &'static str {
    catalog::EMBEDDED
        .iter()
        .filter_map(|(id, _)| catalog::embedded(id).map(|c| (*id, c.years.1)))
        .max_by_key(|(_, end)| *end)
        .map_or(catalog::DEFAULT_ID, |(id, _)| id)
}

/// A built-in catalog by id, else the catalog file at `what`; on failure
/// says why (naming the built-in ids when `what` is neither) and gives 2.
fn resolve(what: &str, lang: Lang) -> Result<Catalog, Exit> {
    if let Some(c) = catalog::embedded(what) {
        return Ok(c);
    }
    let path = Path::new(what);
    if !path.exists() && !what.contains(['/', '\\', '.']) {
        let ids: Vec<&str> = catalog::EMBEDDED.iter().map(|(id, _)| *id).collect();
        let ids = ids.join(", ");
        say(lang.pick(
            &format!("没有编号为“{what}”的内置目录，也没有这个文件（内置目录：{ids}）"),
            &format!("no built-in catalog “{what}” and no such file (built-in: {ids})"),
        ));
        return Err(Exit::Failed);
    }
    file::load_catalog(path).map_err(|e| {
        say(&e.message(lang));
        Exit::Failed
    })
}

/// Lines per level, as `中央 16 项、自治区 12 项`.
fn counts(c: &Catalog, lang: Lang) -> String {
    let parts: Vec<String> = Level::ALL
        .iter()
        .map(|l| (l, c.lines.iter().filter(|x| x.level == *l).count()))
        .filter(|(_, n)| *n > 0)
        .map(|(l, n)| match lang {
            Lang::Zh => format!("{} {n} 项", l.label(lang)),
            Lang::En => format!("{n} {}", l.label(lang)),
        })
        .collect();
    parts.join(lang.pick("、", ", "))
}

fn run_export(what: Option<&str>, xlsx: bool, output: Option<&Path>, lang: Lang) -> Outcome {
    let c = resolve(what.unwrap_or(newest()), lang)?;
    let is_xlsx = output.and_then(|o| o.extension()).and_then(|e| e.to_str());
    let as_xlsx = xlsx || is_xlsx.is_some_and(|e| e.eq_ignore_ascii_case("xlsx"));
    let Some(target) = output else {
        if as_xlsx {
            say(lang.pick(
                "导出工作簿须用 -o 给出输出文件",
                "a workbook needs an output file: give -o OUT.xlsx",
            ));
            return Err(Exit::Failed);
        }
        out::print(&file::catalog_to_string(&c), Form::Data, lang)?;
        return Ok(Exit::Fine);
    };
    if what.is_some_and(|w| file::same_file(Path::new(w), target)) {
        say(lang.pick(
            &format!("输出文件 {} 就是目录文件本身，未导出", target.display()),
            &format!(
                "the output {} is the catalog file itself; nothing was exported",
                target.display()
            ),
        ));
        return Err(Exit::Failed);
    }
    let saved = if as_xlsx {
        save_catalog_workbook(&c, target)
    } else {
        file::save_catalog(&c, target)
    };
    match saved {
        Ok(()) => {
            out::line(&shown(target), lang)?;
            Ok(Exit::Fine)
        }
        Err(e) => {
            say(&e.message(lang));
            Err(Exit::Failed)
        }
    }
}

fn run_import(xlsx: &Path, output: &Path, defaults: &CatalogDefaults, lang: Lang) -> Outcome {
    if file::same_file(xlsx, output) {
        say(lang.pick(
            &format!("输出文件 {} 就是工作簿本身，未导入", output.display()),
            &format!(
                "the output {} is the workbook itself; nothing was imported",
                output.display()
            ),
        ));
        return Err(Exit::Failed);
    }
    let c = match import_catalog_file(xlsx, defaults) {
        Ok(c) => c,
        Err(e) => {
            out::say_lines(&e.message(lang));
            let code = match e {
                ImportError::Invalid(_) => {
                    say(lang.pick(
                        "工作簿有问题，未写入目录文件。",
                        "The workbook has problems; no catalog was written.",
                    ));
                    Exit::Findings
                }
                ImportError::File { .. } | ImportError::Unreadable(_) => Exit::Failed,
            };
            return Err(code);
        }
    };
    if let Err(e) = file::save_catalog(&c, output) {
        say(&e.message(lang));
        return Err(Exit::Failed);
    }
    let (from, to) = c.years;
    let lines = counts(&c, lang);
    let (output, id) = (shown(output), one_line(&c.id));
    out::line(
        lang.pick(
            &format!("已写入 {output}：目录 {id}（{from}—{to} 年），{lines}"),
            &format!("wrote {output}: catalog {id} ({from}–{to}), {lines}"),
        ),
        lang,
    )?;
    Ok(Exit::Fine)
}

fn run_check(files: &[std::path::PathBuf], as_json: bool, lang: Lang) -> Outcome {
    let mut status = Exit::Fine;
    let mut results = Vec::new();
    for path in files {
        let shown = path.display().to_string();
        let (c, problems) = match file::load_catalog_problems(path) {
            Ok(found) => found,
            Err(e) => {
                status = Exit::Failed;
                super::validate::load_failed(&mut results, as_json, &shown, &e.message(lang));
                continue;
            }
        };
        if !problems.is_empty() && status == Exit::Fine {
            status = Exit::Findings;
        }
        let messages: Vec<&str> = problems.iter().map(|p| p.message(lang)).collect();
        if as_json {
            results.push(json!({"file": shown, "id": c.id, "problems": messages}));
            continue;
        }
        let n = messages.len();
        let head = match (lang, n) {
            (Lang::Zh, 0) => format!("{shown}：目录 {} 没有问题（{}）", c.id, counts(&c, lang)),
            (Lang::En, 0) => format!(
                "{shown}: catalog {} has no problems ({})",
                c.id,
                counts(&c, lang)
            ),
            (Lang::Zh, _) => format!("{shown}：目录 {} 有 {n} 个问题", c.id),
            (Lang::En, _) => format!("{shown}: catalog {} has {n} problem(s)", c.id),
        };
        // One line each, whatever the catalog's id or the file's name holds.
        let mut text = format!("{}\n", one_line(&head));
        for m in messages {
            text.push_str(&format!("  {}\n", one_line(m)));
        }
        out::print(&text, Form::Text, lang)?;
    }
    if as_json {
        out::print(&format!("{}\n", Value::Array(results)), Form::Data, lang)?;
    }
    Ok(status)
}

fn run_list(lang: Lang) -> Outcome {
    let newest = newest();
    // The built-in catalogs' own text, tab-separated: written as it is.
    let mut text = String::new();
    for (id, _) in catalog::EMBEDDED {
        let Some(c) = catalog::embedded(id) else {
            continue;
        };
        let mut marks = Vec::new();
        if c.provisional {
            marks.push(lang.pick("暂定", "provisional"));
        }
        if *id == newest {
            marks.push(lang.pick("最新", "newest"));
        }
        let marks = if marks.is_empty() {
            String::new()
        } else {
            format!(" [{}]", marks.join(", "))
        };
        text.push_str(&format!(
            "{id}\t{}–{}\t{}{marks}\t{}\n",
            c.years.0,
            c.years.1,
            counts(&c, lang),
            c.title
        ));
    }
    out::print(&text, Form::Data, lang)?;
    Ok(Exit::Fine)
}
