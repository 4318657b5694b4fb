//! Front matter: delimiters, entries with exact spans, and syntax problems.
//!
//! Values are copydesk's own [`Value`], so no rule sees serde_yaml or toml.

mod toml;
mod yaml;

use crate::message;
use crate::messages::Message;
use crate::source::{Source, TextRange, TextSize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Yaml,
    Toml,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Toml => "TOML",
        }
    }
}

/// A front-matter value, reduced to what post metadata uses.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Integer(i64),
    Float(f64),
    String(String),
    /// A TOML datetime, kept as written.
    Datetime(String),
    List(Vec<Item>),
    Map(Vec<(String, Value)>),
}

impl Value {
    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::String(text) | Value::Datetime(text) => Some(text),
            _ => None,
        }
    }

    pub fn as_list(&self) -> Option<&[Item]> {
        match self {
            Value::List(items) => Some(items),
            _ => None,
        }
    }

    /// Null, an empty or blank string, an empty list or map.
    pub fn is_empty(&self) -> bool {
        match self {
            Value::Null => true,
            Value::String(text) => text.trim().is_empty(),
            Value::List(items) => items.is_empty(),
            Value::Map(entries) => entries.is_empty(),
            _ => false,
        }
    }

    /// The message naming this kind of value: `kind-list`.
    pub fn kind_id(&self) -> &'static str {
        match self {
            Value::Null => "kind-null",
            Value::Bool(_) => "kind-boolean",
            Value::Integer(_) => "kind-integer",
            Value::Float(_) => "kind-number",
            Value::String(_) => "kind-string",
            Value::Datetime(_) => "kind-datetime",
            Value::List(_) => "kind-list",
            Value::Map(_) => "kind-mapping",
        }
    }
}

/// One item of a list value, with its own span.
#[derive(Debug, Clone, PartialEq)]
pub struct Item {
    pub value: Value,
    pub range: TextRange,
}

/// One top-level `key: value`.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: String,
    pub key_range: TextRange,
    pub value: Value,
    /// The value as written; an empty range right after the key when absent.
    pub value_range: TextRange,
    /// The whole entry: key line and continuation lines, without the last line ending.
    pub range: TextRange,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProblemKind {
    Missing,
    Unterminated,
    OneLine,
    NotMapping,
    Unparsable,
    DuplicateKey,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub kind: ProblemKind,
    pub range: TextRange,
    pub message: Message,
}

/// The parsed front matter of a file.
#[derive(Debug, Clone, Default)]
pub struct FrontMatter {
    pub format: Option<Format>,
    /// From the opening delimiter to the end of the closing delimiter line.
    pub range: Option<TextRange>,
    /// Between the delimiters.
    pub content_range: Option<TextRange>,
    /// In source order. A duplicated key appears each time it was written.
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
    /// Where the Markdown body starts.
    pub body_start: TextSize,
}

impl FrontMatter {
    /// The effective entry for a key: the last one, as Jekyll keeps.
    pub fn get(&self, key: &str) -> Option<&Entry> {
        self.entries.iter().rev().find(|entry| entry.key == key)
    }

    pub fn is_present(&self) -> bool {
        self.format.is_some()
    }

    pub fn parse(source: &Source) -> FrontMatter {
        let text = source.text();
        let start = usize::from(source.content_start());
        let Some(delimited) = find_delimiters(text, start) else {
            return missing_or_one_line(text, start);
        };
        let mut front_matter = FrontMatter {
            format: Some(delimited.format),
            range: Some(delimited.range),
            content_range: Some(delimited.content),
            body_start: delimited.range.end(),
            ..FrontMatter::default()
        };
        if delimited.unterminated {
            front_matter.problems.push(Problem {
                kind: ProblemKind::Unterminated,
                range: delimited.opening,
                message: message!(
                    "front-matter-unterminated",
                    format = delimited.format.name()
                ),
            });
            return front_matter;
        }
        let content = &text[delimited.content];
        let parsed = match delimited.format {
            Format::Yaml => yaml::parse_front_matter(content, delimited.content.start()),
            Format::Toml => toml::parse(content, delimited.content.start()),
        };
        front_matter.entries = parsed.entries;
        front_matter.problems = parsed.problems;
        front_matter
    }
}

/// What a format parser hands back.
#[derive(Debug, Default)]
pub(crate) struct Parsed {
    pub entries: Vec<Entry>,
    pub problems: Vec<Problem>,
}

struct Delimited {
    format: Format,
    opening: TextRange,
    range: TextRange,
    content: TextRange,
    unterminated: bool,
}

/// Splits text into lines, each with its range including its line ending.
pub(crate) fn lines_with_offsets(text: &str, base: usize) -> impl Iterator<Item = (usize, &str)> {
    let mut at = 0;
    std::iter::from_fn(move || {
        if at >= text.len() {
            return None;
        }
        let rest = &text[at..];
        let bytes = rest.as_bytes();
        let mut end = bytes.len();
        for (i, &byte) in bytes.iter().enumerate() {
            if byte == b'\n' {
                end = i + 1;
                break;
            }
            if byte == b'\r' {
                end = if bytes.get(i + 1) == Some(&b'\n') {
                    i + 2
                } else {
                    i + 1
                };
                break;
            }
        }
        let line = &rest[..end];
        let start = base + at;
        at += end;
        Some((start, line))
    })
}

pub(crate) fn trim_line_ending(line: &str) -> &str {
    line.trim_end_matches(['\n', '\r'])
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(TextSize::from(start as u32), TextSize::from(end as u32))
}

fn find_delimiters(text: &str, start: usize) -> Option<Delimited> {
    let mut lines = lines_with_offsets(&text[start..], start);
    let (first_start, first_line) = lines.next()?;
    let format = match trim_line_ending(first_line).trim_end_matches([' ', '\t']) {
        "---" => Format::Yaml,
        "+++" => Format::Toml,
        _ => return None,
    };
    let content_start = first_start + first_line.len();
    let opening = range(
        first_start,
        first_start + trim_line_ending(first_line).len(),
    );
    for (line_start, line) in lines {
        let bare = trim_line_ending(line).trim_end_matches([' ', '\t']);
        let closes = match format {
            Format::Yaml => bare == "---" || bare == "...",
            Format::Toml => bare == "+++",
        };
        if closes {
            return Some(Delimited {
                format,
                opening,
                range: range(first_start, line_start + line.len()),
                content: range(content_start, line_start),
                unterminated: false,
            });
        }
    }
    Some(Delimited {
        format,
        opening,
        range: range(first_start, text.len()),
        content: range(content_start, text.len()),
        unterminated: true,
    })
}

/// No delimiter line: either no front matter at all, or one collapsed onto
/// a single line (`--- layout: post title: x ---`), which Jekyll ignores.
fn missing_or_one_line(text: &str, start: usize) -> FrontMatter {
    let first_line = lines_with_offsets(&text[start..], start)
        .next()
        .map_or("", |(_, line)| trim_line_ending(line));
    let trimmed = first_line.trim_end();
    let (kind, range, message) = if (trimmed.starts_with("--- ") && trimmed.len() > 4)
        || (trimmed.starts_with("+++ ") && trimmed.len() > 4)
    {
        (
            ProblemKind::OneLine,
            range(start, start + trimmed.len()),
            message!("front-matter-one-line"),
        )
    } else {
        (
            ProblemKind::Missing,
            range(start, start + first_line.len()),
            message!("front-matter-missing"),
        )
    };
    FrontMatter {
        problems: vec![Problem {
            kind,
            range,
            message,
        }],
        body_start: TextSize::from(start as u32),
        ..FrontMatter::default()
    }
}

/// From the error's byte to the end of its line; the line itself when the
/// error sits at a line end.
pub(crate) fn error_range(content: &str, base: usize, offset: usize) -> TextRange {
    let offset = crate::text::floor_char_boundary(content, offset);
    let line_start = content[..offset].rfind(['\n', '\r']).map_or(0, |at| at + 1);
    let line_end = content[offset..]
        .find(['\n', '\r'])
        .map_or(content.len(), |at| offset + at);
    if offset < line_end {
        range(base + offset, base + line_end)
    } else {
        range(base + line_start, base + line_end)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> (Source, FrontMatter) {
        let source = Source::new(text.to_string());
        let front_matter = FrontMatter::parse(&source);
        (source, front_matter)
    }

    fn kinds(front_matter: &FrontMatter) -> Vec<ProblemKind> {
        front_matter
            .problems
            .iter()
            .map(|p| p.kind.clone())
            .collect()
    }

    #[test]
    fn yaml_closed_by_dots_and_body_starts_after() {
        let (source, fm) = parse("---\ntitle: A\n...\nBody\n");
        assert_eq!(fm.format, Some(Format::Yaml));
        assert_eq!(&source.text()[usize::from(fm.body_start)..], "Body\n");
        assert_eq!(fm.get("title").unwrap().value, Value::String("A".into()));
    }

    #[test]
    fn no_front_matter_one_line_and_unterminated() {
        assert_eq!(kinds(&parse("# Hello\n").1), vec![ProblemKind::Missing]);
        assert_eq!(
            kinds(&parse("--- layout: post title: Hi ---\nbody").1),
            vec![ProblemKind::OneLine]
        );
        let (_, fm) = parse("---\ntitle: x\nbody\n");
        assert_eq!(kinds(&fm), vec![ProblemKind::Unterminated]);
        assert_eq!(fm.problems[0].range, range(0, 3));
    }

    #[test]
    fn bom_and_crlf_before_the_delimiter() {
        let (source, fm) = parse("\u{feff}---\r\ntitle: \"日本\"\r\n---\r\nBody");
        let entry = fm.get("title").unwrap();
        assert_eq!(source.slice(entry.key_range), "title");
        assert_eq!(source.slice(entry.value_range), "\"日本\"");
        assert_eq!(&source.text()[usize::from(fm.body_start)..], "Body");
    }
}
