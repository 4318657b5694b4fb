use serde::Deserialize;
use unicode_normalization::{IsNormalized, UnicodeNormalization};

use crate::body::BlockKind;
use crate::diagnostic::{Edit, Fix, Severity, Violation};
use crate::document::Document;
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "DuplicatedTitleOptions")]
pub struct Options {
    /// Also report a first line or heading that is close to the title.
    pub near_repeats: bool,
    /// Similarity (0 to 1, normalized Levenshtein) at which a line is a near-repeat.
    pub similarity: f64,
    /// A line that contains the title, or is contained in it, is a near-repeat
    /// when the shorter is at least this share of the longer.
    pub min_overlap: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            near_repeats: true,
            similarity: 0.8,
            min_overlap: 0.5,
        }
    }
}

/// Reports the front-matter title repeated in the body: as the first line, a
/// heading of any level, or a bold line. Exact repeats get a safe fix that
/// deletes the line; near-repeats an unsafe one. Docs: `rules/duplicated-title.md`.
pub struct DuplicatedTitle {
    options: Options,
}

impl DuplicatedTitle {
    pub fn new(options: Options) -> DuplicatedTitle {
        DuplicatedTitle { options }
    }
}

/// A body line that could repeat the title.
struct Candidate {
    /// The line as written, without its line ending.
    range: TextRange,
    /// What is compared: heading marks and emphasis stripped.
    text: String,
    /// Near-repeats are only looked for in the first block when it is one
    /// line, and in H1 headings: deeper headings that contain the title are
    /// section names, and longer first paragraphs are prose.
    near_repeat_candidate: bool,
    /// Lines to delete: the whole block's lines.
    block: TextRange,
}

impl Rule for DuplicatedTitle {
    fn check(&self, document: &Document, violations: &mut Vec<Violation>) {
        let Some(title) = document.title() else {
            return;
        };
        let title = normalize(title);
        if title.is_empty() {
            return;
        }
        let title_chars = title.chars().count();
        // A line more than this many characters longer than the title can be
        // neither a repeat nor a near-repeat (see `is_near`), so folding stops there.
        let near_cap = self.options.min_overlap.min(self.options.similarity);
        let near_cap = if near_cap > 0.0 {
            (title_chars as f64 / near_cap) as usize + 1
        } else {
            usize::MAX
        };
        for candidate in candidates(document) {
            let delete = || Edit::delete(deletion_range(document, candidate.block));
            let repeat = || {
                Violation::new(candidate.range, "the title is repeated in the body")
                    .with_help("the page template already shows the title; delete this line")
                    .with_fix(Fix::safe("Delete the repeated title", vec![delete()]))
            };
            if !(self.options.near_repeats && candidate.near_repeat_candidate) {
                if normalizes_to(&candidate.text, &title) {
                    violations.push(repeat());
                }
                continue;
            }
            let Some(text) = normalize_up_to(&candidate.text, near_cap) else {
                continue;
            };
            if text == title {
                violations.push(repeat());
            } else if !text.is_empty()
                && !reads_as_sentence(&text, &title)
                && self.is_near(&title, &text)
            {
                violations.push(
                    Violation::new(candidate.range, "this line nearly repeats the title")
                        .with_help("a body line that restates the title usually survived a title rewrite; delete or reword it")
                        .with_fix(Fix::unsafe_("Delete the near-repeat of the title", vec![delete()]))
                        .at_most(Severity::Warning),
                );
            }
        }
    }
}

impl DuplicatedTitle {
    fn is_near(&self, title: &str, text: &str) -> bool {
        let (title_len, text_len) = (title.chars().count(), text.chars().count());
        let (shorter, longer) = (title_len.min(text_len), title_len.max(text_len));
        let overlap = shorter as f64 / longer.max(1) as f64;
        if overlap >= self.options.min_overlap && (text.contains(title) || title.contains(text)) {
            return true;
        }
        strsim::normalized_levenshtein(title, text) >= self.options.similarity
    }
}

fn candidates(document: &Document) -> Vec<Candidate> {
    let source = &document.source;
    let mut found = Vec::new();
    for (at, block) in document.body.blocks.iter().enumerate() {
        let is_first_line = at == 0 && !block.in_block_quote && block.kind != BlockKind::ListItem;
        let raw = source.slice(block.range);
        // Most blocks are later paragraphs and list items: skip them before
        // looking for their first line.
        let may_be_candidate = match block.kind {
            BlockKind::Heading(_) => true,
            BlockKind::Paragraph => is_first_line || is_bold_line(raw),
            _ => false,
        };
        if !may_be_candidate {
            continue;
        }
        let first_line_len = memchr::memchr2(b'\n', b'\r', raw.as_bytes()).unwrap_or(raw.len());
        let first_line = TextRange::at(block.range.start(), TextSize::from(first_line_len as u32));
        let line_text = source.slice(first_line).trim_end();
        let line_range = TextRange::at(first_line.start(), TextSize::from(line_text.len() as u32));
        let one_line = first_line_len == raw.trim_end().len();
        match block.kind {
            BlockKind::Heading(level) => found.push(Candidate {
                range: line_range,
                text: strip_heading_marks(line_text).to_string(),
                near_repeat_candidate: is_first_line || level == 1,
                block: block.range,
            }),
            BlockKind::Paragraph if is_first_line || is_bold_line(raw) => found.push(Candidate {
                range: line_range,
                text: line_text.to_string(),
                near_repeat_candidate: is_first_line && one_line,
                block: first_line,
            }),
            _ => {}
        }
    }
    found
}

fn is_bold_line(raw: &str) -> bool {
    let line = raw.trim();
    // The cheap tests first: most blocks are long paragraphs.
    ((line.starts_with("**") && line.ends_with("**"))
        || (line.starts_with("__") && line.ends_with("__")))
        && line.len() > 4
        && !line.contains(['\n', '\r'])
}

fn strip_heading_marks(line: &str) -> &str {
    let line = line.trim();
    if !line.starts_with('#') {
        return line; // setext: the first line is the text
    }
    let line = line.trim_start_matches('#').trim();
    let without_closing = line.trim_end_matches('#');
    if without_closing.ends_with([' ', '\t']) || without_closing.is_empty() {
        without_closing.trim_end()
    } else {
        line
    }
}

/// A line that ends a sentence where the title does not is prose that
/// mentions the title ("Ruby 3.3.1 is released."), not a leftover of it.
fn reads_as_sentence(text: &str, title: &str) -> bool {
    let ends_sentence = |s: &str| s.ends_with(['.', '。', '!', '！', '?', '？', ':', '：']);
    ends_sentence(text) && !ends_sentence(title)
}

/// NFKC, Markdown escapes and emphasis marks dropped, white space collapsed,
/// case folded.
pub(crate) fn normalize(text: &str) -> String {
    normalize_up_to(text, usize::MAX).unwrap_or_default()
}

/// [`normalize`], or `None` as soon as the result is over `max_chars` long.
fn normalize_up_to(text: &str, max_chars: usize) -> Option<String> {
    // ASCII, kana and kanji fold as they are. A long line usually passes the
    // cap within its first run of them, and what follows can only add; a run
    // of no more bytes than the cap cannot pass it, and is not folded twice.
    let stable_end = text
        .char_indices()
        .find(|&(_, ch)| ch == '\\' || !is_stable_and_caseless(ch))
        .map_or(text.len(), |(at, _)| at);
    let mut folded = String::with_capacity(stable_end.min(max_chars.saturating_mul(4)));
    if stable_end == text.len() || stable_end > max_chars {
        fold_into(&mut folded, text[..stable_end].chars(), max_chars)?;
        if stable_end == text.len() {
            return Some(folded);
        }
        folded.clear();
    }
    // Escapes are rare; only then is there a copy without them.
    let unescaped: std::borrow::Cow<str> = if text.contains('\\') {
        let mut unescaped = String::with_capacity(text.len());
        let mut chars = text.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
                continue;
            }
            unescaped.push(ch);
        }
        unescaped.into()
    } else {
        text.into()
    };
    // Japanese titles add full-width ASCII (（）！：) to those, which NFKC
    // maps one to one; most other text passes the quick check.
    if unescaped.chars().all(|ch| simple_nfkc(ch).is_some()) {
        fold_into(
            &mut folded,
            unescaped.chars().filter_map(simple_nfkc),
            max_chars,
        )?;
    } else if unicode_normalization::is_nfkc_quick(unescaped.chars()) == IsNormalized::Yes {
        fold_into(&mut folded, unescaped.chars(), max_chars)?;
    } else {
        fold_into(&mut folded, unescaped.nfkc(), max_chars)?;
    }
    Some(folded)
}

/// Whether `text` normalizes to `normalized` (not empty). Most headings are
/// ASCII, kana, kanji and full-width ASCII, which normalize one character at
/// a time: those are compared as they fold, up to the first difference, with
/// no copy.
fn normalizes_to(text: &str, normalized: &str) -> bool {
    if normalized.is_empty() {
        return false;
    }
    if !text
        .chars()
        .all(|ch| ch != '\\' && simple_nfkc(ch).is_some())
    {
        // Text longer than the title, once normalized, cannot be it.
        let longest = normalized.chars().count();
        return normalize_up_to(text, longest).is_some_and(|text| text == normalized);
    }
    let mut expected = normalized.chars();
    let mut space_pending = false;
    let mut started = false;
    for ch in text.chars().filter_map(simple_nfkc) {
        if matches!(ch, '*' | '_' | '~' | '`') {
            continue;
        }
        if ch.is_whitespace() {
            space_pending = started;
            continue;
        }
        if space_pending {
            if expected.next() != Some(' ') {
                return false;
            }
            space_pending = false;
        }
        started = true;
        if expected.next() != Some(ch.to_ascii_lowercase()) {
            return false;
        }
    }
    expected.next().is_none()
}

/// Emphasis marks dropped, case folded, white space runs made one space and
/// trimmed: one pass, one allocation. `None` past `max_chars` characters.
fn fold_into(
    folded: &mut String,
    chars: impl Iterator<Item = char>,
    max_chars: usize,
) -> Option<()> {
    let mut space_pending = false;
    let mut pushed = 0usize;
    for ch in chars {
        if pushed > max_chars {
            return None;
        }
        if matches!(ch, '*' | '_' | '~' | '`') {
            continue;
        }
        if ch.is_whitespace() {
            space_pending = !folded.is_empty();
            continue;
        }
        if space_pending {
            folded.push(' ');
            pushed += 1;
            space_pending = false;
        }
        pushed += 1;
        if ch.is_ascii() {
            folded.push(ch.to_ascii_lowercase());
        } else if is_stable_and_caseless(ch) {
            folded.push(ch);
        } else {
            // Lower-casing can make two characters of one (İ); counting it as
            // one only loosens the bound.
            folded.extend(ch.to_lowercase());
        }
    }
    (pushed <= max_chars).then_some(())
}

/// ASCII, and the kana, kanji and marks of most Japanese titles: unchanged
/// by NFKC, never composed with what follows, and without case (ASCII
/// letters are lower-cased on their own).
fn is_stable_and_caseless(ch: char) -> bool {
    matches!(ch as u32,
        0x00..=0x7F
        | 0x3001..=0x3002 | 0x300C..=0x300F // 、。「」『』
        | 0x3041..=0x3096 // hiragana
        | 0x30A1..=0x30FA | 0x30FC // katakana, ー
        | 0x4E00..=0x9FFF // CJK unified ideographs
    )
}

/// NFKC of the stable characters, full-width ASCII and the ideographic space,
/// each of which NFKC maps on its own to one character. Text made only of
/// them has nothing to compose, so this, character by character, is its NFKC.
fn simple_nfkc(ch: char) -> Option<char> {
    match ch {
        _ if is_stable_and_caseless(ch) => Some(ch),
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(ch as u32 - 0xFEE0),
        '\u{3000}' => Some(' '),
        _ => None,
    }
}

/// The block's whole lines with their line endings, and one blank line after,
/// so no gap of two blank lines is left behind.
fn deletion_range(document: &Document, block: TextRange) -> TextRange {
    let text = document.source.text();
    let start = usize::from(block.start());
    let start = text[..start]
        .rfind(['\n', '\r'])
        .map_or(usize::from(document.front_matter.body_start), |at| at + 1);
    let mut end = usize::from(block.end());
    end = skip_line_ending(
        text,
        text[end..]
            .find(['\n', '\r'])
            .map_or(text.len(), |at| end + at),
    );
    let next_line_end = text[end..]
        .find(['\n', '\r'])
        .map_or(text.len(), |at| end + at);
    if end < text.len() && text[end..next_line_end].trim().is_empty() {
        end = skip_line_ending(text, next_line_end);
    }
    TextRange::new(TextSize::from(start as u32), TextSize::from(end as u32))
}

fn skip_line_ending(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        at + 2
    } else if text[at..].starts_with(['\n', '\r']) {
        at + 1
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::{normalize, normalize_up_to, normalizes_to};
    use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config};

    /// The plain form of `normalize`: each step its own pass.
    fn normalize_step_by_step(text: &str) -> String {
        let mut unescaped = String::new();
        let mut chars = text.chars().peekable();
        while let Some(ch) = chars.next() {
            if ch == '\\' && chars.peek().is_some_and(char::is_ascii_punctuation) {
                continue;
            }
            unescaped.push(ch);
        }
        let folded: String = unescaped
            .nfkc()
            .filter(|ch| !matches!(ch, '*' | '_' | '~' | '`'))
            .flat_map(char::to_lowercase)
            .collect();
        folded.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn stable_and_caseless_characters_are() {
        use unicode_normalization::char::canonical_combining_class;
        for code in 0u32..=0x10FFFF {
            let Some(ch) = char::from_u32(code).filter(|&ch| super::is_stable_and_caseless(ch))
            else {
                continue;
            };
            let alone = ch.to_string();
            assert_eq!(alone.nfkc().collect::<String>(), alone, "{ch:?}");
            assert_eq!(canonical_combining_class(ch), 0, "{ch:?}");
            assert!(ch.is_ascii() || ch.to_lowercase().eq([ch]), "{ch:?}");
        }
    }

    #[test]
    fn simple_nfkc_is_nfkc() {
        use unicode_normalization::char::canonical_combining_class;
        for code in 0u32..=0x10FFFF {
            let Some((ch, mapped)) =
                char::from_u32(code).and_then(|ch| Some((ch, super::simple_nfkc(ch)?)))
            else {
                continue;
            };
            assert_eq!(
                ch.to_string().nfkc().collect::<String>(),
                mapped.to_string(),
                "{ch:?}"
            );
            assert_eq!(canonical_combining_class(mapped), 0, "{ch:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn one_pass_normalize_agrees_with_the_steps(text in "[aZ \t\u{3000}*_`~\\\\!ＡＢｚ（）！：＊ｶﾞ①é\u{301}タイトル日本ーか\u{3099}゛]{0,24}") {
            proptest::prop_assert_eq!(normalize(&text), normalize_step_by_step(&text));
        }

        /// Comparing as it folds agrees with normalizing and comparing.
        #[test]
        fn folding_comparison_agrees_with_normalizing(
            text in "[aZ \t\u{3000}*_`~\\\\!Ａｚ＊（ｶﾞéタイトル日]{0,12}",
            other in "[aZ \t\u{3000}*_`~\\\\!Ａｚ＊（ｶﾞéタイトル日]{0,12}",
        ) {
            let title = normalize(&other);
            let expected = !title.is_empty() && normalize(&text) == title;
            proptest::prop_assert_eq!(normalizes_to(&text, &title), expected);
            let same = normalize(&text);
            proptest::prop_assert_eq!(normalizes_to(&text, &same), !same.is_empty());
        }

        /// The cap gives up only on text whose normalized form is longer.
        #[test]
        fn capped_normalize_gives_up_only_past_the_cap(text in "[aZ \t*_\\\\!Ａｶﾞéタイトルİŉか\u{3099}\u{301}゛]{0,16}", cap in 0usize..12) {
            let whole = normalize(&text);
            match normalize_up_to(&text, cap) {
                Some(capped) => proptest::prop_assert_eq!(capped, whole),
                None => proptest::prop_assert!(whole.chars().count() > cap),
            }
        }
    }

    #[test]
    fn first_line_repeat_japanese() {
        assert_snapshot_of(
            "duplicated-title",
            "first-line.md",
            "---\ntitle: \"OpenAIとAWSの契約、その真意とは？\"\n---\n\nOpenAIとAWSの契約、その真意とは？\n\n本文です。\n",
        );
    }

    #[test]
    fn heading_of_any_level_with_emphasis_and_width() {
        assert_snapshot_of(
            "duplicated-title",
            "heading.md",
            "---\ntitle: Ｒｕｓｔ 1.80 is out\n---\nIntro line.\n\n## *Rust 1.80* is   out ##\n\nText.\n",
        );
    }

    #[test]
    fn bold_line_crlf() {
        assert_snapshot_of(
            "duplicated-title",
            "bold-crlf.md",
            "---\r\ntitle: A Day Out\r\n---\r\nFirst paragraph.\r\n\r\n**A Day Out**\r\n\r\nMore.\r\n",
        );
    }

    #[test]
    fn near_repeat_after_a_title_rewrite() {
        assert_snapshot_of(
            "duplicated-title",
            "near.md",
            "---\ntitle: \"OpenAIとAWSの380億ドル契約、その真意とは何か？\"\n---\n# OpenAIとAWSの380億ドル契約\n\n本文。\n",
        );
    }

    #[test]
    fn near_repeats_can_be_turned_off() {
        assert_snapshot_with_config(
            "duplicated-title",
            "near-off.md",
            "---\ntitle: \"Release notes for 2.0\"\n---\n# Release notes for 2.0 beta\n",
            "rules:\n  duplicated-title:\n    near-repeats: false\n",
        );
    }

    #[test]
    fn unrelated_headings_and_short_overlaps_are_quiet() {
        assert_snapshot_of(
            "duplicated-title",
            "quiet.md",
            "---\ntitle: \"How we moved our blog to Zola\"\n---\nWe moved last year.\n\n## Zola\n\n## Why\n\n```\nHow we moved our blog to Zola\n```\n",
        );
    }

    #[test]
    fn prose_that_mentions_the_title_and_section_headings_are_not_near_repeats() {
        assert_snapshot_of(
            "duplicated-title",
            "prose-mentions.md",
            "---\ntitle: \"Ruby 3.3.1 is released\"\n---\nNow Ruby 3.3.1 is released.\n\nMore text.\n\n## Ruby 3.3.1 is released: what changed in the parser\n",
        );
        assert_snapshot_of(
            "duplicated-title",
            "multi-line-first-paragraph.md",
            "---\ntitle: \"Weekly News\"\n---\nWeekly News, issue 5\nis out with many changes.\n",
        );
    }

    #[test]
    fn markdown_escapes_do_not_hide_a_repeat() {
        assert_snapshot_of(
            "duplicated-title",
            "escapes.md",
            "---\ntitle: \"CVE-1: ERB @_init bypass\"\n---\n## CVE-1: ERB @\\_init bypass\n\nText.\n",
        );
    }

    #[test]
    fn bom_and_emoji_title() {
        assert_snapshot_of(
            "duplicated-title",
            "bom.md",
            "\u{feff}---\ntitle: \"旅行記 😀 京都\"\n---\n旅行記 😀 京都\n本文が続く。\n",
        );
    }
}
