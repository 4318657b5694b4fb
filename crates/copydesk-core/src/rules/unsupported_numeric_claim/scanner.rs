//! The figure scanner: finds the numbers in prose that make a figure
//! (§1 of the convention) and reads each one's span (§6): hedge, number,
//! unit or counter, hedge. Whether a figure is a claim in its sentence is
//! for `context`; whether it has a source, for `support`.

use std::ops::Range;
use std::sync::OnceLock;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::lexicon::{
    names_a_month, CURRENCY_SIGNS, DATE_COUNTERS, EN_COUNT_NOUNS, EN_CURRENCY_CODES,
    EN_CURRENCY_WORDS, EN_PREFIX_HEDGES, EN_SCALES, EN_UNITS, JA_PREFIX_HEDGES, JA_SUFFIX_HEDGES,
    JA_UNITS, KANJI_NUMERALS, NUMBER_WORD_PREFIXES,
};

/// A figure found in prose, in the block's text coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Figure {
    /// Hedge, number, unit and trailing hedge.
    pub span: Range<usize>,
    /// The number and unit, normalized, to recognise a repeat (§5).
    pub key: String,
}

/// Units and counters a site adds to the built-in ones (`units` option).
#[derive(Debug, Clone, Default)]
pub struct ExtraUnits(Vec<String>);

impl ExtraUnits {
    pub fn new(units: &[String]) -> ExtraUnits {
        let mut units: Vec<String> = units
            .iter()
            .filter(|unit| !unit.is_empty())
            .cloned()
            .collect();
        // Longest first, so `万ウォン` wins over `万`.
        units.sort_by_key(|unit| std::cmp::Reverse(unit.len()));
        ExtraUnits(units)
    }

    fn find(&self, after: &str) -> Option<usize> {
        self.0
            .iter()
            .find(|unit| after.starts_with(unit.as_str()))
            .map(String::len)
    }
}

/// Every figure in a prose text, with its hedges and unit.
pub fn find_figures(text: &str) -> Vec<Figure> {
    find_figures_with(text, &ExtraUnits::default())
}

/// [`find_figures`], with a site's own units and counters.
pub fn find_figures_with(text: &str, extra: &ExtraUnits) -> Vec<Figure> {
    // URLs are not prose: blank them out, keeping offsets. Most blocks have none.
    let mut masked = std::borrow::Cow::Borrowed(text);
    if url_marker().is_match(text) {
        let mut blanked = text.to_string();
        for url in url_like().find_iter(text) {
            blanked.replace_range(url.range(), &" ".repeat(url.len()));
        }
        masked = std::borrow::Cow::Owned(blanked);
    }
    let mut figures: Vec<Figure> = Vec::new();
    let mut search_from = 0;
    // Most blocks have no run of spaces, so no line of columns.
    let has_columns = memchr::memmem::find(text.as_bytes(), b"   ").is_some();
    // The scan finds where the next number starts, faster than the regex
    // can; the regex then only reads the number itself.
    while let Some(core) =
        next_number_start(&masked, search_from).and_then(|start| number_at(&masked, start))
    {
        search_from = core.end;
        let Some(figure) = figure_at(&masked, core, extra) else {
            continue;
        };
        search_from = search_from.max(figure.span.end);
        if !in_a_listing(text, &figure.span, has_columns) {
            figures.push(figure);
        }
    }
    // Quantities in English words: "more than half", "tens of thousands".
    if worded_marker().is_match(masked.as_ref()) {
        let worded = english_word_figures(&masked);
        if !worded.is_empty() {
            let apart: Vec<Figure> = worded
                .into_iter()
                .filter(|worded| {
                    !figures.iter().any(|figure| {
                        figure.span.start < worded.span.end && worded.span.start < figure.span.end
                    })
                })
                .collect();
            figures.extend(apart);
            figures.sort_by_key(|figure| figure.span.start);
        }
    }
    figures
}

/// Words after a number that make it a time or a size, not a count.
const TIMES_AND_SIZES: [&str; 22] = [
    "years",
    "year",
    "months",
    "weeks",
    "days",
    "hours",
    "minutes",
    "seconds",
    "decades",
    "times",
    "ms",
    "am",
    "pm",
    "bytes",
    "kilobytes",
    "megabytes",
    "gigabytes",
    "kb",
    "mb",
    "gb",
    "tb",
    "characters",
];

/// Whether the text counts things with bare numbers the scan does not take
/// for figures: "14 of its 96 points of presence", "24 server-side tests".
/// Years, versions and names' numbers are not counts.
pub fn has_bare_counts(text: &str) -> bool {
    let figures = find_figures(text);
    let mut search_from = 0;
    while let Some(core) =
        next_number_start(text, search_from).and_then(|start| number_at(text, start))
    {
        search_from = core.end;
        let number = &text[core.clone()];
        let after = &text[core.end..];
        let counts = !number.contains(['.', '．'])
            && !is_kanji_number(number)
            && number.chars().all(|ch| ch.is_ascii_digit() || ch == ',')
            && (after.starts_with(" of ")
                || after
                    .strip_prefix(' ')
                    .is_some_and(|rest| rest.starts_with(|ch: char| ch.is_ascii_lowercase())));
        if !counts || is_part_of_a_word_or_name(text, &core) {
            continue;
        }
        let in_a_figure = figures
            .iter()
            .any(|figure| figure.span.start <= core.start && core.end <= figure.span.end);
        // "in about 6 weeks", "a 2 day event": a time, not a count.
        let next = next_word(after);
        let timed = TIMES_AND_SIZES.contains(&next.as_str())
            || TIMES_AND_SIZES.contains(&format!("{next}s").as_str());
        if numeric_value(number) >= 2.0
            && !is_a_year(number)
            && !timed
            && !in_a_figure
            && !follows_month_name(&text[..core.start])
        {
            return true;
        }
    }
    false
}

/// The first word after a number, in lower case: "weeks" of "6 weeks,".
fn next_word(after: &str) -> String {
    after
        .trim_start()
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .next()
        .unwrap_or_default()
        .to_ascii_lowercase()
}

/// A number that reads as a year: 1900 to 2100, written with no comma.
fn is_a_year(number: &str) -> bool {
    !number.contains(',') && (1900.0..=2100.0).contains(&numeric_value(number))
}

/// A figure in pasted program output, outside a code block: a line of
/// columns (`df`'s `Use%`), or a share of a path (`2.6% drivers/net/`).
fn in_a_listing(text: &str, span: &Range<usize>, has_columns: bool) -> bool {
    if has_columns {
        let line_start = text[..span.start].rfind('\n').map_or(0, |at| at + 1);
        let line_end = text[span.end..]
            .find('\n')
            .map_or(text.len(), |at| span.end + at);
        let line = &text[line_start..line_end];
        if line.trim().matches("   ").count() >= 2 {
            // A column holds a cell, not a phrase: prose with stray runs of
            // spaces ("companies   participate and it   attracts nearly
            // 12,000 visitors. The 17th …") is still prose.
            let cell_start = line[..span.start - line_start]
                .rfind("   ")
                .map_or(0, |at| at + 3);
            let cell_end = line[span.end - line_start..]
                .find("   ")
                .map_or(line.len(), |at| span.end - line_start + at);
            let cell = line[cell_start..cell_end].trim_end();
            if cell.split_whitespace().count() <= 3 && !cell.ends_with(['.', '!', '?', '。']) {
                return true;
            }
        }
    }
    let next = text[span.end..].trim_start_matches(' ');
    let token = next.split(char::is_whitespace).next().unwrap_or_default();
    token.len() > 1
        && token.contains('/')
        && !token.contains("//")
        && text[span.end..].starts_with(' ')
}

/// The number at `start`, if one starts there.
fn number_at(text: &str, start: usize) -> Option<Range<usize>> {
    thread_local! {
        static CACHE: std::cell::RefCell<regex_automata::hybrid::dfa::Cache> =
            std::cell::RefCell::new(number_core().create_cache());
    }
    // Anchored, the search reads only the number, and needs no reverse pass
    // to find where the match starts.
    let input = regex_automata::Input::new(text)
        .range(start..)
        .anchored(regex_automata::Anchored::Yes);
    let end = CACHE
        .with_borrow_mut(|cache| number_core().try_search_fwd(cache, &input))
        .ok()??
        .offset();
    Some(start..end)
}

/// A lazy DFA with a cache for each thread: it is called at every digit and
/// kanji numeral, and a meta regex would take its cache from a shared pool
/// each time.
fn number_core() -> &'static regex_automata::hybrid::dfa::DFA {
    use regex_automata::hybrid::dfa;
    static CORE: OnceLock<dfa::DFA> = OnceLock::new();
    CORE.get_or_init(|| {
        dfa::Builder::new()
            .configure(dfa::Config::new().starts_for_each_pattern(false))
            .build(&number_pattern())
            .expect("the number pattern is valid")
    })
}

/// Digits with separators and a decimal part, then kanji multipliers, each
/// after one space or none (`1 兆 8,000 億`, as Zenn's writers space them); or
/// a run of kanji numerals.
fn number_pattern() -> String {
    format!(
        "{}{}|[{KANJI_NUMERALS}]+",
        r"[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?",
        r"(?: ?[十百千万億兆]+(?: ?[0-9０-９]+(?:[,，][0-9０-９]{3})*(?:[.．][0-9０-９]+)?)?)*",
    )
}

fn url_like() -> &'static Regex {
    static URL: OnceLock<Regex> = OnceLock::new();
    URL.get_or_init(|| super::compiled(r"(?i)(?-u:\b)(?:https?://|www\.)[^\s<>()「」（）]+"))
}

/// What every [`url_like`] match contains, found in one SIMD pass.
fn url_marker() -> &'static aho_corasick::AhoCorasick {
    static MARKER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    MARKER.get_or_init(|| {
        aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostFirst)
            .build(["://", "www.", "WWW."])
            .expect("three literals build")
    })
}

fn strip_prefix_ci<'a>(text: &'a str, prefix: &str) -> Option<&'a str> {
    let head = text.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &text[prefix.len()..])
}

/// Whether `text` ends with the words `words`, whole, in any case: "nearly"
/// ends "… nearly", not "… dearly".
fn ends_with_word(text: &str, words: &str) -> bool {
    ends_with_ci(text, words)
        && text[..text.len() - words.len()]
            .chars()
            .next_back()
            .is_none_or(|ch| !ch.is_ascii_alphanumeric())
}

fn ends_with_ci(text: &str, suffix: &str) -> bool {
    text.len() >= suffix.len()
        && text.is_char_boundary(text.len() - suffix.len())
        && text[text.len() - suffix.len()..].eq_ignore_ascii_case(suffix)
}

/// Where the next match of [`number_core`] starts: the first digit, full-width
/// digit or kanji numeral at or after `from`, a character boundary.
fn next_number_start(text: &str, from: usize) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH_BITS: u64 = ONES * 0x80;
    let bytes = text.as_bytes();
    let mut at = from;
    while at < bytes.len() {
        // Eight ASCII bytes at a time: none above 0x7F, none a digit. For
        // 7-bit bytes, b + 0x50 sets the high bit when b >= '0', and b + 0x46
        // when b > '9'; no sum carries into the next byte.
        if let Some(chunk) = bytes.get(at..at + 8) {
            let word = u64::from_le_bytes(chunk.try_into().unwrap_or_default());
            if word & HIGH_BITS == 0 {
                let digits =
                    word.wrapping_add(ONES * 0x50) & !word.wrapping_add(ONES * 0x46) & HIGH_BITS;
                if digits == 0 {
                    at += 8;
                    continue;
                }
                // The first byte is the lowest.
                return Some(at + digits.trailing_zeros() as usize / 8);
            }
        }
        let byte = bytes[at];
        if byte.is_ascii() {
            if byte.is_ascii_digit() {
                return Some(at);
            }
            at += 1;
            continue;
        }
        // Every numeral is three bytes; the first two give its block. Kana
        // and kanji come in runs, read here without going back to the top.
        if byte & 0xF0 == 0xE0 {
            while let [lead @ 0xE0..=0xEF, second, third, ..] = bytes[at..] {
                let block = (usize::from(lead & 0x0F) << 6) | usize::from(second & 0x3F);
                if NUMERALS_IN_BLOCK[block] >> (third & 0x3F) & 1 == 1 {
                    return Some(at);
                }
                at += 3;
            }
            continue;
        }
        at += if byte >= 0xF0 { 4 } else { 2 };
    }
    None
}

/// For each 64-code-point block of U+0000 to U+FFFF, a bit for each
/// [`is_numeral`] character in it. Built from [`KANJI_NUMERALS`], so the
/// list stays one.
const NUMERALS_IN_BLOCK: [u64; 1024] = {
    let mut blocks = [0u64; 1024];
    let mut digit = '０' as u32;
    while digit <= '９' as u32 {
        blocks[(digit >> 6) as usize] |= 1 << (digit & 63);
        digit += 1;
    }
    let bytes = KANJI_NUMERALS.as_bytes();
    let mut at = 0;
    while at + 2 < bytes.len() {
        // Every kanji numeral is three bytes of UTF-8.
        let code = ((bytes[at] as u32 & 0x0F) << 12)
            | ((bytes[at + 1] as u32 & 0x3F) << 6)
            | (bytes[at + 2] as u32 & 0x3F);
        blocks[(code >> 6) as usize] |= 1 << (code & 63);
        at += 3;
    }
    blocks
};

/// Full-width digits and the kanji that [`number_core`] reads as numbers.
#[cfg(test)]
fn is_numeral(ch: char) -> bool {
    matches!(ch, '０'..='９') || KANJI_NUMERALS.contains(ch)
}

fn is_kanji_number(text: &str) -> bool {
    !text.starts_with(|ch: char| ch.is_ascii())
        && text.chars().all(|ch| KANJI_NUMERALS.contains(ch))
}

/// A figure around a number, if the number makes one: the phases below, in
/// order, each of which may say it does not.
fn figure_at(text: &str, core: Range<usize>, extra: &ExtraUnits) -> Option<Figure> {
    if is_part_of_a_word_or_name(text, &core) {
        return None;
    }
    let end = extend_over_range(text, core.end);
    let unit = read_unit(text, end, extra)?;
    if names_a_rate_or_a_time(text, end, unit.len) {
        return None;
    }
    let number = &text[core.clone()];
    let after = &text[end..];
    let currency = currency_sign_before(&text[..core.start]);
    let mut span_end = end + unit.len;
    // "an average of 120 hours": a figure, and the length's unit belongs to it.
    let averaged = unit.len == 0 && is_an_average(&text[..core.start]);
    if averaged {
        let spaced = after.trim_start_matches(' ');
        if let Some(time) = [
            "hours", "minutes", "days", "weeks", "months", "years", "seconds",
        ]
        .iter()
        .find(|time| spaced.starts_with(*time))
        {
            span_end += after.len() - spaced.len() + time.len();
        }
    }
    // "about 9 hours per charge", "under 400 MB": a hedged measurement is
    // a figure, and its unit belongs to it; a bare one is most often a
    // setting or the writer's own ("a 300 ms timeout", "16 GB of RAM").
    if unit.len == 0 && span_end == end && currency.is_none() {
        let measure = hedged_measure(&text[..core.start], after);
        if measure > 0 && states_a_spec(text, core.start) {
            span_end += measure;
        }
    }
    if unit.len == 0 && span_end == end {
        span_end += english_scale_and_currency(after, currency.is_some());
    } else if EN_SCALES.iter().any(|scale| {
        scale.len() > 1 && text[end..span_end].trim_start().eq_ignore_ascii_case(scale)
    }) {
        // "1 million yen": the currency word after a scale word.
        span_end += english_scale_and_currency(&text[span_end..], currency.is_some());
    }
    // "1 in 5", "9 out of 10": a proportion.
    let mut proportion = false;
    let mut key_end = end + unit.len;
    // Not "4.4 in 2009": a version, then a year.
    if unit.len == 0 && span_end == end && !number.contains(['.', '．']) {
        for between in [" in ", " out of "] {
            if let Some(rest) = text[end..].strip_prefix(between) {
                // "9 out of 10 podcasts" counts something; "10 out of 10,
                // no notes" is a rating.
                let counts = |second: &Range<usize>| {
                    between == " in "
                        || rest[second.end..]
                            .strip_prefix(' ')
                            .is_some_and(|noun| noun.starts_with(char::is_alphabetic))
                };
                if let Some(second) = number_at(rest, 0)
                    .filter(|second| !is_a_year(&rest[second.clone()]) && counts(second))
                {
                    span_end = end + between.len() + second.end;
                    key_end = span_end;
                    proportion = true;
                }
                break;
            }
        }
    }
    // `300+` is a vague count; `7.0+` is a version range.
    // `300+`, but not `10+ seconds`: a time, nor `14+36+41`: a sum.
    let plus = text[span_end..].starts_with('+')
        && !text[span_end + 1..].starts_with(|ch: char| ch.is_ascii_digit())
        && !number.contains(['.', '．'])
        && !["seconds", "minutes", "hours", "days", "years", "ms"]
            .iter()
            .any(|time| text[span_end + 1..].trim_start().starts_with(time));
    if plus {
        span_end += 1;
    }
    let kanji_only = is_kanji_number(number);
    let english_count = unit.len == 0
        && span_end == end
        && currency.is_none()
        && !kanji_only
        && (english_count_noun(number, after)
            || is_hedged_count(&text[..core.start], number, after)
            || averaged);
    let vague_half = number.contains('半');
    let is_figure = unit.len > 0
        || proportion
        || span_end > end
        || currency.is_some()
        // 「数百〜100 万超」: a scale on either end of a range.
        || text[core.start..end].contains(['万', '億', '兆'])
        || vague_half
        || english_count;
    if !is_figure || (vague_half && !number.ends_with("半数") && unit.len == 0) {
        return None;
    }
    // One of something (1件ずつ, たった1件の, 1人で) is a word, not a count
    // worth a source.
    let unit_text = text[end..end + unit.len].trim_start();
    let is_one = matches!(number, "1" | "１" | "一");
    let is_counter = !unit_text.is_empty()
        && !unit_text.is_ascii()
        && !unit_text.contains(['%', '％', '倍', '割']);
    if is_one && currency.is_none() && span_end == end + unit.len && is_counter {
        return None;
    }
    // "the $10 bill", "a ¥500 coin": a banknote or a coin, named by its
    // value, is no amount.
    if currency.is_some() && names_a_banknote(&text[span_end..]) {
        return None;
    }
    // 「100万トークンあたり」: a per-unit denominator (§2).
    let counted = text[end + unit.len..].trim_start_matches(|ch: char| {
        ('\u{30A0}'..='\u{30FF}').contains(&ch) || ch.is_ascii_alphabetic()
    });
    if counted.starts_with("あたり") || counted.starts_with("当たり") {
        return None;
    }
    // 「次の3か所」「以下の5社」: how many items the text goes on to list,
    // document structure (§2).
    if is_counter && currency.is_none() && points_to_a_list(&text[..core.start]) {
        return None;
    }
    span_end = extend_over_second_figure(text, span_end, unit.len);
    // "between 200 and 500 visitors": a range, one figure.
    if ends_with_ci(&text[..core.start - currency.unwrap_or(0)], "between ") {
        if let Some(rest) = text[span_end..].strip_prefix(" and ") {
            let sign = CURRENCY_SIGNS
                .iter()
                .find(|sign| rest.starts_with(*sign))
                .map_or(0, |sign| sign.len());
            if let Some(second) = number_at(rest, sign) {
                let unit_text = &text[end..end + unit.len];
                let same_unit = rest[second.end..].starts_with(unit_text);
                span_end += " and ".len() + second.end + if same_unit { unit.len } else { 0 };
            }
        }
    }
    let start = core.start - currency.unwrap_or(0);
    let start = start - bare_start_of_range(&text[..start]);
    let (start, span_end) = with_hedges(text, start, span_end);
    Some(Figure {
        span: start..span_end,
        key: figure_key(&text[core.start..key_end], currency.is_some()),
    })
}

/// Whether what follows a sum of money names a banknote or a coin.
fn names_a_banknote(after: &str) -> bool {
    let Some(rest) = after.strip_prefix(' ').or_else(|| after.strip_prefix('-')) else {
        return false;
    };
    [
        "bills",
        "bill",
        "notes",
        "note",
        "banknotes",
        "banknote",
        "coins",
        "coin",
    ]
    .iter()
    .any(|word| {
        rest.strip_prefix(word)
            .is_some_and(|tail| !tail.starts_with(|ch: char| ch.is_ascii_alphanumeric()))
    })
}

/// Whether `before` ends with a year and a separator, or a year, a month
/// and a separator: what follows is part of a date (`2025-06-18`).
fn ends_an_iso_date_part(before: &str) -> bool {
    let Some(separator) = before
        .chars()
        .next_back()
        .filter(|ch| matches!(ch, '-' | '/'))
    else {
        return false;
    };
    let head = &before[..before.len() - 1];
    let digits =
        |text: &str| text.len() - text.trim_end_matches(|ch: char| ch.is_ascii_digit()).len();
    let a_year = |text: &str| {
        digits(text) == 4
            && text[text.len() - 4..]
                .parse::<u32>()
                .is_ok_and(|year| (1900..=2100).contains(&year))
    };
    if a_year(head) {
        return true;
    }
    let last = digits(head);
    let rest = &head[..head.len() - last];
    (1..=2).contains(&last) && rest.ends_with(separator) && a_year(&rest[..rest.len() - 1])
}

/// Phase 1: the number is part of something else: a word (引数, 人数), a
/// name, model or version (GPT-4, H100, v1.2, 5G), an ordinal (第3章), a day
/// of a month ("June 26"), the decimals of a European decimal comma, or an
/// everyday kanji word (一人, 千葉).
fn is_part_of_a_word_or_name(text: &str, core: &Range<usize>) -> bool {
    let number = &text[core.clone()];
    let before = &text[..core.start];
    let kanji_only = is_kanji_number(number);
    // 数 ending a word (引数名, 変数, 人数) is not a vague number; 毎週数百万 is.
    if number.starts_with('数')
        && before
            .chars()
            .next_back()
            .is_some_and(|ch| NUMBER_WORD_PREFIXES.contains(ch))
    {
        return true;
    }
    // 三割, 二倍: a kanji digit before a proportion is a figure like 3割.
    let proportion_follows = text[core.end..].starts_with(['割', '倍', '%', '％'])
        || (number == "半" && text[core.end..].starts_with('分'));
    if kanji_only && !is_plausible_kanji_figure(number) && !proportion_follows {
        return true;
    }
    let previous = before.chars().next_back();
    if !kanji_only
        && previous.is_some_and(|ch| ch.is_ascii_alphanumeric() || ch == '_' || ch == '.')
    {
        return true;
    }
    if !kanji_only
        && previous == Some('-')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_ascii_alphabetic())
    {
        return true;
    }
    // The day or month of an ISO date: 2025-06-18, 2025/06/18.
    if !kanji_only && ends_an_iso_date_part(before) {
        return true;
    }
    // A keyboard's size class: "a 65% keyboard", "a 75% layout".
    if ["% keyboard", "% layout", "％キーボード", "%キーボード"]
        .iter()
        .any(|class| text[core.end..].starts_with(class))
    {
        return true;
    }
    // 何十回, 何百人: "dozens of times", a manner of speaking.
    // A number in a name: Fortune 500, Windows 10, Hack Week 24, oSC 2013.
    let in_a_name = !kanji_only
        && !text[core.end..].starts_with(['%', '％', 'x', '倍', '割', '.', ','])
        && follows_a_name(before);
    if before.ends_with(['第', '何']) || follows_month_name(before) || in_a_name {
        return true;
    }
    // The minutes of a clock time, 13:30.
    if let Some(hour) = before.strip_suffix([':', '：']) {
        if hour.ends_with(|ch: char| ch.is_ascii_digit()) {
            return true;
        }
    }
    // The decimals of 54,5%: the whole number was looked at from its first digit.
    previous == Some(',')
        && before[..before.len() - 1]
            .chars()
            .next_back()
            .is_some_and(|ch| ch.is_ascii_digit())
}

/// Whether a number is part of the name before it: a capitalised word
/// that is not a hedge or a sentence's opening word ("Windows 10", "Hack
/// Week 24"; not "Over 300", not "In 2024").
fn follows_a_name(before: &str) -> bool {
    let Some(rest) = before.strip_suffix(' ') else {
        return false;
    };
    let word = rest
        .rsplit(|ch: char| ch.is_whitespace() || matches!(ch, '(' | '[' | '"' | '“' | '*'))
        .next()
        .unwrap_or_default();
    let capitalised = word.starts_with(|ch: char| ch.is_ascii_uppercase())
        && word
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric() || ch == '&');
    let opening = rest[..rest.len() - word.len()].trim_end();
    let sentence_start =
        opening.is_empty() || opening.ends_with(['.', '!', '?', ':', '。', '\n', '-', '|']);
    const NOT_NAMES: [&str; 24] = [
        "Over", "About", "Around", "Nearly", "Almost", "Roughly", "Under", "In", "On", "At", "By",
        "Since", "Until", "From", "To", "The", "Only", "Just", "Some", "All", "Top", "Another",
        "With", "For",
    ];
    capitalised && !sentence_start && !NOT_NAMES.contains(&word)
}

/// Phase 2: a range of bare numbers is one figure: 10〜20%, 30-40%, 10から20.
fn extend_over_range(text: &str, end: usize) -> usize {
    for separator in ["〜", "～", "~", "-", "−", "–", "から", " to "] {
        if let Some(rest) = text[end..].strip_prefix(separator) {
            // 「600 億〜 650 億」: a space may follow a Japanese separator.
            let gap = usize::from(!separator.is_ascii() && rest.starts_with(' '));
            if let Some(second) = number_at(rest, gap) {
                return end + separator.len() + second.end;
            }
            break;
        }
    }
    end
}

/// What follows a number: its unit or counter, if any.
struct Unit {
    len: usize,
}

/// Phase 3: the unit or counter after the number, Japanese or English; or
/// `None` when what follows makes it no figure (a date or time counter,
/// servings, parts counted with `2x 160GB`, a running statistic).
fn read_unit(text: &str, end: usize, extra: &ExtraUnits) -> Option<Unit> {
    let after = &text[end..];
    // Japanese units and counters start past ASCII (but for `%`), and most
    // numbers are followed by a space or punctuation: no need to try them.
    let ja_follows = after.starts_with(|ch: char| !ch.is_ascii());
    // A fraction, 4分の1, is one figure.
    // 「3 分の 1」, spaced as Zenn's writers space it.
    let (fraction_gap, fraction) = match after.strip_prefix(' ') {
        Some(rest) if rest.starts_with("分の") => (1, rest),
        _ => (0, after),
    };
    if let Some(rest) = fraction.strip_prefix("分の") {
        let second_gap = usize::from(rest.starts_with(' '));
        if let Some(second) = number_at(rest, second_gap) {
            return Some(Unit {
                len: fraction_gap + "分の".len() + second.end,
            });
        }
    }
    // 半分 as a share (約半分, 半分以上を占める), not "in half".
    if text[..end].ends_with('半') && after.starts_with('分') {
        return is_half_a_share(&text[..end - '半'.len_utf8()], &after['分'.len_utf8()..])
            .then_some(Unit {
                len: '分'.len_utf8(),
            });
    }
    // A number of months with a hedge is a length, not a date: 8か月程度.
    if let Some(months) = ["か月", "ヶ月", "カ月"]
        .iter()
        .find(|months| after.starts_with(*months))
    {
        let hedged = JA_SUFFIX_HEDGES
            .iter()
            .any(|hedge| after[months.len()..].starts_with(hedge))
            || {
                // 平均で6か月: an average is a length too.
                let head = text[..end].trim_end_matches(|ch: char| {
                    ch.is_ascii_digit() || matches!(ch, '.' | '０'..='９')
                });
                head.strip_suffix('で').unwrap_or(head).ends_with("平均")
            };
        return hedged.then_some(Unit { len: months.len() });
    }
    // Ordinals and dates first: 回目 before 回, 人目 before 人.
    if ja_follows
        && DATE_COUNTERS
            .iter()
            .any(|counter| after.starts_with(counter))
    {
        return None;
    }
    // Servings, not people: 4人分. A fraction is read by its own phase.
    if after.starts_with("人分") {
        return None;
    }
    // Japanese written with a space between digits and kana or kanji: `2.74 倍`.
    let (ja_gap, ja_after) = match after.strip_prefix(' ') {
        Some(rest) if rest.starts_with(|ch: char| !ch.is_ascii()) => (1, rest),
        _ => (0, after),
    };
    if ja_gap == 1
        && DATE_COUNTERS
            .iter()
            .any(|counter| ja_after.starts_with(counter))
    {
        return None;
    }
    if ja_follows || ja_gap == 1 || after.starts_with('%') {
        if let Some(len) = extra.find(ja_after) {
            return Some(Unit { len: ja_gap + len });
        }
        if let Some(unit) = JA_UNITS.iter().find(|unit| ja_after.starts_with(*unit)) {
            // 3か所目, 2社目: an ordinal, as 回目 and 人目 are.
            if ja_after[unit.len()..].starts_with('目') {
                return None;
            }
            return Some(Unit {
                len: ja_gap + unit.len(),
            });
        }
        // 本 counts titles and bottles only in large numbers (「1,000本も売れ
        // ない」「数百万本のアプリ」); a few 本 are the writer's articles, and
        // 本当, 本日, 本番 are other words.
        if let Some(rest) = ja_after.strip_prefix('本') {
            let number = &text[..end];
            let large = number.ends_with(['万', '億', '千'])
                || numeric_value(
                    number
                        .rsplit(|ch: char| !(ch.is_ascii_digit() || ch == ',' || ch == '.'))
                        .next()
                        .unwrap_or_default(),
                ) >= 1000.0;
            let a_word = rest.starts_with(|ch: char| ('\u{4e00}'..='\u{9fff}').contains(&ch));
            if large && !a_word {
                return Some(Unit {
                    len: ja_gap + '本'.len_utf8(),
                });
            }
        }
    }
    let spaced = after.trim_start_matches(' ');
    // A running statistic with its change, "46569 (+271) users", is the
    // publisher's own measurement series.
    if spaced.starts_with("(+") || spaced.starts_with("(-") {
        return None;
    }
    let gap = after.len() - spaced.len();
    let first = spaced.as_bytes().first().copied().unwrap_or_default();
    for unit in EN_UNITS {
        // The first byte rules out most units before a comparison is made.
        if !unit.as_bytes()[0].eq_ignore_ascii_case(&first) {
            continue;
        }
        let Some(rest) = strip_prefix_ci(spaced, unit) else {
            continue;
        };
        // A word unit must end there: "x" in "3x", not in "3xl".
        let word_ends = rest
            .chars()
            .next()
            .is_none_or(|ch| !ch.is_ascii_alphanumeric());
        // "2x 160GB drives" counts parts; it is not a multiple.
        let counts_parts = matches!(*unit, "x" | "×")
            && rest
                .trim_start()
                .chars()
                .next()
                .is_some_and(|ch| ch.is_ascii_digit());
        // "3.0x version", "2.x series": a version line, not a multiple; "a
        // 4X strategy game": a genre.
        let names_a_version = matches!(*unit, "x" | "×")
            && [
                "version", "series", "branch", "kernel", "release", "strategy", "game",
            ]
            .iter()
            .any(|word| strip_prefix_ci(rest.trim_start(), word).is_some());
        // `0x…` is a hexadecimal literal.
        let hexadecimal = matches!(*unit, "x")
            && gap == 0
            && text[..end].ends_with('0')
            && !text[..end - 1].ends_with(|ch: char| ch.is_ascii_digit() || ch == '.');
        if counts_parts || names_a_version || hexadecimal {
            return None;
        }
        // "5 w/ cheese": "with", not watts.
        if *unit == "w" && rest.starts_with('/') {
            return None;
        }
        // "a 1TB HDD", "2 TB of RAM": a part's size, a spec, not a measure.
        let part = [
            "hdd", "ssd", "nvme", "drive", "disk", "of ram", "ram", "sata", "usb",
        ];
        if matches!(*unit, "tb" | "pb")
            && part
                .iter()
                .any(|part| strip_prefix_ci(rest.trim_start(), part).is_some())
        {
            return None;
        }
        let attached_only = matches!(*unit, "x" | "%" | "％");
        if word_ends && (!attached_only || gap == 0) && !(unit.len() <= 2 && gap > 1) {
            return Some(Unit {
                len: gap + unit.len(),
            });
        }
    }
    Some(Unit { len: 0 })
}

/// Phase 4: a rate per unit (`1件あたり`) is a denominator, not a count.
fn names_a_rate_or_a_time(text: &str, end: usize, unit_len: usize) -> bool {
    unit_len > 0
        && ["あたり", "当たり"]
            .iter()
            .any(|per| text[end + unit_len..].starts_with(per))
}

/// Phase 5: a scale word and a currency word after a bare number: `$3.2
/// billion`, `38B euros`, `1 million yen`. The length read, or 0.
fn english_scale_and_currency(after: &str, has_currency_sign: bool) -> usize {
    let mut read = 0;
    let mut scaled = false;
    // `38B`, `3.2bn` attached; `3.2 billion` after one space.
    for scale in EN_SCALES {
        let attached = strip_prefix_ci(after, scale).map(|rest| (0, rest));
        let spaced = after
            .strip_prefix(' ')
            .filter(|_| scale.len() > 1)
            .and_then(|rest| strip_prefix_ci(rest, scale))
            .map(|rest| (1, rest));
        if let Some((gap, rest)) = attached.or(spaced) {
            let word_ends = rest
                .chars()
                .next()
                .is_none_or(|ch| !ch.is_ascii_alphanumeric());
            // A one-letter scale needs a currency around it: `$40m`, `38B euros`.
            let currency_word_follows = EN_CURRENCY_WORDS.iter().any(|word| {
                rest.strip_prefix(' ')
                    .and_then(|rest| strip_prefix_ci(rest, word))
                    .is_some_and(|rest| {
                        rest.chars()
                            .next()
                            .is_none_or(|ch| !ch.is_ascii_alphanumeric())
                    })
            });
            if word_ends && (scale.len() > 2 || has_currency_sign || currency_word_follows) {
                read = gap + scale.len();
                scaled = true;
                break;
            }
        }
    }
    let rest = &after[read..];
    let codes = if has_currency_sign || scaled {
        EN_CURRENCY_CODES
    } else {
        &[]
    };
    for word in EN_CURRENCY_WORDS.iter().chain(codes) {
        if let Some(tail) = rest
            .strip_prefix(' ')
            .and_then(|rest| strip_prefix_ci(rest, word))
        {
            if tail
                .chars()
                .next()
                .is_none_or(|ch| !ch.is_ascii_alphanumeric())
            {
                return read + 1 + word.len();
            }
        }
    }
    if scaled {
        read
    } else {
        0
    }
}

/// Phase 6: the second figure of a range written with its unit on both
/// ends (`600億ドルから650億ドル`, `$2.99〜$4.99`), a proportion
/// (`3人に1人`, `1 in 5`), or a fraction (`4分の1`) is part of this one.
/// The length of the currency sign `before` ends with: `$`, `€`, `CA$`. A
/// sign with letters (`CA$`, `A$`) starts a word: "ABC$49" is no `C$`.
fn currency_sign_before(before: &str) -> Option<usize> {
    CURRENCY_SIGNS
        .iter()
        .find(|sign| {
            before.strip_suffix(*sign).is_some_and(|rest| {
                !sign.starts_with(|ch: char| ch.is_ascii_alphabetic())
                    || !rest.ends_with(|ch: char| ch.is_alphanumeric())
            })
        })
        .map(|sign| sign.len())
}

fn extend_over_second_figure(text: &str, span_end: usize, unit_len: usize) -> usize {
    let after = &text[span_end..];
    for separator in ["〜", "～", "~", "から", "-", "–", " to "] {
        let Some(rest) = after.strip_prefix(separator) else {
            continue;
        };
        // 「600 億ドルから 650 億ドル」: a space may follow a Japanese separator.
        let gap = usize::from(!separator.is_ascii() && rest.starts_with(' '));
        let sign = CURRENCY_SIGNS
            .iter()
            .find(|sign| rest[gap..].starts_with(*sign))
            .map_or(0, |sign| sign.len());
        if let Some(second) = number_at(rest, gap + sign) {
            let unit_text = &text[span_end - unit_len..span_end];
            let second_unit = &rest[second.end..];
            if (unit_len > 0 && second_unit.starts_with(unit_text)) || (sign > 0 && unit_len == 0) {
                let unit = if sign > 0 && unit_len == 0 {
                    0
                } else {
                    unit_len
                };
                return span_end + separator.len() + second.end + unit;
            }
        }
        break;
    }
    // 3人に1人: the same counter on both sides.
    if unit_len > 0 {
        if let Some(rest) = after.strip_prefix('に') {
            if let Some(second) = number_at(rest, 0) {
                let unit_text = &text[span_end - unit_len..span_end];
                if rest[second.end..].starts_with(unit_text) {
                    return span_end + 'に'.len_utf8() + second.end + unit_len;
                }
            }
        }
    }
    span_end
}

/// "between 10 and 20 euro": a bare number that opens a range whose
/// second end is the figure, as the length of its text before the figure
/// (`10 and `), or 0.
fn bare_start_of_range(before: &str) -> usize {
    static OPENING: OnceLock<Regex> = OnceLock::new();
    if !before.ends_with(" and ") {
        return 0;
    }
    let tail = &before[crate::text::floor_char_boundary(before, before.len().saturating_sub(40))..];
    OPENING
        .get_or_init(|| super::compiled(r"(?i:(?-u:\b)between )[0-9][0-9,]*(?:\.[0-9]+)? and $"))
        .find(tail)
        .map_or(0, |found| tail.len() - found.start() - "between ".len())
}

/// Phase 7: the hedges around the figure (§6): `約`, `最大`, `以上`, `近く`,
/// "more than", "up to". `超え` is the verb "exceed", not the hedge `超`.
fn with_hedges(text: &str, mut start: usize, mut end: usize) -> (usize, usize) {
    // A space may stand between a figure and a Japanese hedge: `$50B 規模`.
    let gap = usize::from(text[end..].starts_with(' '));
    if let Some(hedge) = JA_SUFFIX_HEDGES
        .iter()
        .find(|hedge| text[end + gap..].starts_with(*hedge))
    {
        let after = &text[end + gap + hedge.len()..];
        let is_verb = *hedge == "超" && after.starts_with(['え', 'す']);
        // 近く and ほど are hedges after a figure, not "nearby" or "extent" words
        // that start a phrase: 近くの店.
        let is_word = matches!(*hedge, "近く" | "ほど") && after.starts_with('の');
        if !is_verb && !is_word {
            end += gap + hedge.len();
        }
    }
    let before = &text[..start];
    let spaced = before.strip_suffix(' ').unwrap_or(before);
    if let Some(hedge) = JA_PREFIX_HEDGES
        .iter()
        .find(|hedge| before.ends_with(*hedge))
    {
        start -= hedge.len();
    } else if let Some(hedge) = JA_PREFIX_HEDGES
        .iter()
        .find(|hedge| spaced.ends_with(*hedge))
    {
        start = spaced.len() - hedge.len();
    } else {
        let trimmed = before.trim_end_matches(' ');
        if trimmed.len() < before.len() {
            if let Some(hedge) = EN_PREFIX_HEDGES
                .iter()
                .find(|hedge| ends_with_ci(trimmed, hedge))
            {
                let hedge_start = trimmed.len() - hedge.len();
                let word_starts = trimmed[..hedge_start]
                    .chars()
                    .next_back()
                    .is_none_or(|ch| !ch.is_alphanumeric());
                if word_starts {
                    start = hedge_start;
                }
            }
        }
    }
    (start, end)
}

/// What every match of [`english_word_figures`] contains, found in one pass.
fn worded_marker() -> &'static aho_corasick::AhoCorasick {
    static MARKER: OnceLock<aho_corasick::AhoCorasick> = OnceLock::new();
    MARKER.get_or_init(|| {
        // Lower case and capitalised, not case-insensitive: a literal
        // search of a few dozen words runs on SIMD.
        let words = [
            "half",
            "third",
            "quarter",
            "fifth",
            "tenth",
            "thousands",
            "millions",
            "billions",
            "dozens",
            "hundreds",
            "one in ",
            "twice as",
            // Not " times ": a common word; only its comparatives.
            " times faster",
            " times slower",
            " times more",
            " times less",
            " times as",
            " times larger",
            " times smaller",
            " times higher",
            " times lower",
            " times bigger",
            " times cheaper",
            "two in ",
            "three in ",
            "fold",
        ];
        let capitalised = words.map(|word| {
            let mut capital = word.to_string();
            capital[..1].make_ascii_uppercase();
            capital
        });
        aho_corasick::AhoCorasick::new(words.iter().map(|word| word.to_string()).chain(capitalised))
            .expect("the worded markers build")
    })
}

/// Fractions and vague quantities in English words (§1): "more than half",
/// "a third of", "one-tenth", "one in five", "tens of thousands", "millions of".
fn english_word_figures(text: &str) -> Vec<Figure> {
    static WORDED: OnceLock<Regex> = OnceLock::new();
    let worded = WORDED.get_or_init(|| {
        super::compiled(concat!(
            r"(?i)(?-u:\b)(?:(?:more than|over|nearly|almost|about|around|roughly|under|up to) )?",
            r"(?:",
            r"(?:more than|over|nearly|almost) half(?-u:\b)",
            r"|half(?: of)?(?-u:\b)",
            r"|(?:a|one|two|three)[- ](?:third|quarter|fifth|tenth)s? of(?-u:\b)",
            r"|(?:one|two|three|four|nine)[- ](?:thirds?|quarters?|fifths?|tenths?)(?-u:\b)",
            r"|(?:one|two|three) in (?:three|four|five|six|seven|eight|nine|ten)(?-u:\b)",
            r"|(?:tens|hundreds) of (?:thousands|millions|billions)(?-u:\b)",
            r"|(?:dozens|hundreds|thousands|millions|billions) (?:of|more)(?-u:\b)",
            r"|(?:a|one) (?:third|quarter|fifth|tenth) (?:less|more|fewer)(?-u:\b)",
            r"|(?:only|just|less than|fewer than|some|more than|over|nearly|almost|about|around|roughly|under) (?:a|one) (?:third|quarter|fifth|tenth)(?-u:\b)",
            r"|(?:two|three|four|five|six|seven|eight|nine|ten) times (?:faster|slower|more|less|as|larger|smaller|higher|lower|bigger|cheaper)(?-u:\b)",
            r"|twice as(?-u:\b)",
            r"|(?:two|three|four|five|six|ten)fold(?-u:\b)",
            r"|(?:thousands|millions|billions) (?:a|per|each) (?:year|month|week|day|second)(?-u:\b)",
            // "cut costs by a quarter", "in the thousands".
            r"|by (?:a|one) (?:third|quarter|fifth|tenth)(?-u:\b)",
            // "…, and a quarter have no inventory": a share as the subject.
            r"|(?:a|one) (?:third|quarter|fifth|tenth) (?:have|had|are|were|say|said|use|used|lack|lacked|expect)(?-u:\b)",
            r"|in the (?:thousands|millions|billions)(?-u:\b)",
            r")"
        ))
    });
    let mut found = Vec::new();
    for hit in worded.find_iter(text) {
        let matched = hit.as_str().to_ascii_lowercase();
        // "half of" is the figure "half"; "the second half of 2025", "in
        // half", "half an hour" are not figures.
        let before = text[..hit.start()].trim_end().to_ascii_lowercase();
        let bare_half = matched == "half" || matched == "half of";
        if bare_half
            && ([
                "first", "second", "latter", "last", "other", "the", "in", "and",
            ]
            .iter()
            .any(|word| before.ends_with(word))
                || !text[hit.end()..].starts_with(' ')
                || !counts_people_or_things(&text[hit.end()..]))
        {
            continue;
        }
        // "dozens of startups", "hundreds of flights", "hundreds more": a
        // vague count of people or things that matter; "hundreds of lints",
        // "dozens of CVEs" say "many".
        let vague_many = matched.ends_with("dozens of") || matched.ends_with("hundreds of");
        if vague_many && !counts_people_or_things(&text[hit.end()..]) {
            continue;
        }
        let mut span = hit.range();
        // "only a third": "only" is no hedge of the convention's.
        for word in [
            "only ",
            "just ",
            "less than ",
            "fewer than ",
            "some ",
            "by ",
            "in the ",
        ] {
            if matched.starts_with(word) {
                span.start += word.len();
            }
        }
        // "a quarter have" → "a quarter": the verb stays out.
        const SHARE_VERBS: [&str; 11] = [
            " have", " had", " are", " were", " say", " said", " use", " used", " lack", " lacked",
            " expect",
        ];
        if let Some(verb) = SHARE_VERBS.iter().find(|verb| matched.ends_with(*verb)) {
            span.end -= verb.len();
        }
        // "three times faster" → "three times", "twice as" → "twice": the
        // comparative stays out.
        if let Some(at) = matched.find(" times ") {
            span.end = hit.start() + at + " times".len();
        } else if matched.ends_with("twice as") {
            span.end -= " as".len();
        }
        // "half of" → "half", "hundreds more" → "hundreds", "a third less"
        // → "a third": the counted thing and the comparative stay out.
        // "millions a day" → "millions": the rate's period stays out.
        if let Some(at) = [" a ", " per ", " each "]
            .iter()
            .filter_map(|rate| matched.find(rate))
            .next()
            .filter(|_| {
                ["year", "month", "week", "day", "second"]
                    .iter()
                    .any(|period| matched.ends_with(period))
            })
        {
            span.end = hit.start() + at;
        }
        for tail in [" of", " more", " less", " fewer"] {
            if matched.ends_with(tail) && !matched.ends_with(" times more") {
                span.end -= tail.len();
            }
        }
        let key = text[span.clone()].to_ascii_lowercase();
        found.push(Figure { span, key });
    }
    found
}

/// "half of all new code", "half our users": an unhedged "half" is a share
/// of people or things counted, not "half of the council terms", "passed
/// half in a register" or "a year and a half".
fn counts_people_or_things(after: &str) -> bool {
    after
        .split(|ch: char| !ch.is_ascii_alphabetic())
        .filter(|word| !word.is_empty())
        .take(4)
        .any(|word| {
            let word = word.to_ascii_lowercase();
            word == "all" || EN_COUNT_NOUNS.contains(&word.as_str())
        })
}

fn follows_month_name(before: &str) -> bool {
    let Some(word) = before
        .strip_suffix(' ')
        .and_then(|rest| rest.split(|ch: char| !ch.is_ascii_alphabetic()).next_back())
    else {
        return false;
    };
    names_a_month(word)
}

/// Kanji numbers are figures when vague (数百万, 十数) or at a large scale;
/// 一人, 三つ, 千葉 are everyday words.
fn is_plausible_kanji_figure(number: &str) -> bool {
    // 数人, 数社: "a few", not a figure; 数百万, 十数社 are.
    if number.starts_with(['万', '億', '兆']) || number == "数" {
        return false;
    }
    number.contains('数')
        || number.contains(['万', '億', '兆', '千'])
        || number.ends_with("半数")
        || number.contains('十')
}

/// 半分 is a share where a hedge or a particle of measure is around it:
/// 約半分, その半分もいかない, 半分以上, 半分程度, 半分を占める.
fn is_half_a_share(before: &str, after: &str) -> bool {
    let hedged_before = ["約", "ほぼ", "およそ", "その", "の"]
        .iter()
        .any(|word| before.ends_with(word));
    let measured_after = JA_SUFFIX_HEDGES
        .iter()
        .chain(&[
            "を占め",
            "に減",
            "に落ち",
            "にな",
            "にとどま",
            "強",
            "弱",
            "も",
        ])
        .any(|word| after.starts_with(word));
    hedged_before || measured_after
}

/// "more than 1,500 plugins", "About 200 of them": a count of a hundred or
/// more under a hedge is a figure whatever it counts, but for a time or a
/// size ("over 20 years" places a claim in time; "up to 128 bytes" is a
/// limit). Smaller hedged counts are figures with a counted noun only.
fn is_hedged_count(before: &str, number: &str, after: &str) -> bool {
    let before = before.trim_end_matches(' ');
    let hedged = EN_PREFIX_HEDGES
        .iter()
        .chain(&["fewer than", "less than", "at least", "an estimated"])
        .any(|hedge| ends_with_word(before, hedge));
    let ends = after.starts_with([' ', '.', ',', ';', ')']) || after.is_empty();
    if !hedged || !ends || number.contains(['.', '．']) {
        return false;
    }
    let next = next_word(after);
    numeric_value(number) >= 100.0
        && !is_a_year(number)
        && !TIMES_AND_SIZES.contains(&next.as_str())
        && !follows_month_name(&format!("{next} "))
}

/// 次の, 以下の, 下記の: what follows or precedes is the list being counted.
fn points_to_a_list(before: &str) -> bool {
    let before = before.trim_end_matches([' ', '\u{3000}']);
    [
        "次の",
        "以下の",
        "下記の",
        "上記の",
        "前述の",
        "これらの",
        "これら",
    ]
    .iter()
    .any(|word| before.ends_with(word))
}

/// Whether the sentence around `at` gives a product's or a system's
/// measurements: battery life, weight, range, memory, latency, boot or
/// rebuild time, power draw, retention. Elsewhere a hedged time or size
/// is most often the writer's own run, a requirement or an event's
/// schedule ("took about 70 seconds", "files under 512 KB").
fn states_a_spec(text: &str, at: usize) -> bool {
    static SPEC: OnceLock<Regex> = OnceLock::new();
    let spec = SPEC.get_or_init(|| {
        super::compiled(
            r"重さ|重量|容量|バッテリー|消費電力|(?i:(?-u:\b)(?:battery|lasts|lasted|weighs?|weight|range|(?:re)?charges?|RAM|memory|idles?|boot|latency|draws|power|rebuilds?|keeps)(?-u:\b))",
        )
    });
    let start = text[..at]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |end| end + 1);
    let end = text[at..]
        .find(['.', '!', '?', '\n'])
        .map_or(text.len(), |end| at + end);
    spec.is_match(&text[start..end])
}

/// The length of the unit after a number with an English prefix hedge
/// before it ("about 9 hours", "up to 70 km", "under 400 MB"), or 0. A
/// period that places something in time ("in about 3 days", "over the
/// past 5 years") is none, nor are years and months, which date.
fn hedged_measure(before: &str, after: &str) -> usize {
    const MEASURES: [&str; 20] = [
        "milliseconds",
        "seconds",
        "minutes",
        "hours",
        "days",
        "ms",
        "GB",
        "MB",
        "TB",
        "KB",
        "km",
        "kg",
        "g",
        "mph",
        "kWh",
        "kW",
        "W",
        "mAh",
        "fps",
        "Gbps",
    ];
    let before = before.trim_end_matches(' ');
    // 「重さ約48グラム」 reads by its unit; 「約210g」 by this.
    let Some(hedge) = EN_PREFIX_HEDGES
        .iter()
        .find(|hedge| ends_with_word(before, hedge))
        .or_else(|| {
            JA_PREFIX_HEDGES
                .iter()
                .find(|hedge| before.ends_with(*hedge))
        })
    else {
        return 0;
    };
    let ahead = before[..before.len() - hedge.len()].trim_end();
    let placed_in_time = [
        "in", "within", "after", "every", "for the", "last", "past", "next", "the",
    ]
    .iter()
    .any(|word| ends_with_word(ahead, word));
    if placed_in_time {
        return 0;
    }
    let spaced = after.trim_start_matches(' ');
    let gap = after.len() - spaced.len();
    if gap > 1 {
        return 0;
    }
    MEASURES
        .iter()
        .find(|unit| {
            spaced.starts_with(*unit)
                && !spaced[unit.len()..].starts_with(|ch: char| ch.is_alphanumeric())
        })
        .map_or(0, |unit| gap + unit.len())
}

/// "an average of 120 hours a year": a statistic, whatever it measures.
fn is_an_average(before: &str) -> bool {
    ends_with_ci(before, "an average of ") || ends_with_ci(before, "on average ")
}

/// "1,500 people", "500,000 indie developers": a count of things that
/// matter, the noun within three words.
fn english_count_noun(number: &str, after: &str) -> bool {
    if !after.starts_with(' ') {
        return false;
    }
    // Counted things are whole: "openSUSE 11.0 users" is a version.
    if number.contains(['.', '．']) {
        return false;
    }
    let value = numeric_value(number);
    if value < 10.0 && !number.contains(',') {
        return false;
    }
    // "2013 attendees" of "oSC 2013": a year.
    if is_a_year(number) {
        return false;
    }
    // The counted noun is in the same clause: "at 13:30 UTC. Attendees" is not.
    let clause = after
        .find(['.', ',', ';', ':', '!', '?', '(', '。', '、'])
        .map_or(after, |end| &after[..end]);
    clause
        .split(|ch: char| !ch.is_ascii_alphabetic() && ch != '-')
        .filter(|word| !word.is_empty())
        .take(3)
        .any(|word| EN_COUNT_NOUNS.contains(&word.to_ascii_lowercase().as_str()))
}

pub(super) fn numeric_value(number: &str) -> f64 {
    let ascii: String = number.nfkc().filter(|ch| *ch != ',').collect();
    ascii.parse().unwrap_or(f64::NAN)
}

/// The figure without hedges, NFKC and without separators: 「７５％」 and "75%" agree.
fn figure_key(figure: &str, currency: bool) -> String {
    let mut key: String = figure
        .nfkc()
        .filter(|ch| !matches!(ch, ',' | ' '))
        .collect::<String>()
        .to_lowercase();
    // `142x`, `142×`, `142 times` and `142倍` are one multiple (§5).
    for multiple in ["times", "x", "×"] {
        if let Some(number) = key.strip_suffix(multiple) {
            if number.ends_with(|ch: char| ch.is_ascii_digit()) {
                key = format!("{number}倍");
                break;
            }
        }
    }
    if currency {
        key.insert(0, '$');
    }
    key
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_block_table_holds_exactly_the_numerals() {
        for code in 0u32..=0x10FFFF {
            let Some(ch) = char::from_u32(code) else {
                continue;
            };
            let mut utf8 = [0; 4];
            let in_table =
                code <= 0xFFFF && NUMERALS_IN_BLOCK[(code >> 6) as usize] >> (code & 63) & 1 == 1;
            assert_eq!(in_table, is_numeral(ch), "{ch}");
            if is_numeral(ch) {
                assert_eq!(ch.len_utf8(), 3, "{ch}");
                assert_eq!(number_at(ch.encode_utf8(&mut utf8), 0), Some(0..3), "{ch}");
            }
        }
    }

    #[test]
    fn japanese_units_and_counters_start_past_ascii_but_for_percent() {
        for unit in JA_UNITS.iter().chain(DATE_COUNTERS) {
            assert!(
                unit.starts_with(|ch: char| !ch.is_ascii()) || *unit == "%",
                "{unit}"
            );
        }
        assert!(DATE_COUNTERS.iter().all(|counter| !counter.is_ascii()));
        assert_eq!(spans("50%off"), ["50%"]);
    }

    proptest::proptest! {
        /// The scan stops exactly where the number regex would next match.
        #[test]
        fn the_scan_agrees_with_the_number_regex(text in "[a-z0-9０-９ 、。一二十百万億数半過人年.,%/:;@\\[`{\u{7f}é😀]{0,40}") {
            let regex = regex_automata::meta::Regex::new(&number_pattern()).unwrap();
            let mut from = 0;
            loop {
                let unanchored = regex_automata::Input::new(&text).range(from..);
                let found = regex.find(unanchored);
                let expected = found.map(|found| found.start());
                proptest::prop_assert_eq!(next_number_start(&text, from), expected);
                // Anchored where the scan stops, the search finds the same number.
                if let Some(found) = found {
                    proptest::prop_assert_eq!(number_at(&text, found.start()), Some(found.range()));
                }
                match expected {
                    Some(start) => from = start + text[start..].chars().next().map_or(1, char::len_utf8),
                    None => break,
                }
            }
        }
    }

    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_figures(text)
            .into_iter()
            .map(|figure| &text[figure.span])
            .collect()
    }

    #[test]
    fn japanese_forms() {
        assert_eq!(spans("売上は約3割増えた"), ["約3割"]);
        assert_eq!(spans("75%以上の企業"), ["75%以上"]);
        assert_eq!(spans("数百万人規模のGPU"), ["数百万人規模"]);
        assert_eq!(spans("数千万ものCPU"), ["数千万"]);
        assert_eq!(spans("人口1億2千万人のうち"), ["1億2千万人"]);
        assert_eq!(spans("十数社が参入し、3兆円市場に"), ["十数社", "3兆円"]);
        assert_eq!(spans("４０％を超え、３．５倍に"), ["４０％", "３．５倍"]);
        assert_eq!(spans("10〜20%程度で済む"), ["10〜20%程度"]);
        assert_eq!(spans("1兆円を超えた"), ["1兆円"]);
        assert_eq!(spans("半数以上が使う"), ["半数以上"]);
        assert_eq!(spans("380億ドルの契約"), ["380億ドル"]);
        assert_eq!(spans("1件あたりの時間と4人分の材料"), Vec::<&str>::new());
    }

    #[test]
    fn japanese_spaced_as_zenn_writes_it() {
        assert_eq!(
            spans("市場は 1 兆 8,000 億円規模だ"),
            ["1 兆 8,000 億円規模"]
        );
        assert_eq!(
            spans("出荷は約 680 万頭で、2 万台"),
            ["約 680 万頭", "2 万台"]
        );
        assert_eq!(spans("投資額は 600 億〜650 億ドル"), ["600 億〜650 億ドル"]);
        assert_eq!(
            spans("ユーザは、数百〜100 万超 / 日に及びます"),
            ["数百〜100 万超"]
        );
        assert_eq!(
            spans("A taxi costs between 10 and 20 euro."),
            ["10 and 20 euro"]
        );
        assert_eq!(spans("between 200 and 500 visitors"), ["200 and 500"]);
        assert_eq!(
            spans("600 億ドルから 650 億ドルに"),
            ["600 億ドルから 650 億ドル"]
        );
        assert_eq!(spans("2024 年に 3 件"), ["3 件"]);
    }

    #[test]
    fn a_share_out_of_a_whole_but_not_a_rating() {
        assert_eq!(spans("9 out of 10 podcasts stall"), ["9 out of 10"]);
        assert_eq!(spans("237 out of 400 Members voted"), ["237 out of 400"]);
        assert!(spans("Would I buy it again? 10 out of 10, no notes.").is_empty());
    }

    #[test]
    fn japanese_non_claims() {
        for text in [
            "2026年末までに展開し、2027年以降も拡張する",
            "私が20年間この業界を見てきた",
            "NVIDIAのGB200やGB300、H100",
            "第3章で述べたとおり、3つ目のポイント",
            "千葉で十分に一緒に過ごした",
            "GPT-4とRust 1.80、v1.2.3",
            "一人で二台目を買った",
            "Skill は次の 3 か所に置けます。以下の5社を比べる",
        ] {
            assert_eq!(spans(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn english_forms_and_non_claims() {
        assert_eq!(spans("about 30% of teams"), ["about 30%"]);
        assert_eq!(spans("raised $3.2 billion from"), ["$3.2 billion"]);
        assert_eq!(spans("more than 1,500 people came"), ["more than 1,500"]);
        assert_eq!(spans("nearly 2 million downloads"), ["nearly 2 million"]);
        assert_eq!(
            spans("a 3x speedup and 40 percent less"),
            ["3x", "40 percent"]
        );
        assert_eq!(spans("Over 300 companies"), ["Over 300"]);
        assert_eq!(spans("a budget of $650k USD"), ["$650k USD"]);
        assert_eq!(
            spans("salary CA$150,000–CA$185,000 plus equity"),
            ["CA$150,000–CA$185,000"]
        );
        assert_eq!(spans("it costs A$49 or ABC$49"), ["A$49", "$49"]);
        assert_eq!(spans("a 65% layout, a 75% keyboard"), Vec::<&str>::new());
        assert_eq!(spans("it was added for 4.4 in 2009"), Vec::<&str>::new());
        assert_eq!(spans("Around 1 in 8 packages"), ["Around 1 in 8"]);
        assert_eq!(
            spans("win 10 Million US dollars"),
            ["10 Million US dollars"]
        );
        assert_eq!(spans("a tourist tax 1 EUR per person"), Vec::<&str>::new());
        assert_eq!(spans("over 300+ plugins"), ["over 300+"]);
        assert_eq!(spans("14+36+41=91 が成立"), Vec::<&str>::new());
        assert_eq!(
            spans("Forums have 46569 (+271) registered users"),
            Vec::<&str>::new()
        );
        assert_eq!(
            spans("openSUSE 11.0 users and 2x 160GB drives; 引数名"),
            Vec::<&str>::new()
        );
        for text in [
            "It ends on June 26 so attendees can travel",
            "In 2024 we shipped Rust 1.80",
            "step 2 of Chapter 4",
            "GPT-4 and H100",
            "https://x.test/100%/page",
            "I wrote 3 posts",
        ] {
            assert_eq!(spans(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn hedged_measurements_of_a_product() {
        assert_eq!(
            spans("the Halo buds' battery lasts about 9 hours per charge"),
            ["about 9 hours"]
        );
        assert_eq!(spans("The scooter weighs under 15 kg."), ["under 15 kg"]);
        assert_eq!(spans("it still idles under 400 MB"), ["under 400 MB"]);
        for text in [
            "zypper took about 70 seconds and included references.",
            "Ensure all files are under 512 KB.",
            "The battery dies in about 3 hours.",
            "a battery with a 16 GB cache",
            "The presentation last about 25 minutes.",
        ] {
            assert_eq!(spans(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn hedged_counts_worded_quantities_and_fractions() {
        assert_eq!(
            spans("there are more than 1,500 community plugins"),
            ["more than 1,500"]
        );
        assert_eq!(spans("About 200 of them were agents."), ["About 200"]);
        assert_eq!(spans("Human pickers manage about 150."), ["about 150"]);
        assert_eq!(
            spans("Roughly a quarter were traced"),
            ["Roughly a quarter"]
        );
        assert_eq!(spans("only a third still used one"), ["a third"]);
        assert_eq!(
            spans("three times faster and twice as small"),
            ["three times", "twice"]
        );
        assert_eq!(
            spans("up to 350 kW and 2,400 megawatts"),
            ["up to 350 kW", "2,400 megawatts"]
        );
        assert_eq!(spans("医師の4分の1が"), ["4分の1"]);
        assert_eq!(spans("太陽光が約半分を占める"), ["約半分"]);
        assert_eq!(spans("ピーク時の半分程度になった"), ["半分程度"]);
        assert_eq!(
            spans("納期は8か月程度まで延び、空き家は約4,000戸"),
            ["8か月程度", "約4,000戸"]
        );
        assert_eq!(spans("入れ替えには平均で6か月かかる"), ["6か月"]);
        assert_eq!(
            spans("Businesses lose an average of 120 hours a year"),
            ["120 hours"]
        );
        assert_eq!(
            spans("Dozens of startups pivoted, and hundreds more may follow"),
            ["Dozens", "hundreds"]
        );
        assert_eq!(spans("it uses a third less CPU"), ["a third"]);
        assert_eq!(
            spans("to install 5,000 public chargers and 312 buses"),
            ["5,000", "312"]
        );
        for text in [
            "cargo-semver-checks with its hundreds of lints",
            "it was three times in a row",
            "This release includes about 70 bug fixes",
            "Members have up to 16 December to vote",
            "limits the input up to 128 bytes",
            "hundreds of facets and dozens of universities",
            "リンゴを半分に切る",
            "3か月後に公開",
            "何十回も泣かされた",
            "mostly to Fortune 500 companies",
            "2.6% drivers/net/wireless/",
            "/dev/sdc1       15391664    38184   14571608  1%",
            "MCP 仕様 2025-06-18 では規定されている",
            "既定の 2001-01-01 基準の秒数",
            "released on 2024/06/18 to all",
        ] {
            assert_eq!(spans(text), Vec::<&str>::new(), "{text}");
        }
    }

    #[test]
    fn prose_with_stray_runs_of_spaces_is_not_a_listing() {
        assert_eq!(
            spans("projects and companies   participate and it   attracts nearly 12,000 visitors."),
            ["nearly 12,000"]
        );
    }

    #[test]
    fn a_proportion_is_one_figure_with_its_own_key() {
        let one_in_three = find_figures("1 in 3 cars");
        let one_in_seven = find_figures("1 in 7 cars");
        assert_ne!(one_in_three[0].key, one_in_seven[0].key);
    }

    #[test]
    fn a_multiple_has_one_key_however_it_is_written() {
        let keys: Vec<String> = ["142x", "142倍", "１４２倍", "142×", "142 times"]
            .iter()
            .map(|text| find_figures(&format!("{text} fewer tokens"))[0].key.clone())
            .collect();
        assert!(keys.iter().all(|key| key == "142倍"), "{keys:?}");
    }

    #[test]
    fn a_url_does_not_hide_the_figures_on_its_line() {
        assert_eq!(
            spans("It rose 20 percent <https://example.com/some/long/path>. Spain got almost 30%."),
            ["20 percent", "almost 30%"]
        );
    }
}
