//! Helpers shared by the CLI tests: run the real `briefs` binary in a clean environment.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

pub mod browser;
pub mod serve;

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

/// Skips a test whose need is missing: prints why, or fails under `CI=true`, where
/// `.ci/run` provides every need (root, Chromium, `../shared`) and a skip would hide a test
/// that tested nothing.
pub fn skip(reason: &str) {
    if std::env::var("CI").is_ok_and(|v| v == "true") {
        panic!("CI=true, yet this test cannot run: {reason}");
    }
    eprintln!("skipped: {reason}");
}

/// The shared research data folder, or `None` (with a printed reason) when absent.
pub fn shared(rel: &str) -> Option<PathBuf> {
    let p = root().join("../shared").join(rel);
    if p.exists() {
        Some(p)
    } else {
        skip(&format!(
            "{} is absent (../shared is only present in the project workspace and CI)",
            p.display()
        ));
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

/// Writes `n` small, distinct saved-page briefs (about 1.5 KB each) into `dir`, ten per folder.
/// Brief `i` contains the word `marker{i}` so tests can find each one.
pub fn write_archive(dir: &Path, n: usize) {
    let regions = [
        "Iran",
        "Iraq",
        "Syria",
        "Yemen",
        "Oman",
        "Qatar",
        "Pakistan",
        "Afghanistan",
    ];
    for i in 0..n {
        let sub = dir.join(format!("{:03}", i / 10));
        std::fs::create_dir_all(&sub).unwrap();
        let region = regions[i % regions.len()];
        let mut body = String::new();
        for p in 0..6 {
            body.push_str(&format!(
                "Paragraph {p} of brief {i} notes that delegations met in {region} to discuss trade, water and border crossings, and that marker{i} was recorded.\n\n"
            ));
        }
        let text = format!(
            "Synthetic Brief Number {i}\n\nby Test Author {}\n\n{}\n\nBrief Analysis\n\nA standfirst for brief {i}.\n\nFindings\n\n{body}TOPICS\n\nTopic {}\n\nREGIONS & COUNTRIES\n\n{region}\n",
            i % 7,
            format_args!("2020-{:02}-{:02}", 1 + i % 12, 1 + i % 28),
            i % 5
        );
        std::fs::write(sub.join(format!("brief-{i:05}.txt")), text).unwrap();
    }
}

/// Copies a folder tree (fixtures into a test's temporary folder).
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            std::fs::copy(e.path(), dest).unwrap();
        }
    }
}
