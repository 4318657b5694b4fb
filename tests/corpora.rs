//! Behaviour on real sites: the posts in `../shared/corpora`, beside the
//! checkout (CI has it there). Without the folder these tests fail under `CI`.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a test reports what it measured

mod common;

use std::path::{Path, PathBuf};

use common::{copydesk, missing};
use serde_json::Value;

const CORPORA: [&str; 4] = [
    "blog.rust-lang.org",
    "news-o-o",
    "www.ruby-lang.org",
    "zenn-contents.suwa-sh",
];

fn corpora() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpora");
    if path.is_dir() {
        Some(path)
    } else {
        missing("../shared/corpora beside the checkout");
        None
    }
}

/// `copydesk check --format json` on one corpus, run from the corpora folder.
fn findings(root: &Path, corpus: &str) -> Vec<Value> {
    let output = copydesk(root)
        .args(["check", "--format", "json", corpus])
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    report["diagnostics"].as_array().unwrap().clone()
}

/// Where the front matter ends, and the title it declares (YAML or TOML).
fn front_matter(text: &str) -> (usize, Option<String>) {
    let text_start = text.len() - text.trim_start_matches('\u{feff}').len();
    let rest = &text[text_start..];
    let Some(delimiter) = ["---", "+++"].into_iter().find(|d| rest.starts_with(d)) else {
        return (text_start, None);
    };
    let mut at = text_start;
    let mut title = None;
    for (index, line) in text[text_start..].split_inclusive('\n').enumerate() {
        at += line.len();
        let trimmed = line.trim_end();
        if index > 0 && trimmed == delimiter {
            return (at, title);
        }
        for separator in [':', '='] {
            if let Some(value) = trimmed
                .strip_prefix("title")
                .and_then(|rest| rest.trim_start().strip_prefix(separator))
            {
                let value = value.trim();
                let value = value
                    .strip_prefix(['"', '\''])
                    .and_then(|v| v.strip_suffix(['"', '\'']))
                    .unwrap_or(value);
                title = Some(value.to_string());
            }
        }
    }
    (text.len(), title)
}

/// Heading marks, emphasis, escapes and case dropped, spaces collapsed.
fn plain(line: &str) -> String {
    let line = line.trim().trim_start_matches('#').trim_end_matches('#');
    line.replace(['*', '_', '\\', '`'], "")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// A line that is not prose: a heading, a bold line, an image, HTML.
fn is_not_prose(line: &str) -> bool {
    let line = line.trim();
    line.is_empty()
        || line.starts_with('#')
        || line.starts_with("![")
        || line.starts_with('<')
        || (line.starts_with("**") && line.ends_with("**"))
}

/// No fix of `duplicated-title` on a real site deletes a line that is not the
/// repeated title (with its setext underline) or a blank line after it, and
/// no safe fix deletes a line that is not the title itself at the top of the
/// body.
#[test]
fn duplicated_title_fixes_delete_only_the_repeated_title() {
    let Some(root) = corpora() else {
        return;
    };
    let (mut safe, mut unsafe_) = (0, 0);
    for corpus in CORPORA {
        for finding in findings(&root, corpus) {
            if finding["rule"] != "duplicated-title" {
                continue;
            }
            let Some(fix) = finding.get("fix") else {
                continue;
            };
            let path = finding["path"].as_str().unwrap();
            let text = String::from_utf8(std::fs::read(root.join(path)).unwrap()).unwrap();
            let edits = fix["edits"].as_array().unwrap();
            assert_eq!(edits.len(), 1, "{path}: one deletion");
            let (start, end) = (
                edits[0]["start"]["offset"].as_u64().unwrap() as usize,
                edits[0]["end"]["offset"].as_u64().unwrap() as usize,
            );
            assert_eq!(edits[0]["replacement"], "", "{path}: a deletion");
            let deleted = &text[start..end];
            let mut lines = deleted.split_inclusive('\n');
            let first = lines.next().unwrap();
            let finding_start = finding["start"]["offset"].as_u64().unwrap() as usize;
            assert!(
                start <= finding_start && finding_start < start + first.len(),
                "{path}: the deletion starts on the finding's line"
            );
            assert!(
                text[..start].is_empty() || text[..start].ends_with('\n'),
                "{path}: whole lines"
            );
            for (index, line) in lines.enumerate() {
                let underline = index == 0
                    && !line.trim().is_empty()
                    && (line.trim().bytes().all(|b| b == b'=')
                        || line.trim().bytes().all(|b| b == b'-'));
                assert!(
                    line.trim().is_empty() || underline,
                    "{path}: the fix deletes another line: {line:?}"
                );
            }
            if fix["applicability"] == "safe" {
                safe += 1;
                let (body_start, title) = front_matter(&text);
                let title = title.unwrap_or_else(|| panic!("{path}: a title"));
                assert_eq!(
                    plain(first),
                    plain(&title),
                    "{path}: a safe fix deletes the title"
                );
                assert!(
                    text[body_start..start].lines().all(is_not_prose),
                    "{path}: a safe fix deletes only at the top of the body"
                );
            } else {
                unsafe_ += 1;
            }
        }
    }
    eprintln!("duplicated-title fixes checked: {safe} safe, {unsafe_} unsafe");
    assert!(
        safe > 20 && unsafe_ > 5,
        "too few fixes to check: {safe} safe, {unsafe_} unsafe"
    );
}

/// `--unsafe-fixes --diff` over each whole corpus: every line a fix
/// takes out of a body is a repeated title the rule reported (with its
/// setext underline) or a blank line; front-matter lines are the tag fixes'
/// business, and a line that comes back changed (a control character
/// dropped) is not taken out.
#[test]
fn no_fix_deletes_a_body_line_that_is_not_a_repeated_title() {
    let Some(root) = corpora() else {
        return;
    };
    let mut removed_lines = 0;
    for corpus in CORPORA {
        let flagged: std::collections::HashSet<(String, u64)> = findings(&root, corpus)
            .into_iter()
            .filter(|finding| finding["rule"] == "duplicated-title" && finding.get("fix").is_some())
            .map(|finding| {
                (
                    finding["path"].as_str().unwrap().to_string(),
                    finding["start"]["line"].as_u64().unwrap(),
                )
            })
            .collect();
        let output = copydesk(&root)
            .args(["check", "--unsafe-fixes", "--diff", corpus])
            .output()
            .unwrap();
        let diff = String::from_utf8(output.stdout).unwrap();
        let (mut path, mut old_line) = (String::new(), 0u64);
        let mut body_start = 0u64;
        let mut hunk_removed: Vec<(u64, String)> = Vec::new();
        let mut hunk_added: Vec<String> = Vec::new();
        let mut check_hunk = |path: &str,
                              body_start: u64,
                              removed: &mut Vec<(u64, String)>,
                              added: &mut Vec<String>| {
            let strip = |line: &str| {
                line.chars()
                    .filter(|ch| !ch.is_control())
                    .collect::<String>()
            };
            let added: Vec<String> = added.drain(..).map(|line| strip(&line)).collect();
            let mut previous_flagged = false;
            for (line, text) in removed.drain(..) {
                removed_lines += 1;
                let is_title = flagged.contains(&(path.to_string(), line));
                let underline = previous_flagged
                    && !text.trim().is_empty()
                    && (text.trim().bytes().all(|b| b == b'=')
                        || text.trim().bytes().all(|b| b == b'-'));
                let allowed = text.trim().is_empty()
                    || is_title
                    || underline
                    || line < body_start
                    || added.contains(&strip(&text));
                assert!(allowed, "{path}:{line}: a fix deletes {text:?}");
                previous_flagged = is_title;
            }
        };
        for line in diff.lines() {
            if let Some(name) = line.strip_prefix("--- a/") {
                check_hunk(&path, body_start, &mut hunk_removed, &mut hunk_added);
                path = name.to_string();
                let text =
                    String::from_utf8_lossy(&std::fs::read(root.join(&path)).unwrap()).to_string();
                let (body, _) = front_matter(&text);
                body_start = text[..body].lines().count() as u64 + 1;
            } else if line.starts_with("+++ ") {
            } else if let Some(header) = line.strip_prefix("@@ -") {
                check_hunk(&path, body_start, &mut hunk_removed, &mut hunk_added);
                old_line = header
                    .split([',', ' '])
                    .next()
                    .and_then(|start| start.parse().ok())
                    .unwrap();
            } else if let Some(text) = line.strip_prefix('-') {
                hunk_removed.push((old_line, text.to_string()));
                old_line += 1;
            } else if let Some(text) = line.strip_prefix('+') {
                hunk_added.push(text.to_string());
            } else if line.starts_with(' ') || line.is_empty() {
                old_line += 1;
            }
        }
        check_hunk(&path, body_start, &mut hunk_removed, &mut hunk_added);
    }
    assert!(
        removed_lines > 50,
        "too few deletions to check: {removed_lines}"
    );
}

/// A post and its translation share a title by design: the same file name
/// under `en/` and `ja/` is never reported.
#[test]
fn translations_are_not_duplicate_titles() {
    let Some(root) = corpora() else {
        return;
    };
    let file_name = |path: &str| path.rsplit('/').next().unwrap().to_string();
    let mut reported = 0;
    for finding in findings(&root, "www.ruby-lang.org") {
        if finding["rule"] != "duplicate-title-across-posts" {
            continue;
        }
        reported += 1;
        let path = finding["path"].as_str().unwrap();
        let message = finding["message"].as_str().unwrap();
        for other in message.split('`').skip(1).step_by(2) {
            assert!(
                file_name(other) != file_name(path)
                    || other.replace("/ja/", "/en/") != path.replace("/ja/", "/en/"),
                "{path} and {other} are translations"
            );
        }
    }
    // Posts with one title in one language are still reported.
    assert!(reported > 0);
}
