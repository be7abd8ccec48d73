//! Brief ordinals: where each brief's documents lie in a segment, so that counting briefs and
//! faceting them is array arithmetic on small integers rather than hashing a key per match.
//!
//! A brief's documents are written together, head document first, into one segment (see
//! `index::documents` and `index::ingest`), and tantivy keeps that order through merges. So a
//! segment's briefs are numbered by their head documents, ascending: brief ordinal `i` owns the
//! documents from `heads[i]` up to `heads[i + 1]`. The heads are read once per segment from the
//! `doc_kind` postings (deleted heads included: a deleted brief's documents never match, so its
//! ordinal is simply never set) and cached by segment id, which a segment keeps for its life.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, OnceLock};

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::index::SegmentId;
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED};

use crate::index::schema::doc_kind;

/// Every head document of a segment, deleted or not, ascending: brief ordinal `o` is the
/// brief whose head is the `o`-th.
pub(super) fn segment_heads(reader: &SegmentReader) -> tantivy::Result<Vec<DocId>> {
    let field = reader.schema().get_field("doc_kind")?;
    let term = tantivy::Term::from_field_u64(field, doc_kind::HEAD);
    let mut heads = Vec::new();
    if let Some(mut postings) = reader
        .inverted_index(field)?
        .read_postings(&term, IndexRecordOption::Basic)?
    {
        heads.reserve(postings.doc_freq() as usize);
        let mut doc = postings.doc();
        while doc != TERMINATED {
            heads.push(doc);
            doc = postings.advance();
        }
    }
    Ok(heads)
}

/// The briefs of one segment, by ordinal.
#[derive(Debug, Default)]
pub(super) struct SegmentBriefs {
    /// Head document of each brief, ascending.
    heads: Vec<DocId>,
    /// One past the segment's last document.
    max_doc: DocId,
    /// Each brief's day (`YYYYMMDD`, 0 when undated), read on the first date-sorted search.
    days: OnceLock<Arc<Vec<u32>>>,
}

impl SegmentBriefs {
    /// Reads the head documents of `reader` from the `doc_kind` postings.
    fn read(reader: &SegmentReader) -> tantivy::Result<SegmentBriefs> {
        Ok(SegmentBriefs {
            heads: segment_heads(reader)?,
            max_doc: reader.max_doc(),
            days: OnceLock::new(),
        })
    }

    /// Each brief's day by ordinal (0 when undated), from its head document's `day`.
    pub(super) fn days(&self, reader: &SegmentReader) -> tantivy::Result<Arc<Vec<u32>>> {
        if let Some(d) = self.days.get() {
            return Ok(d.clone());
        }
        let col = reader.fast_fields().u64("day")?;
        let days = self
            .heads
            .iter()
            .map(|&h| col.first(h).map_or(0, |d| d as u32))
            .collect();
        Ok(self.days.get_or_init(|| Arc::new(days)).clone())
    }

    pub(super) fn len(&self) -> usize {
        self.heads.len()
    }

    /// The documents of brief `ord`.
    pub(super) fn docs(&self, ord: usize) -> Range<DocId> {
        let start = self.heads.get(ord).copied().unwrap_or(self.max_doc);
        let end = self.heads.get(ord + 1).copied().unwrap_or(self.max_doc);
        start..end
    }

    /// The ordinal of the brief holding `doc` when it lies past brief `from` (whose documents
    /// end before `doc`): galloping forward from `from`, a step or two for the next matching
    /// brief, where a binary search over every head was a fifth of a one-word query at 100,000
    /// briefs (perf). `None` when `doc` is not past `from`.
    #[inline]
    pub(super) fn ord_after(&self, from: usize, doc: DocId) -> Option<usize> {
        let heads = &self.heads;
        let mut lo = from.checked_add(1)?;
        if heads.get(lo).is_none_or(|&h| h > doc) {
            return None;
        }
        let mut step = 1;
        while heads.get(lo + step).is_some_and(|&h| h <= doc) {
            lo += step;
            step *= 2;
        }
        let end = (lo + step).min(heads.len());
        Some(lo + heads[lo..end].partition_point(|&h| h <= doc) - 1)
    }

    /// The head document of the brief holding `doc`.
    pub(super) fn head_of(&self, doc: DocId) -> Option<DocId> {
        self.ord_of(doc).and_then(|o| self.heads.get(o).copied())
    }

    /// The ordinal of the brief holding `doc`, or `None` for a document before any head.
    pub(super) fn ord_of(&self, doc: DocId) -> Option<usize> {
        self.heads.partition_point(|&h| h <= doc).checked_sub(1)
    }
}

/// Follows ascending documents to their brief ordinals: one comparison while a run of matches
/// stays inside one brief, a binary search over the later heads when it leaves it.
pub(super) struct OrdCursor {
    briefs: Arc<SegmentBriefs>,
    /// The current brief and its documents.
    ord: usize,
    range: Range<DocId>,
}

impl OrdCursor {
    pub(super) fn new(briefs: Arc<SegmentBriefs>) -> OrdCursor {
        OrdCursor {
            briefs,
            ord: usize::MAX,
            range: 0..0,
        }
    }

    /// The ordinal of the brief holding `doc`; documents must come in ascending order for the
    /// fast path, any order is still answered right.
    #[inline]
    pub(super) fn ord(&mut self, doc: DocId) -> Option<usize> {
        if self.range.contains(&doc) {
            return Some(self.ord);
        }
        let ord = match self.briefs.ord_after(self.ord, doc) {
            Some(ord) => ord,
            None => self.briefs.ord_of(doc)?,
        };
        self.ord = ord;
        self.range = self.briefs.docs(ord);
        Some(ord)
    }
}

/// The brief layout of every segment a searcher sees, cached by segment id.
#[derive(Default)]
pub(super) struct BriefLayouts(Mutex<HashMap<SegmentId, Arc<SegmentBriefs>>>);

impl BriefLayouts {
    /// The briefs of each segment of `searcher`, by segment ordinal; segments no longer
    /// searched are dropped from the cache.
    pub(super) fn get(&self, searcher: &Searcher) -> tantivy::Result<Layout> {
        let readers = searcher.segment_readers();
        let mut out = Vec::with_capacity(readers.len());
        let mut cache = self
            .0
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        for reader in readers {
            let id = reader.segment_id();
            let briefs = match cache.get(&id) {
                Some(b) => b.clone(),
                None => {
                    let b = Arc::new(SegmentBriefs::read(reader)?);
                    cache.insert(id, b.clone());
                    b
                }
            };
            out.push(briefs);
        }
        if cache.len() > readers.len() {
            let live: std::collections::HashSet<SegmentId> =
                readers.iter().map(|r| r.segment_id()).collect();
            cache.retain(|id, _| live.contains(id));
        }
        Ok(Layout(Arc::new(out)))
    }
}

/// The briefs of each segment of one searcher, by segment ordinal.
#[derive(Clone, Default)]
pub(super) struct Layout(Arc<Vec<Arc<SegmentBriefs>>>);

impl Layout {
    /// The briefs of segment `segment_ord`.
    pub(super) fn segment(&self, segment_ord: u32) -> Arc<SegmentBriefs> {
        self.0
            .get(segment_ord as usize)
            .cloned()
            .unwrap_or_default()
    }
}

/// The briefs a query matched: one bit per brief ordinal, per segment.
#[derive(Debug, Default, Clone)]
pub(super) struct BriefMatches {
    /// Matching documents.
    pub(super) passages: u64,
    /// Matched brief ordinals, by segment ordinal (`None`: nothing matched there).
    pub(super) segments: Vec<Option<BitSet>>,
    /// Counting stopped early ([`count_up_to`]): both counts are lower bounds.
    pub(super) lower_bound: bool,
}

/// Counts the matches of `q` and their briefs as `counter` does, without scoring, and stops
/// once more than `limit` passages match: the totals of a search that needs them exact only up
/// to `limit` (Elasticsearch's `track_total_hits`), while its top hits come from a pruned pass
/// (block-max WAND where the query allows it) that skips most matches.
pub(super) fn count_up_to(
    searcher: &Searcher,
    q: &dyn tantivy::query::Query,
    counter: &BriefCounter,
    limit: u64,
) -> tantivy::Result<BriefMatches> {
    let weight = q.weight(tantivy::query::EnableScoring::disabled_from_searcher(
        searcher,
    ))?;
    let readers = searcher.segment_readers();
    let mut out = BriefMatches {
        segments: vec![None; readers.len()],
        ..BriefMatches::default()
    };
    for (ord, reader) in readers.iter().enumerate() {
        let mut segment = counter.for_segment(ord as u32, reader)?;
        let alive = reader.alive_bitset();
        let mut scorer = weight.scorer(reader, 1.0)?;
        let mut doc = scorer.doc();
        while doc != TERMINATED {
            if alive.is_none_or(|a| a.is_alive(doc)) {
                if out.passages + segment.passages == limit {
                    out.lower_bound = true;
                    break;
                }
                segment.collect(doc, 0.0);
            }
            doc = scorer.advance();
        }
        let (_, passages, bits) = segment.harvest();
        out.passages += passages;
        out.segments[ord] = bits;
        if out.lower_bound {
            break;
        }
    }
    Ok(out)
}

impl BriefMatches {
    /// How many distinct briefs matched.
    pub(super) fn briefs(&self) -> u64 {
        self.segments.iter().flatten().map(|b| b.len() as u64).sum()
    }
}

/// Calls `f` with each member of `bits`, ascending, a word of 64 at a time.
pub(super) fn each_ord(bits: &BitSet, mut f: impl FnMut(usize)) {
    for bucket in 0..bits.max_value().div_ceil(64) {
        let mut tiny = bits.tinyset(bucket);
        while let Some(bit) = tiny.pop_lowest() {
            f((bucket * 64 + bit) as usize);
        }
    }
}

/// Counts matching documents and the distinct briefs they belong to, on brief ordinals.
#[derive(Clone)]
pub(super) struct BriefCounter {
    pub(super) layout: Layout,
}

/// [`BriefCounter`] for one segment.
pub(super) struct CounterSegment {
    segment_ord: u32,
    cursor: OrdCursor,
    bits: BitSet,
    passages: u64,
}

impl Collector for BriefCounter {
    type Fruit = BriefMatches;
    type Child = CounterSegment;

    fn for_segment(&self, segment_ord: u32, _: &SegmentReader) -> tantivy::Result<CounterSegment> {
        let briefs = self.layout.segment(segment_ord);
        Ok(CounterSegment {
            segment_ord,
            bits: BitSet::with_max_value(briefs.len() as u32),
            cursor: OrdCursor::new(briefs),
            passages: 0,
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(
        &self,
        fruits: Vec<(u32, u64, Option<BitSet>)>,
    ) -> tantivy::Result<BriefMatches> {
        let mut out = BriefMatches::default();
        for (segment_ord, passages, bits) in fruits {
            out.passages += passages;
            let s = segment_ord as usize;
            if out.segments.len() <= s {
                out.segments.resize(s + 1, None);
            }
            out.segments[s] = bits;
        }
        Ok(out)
    }
}

impl SegmentCollector for CounterSegment {
    type Fruit = (u32, u64, Option<BitSet>);

    #[inline]
    fn collect(&mut self, doc: DocId, _: Score) {
        self.passages += 1;
        if let Some(ord) = self.cursor.ord(doc) {
            self.bits.insert(ord as u32);
        }
    }

    fn harvest(self) -> Self::Fruit {
        let bits = (self.passages > 0).then_some(self.bits);
        (self.segment_ord, self.passages, bits)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn briefs(heads: &[DocId], max_doc: DocId) -> SegmentBriefs {
        SegmentBriefs {
            heads: heads.to_vec(),
            max_doc,
            days: OnceLock::new(),
        }
    }

    #[test]
    fn a_document_belongs_to_the_brief_of_the_last_head_before_it() {
        let b = briefs(&[0, 3, 4, 9], 12);
        assert_eq!(b.ord_of(0), Some(0));
        assert_eq!(b.ord_of(2), Some(0));
        assert_eq!(b.ord_of(3), Some(1));
        assert_eq!(b.ord_of(4), Some(2));
        assert_eq!(b.ord_of(8), Some(2));
        assert_eq!(b.ord_of(11), Some(3));
        assert_eq!(b.docs(2), 4..9);
        assert_eq!(b.docs(3), 9..12);
        assert_eq!(b.docs(4), 12..12);
        assert_eq!(briefs(&[2], 5).ord_of(1), None);
    }

    #[test]
    fn galloping_forward_agrees_with_the_binary_search() {
        let heads: Vec<DocId> = (0..500).map(|i| i * 4 + (i % 3)).collect();
        let b = briefs(&heads, 2_000);
        for from in [0, 1, 5, 100, 498] {
            for doc in b.docs(from).end..2_000 {
                assert_eq!(
                    b.ord_after(from, doc),
                    b.ord_of(doc),
                    "from {from} doc {doc}"
                );
            }
        }
        assert_eq!(b.ord_after(3, 0), None);
        assert_eq!(b.ord_after(499, 1_999), None);
        assert_eq!(b.ord_after(usize::MAX, 5), None);
    }

    #[test]
    fn the_cursor_agrees_with_the_binary_search_in_any_order() {
        let b = Arc::new(briefs(&[0, 3, 4, 9, 10], 15));
        let mut c = OrdCursor::new(b.clone());
        for doc in [0, 1, 2, 3, 5, 6, 9, 14, 2, 10, 0, 13] {
            assert_eq!(c.ord(doc), b.ord_of(doc), "doc {doc}");
        }
    }
}
