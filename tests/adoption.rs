//! Adopting copydesk on an existing site: a findings baseline, and
//! `--changed-since` for pull requests, end to end on the built binary.

use std::path::Path;
use std::process::Command as Process;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{copydesk, missing};

fn report(dir: &Path, args: &[&str]) -> (Value, i32) {
    let output = copydesk(dir)
        .args(["check", "--format", "json"])
        .args(args)
        .output()
        .unwrap();
    let report = serde_json::from_slice(&output.stdout)
        .unwrap_or_else(|error| panic!("{error}: {}", String::from_utf8_lossy(&output.stdout)));
    (report, output.status.code().unwrap())
}

fn findings(report: &Value) -> Vec<(String, String)> {
    report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            (
                d["path"].as_str().unwrap().to_string(),
                d["rule"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// An archive with the problems a real one has.
fn archive() -> TempDir {
    let dir = TempDir::new().unwrap();
    let posts = dir.path().join("_posts");
    std::fs::create_dir_all(&posts).unwrap();
    for at in 1..=5 {
        std::fs::write(
            posts.join(format!("2025-01-0{at}-post.md")),
            format!(
                "---\ntitle: \"Post {at}\"\nreading_time: 8\n---\n\nPost {at}\n\nFirst paragraph: sales rose 3{at}% last year.\n\nSecond paragraph, with no figures at all.\n"
            ),
        )
        .unwrap();
    }
    dir
}

#[test]
fn a_baseline_holds_the_archive_back_and_lets_new_findings_through() {
    let dir = archive();
    let root = dir.path();
    let (before, code) = report(root, &["_posts"]);
    assert_eq!(code, 1);
    let archived = findings(&before).len();
    assert!(archived >= 10, "{archived}");

    // Write a baseline; a run then reports nothing new, and says how much it held back.
    let written = copydesk(root)
        .args(["check", "--write-baseline", "_posts"])
        .assert()
        .code(0);
    assert!(String::from_utf8_lossy(&written.get_output().stderr)
        .contains(&format!("wrote {archived} findings")));
    let baseline = std::fs::read_to_string(root.join(".copydesk-baseline.json")).unwrap();
    assert!(
        baseline.starts_with(
            "{\n  \"version\": 1,\n  \"findings\": [\n    {\"path\":\"_posts/2025-01-01-post.md\""
        ),
        "{baseline}"
    );
    let (after, code) = report(root, &["_posts"]);
    assert_eq!((findings(&after).len(), code), (0, 0));
    assert_eq!(after["summary"]["baselined"], archived);

    // One new bad post: exactly its findings are reported.
    std::fs::write(
        root.join("_posts/2025-02-01-new.md"),
        "---\ntitle: \"New\"\n---\n\nNew\n\nAbout 40% of readers agree.\n",
    )
    .unwrap();
    let (with_new, code) = report(root, &["_posts"]);
    assert_eq!(code, 1);
    let new: Vec<(String, String)> = findings(&with_new);
    assert_eq!(
        new,
        [
            (
                "_posts/2025-02-01-new.md".to_string(),
                "duplicated-title".to_string()
            ),
            (
                "_posts/2025-02-01-new.md".to_string(),
                "unsupported-numeric-claim".to_string()
            ),
        ]
    );
    std::fs::remove_file(root.join("_posts/2025-02-01-new.md")).unwrap();

    // Moving a paragraph in a baselined post brings nothing back.
    let moved = root.join("_posts/2025-01-02-post.md");
    let text = std::fs::read_to_string(&moved).unwrap();
    let swapped = text.replace(
        "First paragraph: sales rose 32% last year.\n\nSecond paragraph, with no figures at all.\n",
        "Second paragraph, with no figures at all.\n\nA new opening line.\n\nFirst paragraph: sales rose 32% last year.\n",
    );
    assert_ne!(swapped, text);
    std::fs::write(&moved, swapped).unwrap();
    let (after_move, _) = report(root, &["_posts"]);
    assert!(
        findings(&after_move).is_empty(),
        "{:?}",
        findings(&after_move)
    );
    assert_eq!(after_move["summary"]["stale_baseline"], 0);

    // Fixing a finding leaves one stale entry, and pruning removes exactly it.
    let fixed = root.join("_posts/2025-01-03-post.md");
    std::fs::write(
        &fixed,
        std::fs::read_to_string(&fixed)
            .unwrap()
            .replace("sales rose 33% last year", "sales rose, we think"),
    )
    .unwrap();
    let (stale, _) = report(root, &["_posts"]);
    assert_eq!(stale["summary"]["stale_baseline"], 1);
    copydesk(root)
        .args(["check", "--prune-baseline", "_posts"])
        .assert()
        .code(0);
    let pruned = std::fs::read_to_string(root.join(".copydesk-baseline.json")).unwrap();
    let removed: Vec<&str> = baseline
        .lines()
        .filter(|line| {
            !pruned
                .lines()
                .any(|kept| kept.trim_end_matches(',') == line.trim_end_matches(','))
        })
        .collect();
    assert_eq!(removed.len(), 1, "{removed:?}");
    assert!(
        removed[0].contains("\"rule\":\"unsupported-numeric-claim\"")
            && removed[0].contains("2025-01-03"),
        "{removed:?}"
    );
    let (clean, _) = report(root, &["_posts"]);
    assert_eq!(clean["summary"]["stale_baseline"], 0);

    // An entry for a rule that is now off is ignored, not an error, and not stale.
    std::fs::write(root.join(".copydesk.yml"), "rules:\n  reading-time: off\n").unwrap();
    let (off, code) = report(root, &["_posts"]);
    assert_eq!(
        (code, off["summary"]["stale_baseline"].as_u64()),
        (0, Some(0))
    );
    // --no-baseline shows everything again.
    let (all, _) = report(root, &["--no-baseline", "_posts"]);
    assert!(!findings(&all).is_empty());
}

fn git(dir: &Path, args: &[&str]) {
    let status = Process::new("git")
        .args(args)
        .current_dir(dir)
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .status()
        .unwrap();
    assert!(status.success(), "git {args:?}");
}

#[test]
fn changed_since_lints_only_what_git_says_changed() {
    if Process::new("git").arg("--version").output().is_err() {
        missing("`git`");
        return;
    }
    let dir = archive();
    let root = dir.path();
    std::fs::write(root.join("notes.txt"), "not a post").unwrap();
    git(root, &["init", "-q", "-b", "main"]);
    git(root, &["add", "."]);
    git(root, &["commit", "-q", "-m", "archive"]);
    // A changed post, a new untracked post, a changed non-Markdown file.
    let changed = root.join("_posts/2025-01-04-post.md");
    std::fs::write(
        &changed,
        std::fs::read_to_string(&changed)
            .unwrap()
            .replace("Second", "2nd"),
    )
    .unwrap();
    std::fs::write(
        root.join("_posts/2025-03-01-draft.md"),
        "---\ntitle: Draft\n---\nBody.\n",
    )
    .unwrap();
    std::fs::write(root.join("notes.txt"), "changed").unwrap();
    let (changes, _) = report(root, &["--changed-since", "HEAD"]);
    assert_eq!(changes["summary"]["files"], 2);
    let mut paths: Vec<String> = findings(&changes)
        .into_iter()
        .map(|(path, _)| path)
        .collect();
    paths.dedup();
    assert_eq!(paths, ["_posts/2025-01-04-post.md"]);
    // Outside a repository it fails clearly.
    let outside = TempDir::new().unwrap();
    let failed = copydesk(outside.path())
        .args(["check", "--changed-since", "HEAD"])
        .assert()
        .code(2);
    assert!(String::from_utf8_lossy(&failed.get_output().stderr)
        .contains("--changed-since needs a git repository"));
}
