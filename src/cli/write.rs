//! The subcommands that write files: `submit` (the sealed plan), `sample` (a
//! generated plan), `export` (workbook, CSV, PDF) and `import` (a plan from a workbook).

use std::io::Write;
use std::path::{Path, PathBuf};

use super::{ExitCode, Outcome, load_explicit_catalog, load_or_report, report_text};
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
            eprint!(
                "{}",
                report_text(&path.display().to_string(), &report, lang)
            );
            eprintln!(
                "{}",
                lang.pick(
                    "有错误的方案不能提交，未写入任何文件。",
                    "A plan with errors cannot be submitted; nothing was written."
                )
            );
            return Ok(1);
        }
    };
    let target = output.unwrap_or(path);
    if let Err(e) = file::save_plan(&sealed, target) {
        eprintln!("{}", e.message(lang));
        return Ok(2);
    }
    let digest = sealed.submission.as_ref().map_or("", |s| s.digest.as_str());
    match lang {
        Lang::Zh => println!("已提交：{}（{digest}）", target.display()),
        Lang::En => println!("submitted: {} ({digest})", target.display()),
    }
    Ok(0)
}

pub(super) fn run_sample(
    projects: usize,
    seed: u64,
    output: Option<&Path>,
    lang: Lang,
) -> ExitCode {
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
            Ok(()) => 0,
            Err(e) => {
                eprintln!("{}", e.message(lang));
                2
            }
        },
        None => {
            // A closed stdout is the reader's choice; the plan was generated.
            std::io::stdout()
                .write_all(file::plan_to_string(&plan).as_bytes())
                .ok();
            0
        }
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
        eprintln!(
            "{}",
            lang.pick(
                &format!(
                    "输出文件 {} 就是方案文件本身，未导出任何内容",
                    out.display()
                ),
                &format!(
                    "the output {} is the plan itself; nothing was exported",
                    out.display()
                ),
            )
        );
        return Ok(2);
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
    notes.iter().for_each(|n| eprintln!("{n}"));
    let mut status = 0;
    for r in results {
        match r {
            Ok(files) => files.iter().for_each(|f| println!("{}", f.display())),
            Err(e) => {
                eprintln!("{}", e.message(lang));
                status = 2;
            }
        }
    }
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
            eprintln!("{}", e.message(lang));
            eprintln!(
                "{}",
                lang.pick(
                    "工作簿有问题，未导入任何内容。",
                    "The workbook has problems; nothing was imported."
                )
            );
            1
        }
        Ok(plan) => match file::save_plan(&plan, output) {
            Ok(()) => {
                let report = validate(&plan, &catalog);
                print!(
                    "{}",
                    report_text(&output.display().to_string(), &report, lang)
                );
                0
            }
            Err(e) => {
                eprintln!("{}", e.message(lang));
                2
            }
        },
    })
}
