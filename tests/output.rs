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

/// The language of messages: `--lang`, else the config's `language:`, else
/// the locale, else English. Rule names, positions and fingerprints stay.
#[test]
fn messages_follow_lang_then_config_then_locale() {
    let dir = site(&[("_posts/post.md", POST)]);
    let concise = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = copydesk(dir.path());
        for (key, value) in env {
            command.env(key, value);
        }
        let out = command
            .args(["check", "--format", "concise"])
            .args(args)
            .arg("_posts")
            .output()
            .unwrap();
        String::from_utf8(out.stdout).unwrap()
    };
    let english = concise(&[], &[]);
    assert!(
        english.contains("warning[unsupported-numeric-claim] `380億ドル` has no source"),
        "{english}"
    );
    assert!(
        english.ends_with("Checked 1 file: 1 error, 2 warnings, 0 infos (1 fixable).\n"),
        "{english}"
    );
    let japanese = concise(&["--lang", "ja"], &[]);
    assert!(
        japanese.contains("warning[unsupported-numeric-claim] `380億ドル` に出典がありません"),
        "{japanese}"
    );
    assert!(
        japanese.contains("error[duplicated-title] タイトルが本文でも繰り返されています"),
        "{japanese}"
    );
    assert!(
        japanese.ends_with(
            "ファイル 1 件を検査: エラー 1 件、警告 2 件、情報 0 件(うち修正可能 1 件)。\n"
        ),
        "{japanese}"
    );
    // The same findings at the same places, only the words differ.
    let places = |text: &str| -> Vec<String> {
        text.lines()
            .filter(|line| line.starts_with("_posts/"))
            .map(|line| line.split(' ').next().unwrap().to_string())
            .collect()
    };
    assert_eq!(places(&english), places(&japanese));
    assert_eq!(concise(&[], &[("LANG", "ja_JP.UTF-8")]), japanese);
    assert_eq!(
        concise(&[], &[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "C")]),
        english
    );
    // The config's `language:` is over the locale; `--lang` is over both.
    std::fs::write(dir.path().join(".copydesk.yml"), "language: ja\n").unwrap();
    assert_eq!(concise(&[], &[("LANG", "en_US.UTF-8")]), japanese);
    assert_eq!(concise(&["--lang", "en"], &[]), english);
    std::fs::write(dir.path().join(".copydesk.yml"), "language: en\n").unwrap();
    assert_eq!(concise(&[], &[("LANG", "ja_JP.UTF-8")]), english);
}

/// JSON and SARIF carry the message in the chosen language; the rule, its
/// SARIF metadata's id and the fingerprints are the same in both.
#[test]
fn json_and_sarif_in_japanese_keep_rules_and_fingerprints() {
    let dir = site(&[("_posts/post.md", POST)]);
    let report = |format: &str, lang: &str| -> serde_json::Value {
        let out = copydesk(dir.path())
            .args(["check", "--format", format, "--lang", lang, "_posts"])
            .output()
            .unwrap();
        serde_json::from_slice(&out.stdout).unwrap()
    };
    let (english, japanese) = (report("json", "en"), report("json", "ja"));
    let strip = |json: &serde_json::Value| -> Vec<serde_json::Value> {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                let mut d = d.clone();
                for key in ["message", "help", "fix"] {
                    d.as_object_mut().unwrap().remove(key);
                }
                d
            })
            .collect()
    };
    assert_eq!(strip(&english), strip(&japanese));
    let title = |json: &serde_json::Value| {
        json["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["rule"] == "duplicated-title")
            .unwrap()
            .clone()
    };
    assert_eq!(
        title(&english)["message"],
        "the title is repeated in the body"
    );
    assert_eq!(
        title(&japanese)["message"],
        "タイトルが本文でも繰り返されています"
    );
    assert_eq!(
        title(&japanese)["fix"]["title"],
        "繰り返したタイトルを削除する"
    );

    let (english, japanese) = (report("sarif", "en"), report("sarif", "ja"));
    let results = |json: &serde_json::Value| json["runs"][0]["results"].as_array().unwrap().clone();
    for (en, ja) in results(&english).iter().zip(&results(&japanese)) {
        assert_eq!(en["ruleId"], ja["ruleId"]);
        assert_eq!(en["partialFingerprints"], ja["partialFingerprints"]);
        assert_eq!(en["locations"], ja["locations"]);
    }
    assert!(results(&japanese)
        .iter()
        .any(|r| r["message"]["text"] == "タイトルが本文でも繰り返されています"));
    let rules = &japanese["runs"][0]["tool"]["driver"]["rules"];
    let rule = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "duplicated-title")
        .unwrap();
    assert_eq!(
        rule["shortDescription"]["text"],
        "フロントマターのタイトルが本文でも繰り返されている"
    );
    assert!(rule["help"]["text"]
        .as_str()
        .unwrap()
        .contains("## 何をするか"));
}

/// A baseline written in English holds every finding in Japanese, and the
/// other way round: entries are keyed by rule, path and text, not message.
#[test]
fn a_baseline_written_in_one_language_holds_in_the_other() {
    for (written, read) in [("en", "ja"), ("ja", "en")] {
        let dir = site(&[("_posts/post.md", POST)]);
        let wrote = copydesk(dir.path())
            .args(["check", "--lang", written, "--write-baseline", "_posts"])
            .output()
            .unwrap();
        assert_eq!(wrote.status.code(), Some(0), "{wrote:?}");
        let out = copydesk(dir.path())
            .args(["check", "--lang", read, "--format", "json", "_posts"])
            .output()
            .unwrap();
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(out.status.code(), Some(0), "{json}");
        assert_eq!(json["diagnostics"].as_array().unwrap().len(), 0, "{json}");
        assert_eq!(
            json["summary"]["baselined"], 3,
            "{written} → {read}: {json}"
        );
        assert_eq!(
            json["summary"]["stale_baseline"], 0,
            "{written} → {read}: {json}"
        );
    }
}

/// Japanese `--statistics` lines fit the terminal by display width, as the
/// English ones do (a CJK character takes two columns).
#[test]
fn japanese_statistics_fit_100_columns() {
    let dir = site(&[("_posts/post.md", POST)]);
    let out = copydesk(dir.path())
        .args(["check", "--statistics", "--lang", "ja", "_posts"])
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    // The summary is cut with `…` where the 100th column would be passed.
    assert!(
        text.contains("  読者が出典を求める数字に出典がない\n"),
        "{text}"
    );
    assert!(
        text.contains("[*] すべて修正可能  フロントマターのタイトルが本文でも繰り返され"),
        "{text}"
    );
    assert!(
        text.lines()
            .any(|line| line.ends_with('…') && line.width() >= 99),
        "{text}"
    );
    for line in text.lines() {
        assert!(line.width() <= 100, "{} columns: {line}", line.width());
    }
}

/// What the command line itself says (errors, what it wrote) follows the
/// language too.
#[test]
fn the_command_lines_own_messages_are_in_the_chosen_language() {
    let dir = site(&[("_posts/post.md", POST)]);
    let unknown = |lang: &str| {
        let out = copydesk(dir.path())
            .args(["explain", "duplicated-titel", "--lang", lang])
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2));
        String::from_utf8(out.stderr).unwrap()
    };
    assert_eq!(
        unknown("en"),
        "copydesk: unknown rule `duplicated-titel`; did you mean `duplicated-title`?\n"
    );
    assert_eq!(
        unknown("ja"),
        "copydesk: ルール `duplicated-titel` はありません。`duplicated-title` のことですか？\n"
    );
    let wrote = copydesk(dir.path())
        .args(["report", "-o", "report.html", "--lang", "ja", "_posts"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8(wrote.stderr).unwrap(),
        "copydesk: 記事 1 件についてのレポートを report.html に書き込みました\n"
    );
}
