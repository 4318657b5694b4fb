//! Report sinks: each output format is one implementation of [`Report`].

use std::io::{self, Write};

use crate::check::{FileOutcome, Summary};

mod concise;
mod human;
mod json;

pub use concise::Concise;
pub use human::Human;
pub use json::Json;

pub trait Report {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()>;
    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()>;
}

/// "3 errors, 1 warning" with plurals.
pub fn count(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("{n} {noun}")
    } else {
        format!("{n} {noun}s")
    }
}

pub fn summary_line(summary: &Summary) -> String {
    let mut line = format!(
        "Checked {}: {}, {}, {}",
        count(summary.files, "file"),
        count(summary.errors, "error"),
        count(summary.warnings, "warning"),
        count(summary.infos, "info"),
    );
    if summary.fixable > 0 {
        line.push_str(&format!(" ({} fixable)", summary.fixable));
    }
    if summary.failures > 0 {
        line.push_str(&format!(
            "; {} could not be read",
            count(summary.failures, "path")
        ));
    }
    line.push('.');
    line
}
