//! `copydesk lsp`: a language server over stdio, linting in process.

mod actions;
mod convert;
mod documents;
mod hover;
mod state;
mod transport;

use std::sync::{Arc, Mutex, MutexGuard};
use std::time::Duration;

use tower_lsp::jsonrpc::Result;
use tower_lsp::lsp_types::*;
use tower_lsp::{Client, LanguageServer, LspService, Server};

use actions::{disable_for_line, quick_fix, CurrentFix, FIX_ALL};
use convert::{encoding_kind, negotiate_encoding};
use documents::{to_offset, to_range, OpenDocument};
use hover::{rule_hover, tag_completions};
use state::{lock, State};

/// How long the server may still write once the client has gone or sent `exit`.
const LAST_WORDS: Duration = Duration::from_millis(500);

/// Edits this close together lint once; an edit after a pause lints at once.
const DEBOUNCE: Duration = Duration::from_millis(150);

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

struct Backend {
    client: Client,
    state: Arc<Mutex<State>>,
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
            if let Some(action) = actions::fix_all(&mut state, &uri) {
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
