//! Hostile input and hostile config, end to end: each case states what it
//! expects (a diagnostic or an error, and an exit code), shows the other files
//! of the run are still linted, and runs under a time and a memory limit that
//! a failure names.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use serde_json::Value;
use tempfile::TempDir;

/// A post every case includes: its finding proves the run went on.
const GOOD: &[u8] = b"---\ntitle: \"Same title\"\n---\n\nSame title\n\nBody.\n";

struct Limits {
    seconds: u64,
    memory_mib: u64,
}

const SMALL: Limits = Limits {
    seconds: 20,
    memory_mib: 1024,
};

struct Run {
    code: i32,
    report: Value,
    stderr: String,
}

fn prlimit_available() -> bool {
    Command::new("prlimit")
        .arg("--version")
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Runs `copydesk check --format json ARGS` in `dir` under the limits.
fn run(dir: &Path, args: &[&str], limits: Limits) -> Run {
    let binary = env!("CARGO_BIN_EXE_copydesk");
    let mut command = if prlimit_available() {
        let mut command = Command::new("prlimit");
        command
            .arg(format!("--as={}", limits.memory_mib << 20))
            .arg("--")
            .arg(binary);
        command
    } else {
        assert!(
            std::env::var("CI").is_err(),
            "CI needs prlimit (util-linux) to bound memory"
        );
        Command::new(binary)
    };
    let stdout = dir.join(".stdout");
    let stderr = dir.join(".stderr");
    let mut child = command
        .args(["check", "--format", "json"])
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(std::fs::File::create(&stdout).unwrap())
        .stderr(std::fs::File::create(&stderr).unwrap())
        .spawn()
        .unwrap();
    let started = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if started.elapsed() > Duration::from_secs(limits.seconds) {
            let _ = child.kill();
            panic!("exceeded the time limit of {} s", limits.seconds);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let stderr = std::fs::read_to_string(&stderr).unwrap_or_default();
    let code = status.code().unwrap_or_else(|| {
        panic!(
            "killed by a signal ({status}); the memory limit was {} MiB: {stderr}",
            limits.memory_mib
        )
    });
    assert!(
        !stderr.contains("memory allocation"),
        "exceeded the memory limit of {} MiB: {stderr}",
        limits.memory_mib
    );
    let report = serde_json::from_slice(&std::fs::read(&stdout).unwrap()).unwrap_or(Value::Null);
    Run {
        code,
        report,
        stderr,
    }
}

fn site(files: &[(&str, Vec<u8>)]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    std::fs::write(dir.path().join("good.md"), GOOD).unwrap();
    dir
}

fn rules_for<'a>(report: &'a Value, path: &str) -> Vec<&'a str> {
    report["diagnostics"]
        .as_array()
        .map(|all| {
            all.iter()
                .filter(|d| d["path"] == path)
                .map(|d| d["rule"].as_str().unwrap())
                .collect()
        })
        .unwrap_or_default()
}

fn failure_for(report: &Value, path: &str) -> Option<String> {
    report["failures"]
        .as_array()?
        .iter()
        .find(|failure| failure["path"] == path)
        .map(|failure| failure["message"].as_str().unwrap().to_string())
}

/// One bad file next to the good one: the bad one gets `rule`, the good one is linted.
fn expect_finding(name: &str, bytes: Vec<u8>, rule: &str, code: i32, limits: Limits) {
    let dir = site(&[(name, bytes)]);
    let run = run(dir.path(), &["."], limits);
    assert_eq!(run.code, code, "{name}: exit code; stderr: {}", run.stderr);
    assert!(
        rules_for(&run.report, name).contains(&rule),
        "{name}: expected {rule}, got {:?}",
        rules_for(&run.report, name)
    );
    assert!(
        rules_for(&run.report, "good.md").contains(&"duplicated-title"),
        "{name}: the good post was not linted"
    );
}

#[test]
fn bytes_that_are_not_utf8_text() {
    expect_finding(
        "invalid-utf8.md",
        b"---\ntitle: caf\xe9\n---\n".to_vec(),
        "invalid-encoding",
        1,
        SMALL,
    );
    expect_finding(
        "utf16.md",
        vec![0xFF, 0xFE, b'-', 0, b'-', 0, b'-', 0],
        "invalid-encoding",
        1,
        SMALL,
    );
    expect_finding(
        "binary.md",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        "invalid-encoding",
        1,
        SMALL,
    );
}

#[test]
fn empty_and_one_byte_files() {
    expect_finding("empty.md", Vec::new(), "front-matter-syntax", 1, SMALL);
    expect_finding(
        "one-byte.md",
        b"x".to_vec(),
        "front-matter-syntax",
        1,
        SMALL,
    );
}

#[test]
fn a_50_mb_post() {
    let paragraph = "市場の規模は約3割伸びた。[出典](https://example.com/r)によると売上は12億円だった。 It grew by about 40% in a year.\n\n";
    let mut text = String::from("---\ntitle: \"Huge\"\nreading_time: 8\n---\n");
    while text.len() < 50 << 20 {
        text.push_str(paragraph);
    }
    // Debug builds are slow; the limit is for a hang, not for speed.
    expect_finding(
        "huge.md",
        text.into_bytes(),
        "unsupported-numeric-claim",
        1,
        Limits {
            seconds: 300,
            memory_mib: 4096,
        },
    );
}

#[test]
fn ten_thousand_front_matter_keys_and_ten_thousand_levels_of_nesting() {
    let mut keys = String::from("---\ntitle: Many keys\n");
    for at in 0..10_000 {
        keys.push_str(&format!("key{at}: value {at}\n"));
    }
    keys.push_str("---\n\nMany keys\n");
    expect_finding(
        "many-keys.md",
        keys.into_bytes(),
        "duplicated-title",
        1,
        SMALL,
    );
    let nested = format!(
        "---\ntitle: x\ndeep: {}{}\n---\n{} body\n",
        "[".repeat(10_000),
        "]".repeat(10_000),
        ">".repeat(10_000)
    );
    expect_finding(
        "deep.md",
        nested.into_bytes(),
        "front-matter-syntax",
        1,
        SMALL,
    );
}

#[test]
fn a_yaml_alias_bomb() {
    let mut bomb = String::from(
        "---\ntitle: bomb\na: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n",
    );
    for level in b'b'..=b'z' {
        let (previous, level) = ((level - 1) as char, level as char);
        bomb.push_str(&format!("{level}: &{level} [*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous},*{previous}]\n"));
    }
    bomb.push_str("---\nBody\n");
    expect_finding(
        "bomb.md",
        bomb.into_bytes(),
        "front-matter-syntax",
        1,
        SMALL,
    );
}

#[test]
fn broken_front_matter_shapes() {
    for (name, text) in [
        ("tabs.md", "---\ntitle: x\ntags:\n\t- a\n---\n"),
        ("unterminated.md", "---\ntitle: x\nBody\n"),
        ("one-line.md", "--- layout: post title: x ---\nBody\n"),
        ("duplicate-keys.md", "---\ntitle: a\ntitle: b\n---\n"),
    ] {
        expect_finding(
            name,
            text.as_bytes().to_vec(),
            "front-matter-syntax",
            1,
            SMALL,
        );
    }
}

#[test]
fn line_endings_and_a_bom_before_the_delimiter() {
    for (name, text) in [
        ("crlf.md", "---\r\ntitle: T\r\n---\r\n\r\nT\r\n".to_string()),
        ("lone-cr.md", "---\rtitle: T\r---\r\rT\r".to_string()),
        ("bom.md", "\u{feff}---\ntitle: T\n---\n\nT\n".to_string()),
    ] {
        let dir = site(&[(name, text.into_bytes())]);
        let run = run(dir.path(), &["."], SMALL);
        assert_eq!(run.code, 1);
        let title = run.report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == name && d["rule"] == "duplicated-title")
            .unwrap_or_else(|| panic!("{name}: no duplicated-title"));
        assert_eq!(
            (
                title["start"]["line"].as_u64(),
                title["start"]["column"].as_u64()
            ),
            (Some(5), Some(1)),
            "{name}"
        );
    }
}

#[cfg(unix)]
#[test]
fn paths_that_cannot_be_read() {
    let dir = site(&[("folder.md/inner.md", GOOD.to_vec())]);
    let root = dir.path();
    std::os::unix::fs::symlink("loop-b.md", root.join("loop-a.md")).unwrap();
    std::os::unix::fs::symlink("loop-a.md", root.join("loop-b.md")).unwrap();
    // Permission bits do not stop root; a read of /proc/self/mem fails for anyone.
    let unreadable = root.join("unreadable.md");
    std::fs::write(&unreadable, GOOD).unwrap();
    if nix_is_root() {
        std::fs::remove_file(&unreadable).unwrap();
        std::os::unix::fs::symlink("/proc/self/mem", &unreadable).unwrap();
    } else {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&unreadable, std::fs::Permissions::from_mode(0o000)).unwrap();
    }
    let fifo = Command::new("mkfifo")
        .arg(root.join("fifo.md"))
        .status()
        .is_ok_and(|status| status.success());

    // Walking the folder: links are not followed, the folder named x.md is walked.
    let walked = run(root, &["."], SMALL);
    assert_eq!(walked.code, 1, "{}", walked.stderr);
    assert!(rules_for(&walked.report, "folder.md/inner.md").contains(&"duplicated-title"));

    // Named explicitly, each is reported with its reason, and the rest is linted.
    let mut args = vec!["loop-a.md", "unreadable.md", "missing.md", "good.md"];
    if fifo {
        args.push("fifo.md");
    }
    let named = run(root, &args, SMALL);
    assert_eq!(named.code, 2);
    assert!(
        failure_for(&named.report, "loop-a.md").is_some_and(|m| m.contains("symbolic links")),
        "{:?}",
        named.report["failures"]
    );
    assert!(
        failure_for(&named.report, "unreadable.md").is_some(),
        "{:?}",
        named.report["failures"]
    );
    assert_eq!(
        failure_for(&named.report, "missing.md").as_deref(),
        Some("no such file or folder")
    );
    if fifo {
        assert_eq!(
            failure_for(&named.report, "fifo.md").as_deref(),
            Some("not a regular file")
        );
    }
    assert!(rules_for(&named.report, "good.md").contains(&"duplicated-title"));
}

fn nix_is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|output| output.stdout.starts_with(b"0\n"))
}

/// A broken config stops the run with exit 2 and says where.
fn expect_config_error(config: &str, extra: &[(&str, Vec<u8>)], wanted: &[&str]) {
    let mut files = vec![(".copydesk.yml", config.as_bytes().to_vec())];
    files.extend(extra.iter().cloned());
    let dir = site(&files);
    let run = run(dir.path(), &["."], SMALL);
    assert_eq!(run.code, 2, "{config}: {}", run.stderr);
    for wanted in wanted {
        assert!(
            run.stderr.contains(wanted),
            "{config}: expected `{wanted}` in: {}",
            run.stderr
        );
    }
}

#[test]
fn hostile_config() {
    expect_config_error("rules: [\n", &[], &[".copydesk.yml", "line 1, column 8"]);
    expect_config_error(
        "rules:\n  duplicated-title: off\n reading-time: off\n",
        &[],
        &[".copydesk.yml", "line 3"],
    );
    expect_config_error("colour: blue\n", &[], &["unknown field `colour`", "line 1"]);
    expect_config_error(
        "rules:\n  required-field:\n    fields: 3\n",
        &[],
        &["invalid type", "line 3"],
    );
    expect_config_error(
        "rules:\n  duplicated-title: loud\n",
        &[],
        &["unknown variant `loud`", "line 2"],
    );
    expect_config_error(
        "packs: [../outside.yml]\n",
        &[],
        &["../outside.yml: refused"],
    );
    let blown = "name: p\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns: ['(x{1000}){1000}']\n";
    expect_config_error(
        "packs: [p.yml]\n",
        &[("p.yml", blown.as_bytes().to_vec())],
        &["pack p.yml", "size limit"],
    );
    let long = format!(
        "name: p\nrules:\n  - id: a\n    kind: existence\n    message: m\n    patterns: ['{}']\n",
        "a".repeat(5000)
    );
    expect_config_error(
        "packs: [p.yml]\n",
        &[("p.yml", long.into_bytes())],
        &["pack p.yml", "limit is 4096"],
    );
}

#[test]
fn a_catastrophic_pattern_runs_in_linear_time() {
    let pack = "name: p\nrules:\n  - id: nested\n    kind: existence\n    message: m\n    patterns: ['(a+)+b']\n";
    let post = format!("---\ntitle: x\n---\n{}c\n", "a".repeat(1 << 20));
    let dir = site(&[
        (".copydesk.yml", b"packs: [p.yml]\n".to_vec()),
        ("p.yml", pack.as_bytes().to_vec()),
        ("post.md", post.into_bytes()),
    ]);
    let run = run(dir.path(), &["."], SMALL);
    assert_eq!(run.code, 1);
    assert!(rules_for(&run.report, "good.md").contains(&"duplicated-title"));
}

#[test]
fn a_vocabulary_of_100_000_tags() {
    let mut vocabulary = String::new();
    for at in 0..100_000 {
        vocabulary.push_str(&format!(
            "- name: tag-{at:06}\n  aliases: [alias-{at:06}]\n"
        ));
    }
    let dir = site(&[
        (
            ".copydesk.yml",
            b"rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: tags.vocab.yml\n".to_vec(),
        ),
        ("tags.vocab.yml", vocabulary.into_bytes()),
        (
            "post.md",
            b"---\ntitle: x\ntags: [tag-000001, alias-000002, tag-00003x, unknown]\n---\n".to_vec(),
        ),
    ]);
    let run = run(
        dir.path(),
        &["."],
        Limits {
            seconds: 60,
            memory_mib: 2048,
        },
    );
    assert_eq!(run.code, 1);
    let messages: Vec<&str> = run.report["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["path"] == "post.md")
        .map(|d| d["message"].as_str().unwrap())
        .collect();
    assert_eq!(
        messages,
        [
            "`alias-000002` is an alias of `tag-000002`",
            "`tag-00003x` is not in the tags vocabulary; did you mean `tag-000030` or `tag-000031` or `tag-000032` or `tag-000033` or `tag-000034` or `tag-000035` or `tag-000036` or `tag-000037` or `tag-000038` or `tag-000039`?",
            "`unknown` is not in the tags vocabulary",
        ]
    );
}
