//! Applying fixes: without overlap, then linting again until the text settles.

use crate::diagnostic::{Applicability, Diagnostic, Fix};
use crate::document::Document;
use crate::lint::check;
use crate::rules::RuleSet;
use crate::source::Source;

/// Applies the fixes of `diagnostics` that `unsafe_fixes` allows, skipping any
/// that overlap one already taken. Returns the new text and the rules fixed.
pub fn apply_fixes<'d>(
    text: &str,
    diagnostics: &'d [Diagnostic],
    unsafe_fixes: bool,
) -> (String, Vec<&'d str>) {
    let mut fixes: Vec<(&Fix, &str)> = diagnostics
        .iter()
        .filter_map(|diagnostic| Some((diagnostic.fix.as_ref()?, diagnostic.rule.as_ref())))
        .filter(|(fix, _)| unsafe_fixes || fix.applicability == Applicability::Safe)
        .filter(|(fix, _)| !fix.edits.is_empty())
        .collect();
    fixes.sort_by_key(|(fix, _)| (fix.edits[0].range.start(), fix.edits[0].range.end()));
    let mut output = String::with_capacity(text.len());
    let mut last = 0usize;
    let mut applied = Vec::new();
    let mut seen = std::collections::HashSet::new();
    for (fix, rule) in fixes {
        let starts_after_last = fix
            .edits
            .iter()
            .all(|edit| usize::from(edit.range.start()) >= last)
            && fix
                .edits
                .windows(2)
                .all(|pair| pair[0].range.end() <= pair[1].range.start());
        // Two findings may carry the same fix (one edit for both): apply it once.
        if !starts_after_last || !seen.insert(fix) {
            continue;
        }
        for edit in &fix.edits {
            let start = usize::from(edit.range.start());
            output.push_str(&text[last..start]);
            output.push_str(&edit.replacement);
            last = usize::from(edit.range.end());
        }
        applied.push(rule);
    }
    output.push_str(&text[last..]);
    (output, applied)
}

/// Fixing stops after this many rounds; rules still offering fixes then are
/// named as not settling. Every front end uses this cap.
pub const MAX_FIX_ROUNDS: usize = 10;

/// The result of fixing one file until it settles.
#[derive(Debug, Clone, PartialEq)]
pub struct FixOutcome {
    pub text: String,
    /// How many fixes were applied, over all rounds.
    pub fixed: usize,
    /// Rules still offering fixes when the round cap was hit.
    pub unsettled: Vec<String>,
    /// The findings that remain in the final text.
    pub remaining: Vec<Diagnostic>,
}

/// Lints, applies fixes and lints again, up to `max_rounds` times.
pub fn fix_until_settled(
    path: &str,
    source: Source,
    rule_set: &RuleSet,
    unsafe_fixes: bool,
    max_rounds: usize,
) -> FixOutcome {
    let mut document = Document::parse(path, source);
    let mut diagnostics = check(&document, rule_set);
    let mut fixed = 0;
    for _ in 0..max_rounds {
        let (text, applied) = apply_fixes(document.source.text(), &diagnostics, unsafe_fixes);
        if applied.is_empty() {
            return FixOutcome {
                text,
                fixed,
                unsettled: Vec::new(),
                remaining: diagnostics,
            };
        }
        fixed += applied.len();
        document = Document::parse(path, Source::new(text));
        diagnostics = check(&document, rule_set);
    }
    let (_, unsettled) = apply_fixes(document.source.text(), &diagnostics, unsafe_fixes);
    let mut unsettled: Vec<String> = unsettled.into_iter().map(str::to_string).collect();
    unsettled.sort_unstable();
    unsettled.dedup();
    FixOutcome {
        text: document.source.text().to_string(),
        fixed,
        unsettled,
        remaining: diagnostics,
    }
}
