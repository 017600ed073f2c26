//! How a run of `fundplan` ends, as the process's exit status. One enum for
//! the command line and the desktop app, so each number is chosen by name,
//! and `main` hands it to [`std::process::ExitCode`].

/// The exit status of a run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// 0: done, nothing wrong.
    Fine,
    /// 1: a plan (or catalog, or workbook) has errors; the command did its work.
    Findings,
    /// 1: the desktop app could not open its window (said on stderr and in a
    /// system dialog).
    NoWindow,
    /// 2: a file could not be loaded, read or written, or the command could
    /// not run as asked. It wins over [`Exit::Findings`].
    Failed,
}

impl Exit {
    /// The number the process exits with.
    pub fn code(self) -> u8 {
        match self {
            Exit::Fine => 0,
            Exit::Findings | Exit::NoWindow => 1,
            Exit::Failed => 2,
        }
    }
}

impl From<Exit> for std::process::ExitCode {
    fn from(exit: Exit) -> std::process::ExitCode {
        std::process::ExitCode::from(exit.code())
    }
}

#[cfg(test)]
mod tests {
    use super::Exit;

    #[test]
    fn the_numbers_are_those_the_readme_and_scripts_know() {
        let codes = [Exit::Fine, Exit::Findings, Exit::NoWindow, Exit::Failed].map(Exit::code);
        assert_eq!(codes, [0, 1, 1, 2]);
    }
}
