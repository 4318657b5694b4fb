//! Properties over arbitrary input: no panic, every range in bounds and on
//! character boundaries, positions that round-trip, fixes that settle.

use copydesk_core::fix::{apply_fixes, fix_until_settled};
use copydesk_core::{check, check_bytes, ColumnEncoding, Config, Document, Source, TextSize};
use proptest::prelude::*;

/// Pieces that make the parsers take their interesting paths.
const FRAGMENTS: &[&str] = &[
    "---\n",
    "+++\n",
    "...\n",
    "title: ",
    "tags: [",
    "]",
    ", ",
    "- ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\r",
    "\u{feff}",
    "# ",
    "## ",
    "**",
    "*",
    "_",
    "`",
    "```\n",
    "> ",
    "1. ",
    "[link](https://x.test/1)",
    "[in](/2025/11/x)",
    "[^1]",
    "[^1]: source\n",
    "<!-- copydesk-disable-next-line duplicated-title -->",
    "<!-- copydesk-disable -->",
    "{% x %}",
    "{{ y }}",
    "旅😀と本",
    "約3割",
    "75%以上",
    "380億ドル",
    "数百万人",
    "$3.2 billion",
    "more than 1,500 people",
    "によると",
    "。",
    "「",
    "」",
    "Title",
    "reading_time: 8",
    "date: 2025-02-30",
    "&amp;",
    "\\*",
    "|a|b|\n|-|-|\n",
    "ＡＷＳ",
    "です。",
    "、",
    "（",
    ")",
    "ｶﾀｶﾅ",
    "情報処理推進機構",
    "解析することができます",
    "検査を行う",
    "かもしれない",
    "{% highlight ruby %}\n",
    "{% endhighlight %}\n",
    "である。",
    "---END---",
    "\"",
    "'",
    ": ",
    "&a [1]",
    "*a",
    "? ",
    "😀",
    "\u{0}",
];

fn markdownish() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(FRAGMENTS), 0..60).prop_map(|pieces| pieces.concat())
}

/// Every shipped pack, with every rule of `ja-technical-writing` on.
fn config() -> Config {
    let pack = copydesk_core::packs::shipped("ja-technical-writing").unwrap();
    let mut yaml =
        "packs: [generator-leftovers, ja-style, ja-technical-writing]\npack-rules:\n".to_string();
    for rule in &pack.rules {
        yaml.push_str(&format!("  {}: warning\n", pack.rule_name(rule)));
    }
    Config::from_yaml(&yaml).unwrap()
}

fn assert_ranges_are_sound(text: &str, document: &Document, config: &Config) {
    let rule_set = config.rule_set_for("post.md").unwrap();
    for diagnostic in check(document, &rule_set) {
        let ranges = std::iter::once(diagnostic.range).chain(
            diagnostic
                .fix
                .iter()
                .flat_map(|fix| fix.edits.iter().map(|edit| edit.range)),
        );
        for range in ranges {
            let (start, end) = (usize::from(range.start()), usize::from(range.end()));
            assert!(
                start <= end && end <= text.len(),
                "{}: {start}..{end} out of 0..{}",
                diagnostic.rule,
                text.len()
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{}: {start}..{end} splits a character",
                diagnostic.rule
            );
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        let config = config();
        let rule_set = config.rule_set_for("post.md").unwrap();
        let result = check_bytes("post.md", bytes.clone(), &rule_set);
        for diagnostic in &result.diagnostics {
            prop_assert!(usize::from(diagnostic.range.end()) <= bytes.len().max(1));
        }
    }

    #[test]
    fn diagnostic_ranges_are_in_bounds_and_on_character_boundaries(text in markdownish()) {
        let config = config();
        let document = Document::parse("post.md", Source::new(text.clone()));
        assert_ranges_are_sound(&text, &document, &config);
    }

    #[test]
    fn positions_round_trip_in_every_encoding(text in markdownish(), pick in any::<prop::sample::Index>()) {
        let source = Source::new(text.clone());
        // Every character boundary but the one inside a CRLF, which is no position.
        let boundaries: Vec<usize> = (usize::from(source.content_start())..=text.len())
            .filter(|&at| text.is_char_boundary(at))
            .filter(|&at| !(text[..at].ends_with('\r') && text[at..].starts_with('\n')))
            .collect();
        let offset = TextSize::from(boundaries[pick.index(boundaries.len())] as u32);
        for encoding in [ColumnEncoding::Utf8, ColumnEncoding::Utf16, ColumnEncoding::Chars] {
            let position = source.position(offset, encoding);
            prop_assert_eq!(source.offset(position, encoding), Some(offset), "{:?} at {:?}", encoding, position);
        }
    }

    #[test]
    fn fixes_settle_and_a_second_pass_changes_nothing(text in markdownish()) {
        let config = config();
        let rule_set = config.rule_set_for("post.md").unwrap();
        let outcome = fix_until_settled("post.md", Source::new(text), &rule_set, true, 10);
        let fixed = Document::parse("post.md", Source::new(outcome.text.clone()));
        let remaining = check(&fixed, &rule_set);
        let (again, applied) = apply_fixes(&outcome.text, &remaining, true);
        prop_assert!(applied.is_empty() || !outcome.unsettled.is_empty(), "still fixing {:?}", applied);
        if outcome.unsettled.is_empty() {
            prop_assert_eq!(again, outcome.text);
        }
    }
}
