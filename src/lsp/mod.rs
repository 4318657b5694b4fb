//! `copydesk lsp`: a language server over stdio, linting in process.

mod documents;
mod transport;

use std::collections::HashMap;
use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use copydesk_core::fix::{fix_until_settled, MAX_FIX_ROUNDS};
use copydesk_core::{tr, Language};
use copydesk_core::{Applicability, ColumnEncoding, Document, Fix, Severity, TextRange, TextSize};
use serde_json::{json, Value as Json};
use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

use crate::discover::{ConfigResolver, Languages, LoadedConfig};
use documents::{to_offset, to_range, OpenDocument};

/// More findings than this in one document help no one in an editor, and
/// would make every publish tens of megabytes.
const MAX_PUBLISHED: usize = 1000;

/// A figure repeated thousands of times needs its first few mentions shown,
/// not a publish the size of the document.
const MAX_RELATED: usize = 20;

/// How long the server may still write once the client has gone or sent `exit`.
const LAST_WORDS: Duration = Duration::from_millis(500);

/// Without file watchers, configs are compared with the disk at most this often.
const CONFIG_CHECK_INTERVAL: Duration = Duration::from_secs(1);

/// Edits this close together lint once; an edit after a pause lints at once.
const DEBOUNCE: Duration = Duration::from_millis(150);
const FIX_ALL: &str = "source.fixAll.copydesk";

pub fn run() -> u8 {
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(_) => return 2,
    };
    runtime.block_on(async {
        let (service, socket) = LspService::new(|client| Backend {
            client,
            state: Arc::new(Mutex::new(State::default())),
        });
        let (server_input, client_side_input) = tokio::io::duplex(1 << 16);
        let (client_side_output, server_output) = tokio::io::duplex(1 << 16);
        let (errors, error_queue) = tokio::sync::mpsc::channel(16);
        let input = tokio::spawn(transport::forward_input(
            tokio::io::stdin(),
            client_side_input,
            errors,
        ));
        let output = tokio::spawn(transport::forward_output(
            client_side_output,
            tokio::io::stdout(),
            error_queue,
        ));
        let serve = tokio::spawn(Server::new(server_input, server_output, socket).serve(service));
        // The session is over when the client is: at the end of its input, or
        // at `exit` with its pipe still open. tower-lsp itself would wait for
        // its pending requests to the client, which no one will answer now.
        let _ = input.await;
        let _ = tokio::time::timeout(LAST_WORDS, serve).await;
        let _ = tokio::time::timeout(LAST_WORDS, output).await;
    });
    // Standard input is read on a blocking thread that never returns by
    // itself; waiting for it would keep the process alive after `exit`.
    runtime.shutdown_background();
    0
}

struct State {
    encoding: ColumnEncoding,
    /// Clients that pull diagnostics get no pushed ones, so nothing shows twice.
    pull_diagnostics: bool,
    /// Whether the client lets the server register file watchers.
    watches_files: bool,
    documents: HashMap<Url, OpenDocument>,
    configs: Option<ConfigResolver>,
    /// When the configs' files were last compared with the disk, for clients
    /// that do not watch files.
    configs_checked: Option<std::time::Instant>,
    /// Each open document's last lint.
    lints: HashMap<Url, Arc<Linted>>,
    /// The client's locale (`initialize`'s `locale`), else the server's:
    /// the language of messages unless a config names one.
    locale: Option<Language>,
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

struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
}

/// A poisoned lock only means another request panicked; the state is still usable.
fn lock(state: &Mutex<State>) -> MutexGuard<'_, State> {
    state
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

impl State {
    fn config_for(
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
    fn configs_changed_on_disk(&mut self) -> bool {
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
    fn language_of(&mut self, uri: &Url) -> Language {
        let fallback = self.locale.unwrap_or_default();
        let Some(path) = self.documents.get(uri).map(OpenDocument::path) else {
            return fallback;
        };
        self.config_for(&path)
            .map_or(fallback, |config| config.config.language())
    }

    /// The document's diagnostics for publishing; notes when, for the debounce.
    fn diagnostics_to_publish(&mut self, uri: &Url) -> Option<(Vec<Diagnostic>, i32)> {
        let encoding = self.encoding;
        let linted = self.lint(uri)?;
        if let Some(document) = self.documents.get_mut(uri) {
            document.last_published = Some(std::time::Instant::now());
        }
        Some((linted.to_lsp(uri, encoding), linted.version))
    }

    /// Drops the loaded configs and every lint made with them.
    fn forget_configs(&mut self) {
        self.configs = None;
        self.lints.clear();
    }

    /// The parsed document and its findings, under its nearest config: the
    /// last lint of this version of the document, or a new one.
    fn lint(&mut self, uri: &Url) -> Option<Arc<Linted>> {
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
struct Linted {
    version: i32,
    generation: u64,
    document: Document,
    diagnostics: Vec<copydesk_core::Diagnostic>,
    /// The config the document was linted under, or why there is none.
    config: std::result::Result<Configured, String>,
    language: Language,
}

struct Configured {
    loaded: Arc<LoadedConfig>,
    /// The document's path relative to the config's folder.
    relative: String,
    rule_set: Arc<copydesk_core::rules::RuleSet>,
}

impl Linted {
    fn config_error(
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

    fn to_lsp(&self, uri: &Url, encoding: ColumnEncoding) -> Vec<Diagnostic> {
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

impl Backend {
    fn state(&self) -> MutexGuard<'_, State> {
        lock(&self.state)
    }

    async fn publish(&self, uri: Url) {
        let (diagnostics, version) = {
            let mut state = self.state();
            if state.pull_diagnostics {
                return;
            }
            match state.diagnostics_to_publish(&uri) {
                Some((diagnostics, version)) => (diagnostics, Some(version)),
                None => return,
            }
        };
        self.client
            .publish_diagnostics(uri, diagnostics, version)
            .await;
    }

    /// Lints after `delay`, unless the document changed again meanwhile.
    fn publish_later(&self, uri: Url, generation: u64, delay: Duration) {
        let state = Arc::clone(&self.state);
        let client = self.client.clone();
        tokio::spawn(async move {
            if !delay.is_zero() {
                tokio::time::sleep(delay).await;
            }
            let published = {
                let mut state = lock(&state);
                let current = state
                    .documents
                    .get(&uri)
                    .map(|document| document.generation);
                if current != Some(generation) || state.pull_diagnostics {
                    return;
                }
                state.diagnostics_to_publish(&uri)
            };
            if let Some((diagnostics, version)) = published {
                client
                    .publish_diagnostics(uri, diagnostics, Some(version))
                    .await;
            }
        });
    }

    async fn relint_all(&self) {
        let uris: Vec<Url> = {
            let mut state = self.state();
            state.forget_configs();
            state.documents.keys().cloned().collect()
        };
        if self.state().pull_diagnostics {
            let _ = self.client.workspace_diagnostic_refresh().await;
            return;
        }
        for uri in uris {
            self.publish(uri).await;
        }
    }
}

fn negotiate_encoding(params: &InitializeParams) -> ColumnEncoding {
    let offered = params
        .capabilities
        .general
        .as_ref()
        .and_then(|general| general.position_encodings.as_ref());
    match offered {
        Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => ColumnEncoding::Utf8,
        _ => ColumnEncoding::Utf16,
    }
}

fn encoding_kind(encoding: ColumnEncoding) -> PositionEncodingKind {
    match encoding {
        ColumnEncoding::Utf8 => PositionEncodingKind::UTF8,
        ColumnEncoding::Utf16 => PositionEncodingKind::UTF16,
        ColumnEncoding::Chars => PositionEncodingKind::UTF32,
    }
}

#[tower_lsp::async_trait]
impl LanguageServer for Backend {
    async fn initialize(&self, params: InitializeParams) -> Result<InitializeResult> {
        let encoding = negotiate_encoding(&params);
        let pull = params
            .capabilities
            .text_document
            .as_ref()
            .is_some_and(|text| text.diagnostic.is_some());
        let watches_files = params
            .capabilities
            .workspace
            .as_ref()
            .and_then(|workspace| workspace.did_change_watched_files.as_ref())
            .and_then(|watched| watched.dynamic_registration)
            .unwrap_or(false);
        {
            let mut state = self.state();
            state.encoding = encoding;
            state.pull_diagnostics = pull;
            state.watches_files = watches_files;
            // VS Code sends its display language; a config's `language:` wins.
            if let Some(locale) = params.locale.as_deref() {
                state.locale = copydesk_core::Language::from_locale(locale).or(state.locale);
                state.forget_configs();
            }
        }
        Ok(InitializeResult {
            server_info: Some(ServerInfo {
                name: "copydesk".into(),
                version: Some(env!("CARGO_PKG_VERSION").into()),
            }),
            capabilities: ServerCapabilities {
                position_encoding: Some(encoding_kind(encoding)),
                text_document_sync: Some(TextDocumentSyncCapability::Options(
                    TextDocumentSyncOptions {
                        open_close: Some(true),
                        change: Some(TextDocumentSyncKind::INCREMENTAL),
                        save: Some(TextDocumentSyncSaveOptions::Supported(true)),
                        ..TextDocumentSyncOptions::default()
                    },
                )),
                code_action_provider: Some(CodeActionProviderCapability::Options(
                    CodeActionOptions {
                        code_action_kinds: Some(vec![
                            CodeActionKind::QUICKFIX,
                            CodeActionKind::new(FIX_ALL),
                        ]),
                        ..CodeActionOptions::default()
                    },
                )),
                hover_provider: Some(HoverProviderCapability::Simple(true)),
                completion_provider: Some(CompletionOptions {
                    trigger_characters: Some(vec![
                        "[".into(),
                        ",".into(),
                        "\"".into(),
                        "-".into(),
                        " ".into(),
                    ]),
                    ..CompletionOptions::default()
                }),
                diagnostic_provider: pull.then(|| {
                    DiagnosticServerCapabilities::Options(DiagnosticOptions {
                        identifier: Some("copydesk".into()),
                        inter_file_dependencies: false,
                        workspace_diagnostics: false,
                        ..DiagnosticOptions::default()
                    })
                }),
                workspace: Some(WorkspaceServerCapabilities {
                    workspace_folders: Some(WorkspaceFoldersServerCapabilities {
                        supported: Some(true),
                        change_notifications: Some(OneOf::Left(true)),
                    }),
                    file_operations: None,
                }),
                ..ServerCapabilities::default()
            },
        })
    }

    async fn initialized(&self, _: InitializedParams) {
        // Without watchers, configs are compared with the disk as documents
        // are opened, changed and saved (see `configs_changed_on_disk`).
        if !self.state().watches_files {
            return;
        }
        let watchers = [
            "**/.copydesk.yml",
            "**/.copydesk.yaml",
            "**/*.vocab.yml",
            "**/*.vocab.yaml",
            "**/packs/*.yml",
        ]
        .into_iter()
        .map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.into()),
            kind: None,
        })
        .collect();
        let registration = Registration {
            id: "copydesk-config-files".into(),
            method: "workspace/didChangeWatchedFiles".into(),
            register_options: serde_json::to_value(DidChangeWatchedFilesRegistrationOptions {
                watchers,
            })
            .ok(),
        };
        let _ = self.client.register_capability(vec![registration]).await;
    }

    async fn shutdown(&self) -> Result<()> {
        // Only `exit` may follow. A client that sends it and then keeps the pipe
        // open would leave the process waiting for input forever.
        tokio::spawn(async {
            tokio::time::sleep(Duration::from_secs(3)).await;
            std::process::exit(0);
        });
        Ok(())
    }

    async fn did_open(&self, params: DidOpenTextDocumentParams) {
        let document = params.text_document;
        let changed = {
            let mut state = self.state();
            state.documents.insert(
                document.uri.clone(),
                OpenDocument::new(document.uri.clone(), document.version, document.text),
            );
            state.configs_changed_on_disk()
        };
        if changed {
            self.relint_all().await;
        } else {
            self.publish(document.uri).await;
        }
    }

    async fn did_change(&self, params: DidChangeTextDocumentParams) {
        let uri = params.text_document.uri;
        let next = {
            let mut state = self.state();
            let encoding = state.encoding;
            // Edits to a document that was never opened have nothing to apply to.
            let Some(document) = state.documents.get_mut(&uri) else {
                return;
            };
            document.apply(
                params.text_document.version,
                params.content_changes,
                encoding,
            );
            let in_burst = document
                .last_published
                .is_some_and(|at| at.elapsed() < DEBOUNCE);
            let generation = document.generation;
            let delay = if in_burst { DEBOUNCE } else { Duration::ZERO };
            // A changed config has every open document linted again.
            (!state.configs_changed_on_disk()).then_some((generation, delay))
        };
        match next {
            Some((generation, delay)) => self.publish_later(uri, generation, delay),
            None => self.relint_all().await,
        }
    }

    async fn did_save(&self, params: DidSaveTextDocumentParams) {
        if self.state().configs_changed_on_disk() {
            self.relint_all().await;
        } else {
            self.publish(params.text_document.uri).await;
        }
    }

    async fn did_close(&self, params: DidCloseTextDocumentParams) {
        let uri = params.text_document.uri;
        {
            let mut state = self.state();
            state.documents.remove(&uri);
            state.lints.remove(&uri);
        }
        self.client.publish_diagnostics(uri, Vec::new(), None).await;
        return_freed_memory();
    }

    async fn did_change_watched_files(&self, _: DidChangeWatchedFilesParams) {
        self.relint_all().await;
    }

    async fn did_change_workspace_folders(&self, _: DidChangeWorkspaceFoldersParams) {
        self.relint_all().await;
    }

    async fn diagnostic(
        &self,
        params: DocumentDiagnosticParams,
    ) -> Result<DocumentDiagnosticReportResult> {
        let mut state = self.state();
        let encoding = state.encoding;
        let items = state
            .lint(&params.text_document.uri)
            .map(|linted| linted.to_lsp(&params.text_document.uri, encoding))
            .unwrap_or_default();
        Ok(DocumentDiagnosticReportResult::Report(
            DocumentDiagnosticReport::Full(RelatedFullDocumentDiagnosticReport {
                related_documents: None,
                full_document_diagnostic_report: FullDocumentDiagnosticReport {
                    result_id: None,
                    items,
                },
            }),
        ))
    }

    async fn code_action(&self, params: CodeActionParams) -> Result<Option<CodeActionResponse>> {
        let mut state = self.state();
        let encoding = state.encoding;
        let uri = params.text_document.uri;
        let Some(version) = state.documents.get(&uri).map(|document| document.version) else {
            return Ok(None);
        };
        // A diagnostic from an earlier version (an edit's lint is pending)
        // keeps its quick fix when the current text has the same finding at
        // the same place: its fix is taken from a lint of the current text.
        let stale = params.context.diagnostics.iter().any(|diagnostic| {
            diagnostic
                .data
                .as_ref()
                .and_then(|data| data.get("version")?.as_i64())
                != Some(i64::from(version))
        });
        let current: Vec<CurrentFix> = if stale {
            state.lint(&uri).map_or_else(Vec::new, |linted| {
                linted
                    .diagnostics
                    .iter()
                    .filter_map(|finding| {
                        Some(CurrentFix {
                            rule: finding.rule.to_string(),
                            range: to_range(&linted.document.source, finding.range, encoding),
                            fix: finding.fix.clone()?,
                        })
                    })
                    .collect()
            })
        } else {
            Vec::new()
        };
        let language = state.language_of(&uri);
        let Some(document) = state.documents.get(&uri) else {
            return Ok(None);
        };
        let wants = |kind: &CodeActionKind| {
            params.context.only.as_ref().is_none_or(|only| {
                only.iter().any(|wanted| {
                    kind.as_str() == wanted.as_str()
                        || kind.as_str().starts_with(&format!("{}.", wanted.as_str()))
                })
            })
        };
        let mut actions = Vec::new();
        if wants(&CodeActionKind::QUICKFIX) {
            let ours: Vec<&Diagnostic> = params
                .context
                .diagnostics
                .iter()
                .filter(|d| d.source.as_deref() == Some("copydesk"))
                .collect();
            for diagnostic in &ours {
                if let Some(action) = quick_fix(document, diagnostic, encoding, &current) {
                    actions.push(CodeActionOrCommand::CodeAction(action));
                }
            }
            // One "Disable … for this line" per rule and line, however many
            // findings the rule has there, after the fixes.
            let mut disabled: Vec<(u32, &NumberOrString)> = Vec::new();
            for diagnostic in &ours {
                let Some(code) = diagnostic.code.as_ref() else {
                    continue;
                };
                let key = (diagnostic.range.start.line, code);
                if disabled.contains(&key) {
                    continue;
                }
                disabled.push(key);
                if let Some(action) = disable_for_line(document, diagnostic, encoding, language) {
                    actions.push(CodeActionOrCommand::CodeAction(action));
                }
            }
        }
        let fix_all = CodeActionKind::new(FIX_ALL);
        if wants(&fix_all) {
            drop(state);
            if let Some(action) = self.fix_all(&uri) {
                actions.push(CodeActionOrCommand::CodeAction(action));
            }
        }
        Ok(Some(actions))
    }

    async fn hover(&self, params: HoverParams) -> Result<Option<Hover>> {
        let uri = params.text_document_position_params.text_document.uri;
        let mut state = self.state();
        let encoding = state.encoding;
        let Some(linted) = state.lint(&uri) else {
            return Ok(None);
        };
        let source = &linted.document.source;
        let offset = to_offset(
            source,
            params.text_document_position_params.position,
            encoding,
        );
        // What the value is (the reading-time estimate, a tag's entry) first,
        // then what is wrong with it.
        let mut sections: Vec<String> = linted
            .config
            .as_ref()
            .ok()
            .and_then(|configured| {
                copydesk_core::editor::hover(
                    &configured.loaded.config,
                    &configured.relative,
                    &linted.document,
                    offset,
                    linted.language,
                )
            })
            .into_iter()
            .collect();
        let under: Vec<&copydesk_core::Diagnostic> = linted
            .diagnostics
            .iter()
            .filter(|d| d.range.contains_inclusive(offset))
            .collect();
        // Several findings in one place: each says what and how, briefly.
        let with_why = under.len() == 1;
        for diagnostic in under {
            sections.push(rule_hover(diagnostic, with_why, linted.language));
        }
        if sections.is_empty() {
            return Ok(None);
        }
        Ok(Some(Hover {
            contents: HoverContents::Markup(MarkupContent {
                kind: MarkupKind::Markdown,
                value: sections.join("\n\n---\n\n"),
            }),
            range: None,
        }))
    }

    async fn completion(&self, params: CompletionParams) -> Result<Option<CompletionResponse>> {
        let uri = params.text_document_position.text_document.uri;
        let mut state = self.state();
        let encoding = state.encoding;
        let Some(linted) = state.lint(&uri) else {
            return Ok(None);
        };
        let source = &linted.document.source;
        let offset = to_offset(source, params.text_document_position.position, encoding);
        Ok(tag_completions(&linted, offset, encoding).map(CompletionResponse::Array))
    }
}

impl Backend {
    /// Every safe fix, applied until the text settles, as one edit.
    fn fix_all(&self, uri: &Url) -> Option<CodeAction> {
        let mut state = self.state();
        let encoding = state.encoding;
        let linted = state.lint(uri)?;
        let configured = linted.config.as_ref().ok()?;
        let source = &linted.document.source;
        let outcome = fix_until_settled(
            &linted.document.path,
            source.clone(),
            &configured.rule_set,
            false,
            MAX_FIX_ROUNDS,
        );
        if outcome.text == source.text() {
            return None;
        }
        let edit = minimal_edit(source, &outcome.text, encoding);
        Some(CodeAction {
            title: tr!(linted.language, "lsp-fix-all"),
            kind: Some(CodeActionKind::new(FIX_ALL)),
            edit: Some(WorkspaceEdit {
                changes: Some(HashMap::from([(uri.clone(), vec![edit])])),
                ..WorkspaceEdit::default()
            }),
            ..CodeAction::default()
        })
    }
}

/// glibc keeps freed memory in its per-thread arenas; after a big document
/// closes, a server that runs all day should give it back.
fn return_freed_memory() {
    // "arena.<MALLCTL_ARENAS_ALL>.purge": every arena's unused pages,
    // whichever thread freed them.
    #[cfg(not(target_env = "msvc"))]
    // SAFETY: a NUL-terminated name, and no values read or written.
    unsafe {
        tikv_jemalloc_sys::mallctl(
            c"arena.4096.purge".as_ptr(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            std::ptr::null_mut(),
            0,
        );
    }
}

/// One edit covering what changed between the old and new text.
fn minimal_edit(source: &copydesk_core::Source, new: &str, encoding: ColumnEncoding) -> TextEdit {
    let old = source.text();
    let prefix = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let mut prefix = prefix.min(old.len()).min(new.len());
    while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
        prefix -= 1;
    }
    let max_suffix = (old.len() - prefix).min(new.len() - prefix);
    let mut suffix = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suffix)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix) {
        suffix -= 1;
    }
    let range = TextRange::new(
        TextSize::from(prefix as u32),
        TextSize::from((old.len() - suffix) as u32),
    );
    TextEdit {
        range: to_range(source, range, encoding),
        new_text: new[prefix..new.len() - suffix].to_string(),
    }
}

/// A fix in a lint of the document's current text, with its finding's rule
/// and range, to match a diagnostic from an earlier version.
struct CurrentFix {
    rule: String,
    range: Range,
    fix: Fix,
}

fn quick_fix(
    document: &OpenDocument,
    diagnostic: &Diagnostic,
    encoding: ColumnEncoding,
    current: &[CurrentFix],
) -> Option<CodeAction> {
    // A fix computed for another version of the text would edit the wrong
    // bytes: such a diagnostic takes the fix of the same finding now.
    let same_version = |data: &&Json| {
        data.get("version").and_then(Json::as_i64) == Some(i64::from(document.version))
    };
    let fix: Fix = match diagnostic.data.as_ref().filter(same_version) {
        Some(data) => serde_json::from_value(data.get("fix")?.clone()).ok()?,
        None => {
            let NumberOrString::String(rule) = diagnostic.code.as_ref()? else {
                return None;
            };
            current
                .iter()
                .find(|found| found.rule == *rule && found.range == diagnostic.range)?
                .fix
                .clone()
        }
    };
    let edits = fix
        .edits
        .iter()
        .filter(|edit| usize::from(edit.range.end()) <= document.source.text().len())
        .map(|edit| TextEdit {
            range: to_range(&document.source, edit.range, encoding),
            new_text: edit.replacement.clone(),
        })
        .collect();
    Some(CodeAction {
        title: fix.title.clone(),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        is_preferred: Some(fix.applicability == Applicability::Safe),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(document.uri.clone(), edits)])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// Inserts a suppression comment above the diagnostic's line: an HTML comment
/// in the body, a YAML or TOML comment in front matter.
fn disable_for_line(
    document: &OpenDocument,
    diagnostic: &Diagnostic,
    encoding: ColumnEncoding,
    language: Language,
) -> Option<CodeAction> {
    let rule = match diagnostic.code.as_ref()? {
        NumberOrString::String(rule) => rule.clone(),
        NumberOrString::Number(_) => return None,
    };
    let source = &document.source;
    let line = diagnostic.range.start.line;
    let line_range = source.line_range(line)?;
    let line_text = source.slice(line_range);
    let indent: String = line_text
        .chars()
        .take_while(|ch| *ch == ' ' || *ch == '\t')
        .collect();
    let parsed = copydesk_core::front_matter::FrontMatter::parse(source);
    let in_front_matter = parsed
        .content_range
        .is_some_and(|content| content.contains(line_range.start()));
    let ending = source.line_ending().as_str();
    let comment = if in_front_matter {
        format!("{indent}# copydesk-disable-next-line {rule}{ending}")
    } else {
        format!("<!-- copydesk-disable-next-line {rule} -->{ending}")
    };
    let at = to_range(source, TextRange::empty(line_range.start()), encoding);
    Some(CodeAction {
        title: tr!(language, "lsp-disable-for-line", rule = &rule),
        kind: Some(CodeActionKind::QUICKFIX),
        diagnostics: Some(vec![diagnostic.clone()]),
        edit: Some(WorkspaceEdit {
            changes: Some(HashMap::from([(
                document.uri.clone(),
                vec![TextEdit {
                    range: at,
                    new_text: comment,
                }],
            )])),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// A finding's hover: its message and help, a few lines on why from the
/// rule's page (unless several findings share the hover), and where to read
/// the rest. Never the whole page.
fn rule_hover(
    diagnostic: &copydesk_core::Diagnostic,
    with_why: bool,
    language: Language,
) -> String {
    let mut text = format!("**copydesk: {}**: {}", diagnostic.rule, diagnostic.message);
    if let Some(help) = &diagnostic.help {
        // Two spaces: a Markdown line break, so the help reads as its own line.
        text.push_str(&format!("  \n{help}"));
    }
    text.push_str("\n\n");
    if let Some(why) = copydesk_core::rules::find(&diagnostic.rule)
        .filter(|_| with_why)
        .and_then(|info| why(info, language))
    {
        text.push_str(&format!("{why} "));
    }
    text.push_str(&tr!(language, "lsp-hover-more", rule = &diagnostic.rule));
    text
}

/// At most this many characters of a rule page's "Why is this bad?" go in a hover.
const WHY_CHARACTERS: usize = 280;

/// The first paragraph of a rule page's "Why is this bad?" (「なぜ問題か」),
/// cut at a sentence near [`WHY_CHARACTERS`].
fn why(info: &copydesk_core::rules::RuleInfo, language: Language) -> Option<String> {
    let (doc, heading, sentence_end) = match language {
        Language::En => (info.doc, "\n## Why is this bad?\n", ". "),
        Language::Ja => (info.doc_ja, "\n## なぜ問題か\n", "。"),
    };
    let section = doc.split(heading).nth(1)?;
    let paragraph: Vec<&str> = section
        .trim_start()
        .lines()
        .take_while(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .collect();
    let paragraph = paragraph.join(" ");
    if paragraph.chars().count() <= WHY_CHARACTERS {
        return (!paragraph.is_empty()).then_some(paragraph);
    }
    let cut: String = paragraph.chars().take(WHY_CHARACTERS).collect();
    Some(match cut.rfind(sentence_end) {
        Some(end) => cut[..end + sentence_end.trim_end().len()].to_string(),
        None => format!("{}…", cut.trim_end()),
    })
}

/// The rules' completions at `offset`, as LSP items.
fn tag_completions(
    linted: &Linted,
    offset: TextSize,
    encoding: ColumnEncoding,
) -> Option<Vec<CompletionItem>> {
    let configured = linted.config.as_ref().ok()?;
    let source = &linted.document.source;
    let found = copydesk_core::editor::completions(
        &configured.loaded.config,
        &configured.relative,
        source.text(),
        offset,
        linted.language,
    )?;
    let replace = to_range(source, found.replace, encoding);
    let items = found
        .items
        .into_iter()
        .enumerate()
        .map(|(rank, item)| CompletionItem {
            label: item.label,
            kind: Some(CompletionItemKind::VALUE),
            detail: item.detail,
            documentation: item.documentation.map(Documentation::String),
            // Clients filter on this, or on the label when it is absent.
            filter_text: Some(item.filter),
            sort_text: Some(format!("{rank:05}")),
            text_edit: Some(CompletionTextEdit::Edit(TextEdit {
                range: replace,
                new_text: item.insert,
            })),
            ..CompletionItem::default()
        })
        .collect();
    Some(items)
}
