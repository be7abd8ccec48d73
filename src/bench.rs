//! `briefs bench`: ingest and query throughput at archive scale, measured in one run next to
//! two baselines on the same passages and queries: raw tantivy (one text field, default
//! tokenizer) and SQLite FTS5 with `bm25()` ranking. Claims are ratios from the same run on the
//! same machine, never absolute numbers from elsewhere.

use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::index::{self, IngestOptions, NoProgress, StageTimes};
use crate::model::Brief;
use crate::search::{Engine, SearchRequest, Sort};

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
    /// Raw tantivy: passages from memory into one text field.
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
}

/// A query of the mixed set, expressed for each engine.
#[derive(Debug, Clone)]
struct BenchQuery {
    ours: SearchRequest,
    raw: Option<String>,
    fts5: Option<(String, Option<String>, bool)>,
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

    // The same passages for the baselines, parsed once and held in memory.
    let briefs: Vec<Brief> = found
        .files
        .par_iter()
        .flat_map_iter(|f| {
            crate::parse::parse_file(&f.path)
                .map(|p| p.briefs)
                .unwrap_or_default()
        })
        .collect();
    let passages: Vec<PassageRow> = briefs.iter().flat_map(PassageRow::of).collect();
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
    let raw_index = raw_tantivy_ingest(&raw_dir, &passages, opts.memory_bytes)?;
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

    Ok(BenchReport {
        machine: machine(),
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
    })
}

/// A passage as the baselines see it.
struct PassageRow {
    text: String,
    regions: String,
    day: u64,
}

impl PassageRow {
    fn of(b: &Brief) -> Vec<PassageRow> {
        let regions = format!("|{}|", b.regions.join("|"));
        let day = b.date.map_or(0, index::day_number);
        let mut rows: Vec<PassageRow> = b
            .passages
            .iter()
            .map(|p| PassageRow {
                text: format!("{} {}", b.title, p.text),
                regions: regions.clone(),
                day,
            })
            .collect();
        if let Some(s) = &b.summary {
            rows.push(PassageRow {
                text: format!("{} {s}", b.title),
                regions,
                day,
            });
        }
        rows
    }
}

fn describe(r: &SearchRequest) -> String {
    let mut s = r.query.clone();
    for reg in &r.regions {
        s.push_str(&format!(" --region {reg:?}"));
    }
    if r.facets {
        s.push_str(" --facets");
    }
    if r.sort == Sort::Date {
        s.push_str(" --sort date");
    }
    s
}

fn plain_query(q: &str) -> BenchQuery {
    let fts = fts5_match(q);
    BenchQuery {
        ours: SearchRequest {
            query: q.to_string(),
            ..SearchRequest::default()
        },
        raw: Some(q.to_string()),
        fts5: Some((fts, None, false)),
    }
}

/// FTS5 MATCH syntax for a query of plain words or one quoted phrase: each word quoted.
fn fts5_match(q: &str) -> String {
    if q.starts_with('"') {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

/// SplitMix64, so the query set is the same for a seed on every machine.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

const STOP: &[&str] = &[
    "that", "with", "from", "this", "have", "were", "their", "which", "would", "there", "been",
    "they", "also", "into", "than", "more", "about", "over",
];

fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// The mixed query set: words, pairs, triples, phrases, filtered, faceted, date-sorted and
/// misspelt queries drawn from the corpus itself.
fn mixed_queries(briefs: &[Brief], seed: u64, per_class: usize) -> Vec<(String, BenchQuery)> {
    let mut rng = Rng(seed ^ 0xB1E5);
    let mut out = Vec::new();
    let with_text: Vec<&Brief> = briefs.iter().filter(|b| !b.passages.is_empty()).collect();
    if with_text.is_empty() {
        return out;
    }
    let pick = |rng: &mut Rng| -> (&Brief, Vec<String>) {
        loop {
            let b = with_text[rng.below(with_text.len())];
            let p = &b.passages[rng.below(b.passages.len())];
            let w = words(&p.text);
            if w.len() >= 4 {
                return (b, w);
            }
        }
    };
    for _ in 0..per_class {
        let (_, w) = pick(&mut rng);
        out.push(("1 word".to_string(), plain_query(&w[rng.below(w.len())])));
        let (_, w) = pick(&mut rng);
        let q = format!("{} {}", w[rng.below(w.len())], w[rng.below(w.len())]);
        out.push(("2 words".to_string(), plain_query(&q)));
        let (_, w) = pick(&mut rng);
        let q = format!(
            "{} {} {}",
            w[rng.below(w.len())],
            w[rng.below(w.len())],
            w[rng.below(w.len())]
        );
        out.push(("3 words".to_string(), plain_query(&q)));
        let (_, w) = pick(&mut rng);
        let i = rng.below(w.len() - 1);
        out.push((
            "phrase".to_string(),
            plain_query(&format!("\"{} {}\"", w[i], w[i + 1])),
        ));

        let (b, w) = pick(&mut rng);
        let word = w[rng.below(w.len())].clone();
        if let Some(region) = b.regions.first() {
            out.push((
                "filtered".to_string(),
                BenchQuery {
                    ours: SearchRequest {
                        query: word.clone(),
                        regions: vec![region.clone()],
                        ..SearchRequest::default()
                    },
                    raw: None,
                    fts5: Some((fts5_match(&word), Some(format!("|{region}|")), false)),
                },
            ));
        }
        let (_, w) = pick(&mut rng);
        let q = format!("{} {}", w[rng.below(w.len())], w[rng.below(w.len())]);
        out.push((
            "faceted".to_string(),
            BenchQuery {
                ours: SearchRequest {
                    query: q,
                    facets: true,
                    ..SearchRequest::default()
                },
                raw: None,
                fts5: None,
            },
        ));
        let (_, w) = pick(&mut rng);
        let word = w[rng.below(w.len())].clone();
        out.push((
            "date-sorted".to_string(),
            BenchQuery {
                ours: SearchRequest {
                    query: word.clone(),
                    sort: Sort::Date,
                    ..SearchRequest::default()
                },
                raw: None,
                fts5: Some((fts5_match(&word), None, true)),
            },
        ));
        let (_, w) = pick(&mut rng);
        if let Some(long) = w.iter().find(|x| x.len() >= 6) {
            let cut = 1 + rng.below(long.len() - 2);
            let typo = format!("{}{}", &long[..cut], &long[cut + 1..]);
            out.push((
                "typo".to_string(),
                BenchQuery {
                    ours: SearchRequest {
                        query: typo,
                        ..SearchRequest::default()
                    },
                    raw: None,
                    fts5: None,
                },
            ));
        }
    }
    out
}

fn raw_tantivy_ingest(
    dir: &Path,
    rows: &[PassageRow],
    memory: usize,
) -> Result<((tantivy::Index, tantivy::schema::Field), IngestRun)> {
    use tantivy::schema::{Schema, TEXT};
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        context: format!("creating {}", dir.display()),
        source,
    })?;
    let mut sb = Schema::builder();
    let body = sb.add_text_field("body", TEXT);
    let index = tantivy::Index::create_in_dir(dir, sb.build())?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let t = Instant::now();
    let mut writer: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, memory.max(threads * 15_000_000))?;
    rows.par_iter().try_for_each(|r| {
        writer
            .add_document(tantivy::doc!(body => r.text.as_str()))
            .map(|_| ())
    })?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = t.elapsed().as_secs_f64();
    Ok((
        (index, body),
        IngestRun {
            secs,
            ..IngestRun::default()
        },
    ))
}

fn raw_latency(
    raw: &(tantivy::Index, tantivy::schema::Field),
    qs: &[&BenchQuery],
) -> Result<Latency> {
    use tantivy::collector::{Count, TopDocs};
    let reader = raw.0.reader()?;
    let searcher = reader.searcher();
    let mut parser = tantivy::query::QueryParser::for_index(&raw.0, vec![raw.1]);
    parser.set_conjunction_by_default();
    let mut s = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let text = q.raw.as_deref().unwrap_or_default();
        let t = Instant::now();
        let (query, _) = parser.parse_query_lenient(text);
        let _ = searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
        if i >= 5 || qs.len() <= 5 {
            s.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    Ok(Latency::of(s))
}

fn sqlite_err(e: rusqlite::Error) -> Error {
    Error::Usage(format!("SQLite baseline failed: {e}"))
}

fn fts5_ingest(path: &Path, rows: &[PassageRow]) -> Result<(rusqlite::Connection, f64)> {
    let mut conn = rusqlite::Connection::open(path).map_err(sqlite_err)?;
    let t = Instant::now();
    conn.execute_batch(
        "CREATE VIRTUAL TABLE p USING fts5(body, regions UNINDEXED, day UNINDEXED);",
    )
    .map_err(sqlite_err)?;
    let tx = conn.transaction().map_err(sqlite_err)?;
    {
        let mut stmt = tx
            .prepare("INSERT INTO p(body, regions, day) VALUES (?1, ?2, ?3)")
            .map_err(sqlite_err)?;
        for r in rows {
            stmt.execute(rusqlite::params![r.text, r.regions, r.day as i64])
                .map_err(sqlite_err)?;
        }
    }
    tx.commit().map_err(sqlite_err)?;
    Ok((conn, t.elapsed().as_secs_f64()))
}

fn fts5_latency(conn: &rusqlite::Connection, qs: &[&BenchQuery]) -> Result<Latency> {
    let mut plain = conn
        .prepare("SELECT rowid, bm25(p) FROM p WHERE p MATCH ?1 ORDER BY bm25(p) LIMIT 10")
        .map_err(sqlite_err)?;
    let mut filtered = conn
        .prepare("SELECT rowid, bm25(p) FROM p WHERE p MATCH ?1 AND instr(regions, ?2) > 0 ORDER BY bm25(p) LIMIT 10")
        .map_err(sqlite_err)?;
    let mut dated = conn
        .prepare("SELECT rowid FROM p WHERE p MATCH ?1 ORDER BY day DESC LIMIT 10")
        .map_err(sqlite_err)?;
    let mut s = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let Some((m, region, by_date)) = &q.fts5 else {
            continue;
        };
        let t = Instant::now();
        let n = match (region, by_date) {
            (Some(r), _) => filtered
                .query_map(rusqlite::params![m, r], |_| Ok(()))
                .map(|it| it.count()),
            (None, true) => dated
                .query_map(rusqlite::params![m], |_| Ok(()))
                .map(|it| it.count()),
            (None, false) => plain
                .query_map(rusqlite::params![m], |_| Ok(()))
                .map(|it| it.count()),
        };
        n.map_err(sqlite_err)?;
        if i >= 5 || qs.len() <= 5 {
            s.push(t.elapsed().as_secs_f64() * 1000.0);
        }
    }
    Ok(Latency::of(s))
}

fn tempdir_in(dir: Option<&Path>) -> Result<tempfile::TempDir> {
    let r = match dir {
        Some(d) => tempfile::Builder::new()
            .prefix("briefs-bench-")
            .tempdir_in(d),
        None => tempfile::Builder::new().prefix("briefs-bench-").tempdir(),
    };
    r.map_err(|source| Error::Io {
        context: "creating the bench folder".into(),
        source,
    })
}

fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Resets the kernel's peak-RSS mark for this process (Linux `clear_refs`), so each phase's
/// peak is its own.
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last reset, in MB (0 where /proc is unavailable).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A one-line description of this machine: cores, CPU model, memory.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(String::from("? GiB"), |kb| {
            format!("{:.0} GiB", kb / 1024.0 / 1024.0)
        });
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {cpu}, {mem}")
}
