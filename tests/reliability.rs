//! Nothing lost under concurrent use and faults: a held writer lock, searches during an
//! ingest, a read-only index folder, a full disk, and files that vanish mid-ingest.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};

use briefs::index::{self, BriefIndex};
use common::briefs;

/// Checks the index opens and holds each brief once, with all its passages.
fn assert_consistent(idx: &Path) -> u64 {
    let bi = BriefIndex::open(idx).expect("index opens");
    let (heads, passages) = index::counts(&bi).unwrap();
    let state = index::read_state(&bi).unwrap();
    assert_eq!(
        heads as usize,
        state.brief_count(),
        "a brief id appears twice"
    );
    assert_eq!(
        passages,
        heads * 6,
        "every committed brief has all 6 passages"
    );
    heads
}

#[test]
fn second_ingest_fails_at_once_while_searches_work() {
    let d = tempfile::tempdir().unwrap();
    common::write_archive(&d.path().join("arch"), 40);
    common::json(&["ingest", "arch", "--index", "idx"], d.path());
    // Hold the writer lock as a running ingest would.
    let bi = BriefIndex::open(&d.path().join("idx")).unwrap();
    let writer = bi
        .index
        .writer::<tantivy::TantivyDocument>(50_000_000)
        .unwrap();
    let started = std::time::Instant::now();
    let out = briefs()
        .current_dir(d.path())
        .args(["ingest", "arch", "--index", "idx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("another ingest holds the index"), "{err}");
    assert!(
        started.elapsed().as_secs() < 30,
        "fails at once rather than waiting"
    );
    let out = briefs()
        .current_dir(d.path())
        .args(["search", "--index", "idx", "marker7"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "search works while the lock is held"
    );
    let out = briefs()
        .current_dir(d.path())
        .args(["ingest", "arch", "--index", "idx", "--rebuild"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a rebuild respects the lock too"
    );
    drop(writer);
    assert_eq!(assert_consistent(&d.path().join("idx")), 40);
}

#[test]
fn search_during_ingest_sees_the_last_commit() {
    let d = tempfile::tempdir().unwrap();
    common::write_archive(&d.path().join("arch"), 1500);
    let bin = assert_cmd::cargo::cargo_bin("briefs");
    let mut child = Command::new(&bin)
        .current_dir(d.path())
        .args([
            "ingest",
            "arch",
            "--index",
            "idx",
            "--batch",
            "100",
            "--threads",
            "1",
        ])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut seen = Vec::new();
    while child.try_wait().unwrap().is_none() {
        let out = briefs()
            .current_dir(d.path())
            .args(["stats", "--index", "idx", "--json"])
            .output()
            .unwrap();
        if out.status.success() {
            let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            seen.push(v["briefs"].as_u64().unwrap());
        }
        std::thread::sleep(std::time::Duration::from_millis(50));
    }
    assert!(child.wait().unwrap().success());
    assert!(
        seen.windows(2).all(|w| w[0] <= w[1]),
        "counts only grow: {seen:?}"
    );
    assert!(
        seen.iter().all(|n| n % 100 == 0 || *n == 1500),
        "readers see whole batches: {seen:?}"
    );
    assert_eq!(assert_consistent(&d.path().join("idx")), 1500);
}

#[test]
fn vanishing_files_are_reported_and_the_next_run_converges() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    common::write_archive(&arch, 2000);
    let bin = assert_cmd::cargo::cargo_bin("briefs");
    let child = Command::new(&bin)
        .current_dir(d.path())
        .args([
            "ingest", "arch", "--index", "idx", "--batch", "200", "--json",
        ])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    // Delete every third folder while the ingest runs.
    let mut removed = 0;
    for i in (0..200).step_by(3) {
        let _ = std::fs::remove_dir_all(arch.join(format!("{i:03}")));
        removed += 10;
    }
    let out = child.wait_with_output().unwrap();
    assert!(
        matches!(out.status.code(), Some(0) | Some(1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for f in r["failed"].as_array().unwrap() {
        assert!(f["path"].as_str().unwrap().starts_with("arch/"), "{f}");
        assert!(
            f["reason"].as_str().unwrap().contains("No such file"),
            "{f}"
        );
    }
    let r = common::json(&["ingest", "arch", "--index", "idx"], d.path());
    assert_eq!(r["briefs_total"], 2000 - removed);
    assert_eq!(
        assert_consistent(&d.path().join("idx")),
        (2000 - removed) as u64
    );
}

/// Runs `mount` and reports whether it worked (tests needing mounts skip without root).
fn mount(args: &[&str]) -> bool {
    Command::new("mount")
        .args(args)
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success())
}

struct Mounted(std::path::PathBuf);
impl Drop for Mounted {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.0).status();
    }
}

#[test]
fn read_only_index_folder_gives_a_clear_error_and_stays_searchable() {
    let d = tempfile::tempdir().unwrap();
    let idx = d.path().join("idx");
    std::fs::create_dir(&idx).unwrap();
    if !mount(&[
        "-t",
        "tmpfs",
        "-o",
        "size=64m",
        "tmpfs",
        idx.to_str().unwrap(),
    ]) {
        common::skip("cannot mount a tmpfs here (needs root)");
        return;
    }
    let _m = Mounted(idx.clone());
    common::write_archive(&d.path().join("arch"), 30);
    common::json(&["ingest", "arch", "--index", "idx"], d.path());
    assert!(mount(&["-o", "remount,ro", idx.to_str().unwrap()]));
    common::write_archive(&d.path().join("arch2"), 5);
    let out = briefs()
        .current_dir(d.path())
        .args(["ingest", "arch2", "--index", "idx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("idx")
            && (err.to_lowercase().contains("read-only") || err.contains("ermission")),
        "{err}"
    );
    let out = briefs()
        .current_dir(d.path())
        .args(["search", "--index", "idx", "marker3"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(assert_consistent(&idx), 30);
}

#[test]
fn full_disk_mid_ingest_keeps_the_last_commit() {
    let d = tempfile::tempdir().unwrap();
    let idx = d.path().join("idx");
    std::fs::create_dir(&idx).unwrap();
    if !mount(&[
        "-t",
        "tmpfs",
        "-o",
        "size=3m",
        "tmpfs",
        idx.to_str().unwrap(),
    ]) {
        common::skip("cannot mount a tmpfs here (needs root)");
        return;
    }
    let _m = Mounted(idx.clone());
    common::write_archive(&d.path().join("arch"), 4000);
    let out = briefs()
        .current_dir(d.path())
        .args([
            "ingest", "arch", "--index", "idx", "--batch", "250", "--memory", "40",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "the disk fills: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("No space left") || err.to_lowercase().contains("space"),
        "{err}"
    );
    let n = assert_consistent(&idx);
    assert_eq!(n % 250, 0, "only whole batches were committed: {n}");
}
