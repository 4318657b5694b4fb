//! Fixing any document: the result parses again, and once the fixes settle a
//! second pass changes nothing.
#![no_main]

use std::sync::OnceLock;

use copydesk_core::fix::{apply_fixes, fix_until_settled};
use copydesk_core::{check, Config, Document, Source};
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
    let Ok(source) = Source::from_bytes(bytes.to_vec()) else {
        return;
    };
    let rule_set = config().rule_set_for("post.md").expect("rules build");
    let outcome = fix_until_settled("post.md", source, &rule_set, true, 10);
    let fixed = Document::parse("post.md", Source::new(outcome.text.clone()));
    let remaining = check(&fixed, &rule_set);
    if outcome.unsettled.is_empty() {
        let (again, applied) = apply_fixes(&outcome.text, &remaining, true);
        assert!(applied.is_empty(), "fixes left after settling: {applied:?}");
        assert_eq!(again, outcome.text);
    }
});
