//! Install without a Rust toolchain: the wheel built from this checkout with
//! maturin, installed by pip into a fresh virtual environment, by the real
//! pre-commit framework as a `language: python` hook, and by the shell steps
//! of the GitHub Action in `action.yml`.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a test reports what it measured

use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::OnceLock;
use std::time::Instant;

mod common;
use common::missing;

const CHECKOUT: &str = env!("CARGO_MANIFEST_DIR");
const VERSION: &str = env!("CARGO_PKG_VERSION");

fn run(dir: &Path, program: &str, args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut command = Command::new(program);
    command
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("GIT_AUTHOR_NAME", "t")
        .env("GIT_AUTHOR_EMAIL", "t@example.com")
        .env("GIT_COMMITTER_NAME", "t")
        .env("GIT_COMMITTER_EMAIL", "t@example.com");
    for (key, value) in env {
        command.env(key, value);
    }
    command
        .output()
        .unwrap_or_else(|error| panic!("{program}: {error}"))
}

fn text(output: &Output) -> String {
    format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    )
}

fn succeeded(output: Output, what: &str) -> Output {
    assert!(output.status.success(), "{what} failed:\n{}", text(&output));
    output
}

fn available(program: &str, args: &[&str]) -> bool {
    Command::new(program)
        .args(args)
        .output()
        .is_ok_and(|output| output.status.success())
}

/// The wheel, built once per run of this test binary. The build uses the
/// `release` profile, the one people build from source with, not `dist`:
/// what is tested here is the packaging, and a fat-LTO build would add
/// minutes to every CI run. Cargo's output is kept between runs.
fn wheel() -> Option<&'static Path> {
    static WHEEL: OnceLock<Option<PathBuf>> = OnceLock::new();
    WHEEL
        .get_or_init(|| {
            if !available("maturin", &["--version"]) {
                missing("maturin (pip install maturin)");
                return None;
            }
            let out = Path::new(env!("CARGO_TARGET_TMPDIR")).join("wheels");
            let _ = std::fs::remove_dir_all(&out);
            let started = Instant::now();
            let built = Command::new("maturin")
                .args(["build", "--profile", "release", "--out"])
                .arg(&out)
                .current_dir(CHECKOUT)
                .env(
                    "CARGO_TARGET_DIR",
                    Path::new(env!("CARGO_TARGET_TMPDIR")).join("release-target"),
                )
                .output()
                .expect("maturin");
            assert!(built.status.success(), "maturin build:\n{}", text(&built));
            eprintln!("wheel built in {:.0?}", started.elapsed());
            let wheels: Vec<PathBuf> = std::fs::read_dir(&out)
                .unwrap()
                .map(|entry| entry.unwrap().path())
                .collect();
            assert_eq!(wheels.len(), 1, "{wheels:?}");
            let name = wheels[0]
                .file_name()
                .unwrap()
                .to_string_lossy()
                .into_owned();
            assert!(
                name.starts_with(&format!("copydesk-{VERSION}-py3-none-")),
                "{name}"
            );
            Some(wheels[0].clone())
        })
        .as_deref()
}

/// A fresh virtual environment with the wheel installed from the file alone.
fn venv_with(wheel: &Path, dir: &Path) -> PathBuf {
    let venv = dir.join("venv");
    succeeded(
        run(dir, "python3", &["-m", "venv", venv.to_str().unwrap()], &[]),
        "python3 -m venv",
    );
    let pip = venv.join("bin/pip");
    succeeded(
        run(
            dir,
            pip.to_str().unwrap(),
            &[
                "install",
                "--quiet",
                "--no-index",
                "--disable-pip-version-check",
                wheel.to_str().unwrap(),
            ],
            &[],
        ),
        "pip install",
    );
    venv
}

#[test]
fn the_wheel_installs_into_a_fresh_venv_and_checks_the_example_site() {
    let Some(wheel) = wheel() else { return };
    let dir = tempfile::TempDir::new().unwrap();
    let started = Instant::now();
    let venv = venv_with(wheel, dir.path());
    eprintln!("venv and pip install in {:.1?}", started.elapsed());
    let installed = venv.join("bin/copydesk");
    let version = succeeded(
        run(dir.path(), installed.to_str().unwrap(), &["--version"], &[]),
        "copydesk --version",
    );
    assert_eq!(text(&version).trim(), format!("copydesk {VERSION}"));

    // The installed binary gives the example site the same report as the one
    // cargo built for the tests.
    let from_wheel = run(
        Path::new(CHECKOUT),
        installed.to_str().unwrap(),
        &["check", "--format", "concise", "examples/site"],
        &[],
    );
    let from_cargo = common::copydesk(Path::new(CHECKOUT))
        .args(["check", "--format", "concise", "examples/site"])
        .output()
        .unwrap();
    assert_eq!(from_wheel.status.code(), from_cargo.status.code());
    assert_eq!(text(&from_wheel), text(&from_cargo));
    assert!(
        text(&from_wheel).contains("examples/site/_posts/"),
        "{}",
        text(&from_wheel)
    );
}

fn git_repo(dir: &Path) {
    succeeded(
        run(dir, "git", &["init", "-q", "-b", "main"], &[]),
        "git init",
    );
}

fn commit(dir: &Path, message: &str, env: &[(&str, &Path)]) -> Output {
    succeeded(run(dir, "git", &["add", "."], env), "git add");
    run(dir, "git", &["commit", "-q", "-m", message], env)
}

#[test]
fn pre_commit_installs_the_python_hook_from_the_wheel() {
    let Some(wheel) = wheel() else { return };
    if !available("pre-commit", &["--version"]) {
        missing("`pre-commit`");
        return;
    }
    let scratch = tempfile::TempDir::new().unwrap();
    // The hook repository as published (editors/pre-commit), with its one
    // dependency pointed at the wheel built here instead of PyPI.
    let hooks = scratch.path().join("copydesk-pre-commit");
    std::fs::create_dir_all(&hooks).unwrap();
    let published = Path::new(CHECKOUT).join("editors/pre-commit");
    for file in [".pre-commit-hooks.yaml", "README.md"] {
        std::fs::copy(published.join(file), hooks.join(file)).unwrap();
    }
    let pyproject = std::fs::read_to_string(published.join("pyproject.toml")).unwrap();
    let pinned = format!("\"copydesk=={VERSION}\"");
    assert!(pyproject.contains(&pinned), "{pyproject}");
    std::fs::write(
        hooks.join("pyproject.toml"),
        pyproject.replace(
            &pinned,
            &format!("\"copydesk @ file://{}\"", wheel.display()),
        ),
    )
    .unwrap();
    git_repo(&hooks);
    succeeded(commit(&hooks, "hooks", &[]), "git commit (hooks)");
    let rev = text(&succeeded(
        run(&hooks, "git", &["rev-parse", "HEAD"], &[]),
        "git rev-parse",
    ))
    .trim()
    .to_string();

    let home = scratch.path().join("pre-commit-home");
    let env: &[(&str, &Path)] = &[("PRE_COMMIT_HOME", &home)];
    let site = scratch.path().join("site");
    std::fs::create_dir_all(site.join("_posts")).unwrap();
    git_repo(&site);
    std::fs::write(
        site.join(".pre-commit-config.yaml"),
        format!(
            "repos:\n  - repo: {}\n    rev: {rev}\n    hooks:\n      - id: copydesk\n",
            hooks.display()
        ),
    )
    .unwrap();
    std::fs::write(
        site.join("_posts/2025-11-20-bad.md"),
        "---\ntitle: \"Same\"\n---\n\nSame\n\nBody.\n",
    )
    .unwrap();
    succeeded(
        run(&site, "pre-commit", &["install"], env),
        "pre-commit install",
    );
    let started = Instant::now();
    succeeded(
        run(&site, "pre-commit", &["install-hooks"], env),
        "pre-commit install-hooks",
    );
    eprintln!(
        "the language: python hook installed in {:.1?}",
        started.elapsed()
    );

    let blocked = commit(&site, "bad post", env);
    assert!(
        !blocked.status.success(),
        "the bad post was committed:\n{}",
        text(&blocked)
    );
    assert!(
        text(&blocked).contains("_posts/2025-11-20-bad.md:5:1: error[duplicated-title]"),
        "{}",
        text(&blocked)
    );

    std::fs::write(
        site.join("_posts/2025-11-20-bad.md"),
        "---\ntitle: \"Same\"\n---\n\nBody.\n",
    )
    .unwrap();
    let passed = commit(&site, "good post", env);
    assert!(
        passed.status.success(),
        "the good post was blocked:\n{}",
        text(&passed)
    );
    assert!(text(&passed).contains("Passed"), "{}", text(&passed));
}

/// Runs action.yml's shell steps with tests/tools/action_steps.py.
fn action(site: &Path, inputs: &[String]) -> serde_json::Value {
    let mut args = vec![
        format!("{CHECKOUT}/tests/tools/action_steps.py"),
        "--workspace".to_string(),
        site.display().to_string(),
    ];
    for input in inputs {
        args.extend(["--input".to_string(), input.clone()]);
    }
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    let output = succeeded(run(site, "python3", &args, &[]), "action_steps.py");
    serde_json::from_slice(&output.stdout).unwrap()
}

fn step<'a>(report: &'a serde_json::Value, name: &str) -> &'a serde_json::Value {
    report["steps"]
        .as_array()
        .unwrap()
        .iter()
        .find(|step| step["name"] == name)
        .unwrap_or_else(|| panic!("no step {name}: {report:#}"))
}

#[test]
fn the_actions_shell_steps_install_the_wheel_and_report_findings() {
    let Some(wheel) = wheel() else { return };
    let site = common::site(&[
        (
            "_posts/2025-11-20-bad.md",
            b"---\ntitle: \"Same\"\n---\n\nSame\n\nBody.\n",
        ),
        (
            "_posts/2025-11-21-good.md",
            b"---\ntitle: \"Other\"\n---\n\nBody.\n",
        ),
    ]);
    let package = format!("package={}", wheel.display());

    // Annotations on the diff: the job fails on an error.
    let report = action(site.path(), &[package.clone(), "paths=_posts".into()]);
    assert_eq!(step(&report, "Install copydesk")["exit"], 0, "{report:#}");
    let check = step(&report, "Run copydesk check");
    assert!(
        check["stdout"]
            .as_str()
            .unwrap()
            .contains("::error file=_posts/2025-11-20-bad.md,line=5"),
        "{report:#}"
    );
    assert_eq!(report["outputs"]["exit-code"], "1");
    assert_eq!(step(&report, "Fail on findings")["exit"], 1);
    assert_eq!(report["failed"], true);
    assert_eq!(
        step(&report, "Upload to code scanning")["why"],
        "its condition is false"
    );

    // SARIF for code scanning: the report is written for the upload step,
    // which only GitHub's runner can run.
    let report = action(
        site.path(),
        &[package.clone(), "paths=_posts".into(), "sarif=true".into()],
    );
    assert_eq!(
        step(&report, "Upload to code scanning")["why"],
        "needs GitHub's runner"
    );
    let sarif: serde_json::Value =
        serde_json::from_slice(&std::fs::read(site.path().join("copydesk.sarif")).unwrap())
            .unwrap();
    assert_eq!(sarif["version"], "2.1.0");
    assert_eq!(
        sarif["runs"][0]["results"][0]["ruleId"], "duplicated-title",
        "{sarif:#}"
    );
    assert_eq!(report["failed"], true);

    // A clean post passes, with extra arguments passed through.
    let report = action(
        site.path(),
        &[
            package,
            "paths=_posts/2025-11-21-good.md".into(),
            "args=--max-warnings 0".into(),
        ],
    );
    assert_eq!(report["outputs"]["exit-code"], "0", "{report:#}");
    assert_eq!(report["failed"], false);
}

#[test]
fn every_way_in_installs_this_version() {
    let read = |path: &str| std::fs::read_to_string(Path::new(CHECKOUT).join(path)).unwrap();
    let pinned = format!("copydesk=={VERSION}");
    assert!(read("action.yml").contains(&format!("default: {pinned}\n")));
    let hooks = read("editors/pre-commit/pyproject.toml");
    assert!(
        hooks.contains(&format!("version = \"{VERSION}\"")),
        "{hooks}"
    );
    assert!(hooks.contains(&format!("\"{pinned}\"")), "{hooks}");
    let extension = read("editors/vscode/package.json");
    assert!(
        extension.contains(&format!("\"version\": \"{VERSION}\"")),
        "{extension}"
    );
    // The wheel takes its version from Cargo.toml.
    assert!(read("pyproject.toml").contains("dynamic = [\"version\"]"));
}

#[test]
fn the_vscode_package_for_linux_x64_carries_a_binary_the_extension_finds() {
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        return;
    }
    let Some(wheel) = wheel() else { return };
    if !available("npm", &["--version"]) {
        missing("npm");
        return;
    }
    // The binary the wheel ships is the one the extension ships.
    let dir = tempfile::TempDir::new().unwrap();
    let binary = venv_with(wheel, dir.path()).join("bin/copydesk");
    let extension = Path::new(CHECKOUT).join("editors/vscode");
    succeeded(
        run(
            &extension,
            "./build.sh",
            &[
                "--target",
                "linux-x64",
                "--binary",
                binary.to_str().unwrap(),
            ],
            &[],
        ),
        "build.sh --target linux-x64",
    );
    let vsix = extension.join(format!("copydesk-linux-x64-{VERSION}.vsix"));
    eprintln!(
        "{}: {} bytes",
        vsix.display(),
        std::fs::metadata(&vsix).unwrap().len()
    );
    // The extension's own test unpacks it, runs the binary and resolves the
    // server with the extension's code.
    succeeded(
        run(
            &extension,
            "node",
            &["--test", "test/bundled.test.js"],
            &[("VSIX", &vsix)],
        ),
        "node --test test/bundled.test.js",
    );
}
