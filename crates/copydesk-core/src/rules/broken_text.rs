//! `broken-text`: characters that mark text damaged on its way into the post.
//! Docs: `rules/broken-text.md`.

use crate::diagnostic::{Edit, Fix, Violation};
use crate::document::Document;
use crate::messages::Language;
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};
use crate::tr;

/// Reports U+FFFD, control characters other than tab and line endings,
/// lone UTF-16 surrogates written as `\uD800` escapes, and private-use
/// characters, in the front matter and in the body outside code blocks.
pub struct BrokenText;

/// What kind of damage a character shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Damage {
    Replacement,
    C0Control,
    C1Control,
    LoneSurrogate,
    PrivateUse,
}

impl Rule for BrokenText {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        let text = document.source.text();
        let start = usize::from(document.source.content_start());
        let in_code = |at: usize| {
            let at = TextSize::from(at as u32);
            document
                .body
                .code_blocks
                .iter()
                .any(|code| code.contains(at))
        };
        let bytes = text.as_bytes();
        // Only a few lead bytes can start a damaged character: read those
        // characters alone, not the whole text.
        let mut at = start;
        while let Some(found) = bytes[at..].iter().position(|&b| MAY_START[usize::from(b)]) {
            let here = at + found;
            let ch = text[here..].chars().next().unwrap_or_default();
            at = here + ch.len_utf8();
            if let Some(damage) = damage_of(ch) {
                if !in_code(here) {
                    violations.push(violation(language, damage, here, ch.len_utf8(), ch));
                }
            }
        }
        for prefix in [&b"\\u"[..], &b"\\U"[..]] {
            for escape in memchr::memmem::find_iter(&bytes[start..], prefix) {
                let here = start + escape;
                if let Some(len) = lone_surrogate_escape(&text[here..], &text[start..here]) {
                    if !in_code(here) {
                        violations.push(violation(
                            language,
                            Damage::LoneSurrogate,
                            here,
                            len,
                            '\\',
                        ));
                    }
                }
            }
        }
        violations.sort_by_key(|violation| violation.range.start());
    }
}

/// The bytes that can start a damaged character: a control byte, and the
/// lead bytes of C1 controls (U+0080..U+009F), of U+FFFD and of the
/// private-use areas. Of these, most text holds only `0xEF`, which also
/// starts full-width forms: those characters are read and let go.
const MAY_START: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 0x20 {
        table[byte] = !matches!(byte as u8, b'\t' | b'\n' | b'\r');
        byte += 1;
    }
    table[0x7F] = true;
    table[0xC2] = true;
    table[0xEE] = true;
    table[0xEF] = true;
    table[0xF3] = true;
    table[0xF4] = true;
    table
};

fn damage_of(ch: char) -> Option<Damage> {
    match ch {
        '\u{FFFD}' => Some(Damage::Replacement),
        '\t' | '\n' | '\r' => None,
        '\u{0}'..='\u{1F}' | '\u{7F}' => Some(Damage::C0Control),
        '\u{80}'..='\u{9F}' => Some(Damage::C1Control),
        '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}' => {
            Some(Damage::PrivateUse)
        }
        _ => None,
    }
}

/// `\uD83D` not followed by a low surrogate's escape, or `\uDE00` not after
/// a high one's: the length of the escape.
fn lone_surrogate_escape(rest: &str, before: &str) -> Option<usize> {
    let code = surrogate_escape(rest)?;
    let is_high = (0xD800..0xDC00).contains(&code);
    let paired = if is_high {
        surrogate_escape(&rest[6..]).is_some_and(|next| (0xDC00..0xE000).contains(&next))
    } else {
        before.len() >= 6
            && before.is_char_boundary(before.len() - 6)
            && surrogate_escape(&before[before.len() - 6..])
                .is_some_and(|previous| (0xD800..0xDC00).contains(&previous))
    };
    (!paired).then_some(6)
}

/// The code of a `\uXXXX` escape at the start of `text`, if it is a surrogate.
fn surrogate_escape(text: &str) -> Option<u32> {
    let digits = text
        .strip_prefix("\\u")
        .or_else(|| text.strip_prefix("\\U"))?;
    let digits = digits.get(..4)?;
    let code = u32::from_str_radix(digits, 16).ok()?;
    (0xD800..0xE000).contains(&code).then_some(code)
}

/// Windows-1252's characters at the C1 codes: a C1 control in text is most
/// often one of them, decoded as Latin-1.
fn windows_1252(ch: char) -> Option<char> {
    let mapped = match ch as u32 {
        0x80 => '€',
        0x82 => '‚',
        0x84 => '„',
        0x85 => '…',
        0x86 => '†',
        0x87 => '‡',
        0x89 => '‰',
        0x8B => '‹',
        0x91 => '‘',
        0x92 => '’',
        0x93 => '“',
        0x94 => '”',
        0x95 => '•',
        0x96 => '–',
        0x97 => '—',
        0x99 => '™',
        0x9B => '›',
        _ => return None,
    };
    Some(mapped)
}

fn violation(language: Language, damage: Damage, at: usize, len: usize, ch: char) -> Violation {
    let range = TextRange::at(TextSize::from(at as u32), TextSize::from(len as u32));
    let code = format!("{:04X}", ch as u32);
    match damage {
        Damage::Replacement => Violation::new(range, tr!(language, "broken-text-replacement"))
            .with_help(tr!(language, "broken-text-replacement-help")),
        Damage::C0Control => {
            let delete = tr!(language, "broken-text-delete-control");
            Violation::new(range, tr!(language, "broken-text-control", code = &code))
                .with_help(tr!(language, "broken-text-c0-help"))
                // Only the form feed has a use in plain text, as a page break.
                .with_fix(if ch == '\u{C}' {
                    Fix::unsafe_(delete, vec![Edit::delete(range)])
                } else {
                    Fix::safe(delete, vec![Edit::delete(range)])
                })
        }
        Damage::C1Control => {
            let violation =
                Violation::new(range, tr!(language, "broken-text-control", code = &code))
                    .with_help(tr!(language, "broken-text-c1-help"));
            match windows_1252(ch) {
                Some(mapped) => violation.with_fix(Fix::unsafe_(
                    tr!(
                        language,
                        "broken-text-replace-windows-1252",
                        character = mapped
                    ),
                    vec![Edit::replace(range, mapped.to_string())],
                )),
                None => violation,
            }
        }
        Damage::LoneSurrogate => Violation::new(range, tr!(language, "broken-text-lone-surrogate"))
            .with_help(tr!(language, "broken-text-lone-surrogate-help")),
        Damage::PrivateUse => Violation::new(
            range,
            tr!(language, "broken-text-private-use", code = &code),
        )
        .with_help(tr!(language, "broken-text-private-use-help")),
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::assert_snapshot_of;

    #[test]
    fn each_kind_of_damage_at_its_place() {
        assert_snapshot_of(
            "broken-text",
            "kinds.md",
            "---\ntitle: \"生成AIの\u{FFFD}動向\"\n---\n本文\u{7}です。\u{93}Quoted\u{94} \u{E000} and \\uD83D alone.\n\n```\ncode \u{FFFD} \u{7}\n```\n\nA pair \\uD83D\\uDE00 is fine.\n",
        );
    }

    #[test]
    fn clean_text_and_emoji_are_quiet() {
        assert_snapshot_of(
            "broken-text",
            "clean.md",
            "---\ntitle: \"旅行記 😀 京都 ▶️\"\n---\n\u{FEFF}Tabs\tand CRLF\r\nare fine, 👨‍👩‍👧 too. A path C:\\\\Users\\\\me.\n",
        );
    }
}
