//! What people read: every format gives a finding the same line and column
//! (characters), the human format's snippets fit a terminal, and
//! `--statistics` counts findings per rule.

use unicode_width::UnicodeWidthStr;

mod common;
use common::{copydesk, site};

/// Japanese, emoji, a tab and CRLF line ends, with findings on each kind of line.
const POST: &[u8] = "---\r\ntitle: \"絵文字🎉のテスト\"\r\n---\r\n\r\n絵文字🎉のテスト\r\n\r\n🎉🎉 市場は380億ドルに達した。\r\n\r\n市場の\t75%以上を占めた。\r\n".as_bytes();

fn output(dir: &std::path::Path, format: &str) -> String {
    let out = copydesk(dir)
        .args(["check", "--format", format, "_posts"])
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// (line, column) of each finding, in order, for one format.
fn positions(dir: &std::path::Path, format: &str) -> Vec<(u64, u64)> {
    let text = output(dir, format);
    let number = |s: &str| s.parse::<u64>().unwrap();
    let mut found: Vec<(u64, u64)> = match format {
        "json" => {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            json["diagnostics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|d| {
                    (
                        d["start"]["line"].as_u64().unwrap(),
                        d["start"]["column"].as_u64().unwrap(),
                    )
                })
                .collect()
        }
        "sarif" => {
            let json: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(json["runs"][0]["columnKind"], "unicodeCodePoints");
            json["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    let region = &r["locations"][0]["physicalLocation"]["region"];
                    (
                        region["startLine"].as_u64().unwrap(),
                        region["startColumn"].as_u64().unwrap(),
                    )
                })
                .collect()
        }
        "concise" => text
            .lines()
            .filter(|line| line.starts_with("_posts/"))
            .map(|line| {
                let parts: Vec<&str> = line.splitn(4, ':').collect();
                (number(parts[1]), number(parts[2]))
            })
            .collect(),
        "github" => text
            .lines()
            .filter_map(|line| {
                let line_at = line.find(",line=")? + 6;
                let rest = &line[line_at..];
                let line_number = &rest[..rest.find(',').unwrap()];
                let col_at = rest.find(",col=").unwrap() + 5;
                let rest = &rest[col_at..];
                Some((
                    number(line_number),
                    number(&rest[..rest.find(',').unwrap()]),
                ))
            })
            .collect(),
        "human" => text
            .lines()
            .filter_map(|line| {
                let start = line.find("[_posts/")? + 1;
                let end = line[start..].find(']')? + start;
                let parts: Vec<&str> = line[start..end].rsplitn(3, ':').collect();
                Some((number(parts[1]), number(parts[0])))
            })
            .collect(),
        _ => unreachable!(),
    };
    found.sort();
    found
}

#[test]
fn every_format_gives_the_same_line_and_character_column() {
    let dir = site(&[("_posts/2025-11-20-emoji.md", POST)]);
    let json = positions(dir.path(), "json");
    // The repeated title, 380億ドル after two emoji, 75%以上 after a tab.
    assert!(json.contains(&(5, 1)), "{json:?}");
    assert!(json.contains(&(7, 7)), "{json:?}");
    assert!(json.contains(&(9, 5)), "{json:?}");
    for format in ["human", "concise", "github", "sarif"] {
        assert_eq!(positions(dir.path(), format), json, "{format}");
    }
}

/// A 15,000-character paragraph on one line, a figure in its middle.
fn long_paragraph() -> String {
    format!(
        "---\ntitle: \"長い段落\"\n---\n\n{}市場は380億ドルに達した。{}\n",
        "これは長い段落の文です。".repeat(600),
        "続きの文がまだ続きます。".repeat(600)
    )
}

#[test]
fn a_snippet_of_a_long_japanese_line_fits_a_terminal_and_underlines_the_figure() {
    let dir = site(&[("_posts/2025-11-20-long.md", long_paragraph().as_bytes())]);
    let text = output(dir.path(), "human");
    let widest = text.lines().map(UnicodeWidthStr::width).max().unwrap();
    assert!(widest <= 100, "a line {widest} columns wide:\n{text}");
    assert!(text.len() < 2_000, "{} bytes:\n{text}", text.len());
    // The header gives the figure's character column, as JSON does.
    let column = "これは長い段落の文です。".chars().count() * 600 + "市場は".chars().count() + 1;
    assert!(
        text.contains(&format!("[_posts/2025-11-20-long.md:5:{column}]")),
        "{text}"
    );
    // The snippet line has the figure, cut with ellipses, and the underline
    // below it starts at the figure's display column.
    let lines: Vec<&str> = text.lines().collect();
    let at = lines
        .iter()
        .position(|line| line.contains("380億ドル") && line.contains('…'))
        .unwrap_or_else(|| panic!("{text}"));
    let snippet = lines[at];
    let underline = lines[at + 1];
    let figure_column = snippet[..snippet.find("380億ドル").unwrap()].width();
    let mark_column = underline[..underline.find(['^', '─', '┬']).unwrap()].width();
    assert_eq!(figure_column, mark_column, "\n{snippet}\n{underline}");
}

#[test]
fn statistics_count_findings_per_rule_most_first() {
    let dir = site(&[
        ("_posts/2025-11-20-emoji.md", POST),
        ("_posts/2025-11-21-long.md", long_paragraph().as_bytes()),
    ]);
    let json: serde_json::Value = serde_json::from_str(&output(dir.path(), "json")).unwrap();
    let mut expected: std::collections::BTreeMap<String, (u64, u64)> = Default::default();
    for diagnostic in json["diagnostics"].as_array().unwrap() {
        let entry = expected
            .entry(diagnostic["rule"].as_str().unwrap().to_string())
            .or_default();
        entry.0 += 1;
        entry.1 += u64::from(!diagnostic["fix"].is_null());
    }
    let stats = copydesk(dir.path())
        .args(["check", "--statistics", "--format", "json", "_posts"])
        .output()
        .unwrap();
    assert_eq!(stats.status.code(), Some(1));
    let stats: serde_json::Value = serde_json::from_slice(&stats.stdout).unwrap();
    let rows = stats["statistics"].as_array().unwrap();
    assert_eq!(rows.len(), expected.len());
    for row in rows {
        let (count, fixable) = expected[row["rule"].as_str().unwrap()];
        assert_eq!(row["count"], count, "{row}");
        assert_eq!(row["fixable"], fixable, "{row}");
    }
    assert!(rows
        .windows(2)
        .all(|pair| pair[0]["count"].as_u64() >= pair[1]["count"].as_u64()));
    for key in ["files", "errors", "warnings", "infos", "fixable"] {
        assert_eq!(stats["summary"][key], json["summary"][key], "{key}");
    }

    let text = copydesk(dir.path())
        .args(["check", "--statistics", "_posts"])
        .output()
        .unwrap();
    let text = String::from_utf8(text.stdout).unwrap();
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), expected.len() + 1, "{text}");
    assert!(
        lines.last().unwrap().starts_with("Checked 2 files"),
        "{text}"
    );
    assert!(
        lines[0]
            .trim_start()
            .starts_with(&rows[0]["count"].to_string()),
        "{text}"
    );
    // No findings are listed, only counts.
    assert!(!text.contains("380億ドル"), "{text}");

    let refused = copydesk(dir.path())
        .args(["check", "--statistics", "--format", "sarif", "_posts"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(2));
}
