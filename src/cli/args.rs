//! The command line's arguments, as clap parses them.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

use crate::Lang;
use crate::sample;

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
        /// Do not read or write the receipt register (收件登记): nothing is checked, every row's "register" is "unsealed" and its "review" "unchecked".
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
    /// Catalogs of fund lines: export one as a workbook, import a region's, check, list.
    Catalog {
        /// What to do with catalogs.
        #[command(subcommand)]
        command: CatalogCommand,
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

/// The `catalog` subcommands.
#[derive(Debug, Subcommand)]
pub enum CatalogCommand {
    /// Write a catalog as an Excel/WPS workbook (--xlsx) or as its catalog file (RON).
    Export {
        /// A built-in catalog's id (see `catalog list`) or a catalog file; default the newest built-in.
        #[arg(value_name = "ID|FILE")]
        catalog: Option<String>,
        /// Write a workbook: 资金目录 (the table a region publishes) and the sheets holding the rest.
        /// Also when OUT ends in .xlsx.
        #[arg(long)]
        xlsx: bool,
        /// Output file; without it, the catalog file's text goes to standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Read a catalog from a workbook (one `catalog export --xlsx` wrote, or a region's own table).
    Import {
        /// The workbook.
        xlsx: PathBuf,
        /// Where to write the catalog file.
        #[arg(short, long, value_name = "OUT.ron")]
        output: PathBuf,
        /// The new catalog's id (instead of the workbook's or the base's).
        #[arg(long)]
        id: Option<String>,
        /// The new catalog's title.
        #[arg(long)]
        title: Option<String>,
        /// The years it applies to: 2021-2025, or one year.
        #[arg(long, value_name = "FROM-TO", value_parser = parse_years)]
        years: Option<(u16, u16)>,
        /// A built-in id or catalog file giving what the workbook lacks (uses, keywords, English names …).
        #[arg(long, value_name = "ID|FILE")]
        base: Option<String>,
    },
    /// Print every problem of catalog files (exit 0: none, 1: problems, 2: a file could not be read).
    Check {
        /// Print one JSON array instead of text.
        #[arg(long)]
        json: bool,
        /// Catalog files.
        #[arg(required = true, value_name = "CATALOG.ron")]
        files: Vec<PathBuf>,
    },
    /// List the built-in catalogs: id, years, lines per level, title.
    List,
}

/// `2021-2025`, `2021–2025` or `2024`.
fn parse_years(s: &str) -> Result<(u16, u16), String> {
    let year = |t: &str| {
        t.trim()
            .parse::<u16>()
            .ok()
            .filter(|y| (1900..=9999).contains(y))
    };
    let parts: Vec<&str> = s.split(['-', '–', '—', '~']).collect();
    let years = match parts.as_slice() {
        [one] => year(one).map(|y| (y, y)),
        [from, to] => year(from).zip(year(to)),
        _ => None,
    };
    match years {
        Some((from, to)) if from <= to => Ok((from, to)),
        _ => Err(format!("expected years such as 2021-2025, not {s:?}")),
    }
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
