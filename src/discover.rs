//! Finding files to lint and the config that applies to each.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{Arc, OnceLock};

use copydesk_core::{Config, Language};

pub const CONFIG_NAMES: [&str; 2] = [".copydesk.yml", ".copydesk.yaml"];

/// A config and the folder its globs are relative to.
#[derive(Debug)]
pub struct LoadedConfig {
    pub config: Config,
    pub root: PathBuf,
    /// A hash of the config's text and every file it named, for `--cache`.
    pub fingerprint: u64,
    /// The config and every file it named, with their modification times
    /// when read: the language server reloads when one of them changes.
    pub files: Vec<(PathBuf, Option<std::time::SystemTime>)>,
}

/// When `path` was last modified, if it can be told.
fn modified(path: &Path) -> Option<std::time::SystemTime> {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .ok()
}

impl LoadedConfig {
    /// The path relative to this config's folder, with `/`, for globs.
    pub fn relative_path(&self, path: &Path) -> String {
        let absolute = absolute(path);
        let relative = absolute.strip_prefix(&self.root).unwrap_or(&absolute);
        slash_path(relative)
    }
}

/// `std::path::absolute`, with the working directory read once per run:
/// reading it is a system call, and every file asks, twice.
fn absolute(path: &Path) -> PathBuf {
    static WORKING_DIRECTORY: OnceLock<Option<PathBuf>> = OnceLock::new();
    let anchored = match WORKING_DIRECTORY.get_or_init(|| std::env::current_dir().ok()) {
        Some(folder) if path.is_relative() => &folder.join(path),
        _ => path,
    };
    std::path::absolute(anchored).unwrap_or_else(|_| path.to_path_buf())
}

pub fn slash_path(path: &Path) -> String {
    let text = path.to_string_lossy().replace('\\', "/");
    text.strip_prefix("./").map(str::to_string).unwrap_or(text)
}

/// A config file that could not be used.
#[derive(Debug)]
pub struct ConfigFailure {
    pub path: PathBuf,
    pub message: String,
}

impl std::fmt::Display for ConfigFailure {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.path.display(), self.message)
    }
}

pub fn load_config(path: &Path) -> Result<LoadedConfig, ConfigFailure> {
    let failure = |message: String| ConfigFailure {
        path: path.to_path_buf(),
        message,
    };
    let text = std::fs::read_to_string(path).map_err(|error| failure(describe_io_error(&error)))?;
    let absolute = std::path::absolute(path).map_err(|error| failure(error.to_string()))?;
    let root = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
    // Everything the config reads goes into its fingerprint, for `--cache`.
    let read = std::cell::RefCell::new(vec![text.clone()]);
    let files = std::cell::RefCell::new(vec![(path.to_path_buf(), modified(path))]);
    let load = |relative: &str| {
        let named = root.join(relative);
        files.borrow_mut().push((named.clone(), modified(&named)));
        let loaded = read_beside_config(&root, relative)?;
        read.borrow_mut().push(loaded.clone());
        Ok(loaded)
    };
    let config =
        Config::from_yaml_with(&text, &load).map_err(|error| failure(error.to_string()))?;
    let fingerprint = {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::hash::DefaultHasher::new();
        read.borrow().hash(&mut hasher);
        root.hash(&mut hasher);
        hasher.finish()
    };
    Ok(LoadedConfig {
        config,
        root,
        fingerprint,
        files: files.into_inner(),
    })
}

/// Reads a file a config names. It must stay inside the config's folder:
/// a config from an untrusted branch must not read the rest of the machine.
fn read_beside_config(root: &Path, relative: &str) -> Result<String, String> {
    let path = Path::new(relative);
    let escapes = path.is_absolute()
        || path
            .components()
            .try_fold(0usize, |depth, component| match component {
                std::path::Component::ParentDir => depth.checked_sub(1),
                std::path::Component::Normal(_) => Some(depth + 1),
                _ => Some(depth),
            })
            .is_none();
    if escapes {
        return Err(format!(
            "{relative}: refused: files named in a config must be inside its folder"
        ));
    }
    let full = root.join(path);
    let canonical_root = root
        .canonicalize()
        .map_err(|error| format!("{}: {error}", root.display()))?;
    let canonical = full
        .canonicalize()
        .map_err(|error| format!("{relative}: {}", describe_io_error(&error)))?;
    if !canonical.starts_with(&canonical_root) {
        return Err(format!(
            "{relative}: refused: it links outside the config's folder"
        ));
    }
    std::fs::read_to_string(&canonical)
        .map_err(|error| format!("{relative}: {}", describe_io_error(&error)))
}

/// Finds the nearest config by walking up from each file's folder; caches
/// per folder. Without one, the embedded defaults apply from the current folder.
pub struct ConfigResolver {
    fixed: Option<Arc<LoadedConfig>>,
    default: Arc<LoadedConfig>,
    by_folder: HashMap<PathBuf, Arc<LoadedConfig>>,
    languages: Languages,
}

/// Where the language of messages comes from, besides each config's
/// `language:`: `--lang` over it, the locale or the editor's under it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Languages {
    pub flag: Option<Language>,
    pub fallback: Option<Language>,
}

impl Languages {
    /// `--lang`, else the config's, else the locale.
    pub fn from_command_line(flag: Option<crate::args::Language>) -> Languages {
        Languages {
            flag: flag.map(Into::into),
            fallback: crate::args::locale_language(),
        }
    }

    /// Gives a loaded config its language; the language is part of the
    /// fingerprint, since `--cache` stores messages.
    fn apply(self, mut loaded: LoadedConfig) -> LoadedConfig {
        loaded.config.choose_language(self.flag, self.fallback);
        let language = loaded.config.language();
        if language != Language::En {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            (loaded.fingerprint, language.code()).hash(&mut hasher);
            loaded.fingerprint = hasher.finish();
        }
        loaded
    }
}

impl ConfigResolver {
    pub fn new(
        explicit: Option<&Path>,
        languages: Languages,
    ) -> Result<ConfigResolver, ConfigFailure> {
        let fixed = explicit
            .map(load_config)
            .transpose()?
            .map(|loaded| Arc::new(languages.apply(loaded)));
        let root = std::env::current_dir().unwrap_or_default();
        Ok(ConfigResolver {
            fixed,
            default: Arc::new(languages.apply(LoadedConfig {
                config: Config::default(),
                root,
                fingerprint: 0,
                files: Vec::new(),
            })),
            by_folder: HashMap::new(),
            languages,
        })
    }

    /// The language of messages about the run as a whole: that of the
    /// config for the current folder.
    pub fn run_language(&mut self) -> Language {
        let folder = std::env::current_dir().unwrap_or_default();
        match &self.fixed {
            Some(fixed) => fixed.config.language(),
            None => self
                .for_folder(&folder)
                .map_or(self.default.config.language(), |loaded| {
                    loaded.config.language()
                }),
        }
    }

    pub fn for_file(&mut self, file: &Path) -> Result<Arc<LoadedConfig>, ConfigFailure> {
        if let Some(fixed) = &self.fixed {
            return Ok(Arc::clone(fixed));
        }
        let absolute = absolute(file);
        let folder = absolute.parent().map(Path::to_path_buf).unwrap_or_default();
        self.for_folder(&folder)
    }

    /// Whether a config or a file it named has changed on disk since it was
    /// read (its modification time differs, or it appeared or went away).
    pub fn changed_on_disk(&self) -> bool {
        self.fixed
            .iter()
            .chain(self.by_folder.values())
            .flat_map(|loaded| &loaded.files)
            .any(|(path, when)| modified(path) != *when)
    }

    fn for_folder(&mut self, folder: &Path) -> Result<Arc<LoadedConfig>, ConfigFailure> {
        if let Some(found) = self.by_folder.get(folder) {
            return Ok(Arc::clone(found));
        }
        let found = match CONFIG_NAMES
            .iter()
            .map(|name| folder.join(name))
            .find(|path| path.is_file())
        {
            Some(path) => Arc::new(self.languages.apply(load_config(&path)?)),
            None => match folder.parent() {
                Some(parent) => self.for_folder(parent)?,
                None => Arc::clone(&self.default),
            },
        };
        self.by_folder
            .insert(folder.to_path_buf(), Arc::clone(&found));
        Ok(found)
    }
}

/// A file to lint, with its config.
pub struct Target {
    pub path: PathBuf,
    pub config: Arc<LoadedConfig>,
    /// The path relative to the config's folder, as its globs see it.
    pub relative: String,
}

impl Target {
    fn new(path: PathBuf, config: Arc<LoadedConfig>) -> Target {
        let relative = config.relative_path(&path);
        Target {
            path,
            config,
            relative,
        }
    }
}

/// A path that could not be walked, or a post that could not be read.
pub struct WalkFailure {
    pub path: String,
    pub message: String,
}

impl Target {
    /// The post's bytes, or why they cannot be read: how every command reads
    /// a post it was given, and names one it could not read.
    pub fn read(&self) -> Result<Vec<u8>, WalkFailure> {
        std::fs::read(&self.path).map_err(|error| self.failure(describe_io_error(&error)))
    }

    pub fn failure(&self, message: String) -> WalkFailure {
        WalkFailure {
            path: slash_path(&self.path),
            message,
        }
    }
}

/// Expands the paths given on the command line, sorted by path.
pub fn targets(
    paths: &[PathBuf],
    resolver: &mut ConfigResolver,
) -> Result<(Vec<Target>, Vec<WalkFailure>), ConfigFailure> {
    let mut found = Vec::new();
    let mut failures = Vec::new();
    for path in paths {
        let metadata = match std::fs::metadata(path) {
            Ok(metadata) => metadata,
            Err(error) => {
                failures.push(WalkFailure {
                    path: slash_path(path),
                    message: describe_io_error(&error),
                });
                continue;
            }
        };
        if !metadata.is_dir() {
            // A FIFO or device named on the command line would block a read
            // forever. (Walked entries are regular files already.)
            if !metadata.is_file() {
                failures.push(WalkFailure {
                    path: slash_path(path),
                    message: "not a regular file".to_string(),
                });
                continue;
            }
            let config = resolver.for_file(path)?;
            found.push(Target::new(path.clone(), config));
            continue;
        }
        let walker = ignore::WalkBuilder::new(path).require_git(false).build();
        // Files come folder by folder: the config and the relative path of
        // the folder are worked out once for all its files.
        let mut folder: Option<(PathBuf, Arc<LoadedConfig>, String)> = None;
        for entry in walker {
            let entry = match entry {
                Ok(entry) => entry,
                Err(error) => {
                    failures.push(WalkFailure {
                        path: slash_path(path),
                        message: error.to_string(),
                    });
                    continue;
                }
            };
            if !entry.file_type().is_some_and(|kind| kind.is_file()) {
                continue;
            }
            let file = entry.into_path();
            let (Some(parent), Some(name)) = (file.parent(), file.file_name()) else {
                continue;
            };
            let same_folder = folder
                .as_ref()
                .is_some_and(|(known, _, _)| known.as_os_str() == parent.as_os_str());
            if !same_folder {
                let config = resolver.for_file(&file)?;
                let relative = config.relative_path(parent);
                folder = Some((parent.to_path_buf(), config, relative));
            }
            let Some((_, config, relative_folder)) = &folder else {
                continue;
            };
            let name = name.to_string_lossy();
            let relative = if relative_folder.is_empty() {
                name.into_owned()
            } else {
                format!("{relative_folder}/{name}")
            };
            if config.config.is_included(&relative) {
                found.push(Target {
                    path: file,
                    config: Arc::clone(config),
                    relative,
                });
            }
        }
    }
    // Byte order is the order of the paths as strings, which reports use,
    // and much cheaper than comparing components. Only overlapping paths
    // can yield a file twice (`a/b.md` and `a//b.md` are one file).
    found.sort_unstable_by(|a, b| {
        let (a, b) = (a.path.as_os_str(), b.path.as_os_str());
        a.as_encoded_bytes().cmp(b.as_encoded_bytes())
    });
    if paths.len() > 1 {
        let mut seen = std::collections::HashSet::new();
        found.retain(|target| seen.insert(target.path.clone()));
    }
    Ok((found, failures))
}

pub fn describe_io_error(error: &std::io::Error) -> String {
    match error.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_string(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_string(),
        _ => error.to_string(),
    }
}

/// `--changed-since REF`: files git says differ from REF, and untracked
/// ones, relative to the current folder.
pub fn changed_files(reference: &str) -> Result<Vec<PathBuf>, String> {
    let git = |args: &[&str]| -> Result<String, String> {
        let output = std::process::Command::new("git")
            .args(args)
            .output()
            .map_err(|error| format!("--changed-since needs git: {error}"))?;
        if !output.status.success() {
            return Err(format!(
                "--changed-since needs a git repository and a known REF: {}",
                String::from_utf8_lossy(&output.stderr).trim()
            ));
        }
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    };
    let changed = git(&[
        "diff",
        "--name-only",
        "--relative",
        "--diff-filter=ACMR",
        reference,
        "--",
    ])?;
    let untracked = git(&["ls-files", "--others", "--exclude-standard"])?;
    let mut files: Vec<PathBuf> = changed
        .lines()
        .chain(untracked.lines())
        .map(PathBuf::from)
        .collect();
    files.sort();
    files.dedup();
    Ok(files)
}

/// Of `files`, those inside `within` (any, when empty) that their config includes.
pub fn included(
    files: &[PathBuf],
    within: &[PathBuf],
    resolver: &mut ConfigResolver,
) -> Result<Vec<Target>, ConfigFailure> {
    let mut found = Vec::new();
    for file in files {
        let inside = within.is_empty()
            || within
                .iter()
                .any(|folder| slash_path(folder) == "." || file.starts_with(folder));
        if !inside || !file.is_file() {
            continue;
        }
        let config = resolver.for_file(file)?;
        let target = Target::new(file.clone(), config);
        if target.config.config.is_included(&target.relative) {
            found.push(target);
        }
    }
    Ok(found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The walk works out each folder's relative path once; every file gets
    /// what working it out for the file itself gives.
    #[test]
    fn walked_files_get_their_own_relative_paths() {
        let root = tempfile::tempdir().unwrap();
        let write = |path: &str| {
            let path = root.path().join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, "---\ntitle: t\n---\n").unwrap();
        };
        std::fs::write(
            root.path().join(".copydesk.yml"),
            "include: [\"**/*.md\"]\nexclude: [\"skip/**\"]\n",
        )
        .unwrap();
        for path in [
            "a.md",
            "sub/a.md",
            "sub/b.md",
            "sub/deeper/c.md",
            "sub/z.md",
            "skip/d.md",
            "e.txt",
        ] {
            write(path);
        }
        let sub = root.path().join("sub");
        // Overlapping paths, one spelled with a doubled slash, give each file once.
        let b_again = PathBuf::from(format!("{}//b.md", sub.display()));
        let mut resolver = ConfigResolver::new(None, Languages::default()).unwrap();
        let (found, failures) = targets(
            &[root.path().to_path_buf(), sub.clone(), b_again],
            &mut resolver,
        )
        .unwrap();
        assert!(failures.is_empty());
        let mut relative: Vec<&str> = found
            .iter()
            .map(|target| target.relative.as_str())
            .collect();
        relative.sort_unstable();
        assert_eq!(
            relative,
            [
                "a.md",
                "sub/a.md",
                "sub/b.md",
                "sub/deeper/c.md",
                "sub/z.md"
            ]
        );
        for target in &found {
            assert_eq!(target.relative, target.config.relative_path(&target.path));
        }
    }
}
