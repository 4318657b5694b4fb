//! How a command ends: an exit status, or an error that stopped it. `main`
//! is the one place that prints errors and turns them into exit codes.

use std::fmt;

/// Exit codes, as in ruff and ESLint.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// Nothing to report, or nothing over the limits.
    Clean,
    /// Findings that fail the run.
    Findings,
    /// The command did what it could, but something (a file, a write) failed
    /// and was reported as it happened.
    Incomplete,
}

impl ExitStatus {
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Findings => 1,
            ExitStatus::Incomplete => 2,
        }
    }
}

/// Why a command could not run: a config that cannot be used, arguments
/// that do not go together, a file that cannot be written. Exit code 2.
#[derive(Debug)]
pub struct Error(String);

impl Error {
    pub fn new(message: impl Into<String>) -> Error {
        Error(message.into())
    }

    pub fn config(failure: impl fmt::Display) -> Error {
        Error(format!("config error: {failure}"))
    }

    pub fn write(what: impl fmt::Display, error: impl fmt::Display) -> Error {
        Error(format!("cannot write {what}: {error}"))
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

pub type Outcome = Result<ExitStatus, Error>;
