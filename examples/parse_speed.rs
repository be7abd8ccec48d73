//! Parse throughput per input format, on the current thread.
//!
//! `taskset -c 0 cargo run --release --example parse_speed -- DIR…` (default `corpus/crs`) reads every file under the
//! given folders whose extension `briefs` reads into memory, then parses each format's files
//! (best of three passes) and prints files, MB and MB/s per format. Parsing only: no entity
//! extraction, no indexing.

use std::collections::BTreeMap;
use std::time::Instant;

use briefs::parse::{parse_bytes, Format};

fn main() {
    let mut dirs: Vec<String> = std::env::args().skip(1).collect();
    if dirs.is_empty() {
        dirs.push("corpus/crs".into());
    }
    let mut by_format: BTreeMap<String, Vec<(String, Vec<u8>, Format)>> = BTreeMap::new();
    for dir in &dirs {
        for entry in walkdir::WalkDir::new(dir)
            .into_iter()
            .filter_map(Result::ok)
        {
            let path = entry.path();
            let Some(format) = Format::of_path(path) else {
                continue;
            };
            let Ok(bytes) = std::fs::read(path) else {
                continue;
            };
            by_format.entry(format!("{format:?}")).or_default().push((
                path.display().to_string(),
                bytes,
                format,
            ));
        }
    }
    println!("| format | files | MB | MB/s | failed |");
    println!("| --- | ---: | ---: | ---: | ---: |");
    for (name, files) in &by_format {
        let bytes: usize = files.iter().map(|f| f.1.len()).sum();
        let mut best = f64::MAX;
        let mut failed = 0;
        for _ in 0..3 {
            failed = 0;
            let t = Instant::now();
            for (source, data, format) in files {
                if parse_bytes(data, source, *format).is_err() {
                    failed += 1;
                }
            }
            best = best.min(t.elapsed().as_secs_f64());
        }
        let mb = bytes as f64 / 1e6;
        println!(
            "| {name} | {} | {mb:.1} | {:.1} | {failed} |",
            files.len(),
            mb / best
        );
    }
}
