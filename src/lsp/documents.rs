//! Open documents: text, version, and edits applied in the negotiated encoding.

use std::path::PathBuf;

use copydesk_core::{ColumnEncoding, Position, Source, TextRange, TextSize};
use tower_lsp::lsp_types::{self, TextDocumentContentChangeEvent, Url};

pub struct OpenDocument {
    pub uri: Url,
    pub version: i32,
    pub source: Source,
    /// Bumped on every change, so a debounced lint can tell it is stale.
    pub generation: u64,
    /// When diagnostics were last published, to tell a burst of edits from a pause.
    pub last_published: Option<std::time::Instant>,
}

impl OpenDocument {
    pub fn new(uri: Url, version: i32, text: String) -> OpenDocument {
        OpenDocument {
            uri,
            version,
            source: Source::new(text),
            generation: 0,
            last_published: None,
        }
    }

    /// The file the document is, for config lookup; untitled buffers lint
    /// with the config of the current folder.
    pub fn path(&self) -> PathBuf {
        self.uri
            .to_file_path()
            .unwrap_or_else(|_| PathBuf::from(self.uri.path().trim_start_matches('/')))
    }

    /// Applies changes in order; a range past the end is clamped, as LSP asks.
    pub fn apply(
        &mut self,
        version: i32,
        changes: Vec<TextDocumentContentChangeEvent>,
        encoding: ColumnEncoding,
    ) {
        for change in changes {
            let text = match change.range {
                None => change.text,
                Some(range) => {
                    let range = to_text_range(&self.source, range, encoding);
                    let mut text = self.source.text().to_string();
                    text.replace_range(
                        usize::from(range.start())..usize::from(range.end()),
                        &change.text,
                    );
                    text
                }
            };
            self.source = Source::new(text);
        }
        self.version = version;
        self.generation += 1;
    }
}

/// An LSP position as a byte offset; past the end of a line or the file, the end.
pub fn to_offset(
    source: &Source,
    position: lsp_types::Position,
    encoding: ColumnEncoding,
) -> TextSize {
    let position = Position {
        line: position.line,
        column: position.character,
    };
    source
        .offset(position, encoding)
        .unwrap_or_else(|| source.len())
}

pub fn to_text_range(
    source: &Source,
    range: lsp_types::Range,
    encoding: ColumnEncoding,
) -> TextRange {
    let start = to_offset(source, range.start, encoding);
    let end = to_offset(source, range.end, encoding).max(start);
    TextRange::new(start, end)
}

pub fn to_position(
    source: &Source,
    offset: TextSize,
    encoding: ColumnEncoding,
) -> lsp_types::Position {
    let position = source.position(offset, encoding);
    lsp_types::Position {
        line: position.line,
        character: position.column,
    }
}

pub fn to_range(source: &Source, range: TextRange, encoding: ColumnEncoding) -> lsp_types::Range {
    lsp_types::Range {
        start: to_position(source, range.start(), encoding),
        end: to_position(source, range.end(), encoding),
    }
}
