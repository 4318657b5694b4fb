use std::io::{self, Write};

use crate::check::{FileOutcome, Summary};
use crate::report::{summary_line, Report};

/// GitHub Actions workflow commands: annotations on the pull request.
pub struct Github;

/// Workflow commands end a message at a newline and treat `%` as an escape.
fn escape_message(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Properties also end at `,` and `:`.
fn escape_property(text: &str) -> String {
    escape_message(text).replace(',', "%2C").replace(':', "%3A")
}

impl Report for Github {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        if let Some(failure) = &outcome.failure {
            writeln!(
                out,
                "::error file={}::{}",
                escape_property(&outcome.path),
                escape_message(failure)
            )?;
        }
        for located in &outcome.diagnostics {
            let diagnostic = &located.diagnostic;
            let command = match diagnostic.severity {
                copydesk_core::Severity::Error => "error",
                copydesk_core::Severity::Warning => "warning",
                _ => "notice",
            };
            writeln!(
                out,
                "::{command} file={},line={},col={},endLine={},endColumn={},title={}::{}",
                escape_property(&outcome.path),
                located.start.line,
                located.start.column,
                located.end.line,
                located.end.column,
                escape_property(&format!("copydesk ({})", diagnostic.rule)),
                escape_message(&diagnostic.message),
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line(summary))
    }
}
