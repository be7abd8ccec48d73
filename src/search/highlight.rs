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
    /// First bytes of `stems`: English stemming only rewrites a word's ending, so a token
    /// whose first byte is none of these cannot stem to one of them and is not stemmed
    /// (stemming every token of every hit was a quarter of a search at 1,000 briefs).
    initials: [bool; 256],
    stemmer: frostem::Stemmer,
    fold: tantivy::tokenizer::TextAnalyzer,
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
        let mut initials = [false; 256];
        for s in &stems {
            if let Some(&b) = s.as_bytes().first() {
                initials[b as usize] = true;
            }
        }
        HighlightTerms {
            stems,
            exact,
            initials,
            stemmer: frostem::Stemmer::new(frostem::Algorithm::English),
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
        // One pass of the folding analyser; the stemming analyser is the same with the
        // stemmer last, so a folded token's stem is what the index holds.
        let mut stream = self.fold.token_stream(text);
        while let Some(t) = stream.next() {
            if self.exact.contains(&t.text) {
                out.push(Match {
                    range: [t.offset_from, t.offset_to],
                    key: t.text.clone(),
                });
            }
            let initial = t.text.as_bytes().first().map_or(0, |&b| b as usize);
            if self.initials[initial] {
                let stem = self.stemmer.stem(&t.text);
                if self.stems.contains(stem.as_ref()) {
                    out.push(Match {
                        range: [t.offset_from, t.offset_to],
                        key: stem.into_owned(),
                    });
                }
            }
        }
        out.sort_unstable_by(|a, b| a.range.cmp(&b.range).then_with(|| a.key.cmp(&b.key)));
        out.dedup_by(|a, b| a.range == b.range);
        out
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;
    use crate::search::query;

    fn stem(w: &str) -> String {
        frostem::Stemmer::new(frostem::Algorithm::English)
            .stem(w)
            .into_owned()
    }

    /// The old way: every token through the stemming analyser, then the folding one.
    fn reference(terms: &HighlightTerms, text: &str) -> Vec<([usize; 2], String)> {
        let mut out = Vec::new();
        for (mut analyser, set) in [
            (schema::stem_analyzer(), &terms.stems),
            (schema::fold_analyzer(), &terms.exact),
        ] {
            let mut stream = analyser.token_stream(text);
            while let Some(t) = stream.next() {
                if set.contains(&t.text) {
                    out.push(([t.offset_from, t.offset_to], t.text.clone()));
                }
            }
        }
        out.sort_unstable();
        out.dedup_by(|a, b| a.0 == b.0);
        out
    }

    #[test]
    fn stemming_keeps_the_first_byte_of_english_exceptions() {
        for w in [
            "skies",
            "skis",
            "dying",
            "lying",
            "tying",
            "idly",
            "gently",
            "ugly",
            "early",
            "only",
            "singly",
            "news",
            "howe",
            "atlas",
            "yesterday",
            "yielding",
            "y",
            "ys",
            "a",
            "e",
        ] {
            assert_eq!(stem(w).as_bytes().first(), w.as_bytes().first(), "{w}");
        }
    }

    const WORDS: &[&str] = &[
        "sanction",
        "sanctions",
        "Sanctioned",
        "meeting",
        "meetings",
        "met",
        "generously",
        "general",
        "yield",
        "Yields",
        "skies",
        "dying",
        "Haqqani",
        "Haqqanis",
        "café",
        "über",
        "états",
        "2024",
        "talks",
        "talked",
        "the",
        "of",
        "Iran",
        "Iranian",
    ];

    proptest! {
        /// English stemming only rewrites endings, so the first byte of a token's stem is the
        /// token's: what lets highlighting skip stemming tokens no query stem begins like.
        #[test]
        fn stemming_keeps_a_tokens_first_byte(w in "[a-z0-9\u{e0}-\u{ff}]{1,24}") {
            let s = stem(&w);
            prop_assert!(!s.is_empty());
            prop_assert_eq!(s.as_bytes()[0], w.as_bytes()[0]);
        }

        #[test]
        fn matches_are_the_stemming_and_folding_analysers_matches(
            text in proptest::collection::vec((0..WORDS.len(), "[ ,.;:-]{1,2}"), 0..30),
            q in proptest::collection::vec(0..WORDS.len(), 1..4),
            phrase in proptest::option::of(0..WORDS.len()),
        ) {
            let text: String = text.iter().map(|(i, sep)| format!("{}{sep}", WORDS[*i])).collect();
            let mut typed: Vec<String> = q.iter().map(|&i| WORDS[i].to_string()).collect();
            if let Some(p) = phrase {
                typed.push(format!("\"{} {}\"", WORDS[p], WORDS[(p + 1) % WORDS.len()]));
            }
            let parsed = query::parse(&typed.join(" ")).unwrap();
            let mut terms = HighlightTerms::from_query(&parsed, &[]);
            let want = reference(&terms, &text);
            let got: Vec<([usize; 2], String)> =
                terms.matches(&text).into_iter().map(|m| (m.range, m.key)).collect();
            prop_assert_eq!(got, want);
        }
    }
}
