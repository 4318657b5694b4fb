//! TOML front matter (`+++`, Hugo and Zola), with spans from toml's parser.

use toml::de::{DeTable, DeValue};
use toml::Spanned;

use crate::front_matter::{error_range, Entry, Item, Parsed, Problem, ProblemKind, Value};
use crate::source::{TextRange, TextSize};

pub(crate) fn parse(content: &str, base: TextSize) -> Parsed {
    let base = usize::from(base);
    let at = |span: std::ops::Range<usize>| {
        TextRange::new(
            TextSize::from((base + span.start) as u32),
            TextSize::from((base + span.end) as u32),
        )
    };
    let (table, errors) = DeTable::parse_recoverable(content);
    let problems = errors
        .iter()
        .map(|error| {
            let span = error.span().unwrap_or(0..0);
            let range = if span.is_empty() {
                error_range(content, base, span.start)
            } else {
                at(span)
            };
            let kind = if error.message().contains("duplicate key") {
                ProblemKind::DuplicateKey
            } else {
                ProblemKind::Unparsable
            };
            Problem {
                kind,
                range,
                message: crate::message!("front-matter-toml", detail = error.message().trim_end()),
            }
        })
        .collect();
    let mut entries: Vec<Entry> = table
        .get_ref()
        .iter()
        .map(|(key, value)| {
            let value_span = value.span();
            Entry {
                key: key.get_ref().to_string(),
                key_range: at(key.span()),
                value: convert(value, &at),
                value_range: at(value_span.clone()),
                range: at(key.span().start..value_span.end.max(key.span().end)),
            }
        })
        .collect();
    entries.sort_by_key(|entry| entry.key_range.start());
    Parsed { entries, problems }
}

fn convert(
    value: &Spanned<DeValue<'_>>,
    at: &impl Fn(std::ops::Range<usize>) -> TextRange,
) -> Value {
    match value.get_ref() {
        DeValue::String(text) => Value::String(text.to_string()),
        DeValue::Integer(integer) => {
            i64::from_str_radix(&integer.as_str().replace('_', ""), integer.radix()).map_or_else(
                |_| Value::String(integer.as_str().to_string()),
                Value::Integer,
            )
        }
        DeValue::Float(float) => float
            .as_str()
            .replace('_', "")
            .parse()
            .map_or_else(|_| Value::String(float.as_str().to_string()), Value::Float),
        DeValue::Boolean(flag) => Value::Bool(*flag),
        DeValue::Datetime(datetime) => Value::Datetime(datetime.to_string()),
        DeValue::Array(array) => Value::List(
            array
                .iter()
                .map(|item| Item {
                    value: convert(item, at),
                    range: at(item.span()),
                })
                .collect(),
        ),
        DeValue::Table(table) => Value::Map(
            table
                .iter()
                .map(|(key, value)| (key.get_ref().to_string(), convert(value, at)))
                .collect(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn spans_of_keys_values_and_items() {
        let content =
            "title = \"Rust 1.80\"\ndate = 2024-07-25\ntags = [\"a\", 'b']\n[extra]\nx = 1\n";
        let parsed = parse(content, TextSize::from(4));
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let slice = |range: TextRange| {
            &content[usize::from(range.start()) - 4..usize::from(range.end()) - 4]
        };
        let title = &parsed.entries[0];
        assert_eq!(slice(title.key_range), "title");
        assert_eq!(slice(title.value_range), "\"Rust 1.80\"");
        assert_eq!(
            parsed.entries[1].value,
            Value::Datetime("2024-07-25".into())
        );
        let items: Vec<&str> = parsed.entries[2]
            .value
            .as_list()
            .unwrap()
            .iter()
            .map(|i| slice(i.range))
            .collect();
        assert_eq!(items, ["\"a\"", "'b'"]);
        assert_eq!(parsed.entries[3].key, "extra");
    }

    #[test]
    fn duplicate_keys_and_errors_have_positions() {
        let content = "title = \"a\"\ntitle = \"b\"\n";
        let parsed = parse(content, TextSize::from(0));
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].kind, ProblemKind::DuplicateKey);
        assert_eq!(usize::from(parsed.problems[0].range.start()), 12);
    }
}
