//! All of serde_yaml (frozen upstream) is behind this module, so it can be
//! swapped without touching the rest: deserializing config, vocabularies and
//! packs; a value tree for the front-matter reader; and emitting scalars.

use serde::de::DeserializeOwned;

/// A YAML error with its place in the text that was parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct YamlError {
    pub message: String,
    /// Byte offset into the parsed text.
    pub offset: Option<usize>,
    /// One-based line and column, as serde_yaml counts them.
    pub line: Option<usize>,
    pub column: Option<usize>,
}

impl std::fmt::Display for YamlError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match (self.line, self.column) {
            (Some(line), Some(column)) => {
                write!(f, "line {line} column {column}: {}", self.message)
            }
            _ => f.write_str(&self.message),
        }
    }
}

fn yaml_error(error: serde_yaml::Error) -> YamlError {
    let location = error.location();
    YamlError {
        message: strip_location(&error.to_string()),
        offset: location.as_ref().map(|l| l.index()),
        line: location.as_ref().map(|l| l.line()),
        column: location.as_ref().map(|l| l.column()),
    }
}

/// What libyaml was inside when it failed, when that is a construct left
/// open, and where it opened (one-based line and column): serde_yaml writes
/// "…, while parsing a flow sequence at line 3 column 7".
fn unclosed_construct(message: &str) -> Option<(Unclosed, usize, usize)> {
    const OPEN: &[(&str, Unclosed)] = &[
        ("while parsing a flow sequence at line ", Unclosed::List),
        ("while parsing a flow mapping at line ", Unclosed::Mapping),
        ("while scanning a quoted scalar at line ", Unclosed::Quote),
    ];
    OPEN.iter().find_map(|(context, what)| {
        let place = message.split(context).nth(1)?;
        let (line, rest) = place.split_once(" column ")?;
        let column: String = rest.chars().take_while(char::is_ascii_digit).collect();
        Some((*what, line.parse().ok()?, column.parse().ok()?))
    })
}

/// The byte offset of a one-based line and character column in `text`.
fn offset_of(text: &str, line: usize, column: usize) -> Option<usize> {
    let start = if line <= 1 {
        0
    } else {
        text.match_indices('\n').nth(line - 2)?.0 + 1
    };
    let line_text = &text[start..];
    let within = line_text
        .char_indices()
        .nth(column.saturating_sub(1))
        .map_or(line_text.len(), |(at, _)| at);
    Some(start + within)
}

/// serde_yaml appends " at line L column C"; copydesk reports positions itself.
fn strip_location(message: &str) -> String {
    match message.find(" at line ") {
        Some(at) => message[..at].to_string(),
        None => message.to_string(),
    }
}

/// Deserializes config, vocabularies and packs. An empty document is `{}`.
pub fn from_str<T: DeserializeOwned>(text: &str) -> Result<T, YamlError> {
    let text = if text.trim().is_empty() { "{}" } else { text };
    serde_yaml::from_str(text).map_err(|error| locate_unknown_field(text, yaml_error(error)))
}

/// serde_yaml places an unknown field at the start of its mapping; point at
/// the key itself, the first line at or after that place that starts with it.
fn locate_unknown_field(text: &str, mut error: YamlError) -> YamlError {
    let Some(field) = error
        .message
        .split("unknown field `")
        .nth(1)
        .and_then(|rest| rest.split('`').next())
    else {
        return error;
    };
    let from = error.offset.unwrap_or(0).min(text.len());
    let mut line_start = text[..from].rfind('\n').map_or(0, |at| at + 1);
    let first_line_number = text[..line_start].matches('\n').count() + 1;
    for (line_number, line) in (first_line_number..).zip(text[line_start..].split_inclusive('\n')) {
        let trimmed = line.trim_start();
        let key = trimmed.strip_prefix("- ").unwrap_or(trimmed).trim_start();
        if key
            .strip_prefix(field)
            .is_some_and(|rest| rest.trim_start().starts_with(':'))
        {
            let column = line.len() - key.len();
            error.offset = Some(line_start + column);
            error.line = Some(line_number);
            error.column = Some(column + 1);
            break;
        }
        line_start += line.len();
    }
    error
}

/// Whether text can be written as a plain YAML scalar and read back as the
/// same string, by YAML 1.2 readers and by YAML 1.1 ones such as Jekyll's.
pub fn is_plain_safe(text: &str) -> bool {
    let yaml11_special = matches!(
        text.to_ascii_lowercase().as_str(),
        "yes" | "no" | "on" | "off" | "y" | "n" | "true" | "false" | "null" | "~"
    );
    !text.is_empty()
        && !yaml11_special
        && text.trim() == text
        && !text.starts_with([
            '-', '?', ':', ',', '[', ']', '{', '}', '#', '&', '*', '!', '|', '>', '\'', '"', '%',
            '@', '`',
        ])
        && !text.contains(": ")
        && !text.contains(" #")
        && !text.contains([',', '[', ']', '{', '}', '\n', '\r', '\t'])
        && matches!(serde_yaml::from_str::<serde_yaml::Value>(text), Ok(serde_yaml::Value::String(ref parsed)) if parsed == text)
}

/// A string as a YAML scalar: plain when that reads back the same, else quoted.
pub fn scalar(text: &str) -> String {
    if is_plain_safe(text) {
        return text.to_string();
    }
    let mut quoted = String::with_capacity(text.len() + 2);
    quoted.push('"');
    for ch in text.chars() {
        match ch {
            '"' => quoted.push_str("\\\""),
            '\\' => quoted.push_str("\\\\"),
            '\n' => quoted.push_str("\\n"),
            '\t' => quoted.push_str("\\t"),
            ch if ch.is_control() => quoted.push_str(&format!("\\u{:04X}", ch as u32)),
            ch => quoted.push(ch),
        }
    }
    quoted.push('"');
    quoted
}

/// A YAML value without serde_yaml's types, for the front-matter reader.
#[derive(Debug, Clone, PartialEq)]
pub enum Node {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    Sequence(Vec<Node>),
    /// Keys as text, in the order written.
    Mapping(Vec<(String, Node)>),
}

/// A construct libyaml found left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unclosed {
    /// A `[` list.
    List,
    /// A `{` mapping.
    Mapping,
    /// A quoted string.
    Quote,
}

/// Why text did not parse: the error, and the construct left open with the
/// byte offset where it opened, when that is what went wrong.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeError {
    pub error: YamlError,
    pub unclosed: Option<(Unclosed, usize)>,
}

/// Parses one YAML document into a [`Node`].
pub fn parse_node(text: &str) -> Result<Node, NodeError> {
    match serde_yaml::from_str::<serde_yaml::Value>(text) {
        Ok(value) => Ok(node(&value)),
        Err(error) => {
            // The parser notices a list, mapping or quote left open only
            // lines later, on another key; where it opened is in the message.
            let unclosed = unclosed_construct(&error.to_string())
                .and_then(|(what, line, column)| Some((what, offset_of(text, line, column)?)));
            Err(NodeError {
                error: yaml_error(error),
                unclosed,
            })
        }
    }
}

fn node(value: &serde_yaml::Value) -> Node {
    match value {
        serde_yaml::Value::Null => Node::Null,
        serde_yaml::Value::Bool(flag) => Node::Bool(*flag),
        serde_yaml::Value::Number(number) => match number.as_i64() {
            Some(integer) => Node::Integer(integer),
            None => Node::Float(number.as_f64().unwrap_or(f64::NAN)),
        },
        serde_yaml::Value::String(text) => Node::String(text.clone()),
        serde_yaml::Value::Sequence(sequence) => {
            Node::Sequence(sequence.iter().map(node).collect())
        }
        serde_yaml::Value::Mapping(mapping) => Node::Mapping(
            mapping
                .iter()
                .map(|(key, value)| (key_text(key), node(value)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(tagged) => node(&tagged.value),
    }
}

fn key_text(key: &serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(text) => text.clone(),
        serde_yaml::Value::Number(number) => number.to_string(),
        serde_yaml::Value::Bool(flag) => flag.to_string(),
        serde_yaml::Value::Null => "null".to_string(),
        other => format!("{other:?}"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scalars_read_back_as_written() {
        for text in [
            "openSUSE",
            "C++",
            "yes",
            "1.0",
            "a: b",
            "#tag",
            "日本語",
            "say \"hi\"",
            "- x",
            "back\\slash",
            "",
        ] {
            let yaml = format!("v: {}\n", scalar(text));
            let parsed: std::collections::BTreeMap<String, String> = from_str(&yaml).unwrap();
            assert_eq!(parsed["v"], text, "{yaml}");
        }
        assert_eq!(scalar("openSUSE"), "openSUSE");
        assert_eq!(scalar("yes"), "\"yes\"");
    }

    #[test]
    fn nodes_keep_keys_in_order_and_report_what_was_left_open() {
        assert_eq!(
            parse_node("b: 1\na: [x, 2.5]\n1: ~\n"),
            Ok(Node::Mapping(vec![
                ("b".into(), Node::Integer(1)),
                (
                    "a".into(),
                    Node::Sequence(vec![Node::String("x".into()), Node::Float(2.5)])
                ),
                ("1".into(), Node::Null),
            ]))
        );
        let failed = parse_node("a: [x,\nb: 1\n").unwrap_err();
        assert_eq!(failed.unclosed, Some((Unclosed::List, 3)));
    }
}
