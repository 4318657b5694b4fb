//! `copydesk report` rendered in headless Chromium: the page has its scatter
//! and tables, with the counts the JSON report gives, read from the DOM.

use std::path::Path;
use std::process::Command;

use tempfile::TempDir;

mod common;
use common::{copydesk, missing};

fn chromium() -> Option<&'static str> {
    ["chromium", "chromium-browser", "google-chrome"]
        .into_iter()
        .find(|program| {
            Command::new(program)
                .arg("--version")
                .output()
                .is_ok_and(|output| output.status.success())
        })
}

/// Headless flags for a closed network: no background requests, no sandbox as root.
fn headless(program: &str, profile: &Path) -> Command {
    let mut command = Command::new(program);
    command.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--hide-scrollbars",
    ]);
    command.arg(format!("--user-data-dir={}", profile.display()));
    command
}

fn post(title: &str, reading_time: u32, excerpt: &str, tags: &str, body: &str) -> String {
    format!("---\ntitle: \"{title}\"\nreading_time: {reading_time}\nexcerpt: \"{excerpt}\"\ntags: [{tags}]\n---\n\n{body}\n")
}

#[test]
fn the_report_has_its_scatter_and_tables_with_the_right_counts() {
    let Some(program) = chromium() else {
        missing("Chromium");
        return;
    };
    let dir = TempDir::new().unwrap();
    let posts = dir.path().join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    let long = "本文です。".repeat(400);
    let files = [
        (
            "2025-01-05-a.md",
            post(
                "同じ題AB",
                8,
                "続きを読む",
                "\"AI\", \"ai\"",
                &format!("同じ題AB\n\n{long}"),
            ),
        ),
        (
            "2025-01-20-b.md",
            // The same title once normalized (NFKC): one group with the first.
            post(
                "同じ題ＡＢ",
                1,
                "続きを読む",
                "\"AI\"",
                "短い本文。売上は約3割増えた。",
            ),
        ),
        (
            "2025-02-03-c.md",
            post("Third post", 2, "続きを読む", "\"Rust\"", "A short body."),
        ),
        (
            "2025-02-14-d.md",
            post(
                "Fourth post",
                8,
                "Its own summary",
                "\"Rust\", \"rust\"",
                "Another short body, 40% bigger.",
            ),
        ),
        (
            "2025-03-01-e.md",
            post(
                "Fifth \\a post",
                30,
                "Another summary",
                "\"Jekyll\"",
                "Fine.",
            ),
        ),
    ];
    for (name, text) in &files {
        std::fs::write(posts.join(name), text).unwrap();
    }
    // A path that would be a script URL if linked as it is.
    std::fs::write(
        dir.path().join("javascript:alert(1).md"),
        post(
            "Script",
            1,
            "A summary of its own",
            "\"Rust\"",
            "Script\n\nBody.",
        ),
    )
    .unwrap();
    let binary = env!("CARGO_BIN_EXE_copydesk");
    let status = Command::new(binary)
        .args([
            "report",
            "-o",
            "report.html",
            "_posts",
            "javascript:alert(1).md",
        ])
        .current_dir(dir.path())
        .status()
        .unwrap();
    assert!(status.success());
    let html = std::fs::read_to_string(dir.path().join("report.html")).unwrap();
    assert!(
        !html.contains("<script"),
        "the page must read without JavaScript"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "nothing is fetched at view time"
    );

    // The counts the report must show, from the JSON report of the same files.
    let json = Command::new(binary)
        .args([
            "check",
            "--format",
            "json",
            "_posts",
            "javascript:alert(1).md",
        ])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let report: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let mut by_rule: std::collections::BTreeMap<String, usize> = std::collections::BTreeMap::new();
    for diagnostic in report["diagnostics"].as_array().unwrap() {
        *by_rule
            .entry(diagnostic["rule"].as_str().unwrap().to_string())
            .or_default() += 1;
    }

    let profile = dir.path().join("profile");
    let page = format!("file://{}", dir.path().join("report.html").display());
    let dom = headless(program, &profile)
        .arg("--dump-dom")
        .arg(&page)
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout).to_string();
    assert!(
        dom.contains("<svg id=\"reading-time-scatter\""),
        "no scatter in the DOM"
    );
    let scatter = &dom[dom.find("id=\"reading-time-scatter\"").unwrap()..];
    let scatter = &scatter[..scatter.find("</svg>").unwrap()];
    assert_eq!(scatter.matches("<circle").count(), 6, "one dot a post");
    // Both axes have round ticks with their values, from 0.
    for axis in ["x-tick", "y-tick"] {
        let ticks: Vec<f64> = scatter
            .split(&format!("class=\"{axis}\""))
            .skip(1)
            .map(|rest| {
                let value = &rest[rest.find('>').unwrap() + 1..rest.find("</text>").unwrap()];
                value.parse().unwrap()
            })
            .collect();
        assert!(ticks.len() >= 3, "{axis}: {ticks:?}");
        assert_eq!(ticks[0], 0.0);
        assert!(ticks.windows(2).all(|pair| pair[1] > pair[0]), "{ticks:?}");
    }
    assert!(scatter.contains(">estimated minutes<") && scatter.contains(">declared minutes<"));
    assert_eq!(
        scatter.matches("class=\"band\"").count(),
        1,
        "the plausible band is drawn"
    );
    let table = |id: &str| {
        let start = dom
            .find(&format!("id=\"{id}\""))
            .unwrap_or_else(|| panic!("no table {id}"));
        let rest = &dom[start..];
        rest[..rest.find("</table>").unwrap()].to_string()
    };
    let rules = table("findings-by-rule");
    assert_eq!(rules.matches("<tr>").count() - 1, by_rule.len(), "{rules}");
    for (rule, count) in &by_rule {
        assert!(
            rules.contains(&format!(
                "<code>{rule}</code></td><td class=\"n\">{count}</td>"
            )),
            "{rule} {count}: {rules}"
        );
    }
    assert!(dom.contains("<b id=\"post-count\">6</b>"));
    let total: usize = by_rule.values().sum();
    assert!(dom.contains(&format!("<b id=\"finding-count\">{total}</b>")));
    // One row per group, listing every post of it (the header is a row too).
    let titles = table("duplicate-titles");
    assert_eq!(
        titles.matches("<tr>").count() - 1,
        1,
        "one title shared: {titles}"
    );
    assert!(
        titles.contains("<td class=\"n\">2</td>")
            && titles.contains("href=\"./_posts/2025-01-05-a.md\"")
            && titles.contains("href=\"./_posts/2025-01-20-b.md\""),
        "{titles}"
    );
    let excerpts = table("boilerplate-excerpts");
    assert_eq!(
        excerpts.matches("<tr>").count() - 1,
        1,
        "one excerpt on three posts: {excerpts}"
    );
    assert!(excerpts.contains("<td class=\"n\">3</td>"), "{excerpts}");
    assert_eq!(excerpts.matches("<a href=").count(), 3, "{excerpts}");
    let top = table("top-posts");
    assert!(
        top.contains("href=\"./_posts/2025-01-05-a.md\""),
        "posts link to their paths: {top}"
    );
    // No path becomes a URL scheme, and a damaged title shows as damaged.
    assert!(
        top.contains("href=\"./javascript%3Aalert%281%29.md\""),
        "{top}"
    );
    assert!(!dom.contains("href=\"javascript:"));
    assert!(
        dom.contains("Fifth \\u{7} post</code> <span class=\"flag\">broken characters</span>"),
        "{}",
        dom[dom.find("Fifth").unwrap_or(0)..]
            .chars()
            .take(200)
            .collect::<String>()
    );
    assert!(table("tags").contains("ai (1)"), "variants are listed");

    let screenshot = dir.path().join("report.png");
    let taken = headless(program, &profile)
        .args(["--window-size=1100,2400"])
        .arg(format!("--screenshot={}", screenshot.display()))
        .arg(&page)
        .output()
        .unwrap();
    assert!(
        taken.status.success(),
        "{}",
        String::from_utf8_lossy(&taken.stderr)
    );
    let png = std::fs::read(&screenshot).unwrap();
    assert!(
        png.starts_with(b"\x89PNG") && png.len() > 10_000,
        "a screenshot of {} bytes",
        png.len()
    );
}

/// The report speaks the run's language, and says which in `lang`.
#[test]
fn the_report_is_written_in_the_chosen_language() {
    let dir = TempDir::new().unwrap();
    let posts = dir.path().join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    std::fs::write(
        posts.join("2025-01-05-a.md"),
        post("題", 8, "抜粋", "\"AI\"", "本文です。"),
    )
    .unwrap();
    let html = |lang: &str| {
        let out = dir.path().join(format!("report-{lang}.html"));
        let ran = copydesk(dir.path())
            .args(["report", "--lang", lang, "-o"])
            .arg(&out)
            .arg("_posts")
            .output()
            .unwrap();
        assert!(ran.status.success(), "{ran:?}");
        std::fs::read_to_string(out).unwrap()
    };
    let english = html("en");
    assert!(english.starts_with("<!DOCTYPE html><html lang=\"en\">"));
    assert!(english.contains("<h2>Findings per rule</h2>"));
    assert!(english.contains(">estimated minutes<"));
    let japanese = html("ja");
    assert!(japanese.starts_with("<!DOCTYPE html><html lang=\"ja\">"));
    assert!(japanese.contains("<h2>ルールごとの指摘</h2>"));
    assert!(japanese.contains("<div>記事 <b id=\"post-count\">1</b> 件</div>"));
    assert!(japanese.contains(">推定(分)<"));
}
