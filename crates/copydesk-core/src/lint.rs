//! Running the rules over a document.

use std::borrow::Cow;

use crate::diagnostic::{Diagnostic, Severity, Violation};
use crate::document::Document;
use crate::rules::{invalid_encoding, RuleId, RuleSet};
use crate::source::{DecodeError, Source};
use crate::suppression;

/// Every finding for a parsed document, suppressions applied, sorted by
/// position then rule.
pub fn check(document: &Document, rule_set: &RuleSet) -> Vec<Diagnostic> {
    let mut diagnostics = Vec::new();
    let mut violations = Vec::new();
    for (info, severity, rule) in &rule_set.rules {
        rule.check(document, rule_set.language, &mut violations);
        diagnostics.extend(
            violations
                .drain(..)
                .map(|v| diagnostic(Cow::Borrowed(info.name), *severity, v)),
        );
    }
    let texts = crate::packs::ScopeTexts::new(document);
    for active in rule_set
        .pack_rules
        .iter()
        .filter(|active| active.severity != Severity::Off)
    {
        let found = crate::packs::check_rule_in(&texts, active.rule(), rule_set.language);
        diagnostics.extend(
            found
                .into_iter()
                .map(|v| diagnostic(Cow::Owned(active.name.clone()), active.severity, v)),
        );
    }
    suppression::apply(document, rule_set, &mut diagnostics);
    sort(&mut diagnostics);
    diagnostics
}

fn diagnostic(rule: Cow<'static, str>, severity: Severity, violation: Violation) -> Diagnostic {
    Diagnostic {
        rule,
        severity: violation
            .max_severity
            .map_or(severity, |cap| cap.min(severity)),
        range: violation.range,
        message: violation.message,
        help: violation.help,
        fix: violation.fix,
        related: violation.related,
    }
}

pub fn sort(diagnostics: &mut [Diagnostic]) {
    diagnostics.sort_by(|a, b| {
        (a.range.start(), a.range.end(), &a.rule, &a.message).cmp(&(
            b.range.start(),
            b.range.end(),
            &b.rule,
            &b.message,
        ))
    });
}

/// The outcome of linting one file's bytes.
#[derive(Debug)]
pub struct FileResult {
    /// The parsed document, or why the bytes were not text.
    pub document: Result<Document, DecodeError>,
    pub diagnostics: Vec<Diagnostic>,
}

/// Decodes and lints bytes as the file at `path`.
pub fn check_bytes(path: &str, bytes: Vec<u8>, rule_set: &RuleSet) -> FileResult {
    match Source::from_bytes(bytes) {
        Ok(source) => {
            let document = Document::parse(path, source);
            let diagnostics = check(&document, rule_set);
            FileResult {
                document: Ok(document),
                diagnostics,
            }
        }
        Err(error) => {
            let severity = rule_set.severity_of(RuleId::InvalidEncoding);
            let diagnostics = if severity == Severity::Off {
                Vec::new()
            } else {
                let violation = invalid_encoding::violation(&error, rule_set.language);
                vec![Diagnostic {
                    rule: Cow::Borrowed(RuleId::InvalidEncoding.name()),
                    severity,
                    range: violation.range,
                    message: violation.message,
                    help: violation.help,
                    fix: None,
                    related: Vec::new(),
                }]
            };
            FileResult {
                document: Err(error),
                diagnostics,
            }
        }
    }
}
