//! Configuration: `.copydesk.yml` over an embedded preset.
//!
//! Finding the file on disk is the CLI's job; this module only parses text.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;

use crate::messages::Language;
use crate::packs::{self, Pack, PackRuleSetting};
pub use crate::rules::settings::{options_of, NoOptions, Resources, RuleSetting};
use crate::rules::RuleSet;
pub use crate::rules::RulesConfig;

/// A site layout whose defaults copydesk ships.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    #[default]
    Jekyll,
    Hugo,
    Zola,
    Zenn,
}

impl Preset {
    pub const ALL: [Preset; 4] = [Preset::Jekyll, Preset::Hugo, Preset::Zola, Preset::Zenn];

    pub fn name(self) -> &'static str {
        match self {
            Preset::Jekyll => "jekyll",
            Preset::Hugo => "hugo",
            Preset::Zola => "zola",
            Preset::Zenn => "zenn",
        }
    }

    /// The preset's YAML, shipped in `rules/presets/`.
    pub fn yaml(self) -> &'static str {
        match self {
            Preset::Jekyll => include_str!("../../../rules/presets/jekyll.yml"),
            Preset::Hugo => include_str!("../../../rules/presets/hugo.yml"),
            Preset::Zola => include_str!("../../../rules/presets/zola.yml"),
            Preset::Zenn => include_str!("../../../rules/presets/zenn.yml"),
        }
    }
}

/// The JSON Schema of `.copydesk.yml`, for editors with yaml-language-server.
/// `copydesk.schema.json` at the repository root holds it; a test keeps it current.
pub fn json_schema() -> String {
    let schema = schemars::schema_for!(ConfigFile);
    let mut text = serde_json::to_string_pretty(&schema).expect("a schema serializes");
    text.push('\n');
    text
}

/// `.copydesk.yml` as written.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct ConfigFile {
    /// The site layout whose defaults apply underneath; `jekyll` if unset.
    pub preset: Option<Preset>,
    /// Globs of files to lint, relative to the config's folder.
    pub include: Option<Vec<String>>,
    /// Globs of files to skip when walking folders.
    pub exclude: Option<Vec<String>>,
    #[serde(default)]
    pub rules: RulesConfig,
    /// Rule packs: a shipped pack's name (`generator-leftovers`, `ja-style`) or
    /// a path to a pack file, relative to the config's folder.
    pub packs: Option<Vec<String>>,
    /// Pack rules by `pack/rule` name: a severity over the rule's `level`,
    /// or `{level, max, exceptions, prefer}` to change its options too.
    #[serde(default)]
    pub pack_rules: BTreeMap<String, PackRuleSetting>,
    /// Rule settings for files matching globs, applied in order.
    #[serde(default)]
    pub overrides: Vec<Override>,
    /// The language of messages (`en`, `ja`), over the locale and the
    /// editor's; `--lang` is over this.
    pub language: Option<Language>,
}

#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
#[serde(rename_all = "kebab-case")]
pub struct Override {
    pub files: Vec<String>,
    #[serde(default)]
    pub rules: RulesConfig,
    #[serde(default)]
    pub pack_rules: BTreeMap<String, PackRuleSetting>,
}

/// A config error with its place in the config text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    pub message: String,
    /// One-based line and column, when the error has a place.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line}, column {column}: {}", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

impl std::error::Error for ConfigError {}

impl ConfigError {
    fn new(message: impl Into<String>) -> ConfigError {
        ConfigError {
            message: message.into(),
            line: None,
            column: None,
        }
    }
}

impl From<crate::yaml::YamlError> for ConfigError {
    fn from(error: crate::yaml::YamlError) -> ConfigError {
        ConfigError {
            message: error.message,
            line: error.line,
            column: error.column,
        }
    }
}

/// Reads a file the config names, relative to the config's folder.
pub type Loader<'a> = &'a dyn Fn(&str) -> Result<String, String>;

/// A pack a config names: a shipped one, compiled once per process when a
/// rule set first needs it, or one read from a file, checked as it was read.
#[derive(Debug)]
enum ConfiguredPack {
    Shipped(&'static str),
    Read(Arc<Pack>),
}

/// A resolved configuration: preset, file, compiled globs, built rules.
#[derive(Debug)]
pub struct Config {
    pub preset: Preset,
    resources: Resources,
    include: GlobSet,
    exclude: GlobSet,
    rules: RulesConfig,
    packs: Vec<ConfiguredPack>,
    pack_rules: BTreeMap<String, PackRuleSetting>,
    overrides: Vec<(GlobSet, RulesConfig, BTreeMap<String, PackRuleSetting>)>,
    /// Built rule sets, keyed by which overrides matched.
    rule_sets: Mutex<HashMap<Vec<bool>, Arc<RuleSet>>>,
    /// What the config file says about the language, and the one in use.
    language_setting: Option<Language>,
    language: Language,
}

impl Default for Config {
    fn default() -> Config {
        Config::from_yaml("").expect("the embedded presets are valid")
    }
}

impl Config {
    /// A config for a preset alone.
    pub fn for_preset(preset: Preset) -> Result<Config, ConfigError> {
        Config::from_yaml(&format!("preset: {}\n", preset.name()))
    }
}

impl Config {
    /// Parses `.copydesk.yml` text over its preset. Empty text is the default.
    /// A config that names other files needs [`Config::from_yaml_with`].
    pub fn from_yaml(text: &str) -> Result<Config, ConfigError> {
        Config::from_yaml_with(text, &|path: &str| {
            Err(format!("{path}: no files can be read here"))
        })
    }

    /// Parses config text; `load` reads the vocabularies it names.
    pub fn from_yaml_with(text: &str, load: Loader) -> Result<Config, ConfigError> {
        let file: ConfigFile = crate::yaml::from_str(text)?;
        Config::from_file(file, load)
    }

    pub fn from_file(file: ConfigFile, load: Loader) -> Result<Config, ConfigError> {
        let preset_kind = file.preset.unwrap_or_default();
        let preset: ConfigFile = crate::yaml::from_str(preset_kind.yaml()).map_err(|error| {
            ConfigError::new(format!(
                "preset `{}` is invalid: {error}",
                preset_kind.name()
            ))
        })?;
        let include = file
            .include
            .or(preset.include)
            .unwrap_or_else(|| vec!["**/*.md".into(), "**/*.markdown".into()]);
        let exclude = file.exclude.or(preset.exclude).unwrap_or_default();
        let mut overrides = Vec::new();
        for entry in preset.overrides.iter().chain(&file.overrides) {
            overrides.push((
                glob_set(&entry.files)?,
                entry.rules.clone(),
                entry.pack_rules.clone(),
            ));
        }
        let rules = preset.rules.merged(&file.rules);
        let mut resources = Resources::default();
        let paths = std::iter::once(&rules)
            .chain(overrides.iter().map(|(_, rules, _)| rules))
            .flat_map(RulesConfig::resource_paths);
        for path in paths.collect::<Vec<_>>() {
            if let std::collections::hash_map::Entry::Vacant(slot) = resources.texts.entry(path) {
                let text = load(slot.key()).map_err(ConfigError::new)?;
                slot.insert(text);
            }
        }
        let mut loaded_packs = Vec::new();
        for name in file.packs.or(preset.packs).unwrap_or_default() {
            if let Some((shipped, _)) = packs::SHIPPED.iter().find(|(shipped, _)| *shipped == name)
            {
                loaded_packs.push(ConfiguredPack::Shipped(shipped));
                continue;
            }
            let text = load(&name).map_err(ConfigError::new)?;
            let pack = Pack::from_yaml(&text)
                .map_err(|error| ConfigError::new(format!("pack {name}: {error}")))?;
            loaded_packs.push(ConfiguredPack::Read(Arc::new(pack)));
        }
        let mut pack_rules = preset.pack_rules;
        pack_rules.extend(file.pack_rules);
        let config = Config {
            preset: preset_kind,
            resources,
            packs: loaded_packs,
            pack_rules,
            include: glob_set(&include)?,
            exclude: glob_set(&exclude)?,
            rules,
            overrides,
            rule_sets: Mutex::new(HashMap::new()),
            language_setting: file.language,
            language: file.language.unwrap_or_default(),
        };
        // Build every combination lazily, but fail on bad options now.
        config.rule_set_for("")?;
        Ok(config)
    }

    /// Picks the language of messages: `flag` (`--lang`), else the config
    /// file's `language:`, else `fallback` (the locale, or the editor's),
    /// else English.
    pub fn choose_language(&mut self, flag: Option<Language>, fallback: Option<Language>) {
        let language = flag
            .or(self.language_setting)
            .or(fallback)
            .unwrap_or_default();
        if language != self.language {
            self.language = language;
            self.rule_sets
                .get_mut()
                .unwrap_or_else(|poisoned| poisoned.into_inner())
                .clear();
        }
    }

    /// The language messages are written in.
    pub fn language(&self) -> Language {
        self.language
    }

    /// Whether a path found by walking a folder is linted. `relative_path`
    /// is relative to the config's folder, with `/` separators.
    pub fn is_included(&self, relative_path: &str) -> bool {
        self.include.is_match(relative_path) && !self.exclude.is_match(relative_path)
    }

    /// The rule settings that apply to a file, overrides included.
    pub fn rules_for(&self, relative_path: &str) -> RulesConfig {
        self.overrides
            .iter()
            .filter(|(globs, _, _)| globs.is_match(relative_path))
            .fold(self.rules.clone(), |rules, (_, later, _)| {
                rules.merged(later)
            })
    }

    fn pack_rules_for(&self, relative_path: &str) -> BTreeMap<String, PackRuleSetting> {
        let mut settings = self.pack_rules.clone();
        for (globs, _, later) in &self.overrides {
            if globs.is_match(relative_path) {
                for (name, setting) in later {
                    let merged = match settings.get(name) {
                        Some(earlier) => earlier.then(setting),
                        None => setting.clone(),
                    };
                    settings.insert(name.clone(), merged);
                }
            }
        }
        settings
    }

    /// The vocabulary of a tag field for a file, if the config names one.
    pub fn vocabulary_for(
        &self,
        relative_path: &str,
        field: &str,
    ) -> Option<crate::vocabulary::Vocabulary> {
        let options = options_of(&self.rules_for(relative_path).tag_vocabulary);
        let path = options.vocabularies.get(field)?;
        crate::vocabulary::Vocabulary::from_yaml(self.resources.get(path).ok()?).ok()
    }

    /// The packs this config names, compiled.
    pub fn packs(&self) -> Vec<Arc<Pack>> {
        self.packs
            .iter()
            .filter_map(|pack| match pack {
                ConfiguredPack::Shipped(name) => packs::shipped(name),
                ConfiguredPack::Read(pack) => Some(Arc::clone(pack)),
            })
            .collect()
    }

    /// The built rules for a file, shared between files with the same overrides.
    pub fn rule_set_for(&self, relative_path: &str) -> Result<Arc<RuleSet>, ConfigError> {
        let key: Vec<bool> = self
            .overrides
            .iter()
            .map(|(globs, _, _)| globs.is_match(relative_path))
            .collect();
        let mut cache = self
            .rule_sets
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(rule_set) = cache.get(&key) {
            return Ok(Arc::clone(rule_set));
        }
        let rule_set = Arc::new(
            RuleSet::new(
                &self.rules_for(relative_path),
                &self.resources,
                self.language,
            )
            .map_err(ConfigError::new)?
            .with_packs(&self.packs(), &self.pack_rules_for(relative_path))
            .map_err(ConfigError::new)?,
        );
        cache.insert(key, Arc::clone(&rule_set));
        Ok(rule_set)
    }
}

fn glob_set(patterns: &[String]) -> Result<GlobSet, ConfigError> {
    let mut builder = GlobSetBuilder::new();
    for pattern in patterns {
        let glob = Glob::new(pattern)
            .map_err(|error| ConfigError::new(format!("invalid glob `{pattern}`: {error}")))?;
        builder.add(glob);
    }
    builder
        .build()
        .map_err(|error| ConfigError::new(format!("invalid globs: {error}")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Severity;

    #[test]
    fn the_committed_schema_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../copydesk.schema.json");
        let generated = json_schema();
        if std::env::var_os("COPYDESK_UPDATE_SCHEMA").is_some() {
            std::fs::write(path, &generated).unwrap();
        }
        let committed = std::fs::read_to_string(path).unwrap_or_default();
        assert!(
            committed == generated,
            "copydesk.schema.json is stale: run `COPYDESK_UPDATE_SCHEMA=1 cargo test -p copydesk-core schema`"
        );
        let schema: serde_json::Value = serde_json::from_str(&generated).unwrap();
        let rules = &schema["$defs"]["RulesConfig"]["properties"];
        for info in crate::rules::REGISTRY {
            assert!(
                rules.get(info.name).is_some(),
                "the schema lacks rule {}",
                info.name
            );
        }
    }

    #[test]
    fn defaults_need_no_file() {
        let config = Config::default();
        assert_eq!(config.preset, Preset::Jekyll);
        assert!(config.is_included("_posts/2025-01-01-a.md"));
        assert!(!config.is_included("_posts/image.png"));
    }

    #[test]
    fn unknown_keys_are_errors_with_a_line() {
        let error = Config::from_yaml(
            "preset: hugo\nrules:\n  duplicated-title: error\n  no-such-rule: warning\n",
        )
        .unwrap_err();
        assert!(error.message.contains("no-such-rule"), "{error}");
        assert_eq!(error.line, Some(4));
        let error = Config::from_yaml(
            "rules:\n  required-field:\n    severity: error\n    feilds: [title]\n",
        )
        .unwrap_err();
        assert!(error.message.contains("feilds"), "{error}");
        assert_eq!(error.line, Some(4));
        let error = Config::from_yaml("colour: blue\n").unwrap_err();
        assert_eq!(error.line, Some(1));
    }

    #[test]
    fn severities_options_and_overrides_merge() {
        let config = Config::from_yaml(
            "rules:\n  required-field:\n    severity: warning\n    fields: [title, author]\noverrides:\n  - files: [\"drafts/**\"]\n    rules:\n      required-field: off\n",
        )
        .unwrap();
        let posts = config.rules_for("_posts/a.md");
        assert_eq!(
            posts.severity(crate::rules::RuleId::RequiredField),
            Some(Severity::Warning)
        );
        let drafts = config.rules_for("drafts/a.md");
        assert_eq!(
            drafts.severity(crate::rules::RuleId::RequiredField),
            Some(Severity::Off)
        );
        assert_eq!(
            options_of(&drafts.required_field).fields,
            vec!["title".to_string(), "author".to_string()]
        );
        assert!(Config::from_yaml("rules:\n  duplicated-title: loud\n").is_err());
    }
}
