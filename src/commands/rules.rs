//! `copydesk rules` and `copydesk explain`: the rules, and one rule's page.

use copydesk_core::rules::REGISTRY;
use copydesk_core::{message, tr, Language};
use unicode_width::UnicodeWidthStr;

use super::print_out;
use crate::error::{Error, ExitStatus, Outcome};

pub fn list(language: Language) -> Outcome {
    let pack_rules = shipped_pack_rules();
    let width = REGISTRY
        .iter()
        .map(|info| info.name.len())
        .chain(
            pack_rules
                .iter()
                .map(|(pack, rule)| pack.rule_name(rule).len()),
        )
        .max()
        .unwrap_or(0);
    use std::fmt::Write as _;
    let mut listing = String::new();
    // The heading in the run's language, padded by display width.
    let pad = |text: String, columns: usize| {
        let padding = columns.saturating_sub(text.width());
        format!("{text}{:padding$}", "")
    };
    let _ = writeln!(
        listing,
        "{}  {}  {}  {}",
        pad(tr!(language, "cli-rules-rule"), width),
        pad(tr!(language, "cli-rules-default"), 8),
        pad(tr!(language, "cli-rules-fix"), 9),
        tr!(language, "cli-rules-summary")
    );
    for info in REGISTRY {
        let _ = writeln!(
            listing,
            "{:width$}  {:8}  {:9}  {}",
            info.name,
            info.default_severity.as_str(),
            info.fix.as_str(),
            info.summary(language)
        );
    }
    for (pack, rule) in pack_rules {
        let fix = rule.fix_availability().as_str();
        let _ = writeln!(
            listing,
            "{:width$}  {:8}  {:9}  {}",
            pack.rule_name(&rule),
            rule.level.as_str(),
            fix,
            rule.description
                .as_ref()
                .unwrap_or(&rule.message)
                .get(language)
        );
    }
    print_out(listing.as_bytes());
    Ok(ExitStatus::Clean)
}

fn shipped_pack_rules() -> Vec<(
    std::sync::Arc<copydesk_core::packs::Pack>,
    copydesk_core::packs::PackRule,
)> {
    copydesk_core::packs::SHIPPED
        .iter()
        .filter_map(|(name, _)| copydesk_core::packs::shipped(name))
        .flat_map(|pack| {
            pack.rules
                .clone()
                .into_iter()
                .map(move |rule| (std::sync::Arc::clone(&pack), rule))
        })
        .collect()
}

pub fn explain(rule: &str, language: Language) -> Outcome {
    if let Some(info) = copydesk_core::rules::find(rule) {
        let page = match language {
            Language::En => info.doc,
            Language::Ja => info.doc_ja,
        };
        print_out(page.as_bytes());
        return Ok(ExitStatus::Clean);
    }
    if let Some((pack, found)) = shipped_pack_rules()
        .into_iter()
        .find(|(pack, found)| pack.rule_name(found) == rule)
    {
        use std::fmt::Write as _;
        let mut page = String::new();
        let _ = writeln!(page, "# {rule}\n");
        let _ = writeln!(
            page,
            "{}\n",
            tr!(language, "cli-pack-rule-page", pack = &pack.name)
        );
        let _ = writeln!(
            page,
            "{}\n",
            found
                .description
                .as_ref()
                .unwrap_or(&found.message)
                .get(language)
        );
        let _ = writeln!(
            page,
            "{}",
            tr!(
                language,
                "cli-pack-rule-level",
                level = found.level.as_str()
            )
        );
        print_out(page.as_bytes());
        return Ok(ExitStatus::Clean);
    }
    let closest = REGISTRY
        .iter()
        .map(|info| {
            (
                copydesk_core::suggest::edit_distance(rule, info.name),
                info.name,
            )
        })
        .min();
    Err(Error::new(match closest {
        Some((distance, name)) if distance <= 3 => {
            message!("cli-unknown-rule-did-you-mean", rule = rule, name = name)
        }
        _ => message!("cli-unknown-rule", rule = rule),
    }))
}
