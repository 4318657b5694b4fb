//! How long a body takes to read. Documented in `rules/reading-time.md`;
//! public so editors can show the estimate on hover.

use crate::messages::{Arg, Language};
use crate::tr;
use serde::Deserialize;

use crate::document::Document;

/// Reading speeds and image times. Every constant is configurable.
#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct ReadingModel {
    /// CJK characters (Han, Hiragana, Katakana, Hangul) per minute.
    pub cjk_per_minute: f64,
    /// Other words per minute.
    pub words_per_minute: f64,
    /// The fast and slow readers that bound a plausible declaration.
    pub fast_cjk_per_minute: f64,
    pub fast_words_per_minute: f64,
    pub slow_cjk_per_minute: f64,
    pub slow_words_per_minute: f64,
    /// Seconds for the first, second, … image; the last value repeats (Medium's schedule).
    pub image_seconds: Vec<f64>,
    /// Count the text of code blocks too.
    pub include_code: bool,
    /// Count the text in table cells.
    pub include_tables: bool,
    /// Minutes the plausible range is widened each way, for rounding.
    pub slack_minutes: f64,
}

impl Default for ReadingModel {
    fn default() -> ReadingModel {
        ReadingModel {
            cjk_per_minute: 500.0,
            words_per_minute: 238.0,
            fast_cjk_per_minute: 650.0,
            fast_words_per_minute: 300.0,
            slow_cjk_per_minute: 400.0,
            slow_words_per_minute: 175.0,
            image_seconds: vec![12.0, 11.0, 10.0, 9.0, 8.0, 7.0, 6.0, 5.0, 4.0, 3.0],
            include_code: false,
            include_tables: true,
            slack_minutes: 1.0,
        }
    }
}

/// What was counted in a body.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub cjk_characters: usize,
    pub words: usize,
    pub images: usize,
}

/// The estimate and the range a declared value may plausibly fall in.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Estimate {
    pub counts: Counts,
    pub minutes: f64,
    /// The fast reader's time, less the slack.
    pub lowest: f64,
    /// The slow reader's time, plus the slack.
    pub highest: f64,
}

impl Estimate {
    /// The estimate in whole minutes, rounded up, at least 1.
    pub fn rounded_minutes(&self) -> u64 {
        (self.minutes.ceil() as u64).max(1)
    }

    pub fn is_plausible(&self, declared: f64) -> bool {
        (self.lowest..=self.highest).contains(&declared)
    }

    /// "1,362 CJK characters, 61 words, 2 images".
    pub fn describe_counts(&self, language: Language) -> String {
        let counts = self.counts;
        let parts = [
            (
                "reading-time-cjk-characters",
                counts.cjk_characters,
                counts.cjk_characters > 0 || counts.words == 0,
            ),
            (
                "reading-time-words",
                counts.words,
                counts.words > 0 || counts.cjk_characters == 0,
            ),
            ("reading-time-images", counts.images, counts.images > 0),
        ];
        parts
            .into_iter()
            .filter(|(_, _, shown)| *shown)
            .map(|(id, n, _)| {
                let args = [("count", Arg::from(n)), ("shown", Arg::from(thousands(n)))];
                crate::messages::text(language, id, &args)
            })
            .reduce(|earlier, last| tr!(language, "list-and", earlier = earlier, last = last))
            .unwrap_or_default()
    }
}

pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (at, ch) in digits.chars().enumerate() {
        if at > 0 && (digits.len() - at) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

pub fn is_cjk(ch: char) -> bool {
    is_cjk_code(ch as u32)
}

const fn is_cjk_code(code: u32) -> bool {
    matches!(code,
        0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F // Han
        | 0x3040..=0x309F // Hiragana
        | 0x30A0..=0x30FF | 0x31F0..=0x31FF | 0xFF66..=0xFF9F // Katakana
        | 0xAC00..=0xD7AF | 0x1100..=0x11FF | 0x3130..=0x318F // Hangul
    )
}

/// One bit for each 64-code-point block of U+0000 to U+FFFF (the blocks of
/// a three-byte character's first two bytes): set when every character in
/// it is CJK. Kana and kanji are then counted without decoding them.
const CJK_BLOCKS: [u64; 16] = {
    let mut bits = [0u64; 16];
    let mut block = 0u32;
    while block < 1024 {
        let mut code = block << 6;
        let mut all_cjk = true;
        while code < (block + 1) << 6 {
            all_cjk &= is_cjk_code(code);
            code += 1;
        }
        if all_cjk {
            bits[(block >> 6) as usize] |= 1 << (block & 63);
        }
        block += 1;
    }
    bits
};

/// CJK and full-width punctuation, none of it alphanumeric (々, 〆 and 〇,
/// which are, are left out).
fn is_cjk_punctuation(ch: char) -> bool {
    matches!(ch as u32,
        0x3000..=0x3004 | 0x3008..=0x3020 | 0x3030
        | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65
    )
}

const ONES: u64 = u64::from_le_bytes([0x01; 8]);

/// Words starting in eight ASCII bytes (the first in the lowest), given
/// whether a word runs into them, and whether one runs out.
///
/// Per byte: alphanumeric `a`, or an apostrophe or hyphen `j`, which keeps a
/// word going. For 7-bit bytes, adding a constant sets the high bit exactly
/// when the byte is at least some value, and no sum carries into the next byte.
fn count_ascii_words(word: u64, in_word_before: bool) -> (usize, bool) {
    let at_least = |value: u64| word.wrapping_add(ONES * (0x80 - value));
    let between = |low: u64, high: u64| at_least(low) & !at_least(high + 1);
    let equal = |value: u64| {
        let diff = word ^ (ONES * value);
        !(diff.wrapping_add(ONES * 0x7F) | diff)
    };
    let high_bits = |mask: u64| {
        // Gathers each byte's high bit into bit `i` for byte `i`.
        (((mask & (ONES * 0x80)) >> 7).wrapping_mul(0x0102_0408_1020_4080) >> 56) as u32
    };
    let alphanumeric = high_bits(
        between(b'0'.into(), b'9'.into())
            | between(b'A'.into(), b'Z'.into())
            | between(b'a'.into(), b'z'.into()),
    );
    let joiner = high_bits(equal(b'\''.into()) | equal(b'-'.into()));
    // A run of joiners right after a word (or after the word running in)
    // belongs to it: adding its first bit clears the whole run.
    let seeds = ((alphanumeric << 1) | u32::from(in_word_before)) & joiner;
    let in_word = alphanumeric | (joiner & !joiner.wrapping_add(seeds));
    let starts = alphanumeric & !((in_word << 1) | u32::from(in_word_before));
    (starts.count_ones() as usize, in_word & 0x80 != 0)
}

fn count_text(text: &str, counts: &mut Counts) {
    let mut in_word = false;
    let bytes = text.as_bytes();
    let mut at = 0;
    while at < bytes.len() {
        // ASCII is most of an English post and all of its markup: eight bytes at a time.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if word & (ONES * 0x80) == 0 {
                let (words, ends_in_word) = count_ascii_words(word, in_word);
                counts.words += words;
                in_word = ends_in_word;
                at += 8;
                continue;
            }
        }
        let byte = bytes[at];
        if byte.is_ascii() {
            at += 1;
            if byte.is_ascii_alphanumeric() {
                if !in_word {
                    counts.words += 1;
                }
                in_word = true;
            } else if !matches!(byte, b'\'' | b'-') || !in_word {
                in_word = false;
            }
            continue;
        }
        // Kana and kanji are three bytes, and come in runs: counted here
        // without decoding them, or trying eight ASCII bytes between them.
        if byte & 0xF0 == 0xE0 {
            let run_start = at;
            while let [lead @ 0xE0..=0xEF, second, _, ..] = bytes[at..] {
                let block = (u32::from(lead & 0x0F) << 6) | u32::from(second & 0x3F);
                if CJK_BLOCKS[(block >> 6) as usize] >> (block & 63) & 1 == 0 {
                    break;
                }
                at += 3;
            }
            if at > run_start {
                counts.cjk_characters += (at - run_start) / 3;
                in_word = false;
                continue;
            }
        }
        // The text is valid UTF-8, so a lead byte's continuation bytes are there.
        let ch = match (byte, bytes.get(at + 1), bytes.get(at + 2)) {
            (0xE0..=0xEF, Some(&second), Some(&third)) => {
                at += 3;
                let code = (u32::from(byte & 0x0F) << 12)
                    | (u32::from(second & 0x3F) << 6)
                    | u32::from(third & 0x3F);
                char::from_u32(code).unwrap_or(char::REPLACEMENT_CHARACTER)
            }
            _ => {
                let Some(ch) = text[at..].chars().next() else {
                    break;
                };
                at += ch.len_utf8();
                ch
            }
        };
        if is_cjk(ch) {
            counts.cjk_characters += 1;
            in_word = false;
        } else if is_cjk_punctuation(ch) {
            // 、。「」 and full-width marks: common, and not worth a Unicode table lookup.
            in_word = false;
        } else if ch.is_alphanumeric() {
            if !in_word {
                counts.words += 1;
            }
            in_word = true;
        } else if !matches!(ch, '\'' | '’' | '-') || !in_word {
            // An apostrophe or hyphen inside a word keeps it one word.
            in_word = false;
        }
    }
}

pub fn count(document: &Document, model: &ReadingModel) -> Counts {
    let mut counts = Counts {
        images: document.body.images,
        ..Counts::default()
    };
    for block in &document.body.blocks {
        count_text(&block.text, &mut counts);
    }
    if model.include_tables {
        count_text(&document.body.table_text, &mut counts);
    }
    if model.include_code {
        for range in &document.body.code_blocks {
            count_text(document.source.slice(*range), &mut counts);
        }
    }
    counts
}

pub fn estimate(document: &Document, model: &ReadingModel) -> Estimate {
    let counts = count(document, model);
    let image_minutes = (0..counts.images)
        .map(|at| {
            model
                .image_seconds
                .get(at)
                .or(model.image_seconds.last())
                .copied()
                .unwrap_or(0.0)
        })
        .sum::<f64>()
        / 60.0;
    let at = |cjk_rate: f64, word_rate: f64| {
        counts.cjk_characters as f64 / cjk_rate.max(1.0)
            + counts.words as f64 / word_rate.max(1.0)
            + image_minutes
    };
    Estimate {
        counts,
        minutes: at(model.cjk_per_minute, model.words_per_minute),
        lowest: at(model.fast_cjk_per_minute, model.fast_words_per_minute) - model.slack_minutes,
        highest: at(model.slow_cjk_per_minute, model.slow_words_per_minute) + model.slack_minutes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Document, Source};

    /// A post of table rows is read cell by cell; the table syntax is not text.
    #[test]
    fn table_cells_are_read() {
        let mut text = String::from("---\ntitle: t\n---\n| 名前 | Price |\n| --- | ---: |\n");
        for row in 0..200 {
            text.push_str(&format!("| 東京店 | {row} yen |\n"));
        }
        let document = Document::parse("a.md", Source::new(text));
        let counts = count(&document, &ReadingModel::default());
        // 名前 and 東京店 on every row; Price, then a number and "yen" per row.
        assert_eq!(counts.cjk_characters, 2 + 3 * 200);
        assert_eq!(counts.words, 1 + 2 * 200);
        let without = ReadingModel {
            include_tables: false,
            ..ReadingModel::default()
        };
        assert_eq!(count(&document, &without), Counts::default());
    }

    #[test]
    fn counts_cjk_words_and_images_but_not_code() {
        let text = "---\ntitle: t\n---\n日本語のテキストとAWSの話。Don't stop-reading now.\n\n![a](x.png) ![b](y.png)\n\n```\ncode words here\n```\n";
        let document = Document::parse("a.md", Source::new(text.to_string()));
        let model = ReadingModel::default();
        let counts = count(&document, &model);
        // 日本語のテキストと + の話 are 11 characters; AWS, Don't, stop-reading, now are 4 words.
        assert_eq!(
            counts,
            Counts {
                cjk_characters: 11,
                words: 4,
                images: 2
            }
        );
        let with_code = ReadingModel {
            include_code: true,
            ..ReadingModel::default()
        };
        assert_eq!(count(&document, &with_code).words, 7);
        let estimate = estimate(&document, &model);
        let expected = 11.0 / 500.0 + 4.0 / 238.0 + 23.0 / 60.0;
        assert!((estimate.minutes - expected).abs() < 1e-9);
        assert_eq!(
            estimate.describe_counts(crate::messages::Language::En),
            "11 CJK characters, 4 words, 2 images"
        );
    }

    /// Counting one character at a time, as the rule is written.
    fn count_by_chars(text: &str) -> Counts {
        let mut by_chars = Counts::default();
        let mut in_word = false;
        for ch in text.chars() {
            if is_cjk(ch) {
                by_chars.cjk_characters += 1;
                in_word = false;
            } else if ch.is_alphanumeric() {
                if !in_word {
                    by_chars.words += 1;
                }
                in_word = true;
            } else if !matches!(ch, '\'' | '’' | '-') || !in_word {
                in_word = false;
            }
        }
        by_chars
    }

    proptest::proptest! {
        /// Counting by bytes agrees with counting by `chars()`.
        #[test]
        fn byte_counting_agrees_with_chars(text in "[a-z0-9 '\\-’日本語のカナ、。「」é😀ｶ①\u{3000}]{0,40}") {
            let mut by_bytes = Counts::default();
            count_text(&text, &mut by_bytes);
            proptest::prop_assert_eq!(by_bytes, count_by_chars(&text));
        }

        /// The same over ASCII, read eight bytes at a time: every class
        /// boundary, and runs of joiners inside, before and after words.
        #[test]
        fn ascii_word_counting_agrees_with_chars(text in "[a-zA-Z0-9 '\\-/:@\\[`{~\u{7f}\u{0}]{0,70}") {
            let mut by_bytes = Counts::default();
            count_text(&text, &mut by_bytes);
            proptest::prop_assert_eq!(by_bytes, count_by_chars(&text));
        }
    }

    #[test]
    fn cjk_blocks_hold_only_cjk() {
        let mut blocks = 0;
        for code in 0x800u32..=0xFFFF {
            let block = code >> 6;
            if CJK_BLOCKS[(block >> 6) as usize] >> (block & 63) & 1 == 1 {
                blocks += 1;
                assert!(char::from_u32(code).is_some_and(is_cjk), "{code:X}");
            }
        }
        // Kanji, kana and hangul fill most of them: 4E00..9FFF alone is 320 blocks.
        assert!(blocks / 64 > 500, "{}", blocks / 64);
    }

    #[test]
    fn cjk_punctuation_is_not_alphanumeric() {
        for code in 0u32..=0x10FFFF {
            if let Some(ch) = char::from_u32(code).filter(|&ch| is_cjk_punctuation(ch)) {
                assert!(!ch.is_alphanumeric(), "{ch:?}");
            }
        }
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(1362), "1,362");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
