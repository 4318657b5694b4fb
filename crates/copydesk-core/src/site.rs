//! Checks across posts, run once every file has been linted: the same title
//! on two posts, the same excerpt on many. Input order is the output order,
//! so a caller that sorts posts by path gets the same result on any number
//! of threads.

use std::borrow::Cow;
use std::collections::HashMap;

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
        |facts| facts.title.as_ref(),
    );
    for members in titles.values().filter(|members| members.len() > 1) {
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
        |facts| facts.excerpt.as_ref(),
    );
    for members in excerpts.values() {
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

/// Posts by normalized fact, each group in input order; posts with the rule off stay out.
/// The order of the groups does not matter: findings are sorted by post.
fn groups<'a>(
    posts: &'a [Post],
    severity: impl Fn(&Post) -> Severity,
    fact: impl Fn(&'a PostFacts) -> Option<&'a Fact>,
) -> HashMap<&'a str, Vec<usize>> {
    let mut groups: HashMap<&'a str, Vec<usize>> = HashMap::with_capacity(posts.len());
    for (at, post) in posts.iter().enumerate() {
        if severity(post) == Severity::Off {
            continue;
        }
        if let Some(fact) = fact(post.facts) {
            groups.entry(&fact.normalized).or_default().push(at);
        }
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
            .map(|(facts, path)| Post {
                path,
                facts,
                settings,
            })
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
}
