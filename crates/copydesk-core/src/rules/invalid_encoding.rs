//! `invalid-encoding`: a file that is not UTF-8 text. Nothing else can be
//! checked in it; the engine reports it before parsing. Docs: `rules/invalid-encoding.md`.

use crate::diagnostic::Violation;
use crate::source::{DecodeError, TextRange, TextSize};

/// The finding for bytes that could not be decoded, at the offending byte.
pub fn violation(error: &DecodeError) -> Violation {
    let offset = match error {
        DecodeError::InvalidUtf8 { offset } | DecodeError::Binary { offset } => *offset,
        DecodeError::Utf16 { .. } => 0,
    };
    let start = TextSize::from(offset as u32);
    Violation::new(
        TextRange::new(start, start + TextSize::from(1)),
        error.to_string(),
    )
    .with_help("re-save the file as UTF-8 text")
}
