//! Collectors: per-brief capping of hits, distinct brief keys, dictionary passes (brief
//! counting is in `ordinals`).

use std::collections::{HashMap, HashSet};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader};

/// Appends `extra` hits to `out` (skipping duplicates) while honouring the per-brief cap.
pub(super) fn merge_capped(
    out: &mut Vec<(f32, DocAddress)>,
    extra: Vec<(f32, DocAddress)>,
    want: usize,
    per_brief: usize,
    searcher: &Searcher,
) {
    let mut per: HashMap<u64, usize> = HashMap::new();
    let mut have: HashSet<DocAddress> = HashSet::new();
    let cols: Vec<Option<Column<u64>>> = searcher
        .segment_readers()
        .iter()
        .map(|r| r.fast_fields().u64("brief_key").ok())
        .collect();
    let key_of = |addr: DocAddress| -> u64 {
        cols.get(addr.segment_ord as usize)
            .and_then(|c| c.as_ref())
            .and_then(|c| c.first(addr.doc_id))
            .unwrap_or(0)
    };
    for (_, a) in out.iter() {
        *per.entry(key_of(*a)).or_default() += 1;
        have.insert(*a);
    }
    for (s, a) in extra {
        if out.len() >= want {
            break;
        }
        if have.contains(&a) {
            continue;
        }
        let n = per.entry(key_of(a)).or_default();
        if *n < per_brief {
            *n += 1;
            have.insert(a);
            out.push((s, a));
        }
    }
}

/// Calls `f` with the term of each `(ord, value)` pair, ords ascending: one sequential pass
/// over the column's dictionary instead of a block lookup per ordinal.
pub(super) fn for_each_term<V: Copy>(
    col: &StrColumn,
    hits: &[(u64, V)],
    mut f: impl FnMut(String, V),
) {
    let ords: Vec<u64> = hits.iter().map(|(o, _)| *o).collect();
    let mut i = 0;
    let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let Some((_, v)) = hits.get(i) {
            f(String::from_utf8_lossy(bytes).into_owned(), *v);
        }
        i += 1;
    });
}

/// Collects the distinct brief keys of matching documents.
pub(super) struct BriefKeys;

pub(super) struct BriefKeysSegment {
    pub(super) col: Column<u64>,
    pub(super) keys: HashSet<u64>,
}

impl Collector for BriefKeys {
    type Fruit = HashSet<u64>;
    type Child = BriefKeysSegment;
    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<BriefKeysSegment> {
        Ok(BriefKeysSegment {
            col: reader.fast_fields().u64("brief_key")?,
            keys: HashSet::new(),
        })
    }
    fn requires_scoring(&self) -> bool {
        false
    }
    fn merge_fruits(&self, fruits: Vec<HashSet<u64>>) -> tantivy::Result<HashSet<u64>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

impl SegmentCollector for BriefKeysSegment {
    type Fruit = HashSet<u64>;
    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(k) = self.col.first(doc) {
            self.keys.insert(k);
        }
    }
    fn harvest(self) -> HashSet<u64> {
        self.keys
    }
}
