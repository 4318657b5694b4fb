use serde::Deserialize;

use crate::diagnostic::Violation;
use crate::document::Document;
use crate::messages::Language;
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};
use crate::tr;

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "RequiredFieldOptions")]
pub struct Options {
    /// Front-matter keys every post must set to a non-empty value.
    pub fields: Vec<String>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            fields: vec!["title".to_string()],
        }
    }
}

/// Reports a required field that is missing, or present but empty
/// (`title: ""`, `tags: []`, `title:`). Docs: `rules/required-field.md`.
pub struct RequiredField {
    options: Options,
}

impl RequiredField {
    pub fn new(options: Options) -> RequiredField {
        RequiredField { options }
    }
}

impl Rule for RequiredField {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        let front_matter = &document.front_matter;
        // Without readable front matter, front-matter-syntax has said it all.
        let Some(block) = front_matter.range.filter(|_| front_matter.is_present()) else {
            return;
        };
        if front_matter.entries.is_empty() && !front_matter.problems.is_empty() {
            return;
        }
        if is_page_stub(document) {
            return;
        }
        let opening_line = document
            .source
            .slice(block)
            .lines()
            .next()
            .unwrap_or("")
            .len();
        let opening = TextRange::at(block.start(), TextSize::from(opening_line as u32));
        for field in &self.options.fields {
            match front_matter.get(field) {
                None => violations.push(
                    Violation::new(
                        opening,
                        tr!(language, "required-field-missing", field = field),
                    )
                    .with_help(tr!(
                        language,
                        "required-field-missing-help",
                        field = field
                    )),
                ),
                Some(entry) if entry.value.is_empty() => {
                    let range = if entry.value_range.is_empty() {
                        entry.key_range
                    } else {
                        entry.value_range
                    };
                    violations.push(
                        Violation::new(range, tr!(language, "required-field-empty", field = field))
                            .with_help(tr!(language, "required-field-empty-help", field = field)),
                    );
                }
                Some(_) => {}
            }
        }
    }
}

/// A file with no body whose front matter only points elsewhere (a
/// `template` to render, a `redirect_to`) is a page of the site, not a post.
fn is_page_stub(document: &Document) -> bool {
    let body = document.source.slice(document.body.range);
    body.trim().is_empty()
        && ["template", "redirect_to", "redirect"]
            .iter()
            .any(|key| document.front_matter.get(key).is_some())
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config};

    #[test]
    fn missing_title() {
        assert_snapshot_of(
            "required-field",
            "missing.md",
            "---\nlayout: post\n---\nBody\n",
        );
    }

    #[test]
    fn empty_values_in_every_form() {
        assert_snapshot_with_config(
            "required-field",
            "empty.md",
            "---\r\ntitle: \"\"\r\ntags: []\r\nauthor:\r\ncategories:\r\n  - 日本\r\n---\r\n本文\r\n",
            "rules:\n  required-field:\n    fields: [title, tags, author, categories, date]\n",
        );
    }

    /// A page stub that renders a template or redirects is not a post.
    #[test]
    fn page_stubs_need_no_title() {
        let rule_set = crate::Config::default().rule_set_for("latest.md").unwrap();
        let findings = |text: &str| {
            let document =
                crate::Document::parse("latest.md", crate::Source::new(text.to_string()));
            crate::check(&document, &rule_set)
                .into_iter()
                .filter(|d| d.rule == "required-field")
                .count()
        };
        assert_eq!(findings("+++\ntemplate = \"latest.html\"\n+++\n"), 0);
        assert_eq!(findings("---\nredirect_to: /new/\n---\n\n"), 0);
        // With a body, it is a post after all.
        assert_eq!(findings("+++\ntemplate = \"page.html\"\n+++\nText.\n"), 1);
    }

    /// `title: ""` is one finding under every preset, not one per rule.
    #[test]
    fn an_empty_title_is_one_finding() {
        for preset in ["jekyll", "hugo", "zola", "zenn"] {
            let config = crate::Config::from_yaml(&format!("preset: {preset}\n")).unwrap();
            let rule_set = config.rule_set_for("a.md").unwrap();
            let document = crate::Document::parse(
                "a.md",
                crate::Source::new("---\ntitle: \"\"\n---\nBody\n".to_string()),
            );
            let about_title: Vec<String> = crate::check(&document, &rule_set)
                .into_iter()
                .filter(|d| d.message.contains("title"))
                .map(|d| format!("{}: {}", d.rule, d.message))
                .collect();
            assert_eq!(
                about_title,
                ["required-field: required field `title` is empty"],
                "{preset}"
            );
        }
    }

    #[test]
    fn present_fields_are_quiet() {
        assert_snapshot_of(
            "required-field",
            "present.md",
            "---\ntitle: Here\n---\nBody\n",
        );
    }
}
