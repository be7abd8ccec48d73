//! The two baselines, fed the same passages and queries as ours: raw tantivy (one text field,
//! default tokenizer) and SQLite FTS5 ranked by `bm25()`.

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

use super::queries::BenchQuery;
use super::{IngestRun, Latency};
use crate::error::{Error, Result};
use crate::model::Brief;

/// A passage as the baselines see it.
pub(super) struct PassageRow {
    pub(super) text: String,
    pub(super) regions: String,
    pub(super) day: u64,
}

impl PassageRow {
    pub(super) fn of(b: &Brief) -> Vec<PassageRow> {
        let regions = format!("|{}|", b.regions.join("|"));
        let day = b.date.map_or(0, crate::text::date::yyyymmdd);
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

/// FTS5 MATCH syntax for a query of plain words or one quoted phrase: each word quoted.
pub(super) fn fts5_match(q: &str) -> String {
    if q.starts_with('"') {
        return q.to_string();
    }
    q.split_whitespace()
        .map(|w| format!("\"{}\"", w.replace('"', "")))
        .collect::<Vec<_>>()
        .join(" ")
}

pub(super) fn raw_tantivy_ingest(
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

pub(super) fn raw_latency(
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

pub(super) fn sqlite_err(e: rusqlite::Error) -> Error {
    Error::Internal {
        context: "running the SQLite FTS5 baseline".into(),
        message: e.to_string(),
    }
}

pub(super) fn fts5_ingest(path: &Path, rows: &[PassageRow]) -> Result<(rusqlite::Connection, f64)> {
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

pub(super) fn fts5_latency(conn: &rusqlite::Connection, qs: &[&BenchQuery]) -> Result<Latency> {
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
