//! Bracket and quote matching for the `pairs` kind.

use std::ops::Range;

/// The marks of `text` left unmatched, in order: an opening mark never
/// closed, and a mark closed twice (`「a」」`). A closing mark whose opening
/// mark never came is left alone: `参考)` and `A » B` use it as a label or a
/// separator. `pairs` holds two
/// characters each, opening then closing; a mark that is both (`""`)
/// closes when one is open and opens otherwise. A closing mark that meets
/// another kind of open mark (`（…)`) leaves that one open, and it alone is
/// reported, as textlint's no-unmatched-pair does.
pub fn unmatched(text: &str, pairs: &[String]) -> Vec<Range<usize>> {
    let marks: Vec<(char, char)> = pairs
        .iter()
        .filter_map(|pair| {
            let mut chars = pair.chars();
            Some((chars.next()?, chars.next()?))
        })
        .collect();
    if !text.chars().any(|ch| {
        marks
            .iter()
            .any(|(open, close)| ch == *open || ch == *close)
    }) {
        return Vec::new();
    }
    let mut open: Vec<(usize, Range<usize>)> = Vec::new();
    let mut opened = vec![false; marks.len()];
    let mut unmatched = Vec::new();
    for (at, ch) in text.char_indices() {
        let range = at..at + ch.len_utf8();
        let opens = marks.iter().position(|(open, _)| *open == ch);
        let closes = marks.iter().position(|(_, close)| *close == ch);
        let closing = match (opens, closes) {
            (Some(pair), Some(_)) => open.iter().any(|(open, _)| *open == pair).then_some(pair),
            (None, Some(pair)) => Some(pair),
            _ => None,
        };
        match (closing, opens) {
            (Some(pair), _) => match open.iter().rposition(|(open, _)| *open == pair) {
                Some(depth) => {
                    unmatched.extend(open.drain(depth + 1..).map(|(_, range)| range));
                    open.pop();
                }
                None if open.is_empty() && opened[pair] => unmatched.push(range),
                None => {}
            },
            (None, Some(pair)) => {
                opened[pair] = true;
                open.push((pair, range));
            }
            (None, None) => {}
        }
    }
    unmatched.extend(open.into_iter().map(|(_, range)| range));
    unmatched.sort_by_key(|range| range.start);
    unmatched
}

#[cfg(test)]
mod tests {
    use super::unmatched;

    fn marks(text: &str) -> Vec<&str> {
        let pairs: Vec<String> = ["「」", "（）", "()", "\"\"", "«»", "‹›", "[]"]
            .iter()
            .map(|pair| pair.to_string())
            .collect();
        unmatched(text, &pairs)
            .into_iter()
            .map(|range| &text[range])
            .collect()
    }

    #[test]
    fn open_marks_wrong_closers_and_unopened_closers() {
        assert!(marks("これは(秘密)です。「（a）」 \"b\" «c ‹d›»").is_empty());
        assert_eq!(marks("これは（秘密)です。"), ["（"]);
        assert_eq!(marks("John said \"Hello World!'."), ["\""]);
        assert_eq!(marks("« L’article ‹ La technologie »"), ["‹"]);
        assert_eq!(marks("「a」」"), ["」"]);
        assert_eq!(marks("（a））"), ["）"]);
        assert!(marks("参考) 閉じただけ）です。A » B").is_empty());
    }
}
