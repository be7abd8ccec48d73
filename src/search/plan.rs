//! Query planning: parsed words, phrases and title terms become scoring queries (title x0.7,
//! heading x1.5, text, the unstemmed field x0.5), with typo correction, and are composed with
//! the filters into the strict (all words) and relaxed (some words) tiers.

use std::collections::HashMap;

use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, TermQuery,
};
use tantivy::schema::IndexRecordOption;
use tantivy::Searcher;

use super::exclusion::Exclusion;
use super::filters::{head_only, kind_query, Filters, Group};
use super::highlight::tokens;
use super::query::{ParsedQuery, Term as QTerm};
use super::response::Correction;
use super::stopwords::Stopwords;
use super::word::{any_word, word_query, AnyOf, WordQuery};
use super::Engine;
use crate::index::schema::{self, doc_kind};

/// Queries built from a parsed query.
#[derive(Default)]
pub(super) struct Plan {
    /// Phrases, title terms and OR groups with phrases: always required.
    pub(super) required: Vec<Box<dyn Query>>,
    /// Plain words (and OR groups of words), boosted by repeat count; relaxed in tier two.
    pub(super) words: Vec<Box<dyn Query>>,
    /// Excluded terms.
    pub(super) excluded: Vec<Box<dyn Query>>,
    /// The indexed words a prefix search expanded the last word to (folded), for highlighting.
    pub(super) expansions: Vec<String>,
}

/// The most indexed words the last word of a prefix search expands to, the most frequent
/// first: enough to find what is being typed, few enough to stay fast on every keystroke.
pub const PREFIX_EXPANSIONS: usize = 10;
/// The fewest characters a prefix needs before it expands (one letter begins too many words
/// to choose from).
pub const MIN_PREFIX_CHARS: usize = 2;
/// Terms read from one segment's dictionary per expansion at most: bounds a short prefix's
/// cost on a large archive (the most frequent of the first terms win).
const PREFIX_SCAN: usize = 20_000;
/// Weight of an expansion next to the word as typed, so exact matches rank first: a word
/// matched as typed scores in title, heading, text (x1) and the unstemmed field (x0.5), an
/// expansion in the unstemmed field only, at this weight.
const PREFIX_BOOST: f32 = 0.3;

impl Plan {
    /// Whether the search runs in two tiers, all words first: when it has two plain words or
    /// more. (Skipping the all-words tier for long questions was measured and gained nothing
    /// on the test collections: docs/ranking.md.)
    pub(super) fn tiered(&self) -> bool {
        self.words.len() > 1
    }

    /// Whether the plan is one plain word (or OR group) and nothing else: a union of term
    /// queries, whose top hits tantivy can find without visiting every match.
    pub(super) fn prunable(&self) -> bool {
        self.words.len() == 1 && self.required.is_empty() && self.excluded.is_empty()
    }

    /// Whether the relaxed tier (some of the words) is a flat union of terms and nothing else,
    /// which tantivy's top-k can prune as it prunes a lone word.
    pub(super) fn relaxed_prunable(&self) -> bool {
        self.required.is_empty()
            && self.excluded.is_empty()
            && self.words.iter().all(|q| q.is::<WordQuery>())
    }

    /// Whether the plan requires a text clause (a word, phrase or title term), which no event
    /// document can match.
    pub(super) fn textual(&self) -> bool {
        !self.required.is_empty() || !self.words.is_empty()
    }
}

impl Engine {
    /// Turns parsed clauses into tantivy queries, applying typo corrections.
    pub(super) fn plan(
        &self,
        searcher: &Searcher,
        parsed: &ParsedQuery,
        corrections: &mut Vec<Correction>,
    ) -> Plan {
        let mut plan = Plan::default();
        let mut word_counts: HashMap<String, (usize, Box<dyn Query>)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        let mut stop: Vec<Box<dyn Query>> = Vec::new();
        let last = parsed.clauses.len().saturating_sub(1);
        for (ci, clause) in parsed.clauses.iter().enumerate() {
            let only_words = clause.any_of.iter().all(|t| matches!(t, QTerm::Word(_)));
            let typing = parsed.prefix && ci == last;
            let alts: Vec<Box<dyn Query>> = clause
                .any_of
                .iter()
                .enumerate()
                .filter_map(|(ti, t)| match t {
                    QTerm::Word(w) if typing && ti + 1 == clause.any_of.len() => {
                        self.prefix_query(searcher, w, corrections, &mut plan.expansions)
                    }
                    _ => self.term_query(searcher, t, corrections),
                })
                .collect();
            if alts.is_empty() {
                continue;
            }
            let q: Box<dyn Query> = if alts.len() == 1 {
                alts.into_iter().next().expect("one")
            } else {
                Box::new(AnyOf::new(alts))
            };
            if only_words {
                let key = clause_key(&clause.any_of);
                if clause.any_of.len() == 1 && Stopwords::english().contains(&key) {
                    stop.push(q);
                    continue;
                }
                match word_counts.get_mut(&key) {
                    Some(entry) => entry.0 += 1,
                    None => {
                        order.push(key.clone());
                        word_counts.insert(key, (1, q));
                    }
                }
            } else {
                plan.required.push(q);
            }
        }
        for key in order {
            if let Some((n, q)) = word_counts.remove(&key) {
                let q: Box<dyn Query> = if n > 1 {
                    Box::new(BoostQuery::new(q, n as f32))
                } else {
                    q
                };
                plan.words.push(q);
            }
        }
        // Stopwords typed as plain words neither count nor score beside other words (scoring
        // them cost CISI's long questions 0.008 nDCG@10: docs/ranking.md); a query made only
        // of stopwords searches them as ordinary words.
        if plan.words.is_empty() && plan.required.is_empty() {
            plan.words = stop;
        }
        for t in &parsed.excluded {
            if let Some(q) = self.term_query(searcher, t, &mut Vec::new()) {
                plan.excluded.push(q);
            }
        }
        plan
    }

    /// The scoring query for one term; `None` when it has no searchable tokens.
    pub(super) fn term_query(
        &self,
        searcher: &Searcher,
        t: &QTerm,
        corrections: &mut Vec<Correction>,
    ) -> Option<Box<dyn Query>> {
        let f = &self.bi.fields;
        match t {
            QTerm::Word(w) => {
                let exact = tokens(&mut schema::fold_analyzer(), w);
                if exact.is_empty() {
                    return None;
                }
                let mut word = w.clone();
                if exact.len() == 1 {
                    let term = tantivy::Term::from_field_text(f.exact, &exact[0]);
                    if searcher.doc_freq(&term).unwrap_or(0) == 0 {
                        if let Some(fix) = self.correct(searcher, &exact[0]) {
                            corrections.push(Correction {
                                from: w.clone(),
                                to: match_case(w, &fix),
                            });
                            word = fix;
                        }
                    }
                }
                Some(self.word_query(&word))
            }
            QTerm::Phrase(p) => {
                let exact = tokens(&mut schema::fold_analyzer(), p);
                match exact.len() {
                    0 => None,
                    1 => Some(Box::new(TermQuery::new(
                        tantivy::Term::from_field_text(f.exact, &exact[0]),
                        IndexRecordOption::WithFreqs,
                    ))),
                    _ => Some(Box::new(PhraseQuery::new(
                        exact
                            .iter()
                            .map(|t| tantivy::Term::from_field_text(f.exact, t))
                            .collect(),
                    ))),
                }
            }
            QTerm::Title(w) => {
                let stems = tokens(&mut schema::stem_analyzer(), w);
                match stems.len() {
                    0 => None,
                    1 => Some(Box::new(TermQuery::new(
                        tantivy::Term::from_field_text(f.title, &stems[0]),
                        IndexRecordOption::WithFreqs,
                    ))),
                    _ => Some(Box::new(PhraseQuery::new(
                        stems
                            .iter()
                            .map(|t| tantivy::Term::from_field_text(f.title, t))
                            .collect(),
                    ))),
                }
            }
        }
    }

    /// The last word of a prefix search: the word as typed (when the index holds it) or any of
    /// the [`PREFIX_EXPANSIONS`] most frequent indexed words it begins, those at
    /// [`PREFIX_BOOST`]. With no expansion it is an ordinary word (typo correction included).
    fn prefix_query(
        &self,
        searcher: &Searcher,
        w: &str,
        corrections: &mut Vec<Correction>,
        expansions: &mut Vec<String>,
    ) -> Option<Box<dyn Query>> {
        let f = &self.bi.fields;
        let exact = tokens(&mut schema::fold_analyzer(), w);
        let [prefix] = exact.as_slice() else {
            return self.term_query(searcher, &QTerm::Word(w.to_string()), corrections);
        };
        let found = self.expand_prefix(searcher, prefix);
        if found.is_empty() {
            return self.term_query(searcher, &QTerm::Word(w.to_string()), corrections);
        }
        let mut alts: Vec<Box<dyn Query>> = Vec::new();
        let typed = tantivy::Term::from_field_text(f.exact, prefix);
        if searcher.doc_freq(&typed).unwrap_or(0) > 0 {
            alts.push(self.word_query(w));
        }
        for e in &found {
            alts.push(boosted(
                terms_query(f.exact, std::slice::from_ref(e)),
                PREFIX_BOOST,
            ));
        }
        expansions.extend(found);
        Some(Box::new(AnyOf::new(alts)))
    }

    /// The [`PREFIX_EXPANSIONS`] indexed words of the unstemmed field that begin with `prefix`
    /// (folded), other than `prefix` itself, the most frequent first, read from each segment's
    /// term dictionary as a range.
    pub(super) fn expand_prefix(&self, searcher: &Searcher, prefix: &str) -> Vec<String> {
        if prefix.chars().count() < MIN_PREFIX_CHARS {
            return Vec::new();
        }
        let mut freq: HashMap<String, u64> = HashMap::new();
        for seg in searcher.segment_readers() {
            let Ok(inv) = seg.inverted_index(self.bi.fields.exact) else {
                continue;
            };
            let Ok(mut stream) = inv.terms().range().ge(prefix.as_bytes()).into_stream() else {
                continue;
            };
            let mut read = 0;
            while read < PREFIX_SCAN && stream.advance() {
                let key = stream.key();
                if !key.starts_with(prefix.as_bytes()) {
                    break;
                }
                read += 1;
                if key.len() == prefix.len() {
                    continue;
                }
                if let Ok(k) = std::str::from_utf8(key) {
                    *freq.entry(k.to_string()).or_default() += u64::from(stream.value().doc_freq);
                }
            }
        }
        let mut words: Vec<(String, u64)> = freq.into_iter().collect();
        words.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        words
            .into_iter()
            .take(PREFIX_EXPANSIONS)
            .map(|(w, _)| w)
            .collect()
    }

    /// A plain word scored in title, heading, text and the unstemmed field ([`word_query`]).
    pub(super) fn word_query(&self, word: &str) -> Box<dyn Query> {
        word_query(&self.bi.fields, word)
    }

    /// The indexed word nearest to `word`: distance 1 first, then 2 for long words; most
    /// frequent wins a tie.
    pub(super) fn correct(&self, searcher: &Searcher, word: &str) -> Option<String> {
        let len = word.chars().count();
        if len < 4 || word.chars().any(|c| c.is_ascii_digit()) {
            return None;
        }
        let max = if len >= 8 { 2 } else { 1 };
        for distance in 1..=max {
            let probe = tantivy::query::FuzzyTermQuery::new(
                tantivy::Term::from_field_text(self.bi.fields.exact, word),
                distance,
                true,
            );
            let mut best: HashMap<String, u64> = HashMap::new();
            for seg in searcher.segment_readers() {
                let Ok(inv) = seg.inverted_index(self.bi.fields.exact) else {
                    continue;
                };
                let Ok(dfa) = probe.automaton() else { continue };
                let Ok(mut stream) = inv.terms().search(dfa).into_stream() else {
                    continue;
                };
                while stream.advance() {
                    if let Ok(k) = std::str::from_utf8(stream.key()) {
                        *best.entry(k.to_string()).or_default() +=
                            u64::from(stream.value().doc_freq);
                    }
                }
            }
            if let Some((w, _)) = best
                .into_iter()
                .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
            {
                return Some(w);
            }
        }
        None
    }

    /// `required AND words AND filters AND NOT excluded`, never an event document.
    ///
    /// `shuts_out_events` says a required clause or word can only match documents with text
    /// (a query word, phrase or title term, the head-only clause): event documents carry no
    /// searchable text, nor the title (`index::documents`), so they need no exclusion then,
    /// which spares every search a `MustNot` over the event postings (a tenth of a one-word
    /// query). Filters and entity mentions alone do match events and pass `false`.
    pub(super) fn compose(
        &self,
        required: Vec<Box<dyn Query>>,
        filters: &Filters,
        skip: Option<Group>,
        words: Vec<Box<dyn Query>>,
        excluded: Vec<Box<dyn Query>>,
        shuts_out_events: bool,
    ) -> Box<dyn Query> {
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for q in required.into_iter().chain(words) {
            parts.push((Occur::Must, q));
        }
        let filtered = filters.except(skip);
        if parts.len() > 1 || !filtered.is_empty() {
            for (_, q) in &mut parts {
                if let Some(w) = q.downcast_ref::<WordQuery>() {
                    *q = Box::new(w.among_others());
                } else if let Some(a) = q.downcast_ref::<AnyOf>() {
                    *q = Box::new(a.among_others());
                }
            }
        }
        for q in filtered {
            parts.push((
                Occur::Must,
                Box::new(tantivy::query::ConstScoreQuery::new(q, 0.0)),
            ));
        }
        for q in filters.boosts(skip) {
            parts.push((Occur::Should, q));
        }
        for q in excluded {
            parts.push((Occur::MustNot, Box::new(Exclusion(q))));
        }
        if !shuts_out_events {
            parts.push((Occur::MustNot, kind_query(&self.bi.fields, doc_kind::EVENT)));
        }
        if parts.iter().all(|(o, _)| *o == Occur::MustNot) {
            parts.push((Occur::Must, Box::new(AllQuery)));
        }
        // One required clause is that clause, scored the same; unwrapped, a word's query stays
        // a union of terms, which tantivy's top-k can prune with block-max WAND.
        if let [(Occur::Must, _)] = parts.as_slice() {
            if let Some((_, q)) = parts.pop() {
                return q;
            }
        }
        Box::new(BooleanQuery::new(parts))
    }

    /// The strict tier: every plain word required, with the filters (less `skip`).
    pub(super) fn compose_strict(
        &self,
        plan: &Plan,
        filters: &Filters,
        skip: Option<Group>,
    ) -> Box<dyn Query> {
        self.compose(
            cloned(&plan.required),
            filters,
            skip,
            cloned(&plan.words),
            cloned(&plan.excluded),
            plan.textual(),
        )
    }

    /// What an empty query matches under the filters (less `skip`): the briefs' head documents.
    pub(super) fn compose_browse(&self, filters: &Filters, skip: Option<Group>) -> Box<dyn Query> {
        self.compose(
            vec![head_only(&self.bi.fields)],
            filters,
            skip,
            vec![],
            vec![],
            true,
        )
    }

    /// Like [`Engine::compose`] but with the plain words optional: at least one must match.
    pub(super) fn compose_relaxed(
        &self,
        plan: &Plan,
        filters: &Filters,
        skip: Option<Group>,
    ) -> Box<dyn Query> {
        let any: Box<dyn Query> = if plan.words.is_empty() {
            Box::new(EmptyQuery)
        } else if let Some(flat) = any_word(&plan.words) {
            Box::new(flat)
        } else {
            Box::new(BooleanQuery::union(cloned(&plan.words)))
        };
        let mut required: Vec<Box<dyn Query>> =
            plan.required.iter().map(|q| q.box_clone()).collect();
        required.push(any);
        let excluded = plan.excluded.iter().map(|q| q.box_clone()).collect();
        self.compose(required, filters, skip, vec![], excluded, plan.textual())
    }
}

pub(super) fn cloned(v: &[Box<dyn Query>]) -> Vec<Box<dyn Query>> {
    v.iter().map(|q| q.box_clone()).collect()
}

pub(super) fn clause_key(any_of: &[QTerm]) -> String {
    any_of
        .iter()
        .map(|t| match t {
            QTerm::Word(w) | QTerm::Phrase(w) | QTerm::Title(w) => schema::key_of(w),
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

pub(super) fn terms_query(field: tantivy::schema::Field, toks: &[String]) -> Box<dyn Query> {
    match toks.len() {
        0 => Box::new(EmptyQuery),
        1 => Box::new(TermQuery::new(
            tantivy::Term::from_field_text(field, &toks[0]),
            IndexRecordOption::WithFreqs,
        )),
        _ => Box::new(PhraseQuery::new(
            toks.iter()
                .map(|t| tantivy::Term::from_field_text(field, t))
                .collect(),
        )),
    }
}

pub(super) fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

/// Gives a correction the capitalisation of what the user typed ("Mutaqi" → "Muttaqi").
pub(super) fn match_case(typed: &str, fix: &str) -> String {
    if typed.chars().next().is_some_and(char::is_uppercase) {
        let mut c = fix.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        fix.to_string()
    }
}
