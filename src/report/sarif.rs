use copydesk_core::{tr, Language};
use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::{json, Value};

use crate::check::{FileOutcome, Located, Summary};
use crate::report::Report;

/// SARIF 2.1.0, for GitHub code scanning and other SARIF viewers.
#[derive(Default)]
pub struct Sarif {
    results: Vec<Value>,
    /// Rules that appear in results, by name, so `ruleIndex` is stable.
    rules: BTreeMap<String, ()>,
    notifications: Vec<Value>,
}

fn level(severity: copydesk_core::Severity) -> &'static str {
    match severity {
        copydesk_core::Severity::Error => "error",
        copydesk_core::Severity::Warning => "warning",
        _ => "note",
    }
}

/// Columns are Unicode code points, as `columnKind` declares.
fn region(located: &Located) -> Value {
    json!({
        "startLine": located.start.line,
        "startColumn": located.start.column,
        "endLine": located.end.line,
        "endColumn": located.end.column,
        "charOffset": located.start.offset,
        "charLength": located.end.offset - located.start.offset,
    })
}

/// A rule's metadata: summary, and its doc page as help.
fn rule_descriptor(name: &str, language: Language) -> Value {
    if let Some(info) = copydesk_core::rules::find(name) {
        let (doc, folder) = match language {
            Language::En => (info.doc, "rules"),
            Language::Ja => (info.doc_ja, "rules/ja"),
        };
        return json!({
            "id": info.name,
            "name": info.name,
            "shortDescription": { "text": info.summary(language) },
            "fullDescription": { "text": info.summary(language) },
            "help": { "text": doc, "markdown": doc },
            "helpUri": format!("https://github.com/copydesk/copydesk/blob/main/{folder}/{}.md", info.name),
            "defaultConfiguration": { "level": level(info.default_severity) },
        });
    }
    // A pack rule: its pack file is its documentation.
    let pack = name.split('/').next().unwrap_or(name);
    json!({
        "id": name,
        "name": name,
        "shortDescription": { "text": tr!(language, "sarif-pack-rule", rule = name, pack = pack) },
        "help": { "text": tr!(language, "sarif-pack-rule-help", rule = name, pack = pack) },
    })
}

impl Report for Sarif {
    fn file(&mut self, _out: &mut dyn Write, outcome: &FileOutcome) -> io::Result<()> {
        if let Some(failure) = &outcome.failure {
            self.notifications.push(json!({
                "level": "error",
                "message": { "text": format!("{}: {failure}", outcome.path) },
                "locations": [{ "physicalLocation": { "artifactLocation": { "uri": outcome.path } } }],
            }));
        }
        for located in &outcome.diagnostics {
            let diagnostic = &located.diagnostic;
            self.rules.insert(diagnostic.rule.to_string(), ());
            let mut result = json!({
                "ruleId": diagnostic.rule,
                "level": level(diagnostic.severity),
                "message": { "text": diagnostic.message },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": outcome.path },
                        "region": region(located),
                    }
                }],
            });
            if !located.related.is_empty() {
                let related: Vec<Value> = located
                    .related
                    .iter()
                    .enumerate()
                    .map(|(id, (start, end))| {
                        json!({
                            "id": id,
                            "message": { "text": "mentioned again here" },
                            "physicalLocation": {
                                "artifactLocation": { "uri": outcome.path },
                                "region": {
                                    "startLine": start.line, "startColumn": start.column,
                                    "endLine": end.line, "endColumn": end.column,
                                    "charOffset": start.offset, "charLength": end.offset - start.offset,
                                },
                            },
                        })
                    })
                    .collect();
                result["relatedLocations"] = json!(related);
            }
            if let Some(fix) = &diagnostic.fix {
                let replacements: Vec<Value> = fix
                    .edits
                    .iter()
                    .zip(&located.edits)
                    .map(|(edit, (start, end))| {
                        json!({
                            "deletedRegion": {
                                "startLine": start.line, "startColumn": start.column,
                                "endLine": end.line, "endColumn": end.column,
                                "charOffset": start.offset, "charLength": end.offset - start.offset,
                            },
                            "insertedContent": { "text": edit.replacement },
                        })
                    })
                    .collect();
                result["fixes"] = json!([{
                    "description": { "text": fix.title },
                    "artifactChanges": [{ "artifactLocation": { "uri": outcome.path }, "replacements": replacements }],
                }]);
            }
            self.results.push(result);
        }
        Ok(())
    }

    fn finish(&mut self, out: &mut dyn Write, summary: &Summary) -> io::Result<()> {
        let names: Vec<&String> = self.rules.keys().collect();
        for result in &mut self.results {
            let id = result["ruleId"].as_str().unwrap_or_default().to_string();
            if let Some(index) = names.iter().position(|name| **name == id) {
                result["ruleIndex"] = json!(index);
            }
        }
        let report = json!({
            "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
            "version": "2.1.0",
            "runs": [{
                "tool": {
                    "driver": {
                        "name": "copydesk",
                        "version": env!("CARGO_PKG_VERSION"),
                        "semanticVersion": env!("CARGO_PKG_VERSION"),
                        "informationUri": "https://github.com/copydesk/copydesk",
                        "rules": names.iter().map(|name| rule_descriptor(name, summary.language)).collect::<Vec<_>>(),
                    }
                },
                "columnKind": "unicodeCodePoints",
                "originalUriBaseIds": { "%SRCROOT%": { "uri": "file:///" } },
                "results": std::mem::take(&mut self.results),
                "invocations": [{
                    "executionSuccessful": self.notifications.is_empty(),
                    "toolExecutionNotifications": std::mem::take(&mut self.notifications),
                }],
            }],
        });
        serde_json::to_writer_pretty(&mut *out, &report)?;
        writeln!(out)
    }
}
