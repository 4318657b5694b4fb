//! One-line helpers for rule tests: lint a text, snapshot each finding with
//! the text its fix produces.

use std::fmt::Write;

use crate::config::Config;
use crate::fix::apply_fixes;
use crate::{check, ColumnEncoding, Document, Source};

/// Snapshots the findings of `rule` (every rule for "suppression") on `text`
/// under the default config.
pub(crate) fn assert_snapshot_of(rule: &str, name: &str, text: &str) {
    assert_snapshot_with_config(rule, name, text, "");
}

pub(crate) fn assert_snapshot_with_config(rule: &str, name: &str, text: &str, config: &str) {
    let config = Config::from_yaml(config).expect("test config is valid");
    render_with(&config, rule, name, text);
}

/// Snapshots the findings of `rule` on `text` under a built config.
pub(crate) fn render_with(config: &Config, rule: &str, name: &str, text: &str) {
    let rendered = render_config(config, rule, name, text);
    assert_named_snapshot(
        &format!("{}__{}", rule.trim_end_matches('/'), name.replace('/', "_")),
        &rendered,
    );
}

/// Every core snapshot lives in `tests/snapshots`, named by the test.
pub(crate) fn assert_named_snapshot(name: &str, content: &str) {
    let mut settings = insta::Settings::clone_current();
    settings.set_snapshot_path("../tests/snapshots");
    settings.set_prepend_module_to_snapshot(false);
    settings.bind(|| insta::assert_snapshot!(name.to_string(), content));
}

pub(crate) fn render(rule: &str, path: &str, text: &str, config: &str) -> String {
    render_config(
        &Config::from_yaml(config).expect("test config is valid"),
        rule,
        path,
        text,
    )
}

fn render_config(config: &Config, rule: &str, path: &str, text: &str) -> String {
    let rule_set = config.rule_set_for(path).expect("rules build");
    let document = Document::parse(path, Source::new(text.to_string()));
    let diagnostics: Vec<_> = check(&document, &rule_set)
        .into_iter()
        .filter(|d| {
            rule == "suppression"
                || d.rule == rule
                || (rule.ends_with('/') && d.rule.starts_with(rule))
        })
        .collect();
    let source = &document.source;
    let mut out = String::new();
    writeln!(out, "input: {}", visible(text)).unwrap();
    if diagnostics.is_empty() {
        out.push_str("no findings\n");
    }
    for diagnostic in &diagnostics {
        let start = source.position(diagnostic.range.start(), ColumnEncoding::Chars);
        let end = source.position(diagnostic.range.end(), ColumnEncoding::Chars);
        writeln!(
            out,
            "\n{}:{}-{}:{} bytes {}..{} {}[{}] {}",
            start.line + 1,
            start.column + 1,
            end.line + 1,
            end.column + 1,
            u32::from(diagnostic.range.start()),
            u32::from(diagnostic.range.end()),
            diagnostic.severity.as_str(),
            diagnostic.rule,
            diagnostic.message
        )
        .unwrap();
        writeln!(out, "  text: {}", visible(source.slice(diagnostic.range))).unwrap();
        if let Some(help) = &diagnostic.help {
            writeln!(out, "  help: {help}").unwrap();
        }
        for related in &diagnostic.related {
            let at = source.position(related.start(), ColumnEncoding::Chars);
            writeln!(
                out,
                "  also at {}:{}: {}",
                at.line + 1,
                at.column + 1,
                visible(source.slice(*related))
            )
            .unwrap();
        }
        if let Some(fix) = &diagnostic.fix {
            let (fixed, _) = apply_fixes(source.text(), std::slice::from_ref(diagnostic), true);
            writeln!(out, "  fix ({:?}): {}", fix.applicability, fix.title).unwrap();
            writeln!(out, "  fixed: {}", visible(&fixed)).unwrap();
        }
    }
    out
}

/// Line endings and the BOM made visible, so snapshots pin them.
fn visible(text: &str) -> String {
    text.replace('\u{feff}', "<BOM>")
        .replace('\r', "\\r")
        .replace('\n', "\\n")
}
