//! The report of `briefs bench` for people: Markdown tables ready to paste into BENCHMARKS.md.

use std::fmt::Write;

use super::{BenchReport, Latency};

fn lat(l: &Option<Latency>) -> String {
    l.as_ref().map_or("—".to_string(), |l| {
        format!("{:.2} / {:.2}", l.p50_ms, l.p99_ms)
    })
}

fn ratio(r: Option<f64>) -> String {
    r.map_or("—".to_string(), |r| format!("{r:.2}×"))
}

/// The report of `briefs bench` as Markdown tables (ready to paste into BENCHMARKS.md).
pub fn markdown(r: &BenchReport) -> String {
    let mut o = String::new();
    let _ = writeln!(o, "machine: {}", r.machine);
    let _ = writeln!(
        o,
        "corpus: {} — {} files, {} briefs, {} passages, {:.1} MB\n",
        r.corpus,
        r.files,
        r.briefs,
        r.passages,
        r.raw_bytes as f64 / 1e6
    );
    let _ = writeln!(
        o,
        "our index: --codec {}\n\n| ingest | seconds | MB/s | briefs/s | peak RSS MB | index MB |",
        r.codec.name()
    );
    let _ = writeln!(o, "| --- | ---: | ---: | ---: | ---: | ---: |");
    for (name, run) in [
        ("briefs (end to end)", &r.ours),
        (
            "raw tantivy (reads files; passages stemmed, positions, stored)",
            &r.raw_tantivy,
        ),
        ("SQLite FTS5 (passages in memory)", &r.fts5),
    ] {
        let _ = writeln!(
            o,
            "| {name} | {:.2} | {:.1} | {:.0} | {:.0} | {:.1} |",
            run.secs,
            run.mb_per_sec,
            run.briefs_per_sec,
            run.peak_rss_mb,
            run.index_bytes as f64 / 1e6
        );
    }
    let _ = writeln!(
        o,
        "\nours / raw tantivy ingest time: {:.2}×; ours / FTS5: {:.2}×; index size / raw text: {:.2}",
        r.ingest_vs_raw, r.ingest_vs_fts5, r.index_size_ratio
    );
    let s = &r.stages;
    let _ = writeln!(
        o,
        "our stages: discover {:.2} s, read+parse {:.2} s, index {:.2} s, commit/merge {:.2} s\n",
        s.discover, s.read_parse, s.index, s.commit_merge
    );
    let _ = writeln!(o, "| query class (p50 / p99 ms) | ours, 1 thread | ours, all cores | raw tantivy | FTS5 | p50 vs raw | p99 vs raw | p50 vs FTS5 | p99 vs FTS5 |");
    let _ = writeln!(
        o,
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |"
    );
    for c in &r.queries {
        let _ = writeln!(
            o,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            c.class,
            lat(&Some(c.ours_1_thread.clone())),
            lat(&Some(c.ours_all_cores.clone())),
            lat(&c.raw_tantivy),
            lat(&c.fts5),
            ratio(c.p50_vs_raw),
            ratio(c.p99_vs_raw),
            ratio(c.p50_vs_fts5),
            ratio(c.p99_vs_fts5)
        );
    }
    if let Some(p) = &r.process {
        let _ = writeln!(
            o,
            "\nwhole `briefs search` process (start, open, search, print), 1-word queries: p50 {:.1} ms, p99 {:.1} ms",
            p.p50_ms, p.p99_ms
        );
    }
    o
}
