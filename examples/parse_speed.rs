//! Parse speed on one core: the reader alone (decode, page furniture, body, inline markup),
//! without entity or event extraction.
//!
//! `taskset -c 0 cargo run --release --example parse_speed -- corpus/crs` reads every brief
//! file under the folder into memory, parses all of them `ROUNDS` times (5 by default, the
//! second argument) on the calling thread, and prints the best round's MB/s with the file,
//! brief and passage counts.

use std::time::Instant;

use briefs::parse::{parse_bytes, Format};

fn main() {
    let mut args = std::env::args().skip(1);
    let dir = args.next().unwrap_or_else(|| "corpus/crs".into());
    let rounds: usize = args.next().and_then(|r| r.parse().ok()).unwrap_or(5);
    let files: Vec<(String, Format, Vec<u8>)> = walkdir::WalkDir::new(&dir)
        .sort_by_file_name()
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.file_type().is_file() && e.file_name() != "README.md")
        .filter_map(|e| {
            let format = Format::of_path(e.path())?;
            let bytes = std::fs::read(e.path()).ok()?;
            Some((e.path().display().to_string(), format, bytes))
        })
        .collect();
    let bytes: usize = files.iter().map(|(_, _, b)| b.len()).sum();
    let mut best = f64::INFINITY;
    let (mut briefs, mut passages) = (0, 0);
    for _ in 0..rounds.max(1) {
        let t = Instant::now();
        (briefs, passages) = (0, 0);
        for (source, format, data) in &files {
            if let Ok(parsed) = parse_bytes(data, source, *format) {
                briefs += parsed.briefs.len();
                passages += parsed
                    .briefs
                    .iter()
                    .map(|b| b.passages.len())
                    .sum::<usize>();
            }
        }
        best = best.min(t.elapsed().as_secs_f64());
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{dir}: {} files, {mb:.2} MB, {briefs} briefs, {passages} passages; parse {:.1} ms, {:.1} MB/s (best of {rounds})",
        files.len(),
        best * 1e3,
        mb / best
    );
}
