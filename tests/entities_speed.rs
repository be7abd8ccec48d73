//! Extraction throughput on one core. Ignored by default (it needs a release build to mean
//! anything): `cargo test --release --test entities_speed -- --ignored --nocapture`.
//!
//! Throughput is reported against wall time and, on Linux, against the thread's own CPU time
//! (`/proc/thread-self/schedstat`), which stays meaningful when other work shares the cores.

use std::time::Instant;

use briefs::extract::entities::{extract_mentions, Extractor};

/// The labelled passages' text, repeated until the corpus is about `bytes` long.
fn corpus(bytes: usize) -> Vec<String> {
    let mut passages = Vec::new();
    for file in ["labelled.jsonl", "heldout.jsonl", "unseen.jsonl"] {
        let path = format!("{}/tests/data/entities/{file}", env!("CARGO_MANIFEST_DIR"));
        let data = std::fs::read_to_string(path).expect("labelled file is present");
        for line in data.lines() {
            let v: serde_json::Value = serde_json::from_str(line).expect("valid JSON line");
            passages.push(v["text"].as_str().unwrap_or_default().to_string());
        }
    }
    let mut out = Vec::new();
    let mut total = 0;
    while total < bytes {
        for p in &passages {
            total += p.len();
            out.push(p.clone());
        }
    }
    out
}

/// Nanoseconds this thread has run on a CPU, where the kernel tells.
fn cpu_ns() -> Option<u64> {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    s.split_whitespace().next()?.parse().ok()
}

/// Runs `f` and prints MB/s by wall time and by CPU time.
fn measure(label: &str, bytes: usize, f: impl FnOnce() -> usize) {
    let cpu0 = cpu_ns();
    let t = Instant::now();
    let n = f();
    let wall = t.elapsed().as_secs_f64();
    let cpu = cpu0.zip(cpu_ns()).map(|(a, b)| (b - a) as f64 / 1e9);
    let mb = bytes as f64 / 1e6;
    print!(
        "{label}: {mb:.1} MB, {n} mentions, wall {wall:.2} s = {:.1} MB/s",
        mb / wall
    );
    match cpu {
        Some(c) => println!(", cpu {c:.2} s = {:.1} MB/s", mb / c),
        None => println!(),
    }
}

#[test]
#[ignore = "benchmark: run in release with --ignored"]
fn extraction_throughput() {
    Extractor::global();
    let passages = corpus(20 << 20);
    let bytes: usize = passages.iter().map(String::len).sum();

    measure("per passage", bytes, || {
        passages.iter().map(|p| extract_mentions(p).len()).sum()
    });
    let blob = passages[..passages.len() / 4].join("\n\n");
    measure("one text", blob.len(), || extract_mentions(&blob).len());
}
