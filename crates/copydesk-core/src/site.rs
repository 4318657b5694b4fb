//! Checks across posts, run once every file has been linted: the same title
//! on two posts, the same excerpt on many. Input order is the output order,
//! so a caller that sorts posts by path gets the same result on any number
//! of threads.

use std::borrow::Cow;

use serde::{Deserialize, Serialize};

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::messages::Language;
pub use crate::rules::site_wide::{BoilerplateOptions, DuplicateTitleOptions, SiteSettings};
use crate::rules::RuleId;
use crate::source::TextRange;
use crate::text::normalize;
use crate::tr;

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
    /// `translationKey`, `translation_key` or `ref`: posts that share one
    /// are translations of each other.
    pub translation_key: Option<String>,
    /// `lang` or `language`.
    pub lang: Option<String>,
    /// `published: false` or `draft: true`: not on the site, so its title and
    /// excerpt clash with nothing.
    pub draft: bool,
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
        let string = |keys: &[&str]| {
            keys.iter().find_map(|key| {
                let value = document.front_matter.get(key)?.value.as_str()?;
                let value = value.trim();
                (!value.is_empty()).then(|| value.to_string())
            })
        };
        PostFacts {
            title: fact("title"),
            excerpt: fact("excerpt").or_else(|| fact("description")),
            translation_key: string(&["translationKey", "translation_key", "ref"]),
            lang: string(&["lang", "language"]).map(|lang| lang.to_ascii_lowercase()),
            draft: is_draft(document),
        }
    }
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
    /// Which post this is a translation of, and in what language.
    translation: Translation,
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
            translation: Translation::of(path, facts),
        }
    }
}

/// A finding for the post at `post` in the input.
#[derive(Debug, Clone, PartialEq)]
pub struct SiteFinding {
    pub post: usize,
    pub diagnostic: Diagnostic,
    /// The findings of one group (posts with one title, one excerpt, or
    /// excerpts filling in one template) share this number.
    pub group: usize,
}

pub fn check_site(posts: &[Post]) -> Vec<SiteFinding> {
    let language = |at: usize| posts[at].settings.language;
    let mut findings = Vec::new();
    let titles = groups(
        posts,
        |post| post.settings.duplicate_title,
        |post| post.title_key,
        |facts| facts.title.as_ref(),
    );
    let mut group = 0;
    for members in titles.iter().filter(|members| members.len() > 1) {
        group += 1;
        for &at in members {
            let others: Vec<&str> = members
                .iter()
                .filter(|&&other| other != at)
                .filter(|&&other| {
                    !(posts[at].settings.allow_translations
                        && posts[at].translation.pairs_with(&posts[other].translation))
                })
                .map(|&other| posts[other].path)
                .collect();
            if others.is_empty() {
                continue;
            }
            findings.push(finding(
                (at, group),
                posts[at].settings.duplicate_title,
                RuleId::DuplicateTitleAcrossPosts,
                posts[at].facts.title.as_ref().map(|fact| fact.range),
                tr!(
                    language(at),
                    "site-duplicate-title",
                    posts = list(language(at), &others)
                ),
                tr!(language(at), "site-duplicate-title-help"),
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
        group += 1;
        for &at in members {
            findings.push(finding(
                (at, group),
                posts[at].settings.boilerplate_excerpt,
                RuleId::BoilerplateExcerpt,
                posts[at].facts.excerpt.as_ref().map(|fact| fact.range),
                tr!(language(at), "site-shared-excerpt", count = members.len()),
                tr!(language(at), "site-excerpt-help"),
            ));
        }
    }
    let exact_boilerplate: Vec<usize> = findings
        .iter()
        .filter(|finding| finding.diagnostic.rule == RuleId::BoilerplateExcerpt.name())
        .map(|finding| finding.post)
        .collect();
    for template in excerpt_templates(posts, &exact_boilerplate) {
        group += 1;
        for &at in &template.posts {
            findings.push(finding(
                (at, group),
                posts[at].settings.boilerplate_excerpt,
                RuleId::BoilerplateExcerpt,
                posts[at].facts.excerpt.as_ref().map(|fact| fact.range),
                tr!(
                    language(at),
                    "site-excerpt-template",
                    count = template.posts.len(),
                    template = &template.pattern
                ),
                tr!(language(at), "site-excerpt-help"),
            ));
        }
    }
    findings.sort_by_key(|finding| (finding.post, finding.diagnostic.range.start()));
    findings
}

fn is_draft(document: &Document) -> bool {
    use crate::front_matter::Value;
    let flag = |key: &str| match document.front_matter.get(key).map(|entry| &entry.value) {
        Some(Value::Bool(value)) => Some(*value),
        _ => None,
    };
    flag("published") == Some(false) || flag("draft") == Some(true)
}

/// A post's place among translations: a key that its translations share,
/// and its language. A post with no language marker is keyed by its own
/// path, so it pairs with nothing.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Translation {
    key: String,
    lang: Option<String>,
}

/// Language codes that name a folder or a file suffix of a translation.
const LANGUAGE_CODES: &[&str] = &[
    "ar", "bg", "ca", "cs", "da", "de", "el", "en", "eo", "es", "et", "fa", "fi", "fr", "he", "hi",
    "hr", "hu", "id", "it", "ja", "jp", "ko", "lt", "lv", "ms", "nb", "nl", "no", "pl", "pt", "ro",
    "ru", "sk", "sl", "sr", "sv", "th", "tr", "uk", "vi", "zh",
];

/// `ja`, `pt-br`, `zh_TW`: a language code with an optional region.
fn language_code(text: &str) -> Option<String> {
    let lower = text.to_ascii_lowercase();
    let (language, region) = match lower.split_once(['-', '_']) {
        Some((language, region)) => (language, Some(region)),
        None => (lower.as_str(), None),
    };
    let region_ok = region.is_none_or(|region| {
        (2..=4).contains(&region.len()) && region.bytes().all(|b| b.is_ascii_alphanumeric())
    });
    (LANGUAGE_CODES.contains(&language) && region_ok).then_some(lower)
}

impl Translation {
    fn of(path: &str, facts: &PostFacts) -> Translation {
        if let Some(key) = &facts.translation_key {
            return Translation {
                key: format!("key:{key}"),
                lang: facts.lang.clone(),
            };
        }
        let components: Vec<&str> = path.split(['/', '\\']).collect();
        let Some((file, folders)) = components.split_last() else {
            return Translation {
                key: path.to_string(),
                lang: facts.lang.clone(),
            };
        };
        // `post.ja.md`: the language before the extension.
        let mut stem_parts: Vec<&str> = file.split('.').collect();
        let mut lang = None;
        if stem_parts.len() >= 3 {
            if let Some(code) = language_code(stem_parts[stem_parts.len() - 2]) {
                lang = Some(code);
                stem_parts.remove(stem_parts.len() - 2);
            }
        }
        // `en/news/…`, `content/ja/…`: the last folder that is a language.
        let mut folders: Vec<String> = folders.iter().map(|folder| folder.to_string()).collect();
        if lang.is_none() {
            if let Some(at) = folders
                .iter()
                .rposition(|folder| language_code(folder).is_some())
            {
                lang = language_code(&folders[at]);
                folders[at] = "*".to_string();
            }
        }
        folders.push(stem_parts.join("."));
        Translation {
            key: folders.join("/"),
            lang: facts.lang.clone().or(lang),
        }
    }

    /// Whether two posts are one post in two languages.
    fn pairs_with(&self, other: &Translation) -> bool {
        self.key == other.key && self.lang != other.lang
    }
}

/// Excerpts that share a fixed part with a slot filled in.
struct Template {
    /// The fixed part with `〇〇` for the slot.
    pattern: String,
    posts: Vec<usize>,
}

/// The shortest fixed part, in characters, that makes a template.
const TEMPLATE_MIN_FIXED_CHARS: usize = 8;

/// Excerpts made from one template: at least `min_posts` posts (not already
/// reported as exact repeats) whose normalized excerpts share a prefix and
/// a suffix that together make at least half of each excerpt, with a different slot
/// in between.
fn excerpt_templates(posts: &[Post], exact: &[usize]) -> Vec<Template> {
    let mut candidates: Vec<(usize, Vec<char>)> = posts
        .iter()
        .enumerate()
        .filter(|(at, post)| {
            post.settings.boilerplate_excerpt != Severity::Off
                && post.settings.boilerplate_templates
                && !post.facts.draft
                && !exact.contains(at)
        })
        .filter_map(|(at, post)| {
            Some((
                at,
                post.facts.excerpt.as_ref()?.normalized.chars().collect(),
            ))
        })
        .collect();
    let mut templates = Vec::new();
    // Group by the suffix and by the prefix of a fixed length: a template has
    // its fixed text at one end or both.
    for from_end in [true, false] {
        let edge = |chars: &[char]| -> Option<Vec<char>> {
            (chars.len() > TEMPLATE_MIN_FIXED_CHARS).then(|| {
                if from_end {
                    chars[chars.len() - TEMPLATE_MIN_FIXED_CHARS..].to_vec()
                } else {
                    chars[..TEMPLATE_MIN_FIXED_CHARS].to_vec()
                }
            })
        };
        let mut keyed: Vec<(Vec<char>, usize)> = candidates
            .iter()
            .enumerate()
            .filter_map(|(index, (_, chars))| Some((edge(chars)?, index)))
            .collect();
        keyed.sort();
        let mut used = Vec::new();
        for run in keyed.chunk_by(|a, b| a.0 == b.0) {
            let members: Vec<usize> = run.iter().map(|(_, index)| *index).collect();
            let threshold = posts[candidates[members[0]].0]
                .settings
                .boilerplate_min_posts
                .max(2);
            if members.len() < threshold {
                continue;
            }
            let texts: Vec<&[char]> = members
                .iter()
                .map(|&index| candidates[index].1.as_slice())
                .collect();
            let prefix = common_len(&texts, false);
            let suffix = common_len(&texts, true);
            let shortest = texts.iter().map(|text| text.len()).min().unwrap_or(0);
            let (mut prefix, mut suffix) = (
                prefix.min(shortest),
                suffix.min(shortest - prefix.min(shortest)),
            );
            // In text with spaces, the slot is whole words.
            if texts[0].contains(&' ') {
                let sample = texts[0];
                while prefix > 0 && sample[prefix - 1] != ' ' {
                    prefix -= 1;
                }
                while suffix > 0 && sample[sample.len() - suffix] != ' ' {
                    suffix -= 1;
                }
            }
            let fixed = prefix + suffix;
            // The fixed text is at least half of each excerpt: the slot is a
            // name or a topic, not the summary itself.
            let longest = texts.iter().map(|text| text.len()).max().unwrap_or(0);
            if fixed < TEMPLATE_MIN_FIXED_CHARS || fixed * 2 < longest {
                continue;
            }
            // A template says nothing when its slot only repeats the post's
            // title (`Kubernetesについて詳細に分析します。` on `Kubernetes入門`);
            // a slot that adds to the title (`the third year of Rust`) is content.
            let members: Vec<usize> = members
                .into_iter()
                .filter(|&index| {
                    let (at, chars) = &candidates[index];
                    let slot: String = chars[prefix..chars.len() - suffix].iter().collect();
                    let slot = slot.trim();
                    !slot.is_empty()
                        && posts[*at]
                            .facts
                            .title
                            .as_ref()
                            .is_some_and(|title| title.normalized.contains(slot))
                })
                .collect();
            if members.len() < threshold {
                continue;
            }
            // Shown as written where normalizing kept the length, as it
            // mostly does (case folding, spaces).
            let (first, normalized) = &candidates[members[0]];
            let written: Vec<char> = posts[*first]
                .facts
                .excerpt
                .as_ref()
                .map(|fact| fact.text.chars().collect())
                .filter(|written: &Vec<char>| written.len() == normalized.len())
                .unwrap_or_else(|| normalized.clone());
            let pattern: String = written[..prefix]
                .iter()
                .chain(['〇', '〇'].iter())
                .chain(written[written.len() - suffix..].iter())
                .collect();
            let mut post_indexes: Vec<usize> =
                members.iter().map(|&index| candidates[index].0).collect();
            post_indexes.sort_unstable();
            used.extend(members.iter().copied());
            templates.push(Template {
                pattern,
                posts: post_indexes,
            });
        }
        // A post belongs to one template at most.
        used.sort_unstable();
        let mut index = 0;
        candidates.retain(|_| {
            let keep = used.binary_search(&index).is_err();
            index += 1;
            keep
        });
    }
    templates
}

/// The length of the prefix (or suffix) that every text shares.
fn common_len(texts: &[&[char]], from_end: bool) -> usize {
    let Some((first, rest)) = texts.split_first() else {
        return 0;
    };
    let mut len = first.len();
    for text in rest {
        let shared = if from_end {
            first
                .iter()
                .rev()
                .zip(text.iter().rev())
                .take_while(|(a, b)| a == b)
                .count()
        } else {
            first
                .iter()
                .zip(text.iter())
                .take_while(|(a, b)| a == b)
                .count()
        };
        len = len.min(shared);
    }
    len
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
        .filter(|(_, post)| severity(post) != Severity::Off && !post.facts.draft)
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

fn list(language: Language, paths: &[&str]) -> String {
    let shown = paths
        .iter()
        .take(3)
        .map(|path| format!("`{path}`"))
        .reduce(|earlier, last| tr!(language, "list-and", earlier = earlier, last = last))
        .unwrap_or_default();
    match paths.len() {
        0..=3 => shown,
        more => tr!(language, "list-and-more", shown = shown, more = more - 3),
    }
}

fn finding(
    (post, group): (usize, usize),
    severity: Severity,
    rule: RuleId,
    range: Option<TextRange>,
    message: String,
    help: String,
) -> SiteFinding {
    SiteFinding {
        post,
        group,
        diagnostic: Diagnostic {
            rule: Cow::Borrowed(rule.name()),
            severity,
            range: range.unwrap_or_default(),
            message,
            help: Some(help),
            fix: None,
            related: Vec::new(),
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
            boilerplate_templates: true,
            allow_translations: true,
            language: Language::En,
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

    fn messages(paths: &[&str], texts: &[&str], settings: SiteSettings) -> Vec<(usize, String)> {
        let all: Vec<PostFacts> = texts.iter().map(|text| facts(text)).collect();
        let posts: Vec<Post> = all
            .iter()
            .zip(paths)
            .map(|(facts, path)| Post::new(path, facts, settings))
            .collect();
        check_site(&posts)
            .into_iter()
            .map(|finding| (finding.post, finding.diagnostic.message))
            .collect()
    }

    const SETTINGS: SiteSettings = SiteSettings {
        duplicate_title: Severity::Warning,
        boilerplate_excerpt: Severity::Warning,
        boilerplate_min_posts: 3,
        boilerplate_templates: true,
        allow_translations: true,
        language: Language::En,
    };

    /// A post and its translation share a title; posts in one language do not.
    #[test]
    fn translations_may_share_a_title() {
        let same = "---\ntitle: Ruby 3.4 Released\n---\n";
        for paths in [
            [
                "en/news/_posts/2024-12-25-ruby-3-4.md",
                "ja/news/_posts/2024-12-25-ruby-3-4.md",
            ],
            ["content/en/posts/ruby.md", "content/ja/posts/ruby.md"],
            ["content/posts/ruby.md", "content/posts/ruby.ja.md"],
            ["docs/zh_TW/ruby.md", "docs/pt-br/ruby.md"],
        ] {
            assert_eq!(messages(&paths, &[same, same], SETTINGS), [], "{paths:?}");
            let off = SiteSettings {
                allow_translations: false,
                ..SETTINGS
            };
            assert_eq!(messages(&paths, &[same, same], off).len(), 2, "{paths:?}");
        }
        // A shared translationKey pairs posts wherever they are, when their
        // languages differ.
        let keyed =
            |lang: &str| format!("---\ntitle: Launch\ntranslationKey: launch\nlang: {lang}\n---\n");
        let (en, ja) = (keyed("en"), keyed("ja"));
        assert_eq!(messages(&["a.md", "b.md"], &[&en, &ja], SETTINGS), []);
        assert_eq!(messages(&["a.md", "b.md"], &[&en, &en], SETTINGS).len(), 2);
        // Two posts in one language folder, and one of them translated.
        let found = messages(
            &["en/a.md", "en/b.md", "ja/a.md"],
            &[same, same, same],
            SETTINGS,
        );
        assert_eq!(
            found,
            [
                (0, "the same title as `en/b.md`".to_string()),
                (1, "the same title as `en/a.md`, `ja/a.md`".to_string()),
                (2, "the same title as `en/b.md`".to_string()),
            ]
        );
        // Drafts are not on the site: their titles clash with nothing.
        let draft = "---\ntitle: Ruby 3.4 Released\ndraft: true\n---\n";
        assert_eq!(messages(&["a.md", "b.md"], &[same, draft], SETTINGS), []);
        // A folder that only looks like a language code is not one.
        assert_eq!(
            messages(&["js/a.md", "go/a.md"], &[same, same], SETTINGS).len(),
            2
        );
    }

    /// Excerpts made from one template with a slot filled in.
    #[test]
    fn excerpt_templates_are_boilerplate() {
        let post = |excerpt: &str| format!("---\ntitle: {excerpt}\nexcerpt: \"{excerpt}\"\n---\n");
        let texts: Vec<String> = [
            "Kubernetesについて詳細に分析します。",
            "生成AIの規制動向について詳細に分析します。",
            "Rustの非同期処理について詳細に分析します。",
            "なぜ私たちはブログを書くのか、十年続けて見えたこと。",
        ]
        .iter()
        .map(|excerpt| post(excerpt))
        .collect();
        let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
        let paths = ["a.md", "b.md", "c.md", "d.md"];
        let template = "3 posts fill in one template: `〇〇について詳細に分析します。`".to_string();
        assert_eq!(
            messages(&paths, &texts, SETTINGS),
            [(0, template.clone()), (1, template.clone()), (2, template)]
        );
        // Fewer posts than `min-posts`, or templates turned off: nothing.
        assert_eq!(messages(&paths[1..], &texts[1..], SETTINGS), []);
        let off = SiteSettings {
            boilerplate_templates: false,
            ..SETTINGS
        };
        assert_eq!(messages(&paths, &texts, off), []);
        // A tagline whose slot adds to the title is content, not boilerplate;
        // drafts are not on the site.
        let tagline = |title: &str, excerpt: &str| {
            format!("---\ntitle: {title}\nexcerpt: \"{excerpt}\"\n---\n")
        };
        let taglines = [
            tagline(
                "Launching the 2016 survey",
                "Hearing from you about the first year of Rust",
            ),
            tagline(
                "Launching the 2017 survey",
                "Hearing from you about the second year of Rust",
            ),
            tagline(
                "Launching the 2018 survey",
                "Hearing from you about the third year of Rust",
            ),
        ];
        let taglines: Vec<&str> = taglines.iter().map(String::as_str).collect();
        assert_eq!(messages(&paths[..3], &taglines, SETTINGS), []);
        let drafts: Vec<String> = texts[..3]
            .iter()
            .map(|text| text.replacen("---\n", "---\npublished: false\n", 1))
            .collect();
        let drafts: Vec<&str> = drafts.iter().map(String::as_str).collect();
        assert_eq!(messages(&paths[..3], &drafts, SETTINGS), []);
        // Excerpts that only start alike are not a template.
        let own: Vec<String> = [
            "In this post we look at how the borrow checker reads loops.",
            "In this post we look at why our CI takes an hour.",
            "In this post we look at the new release process.",
        ]
        .iter()
        .map(|excerpt| post(excerpt))
        .collect();
        let own: Vec<&str> = own.iter().map(String::as_str).collect();
        assert_eq!(messages(&paths[..3], &own, SETTINGS), []);
    }

    /// Posts grouped by a hash are told apart by their text: two titles whose
    /// hashes collide are not duplicates.
    #[test]
    fn a_hash_collision_is_not_a_duplicate() {
        let settings = SiteSettings {
            duplicate_title: Severity::Warning,
            boilerplate_excerpt: Severity::Off,
            boilerplate_min_posts: 3,
            boilerplate_templates: true,
            allow_translations: true,
            language: Language::En,
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
