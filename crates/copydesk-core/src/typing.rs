//! What a writer is typing in a front-matter list, read from the text
//! itself: while a tag is being typed the front matter often does not parse
//! (`tags: ["Ant`, a list not yet closed, a quote the editor opened alone),
//! and completion must work then most of all.

use crate::source::{TextRange, TextSize};

/// The list item under the cursor.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ListItem<'a> {
    /// The list's field: `tags`, `categories`, `topics`…
    pub field: &'a str,
    /// What has been typed of the item, without its opening quote.
    pub typed: TextRange,
    /// Whether the item is in quotes (the closing one may be there already).
    pub quoted: bool,
    /// The list's other items as written, quotes removed.
    pub others: Vec<&'a str>,
    /// A TOML front matter (`+++`), whose strings always need quotes.
    pub toml: bool,
}

/// The list item being typed at byte `offset`, in a YAML (`---`) or TOML
/// (`+++`) front matter, in a flow list (`[a, b]`, closed or not, over one
/// or more lines) or a block list (`- a`).
pub fn list_item_at(text: &str, offset: usize) -> Option<ListItem<'_>> {
    if offset > text.len() || !text.is_char_boundary(offset) {
        return None;
    }
    let body_start = front_matter_body(text, offset)?;
    let line_start = text[..offset].rfind('\n').map_or(0, |at| at + 1);
    if line_start < body_start {
        return None;
    }
    let toml = text.trim_start_matches('\u{feff}').starts_with("+++");
    flow_item(text, body_start, offset)
        .or_else(|| block_item(text, body_start, line_start, offset))
        .map(|item| ListItem { toml, ..item })
}

/// Where the front matter's lines start, when `offset` is inside it: after
/// the opening `---` or `+++` line and before the closing one (an unclosed
/// front matter runs to the end, as it does while being typed).
fn front_matter_body(text: &str, offset: usize) -> Option<usize> {
    let start = if text.starts_with('\u{feff}') { 3 } else { 0 };
    let first_end = text[start..].find('\n').map(|at| start + at)?;
    let delimiter = text[start..first_end].trim_end();
    if delimiter != "---" && delimiter != "+++" {
        return None;
    }
    let body = first_end + 1;
    let mut at = body;
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        if text[at..end].trim_end() == delimiter {
            return (offset >= body && offset <= at).then_some(body);
        }
        at = end + 1;
    }
    (offset >= body).then_some(body)
}

/// `key: [` or `key = [` at the start of `line`, with the key.
fn flow_key(line: &str) -> Option<&str> {
    let trimmed = line.trim_start();
    let end = trimmed.find([':', '='])?;
    let key = trimmed[..end].trim_end();
    let rest = trimmed[end + 1..].trim_start();
    (!key.is_empty() && !key.contains(char::is_whitespace) && rest.starts_with('['))
        .then(|| key.trim_matches(['"', '\'']))
}

/// A line that starts a new top-level entry (`key: value`, `key = value`).
fn is_top_level_key(line: &str) -> bool {
    !line.is_empty() && !line.starts_with([' ', '\t', '-', '#', ']']) && line.contains([':', '='])
}

fn flow_item(text: &str, body_start: usize, offset: usize) -> Option<ListItem<'_>> {
    let line_start = text[..offset].rfind('\n').map_or(0, |n| n + 1);
    let line = &text[line_start..offset];
    if is_top_level_key(line) && flow_key(line).is_none() {
        return None;
    }
    // Back from the cursor to the `[` no `]` closes; quotes are not
    // tracked (tags with brackets in them are rare enough).
    let mut depth = 0usize;
    let mut open = None;
    for (at, c) in text[body_start..offset].char_indices().rev() {
        let at = body_start + at;
        match c {
            ']' => depth += 1,
            '[' if depth == 0 => {
                open = Some(at);
                break;
            }
            '[' => depth -= 1,
            '\n' => {
                // A new top-level entry on the line above ends the search.
                let line_start = text[..at].rfind('\n').map_or(0, |n| n + 1).max(body_start);
                let line = &text[line_start..at];
                if is_top_level_key(line) && flow_key(line).is_none() {
                    return None;
                }
            }
            _ => {}
        }
    }
    let open = open?;
    let line_start = text[..open].rfind('\n').map_or(0, |n| n + 1);
    let field = flow_key(&text[line_start..=open])?;
    // The item starts after the last separator before the cursor.
    let item_start = text[open + 1..offset]
        .rfind([',', '\n'])
        .map_or(open + 1, |at| open + 1 + at + 1);
    let (typed, quoted) = typed_part(text, item_start, offset)?;
    // The list runs to its `]`, or to the end of the cursor's line.
    let after = &text[offset..];
    let close = after
        .find(']')
        .unwrap_or_else(|| after.find('\n').unwrap_or(after.len()));
    let others = text[open + 1..item_start]
        .split(',')
        .chain(after[..close].split(',').skip(1))
        .map(unquote)
        .filter(|item| !item.is_empty())
        .collect();
    Some(ListItem {
        field,
        typed,
        quoted,
        others,
        toml: false,
    })
}

fn block_item(
    text: &str,
    body_start: usize,
    line_start: usize,
    offset: usize,
) -> Option<ListItem<'_>> {
    let line = &text[line_start..offset];
    let indent = line.len() - line.trim_start().len();
    let rest = line.trim_start().strip_prefix('-')?;
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return None;
    }
    let item_start = line_start + indent + 1;
    let (typed, quoted) = typed_part(text, item_start, offset)?;
    // Up to the key of this list: items at the same indent are its others.
    let mut others = Vec::new();
    let mut field = None;
    let mut end = line_start;
    while end > body_start {
        let start = text[..end - 1]
            .rfind('\n')
            .map_or(0, |n| n + 1)
            .max(body_start);
        let above = text[start..end - 1].trim_end_matches('\r');
        end = start;
        let above_indent = above.len() - above.trim_start().len();
        if above.trim().is_empty() {
            continue;
        }
        if let (Some(item), true) = (list_entry(above), above_indent == indent) {
            others.push(unquote(item));
            continue;
        }
        if above_indent <= indent {
            let key = above.trim_start().strip_suffix(':')?.trim_end();
            field = (!key.is_empty() && !key.contains(char::is_whitespace)).then_some(key);
            break;
        }
        return None;
    }
    // Items below the cursor's line, at the same indent.
    let mut at = text[offset..]
        .find('\n')
        .map_or(text.len(), |n| offset + n + 1);
    while at < text.len() {
        let end = text[at..].find('\n').map_or(text.len(), |n| at + n);
        let below = text[at..end].trim_end_matches('\r');
        let below_indent = below.len() - below.trim_start().len();
        match list_entry(below) {
            Some(item) if below_indent == indent => others.push(unquote(item)),
            _ => break,
        }
        at = end + 1;
    }
    others.retain(|item| !item.is_empty());
    Some(ListItem {
        field: field?,
        typed,
        quoted,
        others,
        toml: false,
    })
}

/// The typed part of an item that starts at `start` (spaces, then an
/// optional opening quote); `None` once the item's quotes are closed.
fn typed_part(text: &str, start: usize, offset: usize) -> Option<(TextRange, bool)> {
    let written = &text[start..offset];
    let lead = written.len() - written.trim_start().len();
    let mut from = start + lead;
    let quote = text[from..offset]
        .chars()
        .next()
        .filter(|c| *c == '"' || *c == '\'');
    if let Some(quote) = quote {
        from += 1;
        if text[from..offset].contains(quote) {
            return None;
        }
    }
    if text[from..offset].contains(['[', ']', '\n']) {
        return None;
    }
    let range = TextRange::new(
        TextSize::from(u32::try_from(from).ok()?),
        TextSize::from(u32::try_from(offset).ok()?),
    );
    Some((range, quote.is_some()))
}

/// The item of a block list line (`  - item`), not a `---` line.
fn list_entry(line: &str) -> Option<&str> {
    let rest = line.trim_start().strip_prefix('-')?;
    (rest.is_empty() || rest.starts_with([' ', '\t'])).then_some(rest)
}

fn unquote(item: &str) -> &str {
    let item = item.trim();
    let item = item.strip_prefix(['"', '\'']).unwrap_or(item);
    item.strip_suffix(['"', '\'']).unwrap_or(item).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The item at the end of `text`, or at `|` when it has one.
    fn at(text: &str) -> Option<(String, String, bool, Vec<String>)> {
        let (text, offset) = match text.find('|') {
            Some(at) => (text.replacen('|', "", 1), at),
            None => (text.to_string(), text.len()),
        };
        let item = list_item_at(&text, offset)?;
        let typed = &text[usize::from(item.typed.start())..usize::from(item.typed.end())];
        Some((
            item.field.to_string(),
            typed.to_string(),
            item.quoted,
            item.others.iter().map(ToString::to_string).collect(),
        ))
    }

    fn item(
        field: &str,
        typed: &str,
        quoted: bool,
        others: &[&str],
    ) -> Option<(String, String, bool, Vec<String>)> {
        Some((
            field.to_string(),
            typed.to_string(),
            quoted,
            others.iter().map(ToString::to_string).collect(),
        ))
    }

    #[test]
    fn an_unclosed_flow_list_being_typed() {
        assert_eq!(
            at("---\ntitle: x\ntags: [\"AI\", \"Ant"),
            item("tags", "Ant", true, &["AI"])
        );
        assert_eq!(at("---\ntags: ["), item("tags", "", false, &[]));
        assert_eq!(at("---\ntags: [Ru"), item("tags", "Ru", false, &[]));
        // TOML front matter.
        assert_eq!(
            at("+++\ntags = [\"a\", \"R"),
            item("tags", "R", true, &["a"])
        );
    }

    #[test]
    fn a_quote_the_editor_closed_by_itself() {
        // VS Code types the pair: the cursor sits between the quotes.
        assert_eq!(
            at("---\ntags: [\"エージェント\", \"|\"]\n---\n"),
            item("tags", "", true, &["エージェント"])
        );
        assert_eq!(
            at("---\ntags: [\"a\", \"G|\", \"b\"]\nexcerpt: x\n---\n"),
            item("tags", "G", true, &["a", "b"])
        );
    }

    #[test]
    fn a_flow_list_over_several_lines_and_crlf() {
        assert_eq!(
            at("---\r\ntags: [\r\n  \"AI\",\r\n  \"Ru|\r\n---\r\n"),
            item("tags", "Ru", true, &["AI"])
        );
    }

    #[test]
    fn a_block_list_item() {
        assert_eq!(
            at("---\ntags:\n  - AI\n  - gen|\n  - \"Rust\"\ntitle: x\n---\n"),
            item("tags", "gen", false, &["AI", "Rust"])
        );
        assert_eq!(
            at("---\ncategories:\n- |\n---\n"),
            item("categories", "", false, &[])
        );
    }

    #[test]
    fn not_in_a_list() {
        assert_eq!(at("---\ntitle: An"), None);
        assert_eq!(at("---\ntags: [a]\ncategories: x"), None);
        assert_eq!(at("---\ntags: [\"a\"|]\n---\n"), None);
        assert_eq!(at("---\ntags: [a]\n---\n\n- item"), None);
        assert_eq!(at("no front matter\ntags: [a"), None);
        assert_eq!(at("---\ntags: [a,\ncategories: x"), None);
        assert_eq!(
            at("---\ntags:\n  - a\nnext:\n  - b|\n"),
            item("next", "b", false, &[])
        );
    }
}
