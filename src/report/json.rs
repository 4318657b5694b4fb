use std::io::{self, Write};

use serde_json::{json, Value};

use crate::check::{FileOutcome, Point, Summary};
use crate::report::Report;

/// One JSON object: `diagnostics`, `failures` and `summary` (see the README).
#[derive(Default)]
pub struct Json {
    diagnostics: Vec<Value>,
    failures: Vec<Value>,
}

fn point(point: Point) -> Value {
    json!({ "line": point.line, "column": point.column, "offset": point.offset })
}

impl Report for Json {
    fn file(&mut self, _out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        if let Some(failure) = &outcome.failure {
            self.failures
                .push(json!({ "path": outcome.path, "message": failure }));
        }
        for located in &outcome.diagnostics {
            let diagnostic = &located.diagnostic;
            let mut object = json!({
                "path": outcome.path,
                "rule": diagnostic.rule,
                "severity": diagnostic.severity.as_str(),
                "message": diagnostic.message,
                "start": point(located.start),
                "end": point(located.end),
            });
            if let Some(help) = &diagnostic.help {
                object["help"] = json!(help);
            }
            if let Some(fix) = &diagnostic.fix {
                let edits: Vec<Value> = fix
                    .edits
                    .iter()
                    .zip(&located.edits)
                    .map(|(edit, (start, end))| {
                        json!({ "start": point(*start), "end": point(*end), "replacement": edit.replacement })
                    })
                    .collect();
                object["fix"] = json!({
                    "title": fix.title,
                    "applicability": fix.applicability,
                    "edits": edits,
                });
            }
            self.diagnostics.push(object);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let report = json!({
            "diagnostics": std::mem::take(&mut self.diagnostics),
            "failures": std::mem::take(&mut self.failures),
            "summary": {
                "files": summary.files,
                "errors": summary.errors,
                "warnings": summary.warnings,
                "infos": summary.infos,
                "fixable": summary.fixable,
                "failures": summary.failures,
            },
        });
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}
