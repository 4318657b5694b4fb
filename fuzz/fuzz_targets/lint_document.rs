//! Any bytes, parsed and checked by every rule and shipped pack: no panic,
//! and every range in bounds and on character boundaries.
#![no_main]

use std::sync::OnceLock;

use copydesk_core::{check_bytes, Config};
use libfuzzer_sys::fuzz_target;

fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::from_yaml(
            // Every shipped pack, with the rules that are off by default on.
            "packs: [generator-leftovers, ja-style, ja-technical-writing]\n\
             pack-rules:\n\
             \x20 ja-technical-writing/sentence-length: warning\n\
             \x20 ja-technical-writing/max-ten: warning\n\
             \x20 ja-technical-writing/ja-no-redundant-expression-strict: warning\n\
             \x20 ja-technical-writing/no-mix-dearu-desumasu: warning\n\
             \x20 ja-technical-writing/ja-no-weak-phrase: warning\n\
             \x20 ja-technical-writing/no-hankaku-kana: warning\n\
             \x20 ja-technical-writing/max-kanji-continuous-len: warning\n",
        )
        .expect("valid config")
    })
}

fuzz_target!(|bytes: &[u8]| {
    let rule_set = config()
        .rule_set_for("_posts/2025-01-01-post.md")
        .expect("rules build");
    let result = check_bytes("_posts/2025-01-01-post.md", bytes.to_vec(), &rule_set);
    let Ok(document) = result.document else {
        return;
    };
    let text = document.source.text();
    for diagnostic in &result.diagnostics {
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
                "{}: {start}..{end} out of bounds",
                diagnostic.rule
            );
            assert!(
                text.is_char_boundary(start) && text.is_char_boundary(end),
                "{}: splits a character",
                diagnostic.rule
            );
        }
    }
});
