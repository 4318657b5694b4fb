//! What each kind of pack rule reports.

use std::collections::BTreeMap;
use std::ops::Range;

use regex::Regex;
use unicode_normalization::UnicodeNormalization;

use super::scope::{haystacks, Haystack};
use super::{Blocks, FixSafety, Kind, PackRule, Scope, ScopeTexts, Transform};
use crate::diagnostic::{Edit, Fix, Violation};
use crate::document::Document;
use crate::messages::Language;
use crate::source::TextRange;
use crate::text::utf16_len;
use crate::tr;

/// Exception matches up to this many bytes are searched for overlapping.
const OVERLAP_LIMIT: usize = 64;

/// A match in one haystack.
struct Found {
    range: TextRange,
    text: String,
    haystack: usize,
}

/// Runs one pack rule over a document.
pub fn check_rule(document: &Document, rule: &PackRule) -> Vec<Violation> {
    check_rule_in(&ScopeTexts::new(document), rule, Language::En)
}

/// Runs one pack rule, sharing the joined texts with the document's other rules.
pub fn check_rule_in(texts: &ScopeTexts, rule: &PackRule, language: Language) -> Vec<Violation> {
    let document = texts.document;
    if let Some(text) = texts.covering(&rule.scope) {
        if !rule.may_report_in(text, rule.scope == Scope::Lines) {
            return Vec::new();
        }
    }
    let search = Search {
        rule,
        document,
        haystacks: haystacks(document, &rule.scope),
        template: rule.message.get(language),
        language,
    };
    match rule.kind {
        Kind::Existence => search.existence(),
        Kind::Substitution => search.substitution(),
        Kind::Occurrence => search.occurrence(),
        Kind::Consistency => search.consistency(),
        Kind::Length => search.length(),
        Kind::Count => search.count(),
        Kind::Pairs => search.pairs(),
    }
}

struct Search<'a> {
    rule: &'a PackRule,
    document: &'a Document,
    haystacks: Vec<Haystack<'a>>,
    template: &'a str,
    language: Language,
}

impl Search<'_> {
    /// The ranges of a haystack's text that findings may not fall inside,
    /// found overlapping, so that `名詞、名詞、名詞` excepts both marks.
    fn exceptions(&self, text: &str) -> Vec<Range<usize>> {
        let Some(regex) = &self.rule.exceptions_regex else {
            return Vec::new();
        };
        let mut ranges = Vec::new();
        let mut at = 0;
        while at <= text.len() {
            let Some(hit) = regex.find_at(text, at) else {
                break;
            };
            if !hit.is_empty() {
                ranges.push(hit.range());
            }
            // Overlapping only for short matches, so that a long one
            // (`\p{Han}.*`) cannot make the search quadratic.
            at = if hit.len() <= OVERLAP_LIMIT {
                hit.start() + text[hit.start()..].chars().next().map_or(1, char::len_utf8)
            } else {
                hit.end()
            };
        }
        ranges
    }

    /// Raw lines include code blocks, whose text is an example, not the post's.
    fn in_code(&self, range: TextRange) -> bool {
        self.rule.scope == Scope::Lines
            && self
                .document
                .body
                .code_blocks
                .iter()
                .any(|code| code.contains(range.start()))
    }

    /// Where a match of `haystack` goes in the file, or `None` when it falls
    /// inside an exception or in code. `excepted` holds the haystack's
    /// exceptions, found when first needed.
    fn place(
        &self,
        haystack: &Haystack,
        excepted: &mut Option<Vec<Range<usize>>>,
        hit: Range<usize>,
    ) -> Option<TextRange> {
        let excepted = excepted.get_or_insert_with(|| self.exceptions(haystack.text()));
        if inside_any(excepted, &hit) {
            return None;
        }
        let range = haystack.to_file(hit);
        (!self.in_code(range)).then_some(range)
    }

    /// Every match of `regex`, outside exceptions and code: the `finding`
    /// group of a pattern that has one, else the whole match.
    fn matches(&self, regex: &Regex) -> Vec<Found> {
        let groups = finding_groups(regex);
        let mut found = Vec::new();
        for (index, haystack) in self.haystacks.iter().enumerate() {
            let text = haystack.text();
            let mut excepted: Option<Vec<Range<usize>>> = None;
            let hits: Vec<Range<usize>> = if groups.is_empty() {
                regex.find_iter(text).map(|hit| hit.range()).collect()
            } else {
                regex
                    .captures_iter(text)
                    .map(|captures| reported(&captures, &groups).range())
                    .collect()
            };
            for hit in hits.into_iter().filter(|hit| !hit.is_empty()) {
                // A match that starts with blank lines or indentation (a
                // pattern anchored at the start of the body) is reported
                // from its first character.
                let matched = &text[hit.clone()];
                let trimmed = matched.trim_start();
                if trimmed.is_empty() {
                    continue;
                }
                let start = hit.start + (matched.len() - trimmed.len());
                if let Some(range) = self.place(haystack, &mut excepted, start..hit.end) {
                    found.push(Found {
                        range,
                        text: trimmed.to_string(),
                        haystack: index,
                    });
                }
            }
        }
        found
    }

    fn message(&self, template: &str, matched: &str) -> String {
        template.replace("{match}", matched)
    }

    fn existence(&self) -> Vec<Violation> {
        let Some(any_of) = &self.rule.any_of else {
            return Vec::new();
        };
        self.matches(any_of)
            .into_iter()
            .map(|found| Violation::new(found.range, self.message(self.template, &found.text)))
            .collect()
    }

    fn substitution(&self) -> Vec<Violation> {
        let rule = self.rule;
        let mut violations = Vec::new();
        if let Some(any_of) = &rule.any_of {
            for found in self.matches(any_of) {
                if let Some(right) = rule.swap.get(&found.text) {
                    violations.push(self.replaced(
                        self.template,
                        found.range,
                        &found.text,
                        Some(right),
                        rule.fix,
                    ));
                }
            }
        }
        if let (Some(pattern), Some(Transform::Nfkc)) = (&rule.pattern, rule.transform) {
            for found in self.matches(&pattern.0) {
                let right: String = found.text.nfkc().collect();
                if right != found.text {
                    violations.push(self.replaced(
                        self.template,
                        found.range,
                        &found.text,
                        Some(&right),
                        rule.fix,
                    ));
                }
            }
        }
        if let (Some(pattern), Some(replacement)) = (&rule.pattern, &rule.replacement) {
            violations.extend(self.rewritten(
                &pattern.0,
                Some(replacement),
                rule.fix,
                self.template,
            ));
        }
        // Where two rewrites match the same text, the first listed wins.
        let mut taken: Vec<TextRange> = Vec::new();
        for rewrite in &rule.rewrites {
            let template = rewrite
                .message
                .as_ref()
                .map_or(self.template, |message| message.get(self.language));
            let safety = rewrite.fix.unwrap_or(rule.fix);
            let found = self.rewritten(
                &rewrite.pattern.0,
                rewrite.replacement.as_deref(),
                safety,
                template,
            );
            for violation in found {
                let range = violation.range;
                if !taken
                    .iter()
                    .any(|other| other.intersect(range).is_some_and(|both| !both.is_empty()))
                {
                    taken.push(range);
                    violations.push(violation);
                }
            }
        }
        violations.sort_by_key(|violation| violation.range.start());
        violations
    }

    /// Matches of a pattern with captures, each rewritten by `replacement`:
    /// the whole match, or the `finding` group when the pattern has one.
    fn rewritten(
        &self,
        regex: &Regex,
        replacement: Option<&str>,
        safety: FixSafety,
        template: &str,
    ) -> Vec<Violation> {
        let groups = finding_groups(regex);
        let mut violations = Vec::new();
        for haystack in &self.haystacks {
            let text = haystack.text();
            let mut excepted: Option<Vec<Range<usize>>> = None;
            for captures in regex.captures_iter(text) {
                let whole = reported(&captures, &groups);
                if whole.is_empty() {
                    continue;
                }
                let Some(range) = self.place(haystack, &mut excepted, whole.range()) else {
                    continue;
                };
                let right = replacement.map(|replacement| {
                    let mut right = String::new();
                    captures.expand(replacement, &mut right);
                    right
                });
                if right.as_deref() == Some(whole.as_str()) {
                    continue;
                }
                violations.push(self.replaced(
                    template,
                    range,
                    whole.as_str(),
                    right.as_deref(),
                    safety,
                ));
            }
        }
        violations
    }

    fn replaced(
        &self,
        template: &str,
        range: TextRange,
        found: &str,
        right: Option<&str>,
        safety: FixSafety,
    ) -> Violation {
        let message = self
            .message(template, found)
            .replace("{replacement}", right.unwrap_or(""));
        let violation = Violation::new(range, message);
        let Some(right) = right else {
            return violation;
        };
        let title = tr!(self.language, "pack-replace-fix", replacement = right);
        let edits = vec![Edit::replace(range, right)];
        match safety {
            FixSafety::Safe => violation.with_fix(Fix::safe(title, edits)),
            FixSafety::Unsafe => violation.with_fix(Fix::unsafe_(title, edits)),
            FixSafety::None => violation,
        }
    }

    fn occurrence(&self) -> Vec<Violation> {
        let (Some(pattern), Some(max)) = (&self.rule.pattern, self.rule.max) else {
            return Vec::new();
        };
        let found = self.matches(&pattern.0);
        let Some(over) = found.get(max) else {
            return Vec::new();
        };
        vec![Violation::new(
            over.range,
            tr!(
                self.language,
                "pack-occurrence",
                message = self.message(self.template, &over.text),
                count = found.len(),
                max = max
            ),
        )]
    }

    /// Forms counted over the document, or, with `separately`, over its
    /// paragraphs, its headings, each of its lists and its table cells
    /// apart; a preferred form makes every other one a finding.
    fn consistency(&self) -> Vec<Violation> {
        let rule = self.rule;
        type Group = (Option<Blocks>, Option<u32>);
        let group_of = |found: &Found| -> Group {
            let haystack = &self.haystacks[found.haystack];
            match haystack.group {
                Some(Blocks::ListItems) => (haystack.group, haystack.list),
                group => (group, None),
            }
        };
        let mut by_group: BTreeMap<Group, Vec<(usize, Vec<Found>)>> = BTreeMap::new();
        for (form, (_, pattern)) in rule.forms.0.iter().enumerate() {
            for found in self.matches(&pattern.0) {
                let group = if rule.separately {
                    group_of(&found)
                } else {
                    (None, None)
                };
                let forms = by_group.entry(group).or_default();
                match forms.iter_mut().find(|(at, _)| *at == form) {
                    Some((_, all)) => all.push(found),
                    None => forms.push((form, vec![found])),
                }
            }
        }
        let name = |form: usize| rule.forms.0[form].0.as_str();
        let mut violations = Vec::new();
        for ((group, _), mut forms) in by_group {
            forms.sort_by_key(|(form, _)| *form);
            let preferred = rule.prefer.as_ref().and_then(|prefer| {
                let wanted = if rule.separately {
                    prefer.in_blocks(group)
                } else {
                    prefer.in_blocks(None)
                };
                wanted.and_then(|wanted| rule.forms.0.iter().position(|(name, _)| name == wanted))
            });
            if let Some(preferred) = preferred {
                for (form, all) in &forms {
                    if *form == preferred {
                        continue;
                    }
                    for found in all {
                        violations.push(Violation::new(
                            found.range,
                            tr!(
                                self.language,
                                "pack-consistency-preferred",
                                message = self.message(self.template, &found.text),
                                form = name(*form),
                                preferred = name(preferred)
                            ),
                        ));
                    }
                }
                continue;
            }
            if forms.len() < 2 {
                continue;
            }
            // The most used form is the post's; on a tie, the first listed.
            let majority = forms
                .iter()
                .enumerate()
                .max_by_key(|(at, (_, all))| (all.len(), std::cmp::Reverse(*at)))
                .map(|(at, _)| at)
                .unwrap_or(0);
            let (majority_form, majority_count) = (forms[majority].0, forms[majority].1.len());
            for (at, (form, all)) in forms.iter().enumerate() {
                if at == majority {
                    continue;
                }
                for found in all {
                    let message = self.message(self.template, &found.text);
                    let text = match group {
                        Some(blocks) => tr!(
                            self.language,
                            "pack-consistency-in-blocks",
                            message = message,
                            minority = name(*form),
                            majority = name(majority_form),
                            count = majority_count,
                            blocks = blocks.name()
                        ),
                        None => tr!(
                            self.language,
                            "pack-consistency",
                            message = message,
                            minority = name(*form),
                            majority = name(majority_form),
                            count = majority_count
                        ),
                    };
                    violations.push(Violation::new(found.range, text));
                }
            }
        }
        violations.sort_by_key(|violation| violation.range.start());
        violations
    }

    /// Each unit (a sentence, a block, or a match of `pattern`) at most
    /// `max` UTF-16 code units, not counting text inside exceptions.
    fn length(&self) -> Vec<Violation> {
        let Some(max) = self.rule.max else {
            return Vec::new();
        };
        let mut violations = Vec::new();
        for haystack in &self.haystacks {
            let text = haystack.text();
            let units: Vec<Range<usize>> = match &self.rule.pattern {
                Some(pattern) => pattern.0.find_iter(text).map(|hit| hit.range()).collect(),
                None => std::iter::once(0..text.len()).collect(),
            };
            let mut excepted: Option<Vec<Range<usize>>> = None;
            for unit in units {
                let whole = utf16_len(&text[unit.clone()]);
                if whole <= max {
                    continue;
                }
                let excepted = excepted.get_or_insert_with(|| self.exceptions(text));
                let length = whole - utf16_covered(text, &unit, excepted);
                if length <= max {
                    continue;
                }
                let range = haystack.to_file(unit.clone());
                if self.in_code(range) {
                    continue;
                }
                let message = self
                    .message(self.template, &text[unit])
                    .replace("{length}", &length.to_string())
                    .replace("{max}", &max.to_string());
                violations.push(Violation::new(range, message));
            }
        }
        violations
    }

    /// At most `max` matches of `pattern` in each unit; the one over is reported.
    fn count(&self) -> Vec<Violation> {
        let (Some(pattern), Some(max)) = (&self.rule.pattern, self.rule.max) else {
            return Vec::new();
        };
        let found = self.matches(&pattern.0);
        let mut violations = Vec::new();
        let mut at = 0;
        while at < found.len() {
            let haystack = found[at].haystack;
            let end = found[at..]
                .iter()
                .position(|found| found.haystack != haystack)
                .map_or(found.len(), |length| at + length);
            let unit = &found[at..end];
            if let Some(over) = unit.get(max) {
                let message = self
                    .message(self.template, &over.text)
                    .replace("{count}", &unit.len().to_string())
                    .replace("{max}", &max.to_string());
                violations.push(Violation::new(over.range, message));
            }
            at = end;
        }
        violations
    }

    /// Opening marks left open and closing marks with nothing open.
    fn pairs(&self) -> Vec<Violation> {
        let mut violations = Vec::new();
        for haystack in &self.haystacks {
            let text = haystack.text();
            let unmatched = super::pairs::unmatched(text, &self.rule.pairs);
            if unmatched.is_empty() {
                continue;
            }
            let excepted = self.exceptions(text);
            for mark in unmatched {
                if inside_any(&excepted, &mark) {
                    continue;
                }
                let range = haystack.to_file(mark.clone());
                violations.push(Violation::new(
                    range,
                    self.message(self.template, &text[mark]),
                ));
            }
        }
        violations
    }
}

/// Groups whose name begins with `finding`: the part of a match reported.
/// One per alternative, since a regex may not repeat a name.
fn finding_groups(regex: &Regex) -> Vec<usize> {
    regex
        .capture_names()
        .enumerate()
        .filter(|(_, name)| name.is_some_and(|name| name.starts_with("finding")))
        .map(|(at, _)| at)
        .collect()
}

/// The part of a match reported: its `finding` group, else all of it.
fn reported<'h>(captures: &regex::Captures<'h>, groups: &[usize]) -> regex::Match<'h> {
    groups
        .iter()
        .find_map(|at| captures.get(*at))
        .or_else(|| captures.get(0))
        .expect("group 0 is the match")
}

fn inside_any(ranges: &[Range<usize>], range: &Range<usize>) -> bool {
    ranges
        .iter()
        .any(|outer| outer.start <= range.start && range.end <= outer.end)
}

/// How much of `unit` the ranges cover, in UTF-16 code units.
fn utf16_covered(text: &str, unit: &Range<usize>, ranges: &[Range<usize>]) -> usize {
    let mut covered = 0;
    let mut until = unit.start;
    let mut sorted: Vec<&Range<usize>> = ranges.iter().collect();
    sorted.sort_by_key(|range| range.start);
    for range in sorted {
        let start = range.start.max(until).max(unit.start);
        let end = range.end.min(unit.end);
        if start < end {
            covered += utf16_len(&text[start..end]);
            until = end;
        }
    }
    covered
}
