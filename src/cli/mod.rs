//! The `fundplan` command line: `validate`, `submit`, `sample`, and (with no
//! subcommand) the desktop app. Exit status: 0 fine, 1 a plan has errors,
//! 2 a file could not be loaded (2 wins over 1).

mod diff;
mod summary;
mod table;

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Parser, Subcommand};
use serde_json::{Map, Value, json};

use crate::catalog::{self, Catalog, catalog_for};
use crate::digest;
use crate::file;
use crate::plan::Plan;
use crate::sample::{self, SampleOptions};
use crate::scan::scan_paths;
use crate::submit::submit;
use crate::validate::{Report, Sums, validate};
use crate::{Lang, Money};

/// Largest plan `sample` generates.
pub const MAX_SAMPLE_PROJECTS: usize = 100_000;

/// Plan, check and submit a banner's consolidation of agriculture and pastoral funds.
#[derive(Debug, Parser)]
#[command(name = "fundplan", version)]
pub struct Cli {
    /// Language of messages and of the app: zh (the default) or en.
    #[arg(long, global = true, value_parser = parse_lang)]
    pub lang: Option<Lang>,
    /// What to do; without one, the desktop app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// A plan file to open in the desktop app.
    pub file: Option<PathBuf>,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check plan files (or folders of them) against their catalog.
    Validate {
        /// Use this catalog file instead of the built-in one the plan names.
        #[arg(long, value_name = "CATALOG.ron")]
        catalog: Option<PathBuf>,
        /// Print one JSON array instead of text.
        #[arg(long)]
        json: bool,
        /// Plan files, or folders searched for *.ron.
        #[arg(required = true, value_name = "FILE")]
        files: Vec<PathBuf>,
    },
    /// Validate, then seal the plan for submission (refused when it has errors).
    Submit {
        /// The plan.
        file: PathBuf,
        /// Write the sealed plan here instead of replacing FILE.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Use this catalog file instead of the built-in one the plan names.
        #[arg(long, value_name = "CATALOG.ron")]
        catalog: Option<PathBuf>,
    },
    /// Compare two revisions of a plan: lines and projects added, removed or changed, totals, findings.
    Diff {
        /// The earlier plan.
        old: PathBuf,
        /// The later plan.
        new: PathBuf,
        /// Print JSON instead of text.
        #[arg(long)]
        json: bool,
        /// Use this catalog file instead of the built-in one the new plan names.
        #[arg(long, value_name = "CATALOG.ron")]
        catalog: Option<PathBuf>,
    },
    /// Roll up plans (files, or folders searched for *.ron): one row per plan and totals.
    Summary {
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "csv")]
        json: bool,
        /// Print CSV (UTF-8 with BOM; amounts in yuan) instead of a table.
        #[arg(long)]
        csv: bool,
        /// Use this catalog file instead of the built-in ones the plans name.
        #[arg(long, value_name = "CATALOG.ron")]
        catalog: Option<PathBuf>,
        /// Do not read or write the receipt register (收件登记); every sealed row is "unsealed"/"new" only in memory.
        #[arg(long, conflicts_with = "register")]
        no_register: bool,
        /// The receipt register file (default: fundplan-register.ron in the first folder given, or beside the first file).
        #[arg(long, value_name = "REGISTER.ron")]
        register: Option<PathBuf>,
        /// Plan files or folders.
        #[arg(required = true, value_name = "PATH")]
        paths: Vec<PathBuf>,
    },
    /// Export a plan's tables: Excel/WPS workbook, CSV files, PDF (give at least one).
    #[command(group(clap::ArgGroup::new("what").required(true).multiple(true).args(["xlsx", "csv", "pdf", "notice_pdf"])))]
    Export {
        /// Write the workbook (方案信息, 表1, 表2, 表3, 公示表) here.
        #[arg(long, value_name = "OUT.xlsx")]
        xlsx: Option<PathBuf>,
        /// Write one CSV file per table into this folder (UTF-8 with BOM).
        #[arg(long, value_name = "DIR")]
        csv: Option<PathBuf>,
        /// Write the whole plan as PDF (cover, tables, findings) here.
        #[arg(long, value_name = "OUT.pdf")]
        pdf: Option<PathBuf>,
        /// Write the public-notice table (公告公示) alone as PDF here.
        #[arg(long, value_name = "OUT.pdf")]
        notice_pdf: Option<PathBuf>,
        /// The plan.
        file: PathBuf,
    },
    /// Read a plan from a workbook laid out as `export --xlsx` writes it.
    Import {
        /// The workbook.
        xlsx: PathBuf,
        /// Where to write the plan.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
        /// Use this catalog file instead of the built-in default.
        #[arg(long, value_name = "CATALOG.ron")]
        catalog: Option<PathBuf>,
    },
    /// Write a valid, realistic synthetic plan (same seed, same bytes).
    Sample {
        /// Number of projects (at most 100000).
        #[arg(long, default_value_t = sample::DEFAULT_PROJECTS, value_parser = parse_projects)]
        projects: usize,
        /// Seed; it also picks the banner.
        #[arg(long, default_value_t = 0)]
        seed: u64,
        /// Output file; standard output when absent.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
}

fn parse_lang(s: &str) -> Result<Lang, String> {
    Lang::parse(s).ok_or_else(|| format!("unknown language {s:?}: use zh or en"))
}

fn parse_projects(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(n) if n <= MAX_SAMPLE_PROJECTS => Ok(n),
        _ => Err(format!(
            "expected a number of projects from 0 to {MAX_SAMPLE_PROJECTS}"
        )),
    }
}

/// Exit status of a subcommand.
pub type ExitCode = i32;

/// Runs a subcommand, printing to stdout/stderr; returns the exit status.
pub fn run(command: Command, lang: Lang) -> ExitCode {
    match command {
        Command::Validate {
            catalog,
            json,
            files,
        } => run_validate(catalog.as_deref(), json, &files, lang),
        Command::Submit {
            file,
            output,
            catalog,
        } => run_submit(&file, output.as_deref(), catalog.as_deref(), lang),
        Command::Sample {
            projects,
            seed,
            output,
        } => run_sample(projects, seed, output.as_deref(), lang),
        Command::Export {
            xlsx,
            csv,
            pdf,
            notice_pdf,
            file,
        } => run_export(
            &file,
            xlsx.as_deref(),
            csv.as_deref(),
            pdf.as_deref(),
            notice_pdf.as_deref(),
            lang,
        ),
        Command::Import {
            xlsx,
            output,
            catalog,
        } => run_import(&xlsx, &output, catalog.as_deref(), lang),
        Command::Diff {
            old,
            new,
            json,
            catalog,
        } => run_diff(&old, &new, json, catalog.as_deref(), lang),
        Command::Summary {
            json,
            csv,
            catalog,
            no_register,
            register,
            paths,
        } => {
            let register = if no_register {
                None
            } else {
                register.or_else(|| crate::register::path_for(&paths))
            };
            run_summary(
                &paths,
                json,
                csv,
                catalog.as_deref(),
                register.as_deref(),
                lang,
            )
        }
    }
}

fn load_explicit_catalog(path: Option<&Path>, lang: Lang) -> Result<Option<Catalog>, ExitCode> {
    match path {
        None => Ok(None),
        Some(p) => file::load_catalog(p).map(Some).map_err(|e| {
            eprintln!("{}", e.message(lang));
            2
        }),
    }
}

fn run_validate(
    catalog_path: Option<&Path>,
    as_json: bool,
    files: &[PathBuf],
    lang: Lang,
) -> ExitCode {
    let explicit = match load_explicit_catalog(catalog_path, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let scan = scan_paths(files);
    let files = scan.files;
    let mut status = 0;
    let mut results = Vec::with_capacity(files.len());
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for path in &files {
        let shown = path.display().to_string();
        match file::load_plan(path) {
            Err(e) => {
                status = 2;
                if as_json {
                    results.push(json!({"file": shown, "load_error": e.message(lang)}));
                } else {
                    eprintln!("{}", e.message(lang));
                }
            }
            Ok(plan) => {
                let report = validate(&plan, &catalog_for(&plan, explicit.as_ref()));
                if report.errors() > 0 && status == 0 {
                    status = 1;
                }
                if as_json {
                    results.push(report_json(&shown, &report, lang));
                } else {
                    // A closed stdout (`| head`) leaves the exit status to tell.
                    write!(out, "{}", report_text(&shown, &report, lang)).ok();
                }
            }
        }
    }
    for e in &scan.problems {
        status = 2;
        if as_json {
            results
                .push(json!({"file": e.path.display().to_string(), "load_error": e.message(lang)}));
        } else {
            eprintln!("{}", e.message(lang));
        }
    }
    if as_json {
        // A closed stdout leaves the exit status to tell.
        writeln!(out, "{}", Value::Array(results)).ok();
    }
    status
}

/// The human-readable block for one file: a summary line, then one line per
/// finding (already sorted by severity, then path).
pub fn report_text(file: &str, report: &Report, lang: Lang) -> String {
    let (e, w) = (report.errors(), report.warnings());
    let mut s = match lang {
        Lang::Zh => format!("{file}：{e} 个错误，{w} 个警告\n"),
        Lang::En => format!("{file}: {e} error(s), {w} warning(s)\n"),
    };
    for f in &report.findings {
        let path = if f.path.is_empty() {
            "-"
        } else {
            f.path.as_str()
        };
        s.push_str(&format!(
            "  {} {} {}  {}\n",
            f.severity().label(lang),
            f.rule.code(),
            path,
            f.message.get(lang)
        ));
    }
    s
}

/// The JSON object for one validated file (see rules.md).
pub fn report_json(file: &str, report: &Report, lang: Lang) -> Value {
    let findings: Vec<Value> = report
        .findings
        .iter()
        .map(|f| {
            json!({
                "rule": f.rule.code(),
                "severity": f.severity().code(),
                "path": f.path,
                "message": f.message.get(lang),
            })
        })
        .collect();
    json!({
        "file": file,
        "errors": report.errors(),
        "warnings": report.warnings(),
        "findings": findings,
        "totals": totals_json(report),
    })
}

fn money(m: Money) -> Value {
    Value::String(m.to_file_string())
}

fn sums(s: &Sums) -> Value {
    json!({"allocated": money(s.allocated), "integrated": money(s.integrated), "arranged": money(s.arranged)})
}

/// Report totals as JSON; amounts are yuan strings, exact as in plan files.
pub fn totals_json(report: &Report) -> Value {
    let t = &report.totals;
    let by_level: Map<String, Value> = t
        .by_level
        .iter()
        .map(|(k, v)| (k.ident().to_string(), sums(v)))
        .collect();
    let by_category: Map<String, Value> = t
        .by_category
        .iter()
        .map(|(k, v)| (k.ident().to_string(), sums(v)))
        .collect();
    let by_use: Map<String, Value> = t
        .by_use
        .iter()
        .map(|(k, v)| (k.ident().to_string(), money(*v)))
        .collect();
    json!({
        "allocated": money(t.allocated),
        "integrated": money(t.integrated),
        "not_integrated": money(t.not_integrated()),
        "arranged": money(t.arranged),
        "unarranged": money(t.unarranged()),
        "cross_category": money(t.cross_category),
        "cross_share": t.cross_share.map(|d| d.round_dp(4).to_string()),
        "by_level": by_level,
        "by_category": by_category,
        "by_use": by_use,
    })
}

fn run_submit(
    path: &Path,
    output: Option<&Path>,
    catalog_path: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let explicit = match load_explicit_catalog(catalog_path, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let plan = match load_or_report(path, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
    match submit(&plan, &catalog_for(&plan, explicit.as_ref())) {
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
            1
        }
        Ok(sealed) => {
            let target = output.unwrap_or(path);
            if let Err(e) = file::save_plan(&sealed, target) {
                eprintln!("{}", e.message(lang));
                return 2;
            }
            let digest = sealed.submission.as_ref().map_or("", |s| s.digest.as_str());
            match lang {
                Lang::Zh => println!("已提交：{}（{digest}）", target.display()),
                Lang::En => println!("submitted: {} ({digest})", target.display()),
            }
            0
        }
    }
}

fn run_sample(projects: usize, seed: u64, output: Option<&Path>, lang: Lang) -> ExitCode {
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
            // A closed stdout is the reader's choice; the import itself succeeded.
            std::io::stdout()
                .write_all(file::plan_to_string(&plan).as_bytes())
                .ok();
            0
        }
    }
}

fn run_diff(
    old: &Path,
    new: &Path,
    as_json: bool,
    catalog_path: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let explicit = match load_explicit_catalog(catalog_path, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    // Both are loaded, so that both files' errors are reported.
    let (Ok(a), Ok(b)) = (load_or_report(old, lang), load_or_report(new, lang)) else {
        return 2;
    };
    let d = crate::diff::diff(&a, &b, &catalog_for(&b, explicit.as_ref()));
    let (old, new) = (old.display().to_string(), new.display().to_string());
    if as_json {
        println!("{}", diff::diff_json(&old, &new, &d, lang));
    } else {
        print!("{}", diff::diff_text(&old, &new, &d, lang));
    }
    0
}

/// Loads a plan, or prints why not and gives exit status 2.
fn load_or_report(path: &Path, lang: Lang) -> Result<Plan, ExitCode> {
    file::load_plan(path).map_err(|e| {
        eprintln!("{}", e.message(lang));
        2
    })
}

fn run_summary(
    paths: &[PathBuf],
    as_json: bool,
    as_csv: bool,
    catalog_path: Option<&Path>,
    register: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let explicit = match load_explicit_catalog(catalog_path, lang) {
        Ok(c) => c,
        Err(code) => return code,
    };
    let scan = scan_paths(paths);
    let mut s = crate::summary::summarize(&scan.files, explicit.as_ref());
    s.failures.extend(scan.problems);
    // The register: a broken one is reported and left alone (exit status 2),
    // the roll-up is still printed, with every row "unsealed" or unchecked.
    let mut register_failed = false;
    if let Some(path) = register {
        match crate::register::Register::load(path, lang) {
            Ok(mut reg) => {
                let before = reg.entries.len();
                crate::summary::register(&mut s, &mut reg, &digest::now_rfc3339());
                if reg.entries.len() != before
                    && let Err(e) = reg.save(path, lang)
                {
                    eprintln!("{e}");
                    register_failed = true;
                }
            }
            Err(e) => {
                eprintln!("{e}");
                register_failed = true;
            }
        }
    }
    let text = if as_json {
        format!("{}\n", summary::summary_json(&s, lang))
    } else if as_csv {
        summary::summary_csv(&s)
    } else {
        summary::summary_text(&s, lang)
    };
    // A closed stdout leaves the exit status to tell.
    std::io::stdout().write_all(text.as_bytes()).ok();
    if s.failures.is_empty() && !register_failed {
        0
    } else {
        2
    }
}

fn run_export(
    path: &Path,
    xlsx: Option<&Path>,
    csv: Option<&Path>,
    pdf: Option<&Path>,
    notice: Option<&Path>,
    lang: Lang,
) -> ExitCode {
    let plan = match load_or_report(path, lang) {
        Ok(p) => p,
        Err(code) => return code,
    };
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
        return 2;
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
    if let Some(out) = pdf {
        let bytes = crate::export::pdf::plan_pdf(&plan, &report);
        results.push(file::replace_keeping_backup(out, &bytes).map(|()| vec![out.to_path_buf()]));
    }
    if let Some(out) = notice {
        let bytes = crate::export::pdf::notice_pdf(&plan);
        results.push(file::replace_keeping_backup(out, &bytes).map(|()| vec![out.to_path_buf()]));
    }
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
    status
}

fn run_import(xlsx: &Path, output: &Path, catalog_path: Option<&Path>, lang: Lang) -> ExitCode {
    let catalog = match load_explicit_catalog(catalog_path, lang) {
        Ok(c) => c.unwrap_or_else(catalog::default_catalog),
        Err(code) => return code,
    };
    match crate::import::import_file(xlsx, &catalog) {
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
    }
}
