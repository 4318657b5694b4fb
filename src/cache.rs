//! `--cache`: a file's findings, keyed by everything that decides them, so a
//! re-run over unchanged files does not lint them again.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Path, PathBuf};

/// A file's key: XXH3-128 of everything that decides its outcome.
pub type Key = u128;

/// What is cached: each file's outcome without the text, encoded with
/// postcard and decoded only when a worker needs it, and for each settled
/// file (see [`unchanged_key`]) the key of its bytes.
///
/// The file is the magic, the count of settled files, each its unchanged key
/// and the key of its bytes, then the entries one after another, each its
/// key, its length and its bytes, then a checksum of all that. Loading reads
/// it in one go and indexes it where it lies: no entry is copied or decoded
/// until it is asked for.
#[derive(Debug, Default)]
pub struct Entries {
    bytes: Vec<u8>,
    index: KeyMap<Range<usize>>,
    unchanged: KeyMap<Key>,
}

/// Keys are XXH3 hashes already: their low bits place them in a table as
/// well as any hasher would.
#[derive(Default)]
struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn write(&mut self, bytes: &[u8]) {
        self.0 = xxhash_rust::xxh3::xxh3_64_with_seed(bytes, self.0);
    }

    fn write_u128(&mut self, key: u128) {
        self.0 = key as u64;
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

type KeyMap<V> = HashMap<Key, V, std::hash::BuildHasherDefault<KeyHasher>>;

/// The start of every cache file, with the layout's version.
const MAGIC: &[u8; 16] = b"copydesk-cache\x003";

impl Entries {
    /// The entries, and the settled files' unchanged keys with their bytes' keys.
    pub fn new<Bytes: AsRef<[u8]>>(
        entries: impl IntoIterator<Item = (Key, Bytes)>,
        unchanged: impl IntoIterator<Item = (Key, Key)>,
    ) -> Entries {
        let unchanged: KeyMap<Key> = unchanged.into_iter().collect();
        let mut bytes = MAGIC.to_vec();
        bytes.extend_from_slice(&(unchanged.len() as u32).to_le_bytes());
        for (unchanged_key, key) in &unchanged {
            bytes.extend_from_slice(&unchanged_key.to_le_bytes());
            bytes.extend_from_slice(&key.to_le_bytes());
        }
        let mut index = KeyMap::default();
        for (key, entry) in entries {
            let entry = entry.as_ref();
            let Ok(length) = u32::try_from(entry.len()) else {
                continue;
            };
            bytes.extend_from_slice(&key.to_le_bytes());
            bytes.extend_from_slice(&length.to_le_bytes());
            index.insert(key, bytes.len()..bytes.len() + entry.len());
            bytes.extend_from_slice(entry);
        }
        Entries {
            bytes,
            index,
            unchanged,
        }
    }

    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// How many settled files the cache knows unread.
    pub fn unchanged_len(&self) -> usize {
        self.unchanged.len()
    }

    /// The entries in the layout of a cache file; `None` when it is not one,
    /// or was damaged: a damaged entry could decode to findings that are not
    /// the file's.
    fn decode(mut bytes: Vec<u8>) -> Option<Entries> {
        let entries_end = bytes.len().checked_sub(8)?;
        let checksum = u64::from_le_bytes(bytes[entries_end..].try_into().ok()?);
        bytes.truncate(entries_end);
        if !bytes.starts_with(MAGIC) || xxhash_rust::xxh3::xxh3_64(&bytes) != checksum {
            return None;
        }
        let key_at = |at: usize| Some(Key::from_le_bytes(bytes.get(at..at + 16)?.try_into().ok()?));
        let length_at =
            |at: usize| Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?));
        let settled = length_at(MAGIC.len())? as usize;
        let mut at = MAGIC.len() + 4;
        let mut unchanged = KeyMap::default();
        unchanged.reserve(settled.min(bytes.len() / 32));
        for _ in 0..settled {
            unchanged.insert(key_at(at)?, key_at(at + 16)?);
            at += 32;
        }
        let mut index = KeyMap::default();
        while at < bytes.len() {
            let key = key_at(at)?;
            let start = at + 20;
            let end = start.checked_add(length_at(at + 16)? as usize)?;
            bytes.get(start..end)?;
            index.insert(key, start..end);
            at = end;
        }
        Some(Entries {
            bytes,
            index,
            unchanged,
        })
    }

    /// The encoded outcome stored under a key, if any.
    pub fn bytes_of(&self, key: &Key) -> Option<&[u8]> {
        Some(&self.bytes[self.index.get(key)?.clone()])
    }

    /// The key of a settled file's bytes, by its unchanged key.
    pub fn key_of_unchanged(&self, unchanged_key: &Key) -> Option<Key> {
        self.unchanged.get(unchanged_key).copied()
    }
}

impl<Bytes: AsRef<[u8]>> FromIterator<(Key, Bytes)> for Entries {
    fn from_iter<T: IntoIterator<Item = (Key, Bytes)>>(entries: T) -> Entries {
        Entries::new(entries, [])
    }
}

/// Where a file's outcome stands with `--cache`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum CacheState {
    /// No cache, or an outcome that is not stored (a fix run).
    #[default]
    Off,
    /// Linted in this run; stored under `key` when there is one (a file that
    /// could not be read has none). `unchanged` is a settled file's key by
    /// its metadata (see [`unchanged_key`]).
    Linted {
        key: Option<Key>,
        unchanged: Option<Key>,
    },
    /// Read from the cache under `key`, after hashing the file's bytes.
    Hit { key: Key, unchanged: Option<Key> },
    /// Read from the cache by the file's metadata, without reading the file.
    HitUnread { key: Key, unchanged: Key },
}

impl CacheState {
    pub fn key(self) -> Option<Key> {
        match self {
            CacheState::Off => None,
            CacheState::Linted { key, .. } => key,
            CacheState::Hit { key, .. } | CacheState::HitUnread { key, .. } => Some(key),
        }
    }

    pub fn unchanged(self) -> Option<Key> {
        match self {
            CacheState::Off => None,
            CacheState::Linted { unchanged, .. } | CacheState::Hit { unchanged, .. } => unchanged,
            CacheState::HitUnread { unchanged, .. } => Some(unchanged),
        }
    }

    pub fn is_hit(self) -> bool {
        matches!(self, CacheState::Hit { .. } | CacheState::HitUnread { .. })
    }

    /// The same state, with the file's metadata key worked out before it was read.
    pub fn with_unchanged(self, unchanged: Option<Key>) -> CacheState {
        match self {
            CacheState::Off if unchanged.is_some() => CacheState::Linted {
                key: None,
                unchanged,
            },
            CacheState::Off => CacheState::Off,
            CacheState::Linted { key, .. } => CacheState::Linted { key, unchanged },
            CacheState::Hit { key, .. } => CacheState::Hit { key, unchanged },
            state @ CacheState::HitUnread { .. } => state,
        }
    }
}

/// The outcome stored under a key, if any.
pub fn get<Outcome: serde::de::DeserializeOwned>(entries: &Entries, key: &Key) -> Option<Outcome> {
    postcard::from_bytes(entries.bytes_of(key)?).ok()
}

/// What the cache needs of an outcome to store it.
pub struct Stored {
    /// The key of the file's bytes.
    pub key: Key,
    /// A settled file's key by its metadata.
    pub unchanged_key: Option<Key>,
    /// Whether the outcome was read from the cache, as stored under its key.
    pub from_cache: bool,
}

/// Rewrites the cache in `folder` with `outcomes`, unless every outcome was
/// a hit on `cached` and nothing in it changed. A hit is stored as it was
/// read (a damaged entry was a miss, and is replaced); only new outcomes are
/// encoded, in parallel. `stored` says how to store an outcome, or that it
/// must not be (a file that could not be read).
pub fn write_back<Outcome: serde::Serialize + Sync>(
    folder: &Path,
    cached: &Entries,
    outcomes: &[Outcome],
    stored: impl Fn(&Outcome) -> Option<Stored> + Sync,
) -> std::io::Result<()> {
    use rayon::prelude::*;
    let encoded: Vec<(Key, std::borrow::Cow<[u8]>)> = outcomes
        .par_iter()
        .filter_map(|outcome| {
            let how = stored(outcome)?;
            let hit = cached.bytes_of(&how.key).filter(|_| how.from_cache);
            let bytes = match hit {
                Some(hit) => std::borrow::Cow::Borrowed(hit),
                None => std::borrow::Cow::Owned(postcard::to_stdvec(outcome).ok()?),
            };
            Some((how.key, bytes))
        })
        .collect();
    let unchanged: Vec<(Key, Key)> = outcomes
        .iter()
        .filter_map(|outcome| {
            let how = stored(outcome)?;
            Some((how.unchanged_key?, how.key))
        })
        .collect();
    store(folder, &Entries::new(encoded, unchanged))
}

/// The key: copydesk's version, the config and the files it names, the
/// options that change results, the path, and the file's bytes.
///
/// XXH3-128: hashing the bytes is most of a warm run, and it runs at memory
/// speed, where SipHash does not; 128 bits make a collision out of reach.
pub fn key(config_fingerprint: u64, options: &str, path: &str, bytes: &[u8]) -> Key {
    hash_parts(config_fingerprint, options, path, b"bytes", bytes)
}

/// A settled file's unchanged key: as [`key`], but with the file's device,
/// inode, size and modification and change times in place of its bytes.
///
/// Like git's index, this lets a re-run skip reading a file that has not
/// changed. Any write to a file sets its change time to the present, which
/// no program can set back; so a file whose times are [`SETTLED_SECONDS`] in
/// the past, read after they were, still has the bytes that were read while
/// its unchanged key stays the same. A file changed more recently than that
/// is read every run, keyed by its bytes alone.
pub fn unchanged_key(config_fingerprint: u64, options: &str, path: &str, stat: &[i64]) -> Key {
    let stat: Vec<u8> = stat.iter().flat_map(|value| value.to_le_bytes()).collect();
    hash_parts(config_fingerprint, options, path, b"unchanged", &stat)
}

/// How old a file's times must be for its unchanged key to stand for its
/// bytes: more than the coarsest file-system clock (FAT's two seconds).
pub const SETTLED_SECONDS: i64 = 3;

fn hash_parts(
    config_fingerprint: u64,
    options: &str,
    path: &str,
    kind: &[u8],
    bytes: &[u8],
) -> Key {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    // Each part with its length, so no two different inputs run together.
    for part in [
        env!("CARGO_PKG_VERSION").as_bytes(),
        &config_fingerprint.to_le_bytes(),
        options.as_bytes(),
        path.as_bytes(),
        kind,
        bytes,
    ] {
        hasher.update(&(part.len() as u64).to_le_bytes());
        hasher.update(part);
    }
    hasher.digest128()
}

fn file(folder: &Path) -> PathBuf {
    folder.join(format!("copydesk-{}.bin", env!("CARGO_PKG_VERSION")))
}

/// The entries of the last run; nothing when there is no cache or it cannot be read.
pub fn load(folder: &Path) -> Entries {
    std::fs::read(file(folder))
        .ok()
        .and_then(Entries::decode)
        .unwrap_or_default()
}

/// Replaces the cache atomically, with this run's entries only, so it does not grow forever.
pub fn store(folder: &Path, entries: &Entries) -> std::io::Result<()> {
    std::fs::create_dir_all(folder)?;
    crate::write::replace_atomically(&file(folder), |out| {
        out.write_all(&entries.bytes)?;
        out.write_all(&xxhash_rust::xxh3::xxh3_64(&entries.bytes).to_le_bytes())
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
        let config = crate::discover::ConfigResolver::new(None, Default::default())
            .unwrap()
            .for_file(&post)
            .unwrap();
        let options = crate::check::CheckOptions {
            quiet: false,
            keep_text: false,
            fix: crate::check::FixMode::Report,
            unsafe_fixes: false,
            language: copydesk_core::Language::En,
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
        let encoded = postcard::to_stdvec(&outcome).unwrap();
        let entries: Entries = [(7, encoded.clone()), (9, b"other".to_vec())]
            .into_iter()
            .collect();
        let back: crate::check::FileOutcome = get(&entries, &7).expect("the entry decodes");
        assert_eq!(format!("{back:?}"), format!("{outcome:?}"));
        // What is stored is what is loaded.
        store(dir.path(), &entries).unwrap();
        let loaded = load(dir.path());
        assert_eq!(loaded.len(), 2);
        let back: crate::check::FileOutcome = get(&loaded, &7).expect("the stored entry decodes");
        assert_eq!(format!("{back:?}"), format!("{outcome:?}"));
        assert!(get::<crate::check::FileOutcome>(&loaded, &8).is_none());
        // A damaged entry is a miss, not an error.
        let damaged: Entries = [(7, encoded[..10].to_vec())].into_iter().collect();
        assert!(get::<crate::check::FileOutcome>(&damaged, &7).is_none());
    }

    /// A cut or garbled cache file is no cache, never a crash or a wrong hit.
    #[test]
    fn a_damaged_cache_file_is_empty() {
        let dir = tempfile::TempDir::new().unwrap();
        let entries = Entries::new([(1, vec![1, 2, 3]), (2, vec![4; 40])], [(11, 1), (12, 2)]);
        store(dir.path(), &entries).unwrap();
        let stored = std::fs::read(file(dir.path())).unwrap();
        let whole = Entries::decode(stored.clone()).expect("the stored file decodes");
        assert_eq!(whole.len(), 2);
        assert_eq!(whole.unchanged_len(), 2);
        assert_eq!(whole.bytes_of(&2), Some(&[4u8; 40][..]));
        assert_eq!(whole.key_of_unchanged(&12), Some(2));
        assert_eq!(whole.key_of_unchanged(&2), None);
        for cut in 0..stored.len() {
            assert!(
                Entries::decode(stored[..cut].to_vec()).is_none(),
                "cut at {cut}"
            );
        }
        for at in 0..stored.len() {
            let mut garbled = stored.clone();
            garbled[at] ^= 0x10;
            assert!(Entries::decode(garbled).is_none(), "byte {at} changed");
        }
    }
}
