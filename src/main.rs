//! The `fundplan` binary: subcommands run the command line; without one the
//! desktop app opens (with FILE, or the last/bundled plan).

// A Windows release build is a GUI program, so double-clicking it (or a plan
// file) opens no console window; the command line attaches to the console of
// the cmd or PowerShell it was started from instead (see `console`).
#![cfg_attr(all(windows, not(debug_assertions)), windows_subsystem = "windows")]

use std::process::ExitCode;

use clap::Parser;
use fundplan::Exit;
use fundplan::cli::{self, Cli};

fn main() -> ExitCode {
    fundplan::logger::install();
    let args = match Cli::try_parse() {
        Ok(args) => args,
        Err(e) => {
            // --help, --version and usage errors print, so they need the console.
            console::attach();
            e.exit()
        }
    };
    let exit = match args.command {
        Some(command) => {
            console::attach();
            cli::run(command, args.lang.unwrap_or_default())
        }
        None => open_app(args.file, args.lang),
    };
    exit.into()
}

#[cfg(windows)]
mod console {
    #[link(name = "kernel32")]
    unsafe extern "system" {
        /// <https://learn.microsoft.com/windows/console/attachconsole>
        fn AttachConsole(process_id: u32) -> i32;
    }
    const ATTACH_PARENT_PROCESS: u32 = u32::MAX;

    /// Lets the command line print in the cmd or PowerShell window it was
    /// started from. A GUI-subsystem program has no console, and its standard
    /// handles are null unless redirected; Windows fills the null ones with
    /// the parent's console here and leaves redirected ones (`> out.txt`, a
    /// pipe) alone. Rust's stdout looks the handle up on every write. Started
    /// from Explorer there is no parent console and nothing changes.
    pub fn attach() {
        // SAFETY: a plain Win32 call taking an integer; failure is reported by
        // the return value, which is fine to ignore (no console to attach to,
        // or one is attached already as in a debug build).
        unsafe {
            AttachConsole(ATTACH_PARENT_PROCESS);
        }
    }
}

#[cfg(not(windows))]
mod console {
    /// Elsewhere a program always has its terminal.
    pub fn attach() {}
}

#[cfg(feature = "gui")]
fn open_app(file: Option<std::path::PathBuf>, lang: Option<fundplan::Lang>) -> Exit {
    fundplan::gui::run(file, lang)
}

#[cfg(not(feature = "gui"))]
fn open_app(_file: Option<std::path::PathBuf>, lang: Option<fundplan::Lang>) -> Exit {
    let lang = lang.unwrap_or_default();
    console::attach();
    eprintln!(
        "{}",
        lang.pick(
            "此版本未包含桌面程序；请使用子命令，见 fundplan --help",
            "this build has no desktop app; use a subcommand, see fundplan --help"
        )
    );
    Exit::Failed
}
