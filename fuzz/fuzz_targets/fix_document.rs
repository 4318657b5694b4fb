//! Fixing any document: the result parses again, and once the fixes settle a
//! second pass changes nothing.
#![no_main]

use copydesk_core::fix::{apply_fixes, fix_until_settled};
use copydesk_core::{check, Document, Source};
use copydesk_fuzz::config;
use libfuzzer_sys::fuzz_target;

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
