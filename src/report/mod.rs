//! Report sinks: each output format is one implementation of [`Report`].

use std::io::{self, Write};

use crate::check::{FileOutcome, Summary};

mod concise;
mod github;
mod human;
mod json;
mod sarif;
mod statistics;
mod window;

pub use concise::Concise;
pub use github::Github;
pub use human::Human;
pub use json::Json;
pub use sarif::Sarif;
pub use statistics::Statistics;

pub trait Report {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()>;

    /// Every file's part, in order. A report whose parts do not depend on one
    /// another can work them out in parallel.
    fn files(&mut self, out: &mut dyn Write, outcomes: &[FileOutcome]) -> io::Result<()> {
        outcomes
            .iter()
            .try_for_each(|outcome| self.file(out, outcome))
    }

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
    let mut line = String::new();
    if summary.fixed > 0 {
        let verb = if summary.dry_run {
            "Would fix"
        } else {
            "Fixed"
        };
        line.push_str(&format!(
            "{verb} {} in {}. ",
            count(summary.fixed, "problem"),
            count(summary.fixed_files, "file")
        ));
    }
    line.push_str(&format!(
        "Checked {}: {}, {}, {}",
        count(summary.files, "file"),
        count(summary.errors, "error"),
        count(summary.warnings, "warning"),
        count(summary.infos, "info"),
    ));
    if summary.fixable > 0 {
        line.push_str(&format!(" ({} fixable)", summary.fixable));
    }
    if summary.baselined > 0 {
        line.push_str(&format!(
            "; {} in the baseline",
            count(summary.baselined, "finding")
        ));
    }
    if summary.stale_baseline > 0 {
        line.push_str(&format!(
            "; {} no longer {} (run with --prune-baseline)",
            if summary.stale_baseline == 1 {
                "1 baseline entry".to_string()
            } else {
                format!("{} baseline entries", summary.stale_baseline)
            },
            if summary.stale_baseline == 1 {
                "matches"
            } else {
                "match"
            }
        ));
    }
    if summary.failures > 0 {
        line.push_str(&format!(
            "; {} could not be read or written",
            count(summary.failures, "path")
        ));
    }
    line.push('.');
    line
}
