//! `--cache`: a file's findings, keyed by everything that decides them, so a
//! re-run over unchanged files does not lint them again.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use crate::check::FileOutcome;

/// What is cached of a file: its outcome without the text, encoded with
/// postcard and decoded only when a worker needs it. Loading is one pass that
/// copies bytes, and decoding is several times faster than JSON's.
pub type Entries = HashMap<String, Vec<u8>>;

/// The outcome stored under a key, if any.
pub fn get(entries: &Entries, key: &str) -> Option<FileOutcome> {
    postcard::from_bytes(entries.get(key)?).ok()
}

/// An outcome as a cache entry.
pub fn entry(outcome: &FileOutcome) -> Option<Vec<u8>> {
    postcard::to_stdvec(outcome).ok()
}

/// The key: copydesk's version, the config and the files it names, the
/// options that change results, the path, and the file's bytes.
///
/// XXH3-128: hashing the bytes is most of a warm run, and it runs at memory
/// speed, where SipHash does not; 128 bits make a collision out of reach.
pub fn key(config_fingerprint: u64, options: &str, path: &str, bytes: &[u8]) -> String {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    // Each part with its length, so no two different inputs run together.
    for part in [
        env!("CARGO_PKG_VERSION").as_bytes(),
        &config_fingerprint.to_le_bytes(),
        options.as_bytes(),
        path.as_bytes(),
        bytes,
    ] {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    format!("{:032x}", hasher.digest128())
}

fn file(folder: &Path) -> PathBuf {
    folder.join(format!("copydesk-{}.bin", env!("CARGO_PKG_VERSION")))
}

/// The entries of the last run; nothing when there is no cache or it cannot be read.
pub fn load(folder: &Path) -> Entries {
    std::fs::read(file(folder))
        .ok()
        .and_then(|bytes| postcard::from_bytes(&bytes).ok())
        .unwrap_or_default()
}

/// Replaces the cache atomically, with this run's entries only, so it does not grow forever.
pub fn store(folder: &Path, entries: &Entries) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    crate::write::replace_atomically(&file(folder), |out| {
        let encoded = postcard::to_stdvec(entries).map_err(std::io::Error::other)?;
        out.write_all(&encoded)
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
        let (outcome, _) = crate::check::check_text(
            "post.md",
            &bytes,
            &config,
            &config.relative_path(&post),
            options,
        );
        assert!(!outcome.diagnostics.is_empty());
        let entries: Entries = [("k".to_string(), entry(&outcome).unwrap())].into();
        let back = get(&entries, "k").expect("the entry decodes");
        assert_eq!(format!("{back:?}"), format!("{outcome:?}"));
        // A damaged entry is a miss, not an error.
        let damaged: Entries = [("k".to_string(), entries["k"][..10].to_vec())].into();
        assert!(get(&damaged, "k").is_none());
    }
}
