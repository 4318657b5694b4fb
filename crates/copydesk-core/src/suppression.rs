//! `<!-- copydesk-disable… -->` comments (and `# copydesk-disable-next-line`
//! in YAML or TOML front matter), and the findings they silence.

use crate::diagnostic::{Diagnostic, Severity};
use crate::document::Document;
use crate::front_matter::{lines_with_offsets, trim_line_ending};
use crate::rules::RuleId;
use crate::rules::RuleSet;
use crate::source::{ColumnEncoding, TextRange, TextSize};
use crate::tr;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    NextLine,
    Disable,
    Enable,
    File,
}

#[derive(Debug)]
struct Directive {
    kind: Kind,
    /// Empty means every rule.
    rules: Vec<String>,
    range: TextRange,
    /// Where it applies: a line, or a byte range for regions and files.
    scope: Scope,
    used: Vec<bool>,
}

#[derive(Debug, Clone, Copy)]
enum Scope {
    Line(u32),
    Bytes(TextSize, TextSize),
}

/// Removes suppressed findings, then reports the rule `unused-suppression`
/// (when on): comments that silence nothing or name an unknown rule.
/// Docs: `rules/unused-suppression.md`.
pub(crate) fn apply(document: &Document, rule_set: &RuleSet, diagnostics: &mut Vec<Diagnostic>) {
    let mut directives = parse(document);
    if directives.is_empty() {
        return;
    }
    diagnostics.retain(|diagnostic| {
        let line = document
            .source
            .position(diagnostic.range.start(), ColumnEncoding::Utf8)
            .line;
        let mut suppressed = false;
        for directive in directives.iter_mut().filter(|d| d.kind != Kind::Enable) {
            let in_scope = match directive.scope {
                Scope::Line(target) => target == line,
                Scope::Bytes(start, end) => {
                    start <= diagnostic.range.start() && diagnostic.range.start() < end
                }
            };
            if !in_scope {
                continue;
            }
            if directive.rules.is_empty() {
                directive.used[0] = true;
                suppressed = true;
            } else if let Some(at) = directive
                .rules
                .iter()
                .position(|rule| *rule == diagnostic.rule)
            {
                directive.used[at] = true;
                suppressed = true;
            }
        }
        !suppressed
    });
    let severity = rule_set.severity_of(RuleId::UnusedSuppression);
    if severity == Severity::Off {
        return;
    }
    let language = rule_set.language;
    for directive in directives.iter().filter(|d| d.kind != Kind::Enable) {
        let mut report = |message: String| {
            diagnostics.push(Diagnostic {
                rule: std::borrow::Cow::Borrowed(RuleId::UnusedSuppression.name()),
                severity,
                range: directive.range,
                message,
                help: Some(tr!(language, "suppression-unused-help")),
                fix: None,
                related: Vec::new(),
            })
        };
        if directive.rules.is_empty() {
            if !directive.used[0] {
                report(tr!(language, "suppression-unused"));
            }
            continue;
        }
        for (rule, used) in directive.rules.iter().zip(&directive.used) {
            if !rule_set.knows(rule) {
                report(tr!(language, "suppression-unknown-rule", rule = rule));
            } else if !used && rule_set.severity(rule) != Severity::Off {
                report(tr!(language, "suppression-rule-unused", rule = rule));
            }
        }
    }
}

fn parse(document: &Document) -> Vec<Directive> {
    let source = &document.source;
    let text = source.text();
    let mut comments: Vec<(TextRange, &str)> = document
        .body
        .html_comments
        .iter()
        .map(|range| {
            let inner = &text[usize::from(range.start()) + 4..usize::from(range.end()) - 3];
            (*range, inner)
        })
        .collect();
    if let Some(content) = document.front_matter.content_range {
        for (start, line) in lines_with_offsets(&text[content], usize::from(content.start())) {
            let line = trim_line_ending(line);
            let trimmed = line.trim_start();
            if let Some(inner) = trimmed.strip_prefix('#') {
                let at = start + (line.len() - trimmed.len());
                let range = TextRange::at(TextSize::from(at as u32), TextSize::of(trimmed));
                comments.push((range, inner));
            }
        }
    }
    comments.sort_by_key(|(range, _)| range.start());

    let mut directives: Vec<Directive> = Vec::new();
    for (range, inner) in comments {
        let Some((kind, rules)) = parse_directive(inner) else {
            continue;
        };
        let scope = match kind {
            Kind::NextLine => Scope::Line(next_non_blank_line(document, range.end())),
            Kind::File => Scope::Bytes(TextSize::from(0), source.len()),
            Kind::Disable | Kind::Enable => Scope::Bytes(range.end(), source.len()),
        };
        if kind == Kind::Enable {
            close_regions(&mut directives, &rules, range.start());
        }
        let used = vec![false; rules.len().max(1)];
        directives.push(Directive {
            kind,
            rules,
            range,
            scope,
            used,
        });
    }
    directives
}

/// Ends open `disable` regions: all of them for a bare `enable`, else those
/// for the named rules (a region for every rule only ends on a bare `enable`).
fn close_regions(directives: &mut [Directive], rules: &[String], at: TextSize) {
    for directive in directives.iter_mut().filter(|d| d.kind == Kind::Disable) {
        if let Scope::Bytes(start, end) = directive.scope {
            let closes = rules.is_empty()
                || (!directive.rules.is_empty()
                    && directive.rules.iter().all(|rule| rules.contains(rule)));
            if closes && end > at {
                directive.scope = Scope::Bytes(start, at);
            }
        }
    }
}

fn parse_directive(inner: &str) -> Option<(Kind, Vec<String>)> {
    let inner = inner.trim();
    let rest = inner.strip_prefix("copydesk-")?;
    // An optional reason after ` -- `, as in ESLint.
    let rest = rest.split(" -- ").next().unwrap_or(rest);
    let (word, names) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
    let kind = match word {
        "disable-next-line" => Kind::NextLine,
        "disable" => Kind::Disable,
        "enable" => Kind::Enable,
        "disable-file" => Kind::File,
        _ => return None,
    };
    let rules = names
        .split([',', ' ', '\t'])
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_string)
        .collect();
    Some((kind, rules))
}

fn next_non_blank_line(document: &Document, after: TextSize) -> u32 {
    let source = &document.source;
    let mut line = source.position(after, ColumnEncoding::Utf8).line + 1;
    while let Some(range) = source.line_range(line) {
        if !source.slice(range).trim().is_empty() {
            break;
        }
        line += 1;
    }
    line
}

#[cfg(test)]
mod tests {
    use crate::test_support::assert_snapshot_of;

    #[test]
    fn next_line_region_and_file() {
        assert_snapshot_of(
            "suppression",
            "kinds.md",
            "---\ntitle: Same\n# copydesk-disable-next-line required-field\nlayout: post\n---\n<!-- copydesk-disable-next-line duplicated-title -->\n\n**Same**\n\n<!-- copydesk-disable duplicated-title -->\n## Same\n<!-- copydesk-enable duplicated-title -->\n\n### Same\n",
        );
    }

    #[test]
    fn unused_and_unknown_are_reported() {
        assert_snapshot_of(
            "suppression",
            "unused.md",
            "---\ntitle: T\n---\n<!-- copydesk-disable-next-line duplicated-title, no-such-rule -- reason -->\nNot the title.\n",
        );
    }

    #[test]
    fn disable_file_silences_everything() {
        assert_snapshot_of(
            "suppression",
            "file.md",
            "---\ntitle: T\n---\n<!-- copydesk-disable-file -->\n# T\n",
        );
    }

    #[test]
    fn comments_inside_code_are_not_directives() {
        assert_snapshot_of(
            "suppression",
            "code.md",
            "---\ntitle: T\n---\n```\n<!-- copydesk-disable-file -->\n```\n# T\n",
        );
    }
}
