//! A plain word's query (scored in four fields, matched by three) and OR groups of them.
//!
//! A word scores in the title, headings, text (stemmed) and the unstemmed `exact` field, which
//! lifts the form as typed above its stemmed look-alikes. The `exact` field holds the folded
//! words of the same title (heads), headings and text whose stems the other three fields hold,
//! through the same tokenizer, folding and length limit; so a document that holds a word's
//! folded form also holds its stem, and the unstemmed clause adds score, never a match. So:
//! - a pass that does not score (counting up to `track_total_hits`, newest-first order, facet
//!   counts) walks three posting lists instead of four and finds the same documents;
//! - beside other required clauses (several words, a phrase, a filter), the word is a
//!   [`SeekingUnion`] of its three stemmed clauses, which moves each list only as far as the
//!   intersection asks and scores only the documents it keeps, the fourth list sought at
//!   those documents alone (tantivy's union scores a window of 4,096 documents ahead);
//! - alone, it stays one union of four terms, which tantivy's top-k prunes with block-max
//!   WAND. Each form sums the same four scores in the same order.
//!
//! [`AnyOf`] does the same for an OR group beside other required clauses.

use tantivy::query::{BooleanQuery, EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, Term, TERMINATED};

use super::highlight::tokens;
use super::plan::{boosted, terms_query};
use crate::index::schema::{self, Fields};

/// A plain word's query: title x0.5, heading x1.5, text x1 (stemmed) and the unstemmed field
/// x0.5; a [`WordQuery`] when the word is one token.
pub(super) fn word_query(f: &Fields, word: &str) -> Box<dyn Query> {
    let stems = tokens(&mut schema::stem_analyzer(), word);
    let exact = tokens(&mut schema::fold_analyzer(), word);
    let mut parts: Vec<Box<dyn Query>> = Vec::new();
    // The title is copied into every passage of its brief, so its weight is added to each of
    // them: at x2 it swamped the passage's own evidence (nDCG@10 SciFact 0.642, Cranfield
    // 0.373, CISI 0.333); at x0.5 a title match still lifts its brief and the passage
    // decides (0.688, 0.397, 0.384 with unscored stopwords). docs/ranking.md has the grid.
    for (field, boost) in [(f.title, 0.5f32), (f.heading, 1.5), (f.text, 1.0)] {
        parts.push(boosted(terms_query(field, &stems), boost));
    }
    let unstemmed = boosted(terms_query(f.exact, &exact), 0.5);
    if exact.len() != 1 {
        // Several tokens make phrases, which could span two values of the unstemmed field
        // (title and summary) where the stemmed fields keep them apart: kept one union.
        parts.push(unstemmed);
        return Box::new(BooleanQuery::union(parts));
    }
    Box::new(WordQuery::new(parts, unstemmed))
}

/// A one-token word (see the module documentation).
#[derive(Debug)]
pub(super) struct WordQuery {
    /// Title, heading and text clauses (boosted): what the word matches.
    stemmed: Vec<Box<dyn Query>>,
    /// The unstemmed clause (boosted): score only.
    unstemmed: Box<dyn Query>,
    /// Beside other required clauses ([`WordQuery::among_others`]).
    among_others: bool,
}

impl Clone for WordQuery {
    fn clone(&self) -> Self {
        WordQuery {
            stemmed: self.stemmed.iter().map(|q| q.box_clone()).collect(),
            unstemmed: self.unstemmed.box_clone(),
            among_others: self.among_others,
        }
    }
}

impl WordQuery {
    /// The word's stemmed clauses and its unstemmed clause.
    pub(super) fn new(stemmed: Vec<Box<dyn Query>>, unstemmed: Box<dyn Query>) -> Self {
        WordQuery {
            stemmed,
            unstemmed,
            among_others: false,
        }
    }

    /// The form to use beside other required clauses: matched by a union that moves its
    /// three stemmed clauses only as far as it is asked to (no window of documents scored
    /// ahead, as tantivy's union does for a lone scan), the unstemmed clause sought only at
    /// the documents scored. Same documents, same scores.
    pub(super) fn among_others(&self) -> WordQuery {
        WordQuery {
            among_others: true,
            ..self.clone()
        }
    }
}

impl Query for WordQuery {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        if self.among_others {
            let stemmed = self
                .stemmed
                .iter()
                .map(|q| q.weight(scoring))
                .collect::<tantivy::Result<_>>()?;
            let unstemmed = if scoring.is_scoring_enabled() {
                Some(self.unstemmed.weight(scoring)?)
            } else {
                None
            };
            return Ok(Box::new(JointWeight {
                matching: stemmed,
                score_only: unstemmed,
            }));
        }
        let mut clauses: Vec<Box<dyn Query>> = self.stemmed.iter().map(|q| q.box_clone()).collect();
        if scoring.is_scoring_enabled() {
            // One union of four terms: what block-max WAND prunes.
            clauses.push(self.unstemmed.box_clone());
        }
        BooleanQuery::union(clauses).weight(scoring)
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in self.stemmed.iter().chain([&self.unstemmed]) {
            q.query_terms(visitor);
        }
    }
}

/// Some of `words`, as one union of every word's clauses, when each is a plain one-token word:
/// a flat union of terms is what tantivy's top-k prunes with block-max WAND, where a union
/// of word unions must score every document any word matches. Scores are the same sums, added
/// in another order (they may differ in the last bit). `None` for any other query.
pub(super) fn any_word(words: &[Box<dyn Query>]) -> Option<BooleanQuery> {
    let mut clauses = Vec::new();
    for q in words {
        let w = q.downcast_ref::<WordQuery>()?;
        clauses.extend(w.stemmed.iter().map(|c| c.box_clone()));
        clauses.push(w.unstemmed.box_clone());
    }
    Some(BooleanQuery::union(clauses))
}

/// The weight of [`WordQuery::among_others`] and [`AnyOf::among_others`].
struct JointWeight {
    /// The clauses that match (a word's stemmed clauses, or the alternatives).
    matching: Vec<Box<dyn Weight>>,
    /// A clause that only adds score (a word's unstemmed clause); `None` when the search
    /// does not score.
    score_only: Option<Box<dyn Weight>>,
}

impl Weight for JointWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let mut matching = Vec::with_capacity(self.matching.len());
        for w in &self.matching {
            let s = w.scorer(reader, boost)?;
            if s.doc() != TERMINATED {
                matching.push(s);
            }
        }
        let score_only = match &self.score_only {
            Some(w) => Some(w.scorer(reader, boost)?),
            None => None,
        };
        let mut union = SeekingUnion {
            matching,
            score_only,
            doc: 0,
        };
        union.doc = union.least();
        Ok(Box::new(union))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut scorer = self.scorer(reader, 1.0)?;
        if scorer.seek(doc) != doc {
            return Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} does not match the word"
            )));
        }
        let mut out = Explanation::new("sum of the word's fields", scorer.score());
        for w in self.matching.iter().chain(&self.score_only) {
            if let Ok(e) = w.explain(reader, doc) {
                out.add_detail(e);
            }
        }
        Ok(out)
    }
}

/// The most alternatives an [`AnyOf`] seeks through: when it leads an intersection, a
/// seeking union compares every alternative at every document, and with a prefix search's
/// ten expansions that cost more than it saved (p99 11 -> 15 ms over HTTP at 100k; a queue
/// ordered by document was slower still).
const SEEKING_ALTERNATIVES: usize = 4;

/// Any of several alternatives: an OR group (`a OR b`) or a prefix search's last word and
/// its expansions. Alone it is tantivy's union; beside other required clauses
/// ([`AnyOf::among_others`]) a [`SeekingUnion`] of the alternatives, each word among them in
/// its own joint form: same documents, same scores summed in the same order.
#[derive(Debug)]
pub(super) struct AnyOf {
    alternatives: Vec<Box<dyn Query>>,
    among_others: bool,
}

impl Clone for AnyOf {
    fn clone(&self) -> Self {
        AnyOf {
            alternatives: self.alternatives.iter().map(|q| q.box_clone()).collect(),
            among_others: self.among_others,
        }
    }
}

impl AnyOf {
    pub(super) fn new(alternatives: Vec<Box<dyn Query>>) -> AnyOf {
        AnyOf {
            alternatives,
            among_others: false,
        }
    }

    /// The form to use beside other required clauses; with more than
    /// [`SEEKING_ALTERNATIVES`] alternatives it stays tantivy's union.
    pub(super) fn among_others(&self) -> AnyOf {
        if self.alternatives.len() > SEEKING_ALTERNATIVES {
            return self.clone();
        }
        AnyOf {
            alternatives: self
                .alternatives
                .iter()
                .map(|q| match q.downcast_ref::<WordQuery>() {
                    Some(w) => Box::new(w.among_others()) as Box<dyn Query>,
                    None => q.box_clone(),
                })
                .collect(),
            among_others: true,
        }
    }
}

impl Query for AnyOf {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        if !self.among_others {
            let all = self.alternatives.iter().map(|q| q.box_clone()).collect();
            return BooleanQuery::union(all).weight(scoring);
        }
        let matching = self
            .alternatives
            .iter()
            .map(|q| q.weight(scoring))
            .collect::<tantivy::Result<_>>()?;
        Ok(Box::new(JointWeight {
            matching,
            score_only: None,
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        for q in &self.alternatives {
            q.query_terms(visitor);
        }
    }
}

/// The union of a word's matching clauses (or of an OR group's alternatives) for use inside an
/// intersection: `seek` moves each clause to the target through its skip list, and scores are
/// summed only for the documents asked, in the clauses' order (as tantivy's union sums them),
/// the score-only clause's last.
struct SeekingUnion {
    matching: Vec<Box<dyn Scorer>>,
    score_only: Option<Box<dyn Scorer>>,
    doc: DocId,
}

impl SeekingUnion {
    fn least(&self) -> DocId {
        self.matching
            .iter()
            .map(|s| s.doc())
            .min()
            .unwrap_or(TERMINATED)
    }
}

impl DocSet for SeekingUnion {
    fn advance(&mut self) -> DocId {
        let doc = self.doc;
        if doc == TERMINATED {
            return TERMINATED;
        }
        for s in &mut self.matching {
            if s.doc() == doc {
                s.advance();
            }
        }
        self.doc = self.least();
        self.doc
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.doc >= target {
            return self.doc;
        }
        for s in &mut self.matching {
            if s.doc() < target {
                s.seek(target);
            }
        }
        self.doc = self.least();
        self.doc
    }

    fn doc(&self) -> DocId {
        self.doc
    }

    fn size_hint(&self) -> u32 {
        self.matching
            .iter()
            .map(|s| s.size_hint())
            .fold(0u32, u32::saturating_add)
    }

    /// Every clause's cost, the score-only one's included, as tantivy's union of them all
    /// reports it: an intersection orders its clauses by cost and sums their scores in that
    /// order, so the order, and the last bit of every score, stays what it was with the union.
    fn cost(&self) -> u64 {
        let score_only = self.score_only.as_ref().map_or(0, |u| u.cost());
        self.matching.iter().map(|s| s.cost()).sum::<u64>() + score_only
    }
}

impl Scorer for SeekingUnion {
    fn score(&mut self) -> Score {
        let doc = self.doc;
        let mut total: Score = 0.0;
        for s in &mut self.matching {
            if s.doc() == doc {
                total += s.score();
            }
        }
        if let Some(u) = &mut self.score_only {
            if u.doc() < doc {
                u.seek(doc);
            }
            if u.doc() == doc {
                total += u.score();
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeSet;

    use tantivy::collector::{DocSetCollector, TopDocs};
    use tantivy::query::{Occur, TermQuery};
    use tantivy::{DocAddress, Searcher};

    use super::*;
    use crate::discover::FoundFile;
    use crate::index::documents::brief_documents;
    use crate::model::{Brief, Format, Passage};

    /// Briefs whose words come in several forms (exact, plural, other endings), in titles,
    /// headings, summaries and text, over two segments.
    fn searcher() -> (Searcher, Fields) {
        let s = schema::build();
        let f = Fields::new(&s).unwrap();
        let index = tantivy::Index::create_in_ram(s);
        schema::register_tokenizers(&index);
        let mut w: tantivy::IndexWriter = index.writer(15_000_000).unwrap();
        let briefs = [
            (
                "Sanctions on the Haqqani network",
                Some("Talks resumed."),
                vec![
                    (
                        Some("Sanctioned leaders"),
                        "The Haqqanis met in Doha; talks on sanctions stalled.",
                    ),
                    (None, "Grain shipments resumed through three ports."),
                ],
            ),
            (
                "Grain corridors",
                None,
                vec![
                    (
                        Some("Talks"),
                        "A sanction regime for grain traders was debated.",
                    ),
                    (None, "The Haqqani family denied it."),
                ],
            ),
            (
                "Water treaty",
                Some("The Haqqanis and the talking points."),
                vec![
                    (None, "Nothing about the network here."),
                    (
                        Some("Ports"),
                        "Sanctioning ports: shipments of grains halted talks.",
                    ),
                ],
            ),
        ];
        for (i, (title, summary, passages)) in briefs.iter().enumerate() {
            let brief = Brief {
                id: format!("{i:016x}"),
                title: title.to_string(),
                summary: summary.map(str::to_string),
                passages: passages
                    .iter()
                    .enumerate()
                    .map(|(index, (heading, text))| Passage {
                        index,
                        heading: heading.map(str::to_string),
                        text: text.to_string(),
                    })
                    .collect(),
                ..Brief::default()
            };
            let file = FoundFile {
                path: format!("b{i}.md").into(),
                key: format!("/b{i}.md"),
                size: 1,
                stamp: 1,
                format: Format::Markdown,
            };
            for d in brief_documents(&f, &brief, &file) {
                w.add_document(d).unwrap();
            }
            if i == 1 {
                w.commit().unwrap();
            }
        }
        w.commit().unwrap();
        (index.reader().unwrap().searcher(), f)
    }

    const WORDS: [&str; 9] = [
        "sanctions",
        "Sanctioned",
        "haqqani",
        "Haqqanis",
        "talks",
        "grain",
        "ports",
        "network",
        "treaty",
    ];

    fn word(f: &Fields, w: &str) -> WordQuery {
        word_query(f, w)
            .downcast_ref::<WordQuery>()
            .expect("a one-token word")
            .clone()
    }

    /// Every match with its score's bits, best first.
    fn scored(searcher: &Searcher, q: &dyn Query) -> Vec<(u32, DocAddress)> {
        searcher
            .search(q, &TopDocs::with_limit(1000).order_by_score())
            .unwrap()
            .into_iter()
            .map(|(s, a)| (s.to_bits(), a))
            .collect()
    }

    #[test]
    fn unscored_passes_match_the_scored_documents() {
        let (searcher, f) = searcher();
        for w in WORDS {
            let q = word(&f, w);
            let unscored: BTreeSet<DocAddress> = searcher
                .search(&q, &DocSetCollector)
                .unwrap()
                .into_iter()
                .collect();
            let with_scores: BTreeSet<DocAddress> =
                scored(&searcher, &q).into_iter().map(|(_, a)| a).collect();
            assert!(!unscored.is_empty(), "{w} matches something");
            assert_eq!(unscored, with_scores, "{w}");
        }
    }

    #[test]
    fn among_others_matches_and_scores_as_the_four_clause_union() {
        let (searcher, f) = searcher();
        for a in WORDS {
            for b in WORDS {
                let (qa, qb) = (word(&f, a), word(&f, b));
                let union = BooleanQuery::new(vec![
                    (Occur::Must, Box::new(qa.clone()) as Box<dyn Query>),
                    (Occur::Must, Box::new(qb.clone())),
                ]);
                let split = BooleanQuery::new(vec![
                    (Occur::Must, Box::new(qa.among_others()) as Box<dyn Query>),
                    (Occur::Must, Box::new(qb.among_others())),
                ]);
                assert_eq!(
                    scored(&searcher, &union),
                    scored(&searcher, &split),
                    "{a} {b}"
                );
            }
        }
    }

    #[test]
    fn any_of_among_others_matches_and_scores_as_the_union() {
        let (searcher, f) = searcher();
        for (a, b, c) in [
            ("sanctions", "haqqani", "talks"),
            ("grain", "Haqqanis", "ports"),
            ("network", "treaty", "Sanctioned"),
        ] {
            let any = AnyOf::new(vec![
                word_query(&f, a),
                Box::new(TermQuery::new(
                    Term::from_field_text(f.exact, &b.to_lowercase()),
                    tantivy::schema::IndexRecordOption::WithFreqs,
                )),
            ]);
            let other = || Box::new(word(&f, c)) as Box<dyn Query>;
            let plain = BooleanQuery::new(vec![
                (Occur::Must, Box::new(any.clone()) as Box<dyn Query>),
                (Occur::Must, other()),
            ]);
            let seeking = BooleanQuery::new(vec![
                (Occur::Must, Box::new(any.among_others()) as Box<dyn Query>),
                (Occur::Must, Box::new(word(&f, c).among_others())),
            ]);
            let expected = scored(&searcher, &plain);
            assert!(!expected.is_empty(), "{a} OR {b}, {c} matches something");
            assert_eq!(expected, scored(&searcher, &seeking), "{a} OR {b}, {c}");
            let unscored: BTreeSet<DocAddress> = searcher
                .search(&seeking, &DocSetCollector)
                .unwrap()
                .into_iter()
                .collect();
            let expected: BTreeSet<DocAddress> = expected.into_iter().map(|(_, d)| d).collect();
            assert_eq!(unscored, expected, "{a} OR {b}, {c} unscored");
        }
    }

    #[test]
    fn any_word_matches_and_ranks_as_the_union_of_words() {
        let (searcher, f) = searcher();
        for words in [
            &["sanctions", "grain"][..],
            &["Haqqanis", "talks", "treaty"],
        ] {
            let qs: Vec<Box<dyn Query>> = words.iter().map(|w| word_query(&f, w)).collect();
            let flat = any_word(&qs).expect("plain words");
            let nested = BooleanQuery::union(qs.iter().map(|q| q.box_clone()).collect());
            let (a, b) = (scored(&searcher, &nested), scored(&searcher, &flat));
            assert!(a.len() > 3, "{words:?}");
            assert_eq!(a.len(), b.len(), "{words:?}");
            for ((sa, da), (sb, db)) in a.iter().zip(&b) {
                assert_eq!(da, db, "{words:?}");
                let (x, y) = (f32::from_bits(*sa), f32::from_bits(*sb));
                assert!((x - y).abs() <= 1e-5 * x.abs(), "{words:?}: {x} vs {y}");
            }
        }
        let repeated: Vec<Box<dyn Query>> = vec![
            word_query(&f, "grain"),
            Box::new(tantivy::query::BoostQuery::new(
                word_query(&f, "talks"),
                2.0,
            )),
        ];
        assert!(
            any_word(&repeated).is_none(),
            "a boosted word keeps its union"
        );
    }

    #[test]
    fn words_of_several_tokens_stay_one_union() {
        let (_, f) = searcher();
        assert!(word_query(&f, "al-Qaeda")
            .downcast_ref::<WordQuery>()
            .is_none());
        assert!(word_query(&f, "Qaeda")
            .downcast_ref::<WordQuery>()
            .is_some());
    }
}
