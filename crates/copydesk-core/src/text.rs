//! Text helpers shared by the rules and the site pass: the normal form in
//! which titles and excerpts are compared, and the sentence splitter.

use std::ops::Range;

use unicode_normalization::{IsNormalized, UnicodeNormalization};

/// NFKC, Markdown escapes and emphasis marks dropped, white space collapsed,
/// case folded.
pub fn normalize(text: &str) -> String {
    normalize_up_to(text, usize::MAX).unwrap_or_default()
}

/// [`normalize`], or `None` as soon as the result is over `max_chars` long.
pub(crate) fn normalize_up_to(text: &str, max_chars: usize) -> Option<String> {
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
pub(crate) fn normalizes_to(text: &str, normalized: &str) -> bool {
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

/// The length of `text` in UTF-16 code units: only characters of four bytes
/// in UTF-8 take two.
pub fn utf16_len(text: &str) -> usize {
    text.chars().count() + text.bytes().filter(|&byte| byte >= 0xF0).count()
}

/// The largest char boundary of `text` at or before byte `at` (and within
/// it): `str::floor_char_boundary`, which the minimum Rust version lacks.
pub(crate) fn floor_char_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// `text` with its line breaks made spaces, byte for byte: a wrapped
/// paragraph's words read as one line, at the same offsets.
pub(crate) fn joined_lines(text: &str) -> std::borrow::Cow<'_, str> {
    if text.contains('\n') {
        std::borrow::Cow::Owned(text.replace('\n', " "))
    } else {
        std::borrow::Cow::Borrowed(text)
    }
}

/// The core's sentence splitter, as byte ranges: a sentence ends after
/// 。！？!? and after a `.` followed by white space; a newline does not end
/// one. Inside 「」『』（）() or “” only a mark followed by white space ends
/// one (dialogue: 「…思う？ もっと…」), so a quoted 「本当だ。」 stays inside
/// its sentence.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        match ch {
            '「' | '『' | '（' | '(' | '“' => depth += 1,
            '」' | '』' | '）' | ')' | '”' => depth = depth.saturating_sub(1),
            '。' | '！' | '？' | '!' | '?'
                if depth == 0 || chars.peek().is_some_and(|(_, next)| next.is_whitespace()) =>
            {
                let end = at + ch.len_utf8();
                sentences.push(start..end);
                start = end;
            }
            '.' if depth == 0 && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) => {
                let end = at + 1;
                sentences.push(start..end);
                start = end;
            }
            _ => {}
        }
    }
    if start < text.len() {
        sentences.push(start..text.len());
    }
    sentences
}

#[cfg(test)]
mod sentence_tests {
    use super::sentences;

    #[test]
    fn sentences_split_on_marks_not_in_brackets_or_decimals() {
        let text = "彼は「本当だ。」と言った。3.5倍だ! Next one. Last";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "彼は「本当だ。」と言った。",
                "3.5倍だ!",
                " Next one.",
                " Last"
            ]
        );
        let dialogue = "「いいって、思う？ もっと大事なものがあったら、思う？」";
        let parts: Vec<&str> = sentences(dialogue)
            .into_iter()
            .map(|r| &dialogue[r])
            .collect();
        assert_eq!(
            parts,
            [
                "「いいって、思う？",
                " もっと大事なものがあったら、思う？」"
            ]
        );
    }
}

#[cfg(test)]
mod tests {
    use unicode_normalization::UnicodeNormalization;

    use super::{normalize, normalize_up_to, normalizes_to};

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
}
