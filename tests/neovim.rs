//! A real client: headless Neovim with the plugin in editors/neovim runs a
//! script of editors/neovim/tests against the built `copydesk lsp`, and
//! writes the outcome of each check to a JSON file read here. e2e.lua waits
//! for diagnostics, checks their positions, applies a quick fix, and checks
//! omnifunc and :CopydeskRestart; typing.lua completes tags in a list not yet
//! closed and by alias, and edits the vocabulary with no file watching;
//! language.lua sets the plugin to Japanese and reads the server's messages.
#![allow(clippy::print_stdout, clippy::print_stderr)] // a test reports what it measured

use std::fs::File;
use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use serde_json::Value;
use tempfile::TempDir;

mod common;
use common::{available, finish_within, missing};

/// The script gives up after 20 s on its own; this catches a Neovim that hangs anyway.
const TIMEOUT: Duration = Duration::from_secs(60);

/// The title is repeated on line index 5 and followed by a blank line.
const POST: &str =
    "---\ntitle: \"旅😀と本\"\ntags: [\"AI\"]\nreading_time: 20\n---\n旅😀と本\n\n本文です。\n";

/// Every check e2e.lua records, in order; all must be there and pass.
const CHECKS: &[&str] = &[
    "env",
    "executable",
    "buffer",
    "filetype",
    "attached",
    "duplicated-title published",
    "duplicated-title position",
    "encoding",
    "wire position",
    "reading-time",
    "round trip",
    "code action response",
    "quick fix offered",
    "fixed text",
    "republished after fix",
    "omnifunc",
    "restart",
];

#[test]
fn neovim_shows_diagnostics_and_applies_a_quick_fix() {
    run_script("e2e.lua", &[("post.md", POST)], CHECKS);
}

/// The tags vocabulary of the typing test: Anthropic, and 生成AI with its
/// alias GenAI. `Rust` is added by the script, on disk, mid-session.
const VOCABULARY: &str = "- Anthropic\n- name: 生成AI\n  aliases: [GenAI]\n";

#[test]
fn neovim_completes_while_typing_and_reloads_the_vocabulary() {
    run_script(
        "typing.lua",
        &[
            (
                ".copydesk.yml",
                "rules:\n  tag-vocabulary:\n    vocabularies:\n      tags: tags.vocab.yml\n",
            ),
            ("tags.vocab.yml", VOCABULARY),
            (
                "post.md",
                "---\ntitle: \"Typing\"\ntags: [\"Rust\"]\n---\n\n本文です。\n",
            ),
        ],
        &[
            "env",
            "attached",
            "unknown tag reported",
            "completion while typing",
            "alias completion",
            "still unknown",
            "vocabulary reloaded",
        ],
    );
}

/// `language = "ja"` in the plugin's setup: the server, started under an
/// English locale, sends Japanese diagnostics, hovers and action titles.
#[test]
fn neovim_set_to_japanese_shows_japanese_messages() {
    run_script(
        "language.lua",
        &[("post.md", POST)],
        &[
            "env",
            "attached",
            "japanese diagnostics",
            "japanese hover",
            "japanese action titles",
        ],
    );
}

/// Runs `editors/neovim/tests/<script>` in headless Neovim on `post.md` in a
/// folder holding `files`, and requires each of `expected` checks to pass.
fn run_script(script: &str, files: &[(&str, &str)], expected: &[&str]) {
    if !available("nvim") {
        missing("`nvim`");
        return;
    }
    let plugin = Path::new(env!("CARGO_MANIFEST_DIR")).join("editors/neovim");
    let dir = TempDir::new().unwrap();
    let dir = dir.path();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
    let post = dir.join("post.md");
    let result = dir.join("result.json");
    let stdout = dir.join("stdout.txt");
    let stderr = dir.join("stderr.txt");
    // Keeps Neovim's LSP log and any state out of the real home directory.
    let xdg = dir.join("xdg");

    let mut child = Command::new("nvim")
        .args(["--headless", "-n", "-u", "NONE", "-i", "NONE", "--cmd"])
        .arg(format!("set rtp^={}", plugin.display()))
        .arg("-c")
        .arg(format!(
            "luafile {}",
            plugin.join("tests").join(script).display()
        ))
        .arg(&post)
        .current_dir(dir)
        .env("COPYDESK_BIN", env!("CARGO_BIN_EXE_copydesk"))
        .env("COPYDESK_RESULT", &result)
        // An English locale: the language comes from the plugin or nowhere.
        .env("LANG", "C")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("XDG_CONFIG_HOME", xdg.join("config"))
        .env("XDG_DATA_HOME", xdg.join("data"))
        .env("XDG_STATE_HOME", xdg.join("state"))
        .env("XDG_CACHE_HOME", xdg.join("cache"))
        .stdin(Stdio::null())
        // Files, not pipes: nothing reads a pipe while waiting below, and a full one would block Neovim.
        .stdout(File::create(&stdout).unwrap())
        .stderr(File::create(&stderr).unwrap())
        .spawn()
        .unwrap_or_else(|error| panic!("nvim: {error}"));
    let status = finish_within(&mut child, TIMEOUT);

    let report = std::fs::read_to_string(&result).unwrap_or_default();
    let output = format!(
        "exit: {status:?}\nresult: {report}\nstderr:\n{}\nstdout:\n{}",
        std::fs::read_to_string(&stderr).unwrap_or_default(),
        std::fs::read_to_string(&stdout).unwrap_or_default(),
    );
    let status = status.unwrap_or_else(|| panic!("nvim was killed after {TIMEOUT:?}\n{output}"));
    let report: Value = serde_json::from_str(&report)
        .unwrap_or_else(|error| panic!("no result from e2e.lua ({error})\n{output}"));
    let checks = report["checks"]
        .as_array()
        .map(Vec::as_slice)
        .unwrap_or_default();
    for failed in checks
        .iter()
        .filter(|check| check["ok"].as_bool() != Some(true))
    {
        eprintln!("failed: {} ({})", failed["name"], failed["detail"]);
    }
    for name in expected {
        let check = checks
            .iter()
            .find(|check| check["name"] == *name)
            .unwrap_or_else(|| panic!("check `{name}` did not run\n{output}"));
        assert!(
            check["ok"].as_bool() == Some(true),
            "check `{name}` failed: {}\n{output}",
            check["detail"]
        );
    }
    assert!(report["ok"].as_bool() == Some(true), "{output}");
    assert!(status.success(), "{output}");
}
