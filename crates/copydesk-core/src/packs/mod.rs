//! Declarative rule packs: YAML files of rules that need no Rust.
//!
//! A pack rule is one of seven kinds: `existence` (a pattern that must not
//! appear), `substitution` (wrong → right, fixable), `occurrence` (at most N
//! per document), `consistency` (only one of two forms), `length` (a
//! sentence or a match at most N characters), `count` (at most N matches in
//! one sentence or block) and `pairs` (brackets and quotes left open). Each
//! looks at body prose, sentences, chosen kinds of blocks, headings, raw
//! body lines, or named front-matter fields (`scope`).
//!
//! - `scope`: where a rule looks, and the texts it searches;
//! - `check`: what each kind reports;
//! - `pairs`: bracket matching;
//! - `settings`: what a config may change of a pack rule (`pack-rules`).

mod check;
mod pairs;
mod scope;
mod settings;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use regex::{Regex, RegexBuilder};
use serde::{Deserialize, Deserializer};

use crate::diagnostic::Severity;
use crate::messages::Language;
use crate::prefilter::Prefilter;

pub use check::{check_rule, check_rule_in};
pub use scope::{BlockScope, Blocks, Included, Scope, ScopeTexts, Unit};
pub use settings::{PackRuleSetting, Prefer};

/// Patterns come from files anyone can write; the regex crate matches in
/// linear time, and these limits bound what one pattern may compile to.
const PATTERN_SIZE_LIMIT: usize = 1 << 20;
const PATTERN_LENGTH_LIMIT: usize = 4096;

/// Packs shipped in `rules/packs/`, by name.
pub const SHIPPED: [(&str, &str); 3] = [
    (
        "generator-leftovers",
        include_str!("../../../../rules/packs/generator-leftovers.yml"),
    ),
    (
        "ja-style",
        include_str!("../../../../rules/packs/ja-style.yml"),
    ),
    (
        "ja-technical-writing",
        include_str!("../../../../rules/packs/ja-technical-writing.yml"),
    ),
];

/// A shipped pack, read and compiled once per process, when a rule set first
/// needs it: a run that finds every file in its cache never compiles it.
pub fn shipped(name: &str) -> Option<Arc<Pack>> {
    static COMPILED: [OnceLock<Arc<Pack>>; SHIPPED.len()] =
        [const { OnceLock::new() }; SHIPPED.len()];
    let at = SHIPPED.iter().position(|(shipped, _)| *shipped == name)?;
    let pack = COMPILED[at].get_or_init(|| {
        Arc::new(Pack::from_yaml(SHIPPED[at].1).expect("the shipped packs are valid"))
    });
    Some(Arc::clone(pack))
}

/// A compiled regex, checked when the pack is read so errors carry a line.
#[derive(Debug, Clone)]
pub struct Pattern(Regex);

impl Pattern {
    pub fn new(source: &str) -> Result<Pattern, String> {
        compile(source).map(Pattern)
    }
}

impl<'de> Deserialize<'de> for Pattern {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        Pattern::new(&source).map_err(serde::de::Error::custom)
    }
}

/// One of an `existence` rule's patterns: checked when the pack is read, so
/// errors carry a line, and compiled only as part of the rule's one regex.
#[derive(Debug, Clone)]
pub struct PatternSource(String);

impl<'de> Deserialize<'de> for PatternSource {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let source = String::deserialize(deserializer)?;
        check_syntax(&source)
            .map(|()| PatternSource(source))
            .map_err(serde::de::Error::custom)
    }
}

/// A literal, matched as written but ignoring case, as Vale's tokens do.
#[derive(Debug, Clone)]
pub struct Literal(String);

impl<'de> Deserialize<'de> for Literal {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        let source = format!("(?i){}", regex::escape(&text));
        check_syntax(&source)
            .map(|()| Literal(source))
            .map_err(serde::de::Error::custom)
    }
}

fn check_length(source: &str) -> Result<(), String> {
    if source.len() > PATTERN_LENGTH_LIMIT {
        return Err(format!(
            "pattern is {} bytes; the limit is {PATTERN_LENGTH_LIMIT}",
            source.len()
        ));
    }
    Ok(())
}

/// Parsing alone finds every error but a compiled size over the limit, at a
/// fraction of the cost of compiling.
fn check_syntax(source: &str) -> Result<(), String> {
    check_length(source)?;
    regex_syntax::ParserBuilder::new()
        .multi_line(true)
        .crlf(true)
        .build()
        .parse(source)
        .map(drop)
        .map_err(|error| format!("invalid regex `{source}`: {error}"))
}

fn compile(source: &str) -> Result<Regex, String> {
    check_length(source)?;
    builder(source)
        .build()
        .map_err(|error| format!("invalid regex `{source}`: {error}"))
}

/// One regex for a rule's patterns, each already checked on its own.
fn compile_joined(sources: &[String]) -> Result<Regex, String> {
    builder(&sources.join("|"))
        .build()
        .map_err(|error| format!("its patterns together do not compile: {error}"))
}

/// `^` and `$` match at every line end: CR, LF or CRLF.
fn builder(source: &str) -> RegexBuilder {
    let mut builder = RegexBuilder::new(source);
    builder
        .size_limit(PATTERN_SIZE_LIMIT)
        .multi_line(true)
        .crlf(true);
    builder
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Transform {
    /// Unicode NFKC: full-width letters and digits to ASCII.
    Nfkc,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Kind {
    /// `patterns` or `literals` that must not appear.
    Existence,
    /// `swap` (wrong → right), `pattern` rewritten by `transform` or
    /// `replacement`, or a list of `rewrites`; fixable.
    Substitution,
    /// `pattern` at most `max` times per document.
    Occurrence,
    /// Named `forms`; only one may appear in a document (or in each kind of
    /// block, with `separately`).
    Consistency,
    /// Each unit of the scope (or each match of `pattern`) at most `max`
    /// characters, counted as UTF-16 code units as textlint counts them.
    Length,
    /// At most `max` matches of `pattern` in one unit of the scope.
    Count,
    /// Each opening mark of `pairs` closed, and no closing mark unopened.
    Pairs,
}

/// How sure a substitution's fix is: `safe` is applied by `--fix`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum FixSafety {
    #[default]
    Safe,
    Unsafe,
    /// Reported with no fix: a person could disagree with any rewrite.
    None,
}

/// One rewrite of a `substitution` rule: what to find, and what to write.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rewrite {
    pub pattern: Pattern,
    /// The text to write, with `$1` or `${name}` for captured text; none
    /// means the match is reported with no fix.
    pub replacement: Option<String>,
    #[serde(default)]
    pub fix: Option<FixSafety>,
    /// This rewrite's own message, over the rule's.
    pub message: Option<Localized>,
}

/// A consistency rule's forms, in the order written: on a tie, the first wins.
#[derive(Debug, Clone, Default)]
pub struct Forms(pub Vec<(String, Pattern)>);

impl<'de> Deserialize<'de> for Forms {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct Visitor;
        impl<'de> serde::de::Visitor<'de> for Visitor {
            type Value = Forms;
            fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
                f.write_str("a mapping of form names to patterns")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                mut map: A,
            ) -> Result<Forms, A::Error> {
                let mut forms = Vec::new();
                while let Some((name, pattern)) = map.next_entry::<String, Pattern>()? {
                    forms.push((name, pattern));
                }
                Ok(Forms(forms))
            }
        }
        deserializer.deserialize_map(Visitor)
    }
}

/// One rule of a pack, as written. Which fields apply depends on `kind`.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
pub struct PackRule {
    pub id: String,
    pub kind: Kind,
    /// `{match}` is replaced by the matched text, `{replacement}` by a
    /// substitution's, `{length}`, `{count}` and `{max}` by a length or a
    /// count and its limit. One text, or one per language (`en:`, `ja:`).
    pub message: Localized,
    #[serde(default)]
    pub description: Option<Localized>,
    #[serde(default = "default_level")]
    pub level: Severity,
    #[serde(default)]
    pub scope: Scope,
    #[serde(default)]
    pub patterns: Vec<PatternSource>,
    #[serde(default)]
    pub literals: Vec<Literal>,
    #[serde(default)]
    pub swap: BTreeMap<String, String>,
    pub pattern: Option<Pattern>,
    pub transform: Option<Transform>,
    /// With `pattern`: the text to write, with `$1` or `${name}`.
    pub replacement: Option<String>,
    /// How sure a substitution's fixes are.
    #[serde(default)]
    pub fix: FixSafety,
    #[serde(default)]
    pub rewrites: Vec<Rewrite>,
    pub max: Option<usize>,
    #[serde(default)]
    pub forms: Forms,
    /// A consistency rule counts each kind of block apart.
    #[serde(default)]
    pub separately: bool,
    /// A consistency rule's preferred form: every other form is reported.
    pub prefer: Option<Prefer>,
    /// Literal text a finding may not fall inside (for `length`: text not
    /// counted).
    #[serde(default)]
    pub exceptions: Vec<String>,
    /// Patterns a finding may not fall inside.
    #[serde(default)]
    pub exception_patterns: Vec<PatternSource>,
    /// Opening and closing marks, two characters each: `「」`, `()`.
    #[serde(default)]
    pub pairs: Vec<String>,
    /// Every pattern and literal of an `existence` rule, or every `swap`
    /// key of a `substitution`, in one regex: one search, compiled once.
    #[serde(skip)]
    any_of: Option<Regex>,
    /// Every exception and exception pattern, in one regex.
    #[serde(skip)]
    exceptions_regex: Option<Regex>,
    /// For a `lines` rule, literals a match needs; a body without them is
    /// not searched.
    #[serde(skip)]
    prefilter: Option<Prefilter>,
    /// A pattern uses `\A` or `\z`, which mean something else in joined text.
    #[serde(skip)]
    anchored_to_text: bool,
}

impl PackRule {
    /// Whether its findings come with a fix: every one, some (a rewrite
    /// with no replacement, or `fix: none`), or none.
    pub fn fix_availability(&self) -> crate::diagnostic::FixAvailability {
        use crate::diagnostic::FixAvailability;
        if self.kind != Kind::Substitution {
            return FixAvailability::None;
        }
        let fixed = |replacement: bool, safety: FixSafety| replacement && safety != FixSafety::None;
        let mut parts: Vec<bool> = Vec::new();
        if !self.swap.is_empty() {
            parts.push(fixed(true, self.fix));
        }
        if self.pattern.is_some() {
            let replaced = self.transform.is_some() || self.replacement.is_some();
            parts.push(fixed(replaced, self.fix));
        }
        for rewrite in &self.rewrites {
            parts.push(fixed(
                rewrite.replacement.is_some(),
                rewrite.fix.unwrap_or(self.fix),
            ));
        }
        match (
            parts.iter().all(|fixed| *fixed),
            parts.iter().any(|fixed| *fixed),
        ) {
            (true, _) => FixAvailability::Always,
            (false, true) => FixAvailability::Sometimes,
            (false, false) => FixAvailability::None,
        }
    }

    /// Every regex the rule searches with.
    fn regexes(&self) -> impl Iterator<Item = &Regex> {
        self.any_of
            .iter()
            .chain(self.pattern.iter().map(|pattern| &pattern.0))
            .chain(self.rewrites.iter().map(|rewrite| &rewrite.pattern.0))
            .chain(self.forms.0.iter().map(|(_, pattern)| &pattern.0))
    }

    /// The literals a text needs for the rule to report anything in it.
    fn literal_prefilter(&self) -> Prefilter {
        let sources = self.regexes().map(Regex::as_str);
        if self.needs_every_regex() {
            Prefilter::all_of(sources)
        } else {
            Prefilter::any_of(sources)
        }
    }

    /// A consistency rule reports only when both its forms appear, unless it
    /// prefers one.
    fn needs_every_regex(&self) -> bool {
        self.kind == Kind::Consistency && self.prefer.is_none()
    }

    /// False only when the rule cannot report anything in `text`, a text
    /// that holds every haystack of its scope.
    fn may_report_in(&self, text: &str, scope_is_lines: bool) -> bool {
        match self.kind {
            // A sentence's length needs no match; pairs are checked cheaply.
            Kind::Length if self.pattern.is_none() => return true,
            Kind::Pairs => return true,
            _ => {}
        }
        if scope_is_lines {
            // Line anchors keep the regex from its own literal prefilter.
            return self
                .prefilter
                .as_ref()
                .is_none_or(|filter| filter.may_match(text));
        }
        if self.anchored_to_text {
            return true;
        }
        // One search over joined blocks in place of one per block; a match
        // across a block boundary only costs the per-block search.
        if self.needs_every_regex() {
            self.regexes().all(|regex| regex.is_match(text))
        } else {
            self.regexes().any(|regex| regex.is_match(text))
        }
    }

    /// What a kind needs, checked once the pack is read.
    fn validate(&self) -> Result<(), String> {
        let problem = match self.kind {
            Kind::Existence if self.patterns.is_empty() && self.literals.is_empty() => {
                "existence needs `patterns` or `literals`"
            }
            Kind::Substitution
                if self.swap.is_empty()
                    && self.rewrites.is_empty()
                    && (self.pattern.is_none()
                        || (self.transform.is_none() && self.replacement.is_none())) =>
            {
                "substitution needs `swap`, `rewrites`, or `pattern` with `transform` or `replacement`"
            }
            Kind::Occurrence if self.pattern.is_none() || self.max.is_none() => {
                "occurrence needs `pattern` and `max`"
            }
            Kind::Consistency if self.forms.0.len() < 2 => {
                "consistency needs at least two `forms`"
            }
            Kind::Length if self.max.is_none() => "length needs `max`",
            Kind::Count if self.pattern.is_none() || self.max.is_none() => {
                "count needs `pattern` and `max`"
            }
            Kind::Pairs if self.pairs.is_empty() => "pairs needs `pairs`",
            Kind::Pairs
                if self
                    .pairs
                    .iter()
                    .any(|pair| pair.chars().count() != 2) =>
            {
                "each of `pairs` is two characters: the opening and the closing mark"
            }
            _ => {
                if let Some(prefer) = &self.prefer {
                    for name in prefer.form_names() {
                        if !self.forms.0.iter().any(|(form, _)| form == name) {
                            return Err(format!(
                                "rule `{}`: `prefer` names `{name}`, which is not one of its `forms`",
                                self.id
                            ));
                        }
                    }
                }
                return Ok(());
            }
        };
        Err(format!("rule `{}`: {problem}", self.id))
    }

    /// Compiles the exceptions, over the pack's own when a config adds more.
    fn compile_exceptions(&mut self, more: &[String]) -> Result<(), String> {
        let sources: Vec<String> = self
            .exceptions
            .iter()
            .chain(more)
            .map(|literal| regex::escape(literal))
            .chain(
                self.exception_patterns
                    .iter()
                    .map(|pattern| format!("(?:{})", pattern.0)),
            )
            .collect();
        self.exceptions_regex = if sources.is_empty() {
            None
        } else {
            Some(compile_joined(&sources)?)
        };
        Ok(())
    }
}

fn default_level() -> Severity {
    Severity::Warning
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    pub name: String,
    #[serde(default)]
    pub description: Option<Localized>,
    pub rules: Vec<PackRule>,
}

impl Pack {
    pub fn from_yaml(text: &str) -> Result<Pack, crate::yaml::YamlError> {
        let mut pack: Pack = crate::yaml::from_str(text)?;
        for rule in &mut pack.rules {
            let error = |message| crate::yaml::YamlError {
                message,
                offset: None,
                line: None,
                column: None,
            };
            rule.validate().map_err(error)?;
            let sources: Vec<String> = match rule.kind {
                Kind::Existence => rule
                    .patterns
                    .iter()
                    .map(|pattern| format!("(?:{})", pattern.0))
                    .chain(
                        rule.literals
                            .iter()
                            .map(|literal| format!("(?:{})", literal.0)),
                    )
                    .collect(),
                // Longest first, so that a swap of "Java Script" wins over "Java".
                Kind::Substitution => {
                    let mut wrong: Vec<&String> = rule.swap.keys().collect();
                    wrong.sort_by_key(|wrong| std::cmp::Reverse(wrong.len()));
                    wrong
                        .into_iter()
                        .map(|wrong| regex::escape(wrong))
                        .collect()
                }
                _ => Vec::new(),
            };
            if !sources.is_empty() {
                rule.any_of = Some(
                    compile_joined(&sources)
                        .map_err(|message| error(format!("rule `{}`: {message}", rule.id)))?,
                );
            }
            rule.compile_exceptions(&[])
                .map_err(|message| error(format!("rule `{}`: exceptions: {message}", rule.id)))?;
            if rule.scope == Scope::Lines {
                let prefilter = rule.literal_prefilter();
                rule.prefilter = Some(prefilter);
            }
            let anchored_to_text = rule
                .regexes()
                .any(|regex| crate::prefilter::anchored_to_text(regex.as_str()));
            rule.anchored_to_text = anchored_to_text;
        }
        Ok(pack)
    }

    /// The pack rule's full name: `pack/rule`.
    pub fn rule_name(&self, rule: &PackRule) -> String {
        format!("{}/{}", self.name, rule.id)
    }
}

/// A pack's text: one for every language, or one per language.
#[derive(Debug, Clone, Deserialize)]
#[serde(untagged)]
pub enum Localized {
    One(String),
    ByLanguage(BTreeMap<Language, String>),
}

impl Localized {
    /// The text in `language`, else in English, else in any language.
    pub fn get(&self, language: Language) -> &str {
        match self {
            Localized::One(text) => text,
            Localized::ByLanguage(texts) => texts
                .get(&language)
                .or_else(|| texts.get(&Language::En))
                .or_else(|| texts.values().next())
                .map_or("", String::as_str),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_support::{assert_snapshot_with_config, render_with};
    use crate::Config;

    #[test]
    fn shipped_packs_parse() {
        for (name, text) in SHIPPED {
            let pack = Pack::from_yaml(text).unwrap_or_else(|error| panic!("{name}: {error}"));
            assert_eq!(&pack.name, name);
        }
    }

    #[test]
    fn pack_errors_name_the_line() {
        let error = Pack::from_yaml("name: p\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns: ['(unclosed']\n")
            .unwrap_err();
        assert!(error.message.contains("invalid regex"), "{error}");
        assert_eq!(error.line, Some(6));
        let error =
            Pack::from_yaml("name: p\nrules:\n  - id: a\n    kind: existence\n    mesage: m\n")
                .unwrap_err();
        assert!(error.message.contains("mesage"), "{error}");
        assert_eq!(error.line, Some(5));
        let huge = format!("name: p\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns: ['{}']\n", "a".repeat(5000));
        assert!(Pack::from_yaml(&huge)
            .unwrap_err()
            .message
            .contains("limit"));
        // A pattern that compiles to more than the size limit is refused.
        let blown = "name: p\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns: ['(x{1000}){1000}']\n";
        assert!(Pack::from_yaml(blown)
            .unwrap_err()
            .message
            .contains("size limit"));
    }

    #[test]
    fn catastrophic_backtracking_patterns_run_in_linear_time() {
        // (a+)+b takes exponential time in backtracking engines on "aaa…c".
        let pack = Pack::from_yaml("name: p\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns: ['(a+)+b']\n").unwrap();
        let text = format!("---\ntitle: t\n---\n{}c\n", "a".repeat(100_000));
        let document = crate::Document::parse("a.md", crate::Source::new(text));
        let started = std::time::Instant::now();
        assert!(check_rule(&document, &pack.rules[0]).is_empty());
        assert!(
            started.elapsed() < std::time::Duration::from_secs(5),
            "took {:?}",
            started.elapsed()
        );
    }

    proptest::proptest! {
        /// The prefilter may let through text that has no match, never the reverse.
        #[test]
        fn prefilters_never_hide_a_match(pieces in proptest::collection::vec(0usize..24, 0..16)) {
            const PIECES: [&str; 24] = [
                "---", "END", "end", "Begin", " ", "\t", "\n", "\r\n", "**", "Title", "タイトル",
                ":", "：", "[", "]", "insert ", "as an ", "AI", "model", "言語", "モデルとして",
                "lorem ipſum", "ＡＷＳ", "です。",
            ];
            let text: String = pieces.iter().map(|&at| PIECES[at]).collect();
            for (_, yaml) in SHIPPED {
                let pack = Pack::from_yaml(yaml).unwrap();
                for rule in &pack.rules {
                    let matched = if rule.needs_every_regex() {
                        rule.regexes().all(|regex| regex.is_match(&text))
                    } else {
                        rule.regexes().any(|regex| regex.is_match(&text))
                    };
                    // Every rule's, though only `lines` rules use theirs: more patterns tried.
                    let passes = rule.literal_prefilter().may_match(&text);
                    proptest::prop_assert!(!matched || passes, "{}: {:?}", rule.id, text);
                }
            }
        }
    }

    #[test]
    fn overlapping_swaps_take_the_longest_once() {
        let pack = Pack::from_yaml("name: p\nrules:\n  - id: a\n    kind: substitution\n    message: m\n    swap: {Java: Kotlin, Java Script: JavaScript, github: GitHub}\n").unwrap();
        let text = "---\ntitle: t\n---\nJava Script, Java and github.\n".to_string();
        let document = crate::Document::parse("a.md", crate::Source::new(text));
        let found: Vec<&str> = check_rule(&document, &pack.rules[0])
            .iter()
            .map(|violation| document.source.slice(violation.range))
            .collect();
        assert_eq!(found, ["Java Script", "Java", "github"]);
    }

    const HOUSE: &str = "name: house\nrules:\n\
        - id: click-here\n  kind: existence\n  message: \"vague link text `{match}`\"\n  literals: [click here, こちら]\n\
        - id: javascript\n  kind: substitution\n  message: \"write `{replacement}`, not `{match}`\"\n  scope: {fields: [title]}\n  swap: {Javascript: JavaScript}\n\
        - id: really\n  kind: occurrence\n  message: \"`{match}` is overused\"\n  pattern: '(?i)\\breally\\b'\n  max: 2\n\
        - id: spelling\n  kind: consistency\n  message: \"mixed spelling `{match}`\"\n  forms: {color: '\\bcolor\\b', colour: '\\bcolour\\b'}\n";

    /// A config that names one pack file, `file`, holding `pack`.
    fn config_with_pack(file: &str, pack: &str, extra: &str) -> Result<Config, String> {
        Config::from_yaml_with(&format!("packs: [{file}]\n{extra}"), &|path: &str| {
            if path == file {
                Ok(pack.to_string())
            } else {
                Err(format!("{path}: not found"))
            }
        })
        .map_err(|error| error.message)
    }

    fn house_config() -> Config {
        config_with_pack("house.yml", HOUSE, "").unwrap()
    }

    #[test]
    fn each_kind_of_pack_rule() {
        render_with(
            &house_config(),
            "house/",
            "house.md",
            "---\ntitle: Learning Javascript\n---\nClick here or こちら. Really, really, really good.\n\nThe colour and the colour, then color.\n",
        );
    }

    #[test]
    fn generator_leftovers_pack() {
        assert_snapshot_with_config(
            "generator-leftovers/",
            "leftovers.md",
            "---\ntitle: T\n---\n**タイトル: 新しい記事**\n\nAs an AI language model, I cannot browse.\n\n---END---\n\nReal text.\n",
            "packs: [generator-leftovers]\n",
        );
    }

    /// Every pattern of `generator-leftovers` with a line it must find and
    /// a near miss it must leave alone.
    #[test]
    fn generator_leftovers_patterns_find_leftovers_and_nothing_else() {
        let config = Config::from_yaml("packs: [generator-leftovers]\n").unwrap();
        let rule_set = config.rule_set_for("post.md").unwrap();
        let count = |rule: &str, body: &str| {
            let text = format!("---\ntitle: T\n---\n{body}\n");
            let document = crate::Document::parse("post.md", crate::Source::new(text));
            crate::check(&document, &rule_set)
                .iter()
                .filter(|d| d.rule == format!("generator-leftovers/{rule}"))
                .count()
        };
        let cases: &[(&str, &str, usize)] = &[
            ("pipeline-marker", "---END---", 1),
            ("pipeline-marker", "-- END OF ARTICLE --", 1),
            ("pipeline-marker", "[END]", 1),
            ("pipeline-marker", "=== END ===", 1),
            ("pipeline-marker", "The end -- of the story --", 0),
            ("pipeline-marker", "```\n---END---\n```", 0),
            ("field-label", "**タイトル: 新しい記事**", 1),
            ("field-label", "\n\n**Title**: A new post", 1),
            ("field-label", "Intro.\n\n**Title:** Wrapup Session", 0),
            (
                "field-label",
                "```text\nタイトル: Button label guidelines\n```",
                0,
            ),
            (
                "field-label",
                "Intro.\n\nメタディスクリプション: 生成AIの動向を解説",
                1,
            ),
            ("field-label", "**Title:** A new post", 1),
            (
                "field-label",
                "Intro.\n\n**Meta description**: A post about Rust",
                1,
            ),
            ("field-label", "タイトル：新しい記事", 1),
            ("field-label", "**概要:**\n\n- 一つ目", 0),
            ("field-label", "- **概要:** このツールは翻訳を速くする", 0),
            ("field-label", "**タイトル:**", 0),
            ("field-label", "記事のタイトル：長すぎないこと", 0),
            (
                "assistant-boilerplate",
                "As an AI language model, I cannot help.",
                1,
            ),
            (
                "assistant-boilerplate",
                "As a large language model, I have no opinions.",
                1,
            ),
            (
                "assistant-boilerplate",
                "As an AI model trained by a lab, I must decline.",
                1,
            ),
            (
                "assistant-boilerplate",
                "Sadly I cannot browse the internet for this.",
                1,
            ),
            (
                "assistant-boilerplate",
                "I'm sorry, but I couldn't find that article.",
                1,
            ),
            (
                "assistant-boilerplate",
                "As of my last knowledge update, it was in beta.",
                1,
            ),
            (
                "assistant-boilerplate",
                "私はAI言語モデルなので、意見はありません。",
                1,
            ),
            (
                "assistant-boilerplate",
                "AIモデルとして、私は最新情報を持っていません。",
                1,
            ),
            (
                "assistant-boilerplate",
                "申し訳ありませんが、その記事を見つけることができませんでした。",
                1,
            ),
            (
                "assistant-boilerplate",
                "現在Web検索が利用できないため、一般的な情報をお伝えします。",
                1,
            ),
            (
                "assistant-boilerplate",
                "Gemini 2.0はマルチモーダルAIモデルとして設計されている。",
                0,
            ),
            (
                "assistant-boilerplate",
                "We trained it as an AI model for images.",
                0,
            ),
            (
                "assistant-boilerplate",
                "申し訳ありませんが、このイベントは満席です。",
                0,
            ),
            (
                "assistant-boilerplate",
                "Web検索が利用できるプランもある。",
                0,
            ),
            ("placeholder", "Call [insert phone number] today.", 1),
            ("placeholder", "【ここに画像を挿入】", 1),
            ("placeholder", "Lorem ipsum dolor sit amet.", 1),
            ("placeholder", "[Add a summary here]", 1),
            ("placeholder", "Subject: Logo Design - [your name]", 0),
            (
                "placeholder",
                "See [the account page](https://example.com).",
                0,
            ),
        ];
        for &(rule, body, expected) in cases {
            assert_eq!(count(rule, body), expected, "{rule} on {body:?}");
        }
        // Each rule of the pack has cases.
        let pack = Pack::from_yaml(SHIPPED[0].1).unwrap();
        for rule in &pack.rules {
            assert!(
                cases.iter().any(|(id, _, n)| *id == rule.id && *n > 0)
                    && cases.iter().any(|(id, _, n)| *id == rule.id && *n == 0),
                "{} needs a positive and a negative case",
                rule.id
            );
        }
    }

    /// The full-width fix converts a whole run and never touches the
    /// punctuation of a sentence (issue 21's cases).
    #[test]
    fn full_width_fix_takes_whole_runs_and_leaves_sentence_punctuation() {
        let config = Config::from_yaml("packs: [ja-style]\n").unwrap();
        let rule_set = config.rule_set_for("post.md").unwrap();
        for (body, fixed) in [
            ("これはＡＢＣ．次の文．", "これはABC．次の文．"),
            ("Ｗｉ－Ｆｉが使えます。", "Wi-Fiが使えます。"),
            ("１０％増えた。", "10%増えた。"),
            ("１．５倍になった。", "1.5倍になった。"),
            ("ＡＷＳとＧＣＰ", "AWSとGCP"),
        ] {
            let text = format!("---\ntitle: T\n---\n{body}\n");
            let outcome = crate::fix::fix_until_settled(
                "post.md",
                crate::Source::new(text),
                &rule_set,
                false,
                crate::fix::MAX_FIX_ROUNDS,
            );
            assert_eq!(
                outcome.text,
                format!("---\ntitle: T\n---\n{fixed}\n"),
                "{body}"
            );
        }
    }

    const STYLE: &str = "name: style\nrules:\n\
        - id: long\n  kind: length\n  scope: sentences\n  max: 12\n  message: \"{length} > {max}\"\n  exception-patterns: ['https?://\\S+']\n\
        - id: commas\n  kind: count\n  scope: sentences\n  pattern: '、'\n  max: 2\n  message: \"{count} commas\"\n  exception-patterns: ['\\p{Han}、\\p{Han}']\n\
        - id: pairs\n  kind: pairs\n  scope: {blocks: [paragraphs, list-items, headings, table-cells]}\n  pairs: ['「」', '()']\n  message: \"unmatched {match}\"\n\
        - id: suru\n  kind: substitution\n  scope: sentences\n  message: \"{match} → {replacement}\"\n  rewrites:\n    - pattern: '(\\p{Han}{2,})を行う'\n      replacement: '${1}する'\n      fix: unsafe\n    - pattern: '\\p{Han}{2,}を行[わいっ]'\n      message: \"{match}: write する\"\n\
        - id: weak\n  kind: existence\n  scope: sentences\n  patterns: ['と(?P<finding>思う)', '(?P<finding2>かも)しれ']\n  message: \"weak {match}\"\n\
        - id: kanji\n  kind: length\n  scope: {blocks: [paragraphs, table-cells]}\n  pattern: '\\p{Han}+'\n  max: 4\n  exceptions: [情報処理推進機構]\n  message: \"{length} kanji: {match}\"\n\
        - id: politeness\n  kind: consistency\n  scope: {blocks: [paragraphs, headings, list-items], unit: sentence}\n  separately: true\n  message: \"{match}\"\n  forms:\n    polite: '(?P<finding>です|ます)[。]?\\z'\n    plain: '(?P<finding>である|だ)[。]?\\z'\n";

    fn style_config(extra: &str) -> Config {
        config_with_pack("style.yml", STYLE, extra).unwrap()
    }

    /// Sentence and block scopes, the length, count and pairs kinds,
    /// exceptions, rewrites with captured text, `finding` groups, and
    /// forms counted per kind of block with a tie going to the first form.
    #[test]
    fn sentence_and_block_kinds() {
        render_with(
            &style_config(""),
            "style/",
            "style.md",
            "---\ntitle: T\n---\n# 見出しである\n\n長い長い長い長い文章です。短い。 https://example.com/a/very/long/path です。\n\nA、B、C、D と 名詞、名詞、名詞 です。これは、あれは、それは、どれも。\n\n「開いたまま（a) です。閉じすぎ)。\n\n試験を行う。試験を行わない。そう思う。雨かもしれない。\n\n情報処理推進機構と情報処理推進機構連携。\n\n| 東京都千代田区 | x |\n| --- | --- |\n| 1 | 2 |\n\n本文です。本文である。\n\n- 項目である\n- 項目です\n- 項目である\n\n> 引用である。引用である。\n",
        );
    }

    #[test]
    fn pack_rule_options_from_the_config() {
        let text = "---\ntitle: T\n---\nこれは、これは、これは、これ。東京都千代田区です。\n\n本文です。本文です。本文である。\n";
        let found = |extra: &str| -> Vec<String> {
            let config = style_config(extra);
            let rule_set = config.rule_set_for("post.md").unwrap();
            let document = crate::Document::parse("post.md", crate::Source::new(text.into()));
            crate::check(&document, &rule_set)
                .into_iter()
                .filter(|d| d.rule.starts_with("style/"))
                .map(|d| format!("{} {}", d.rule, document.source.slice(d.range)))
                .collect()
        };
        let defaults = found("");
        assert!(
            defaults.contains(&"style/commas 、".to_string()),
            "{defaults:?}"
        );
        assert!(defaults.contains(&"style/kanji 東京都千代田区".to_string()));
        assert!(defaults.contains(&"style/politeness である".to_string()));
        let configured = found(
            "pack-rules:\n  style/commas: {max: 3}\n  style/kanji: {exceptions: [東京都千代田区]}\n  style/politeness: {level: error, prefer: {paragraphs: plain}}\n",
        );
        assert!(
            !configured.iter().any(|f| f.starts_with("style/commas")),
            "{configured:?}"
        );
        assert!(!configured.iter().any(|f| f.starts_with("style/kanji")));
        let politeness: Vec<&String> = configured
            .iter()
            .filter(|f| f.starts_with("style/politeness"))
            .collect();
        assert_eq!(politeness.len(), 3, "{politeness:?}");

        let error = |extra: &str| config_with_pack("style.yml", STYLE, extra).unwrap_err();
        assert!(error("pack-rules:\n  style/weak: {max: 2}\n").contains("takes no `max`"));
        assert!(
            error("pack-rules:\n  style/politeness: {prefer: polite-ish}\n")
                .contains("not one of its `forms`")
        );
    }

    /// The safe fix of ja-no-redundant-expression drops することが after a
    /// noun of two kanji or katakana, and never after a one-kanji verb.
    #[test]
    fn redundant_expression_fix_only_after_a_noun() {
        let config = Config::from_yaml("packs: [ja-technical-writing]\n").unwrap();
        let rule_set = config.rule_set_for("post.md").unwrap();
        let fixed = |body: &str| -> Vec<(String, Option<String>)> {
            let text = format!("---\ntitle: T\n---\n{body}\n");
            let document = crate::Document::parse("post.md", crate::Source::new(text));
            crate::check(&document, &rule_set)
                .into_iter()
                .filter(|d| d.rule == "ja-technical-writing/ja-no-redundant-expression")
                .map(|d| {
                    let fix = d.fix.as_ref().map(|fix| fix.edits[0].replacement.clone());
                    (document.source.slice(d.range).to_string(), fix)
                })
                .collect()
        };
        let dekiru = || Some("でき".to_string());
        assert_eq!(
            fixed("解析することができます。"),
            [("することができ".into(), dekiru())]
        );
        assert_eq!(
            fixed("インストールすることができます。"),
            [("することができ".into(), dekiru())]
        );
        assert_eq!(
            fixed("愛することができる。"),
            [("することができ".into(), None)]
        );
        assert!(fixed("解析することもできます。").is_empty());
    }

    #[test]
    fn ja_style_pack() {
        assert_snapshot_with_config(
            "ja-style/",
            "ja-style.md",
            "---\ntitle: T\n---\nこれはペンです。あれは本です。それは机である。\n\nＡＷＳとＧＣＰを比べました。\n",
            "packs: [ja-style]\nlanguage: ja\n",
        );
    }
}
