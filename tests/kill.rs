//! SIGKILL an ingest at random moments, over and over, while the archive changes under it.
//! After every kill the index must open, answer searches, and hold each brief exactly once
//! with all its passages; the next ingest must finish the job with exactly the right set.

mod common;

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use briefs::index::{self, BriefIndex};
use briefs::text::rng::SplitMix64;

const N: usize = 3000;

fn check(idx: &Path, expect_all: bool) -> u64 {
    let bi = BriefIndex::open(idx).expect("index opens after a kill");
    let (heads, passages) = index::counts(&bi).unwrap();
    let state = index::read_state(&bi).unwrap();
    assert_eq!(heads as usize, state.brief_count(), "no brief twice");
    assert_eq!(passages, heads * 6, "no brief without its passages");
    if expect_all {
        assert_eq!(
            heads as usize, N,
            "nothing missing once the archive was fully ingested"
        );
    }
    heads
}

/// Rewrites every `step`-th brief with a new revision marker in its standfirst.
fn edit(arch: &Path, round: usize, step: usize) -> usize {
    let mut edited = 0;
    for i in (round % step..N).step_by(step) {
        let p = arch.join(format!("{:03}/brief-{i:05}.txt", i / 10));
        let text = std::fs::read_to_string(&p).unwrap();
        let start = text.find("A standfirst for brief").unwrap();
        let end = start + text[start..].find('\n').unwrap();
        let new = format!(
            "{}A standfirst for brief {i}, revision r{round}x.{}",
            &text[..start],
            &text[end..]
        );
        std::fs::write(&p, new).unwrap();
        edited += 1;
    }
    edited
}

#[test]
fn killed_ingests_lose_nothing_and_duplicate_nothing() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    common::write_archive(&arch, N);
    let bin = assert_cmd::cargo::cargo_bin("briefs");
    let ingest = |index: &str| {
        Command::new(&bin)
            .current_dir(d.path())
            .args(["ingest", "arch", "--index", index, "--batch", "200"])
            .stdout(Stdio::null())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap()
    };

    // How long a full ingest takes here, to spread the kills over it.
    let t = Instant::now();
    let scratch = ingest("scratch").wait_with_output().unwrap();
    assert!(
        scratch.status.success(),
        "{}",
        String::from_utf8_lossy(&scratch.stderr)
    );
    let full_ms = (t.elapsed().as_millis() as u64).max(200);

    let mut rng = SplitMix64(2026);
    let (mut kills, mut complete, mut last_edit) = (0, false, 0);
    let mut window = full_ms / 2;
    for round in 0..80 {
        if kills >= 24 {
            break;
        }
        if complete {
            last_edit = round;
            edit(&arch, round, 4);
        }
        let mut child = ingest("idx");
        std::thread::sleep(Duration::from_millis(10 + rng.next_u64() % window.max(20)));
        match child.try_wait().unwrap() {
            Some(status) => {
                let mut err = String::new();
                if let Some(mut e) = child.stderr.take() {
                    let _ = std::io::Read::read_to_string(&mut e, &mut err);
                }
                assert!(status.success(), "round {round}: ingest failed: {err}");
                complete = true;
                // Finished before the kill: aim earlier next time (a loaded machine varies).
                window = (window * 2 / 3).max(20);
            }
            None => {
                child.kill().unwrap();
                child.wait().unwrap();
                kills += 1;
            }
        }
        check(&d.path().join("idx"), complete);
        let out = common::briefs()
            .current_dir(d.path())
            .args(["search", "--index", "idx", "marker17"])
            .output()
            .unwrap();
        assert!(
            matches!(out.status.code(), Some(0) | Some(1)),
            "search after kill: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    assert!(kills >= 20, "only {kills} kills landed mid-ingest");

    let out = common::json(&["ingest", "arch", "--index", "idx"], d.path());
    assert_eq!(out["briefs_total"].as_u64().unwrap() as usize, N);
    assert_eq!(check(&d.path().join("idx"), true) as usize, N);
    if last_edit > 0 {
        let tag = format!("r{last_edit}x");
        let r = common::json(
            &["search", "--index", "idx", &tag, "--limit", "1"],
            d.path(),
        );
        assert_eq!(
            r["total_briefs"].as_u64().unwrap() as usize,
            N / 4,
            "every edit of the last round landed once"
        );
    }
    eprintln!("kill test: {kills} kills, full ingest {full_ms} ms");
}
