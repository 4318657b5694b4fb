//! What a config may change of a pack rule under `pack-rules`: its level,
//! and its `max`, `exceptions` and `prefer`, as textlint's rule options do.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::{Blocks, PackRule};
use crate::diagnostic::Severity;

/// A pack rule's setting: a level, or a level with options.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum PackRuleSetting {
    Level(Severity),
    Options(PackRuleOptions),
}

/// Options of a pack rule, over the pack's own.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PackRuleOptions {
    /// The rule's severity, over its `level`.
    pub level: Option<Severity>,
    /// A `length`, `count` or `occurrence` rule's limit.
    pub max: Option<usize>,
    /// Literal text a finding may not fall inside, added to the pack's own
    /// (proper nouns for a kanji-run rule, say).
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// A `consistency` rule's preferred form, everywhere or per kind of block.
    pub prefer: Option<Prefer>,
}

/// A preferred form: one name, or one per kind of block (`paragraphs`,
/// `headings`, `list-items`, `table-cells`). An empty name prefers none.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Prefer {
    Everywhere(String),
    ByBlocks(BTreeMap<Blocks, String>),
}

impl Prefer {
    pub(super) fn form_names(&self) -> Vec<&str> {
        match self {
            Prefer::Everywhere(name) => vec![name.as_str()],
            Prefer::ByBlocks(names) => names.values().map(String::as_str).collect(),
        }
        .into_iter()
        .filter(|name| !name.is_empty())
        .collect()
    }

    /// The form preferred in a kind of block, if any.
    pub(super) fn in_blocks(&self, blocks: Option<Blocks>) -> Option<&str> {
        let name = match self {
            Prefer::Everywhere(name) => Some(name),
            Prefer::ByBlocks(names) => blocks.and_then(|blocks| names.get(&blocks)),
        };
        name.map(String::as_str).filter(|name| !name.is_empty())
    }
}

impl PackRuleSetting {
    pub fn level(&self) -> Option<Severity> {
        match self {
            PackRuleSetting::Level(level) => Some(*level),
            PackRuleSetting::Options(options) => options.level,
        }
    }

    /// This setting with a later one over it: the later's level and
    /// options win, exceptions add up.
    pub fn then(&self, later: &PackRuleSetting) -> PackRuleSetting {
        let options = |setting: &PackRuleSetting| match setting {
            PackRuleSetting::Level(level) => PackRuleOptions {
                level: Some(*level),
                ..PackRuleOptions::default()
            },
            PackRuleSetting::Options(options) => options.clone(),
        };
        let (earlier, later) = (options(self), options(later));
        let mut exceptions = earlier.exceptions;
        exceptions.extend(later.exceptions);
        PackRuleSetting::Options(PackRuleOptions {
            level: later.level.or(earlier.level),
            max: later.max.or(earlier.max),
            exceptions,
            prefer: later.prefer.or(earlier.prefer),
        })
    }

    /// The rule with these options applied, or `None` when they change nothing.
    pub fn applied_to(&self, rule: &PackRule) -> Result<Option<PackRule>, String> {
        let PackRuleSetting::Options(options) = self else {
            return Ok(None);
        };
        if options.max.is_none() && options.exceptions.is_empty() && options.prefer.is_none() {
            return Ok(None);
        }
        let mut rule = rule.clone();
        if let Some(max) = options.max {
            if rule.max.is_none() {
                return Err(format!("rule `{}` takes no `max`", rule.id));
            }
            rule.max = Some(max);
        }
        if options.prefer.is_some() {
            if rule.forms.0.is_empty() {
                return Err(format!("rule `{}` has no forms to `prefer`", rule.id));
            }
            rule.prefer = options.prefer.clone();
            rule.validate()?;
        }
        rule.compile_exceptions(&options.exceptions)?;
        Ok(Some(rule))
    }
}
