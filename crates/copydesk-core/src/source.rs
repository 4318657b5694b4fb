//! The source model: bytes in, text with one line index out.
//!
//! Every layer above this one speaks in byte ranges into the original file
//! (BOM included). Conversion to line and column happens only here.

use std::sync::OnceLock;

pub use text_size::{TextRange, TextSize};

const BOM: &str = "\u{feff}";

/// How a column is counted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ColumnEncoding {
    /// Bytes of UTF-8.
    Utf8,
    /// UTF-16 code units, as LSP clients count by default.
    Utf16,
    /// Unicode scalar values (what a person calls characters).
    Chars,
}

/// A zero-based line and column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Position {
    pub line: u32,
    pub column: u32,
}

/// The line ending a file mostly uses; fixes that insert lines use it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LineEnding {
    Lf,
    CrLf,
    Cr,
}

impl LineEnding {
    pub fn as_str(self) -> &'static str {
        match self {
            LineEnding::Lf => "\n",
            LineEnding::CrLf => "\r\n",
            LineEnding::Cr => "\r",
        }
    }
}

/// Why bytes could not become a [`Source`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// Not valid UTF-8; `offset` is the first bad byte.
    InvalidUtf8 { offset: usize },
    /// A UTF-16 byte-order mark: the file must be re-saved as UTF-8.
    Utf16 { big_endian: bool },
    /// A NUL byte: almost certainly not a text file.
    Binary { offset: usize },
}

impl DecodeError {
    pub fn message(&self) -> crate::messages::Message {
        use crate::message;
        match self {
            DecodeError::InvalidUtf8 { offset } => {
                message!("encoding-invalid-utf8", offset = *offset)
            }
            DecodeError::Utf16 { big_endian: true } => message!("encoding-utf16-big-endian"),
            DecodeError::Utf16 { big_endian: false } => message!("encoding-utf16-little-endian"),
            DecodeError::Binary { offset } => message!("encoding-binary", offset = *offset),
        }
    }
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message().render(crate::messages::Language::En))
    }
}

impl std::error::Error for DecodeError {}

/// A decoded file with its line index.
#[derive(Debug, Clone)]
pub struct Source {
    text: String,
    bom_len: u32,
    line_ending: LineEnding,
    /// Built on the first position asked for: a file with no findings, the
    /// usual case, never needs it.
    index: OnceLock<LineStarts>,
}

impl Source {
    /// Decodes bytes. Invalid input is an error that names the offending byte.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Source, DecodeError> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(DecodeError::Utf16 {
                big_endian: bytes[0] == 0xFE,
            });
        }
        // simdutf8 validates Japanese text several times faster than std;
        // std, on the rare failure, names the offending byte.
        let text = if simdutf8::basic::from_utf8(&bytes).is_ok() {
            // SAFETY: the bytes were just validated as UTF-8.
            unsafe { String::from_utf8_unchecked(bytes) }
        } else {
            String::from_utf8(bytes).map_err(|error| DecodeError::InvalidUtf8 {
                offset: error.utf8_error().valid_up_to(),
            })?
        };
        if let Some(offset) = memchr::memchr(0, text.as_bytes()) {
            return Err(DecodeError::Binary { offset });
        }
        Ok(Source::new(text))
    }

    /// Builds the model over text that is already a string (an editor buffer).
    ///
    /// Offsets are limited to `u32`, as in every LSP position; longer text is
    /// indexed up to that limit, which no post comes near.
    pub fn new(text: String) -> Source {
        let bom_len = if text.starts_with(BOM) {
            BOM.len() as u32
        } else {
            0
        };
        let line_ending = dominant_line_ending(&text);
        Source {
            text,
            bom_len,
            line_ending,
            index: OnceLock::new(),
        }
    }

    fn index(&self) -> &LineStarts {
        self.index
            .get_or_init(|| LineStarts::new(&self.text[self.bom_len as usize..]))
    }

    /// The whole text, BOM included, so offsets index it directly.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn len(&self) -> TextSize {
        TextSize::of(self.text.as_str())
    }

    pub fn is_empty(&self) -> bool {
        self.text.is_empty()
    }

    pub fn has_bom(&self) -> bool {
        self.bom_len > 0
    }

    /// Where the content starts: after the BOM, if any.
    pub fn content_start(&self) -> TextSize {
        TextSize::from(self.bom_len)
    }

    pub fn line_ending(&self) -> LineEnding {
        self.line_ending
    }

    pub fn slice(&self, range: TextRange) -> &str {
        &self.text[range]
    }

    /// Converts a byte offset to a zero-based line and column.
    /// Offsets past the end are clamped to the end; the BOM is not a column;
    /// an offset between `\r` and `\n` is the end of its line.
    pub fn position(&self, offset: TextSize, encoding: ColumnEncoding) -> Position {
        let mut offset = offset.min(self.len());
        let at = usize::from(offset);
        if at > 0
            && self.text.as_bytes()[at - 1] == b'\r'
            && self.text.as_bytes().get(at) == Some(&b'\n')
        {
            offset -= TextSize::from(1);
        }
        let local = offset.checked_sub(self.content_start()).unwrap_or_default();
        let local = self.floor_char_boundary(local);
        let content = &self.text[self.bom_len as usize..];
        let (line, line_start) = match self.index.get() {
            // Front matter positions, asked for in every post, are near the
            // top: the lines before them are counted with no index. The
            // bound keeps many such questions about a huge file cheap.
            None if usize::from(local) < (content.len() / 8).min(UNINDEXED_REACH) => {
                let mut line = 0;
                let mut line_start = TextSize::from(0);
                for start in line_starts(content, usize::from(local)) {
                    line += 1;
                    line_start = start;
                }
                (line, line_start)
            }
            _ => {
                let index = self.index();
                let line = index.line_of(local);
                (line, index.start_of(line).unwrap_or_default())
            }
        };
        let before = &content[usize::from(line_start)..usize::from(local)];
        let column = match encoding {
            ColumnEncoding::Utf8 => before.len(),
            ColumnEncoding::Utf16 => crate::text::utf16_len(before),
            ColumnEncoding::Chars => before.chars().count(),
        };
        Position {
            line,
            column: column as u32,
        }
    }

    /// Converts a zero-based line and column back to a byte offset.
    /// A column past the end of its line resolves to the line's end, as LSP asks.
    pub fn offset(&self, position: Position, encoding: ColumnEncoding) -> Option<TextSize> {
        let line_range = self.line_range(position.line)?;
        let line_text = &self.text[line_range];
        let mut consumed = 0u32;
        let mut byte = 0usize;
        for ch in line_text.chars() {
            if matches!(ch, '\n' | '\r') || consumed >= position.column {
                break;
            }
            let width = match encoding {
                ColumnEncoding::Utf8 => ch.len_utf8() as u32,
                ColumnEncoding::Utf16 => ch.len_utf16() as u32,
                ColumnEncoding::Chars => 1,
            };
            if consumed + width > position.column {
                break;
            }
            consumed += width;
            byte += ch.len_utf8();
        }
        Some(line_range.start() + TextSize::from(byte as u32))
    }

    /// The byte range of a zero-based line, its line ending included. The
    /// first line starts after the BOM, which is not part of any line.
    pub fn line_range(&self, line: u32) -> Option<TextRange> {
        let index = self.index();
        let start = index.start_of(line)?;
        let end = index
            .start_of(line + 1)
            .unwrap_or(self.len() - self.content_start());
        Some(TextRange::new(start, end) + self.content_start())
    }

    pub fn line_count(&self) -> u32 {
        self.index().starts.len() as u32 + 1
    }

    fn floor_char_boundary(&self, local: TextSize) -> TextSize {
        let content = &self.text[self.bom_len as usize..];
        TextSize::from(crate::text::floor_char_boundary(content, usize::from(local)) as u32)
    }
}

/// How far into a file a position is worked out by counting lines, before
/// the line index is built.
const UNINDEXED_REACH: usize = 4096;

/// Where each line after the first starts, relative to the content.
///
/// Columns are counted in the line when asked for, as ruff's line index does.
/// `line-index` also records every non-ASCII character up front, which for
/// Japanese posts cost more than all the rest of positioning.
#[derive(Debug, Clone)]
struct LineStarts {
    starts: Box<[TextSize]>,
}

/// The starts of the lines after the first whose line ending is before `end`.
fn line_starts(content: &str, end: usize) -> impl Iterator<Item = TextSize> + '_ {
    let bytes = content.as_bytes();
    memchr::memchr2_iter(b'\n', b'\r', &bytes[..end])
        .filter(|&at| !(bytes[at] == b'\r' && bytes.get(at + 1) == Some(&b'\n')))
        .map(|at| TextSize::from(at as u32 + 1))
}

impl LineStarts {
    /// `\n`, `\r\n` and a lone `\r` (a line ending in CommonMark) end lines.
    fn new(content: &str) -> LineStarts {
        LineStarts {
            starts: line_starts(content, content.len()).collect(),
        }
    }

    fn line_of(&self, offset: TextSize) -> u32 {
        self.starts.partition_point(|&start| start <= offset) as u32
    }

    fn start_of(&self, line: u32) -> Option<TextSize> {
        match line.checked_sub(1) {
            None => Some(TextSize::from(0)),
            Some(before) => self.starts.get(before as usize).copied(),
        }
    }
}

fn dominant_line_ending(text: &str) -> LineEnding {
    // Most posts have no CR at all; one fast search settles it.
    if !text.contains('\r') {
        return LineEnding::Lf;
    }
    let bytes = text.as_bytes();
    let (mut lf, mut crlf, mut cr) = (0usize, 0usize, 0usize);
    let mut at = 0;
    while at < bytes.len() {
        match bytes[at] {
            b'\r' if bytes.get(at + 1) == Some(&b'\n') => {
                crlf += 1;
                at += 1;
            }
            b'\r' => cr += 1,
            b'\n' => lf += 1,
            _ => {}
        }
        at += 1;
    }
    if crlf > lf && crlf >= cr {
        LineEnding::CrLf
    } else if cr > lf && cr > crlf {
        LineEnding::Cr
    } else {
        LineEnding::Lf
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Positions worked out one character at a time, to check the index.
    fn walked(text: &str) -> Vec<(usize, [u32; 4])> {
        let content_start = if text.starts_with(BOM) { BOM.len() } else { 0 };
        let (mut line, mut utf8, mut utf16, mut chars) = (0, 0, 0, 0);
        let mut seen = Vec::new();
        for (at, ch) in text[content_start..].char_indices() {
            seen.push((content_start + at, [line, utf8, utf16, chars]));
            let ends_line =
                ch == '\n' || (ch == '\r' && !text[content_start + at + 1..].starts_with('\n'));
            if ends_line {
                (line, utf8, utf16, chars) = (line + 1, 0, 0, 0);
            } else if ch != '\r' {
                (utf8, utf16, chars) = (
                    utf8 + ch.len_utf8() as u32,
                    utf16 + ch.len_utf16() as u32,
                    chars + 1,
                );
            }
        }
        seen.push((text.len(), [line, utf8, utf16, chars]));
        seen
    }

    proptest::proptest! {
        /// Every character boundary gets the line and column that walking the
        /// text one character at a time gives, in every encoding, and maps back.
        #[test]
        fn positions_agree_with_a_walk_over_the_text(
            text in "\u{feff}?([a日😀 ]{0,6}(\r\n|\r|\n)){0,6}[a日😀]{0,4}",
        ) {
            let source = Source::new(text.clone());
            for (at, [line, utf8, utf16, chars]) in walked(&text) {
                let offset = TextSize::from(at as u32);
                // A fresh source has no index yet, so offsets near the top
                // take the path that counts lines without one.
                let fresh = Source::new(text.clone()).position(offset, ColumnEncoding::Chars);
                proptest::prop_assert_eq!(fresh, Position { line, column: chars }, "offset {} fresh", at);
                for (encoding, column) in [
                    (ColumnEncoding::Utf8, utf8),
                    (ColumnEncoding::Utf16, utf16),
                    (ColumnEncoding::Chars, chars),
                ] {
                    let position = source.position(offset, encoding);
                    proptest::prop_assert_eq!(position, Position { line, column }, "offset {} {:?}", at, encoding);
                    // Between `\r` and `\n` is the end of the line, which maps back to the `\r`.
                    if !text[..at].ends_with('\r') || !text[at..].starts_with('\n') {
                        proptest::prop_assert_eq!(source.offset(position, encoding), Some(offset));
                    }
                }
            }
            proptest::prop_assert_eq!(source.line_count(), walked(&text).last().unwrap().1[0] + 1);
        }
    }

    fn pos(source: &Source, offset: u32, encoding: ColumnEncoding) -> (u32, u32) {
        let p = source.position(TextSize::from(offset), encoding);
        (p.line, p.column)
    }

    #[test]
    fn japanese_and_emoji_columns_in_every_encoding() {
        // "日本😀x": 日 and 本 are 3 bytes, 😀 is 4 bytes and 2 UTF-16 units.
        let source = Source::new("a\n日本😀x\n".to_string());
        let x = "a\n日本😀".len() as u32;
        assert_eq!(pos(&source, x, ColumnEncoding::Utf8), (1, 10));
        assert_eq!(pos(&source, x, ColumnEncoding::Utf16), (1, 4));
        assert_eq!(pos(&source, x, ColumnEncoding::Chars), (1, 3));
        for encoding in [
            ColumnEncoding::Utf8,
            ColumnEncoding::Utf16,
            ColumnEncoding::Chars,
        ] {
            let p = source.position(TextSize::from(x), encoding);
            assert_eq!(source.offset(p, encoding), Some(TextSize::from(x)));
        }
    }

    #[test]
    fn bom_is_not_a_column_but_counts_as_bytes() {
        let source = Source::new("\u{feff}---\ntitle: x\n".to_string());
        assert!(source.has_bom());
        assert_eq!(pos(&source, 3, ColumnEncoding::Chars), (0, 0));
        assert_eq!(pos(&source, 4, ColumnEncoding::Chars), (0, 1));
        assert_eq!(pos(&source, 7, ColumnEncoding::Utf16), (1, 0));
        assert_eq!(
            source.offset(Position { line: 1, column: 0 }, ColumnEncoding::Utf8),
            Some(TextSize::from(7))
        );
        // The start of the first line is after the BOM, so positions round-trip.
        assert_eq!(
            source.offset(Position { line: 0, column: 0 }, ColumnEncoding::Utf16),
            Some(TextSize::from(3))
        );
    }

    #[test]
    fn crlf_and_lone_cr_are_line_endings() {
        let source = Source::new("a\r\nb\rc\n".to_string());
        assert_eq!(pos(&source, 3, ColumnEncoding::Utf8), (1, 0));
        assert_eq!(pos(&source, 5, ColumnEncoding::Utf8), (2, 0));
        assert_eq!(source.line_count(), 4);
        assert_eq!(
            Source::new("a\r\nb\r\n".into()).line_ending(),
            LineEnding::CrLf
        );
        assert_eq!(Source::new("a\rb\r".into()).line_ending(), LineEnding::Cr);
    }

    #[test]
    fn a_column_past_the_line_end_resolves_to_the_line_end() {
        let source = Source::new("ab\r\ncd".to_string());
        let end = source.offset(
            Position {
                line: 0,
                column: 99,
            },
            ColumnEncoding::Utf16,
        );
        assert_eq!(end, Some(TextSize::from(2)));
        assert_eq!(
            source.offset(Position { line: 9, column: 0 }, ColumnEncoding::Utf16),
            None
        );
    }

    #[test]
    fn decode_errors_name_the_offending_byte() {
        assert_eq!(
            Source::from_bytes(b"ok\xffno".to_vec()).unwrap_err(),
            DecodeError::InvalidUtf8 { offset: 2 }
        );
        assert_eq!(
            Source::from_bytes(b"ab\0".to_vec()).unwrap_err(),
            DecodeError::Binary { offset: 2 }
        );
        assert!(matches!(
            Source::from_bytes(vec![0xFF, 0xFE, b'a', 0]),
            Err(DecodeError::Utf16 { big_endian: false })
        ));
    }
}
