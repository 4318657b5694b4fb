//! The rule trait and the registry: a plain table, one row per rule.

use crate::config::{options_of, Resources, RulesConfig};
use crate::diagnostic::{Severity, Violation};
use crate::document::Document;

pub mod duplicated_title;
pub mod field_type;
pub mod front_matter_syntax;
pub mod invalid_encoding;
pub mod reading_time;
pub mod required_field;
pub mod tag_vocabulary;
pub mod unsupported_numeric_claim;
pub mod unused_suppression;

/// A check over one parsed document.
pub trait Rule: Send + Sync {
    fn check(&self, document: &Document, violations: &mut Vec<Violation>);
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
    /// Stable kebab-case name of the bad pattern.
    pub name: &'static str,
    pub summary: &'static str,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    /// The rule's page in `rules/`, compiled in.
    pub doc: &'static str,
    pub build: BuildRule,
}

impl std::fmt::Debug for RuleInfo {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.name)
    }
}

/// Every rule, sorted by name so output order is stable.
pub static REGISTRY: &[RuleInfo] = &[
    RuleInfo {
        name: "duplicated-title",
        summary: "The front-matter title is repeated in the body",
        default_severity: Severity::Error,
        fix: FixAvailability::Always,
        doc: include_str!("../../../../rules/duplicated-title.md"),
        build: |rules, _| Ok(Box::new(duplicated_title::DuplicatedTitle::new(options_of(&rules.duplicated_title)))),
    },
    RuleInfo {
        name: "field-type",
        summary: "A front-matter field has the wrong type, an impossible date, or breaks a limit",
        default_severity: Severity::Error,
        fix: FixAvailability::Sometimes,
        doc: include_str!("../../../../rules/field-type.md"),
        build: |rules, _| Ok(Box::new(field_type::FieldTypeRule::new(options_of(&rules.field_type))?)),
    },
    RuleInfo {
        name: "front-matter-syntax",
        summary: "Front matter is missing, unterminated, unparsable, not a mapping, or has a duplicate key",
        default_severity: Severity::Error,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/front-matter-syntax.md"),
        build: |_, _| Ok(Box::new(front_matter_syntax::FrontMatterSyntax)),
    },
    RuleInfo {
        name: "invalid-encoding",
        summary: "The file is not UTF-8 text",
        default_severity: Severity::Error,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/invalid-encoding.md"),
        build: |_, _| Ok(Box::new(invalid_encoding::InvalidEncoding)),
    },
    RuleInfo {
        name: "reading-time",
        summary: "The declared reading time is implausible for the body",
        default_severity: Severity::Warning,
        fix: FixAvailability::Always,
        doc: include_str!("../../../../rules/reading-time.md"),
        build: |rules, _| Ok(Box::new(reading_time::ReadingTime::new(options_of(&rules.reading_time)))),
    },
    RuleInfo {
        name: "required-field",
        summary: "A required front-matter field is missing or empty",
        default_severity: Severity::Error,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/required-field.md"),
        build: |rules, _| Ok(Box::new(required_field::RequiredField::new(options_of(&rules.required_field)))),
    },
    RuleInfo {
        name: "tag-vocabulary",
        summary: "A tag or category is outside the vocabulary, repeated, too many, or empty",
        default_severity: Severity::Warning,
        fix: FixAvailability::Sometimes,
        doc: include_str!("../../../../rules/tag-vocabulary.md"),
        build: |rules, resources| {
            Ok(Box::new(tag_vocabulary::TagVocabulary::new(options_of(&rules.tag_vocabulary), resources)?))
        },
    },
    RuleInfo {
        name: "unsupported-numeric-claim",
        summary: "A figure a reader would want a source for is given with none",
        default_severity: Severity::Warning,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/unsupported-numeric-claim.md"),
        build: |rules, _| {
            Ok(Box::new(unsupported_numeric_claim::UnsupportedNumericClaim::new(options_of(
                &rules.unsupported_numeric_claim,
            ))))
        },
    },
    RuleInfo {
        name: "unused-suppression",
        summary: "A copydesk-disable comment suppresses nothing",
        default_severity: Severity::Warning,
        fix: FixAvailability::None,
        doc: include_str!("../../../../rules/unused-suppression.md"),
        build: |_, _| Ok(Box::new(unused_suppression::UnusedSuppression)),
    },
];

pub fn find(name: &str) -> Option<&'static RuleInfo> {
    REGISTRY.iter().find(|info| info.name == name)
}

/// The rules that are on for a file, built once and shared.
pub struct RuleSet {
    pub rules: Vec<(&'static RuleInfo, Severity, Box<dyn Rule>)>,
    /// Severity of every registered rule, `Off` included, by registry order.
    severities: Vec<Severity>,
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
    pub fn new(config: &RulesConfig, resources: &Resources) -> Result<RuleSet, String> {
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
        Ok(RuleSet { rules, severities })
    }

    pub fn severity(&self, name: &str) -> Severity {
        REGISTRY
            .iter()
            .position(|info| info.name == name)
            .map_or(Severity::Off, |at| self.severities[at])
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
}
