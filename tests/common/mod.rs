//! Helpers shared by the end-to-end test binaries.
// Each test binary uses a different subset of these.
#![allow(dead_code)]

use std::path::Path;

use assert_cmd::Command;
use tempfile::TempDir;

/// The built binary, run in `dir`, without colour.
pub fn copydesk(dir: &Path) -> Command {
    let mut command = Command::cargo_bin("copydesk").unwrap();
    command
        .current_dir(dir)
        .env("NO_COLOR", "1")
        // English unless a test asks for another language.
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env_remove("LANG")
        .env_remove("COPYDESK_FAULT_BEFORE_RENAME");
    command
}

/// A throwaway site with the given files.
pub fn site(files: &[(&str, &[u8])]) -> TempDir {
    let dir = TempDir::new().unwrap();
    for (path, bytes) in files {
        let path = dir.path().join(path);
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(path, bytes).unwrap();
    }
    dir
}

/// Waits for `child` to end; after `limit` it is killed, reaped, and the
/// answer is `None`, so a hung editor or browser cannot hang the test run.
pub fn finish_within(
    child: &mut std::process::Child,
    limit: std::time::Duration,
) -> Option<std::process::ExitStatus> {
    let deadline = std::time::Instant::now() + limit;
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return Some(status);
        }
        if std::time::Instant::now() >= deadline {
            let _ = child.kill();
            let _ = child.wait();
            return None;
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
}

/// Whether `program --version` runs and succeeds.
pub fn available(program: &str) -> bool {
    std::process::Command::new(program)
        .arg("--version")
        .stdin(std::process::Stdio::null())
        .output()
        .is_ok_and(|output| output.status.success())
}

/// For a test whose program or file is missing: a failure in CI (`CI` is
/// set, and `scripts/test` installs everything), a skip with a message elsewhere.
#[allow(clippy::print_stderr)]
pub fn missing(what: &str) {
    assert!(std::env::var("CI").is_err(), "CI needs {what}");
    eprintln!("skipping: {what} is not here");
}

/// The post the product was designed from, kept in `shared/` beside the checkout.
pub fn example_post() -> Option<Vec<u8>> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../shared/examples/2025-11-20-openai-aws-contract.md");
    let bytes = std::fs::read(path).ok();
    if bytes.is_none() {
        missing("../shared/examples beside the checkout");
    }
    bytes
}
