//! Any bytes, parsed and checked by every rule and shipped pack: no panic,
//! and every range in bounds and on character boundaries.
#![no_main]

use copydesk_core::check_bytes;
use copydesk_fuzz::config;
use libfuzzer_sys::fuzz_target;

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
