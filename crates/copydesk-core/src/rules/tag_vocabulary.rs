use std::collections::{BTreeMap, HashMap};

use serde::Deserialize;

use crate::config::Resources;
use crate::diagnostic::{Edit, Fix, Violation};
use crate::document::Document;
use crate::front_matter::{Item, Value};
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};
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
    fn check(&self, document: &Document, violations: &mut Vec<Violation>) {
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
                        Violation::new(entry.value_range, format!("`{field}` is an empty list"))
                            .with_help(format!("add at least one item, or remove `{field}`")),
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
            let removable = |index: usize, message: String, help: &str, title: &str| {
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
                        format!("an empty item in `{field}`"),
                        "remove it, or write the tag",
                        "Remove the empty item",
                    ));
                    continue;
                }
                if let Some(first) = seen.get(&normalize_tag(tag)) {
                    let message = if *first == tag {
                        format!("`{tag}` is listed twice in `{field}`")
                    } else {
                        format!("`{tag}` repeats `{first}` in `{field}`")
                    };
                    violations.push(removable(
                        index,
                        message,
                        "remove the repeat",
                        "Remove the repeated item",
                    ));
                    continue;
                }
                seen.insert(normalize_tag(tag), tag);
                if let Some((path, vocabulary)) = self.vocabularies.get(field) {
                    if let Some(violation) = vocabulary_violation(
                        document,
                        vocabulary,
                        path,
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
                            format!(
                                "`{field}` has {} items; at most {max} are allowed",
                                items.len()
                            ),
                        )
                        .with_help(format!("keep the {max} that describe the post best")),
                    );
                }
            }
        }
    }
}

fn vocabulary_violation(
    document: &Document,
    vocabulary: &Vocabulary,
    path: &str,
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
                format!(
                    "`{tag}` is written `{}` in the {field} vocabulary",
                    term.name
                ),
            ),
            replace(format!("Write `{}`", term.name), &term.name),
        ),
        Lookup::Alias(term) => (
            Violation::new(range, format!("`{tag}` is an alias of `{}`", term.name)),
            replace(format!("Replace with `{}`", term.name), &term.name),
        ),
        Lookup::Unknown(suggestions) => match suggestions.as_slice() {
            [] => (
                Violation::new(range, format!("`{tag}` is not in the {field} vocabulary"))
                    .with_help(format!("pick a tag from {path}, or add `{tag}` to it")),
                None,
            ),
            [only] => (
                Violation::new(
                    range,
                    format!(
                        "`{tag}` is not in the {field} vocabulary; did you mean `{}`?",
                        only.name
                    ),
                ),
                // A guess at a typo: applied only with --unsafe-fixes.
                spanned.then(|| {
                    Fix::unsafe_(
                        format!("Replace with `{}`", only.name),
                        vec![Edit::replace(
                            range,
                            written_like(document.source.slice(range), &only.name),
                        )],
                    )
                }),
            ),
            several => {
                let names: Vec<String> = several
                    .iter()
                    .map(|term| format!("`{}`", term.name))
                    .collect();
                (
                    Violation::new(
                        range,
                        format!(
                            "`{tag}` is not in the {field} vocabulary; did you mean {}?",
                            names.join(" or ")
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
