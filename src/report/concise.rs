use std::io::{self, Write};

use crate::check::{FileOutcome, Summary};
use crate::report::{summary_line, Report};

/// `path:line:col: severity[rule] message`, which Vim's errorformat reads.
pub struct Concise;

impl Report for Concise {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        if let Some(failure) = &outcome.failure {
            writeln!(out, "{}: error: {failure}", outcome.path)?;
        }
        for located in &outcome.diagnostics {
            let diagnostic = &located.diagnostic;
            writeln!(
                out,
                "{}:{}:{}: {}[{}] {}",
                outcome.path,
                located.start.line,
                located.start.column,
                diagnostic.severity.as_str(),
                diagnostic.rule,
                diagnostic.message
            )?;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        writeln!(out, "{}", summary_line(summary))
    }
}
