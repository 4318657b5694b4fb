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
    /// One diagnostic's JSON, reused.
    buffer: Vec<u8>,
}

#[derive(Serialize)]
struct Failure {
    path: String,
    message: String,
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

impl Report for Json {
    fn file(&mut self, out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        self.start(out)?;
        if let Some(failure) = &outcome.failure {
            self.failures.push(Failure {
                path: outcome.path.clone(),
                message: failure.clone(),
            });
        }
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
            };
            // Serialized into a buffer first: serde_json writes a few bytes at a
            // time, and each write through `dyn Write` is a call.
            self.buffer.clear();
            self.buffer
                .extend_from_slice(if self.wrote_one { b",\n  " } else { b"\n  " });
            serde_json::to_writer(&mut self.buffer, &item)?;
            out.write_all(&self.buffer)?;
            self.wrote_one = true;
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        self.start(out)?;
        out.write_all(b"\n],\n\"failures\": ")?;
        serde_json::to_writer(&mut *out, &self.failures)?;
        out.write_all(b",\n\"summary\": ")?;
        serde_json::to_writer(
            &mut *out,
            &serde_json::json!({
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
                "fixable": summary.fixable,
                "failures": summary.failures,
                "baselined": summary.baselined,
                "stale_baseline": summary.stale_baseline,
            }),
        )?;
        out.write_all(b"\n}\n")
    }
}
