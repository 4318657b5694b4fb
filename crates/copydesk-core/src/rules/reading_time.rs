use std::sync::OnceLock;

use regex::Regex;
use serde::Deserialize;

use crate::diagnostic::{Edit, Fix, Violation};
use crate::document::Document;
use crate::front_matter::{Entry, Value};
use crate::messages::Language;
use crate::reading_time::{estimate, ReadingModel};
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};
use crate::tr;

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "ReadingTimeOptions")]
pub struct Options {
    /// Field names that hold the reading time; the first present is checked.
    pub fields: Vec<String>,
    pub model: ReadingModel,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            fields: vec![
                "reading_time".into(),
                "readingTime".into(),
                "read_time".into(),
            ],
            model: ReadingModel::default(),
        }
    }
}

/// Reports a declared reading time that no reader could match for this body,
/// with a safe fix that writes the estimate. Docs: `rules/reading-time.md`.
pub struct ReadingTime {
    options: Options,
}

impl ReadingTime {
    pub fn new(options: Options) -> ReadingTime {
        ReadingTime { options }
    }
}

fn minutes_pattern() -> &'static Regex {
    static PATTERN: OnceLock<Regex> = OnceLock::new();
    PATTERN.get_or_init(|| {
        Regex::new(r"^\s*(\d+(?:\.\d+)?)\s*(?:min(?:ute)?s?\.?|分|分間)?\s*$")
            .expect("the minutes pattern is valid")
    })
}

/// The declared minutes, and the range of the number inside the written value.
pub fn declared(document: &Document, entry: &Entry) -> Option<(f64, TextRange)> {
    match &entry.value {
        Value::Integer(n) => Some((*n as f64, entry.value_range)),
        Value::Float(n) => Some((*n, entry.value_range)),
        Value::String(text) => {
            let captures = minutes_pattern().captures(text)?;
            let minutes: f64 = captures[1].parse().ok()?;
            // The number as written in the file, inside quotes if any.
            let raw = document.source.slice(entry.value_range);
            let at = raw.find(&captures[1])?;
            let start = entry.value_range.start() + TextSize::from(at as u32);
            Some((minutes, TextRange::at(start, TextSize::of(&captures[1]))))
        }
        _ => None,
    }
}

impl Rule for ReadingTime {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        let Some(entry) = self
            .options
            .fields
            .iter()
            .find_map(|field| document.front_matter.get(field))
        else {
            return;
        };
        let Some((minutes, number_range)) = declared(document, entry) else {
            return;
        };
        let estimate = estimate(document, &self.options.model);
        if estimate.is_plausible(minutes) {
            return;
        }
        let rounded = estimate.rounded_minutes();
        violations.push(
            Violation::new(
                entry.value_range,
                tr!(
                    language,
                    "reading-time-implausible",
                    declared = minutes,
                    estimate = rounded.to_string(),
                    counts = estimate.describe_counts(language)
                ),
            )
            .with_help(tr!(
                language,
                "reading-time-help",
                fastest = format!("{:.0}", estimate.lowest.max(0.0).floor()),
                slowest = format!("{:.0}", estimate.highest.ceil()),
                estimate = rounded.to_string()
            ))
            .with_fix(Fix::safe(
                tr!(
                    language,
                    "reading-time-fix",
                    key = &entry.key,
                    estimate = rounded.to_string()
                ),
                vec![Edit::replace(number_range, rounded.to_string())],
            )),
        );
    }
}

/// The hover on the reading-time field: the estimate, how it was made, and
/// the range copydesk accepts.
pub(crate) fn hover(options: &Options, document: &Document, language: Language) -> String {
    let estimate = estimate(document, &options.model);
    tr!(
        language,
        "hover-reading-time",
        estimate = estimate.rounded_minutes().to_string(),
        counts = estimate.describe_counts(language),
        fast = format!("{:.1}", estimate.lowest + options.model.slack_minutes),
        slow = format!("{:.1}", estimate.highest - options.model.slack_minutes),
        lowest = format!("{:.0}", estimate.lowest.max(0.0).floor()),
        highest = format!("{:.0}", estimate.highest.ceil()),
    )
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config};

    fn japanese_body(characters: usize) -> String {
        "あ".repeat(characters)
    }

    #[test]
    fn constant_eight_minutes_on_a_short_japanese_post() {
        let text = format!(
            "---\ntitle: t\nreading_time: 8\n---\n{}\n",
            japanese_body(1362)
        );
        assert_snapshot_of("reading-time", "integer.md", &text);
    }

    #[test]
    fn value_forms_are_kept_by_the_fix() {
        let body = japanese_body(1500);
        assert_snapshot_of(
            "reading-time",
            "min.md",
            &format!("---\ntitle: t\nreading_time: \"8 min\"\n---\n{body}\n"),
        );
        assert_snapshot_of(
            "reading-time",
            "fun.md",
            &format!("---\r\ntitle: t\r\nreadingTime: 8分\r\n---\r\n{body}\r\n"),
        );
        assert_snapshot_of(
            "reading-time",
            "toml.md",
            &format!("+++\ntitle = \"t\"\nread_time = 12\n+++\n{body}\n"),
        );
    }

    /// 1,500 characters: 2.3 min for a fast reader, 3.75 for a slow one, so
    /// 1.3 to 4.75 with the minute of slack.
    #[test]
    fn the_plausible_range_is_fast_to_slow_widened_by_a_minute() {
        let body = japanese_body(1500);
        for (minutes, plausible) in [(1, false), (2, true), (3, true), (4, true), (5, false)] {
            let text = format!("---\ntitle: t\nreading_time: {minutes}\n---\n{body}\n");
            let rendered = crate::test_support::render("reading-time", "a.md", &text, "");
            assert_eq!(
                rendered.contains("no findings"),
                plausible,
                "{minutes} min: {rendered}"
            );
        }
    }

    #[test]
    fn code_counts_when_asked_and_fields_are_configurable() {
        // One prose word and 500 words of code, declared as 3 minutes.
        let code = "word ".repeat(500);
        let text = format!("---\ntitle: t\nminutes: 3\n---\nShort.\n\n```\n{code}\n```\n");
        let fields = "rules:\n  reading-time:\n    fields: [minutes]\n";
        let without_code = crate::test_support::render("reading-time", "a.md", &text, fields);
        assert!(
            without_code.contains("declares 3 min; the body reads in about 1 min (1 word)"),
            "{without_code}"
        );
        assert_snapshot_with_config(
            "reading-time",
            "include-code.md",
            &text,
            &format!("{fields}    model:\n      include-code: true\n"),
        );
    }

    #[test]
    fn english_words_images_and_custom_rates() {
        let words = "word ".repeat(600);
        assert_snapshot_with_config(
            "reading-time",
            "english.md",
            &format!("---\ntitle: t\nreading_time: 1\n---\n{words}\n\n![a](a.png)\n"),
            "rules:\n  reading-time:\n    model:\n      words-per-minute: 200\n",
        );
    }
}
