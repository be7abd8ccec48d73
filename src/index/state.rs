//! The index's bookkeeping, read from head documents' fast fields: which files it holds (by
//! canonical path and stamp) and which file each brief id came from.

use std::collections::HashMap;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocId, Score, SegmentReader, Term};

use super::schema::doc_kind;
use super::store::BriefIndex;
use crate::error::Result;

/// One indexed file as its head documents remember it.
#[derive(Debug, Clone, Default)]
pub(super) struct FileState {
    pub(super) stamp: u64,
    pub(super) briefs: usize,
}

/// What the index holds: files by canonical path, and which file each brief id came from.
#[derive(Debug, Default)]
pub struct IndexState {
    pub(super) files: HashMap<String, FileState>,
    pub(super) ids: HashMap<String, String>,
}

impl IndexState {
    /// Distinct brief ids in the index (equal to the number of head documents unless an id
    /// was indexed twice, which ingest prevents).
    pub fn brief_count(&self) -> usize {
        self.ids.len()
    }

    /// Files the index holds briefs from.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }
}

/// Reads the index's bookkeeping from the head documents' fast fields.
pub fn read_state(bi: &BriefIndex) -> Result<IndexState> {
    let reader = bi.index.reader()?;
    let searcher = reader.searcher();
    let query = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::HEAD),
        IndexRecordOption::Basic,
    );
    let rows = searcher.search(&query, &StateCollector)?;
    let mut state = IndexState::default();
    for (key, stamp, id) in rows {
        let f = state.files.entry(key.clone()).or_default();
        f.stamp = stamp;
        f.briefs += 1;
        state.ids.insert(id, key);
    }
    Ok(state)
}

pub(super) struct StateCollector;

pub(super) struct StateSegment {
    pub(super) source_key: Option<tantivy::columnar::StrColumn>,
    pub(super) brief_id: Option<tantivy::columnar::StrColumn>,
    pub(super) stamp: tantivy::columnar::Column<u64>,
    pub(super) ords: Vec<(u64, u64, u64)>,
}

impl Collector for StateCollector {
    type Fruit = Vec<(String, u64, String)>;
    type Child = StateSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<StateSegment> {
        let ff = reader.fast_fields();
        Ok(StateSegment {
            source_key: ff.str("source_key")?,
            brief_id: ff.str("brief_id")?,
            stamp: ff.u64("stamp")?,
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

/// The first ordinal of a string column at `doc` (`u64::MAX` when absent).
pub(super) fn first_ord(col: &Option<tantivy::columnar::StrColumn>, doc: DocId) -> u64 {
    col.as_ref()
        .and_then(|c| c.term_ords(doc).next())
        .unwrap_or(u64::MAX)
}

/// Resolves ordinals to strings in one sequential pass over the column's dictionary.
pub(super) fn resolve(
    col: &Option<tantivy::columnar::StrColumn>,
    ords: impl Iterator<Item = u64>,
) -> HashMap<u64, String> {
    let mut sorted: Vec<u64> = ords.filter(|o| *o != u64::MAX).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = HashMap::with_capacity(sorted.len());
    if let Some(col) = col {
        let mut i = 0;
        let _ = col.dictionary().sorted_ords_to_term_cb(&sorted, |bytes| {
            if let Some(o) = sorted.get(i) {
                out.insert(*o, String::from_utf8_lossy(bytes).into_owned());
            }
            i += 1;
        });
    }
    out
}

impl SegmentCollector for StateSegment {
    type Fruit = Vec<(String, u64, String)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let stamp = self.stamp.first(doc).unwrap_or(0);
        self.ords.push((
            first_ord(&self.source_key, doc),
            stamp,
            first_ord(&self.brief_id, doc),
        ));
    }

    fn harvest(self) -> Self::Fruit {
        let keys = resolve(&self.source_key, self.ords.iter().map(|r| r.0));
        let ids = resolve(&self.brief_id, self.ords.iter().map(|r| r.2));
        let text = |m: &HashMap<u64, String>, o: u64| m.get(&o).cloned().unwrap_or_default();
        self.ords
            .iter()
            .map(|&(k, stamp, i)| (text(&keys, k), stamp, text(&ids, i)))
            .collect()
    }
}
