//! What the fuzz targets share.

use std::sync::OnceLock;

use copydesk_core::Config;

/// The config every target lints with: every shipped pack, with the rules
/// that are off by default turned on too.
pub fn config() -> &'static Config {
    static CONFIG: OnceLock<Config> = OnceLock::new();
    CONFIG.get_or_init(|| {
        Config::from_yaml(
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
