//! `briefs bench`: ingest and query throughput at archive scale, measured in one run next to
//! two baselines on the same passages and queries: raw tantivy (one text field, default
//! tokenizer) and SQLite FTS5 with `bm25()` ranking. Claims are ratios from the same run on the
//! same machine, never absolute numbers from elsewhere.

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::{self, IngestOptions, NoProgress, StageTimes};
use crate::model::Brief;
use crate::search::Engine;

mod baselines;
mod machine;
mod queries;
mod render;

use baselines::{fts5_ingest, fts5_latency, raw_latency, raw_tantivy_ingest, FileRows, PassageRow};
use machine::{dir_bytes, reset_peak_rss, tempdir_in};
use queries::{describe, mixed_queries, plain_query, BenchQuery};

pub use machine::{machine, peak_rss_mb};
pub use render::markdown;

/// What to measure.
#[derive(Debug, Clone)]
pub struct BenchOptions {
    /// Generate this many briefs with `synth` (ignored when `archive` is set).
    pub briefs: usize,
    /// Measure an existing archive instead of a generated one.
    pub archive: Option<PathBuf>,
    /// One query per line to use instead of the generated mixed set (run as plain queries).
    pub queries: Option<PathBuf>,
    /// Seed for the generated archive and query set.
    pub seed: u64,
    /// Queries per class in the generated set.
    pub per_class: usize,
    /// Indexing memory budget in bytes (ours and raw tantivy alike).
    pub memory_bytes: usize,
    /// Where to build the archive and indexes (a temporary folder when `None`).
    pub work_dir: Option<PathBuf>,
    /// Document store compression of our index.
    pub codec: crate::index::schema::Codec,
}

impl Default for BenchOptions {
    fn default() -> Self {
        BenchOptions {
            briefs: 10_000,
            archive: None,
            queries: None,
            seed: 42,
            per_class: 100,
            memory_bytes: 256 * 1024 * 1024,
            work_dir: None,
            codec: crate::index::schema::Codec::default(),
        }
    }
}

/// Latency percentiles in milliseconds.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Latency {
    /// Queries timed.
    pub n: usize,
    /// Median.
    pub p50_ms: f64,
    /// 95th percentile.
    pub p95_ms: f64,
    /// 99th percentile.
    pub p99_ms: f64,
}

impl Latency {
    fn of(mut samples: Vec<f64>) -> Latency {
        if samples.is_empty() {
            return Latency::default();
        }
        samples.sort_by(|a, b| a.total_cmp(b));
        let pick = |q: f64| samples[((samples.len() as f64 - 1.0) * q).round() as usize];
        Latency {
            n: samples.len(),
            p50_ms: pick(0.50),
            p95_ms: pick(0.95),
            p99_ms: pick(0.99),
        }
    }
}

/// One engine's ingest of the corpus.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IngestRun {
    /// Wall seconds.
    pub secs: f64,
    /// Raw archive megabytes (10^6) per second.
    pub mb_per_sec: f64,
    /// Briefs per second.
    pub briefs_per_sec: f64,
    /// Peak resident memory during the run, in MB.
    pub peak_rss_mb: f64,
    /// Index size on disk in bytes.
    pub index_bytes: u64,
}

/// Latencies of one query class for each engine (`None` where an engine cannot express it).
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ClassResult {
    /// Query class name.
    pub class: String,
    /// An example query of the class.
    pub example: String,
    /// Ours, searching segments on one thread.
    pub ours_1_thread: Latency,
    /// Ours, searching segments on every core.
    pub ours_all_cores: Latency,
    /// Raw tantivy.
    pub raw_tantivy: Option<Latency>,
    /// SQLite FTS5.
    pub fts5: Option<Latency>,
    /// Ours (one thread) p50 / raw tantivy p50.
    pub p50_vs_raw: Option<f64>,
    /// Ours (one thread) p99 / raw tantivy p99.
    pub p99_vs_raw: Option<f64>,
    /// Ours (one thread) p50 / FTS5 p50.
    pub p50_vs_fts5: Option<f64>,
    /// Ours (one thread) p99 / FTS5 p99.
    pub p99_vs_fts5: Option<f64>,
}

/// Everything `briefs bench` measured.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct BenchReport {
    /// Cores, CPU model and memory of this machine.
    pub machine: String,
    /// Document store compression of our index (`--codec`).
    pub codec: crate::index::schema::Codec,
    /// Where the archive came from.
    pub corpus: String,
    /// Files, briefs and passages in it.
    pub files: usize,
    /// Briefs parsed.
    pub briefs: usize,
    /// Passages (plus standfirsts) fed to every engine.
    pub passages: usize,
    /// Raw archive size in bytes.
    pub raw_bytes: u64,
    /// Our end-to-end ingest: discover, read, parse, extract, index, commit.
    pub ours: IngestRun,
    /// Our stage times.
    pub stages: StageTimes,
    /// Raw tantivy: reads each file from disk and indexes its passages in one English-stemmed
    /// field with positions, the text stored, on every core (see `bench::baselines`).
    pub raw_tantivy: IngestRun,
    /// SQLite FTS5: passages from memory, one transaction.
    pub fts5: IngestRun,
    /// Ours / raw tantivy ingest time.
    pub ingest_vs_raw: f64,
    /// Ours / FTS5 ingest time.
    pub ingest_vs_fts5: f64,
    /// Our index size / raw archive size.
    pub index_size_ratio: f64,
    /// Query latency per class.
    pub queries: Vec<ClassResult>,
    /// Whole `briefs search QUERY --index DIR` processes (start, open, search, print), timed
    /// from outside over the 1-word queries; `None` when the bench does not run as `briefs`.
    #[serde(default)]
    pub process: Option<Latency>,
}

/// Times whole `briefs search` processes over `qs`, as a shell user or a script runs them. Only
/// when this process is the `briefs` binary (a library caller has no binary to start).
fn process_latency(index: &std::path::Path, qs: &[&BenchQuery]) -> Option<Latency> {
    let exe = std::env::current_exe().ok()?;
    if exe.file_stem()? != "briefs" || qs.is_empty() {
        return None;
    }
    let mut s = Vec::with_capacity(qs.len());
    for (i, q) in qs.iter().enumerate() {
        let t = Instant::now();
        let status = std::process::Command::new(&exe)
            .args(["--color", "never", "search", &q.ours.query, "--index"])
            .arg(index)
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .status()
            .ok()?;
        let ms = t.elapsed().as_secs_f64() * 1000.0;
        if status.code().is_none_or(|c| c > 1) {
            return None;
        }
        if i >= 3 || qs.len() <= 3 {
            s.push(ms);
        }
    }
    Some(Latency::of(s))
}

/// Runs the whole benchmark.
pub fn run(opts: &BenchOptions, log: &dyn Fn(&str)) -> Result<BenchReport> {
    let tmp = tempdir_in(opts.work_dir.as_deref())?;
    let work = tmp.path().to_path_buf();
    let io = |context: &str, source: std::io::Error| Error::Io {
        context: context.to_string(),
        source,
    };

    let (archive, corpus) = match &opts.archive {
        Some(a) => (a.clone(), a.display().to_string()),
        None => {
            let out = work.join("archive");
            log(&format!(
                "generating {} briefs (seed {})",
                opts.briefs, opts.seed
            ));
            crate::synth::generate(&crate::synth::SynthOptions {
                count: opts.briefs,
                seed: opts.seed,
                out: out.clone(),
            })?;
            (
                out,
                format!("briefs synth --count {} --seed {}", opts.briefs, opts.seed),
            )
        }
    };
    let found = crate::discover::discover(std::slice::from_ref(&archive));
    let raw_bytes: u64 = found.files.iter().map(|f| f.size).sum();

    // Ours, end to end.
    log("ingest: briefs");
    let ours_dir = work.join("ours");
    reset_peak_rss();
    let report = index::ingest(
        &IngestOptions {
            roots: vec![archive.clone()],
            index_dir: ours_dir.clone(),
            memory_bytes: opts.memory_bytes,
            codec: Some(opts.codec),
            ..IngestOptions::default()
        },
        &NoProgress,
    )?;
    let ours = IngestRun {
        secs: report.elapsed_secs,
        mb_per_sec: raw_bytes as f64 / 1e6 / report.elapsed_secs.max(1e-9),
        briefs_per_sec: report.briefs_indexed as f64 / report.elapsed_secs.max(1e-9),
        peak_rss_mb: peak_rss_mb(),
        index_bytes: dir_bytes(&ours_dir),
    };

    // The same passages for the baselines, parsed once; raw tantivy reads each file again.
    let per_file: Vec<(std::path::PathBuf, Vec<Brief>)> = found
        .files
        .par_iter()
        .map(|f| {
            let briefs = crate::parse::parse_file(&f.path)
                .map(|p| p.briefs)
                .unwrap_or_default();
            (f.path.clone(), briefs)
        })
        .collect();
    let files: Vec<FileRows> = per_file
        .iter()
        .map(|(path, briefs)| FileRows {
            path: path.clone(),
            rows: briefs.iter().flat_map(PassageRow::of).collect(),
        })
        .collect();
    let passages: Vec<&PassageRow> = files.iter().flat_map(|f| f.rows.iter()).collect();
    let briefs: Vec<Brief> = per_file.into_iter().flat_map(|(_, b)| b).collect();
    let n_briefs = briefs.len();
    let queries = match &opts.queries {
        Some(path) => std::fs::read_to_string(path)
            .map_err(|e| io(&format!("reading {}", path.display()), e))?
            .lines()
            .filter(|l| !l.trim().is_empty())
            .map(|l| ("file".to_string(), plain_query(l.trim())))
            .collect(),
        None => mixed_queries(&briefs, opts.seed, opts.per_class),
    };
    drop(briefs);

    log("ingest: raw tantivy");
    let raw_dir = work.join("raw");
    reset_peak_rss();
    let raw_index = raw_tantivy_ingest(&raw_dir, &files, opts.memory_bytes)?;
    let raw_tantivy = IngestRun {
        peak_rss_mb: peak_rss_mb(),
        index_bytes: dir_bytes(&raw_dir),
        ..raw_index.1
    };
    let raw_tantivy = IngestRun {
        mb_per_sec: raw_bytes as f64 / 1e6 / raw_tantivy.secs.max(1e-9),
        briefs_per_sec: n_briefs as f64 / raw_tantivy.secs.max(1e-9),
        ..raw_tantivy
    };

    log("ingest: SQLite FTS5");
    let fts_path = work.join("fts5.sqlite");
    reset_peak_rss();
    let (conn, fts_secs) = fts5_ingest(&fts_path, &passages)?;
    let fts5 = IngestRun {
        secs: fts_secs,
        mb_per_sec: raw_bytes as f64 / 1e6 / fts_secs.max(1e-9),
        briefs_per_sec: n_briefs as f64 / fts_secs.max(1e-9),
        peak_rss_mb: peak_rss_mb(),
        index_bytes: std::fs::metadata(&fts_path).map(|m| m.len()).unwrap_or(0),
    };

    log("queries");
    let single = Engine::open(&ours_dir)?;
    let multi = Engine::open_with_threads(
        &ours_dir,
        std::thread::available_parallelism().map_or(2, |n| n.get()),
    )?;
    let mut classes: Vec<String> = Vec::new();
    for (c, _) in &queries {
        if !classes.contains(c) {
            classes.push(c.clone());
        }
    }
    let mut results = Vec::new();
    for class in classes {
        let qs: Vec<&BenchQuery> = queries
            .iter()
            .filter(|(c, _)| *c == class)
            .map(|(_, q)| q)
            .collect();
        let time_ours = |engine: &Engine| -> Result<Latency> {
            for q in qs.iter().take(5) {
                engine.search(&q.ours)?;
            }
            let mut s = Vec::with_capacity(qs.len());
            for q in &qs {
                let t = Instant::now();
                engine.search(&q.ours)?;
                s.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            Ok(Latency::of(s))
        };
        let ours_1 = time_ours(&single)?;
        let ours_n = time_ours(&multi)?;
        let raw = if qs.iter().all(|q| q.raw.is_some()) {
            Some(raw_latency(&raw_index.0, &qs)?)
        } else {
            None
        };
        let fts = if qs.iter().all(|q| q.fts5.is_some()) {
            Some(fts5_latency(&conn, &qs)?)
        } else {
            None
        };
        let ratio = |a: f64, b: Option<f64>| b.filter(|b| *b > 0.0).map(|b| a / b);
        results.push(ClassResult {
            class: class.clone(),
            example: qs.first().map(|q| describe(&q.ours)).unwrap_or_default(),
            p50_vs_raw: ratio(ours_1.p50_ms, raw.as_ref().map(|l| l.p50_ms)),
            p99_vs_raw: ratio(ours_1.p99_ms, raw.as_ref().map(|l| l.p99_ms)),
            p50_vs_fts5: ratio(ours_1.p50_ms, fts.as_ref().map(|l| l.p50_ms)),
            p99_vs_fts5: ratio(ours_1.p99_ms, fts.as_ref().map(|l| l.p99_ms)),
            ours_1_thread: ours_1,
            ours_all_cores: ours_n,
            raw_tantivy: raw,
            fts5: fts,
        });
    }

    log("queries: whole processes");
    let one_word: Vec<&BenchQuery> = queries
        .iter()
        .filter(|(c, _)| c == "1 word")
        .map(|(_, q)| q)
        .collect();
    let process = process_latency(&ours_dir, &one_word);

    Ok(BenchReport {
        machine: machine(),
        codec: opts.codec,
        corpus,
        files: found.files.len(),
        briefs: n_briefs,
        passages: passages.len(),
        raw_bytes,
        ingest_vs_raw: ours.secs / raw_tantivy.secs.max(1e-9),
        ingest_vs_fts5: ours.secs / fts5.secs.max(1e-9),
        index_size_ratio: ours.index_bytes as f64 / raw_bytes.max(1) as f64,
        ours,
        stages: report.stages,
        raw_tantivy,
        fts5,
        queries: results,
        process,
    })
}
