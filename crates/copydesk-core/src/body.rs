//! The Markdown body, parsed once with pulldown-cmark.
//!
//! Rules see prose blocks: plain text with a map back to file bytes, so a rule
//! works on text and still reports exact ranges. Code, HTML and Liquid tags
//! are not prose.

use std::ops::Range;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

use crate::source::{TextRange, TextSize};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading(u8),
    /// Text directly inside a tight list item.
    ListItem,
    /// A table cell: kept apart in [`Body::table_cells`], not in `blocks`.
    TableCell,
}

/// A link inside a prose block, in the block's text coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub text: Range<usize>,
    pub destination: String,
}

/// A footnote reference inside a prose block, in text coordinates.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FootnoteRef {
    pub at: usize,
    pub label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    text_start: u32,
    text_len: u32,
    source_start: u32,
    source_len: u32,
}

/// A paragraph, heading or list-item text as plain text.
#[derive(Debug, Clone)]
pub struct ProseBlock {
    pub kind: BlockKind,
    pub in_block_quote: bool,
    /// The innermost list it is in, numbered in the order lists open: set
    /// for an item's text and for a paragraph of a loose list item.
    pub list: Option<u32>,
    /// The block in the file.
    pub range: TextRange,
    /// Prose only: code spans, HTML and Liquid tags removed; breaks become `\n`.
    pub text: String,
    pub links: Vec<Link>,
    pub footnote_refs: Vec<FootnoteRef>,
    pub images: usize,
    segments: Vec<Segment>,
}

impl ProseBlock {
    /// Maps a byte range of [`ProseBlock::text`] to a byte range of the file.
    pub fn source_range(&self, text: Range<usize>) -> TextRange {
        let start = self.source_offset(text.start, false);
        let end = self.source_offset(text.end, true).max(start);
        TextRange::new(start, end)
    }

    fn source_offset(&self, at: usize, is_end: bool) -> TextSize {
        let at = at as u32;
        // The last segment that starts at or before `at` (for an end, strictly before).
        let index = self.segments.partition_point(|s| {
            if is_end {
                s.text_start < at
            } else {
                s.text_start <= at
            }
        });
        let Some(segment) = index.checked_sub(1).map(|i| self.segments[i]) else {
            return self.range.start();
        };
        let within = at - segment.text_start;
        let offset = if segment.text_len == segment.source_len {
            segment.source_start + within.min(segment.source_len)
        } else if within == 0 {
            segment.source_start
        } else if within >= segment.text_len || is_end {
            // Inside an entity or escape: widen to the whole of it.
            segment.source_start + segment.source_len
        } else {
            segment.source_start
        };
        TextSize::from(offset)
    }
}

/// The parsed body.
#[derive(Debug, Clone, Default)]
pub struct Body {
    pub range: TextRange,
    pub blocks: Vec<ProseBlock>,
    /// Labels of footnote definitions (`[^label]: …`).
    pub footnote_definitions: Vec<String>,
    /// Fenced and indented code blocks, as file ranges of their content.
    pub code_blocks: Vec<TextRange>,
    /// HTML comments outside code, as file ranges of `<!-- … -->`.
    pub html_comments: Vec<TextRange>,
    pub images: usize,
    /// The text of table cells, one space between cells: not prose for the
    /// rules, but read all the same.
    pub table_text: String,
    /// Each table cell as a block, for pack rules that ask for cells.
    pub table_cells: Vec<ProseBlock>,
}

impl Body {
    pub fn has_footnote_definition(&self, label: &str) -> bool {
        self.footnote_definitions
            .iter()
            .any(|defined| defined == label)
    }

    /// `text` is the whole file; the body is `text[start..]`.
    pub fn parse(text: &str, start: TextSize) -> Body {
        let base = usize::from(start);
        let markdown = &text[base..];
        let options = Options::ENABLE_FOOTNOTES
            | Options::ENABLE_TABLES
            | Options::ENABLE_STRIKETHROUGH
            | Options::ENABLE_TASKLISTS;
        let mut builder = Builder {
            body: Body {
                range: TextRange::new(start, TextSize::of(text)),
                ..Body::default()
            },
            ..Builder::default()
        };
        let mut html_ranges: Vec<Range<usize>> = Vec::new();
        for (event, range) in Parser::new_ext(markdown, options).into_offset_iter() {
            let range = base + range.start..base + range.end;
            match event {
                Event::Html(_) | Event::InlineHtml(_) => {
                    if let Some(last) = html_ranges
                        .last_mut()
                        .filter(|last| last.end >= range.start)
                    {
                        last.end = last.end.max(range.end);
                    } else {
                        html_ranges.push(range);
                    }
                }
                event => builder.event(event, range),
            }
        }
        builder.flush();
        let mut body = builder.body;
        body.html_comments = html_comments(text, &html_ranges);
        body
    }
}

#[derive(Default)]
struct Builder {
    body: Body,
    current: Option<ProseBlock>,
    block_quote_depth: usize,
    item_depth: usize,
    /// The lists open, innermost last, and how many have opened.
    lists: Vec<u32>,
    lists_opened: u32,
    /// Inside a code block, table, footnote definition or image alt text: not prose.
    skip_depth: usize,
    /// Inside a table, and at which skip depth its cells are.
    table_skip_depth: Option<usize>,
    open_links: Vec<(usize, String)>,
    /// Set while inside a Liquid tag that spans text events: its closing delimiter.
    liquid_close: Option<&'static str>,
    /// The table cell being read.
    cell: Option<ProseBlock>,
    /// Inside `{% highlight %}` … `{% endhighlight %}`: Jekyll's code
    /// block, whose lines Markdown reads as paragraphs. It spans blocks.
    liquid_code: bool,
}

/// Appends `text[piece]` to the block, with the segment that maps it back:
/// byte for byte when the text is the source as written (`exact`), else to
/// the whole event (an entity, an escape).
fn push_piece(
    block: &mut ProseBlock,
    text: &str,
    piece: Range<usize>,
    range: &Range<usize>,
    exact: bool,
) {
    let (source_start, source_len) = if exact {
        (range.start + piece.start, piece.len())
    } else {
        (range.start, range.len())
    };
    block.segments.push(Segment {
        text_start: block.text.len() as u32,
        text_len: piece.len() as u32,
        source_start: source_start as u32,
        source_len: source_len as u32,
    });
    block.text.push_str(&text[piece]);
}

fn to_range(range: Range<usize>) -> TextRange {
    TextRange::new(
        TextSize::from(range.start as u32),
        TextSize::from(range.end as u32),
    )
}

impl Builder {
    fn start_block(&mut self, kind: BlockKind, range: Range<usize>) {
        self.flush();
        self.current = Some(self.new_block(kind, range));
    }

    fn new_block(&self, kind: BlockKind, range: Range<usize>) -> ProseBlock {
        ProseBlock {
            kind,
            in_block_quote: self.block_quote_depth > 0,
            list: self.lists.last().copied(),
            range: to_range(range),
            text: String::new(),
            links: Vec::new(),
            footnote_refs: Vec::new(),
            images: 0,
            segments: Vec::new(),
        }
    }

    fn flush(&mut self) {
        self.liquid_close = None;
        if let Some(block) = self.current.take() {
            if !block.text.trim().is_empty() || !block.links.is_empty() {
                self.body.blocks.push(block);
            }
        }
    }

    /// Text outside any block, as in a tight list item after a nested list.
    fn ensure_block(&mut self, range: &Range<usize>) -> Option<&mut ProseBlock> {
        if self.skip_depth > 0 {
            return None;
        }
        if self.current.is_none() && self.item_depth > 0 {
            self.start_block(BlockKind::ListItem, range.clone());
        }
        let block = self.current.as_mut()?;
        if (range.end as u32) > u32::from(block.range.end()) {
            block.range = TextRange::new(block.range.start(), TextSize::from(range.end as u32));
        }
        Some(block)
    }

    fn push_text(&mut self, text: &str, range: Range<usize>) {
        if self.table_skip_depth == Some(self.skip_depth) {
            self.body.table_text.push_str(text);
            if let Some(cell) = self.cell.as_mut() {
                if !text.is_empty() {
                    push_piece(cell, text, 0..text.len(), &range, range.len() == text.len());
                }
            }
            return;
        }
        let mut liquid_close = self.liquid_close;
        let mut liquid_code = self.liquid_code;
        let Some(block) = self.ensure_block(&range) else {
            return;
        };
        let exact = range.len() == text.len();
        // Most text has no brace at all, so no Liquid tag to look for.
        if liquid_close.is_none() && memchr::memchr(b'{', text.as_bytes()).is_none() {
            if !text.is_empty() && !liquid_code {
                push_piece(block, text, 0..text.len(), &range, exact);
            }
            return;
        }
        let mut rest_start = 0;
        // Each piece of prose, and whether it is inside a highlight block.
        let mut pieces: Vec<(Range<usize>, bool)> = Vec::new();
        let mut tag_start: Option<usize> = None;
        // Split around Liquid tags, which are template code, not prose.
        let mut at = 0;
        while at < text.len() {
            if let Some(close) = liquid_close {
                match text[at..].find(close) {
                    Some(found) => {
                        if let Some(start) = tag_start.take() {
                            let tag = text[start..at + found].trim_start();
                            if tag.starts_with("highlight") {
                                liquid_code = true;
                            } else if tag.starts_with("endhighlight") {
                                liquid_code = false;
                            }
                        }
                        at += found + close.len();
                        rest_start = at;
                        liquid_close = None;
                    }
                    None => {
                        at = text.len();
                        rest_start = at;
                    }
                }
                continue;
            }
            let open = [("{%", "%}"), ("{{", "}}")]
                .iter()
                .filter_map(|(open, close)| text[at..].find(open).map(|found| (at + found, *close)))
                .min_by_key(|(found, _)| *found);
            match open {
                Some((found, close)) => {
                    pieces.push((rest_start..found, liquid_code));
                    liquid_close = Some(close);
                    tag_start = Some(found + 2);
                    at = found + 2;
                }
                None => {
                    pieces.push((rest_start..text.len(), liquid_code));
                    break;
                }
            }
        }
        for (piece, _) in pieces
            .into_iter()
            .filter(|(piece, in_code)| !piece.is_empty() && !in_code)
        {
            push_piece(block, text, piece, &range, exact);
        }
        self.liquid_close = liquid_close;
        self.liquid_code = liquid_code;
    }

    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag, range),
            Event::End(tag) => self.end(tag),
            Event::Text(text) => self.push_text(&text, range),
            // A break inside a Liquid tag does not end it.
            Event::SoftBreak | Event::HardBreak
                if self.liquid_close.is_none() && !self.liquid_code =>
            {
                if let Some(block) = self.ensure_block(&range) {
                    block.segments.push(Segment {
                        text_start: block.text.len() as u32,
                        text_len: 1,
                        source_start: range.start as u32,
                        source_len: range.len() as u32,
                    });
                    block.text.push('\n');
                }
            }
            Event::FootnoteReference(label) => {
                if let Some(block) = self.ensure_block(&range) {
                    block.footnote_refs.push(FootnoteRef {
                        at: block.text.len(),
                        label: label.to_string(),
                    });
                }
            }
            // Inline code and math are not prose; keep a space so words stay apart.
            Event::Code(_) | Event::InlineMath(_) | Event::DisplayMath(_) => {
                if let Some(block) = self.ensure_block(&range) {
                    if !block.text.ends_with([' ', '\n']) && !block.text.is_empty() {
                        block.segments.push(Segment {
                            text_start: block.text.len() as u32,
                            text_len: 1,
                            source_start: range.start as u32,
                            source_len: range.len() as u32,
                        });
                        block.text.push(' ');
                    }
                }
            }
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>, range: Range<usize>) {
        match tag {
            Tag::Paragraph if self.skip_depth == 0 => self.start_block(BlockKind::Paragraph, range),
            Tag::Heading { level, .. } if self.skip_depth == 0 => {
                self.start_block(BlockKind::Heading(heading_level(level)), range);
            }
            Tag::List(_) => {
                self.flush();
                self.lists.push(self.lists_opened);
                self.lists_opened += 1;
            }
            Tag::Item => {
                self.flush();
                self.item_depth += 1;
            }
            Tag::BlockQuote(_) => {
                self.flush();
                self.block_quote_depth += 1;
            }
            Tag::CodeBlock(_) => {
                self.flush();
                self.skip_depth += 1;
                self.body.code_blocks.push(to_range(range));
            }
            Tag::Table(_) | Tag::FootnoteDefinition(_) | Tag::MetadataBlock(_) => {
                self.flush();
                self.skip_depth += 1;
                if matches!(tag, Tag::Table(_)) && self.table_skip_depth.is_none() {
                    self.table_skip_depth = Some(self.skip_depth);
                }
                if let Tag::FootnoteDefinition(label) = tag {
                    self.body.footnote_definitions.push(label.to_string());
                }
            }
            Tag::Image { .. } => {
                self.body.images += 1;
                if let Some(block) = self.current.as_mut() {
                    block.images += 1;
                }
                self.skip_depth += 1;
            }
            Tag::TableCell if self.table_skip_depth == Some(self.skip_depth) => {
                // Cells apart, so their words stay apart.
                if !self.body.table_text.is_empty() && !self.body.table_text.ends_with(' ') {
                    self.body.table_text.push(' ');
                }
                self.cell = Some(self.new_block(BlockKind::TableCell, range));
            }
            Tag::Link { dest_url, .. } => {
                if let Some(block) = self.ensure_block(&range) {
                    let at = block.text.len();
                    self.open_links.push((at, dest_url.to_string()));
                }
            }
            _ => {}
        }
    }

    fn end(&mut self, tag: TagEnd) {
        match tag {
            TagEnd::Paragraph | TagEnd::Heading(_) if self.skip_depth == 0 => self.flush(),
            TagEnd::List(_) => {
                self.flush();
                self.lists.pop();
            }
            TagEnd::Item => {
                self.flush();
                self.item_depth = self.item_depth.saturating_sub(1);
            }
            TagEnd::BlockQuote(_) => {
                self.flush();
                self.block_quote_depth = self.block_quote_depth.saturating_sub(1);
            }
            TagEnd::TableCell => {
                if let Some(cell) = self.cell.take() {
                    if !cell.text.trim().is_empty() {
                        self.body.table_cells.push(cell);
                    }
                }
            }
            TagEnd::Table => {
                if self.table_skip_depth == Some(self.skip_depth) {
                    self.table_skip_depth = None;
                    self.body.table_text.push('\n');
                }
                self.skip_depth = self.skip_depth.saturating_sub(1);
            }
            TagEnd::CodeBlock
            | TagEnd::FootnoteDefinition
            | TagEnd::MetadataBlock(_)
            | TagEnd::Image => {
                self.skip_depth = self.skip_depth.saturating_sub(1);
            }
            TagEnd::Link => {
                if let Some((start, destination)) = self.open_links.pop() {
                    if let Some(block) = self.current.as_mut() {
                        let end = block.text.len().max(start);
                        block.links.push(Link {
                            text: start..end,
                            destination,
                        });
                    }
                }
            }
            _ => {}
        }
    }
}

fn heading_level(level: HeadingLevel) -> u8 {
    match level {
        HeadingLevel::H1 => 1,
        HeadingLevel::H2 => 2,
        HeadingLevel::H3 => 3,
        HeadingLevel::H4 => 4,
        HeadingLevel::H5 => 5,
        HeadingLevel::H6 => 6,
    }
}

/// `<!-- … -->` comments inside the HTML that pulldown-cmark found.
fn html_comments(text: &str, html_ranges: &[Range<usize>]) -> Vec<TextRange> {
    let mut comments = Vec::new();
    for range in html_ranges {
        let html = &text[range.clone()];
        let mut at = 0;
        while let Some(open) = html[at..].find("<!--") {
            let start = at + open;
            let Some(close) = html[start + 4..].find("-->") else {
                break;
            };
            let end = start + 4 + close + 3;
            comments.push(to_range(range.start + start..range.start + end));
            at = end;
        }
    }
    comments
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Body {
        Body::parse(text, TextSize::from(0))
    }

    #[test]
    fn prose_maps_back_to_exact_file_bytes() {
        let text = "Intro with `code 50%` and *emphasis* 40%.\r\nNext line 日本語 30%\r\n";
        let body = parse(text);
        let block = &body.blocks[0];
        assert_eq!(
            block.text,
            "Intro with  and emphasis 40%.\nNext line 日本語 30%"
        );
        for needle in ["40%", "30%", "日本語", "emphasis"] {
            let at = block.text.find(needle).unwrap();
            let range = block.source_range(at..at + needle.len());
            assert_eq!(&text[range], needle);
        }
    }

    #[test]
    fn code_html_and_liquid_are_not_prose() {
        let text =
            "```\n99%\n```\n\n<div>50%</div>\n\nSee {% include x.html n=5 %} here {{ page.n }}.\n";
        let body = parse(text);
        assert_eq!(body.blocks.len(), 1);
        assert_eq!(body.blocks[0].text, "See  here .");
        assert_eq!(body.code_blocks.len(), 1);
    }

    #[test]
    fn links_footnotes_headings_and_list_items() {
        let text = "# Title\n\n- item [a](https://x.test) 5%[^1]\n- two\n\n> quoted\n\n[^1]: Source.\n<!-- copydesk-disable-file -->\n";
        let body = parse(text);
        let kinds: Vec<BlockKind> = body.blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            [
                BlockKind::Heading(1),
                BlockKind::ListItem,
                BlockKind::ListItem,
                BlockKind::Paragraph
            ]
        );
        let item = &body.blocks[1];
        assert_eq!(&item.text[item.links[0].text.clone()], "a");
        assert_eq!(item.links[0].destination, "https://x.test");
        assert_eq!(item.footnote_refs[0].label, "1");
        assert!(body.blocks[3].in_block_quote);
        assert!(body.has_footnote_definition("1"));
        assert_eq!(
            &text[body.html_comments[0]],
            "<!-- copydesk-disable-file -->"
        );
    }

    #[test]
    fn a_liquid_highlight_block_is_code() {
        let text = "Before.\n\n{% highlight js %}\n$(\"a[name]\").each( function() {\n\n  x( 50% );\n{% endhighlight %}\n\nAfter {{ page.n }} 20%.\n";
        let body = parse(text);
        let prose: Vec<&str> = body
            .blocks
            .iter()
            .map(|block| block.text.as_str())
            .collect();
        assert_eq!(prose, ["Before.", "After  20%."]);
    }

    #[test]
    fn table_cells_are_blocks_of_their_own() {
        let text = "| 名前 | 説明 |\n| --- | --- |\n| ｶﾅ | 全角**ＡＢ** |\n";
        let body = parse(text);
        assert!(body.blocks.is_empty());
        let cells: Vec<&str> = body
            .table_cells
            .iter()
            .map(|cell| cell.text.as_str())
            .collect();
        assert_eq!(cells, ["名前", "説明", "ｶﾅ", "全角ＡＢ"]);
        let cell = &body.table_cells[3];
        let at = cell.text.find("ＡＢ").unwrap();
        assert_eq!(&text[cell.source_range(at..cell.text.len())], "ＡＢ");
        assert_eq!(body.table_text, "名前 説明 ｶﾅ 全角ＡＢ\n");
    }

    #[test]
    fn entities_map_to_their_whole_source() {
        let text = "A &amp; B\n";
        let block = &parse(text).blocks[0];
        assert_eq!(block.text, "A & B");
        assert_eq!(&text[block.source_range(2..3)], "&amp;");
    }
}
