//! The source model: bytes in, text with one line index out.
//!
//! Every layer above this one speaks in byte ranges into the original file
//! (BOM included). Conversion to line and column happens only here.

use std::sync::OnceLock;

use line_index::{LineIndex, WideEncoding, WideLineCol};
pub use line_index::{TextRange, TextSize};

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

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::InvalidUtf8 { offset } => {
                write!(f, "invalid UTF-8 at byte {offset}; save the file as UTF-8")
            }
            DecodeError::Utf16 { big_endian } => write!(
                f,
                "the file is UTF-16 ({}); save it as UTF-8",
                if *big_endian {
                    "big-endian"
                } else {
                    "little-endian"
                }
            ),
            DecodeError::Binary { offset } => {
                write!(
                    f,
                    "NUL byte at byte {offset}; this looks like a binary file"
                )
            }
        }
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
    index: OnceLock<LineIndex>,
}

impl Source {
    /// Decodes bytes. Invalid input is an error that names the offending byte.
    pub fn from_bytes(bytes: Vec<u8>) -> Result<Source, DecodeError> {
        if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
            return Err(DecodeError::Utf16 {
                big_endian: bytes[0] == 0xFE,
            });
        }
        let text = String::from_utf8(bytes).map_err(|error| DecodeError::InvalidUtf8 {
            offset: error.utf8_error().valid_up_to(),
        })?;
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

    fn index(&self) -> &LineIndex {
        self.index
            .get_or_init(|| build_line_index(&self.text[self.bom_len as usize..]))
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
        self.position_in(self.index(), offset, encoding)
    }

    /// Positions for offsets up to `end`. When the whole file is not indexed
    /// yet, only the lines up to `end` are: findings near the top of a long
    /// post, the usual case, then cost a fraction of the index.
    pub fn positions_until(&self, end: TextSize) -> Positions<'_> {
        if self.index.get().is_some() {
            return Positions {
                source: self,
                prefix: None,
            };
        }
        let end = usize::from(end.min(self.len()));
        let bytes = self.text.as_bytes();
        let cut = memchr::memchr(b'\n', &bytes[end..]).map_or(bytes.len(), |at| end + at + 1);
        let start = (self.bom_len as usize).min(cut);
        Positions {
            source: self,
            prefix: Some((
                TextSize::from(cut as u32),
                build_line_index(&self.text[start..cut]),
            )),
        }
    }

    fn position_in(
        &self,
        index: &LineIndex,
        offset: TextSize,
        encoding: ColumnEncoding,
    ) -> Position {
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
        let line_col = index.line_col(local);
        let wide = |encoding| {
            index
                .to_wide(encoding, line_col)
                .map_or(line_col.col, |WideLineCol { col, .. }| col)
        };
        let column = match encoding {
            ColumnEncoding::Utf8 => line_col.col,
            ColumnEncoding::Utf16 => wide(WideEncoding::Utf16),
            ColumnEncoding::Chars => wide(WideEncoding::Utf32),
        };
        Position {
            line: line_col.line,
            column,
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
        let local = self.index().line(line)?;
        Some(TextRange::new(
            local.start() + self.content_start(),
            local.end() + self.content_start(),
        ))
    }

    pub fn line_count(&self) -> u32 {
        self.index().line_col(self.index().len()).line + 1
    }

    fn floor_char_boundary(&self, local: TextSize) -> TextSize {
        let content = &self.text[self.bom_len as usize..];
        let mut at = usize::from(local).min(content.len());
        while !content.is_char_boundary(at) {
            at -= 1;
        }
        TextSize::from(at as u32)
    }
}

/// Converts offsets to positions with an index of only the lines needed.
pub struct Positions<'a> {
    source: &'a Source,
    /// Where the indexed lines end, and their index; `None`: the whole file's.
    prefix: Option<(TextSize, LineIndex)>,
}

impl Positions<'_> {
    pub fn position(&self, offset: TextSize, encoding: ColumnEncoding) -> Position {
        match &self.prefix {
            // The position of an offset depends only on the text before it.
            Some((end, index)) if offset < *end => self.source.position_in(index, offset, encoding),
            _ => self.source.position(offset, encoding),
        }
    }
}

/// `line-index` only knows `\n`. A lone `\r` is a line ending in CommonMark,
/// so it gets a same-length copy with those mapped to `\n`: offsets stay exact.
fn build_line_index(text: &str) -> LineIndex {
    if !text.contains('\r') {
        return LineIndex::new(text);
    }
    let bytes = text.as_bytes();
    let has_lone_cr = bytes
        .iter()
        .enumerate()
        .any(|(at, &byte)| byte == b'\r' && bytes.get(at + 1) != Some(&b'\n'));
    if !has_lone_cr {
        return LineIndex::new(text);
    }
    let mapped: Vec<u8> = bytes
        .iter()
        .enumerate()
        .map(|(at, &byte)| {
            if byte == b'\r' && bytes.get(at + 1) != Some(&b'\n') {
                b'\n'
            } else {
                byte
            }
        })
        .collect();
    // Only ASCII bytes were swapped for ASCII bytes, so this stays UTF-8.
    LineIndex::new(std::str::from_utf8(&mapped).unwrap_or(text))
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

    proptest::proptest! {
        /// An index of only the first lines places every offset in them as
        /// the whole file's index does, in every encoding.
        #[test]
        fn a_prefix_index_agrees_with_the_whole(
            text in "\u{feff}?([a日😀 ]{0,6}(\r\n|\r|\n)){0,6}[a日😀]{0,4}",
            end in 0u32..80,
        ) {
            let whole = Source::new(text.clone());
            let partial = Source::new(text.clone());
            let positions = partial.positions_until(TextSize::from(end));
            for offset in 0..=text.len() as u32 + 1 {
                for encoding in [ColumnEncoding::Utf8, ColumnEncoding::Utf16, ColumnEncoding::Chars] {
                    let offset = TextSize::from(offset);
                    proptest::prop_assert_eq!(
                        positions.position(offset, encoding),
                        whole.position(offset, encoding),
                        "offset {:?} {:?}", offset, encoding
                    );
                }
            }
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
