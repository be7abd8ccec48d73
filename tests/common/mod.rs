//! Helpers shared by the CLI tests: run the real `briefs` binary in a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

/// The `briefs` binary under test, with colour off and no inherited configuration.
pub fn briefs() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("briefs").expect("binary builds");
    cmd.env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("NO_COLOR", "1");
    cmd
}

/// The crate root.
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// `tests/fixtures/…`.
pub fn fixture(rel: &str) -> PathBuf {
    root().join("tests/fixtures").join(rel)
}

/// The shared research data folder, or `None` (with a printed reason) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        eprintln!(
            "skipped: {} is absent (../shared is only present in the project workspace and CI)",
            p.display()
        );
        None
    }
}

/// Runs `briefs <args> --json` and decodes stdout as one JSON value.
pub fn json(args: &[&str], cwd: &Path) -> serde_json::Value {
    let out = briefs()
        .current_dir(cwd)
        .args(args)
        .arg("--json")
        .output()
        .expect("runs");
    assert!(
        out.status.code().is_some_and(|c| c <= 1),
        "briefs {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| {
        panic!(
            "bad JSON from {args:?}: {e}\n{}",
            String::from_utf8_lossy(&out.stdout)
        )
    })
}
