//! Front matter that is only `key: value` lines, flow lists and block lists of
//! plain or quoted scalars, read without serde_yaml.
//!
//! Nearly every post's front matter is this simple, and serde_yaml was a
//! tenth of a whole run. Anything this reader is not sure of, it refuses, and
//! serde_yaml reads the front matter as before; a differential test holds the
//! two to the same values.

use crate::front_matter::{lines_with_offsets, trim_line_ending};

/// A value the simple reader understood.
#[derive(Debug, Clone, PartialEq)]
pub(super) enum Simple<'a> {
    Null,
    Bool(bool),
    Integer(i64),
    Text(&'a str),
    List(Vec<Simple<'a>>),
}

/// Each top-level key with its value, in order; `None` when the text is not
/// simple enough to be sure what serde_yaml would read.
pub(super) fn read(content: &str) -> Option<Vec<(&str, Simple<'_>)>> {
    if !only_printable(content) {
        return None;
    }
    let mut entries: Vec<(&str, Simple)> = Vec::new();
    // Whether the last entry is still open for block-list items, and at which indentation.
    let mut open_list: Option<Option<usize>> = None;
    for (_, line) in lines_with_offsets(content, 0) {
        let line = trim_line_ending(line);
        let trimmed = line.trim_start_matches(' ');
        if trimmed.is_empty() || trimmed.starts_with('#') {
            continue;
        }
        if let Some(item) = trimmed.strip_prefix("- ") {
            let indent = line.len() - trimmed.len();
            let list_indent = open_list.as_mut()?;
            if *list_indent.get_or_insert(indent) != indent {
                return None;
            }
            let value = block_scalar(item.trim_matches(' '))?;
            match entries.last_mut() {
                Some((_, Simple::List(items))) => items.push(value),
                Some((_, last @ Simple::Null)) => *last = Simple::List(vec![value]),
                _ => return None,
            }
            continue;
        }
        if trimmed.len() != line.len() {
            return None;
        }
        let (key, rest) = key_line(line)?;
        let rest = rest.trim_matches(' ');
        let value = if rest.is_empty() {
            Simple::Null
        } else if rest.starts_with('[') {
            flow_list(rest)?
        } else {
            block_scalar(rest)?
        };
        open_list = rest.is_empty().then_some(None);
        entries.push((key, value));
    }
    let mut keys: Vec<&str> = entries.iter().map(|(key, _)| *key).collect();
    keys.sort_unstable();
    let unique = keys.windows(2).all(|pair| pair[0] != pair[1]);
    (!entries.is_empty() && unique).then_some(entries)
}

/// libyaml refuses control characters, and reads NEL, LS and PS as line breaks.
fn only_printable(content: &str) -> bool {
    let bytes = content.as_bytes();
    bytes.iter().enumerate().all(|(at, &byte)| match byte {
        b'\n' | b' '..=b'~' => true,
        b'\r' => bytes.get(at + 1) == Some(&b'\n'),
        0x80.. => true,
        _ => false,
    }) && (content.is_ascii()
        || !content.chars().any(|ch| {
            matches!(
                ch,
                '\u{80}'
                    ..='\u{9F}' | '\u{2028}' | '\u{2029}' | '\u{FEFF}' | '\u{FFFE}' | '\u{FFFF}'
            )
        }))
}

/// `key: rest` or `key:`, for a key of letters, digits, `_` and `-` that
/// YAML reads as a string.
fn key_line(line: &str) -> Option<(&str, &str)> {
    let colon = line.find(':')?;
    let (key, rest) = (&line[..colon], &line[colon + 1..]);
    let well_formed = key.len() <= 128
        && key.starts_with(|ch: char| ch.is_ascii_alphabetic() || ch == '_')
        && key
            .bytes()
            .all(|byte| byte.is_ascii_alphanumeric() || matches!(byte, b'_' | b'-'))
        && !is_special_word(key);
    (well_formed && (rest.is_empty() || rest.starts_with(' '))).then_some((key, rest))
}

/// Words some YAML reader takes for something other than a string.
fn is_special_word(text: &str) -> bool {
    text.len() <= 8
        && matches!(
            text.to_ascii_lowercase().as_str(),
            "true"
                | "false"
                | "null"
                | "yes"
                | "no"
                | "on"
                | "off"
                | "y"
                | "n"
                | "inf"
                | "infinity"
                | "nan"
        )
}

/// A scalar that is the whole of what follows `key: ` or `- `, but for a
/// ` # comment`.
fn block_scalar(text: &str) -> Option<Simple<'_>> {
    match text.as_bytes().first()? {
        quote @ (b'"' | b'\'') => {
            let (content, rest) = quoted(text, *quote)?;
            let comment = rest.starts_with(' ') && rest.trim_start_matches(' ').starts_with('#');
            (rest.is_empty() || comment).then_some(Simple::Text(content))
        }
        _ => match text.find(" #") {
            Some(comment) => plain(text[..comment].trim_end_matches(' '), false),
            None => plain(text, false),
        },
    }
}

/// `["a", b, 'c']` on one line.
fn flow_list(text: &str) -> Option<Simple<'_>> {
    let mut rest = text.strip_prefix('[')?.trim_start_matches(' ');
    let mut items = Vec::new();
    if let Some(after) = rest.strip_prefix(']') {
        return after.is_empty().then_some(Simple::List(items));
    }
    loop {
        let (item, after) = match rest.as_bytes().first()? {
            quote @ (b'"' | b'\'') => {
                let (content, after) = quoted(rest, *quote)?;
                (Simple::Text(content), after.trim_start_matches(' '))
            }
            _ => {
                let end = rest.find([',', ']'])?;
                (
                    plain(rest[..end].trim_end_matches(' '), true)?,
                    &rest[end..],
                )
            }
        };
        items.push(item);
        if let Some(after) = after.strip_prefix(',') {
            rest = after.trim_start_matches(' ');
        } else {
            return (after.strip_prefix(']')?.is_empty()).then_some(Simple::List(items));
        }
    }
}

/// The content of a quoted scalar that needs no unescaping, and what follows it.
fn quoted(text: &str, quote: u8) -> Option<(&str, &str)> {
    let body = &text[1..];
    let close = body.find(char::from(quote))?;
    let content = &body[..close];
    (quote == b'\'' || !content.contains('\\')).then(|| (content, &body[close + 1..]))
}

/// A plain scalar: an integer, `true` or `false`, a string, or `None` for anything that might
/// resolve to something else or be read differently by libyaml.
fn plain(text: &str, in_flow: bool) -> Option<Simple<'_>> {
    let first = text.chars().next()?;
    let refused = "-?:,[]{}#&*!|>'\"%@`+.~".contains(first)
        || text.contains(": ")
        || text.contains(" #")
        || text.ends_with(':')
        || text.contains(['[', ']', '{', '}'])
        || (in_flow && text.contains([',', ':']));
    if refused {
        return None;
    }
    if first.is_ascii_digit() {
        if text.bytes().all(|byte| byte.is_ascii_digit()) {
            let canonical = text.len() <= 18 && (text == "0" || first != '0');
            return canonical.then(|| text.parse().ok().map(Simple::Integer))?;
        }
        return is_date(text).then_some(Simple::Text(text));
    }
    match text {
        "true" => Some(Simple::Bool(true)),
        "false" => Some(Simple::Bool(false)),
        _ => (!is_special_word(text)).then_some(Simple::Text(text)),
    }
}

/// `2024-07-30`, or it followed by a time: a string to serde_yaml, which
/// resolves no timestamps.
fn is_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let digits = |range: std::ops::Range<usize>| {
        bytes
            .get(range)
            .is_some_and(|part| part.iter().all(u8::is_ascii_digit))
    };
    digits(0..4)
        && bytes.get(4) == Some(&b'-')
        && digits(5..7)
        && bytes.get(7) == Some(&b'-')
        && digits(8..10)
        && match bytes.get(10) {
            None => true,
            Some(b' ' | b'T') => bytes[11..]
                .iter()
                .all(|byte| byte.is_ascii_digit() || b":+-. TZ".contains(byte)),
            Some(_) => false,
        }
}
