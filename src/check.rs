//! Linting (and fixing) the targets in parallel, keeping only what reports need.

use std::sync::Arc;

use copydesk_core::site::{check_site, Post, PostFacts, SiteSettings};
use copydesk_core::{
    Applicability, ColumnEncoding, Diagnostic, Severity, Source, TextRange, TextSize,
};
use rayon::prelude::*;

use crate::cache::CacheState;
use crate::discover::{describe_io_error, slash_path, LoadedConfig, Target};
use crate::write::{unified_diff, write_fixed};

/// Fixes are applied and the file linted again up to this many times.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FixMode {
    /// Report findings only.
    Report,
    /// Apply fixes and write the files.
    Write,
    /// Print what fixing would change, and write nothing.
    Diff,
}

#[derive(Debug, Clone, Copy)]
pub struct CheckOptions {
    pub quiet: bool,
    /// Keep each file's text for reports that show snippets.
    pub keep_text: bool,
    pub fix: FixMode,
    pub unsafe_fixes: bool,
    /// The language of messages about the run as a whole.
    pub language: copydesk_core::Language,
}

/// A one-based line, a one-based column in characters, and a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Point {
    pub line: u32,
    pub column: u32,
    pub offset: u32,
}

impl Point {
    pub fn of(source: &Source, offset: TextSize) -> Point {
        let position = source.position(offset, ColumnEncoding::Chars);
        Point {
            line: position.line + 1,
            column: position.column + 1,
            offset: offset.into(),
        }
    }
}

/// A diagnostic with its positions worked out.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: Point,
    pub end: Point,
    /// Start and end of each fix edit.
    pub edits: Vec<(Point, Point)>,
    /// Start and end of each related location (a figure's later mentions).
    pub related: Vec<(Point, Point)>,
    /// The flagged text, white space collapsed: what a baseline remembers,
    /// so a finding survives edits elsewhere in its file.
    #[serde(default)]
    pub snippet: String,
}

/// At most this many characters of flagged text identify a finding.
const SNIPPET_CHARACTERS: usize = 80;

/// The first [`SNIPPET_CHARACTERS`] of `text` with its white space collapsed;
/// a long flagged range is read no further.
pub fn snippet(text: &str) -> String {
    text.split_whitespace()
        .enumerate()
        .flat_map(|(at, word)| (at > 0).then_some(' ').into_iter().chain(word.chars()))
        .take(SNIPPET_CHARACTERS)
        .collect()
}

/// What a report needs of one file.
#[derive(Debug, Clone, Default, serde::Serialize, serde::Deserialize)]
pub struct FileOutcome {
    pub path: String,
    /// The text, kept only when there is something to show in it.
    #[serde(skip)]
    pub text: Option<Arc<String>>,
    pub diagnostics: Vec<Located>,
    /// Why the file could not be read or written.
    pub failure: Option<String>,
    /// What the site-wide pass needs, for a file that was read.
    pub site: Option<SiteEntry>,
    /// Fixes applied (or, with `--diff`, that would be).
    pub fixed: usize,
    /// With `--diff`: the change fixing would make.
    pub diff: Option<String>,
    /// Rules whose fixes did not settle within the round cap.
    pub unsettled: Vec<String>,
    /// Where the outcome stands with `--cache`.
    #[serde(skip)]
    pub cache: CacheState,
}

/// A post's facts for the site pass, with their positions worked out while
/// the text was at hand.
#[derive(Debug, Clone, serde::Serialize, serde::Deserialize)]
pub struct SiteEntry {
    pub facts: PostFacts,
    pub settings: SiteSettings,
    points: Vec<(TextRange, Point, Point)>,
}

pub fn check_targets(
    targets: &[Target],
    options: CheckOptions,
    cache: Option<&crate::cache::Entries>,
    progress: Option<&crate::progress::Progress>,
) -> Vec<FileOutcome> {
    let outcomes = targets
        .par_iter()
        .map(|target| {
            let outcome = check_file(target, options, cache);
            if let Some(progress) = progress {
                progress.file_done();
            }
            outcome
        })
        .collect();
    if let Some(progress) = progress {
        progress.finish();
    }
    outcomes
}

thread_local! {
    /// Each worker reads every file into the same buffer: no allocation, and
    /// no size query, per file.
    static READ_BUFFER: std::cell::RefCell<Vec<u8>> = const { std::cell::RefCell::new(Vec::new()) };
}

/// A buffer kept past a run of files at most this big; a bigger file's is let go.
const KEPT_BUFFER: usize = 1 << 20;

/// Reads the whole file into `buffer`, which keeps its length (and its
/// zeroed bytes) between files; returns how many bytes the file has.
fn read_into(path: &std::path::Path, buffer: &mut Vec<u8>) -> std::io::Result<usize> {
    use std::io::Read;
    let mut file = std::fs::File::open(path)?;
    let mut filled = 0;
    loop {
        if filled == buffer.len() {
            buffer.resize((buffer.len() * 2).max(64 * 1024), 0);
        }
        match file.read(&mut buffer[filled..]) {
            Ok(0) => return Ok(filled),
            Ok(read) => filled += read,
            Err(error) if error.kind() == std::io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
}

fn check_file(
    target: &Target,
    options: CheckOptions,
    cache: Option<&crate::cache::Entries>,
) -> FileOutcome {
    let path = slash_path(&target.path);
    // Metadata first: bytes read after it are at least as new as it says.
    let unchanged_key = cache
        .filter(|_| options.fix == FixMode::Report && !options.keep_text)
        .and_then(|_| unchanged_key(target, &path, options));
    if let Some((key, unchanged, mut outcome)) = unchanged_key.and_then(|unchanged| {
        let key = cache?.key_of_unchanged(&unchanged)?;
        Some((
            key,
            unchanged,
            crate::cache::get::<FileOutcome>(cache?, &key)?,
        ))
    }) {
        outcome.cache = CacheState::HitUnread { key, unchanged };
        return outcome;
    }
    READ_BUFFER.with_borrow_mut(|buffer| {
        let mut outcome = match read_into(&target.path, buffer) {
            Ok(length) => check_read_file(target, path, &buffer[..length], options, cache),
            Err(error) => FileOutcome {
                path,
                failure: Some(describe_io_error(&error)),
                ..FileOutcome::default()
            },
        };
        if buffer.len() > KEPT_BUFFER {
            *buffer = Vec::new();
        }
        outcome.cache = outcome.cache.with_unchanged(unchanged_key);
        outcome
    })
}

/// A settled file's unchanged key, from its metadata; `None` when it changed
/// too recently, or cannot be asked.
#[cfg(unix)]
fn unchanged_key(target: &Target, path: &str, options: CheckOptions) -> Option<crate::cache::Key> {
    use std::os::unix::fs::MetadataExt;
    let metadata = std::fs::metadata(&target.path).ok()?;
    if !is_settled(metadata.mtime(), metadata.ctime(), run_started()) {
        return None;
    }
    Some(crate::cache::unchanged_key(
        target.config.fingerprint,
        cached_options(options),
        path,
        &[
            metadata.dev() as i64,
            metadata.ino() as i64,
            metadata.size() as i64,
            metadata.mtime(),
            metadata.mtime_nsec(),
            metadata.ctime(),
            metadata.ctime_nsec(),
        ],
    ))
}

#[cfg(not(unix))]
fn unchanged_key(_: &Target, _: &str, _: CheckOptions) -> Option<crate::cache::Key> {
    None
}

/// The options that change a cached outcome, as its keys take them.
fn cached_options(options: CheckOptions) -> &'static str {
    if options.quiet {
        "true"
    } else {
        "false"
    }
}

/// Whether a file last modified and changed at these times (in seconds) has
/// settled, for a run that started at `now`.
fn is_settled(modified: i64, changed: i64, now: i64) -> bool {
    let settled_before = now - crate::cache::SETTLED_SECONDS;
    modified < settled_before && changed < settled_before
}

/// When this run started, in seconds since the epoch.
#[cfg(unix)]
fn run_started() -> i64 {
    static STARTED: std::sync::OnceLock<i64> = std::sync::OnceLock::new();
    *STARTED.get_or_init(|| {
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |since| since.as_secs() as i64)
    })
}

fn check_read_file(
    target: &Target,
    path: String,
    bytes: &[u8],
    options: CheckOptions,
    cache: Option<&crate::cache::Entries>,
) -> FileOutcome {
    let cache_key = (cache.is_some() && options.fix == FixMode::Report).then(|| {
        crate::cache::key(
            target.config.fingerprint,
            cached_options(options),
            &path,
            bytes,
        )
    });
    if let Some(mut outcome) = cache_key
        .as_ref()
        .and_then(|key| crate::cache::get::<FileOutcome>(cache?, key))
    {
        if options.keep_text && !outcome.diagnostics.is_empty() {
            outcome.text = Some(Arc::new(String::from_utf8_lossy(bytes).into_owned()));
        }
        if let Some(key) = cache_key {
            outcome.cache = CacheState::Hit {
                key,
                unchanged: None,
            };
        }
        return outcome;
    }
    let (mut outcome, fixed_text) =
        check_text(&path, bytes, &target.config, &target.relative, options);
    if cache_key.is_some() {
        outcome.cache = CacheState::Linted {
            key: cache_key,
            unchanged: None,
        };
    }
    if let (FixMode::Write, Some(fixed)) = (options.fix, fixed_text) {
        if let Err(error) = write_fixed(&target.path, bytes, fixed.as_bytes()) {
            // Nothing was written: report the original findings, not the fixed text's.
            let (unfixed, _) = check_text(
                &path,
                bytes,
                &target.config,
                &target.relative,
                CheckOptions {
                    fix: FixMode::Report,
                    ..options
                },
            );
            outcome = FileOutcome {
                failure: Some(error.to_string()),
                ..unfixed
            };
        }
    }
    outcome
}

/// Lints `bytes` as the file at `path`; with a fix mode, fixes them until
/// they settle and returns the fixed text when it differs.
pub fn check_text(
    path: &str,
    bytes: &[u8],
    config: &LoadedConfig,
    relative: &str,
    options: CheckOptions,
) -> (FileOutcome, Option<String>) {
    let linted =
        match copydesk_core::session::lint_bytes(&config.config, relative, path, bytes.to_vec()) {
            Ok(linted) => linted,
            Err(error) => {
                return (
                    FileOutcome {
                        path: path.to_string(),
                        failure: Some(error.to_string()),
                        ..FileOutcome::default()
                    },
                    None,
                )
            }
        };
    let mut outcome = FileOutcome {
        path: path.to_string(),
        ..FileOutcome::default()
    };
    let document = match &linted.document {
        Ok(document) => document,
        Err(_) => {
            // Text that did not decode is shown lossily: every byte before the
            // first bad one is unchanged, so the reported offset stays right.
            let source = Source::new(String::from_utf8_lossy(bytes).into_owned());
            locate(&mut outcome, &source, linted.diagnostics, options);
            return (outcome, None);
        }
    };
    outcome.site = Some(site_entry(document, linted.rule_set.site));

    let fixable = |d: &Diagnostic| {
        d.fix
            .as_ref()
            .is_some_and(|fix| options.unsafe_fixes || fix.applicability == Applicability::Safe)
    };
    if options.fix == FixMode::Report || !linted.diagnostics.iter().any(fixable) {
        locate(&mut outcome, &document.source, linted.diagnostics, options);
        return (outcome, None);
    }
    let Some(fixed) = linted.fixed(options.unsafe_fixes) else {
        return (outcome, None);
    };
    outcome.fixed = fixed.fixed;
    outcome.unsettled = fixed.unsettled;
    if fixed.text == document.source.text() {
        locate(&mut outcome, &document.source, linted.diagnostics, options);
        return (outcome, None);
    }
    if options.fix == FixMode::Diff {
        outcome.diff = Some(unified_diff(path, document.source.text(), &fixed.text));
        locate(&mut outcome, &document.source, linted.diagnostics, options);
        return (outcome, Some(fixed.text));
    }
    let fixed_source = Source::new(fixed.text);
    locate(&mut outcome, &fixed_source, fixed.remaining, options);
    let text = fixed_source.text().to_string();
    (outcome, Some(text))
}

fn site_entry(document: &copydesk_core::Document, settings: SiteSettings) -> SiteEntry {
    let facts = PostFacts::of(document);
    let points = [&facts.title, &facts.excerpt]
        .into_iter()
        .flatten()
        .map(|fact| {
            (
                fact.range,
                Point::of(&document.source, fact.range.start()),
                Point::of(&document.source, fact.range.end()),
            )
        })
        .collect();
    SiteEntry {
        facts,
        settings,
        points,
    }
}

/// Works out positions, and keeps the text only when there is something to show.
fn locate(
    outcome: &mut FileOutcome,
    source: &Source,
    mut diagnostics: Vec<Diagnostic>,
    options: CheckOptions,
) {
    if options.quiet {
        diagnostics.retain(|diagnostic| diagnostic.severity == Severity::Error);
    }
    if diagnostics.is_empty() {
        return;
    }
    outcome.diagnostics = diagnostics
        .into_iter()
        .map(|diagnostic| Located {
            start: Point::of(source, diagnostic.range.start()),
            end: Point::of(source, diagnostic.range.end()),
            // A lossily decoded file can put the range inside a U+FFFD.
            snippet: snippet(
                source
                    .text()
                    .get(std::ops::Range::<usize>::from(diagnostic.range))
                    .unwrap_or_default(),
            ),
            edits: diagnostic
                .fix
                .iter()
                .flat_map(|fix| &fix.edits)
                .map(|edit| {
                    (
                        Point::of(source, edit.range.start()),
                        Point::of(source, edit.range.end()),
                    )
                })
                .collect(),
            related: diagnostic
                .related
                .iter()
                .map(|range| {
                    (
                        Point::of(source, range.start()),
                        Point::of(source, range.end()),
                    )
                })
                .collect(),
            diagnostic,
        })
        .collect();
    if options.keep_text {
        outcome.text = Some(Arc::new(source.text().to_string()));
    }
}

/// Runs the site-wide checks over outcomes sorted by path, and adds their
/// findings to the posts they concern, keeping each post's order by position.
pub fn add_site_findings(outcomes: &mut [FileOutcome], options: CheckOptions) {
    // Posts are made in parallel: each reads its strings, wherever the
    // worker that linted the post left them.
    let (indices, posts): (Vec<usize>, Vec<Post>) = outcomes
        .par_iter()
        .enumerate()
        .filter_map(|(at, outcome)| {
            let entry = outcome.site.as_ref()?;
            Some((at, Post::new(&outcome.path, &entry.facts, entry.settings)))
        })
        .unzip();
    let findings = check_site(&posts);
    for finding in findings {
        if options.quiet && finding.diagnostic.severity != Severity::Error {
            continue;
        }
        let outcome = &mut outcomes[indices[finding.post]];
        let Some(entry) = &outcome.site else { continue };
        let Some(&(_, start, end)) = entry
            .points
            .iter()
            .find(|(range, _, _)| *range == finding.diagnostic.range)
        else {
            continue;
        };
        if options.keep_text && outcome.text.is_none() {
            // The snippet needs the text; only posts that share a title or an
            // excerpt are read again.
            let text = std::fs::read(&outcome.path)
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
            outcome.text = text.ok().map(Arc::new);
        }
        let snippet = entry
            .facts
            .title
            .iter()
            .chain(&entry.facts.excerpt)
            .find(|fact| fact.range == finding.diagnostic.range)
            .map(|fact| snippet(&fact.text))
            .unwrap_or_default();
        outcome.diagnostics.push(Located {
            diagnostic: finding.diagnostic,
            start,
            end,
            edits: Vec::new(),
            related: Vec::new(),
            snippet,
        });
        outcome
            .diagnostics
            .sort_by_key(|located| (located.start.offset, located.end.offset));
    }
}

/// Counts over the whole run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Summary {
    pub files: usize,
    pub errors: usize,
    pub warnings: usize,
    pub infos: usize,
    pub fixable: usize,
    pub failures: usize,
    pub fixed: usize,
    pub fixed_files: usize,
    /// With `--diff`, fixes are counted but not applied.
    pub dry_run: bool,
    /// Findings a baseline held back, and its entries that matched nothing.
    pub baselined: usize,
    pub stale_baseline: usize,
    /// The language of the summary line.
    pub language: copydesk_core::Language,
}

impl Summary {
    pub fn of(outcomes: &[FileOutcome]) -> Summary {
        let mut summary = Summary::default();
        for outcome in outcomes {
            if outcome.failure.is_some() {
                summary.failures += 1;
            } else {
                summary.files += 1;
            }
            summary.fixed += outcome.fixed;
            summary.fixed_files += usize::from(outcome.fixed > 0);
            for located in &outcome.diagnostics {
                match located.diagnostic.severity {
                    Severity::Error => summary.errors += 1,
                    Severity::Warning => summary.warnings += 1,
                    Severity::Info => summary.infos += 1,
                    Severity::Off => {}
                }
                summary.fixable += usize::from(located.diagnostic.fix.is_some());
            }
        }
        summary
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_collapse_white_space_and_stop_at_the_limit() {
        let collapsed = |text: &str| {
            let words: Vec<&str> = text.split_whitespace().collect();
            words
                .join(" ")
                .chars()
                .take(SNIPPET_CHARACTERS)
                .collect::<String>()
        };
        let long_words = "語".repeat(79) + " ab\r\n\tcd";
        for text in [
            "",
            "   ",
            " 売上は 3 億円\r\n  増えた ",
            "a\u{3000}b",
            long_words.as_str(),
            &"word ".repeat(40),
        ] {
            assert_eq!(snippet(text), collapsed(text), "{text:?}");
        }
        assert_eq!(snippet(&long_words), "語".repeat(79) + " ");
    }

    #[test]
    fn a_file_settles_once_both_its_times_are_old_enough() {
        let now = 1_000_000;
        let settled = now - crate::cache::SETTLED_SECONDS - 1;
        assert!(is_settled(settled, settled, now));
        assert!(!is_settled(
            settled,
            now - crate::cache::SETTLED_SECONDS,
            now
        ));
        assert!(!is_settled(
            now - crate::cache::SETTLED_SECONDS,
            settled,
            now
        ));
        // A modification time set back does not settle a file just changed.
        assert!(!is_settled(0, now, now));
    }
}
