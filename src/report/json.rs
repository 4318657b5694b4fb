use std::io::{self, Write};

use serde::Serialize;

use crate::check::{FileOutcome, Point, Summary};
use crate::report::Report;

/// One JSON object: `diagnostics`, `failures` and `summary` (see the README).
/// Diagnostics are written as they come, so memory does not grow with them.
#[derive(Default)]
pub struct Json {
    started: bool,
    wrote_one: bool,
    failures: Vec<Failure>,
}

/// The `summary` object of the JSON report, and of `--statistics` in JSON.
pub(super) fn summary_json(summary: &Summary) -> serde_json::Value {
    serde_json::json!({
        "files": summary.files,
        "errors": summary.errors,
        "warnings": summary.warnings,
        "infos": summary.infos,
        "fixable": summary.fixable,
        "failures": summary.failures,
        "baselined": summary.baselined,
        "stale_baseline": summary.stale_baseline,
    })
}

/// A file that could not be read or written, as the JSON reports list it.
#[derive(Serialize)]
pub(super) struct Failure {
    pub(super) path: String,
    pub(super) message: String,
}

#[derive(Serialize)]
struct JsonPoint {
    line: u32,
    column: u32,
    offset: u32,
}

impl From<Point> for JsonPoint {
    fn from(point: Point) -> JsonPoint {
        JsonPoint {
            line: point.line,
            column: point.column,
            offset: point.offset,
        }
    }
}

#[derive(Serialize)]
struct JsonEdit<'a> {
    start: JsonPoint,
    end: JsonPoint,
    replacement: &'a str,
}

#[derive(Serialize)]
struct JsonRange {
    start: JsonPoint,
    end: JsonPoint,
}

#[derive(Serialize)]
struct JsonFix<'a> {
    title: &'a str,
    applicability: copydesk_core::Applicability,
    edits: Vec<JsonEdit<'a>>,
}

#[derive(Serialize)]
struct JsonDiagnostic<'a> {
    path: &'a str,
    rule: &'a str,
    severity: &'static str,
    message: &'a str,
    start: JsonPoint,
    end: JsonPoint,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    fix: Option<JsonFix<'a>>,
    /// Later mentions of the same problem, reported with this finding.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related: Vec<JsonRange>,
}

impl Json {
    fn start(&mut self, out: &mut dyn Write) -> io::Result<()> {
        if !self.started {
            self.started = true;
            out.write_all(b"{\n\"diagnostics\": [")?;
        }
        Ok(())
    }
}

/// Outcomes rendered together, in parallel, before they are written in order.
const RENDERED_AT_ONCE: usize = 1024;

/// A file's diagnostics as JSON objects, one per line after the first.
fn render(outcome: &FileOutcome) -> io::Result<Vec<u8>> {
    let mut rendered = Vec::new();
    for located in &outcome.diagnostics {
        let diagnostic = &located.diagnostic;
        let fix = diagnostic.fix.as_ref().map(|fix| JsonFix {
            title: &fix.title,
            applicability: fix.applicability,
            edits: fix
                .edits
                .iter()
                .zip(&located.edits)
                .map(|(edit, (start, end))| JsonEdit {
                    start: (*start).into(),
                    end: (*end).into(),
                    replacement: &edit.replacement,
                })
                .collect(),
        });
        let item = JsonDiagnostic {
            path: &outcome.path,
            rule: &diagnostic.rule,
            severity: diagnostic.severity.as_str(),
            message: &diagnostic.message,
            start: located.start.into(),
            end: located.end.into(),
            help: diagnostic.help.as_deref(),
            fix,
            related: located
                .related
                .iter()
                .map(|(start, end)| JsonRange {
                    start: (*start).into(),
                    end: (*end).into(),
                })
                .collect(),
        };
        if !rendered.is_empty() {
            rendered.extend_from_slice(b",\n  ");
        }
        serde_json::to_writer(&mut rendered, &item)?;
    }
    Ok(rendered)
}

impl Json {
    fn write_rendered(
        &mut self,
        out: &mut dyn Write,
        outcome: &FileOutcome,
        rendered: &[u8],
    ) -> io::Result<()> {
        self.start(out)?;
        if let Some(failure) = &outcome.failure {
            self.failures.push(Failure {
                path: outcome.path.clone(),
                message: failure.clone(),
            });
        }
        if !rendered.is_empty() {
            out.write_all(if self.wrote_one { b",\n  " } else { b"\n  " })?;
            out.write_all(rendered)?;
            self.wrote_one = true;
        }
        Ok(())
    }
}

impl Report for Json {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        let rendered = render(outcome)?;
        self.write_rendered(out, outcome, &rendered)
    }

    fn files(&mut self, out: &mut dyn Write, outcomes: &[FileOutcome]) -> io::Result<()> {
        use rayon::prelude::*;
        for chunk in outcomes.chunks(RENDERED_AT_ONCE) {
            let rendered: Vec<Vec<u8>> = chunk.par_iter().map(render).collect::<io::Result<_>>()?;
            for (outcome, rendered) in chunk.iter().zip(rendered) {
                self.write_rendered(out, outcome, &rendered)?;
            }
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        out.write_all(b"\n],\n\"failures\": ")?;
        serde_json::to_writer(&mut *out, &self.failures)?;
        out.write_all(b",\n\"summary\": ")?;
        serde_json::to_writer(&mut *out, &summary_json(summary))?;
        out.write_all(b"\n}\n")
    }
}
