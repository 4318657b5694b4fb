//! Hover and completion: a finding's short explanation, and what the rules
//! offer at a place, converted to LSP.

use copydesk_core::{tr, ColumnEncoding, Language, TextSize};
use tower_lsp::lsp_types::*;

use super::documents::to_range;
use super::state::Linted;

/// A finding's hover: its message and help, a few lines on why from the
/// rule's page (unless several findings share the hover), and where to read
/// the rest. Never the whole page.
pub(super) fn rule_hover(
    diagnostic: &copydesk_core::Diagnostic,
    with_why: bool,
    language: Language,
) -> String {
    let mut text = format!("**copydesk: {}**: {}", diagnostic.rule, diagnostic.message);
    if let Some(help) = &diagnostic.help {
        // Two spaces: a Markdown line break, so the help reads as its own line.
        text.push_str(&format!("  \n{help}"));
    }
    text.push_str("\n\n");
    if let Some(why) = copydesk_core::rules::find(&diagnostic.rule)
        .filter(|_| with_why)
        .and_then(|info| why(info, language))
    {
        text.push_str(&format!("{why} "));
    }
    text.push_str(&tr!(language, "lsp-hover-more", rule = &diagnostic.rule));
    text
}

/// At most this many characters of a rule page's "Why is this bad?" go in a hover.
const WHY_CHARACTERS: usize = 280;

/// The first paragraph of a rule page's "Why is this bad?" (「なぜ問題か」),
/// cut at a sentence near [`WHY_CHARACTERS`].
fn why(info: &copydesk_core::rules::RuleInfo, language: Language) -> Option<String> {
    let (doc, heading, sentence_end) = match language {
        Language::En => (info.doc, "\n## Why is this bad?\n", ". "),
        Language::Ja => (info.doc_ja, "\n## なぜ問題か\n", "。"),
    };
    let section = doc.split(heading).nth(1)?;
    let paragraph: Vec<&str> = section
        .trim_start()
        .lines()
        .take_while(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .collect();
    let paragraph = paragraph.join(" ");
    if paragraph.chars().count() <= WHY_CHARACTERS {
        return (!paragraph.is_empty()).then_some(paragraph);
    }
    let cut: String = paragraph.chars().take(WHY_CHARACTERS).collect();
    Some(match cut.rfind(sentence_end) {
        Some(end) => cut[..end + sentence_end.trim_end().len()].to_string(),
        None => format!("{}…", cut.trim_end()),
    })
}

/// The rules' completions at `offset`, as LSP items.
pub(super) fn tag_completions(
    linted: &Linted,
    offset: TextSize,
    encoding: ColumnEncoding,
) -> Option<Vec<CompletionItem>> {
    let configured = linted.config.as_ref().ok()?;
    let source = &linted.document.source;
    let found = copydesk_core::editor::completions(
        &configured.loaded.config,
        &configured.relative,
        source.text(),
        offset,
        linted.language,
    )?;
    let replace = to_range(source, found.replace, encoding);
    let items = found
        .items
        .into_iter()
        .enumerate()
        .map(|(rank, item)| CompletionItem {
            label: item.label,
            kind: Some(CompletionItemKind::VALUE),
            detail: item.detail,
            documentation: item.documentation.map(Documentation::String),
            // Clients filter on this, or on the label when it is absent.
            filter_text: Some(item.filter),
            sort_text: Some(format!("{rank:05}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: replace,
                new_text: item.insert,
            })),
            ..CompletionItem::default()
        })
        .collect();
    Some(items)
}
