//! One lint session for every front end: a config, a path and the bytes (or
//! text) of a file in; the document, its findings and, when asked, its fixes
//! out. `check`, `report`, `vocab` and the language server all go through
//! here, so a file is read the same way whichever asks.

use std::sync::Arc;

use crate::config::{Config, ConfigError};
use crate::diagnostic::Diagnostic;
use crate::document::Document;
use crate::fix::{fix_until_settled, FixOutcome, MAX_FIX_ROUNDS};
use crate::lint::check_bytes;
use crate::messages::Language;
use crate::rules::RuleSet;
use crate::source::{DecodeError, Source};

/// A file linted under its config.
#[derive(Debug)]
pub struct Linted {
    /// The parsed document, or why the bytes are not text (then the only
    /// finding is `invalid-encoding`).
    pub document: Result<Document, DecodeError>,
    /// Findings, suppressions applied, sorted by position then rule.
    pub diagnostics: Vec<Diagnostic>,
    /// The rules that applied to the file.
    pub rule_set: Arc<RuleSet>,
}

impl Linted {
    /// The language the findings are written in.
    pub fn language(&self) -> Language {
        self.rule_set.language
    }

    /// The text with every fix applied until it settles (unsafe ones too when
    /// asked); `None` for bytes that are not text.
    pub fn fixed(&self, unsafe_fixes: bool) -> Option<FixOutcome> {
        let document = self.document.as_ref().ok()?;
        Some(fixed(document, &self.rule_set, unsafe_fixes))
    }
}

/// A document's text with every fix applied until it settles, within the
/// core's round cap: what `--fix` writes and an editor's Fix All offers.
pub fn fixed(document: &Document, rule_set: &RuleSet, unsafe_fixes: bool) -> FixOutcome {
    fix_until_settled(
        &document.path,
        document.source.clone(),
        rule_set,
        unsafe_fixes,
        MAX_FIX_ROUNDS,
    )
}

/// Decodes and lints a file's bytes. `relative_path` picks the config's
/// overrides; `path` is the name findings and fixes carry.
pub fn lint_bytes(
    config: &Config,
    relative_path: &str,
    path: &str,
    bytes: Vec<u8>,
) -> Result<Linted, ConfigError> {
    let rule_set = config.rule_set_for(relative_path)?;
    let result = check_bytes(path, bytes, &rule_set);
    Ok(Linted {
        document: result.document,
        diagnostics: result.diagnostics,
        rule_set,
    })
}

/// Lints text already decoded, as an editor holds it.
pub fn lint_source(
    config: &Config,
    relative_path: &str,
    path: &str,
    source: Source,
) -> Result<Linted, ConfigError> {
    let rule_set = config.rule_set_for(relative_path)?;
    let document = Document::parse(path, source);
    let diagnostics = crate::lint::check(&document, &rule_set);
    Ok(Linted {
        document: Ok(document),
        diagnostics,
        rule_set,
    })
}

/// Parses a file's bytes with no rules: for reading front matter across a
/// site (`copydesk vocab`).
pub fn parse_bytes(path: &str, bytes: Vec<u8>) -> Result<Document, DecodeError> {
    Ok(Document::parse(path, Source::from_bytes(bytes)?))
}
