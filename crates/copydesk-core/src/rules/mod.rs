//! The rule trait and the registry: a plain table, one row per rule.

use crate::diagnostic::{Severity, Violation};
use crate::document::Document;
use crate::messages::Language;
use settings::{options_of, NoOptions, Resources, RuleSetting};

pub mod broken_text;
pub mod duplicated_title;
pub mod field_type;
pub mod front_matter_syntax;
pub mod invalid_encoding;
pub mod reading_time;
pub mod required_field;
pub mod settings;
pub mod site_wide;
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

pub use crate::diagnostic::FixAvailability;

/// Builds a rule from its settings and the files the config names.
pub type BuildRule = fn(&RulesConfig, &Resources) -> Result<Box<dyn Rule>, String>;

/// Where a rule looks: one document, or the whole site at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Document,
    Site,
}

/// One row of the registry.
pub struct RuleInfo {
    pub id: RuleId,
    /// Stable kebab-case name of the bad pattern. Its one-line summary is
    /// `rule-<name>` in the message tables.
    pub name: &'static str,
    pub default_severity: Severity,
    pub fix: FixAvailability,
    pub scope: Scope,
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

/// The rule table. Each line declares a rule: its id, its field in `rules:`,
/// its name, its options type, default severity, whether it fixes, its
/// scope, and how it is built from its options and the config's files. From
/// it come `RuleId`, `RulesConfig` (the config's `rules:` with merging, a
/// severity lookup the compiler checks, and the schema), and `REGISTRY`.
macro_rules! rule_table {
    ($(
        $id:ident $field:ident $name:literal ($options:ty)
            $severity:ident $fix:ident $scope:ident => $build:expr;
    )*) => {
        /// A built-in rule, for code; `name()` is what people read and write.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum RuleId {
            $($id,)*
        }

        impl RuleId {
            pub const ALL: &'static [RuleId] = &[$(RuleId::$id,)*];

            pub fn name(self) -> &'static str {
                match self {
                    $(RuleId::$id => $name,)*
                }
            }

            pub fn from_name(name: &str) -> Option<RuleId> {
                match name {
                    $($name => Some(RuleId::$id),)*
                    _ => None,
                }
            }

            pub fn info(self) -> &'static RuleInfo {
                &REGISTRY[self as usize]
            }
        }

        /// Every rule's setting, one typed field per rule so an unknown rule or
        /// option is an error with a line number.
        #[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, schemars::JsonSchema)]
        #[serde(deny_unknown_fields)]
        pub struct RulesConfig {
            $(
                #[serde(rename = $name)]
                pub $field: Option<RuleSetting<$options>>,
            )*
        }

        impl RulesConfig {
            /// `later` over `self`, rule by rule and field by field.
            pub(crate) fn merged(&self, later: &RulesConfig) -> RulesConfig {
                RulesConfig {
                    $($field: RuleSetting::merged(&self.$field, &later.$field),)*
                }
            }

            /// The configured severity of a rule, if set.
            pub fn severity(&self, rule: RuleId) -> Option<Severity> {
                match rule {
                    $(RuleId::$id => self.$field.as_ref()?.severity,)*
                }
            }
        }

        /// Every rule, in the table's order: sorted by name, so output order is stable.
        pub static REGISTRY: &[RuleInfo] = &[
            $(RuleInfo {
                id: RuleId::$id,
                name: $name,
                default_severity: Severity::$severity,
                fix: FixAvailability::$fix,
                scope: Scope::$scope,
                doc: include_str!(concat!("../../../../rules/", $name, ".md")),
                doc_ja: include_str!(concat!("../../../../rules/ja/", $name, ".md")),
                build: |rules, resources| {
                    let build: fn($options, &Resources) -> Result<Box<dyn Rule>, String> = $build;
                    build(options_of(&rules.$field), resources)
                },
            },)*
        ];
    };
}

rule_table! {
    BoilerplateExcerpt boilerplate_excerpt "boilerplate-excerpt" (site_wide::BoilerplateOptions)
        Warning None Site => |_, _| Ok(Box::new(CheckedElsewhere));
    BrokenText broken_text "broken-text" (NoOptions)
        Warning Sometimes Document => |_, _| Ok(Box::new(broken_text::BrokenText));
    DuplicateTitleAcrossPosts duplicate_title_across_posts "duplicate-title-across-posts" (site_wide::DuplicateTitleOptions)
        Warning None Site => |_, _| Ok(Box::new(CheckedElsewhere));
    DuplicatedTitle duplicated_title "duplicated-title" (duplicated_title::Options)
        Error Always Document => |options, _| Ok(Box::new(duplicated_title::DuplicatedTitle::new(options)));
    FieldType field_type "field-type" (field_type::Options)
        Error Sometimes Document => |options, _| Ok(Box::new(field_type::FieldTypeRule::new(options)?));
    FrontMatterSyntax front_matter_syntax "front-matter-syntax" (NoOptions)
        Error None Document => |_, _| Ok(Box::new(front_matter_syntax::FrontMatterSyntax));
    InvalidEncoding invalid_encoding "invalid-encoding" (NoOptions)
        Error None Document => |_, _| Ok(Box::new(CheckedElsewhere));
    ReadingTime reading_time "reading-time" (reading_time::Options)
        Warning Always Document => |options, _| Ok(Box::new(reading_time::ReadingTime::new(options)));
    RequiredField required_field "required-field" (required_field::Options)
        Error None Document => |options, _| Ok(Box::new(required_field::RequiredField::new(options)));
    TagVocabulary tag_vocabulary "tag-vocabulary" (tag_vocabulary::Options)
        Warning Sometimes Document => |options, resources| {
            Ok(Box::new(tag_vocabulary::TagVocabulary::new(options, resources)?))
        };
    UnsupportedNumericClaim unsupported_numeric_claim "unsupported-numeric-claim" (unsupported_numeric_claim::Options)
        Warning None Document => |options, _| {
            Ok(Box::new(unsupported_numeric_claim::UnsupportedNumericClaim::new(options)))
        };
    UnusedSuppression unused_suppression "unused-suppression" (NoOptions)
        Warning None Document => |_, _| Ok(Box::new(CheckedElsewhere));
}

pub fn find(name: &str) -> Option<&'static RuleInfo> {
    REGISTRY.iter().find(|info| info.name == name)
}

/// A pack rule that is on, with its severity, and its options when the
/// config changes them.
pub struct ActivePackRule {
    pub pack: std::sync::Arc<crate::packs::Pack>,
    pub index: usize,
    pub name: String,
    pub severity: Severity,
    configured: Option<crate::packs::PackRule>,
}

impl ActivePackRule {
    pub fn rule(&self) -> &crate::packs::PackRule {
        self.configured
            .as_ref()
            .unwrap_or(&self.pack.rules[self.index])
    }
}

/// The rules that are on for a file, built once and shared.
pub struct RuleSet {
    pub rules: Vec<(&'static RuleInfo, Severity, Box<dyn Rule>)>,
    pub pack_rules: Vec<ActivePackRule>,
    pub site: site_wide::SiteSettings,
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
            let severity = config.severity(info.id).unwrap_or(info.default_severity);
            severities.push(severity);
            if severity != Severity::Off {
                let rule = (info.build)(config, resources)
                    .map_err(|error| format!("rule `{}`: {error}", info.name))?;
                rules.push((info, severity, rule));
            }
        }
        let severity_of = |id: RuleId| severities[id as usize];
        let site = site_wide::SiteSettings {
            duplicate_title: severity_of(RuleId::DuplicateTitleAcrossPosts),
            boilerplate_excerpt: severity_of(RuleId::BoilerplateExcerpt),
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

    /// Adds the packs' rules, with the settings of `pack-rules` over each
    /// rule's level and options.
    pub fn with_packs(
        mut self,
        packs: &[std::sync::Arc<crate::packs::Pack>],
        settings: &std::collections::BTreeMap<String, crate::packs::PackRuleSetting>,
    ) -> Result<RuleSet, String> {
        for pack in packs {
            for (index, rule) in pack.rules.iter().enumerate() {
                let name = pack.rule_name(rule);
                let setting = settings.get(&name);
                let severity = setting
                    .and_then(|setting| setting.level())
                    .unwrap_or(rule.level);
                let configured = match setting {
                    Some(setting) => setting
                        .applied_to(rule)
                        .map_err(|error| format!("pack-rules `{name}`: {error}"))?,
                    None => None,
                };
                self.pack_rules.push(ActivePackRule {
                    pack: std::sync::Arc::clone(pack),
                    index,
                    name,
                    severity,
                    configured,
                });
            }
        }
        Ok(self)
    }

    /// The severity of a built-in rule.
    pub fn severity_of(&self, rule: RuleId) -> Severity {
        self.severities[rule as usize]
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
