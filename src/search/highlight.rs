//! Highlighting: byte ranges of the words a query matched, found by running the same analysers
//! the index uses over the passage text.

use std::collections::{HashMap, HashSet};

use super::crop::Match;
use super::query::{ParsedQuery, Term as QTerm};
use super::response::Correction;
use super::stopwords::Stopwords;
use crate::index::schema;

/// The tokens an analyser makes of `text`.
pub fn tokens(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Words to highlight: stems of plain words, folded tokens of phrases.
pub(super) struct HighlightTerms {
    pub(super) stems: HashSet<String>,
    pub(super) exact: HashSet<String>,
    pub(super) stem: tantivy::tokenizer::TextAnalyzer,
    pub(super) fold: tantivy::tokenizer::TextAnalyzer,
}

impl HighlightTerms {
    pub(super) fn from_query(parsed: &ParsedQuery, corrections: &[Correction]) -> HighlightTerms {
        let fixed: HashMap<&str, &str> = corrections
            .iter()
            .map(|c| (c.from.as_str(), c.to.as_str()))
            .collect();
        let mut stems = HashSet::new();
        let mut exact = HashSet::new();
        // Stopwords are not highlighted ("on" would light up everywhere) unless the query is
        // made of nothing else.
        let stop = Stopwords::english();
        let is_stop = |w: &str| stop.contains(&schema::key_of(w));
        let only_stopwords = parsed
            .clauses
            .iter()
            .flat_map(|c| &c.any_of)
            .all(|t| matches!(t, QTerm::Word(w) if is_stop(w)));
        for clause in &parsed.clauses {
            for t in &clause.any_of {
                match t {
                    QTerm::Word(w) if !only_stopwords && is_stop(w) => {}
                    QTerm::Word(w) | QTerm::Title(w) => {
                        let w = fixed.get(w.as_str()).copied().unwrap_or(w);
                        stems.extend(tokens(&mut schema::stem_analyzer(), w));
                    }
                    QTerm::Phrase(p) => exact.extend(tokens(&mut schema::fold_analyzer(), p)),
                }
            }
        }
        HighlightTerms {
            stems,
            exact,
            stem: schema::stem_analyzer(),
            fold: schema::fold_analyzer(),
        }
    }

    /// Adds indexed words highlighted as typed (a prefix's expansions, already folded).
    pub(super) fn add_exact(&mut self, words: impl IntoIterator<Item = String>) {
        self.exact.extend(words);
    }

    /// Byte ranges of `text` whose tokens match.
    pub(super) fn ranges(&mut self, text: &str) -> Vec<[usize; 2]> {
        let mut out: Vec<[usize; 2]> = self.matches(text).into_iter().map(|m| m.range).collect();
        out.dedup();
        out
    }

    /// The tokens of `text` that match, with the term each matched (for cropping, which
    /// counts distinct terms), in text order.
    pub(super) fn matches(&mut self, text: &str) -> Vec<Match> {
        let mut out = Vec::new();
        if self.stems.is_empty() && self.exact.is_empty() {
            return out;
        }
        let mut s1 = self.stem.token_stream(text);
        while let Some(t) = s1.next() {
            if self.stems.contains(&t.text) {
                out.push(Match {
                    range: [t.offset_from, t.offset_to],
                    key: t.text.clone(),
                });
            }
        }
        if !self.exact.is_empty() {
            let mut s2 = self.fold.token_stream(text);
            while let Some(t) = s2.next() {
                if self.exact.contains(&t.text) {
                    out.push(Match {
                        range: [t.offset_from, t.offset_to],
                        key: t.text.clone(),
                    });
                }
            }
        }
        out.sort_unstable_by(|a, b| a.range.cmp(&b.range).then_with(|| a.key.cmp(&b.key)));
        out.dedup_by(|a, b| a.range == b.range);
        out
    }
}
