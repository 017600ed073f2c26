//! The subcommands that write files: `submit` (the sealed plan), `sample` (a
//! generated plan), `export` (workbook, CSV, PDF) and `import` (a plan from a workbook).

use std::path::{Path, PathBuf};

use super::out::{self, Form, say, say_lines, shown};
use super::{Exit, Outcome, load_explicit_catalog, load_or_report, report_text};
use crate::Lang;
use crate::catalog::{self, catalog_for};
use crate::export::pdf::{FontDirs, Pdf};
use crate::file;
use crate::sample::{self, SampleOptions};
use crate::submit::submit;
use crate::validate::validate;

pub(super) fn run_submit(
    path: &Path,
    output: Option<&Path>,
    catalog_path: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let explicit = load_explicit_catalog(catalog_path, lang)?;
    let plan = load_or_report(path, lang)?;
    let sealed = match submit(&plan, &catalog_for(&plan, explicit.as_ref())) {
        Ok(sealed) => sealed,
        Err(report) => {
            let report = report_text(&path.display().to_string(), &report, lang);
            say_lines(report.trim_end());
            say(lang.pick(
                "有错误的方案不能提交，未写入任何文件。",
                "A plan with errors cannot be submitted; nothing was written.",
            ));
            return Ok(Exit::Findings);
        }
    };
    let target = output.unwrap_or(path);
    if let Err(e) = file::save_plan(&sealed, target) {
        say(&e.message(lang));
        return Ok(Exit::Failed);
    }
    let digest = sealed.submission.as_ref().map_or("", |s| s.digest.as_str());
    let target = shown(target);
    out::line(
        &match lang {
            Lang::Zh => format!("已提交：{target}（{digest}）"),
            Lang::En => format!("submitted: {target} ({digest})"),
        },
        lang,
    )?;
    Ok(Exit::Fine)
}

pub(super) fn run_sample(projects: usize, seed: u64, output: Option<&Path>, lang: Lang) -> Outcome {
    let plan = sample::generate(
        &catalog::default_catalog(),
        SampleOptions {
            projects,
            seed,
            ..SampleOptions::default()
        },
    );
    match output {
        Some(path) => match file::save_plan(&plan, path) {
            Ok(()) => Ok(Exit::Fine),
            Err(e) => {
                say(&e.message(lang));
                Ok(Exit::Failed)
            }
        },
        // A full disk must not leave a truncated plan behind a status of 0.
        None => out::print(&file::plan_to_string(&plan), Form::Data, lang).map(|()| Exit::Fine),
    }
}

pub(super) fn run_export(
    path: &Path,
    xlsx: Option<&Path>,
    csv: Option<&Path>,
    pdf: Option<&Path>,
    notice: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let plan = load_or_report(path, lang)?;
    // An output that is the plan itself would replace it with a workbook or PDF.
    if let Some(out) = [xlsx, pdf, notice]
        .into_iter()
        .flatten()
        .find(|out| file::same_file(out, path))
    {
        say(lang.pick(
            &format!(
                "输出文件 {} 就是方案文件本身，未导出任何内容",
                out.display()
            ),
            &format!(
                "the output {} is the plan itself; nothing was exported",
                out.display()
            ),
        ));
        return Ok(Exit::Failed);
    }
    let report = validate(&plan, &catalog_for(&plan, None));
    let mut results: Vec<Result<Vec<PathBuf>, file::SaveError>> = Vec::new();
    if let Some(out) = xlsx {
        results.push(crate::export::xlsx::save(&plan, out).map(|()| vec![out.to_path_buf()]));
    }
    if let Some(dir) = csv {
        results.push(crate::export::csv::write_dir(
            &crate::export::tables(&plan),
            dir,
        ));
    }
    // Characters no font had: said on stderr once the PDF is written; the
    // export still succeeded.
    let mut notes = Vec::new();
    let fonts = FontDirs::system();
    if let Some(out) = pdf {
        let pdf = crate::export::pdf::plan_pdf(&plan, &report, &fonts);
        results.push(write_pdf(out, &pdf, lang, &mut notes));
    }
    if let Some(out) = notice {
        let pdf = crate::export::pdf::notice_pdf(&plan, &fonts);
        results.push(write_pdf(out, &pdf, lang, &mut notes));
    }
    notes.iter().for_each(|n| say(n));
    let mut status = Exit::Fine;
    let mut written = String::new();
    for r in results {
        match r {
            Ok(files) => files
                .iter()
                .for_each(|f| written.push_str(&format!("{}\n", shown(f)))),
            Err(e) => {
                say(&e.message(lang));
                status = Exit::Failed;
            }
        }
    }
    out::print(&written, Form::Text, lang)?;
    Ok(status)
}

/// Writes `pdf` to `out`; once written, what it could not print goes to `notes`.
fn write_pdf(
    out: &Path,
    pdf: &Pdf,
    lang: Lang,
    notes: &mut Vec<String>,
) -> Result<Vec<PathBuf>, file::SaveError> {
    file::replace_keeping_backup(out, &pdf.bytes)?;
    if let Some(m) = pdf.missing.message(lang) {
        notes.push(format!("{}{}{m}", out.display(), lang.pick("：", ": ")));
    }
    Ok(vec![out.to_path_buf()])
}

pub(super) fn run_import(
    xlsx: &Path,
    output: &Path,
    catalog_path: Option<&Path>,
    lang: Lang,
) -> Outcome {
    let catalog =
        load_explicit_catalog(catalog_path, lang)?.unwrap_or_else(catalog::default_catalog);
    Ok(match crate::import::import_file(xlsx, &catalog) {
        Err(e) => {
            say_lines(&e.message(lang));
            say(lang.pick(
                "工作簿有问题，未导入任何内容。",
                "The workbook has problems; nothing was imported.",
            ));
            Exit::Findings
        }
        Ok(plan) => match file::save_plan(&plan, output) {
            Ok(()) => {
                let report = validate(&plan, &catalog);
                let name = output.display().to_string();
                out::print(&report_text(&name, &report, lang), Form::Text, lang)?;
                Exit::Fine
            }
            Err(e) => {
                say(&e.message(lang));
                Exit::Failed
            }
        },
    })
}
