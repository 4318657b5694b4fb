//! Sentences of a prose block, as byte ranges: the unit a source belongs to.

use std::ops::Range;

/// Sentences as byte ranges: split after 。！？!? and after `.` followed by
/// white space, never inside 「」『』（）() or quotes; a newline does not end one.
pub fn sentences(text: &str) -> Vec<Range<usize>> {
    let mut sentences = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut chars = text.char_indices().peekable();
    while let Some((at, ch)) = chars.next() {
        match ch {
            '「' | '『' | '（' | '(' | '“' => depth += 1,
            '」' | '』' | '）' | ')' | '”' => depth = depth.saturating_sub(1),
            '。' | '！' | '？' | '!' | '?' if depth == 0 => {
                let end = at + ch.len_utf8();
                sentences.push(start..end);
                start = end;
            }
            '.' if depth == 0 && chars.peek().is_none_or(|(_, next)| next.is_whitespace()) => {
                let end = at + 1;
                sentences.push(start..end);
                start = end;
            }
            _ => {}
        }
    }
    if start < text.len() {
        sentences.push(start..text.len());
    }
    sentences
}

#[cfg(test)]
mod tests {
    use super::sentences;

    #[test]
    fn sentences_split_on_marks_not_in_brackets_or_decimals() {
        let text = "彼は「本当だ。」と言った。3.5倍だ! Next one. Last";
        let parts: Vec<&str> = sentences(text).into_iter().map(|r| &text[r]).collect();
        assert_eq!(
            parts,
            [
                "彼は「本当だ。」と言った。",
                "3.5倍だ!",
                " Next one.",
                " Last"
            ]
        );
    }
}
