use serde::Deserialize;

use crate::body::BlockKind;
use crate::diagnostic::{Edit, Fix, Severity, Violation};
use crate::document::Document;
use crate::messages::Language;
use crate::rules::Rule;
use crate::source::{TextRange, TextSize};
use crate::text::{normalize, normalize_up_to, normalizes_to};
use crate::tr;

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
#[schemars(rename = "DuplicatedTitleOptions")]
pub struct Options {
    /// Also report a first line or heading that is close to the title.
    pub near_repeats: bool,
    /// Similarity (0 to 1, normalized Levenshtein) at which a line is a near-repeat.
    pub similarity: f64,
    /// A line that contains the title, or is contained in it, is a near-repeat
    /// when the shorter is at least this share of the longer.
    pub min_overlap: f64,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            near_repeats: true,
            similarity: 0.8,
            min_overlap: 0.3,
        }
    }
}

/// Reports the front-matter title repeated at the top of the body: the first
/// line, or a heading or bold line before any prose; and at the start of each
/// article that a generator joined after a marker such as `---END---`.
/// Section headings further down that happen to match the title are not
/// reported. Docs: `rules/duplicated-title.md`.
pub struct DuplicatedTitle {
    options: Options,
}

impl DuplicatedTitle {
    pub fn new(options: Options) -> DuplicatedTitle {
        DuplicatedTitle { options }
    }
}

/// Where a candidate line stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    /// The first block, or a heading or bold line before any prose: what the
    /// page template shows right above.
    Top,
    /// The first line after a generator's marker, where a joined article restarts.
    ArticleRestart,
}

/// A body line that could repeat the title.
struct Candidate {
    /// The line as written, without its line ending.
    range: TextRange,
    /// What is compared: heading marks stripped.
    text: String,
    place: Place,
    /// A paragraph line, which may be prose that mentions the title; a
    /// heading or bold line cannot.
    is_paragraph_line: bool,
    /// Near-repeats are looked for only in a line that stands alone: a
    /// longer first paragraph is prose.
    stands_alone: bool,
    /// What the fix deletes: the line and its line ending, with the heading's
    /// underline and one blank line after when the line is its whole block.
    deletion: TextRange,
}

impl Rule for DuplicatedTitle {
    fn check(&self, document: &Document, language: Language, violations: &mut Vec<Violation>) {
        let Some(title) = document.title() else {
            return;
        };
        let title = normalize(title);
        if title.is_empty() {
            return;
        }
        let title_chars = title.chars().count();
        // A line more than this many characters longer than the title can be
        // neither a repeat nor a near-repeat (see `is_near`), so folding stops there.
        let near_cap = self.options.min_overlap.min(self.options.similarity);
        let near_cap = if near_cap > 0.0 {
            (title_chars as f64 / near_cap) as usize + 1
        } else {
            usize::MAX
        };
        for candidate in candidates(document) {
            let delete = || vec![Edit::delete(candidate.deletion)];
            if !(self.options.near_repeats && candidate.stands_alone) {
                if normalizes_to(&candidate.text, &title) {
                    violations.push(exact_repeat(language, &candidate, delete()));
                }
                continue;
            }
            let Some(text) = normalize_up_to(&candidate.text, near_cap) else {
                continue;
            };
            if text == title {
                violations.push(exact_repeat(language, &candidate, delete()));
            } else if !text.is_empty() && self.is_near(&title, &text, candidate.is_paragraph_line) {
                violations.push(
                    Violation::new(candidate.range, tr!(language, "duplicated-title-near"))
                        .with_help(tr!(language, "duplicated-title-near-help"))
                        .with_fix(Fix::unsafe_(
                            tr!(language, "duplicated-title-delete-near"),
                            delete(),
                        ))
                        .at_most(Severity::Warning),
                );
            }
        }
    }
}

fn exact_repeat(language: Language, candidate: &Candidate, edits: Vec<Edit>) -> Violation {
    let violation = Violation::new(candidate.range, tr!(language, "duplicated-title-repeated"));
    let delete = tr!(language, "duplicated-title-delete");
    match candidate.place {
        Place::Top => violation
            .with_help(tr!(language, "duplicated-title-top-help"))
            .with_fix(Fix::safe(delete, edits)),
        // Deleting inside a joined post is right only if the join itself stays.
        Place::ArticleRestart => violation
            .with_help(tr!(language, "duplicated-title-restart-help"))
            .with_fix(Fix::unsafe_(delete, edits)),
    }
}

impl DuplicatedTitle {
    /// Whether `text` (normalized, not the title) nearly repeats `title`.
    fn is_near(&self, title: &str, text: &str, is_paragraph_line: bool) -> bool {
        // A first line that ends a sentence where the title does not is the
        // lede, which may restate the title ("Ruby 3.3.1 is released."); `？`
        // and `：` end titles as often as sentences, and do not count.
        let is_sentence = is_paragraph_line && ends_sentence(text) && !ends_sentence(title);
        let title = trim_closing_punctuation(title);
        let text = trim_closing_punctuation(text);
        if text.is_empty() || title.is_empty() {
            return false;
        }
        let (title_len, text_len) = (title.chars().count(), text.chars().count());
        let (shorter, longer) = (title_len.min(text_len), title_len.max(text_len));
        let overlap = shorter as f64 / longer.max(1) as f64;
        // The old title inside a rewritten one, or the title cut short: a
        // lede never stands word for word inside the title.
        if text_len < title_len && title.contains(text) && is_substantial(text) {
            return overlap >= self.options.min_overlap;
        }
        if is_sentence {
            return false;
        }
        if text == title
            || (text_len > title_len && text.contains(title) && overlap >= self.options.min_overlap)
        {
            return true;
        }
        strsim::normalized_levenshtein(title, text) >= self.options.similarity
    }
}

/// Long enough to be a title on its own: three words, or eight characters
/// of text with CJK in it. A one-word section heading that starts the title is not it.
fn is_substantial(text: &str) -> bool {
    text.split_whitespace().count() >= 3
        || (text.chars().any(crate::reading_time::is_cjk) && text.chars().count() >= 8)
}

/// Punctuation that may close a title or a first line without changing what
/// it says: `？`, `。`, `：`, an ellipsis left by a cut.
fn trim_closing_punctuation(text: &str) -> &str {
    text.trim_end_matches(|ch: char| {
        ch.is_whitespace() || matches!(ch, '.' | '。' | '!' | '?' | ':' | ';' | '…' | '、' | ',')
    })
}

fn ends_sentence(text: &str) -> bool {
    text.ends_with(['.', '。', '!', '！'])
}

fn candidates(document: &Document) -> Vec<Candidate> {
    let source = &document.source;
    let text = source.text();
    let mut found = Vec::new();
    for (at, block) in document.body.blocks.iter().enumerate() {
        let raw = source.slice(block.range);
        let is_heading_like = match block.kind {
            BlockKind::Heading(_) => true,
            BlockKind::Paragraph => !block.in_block_quote && is_bold_line(raw),
            BlockKind::ListItem | BlockKind::TableCell => false,
        };
        let is_first_block = at == 0 && !block.in_block_quote && block.kind != BlockKind::ListItem;
        if !is_heading_like && !is_first_block {
            // Prose has begun: what follows is the article, not its top.
            break;
        }
        let line_start = line_start_of(text, usize::from(block.range.start()), document);
        let line_end = line_end_of(text, line_start);
        let line_text = text[line_start..line_end].trim_end();
        let range = TextRange::new(
            TextSize::from(usize::from(block.range.start()).max(line_start) as u32),
            TextSize::from((line_start + line_text.len()) as u32),
        );
        let block_end = usize::from(block.range.end());
        let mut lines_end = skip_line_ending(text, line_end);
        let is_heading = matches!(block.kind, BlockKind::Heading(_));
        // A setext heading's text is its lines before the underline.
        let underline = is_heading
            && !line_text.trim_start().starts_with('#')
            && lines_end < block_end
            && is_setext_underline(&text[lines_end..line_end_of(text, lines_end)]);
        if underline {
            lines_end = skip_line_ending(text, line_end_of(text, lines_end));
        }
        let whole_block = text[lines_end..block_end.max(lines_end)].trim().is_empty();
        found.push(Candidate {
            range,
            text: if is_heading {
                strip_heading_marks(source.slice(range)).to_string()
            } else {
                source.slice(range).to_string()
            },
            place: Place::Top,
            is_paragraph_line: !is_heading_like,
            // A first paragraph with a link in it is prose that points
            // somewhere, not a leftover title.
            stands_alone: whole_block && (is_heading_like || block.links.is_empty()),
            deletion: deletion_range(text, line_start, lines_end, whole_block),
        });
        if !is_heading_like {
            break;
        }
    }
    article_restarts(document, &mut found);
    found
}

/// The first line after each generator marker (`---END---`, `[END]`,
/// `=== END ===`) outside code, where a joined article starts again.
fn article_restarts(document: &Document, found: &mut Vec<Candidate>) {
    let text = document.source.text();
    let body_start = usize::from(document.front_matter.body_start);
    for marker in marker_lines(text, body_start) {
        let at = marker.start;
        if document
            .body
            .code_blocks
            .iter()
            .any(|code| code.contains(TextSize::from(at as u32)))
        {
            continue;
        }
        let mut line_start = skip_line_ending(text, marker.end);
        while line_start < text.len() {
            let line_end = line_end_of(text, line_start);
            if !text[line_start..line_end].trim().is_empty() {
                break;
            }
            line_start = skip_line_ending(text, line_end);
        }
        let already_found = found.iter().any(|seen| {
            line_start_of(text, usize::from(seen.range.start()), document) == line_start
        });
        if line_start >= text.len() || already_found {
            continue;
        }
        let line_end = line_end_of(text, line_start);
        let line_text = text[line_start..line_end].trim_end();
        if generator_marker().is_match(line_text) {
            continue;
        }
        let lines_end = skip_line_ending(text, line_end);
        let next_end = line_end_of(text, lines_end);
        let stands_alone = lines_end >= text.len() || text[lines_end..next_end].trim().is_empty();
        let is_heading = line_text.trim_start().starts_with('#');
        let start = line_start + (line_text.len() - line_text.trim_start().len());
        found.push(Candidate {
            range: TextRange::new(
                TextSize::from(start as u32),
                TextSize::from((line_start + line_text.len()) as u32),
            ),
            text: if is_heading {
                strip_heading_marks(line_text).to_string()
            } else {
                line_text.trim().to_string()
            },
            place: Place::ArticleRestart,
            is_paragraph_line: !is_heading && !is_bold_line(line_text),
            stands_alone,
            deletion: deletion_range(text, line_start, lines_end, stands_alone),
        });
    }
}

/// The lines from `from` on that are generator markers, as byte ranges
/// without their line endings. A marker line starts with `-`, `[` or `=`:
/// only those lines are matched, so a body is read once, not searched.
fn marker_lines(text: &str, from: usize) -> impl Iterator<Item = std::ops::Range<usize>> + '_ {
    let mut at = from;
    std::iter::from_fn(move || {
        while at < text.len() {
            let start = at;
            let end = line_end_of(text, start);
            at = skip_line_ending(text, end).max(end + 1);
            let line = &text[start..end];
            if line.trim_start().starts_with(['-', '[', '=']) && generator_marker().is_match(line) {
                return Some(start..end);
            }
        }
        None
    })
}

/// The markers `generator-leftovers/pipeline-marker` reports, one per line.
fn generator_marker() -> &'static regex::Regex {
    static PATTERN: std::sync::OnceLock<regex::Regex> = std::sync::OnceLock::new();
    PATTERN.get_or_init(|| {
        regex::Regex::new(
            r"(?m)^[ \t]*(?:-{2,}[ \t]*(?i:END|BEGIN|START)(?:[ \t]+(?i:OF)[ \t]+\w+)?[ \t]*-{2,}|\[(?i:END|BEGIN)(?: (?i:OF) [A-Za-z ]+)?\]|={3,}[ \t]*(?i:END|BEGIN)[ \t]*={3,})[ \t]*\r?$",
        )
        .expect("the marker pattern is valid")
    })
}

fn is_setext_underline(line: &str) -> bool {
    let line = line.trim();
    !line.is_empty() && (line.bytes().all(|b| b == b'=') || line.bytes().all(|b| b == b'-'))
}

fn is_bold_line(raw: &str) -> bool {
    let line = raw.trim();
    // The cheap tests first: most blocks are long paragraphs.
    ((line.starts_with("**") && line.ends_with("**"))
        || (line.starts_with("__") && line.ends_with("__")))
        && line.len() > 4
        && !line.contains(['\n', '\r'])
}

/// An ATX heading's text: the opening `#`s and the space after them, and a
/// closing run of `#`s, removed; a title that starts with `#` keeps its own.
fn strip_heading_marks(line: &str) -> &str {
    let line = line.trim();
    let marks = line.bytes().take_while(|&b| b == b'#').count();
    if marks == 0 || marks > 6 {
        return line; // setext: the line is the text
    }
    let rest = &line[marks..];
    if !(rest.is_empty() || rest.starts_with([' ', '\t'])) {
        return line;
    }
    let rest = rest.trim();
    let without_closing = rest.trim_end_matches('#');
    if without_closing.ends_with([' ', '\t']) || without_closing.is_empty() {
        without_closing.trim_end()
    } else {
        rest
    }
}

/// The candidate's lines with their line endings; when they are their
/// whole block, one blank line after as well, so no gap of two blank lines
/// is left behind. Never a line of other text.
fn deletion_range(text: &str, line_start: usize, lines_end: usize, whole_block: bool) -> TextRange {
    let mut end = lines_end;
    if whole_block && end < text.len() {
        let next_line_end = line_end_of(text, end);
        if text[end..next_line_end].trim().is_empty() {
            end = skip_line_ending(text, next_line_end);
        }
    }
    TextRange::new(
        TextSize::from(line_start as u32),
        TextSize::from(end as u32),
    )
}

/// The start of the line that holds `at`, not before the body.
fn line_start_of(text: &str, at: usize, document: &Document) -> usize {
    let body_start = usize::from(document.front_matter.body_start);
    text[..at]
        .rfind(['\n', '\r'])
        .map_or(body_start, |found| found + 1)
        .max(body_start)
}

/// The end of the line that starts at `at`, before its line ending.
fn line_end_of(text: &str, at: usize) -> usize {
    text[at..]
        .find(['\n', '\r'])
        .map_or(text.len(), |found| at + found)
}

fn skip_line_ending(text: &str, at: usize) -> usize {
    if text[at..].starts_with("\r\n") {
        at + 2
    } else if text[at..].starts_with(['\n', '\r']) {
        at + 1
    } else {
        at
    }
}

#[cfg(test)]
mod tests {
    use crate::test_support::{assert_snapshot_of, assert_snapshot_with_config};

    #[test]
    fn first_line_repeat_japanese() {
        assert_snapshot_of(
            "duplicated-title",
            "first-line.md",
            "---\ntitle: \"OpenAIとAWSの契約、その真意とは？\"\n---\n\nOpenAIとAWSの契約、その真意とは？\n\n本文です。\n",
        );
    }

    #[test]
    fn heading_of_any_level_with_emphasis_and_width() {
        assert_snapshot_of(
            "duplicated-title",
            "heading.md",
            "---\ntitle: Ｒｕｓｔ 1.80 is out\n---\n![cover](cover.png)\n\n## *Rust 1.80* is   out ##\n\nText.\n",
        );
    }

    #[test]
    fn bold_line_crlf() {
        assert_snapshot_of(
            "duplicated-title",
            "bold-crlf.md",
            "---\r\ntitle: A Day Out\r\n---\r\n# Diary\r\n\r\n**A Day Out**\r\n\r\nMore.\r\n",
        );
    }

    /// A section heading further down that matches the title names a
    /// section: not reported, and never deleted.
    #[test]
    fn section_headings_after_prose_are_not_repeats() {
        assert_snapshot_of(
            "duplicated-title",
            "section-heading.md",
            "---\ntitle: What is Rust 2018?\n---\nRust 2018 is coming.\n\n## What is Rust 2018?\n\nIt is an edition.\n\n**What is Rust 2018?**\n",
        );
    }

    /// The fix deletes the title's own line and the blank line after it,
    /// never the paragraph line right under a heading.
    #[test]
    fn the_fix_keeps_the_line_under_a_heading() {
        assert_snapshot_of(
            "duplicated-title",
            "heading-then-paragraph.md",
            "---\ntitle: \"Summit 2024: Call for Host\"\n---\n### **Summit 2024: Call for Host**\nThe Summit is an annual conference.\nIt moves every year.\n\nMore.\n",
        );
    }

    /// A repeated title that begins a longer block: only its own line goes.
    #[test]
    fn the_fix_deletes_one_line_of_a_longer_block() {
        assert_snapshot_of(
            "duplicated-title",
            "first-line-of-paragraph.md",
            "---\ntitle: 生成AIの最新動向\n---\n生成AIの最新動向\n今年は大きな年だった。\n市場も広がった。\n",
        );
        assert_snapshot_of(
            "duplicated-title",
            "multi-line-setext.md",
            "---\ntitle: 生成AIの最新動向\n---\n生成AIの最新動向\n今年は大きな年だった。\n市場も広がった。\n---\n",
        );
        assert_snapshot_of(
            "duplicated-title",
            "setext.md",
            "---\ntitle: A Day Out\n---\nA Day Out\n=========\n\nWe went out.\n",
        );
    }

    /// What bulk title rewrites leave behind: the old title inside the new
    /// one, with words added before, after or both, or cut short.
    #[test]
    fn old_titles_left_by_a_rewrite() {
        for (name, title, first_line) in [
            (
                "prefix-added",
                "2026年生成AIが変える営業の現場",
                "生成AIが変える営業の現場",
            ),
            (
                "suffix-added",
                "生成AIが変える営業の現場の最新動向と企業への影響",
                "生成AIが変える営業の現場",
            ),
            (
                "both-added",
                "2026年生成AIが変える営業の現場の最新動向と企業への影響",
                "生成AIが変える営業の現場",
            ),
            (
                "cut-short",
                "生成AIが変える営業の現場と、その先にある組織の姿",
                "生成AIが変える営業の現場と、その先…",
            ),
            (
                "question",
                "2026年OpenAIとAWSの契約、その真意とは？の最新動向",
                "OpenAIとAWSの契約、その真意とは？",
            ),
            (
                "colon",
                "Rust in 2026: what the survey says about async",
                "Rust in 2026: what the survey says:",
            ),
            (
                "hash-title",
                "#1 tip for faster builds",
                "# #1 tip for faster builds",
            ),
        ] {
            assert_snapshot_of(
                "duplicated-title",
                &format!("rewrite-{name}.md"),
                &format!("---\ntitle: \"{title}\"\n---\n{first_line}\n\n本文です。\n"),
            );
        }
    }

    /// A lede that restates the title is prose, not a leftover.
    #[test]
    fn a_lede_sentence_is_not_a_near_repeat() {
        assert_snapshot_of(
            "duplicated-title",
            "lede.md",
            "---\ntitle: \"Ruby 1.9.3-p125 is released\"\n---\nRuby 1.9.3-p125 is released.\n\nThis release fixes bugs.\n",
        );
        assert_snapshot_of(
            "duplicated-title",
            "lede-with-link.md",
            "---\ntitle: \"RubyConf 2008 is Sold-out\"\n---\n[RubyConf 2008][1] is sold out\n\nHowever, there is a waiting list.\n\n[1]: https://example.com/\n",
        );
    }

    /// A generator joined articles with a marker: each restart repeats the
    /// title, reported with an unsafe fix.
    #[test]
    fn articles_joined_after_a_generator_marker() {
        assert_snapshot_of(
            "duplicated-title",
            "joined.md",
            "---\ntitle: 生成AIの最新動向\n---\n生成AIの最新動向\n\n本文。\n\n---END---\n\n# 生成AIの最新動向\n\n二つ目の本文。\n\n```\n---END---\n生成AIの最新動向\n```\n",
        );
    }

    #[test]
    fn near_repeat_after_a_title_rewrite() {
        assert_snapshot_of(
            "duplicated-title",
            "near.md",
            "---\ntitle: \"OpenAIとAWSの380億ドル契約、その真意とは何か？\"\n---\n# OpenAIとAWSの380億ドル契約\n\n本文。\n",
        );
    }

    #[test]
    fn near_repeats_can_be_turned_off() {
        assert_snapshot_with_config(
            "duplicated-title",
            "near-off.md",
            "---\ntitle: \"Release notes for 2.0\"\n---\n# Release notes for 2.0 beta\n",
            "rules:\n  duplicated-title:\n    near-repeats: false\n",
        );
    }

    #[test]
    fn unrelated_headings_and_short_overlaps_are_quiet() {
        assert_snapshot_of(
            "duplicated-title",
            "quiet.md",
            "---\ntitle: \"How we moved our blog to Zola\"\n---\nWe moved last year.\n\n## Zola\n\n## Why\n\n```\nHow we moved our blog to Zola\n```\n",
        );
    }

    #[test]
    fn prose_that_mentions_the_title_and_section_headings_are_not_near_repeats() {
        assert_snapshot_of(
            "duplicated-title",
            "prose-mentions.md",
            "---\ntitle: \"Ruby 3.3.1 is released\"\n---\nNow Ruby 3.3.1 is released.\n\nMore text.\n\n## Ruby 3.3.1 is released: what changed in the parser\n",
        );
        assert_snapshot_of(
            "duplicated-title",
            "multi-line-first-paragraph.md",
            "---\ntitle: \"Weekly News\"\n---\nWeekly News, issue 5\nis out with many changes.\n",
        );
    }

    #[test]
    fn markdown_escapes_do_not_hide_a_repeat() {
        assert_snapshot_of(
            "duplicated-title",
            "escapes.md",
            "---\ntitle: \"CVE-1: ERB @_init bypass\"\n---\n## CVE-1: ERB @\\_init bypass\n\nText.\n",
        );
    }

    #[test]
    fn bom_and_emoji_title() {
        assert_snapshot_of(
            "duplicated-title",
            "bom.md",
            "\u{feff}---\ntitle: \"旅行記 😀 京都\"\n---\n旅行記 😀 京都\n本文が続く。\n",
        );
    }
}
