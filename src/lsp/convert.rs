//! Conversions between the core's types and LSP's: the position encoding,
//! and the edit a whole-text change makes.

use copydesk_core::{ColumnEncoding, TextRange, TextSize};
use tower_lsp::lsp_types::*;

use super::documents::to_range;

pub(super) fn negotiate_encoding(params: &InitializeParams) -> ColumnEncoding {
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

pub(super) fn encoding_kind(encoding: ColumnEncoding) -> PositionEncodingKind {
    match encoding {
        ColumnEncoding::Utf8 => PositionEncodingKind::UTF8,
        ColumnEncoding::Utf16 => PositionEncodingKind::UTF16,
        ColumnEncoding::Chars => PositionEncodingKind::UTF32,
    }
}

/// One edit covering what changed between the old and new text.
pub(super) fn minimal_edit(
    source: &copydesk_core::Source,
    new: &str,
    encoding: ColumnEncoding,
) -> TextEdit {
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
