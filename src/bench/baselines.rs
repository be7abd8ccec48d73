//! The two baselines, fed the same passages and queries as ours.
//!
//! Raw tantivy does the job a user of tantivy alone would need to do: it reads every file from
//! disk, indexes that file's passages (the text our parser found) in one English-stemmed field
//! with positions (so it answers the same phrase queries) and stores the text a hit displays,
//! with the brief's regions and day beside it for filtered and date-sorted queries, on every
//! core. SQLite FTS5 gets the same passages from memory in one transaction and ranks with
//! `bm25()`.

use std::path::Path;
use std::time::Instant;

use rayon::prelude::*;

use super::queries::BenchQuery;
use super::{IngestRun, Latency};
use crate::error::{Error, Result};
use crate::model::Brief;

/// The passages of one file, as the baselines index them.
pub(super) struct FileRows {
    /// The file, read again from disk inside raw tantivy's timed ingest.
    pub(super) path: std::path::PathBuf,
    /// Its passages.
    pub(super) rows: Vec<PassageRow>,
}

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

/// Raw tantivy's index and the fields its queries use.
pub(super) struct RawIndex {
    pub(super) index: tantivy::Index,
    pub(super) body: tantivy::schema::Field,
    pub(super) region: tantivy::schema::Field,
}

/// Raw tantivy's ingest: read each file, index its passages, commit, wait for merges.
pub(super) fn raw_tantivy_ingest(
    dir: &Path,
    files: &[FileRows],
    memory: usize,
) -> Result<(RawIndex, IngestRun)> {
    use tantivy::schema::{
        IndexRecordOption, Schema, TextFieldIndexing, TextOptions, FAST, STORED, STRING,
    };
    std::fs::create_dir_all(dir).map_err(|source| Error::Io {
        context: format!("creating {}", dir.display()),
        source,
    })?;
    let mut sb = Schema::builder();
    let body = sb.add_text_field(
        "body",
        TextOptions::default()
            .set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer("en_stem")
                    .set_index_option(IndexRecordOption::WithFreqsAndPositions),
            )
            .set_stored(),
    );
    let region = sb.add_text_field("region", STRING);
    let day = sb.add_u64_field("day", FAST | STORED);
    let index = tantivy::Index::create_in_dir(dir, sb.build())?;
    let threads = std::thread::available_parallelism().map_or(2, |n| n.get());
    let t = Instant::now();
    let mut writer: tantivy::IndexWriter =
        index.writer_with_num_threads(threads, memory.max(threads * 15_000_000))?;
    files.par_iter().try_for_each(|f| -> Result<()> {
        let bytes = std::fs::read(&f.path).map_err(|source| Error::Read {
            path: f.path.clone(),
            source,
        })?;
        std::hint::black_box(bytes);
        for r in &f.rows {
            let mut doc = tantivy::doc!(body => r.text.as_str(), day => r.day);
            for reg in r.regions.split('|').filter(|x| !x.is_empty()) {
                doc.add_text(region, reg);
            }
            writer.add_document(doc)?;
        }
        Ok(())
    })?;
    writer.commit()?;
    writer.wait_merging_threads()?;
    let secs = t.elapsed().as_secs_f64();
    Ok((
        RawIndex {
            index,
            body,
            region,
        },
        IngestRun {
            secs,
            ..IngestRun::default()
        },
    ))
}

/// Raw tantivy's latency over one class: parse (all words required), top 10 and the exact
/// count, and the stored text of each of the 10 hits, as a hit list displays it.
pub(super) fn raw_latency(raw: &RawIndex, qs: &[&BenchQuery]) -> Result<Latency> {
    use tantivy::collector::{Count, TopDocs};
    use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
    use tantivy::schema::IndexRecordOption;
    let reader = raw.index.reader()?;
    let searcher = reader.searcher();
    let mut parser = tantivy::query::QueryParser::for_index(&raw.index, vec![raw.body]);
    parser.set_conjunction_by_default();
    let mut s = Vec::new();
    for (i, q) in qs.iter().enumerate() {
        let Some(raw_q) = &q.raw else { continue };
        let t = Instant::now();
        let (mut query, _) = parser.parse_query_lenient(&raw_q.text);
        if let Some(region) = &raw_q.region {
            query = Box::new(BooleanQuery::new(vec![
                (Occur::Must, query),
                (
                    Occur::Must,
                    Box::new(TermQuery::new(
                        tantivy::Term::from_field_text(raw.region, region),
                        IndexRecordOption::Basic,
                    )) as Box<dyn Query>,
                ),
            ]));
        }
        let hits: Vec<tantivy::DocAddress> = if raw_q.by_date {
            let (top, _) = searcher.search(
                &query,
                &(
                    TopDocs::with_limit(10).order_by_u64_field("day", tantivy::Order::Desc),
                    Count,
                ),
            )?;
            top.into_iter().map(|(_, a)| a).collect()
        } else {
            let (top, _) =
                searcher.search(&query, &(TopDocs::with_limit(10).order_by_score(), Count))?;
            top.into_iter().map(|(_, a)| a).collect()
        };
        for a in hits {
            let doc: tantivy::TantivyDocument = searcher.doc(a)?;
            std::hint::black_box(doc);
        }
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

pub(super) fn fts5_ingest(
    path: &Path,
    rows: &[&PassageRow],
) -> Result<(rusqlite::Connection, f64)> {
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
