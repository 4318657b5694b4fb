//! The settings of the two site-wide rules, `duplicate-title-across-posts`
//! and `boilerplate-excerpt`, whose check is the site pass in `site.rs`.

use serde::{Deserialize, Serialize};

use crate::diagnostic::Severity;
use crate::messages::Language;

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct BoilerplateOptions {
    /// How many posts must share an excerpt, or its template, before it is boilerplate.
    pub min_posts: usize,
    /// Also report excerpts made from one template with a slot filled in
    /// (`〇〇について詳細に分析します。`).
    pub templates: bool,
}

impl Default for BoilerplateOptions {
    fn default() -> BoilerplateOptions {
        BoilerplateOptions {
            min_posts: 3,
            templates: true,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Deserialize, schemars::JsonSchema)]
#[serde(default, deny_unknown_fields, rename_all = "kebab-case")]
pub struct DuplicateTitleOptions {
    /// Posts that are translations of each other may share a title: the same
    /// file under another language folder (`en/`, `ja/`, `content/<lang>/`),
    /// `post.ja.md` beside `post.md`, or a shared `translationKey`.
    pub allow_translations: bool,
}

impl Default for DuplicateTitleOptions {
    fn default() -> DuplicateTitleOptions {
        DuplicateTitleOptions {
            allow_translations: true,
        }
    }
}

/// The site checks' settings for one post, from its rule set.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct SiteSettings {
    pub duplicate_title: Severity,
    pub boilerplate_excerpt: Severity,
    pub boilerplate_min_posts: usize,
    pub boilerplate_templates: bool,
    pub allow_translations: bool,
    /// The language of the findings' messages.
    #[serde(default)]
    pub language: Language,
}
