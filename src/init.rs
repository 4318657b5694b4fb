//! `copydesk init`: a commented `.copydesk.yml` for the site in a folder.

use std::path::{Path, PathBuf};

use copydesk_core::site::PostFacts;
use copydesk_core::{Document, Preset, Source};

use crate::discover::CONFIG_NAMES;

/// What kind of site a folder holds, and why copydesk thinks so: by the
/// generator's config file first, then by what its posts look like, then by
/// its folders.
pub fn detect_preset(root: &Path) -> (Preset, &'static str) {
    let has = |name: &str| root.join(name).exists();
    let config_mentions = |file: &str, needle: &str| {
        std::fs::read_to_string(root.join(file)).is_ok_and(|text| text.contains(needle))
    };
    if ["hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"]
        .iter()
        .any(|name| has(name))
        || ["config.toml", "config.yaml", "config.yml", "config.json"]
            .iter()
            .any(|name| config_mentions(name, "baseURL") || config_mentions(name, "baseurl"))
    {
        return (Preset::Hugo, "a Hugo site (its config file names baseURL)");
    }
    if config_mentions("config.toml", "base_url") || config_mentions("zola.toml", "base_url") {
        return (Preset::Zola, "a Zola site (config.toml with base_url)");
    }
    if has("_config.yml") || has("_posts") {
        return (Preset::Jekyll, "a Jekyll site (_config.yml or _posts/)");
    }
    let posts = sample_front_matter(root);
    let share = |test: &dyn Fn(&str) -> bool| posts.iter().filter(|text| test(text)).count();
    let majority = |count: usize| !posts.is_empty() && count * 2 > posts.len();
    if majority(share(&|text| {
        has_key(text, "emoji") && (has_key(text, "topics") || has_key(text, "type"))
    })) {
        return (
            Preset::Zenn,
            "Zenn posts (emoji, type and topics in their front matter)",
        );
    }
    let toml = share(&|text| text.starts_with("+++"));
    if majority(toml) {
        if has("archetypes") || has("layouts") {
            return (
                Preset::Hugo,
                "a Hugo site (TOML posts beside archetypes/ or layouts/)",
            );
        }
        if share(&|text| text.contains("[taxonomies]") || text.contains("[extra]")) > 0
            || has("templates")
            || has("sass")
        {
            return (
                Preset::Zola,
                "a Zola site (TOML posts with [taxonomies] or [extra], or templates/)",
            );
        }
        return (Preset::Zola, "TOML front matter between +++ lines");
    }
    if has("content") && (has("archetypes") || has("layouts")) {
        return (
            Preset::Hugo,
            "a Hugo site (content/ beside archetypes/ or layouts/)",
        );
    }
    (
        Preset::Jekyll,
        "no known layout; the Jekyll defaults fit most Markdown blogs",
    )
}

/// Whether front matter sets `key` at its top level, in YAML or TOML.
fn has_key(front_matter: &str, key: &str) -> bool {
    front_matter.lines().any(|line| {
        line.strip_prefix(key)
            .is_some_and(|rest| rest.trim_start().starts_with([':', '=']))
    })
}

/// Up to `count` posts of the folder, as text, found the way `check` walks
/// (`.gitignore` respected), a few levels deep.
fn sample_posts(root: &Path, count: usize) -> Vec<String> {
    ignore::WalkBuilder::new(root)
        .max_depth(Some(4))
        .build()
        .filter_map(Result::ok)
        .filter(|entry| {
            entry
                .path()
                .extension()
                .is_some_and(|ext| ext == "md" || ext == "markdown")
        })
        .filter_map(|entry| std::fs::read_to_string(entry.path()).ok())
        .take(count)
        .collect()
}

/// The front matter of up to 20 posts in the folder.
fn sample_front_matter(root: &Path) -> Vec<String> {
    sample_posts(root, 20)
        .into_iter()
        .filter_map(|text| {
            let text = text.trim_start_matches('\u{feff}');
            let delimiter = ["---", "+++"].into_iter().find(|d| text.starts_with(d))?;
            let rest = &text[delimiter.len()..];
            let end = rest.find(&format!("\n{delimiter}")).unwrap_or(rest.len());
            Some(format!("{delimiter}{}", &rest[..end]))
        })
        .collect()
}

/// How many of up to 50 posts are Japanese, and how many were read, when
/// most are: then `init` turns on the `ja-technical-writing` pack. A post is
/// Japanese when kana are at least a tenth of its letters (kanji alone could
/// be Chinese).
pub fn mostly_japanese(root: &Path) -> Option<(usize, usize)> {
    let posts = sample_posts(root, 50);
    let japanese = posts
        .iter()
        .filter(|text| {
            let letters = text.chars().filter(|ch| ch.is_alphabetic()).count();
            let kana = text
                .chars()
                .filter(|ch| matches!(ch, '\u{3041}'..='\u{30ff}'))
                .count();
            kana > 0 && kana * 10 >= letters
        })
        .count();
    (japanese * 2 > posts.len()).then_some((japanese, posts.len()))
}

/// The name that a third or more of the posts' titles hold, with how many
/// titles hold it and how many were read: on a project's own site, the
/// project ("openSUSE", "Ruby"), whose figures are its own facts. `init`
/// offers it for `first-party`, commented out: on a blog about a language
/// it is the topic, not the publisher.
pub fn name_in_most_titles(root: &Path) -> Option<(String, usize, usize)> {
    let titles: Vec<String> = sample_posts(root, 2000)
        .into_iter()
        .filter_map(title_of)
        .collect();
    let (name, count) = most_named(&titles)?;
    Some((name, count, titles.len()))
}

/// The `title` of a post's front matter, in YAML or TOML, read as `check`
/// reads it for the site-wide checks.
fn title_of(text: String) -> Option<String> {
    let document = Document::parse("post.md", Source::new(text));
    PostFacts::of(&document).title.map(|title| title.text)
}

/// The proper name in a third or more of at least ten titles: a word with
/// a capital and a small letter (`openSUSE`, `Ruby`; not `AI`, whose
/// capitals alone name a field), not one of a title's common words, and
/// capitalised inside a title too, where a common word would not be
/// ("Fukuoka Ruby Award"; not "Other things").
pub fn most_named(titles: &[String]) -> Option<(String, usize)> {
    const COMMON: [&str; 24] = [
        "The",
        "And",
        "For",
        "With",
        "How",
        "Why",
        "What",
        "New",
        "Now",
        "Our",
        "Your",
        "This",
        "Announcing",
        "Announcement",
        "Introducing",
        "Released",
        "Release",
        "Releases",
        "Update",
        "Updates",
        "News",
        "Weekly",
        "Issue",
        "Version",
    ];
    if titles.len() < 10 {
        return None;
    }
    // Each word's titles, and those where it is not the first word.
    let mut counts: std::collections::HashMap<&str, (usize, usize)> =
        std::collections::HashMap::new();
    for title in titles {
        let all: Vec<&str> = title
            .split(|ch: char| !(ch.is_ascii_alphanumeric() || matches!(ch, '.' | '-' | '+' | '#')))
            .map(|word| word.trim_end_matches(['.', '-']))
            .filter(|word| !word.is_empty())
            .collect();
        let first = all.first().copied();
        let mut names: Vec<&str> = all
            .into_iter()
            .filter(|word| {
                word.len() >= 3
                    && word.starts_with(|ch: char| ch.is_ascii_alphabetic())
                    && word.contains(|ch: char| ch.is_ascii_uppercase())
                    && word.contains(|ch: char| ch.is_ascii_lowercase())
                    && !COMMON.contains(word)
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        for name in names {
            let (count, inside) = counts.entry(name).or_default();
            *count += 1;
            *inside += usize::from(Some(name) != first);
        }
    }
    counts
        .into_iter()
        .filter(|&(_, (count, inside))| count * 3 >= titles.len() && inside * 10 >= count)
        .map(|(name, (count, _))| (name, count))
        .max_by(|a, b| a.1.cmp(&b.1).then(b.0.cmp(a.0)))
        .map(|(name, count)| (name.to_string(), count))
}

/// The tag field a preset's posts use.
pub fn tag_field(preset: Preset) -> &'static str {
    match preset {
        Preset::Zenn => "topics",
        _ => "tags",
    }
}

pub fn config_text(
    preset: Preset,
    reason: &str,
    vocabulary: Option<(&str, &str)>,
    japanese: Option<(usize, usize)>,
    first_party: Option<(&str, usize, usize)>,
) -> String {
    let packs_section = match japanese {
        Some((japanese, read)) => format!(
            "# Rule packs. {japanese} of the {read} posts read are Japanese, so this turns on\n\
             # `ja-technical-writing`: textlint's ja-technical-writing preset, the rules that\n\
             # need no morphological analyser (rules/packs/ja-technical-writing.md).\n\
             # `generator-leftovers` is on in every preset; `ja-style` adds house style.\n\
             packs: [generator-leftovers, ja-technical-writing]\n"
        ),
        None => "# Rule packs: `generator-leftovers` is on in every preset; add `ja-style` or\n\
                 # `ja-technical-writing` for Japanese posts, or a path to a pack of your own.\n\
                 # packs: [generator-leftovers, ja-style]\n"
            .to_string(),
    };
    let vocabulary_section = match vocabulary {
        Some((field, file)) => format!(
            "  # Tags must come from the vocabulary `copydesk init --vocab` wrote; edit it to merge variants.\n  tag-vocabulary:\n    vocabularies:\n      {field}: {file}\n"
        ),
        None => "  # Check tags against a vocabulary: `copydesk vocab > tags.vocab.yml`, then\n  # tag-vocabulary:\n  #   vocabularies:\n  #     tags: tags.vocab.yml\n".to_string(),
    };
    let first_party_section = match first_party {
        Some((name, count, read)) => format!(
            "  # {count} of the {read} post titles read name {name}. If it is this site's own project,\n\
             \x20 # its prices, releases and counts are its own facts, not claims that need a source:\n\
             \x20 # unsupported-numeric-claim:\n\
             \x20 #   first-party: [{name}]\n\
             \x20 #   first-party-site: true\n"
        ),
        None => String::new(),
    };
    format!(
        "# copydesk configuration. Every key is optional; `copydesk rules` lists the rules.\n\
         # yaml-language-server: $schema=https://raw.githubusercontent.com/copydesk/copydesk/main/copydesk.schema.json\n\
         \n\
         # Detected: {reason}.\n\
         preset: {}\n\
         \n\
         # Files to lint when walking folders (relative to this file), and files to skip.\n\
         # include: [\"**/*.md\", \"**/*.markdown\"]\n\
         # exclude: [\"_drafts/**\"]\n\
         \n\
         rules:\n\
         {vocabulary_section}\
         {first_party_section}\
         \x20 # A rule takes a severity (off, info, warning, error), or a mapping of options:\n\
         \x20 # unsupported-numeric-claim: warning\n\
         \x20 # required-field:\n\
         \x20 #   severity: error\n\
         \x20 #   fields: [title, date]\n\
         \n\
         {packs_section}\
         \n\
         # Settings for some files only, applied in order.\n\
         # overrides:\n\
         #   - files: [\"_drafts/**\"]\n\
         #     rules:\n\
         #       required-field: off\n",
        preset.name()
    )
}

/// Where a config already is, if one is.
pub fn existing_config(root: &Path) -> Option<PathBuf> {
    CONFIG_NAMES
        .iter()
        .map(|name| root.join(name))
        .find(|path| path.exists())
}

#[cfg(test)]
mod tests {
    use super::most_named;

    fn titles(names: &[&str]) -> Vec<String> {
        names.iter().map(|name| name.to_string()).collect()
    }

    #[test]
    fn the_name_in_a_third_of_the_titles() {
        let mut site = titles(&[
            "openSUSE Leap 16.0 is out",
            "openSUSE Conference 2026",
            "Announcing the openSUSE board election",
            "openSUSE Asia Summit",
            "Tumbleweed monthly update",
            "Travel support for the conference",
        ]);
        site.extend(titles(&["A note on mirrors"; 4]));
        assert_eq!(most_named(&site), Some(("openSUSE".to_string(), 4)));
        // Capitals alone name a field, not a publisher; under ten titles
        // say too little.
        let ai = titles(&["AI agents in practice"; 12]);
        assert_eq!(most_named(&ai), None);
        assert_eq!(most_named(&site[..9]), None);
        // A name in fewer than a third of the titles is a topic among others.
        let mut spread = titles(&[
            "Python tips",
            "Python again",
            "Python 3.14",
            "Learning Python",
        ]);
        spread.extend(titles(&["Other things"; 8]));
        assert_eq!(most_named(&spread), Some(("Python".to_string(), 4)));
        spread.push("One more".to_string());
        assert_eq!(most_named(&spread), None);
    }

    #[test]
    fn titles_in_yaml_and_toml() {
        assert_eq!(
            super::title_of("---\ntitle: \"Ruby 3.4 Released\"\n---\nBody".into()),
            Some("Ruby 3.4 Released".to_string())
        );
        assert_eq!(
            super::title_of("+++\ntitle = 'Zola 0.20'\n+++\n".into()),
            Some("Zola 0.20".to_string())
        );
        assert_eq!(super::title_of("No front matter".into()), None);
    }
}
