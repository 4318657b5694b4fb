//! The YAML front-matter reader. serde_yaml (through `crate::yaml`) says
//! what the values are but has no spans, so a small line scanner finds the
//! spans of top-level keys, values and list items. When the two disagree,
//! spans fall back to the whole value. Front matter most posts have is read
//! by `simple` alone, with no YAML library at all.

mod simple;

use crate::front_matter::{
    error_range, lines_with_offsets, trim_line_ending, Entry, Item, Parsed, Problem, ProblemKind,
    Value,
};
use crate::message;
use crate::messages::Arg;
use crate::source::{TextRange, TextSize};
use crate::yaml::{parse_node, Node, NodeError, Unclosed};

/// Parses YAML front matter; `base` is the content's offset in the file.
pub(crate) fn parse_front_matter(content: &str, base: TextSize) -> Parsed {
    let base = usize::from(base);
    let scanned = scan_entries(content, base);
    match simple_entries(content, &scanned) {
        Some(entries) => Parsed {
            entries,
            problems: Vec::new(),
        },
        None => parse_with_serde(content, base, &scanned),
    }
}

/// The entries of front matter simple enough to read without serde_yaml.
fn simple_entries(content: &str, scanned: &[ScannedEntry]) -> Option<Vec<Entry>> {
    let values = simple::read(content)?;
    let same_keys = values.len() == scanned.len()
        && values
            .iter()
            .zip(scanned)
            .all(|((key, _), entry)| *key == entry.key);
    same_keys.then(|| {
        scanned
            .iter()
            .zip(values)
            .map(|(entry, (_, value))| {
                entry_from_scan(entry, simple_value(value, Some(&entry.items)))
            })
            .collect()
    })
}

fn simple_value(value: simple::Simple, item_ranges: Option<&[TextRange]>) -> Value {
    match value {
        simple::Simple::Null => Value::Null,
        simple::Simple::Bool(flag) => Value::Bool(flag),
        simple::Simple::Integer(integer) => Value::Integer(integer),
        simple::Simple::Text(text) => Value::String(text.to_string()),
        simple::Simple::List(items) => list(items.into_iter(), item_ranges, |item| {
            simple_value(item, None)
        }),
    }
}

/// A list of converted items; `item_ranges` gives them their spans when the
/// scanner found exactly one span per item.
fn list<T>(
    items: impl ExactSizeIterator<Item = T>,
    item_ranges: Option<&[TextRange]>,
    value_of: impl Fn(T) -> Value,
) -> Value {
    let ranges = item_ranges.filter(|ranges| ranges.len() == items.len());
    Value::List(
        items
            .enumerate()
            .map(|(at, item)| Item {
                value: value_of(item),
                range: ranges.map_or(TextRange::default(), |ranges| ranges[at]),
            })
            .collect(),
    )
}

fn parse_with_serde(content: &str, base: usize, scanned: &[ScannedEntry]) -> Parsed {
    let mut problems = duplicate_key_problems(scanned);
    let effective = blank_earlier_duplicates(content, base, scanned);

    let entries = match parse_node(&effective) {
        Ok(Node::Null) => Vec::new(),
        Ok(Node::Mapping(mapping)) => entries_from_mapping(content, base, scanned, &mapping),
        Ok(other) => {
            problems.push(Problem {
                kind: ProblemKind::NotMapping,
                range: first_content_line(content, base),
                message: message!(
                    "front-matter-not-mapping",
                    kind = Arg::Id(convert(&other, None).kind_id())
                ),
            });
            Vec::new()
        }
        Err(NodeError { error, unclosed }) => {
            // A list, mapping or quote left open is reported where it opens.
            let (range, message) = match unclosed {
                Some((what, offset)) => (
                    error_range(content, base, offset),
                    message!(
                        "front-matter-yaml-unclosed",
                        what = Arg::Id(match what {
                            Unclosed::List => "front-matter-unclosed-list",
                            Unclosed::Mapping => "front-matter-unclosed-mapping",
                            Unclosed::Quote => "front-matter-unclosed-quote",
                        }),
                        detail = &error.message
                    ),
                ),
                None => (
                    error_range(content, base, error.offset.unwrap_or(0)),
                    message!("front-matter-yaml", detail = &error.message),
                ),
            };
            problems.push(Problem {
                kind: ProblemKind::Unparsable,
                range,
                message,
            });
            // Lint what can still be read: each entry on its own.
            entries_parsed_one_by_one(content, base, scanned)
        }
    };
    problems.sort_by_key(|p| p.range.start());
    Parsed { entries, problems }
}

#[derive(Debug)]
struct ScannedEntry {
    key: String,
    key_range: TextRange,
    value_range: TextRange,
    range: TextRange,
    /// Item spans found by the scanner, before checking them against serde_yaml.
    items: Vec<TextRange>,
}

fn range(start: usize, end: usize) -> TextRange {
    TextRange::new(TextSize::from(start as u32), TextSize::from(end as u32))
}

fn scan_entries(content: &str, base: usize) -> Vec<ScannedEntry> {
    struct Pending<'a> {
        key: String,
        key_range: TextRange,
        line_start: usize,
        inline: Option<(usize, &'a str)>,
        line_end: usize,
        continuation: Vec<(usize, &'a str)>,
    }
    impl Pending<'_> {
        fn finish(self) -> ScannedEntry {
            let Pending {
                key,
                key_range,
                line_start,
                inline,
                line_end,
                continuation,
            } = self;
            finish_entry(key, key_range, line_start, inline, line_end, &continuation)
        }
    }
    let mut entries = Vec::new();
    let mut pending: Option<Pending> = None;
    for (start, line) in lines_with_offsets(content, base) {
        let bare = trim_line_ending(line);
        let starts_block = bare.starts_with([' ', '\t'])
            || bare == "-"
            || bare.starts_with("- ")
            || bare.trim().is_empty()
            || bare.starts_with('#');
        if starts_block {
            if let Some(p) = pending.as_mut() {
                p.continuation.push((start, bare));
            }
            continue;
        }
        let Some((key, key_len, after_colon)) = split_key(bare) else {
            if let Some(p) = pending.as_mut() {
                p.continuation.push((start, bare));
            }
            continue;
        };
        if let Some(p) = pending.take() {
            entries.push(p.finish());
        }
        let inline_text = &bare[after_colon..];
        let leading = inline_text.len() - inline_text.trim_start_matches([' ', '\t']).len();
        let inline_text = strip_comment(inline_text[leading..].trim_end());
        let key_offset = usize::from(bare.starts_with(['"', '\'']));
        pending = Some(Pending {
            key,
            key_range: range(start + key_offset, start + key_offset + key_len),
            line_start: start,
            inline: (!inline_text.is_empty())
                .then_some((start + after_colon + leading, inline_text)),
            line_end: start + bare.len(),
            continuation: Vec::new(),
        });
    }
    if let Some(p) = pending.take() {
        entries.push(p.finish());
    }
    entries
}

/// Splits `key: rest`, returning the key, its length as written (inside any
/// quotes) and where the text after the colon starts.
fn split_key(line: &str) -> Option<(String, usize, usize)> {
    if let Some(quote) = line.chars().next().filter(|c| *c == '"' || *c == '\'') {
        let close = line[1..].find(quote)? + 1;
        let after = line[close + 1..].trim_start_matches([' ', '\t']);
        let colon = line.len() - after.len();
        if !after.starts_with(':') {
            return None;
        }
        return Some((line[1..close].to_string(), close - 1, colon + 1));
    }
    let bytes = line.as_bytes();
    let colon = (0..bytes.len())
        .find(|&at| bytes[at] == b':' && matches!(bytes.get(at + 1), None | Some(b' ' | b'\t')))?;
    let key = line[..colon].trim_end();
    if key.is_empty() || key.starts_with(['?', '&', '*', '!', '|', '>', '[', '{']) {
        return None;
    }
    Some((key.to_string(), key.len(), colon + 1))
}

/// Drops a trailing ` # comment` that is outside quotes and brackets' strings.
fn strip_comment(text: &str) -> &str {
    let mut quote: Option<char> = None;
    let mut previous = ' ';
    for (at, ch) in text.char_indices() {
        match quote {
            Some(q) if ch == q => quote = None,
            Some(_) => {}
            None if (ch == '"' || ch == '\'')
                && matches!(previous, ' ' | '[' | ',' | '{' | ':') =>
            {
                quote = Some(ch)
            }
            None if ch == '#' && (previous == ' ' || previous == '\t') => {
                return text[..at].trim_end();
            }
            None => {}
        }
        previous = ch;
    }
    text
}

fn finish_entry(
    key: String,
    key_range: TextRange,
    line_start: usize,
    inline: Option<(usize, &str)>,
    line_end: usize,
    continuation: &[(usize, &str)],
) -> ScannedEntry {
    let meaningful: Vec<(usize, &str)> = continuation
        .iter()
        .copied()
        .filter(|(_, line)| {
            let trimmed = line.trim_start();
            !trimmed.is_empty() && !trimmed.starts_with('#')
        })
        .collect();
    let last_end = meaningful
        .last()
        .map(|(start, line)| start + line.trim_end().len());
    let value_range = match (inline, last_end) {
        (Some((start, text)), None) => range(start, start + text.len()),
        (Some((start, _)), Some(end)) => range(start, end),
        (None, Some(end)) => {
            let (first_start, first_line) = meaningful[0];
            let indent = first_line.len() - first_line.trim_start().len();
            range(first_start + indent, end)
        }
        (None, None) => range(line_end, line_end),
    };
    let items = match inline {
        Some((start, text)) if text.starts_with('[') && last_end.is_none() => {
            flow_items(text, start)
        }
        None => block_items(&meaningful),
        _ => Vec::new(),
    };
    ScannedEntry {
        key,
        key_range,
        value_range,
        range: range(line_start, last_end.unwrap_or(line_end).max(line_end)),
        items,
    }
}

/// Items of `[a, "b, c", 'd']`, split at top-level commas.
fn flow_items(text: &str, base: usize) -> Vec<TextRange> {
    let mut items = Vec::new();
    let mut depth = 0usize;
    let mut quote: Option<char> = None;
    let mut escaped = false;
    let mut item_start = None;
    let mut last_non_space = 0;
    let push = |start: Option<usize>, end: usize, items: &mut Vec<TextRange>| {
        if let Some(start) = start {
            items.push(range(base + start, base + end));
        }
    };
    for (at, ch) in text.char_indices() {
        if let Some(q) = quote {
            if escaped {
                escaped = false;
            } else if q == '"' && ch == '\\' {
                escaped = true;
            } else if ch == q {
                quote = None;
            }
            last_non_space = at + ch.len_utf8();
            continue;
        }
        match ch {
            '[' | '{' => {
                depth += 1;
                if depth == 1 {
                    continue;
                }
            }
            ']' | '}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    push(item_start.take(), last_non_space, &mut items);
                    break;
                }
            }
            ',' if depth == 1 => {
                push(item_start.take(), last_non_space, &mut items);
                continue;
            }
            '"' | '\'' => quote = Some(ch),
            _ => {}
        }
        if !ch.is_whitespace() {
            if item_start.is_none() && depth >= 1 {
                item_start = Some(at);
            }
            last_non_space = at + ch.len_utf8();
        }
    }
    items
}

/// Items of a block list (`- a` lines) at the shallowest dash indentation.
fn block_items(lines: &[(usize, &str)]) -> Vec<TextRange> {
    let dash_indent = |line: &str| {
        let trimmed = line.trim_start();
        (trimmed == "-" || trimmed.starts_with("- ")).then(|| line.len() - trimmed.len())
    };
    let Some(indent) = lines.iter().filter_map(|(_, line)| dash_indent(line)).min() else {
        return Vec::new();
    };
    lines
        .iter()
        .filter(|(_, line)| dash_indent(line) == Some(indent))
        .map(|(start, line)| {
            let after_dash = &line[indent + 1..];
            let leading = after_dash.len() - after_dash.trim_start().len();
            let text = strip_comment(after_dash.trim());
            let item_start = start + indent + 1 + leading;
            range(item_start, item_start + text.len())
        })
        .collect()
}

fn duplicate_key_problems(scanned: &[ScannedEntry]) -> Vec<Problem> {
    let mut problems = Vec::new();
    for (at, entry) in scanned.iter().enumerate() {
        if scanned[..at].iter().any(|earlier| earlier.key == entry.key) {
            problems.push(Problem {
                kind: ProblemKind::DuplicateKey,
                range: entry.key_range,
                message: message!("front-matter-duplicate-key", key = &entry.key),
            });
        }
    }
    problems
}

/// serde_yaml refuses duplicate keys; Jekyll keeps the last. Earlier copies are
/// overwritten with spaces so offsets, and so error positions, stay exact.
fn blank_earlier_duplicates(content: &str, base: usize, scanned: &[ScannedEntry]) -> String {
    let mut bytes = content.as_bytes().to_vec();
    for (at, entry) in scanned.iter().enumerate() {
        if scanned[at + 1..].iter().any(|later| later.key == entry.key) {
            let start = usize::from(entry.range.start()) - base;
            let end = usize::from(entry.range.end()) - base;
            for byte in &mut bytes[start..end] {
                if *byte != b'\n' && *byte != b'\r' {
                    *byte = b' ';
                }
            }
        }
    }
    // Whole UTF-8 sequences were replaced by ASCII spaces, so this is valid.
    String::from_utf8(bytes).unwrap_or_else(|_| content.to_string())
}

fn entries_from_mapping(
    content: &str,
    base: usize,
    scanned: &[ScannedEntry],
    mapping: &[(String, Node)],
) -> Vec<Entry> {
    let whole = range(base, base + content.len());
    let mut entries: Vec<Entry> = scanned
        .iter()
        .map(|entry| {
            let value = mapping
                .iter()
                .find(|(key, _)| *key == entry.key)
                .map_or(Value::Null, |(_, value)| convert(value, Some(&entry.items)));
            entry_from_scan(entry, value)
        })
        .collect();
    // Keys the scanner could not see (complex keys): values without precise spans.
    for (key, value) in mapping {
        if !scanned.iter().any(|entry| entry.key == *key) {
            entries.push(Entry {
                key: key.clone(),
                key_range: whole,
                value: convert(value, None),
                value_range: whole,
                range: whole,
            });
        }
    }
    entries
}

fn entries_parsed_one_by_one(content: &str, base: usize, scanned: &[ScannedEntry]) -> Vec<Entry> {
    scanned
        .iter()
        .filter_map(|entry| {
            let start = usize::from(entry.range.start()) - base;
            let end = usize::from(entry.range.end()) - base;
            let chunk = content.get(start..end)?;
            match parse_node(chunk) {
                Ok(Node::Mapping(mapping)) => {
                    let value = mapping.into_iter().next()?.1;
                    Some(entry_from_scan(entry, convert(&value, Some(&entry.items))))
                }
                _ => None,
            }
        })
        .collect()
}

fn entry_from_scan(entry: &ScannedEntry, value: Value) -> Entry {
    Entry {
        key: entry.key.clone(),
        key_range: entry.key_range,
        value,
        value_range: entry.value_range,
        range: entry.range,
    }
}

/// Converts a YAML node; `item_ranges` as for [`list`].
fn convert(value: &Node, item_ranges: Option<&[TextRange]>) -> Value {
    match value {
        Node::Null => Value::Null,
        Node::Bool(flag) => Value::Bool(*flag),
        Node::Integer(integer) => Value::Integer(*integer),
        Node::Float(number) => Value::Float(*number),
        Node::String(text) => Value::String(text.clone()),
        Node::Sequence(sequence) => list(sequence.iter(), item_ranges, |item| convert(item, None)),
        Node::Mapping(mapping) => Value::Map(
            mapping
                .iter()
                .map(|(key, value)| (key.clone(), convert(value, None)))
                .collect(),
        ),
    }
}

fn first_content_line(content: &str, base: usize) -> TextRange {
    lines_with_offsets(content, base)
        .find(|(_, line)| !line.trim().is_empty())
        .map_or(range(base, base), |(start, line)| {
            range(start, start + trim_line_ending(line).trim_end().len())
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(content: &str) -> Parsed {
        parse_front_matter(content, TextSize::from(0))
    }

    fn slice(content: &str, range: TextRange) -> &str {
        &content[range]
    }

    #[test]
    fn spans_of_keys_values_and_flow_items() {
        let content = "title: \"OpenAI と AWS\"  # note\ntags: [\"AI\", 投資, 'a, b' ]\n";
        let parsed = parse(content);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        let title = &parsed.entries[0];
        assert_eq!(slice(content, title.key_range), "title");
        assert_eq!(slice(content, title.value_range), "\"OpenAI と AWS\"");
        let items = parsed.entries[1].value.as_list().unwrap();
        let texts: Vec<&str> = items
            .iter()
            .map(|item| slice(content, item.range))
            .collect();
        assert_eq!(texts, ["\"AI\"", "投資", "'a, b'"]);
    }

    #[test]
    fn spans_of_block_items_with_comments_and_crlf() {
        let content = "tags:\r\n  - one # first\r\n  - \"two\"\r\n# trailing\r\nlayout: post\r\n";
        let parsed = parse(content);
        let tags = &parsed.entries[0];
        assert_eq!(
            slice(content, tags.value_range),
            "- one # first\r\n  - \"two\""
        );
        let texts: Vec<&str> = tags
            .value
            .as_list()
            .unwrap()
            .iter()
            .map(|item| slice(content, item.range))
            .collect();
        assert_eq!(texts, ["one", "\"two\""]);
        assert_eq!(parsed.entries[1].value, Value::String("post".into()));
    }

    #[test]
    fn duplicate_keys_are_reported_at_the_second_and_the_last_value_wins() {
        let content = "title: First\nlayout: post\ntitle: Second\n";
        let parsed = parse(content);
        assert_eq!(parsed.problems.len(), 1);
        assert_eq!(parsed.problems[0].kind, ProblemKind::DuplicateKey);
        assert_eq!(usize::from(parsed.problems[0].range.start()), 26);
        let last = parsed
            .entries
            .iter()
            .rev()
            .find(|e| e.key == "title")
            .unwrap();
        assert_eq!(last.value, Value::String("Second".into()));
    }

    #[test]
    fn parse_errors_point_into_the_file_and_other_entries_survive() {
        // A tab after the colon is valid (libyaml, and so Jekyll, read it);
        // a tab as indentation is not.
        assert!(parse("author: \tBob\n").problems.is_empty());
        let content = "title: ok\nauthor:\n\t- Bob\n";
        let parsed = parse_front_matter(content, TextSize::from(4));
        assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
        let problem = &parsed.problems[0];
        assert_eq!(problem.kind, ProblemKind::Unparsable);
        let start = usize::from(problem.range.start()) - 4;
        assert!(
            (10..22).contains(&start),
            "error at {start}: {}",
            problem.message.render(crate::messages::Language::En)
        );
        assert_eq!(parsed.entries[0].value, Value::String("ok".into()));
    }

    /// A list being typed (`tags: ["AI", "Ru`) fails on the next key; the
    /// finding is where the list opens, not on that key.
    #[test]
    fn an_unclosed_list_is_reported_where_it_opens() {
        for content in [
            "title: 日本語\ntags: [\"AI\", \"Ru\nexcerpt: \"y\"\n",
            "title: 日本語\ntags: [\"AI\", Ru\nexcerpt: y\n",
            "title: 日本語\ntags: [\nexcerpt: y\n",
        ] {
            let parsed = parse(content);
            assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
            let problem = &parsed.problems[0];
            assert_eq!(problem.kind, ProblemKind::Unparsable);
            assert_eq!(
                usize::from(problem.range.start()),
                content.find('[').unwrap(),
                "{content}"
            );
            assert!(
                problem
                    .message
                    .render(crate::messages::Language::En)
                    .contains("a `[` list is not closed"),
                "{}",
                problem.message.render(crate::messages::Language::En)
            );
        }
        let content = "title: x\nauthor: {name: Bob\nexcerpt: y\n";
        let problem = &parse(content).problems[0];
        assert_eq!(
            usize::from(problem.range.start()),
            content.find('{').unwrap()
        );
        // A quote that runs to the end is the thing left open.
        let content = "title: x\ntags: [\"AI\", \"Ru\nexcerpt: y\n";
        let problem = &parse(content).problems[0];
        assert_eq!(
            usize::from(problem.range.start()),
            content.find("\"Ru").unwrap()
        );
        assert!(
            problem
                .message
                .render(crate::messages::Language::En)
                .contains("a quoted string is not closed"),
            "{}",
            problem.message.render(crate::messages::Language::En)
        );
    }

    /// The simple reader is taken for the front matter most posts have, and
    /// refuses what it cannot be sure of.
    #[test]
    fn simple_reader_takes_common_front_matter_and_refuses_the_rest() {
        let common = "layout: post\ntitle: \"Python: why, part 3\"\ndate: 2024-07-30 19:00:00 +0900\n\
                      tags: [\"クラウド\", AI, 'a, b']\ncategories:\n  - Column # main\n  - 日記\n\
                      draft:\npublished: true\nreading_time: 8 # minutes\nexcerpt: Don't panic, really\nauthor: \"Ann\"  # guest\n";
        let scanned = scan_entries(common, 0);
        let entries = simple_entries(common, &scanned).expect("read without serde_yaml");
        assert_eq!(entries, parse_with_serde(common, 0, &scanned).entries);
        assert_eq!(entries[5].value, Value::Null);
        assert_eq!(entries[6].value, Value::Bool(true));
        assert_eq!(entries[7].value, Value::Integer(8));
        for refused in [
            "draft: yes\n",
            "draft: True\n",
            "n: 1\n",
            "a: 1.5\n",
            "a: 010\n",
            "a: -3\n",
            "a: \"x\\ty\"\n",
            "a: 'it''s'\n",
            "a:\tb\n",
            "a: |\n  text\n",
            "a: &x b\n",
            "a: b\n  c\n",
            "a: b\na: c\n",
            "a: [x, [y]]\n",
            "a: \u{85}\n",
            "# only a comment\n",
        ] {
            let scanned = scan_entries(refused, 0);
            assert_eq!(simple_entries(refused, &scanned), None, "{refused:?}");
        }
    }

    /// A front-matter entry: mostly forms the simple reader accepts, with
    /// borderline scalars, and now and then something it must refuse.
    fn yaml_entry() -> impl proptest::strategy::Strategy<Value = String> {
        use proptest::prelude::*;
        let key = prop_oneof![
            8 => "[a-z_][a-z0-9_-]{0,6}",
            1 => prop::sample::select(vec!["y", "No", "TRUE", "a b", "1", "é", "-k", "\"k\""])
                .prop_map(str::to_string),
        ];
        let separator = prop_oneof![
            8 => Just(": "),
            1 => prop::sample::select(vec![":  ", ": \t", " : ", ":"]),
        ];
        let token = prop::sample::select(vec![
            "foo",
            "Foo, bar",
            "don't",
            "say \"hi\"",
            "\"q\"",
            "'s'",
            "\"\"",
            "''",
            "'a\\b'",
            "2024-01-02",
            "2024-01-02 10:00:00 +0900",
            "2024-01-02T10:00:00Z",
            "2024-1-2",
            "2024-01-02x",
            "08",
            "0",
            "12",
            "123456789012345678",
            "1234567890123456789",
            "-3",
            "+3",
            "1e3",
            "1_000",
            "0x1F",
            "0o17",
            "3.5",
            ".5",
            "5.",
            ".inf",
            "true",
            "True",
            "yes",
            "off",
            "~",
            "null",
            "Null",
            "nan",
            "NaN",
            "inf",
            "Infinity",
            "a: b",
            "a:b",
            "a #b",
            "a#b",
            "a # c",
            "\"a\" # c",
            "\"a\"# c",
            "{a: b}",
            "|",
            ">-",
            "&a x",
            "*a",
            "!t x",
            "%x",
            "@x",
            "`x`",
            "日本語",
            "数百万",
            "\u{85}",
            "\u{feff}x",
            "\u{2028}",
            "x\u{7f}",
            "http://a.b/c",
            "C++",
            "a:",
            "- x",
            "-",
            "?",
            "? x",
            ": x",
            "=",
            "<<",
            "'",
            "\"",
            "\\x",
            "a  b",
            "全角　空白",
            "(a)",
            "a,b",
            "x'",
            "a]",
            "\"a\\\"b\"",
        ]);
        let scalar = prop_oneof![
            6 => token.prop_map(str::to_string),
            1 => "[a-z0-9 :#,'\"\\\\\\[\\]{}!&*|>%@`.+~\u{3042}-]{0,8}",
        ];
        let value = prop_oneof![
            4 => scalar.clone(),
            2 => proptest::collection::vec(scalar.clone(), 0..4)
                .prop_map(|items| format!("[{}]", items.join(", "))),
            1 => Just(String::new()),
        ];
        let block_list = (
            prop::sample::select(vec!["", "  ", "    "]),
            proptest::collection::vec(scalar, 1..4),
        )
            .prop_map(|(indent, items)| {
                items
                    .iter()
                    .map(|item| format!("\n{indent}- {item}"))
                    .collect::<String>()
            });
        prop_oneof![
            5 => (key.clone(), separator, value)
                .prop_map(|(key, separator, value)| format!("{key}{separator}{value}")),
            2 => (key, block_list).prop_map(|(key, items)| format!("{key}:{items}")),
            1 => prop::sample::select(vec!["", "# note", "  # x", "---", "-"]).prop_map(str::to_string),
        ]
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig { cases: 16384, ..Default::default() })]

        /// Whatever the simple reader accepts, serde_yaml reads the same.
        #[test]
        fn simple_reader_agrees_with_serde_yaml(
            lines in proptest::collection::vec(yaml_entry(), 1..5),
            crlf in proptest::prelude::any::<bool>(),
        ) {
            let content = lines.join(if crlf { "\r\n" } else { "\n" }) + "\n";
            let scanned = scan_entries(&content, 0);
            if let Some(simple) = simple_entries(&content, &scanned) {
                let serde = parse_with_serde(&content, 0, &scanned);
                proptest::prop_assert!(serde.problems.is_empty(), "{content:?}: {:?}", serde.problems);
                proptest::prop_assert_eq!(simple, serde.entries, "{:?}", content);
            }
        }
    }

    #[test]
    fn not_a_mapping() {
        let parsed = parse("- a\n- b\n");
        assert_eq!(parsed.problems[0].kind, ProblemKind::NotMapping);
    }

    #[test]
    fn alias_bombs_are_refused_not_expanded() {
        let mut bomb =
            String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
        for level in b'b'..=b'p' {
            let previous = (level - 1) as char;
            let level = level as char;
            bomb.push_str(&format!(
                "{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"
            ));
        }
        let parsed = parse(&bomb);
        assert!(parsed
            .problems
            .iter()
            .any(|p| p.kind == ProblemKind::Unparsable));
    }
}
