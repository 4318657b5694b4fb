//! One module per subcommand. Each returns an exit status or the error that
//! stopped it; `main` prints errors and maps both to exit codes.

pub mod check;
pub mod init;
pub mod report;
pub mod rules;
pub mod vocab;

use std::io::{self, Write};

use copydesk_core::message;
use copydesk_core::messages::Message;
use copydesk_core::Language;

use crate::discover;
use crate::error::ExitStatus;

/// Writes to standard output; a reader that has gone (`copydesk rules | head`)
/// ends the output quietly, where `print!` would panic.
pub fn print_out(bytes: &[u8]) {
    let _ = io::stdout().lock().write_all(bytes);
}

/// A line for the person running copydesk, on standard error, in the run's
/// language: what was written, what could not be read, what went wrong.
#[allow(clippy::print_stderr)]
pub fn note(language: Language, message: &Message) {
    eprintln!("copydesk: {}", message.render(language));
}

/// The language of a command that lints no file: `--lang`, else the
/// current folder's config, else the locale.
pub fn run_language(languages: discover::Languages) -> Language {
    discover::ConfigResolver::new(None, languages).map_or(
        languages.flag.or(languages.fallback).unwrap_or_default(),
        |mut resolver| resolver.run_language(),
    )
}

/// Names each path that could not be walked or read, as `check` does; the
/// run still did what it could, but its exit code says it was incomplete.
pub fn report_failures(language: Language, failures: &[discover::WalkFailure]) -> ExitStatus {
    for failure in failures {
        let message = message!(
            "cli-path-error",
            path = &failure.path,
            error = &failure.message
        );
        note(language, &message);
    }
    if failures.is_empty() {
        ExitStatus::Clean
    } else {
        ExitStatus::Incomplete
    }
}
