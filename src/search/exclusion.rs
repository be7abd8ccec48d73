//! Exclusions that cannot trip tantivy's phrase scorer.
//!
//! tantivy 0.27 checks excluded documents with `DocSet::seek_danger`, and its phrase scorer
//! asserts that a target never goes back, which an intersection left in seek_danger's
//! "invalid" state can violate (upstream quickwit-oss/tantivy#2811): `water -"border talks"`
//! panicked in debug builds. [`Exclusion`] wraps an excluded query so its scorer answers
//! `seek_danger` with tantivy's default implementation, built on the ordinary `seek`, which is
//! always safe. Scores are never read: an exclusion only removes documents.

use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader};

/// A query to exclude with `Occur::MustNot`; matches exactly what the wrapped query matches.
#[derive(Debug)]
pub(super) struct Exclusion(pub(super) Box<dyn Query>);

impl Clone for Exclusion {
    fn clone(&self) -> Self {
        Exclusion(self.0.box_clone())
    }
}

impl Query for Exclusion {
    fn weight(&self, enable_scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(ExclusionWeight(self.0.weight(enable_scoring)?)))
    }
}

struct ExclusionWeight(Box<dyn Weight>);

impl Weight for ExclusionWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(ExclusionScorer(self.0.scorer(reader, boost)?)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.0.explain(reader, doc)
    }
}

/// Forwards everything but `seek_danger`, which keeps the trait's safe default.
struct ExclusionScorer(Box<dyn Scorer>);

impl DocSet for ExclusionScorer {
    fn advance(&mut self) -> DocId {
        self.0.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        self.0.seek(target)
    }

    fn doc(&self) -> DocId {
        self.0.doc()
    }

    fn size_hint(&self) -> u32 {
        self.0.size_hint()
    }
}

impl Scorer for ExclusionScorer {
    fn score(&mut self) -> Score {
        self.0.score()
    }
}
