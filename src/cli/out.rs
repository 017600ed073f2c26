//! Standard output and standard error of the command line. Every write to
//! stdout is checked and flushed: a full disk (`sample > plan.ron`) or a closed
//! pipe (`summary DIR | head -1`) ends the command with one sentence on stderr
//! and exit status 2, never a silent truncated file with status 0 (nor the
//! panic of `println!`, as Rust ignores SIGPIPE). Text for people has the
//! characters a terminal would act on escaped; data (JSON, CSV, RON) is
//! written as it is, JSON escaping its own.

use std::io::Write;

use super::Exit;
use crate::Lang;
use fundplan_core::text::{for_terminal, for_terminal_lines};

/// What is written: text for people, or data for programs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Form {
    /// Reports and tables: control characters and bidi marks are escaped
    /// (line breaks kept: the program writes them between lines).
    Text,
    /// JSON, CSV, a plan or catalog file: the bytes as they are.
    Data,
}

/// Writes `text` to stdout and flushes it. On failure says why on stderr (in
/// `lang`) and gives exit status 2, for `?` to end the command with.
pub(super) fn print(text: &str, form: Form, lang: Lang) -> Result<(), Exit> {
    let text = match form {
        Form::Text => for_terminal_lines(text),
        Form::Data => text.into(),
    };
    let mut out = std::io::stdout().lock();
    out.write_all(text.as_bytes())
        .and_then(|()| out.flush())
        .map_err(|e| {
            let reason = fundplan_core::ioerr::io_reason(&e, lang);
            say(&match lang {
                Lang::Zh => format!("无法写入标准输出：{reason}"),
                Lang::En => format!("could not write to standard output: {reason}"),
            });
            Exit::Failed
        })
}

/// [`print`] of `line` and a line break, as text for people.
pub(super) fn line(line: &str, lang: Lang) -> Result<(), Exit> {
    print(&format!("{line}\n"), Form::Text, lang)
}

/// Says `message` on stderr as one line, escaped as text for people (a
/// message may quote a file's text, line breaks included). A failure to
/// write to stderr is left alone: there is nowhere left to say it (where
/// `eprintln!` would panic).
pub(super) fn say(message: &str) {
    to_stderr(&for_terminal(message));
}

/// [`say`] of a message of several lines the program itself made (a report,
/// one workbook problem per line), its file-given parts escaped already.
pub(super) fn say_lines(message: &str) {
    to_stderr(&for_terminal_lines(message));
}

fn to_stderr(text: &str) {
    let mut err = std::io::stderr().lock();
    writeln!(err, "{text}").ok();
}

/// A path as text for people, on one line (a file name may hold a line break
/// or an escape sequence too).
pub(super) fn shown(path: &std::path::Path) -> String {
    for_terminal(&path.display().to_string()).into_owned()
}
