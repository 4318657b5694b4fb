//! The part of a file a human report shows for one finding. A Japanese
//! paragraph is one source line of thousands of characters, so each line is
//! cut to a window of display columns around the flagged range (CJK counts
//! two, a tab four, as miette draws them), with `…` where text was left out.

use std::ops::Range;

use copydesk_core::{ColumnEncoding, Source, TextSize};
use unicode_width::UnicodeWidthChar;

/// What is left out of a line.
const ELLIPSIS: char = '…';
/// miette draws a tab as this many spaces.
const TAB_WIDTH: usize = 4;

/// The lines shown for one range: the range's lines and one line either
/// side, each cut to the window.
#[derive(Debug, PartialEq, Eq)]
pub struct Excerpt {
    /// The shown lines, joined by `\n`, with no carriage returns.
    pub text: String,
    /// The 0-based line number of the first shown line.
    pub first_line: usize,
    /// The flagged range in `text`.
    pub span: Range<usize>,
}

/// The excerpt of `source` around the byte range `range`, each line at most
/// `width` display columns wide. Lines are the source's own (a lone `\r`
/// ends one too), so the numbers shown are the ones every format gives.
pub fn excerpt(source: &Source, range: Range<usize>, width: usize) -> Excerpt {
    let text = source.text();
    // A range off the text or inside a character is pulled back onto it.
    let on_text = |mut at: usize| {
        at = at.min(text.len());
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let range = on_text(range.start)..on_text(range.end.max(range.start));
    let width = width.max(8);
    let line_of = |offset: usize| {
        source
            .position(TextSize::from(offset as u32), ColumnEncoding::Utf8)
            .line as usize
    };
    let first = line_of(range.start);
    // A range that ends with its line break ends on that line.
    let mut last = line_of(range.end);
    if last > first && line_bounds(source, last).start == range.end {
        last -= 1;
    }
    let line_count = source.line_count() as usize;
    let shown_first = first.saturating_sub(1);
    let shown_last = (last + 1).min(line_count - 1);
    let mut excerpt = Excerpt {
        text: String::new(),
        first_line: shown_first,
        span: 0..0,
    };
    for number in shown_first..=shown_last {
        let line_range = line_bounds(source, number);
        let line = &text[line_range.clone()];
        if number > shown_first {
            excerpt.text.push('\n');
        }
        let base = excerpt.text.len();
        let focus = (first..=last).contains(&number).then(|| {
            let start = range.start.max(line_range.start) - line_range.start;
            let end = range.end.clamp(line_range.start, line_range.end) - line_range.start;
            start..end.max(start)
        });
        match focus {
            Some(focus) => {
                let (shown, at) = window(line, focus, width);
                if number == first {
                    excerpt.span.start = base + at.start;
                }
                if number == last {
                    excerpt.span.end = base + at.end;
                }
                excerpt.text.push_str(&shown);
            }
            None => excerpt.text.push_str(&truncate(line, width)),
        }
    }
    // miette shows a last line only when a line break ends it.
    if shown_last + 1 < line_count {
        excerpt.text.push('\n');
    }
    show_control_characters(&mut excerpt);
    excerpt
}

/// A zero-based line's bytes without its line ending.
fn line_bounds(source: &Source, number: usize) -> Range<usize> {
    let Some(range) = source.line_range(number as u32) else {
        let end = source.text().len();
        return end..end;
    };
    let (start, end) = (usize::from(range.start()), usize::from(range.end()));
    let line = &source.text()[start..end];
    let ending = if line.ends_with("\r\n") {
        2
    } else {
        usize::from(line.ends_with(['\n', '\r']))
    };
    start..end - ending
}

/// Control characters (a form feed, an escape that would drive the
/// terminal) shown as their Unicode control pictures, one column each.
fn show_control_characters(excerpt: &mut Excerpt) {
    let picture = |c: char| match c {
        '\n' | '\t' => None,
        '\u{0}'..='\u{1f}' => char::from_u32(0x2400 + c as u32),
        '\u{7f}' => Some('\u{2421}'),
        '\u{80}'..='\u{9f}' => Some('\u{FFFD}'),
        _ => None,
    };
    if !excerpt.text.chars().any(|c| picture(c).is_some()) {
        return;
    }
    let mut shown = String::with_capacity(excerpt.text.len() + 16);
    let (mut start, mut end) = (excerpt.span.start, excerpt.span.end);
    for (at, c) in excerpt.text.char_indices() {
        if at == excerpt.span.start {
            start = shown.len();
        }
        if at == excerpt.span.end {
            end = shown.len();
        }
        shown.push(picture(c).unwrap_or(c));
    }
    if excerpt.span.end == excerpt.text.len() {
        end = shown.len();
    }
    if excerpt.span.start == excerpt.text.len() {
        start = shown.len();
    }
    excerpt.text = shown;
    excerpt.span = start..end;
}

/// `path` cut in its middle to at most `width` columns, so that a header
/// naming a very long file name still fits a terminal.
pub fn fit_path(path: &str, width: usize) -> String {
    if width_of(path) <= width {
        return path.to_string();
    }
    let half = width.saturating_sub(1) / 2;
    let head = &path[..prefix_end(path, half)];
    let tail = &path[suffix_start(path, width.saturating_sub(1) - half)..];
    format!("{head}{ELLIPSIS}{tail}")
}

fn char_width(c: char) -> usize {
    if c == '\t' {
        TAB_WIDTH
    } else {
        c.width().unwrap_or(0)
    }
}

fn width_of(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// A line with no flagged text: its start, cut at `width` columns.
fn truncate(line: &str, width: usize) -> String {
    if width_of(line) <= width {
        return line.to_string();
    }
    let end = prefix_end(line, width - 1);
    format!("{}{ELLIPSIS}", &line[..end])
}

/// The longest prefix of `text` at most `width` columns wide, as a byte offset.
fn prefix_end(text: &str, width: usize) -> usize {
    let mut used = 0;
    for (at, c) in text.char_indices() {
        used += char_width(c);
        if used > width {
            return at;
        }
    }
    text.len()
}

/// The shortest suffix of `text` at most `width` columns wide, as a byte offset.
fn suffix_start(text: &str, width: usize) -> usize {
    let mut used = 0;
    for (at, c) in text.char_indices().rev() {
        used += char_width(c);
        if used > width {
            return at + c.len_utf8();
        }
    }
    0
}

/// `line` cut to `width` columns around `focus`, and where `focus` is in the
/// result. A focus wider than the window shows its start and its end.
fn window(line: &str, focus: Range<usize>, width: usize) -> (String, Range<usize>) {
    if width_of(line) <= width {
        return (line.to_string(), focus);
    }
    let focus_width = width_of(&line[focus.clone()]);
    // Two columns for the ellipses either side.
    let room = width.saturating_sub(2);
    if focus_width > room {
        // Start and end of the focus, an ellipsis between.
        let half = room.saturating_sub(1) / 2;
        let head = &line[focus.start..focus.start + prefix_end(&line[focus.clone()], half)];
        let tail_from = focus.start + suffix_start(&line[focus.clone()], half);
        let tail = &line[tail_from..focus.end];
        let mut shown = String::new();
        if focus.start > 0 {
            shown.push(ELLIPSIS);
        }
        let start = shown.len();
        shown.push_str(head);
        shown.push(ELLIPSIS);
        shown.push_str(tail);
        let end = shown.len();
        if focus.end < line.len() {
            shown.push(ELLIPSIS);
        }
        return (shown, start..end);
    }
    // The focus with context either side: half the spare columns before it,
    // the rest after, and what one side does not use goes to the other. An
    // ellipsis a side does not need leaves its column to the text.
    let before_full = width_of(&line[..focus.start]);
    let after_full = width_of(&line[focus.end..]);
    let place = |room: usize| {
        let spare = room - focus_width;
        let before = (spare / 2).min(before_full);
        let after = (spare - before).min(after_full);
        let before = (spare - after).min(before_full);
        let from = suffix_start(&line[..focus.start], before);
        let to = focus.end + prefix_end(&line[focus.end..], after);
        (from, to)
    };
    let (mut from, mut to) = place(room);
    let ellipses = usize::from(from > 0) + usize::from(to < line.len());
    if ellipses < 2 {
        (from, to) = place(width - ellipses);
    }
    let mut shown = String::new();
    let mut shift = 0;
    if from > 0 {
        shown.push(ELLIPSIS);
        shift = ELLIPSIS.len_utf8();
    }
    shown.push_str(&line[from..to]);
    if to < line.len() {
        shown.push(ELLIPSIS);
    }
    let start = focus.start - from + shift;
    (shown, start..start + (focus.end - focus.start))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn excerpt(text: &str, range: Range<usize>, width: usize) -> Excerpt {
        super::excerpt(&Source::new(text.to_string()), range, width)
    }

    /// A lone `\r` ends a line, as in the source's index and so in every
    /// format's line numbers; a BOM belongs to no line.
    #[test]
    fn lines_are_the_sources_own() {
        let text = "\u{feff}a\rb 75%\rc\n";
        let start = text.find("75%").unwrap();
        let got = excerpt(text, start..start + 3, 80);
        assert_eq!(got.first_line, 0);
        assert_eq!(got.text, "a\nb 75%\nc\n");
        assert_eq!(&got.text[got.span.clone()], "75%");
    }

    fn shown(excerpt: &Excerpt) -> (&str, &str) {
        (&excerpt.text, &excerpt.text[excerpt.span.clone()])
    }

    #[test]
    fn a_short_line_is_shown_whole_with_a_line_either_side() {
        let text = "a\nb 380億ドル c\nd\ne\n";
        let start = text.find("380").unwrap();
        let got = excerpt(text, start..start + "380億ドル".len(), 90);
        assert_eq!(got.first_line, 0);
        assert_eq!(shown(&got), ("a\nb 380億ドル c\nd\n", "380億ドル"));
    }

    #[test]
    fn a_long_japanese_line_is_cut_around_the_figure_by_display_width() {
        let line = format!("{}380億ドル{}", "あ".repeat(3000), "い".repeat(3000));
        let text = format!("前\n{line}\n後");
        let start = text.find("380").unwrap();
        let got = excerpt(&text, start..start + "380億ドル".len(), 90);
        let lines: Vec<&str> = got.text.split('\n').collect();
        assert_eq!(lines[0], "前");
        assert_eq!(lines[2], "後");
        assert_eq!(lines.len(), 3);
        assert!(width_of(lines[1]) <= 90, "{}", width_of(lines[1]));
        assert!(lines[1].starts_with('…') && lines[1].ends_with('…'));
        assert_eq!(&got.text[got.span.clone()], "380億ドル");
        // Half the spare room before the figure, as many columns after.
        let (before, after) = lines[1].split_once("380億ドル").unwrap();
        assert!(width_of(before).abs_diff(width_of(after)) <= 2);
    }

    #[test]
    fn emoji_and_tabs_count_as_miette_draws_them() {
        let line = format!("\t{}🎉 75%以上 {}", "😀".repeat(100), "x".repeat(300));
        let start = line.find("75%").unwrap();
        let got = excerpt(&line, start..start + "75%以上".len(), 60);
        assert!(width_of(&got.text) <= 60, "{}", got.text);
        assert_eq!(&got.text[got.span.clone()], "75%以上");
        assert!(got.text.starts_with('…'));
    }

    #[test]
    fn the_start_of_a_line_is_kept_when_the_figure_is_near_it() {
        let line = format!("75% {}", "word ".repeat(100));
        let got = excerpt(&line, 0..3, 40);
        assert!(got.text.starts_with("75% word"));
        assert!(got.text.ends_with('…'));
        assert_eq!(width_of(&got.text), 40);
        assert_eq!(got.span, 0..3);
    }

    #[test]
    fn a_range_wider_than_the_window_shows_its_start_and_end() {
        let line = format!("前置き。{}終わり。後ろ", "長い文".repeat(200));
        let start = "前置き。".len();
        let end = line.find("後ろ").unwrap();
        let got = excerpt(&line, start..end, 50);
        assert!(width_of(&got.text) <= 50, "{}", got.text);
        let flagged = &got.text[got.span.clone()];
        assert!(flagged.starts_with("長い文"), "{flagged}");
        assert!(flagged.ends_with("終わり。"), "{flagged}");
        assert!(flagged.contains('…'));
        assert!(got.text.starts_with('…') && got.text.ends_with('…'));
    }

    #[test]
    fn crlf_lines_lose_their_carriage_return_and_a_trailing_break_ends_the_range() {
        let text = "title\r\nSame\r\n\r\nBody\r\n";
        let start = text.find("Same").unwrap();
        let got = excerpt(text, start..start + "Same\r\n".len(), 90);
        assert_eq!(got.first_line, 0);
        assert_eq!(got.text, "title\nSame\n\n");
        assert_eq!(&got.text[got.span.clone()], "Same");
    }

    #[test]
    fn a_multi_line_range_keeps_every_line_each_cut() {
        let long = "x".repeat(500);
        let text = format!("---\ntitle: {long}\ntags: [a]\n---\nbody\n");
        let end = text.find("\nbody").unwrap();
        let got = excerpt(&text, 0..end, 80);
        let lines: Vec<&str> = got.text.split('\n').collect();
        assert_eq!(lines.len(), 6, "{lines:?}");
        assert_eq!(lines[5], "");
        assert!(lines.iter().all(|line| width_of(line) <= 80));
        assert!(got.text[got.span.clone()].starts_with("---\ntitle: xxx"));
        assert!(got.text[got.span.clone()].ends_with("\n---"));
    }

    #[test]
    fn control_characters_are_shown_as_pictures_and_the_span_follows() {
        let text = "\x0c\x1b[31mred 75%\n";
        let start = text.find("75%").unwrap();
        let got = excerpt(text, start..start + 3, 80);
        assert_eq!(got.text, "␌␛[31mred 75%\n");
        assert_eq!(&got.text[got.span.clone()], "75%");
    }

    #[test]
    fn a_long_path_is_cut_in_its_middle() {
        let path = format!("news/2012/{}.md", "a-very-long-slug".repeat(10));
        let fitted = fit_path(&path, 60);
        assert_eq!(width_of(&fitted), 60);
        assert!(fitted.starts_with("news/2012/a-very") && fitted.ends_with("-slug.md"));
        assert_eq!(fit_path("short.md", 60), "short.md");
    }

    #[test]
    fn a_range_off_the_text_or_inside_a_character_is_pulled_back() {
        let text = "日本\n";
        let got = excerpt(text, 1..99, 80);
        assert_eq!(got.text, "日本\n");
        assert_eq!(got.span, 0..6);
    }

    #[test]
    fn an_empty_range_at_the_end_of_the_file() {
        let text = "---\ntitle: x\n";
        let got = excerpt(text, text.len()..text.len(), 80);
        assert_eq!(got.span.start, got.span.end);
        assert!(got.text.ends_with("title: x\n"));
    }
}
