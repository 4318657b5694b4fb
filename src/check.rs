//! Linting the targets in parallel, keeping only what reports need.

use std::sync::Arc;

use copydesk_core::site::{check_site, Post, PostFacts, SiteSettings};
use copydesk_core::{
    check_bytes, ColumnEncoding, Diagnostic, Severity, Source, TextRange, TextSize,
};
use rayon::prelude::*;

use crate::discover::{describe_io_error, slash_path, Target};

/// A one-based line, a one-based column in characters, and a byte offset.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
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
#[derive(Debug, Clone)]
pub struct Located {
    pub diagnostic: Diagnostic,
    pub start: Point,
    pub end: Point,
    /// Start and end of each fix edit.
    pub edits: Vec<(Point, Point)>,
}

/// What a report needs of one file.
#[derive(Debug, Clone)]
pub struct FileOutcome {
    pub path: String,
    /// The text, kept only when there is something to show in it.
    pub text: Option<Arc<String>>,
    pub diagnostics: Vec<Located>,
    /// Why the file could not be read.
    pub failure: Option<String>,
    /// What the site-wide pass needs, for a file that was read.
    pub site: Option<SiteEntry>,
}

/// A post's facts for the site pass, with their positions worked out while
/// the text was at hand.
#[derive(Debug, Clone)]
pub struct SiteEntry {
    pub facts: PostFacts,
    pub settings: SiteSettings,
    points: Vec<(TextRange, Point, Point)>,
}

pub fn check_targets(targets: &[Target], quiet: bool) -> Vec<FileOutcome> {
    targets
        .par_iter()
        .map(|target| check_target(target, quiet))
        .collect()
}

fn check_target(target: &Target, quiet: bool) -> FileOutcome {
    let path = slash_path(&target.path);
    let failed = |message: String| FileOutcome {
        path: path.clone(),
        text: None,
        diagnostics: Vec::new(),
        failure: Some(message),
        site: None,
    };
    let bytes = match std::fs::read(&target.path) {
        Ok(bytes) => bytes,
        Err(error) => return failed(describe_io_error(&error)),
    };
    let relative = target.config.relative_path(&target.path);
    let rule_set = match target.config.config.rule_set_for(&relative) {
        Ok(rule_set) => rule_set,
        Err(error) => return failed(error.to_string()),
    };
    let lossy = (std::str::from_utf8(&bytes).is_err())
        .then(|| String::from_utf8_lossy(&bytes).into_owned());
    let result = check_bytes(&path, bytes, &rule_set);
    let site = result.document.as_ref().map(|document| {
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
            settings: rule_set.site,
            points,
        }
    });
    let mut diagnostics = result.diagnostics;
    if quiet {
        diagnostics.retain(|diagnostic| diagnostic.severity == Severity::Error);
    }
    if diagnostics.is_empty() {
        return FileOutcome {
            path,
            text: None,
            diagnostics: Vec::new(),
            failure: None,
            site,
        };
    }
    // Text that did not decode is shown lossily: every byte before the first
    // bad one is unchanged, so the reported offset stays right.
    let source = match (result.document, lossy) {
        (Some(document), _) => document.source,
        (None, lossy) => Source::new(lossy.unwrap_or_default()),
    };
    let located = diagnostics
        .into_iter()
        .map(|diagnostic| Located {
            start: Point::of(&source, diagnostic.range.start()),
            end: Point::of(&source, diagnostic.range.end()),
            edits: diagnostic
                .fix
                .iter()
                .flat_map(|fix| &fix.edits)
                .map(|edit| {
                    (
                        Point::of(&source, edit.range.start()),
                        Point::of(&source, edit.range.end()),
                    )
                })
                .collect(),
            diagnostic,
        })
        .collect();
    FileOutcome {
        path,
        text: Some(Arc::new(source.text().to_string())),
        diagnostics: located,
        failure: None,
        site,
    }
}

/// Runs the site-wide checks over outcomes sorted by path, and adds their
/// findings to the posts they concern, keeping each post's order by position.
pub fn add_site_findings(outcomes: &mut [FileOutcome], quiet: bool) {
    let posts: Vec<(usize, Post)> = outcomes
        .iter()
        .enumerate()
        .filter_map(|(at, outcome)| {
            let entry = outcome.site.as_ref()?;
            Some((
                at,
                Post {
                    path: &outcome.path,
                    facts: &entry.facts,
                    settings: entry.settings,
                },
            ))
        })
        .collect();
    let (indices, posts): (Vec<usize>, Vec<Post>) = posts.into_iter().unzip();
    let findings = check_site(&posts);
    for finding in findings {
        if quiet && finding.diagnostic.severity != Severity::Error {
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
        if outcome.text.is_none() {
            // The snippet needs the text; only posts that share a title or an
            // excerpt are read again.
            let text = std::fs::read(&outcome.path)
                .map(|bytes| String::from_utf8_lossy(&bytes).into_owned());
            outcome.text = text.ok().map(Arc::new);
        }
        outcome.diagnostics.push(Located {
            diagnostic: finding.diagnostic,
            start,
            end,
            edits: Vec::new(),
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
