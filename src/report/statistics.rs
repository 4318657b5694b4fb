//! `--statistics`: how many findings each rule has, instead of the findings,
//! as ruff's `--statistics` does, so a first run on an archive is an overview.

use std::collections::BTreeMap;
use std::io::{self, Write};

use copydesk_core::tr;
use serde::Serialize;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::check::{FileOutcome, Summary};
use crate::report::json::{summary_json, Failure};
use crate::report::{summary_line, Report};

/// A line of the table fits a terminal this wide.
const WIDTH: usize = 100;

#[derive(Default, Serialize)]
struct RuleCount {
    rule: String,
    count: usize,
    /// Findings with a fix (safe or unsafe).
    fixable: usize,
    errors: usize,
    warnings: usize,
    infos: usize,
}

/// Counts per rule, most first; text for people or one JSON object.
pub struct Statistics {
    json: bool,
    counts: BTreeMap<String, RuleCount>,
    failures: Vec<Failure>,
}

impl Statistics {
    pub fn new(json: bool) -> Statistics {
        Statistics {
            json,
            counts: BTreeMap::new(),
            failures: Vec::new(),
        }
    }

    fn sorted(&mut self) -> Vec<RuleCount> {
        let mut counts: Vec<RuleCount> = std::mem::take(&mut self.counts).into_values().collect();
        // Most first; a tie in the rule's name order, which the map gives.
        counts.sort_by_key(|count| std::cmp::Reverse(count.count));
        counts
    }
}

impl Report for Statistics {
    fn file(&mut self, _: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        if let Some(failure) = &outcome.failure {
            self.failures.push(Failure {
                path: outcome.path.clone(),
                message: failure.clone(),
            });
        }
        for located in &outcome.diagnostics {
            let diagnostic = &located.diagnostic;
            let count = self
                .counts
                .entry(diagnostic.rule.to_string())
                .or_insert_with(|| RuleCount {
                    rule: diagnostic.rule.to_string(),
                    ..RuleCount::default()
                });
            count.count += 1;
            count.fixable += usize::from(diagnostic.fix.is_some());
            match diagnostic.severity {
                copydesk_core::Severity::Error => count.errors += 1,
                copydesk_core::Severity::Warning => count.warnings += 1,
                _ => count.infos += 1,
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let language = summary.language;
        let counts = self.sorted();
        if self.json {
            let value = serde_json::json!({
                "version": 1,
                "statistics": counts,
                "failures": self.failures,
                "summary": summary_json(summary),
            });
            serde_json::to_writer_pretty(&mut *out, &value)?;
            return writeln!(out);
        }
        for failure in &self.failures {
            writeln!(out, "{}: error: {}", failure.path, failure.message)?;
        }
        let count_width = counts
            .iter()
            .map(|count| count.count.to_string().len())
            .max()
            .unwrap_or(1);
        let rule_width = counts
            .iter()
            .map(|count| count.rule.len())
            .max()
            .unwrap_or(4);
        for count in &counts {
            let fixable = if count.fixable == 0 {
                String::new()
            } else if count.fixable == count.count {
                tr!(language, "statistics-all-fixable")
            } else {
                tr!(language, "statistics-fixable", count = count.fixable)
            };
            let padding = 16usize.saturating_sub(fixable.width());
            let mut line = format!(
                "{:>count_width$}  {:rule_width$}  {fixable}{:padding$}  ",
                count.count, count.rule, ""
            );
            // The rule's summary, as much as fits a terminal's width (CJK
            // characters take two columns).
            let summary = copydesk_core::rules::find(&count.rule)
                .map_or(String::new(), |info| info.summary(language));
            let mut width = line.width();
            for c in summary.chars() {
                let next = c.width().unwrap_or(0);
                if width + next + 1 > WIDTH {
                    line.push('…');
                    break;
                }
                width += next;
                line.push(c);
            }
            writeln!(out, "{}", line.trim_end())?;
        }
        writeln!(out, "{}", summary_line(summary))
    }
}
