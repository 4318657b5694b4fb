//! Code actions: the quick fix a finding carries, "disable for this line",
//! and Fix All.

use std::collections::HashMap;

use copydesk_core::{tr, Applicability, ColumnEncoding, Fix, Language, TextRange};
use serde_json::Value as Json;
use tower_lsp::lsp_types::*;

use super::convert::minimal_edit;
use super::documents::{to_range, OpenDocument};
use super::state::State;

pub(super) const FIX_ALL: &str = "source.fixAll.copydesk";

/// Every safe fix, applied until the text settles, as one edit.
pub(super) fn fix_all(state: &mut State, uri: &Url) -> Option<CodeAction> {
    let encoding = state.encoding;
    let linted = state.lint(uri)?;
    let configured = linted.config.as_ref().ok()?;
    let source = &linted.document.source;
    let outcome = copydesk_core::session::fixed(&linted.document, &configured.rule_set, false);
    if outcome.text == source.text() {
        return None;
    }
    let edit = minimal_edit(source, &outcome.text, encoding);
    Some(CodeAction {
        title: tr!(linted.language, "lsp-fix-all"),
        kind: Some(CodeActionKind::new(FIX_ALL)),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// A fix in a lint of the document's current text, with its finding's rule
/// and range, to match a diagnostic from an earlier version.
pub(super) struct CurrentFix {
    pub(super) rule: String,
    pub(super) range: Range,
    pub(super) fix: Fix,
}

pub(super) fn quick_fix(
    document: &OpenDocument,
    diagnostic: &Diagnostic,
    encoding: ColumnEncoding,
    current: &[CurrentFix],
) -> Option<CodeAction> {
    // A fix computed for another version of the text would edit the wrong
    // bytes: such a diagnostic takes the fix of the same finding now.
    let same_version = |data: &&Json| {
        data.get("version").and_then(Json::as_i64) == Some(i64::from(document.version))
    };
    let fix: Fix = match diagnostic.data.as_ref().filter(same_version) {
        Some(data) => serde_json::from_value(data.get("fix")?.clone()).ok()?,
        None => {
            let NumberOrString::String(rule) = diagnostic.code.as_ref()? else {
                return None;
            };
            current
                .iter()
                .find(|found| found.rule == *rule && found.range == diagnostic.range)?
                .fix
                .clone()
        }
    };
    let edits = fix
        .edits
        .iter()
        .filter(|edit| usize::from(edit.range.end()) <= document.source.text().len())
        .map(|edit| TextEdit {
            range: to_range(&document.source, edit.range, encoding),
            new_text: edit.replacement.clone(),
        })
        .collect();
    Some(CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        is_preferred: Some(fix.applicability == Applicability::Safe),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(document.uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// Inserts a suppression comment above the diagnostic's line: an HTML comment
/// in the body, a YAML or TOML comment in front matter.
pub(super) fn disable_for_line(
    document: &OpenDocument,
    diagnostic: &Diagnostic,
    encoding: ColumnEncoding,
    language: Language,
) -> Option<CodeAction> {
    let rule = match diagnostic.code.as_ref()? {
        NumberOrString::String(rule) => rule.clone(),
        NumberOrString::Number(_) => return None,
    };
    let source = &document.source;
    let line = diagnostic.range.start.line;
    let line_range = source.line_range(line)?;
    let line_text = source.slice(line_range);
    let indent: String = line_text
        .chars()
        .take_while(|ch| *ch == ' ' || *ch == '\t')
        .collect();
    let parsed = copydesk_core::front_matter::FrontMatter::parse(source);
    let in_front_matter = parsed
        .content_range
        .is_some_and(|content| content.contains(line_range.start()));
    let ending = source.line_ending().as_str();
    let comment = if in_front_matter {
        format!("{indent}# copydesk-disable-next-line {rule}{ending}")
    } else {
        format!("<!-- copydesk-disable-next-line {rule} -->{ending}")
    };
    let at = to_range(source, TextRange::empty(line_range.start()), encoding);
    Some(CodeAction {
        title: tr!(language, "lsp-disable-for-line", rule = &rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(
                document.uri.clone(),
                vec![TextEdit {
                    range: at,
                    new_text: comment,
                }],
            )])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}
