//! A real client: Emacs in batch mode with eglot (Debian's emacs-nox and
//! elpa-eglot) runs editors/emacs/tests/e2e.el on the example post against
//! the built `copydesk lsp`: its diagnostics sit where `copydesk check` puts
//! them, the quick fix deletes the repeated title, and `eglot-shutdown`
//! (which sends `shutdown` and `exit` with `"params": null`) ends the session
//! with no error.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;

mod common;
use common::{example_post, finish_within, missing};

const TIMEOUT: Duration = Duration::from_secs(60);

fn emacs_with_eglot() -> bool {
    Command::new("emacs")
        .args(["-q", "--batch", "--eval", "(require 'eglot)"])
        .stdin(Stdio::null())
        .output()
        .is_ok_and(|output| output.status.success())
}

/// Each diagnostic's rule, line and column, sorted; `fields` picks them out.
fn places(
    list: &Value,
    fields: impl Fn(&Value) -> (&Value, &Value, &Value),
) -> Vec<(String, u64, u64)> {
    let mut places: Vec<(String, u64, u64)> = list
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let (rule, line, column) = fields(d);
            (
                rule.as_str().unwrap().to_string(),
                line.as_u64().unwrap(),
                column.as_u64().unwrap(),
            )
        })
        .collect();
    places.sort();
    places
}

#[test]
fn emacs_eglot_shows_the_diagnostics_applies_a_quick_fix_and_shuts_down() {
    if !emacs_with_eglot() {
        missing("Emacs with eglot (Debian: emacs-nox, elpa-eglot)");
        return;
    }
    let Some(post) = example_post() else { return };
    let dir = tempfile::TempDir::new().unwrap();
    let dir = dir.path();
    // project.el finds the post's project by its git repository.
    let git = Command::new("git")
        .args(["init", "-q"])
        .current_dir(dir)
        .status()
        .unwrap();
    assert!(git.success());
    let path = dir.join("post.md");
    std::fs::write(&path, &post).unwrap();
    let result = dir.join("result.json");

    let cli = Command::new(env!("CARGO_BIN_EXE_copydesk"))
        .args(["check", "--format", "json", "post.md"])
        .current_dir(dir)
        .output()
        .unwrap();
    let cli: Value = serde_json::from_slice(&cli.stdout).unwrap();
    let expected = places(&cli["diagnostics"], |d| {
        (&d["rule"], &d["start"]["line"], &d["start"]["column"])
    });

    let editors = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/emacs");
    let mut child = Command::new("emacs")
        .args(["-q", "--batch", "-l"])
        .arg(editors.join("copydesk.el"))
        .arg("-l")
        .arg(editors.join("tests/e2e.el"))
        .current_dir(dir)
        .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
        .env("COPYDESK_POST", &path)
        .env("COPYDESK_RESULT", &result)
        .env("HOME", dir)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    finish_within(&mut child, TIMEOUT);
    let output = child.wait_with_output().unwrap();
    let log = format!(
        "{}{}",
        String::from_utf8_lossy(&output.stdout),
        String::from_utf8_lossy(&output.stderr)
    );
    assert!(output.status.success(), "emacs: {:?}\n{log}", output.status);
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(&result).unwrap_or_else(|_| panic!("no result\n{log}")),
    )
    .unwrap();

    let shown = places(&report["diagnostics"], |d| {
        (&d["code"], &d["line"], &d["column"])
    });
    assert!(!expected.is_empty());
    assert_eq!(shown, expected, "{log}");
    assert_eq!(report["fixed"], true, "{report}\n{log}");
    assert_eq!(report["title_line_left"], false, "{report}");
    assert_eq!(report["shutdown_error"], Value::Null, "{report}\n{log}");
    assert_eq!(report["running"], false, "{report}");
}
