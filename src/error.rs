//! How a command ends: an exit status, or an error that stopped it. `main`
//! is the one place that prints errors and turns them into exit codes.

use std::fmt;

use copydesk_core::message;
use copydesk_core::messages::Message;

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
/// that do not go together, a file that cannot be written. Exit code 2. The
/// message is put into words in the run's language when it is printed.
#[derive(Debug)]
pub struct Error(Message);

impl Error {
    pub fn new(message: Message) -> Error {
        Error(message)
    }

    /// An error already in words, from a lower layer (a path and an OS error).
    pub fn text(text: impl fmt::Display) -> Error {
        Error(message!("cli-error", error = text.to_string()))
    }

    pub fn config(failure: impl fmt::Display) -> Error {
        Error(message!("cli-config-error", error = failure.to_string()))
    }

    pub fn write(what: impl fmt::Display, error: impl fmt::Display) -> Error {
        Error(message!(
            "cli-cannot-write",
            what = what.to_string(),
            error = error.to_string()
        ))
    }

    pub fn message(&self) -> &Message {
        &self.0
    }
}

pub type Outcome = Result<ExitStatus, Error>;
