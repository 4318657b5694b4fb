//! A rule's settings as `.copydesk.yml` writes them: a bare severity, or a
//! mapping of `severity` and the rule's options. `RulesConfig`, one typed
//! field per rule, is made by the rule table in `rules/mod.rs`.

use std::collections::HashMap;
use std::fmt;
use std::marker::PhantomData;

use serde::de::{self, DeserializeSeed, IntoDeserializer, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};

use super::RulesConfig;
use crate::diagnostic::Severity;

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
    pub(crate) fn merged(base: &Option<Self>, later: &Option<Self>) -> Option<Self> {
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

/// The options of a rule, or their defaults.
pub fn options_of<O: Clone + Default>(setting: &Option<RuleSetting<O>>) -> O {
    setting
        .as_ref()
        .and_then(|setting| setting.options.clone())
        .unwrap_or_default()
}

/// Files a config refers to (vocabularies), read by the caller, which owns IO.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Resources {
    pub(crate) texts: HashMap<String, String>,
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

impl RulesConfig {
    /// Files the rules read besides the config: vocabularies.
    pub(crate) fn resource_paths(&self) -> Vec<String> {
        options_of(&self.tag_vocabulary)
            .vocabularies
            .into_values()
            .collect()
    }
}
