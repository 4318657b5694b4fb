//! The server's state: open documents, configs, and each document's last
//! lint, converted to LSP diagnostics when published.

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use copydesk_core::{tr, ColumnEncoding, Document, Language, Severity};
use serde_json::json;
use tower_lsp::lsp_types::*;

use super::documents::{to_range, OpenDocument};
use crate::discover::{ConfigResolver, Languages, LoadedConfig};

/// More findings than this in one document help no one in an editor, and
/// would make every publish tens of megabytes.
pub(super) const MAX_PUBLISHED: usize = 1000;

/// A figure repeated thousands of times needs its first few mentions shown,
/// not a publish the size of the document.
pub(super) const MAX_RELATED: usize = 20;

/// Without file watchers, configs are compared with the disk at most this often.
pub(super) const CONFIG_CHECK_INTERVAL: Duration = Duration::from_secs(1);

pub(super) struct State {
    pub(super) encoding: ColumnEncoding,
    /// Clients that pull diagnostics get no pushed ones, so nothing shows twice.
    pub(super) pull_diagnostics: bool,
    /// Whether the client lets the server register file watchers.
    pub(super) watches_files: bool,
    pub(super) documents: HashMap<Url, OpenDocument>,
    pub(super) configs: Option<ConfigResolver>,
    /// When the configs' files were last compared with the disk, for clients
    /// that do not watch files.
    pub(super) configs_checked: Option<std::time::Instant>,
    /// Each open document's last lint.
    pub(super) lints: HashMap<Url, Arc<Linted>>,
    /// The client's locale (`initialize`'s `locale`), else the server's:
    /// the language of messages unless a config names one.
    pub(super) locale: Option<Language>,
}

impl Default for State {
    fn default() -> State {
        State {
            encoding: ColumnEncoding::Utf16,
            pull_diagnostics: false,
            watches_files: false,
            documents: HashMap::new(),
            configs: None,
            configs_checked: None,
            lints: HashMap::new(),
            locale: crate::args::locale_language(),
        }
    }
}

/// A poisoned lock only means another request panicked; the state is still usable.
pub(super) fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl State {
    pub(super) fn config_for(
        &mut self,
        path: &std::path::Path,
    ) -> std::result::Result<Arc<LoadedConfig>, String> {
        if self.configs.is_none() {
            let languages = Languages {
                flag: None,
                fallback: self.locale,
            };
            self.configs =
                Some(ConfigResolver::new(None, languages).map_err(|failure| failure.to_string())?);
        }
        let resolver = self.configs.as_mut().ok_or("no config resolver")?;
        resolver
            .for_file(path)
            .map_err(|failure| failure.to_string())
    }

    /// For a client that watches no files: whether a config, vocabulary or
    /// pack changed on disk, read at most once a second. A change drops the
    /// loaded configs, so the next lint reads them again.
    pub(super) fn configs_changed_on_disk(&mut self) -> bool {
        if self.watches_files
            || self
                .configs_checked
                .is_some_and(|checked| checked.elapsed() < CONFIG_CHECK_INTERVAL)
        {
            return false;
        }
        self.configs_checked = Some(std::time::Instant::now());
        let changed = self
            .configs
            .as_ref()
            .is_some_and(ConfigResolver::changed_on_disk);
        if changed {
            self.forget_configs();
        }
        changed
    }

    /// The language of messages for a document: its config's, else the locale's.
    pub(super) fn language_of(&mut self, uri: &Url) -> Language {
        let fallback = self.locale.unwrap_or_default();
        let Some(path) = self.documents.get(uri).map(OpenDocument::path) else {
            return fallback;
        };
        self.config_for(&path)
            .map_or(fallback, |config| config.config.language())
    }

    /// The document's diagnostics for publishing; notes when, for the debounce.
    pub(super) fn diagnostics_to_publish(&mut self, uri: &Url) -> Option<(Vec<Diagnostic>, i32)> {
        let encoding = self.encoding;
        let linted = self.lint(uri)?;
        if let Some(document) = self.documents.get_mut(uri) {
            document.last_published = Some(std::time::Instant::now());
        }
        Some((linted.to_lsp(uri, encoding), linted.version))
    }

    /// Drops the loaded configs and every lint made with them.
    pub(super) fn forget_configs(&mut self) {
        self.configs = None;
        self.lints.clear();
    }

    /// The parsed document and its findings, under its nearest config: the
    /// last lint of this version of the document, or a new one.
    pub(super) fn lint(&mut self, uri: &Url) -> Option<Arc<Linted>> {
        let document = self.documents.get(uri)?;
        let (version, generation) = (document.version, document.generation);
        if let Some(linted) = self
            .lints
            .get(uri)
            .filter(|linted| linted.version == version && linted.generation == generation)
        {
            return Some(Arc::clone(linted));
        }
        let (source, path) = (document.source.clone(), document.path());
        let display = crate::discover::slash_path(&path);
        let linted = match self.config_for(&path) {
            Err(message) => Linted::config_error(version, generation, source, message, self.locale),
            Ok(config) => {
                let relative = config.relative_path(&path);
                let language = config.config.language();
                match copydesk_core::session::lint_source(
                    &config.config,
                    &relative,
                    &display,
                    source.clone(),
                ) {
                    Err(error) => Linted::config_error(
                        version,
                        generation,
                        source,
                        error.to_string(),
                        Some(language),
                    ),
                    Ok(session) => Linted {
                        version,
                        generation,
                        document: session
                            .document
                            .unwrap_or_else(|_| Document::parse(display, source)),
                        diagnostics: session.diagnostics,
                        config: Ok(Configured {
                            loaded: config,
                            relative,
                            rule_set: session.rule_set,
                        }),
                        language,
                    },
                }
            }
        };
        let linted = Arc::new(linted);
        self.lints.insert(uri.clone(), Arc::clone(&linted));
        Some(linted)
    }
}

/// A document linted at one version, kept until it changes: publishing,
/// hover, completion and code actions answer from it without linting again.
pub(super) struct Linted {
    pub(super) version: i32,
    pub(super) generation: u64,
    pub(super) document: Document,
    pub(super) diagnostics: Vec<copydesk_core::Diagnostic>,
    /// The config the document was linted under, or why there is none.
    pub(super) config: std::result::Result<Configured, String>,
    pub(super) language: Language,
}

pub(super) struct Configured {
    pub(super) loaded: Arc<LoadedConfig>,
    /// The document's path relative to the config's folder.
    pub(super) relative: String,
    pub(super) rule_set: Arc<copydesk_core::rules::RuleSet>,
}

impl Linted {
    pub(super) fn config_error(
        version: i32,
        generation: u64,
        source: copydesk_core::Source,
        message: String,
        language: Option<Language>,
    ) -> Linted {
        Linted {
            version,
            generation,
            document: Document::parse("", source),
            diagnostics: Vec::new(),
            config: Err(message),
            language: language.unwrap_or_default(),
        }
    }

    pub(super) fn to_lsp(&self, uri: &Url, encoding: ColumnEncoding) -> Vec<Diagnostic> {
        let source = &self.document.source;
        if let Err(message) = &self.config {
            return vec![Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some("copydesk".into()),
                message: tr!(self.language, "lsp-config-error", error = message),
                ..Diagnostic::default()
            }];
        }
        let mut published: Vec<Diagnostic> = self
            .diagnostics
            .iter()
            .take(MAX_PUBLISHED)
            .map(|diagnostic| Diagnostic {
                range: to_range(source, diagnostic.range, encoding),
                severity: Some(match diagnostic.severity {
                    Severity::Error => DiagnosticSeverity::ERROR,
                    Severity::Warning => DiagnosticSeverity::WARNING,
                    _ => DiagnosticSeverity::INFORMATION,
                }),
                code: Some(NumberOrString::String(diagnostic.rule.to_string())),
                code_description: copydesk_core::rules::find(&diagnostic.rule).and_then(|info| {
                    let href = format!(
                        "https://github.com/copydesk/copydesk/blob/main/rules/{}.md",
                        info.name
                    );
                    Url::parse(&href).ok().map(|href| CodeDescription { href })
                }),
                source: Some("copydesk".into()),
                message: diagnostic.message.clone(),
                related_information: (!diagnostic.related.is_empty()).then(|| {
                    diagnostic
                        .related
                        .iter()
                        .take(MAX_RELATED)
                        .map(|range| DiagnosticRelatedInformation {
                            location: Location {
                                uri: uri.clone(),
                                range: to_range(source, *range, encoding),
                            },
                            message: tr!(self.language, "lsp-mentioned-again"),
                        })
                        .collect()
                }),
                // The fix rides along, so a code action needs no new lint.
                data: diagnostic
                    .fix
                    .as_ref()
                    .map(|fix| json!({ "version": self.version, "fix": fix })),
                ..Diagnostic::default()
            })
            .collect();
        if let Some(more) = self
            .diagnostics
            .len()
            .checked_sub(MAX_PUBLISHED)
            .filter(|more| *more > 0)
        {
            published.push(Diagnostic {
                range: Range::default(),
                severity: Some(DiagnosticSeverity::INFORMATION),
                source: Some("copydesk".into()),
                message: format!(
                    "{more} more findings are not shown here; `copydesk check` lists them all"
                ),
                ..Diagnostic::default()
            });
        }
        published
    }
}
