//! Checks across posts, run once every file has been linted: the same title
//! on two posts, the same excerpt on many. Input order is the output order,
//! so a caller that sorts posts by path gets the same result on any number
//! of threads.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::rules::duplicated_title::normalize;
use crate::source::TextRange;

/// A front-matter string and where its value is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Fact {
    pub text: String,
    pub range: TextRange,
    /// The text as compared across posts, worked out with the post (in
    /// parallel), not in the serial site pass.
    pub normalized: String,
}

/// What the site-wide checks need of one post, kept after its document is dropped.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PostFacts {
    pub title: Option<Fact>,
    pub excerpt: Option<Fact>,
}

impl PostFacts {
    pub fn of(document: &Document) -> PostFacts {
        let fact = |key: &str| {
            let entry = document.front_matter.get(key)?;
            let text = entry.value.as_str()?.trim();
            (!text.is_empty()).then(|| Fact {
                text: text.to_string(),
                range: entry.value_range,
                normalized: normalize(text),
            })
        };
        PostFacts {
            title: fact("title"),
            excerpt: fact("excerpt").or_else(|| fact("description")),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct BoilerplateOptions {
    /// How many posts must share an excerpt before it is boilerplate.
    pub min_posts: usize,
}

impl Default for BoilerplateOptions {
    fn default() -> BoilerplateOptions {
        BoilerplateOptions { min_posts: 3 }
    }
}

/// The site checks' settings for one post, from its rule set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub duplicate_title: Severity,
    pub boilerplate_excerpt: Severity,
    pub boilerplate_min_posts: usize,
}

/// One post in the site pass.
pub struct Post<'a> {
    pub path: &'a str,
    pub facts: &'a PostFacts,
    pub settings: SiteSettings,
    /// Hashes of the normalized title and excerpt. Worked out when the post
    /// is made, in parallel if the caller likes; the serial pass then groups
    /// posts without reading each post's strings from all over memory.
    title_key: Option<u64>,
    excerpt_key: Option<u64>,
}

impl<'a> Post<'a> {
    pub fn new(path: &'a str, facts: &'a PostFacts, settings: SiteSettings) -> Post<'a> {
        let key = |fact: &Fact| {
            use std::hash::{Hash, Hasher};
            let mut hasher = std::hash::DefaultHasher::new();
            fact.normalized.hash(&mut hasher);
            hasher.finish()
        };
        Post {
            path,
            facts,
            settings,
            title_key: facts.title.as_ref().map(key),
            excerpt_key: facts.excerpt.as_ref().map(key),
        }
    }
}

/// A finding for the post at `post` in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteFinding {
    pub post: usize,
    pub diagnostic: Diagnostic,
}

pub fn check_site(posts: &[Post]) -> Vec<SiteFinding> {
    let mut findings = Vec::new();
    let titles = groups(
        posts,
        |post| post.settings.duplicate_title,
        |post| post.title_key,
        |facts| facts.title.as_ref(),
    );
    for members in titles.iter().filter(|members| members.len() > 1) {
        for &at in members {
            let others: Vec<&str> = members
                .iter()
                .filter(|&&other| other != at)
                .map(|&other| posts[other].path)
                .collect();
            findings.push(finding(
                at,
                posts[at].settings.duplicate_title,
                "duplicate-title-across-posts",
                posts[at].facts.title.as_ref().map(|fact| fact.range),
                format!("the same title as {}", list(&others)),
                "readers and search engines cannot tell the posts apart; make each title say what its post adds",
            ));
        }
    }
    let excerpts = groups(
        posts,
        |post| post.settings.boilerplate_excerpt,
        |post| post.excerpt_key,
        |facts| facts.excerpt.as_ref(),
    );
    for members in &excerpts {
        let threshold = members
            .first()
            .map_or(usize::MAX, |&at| posts[at].settings.boilerplate_min_posts);
        if members.len() < threshold.max(2) {
            continue;
        }
        for &at in members {
            findings.push(finding(
                at,
                posts[at].settings.boilerplate_excerpt,
                "boilerplate-excerpt",
                posts[at].facts.excerpt.as_ref().map(|fact| fact.range),
                format!("{} posts share this excerpt", members.len()),
                "write an excerpt that summarizes this post; listings and link previews show it",
            ));
        }
    }
    findings.sort_by_key(|finding| (finding.post, finding.diagnostic.range.start()));
    findings
}

/// Posts by normalized fact, each group in input order; posts with the rule
/// off stay out, and so do groups of one. The order of the groups does not
/// matter: findings are sorted by post.
fn groups<'a>(
    posts: &'a [Post],
    severity: impl Fn(&Post) -> Severity,
    key: impl Fn(&Post) -> Option<u64>,
    fact: impl Fn(&'a PostFacts) -> Option<&'a Fact>,
) -> Vec<Vec<usize>> {
    let mut keyed: Vec<(u64, usize)> = posts
        .iter()
        .enumerate()
        .filter(|(_, post)| severity(post) != Severity::Off)
        .filter_map(|(at, post)| Some((key(post)?, at)))
        .collect();
    // Sorted, posts with one key are a run, in input order.
    keyed.sort_unstable();
    // Posts with the same hash are split by the text itself: a collision
    // must not make two different titles duplicates.
    let mut groups = Vec::new();
    for run in keyed
        .chunk_by(|a, b| a.0 == b.0)
        .filter(|run| run.len() > 1)
    {
        let mut by_text: Vec<(&str, Vec<usize>)> = Vec::new();
        for &(_, at) in run {
            let Some(text) = fact(posts[at].facts).map(|fact| fact.normalized.as_str()) else {
                continue;
            };
            match by_text.iter_mut().find(|(seen, _)| *seen == text) {
                Some((_, group)) => group.push(at),
                None => by_text.push((text, vec![at])),
            }
        }
        groups.extend(by_text.into_iter().map(|(_, group)| group));
    }
    groups
}

fn list(paths: &[&str]) -> String {
    let shown: Vec<String> = paths
        .iter()
        .take(3)
        .map(|path| format!("`{path}`"))
        .collect();
    match paths.len() {
        0..=3 => shown.join(", "),
        more => format!("{} and {} more", shown.join(", "), more - 3),
    }
}

fn finding(
    post: usize,
    severity: Severity,
    rule: &'static str,
    range: Option<TextRange>,
    message: String,
    help: &str,
) -> SiteFinding {
    SiteFinding {
        post,
        diagnostic: Diagnostic {
            rule: Cow::Borrowed(rule),
            severity,
            range: range.unwrap_or_default(),
            message,
            help: Some(help.to_string()),
            fix: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Source;

    fn facts(text: &str) -> PostFacts {
        PostFacts::of(&Document::parse("a.md", Source::new(text.to_string())))
    }

    #[test]
    fn duplicate_titles_and_boilerplate_excerpts() {
        let settings = SiteSettings {
            duplicate_title: Severity::Warning,
            boilerplate_excerpt: Severity::Warning,
            boilerplate_min_posts: 3,
        };
        let all = [
            facts("---\ntitle: Weekly News\nexcerpt: Read on.\n---\n"),
            facts("---\ntitle: Unique\nexcerpt: read on.\n---\n"),
            facts("---\ntitle: weekly  news\nexcerpt: Read on.\n---\n"),
            facts("---\ntitle: Other\nexcerpt: Something else.\n---\n"),
        ];
        let paths = ["a.md", "b.md", "c.md", "d.md"];
        let posts: Vec<Post> = all
            .iter()
            .zip(paths)
            .map(|(facts, path)| Post::new(path, facts, settings))
            .collect();
        let found: Vec<(usize, String)> = check_site(&posts)
            .into_iter()
            .map(|f| {
                (
                    f.post,
                    format!("{}: {}", f.diagnostic.rule, f.diagnostic.message),
                )
            })
            .collect();
        assert_eq!(
            found,
            [
                (
                    0,
                    "duplicate-title-across-posts: the same title as `c.md`".to_string()
                ),
                (
                    0,
                    "boilerplate-excerpt: 3 posts share this excerpt".to_string()
                ),
                (
                    1,
                    "boilerplate-excerpt: 3 posts share this excerpt".to_string()
                ),
                (
                    2,
                    "duplicate-title-across-posts: the same title as `a.md`".to_string()
                ),
                (
                    2,
                    "boilerplate-excerpt: 3 posts share this excerpt".to_string()
                ),
            ]
        );
        // Byte ranges point at the values.
        assert_eq!(
            u32::from(check_site(&posts)[0].diagnostic.range.start()),
            11
        );
    }

    /// Posts grouped by a hash are told apart by their text: two titles whose
    /// hashes collide are not duplicates.
    #[test]
    fn a_hash_collision_is_not_a_duplicate() {
        let settings = SiteSettings {
            duplicate_title: Severity::Warning,
            boilerplate_excerpt: Severity::Off,
            boilerplate_min_posts: 3,
        };
        let all = [
            facts("---\ntitle: First\n---\n"),
            facts("---\ntitle: Second\n---\n"),
            facts("---\ntitle: first\n---\n"),
        ];
        let posts: Vec<Post> = all
            .iter()
            .zip(["a.md", "b.md", "c.md"])
            .map(|(facts, path)| Post {
                title_key: Some(7),
                ..Post::new(path, facts, settings)
            })
            .collect();
        let found: Vec<(usize, String)> = check_site(&posts)
            .into_iter()
            .map(|finding| (finding.post, finding.diagnostic.message))
            .collect();
        assert_eq!(
            found,
            [
                (0, "the same title as `c.md`".to_string()),
                (2, "the same title as `a.md`".to_string()),
            ]
        );
    }
}
