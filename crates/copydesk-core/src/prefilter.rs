//! Literals every match of a regex must contain, found from its syntax, so a
//! search over text that lacks them can be skipped.
//!
//! A pack rule's pattern is usually rare text (`---END---`, `as an AI model`)
//! and most posts have none of it. The regex crate finds a literal prefix on
//! its own, but not behind a line anchor and `[ \t]*`, nor one required in the
//! middle of a pattern. Checking for the literals with one Aho-Corasick scan
//! per literal set is several times faster than the search it saves.
//!
//! The filter may say yes when the regex finds nothing; it never says no when
//! the regex would match. A case-insensitive letter becomes both its cases,
//! so every literal set is matched exactly, with SIMD (Teddy), which a
//! case-insensitive Aho-Corasick search cannot use.

use std::collections::BTreeSet;

use aho_corasick::{AhoCorasick, MatchKind};
use regex_syntax::hir::{Class, Hir, HirKind, Look};

/// Literal sets above this size are not worth a filter; the search just runs.
const MAX_LITERALS: usize = 64;
/// A class of at most this many characters is treated as a choice of literals.
const MAX_CLASS_CHARS: usize = 8;

/// What a piece of a pattern matches, as far as literals go.
enum Shape {
    /// Exactly one of these strings.
    Exact(BTreeSet<String>),
    /// Something longer or open-ended that still requires this.
    Requires(Requirement),
}

/// Which literals a match must contain.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Requirement {
    Nothing,
    OneOf(BTreeSet<String>),
    All(Vec<Requirement>),
    Any(Vec<Requirement>),
}

impl Requirement {
    fn from_exact(set: BTreeSet<String>) -> Requirement {
        if set.is_empty() || set.contains("") || set.len() > MAX_LITERALS {
            Requirement::Nothing
        } else {
            Requirement::OneOf(set)
        }
    }

    fn all(parts: Vec<Requirement>) -> Requirement {
        let mut parts: Vec<Requirement> = parts
            .into_iter()
            .filter(|part| *part != Requirement::Nothing)
            .collect();
        match parts.len() {
            0 => Requirement::Nothing,
            1 => parts.remove(0),
            _ => Requirement::All(parts),
        }
    }

    fn any(parts: Vec<Requirement>) -> Requirement {
        if parts.is_empty() || parts.contains(&Requirement::Nothing) {
            Requirement::Nothing
        } else if parts.len() == 1 {
            parts.into_iter().next().unwrap_or(Requirement::Nothing)
        } else {
            Requirement::Any(parts)
        }
    }
}

fn cross(left: &BTreeSet<String>, right: &BTreeSet<String>) -> Option<BTreeSet<String>> {
    if left.len().saturating_mul(right.len()) > MAX_LITERALS {
        return None;
    }
    Some(
        left.iter()
            .flat_map(|l| right.iter().map(move |r| format!("{l}{r}")))
            .collect(),
    )
}

fn empty_string() -> BTreeSet<String> {
    BTreeSet::from([String::new()])
}

fn shape(hir: &Hir) -> Shape {
    match hir.kind() {
        HirKind::Empty | HirKind::Look(_) => Shape::Exact(empty_string()),
        HirKind::Literal(literal) => match std::str::from_utf8(&literal.0) {
            Ok(text) => Shape::Exact(BTreeSet::from([text.to_string()])),
            Err(_) => Shape::Requires(Requirement::Nothing),
        },
        HirKind::Class(class) => class_shape(class),
        HirKind::Capture(capture) => shape(&capture.sub),
        HirKind::Repetition(repetition) => {
            let sub = shape(&repetition.sub);
            let (min, max) = (repetition.min, repetition.max);
            match sub {
                Shape::Exact(set) if min == 0 && max == Some(1) => {
                    let mut optional = set;
                    optional.insert(String::new());
                    Shape::Exact(optional)
                }
                Shape::Exact(set) if min >= 1 => {
                    let mut repeated = set.clone();
                    for _ in 1..min.min(8) {
                        match cross(&repeated, &set) {
                            Some(longer) => repeated = longer,
                            None => break,
                        }
                    }
                    if max == Some(min) && min <= 8 && repeated.len() <= MAX_LITERALS {
                        Shape::Exact(repeated)
                    } else {
                        Shape::Requires(Requirement::from_exact(repeated))
                    }
                }
                Shape::Requires(requirement) if min >= 1 => Shape::Requires(requirement),
                _ => Shape::Requires(Requirement::Nothing),
            }
        }
        HirKind::Concat(children) => {
            let mut run = empty_string();
            let mut parts = Vec::new();
            let mut exact = true;
            for child in children {
                match shape(child) {
                    Shape::Exact(set) => match cross(&run, &set) {
                        Some(longer) => run = longer,
                        None => {
                            parts.push(Requirement::from_exact(std::mem::replace(&mut run, set)));
                            exact = false;
                        }
                    },
                    Shape::Requires(requirement) => {
                        parts.push(Requirement::from_exact(std::mem::replace(
                            &mut run,
                            empty_string(),
                        )));
                        parts.push(requirement);
                        exact = false;
                    }
                }
            }
            if exact {
                Shape::Exact(run)
            } else {
                parts.push(Requirement::from_exact(run));
                Shape::Requires(Requirement::all(parts))
            }
        }
        HirKind::Alternation(children) => {
            let shapes: Vec<Shape> = children.iter().map(shape).collect();
            let mut union = BTreeSet::new();
            let mut all_exact = true;
            for child in &shapes {
                match child {
                    Shape::Exact(set) => union.extend(set.iter().cloned()),
                    Shape::Requires(_) => all_exact = false,
                }
            }
            if all_exact && union.len() <= MAX_LITERALS {
                return Shape::Exact(union);
            }
            Shape::Requires(Requirement::any(
                shapes
                    .into_iter()
                    .map(|child| match child {
                        Shape::Exact(set) => Requirement::from_exact(set),
                        Shape::Requires(requirement) => requirement,
                    })
                    .collect(),
            ))
        }
    }
}

fn class_shape(class: &Class) -> Shape {
    let mut set = BTreeSet::new();
    match class {
        Class::Unicode(class) => {
            let size: u32 = class
                .ranges()
                .iter()
                .map(|range| u32::from(range.end()) - u32::from(range.start()) + 1)
                .sum();
            if size as usize > MAX_CLASS_CHARS {
                return Shape::Requires(Requirement::Nothing);
            }
            for range in class.ranges() {
                for ch in range.start()..=range.end() {
                    set.insert(ch.to_string());
                }
            }
        }
        Class::Bytes(class) => {
            let size: usize = class
                .ranges()
                .iter()
                .map(|range| usize::from(range.end() - range.start()) + 1)
                .sum();
            if size > MAX_CLASS_CHARS || class.ranges().iter().any(|range| range.end() >= 0x80) {
                return Shape::Requires(Requirement::Nothing);
            }
            for range in class.ranges() {
                for byte in range.start()..=range.end() {
                    set.insert(char::from(byte).to_string());
                }
            }
        }
    }
    Shape::Exact(set)
}

/// Parses with the flags the packs compile with; they change only what `^`
/// and `$` mean.
fn parse(pattern: &str) -> Option<Hir> {
    regex_syntax::ParserBuilder::new()
        .multi_line(true)
        .crlf(true)
        .build()
        .parse(pattern)
        .ok()
}

/// Whether a pattern uses `\A` or `\z` (or `^`, `$` with multi-line off),
/// which match only at the very start or end of the text searched.
pub fn anchored_to_text(pattern: &str) -> bool {
    parse(pattern).is_none_or(|hir| {
        let looks = hir.properties().look_set();
        looks.contains(Look::Start) || looks.contains(Look::End)
    })
}

fn requirement(pattern: &str) -> Requirement {
    match parse(pattern) {
        Some(hir) => match shape(&hir) {
            Shape::Exact(set) => Requirement::from_exact(set),
            Shape::Requires(requirement) => requirement,
        },
        None => Requirement::Nothing,
    }
}

/// A compiled check: does a text contain what every match needs?
#[derive(Debug, Clone)]
pub enum Prefilter {
    /// Nothing is known; the search must run.
    Always,
    OneOf(AhoCorasick),
    All(Vec<Prefilter>),
    Any(Vec<Prefilter>),
}

impl Prefilter {
    /// A filter that passes only text every one of `patterns` may match.
    pub fn all_of<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Prefilter {
        Prefilter::compile(&Requirement::all(
            patterns.into_iter().map(requirement).collect(),
        ))
    }

    /// A filter that passes text any one of `patterns` may match.
    pub fn any_of<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Prefilter {
        Prefilter::compile(&Requirement::any(
            patterns.into_iter().map(requirement).collect(),
        ))
    }

    fn compile(requirement: &Requirement) -> Prefilter {
        match requirement {
            Requirement::Nothing => Prefilter::Always,
            // Leftmost-first lets Aho-Corasick use its SIMD (Teddy) prefilter;
            // which literal matches does not matter here.
            Requirement::OneOf(literals) => AhoCorasick::builder()
                .match_kind(MatchKind::LeftmostFirst)
                .build(literals)
                .map_or(Prefilter::Always, Prefilter::OneOf),
            Requirement::All(parts) => {
                // Fewest literals first: one literal is a memmem search, and
                // the first set a text lacks ends the check.
                let mut parts: Vec<&Requirement> = parts.iter().collect();
                parts.sort_by_key(|part| match part {
                    Requirement::OneOf(literals) => literals.len(),
                    _ => MAX_LITERALS + 1,
                });
                Prefilter::All(parts.into_iter().map(Prefilter::compile).collect())
            }
            Requirement::Any(parts) => {
                Prefilter::Any(parts.iter().map(Prefilter::compile).collect())
            }
        }
    }

    /// False only when the regex cannot match anywhere in `text`.
    pub fn may_match(&self, text: &str) -> bool {
        match self {
            Prefilter::Always => true,
            Prefilter::OneOf(literals) => literals.is_match(text),
            Prefilter::All(parts) => parts.iter().all(|part| part.may_match(text)),
            Prefilter::Any(parts) => parts.iter().any(|part| part.may_match(text)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn literals(pattern: &str) -> Requirement {
        requirement(pattern)
    }

    fn one_of(items: &[&str]) -> Requirement {
        Requirement::OneOf(items.iter().map(|item| item.to_string()).collect())
    }

    #[test]
    fn finds_literals_behind_line_anchors_and_blanks() {
        assert_eq!(
            literals(r"^[ \t]*\*\*[ \t]*(?:タイトル|Title)[ \t]*[:：]"),
            Requirement::All(vec![
                one_of(&["**"]),
                one_of(&["Title", "タイトル"]),
                one_of(&[":", "："])
            ])
        );
        assert_eq!(
            literals(r"^[ \t]*-{2,}[ \t]*(?i:END)[ \t]*-{2,}[ \t]*$"),
            Requirement::All(vec![
                one_of(&["--"]),
                one_of(&["END", "ENd", "EnD", "End", "eND", "eNd", "enD", "end"]),
                one_of(&["--"])
            ])
        );
        // An optional part multiplies out; nothing is required of a bare `\w+`.
        assert_eq!(
            literals(r"AI(?:言語)?モデル"),
            one_of(&["AIモデル", "AI言語モデル"])
        );
        assert_eq!(literals(r"\w+"), Requirement::Nothing);
        assert_eq!(literals(r"a|\w+"), Requirement::Nothing);
    }

    #[test]
    fn unicode_case_folding_keeps_every_variant() {
        // (?i)s also matches ſ (U+017F), and k the Kelvin sign.
        let Requirement::OneOf(set) = literals("(?i)ask") else {
            panic!("expected literals");
        };
        assert_eq!(set.len(), 2 * 3 * 3);
        assert!(set.contains("ASK") && set.contains("aſk") && set.contains("as\u{212A}"));
    }

    #[test]
    fn the_filter_never_rejects_what_the_regex_matches() {
        let cases = [
            (
                r"^[ \t]*-{2,}[ \t]*(?i:END|BEGIN|START)[ \t]*-{2,}[ \t]*$",
                "text\n  --- end ---\nmore",
            ),
            (
                r"(?i)(?-u:\b)as an ai(?: language)? model(?-u:\b)",
                "As an AI Language Model, I",
            ),
            (r"(?i)lorem ipsum", "LOREM IPſUM"),
            (
                r"\[(?i:insert|your|add) [^\]]{1,40}\]",
                "[Insert name here]",
            ),
            (r"x{3}y", "xxxy"),
            (r"(?:ab){2,3}c", "ababc"),
        ];
        for (pattern, text) in cases {
            let regex = regex::RegexBuilder::new(pattern)
                .multi_line(true)
                .crlf(true)
                .build()
                .unwrap();
            assert!(regex.is_match(text), "{pattern} on {text:?}");
            assert!(
                Prefilter::any_of([pattern]).may_match(text),
                "{pattern} on {text:?}"
            );
            assert!(
                !Prefilter::any_of([pattern]).may_match("nothing of the kind here"),
                "{pattern}"
            );
        }
    }

    #[test]
    fn text_anchors_are_told_from_line_anchors() {
        assert!(anchored_to_text(r"\Afoo"));
        assert!(anchored_to_text(r"(?-m)foo$"));
        assert!(!anchored_to_text(r"^foo$"));
        assert!(!anchored_to_text(r"\bfoo\b"));
    }

    #[test]
    fn every_pattern_of_all_of_must_be_possible() {
        let both = Prefilter::all_of([r"\bcolor\b", r"\bcolour\b"]);
        assert!(both.may_match("color and colour"));
        assert!(!both.may_match("color only"));
    }
}
