//! End-to-end tests on the built `copydesk` binary: formats, exit codes,
//! positions, walking and config discovery.

use std::path::Path;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{copydesk, example_post, site};

fn json_report(dir: &Path, args: &[&str]) -> (Value, i32) {
    let output = copydesk(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let report: Value = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&output.stdout)));
    (report, output.status.code().unwrap())
}

fn rules_of(report: &Value) -> Vec<String> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["rule"].as_str().unwrap().to_string())
        .collect()
}

const REPEATED_TITLE: &str = "---\ntitle: \"Same title\"\n---\n\nSame title\n\nBody text.\n";
const CLEAN: &str = "---\ntitle: \"Clean\"\n---\n\nBody text.\n";

/// The post the product was designed from, kept in `shared/` beside the repo.
/// CI always has it, so there the test fails rather than skips.
#[test]
fn the_example_post_reports_its_repeated_title_exactly() {
    let Some(example) = example_post() else {
        return;
    };
    let dir = site(&[("2025-11-20-openai-aws-contract.md", &example)]);
    let (report, code) = json_report(dir.path(), &["2025-11-20-openai-aws-contract.md"]);
    assert_eq!(code, 1);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let title = diagnostics
        .iter()
        .find(|d| d["rule"] == "duplicated-title")
        .expect("duplicated-title");
    assert_eq!(
        title["start"],
        serde_json::json!({"line": 12, "column": 1, "offset": 410})
    );
    assert_eq!(
        title["end"],
        serde_json::json!({"line": 12, "column": 30, "offset": 473})
    );
    assert!(!rules_of(&report).contains(&"required-field".to_string()));
}

#[test]
fn exit_codes_follow_ruff_and_eslint() {
    let dir = site(&[
        ("clean.md", CLEAN.as_bytes()),
        ("bad.md", REPEATED_TITLE.as_bytes()),
    ]);
    copydesk(dir.path())
        .args(["check", "clean.md"])
        .assert()
        .code(0);
    copydesk(dir.path())
        .args(["check", "bad.md"])
        .assert()
        .code(1);
    copydesk(dir.path())
        .args(["check", "missing.md"])
        .assert()
        .code(2);
    // A warning passes, unless there are more than --max-warnings.
    let warn = site(&[
        (".copydesk.yml", b"rules:\n  duplicated-title: warning\n"),
        ("bad.md", REPEATED_TITLE.as_bytes()),
    ]);
    copydesk(warn.path())
        .args(["check", "bad.md"])
        .assert()
        .code(0);
    copydesk(warn.path())
        .args(["check", "--max-warnings", "1", "bad.md"])
        .assert()
        .code(0);
    copydesk(warn.path())
        .args(["check", "--max-warnings", "0", "bad.md"])
        .assert()
        .code(1);
    // Usage trouble is 2.
    copydesk(dir.path())
        .args(["check", "--format", "xml"])
        .assert()
        .code(2);
}

#[test]
fn a_missing_path_is_reported_and_the_rest_still_linted() {
    let dir = site(&[("bad.md", REPEATED_TITLE.as_bytes())]);
    let (report, code) = json_report(dir.path(), &["nope.md", "bad.md"]);
    assert_eq!(code, 2);
    assert_eq!(rules_of(&report), ["duplicated-title"]);
    assert_eq!(report["failures"][0]["path"], "nope.md");
}

#[test]
fn bad_config_names_its_file_and_line() {
    let dir = site(&[
        (
            ".copydesk.yml",
            b"rules:\n  duplicated-title: error\n  no-such-rule: warning\n",
        ),
        ("a.md", CLEAN.as_bytes()),
    ]);
    let assert = copydesk(dir.path()).args(["check", "."]).assert().code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains(".copydesk.yml: line 3, column 3"),
        "{stderr}"
    );
    assert!(stderr.contains("no-such-rule"), "{stderr}");
}

#[test]
fn the_nearest_config_applies_and_config_flag_overrides_it() {
    let dir = site(&[
        (
            "blog/.copydesk.yml",
            b"rules:\n  required-field:\n    fields: [title, author]\n",
        ),
        ("blog/post.md", CLEAN.as_bytes()),
        ("other/post.md", CLEAN.as_bytes()),
        (
            "strict.yml",
            b"rules:\n  required-field:\n    fields: [title, date]\n",
        ),
    ]);
    let (report, _) = json_report(dir.path(), &["."]);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "required-field")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(messages, ["required field `author` is missing"]);
    assert_eq!(report["diagnostics"][0]["path"], "blog/post.md");
    let (report, _) = json_report(dir.path(), &["--config", "strict.yml", "."]);
    let missing_dates = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "required-field")
        .count();
    assert_eq!(missing_dates, 2);
}

#[test]
fn walking_respects_gitignore_excludes_and_sorts_but_named_files_are_always_linted() {
    let dir = site(&[
        (".gitignore", b"ignored/\n"),
        ("ignored/bad.md", REPEATED_TITLE.as_bytes()),
        ("README.md", b"# Not a post\n"),
        ("b/bad.md", REPEATED_TITLE.as_bytes()),
        ("a/bad.md", REPEATED_TITLE.as_bytes()),
        ("notes.txt", REPEATED_TITLE.as_bytes()),
    ]);
    let (report, _) = json_report(dir.path(), &["."]);
    let paths: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "duplicated-title")
        .map(|d| d["path"].as_str().unwrap())
        .collect();
    assert_eq!(paths, ["a/bad.md", "b/bad.md"]);
    assert_eq!(report["summary"]["files"], 2);
    let (report, _) = json_report(dir.path(), &["ignored/bad.md", "README.md", "notes.txt"]);
    assert_eq!(report["summary"]["files"], 3);
    // Sorted by path bytes: README.md, ignored/bad.md, notes.txt; the last
    // two share a title, which the site pass reports on each.
    assert_eq!(
        rules_of(&report),
        [
            "front-matter-syntax",
            "duplicate-title-across-posts",
            "duplicated-title",
            "duplicate-title-across-posts",
            "duplicated-title"
        ]
    );
}

#[test]
fn positions_count_characters_with_japanese_emoji_crlf_and_bom() {
    let text = "\u{feff}---\r\ntitle: \"旅😀と本\"\r\ntags: [\"a\"]\r\n---\r\n\r\n旅😀と本\r\n";
    let dir = site(&[("post.md", text.as_bytes())]);
    let (report, _) = json_report(dir.path(), &["post.md"]);
    let diagnostic = &report["diagnostics"][0];
    let offset = text.find("\r\n旅").unwrap() + 2;
    assert_eq!(
        diagnostic["start"],
        serde_json::json!({"line": 6, "column": 1, "offset": offset})
    );
    // 旅 😀 と 本 are four characters, whatever their bytes or UTF-16 units.
    let end = offset + "旅😀と本".len();
    assert_eq!(
        diagnostic["end"],
        serde_json::json!({"line": 6, "column": 5, "offset": end})
    );
    assert_eq!(&text.as_bytes()[offset..end], "旅😀と本".as_bytes());
}

#[test]
fn bad_bytes_get_a_diagnostic_at_the_offending_byte_and_the_rest_is_linted() {
    let dir = site(&[
        ("a-latin1.md", b"---\ntitle: caf\xe9\n---\n"),
        ("b-utf16.md", b"\xff\xfe-\x00-\x00-\x00"),
        ("c-binary.md", b"abc\0def"),
        ("d-bad.md", REPEATED_TITLE.as_bytes()),
    ]);
    let (report, code) = json_report(dir.path(), &["."]);
    assert_eq!(code, 1);
    let diagnostics = report["diagnostics"].as_array().unwrap();
    let summary: Vec<(String, String, u64)> = diagnostics
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
                d["start"]["offset"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            (
                "a-latin1.md".to_string(),
                "invalid-encoding".to_string(),
                14
            ),
            ("b-utf16.md".to_string(), "invalid-encoding".to_string(), 0),
            ("c-binary.md".to_string(), "invalid-encoding".to_string(), 3),
            ("d-bad.md".to_string(), "duplicated-title".to_string(), 29),
        ]
    );
    assert!(diagnostics[0]["message"]
        .as_str()
        .unwrap()
        .contains("byte 14"));
}

#[test]
fn front_matter_shapes_end_to_end() {
    let dir = site(&[
        (
            "toml.md",
            b"+++\ntitle = \"T\"\ntags = [\"a\"]\n+++\n\n# T\n",
        ),
        ("duplicate.md", b"---\ntitle: A\ntitle: B\n---\nB\n"),
        (
            "one-line.md",
            b"--- layout: post title: Squashed ---\nBody\n",
        ),
        ("unterminated.md", b"---\ntitle: Open\nBody\n"),
        ("none.md", b"Just text.\n"),
    ]);
    let output = copydesk(dir.path())
        .args(["check", "--format", "concise", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!(
        "front_matter_shapes_concise",
        String::from_utf8_lossy(&output.stdout)
    );
}

#[test]
fn human_format_shows_the_snippet_and_aligns_japanese() {
    let dir = site(&[(
        "post.md",
        "---\ntitle: \"日本語のタイトル\"\n---\n\n日本語のタイトル\n\n本文。\n".as_bytes(),
    )]);
    let output = copydesk(dir.path())
        .args(["check", "post.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    insta::assert_snapshot!("human_japanese", String::from_utf8_lossy(&output.stdout));
}

#[test]
fn color_follows_the_flag_and_no_color() {
    let dir = site(&[("bad.md", REPEATED_TITLE.as_bytes())]);
    let colored = copydesk(dir.path())
        .args(["check", "--color", "always", "bad.md"])
        .output()
        .unwrap();
    assert!(
        colored.stdout.contains(&0x1b),
        "--color always emits ANSI escapes"
    );
    let plain = copydesk(dir.path())
        .args(["check", "bad.md"])
        .output()
        .unwrap();
    assert!(
        !plain.stdout.contains(&0x1b),
        "NO_COLOR and a pipe give plain text"
    );
}

#[test]
fn json_format_is_documented_shape() {
    let dir = site(&[("bad.md", REPEATED_TITLE.as_bytes())]);
    let (report, _) = json_report(dir.path(), &["bad.md"]);
    insta::assert_json_snapshot!("json_shape", report);
}

#[test]
fn quiet_shows_only_errors() {
    let dir = site(&[(
        "bad.md",
        b"---\ntitle: T\n---\n<!-- copydesk-disable-next-line required-field -->\nText\n",
    )]);
    let (report, code) = json_report(dir.path(), &["bad.md"]);
    assert_eq!(rules_of(&report), ["unused-suppression"]);
    assert_eq!(code, 0);
    let (report, _) = json_report(dir.path(), &["--quiet", "bad.md"]);
    assert!(rules_of(&report).is_empty());
}

#[test]
fn rules_and_explain() {
    let dir = TempDir::new().unwrap();
    let output = copydesk(dir.path()).arg("rules").output().unwrap();
    let listing = String::from_utf8_lossy(&output.stdout);
    assert!(listing
        .lines()
        .any(|line| line.starts_with("duplicated-title")
            && line.contains("error")
            && line.contains("yes")));
    let output = copydesk(dir.path())
        .args(["explain", "duplicated-title"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&output.stdout).starts_with("# duplicated-title\n"));
    let assert = copydesk(dir.path())
        .args(["explain", "duplicated-titel"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(
        stderr.contains("did you mean `duplicated-title`?"),
        "{stderr}"
    );
}

#[test]
fn explain_speaks_the_language_asked_for_or_the_locales() {
    let dir = TempDir::new().unwrap();
    let page = |args: &[&str], env: &[(&str, &str)]| {
        let mut command = copydesk(dir.path());
        command
            .env_remove("LC_ALL")
            .env_remove("LC_MESSAGES")
            .env_remove("LANG");
        for (key, value) in env {
            command.env(key, value);
        }
        let output = command.args(args).output().unwrap();
        assert!(output.status.success());
        String::from_utf8(output.stdout).unwrap()
    };
    let english = page(&["explain", "duplicated-title"], &[]);
    assert!(english.contains("## What it does"), "{english}");
    let japanese = page(&["explain", "duplicated-title", "--lang", "ja"], &[]);
    assert!(japanese.starts_with("# duplicated-title\n"));
    assert!(japanese.contains("## 何をするか"), "{japanese}");
    assert_eq!(
        page(&["explain", "duplicated-title"], &[("LANG", "ja_JP.UTF-8")]),
        japanese
    );
    // LC_ALL outranks LANG, and --lang outranks both.
    assert_eq!(
        page(
            &["explain", "duplicated-title"],
            &[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "C")]
        ),
        english
    );
    assert_eq!(
        page(
            &["explain", "duplicated-title", "--lang", "en"],
            &[("LANG", "ja_JP.UTF-8")]
        ),
        english
    );
}

#[test]
fn the_readme_example_site_runs_with_no_config() {
    let site = Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/site");
    let (report, code) = json_report(&site, &["."]);
    assert_eq!(code, 1);
    let mut rules = rules_of(&report);
    rules.dedup();
    assert!(rules.contains(&"duplicated-title".to_string()), "{rules:?}");
    assert!(rules.contains(&"required-field".to_string()), "{rules:?}");
}

#[test]
fn vocab_writes_a_starter_vocabulary_that_the_rule_then_reads() {
    let dir = site(&[
        (
            "_posts/a.md",
            b"---\ntitle: A\ntags: [openSUSE, KDE]\n---\nText\n",
        ),
        (
            "_posts/b.md",
            b"---\ntitle: B\ntags: [opensuse, kde, KDE]\n---\nText\n",
        ),
        (
            "_posts/c.md",
            b"---\ntitle: C\ntags: openSUSE Rust\n---\nText\n",
        ),
    ]);
    let output = copydesk(dir.path())
        .args(["vocab", "_posts"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(0));
    let yaml = String::from_utf8_lossy(&output.stdout).to_string();
    insta::assert_snapshot!("vocab_starter", yaml);
    std::fs::write(dir.path().join("tags.vocab.yml"), &yaml).unwrap();
    std::fs::write(
        dir.path().join(".copydesk.yml"),
        "rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: tags.vocab.yml\n",
    )
    .unwrap();
    let (report, _) = json_report(dir.path(), &["_posts/b.md"]);
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "tag-vocabulary")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`opensuse` is written `openSUSE` in the tags vocabulary",
            "`kde` is written `KDE` in the tags vocabulary",
            "`KDE` repeats `kde` in `tags`",
        ]
    );
}

#[test]
fn config_files_may_not_name_files_outside_their_folder() {
    let dir = site(&[
        ("secret.yml", b"- leaked\n"),
        (
            "site/.copydesk.yml",
            b"rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: ../secret.yml\n",
        ),
        ("site/a.md", CLEAN.as_bytes()),
    ]);
    let assert = copydesk(&dir.path().join("site"))
        .args(["check", "."])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("../secret.yml: refused"), "{stderr}");
}

#[test]
fn the_example_post_reading_time_estimate_is_two_to_four_minutes() {
    let Some(example) = example_post() else {
        return;
    };
    let dir = site(&[("post.md", &example)]);
    let (report, _) = json_report(dir.path(), &["post.md"]);
    let reading = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["rule"] == "reading-time")
        .expect("a reading-time warning");
    assert_eq!(reading["severity"], "warning");
    let replacement: u32 = reading["fix"]["edits"][0]["replacement"]
        .as_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((2..=4).contains(&replacement), "estimate {replacement}");
    assert!(reading["message"].as_str().unwrap().starts_with(&format!(
        "declares 8 min; the body reads in about {replacement} min"
    )));
}

#[test]
fn site_wide_checks_are_the_same_on_any_number_of_threads() {
    let mut files: Vec<(String, Vec<u8>)> = Vec::new();
    for at in 0..40 {
        let title = if at % 7 == 0 {
            "Weekly News".to_string()
        } else {
            format!("Post number {at}")
        };
        let excerpt = if at % 5 == 0 {
            "Read on to find out more."
        } else {
            "A summary of its own."
        };
        let excerpt = if excerpt.starts_with('A') {
            format!("{excerpt} {at}")
        } else {
            excerpt.to_string()
        };
        files.push((
            format!("_posts/2025-01-{:02}-post-{at}.md", at % 28 + 1),
            format!("---\ntitle: \"{title}\"\nexcerpt: \"{excerpt}\"\n---\nBody {at}.\n")
                .into_bytes(),
        ));
    }
    let borrowed: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(p, b)| (p.as_str(), b.as_slice()))
        .collect();
    let dir = site(&borrowed);
    let run = |threads: &str| {
        copydesk(dir.path())
            .args(["check", "--format", "concise", "--threads", threads, "."])
            .output()
            .unwrap()
            .stdout
    };
    let one = run("1");
    assert_eq!(one, run("4"));
    let text = String::from_utf8_lossy(&one).to_string();
    assert_eq!(
        text.matches("[duplicate-title-across-posts]").count(),
        6,
        "{text}"
    );
    // Eight posts share one excerpt; 28 fill in one template with their
    // title's number (the four titled "Weekly News" do not repeat it).
    assert_eq!(text.matches("share this excerpt").count(), 8, "{text}");
    assert_eq!(
        text.matches("28 posts fill in one template: `A summary of its own. 〇〇`")
            .count(),
        28,
        "{text}"
    );
    insta::assert_snapshot!("site_wide_concise", text);
}

#[test]
fn packs_from_config_with_severities_and_their_errors() {
    let pack = "name: house\nrules:\n  - id: click-here\n    kind: existence\n    message: \"vague link text `{match}`\"\n    literals: [click here]\n";
    let dir = site(&[
        (".copydesk.yml", b"packs: [generator-leftovers, ja-style, house.yml]\npack-rules:\n  house/click-here: error\n"),
        ("house.yml", pack.as_bytes()),
        ("post.md", "---\ntitle: T\n---\nClick here for more.\n\n---END---\n\nＡＷＳの話です。\n".as_bytes()),
    ]);
    let (report, code) = json_report(dir.path(), &["post.md"]);
    assert_eq!(code, 1);
    let found: Vec<(String, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["rule"].as_str().unwrap().to_string(),
                d["severity"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            ("house/click-here".to_string(), "error".to_string()),
            (
                "generator-leftovers/pipeline-marker".to_string(),
                "error".to_string()
            ),
            (
                "ja-style/full-width-alphanumeric".to_string(),
                "warning".to_string()
            ),
        ]
    );
    std::fs::write(
        dir.path().join("house.yml"),
        pack.replace("literals: [click here]", "patterns: ['(click']"),
    )
    .unwrap();
    let assert = copydesk(dir.path())
        .args(["check", "post.md"])
        .assert()
        .code(2);
    let stderr = String::from_utf8_lossy(&assert.get_output().stderr).to_string();
    assert!(stderr.contains("pack house.yml: line 6"), "{stderr}");
    assert!(stderr.contains("invalid regex"), "{stderr}");
}

#[test]
fn the_example_post_flags_its_unsourced_figures_and_no_dates_or_model_names() {
    let Some(example) = example_post() else {
        return;
    };
    let dir = site(&[("post.md", &example)]);
    let (report, _) = json_report(dir.path(), &["post.md"]);
    let flagged: Vec<(u64, String)> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unsupported-numeric-claim")
        .map(|d| {
            let (start, end) = (
                d["start"]["offset"].as_u64().unwrap() as usize,
                d["end"]["offset"].as_u64().unwrap() as usize,
            );
            (
                d["start"]["line"].as_u64().unwrap(),
                String::from_utf8(example[start..end].to_vec()).unwrap(),
            )
        })
        .collect();
    let figures: Vec<&str> = flagged.iter().map(|(_, figure)| figure.as_str()).collect();
    for wanted in ["380億ドル", "75%以上", "数百万人規模", "数千万"] {
        assert!(
            figures.contains(&wanted),
            "{wanted} not flagged: {flagged:?}"
        );
    }
    // Its first mention in the body is the repeated title on line 12.
    assert_eq!(flagged[0], (12, "380億ドル".to_string()));
    for never in ["2026", "2027", "GB200", "GB300", "7年", "20年"] {
        assert!(
            !figures.iter().any(|figure| figure.contains(never)),
            "{never} flagged: {flagged:?}"
        );
    }
}

/// `copydesk rules | head -1`: a reader that goes away ends the output
/// quietly, with no panic, for every command that prints to standard output.
#[test]
fn a_closed_pipe_ends_the_output_quietly() {
    for args in [
        &["rules"][..],
        &["explain", "ja-style/mixed-politeness"],
        &["explain", "duplicated-title"],
        &["schema"],
        &["completions", "bash"],
    ] {
        let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_copydesk"))
            .args(args)
            .stdout(std::process::Stdio::piped())
            .stderr(std::process::Stdio::piped())
            .spawn()
            .unwrap();
        // The reader goes before the first write.
        drop(child.stdout.take());
        let output = child.wait_with_output().unwrap();
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert!(!stderr.contains("panicked"), "{args:?}: {stderr}");
        assert_ne!(output.status.code(), Some(101), "{args:?}");
    }
}

/// A figure mentioned three times is one finding, at its first mention, with
/// the other two as related locations, in every format.
#[test]
fn a_repeated_figure_is_one_finding_with_related_locations() {
    let post = "---\ntitle: Figures\n---\n市場は75%以上を占める。\n\n## 次\n\nその７５％以上という数字。\n\nAgain 75%以上.\n";
    let dir = site(&[("post.md", post.as_bytes())]);
    let (report, _) = json_report(dir.path(), &["post.md"]);
    let claims: Vec<&Value> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["rule"] == "unsupported-numeric-claim")
        .collect();
    assert_eq!(claims.len(), 1, "{claims:?}");
    assert_eq!(claims[0]["start"]["line"], 4);
    let related: Vec<(u64, u64)> = claims[0]["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                r["start"]["line"].as_u64().unwrap(),
                r["start"]["column"].as_u64().unwrap(),
            )
        })
        .collect();
    assert_eq!(related, [(8, 3), (10, 7)]);
    let human = copydesk(dir.path())
        .args(["check", "--format", "human", "post.md"])
        .output()
        .unwrap();
    let human = String::from_utf8_lossy(&human.stdout);
    assert!(human.contains("also at lines 8, 10"), "{human}");
    let concise = copydesk(dir.path())
        .args(["check", "--format", "concise", "post.md"])
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&concise.stdout)
            .matches("unsupported-numeric-claim")
            .count(),
        1
    );
}

/// The baseline remembers a figure by its first mention: adding or removing
/// a later mention changes nothing.
#[test]
fn a_baseline_holds_a_figure_whatever_its_repeats() {
    let post = |repeats: usize| {
        let mut text = String::from("---\ntitle: Figures\n---\n市場は380億ドルに達した。\n");
        for _ in 0..repeats {
            text.push_str("\nその380億ドルは大きい。\n");
        }
        text
    };
    let dir = site(&[("post.md", post(1).as_bytes())]);
    let status = copydesk(dir.path())
        .args(["check", "--write-baseline", "post.md"])
        .output()
        .unwrap();
    assert_eq!(status.status.code(), Some(0));
    for repeats in [0, 1, 3] {
        std::fs::write(dir.path().join("post.md"), post(repeats)).unwrap();
        let (report, code) = json_report(dir.path(), &["post.md"]);
        assert_eq!(code, 0, "{repeats} repeats: {report}");
        assert_eq!(report["summary"]["baselined"], 1, "{repeats} repeats");
        assert_eq!(report["summary"]["stale_baseline"], 0, "{repeats} repeats");
    }
}

/// `report` and `vocab` name a post they cannot read, as `check` does, and
/// say so in their exit code; the other posts still make the output.
#[test]
fn report_and_vocab_name_posts_they_cannot_read() {
    let dir = site(&[
        (
            "_posts/good.md",
            b"---\ntitle: Good\ntags: [a]\n---\nText.\n",
        ),
        (
            "_posts/also.md",
            b"---\ntitle: Also\ntags: [a]\n---\nText.\n",
        ),
        ("_posts/latin1.md", b"---\ntitle: caf\xe9\n---\n"),
    ]);
    // Each names the post, exits 2, and returns what it printed.
    let run = |args: &[&str]| {
        let out = copydesk(dir.path()).args(args).output().unwrap();
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(2), "{args:?}: {stderr}");
        assert!(
            stderr.contains("copydesk: _posts/latin1.md: error: invalid UTF-8 at byte 14"),
            "{args:?}: {stderr}"
        );
        (String::from_utf8_lossy(&out.stdout).into_owned(), stderr)
    };
    let (_, stderr) = run(&["report", "-o", "report.html", "_posts"]);
    assert!(stderr.contains("about 2 posts"), "{stderr}");
    assert!(dir.path().join("report.html").is_file());
    let (yaml, _) = run(&["vocab", "_posts"]);
    assert!(yaml.contains("- a") || yaml.contains("name: a"), "{yaml}");
}
