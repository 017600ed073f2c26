//! The `fundplan` command line: `validate`, `submit`, `sample`, `export`, `import`,
//! `diff`, `summary`, `catalog`, and (with no subcommand) the desktop app. Exit status: 0 fine,
//! 1 a plan has errors, 2 a file could not be loaded (2 wins over 1).
//!
//! `args` is what clap parses; [`run`] hands each subcommand to its module:
//! `validate` (and the report formats `submit` and `import` print too), `write`
//! (`submit`, `sample`, `export`, `import`: the subcommands that write files),
//! `diff`, `summary` and `catalog` (export, import, check, list). All of them
//! print through `out`: checked writes, and text for people made safe for a terminal.

mod args;
mod catalog;
mod diff;
mod out;
mod summary;
mod table;
mod validate;
mod write;

use std::path::Path;

pub use args::{CatalogCommand, Cli, Command, MAX_SAMPLE_PROJECTS};
pub use validate::{report_json, report_text, totals_json};

pub use crate::Exit;

use crate::Lang;
use crate::catalog::Catalog;
use crate::file;
use crate::plan::Plan;
use diff::run_diff;
use summary::run_summary;
use validate::run_validate;
use write::{run_export, run_import, run_sample, run_submit};

/// A subcommand's exit status; `Err` when it stopped early (a file it needs could
/// not be loaded, and it said why), so that `?` ends it.
type Outcome = Result<Exit, Exit>;

/// Runs a subcommand, printing to stdout/stderr; returns the exit status.
pub fn run(command: Command, lang: Lang) -> Exit {
    let outcome = match command {
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
        Command::Catalog { command } => catalog::run_catalog(command, lang),
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
    };
    outcome.unwrap_or_else(|code| code)
}

fn load_explicit_catalog(path: Option<&Path>, lang: Lang) -> Result<Option<Catalog>, Exit> {
    match path {
        None => Ok(None),
        Some(p) => file::load_catalog(p).map(Some).map_err(|e| {
            out::say(&e.message(lang));
            Exit::Failed
        }),
    }
}

/// Loads a plan, or prints why not and gives exit status 2.
fn load_or_report(path: &Path, lang: Lang) -> Result<Plan, Exit> {
    file::load_plan(path).map_err(|e| {
        out::say(&e.message(lang));
        Exit::Failed
    })
}
