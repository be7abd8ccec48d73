//! `briefs stats`: what the index holds and how large it is.

use serde::{Deserialize, Serialize};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::Term;

use super::schema::{doc_kind, SCHEMA_VERSION};
use super::store::BriefIndex;
use crate::error::Result;

/// Counts briefs (head documents) and passages in the committed index.
pub fn counts(bi: &BriefIndex) -> Result<(u64, u64)> {
    let reader = bi.index.reader()?;
    let searcher = reader.searcher();
    let heads = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::HEAD),
        IndexRecordOption::Basic,
    );
    let passages = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::PASSAGE),
        IndexRecordOption::Basic,
    );
    let b = searcher.search(&heads, &tantivy::collector::Count)? as u64;
    let p = searcher.search(&passages, &tantivy::collector::Count)? as u64;
    Ok((b, p))
}

/// What `briefs stats` reports about an index.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stats {
    /// Index folder.
    pub index: String,
    /// Briefs indexed.
    pub briefs: u64,
    /// Passages indexed.
    pub passages: u64,
    /// tantivy segments.
    pub segments: usize,
    /// Bytes on disk.
    pub bytes: u64,
    /// Schema version of the index.
    pub schema_version: u32,
    /// When the ingest behind the last commit started (RFC 3339), if known.
    pub last_ingest: Option<String>,
    /// False when the last commit was a batch of an ingest that did not finish.
    pub complete: bool,
}

/// Reads the statistics of an index.
pub fn stats(bi: &BriefIndex) -> Result<Stats> {
    let (briefs, passages) = counts(bi)?;
    let segments = bi.index.searchable_segment_ids()?.len();
    let bytes = walkdir::WalkDir::new(&bi.dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let info = bi.commit_info();
    Ok(Stats {
        index: bi.dir.display().to_string(),
        briefs,
        passages,
        segments,
        bytes,
        schema_version: SCHEMA_VERSION,
        last_ingest: info.as_ref().map(|i| i.last_ingest.clone()),
        complete: info.is_none_or(|i| i.complete),
    })
}
