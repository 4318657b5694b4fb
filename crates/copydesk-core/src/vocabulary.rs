//! Controlled vocabularies for tags, categories and topics.
//!
//! A vocabulary file is YAML: a list of terms, each a canonical name with
//! optional aliases and a description (a bare string is a name alone).

use std::collections::{HashMap, HashSet};

use serde::Deserialize;
use unicode_normalization::UnicodeNormalization;

#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(untagged)]
enum TermEntry {
    Name(String),
    Full(Term),
}

/// One canonical tag.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Term {
    pub name: String,
    #[serde(default)]
    pub aliases: Vec<String>,
    #[serde(default)]
    pub description: Option<String>,
}

/// A completion for a tag being typed: a term, by its name or by one of its
/// aliases. Either way the name is what is inserted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Candidate<'a> {
    pub term: &'a Term,
    /// The alias that matched, when the name did not.
    pub alias: Option<&'a str>,
}

/// How a written tag relates to the vocabulary.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Lookup<'a> {
    /// Written exactly as the canonical name.
    Canonical(&'a Term),
    /// The canonical name in another case, width or separator.
    Variant(&'a Term),
    /// One of a term's aliases.
    Alias(&'a Term),
    /// Not in the vocabulary; the closest names, best first (several on a tie).
    Unknown(Vec<&'a Term>),
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Vocabulary {
    pub terms: Vec<Term>,
    /// Normalized name or alias to (term index, is alias).
    index: HashMap<String, (usize, bool)>,
}

/// NFKC, case folding, and `-`, `_` and spaces treated as one separator.
pub fn normalize_tag(tag: &str) -> String {
    let mut normalized = String::with_capacity(tag.len());
    let mut pending_separator = false;
    let tag = tag.trim();
    // Most tags are NFKC already, which a quick check tells without composing.
    let nfkc = match unicode_normalization::is_nfkc_quick(tag.chars()) {
        unicode_normalization::IsNormalized::Yes => std::borrow::Cow::Borrowed(tag),
        _ => std::borrow::Cow::Owned(tag.nfkc().collect()),
    };
    for ch in nfkc.chars().flat_map(char::to_lowercase) {
        if matches!(ch, '-' | '_') || ch.is_whitespace() {
            pending_separator = !normalized.is_empty();
            continue;
        }
        if pending_separator {
            normalized.push('-');
            pending_separator = false;
        }
        normalized.push(ch);
    }
    normalized
}

impl Vocabulary {
    /// Parses a vocabulary file.
    pub fn from_yaml(text: &str) -> Result<Vocabulary, crate::yaml::YamlError> {
        let entries: Vec<TermEntry> =
            crate::yaml::from_str(if text.trim().is_empty() { "[]" } else { text })?;
        let terms = entries
            .into_iter()
            .map(|entry| match entry {
                TermEntry::Name(name) => Term {
                    name,
                    aliases: Vec::new(),
                    description: None,
                },
                TermEntry::Full(term) => term,
            })
            .collect();
        Ok(Vocabulary::new(terms))
    }

    pub fn new(terms: Vec<Term>) -> Vocabulary {
        let mut index = HashMap::new();
        for (at, term) in terms.iter().enumerate() {
            index
                .entry(normalize_tag(&term.name))
                .or_insert((at, false));
        }
        for (at, term) in terms.iter().enumerate() {
            for alias in &term.aliases {
                index.entry(normalize_tag(alias)).or_insert((at, true));
            }
        }
        Vocabulary { terms, index }
    }

    pub fn is_empty(&self) -> bool {
        self.terms.is_empty()
    }

    pub fn lookup(&self, tag: &str) -> Lookup<'_> {
        let normalized = normalize_tag(tag);
        match self.index.get(&normalized) {
            Some(&(at, false)) if self.terms[at].name == tag => Lookup::Canonical(&self.terms[at]),
            Some(&(at, false)) => Lookup::Variant(&self.terms[at]),
            Some(&(at, true)) => Lookup::Alias(&self.terms[at]),
            None => Lookup::Unknown(self.suggestions(&normalized)),
        }
    }

    /// Terms within an edit distance of max(len, 3) / 3 of the normalized tag,
    /// names and aliases alike; all those at the smallest distance.
    fn suggestions(&self, normalized: &str) -> Vec<&Term> {
        let limit = normalized.chars().count().max(3) / 3;
        let mut best: Option<usize> = None;
        let mut found: Vec<usize> = Vec::new();
        for (key, &(at, _)) in &self.index {
            let distance = strsim::levenshtein(normalized, key);
            if distance > limit {
                continue;
            }
            match best {
                Some(current) if distance > current => {}
                Some(current) if distance == current => found.push(at),
                _ => {
                    best = Some(distance);
                    found = vec![at];
                }
            }
        }
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|at| &self.terms[at]).collect()
    }

    /// What to offer for a tag being typed: every term whose name starts
    /// with `prefix` (normalized), in vocabulary order, then one candidate per
    /// alias that starts with it, for terms not already offered by name.
    /// Terms in `exclude` (tags the list has already) are left out.
    pub fn completion_candidates(&self, prefix: &str, exclude: &[&str]) -> Vec<Candidate<'_>> {
        let prefix = normalize_tag(prefix);
        let listed: HashSet<String> = exclude.iter().map(|tag| normalize_tag(tag)).collect();
        let taken = |term: &Term| {
            listed.contains(&normalize_tag(&term.name))
                || term
                    .aliases
                    .iter()
                    .any(|alias| listed.contains(&normalize_tag(alias)))
        };
        let mut by_name: Vec<Candidate<'_>> = Vec::new();
        let mut by_alias: Vec<Candidate<'_>> = Vec::new();
        for term in &self.terms {
            if taken(term) {
                continue;
            }
            if normalize_tag(&term.name).starts_with(&prefix) {
                by_name.push(Candidate { term, alias: None });
                continue;
            }
            for alias in &term.aliases {
                if normalize_tag(alias).starts_with(&prefix) {
                    by_alias.push(Candidate {
                        term,
                        alias: Some(alias),
                    });
                }
            }
        }
        by_name.extend(by_alias);
        by_name
    }

    /// Terms whose name or an alias starts with `prefix` (normalized), for completion.
    pub fn completions(&self, prefix: &str) -> Vec<&Term> {
        let prefix = normalize_tag(prefix);
        let mut found: Vec<usize> = self
            .index
            .iter()
            .filter(|(key, _)| key.starts_with(&prefix))
            .map(|(_, &(at, _))| at)
            .collect();
        found.sort_unstable();
        found.dedup();
        found.into_iter().map(|at| &self.terms[at]).collect()
    }
}

/// A term proposed by `copydesk vocab`: the most used spelling, with the
/// other spellings that normalize the same as aliases.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StarterTerm {
    pub name: String,
    /// Posts using any spelling of the term.
    pub posts: usize,
    /// Other spellings and the posts using each, most used first.
    pub aliases: Vec<(String, usize)>,
}

/// Groups the spellings each post uses into terms, most used first. A term
/// counts the posts that use any of its spellings, each once.
pub fn starter_terms<'a>(posts: impl IntoIterator<Item = &'a HashSet<String>>) -> Vec<StarterTerm> {
    let mut spellings: HashMap<&str, usize> = HashMap::new();
    let mut term_posts: HashMap<String, usize> = HashMap::new();
    for post in posts {
        let mut terms_here = HashSet::new();
        for spelling in post {
            *spellings.entry(spelling.as_str()).or_default() += 1;
            terms_here.insert(normalize_tag(spelling));
        }
        for term in terms_here {
            *term_posts.entry(term).or_default() += 1;
        }
    }
    let mut groups: HashMap<String, Vec<(&str, usize)>> = HashMap::new();
    for (spelling, posts) in spellings {
        groups
            .entry(normalize_tag(spelling))
            .or_default()
            .push((spelling, posts));
    }
    let mut terms: Vec<StarterTerm> = groups
        .into_iter()
        .map(|(key, mut group)| {
            group.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(b.0)));
            StarterTerm {
                name: group[0].0.to_string(),
                posts: term_posts.get(&key).copied().unwrap_or_default(),
                aliases: group[1..]
                    .iter()
                    .map(|(spelling, posts)| (spelling.to_string(), *posts))
                    .collect(),
            }
        })
        .collect();
    terms.sort_by(|a, b| b.posts.cmp(&a.posts).then_with(|| a.name.cmp(&b.name)));
    terms
}

/// The starter vocabulary as YAML ready to commit, counts as comments.
pub fn starter_yaml(field: &str, terms: &[StarterTerm], posts: usize) -> String {
    let spellings: usize = terms.iter().map(|term| 1 + term.aliases.len()).sum();
    let with_variants = terms.iter().filter(|term| !term.aliases.is_empty()).count();
    let mut out = format!(
        "# Starter vocabulary for `{field}`, written by `copydesk vocab` from {posts} posts:\n\
         # {spellings} spellings in {} terms; {with_variants} terms have case, width or separator variants.\n\
         # Review it, then set rules.tag-vocabulary.vocabularies.{field} to this file.\n",
        terms.len()
    );
    for term in terms {
        let plural = if term.posts == 1 { "" } else { "s" };
        out.push_str(&format!(
            "- name: {}  # {} post{plural}\n",
            crate::yaml::scalar(&term.name),
            term.posts
        ));
        if !term.aliases.is_empty() {
            let names: Vec<String> = term
                .aliases
                .iter()
                .map(|(alias, _)| crate::yaml::scalar(alias))
                .collect();
            let counts: Vec<String> = term
                .aliases
                .iter()
                .map(|(alias, n)| format!("{alias} {n}"))
                .collect();
            out.push_str(&format!(
                "  aliases: [{}]  # {}\n",
                names.join(", "),
                counts.join(", ")
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn vocabulary() -> Vocabulary {
        Vocabulary::from_yaml(
            "- name: openSUSE\n  aliases: [SUSE Linux]\n- name: AI\n  aliases: [人工知能]\n  description: Artificial intelligence\n- Rust\n- Ruby\n- static-sites\n",
        )
        .unwrap()
    }

    #[test]
    fn starter_groups_variants_under_the_most_used_spelling() {
        let post = |tags: &[&str]| {
            tags.iter()
                .map(|t| t.to_string())
                .collect::<HashSet<String>>()
        };
        let posts = [
            post(&["openSUSE", "AI"]),
            post(&["openSUSE", "opensuse"]),
            post(&["OpenSUSE", "ＡＩ", "yes"]),
            post(&["openSUSE", "AI", "yes"]),
        ];
        let terms = starter_terms(&posts);
        // A post with two spellings of a term counts once for it.
        assert_eq!((terms[0].name.as_str(), terms[0].posts), ("openSUSE", 4));
        let yaml = starter_yaml("tags", &terms, posts.len());
        crate::test_support::assert_named_snapshot("vocabulary__starter", &yaml);
        let read_back = Vocabulary::from_yaml(&yaml).unwrap();
        // A width variant of a name normalizes to it: a variant, fixed the same way.
        assert!(matches!(read_back.lookup("ＡＩ"), Lookup::Variant(t) if t.name == "AI"));
        assert!(matches!(read_back.lookup("yes"), Lookup::Canonical(_)));
    }

    #[test]
    fn normalization_folds_case_width_and_separators() {
        assert_eq!(normalize_tag("Static_Sites"), "static-sites");
        assert_eq!(normalize_tag(" static  sites "), "static-sites");
        assert_eq!(normalize_tag("ＡＩ"), "ai");
    }

    #[test]
    fn lookups() {
        let vocabulary = vocabulary();
        assert!(matches!(
            vocabulary.lookup("openSUSE"),
            Lookup::Canonical(_)
        ));
        assert!(
            matches!(vocabulary.lookup("opensuse"), Lookup::Variant(t) if t.name == "openSUSE")
        );
        assert!(matches!(vocabulary.lookup("ＡＩ"), Lookup::Variant(t) if t.name == "AI"));
        assert!(matches!(vocabulary.lookup("人工知能"), Lookup::Alias(t) if t.name == "AI"));
        assert!(
            matches!(vocabulary.lookup("suse_linux"), Lookup::Alias(t) if t.name == "openSUSE")
        );
        assert!(matches!(
            vocabulary.lookup("static sites"),
            Lookup::Variant(_)
        ));
    }

    #[test]
    fn did_you_mean_caps_the_distance_and_reports_ties() {
        let vocabulary = vocabulary();
        let names = |lookup: Lookup| match lookup {
            Lookup::Unknown(terms) => terms.iter().map(|t| t.name.clone()).collect::<Vec<_>>(),
            other => panic!("{other:?}"),
        };
        assert_eq!(names(vocabulary.lookup("Rustt")), ["Rust"]);
        // One edit from Ruby, two from Rust: only the closest is suggested.
        assert_eq!(names(vocabulary.lookup("Rub")), ["Ruby"]);
        // One edit from both: a tie, in vocabulary order.
        assert_eq!(names(vocabulary.lookup("Rusy")), ["Rust", "Ruby"]);
        assert!(names(vocabulary.lookup("Python")).is_empty());
        // Short tags allow one edit at most.
        assert!(names(vocabulary.lookup("Go")).is_empty());
    }
}
