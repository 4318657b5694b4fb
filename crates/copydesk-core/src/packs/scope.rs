//! Where a pack rule looks: the texts it searches, each with a way back to
//! the file.

use std::borrow::Cow;
use std::cell::OnceCell;
use std::ops::Range;
use std::rc::Rc;

use serde::Deserialize;

use crate::body::{BlockKind, ProseBlock};
use crate::document::Document;
use crate::source::{TextRange, TextSize};

/// Where a pack rule looks: `prose`, `headings`, `lines`, `sentences`, a
/// block scope, or `{fields: [title]}`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(from = "ScopeAsWritten")]
pub enum Scope {
    /// Paragraphs, list items and block quotes, as plain text.
    #[default]
    Prose,
    /// Headings, as plain text.
    Headings,
    /// Each raw line of the body, Markdown and all.
    Lines,
    /// The named front-matter values, as written.
    Fields(Vec<String>),
    /// Chosen kinds of blocks, whole or sentence by sentence.
    Blocks(BlockScope),
}

/// Kinds of blocks, searched whole or one sentence at a time. Quotations
/// and link text are left out unless `include` names them.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockScope {
    pub blocks: Vec<Blocks>,
    #[serde(default)]
    pub unit: Unit,
    #[serde(default)]
    pub include: Vec<Included>,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Blocks {
    Paragraphs,
    ListItems,
    Headings,
    TableCells,
}

impl Blocks {
    pub const ALL: [Blocks; 4] = [
        Blocks::Paragraphs,
        Blocks::ListItems,
        Blocks::Headings,
        Blocks::TableCells,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Blocks::Paragraphs => "paragraphs",
            Blocks::ListItems => "list-items",
            Blocks::Headings => "headings",
            Blocks::TableCells => "table-cells",
        }
    }

    /// A paragraph of a loose list item is a list item.
    fn of(block: &ProseBlock) -> Blocks {
        match block.kind {
            BlockKind::Paragraph if block.list.is_some() => Blocks::ListItems,
            BlockKind::Paragraph => Blocks::Paragraphs,
            BlockKind::ListItem => Blocks::ListItems,
            BlockKind::Heading(_) => Blocks::Headings,
            BlockKind::TableCell => Blocks::TableCells,
        }
    }
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Unit {
    /// Each block whole.
    #[default]
    Block,
    /// Each sentence of each block (the core's sentence splitter).
    Sentence,
    /// Each block as written, Markdown and all: for how a block ends.
    Markdown,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Included {
    /// Blocks inside `>` block quotes.
    Quotations,
    /// The text of links (`[this](…)`).
    LinkText,
}

/// YAML has no natural form for an enum with data; accept a name or a mapping.
#[derive(Deserialize)]
#[serde(untagged)]
enum ScopeAsWritten {
    Named(NamedScope),
    Fields { fields: Vec<String> },
    Blocks(BlockScope),
}

#[derive(Deserialize)]
#[serde(rename_all = "kebab-case")]
enum NamedScope {
    Prose,
    Headings,
    Lines,
    /// The sentences of paragraphs and list items.
    Sentences,
    Paragraphs,
    ListItems,
    TableCells,
}

impl From<ScopeAsWritten> for Scope {
    fn from(written: ScopeAsWritten) -> Scope {
        let blocks = |blocks: Vec<Blocks>, unit| {
            Scope::Blocks(BlockScope {
                blocks,
                unit,
                include: Vec::new(),
            })
        };
        match written {
            ScopeAsWritten::Named(NamedScope::Prose) => Scope::Prose,
            ScopeAsWritten::Named(NamedScope::Headings) => Scope::Headings,
            ScopeAsWritten::Named(NamedScope::Lines) => Scope::Lines,
            ScopeAsWritten::Named(NamedScope::Sentences) => {
                blocks(vec![Blocks::Paragraphs, Blocks::ListItems], Unit::Sentence)
            }
            ScopeAsWritten::Named(NamedScope::Paragraphs) => {
                blocks(vec![Blocks::Paragraphs], Unit::Block)
            }
            ScopeAsWritten::Named(NamedScope::ListItems) => {
                blocks(vec![Blocks::ListItems], Unit::Block)
            }
            ScopeAsWritten::Named(NamedScope::TableCells) => {
                blocks(vec![Blocks::TableCells], Unit::Block)
            }
            ScopeAsWritten::Fields { fields } => Scope::Fields(fields),
            ScopeAsWritten::Blocks(scope) => Scope::Blocks(scope),
        }
    }
}

/// A piece of text a pack rule searches, with a way back to the file.
pub(super) struct Haystack<'a> {
    /// The block's text, with what the scope leaves out blanked to spaces
    /// of the same length, so offsets still map back.
    text: Rc<Cow<'a, str>>,
    /// The part searched: all of `text`, or one sentence, trimmed.
    within: Range<usize>,
    /// Prose is mapped back through its block; other text starts at `base`.
    block: Option<&'a ProseBlock>,
    base: usize,
    /// The kind of block it comes from, for rules that count each apart.
    pub group: Option<Blocks>,
    /// The list it is in, for rules that count each list apart.
    pub list: Option<u32>,
}

impl Haystack<'_> {
    pub fn text(&self) -> &str {
        &self.text[self.within.clone()]
    }

    pub fn to_file(&self, range: Range<usize>) -> TextRange {
        let range = self.within.start + range.start..self.within.start + range.end;
        match self.block {
            Some(block) => block.source_range(range),
            None => TextRange::new(
                TextSize::from((self.base + range.start) as u32),
                TextSize::from((self.base + range.end) as u32),
            ),
        }
    }
}

pub(super) fn haystacks<'a>(document: &'a Document, scope: &Scope) -> Vec<Haystack<'a>> {
    let whole = |block: &'a ProseBlock| Haystack {
        text: Rc::new(Cow::Borrowed(&block.text)),
        within: 0..block.text.len(),
        block: Some(block),
        base: 0,
        group: Some(Blocks::of(block)),
        list: block.list,
    };
    let blocks = |headings: bool| {
        document
            .body
            .blocks
            .iter()
            .filter(move |block| matches!(block.kind, BlockKind::Heading(_)) == headings)
            .map(whole)
            .collect::<Vec<_>>()
    };
    match scope {
        Scope::Prose => blocks(false),
        Scope::Headings => blocks(true),
        // One search over the whole body: patterns are compiled with `^` and
        // `$` matching at every line end, CR, LF or CRLF.
        Scope::Lines => {
            let body = document.body.range;
            vec![Haystack {
                text: Rc::new(Cow::Borrowed(document.source.slice(body))),
                within: 0..usize::from(body.len()),
                block: None,
                base: usize::from(body.start()),
                group: None,
                list: None,
            }]
        }
        Scope::Fields(fields) => fields
            .iter()
            .filter_map(|field| document.front_matter.get(field))
            .map(|entry| {
                let text = document.source.slice(entry.value_range);
                Haystack {
                    text: Rc::new(Cow::Borrowed(text)),
                    within: 0..text.len(),
                    block: None,
                    base: usize::from(entry.value_range.start()),
                    group: None,
                    list: None,
                }
            })
            .collect(),
        Scope::Blocks(scope) => {
            let quotations = scope.include.contains(&Included::Quotations);
            let link_text = scope.include.contains(&Included::LinkText);
            let body = &document.body;
            let mut found = Vec::new();
            for block in body.blocks.iter().chain(&body.table_cells) {
                if !scope.blocks.contains(&Blocks::of(block))
                    || (block.in_block_quote && !quotations)
                {
                    continue;
                }
                // The block's prose, with left-out link text blanked.
                let prose = || -> Rc<Cow<'a, str>> {
                    Rc::new(if !link_text && !block.links.is_empty() {
                        Cow::Owned(blank(&block.text, &block.links))
                    } else {
                        Cow::Borrowed(&block.text)
                    })
                };
                let part = |text: &Rc<Cow<'a, str>>, within: Range<usize>| Haystack {
                    text: Rc::clone(text),
                    within: trimmed(text, within),
                    ..whole(block)
                };
                match scope.unit {
                    Unit::Markdown => {
                        let text = document.source.slice(block.range);
                        found.push(Haystack {
                            text: Rc::new(Cow::Borrowed(text)),
                            within: trimmed(text, 0..text.len()),
                            block: None,
                            base: usize::from(block.range.start()),
                            group: Some(Blocks::of(block)),
                            list: block.list,
                        });
                    }
                    Unit::Block => {
                        let text = prose();
                        found.push(part(&text, 0..text.len()));
                    }
                    Unit::Sentence => {
                        let text = prose();
                        let sentences = crate::text::sentences(&text);
                        found.extend(sentences.into_iter().map(|sentence| part(&text, sentence)));
                    }
                }
            }
            found.retain(|haystack| !haystack.within.is_empty());
            found
        }
    }
}

/// The text with each link's text turned to spaces, byte for byte.
fn blank(text: &str, links: &[crate::body::Link]) -> String {
    let mut bytes = text.as_bytes().to_vec();
    for link in links {
        if let Some(part) = bytes.get_mut(link.text.clone()) {
            part.fill(b' ');
        }
    }
    // Link ranges fall on character boundaries, so this is still UTF-8.
    String::from_utf8(bytes).unwrap_or_else(|_| text.to_string())
}

fn trimmed(text: &str, range: Range<usize>) -> Range<usize> {
    let part = &text[range.clone()];
    let start = range.start + (part.len() - part.trim_start().len());
    let end = range.end - (part.len() - part.trim_end().len());
    start..end.max(start)
}

/// A document's prose and headings each joined into one text, made once and
/// shared by every pack rule, so that one search can rule a document out.
pub struct ScopeTexts<'a> {
    pub(super) document: &'a Document,
    prose: OnceCell<String>,
    headings: OnceCell<String>,
}

impl<'a> ScopeTexts<'a> {
    pub fn new(document: &'a Document) -> ScopeTexts<'a> {
        ScopeTexts {
            document,
            prose: OnceCell::new(),
            headings: OnceCell::new(),
        }
    }

    fn joined(&self, headings: bool) -> &str {
        let cell = if headings {
            &self.headings
        } else {
            &self.prose
        };
        cell.get_or_init(|| {
            let blocks = || {
                let blocks = self.document.body.blocks.iter();
                blocks.filter(|block| matches!(block.kind, BlockKind::Heading(_)) == headings)
            };
            // Sized once: grown block by block, it was copied over and over.
            let mut joined =
                String::with_capacity(blocks().map(|block| block.text.len() + 1).sum());
            for block in blocks() {
                joined.push_str(&block.text);
                joined.push('\n');
            }
            joined
        })
    }

    /// Text holding every haystack of `scope`, or `None` when not worth
    /// making. A scope that blanks link text has none: a blank could make a
    /// match the joined text does not hold.
    pub(super) fn covering(&self, scope: &Scope) -> Option<&str> {
        match scope {
            Scope::Prose => Some(self.joined(false)),
            Scope::Headings => Some(self.joined(true)),
            Scope::Lines => Some(self.document.source.slice(self.document.body.range)),
            Scope::Fields(_) => None,
            Scope::Blocks(scope) => {
                let prose_only = scope
                    .blocks
                    .iter()
                    .all(|blocks| matches!(blocks, Blocks::Paragraphs | Blocks::ListItems));
                let as_joined =
                    scope.unit != Unit::Markdown && scope.include.contains(&Included::LinkText);
                (prose_only && as_joined).then(|| self.joined(false))
            }
        }
    }
}
