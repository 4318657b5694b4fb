//! Report sinks: each output format is one implementation of [`Report`].

use std::io::{self, Write};

use copydesk_core::tr;

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

/// "Checked 3 files: 1 error, 2 warnings, 0 infos (1 fixable)." in the
/// run's language.
pub fn summary_line(summary: &Summary) -> String {
    let language = summary.language;
    let mut line = tr!(
        language,
        "summary-checked",
        files = summary.files,
        errors = summary.errors,
        warnings = summary.warnings,
        infos = summary.infos
    );
    if summary.fixable > 0 {
        line = tr!(
            language,
            "summary-fixable",
            line = line,
            count = summary.fixable
        );
    }
    if summary.baselined > 0 {
        line = tr!(
            language,
            "summary-baselined",
            line = line,
            count = summary.baselined
        );
    }
    if summary.stale_baseline > 0 {
        line = tr!(
            language,
            "summary-stale-baseline",
            line = line,
            count = summary.stale_baseline
        );
    }
    if summary.failures > 0 {
        line = tr!(
            language,
            "summary-failures",
            line = line,
            count = summary.failures
        );
    }
    line = tr!(language, "summary-end", line = line);
    if summary.fixed > 0 {
        let fixed = if summary.dry_run {
            tr!(
                language,
                "summary-would-fix",
                count = summary.fixed,
                files = summary.fixed_files
            )
        } else {
            tr!(
                language,
                "summary-fixed",
                count = summary.fixed,
                files = summary.fixed_files
            )
        };
        line = tr!(language, "summary-fixes-then", fixed = fixed, line = line);
    }
    line
}
