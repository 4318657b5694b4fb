//! Configuration: `.copydesk.yml` over an embedded preset.
//!
//! Finding the file on disk is the CLI's job; this module only parses text.

use std::collections::{BTreeMap, HashMap};
use std::fmt;
use std::marker::PhantomData;
use std::sync::{Arc, Mutex};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use crate::diagnostic::Severity;
use crate::messages::Language;
use crate::packs::{self, Pack};
use crate::rules::{self, RuleSet};

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

/// One rule's setting: a bare severity, or a mapping of `severity` and options.
#[derive(Debug, Clone, PartialEq)]
pub struct RuleSetting<O> {
    pub severity: Option<Severity>,
    pub options: Option<O>,
}

impl<O> Default for RuleSetting<O> {
    fn default() -> Self {
        RuleSetting {
            severity: None,
            options: None,
        }
    }
}

impl<O: Clone> RuleSetting<O> {
    /// `later` wins field by field: an override that only sets a severity
    /// keeps the options from below.
    fn merged(base: &Option<Self>, later: &Option<Self>) -> Option<Self> {
        match (base, later) {
            (None, later) => later.clone(),
            (base, None) => base.clone(),
            (Some(base), Some(later)) => Some(RuleSetting {
                severity: later.severity.or(base.severity),
                options: later.options.clone().or_else(|| base.options.clone()),
            }),
        }
    }
}

impl<'de, O: Deserialize<'de>> Deserialize<'de> for RuleSetting<O> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct SettingVisitor<O>(PhantomData<O>);

        impl<'de, O: Deserialize<'de>> Visitor<'de> for SettingVisitor<O> {
            type Value = RuleSetting<O>;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str(
                    "a severity (off, info, warning, error) or a mapping of `severity` and options",
                )
            }

            fn visit_str<E: de::Error>(self, text: &str) -> Result<Self::Value, E> {
                let severity = Severity::deserialize(text.into_deserializer())?;
                Ok(RuleSetting {
                    severity: Some(severity),
                    options: None,
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
                let mut severity = None;
                let options =
                    O::deserialize(de::value::MapAccessDeserializer::new(PeelSeverity {
                        inner: map,
                        severity: &mut severity,
                    }))?;
                Ok(RuleSetting {
                    severity,
                    options: Some(options),
                })
            }
        }

        deserializer.deserialize_any(SettingVisitor(PhantomData))
    }
}

/// In the schema: a bare severity, or the options with a `severity` key.
impl<O: schemars::JsonSchema> schemars::JsonSchema for RuleSetting<O> {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        format!("RuleSetting_{}", O::schema_name()).into()
    }

    // Every rule's options type is named `Options`; the id tells them apart.
    fn schema_id() -> std::borrow::Cow<'static, str> {
        format!("RuleSetting<{}>", O::schema_id()).into()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let severity = generator.subschema_for::<Severity>();
        let mut options = O::json_schema(generator);
        let object = options.ensure_object();
        let properties = object
            .entry("properties")
            .or_insert_with(|| serde_json::json!({}));
        if let Some(properties) = properties.as_object_mut() {
            properties.insert("severity".to_string(), severity.clone().into());
        }
        schemars::json_schema!({ "anyOf": [severity, options] })
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

/// Hands a rule's options struct every key but `severity`, which it keeps.
struct PeelSeverity<'a, A> {
    inner: A,
    severity: &'a mut Option<Severity>,
}

impl<'de, A: MapAccess<'de>> MapAccess<'de> for PeelSeverity<'_, A> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        loop {
            let Some(key) = self.inner.next_key::<String>()? else {
                return Ok(None);
            };
            if key == "severity" {
                *self.severity = Some(self.inner.next_value()?);
                continue;
            }
            return seed
                .deserialize(IntoDeserializer::<A::Error>::into_deserializer(key))
                .map(Some);
        }
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.inner.next_value_seed(seed)
    }
}

/// A rule with no options.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

/// Every rule's setting, one typed field per rule so an unknown rule or
/// option is an error with a line number.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct RulesConfig {
    pub front_matter_syntax: Option<RuleSetting<NoOptions>>,
    pub required_field: Option<RuleSetting<rules::required_field::Options>>,
    pub duplicated_title: Option<RuleSetting<rules::duplicated_title::Options>>,
    pub broken_text: Option<RuleSetting<NoOptions>>,
    pub unused_suppression: Option<RuleSetting<NoOptions>>,
    pub invalid_encoding: Option<RuleSetting<NoOptions>>,
    pub field_type: Option<RuleSetting<rules::field_type::Options>>,
    pub reading_time: Option<RuleSetting<rules::reading_time::Options>>,
    pub tag_vocabulary: Option<RuleSetting<rules::tag_vocabulary::Options>>,
    pub unsupported_numeric_claim: Option<RuleSetting<rules::unsupported_numeric_claim::Options>>,
    pub duplicate_title_across_posts: Option<RuleSetting<crate::site::DuplicateTitleOptions>>,
    pub boilerplate_excerpt: Option<RuleSetting<crate::site::BoilerplateOptions>>,
}

impl RulesConfig {
    fn merged(&self, later: &RulesConfig) -> RulesConfig {
        RulesConfig {
            front_matter_syntax: RuleSetting::merged(
                &self.front_matter_syntax,
                &later.front_matter_syntax,
            ),
            required_field: RuleSetting::merged(&self.required_field, &later.required_field),
            duplicated_title: RuleSetting::merged(&self.duplicated_title, &later.duplicated_title),
            broken_text: RuleSetting::merged(&self.broken_text, &later.broken_text),
            unused_suppression: RuleSetting::merged(
                &self.unused_suppression,
                &later.unused_suppression,
            ),
            invalid_encoding: RuleSetting::merged(&self.invalid_encoding, &later.invalid_encoding),
            field_type: RuleSetting::merged(&self.field_type, &later.field_type),
            reading_time: RuleSetting::merged(&self.reading_time, &later.reading_time),
            tag_vocabulary: RuleSetting::merged(&self.tag_vocabulary, &later.tag_vocabulary),
            unsupported_numeric_claim: RuleSetting::merged(
                &self.unsupported_numeric_claim,
                &later.unsupported_numeric_claim,
            ),
            duplicate_title_across_posts: RuleSetting::merged(
                &self.duplicate_title_across_posts,
                &later.duplicate_title_across_posts,
            ),
            boilerplate_excerpt: RuleSetting::merged(
                &self.boilerplate_excerpt,
                &later.boilerplate_excerpt,
            ),
        }
    }

    /// Files the rules read besides the config: vocabularies.
    fn resource_paths(&self) -> Vec<String> {
        options_of(&self.tag_vocabulary)
            .vocabularies
            .into_values()
            .collect()
    }

    /// The configured severity of a rule by name, if set.
    pub fn severity(&self, rule: &str) -> Option<Severity> {
        match rule {
            "front-matter-syntax" => self.front_matter_syntax.as_ref()?.severity,
            "required-field" => self.required_field.as_ref()?.severity,
            "duplicated-title" => self.duplicated_title.as_ref()?.severity,
            "broken-text" => self.broken_text.as_ref()?.severity,
            "unused-suppression" => self.unused_suppression.as_ref()?.severity,
            "invalid-encoding" => self.invalid_encoding.as_ref()?.severity,
            "field-type" => self.field_type.as_ref()?.severity,
            "reading-time" => self.reading_time.as_ref()?.severity,
            "tag-vocabulary" => self.tag_vocabulary.as_ref()?.severity,
            "unsupported-numeric-claim" => self.unsupported_numeric_claim.as_ref()?.severity,
            "duplicate-title-across-posts" => self.duplicate_title_across_posts.as_ref()?.severity,
            "boilerplate-excerpt" => self.boilerplate_excerpt.as_ref()?.severity,
            _ => None,
        }
    }
}

/// The options of a rule, or their defaults.
pub fn options_of<O: Clone + Default>(setting: &Option<RuleSetting<O>>) -> O {
    setting
        .as_ref()
        .and_then(|setting| setting.options.clone())
        .unwrap_or_default()
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
    /// Severities of pack rules by `pack/rule` name, over each rule's `level`.
    #[serde(default)]
    pub pack_rules: BTreeMap<String, Severity>,
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
    pub pack_rules: BTreeMap<String, Severity>,
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

/// Files a config refers to (vocabularies), read by the caller, which owns IO.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resources {
    texts: HashMap<String, String>,
}

impl Resources {
    /// The text of a file named in the config, as written there.
    pub fn get(&self, path: &str) -> Result<&str, String> {
        self.texts
            .get(path)
            .map(String::as_str)
            .ok_or_else(|| format!("{path} was not loaded"))
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
    pack_rules: BTreeMap<String, Severity>,
    overrides: Vec<(GlobSet, RulesConfig, BTreeMap<String, Severity>)>,
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

    fn pack_rules_for(&self, relative_path: &str) -> BTreeMap<String, Severity> {
        let mut severities = self.pack_rules.clone();
        for (globs, _, later) in &self.overrides {
            if globs.is_match(relative_path) {
                severities.extend(
                    later
                        .iter()
                        .map(|(name, severity)| (name.clone(), *severity)),
                );
            }
        }
        severities
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
            .with_packs(&self.packs(), &self.pack_rules_for(relative_path)),
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
        assert_eq!(posts.severity("required-field"), Some(Severity::Warning));
        let drafts = config.rules_for("drafts/a.md");
        assert_eq!(drafts.severity("required-field"), Some(Severity::Off));
        assert_eq!(
            options_of(&drafts.required_field).fields,
            vec!["title".to_string(), "author".to_string()]
        );
        assert!(Config::from_yaml("rules:\n  duplicated-title: loud\n").is_err());
    }
}
