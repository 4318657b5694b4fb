//! The rule trait and the registry: a plain table, one row per rule.

use crate::config::{options_of, Resources, RulesConfig};
use crate::diagnostic::{Severity, Violation};
use crate::document::Document;
use crate::messages::Language;

pub mod broken_text;
pub mod duplicated_title;
pub mod field_type;
pub mod front_matter_syntax;
pub mod invalid_encoding;
pub mod reading_time;
pub mod required_field;
pub mod tag_vocabulary;
pub mod unsupported_numeric_claim;

/// A check over one parsed document.
pub trait Rule: Send + Sync {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>);
}

/// A rule checked outside the per-document pass: by the engine (bad bytes,
/// unused suppressions) or by the site pass in `site.rs`.
pub struct CheckedElsewhere;

impl Rule for CheckedElsewhere {
    fn check(&self, _document: &Document, _language: Language, _violations: &mut Vec<Violation>) {}
}

/// Whether a rule's findings come with a fix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixAvailability {
    None,
    Sometimes,
    Always,
}

impl FixAvailability {
    pub fn as_str(self) -> &'static str {
        match self {
            FixAvailability::None => "no",
            FixAvailability::Sometimes => "sometimes",
            FixAvailability::Always => "yes",
        }
    }
}

/// Builds a rule from its settings and the files the config names.
pub type BuildRule = fn(&RulesConfig, &Resources) -> Result<Box<dyn Rule>, String>;

/// One row of the registry.
pub struct RuleInfo {
    /// Stable kebab-case name of the bad pattern. Its one-line summary is
    /// `rule-<name>` in the message tables.
    pub name: &'static str,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    /// The rule's page in `rules/`, compiled in.
    pub doc: &'static str,
    /// The same page in Japanese, from `rules/ja/`, with the same sections.
    pub doc_ja: &'static str,
    pub build: BuildRule,
}

impl RuleInfo {
    /// The one-line summary, from the message table of `language`.
    pub fn summary(&self, language: Language) -> String {
        crate::messages::text(language, &format!("rule-{}", self.name), &[])
    }
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Every rule, sorted by name so output order is stable.
pub static REGISTRY: &[RuleInfo] = &[
    RuleInfo {
        name: "boilerplate-excerpt",
        default_severity: Severity::Warning,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/boilerplate-excerpt.md"),
        doc_ja: include_str!("../../../../rules/ja/boilerplate-excerpt.md"),
        build: |_, _| Ok(Box::new(CheckedElsewhere)),
    },
    RuleInfo {
        name: "broken-text",
        default_severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        doc: include_str!("../../../../rules/broken-text.md"),
        doc_ja: include_str!("../../../../rules/ja/broken-text.md"),
        build: |_, _| Ok(Box::new(broken_text::BrokenText)),
    },
    RuleInfo {
        name: "duplicate-title-across-posts",
        default_severity: Severity::Warning,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/duplicate-title-across-posts.md"),
        doc_ja: include_str!("../../../../rules/ja/duplicate-title-across-posts.md"),
        build: |_, _| Ok(Box::new(CheckedElsewhere)),
    },
    RuleInfo {
        name: "duplicated-title",
        default_severity: Severity::Error,
        fix: FixAvailability::Always,
        doc: include_str!("../../../../rules/duplicated-title.md"),
        doc_ja: include_str!("../../../../rules/ja/duplicated-title.md"),
        build: |rules, _| {
            Ok(Box::new(duplicated_title::DuplicatedTitle::new(
                options_of(&rules.duplicated_title),
            )))
        },
    },
    RuleInfo {
        name: "field-type",
        default_severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        doc: include_str!("../../../../rules/field-type.md"),
        doc_ja: include_str!("../../../../rules/ja/field-type.md"),
        build: |rules, _| {
            Ok(Box::new(field_type::FieldTypeRule::new(options_of(
                &rules.field_type,
            ))?))
        },
    },
    RuleInfo {
        name: "front-matter-syntax",
        default_severity: Severity::Error,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/front-matter-syntax.md"),
        doc_ja: include_str!("../../../../rules/ja/front-matter-syntax.md"),
        build: |_, _| Ok(Box::new(front_matter_syntax::FrontMatterSyntax)),
    },
    RuleInfo {
        name: "invalid-encoding",
        default_severity: Severity::Error,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/invalid-encoding.md"),
        doc_ja: include_str!("../../../../rules/ja/invalid-encoding.md"),
        build: |_, _| Ok(Box::new(CheckedElsewhere)),
    },
    RuleInfo {
        name: "reading-time",
        default_severity: Severity::Warning,
        fix: FixAvailability::Always,
        doc: include_str!("../../../../rules/reading-time.md"),
        doc_ja: include_str!("../../../../rules/ja/reading-time.md"),
        build: |rules, _| {
            Ok(Box::new(reading_time::ReadingTime::new(options_of(
                &rules.reading_time,
            ))))
        },
    },
    RuleInfo {
        name: "required-field",
        default_severity: Severity::Error,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/required-field.md"),
        doc_ja: include_str!("../../../../rules/ja/required-field.md"),
        build: |rules, _| {
            Ok(Box::new(required_field::RequiredField::new(options_of(
                &rules.required_field,
            ))))
        },
    },
    RuleInfo {
        name: "tag-vocabulary",
        default_severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        doc: include_str!("../../../../rules/tag-vocabulary.md"),
        doc_ja: include_str!("../../../../rules/ja/tag-vocabulary.md"),
        build: |rules, resources| {
            Ok(Box::new(tag_vocabulary::TagVocabulary::new(
                options_of(&rules.tag_vocabulary),
                resources,
            )?))
        },
    },
    RuleInfo {
        name: "unsupported-numeric-claim",
        default_severity: Severity::Warning,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/unsupported-numeric-claim.md"),
        doc_ja: include_str!("../../../../rules/ja/unsupported-numeric-claim.md"),
        build: |rules, _| {
            Ok(Box::new(
                unsupported_numeric_claim::UnsupportedNumericClaim::new(options_of(
                    &rules.unsupported_numeric_claim,
                )),
            ))
        },
    },
    RuleInfo {
        name: "unused-suppression",
        default_severity: Severity::Warning,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/unused-suppression.md"),
        doc_ja: include_str!("../../../../rules/ja/unused-suppression.md"),
        build: |_, _| Ok(Box::new(CheckedElsewhere)),
    },
];

pub fn find(name: &str) -> Option<&'static RuleInfo> {
    REGISTRY.iter().find(|info| info.name == name)
}

/// A pack rule that is on, with its severity.
pub struct ActivePackRule {
    pub pack: std::sync::Arc<crate::packs::Pack>,
    pub index: usize,
    pub name: String,
    pub severity: Severity,
}

impl ActivePackRule {
    pub fn rule(&self) -> &crate::packs::PackRule {
        &self.pack.rules[self.index]
    }
}

/// The rules that are on for a file, built once and shared.
pub struct RuleSet {
    pub rules: Vec<(&'static RuleInfo, Severity, Box<dyn Rule>)>,
    pub pack_rules: Vec<ActivePackRule>,
    pub site: crate::site::SiteSettings,
    /// Severity of every registered rule, `Off` included, by registry order.
    severities: Vec<Severity>,
    /// The language of the findings' messages.
    pub language: Language,
}

impl std::fmt::Debug for RuleSet {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_list()
            .entries(
                self.rules
                    .iter()
                    .map(|(info, severity, _)| (info.name, severity)),
            )
            .finish()
    }
}

impl RuleSet {
    pub fn new(
        config: &RulesConfig,
        resources: &Resources,
        language: Language,
    ) -> Result<RuleSet, String> {
        let mut rules = Vec::new();
        let mut severities = Vec::new();
        for info in REGISTRY {
            let severity = config.severity(info.name).unwrap_or(info.default_severity);
            severities.push(severity);
            if severity != Severity::Off {
                let rule = (info.build)(config, resources)
                    .map_err(|error| format!("rule `{}`: {error}", info.name))?;
                rules.push((info, severity, rule));
            }
        }
        let severity_of = |name: &str| {
            config
                .severity(name)
                .or_else(|| find(name).map(|info| info.default_severity))
        };
        let site = crate::site::SiteSettings {
            duplicate_title: severity_of("duplicate-title-across-posts").unwrap_or(Severity::Off),
            boilerplate_excerpt: severity_of("boilerplate-excerpt").unwrap_or(Severity::Off),
            boilerplate_min_posts: options_of(&config.boilerplate_excerpt).min_posts,
            boilerplate_templates: options_of(&config.boilerplate_excerpt).templates,
            allow_translations: options_of(&config.duplicate_title_across_posts).allow_translations,
            language,
        };
        Ok(RuleSet {
            rules,
            pack_rules: Vec::new(),
            site,
            severities,
            language,
        })
    }

    /// Adds the packs' rules, with severities from `pack-rules` over each rule's level.
    pub fn with_packs(
        mut self,
        packs: &[std::sync::Arc<crate::packs::Pack>],
        severities: &std::collections::BTreeMap<String, Severity>,
    ) -> RuleSet {
        for pack in packs {
            for (index, rule) in pack.rules.iter().enumerate() {
                let name = pack.rule_name(rule);
                let severity = severities.get(&name).copied().unwrap_or(rule.level);
                self.pack_rules.push(ActivePackRule {
                    pack: std::sync::Arc::clone(pack),
                    index,
                    name,
                    severity,
                });
            }
        }
        self
    }

    /// The severity of a built-in or pack rule; `Off` for one not known.
    pub fn severity(&self, name: &str) -> Severity {
        if let Some(at) = REGISTRY.iter().position(|info| info.name == name) {
            return self.severities[at];
        }
        self.pack_rules
            .iter()
            .find(|active| active.name == name)
            .map_or(Severity::Off, |active| active.severity)
    }

    /// Whether a name is a built-in rule or a loaded pack rule.
    pub fn knows(&self, name: &str) -> bool {
        find(name).is_some() || self.pack_rules.iter().any(|active| active.name == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn registry_is_sorted_and_every_rule_has_a_doc() {
        let names: Vec<&str> = REGISTRY.iter().map(|info| info.name).collect();
        let mut sorted = names.clone();
        sorted.sort_unstable();
        assert_eq!(names, sorted);
        for info in REGISTRY {
            assert!(
                info.doc.starts_with(&format!("# {}\n", info.name)),
                "{} doc title",
                info.name
            );
            for section in [
                "## What it does",
                "## Why is this bad?",
                "## Example",
                "## Use instead",
            ] {
                assert!(
                    info.doc.contains(section),
                    "{} doc lacks {section}",
                    info.name
                );
            }
        }
    }

    /// Each Japanese page has its English page's title and the same
    /// sections, in the same order, under their Japanese names.
    #[test]
    fn every_rule_page_has_a_japanese_page_with_the_same_sections() {
        const SECTIONS: &[(&str, &str)] = &[
            ("## What it does", "## 何をするか"),
            ("## Why is this bad?", "## なぜ問題か"),
            ("## Example", "## 例"),
            ("## Use instead", "## 代わりに"),
            ("## Fix", "## 修正"),
            ("## Options", "## オプション"),
            ("## Accuracy", "## 精度"),
        ];
        let headings = |doc: &'static str| -> Vec<&'static str> {
            doc.lines().filter(|line| line.starts_with("## ")).collect()
        };
        for info in REGISTRY {
            assert!(
                info.doc_ja.starts_with(&format!("# {}\n", info.name)),
                "{} Japanese doc title",
                info.name
            );
            let expected: Vec<&str> = headings(info.doc)
                .into_iter()
                .map(|heading| {
                    SECTIONS
                        .iter()
                        .find(|(en, _)| *en == heading)
                        .unwrap_or_else(|| panic!("{}: no Japanese name for {heading}", info.name))
                        .1
                })
                .collect();
            assert_eq!(headings(info.doc_ja), expected, "{}", info.name);
        }
    }
}
