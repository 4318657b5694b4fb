use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::diagnostic::{Edit, Fix, Violation};
use crate::document::Document;
use crate::front_matter::{Item, Value};
use crate::messages::Language;
use crate::rules::settings::Resources;
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};
use crate::tr;
use crate::vocabulary::{normalize_tag, Lookup, Vocabulary};

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "TagVocabularyOptions")]
pub struct Options {
    /// List fields to check.
    pub fields: Vec<String>,
    /// A vocabulary file per field, relative to the config's folder.
    pub vocabularies: BTreeMap<String, String>,
    /// The most items a field may have.
    pub max: BTreeMap<String, usize>,
    /// Report a field that is an empty list.
    pub empty: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            fields: vec!["tags".into(), "categories".into(), "topics".into()],
            vocabularies: BTreeMap::new(),
            max: BTreeMap::new(),
            empty: true,
        }
    }
}

/// Checks tags, categories and topics against controlled vocabularies, and
/// reports repeats, too many items and empty lists. Docs: `rules/tag-vocabulary.md`.
pub struct TagVocabulary {
    options: Options,
    vocabularies: HashMap<String, (String, Vocabulary)>,
}

impl TagVocabulary {
    pub fn new(options: Options, resources: &Resources) -> Result<TagVocabulary, String> {
        let mut vocabularies = HashMap::new();
        for (field, path) in &options.vocabularies {
            let text = resources.get(path)?;
            let vocabulary =
                Vocabulary::from_yaml(text).map_err(|error| format!("{path}: {error}"))?;
            vocabularies.insert(field.clone(), (path.clone(), vocabulary));
        }
        Ok(TagVocabulary {
            options,
            vocabularies,
        })
    }

    pub fn vocabulary(&self, field: &str) -> Option<&Vocabulary> {
        self.vocabularies
            .get(field)
            .map(|(_, vocabulary)| vocabulary)
    }
}

impl Rule for TagVocabulary {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        for field in &self.options.fields {
            let Some(entry) = document.front_matter.get(field) else {
                continue;
            };
            let Value::List(items) = &entry.value else {
                continue;
            };
            if items.is_empty() {
                if self.options.empty {
                    violations.push(
                        Violation::new(
                            entry.value_range,
                            tr!(language, "tag-empty-list", field = field),
                        )
                        .with_help(tr!(
                            language,
                            "tag-empty-list-help",
                            field = field
                        )),
                    );
                }
                continue;
            }
            // Spans are needed to point at items; without them, at the field.
            let spanned = items.iter().all(|item| !item.range.is_empty());
            let at = |item: &Item| {
                if spanned {
                    item.range
                } else {
                    entry.value_range
                }
            };
            // An item to take out of the list: an empty one or a repeat.
            let removable = |index: usize, message: String, help: String, title: String| {
                let violation = Violation::new(at(&items[index]), message).with_help(help);
                if spanned {
                    violation.with_fix(Fix::safe(
                        title,
                        vec![Edit::delete(item_removal(document, items, index))],
                    ))
                } else {
                    violation
                }
            };
            let mut seen: HashMap<String, &str> = HashMap::new();
            for (index, item) in items.iter().enumerate() {
                let Some(tag) = item.value.as_str() else {
                    continue;
                };
                if tag.trim().is_empty() {
                    violations.push(removable(
                        index,
                        tr!(language, "tag-empty-item", field = field),
                        tr!(language, "tag-empty-item-help"),
                        tr!(language, "tag-empty-item-fix"),
                    ));
                    continue;
                }
                if let Some(first) = seen.get(&normalize_tag(tag)) {
                    let message = if *first == tag {
                        tr!(language, "tag-listed-twice", tag = tag, field = field)
                    } else {
                        tr!(
                            language,
                            "tag-repeats",
                            tag = tag,
                            first = *first,
                            field = field
                        )
                    };
                    violations.push(removable(
                        index,
                        message,
                        tr!(language, "tag-repeat-help"),
                        tr!(language, "tag-repeat-fix"),
                    ));
                    continue;
                }
                seen.insert(normalize_tag(tag), tag);
                if let Some(named) = self.vocabularies.get(field) {
                    if let Some(violation) = vocabulary_violation(
                        document,
                        language,
                        named,
                        field,
                        tag,
                        at(item),
                        spanned,
                    ) {
                        violations.push(violation);
                    }
                }
            }
            if let Some(&max) = self.options.max.get(field) {
                if items.len() > max {
                    let range = if spanned {
                        TextRange::new(items[max].range.start(), items[items.len() - 1].range.end())
                    } else {
                        entry.value_range
                    };
                    violations.push(
                        Violation::new(
                            range,
                            tr!(
                                language,
                                "tag-too-many",
                                field = field,
                                count = items.len(),
                                max = max
                            ),
                        )
                        .with_help(tr!(
                            language,
                            "tag-too-many-help",
                            max = max
                        )),
                    );
                }
            }
        }
    }
}

/// `(path, vocabulary)`: the vocabulary of `field` and the file it is read from.
fn vocabulary_violation(
    document: &Document,
    language: Language,
    (path, vocabulary): &(String, Vocabulary),
    field: &str,
    tag: &str,
    range: TextRange,
    spanned: bool,
) -> Option<Violation> {
    let replace = |title: String, name: &str| {
        spanned.then(|| {
            Fix::safe(
                title,
                vec![Edit::replace(
                    range,
                    written_like(document.source.slice(range), name),
                )],
            )
        })
    };
    let (violation, fix) = match vocabulary.lookup(tag) {
        Lookup::Canonical(_) => return None,
        Lookup::Variant(term) => (
            Violation::new(
                range,
                tr!(
                    language,
                    "tag-variant",
                    tag = tag,
                    name = &term.name,
                    field = field
                ),
            ),
            replace(
                tr!(language, "tag-variant-fix", name = &term.name),
                &term.name,
            ),
        ),
        Lookup::Alias(term) => (
            Violation::new(
                range,
                tr!(language, "tag-alias", tag = tag, name = &term.name),
            ),
            replace(
                tr!(language, "tag-replace-fix", name = &term.name),
                &term.name,
            ),
        ),
        Lookup::Unknown(suggestions) => match suggestions.as_slice() {
            [] => (
                Violation::new(
                    range,
                    tr!(language, "tag-unknown", tag = tag, field = field),
                )
                .with_help(tr!(
                    language,
                    "tag-unknown-help",
                    tag = tag,
                    path = path
                )),
                None,
            ),
            [only] => (
                Violation::new(
                    range,
                    tr!(
                        language,
                        "tag-unknown-did-you-mean",
                        tag = tag,
                        field = field,
                        names = format!("`{}`", only.name)
                    ),
                ),
                // A guess at a typo: applied only with --unsafe-fixes.
                spanned.then(|| {
                    Fix::unsafe_(
                        tr!(language, "tag-replace-fix", name = &only.name),
                        vec![Edit::replace(
                            range,
                            written_like(document.source.slice(range), &only.name),
                        )],
                    )
                }),
            ),
            several => {
                let names = several
                    .iter()
                    .map(|term| format!("`{}`", term.name))
                    .reduce(|earlier, last| {
                        tr!(language, "list-or", earlier = earlier, last = last)
                    })
                    .unwrap_or_default();
                (
                    Violation::new(
                        range,
                        tr!(
                            language,
                            "tag-unknown-did-you-mean",
                            tag = tag,
                            field = field,
                            names = names
                        ),
                    ),
                    None,
                )
            }
        },
    };
    Some(match fix {
        Some(fix) => violation.with_fix(fix),
        None => violation,
    })
}

/// The replacement written the way the item was: in the same quotes, or
/// plain when plain YAML can hold it.
fn written_like(raw: &str, name: &str) -> String {
    match raw.chars().next() {
        Some('\'') => format!("'{}'", name.replace('\'', "''")),
        Some('"') => format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\"")),
        _ if crate::yaml::is_plain_safe(name) => name.to_string(),
        _ => format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\"")),
    }
}

/// The bytes to delete to remove item `index`: with its comma in a flow
/// list, or its whole line in a block list.
fn item_removal(document: &Document, items: &[Item], index: usize) -> TextRange {
    let text = document.source.text();
    let item = items[index].range;
    let before = text[..usize::from(item.start())].trim_end_matches([' ', '\t']);
    if before.ends_with('-') {
        let line_start = text[..usize::from(item.start())]
            .rfind(['\n', '\r'])
            .map_or(0, |at| at + 1);
        let rest = &text[usize::from(item.end())..];
        let line_end = rest
            .find('\n')
            .map_or(text.len(), |at| usize::from(item.end()) + at + 1);
        let line_end = if rest.starts_with('\r') && !rest.starts_with("\r\n") {
            usize::from(item.end()) + 1
        } else {
            line_end
        };
        return TextRange::new(
            TextSize::from(line_start as u32),
            TextSize::from(line_end as u32),
        );
    }
    if index > 0 {
        TextRange::new(items[index - 1].range.end(), item.end())
    } else if let Some(next) = items.get(1) {
        TextRange::new(item.start(), next.range.start())
    } else {
        item
    }
}

/// The hover on a tag: its vocabulary entry, or that it has none.
pub(crate) fn hover(vocabulary: &Vocabulary, field: &str, tag: &str, language: Language) -> String {
    match vocabulary.lookup(tag) {
        Lookup::Canonical(term) | Lookup::Variant(term) | Lookup::Alias(term) => {
            let mut text = format!("**{}**", term.name);
            if let Some(description) = &term.description {
                text.push_str(&format!(": {description}"));
            }
            if !term.aliases.is_empty() {
                let aliases = tr!(language, "hover-aliases", aliases = term.aliases.join(", "));
                text.push_str(&format!("\n\n{aliases}"));
            }
            text
        }
        Lookup::Unknown(_) => tr!(language, "hover-unknown-tag", tag = tag, field = field),
    }
}

/// Vocabulary names for the tag being typed, found from the text so it works
/// while the front matter does not parse yet: names first, then one item per
/// matching alias (`GenAI → 生成AI`, inserting the name); tags the list has
/// already are not offered.
pub(crate) fn completions(
    vocabulary: &Vocabulary,
    text: &str,
    item: &crate::typing::ListItem,
    language: Language,
) -> Vec<crate::editor::Completion> {
    let typed = &text[item.typed];
    vocabulary
        .completion_candidates(typed, &item.others)
        .into_iter()
        .map(|candidate| {
            let name = &candidate.term.name;
            let insert = if item.quoted || !(item.toml || needs_quotes(name)) {
                name.clone()
            } else {
                format!("\"{}\"", name.replace('\\', "\\\\").replace('"', "\\\""))
            };
            crate::editor::Completion {
                label: match candidate.alias {
                    Some(alias) => format!("{alias} → {name}"),
                    None => name.clone(),
                },
                insert,
                filter: candidate.alias.unwrap_or(name).to_string(),
                detail: candidate
                    .alias
                    .map(|_| tr!(language, "completion-alias-of", name = name)),
                documentation: candidate.term.description.clone(),
            }
        })
        .collect()
}

/// Whether a tag written bare in a YAML flow list would read as something
/// else (a mapping, a comment, another item, an anchor…).
fn needs_quotes(name: &str) -> bool {
    name.contains([',', '[', ']', '{', '}', ':', '#', '"', '\''])
        || name.starts_with(['-', '?', '&', '*', '!', '|', '>', '%', '@', '`', ' '])
        || name.ends_with(' ')
}

#[cfg(test)]
mod tests {
    use crate::config::Config;
    use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config, render_with};

    const VOCABULARY: &str =
        "- name: openSUSE\n  aliases: [SUSE Linux]\n- name: AI\n  aliases: [人工知能]\n- Rust\n- Ruby\n- static-sites\n";
    const CONFIG: &str = "rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: tags.vocab.yml\n    max:\n      tags: 4\n";

    fn config() -> Config {
        Config::from_yaml_with(CONFIG, &|path: &str| {
            if path == "tags.vocab.yml" {
                Ok(VOCABULARY.to_string())
            } else {
                Err(format!("{path}: not found"))
            }
        })
        .unwrap()
    }

    #[test]
    fn aliases_variants_and_did_you_mean_in_a_flow_list() {
        render_with(
            &config(),
            "tag-vocabulary",
            "flow.md",
            "---\ntags: [opensuse, \"人工知能\", Rustt, Rusy, Python]\n---\n",
        );
    }

    #[test]
    fn repeats_and_too_many_in_a_block_list_with_crlf() {
        render_with(
            &config(),
            "tag-vocabulary",
            "block.md",
            "---\r\ntags:\r\n  - AI\r\n  - Rust\r\n  - ai\r\n  - Ruby\r\n  - static sites\r\n---\r\n",
        );
    }

    #[test]
    fn empty_lists_and_no_vocabulary() {
        assert_snapshot_of(
            "tag-vocabulary",
            "empty.md",
            "---\ntags: []\ncategories: [a, A, a]\n---\n",
        );
    }

    /// What a writer leaves while typing a new tag: `""`, or `" "`.
    #[test]
    fn an_empty_item_is_named_as_such_and_removed() {
        assert_snapshot_of(
            "tag-vocabulary",
            "empty-item.md",
            "---\ntags: [\"AI\", \"\", \" \"]\ncategories:\n  - \"\"\n  - News\n---\n",
        );
    }

    #[test]
    fn empty_lists_can_be_allowed_and_fields_chosen() {
        assert_snapshot_with_config(
            "tag-vocabulary",
            "options.md",
            "---\ntags: []\nkeywords: [a, A]\ncategories: [b, B]\n---\n",
            "rules:\n  tag-vocabulary:\n    empty: false\n    fields: [keywords]\n",
        );
    }

    #[test]
    fn a_missing_vocabulary_is_a_config_error() {
        let error = Config::from_yaml_with(
            CONFIG.replace("tags.vocab", "nope.vocab").as_str(),
            &|path: &str| Err(format!("{path}: not found")),
        )
        .unwrap_err();
        assert!(error.message.contains("nope.vocab.yml"), "{error}");
    }
}
