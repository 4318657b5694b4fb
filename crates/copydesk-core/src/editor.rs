//! What an editor asks the rules about a place in a document: a hover on a
//! value a rule owns (the reading time, a tag), and completions while a tag
//! is typed. The language server only converts positions and types.

use crate::config::{options_of, Config};
use crate::document::Document;
use crate::front_matter::Value;
use crate::messages::Language;
use crate::rules::{reading_time, tag_vocabulary};
use crate::source::{TextRange, TextSize};

/// One completion item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    /// What the list shows: the name, or `alias → name`.
    pub label: String,
    /// What accepting it writes, quoted when the list needs it.
    pub insert: String,
    /// What typing is matched against: the name, or the alias.
    pub filter: String,
    pub detail: Option<String>,
    pub documentation: Option<String>,
}

/// Completions, best first, and the typed text they replace.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completions {
    pub replace: TextRange,
    pub items: Vec<Completion>,
}

/// The hover of the rule that owns the front-matter value at `offset`:
/// the reading-time estimate, or a tag's vocabulary entry.
pub fn hover(
    config: &Config,
    relative_path: &str,
    document: &Document,
    offset: TextSize,
    language: Language,
) -> Option<String> {
    let rules = config.rules_for(relative_path);
    let entry = document
        .front_matter
        .entries
        .iter()
        .find(|entry| entry.range.contains_inclusive(offset))?;
    let reading = options_of(&rules.reading_time);
    if reading.fields.contains(&entry.key) {
        return Some(reading_time::hover(&reading, document, language));
    }
    if !options_of(&rules.tag_vocabulary)
        .fields
        .contains(&entry.key)
    {
        return None;
    }
    let Value::List(items) = &entry.value else {
        return None;
    };
    let tag = items
        .iter()
        .find(|item| item.range.contains_inclusive(offset))?
        .value
        .as_str()?;
    let vocabulary = config.vocabulary_for(relative_path, &entry.key)?;
    Some(tag_vocabulary::hover(
        &vocabulary,
        &entry.key,
        tag,
        language,
    ))
}

/// Tags from the vocabulary for the list item being typed at `offset` in
/// `text`, which need not parse yet.
pub fn completions(
    config: &Config,
    relative_path: &str,
    text: &str,
    offset: TextSize,
    language: Language,
) -> Option<Completions> {
    let item = crate::typing::list_item_at(text, usize::from(offset))?;
    let fields = options_of(&config.rules_for(relative_path).tag_vocabulary).fields;
    if !fields.iter().any(|field| field == item.field) {
        return None;
    }
    let vocabulary = config.vocabulary_for(relative_path, item.field)?;
    Some(Completions {
        replace: item.typed,
        items: tag_vocabulary::completions(&vocabulary, text, &item, language),
    })
}
