//! The `fundplan` binary: subcommands run the command line; without one the
//! desktop app opens (with FILE, or the last/bundled plan).

use clap::Parser;
use fundplan::cli::{self, Cli};

fn main() {
    let args = Cli::parse();
    let code = match args.command {
        Some(command) => cli::run(command, args.lang.unwrap_or_default()),
        None => open_app(args.file, args.lang),
    };
    std::process::exit(code);
}

#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>, lang: Option<fundplan::Lang>) -> cli::ExitCode {
    fundplan::gui::run(file, lang)
}

#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>, lang: Option<fundplan::Lang>) -> cli::ExitCode {
    let lang = lang.unwrap_or_default();
    eprintln!(
        "{}",
        lang.pick(
            "此版本未包含桌面程序；请使用子命令，见 fundplan --help",
            "this build has no desktop app; use a subcommand, see fundplan --help"
        )
    );
    2
}
