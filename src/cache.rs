//! `--cache`: a file's findings, keyed by everything that decides them, so a
//! re-run over unchanged files does not lint them again.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::path::{Path, PathBuf};

use crate::check::FileOutcome;

/// What is cached of a file: its outcome without the text, kept as JSON until
/// a worker needs it, so reading the cache is one quick pass.
pub type Entries = HashMap<String, Box<serde_json::value::RawValue>>;

/// The outcome stored under a key, if any.
pub fn get(entries: &Entries, key: &str) -> Option<FileOutcome> {
    serde_json::from_str(entries.get(key)?.get()).ok()
}

/// An outcome as a cache entry.
pub fn entry(outcome: &FileOutcome) -> Option<Box<serde_json::value::RawValue>> {
    serde_json::value::to_raw_value(outcome).ok()
}

/// The key: copydesk's version, the config and the files it names, the
/// options that change results, the path, and the file's bytes.
pub fn key(config_fingerprint: u64, options: &str, path: &str, bytes: &[u8]) -> String {
    let mut hasher = std::hash::DefaultHasher::new();
    env!("CARGO_PKG_VERSION").hash(&mut hasher);
    config_fingerprint.hash(&mut hasher);
    options.hash(&mut hasher);
    path.hash(&mut hasher);
    bytes.hash(&mut hasher);
    format!("{:016x}", hasher.finish())
}

fn file(folder: &Path) -> PathBuf {
    folder.join(format!("copydesk-{}.json", env!("CARGO_PKG_VERSION")))
}

/// The entries of the last run; nothing when there is no cache or it cannot be read.
pub fn load(folder: &Path) -> Entries {
    std::fs::read(file(folder))
        .ok()
        .and_then(|bytes| serde_json::from_slice(&bytes).ok())
        .unwrap_or_default()
}

/// Replaces the cache atomically, with this run's entries only, so it does not grow forever.
pub fn store(folder: &Path, entries: &Entries) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    crate::write::replace_atomically(&file(folder), |out| {
        Ok(serde_json::to_writer(out, entries)?)
    })?;
    // Tools that walk the tree should not descend into it.
    let _ = std::fs::write(folder.join(".gitignore"), "*\n");
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_outcome_round_trips() {
        let dir = tempfile::TempDir::new().unwrap();
        let post = dir.path().join("post.md");
        std::fs::write(
            &post,
            "---\ntitle: T\nreading_time: 9\n---\n\nT\n\n約3割が増えた。\n",
        )
        .unwrap();
        let config = crate::discover::ConfigResolver::new(None)
            .unwrap()
            .for_file(&post)
            .unwrap();
        let options = crate::check::CheckOptions {
            quiet: false,
            keep_text: false,
            fix: crate::check::FixMode::Report,
            unsafe_fixes: false,
        };
        let bytes = std::fs::read(&post).unwrap();
        let (outcome, _) = crate::check::check_text("post.md", &bytes, &config, &post, options);
        assert!(!outcome.diagnostics.is_empty());
        let entries: Entries = [("k".to_string(), entry(&outcome).unwrap())].into();
        let back = serde_json::from_str::<FileOutcome>(entries["k"].get());
        let back = back.unwrap_or_else(|error| panic!("{error}: {}", entries["k"].get()));
        assert_eq!(format!("{back:?}"), format!("{outcome:?}"));
    }
}
