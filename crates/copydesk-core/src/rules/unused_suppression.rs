use crate::diagnostic::Violation;
use crate::document::Document;
use crate::rules::Rule;

/// Reports `copydesk-disable` comments that suppress nothing or name an
/// unknown rule. The engine finds them after every other rule has run, in
/// `suppression.rs`. Docs: `rules/unused-suppression.md`.
pub struct UnusedSuppression;

impl Rule for UnusedSuppression {
    fn check(&self, _document: &Document, _violations: &mut Vec<Violation>) {}
}
