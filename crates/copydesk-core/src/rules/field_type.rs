use std::collections::BTreeMap;

use regex::{Regex, RegexBuilder};
use serde::Deserialize;

use crate::dates::{DateError, PostDate};
use crate::diagnostic::{Edit, Fix, Severity, Violation};
use crate::document::Document;
use crate::front_matter::{Entry, Format, Value};
use crate::messages::{Arg, Language};
use crate::rules::Rule;
use crate::source::TextRange;
use crate::tr;

/// The types a field can be declared to have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum FieldType {
    String,
    Integer,
    Number,
    Boolean,
    /// A date, with or without a time.
    Date,
    /// A date with a time.
    Datetime,
    /// A list of strings.
    List,
    /// A string from `values`.
    Enum,
    /// A single emoji, as Zenn's `emoji`.
    Emoji,
}

impl FieldType {
    fn name(self, language: Language) -> String {
        match self {
            FieldType::String => tr!(language, "field-type-string"),
            FieldType::Integer => tr!(language, "field-type-integer"),
            FieldType::Number => tr!(language, "field-type-number"),
            FieldType::Boolean => tr!(language, "field-type-boolean"),
            FieldType::Date => tr!(language, "field-type-date"),
            FieldType::Datetime => tr!(language, "field-type-datetime"),
            FieldType::List => tr!(language, "field-type-list"),
            FieldType::Enum => tr!(language, "field-type-enum"),
            FieldType::Emoji => tr!(language, "field-type-emoji"),
        }
    }
}

/// `type: string` or `type: [integer, string]`.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize, schemars::JsonSchema)]
#[serde(untagged)]
pub enum Types {
    One(FieldType),
    Any(Vec<FieldType>),
}

impl Types {
    fn as_slice(&self) -> &[FieldType] {
        match self {
            Types::One(one) => std::slice::from_ref(one),
            Types::Any(any) => any,
        }
    }
}

/// One field's schema.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct FieldSchema {
    #[serde(rename = "type")]
    pub types: Option<Types>,
    /// Allowed values, for `enum`.
    pub values: Vec<String>,
    pub min: Option<f64>,
    pub max: Option<f64>,
    /// Length in characters, for strings.
    pub min_length: Option<usize>,
    pub max_length: Option<usize>,
    /// Length in characters of each list item.
    pub item_max_length: Option<usize>,
    /// A regex every string (or list item) must match.
    pub pattern: Option<String>,
    pub not_empty: bool,
    /// Accept a string for a list, as Jekyll does, which splits it on spaces.
    pub split_string: bool,
}

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "FieldTypeOptions")]
pub struct Options {
    pub fields: BTreeMap<String, FieldSchema>,
    /// Warn when the date is in the future.
    pub future_dates: bool,
    /// Warn when `date` differs from the `YYYY-MM-DD-` prefix of a `_posts/` file name.
    pub filename_date: bool,
    /// Warn about unquoted `yes`/`no`/`on`/`off`, booleans to YAML 1.1 readers.
    pub yaml11_booleans: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            fields: BTreeMap::new(),
            future_dates: true,
            filename_date: true,
            yaml11_booleans: true,
        }
    }
}

/// Checks each front-matter field against its schema: type, limits, pattern,
/// dates. Docs: `rules/field-type.md`.
pub struct FieldTypeRule {
    options: Options,
    patterns: BTreeMap<String, Regex>,
}

/// Patterns come from config, so their compiled size is bounded.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;

impl FieldTypeRule {
    pub fn new(options: Options) -> Result<FieldTypeRule, String> {
        let mut patterns = BTreeMap::new();
        for (field, schema) in &options.fields {
            if let Some(pattern) = &schema.pattern {
                let regex = RegexBuilder::new(pattern)
                    .size_limit(PATTERN_SIZE_LIMIT)
                    .build()
                    .map_err(|error| format!("field `{field}`: invalid pattern: {error}"))?;
                patterns.insert(field.clone(), regex);
            }
        }
        Ok(FieldTypeRule { options, patterns })
    }
}

impl Rule for FieldTypeRule {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        let front_matter = &document.front_matter;
        if self.options.yaml11_booleans && front_matter.format == Some(Format::Yaml) {
            yaml11_booleans(document, language, violations);
        }
        for entry in &front_matter.entries {
            if let Some(schema) = self.options.fields.get(&entry.key) {
                self.check_entry(document, language, entry, schema, violations);
            }
        }
    }
}

impl FieldTypeRule {
    fn check_entry(
        &self,
        document: &Document,
        language: Language,
        entry: &Entry,
        schema: &FieldSchema,
        violations: &mut Vec<Violation>,
    ) {
        let key = &entry.key;
        let at = if entry.value_range.is_empty() {
            entry.key_range
        } else {
            entry.value_range
        };
        if entry.value.is_empty() {
            if schema.not_empty {
                violations.push(Violation::new(
                    at,
                    tr!(language, "field-type-empty", key = key),
                ));
            }
            return;
        }
        let types = schema.types.as_ref().map_or(&[][..], Types::as_slice);
        if let (true, Value::List(items)) = (types.contains(&FieldType::List), &entry.value) {
            let mut wrong_items = items
                .iter()
                .filter(|item| !matches!(item.value, Value::String(_)))
                .peekable();
            if wrong_items.peek().is_some() {
                for item in wrong_items {
                    let range = if item.range.is_empty() {
                        at
                    } else {
                        item.range
                    };
                    violations.push(
                        Violation::new(
                            range,
                            tr!(
                                language,
                                "field-type-item-not-string",
                                key = key,
                                actual = described(language, &item.value)
                            ),
                        )
                        .with_help(tr!(language, "field-type-item-not-string-help")),
                    );
                }
                return;
            }
        }
        if !types.is_empty()
            && !types
                .iter()
                .any(|kind| matches_type(*kind, &entry.value, schema))
        {
            let expected = types
                .iter()
                .map(|kind| kind.name(language))
                .reduce(|earlier, last| tr!(language, "list-or", earlier = earlier, last = last))
                .unwrap_or_default();
            let mut message = tr!(
                language,
                "field-type-wrong-type",
                key = key,
                expected = expected,
                actual = described(language, &entry.value)
            );
            if let (Some(FieldType::Enum), Some(text)) = (types.first(), entry.value.as_str()) {
                message = tr!(
                    language,
                    "field-type-not-allowed",
                    key = key,
                    value = text,
                    allowed = schema.values.join(", ")
                );
            }
            let help = if matches!(
                entry.value,
                Value::Integer(_) | Value::Float(_) | Value::Bool(_)
            ) && types.contains(&FieldType::String)
            {
                tr!(language, "field-type-quote-help")
            } else {
                tr!(language, "field-type-wrong-type-help")
            };
            violations.push(Violation::new(at, message).with_help(help));
            return;
        }
        if types
            .iter()
            .any(|kind| matches!(kind, FieldType::Date | FieldType::Datetime))
        {
            self.check_date(document, language, entry, violations);
        }
        self.check_limits(language, entry, schema, violations);
        if schema.split_string {
            split_string_warning(document, language, entry, violations);
        }
    }

    fn check_limits(
        &self,
        language: Language,
        entry: &Entry,
        schema: &FieldSchema,
        violations: &mut Vec<Violation>,
    ) {
        let key = &entry.key;
        let at = entry.value_range;
        let number = match entry.value {
            Value::Integer(n) => Some(n as f64),
            Value::Float(n) => Some(n),
            _ => None,
        };
        if let Some(n) = number {
            if schema.min.is_some_and(|min| n < min) || schema.max.is_some_and(|max| n > max) {
                let bounds = match (schema.min, schema.max) {
                    (Some(min), Some(max)) => {
                        tr!(language, "field-type-between", min = min, max = max)
                    }
                    (Some(min), None) => tr!(language, "field-type-at-least", min = min),
                    (None, Some(max)) => tr!(language, "field-type-at-most", max = max),
                    (None, None) => String::new(),
                };
                violations.push(Violation::new(
                    at,
                    tr!(
                        language,
                        "field-type-out-of-bounds",
                        key = key,
                        value = n,
                        bounds = bounds
                    ),
                ));
            }
        }
        if let Some(text) = entry.value.as_str() {
            let length = text.chars().count();
            if schema.max_length.is_some_and(|max| length > max) {
                violations.push(Violation::new(
                    at,
                    tr!(
                        language,
                        "field-type-too-long",
                        key = key,
                        length = length,
                        max = schema.max_length.unwrap_or(0)
                    ),
                ));
            }
            if schema.min_length.is_some_and(|min| length < min) {
                violations.push(Violation::new(
                    at,
                    tr!(
                        language,
                        "field-type-too-short",
                        key = key,
                        length = length,
                        min = schema.min_length.unwrap_or(0)
                    ),
                ));
            }
            if let Some(pattern) = self.patterns.get(key) {
                if !pattern.is_match(text) {
                    violations.push(Violation::new(
                        at,
                        tr!(
                            language,
                            "field-type-no-match",
                            value = key,
                            pattern = pattern.as_str()
                        ),
                    ));
                }
            }
        }
        if let Some(items) = entry.value.as_list() {
            for item in items {
                let Some(text) = item.value.as_str() else {
                    continue;
                };
                let range = if item.range.is_empty() {
                    at
                } else {
                    item.range
                };
                if let Some(max) = schema
                    .item_max_length
                    .filter(|max| text.chars().count() > *max)
                {
                    violations.push(Violation::new(
                        range,
                        tr!(
                            language,
                            "field-type-item-too-long",
                            item = text,
                            length = text.chars().count(),
                            key = key,
                            max = max
                        ),
                    ));
                }
                if let Some(pattern) = self
                    .patterns
                    .get(key)
                    .filter(|pattern| !pattern.is_match(text))
                {
                    violations.push(Violation::new(
                        range,
                        tr!(
                            language,
                            "field-type-no-match",
                            value = text,
                            pattern = pattern.as_str()
                        ),
                    ));
                }
            }
        }
    }

    fn check_date(
        &self,
        document: &Document,
        language: Language,
        entry: &Entry,
        violations: &mut Vec<Violation>,
    ) {
        let Some(text) = entry.value.as_str() else {
            return;
        };
        let at = entry.value_range;
        let date = match PostDate::parse(text) {
            Ok(date) => date,
            Err(error) => {
                let help = match error {
                    DateError::Offset(_) => tr!(language, "field-type-offset-help"),
                    _ => tr!(language, "field-type-date-help"),
                };
                let message = tr!(
                    language,
                    "field-type-bad-date",
                    key = &entry.key,
                    problem = error.message().render(language)
                );
                violations.push(Violation::new(at, message).with_help(help));
                return;
            }
        };
        if self.options.filename_date && entry.key == "date" {
            if let Some(named) = date_in_file_name(&document.path) {
                if named != date.date {
                    violations.push(
                        Violation::new(
                            at,
                            tr!(
                                language,
                                "field-type-file-name-date",
                                date = date.date.to_string(),
                                named = named.to_string()
                            ),
                        )
                        .with_help(tr!(language, "field-type-file-name-date-help"))
                        .at_most(Severity::Warning),
                    );
                }
            }
        }
        if self.options.future_dates {
            if let Some(timestamp) = date.timestamp().filter(|t| *t > jiff::Timestamp::now()) {
                violations.push(
                    Violation::new(
                        at,
                        tr!(
                            language,
                            "field-type-future",
                            date = timestamp.strftime("%Y-%m-%d %H:%M UTC").to_string()
                        ),
                    )
                    .with_help(tr!(language, "field-type-future-help"))
                    .at_most(Severity::Warning),
                );
            }
        }
    }
}

fn matches_type(kind: FieldType, value: &Value, schema: &FieldSchema) -> bool {
    match (kind, value) {
        (FieldType::String, Value::String(_)) => true,
        (FieldType::Integer, Value::Integer(_)) => true,
        (FieldType::Number, Value::Integer(_) | Value::Float(_)) => true,
        (FieldType::Boolean, Value::Bool(_)) => true,
        (FieldType::Date, Value::String(_) | Value::Datetime(_)) => true,
        (FieldType::Datetime, Value::String(text) | Value::Datetime(text)) => {
            PostDate::parse(text).map_or(true, |date| date.time.is_some())
        }
        (FieldType::List, Value::List(items)) => items
            .iter()
            .all(|item| matches!(item.value, Value::String(_))),
        (FieldType::List, Value::String(_)) => schema.split_string,
        (FieldType::Enum, Value::String(text)) => {
            schema.values.iter().any(|allowed| allowed == text)
        }
        (FieldType::Emoji, Value::String(text)) => is_single_emoji(text),
        _ => false,
    }
}

fn described(language: Language, value: &Value) -> String {
    match value {
        Value::String(text) => tr!(language, "value-string", text = text),
        Value::Integer(n) => tr!(language, "value-integer", value = *n),
        Value::Float(n) => tr!(language, "value-number", value = *n),
        Value::Bool(flag) => tr!(language, "value-boolean", value = flag.to_string()),
        other => tr!(language, "value-other", kind = Arg::Id(other.kind_id())),
    }
}

/// `_posts/2025-11-20-slug.md` → 2025-11-20.
fn date_in_file_name(path: &str) -> Option<jiff::civil::Date> {
    if !path.contains("_posts/") {
        return None;
    }
    let name = path.rsplit('/').next()?;
    let prefix = name.get(..11).filter(|prefix| prefix.ends_with('-'))?;
    PostDate::parse(&prefix[..10]).ok().map(|date| date.date)
}

/// YAML 1.2 (copydesk, Hugo) reads `yes` as a string; YAML 1.1 (Jekyll's
/// Psych) as `true`. Either way, the post means something it does not say.
fn yaml11_booleans(document: &Document, language: Language, violations: &mut Vec<Violation>) {
    let mut report = |range: TextRange, raw: &str| {
        let meaning = matches!(raw.to_ascii_lowercase().as_str(), "yes" | "on");
        violations.push(
            Violation::new(
                range,
                tr!(
                    language,
                    "field-type-yaml11-boolean",
                    raw = raw,
                    meaning = meaning.to_string()
                ),
            )
            .with_help(tr!(
                language,
                "field-type-yaml11-boolean-help",
                raw = raw,
                meaning = meaning.to_string()
            ))
            .at_most(Severity::Warning),
        );
    };
    let is_yaml11_boolean = |raw: &str| {
        matches!(
            raw.to_ascii_lowercase().as_str(),
            "yes" | "no" | "on" | "off"
        )
    };
    for entry in &document.front_matter.entries {
        let raw = document.source.slice(entry.value_range);
        if matches!(entry.value, Value::String(_)) && is_yaml11_boolean(raw) {
            report(entry.value_range, raw);
        }
        for item in entry.value.as_list().unwrap_or_default() {
            let raw = document.source.slice(item.range);
            if !item.range.is_empty() && is_yaml11_boolean(raw) {
                report(item.range, raw);
            }
        }
    }
}

/// `tags: a b` is one string to YAML, but Jekyll splits it into two tags.
fn split_string_warning(
    document: &Document,
    language: Language,
    entry: &Entry,
    violations: &mut Vec<Violation>,
) {
    let Value::String(text) = &entry.value else {
        return;
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    if words.len() < 2 {
        return;
    }
    let raw = document.source.slice(entry.value_range);
    if raw.contains(['\n', '\r']) {
        return;
    }
    let quoted: Vec<String> = words
        .iter()
        .map(|word| format!("\"{}\"", word.replace('"', "\\\"")))
        .collect();
    violations.push(
        Violation::new(
            entry.value_range,
            tr!(
                language,
                "field-type-split-string",
                key = &entry.key,
                text = text,
                count = words.len()
            ),
        )
        .with_help(tr!(language, "field-type-split-string-help"))
        .with_fix(Fix::safe(
            tr!(language, "field-type-split-string-fix"),
            vec![Edit::replace(
                entry.value_range,
                format!("[{}]", quoted.join(", ")),
            )],
        ))
        .at_most(Severity::Warning),
    );
}

/// One emoji: a pictograph with optional modifiers, variation selectors and
/// zero-width joins, or a flag of two regional indicators.
fn is_single_emoji(text: &str) -> bool {
    let is_pictograph = |ch: char| {
        matches!(ch as u32,
            0x1F000..=0x1FAFF | 0x2600..=0x27BF | 0x2300..=0x23FF | 0x2B00..=0x2BFF
            | 0x2190..=0x21FF | 0x25A0..=0x25FF | 0x2934..=0x2935 | 0x3030 | 0x303D | 0x3297 | 0x3299 | 0xA9 | 0xAE | 0x203C | 0x2049 | 0x2122 | 0x2139)
    };
    let is_modifier =
        |ch: char| matches!(ch as u32, 0xFE0F | 0x20E3 | 0x1F3FB..=0x1F3FF | 0xE0020..=0xE007F);
    let chars: Vec<char> = text.chars().collect();
    let Some((&first, rest)) = chars.split_first() else {
        return false;
    };
    if chars.len() > 12 {
        return false;
    }
    // A keycap: `#`, `*` or a digit, an optional U+FE0F, then U+20E3.
    if matches!(first, '#' | '*' | '0'..='9') {
        return matches!(rest, ['\u{20E3}'] | ['\u{FE0F}', '\u{20E3}']);
    }
    if !is_pictograph(first) {
        return false;
    }
    let regional = |ch: char| matches!(ch as u32, 0x1F1E6..=0x1F1FF);
    if regional(first) {
        return chars.len() == 2 && regional(chars[1]);
    }
    let mut after_join = false;
    for &ch in rest {
        if ch == '\u{200D}' {
            after_join = true;
        } else if is_modifier(ch) || (after_join && is_pictograph(ch)) {
            after_join = false;
        } else {
            return false;
        }
    }
    !after_join
}

#[cfg(test)]
mod tests {
    use super::is_single_emoji;
    use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config};

    #[test]
    fn default_jekyll_schema_types() {
        assert_snapshot_of(
            "field-type",
            "types.md",
            "---\nlayout: post\ntitle: 2024\ndate: 2025-11-20 08:43:29 +0000\ntags: [\"AI\", 3, \"投資\"]\ncategories: [投資分析]\nreading_time: \"8 min\"\nauthor: [a, b]\n---\nBody\n",
        );
    }

    #[test]
    fn impossible_dates_offsets_and_file_names() {
        assert_snapshot_of(
            "field-type",
            "_posts/2025-11-21-offsets.md",
            "---\r\ntitle: x\r\ndate: 2025-11-20 08:00:00 +16:30\r\n---\r\n",
        );
        assert_snapshot_of(
            "field-type",
            "_posts/2025-11-21-moved.md",
            "---\ntitle: x\ndate: 2025-11-20\n---\n",
        );
        assert_snapshot_of(
            "field-type",
            "_posts/2025-02-30-bad-day.md",
            "---\ntitle: x\ndate: 2025-02-30\n---\n",
        );
        assert_snapshot_of(
            "field-type",
            "future.md",
            "---\ntitle: x\ndate: 2999-01-01\n---\n",
        );
        assert_snapshot_of(
            "field-type",
            "malformed.md",
            "---\ntitle: x\ndate: 2023-08-23 13:00-:00+02:00\n---\n",
        );
    }

    #[test]
    fn jekyll_reads_differently() {
        assert_snapshot_of(
            "field-type",
            "yaml11.md",
            "---\ntitle: x\npublished: yes\ncomments: \"no\"\ntags: security release notes\nflags: [on, \"off\"]\n---\n",
        );
    }

    #[test]
    fn limits_patterns_and_enums() {
        assert_snapshot_with_config(
            "field-type",
            "limits.md",
            "---\ntitle: \"ちょっと長すぎるタイトル\"\nreading_time: 0\nslug: Not A Slug\ntype: blog\ntopics: [\"averyveryverylongtopicname\", ok]\n---\n",
            "rules:\n  field-type:\n    fields:\n      title: {type: string, max-length: 10}\n      reading_time: {type: integer, min: 1, max: 120}\n      slug: {type: string, pattern: '^[a-z0-9-]+$'}\n      type: {type: enum, values: [tech, idea]}\n      topics: {type: list, item-max-length: 18}\n",
        );
    }

    #[test]
    fn each_check_can_be_turned_off() {
        assert_snapshot_with_config(
            "field-type",
            "_posts/2025-11-21-options-off.md",
            "---\ntitle: x\ndate: 2999-01-01\npublished: yes\n---\n",
            "rules:\n  field-type:\n    future-dates: false\n    filename-date: false\n    yaml11-booleans: false\n    fields:\n      date: {type: date}\n",
        );
    }

    #[test]
    fn the_zenn_preset() {
        assert_snapshot_with_config(
            "field-type",
            "articles/zenn.md",
            "---\ntitle: \"記事\"\nemoji: \"ab\"\ntype: blog\ntopics: [\"rust\", \"a-topic-name-longer-than-eighteen\"]\npublished: \"true\"\npublished_at: 2025-05-23\n---\n本文\n",
            "preset: zenn\n",
        );
    }

    #[test]
    fn bad_patterns_are_config_errors() {
        let error = crate::Config::from_yaml("rules:\n  field-type:\n    fields:\n      slug: {type: string, pattern: '(unclosed'}\n")
            .unwrap_err();
        assert!(error.message.contains("invalid pattern"), "{error}");
    }

    #[test]
    fn single_emoji() {
        for yes in [
            "😀",
            "👍🏽",
            "👨‍👩‍👧",
            "🇯🇵",
            "❤️",
            "☕",
            "▶️",
            "▶",
            "#️⃣",
            "1️⃣",
            "🏳️‍🌈",
            "👩🏽‍💻",
            "🏴\u{E0067}\u{E0062}\u{E0065}\u{E006E}\u{E0067}\u{E007F}",
        ] {
            assert!(is_single_emoji(yes), "{yes}");
        }
        for no in ["", "😀😀x", "ab", "😀 ", "日", "1", "#", "▶x"] {
            assert!(!is_single_emoji(no), "{no}");
        }
    }
}
