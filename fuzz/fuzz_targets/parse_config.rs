//! Any text as a config, and as the vocabulary or pack it names: an error or
//! a config, never a panic.
#![no_main]

use copydesk_core::packs::Pack;
use copydesk_core::vocabulary::Vocabulary;
use copydesk_core::Config;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|bytes: &[u8]| {
    let Ok(text) = std::str::from_utf8(bytes) else { return };
    // Every file the config names reads as the same text.
    let _ = Config::from_yaml_with(text, &|_: &str| Ok(text.to_string()));
    let _ = Vocabulary::from_yaml(text).map(|vocabulary| vocabulary.lookup("rust") == vocabulary.lookup("Rust"));
    let _ = Pack::from_yaml(text);
});
