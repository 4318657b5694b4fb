//! `copydesk init`: a commented `.copydesk.yml` for the site in a folder.

use std::path::{Path, PathBuf};

use copydesk_core::Preset;

use crate::discover::CONFIG_NAMES;

/// What kind of site a folder holds, and why copydesk thinks so.
pub fn detect_preset(root: &Path) -> (Preset, &'static str) {
    let has = |name: &str| root.join(name).exists();
    let config_mentions = |file: &str, needle: &str| {
        std::fs::read_to_string(root.join(file)).is_ok_and(|text| text.contains(needle))
    };
    if has("_posts") {
        return (Preset::Jekyll, "a Jekyll site (_posts/)");
    }
    if has("articles") && first_post_mentions(&root.join("articles"), "emoji:") {
        return (
            Preset::Zenn,
            "a Zenn repository (articles/ with emoji and topics)",
        );
    }
    if has("hugo.toml")
        || has("hugo.yaml")
        || has("hugo.json")
        || config_mentions("config.toml", "baseURL")
    {
        return (Preset::Hugo, "a Hugo site (hugo.toml or baseURL)");
    }
    if config_mentions("config.toml", "base_url") || config_mentions("zola.toml", "base_url") {
        return (Preset::Zola, "a Zola site (config.toml with base_url)");
    }
    if has("content") && first_post_mentions(&root.join("content"), "+++") {
        return (Preset::Zola, "a site with TOML front matter under content/");
    }
    (
        Preset::Jekyll,
        "no known layout; the Jekyll defaults fit most Markdown blogs",
    )
}

fn first_post_mentions(folder: &Path, needle: &str) -> bool {
    ignore::WalkBuilder::new(folder)
        .max_depth(Some(3))
        .build()
        .filter_map(Result::ok)
        .filter(|entry| entry.path().extension().is_some_and(|ext| ext == "md"))
        .take(5)
        .any(|entry| std::fs::read_to_string(entry.path()).is_ok_and(|text| text.contains(needle)))
}

/// The tag field a preset's posts use.
pub fn tag_field(preset: Preset) -> &'static str {
    match preset {
        Preset::Zenn => "topics",
        _ => "tags",
    }
}

pub fn config_text(preset: Preset, reason: &str, vocabulary: Option<(&str, &str)>) -> String {
    let vocabulary_section = match vocabulary {
        Some((field, file)) => format!(
            "  # Tags must come from the vocabulary `copydesk init --vocab` wrote; edit it to merge variants.\n  tag-vocabulary:\n    vocabularies:\n      {field}: {file}\n"
        ),
        None => "  # Check tags against a vocabulary: `copydesk vocab > tags.vocab.yml`, then\n  # tag-vocabulary:\n  #   vocabularies:\n  #     tags: tags.vocab.yml\n".to_string(),
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
         \x20 # A rule takes a severity (off, info, warning, error), or a mapping of options:\n\
         \x20 # unsupported-numeric-claim: warning\n\
         \x20 # required-field:\n\
         \x20 #   severity: error\n\
         \x20 #   fields: [title, date]\n\
         \n\
         # Rule packs: `generator-leftovers` is on in every preset; add `ja-style` for\n\
         # Japanese house style, or a path to a pack of your own.\n\
         # packs: [generator-leftovers, ja-style]\n\
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
