//! The real pre-commit framework runs the hook from this checkout in a
//! throwaway repository: a bad post blocks the commit, a good one passes.

use std::path::Path;
use std::process::{Command, Output};

mod common;
use common::{available, missing};

fn run(dir: &Path, program: &str, args: &[&str], home: &Path) -> Output {
    Command::new(program)
        .args(args)
        .current_dir(dir)
        .env("PRE_COMMIT_HOME", home)
        // One build folder for every revision the hook is installed at, so
        // runs at new commits rebuild incrementally and do not pile up; the
        // wheel in tests/install.rs is built there too, sharing dependencies.
        .env(
            "CARGO_TARGET_DIR",
            Path::new(env!("CARGO_TARGET_TMPDIR")).join("release-target"),
        )
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com")
        .output()
        .unwrap_or_else(|error| panic!("{program}: {error}"))
}

#[test]
fn the_hook_blocks_a_bad_post_and_passes_a_good_one() {
    for program in ["git", "pre-commit"] {
        if !available(program) {
            missing(&format!("`{program}`"));
            return;
        }
    }
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let head = run(checkout, "git", &["rev-parse", "HEAD"], checkout);
    assert!(
        head.status.success(),
        "the checkout must be a git repository"
    );
    let rev = String::from_utf8_lossy(&head.stdout).trim().to_string();
    // The hook's Rust build is cached here between runs; the checkouts of
    // revisions no longer in any config are dropped first.
    let home = Path::new(env!("CARGO_TARGET_TMPDIR")).join("pre-commit-home");
    let collected = run(checkout, "pre-commit", &["gc"], &home);
    assert!(
        collected.status.success(),
        "{}",
        String::from_utf8_lossy(&collected.stderr)
    );
    let repo = tempfile::TempDir::new().unwrap();
    let repo = repo.path();
    assert!(run(repo, "git", &["init", "-q", "-b", "main"], &home)
        .status
        .success());
    std::fs::write(
        repo.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: copydesk\n",
            checkout.display()
        ),
    )
    .unwrap();
    std::fs::create_dir_all(repo.join("_posts")).unwrap();
    std::fs::write(
        repo.join("_posts/2025-11-20-bad.md"),
        "---\ntitle: \"Same\"\n---\n\nSame\n\nBody.\n",
    )
    .unwrap();
    let installed = run(repo, "pre-commit", &["install"], &home);
    assert!(
        installed.status.success(),
        "{}",
        String::from_utf8_lossy(&installed.stderr)
    );
    assert!(run(repo, "git", &["add", "."], &home).status.success());
    let blocked = run(repo, "git", &["commit", "-q", "-m", "bad post"], &home);
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&blocked.stdout),
        String::from_utf8_lossy(&blocked.stderr)
    );
    assert!(
        !blocked.status.success(),
        "the bad post was committed:\n{output}"
    );
    assert!(
        output.contains("_posts/2025-11-20-bad.md:5:1: error[duplicated-title]"),
        "{output}"
    );

    std::fs::write(
        repo.join("_posts/2025-11-20-bad.md"),
        "---\ntitle: \"Same\"\n---\n\nBody.\n",
    )
    .unwrap();
    assert!(run(repo, "git", &["add", "."], &home).status.success());
    let passed = run(repo, "git", &["commit", "-q", "-m", "good post"], &home);
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&passed.stdout),
        String::from_utf8_lossy(&passed.stderr)
    );
    assert!(
        passed.status.success(),
        "the good post was blocked:\n{output}"
    );
    assert!(
        output.contains("copydesk") && output.contains("Passed"),
        "{output}"
    );
}
