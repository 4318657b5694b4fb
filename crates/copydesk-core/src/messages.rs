//! Every sentence a person reads, in English and Japanese. The text lives in
//! one Fluent table per language (`messages/en.ftl`, `messages/ja.ftl`), so a
//! translator reviews one file; code names a message by its id and passes
//! the values it needs. Rule names and fingerprints never depend on it.

use std::sync::OnceLock;

use fluent_bundle::concurrent::FluentBundle;
use fluent_bundle::{FluentArgs, FluentResource, FluentValue};
use serde::{Deserialize, Serialize};

/// The language messages are written in.
#[derive(
    Debug,
    Clone,
    Copy,
    Default,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    #[default]
    En,
    Ja,
}

impl Language {
    pub const ALL: [Language; 2] = [Language::En, Language::Ja];

    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Ja => "ja",
        }
    }

    /// The language of a POSIX locale (`ja_JP.UTF-8`) or a BCP 47 tag
    /// (`ja`, `ja-JP`, `en-US`): Japanese for `ja…`, English for the rest.
    /// `None` for an empty value, so the next source is asked.
    pub fn from_locale(locale: &str) -> Option<Language> {
        let locale = locale.trim();
        if locale.is_empty() {
            return None;
        }
        let language = locale
            .split(['_', '-', '.', '@'])
            .next()
            .unwrap_or_default();
        Some(if language.eq_ignore_ascii_case("ja") {
            Language::Ja
        } else {
            Language::En
        })
    }

    const TABLE: [&'static str; 2] = [
        include_str!("../messages/en.ftl"),
        include_str!("../messages/ja.ftl"),
    ];

    fn table(self) -> &'static str {
        Language::TABLE[self as usize]
    }
}

/// A value put into a message: text as it is, or a count that picks a
/// plural form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Arg {
    Text(String),
    Count(u64),
    /// Another message without values, put into words in the same language.
    Id(&'static str),
}

macro_rules! counts {
    ($($kind:ty),*) => {$(
        impl From<$kind> for Arg {
            fn from(count: $kind) -> Arg {
                Arg::Count(count as u64)
            }
        }
    )*};
}
counts!(u8, u16, u32, u64, usize);

macro_rules! texts {
    ($($kind:ty),*) => {$(
        impl From<$kind> for Arg {
            fn from(text: $kind) -> Arg {
                Arg::Text(text.to_string())
            }
        }
    )*};
}
texts!(
    &str,
    &&str,
    String,
    &String,
    char,
    i32,
    i64,
    f64,
    &std::borrow::Cow<'_, str>
);

/// A message not yet put into words: its id and values. Kept this way where
/// text is made before the language is known, as front-matter problems are.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Message {
    pub id: &'static str,
    pub args: Vec<(&'static str, Arg)>,
}

impl Message {
    pub fn new(id: &'static str) -> Message {
        Message {
            id,
            args: Vec::new(),
        }
    }

    pub fn arg(mut self, name: &'static str, value: impl Into<Arg>) -> Message {
        self.args.push((name, value.into()));
        self
    }

    pub fn render(&self, language: Language) -> String {
        text(language, self.id, &self.args)
    }
}

/// `message!("id", name = value, …)`: a [`Message`].
#[macro_export]
macro_rules! message {
    ($id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::messages::Message::new($id)$(.arg(stringify!($name), $value))*
    };
}

/// `tr!(language, "id", name = value, …)`: the message's text.
#[macro_export]
macro_rules! tr {
    ($language:expr, $id:literal $(, $name:ident = $value:expr)* $(,)?) => {
        $crate::message!($id $(, $name = $value)*).render($language)
    };
}

fn bundle(language: Language) -> &'static FluentBundle<FluentResource> {
    static BUNDLES: OnceLock<[FluentBundle<FluentResource>; 2]> = OnceLock::new();
    &BUNDLES.get_or_init(|| Language::ALL.map(build_bundle))[language as usize]
}

fn build_bundle(language: Language) -> FluentBundle<FluentResource> {
    let id: unic_langid::LanguageIdentifier =
        language.code().parse().expect("a valid language code");
    let mut bundle = FluentBundle::new_concurrent(vec![id]);
    // Isolation marks would end up in terminals, JSON and SARIF.
    bundle.set_use_isolating(false);
    // A table that fails to parse still gives its good messages; the
    // tests hold both tables to parsing cleanly.
    let resource = FluentResource::try_new(language.table().to_string())
        .unwrap_or_else(|(partial, _)| partial);
    let _ = bundle.add_resource(resource);
    bundle
}

/// The text of message `id` in `language`, falling back to English, then to
/// the id itself: a missing translation never loses a finding.
pub fn text(language: Language, id: &str, args: &[(&str, Arg)]) -> String {
    let mut fluent_args = FluentArgs::new();
    for (name, value) in args {
        match value {
            Arg::Text(text) => fluent_args.set(*name, FluentValue::from(text.as_str())),
            Arg::Count(count) => fluent_args.set(*name, FluentValue::from(*count)),
            Arg::Id(id) => fluent_args.set(*name, FluentValue::from(text(language, id, &[]))),
        }
    }
    for language in [language, Language::En] {
        let bundle = bundle(language);
        if let Some(pattern) = bundle.get_message(id).and_then(|message| message.value()) {
            let mut errors = Vec::new();
            return bundle
                .format_pattern(pattern, Some(&fluent_args), &mut errors)
                .into_owned();
        }
    }
    id.to_string()
}

/// Whether a message exists in the English table.
pub fn exists(id: &str) -> bool {
    bundle(Language::En).has_message(id)
}

#[cfg(test)]
mod tests {
    use std::collections::{BTreeMap, BTreeSet};

    use fluent_bundle::FluentResource;
    use fluent_syntax::ast;

    use super::*;

    /// The values a message uses: those it prints, and those that only pick
    /// a variant (a plural form English needs and Japanese does not).
    #[derive(Debug, Default)]
    struct Values {
        printed: BTreeSet<String>,
        selectors: BTreeSet<String>,
    }

    /// Every message's id and the values it uses.
    fn entries(language: Language) -> BTreeMap<String, Values> {
        let resource = FluentResource::try_new(language.table().to_string())
            .unwrap_or_else(|(_, errors)| panic!("{} does not parse: {errors:?}", language.code()));
        let mut entries = BTreeMap::new();
        for entry in resource.entries() {
            if let ast::Entry::Message(message) = entry {
                let mut variables = Values::default();
                if let Some(pattern) = &message.value {
                    variables_of(pattern, &mut variables);
                }
                entries.insert(message.id.name.to_string(), variables);
            }
        }
        entries
    }

    fn variables_of(pattern: &ast::Pattern<&str>, out: &mut Values) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                expression_variables(expression, out);
            }
        }
    }

    fn expression_variables(expression: &ast::Expression<&str>, out: &mut Values) {
        match expression {
            ast::Expression::Inline(inline) => inline_variables(inline, out),
            ast::Expression::Select { selector, variants } => {
                if let ast::InlineExpression::VariableReference { id } = selector {
                    out.selectors.insert(id.name.to_string());
                }
                for variant in variants {
                    variables_of(&variant.value, out);
                }
            }
        }
    }

    fn inline_variables(inline: &ast::InlineExpression<&str>, out: &mut Values) {
        match inline {
            ast::InlineExpression::VariableReference { id } => {
                out.printed.insert(id.name.to_string());
            }
            ast::InlineExpression::Placeable { expression } => {
                expression_variables(expression, out)
            }
            _ => {}
        }
    }

    #[test]
    fn both_tables_have_the_same_messages_with_the_same_values() {
        let english = entries(Language::En);
        let japanese = entries(Language::Ja);
        let only_english: Vec<_> = english
            .keys()
            .filter(|id| !japanese.contains_key(*id))
            .collect();
        let only_japanese: Vec<_> = japanese
            .keys()
            .filter(|id| !english.contains_key(*id))
            .collect();
        assert!(only_english.is_empty(), "not translated: {only_english:?}");
        assert!(
            only_japanese.is_empty(),
            "not in English: {only_japanese:?}"
        );
        for (id, english) in &english {
            let japanese = &japanese[id];
            let known: BTreeSet<&String> = english.printed.union(&english.selectors).collect();
            let used: BTreeSet<&String> = japanese.printed.union(&japanese.selectors).collect();
            assert!(
                english.printed.iter().all(|name| used.contains(name)),
                "message `{id}` drops a value in Japanese: {english:?} → {japanese:?}"
            );
            assert!(
                used.is_subset(&known),
                "message `{id}` uses a value English does not give: {english:?} → {japanese:?}"
            );
        }
    }

    /// Every id the code names (`message!("…"`, `tr!(…, "…"`, `text(…, "…"`)
    /// is in the table, so a typo cannot print an id to a reader.
    #[test]
    fn every_id_in_the_code_is_in_the_table() {
        let english = entries(Language::En);
        let roots = [
            concat!(env!("CARGO_MANIFEST_DIR"), "/src"),
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../src"),
        ];
        let pattern = regex::Regex::new(r#"(?:message!\(|tr!\([^,"]+,)\s*"([a-z0-9-]+)""#).unwrap();
        let mut missing = Vec::new();
        let mut seen = 0;
        let mut stack: Vec<std::path::PathBuf> = roots.iter().map(Into::into).collect();
        while let Some(path) = stack.pop() {
            if path.is_dir() {
                stack.extend(
                    std::fs::read_dir(&path)
                        .unwrap()
                        .map(|entry| entry.unwrap().path()),
                );
            } else if path.extension().is_some_and(|extension| extension == "rs")
                && !path.ends_with("messages.rs")
            {
                let code = std::fs::read_to_string(&path).unwrap();
                for found in pattern.captures_iter(&code) {
                    seen += 1;
                    if !english.contains_key(&found[1]) {
                        missing.push(format!("{}: {}", path.display(), &found[1]));
                    }
                }
            }
        }
        assert!(
            seen > 50,
            "the scan found only {seen} ids: is the pattern still right?"
        );
        assert!(
            missing.is_empty(),
            "ids not in messages/en.ftl: {missing:#?}"
        );
    }

    #[test]
    fn values_fill_the_message_and_counts_pick_the_plural() {
        assert_eq!(
            tr!(Language::En, "site-shared-excerpt", count = 1usize),
            "1 post shares this excerpt"
        );
        assert_eq!(
            tr!(Language::En, "site-shared-excerpt", count = 3usize),
            "3 posts share this excerpt"
        );
        assert_eq!(
            tr!(Language::Ja, "site-shared-excerpt", count = 3usize),
            "3 件の記事がこの抜粋を共有しています"
        );
    }

    #[test]
    fn an_unknown_id_prints_itself_rather_than_nothing() {
        assert_eq!(
            text(Language::Ja, "no-such-message", &[]),
            "no-such-message"
        );
    }

    #[test]
    fn locales_name_their_language() {
        for (locale, language) in [
            ("ja_JP.UTF-8", Some(Language::Ja)),
            ("ja", Some(Language::Ja)),
            ("ja-JP", Some(Language::Ja)),
            ("JA", Some(Language::Ja)),
            ("en_US.UTF-8", Some(Language::En)),
            ("C", Some(Language::En)),
            ("jam", Some(Language::En)),
            ("", None),
        ] {
            assert_eq!(Language::from_locale(locale), language, "{locale}");
        }
    }
}
