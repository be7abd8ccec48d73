//! Stage 5 of the pipeline: a query and filters become ranked passages and facet counts.
//!
//! Ranking works like Meilisearch's default: passages holding every query word come first,
//! BM25-ranked; when they do not fill the page, passages holding some of the words follow,
//! also BM25-ranked, so a long pasted question still finds its answer. Each word scores in the
//! title (x2), headings (x1.5), text, and again in an unstemmed field so exact forms of names
//! beat stemmed look-alikes; a word repeated in the query counts once per repeat. A word that
//! is in no passage is replaced by its nearest indexed spelling (edit distance 1, 2 for words
//! of eight letters or more) and the response says so. Facets count *briefs*, not passages,
//! and each group's counts ignore that group's own filter (multi-select faceting).

use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::Arc;

use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, Count, SegmentCollector, TopDocs};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{
    AllQuery, BooleanQuery, BoostQuery, EmptyQuery, Occur, PhraseQuery, Query, RangeQuery,
    TermQuery,
};
use tantivy::schema::{IndexRecordOption, Value};
use tantivy::{DocAddress, DocId, Order, Score, Searcher, SegmentReader, TantivyDocument};

use crate::error::{Error, Result};
use crate::index::{day_number, BriefIndex};
use crate::query::{self, ParsedQuery, Term as QTerm};
use crate::schema::{self, doc_kind, Fields};

/// How hits are ordered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first.
    #[default]
    Relevance,
    /// Newest first.
    Date,
}

/// A search as the CLI and the HTTP API receive it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchRequest {
    /// Query text (may be empty to browse).
    pub query: String,
    /// Author filters (OR within the flag).
    pub authors: Vec<String>,
    /// Topic filters.
    pub topics: Vec<String>,
    /// Region filters.
    pub regions: Vec<String>,
    /// Kind filters.
    pub kinds: Vec<String>,
    /// Entity filters: a canonical name or any alias ("Muttaqi", "ISKP"). Repeat for OR.
    pub entities: Vec<String>,
    /// Lower date bounds (`YYYY`, `YYYY-MM`, `YYYY-MM-DD`), inclusive.
    pub since: Vec<String>,
    /// Upper date bounds, inclusive.
    pub until: Vec<String>,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// Order of hits.
    pub sort: Sort,
    /// At most this many passages from one brief.
    pub per_brief: usize,
    /// Compute facet counts.
    pub facets: bool,
}

impl Default for SearchRequest {
    fn default() -> Self {
        SearchRequest {
            query: String::new(),
            authors: Vec::new(),
            topics: Vec::new(),
            regions: Vec::new(),
            kinds: Vec::new(),
            entities: Vec::new(),
            since: Vec::new(),
            until: Vec::new(),
            limit: 10,
            offset: 0,
            sort: Sort::Relevance,
            per_brief: 2,
            facets: false,
        }
    }
}

/// The most hits one request may ask for, and the deepest offset.
pub const MAX_LIMIT: usize = 1_000;
/// See [`MAX_LIMIT`].
pub const MAX_OFFSET: usize = 100_000;

/// One ranked passage.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Hit {
    /// Id of the brief the passage belongs to.
    pub brief_id: String,
    /// The brief's title.
    pub title: String,
    /// The brief's date, `YYYY-MM-DD`.
    pub date: Option<String>,
    /// The brief's authors.
    pub authors: Vec<String>,
    /// The brief's kind label.
    pub kind: Option<String>,
    /// The heading the passage sits under.
    pub heading: Option<String>,
    /// Position of the passage in the body; `null` for the standfirst.
    pub passage: Option<usize>,
    /// The passage text (the standfirst for summary hits).
    pub text: String,
    /// Byte ranges `[start, end)` of matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
    /// Relevance score (BM25 sum); 0 when sorted by date or browsing.
    pub score: f32,
    /// File the brief was read from.
    pub source: String,
}

/// A name → count map that keeps the highest counts first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Counts(pub Vec<(String, u64)>);

impl Serialize for Counts {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(Some(self.0.len()))?;
        for (k, v) in &self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

impl<'de> Deserialize<'de> for Counts {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let map: HashMap<String, u64> = HashMap::deserialize(d)?;
        Ok(Counts::from_map(map))
    }
}

impl Counts {
    /// Sorts a map by count (descending), then name.
    pub fn from_map(map: HashMap<String, u64>) -> Counts {
        let mut v: Vec<(String, u64)> = map.into_iter().collect();
        v.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
        Counts(v)
    }

    /// The count for `name`, or 0.
    pub fn get(&self, name: &str) -> u64 {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map_or(0, |(_, v)| *v)
    }
}

/// Numbers of matching briefs per facet value.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Facets {
    /// Topic → briefs.
    pub topics: Counts,
    /// Region → briefs.
    pub regions: Counts,
    /// Author → briefs.
    pub authors: Counts,
    /// Kind → briefs.
    pub kinds: Counts,
    /// Year → briefs.
    pub years: Counts,
    /// Person → briefs mentioning them.
    #[serde(default)]
    pub people: Counts,
    /// Organization → briefs mentioning it.
    #[serde(default)]
    pub organizations: Counts,
    /// Place → briefs mentioning it.
    #[serde(default)]
    pub places: Counts,
}

/// A word the index does not hold, and the spelling searched instead.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Correction {
    /// The word as typed.
    pub from: String,
    /// The indexed word searched instead.
    pub to: String,
}

/// The answer to a [`SearchRequest`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SearchResponse {
    /// The query as given.
    pub query: String,
    /// Matching briefs (distinct briefs among matching passages).
    pub total_briefs: u64,
    /// Matching passages.
    pub total_passages: u64,
    /// `all` when every hit has every word, `some` when hits with only some of the words were
    /// added to fill the page, `browse` for an empty query.
    pub matching: String,
    /// The page of hits.
    pub hits: Vec<Hit>,
    /// Facet counts, when asked for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub facets: Option<Facets>,
    /// Typo corrections applied.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Notes from the lenient query parser.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Milliseconds spent searching.
    pub took_ms: f64,
}

/// A reusable searcher over one index; cheap to query many times.
pub struct Engine {
    bi: BriefIndex,
    reader: tantivy::IndexReader,
}

/// Facet groups, in the order of [`Facets`]' fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Group {
    Topic,
    Region,
    Author,
    Kind,
    Year,
    Entity,
    Person,
    Organization,
    Place,
}

/// Facet groups and the filter group each one lifts when counted (multi-select).
const GROUPS: [(Group, Group); 8] = [
    (Group::Topic, Group::Topic),
    (Group::Region, Group::Region),
    (Group::Author, Group::Author),
    (Group::Kind, Group::Kind),
    (Group::Year, Group::Year),
    (Group::Person, Group::Entity),
    (Group::Organization, Group::Entity),
    (Group::Place, Group::Entity),
];

/// Built filters, one entry per group that has a filter.
struct Filters {
    by_group: Vec<(Group, Box<dyn Query>)>,
}

impl Filters {
    fn except(&self, skip: Option<Group>) -> Vec<Box<dyn Query>> {
        self.by_group
            .iter()
            .filter(|(g, _)| Some(*g) != skip)
            .map(|(_, q)| q.box_clone())
            .collect()
    }

    fn has(&self, g: Group) -> bool {
        self.by_group.iter().any(|(x, _)| *x == g)
    }
}

impl Engine {
    /// Opens the index in `dir` for searching.
    pub fn open(dir: &std::path::Path) -> Result<Engine> {
        let bi = BriefIndex::open(dir)?;
        let reader = bi
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Engine { bi, reader })
    }

    /// Like [`Engine::open`], but each search spreads its segments over `threads` threads.
    pub fn open_with_threads(dir: &std::path::Path, threads: usize) -> Result<Engine> {
        let mut bi = BriefIndex::open(dir)?;
        bi.index.set_multithread_executor(threads.max(1))?;
        let reader = bi
            .index
            .reader_builder()
            .reload_policy(tantivy::ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(Engine { bi, reader })
    }

    /// The index this engine reads.
    pub fn index(&self) -> &BriefIndex {
        &self.bi
    }

    /// A searcher over the latest committed state.
    pub fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }

    /// Runs a search.
    ///
    /// Errors: [`Error::Usage`] for a date that does not parse, a limit or offset out of range,
    /// or an over-long query.
    pub fn search(&self, req: &SearchRequest) -> Result<SearchResponse> {
        let started = std::time::Instant::now();
        if req.limit > MAX_LIMIT {
            return Err(Error::Usage(format!(
                "--limit {} is over the maximum of {MAX_LIMIT}",
                req.limit
            )));
        }
        if req.offset > MAX_OFFSET {
            return Err(Error::Usage(format!(
                "--offset {} is over the maximum of {MAX_OFFSET}",
                req.offset
            )));
        }
        let parsed = query::parse(&req.query).map_err(Error::Usage)?;
        let searcher = self.searcher();
        let f = &self.bi.fields;
        let filters = self.build_filters(req, &parsed)?;
        let mut resp = SearchResponse {
            query: req.query.clone(),
            notes: parsed.notes.clone(),
            ..SearchResponse::default()
        };
        let per_brief = req.per_brief.max(1);
        let want = req.offset + req.limit;

        let (match_query, hits): (Box<dyn Query>, Vec<(f32, DocAddress)>) = if parsed.is_browse() {
            resp.matching = "browse".into();
            let q = self.compose(
                vec![browse_base(f, &filters, None)],
                &filters,
                None,
                vec![],
                vec![],
            );
            let hits = self.top(&searcher, &*q, Sort::Date, want, per_brief)?;
            (q, hits)
        } else {
            let plan = self.plan(&searcher, &parsed, &mut resp.corrections);
            let strict = self.compose(
                cloned(&plan.required),
                &filters,
                None,
                cloned(&plan.words),
                cloned(&plan.excluded),
            );
            let mut hits = self.top(&searcher, &*strict, req.sort, want, per_brief)?;
            resp.matching = "all".into();
            let mut match_query = strict;
            if hits.len() < want && plan.words.len() > 1 {
                let relaxed = self.compose_relaxed(&plan, &filters, None);
                let extra = self.top(&searcher, &*relaxed, req.sort, want, per_brief)?;
                let before = hits.len();
                merge_capped(&mut hits, extra, want, per_brief, &searcher);
                if hits.len() > before {
                    resp.matching = "some".into();
                    match_query = relaxed;
                }
            }
            (match_query, hits)
        };

        let counted = searcher.search(&*match_query, &BriefCounter)?;
        resp.total_briefs = counted.keys.len() as u64;
        resp.total_passages = if parsed.is_browse() && !filters.has(Group::Entity) {
            resp.total_briefs
        } else {
            counted.passages
        };

        if req.facets {
            let relaxed = resp.matching == "some";
            resp.facets = Some(self.facets(&searcher, &parsed, &filters, relaxed, counted.keys)?);
        }

        let mut terms = HighlightTerms::from_query(&parsed, &resp.corrections);
        resp.hits = hits
            .into_iter()
            .skip(req.offset)
            .take(req.limit)
            .map(|(score, addr)| self.hit(&searcher, addr, score, &mut terms))
            .collect::<Result<Vec<_>>>()?;
        resp.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(resp)
    }

    /// Facet counts: the matched briefs' head documents give every group's counts; each
    /// filtered group is counted again over the briefs matched with its own filter lifted.
    fn facets(
        &self,
        searcher: &Searcher,
        parsed: &ParsedQuery,
        filters: &Filters,
        relaxed: bool,
        matched: HashSet<u64>,
    ) -> Result<Facets> {
        let plan = if parsed.is_browse() {
            None
        } else {
            Some(self.plan(searcher, parsed, &mut Vec::new()))
        };
        let build = |skip: Option<Group>| -> Box<dyn Query> {
            match &plan {
                None => self.compose(
                    vec![browse_base(&self.bi.fields, filters, skip)],
                    filters,
                    skip,
                    vec![],
                    vec![],
                ),
                Some(p) if relaxed => self.compose_relaxed(p, filters, skip),
                Some(p) => self.compose(
                    cloned(&p.required),
                    filters,
                    skip,
                    cloned(&p.words),
                    cloned(&p.excluded),
                ),
            }
        };
        let mut groups = self.facet_counts(searcher, matched)?;
        let mut lifted_runs: HashMap<Group, HashMap<Group, HashMap<String, u64>>> = HashMap::new();
        for (g, lifts) in GROUPS {
            if filters.has(lifts) {
                let run = match lifted_runs.entry(lifts) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        let keys = searcher.search(&*build(Some(lifts)), &BriefCounter)?.keys;
                        e.insert(self.facet_counts(searcher, keys)?)
                    }
                };
                groups.insert(g, run.remove(&g).unwrap_or_default());
            }
        }
        let mut take = |g: Group| Counts::from_map(groups.remove(&g).unwrap_or_default());
        Ok(Facets {
            topics: take(Group::Topic),
            regions: take(Group::Region),
            authors: take(Group::Author),
            kinds: take(Group::Kind),
            years: take(Group::Year),
            people: take(Group::Person),
            organizations: take(Group::Organization),
            places: take(Group::Place),
        })
    }

    fn build_filters(&self, req: &SearchRequest, parsed: &ParsedQuery) -> Result<Filters> {
        let f = &self.bi.fields;
        let mut authors = req.authors.clone();
        let mut topics = req.topics.clone();
        let mut regions = req.regions.clone();
        let mut kinds = req.kinds.clone();
        let mut entities = req.entities.clone();
        for ff in &parsed.filters {
            match ff.field.as_str() {
                "author" => authors.push(ff.value.clone()),
                "topic" => topics.push(ff.value.clone()),
                "region" => regions.push(ff.value.clone()),
                "kind" => kinds.push(ff.value.clone()),
                "entity" => entities.push(ff.value.clone()),
                _ => {}
            }
        }
        let mut by_group: Vec<(Group, Box<dyn Query>)> = Vec::new();
        if !authors.is_empty() {
            let any: Vec<Box<dyn Query>> = authors.iter().map(|a| author_query(f, a)).collect();
            by_group.push((Group::Author, Box::new(BooleanQuery::union(any))));
        }
        for (group, field, values) in [
            (Group::Topic, f.topic_key, &topics),
            (Group::Region, f.region_key, &regions),
            (Group::Kind, f.kind_key, &kinds),
        ] {
            if !values.is_empty() {
                let any: Vec<Box<dyn Query>> = values
                    .iter()
                    .map(|v| {
                        Box::new(TermQuery::new(
                            tantivy::Term::from_field_text(field, &schema::key_of(v)),
                            IndexRecordOption::Basic,
                        )) as Box<dyn Query>
                    })
                    .collect();
                by_group.push((group, Box::new(BooleanQuery::union(any))));
            }
        }
        if !entities.is_empty() {
            by_group.push((Group::Entity, self.entity_filter(&entities)));
        }
        let since = first_bound(&req.since, "--since", true)?;
        let until = first_bound(&req.until, "--until", false)?;
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(Error::Usage(format!(
                    "--since is after --until: no date can match ({s} > {u})"
                )));
            }
        }
        if since.is_some() || until.is_some() {
            let lo = since.map_or(Bound::Unbounded, |s| {
                Bound::Included(tantivy::Term::from_field_u64(f.day, s))
            });
            let hi = until.map_or(Bound::Unbounded, |u| {
                Bound::Included(tantivy::Term::from_field_u64(f.day, u))
            });
            by_group.push((Group::Year, Box::new(RangeQuery::new(lo, hi))));
        }
        Ok(Filters { by_group })
    }

    /// Turns parsed clauses into tantivy queries, applying typo corrections.
    fn plan(
        &self,
        searcher: &Searcher,
        parsed: &ParsedQuery,
        corrections: &mut Vec<Correction>,
    ) -> Plan {
        let f = &self.bi.fields;
        let mut plan = Plan::default();
        let mut word_counts: HashMap<String, (usize, Box<dyn Query>)> = HashMap::new();
        let mut order: Vec<String> = Vec::new();
        for clause in &parsed.clauses {
            let only_words = clause.any_of.iter().all(|t| matches!(t, QTerm::Word(_)));
            let alts: Vec<Box<dyn Query>> = clause
                .any_of
                .iter()
                .filter_map(|t| self.term_query(searcher, t, corrections))
                .collect();
            if alts.is_empty() {
                continue;
            }
            let q: Box<dyn Query> = if alts.len() == 1 {
                alts.into_iter().next().expect("one")
            } else {
                Box::new(BooleanQuery::union(alts))
            };
            if only_words {
                let key = clause_key(&clause.any_of);
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
        for t in &parsed.excluded {
            if let Some(q) = self.term_query(searcher, t, &mut Vec::new()) {
                plan.excluded.push(q);
            }
        }
        let _ = f;
        plan
    }

    /// The scoring query for one term; `None` when it has no searchable tokens.
    fn term_query(
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

    /// A plain word scored in title, heading, text and the unstemmed field.
    fn word_query(&self, word: &str) -> Box<dyn Query> {
        let f = &self.bi.fields;
        let stems = tokens(&mut schema::stem_analyzer(), word);
        let exact = tokens(&mut schema::fold_analyzer(), word);
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for (field, boost) in [(f.title, 2.0f32), (f.heading, 1.5), (f.text, 1.0)] {
            parts.push((Occur::Should, boosted(terms_query(field, &stems), boost)));
        }
        parts.push((Occur::Should, boosted(terms_query(f.exact, &exact), 0.5)));
        Box::new(BooleanQuery::new(parts))
    }

    /// The indexed word nearest to `word`: distance 1 first, then 2 for long words; most
    /// frequent wins a tie.
    fn correct(&self, searcher: &Searcher, word: &str) -> Option<String> {
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

    /// `required AND words AND filters AND NOT excluded`.
    fn compose(
        &self,
        required: Vec<Box<dyn Query>>,
        filters: &Filters,
        skip: Option<Group>,
        words: Vec<Box<dyn Query>>,
        excluded: Vec<Box<dyn Query>>,
    ) -> Box<dyn Query> {
        let mut parts: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for q in required.into_iter().chain(words) {
            parts.push((Occur::Must, q));
        }
        for q in filters.except(skip) {
            parts.push((
                Occur::Must,
                Box::new(tantivy::query::ConstScoreQuery::new(q, 0.0)),
            ));
        }
        for q in excluded {
            parts.push((Occur::MustNot, q));
        }
        parts.push((Occur::MustNot, kind_query(&self.bi.fields, doc_kind::EVENT)));
        if parts.iter().all(|(o, _)| *o == Occur::MustNot) {
            parts.push((Occur::Must, Box::new(AllQuery)));
        }
        Box::new(BooleanQuery::new(parts))
    }

    /// Like [`Engine::compose`] but with the plain words optional: at least one must match.
    fn compose_relaxed(
        &self,
        plan: &Plan,
        filters: &Filters,
        skip: Option<Group>,
    ) -> Box<dyn Query> {
        let words: Vec<Box<dyn Query>> = plan.words.iter().map(|q| q.box_clone()).collect();
        let any: Box<dyn Query> = if words.is_empty() {
            Box::new(EmptyQuery)
        } else {
            Box::new(BooleanQuery::union(words))
        };
        let mut required: Vec<Box<dyn Query>> =
            plan.required.iter().map(|q| q.box_clone()).collect();
        required.push(any);
        let excluded = plan.excluded.iter().map(|q| q.box_clone()).collect();
        self.compose(required, filters, skip, vec![], excluded)
    }

    /// Top hits with at most `per_brief` passages per brief, growing the fetch until the page
    /// is full or the matches run out.
    fn top(
        &self,
        searcher: &Searcher,
        q: &dyn Query,
        sort: Sort,
        want: usize,
        per_brief: usize,
    ) -> Result<Vec<(f32, DocAddress)>> {
        if want == 0 {
            return Ok(Vec::new());
        }
        let mut fetch = (want * 3).max(32);
        loop {
            let raw: Vec<(f32, DocAddress)> = match sort {
                Sort::Relevance => {
                    searcher.search(q, &TopDocs::with_limit(fetch).order_by_score())?
                }
                Sort::Date => searcher
                    .search(
                        q,
                        &TopDocs::with_limit(fetch).order_by_u64_field("day", Order::Desc),
                    )?
                    .into_iter()
                    .map(|(_, a)| (0.0, a))
                    .collect(),
            };
            let exhausted = raw.len() < fetch;
            let mut out = Vec::new();
            merge_capped(&mut out, raw, want, per_brief, searcher);
            if out.len() >= want || exhausted {
                return Ok(out);
            }
            fetch *= 4;
        }
    }

    fn hit(
        &self,
        searcher: &Searcher,
        addr: DocAddress,
        score: f32,
        terms: &mut HighlightTerms,
    ) -> Result<Hit> {
        let f = &self.bi.fields;
        let doc: TantivyDocument = searcher.doc(addr)?;
        let text_of = |field| {
            doc.get_first(field)
                .and_then(|v| v.as_str())
                .map(str::to_string)
        };
        let text = text_of(f.text).unwrap_or_default();
        let highlights = terms.ranges(&text);
        Ok(Hit {
            brief_id: text_of(f.brief_id).unwrap_or_default(),
            title: text_of(f.title).unwrap_or_default(),
            date: text_of(f.date),
            authors: doc
                .get_all(f.author)
                .filter_map(|v| v.as_str().map(str::to_string))
                .collect(),
            kind: text_of(f.kind),
            heading: text_of(f.heading),
            passage: doc
                .get_first(f.passage_index)
                .and_then(|v| v.as_u64())
                .map(|n| n as usize),
            text,
            highlights,
            score,
            source: text_of(f.source).unwrap_or_default(),
        })
    }
}

/// Queries built from a parsed query.
#[derive(Default)]
struct Plan {
    /// Phrases, title terms and OR groups with phrases: always required.
    required: Vec<Box<dyn Query>>,
    /// Plain words (and OR groups of words), boosted by repeat count; relaxed in tier two.
    words: Vec<Box<dyn Query>>,
    /// Excluded terms.
    excluded: Vec<Box<dyn Query>>,
}

fn cloned(v: &[Box<dyn Query>]) -> Vec<Box<dyn Query>> {
    v.iter().map(|q| q.box_clone()).collect()
}

fn clause_key(any_of: &[QTerm]) -> String {
    any_of
        .iter()
        .map(|t| match t {
            QTerm::Word(w) | QTerm::Phrase(w) | QTerm::Title(w) => schema::key_of(w),
        })
        .collect::<Vec<_>>()
        .join(" OR ")
}

/// What an empty query lists: briefs (their head documents), or, when an entity filter is
/// active and not lifted, the passages that mention the entity.
fn browse_base(f: &Fields, filters: &Filters, skip: Option<Group>) -> Box<dyn Query> {
    if filters.has(Group::Entity) && skip != Some(Group::Entity) {
        Box::new(AllQuery)
    } else {
        head_only(f)
    }
}

fn head_only(f: &Fields) -> Box<dyn Query> {
    kind_query(f, doc_kind::HEAD)
}

fn kind_query(f: &Fields, kind: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        tantivy::Term::from_field_u64(f.doc_kind, kind),
        IndexRecordOption::Basic,
    ))
}

fn author_query(f: &Fields, name: &str) -> Box<dyn Query> {
    let whole: Box<dyn Query> = Box::new(TermQuery::new(
        tantivy::Term::from_field_text(f.author_key, &schema::key_of(name)),
        IndexRecordOption::Basic,
    ));
    let toks = tokens(&mut schema::fold_analyzer(), name);
    if toks.is_empty() {
        return whole;
    }
    let all: Vec<Box<dyn Query>> = toks
        .iter()
        .map(|t| {
            Box::new(TermQuery::new(
                tantivy::Term::from_field_text(f.author_tok, t),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        })
        .collect();
    Box::new(BooleanQuery::union(vec![
        whole,
        Box::new(BooleanQuery::intersection(all)),
    ]))
}

fn terms_query(field: tantivy::schema::Field, toks: &[String]) -> Box<dyn Query> {
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

fn boosted(q: Box<dyn Query>, boost: f32) -> Box<dyn Query> {
    if (boost - 1.0).abs() < f32::EPSILON {
        q
    } else {
        Box::new(BoostQuery::new(q, boost))
    }
}

/// The tokens an analyser makes of `text`.
pub fn tokens(analyzer: &mut tantivy::tokenizer::TextAnalyzer, text: &str) -> Vec<String> {
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        out.push(t.text.clone());
    }
    out
}

/// Gives a correction the capitalisation of what the user typed ("Mutaqi" → "Muttaqi").
fn match_case(typed: &str, fix: &str) -> String {
    if typed.chars().next().is_some_and(char::is_uppercase) {
        let mut c = fix.chars();
        c.next()
            .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
            .unwrap_or_default()
    } else {
        fix.to_string()
    }
}

/// Appends `extra` hits to `out` (skipping duplicates) while honouring the per-brief cap.
fn merge_capped(
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

/// Words to highlight: stems of plain words, folded tokens of phrases.
struct HighlightTerms {
    stems: HashSet<String>,
    exact: HashSet<String>,
    stem: tantivy::tokenizer::TextAnalyzer,
    fold: tantivy::tokenizer::TextAnalyzer,
}

impl HighlightTerms {
    fn from_query(parsed: &ParsedQuery, corrections: &[Correction]) -> HighlightTerms {
        let fixed: HashMap<&str, &str> = corrections
            .iter()
            .map(|c| (c.from.as_str(), c.to.as_str()))
            .collect();
        let mut stems = HashSet::new();
        let mut exact = HashSet::new();
        for clause in &parsed.clauses {
            for t in &clause.any_of {
                match t {
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

    /// Byte ranges of `text` whose tokens match.
    fn ranges(&mut self, text: &str) -> Vec<[usize; 2]> {
        let mut out = Vec::new();
        if self.stems.is_empty() && self.exact.is_empty() {
            return out;
        }
        let mut s1 = self.stem.token_stream(text);
        while let Some(t) = s1.next() {
            if self.stems.contains(&t.text) {
                out.push([t.offset_from, t.offset_to]);
            }
        }
        if !self.exact.is_empty() {
            let mut s2 = self.fold.token_stream(text);
            while let Some(t) = s2.next() {
                if self.exact.contains(&t.text) {
                    out.push([t.offset_from, t.offset_to]);
                }
            }
        }
        out.sort_unstable();
        out.dedup();
        out
    }
}

/// Counts matching documents and collects the distinct briefs they belong to.
///
/// Every document of a brief lives in one segment, contiguously (see [`crate::index`]), so a
/// change of brief key between consecutive matches is the only place a set lookup is needed.
struct BriefCounter;

#[derive(Default)]
struct CounterFruit {
    passages: u64,
    keys: HashSet<u64>,
}

struct CounterSegment {
    brief_key: Column<u64>,
    last: Option<u64>,
    fruit: CounterFruit,
}

impl Collector for BriefCounter {
    type Fruit = CounterFruit;
    type Child = CounterSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<CounterSegment> {
        Ok(CounterSegment {
            brief_key: reader.fast_fields().u64("brief_key")?,
            last: None,
            fruit: CounterFruit::default(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<CounterFruit>) -> tantivy::Result<CounterFruit> {
        let mut out = CounterFruit::default();
        for f in fruits {
            out.passages += f.passages;
            out.keys.extend(f.keys);
        }
        Ok(out)
    }
}

impl SegmentCollector for CounterSegment {
    type Fruit = CounterFruit;

    fn collect(&mut self, doc: DocId, _: Score) {
        self.fruit.passages += 1;
        let key = self.brief_key.first(doc).unwrap_or(0);
        if self.last != Some(key) {
            self.last = Some(key);
            self.fruit.keys.insert(key);
        }
    }

    fn harvest(self) -> CounterFruit {
        self.fruit
    }
}

/// Facet columns read from head documents, by group.
const FACET_COLUMNS: [(Group, &str); 7] = [
    (Group::Topic, "topic"),
    (Group::Region, "region"),
    (Group::Author, "author_facet"),
    (Group::Kind, "kind_facet"),
    (Group::Person, "person"),
    (Group::Organization, "organization"),
    (Group::Place, "place"),
];

/// Calls `f` with the term of each `(ord, value)` pair, ords ascending: one sequential pass
/// over the column's dictionary instead of a block lookup per ordinal.
fn for_each_term<V: Copy>(col: &StrColumn, hits: &[(u64, V)], mut f: impl FnMut(String, V)) {
    let ords: Vec<u64> = hits.iter().map(|(o, _)| *o).collect();
    let mut i = 0;
    let _ = col.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
        if let Some((_, v)) = hits.get(i) {
            f(String::from_utf8_lossy(bytes).into_owned(), *v);
        }
        i += 1;
    });
}

/// Counts facet values over the head documents of the briefs in `keys`.
struct FacetCounter {
    keys: Arc<HashSet<u64>>,
}

struct FacetSegment {
    keys: Arc<HashSet<u64>>,
    brief_key: Column<u64>,
    cols: Vec<(Group, StrColumn, Vec<u32>)>,
    year: Column<u64>,
    years: HashMap<u64, u64>,
}

impl Engine {
    /// Counts per facet value over the briefs in `keys`, from their head documents.
    fn facet_counts(
        &self,
        searcher: &Searcher,
        keys: HashSet<u64>,
    ) -> Result<HashMap<Group, HashMap<String, u64>>> {
        let collector = FacetCounter {
            keys: Arc::new(keys),
        };
        Ok(searcher.search(&*head_only(&self.bi.fields), &collector)?)
    }
}

impl Collector for FacetCounter {
    type Fruit = HashMap<Group, HashMap<String, u64>>;
    type Child = FacetSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let ff = reader.fast_fields();
        let mut cols = Vec::new();
        for (g, name) in FACET_COLUMNS {
            if let Some(c) = ff.str(name)? {
                let n = c.num_terms();
                cols.push((g, c, vec![0u32; n]));
            }
        }
        Ok(FacetSegment {
            keys: self.keys.clone(),
            brief_key: ff.u64("brief_key")?,
            cols,
            year: ff.u64("year")?,
            years: HashMap::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut out: Self::Fruit = HashMap::new();
        for f in fruits {
            for (g, m) in f {
                let into = out.entry(g).or_default();
                for (k, v) in m {
                    *into.entry(k).or_default() += v;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = HashMap<Group, HashMap<String, u64>>;

    fn collect(&mut self, doc: DocId, _: Score) {
        if !self
            .brief_key
            .first(doc)
            .is_some_and(|k| self.keys.contains(&k))
        {
            return;
        }
        for (_, col, counts) in &mut self.cols {
            for ord in col.term_ords(doc) {
                if let Some(c) = counts.get_mut(ord as usize) {
                    *c += 1;
                }
            }
        }
        if let Some(y) = self.year.first(doc) {
            *self.years.entry(y).or_default() += 1;
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut groups: Self::Fruit = HashMap::new();
        for (g, col, counts) in self.cols {
            let m = groups.entry(g).or_default();
            let hit: Vec<(u64, u32)> = counts
                .into_iter()
                .enumerate()
                .filter(|(_, n)| *n > 0)
                .map(|(o, n)| (o as u64, n))
                .collect();
            for_each_term(&col, &hit, |term, n| {
                *m.entry(term).or_default() += u64::from(n)
            });
        }
        let m = groups.entry(Group::Year).or_default();
        for (y, n) in self.years {
            *m.entry(y.to_string()).or_default() += n;
        }
        groups
    }
}

/// Fetches a whole brief as indexed.
pub fn get_brief(engine: &Engine, id: &str) -> Result<crate::model::Brief> {
    let f = &engine.bi.fields;
    let searcher = engine.searcher();
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                tantivy::Term::from_field_text(f.brief_id, id),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>,
        ),
        (Occur::Must, head_only(f)),
    ]);
    let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
    let (_, addr) = top
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound(id.to_string()))?;
    let doc: TantivyDocument = searcher.doc(addr)?;
    let json = doc
        .get_first(f.brief_json)
        .and_then(|v| v.as_str())
        .unwrap_or("{}");
    serde_json::from_str(json).map_err(|e| {
        Error::Usage(format!(
            "brief {id} is stored in an unreadable form ({e}); run `briefs ingest --rebuild`"
        ))
    })
}

/// What `briefs entities` asks: the most-mentioned entities among the briefs a search matches.
#[derive(Debug, Clone, Default)]
pub struct EntitiesRequest {
    /// Query and filters choosing the briefs (limit, offset and sort are ignored).
    pub search: SearchRequest,
    /// Only entities of this kind.
    pub kind: Option<crate::model::EntityKind>,
    /// How many entities to return.
    pub top: usize,
}

/// One entity with how often the matching briefs mention it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EntityCount {
    /// Canonical name.
    pub name: String,
    /// Person, organization or place.
    pub kind: crate::model::EntityKind,
    /// Matching briefs that mention it.
    pub briefs: u64,
    /// Mentions across those briefs.
    pub mentions: u64,
}

/// The answer to an [`EntitiesRequest`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EntitiesResponse {
    /// The query as given.
    pub query: String,
    /// Briefs matched.
    pub total_briefs: u64,
    /// Entities, most mentioned briefs first (then mentions, then name).
    pub entities: Vec<EntityCount>,
    /// Typo corrections applied to the query.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Milliseconds spent.
    pub took_ms: f64,
}

/// What `briefs timeline` asks: the dated events of the briefs a search matches.
#[derive(Debug, Clone, Default)]
pub struct TimelineRequest {
    /// Query and filters choosing the briefs; its `since`/`until` bound the *event* dates.
    pub search: SearchRequest,
    /// Only events whose passage mentions one of these entities (names or aliases).
    pub entities: Vec<String>,
    /// How many events to return at most.
    pub limit: usize,
}

/// One dated event with the brief it was read from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TimelineEvent {
    /// `YYYY-MM-DD`.
    pub date: String,
    /// What happened.
    pub text: String,
    /// The brief's id.
    pub brief_id: String,
    /// The brief's title.
    pub title: String,
    /// The passage the event was read from.
    pub passage: Option<usize>,
}

/// The answer to a [`TimelineRequest`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TimelineResponse {
    /// The query as given.
    pub query: String,
    /// Events matched (before `limit`).
    pub total_events: u64,
    /// Events in date order (oldest first).
    pub events: Vec<TimelineEvent>,
    /// Typo corrections applied to the query.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrections: Vec<Correction>,
    /// Milliseconds spent.
    pub took_ms: f64,
}

impl Engine {
    /// The set of briefs a request matches, as the search would choose it; `None` means every
    /// brief (an empty query without filters).
    fn matching_briefs(
        &self,
        searcher: &Searcher,
        req: &SearchRequest,
        corrections: &mut Vec<Correction>,
    ) -> Result<Option<HashSet<u64>>> {
        let parsed = query::parse(&req.query).map_err(Error::Usage)?;
        let filters = self.build_filters(req, &parsed)?;
        if parsed.is_browse() && filters.by_group.is_empty() {
            return Ok(None);
        }
        let q = if parsed.is_browse() {
            self.compose(
                vec![browse_base(&self.bi.fields, &filters, None)],
                &filters,
                None,
                vec![],
                vec![],
            )
        } else {
            let plan = self.plan(searcher, &parsed, corrections);
            let strict = self.compose(
                cloned(&plan.required),
                &filters,
                None,
                cloned(&plan.words),
                cloned(&plan.excluded),
            );
            if plan.words.len() > 1 && searcher.search(&*strict, &Count)? == 0 {
                self.compose_relaxed(&plan, &filters, None)
            } else {
                strict
            }
        };
        Ok(Some(searcher.search(&*q, &BriefKeys)?))
    }

    /// The most-mentioned entities among the briefs a search matches.
    pub fn entities(&self, req: &EntitiesRequest) -> Result<EntitiesResponse> {
        let started = std::time::Instant::now();
        let searcher = self.searcher();
        let mut resp = EntitiesResponse {
            query: req.search.query.clone(),
            ..EntitiesResponse::default()
        };
        let keys = self.matching_briefs(&searcher, &req.search, &mut resp.corrections)?;
        let counted = searcher.search(
            &*head_only(&self.bi.fields),
            &EntityCounter {
                keys: keys.map(Arc::new),
            },
        )?;
        resp.total_briefs = counted.briefs;
        let mut rows: Vec<EntityCount> = counted
            .counts
            .into_iter()
            .filter_map(|(raw, (briefs, mentions))| {
                let mut parts = raw.splitn(2, '\t');
                let kind: crate::model::EntityKind =
                    serde_json::from_value(serde_json::Value::String(parts.next()?.to_string()))
                        .ok()?;
                let name = parts.next()?.to_string();
                Some(EntityCount {
                    name,
                    kind,
                    briefs,
                    mentions,
                })
            })
            .filter(|e| req.kind.is_none_or(|k| k == e.kind))
            .collect();
        rows.sort_by(|a, b| {
            b.briefs
                .cmp(&a.briefs)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        rows.truncate(req.top.max(1));
        resp.entities = rows;
        resp.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(resp)
    }

    /// The dated events of the briefs a search matches, oldest first.
    pub fn timeline(&self, req: &TimelineRequest) -> Result<TimelineResponse> {
        let started = std::time::Instant::now();
        let f = &self.bi.fields;
        let searcher = self.searcher();
        let mut resp = TimelineResponse {
            query: req.search.query.clone(),
            ..TimelineResponse::default()
        };
        let mut briefs_req = req.search.clone();
        briefs_req.since.clear();
        briefs_req.until.clear();
        let keys = self.matching_briefs(&searcher, &briefs_req, &mut resp.corrections)?;
        // The request's date bounds apply to the event's own day.
        let mut parts: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, kind_query(f, doc_kind::EVENT))];
        let lo = first_bound(&req.search.since, "--since", true)?;
        let hi = first_bound(&req.search.until, "--until", false)?;
        if lo.is_some() || hi.is_some() {
            let lo = lo.map_or(Bound::Unbounded, |d| {
                Bound::Included(tantivy::Term::from_field_u64(f.event_day, d))
            });
            let hi = hi.map_or(Bound::Unbounded, |d| {
                Bound::Included(tantivy::Term::from_field_u64(f.event_day, d))
            });
            parts.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        if !req.entities.is_empty() {
            parts.push((Occur::Must, self.entity_filter(&req.entities)));
        }
        let rows = searcher.search(
            &BooleanQuery::new(parts),
            &EventCollector {
                keys: keys.map(Arc::new),
            },
        )?;
        resp.total_events = rows.len() as u64;
        let limit = if req.limit == 0 { 200 } else { req.limit };
        for (_, addr) in rows.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let text_of = |field| {
                doc.get_first(field)
                    .and_then(|v| v.as_str())
                    .map(str::to_string)
                    .unwrap_or_default()
            };
            let day = doc
                .get_first(f.event_day)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            resp.events.push(TimelineEvent {
                date: format!(
                    "{:04}-{:02}-{:02}",
                    day / 10_000,
                    day / 100 % 100,
                    day % 100
                ),
                text: text_of(f.event_text),
                brief_id: text_of(f.brief_id),
                title: text_of(f.title),
                passage: doc
                    .get_first(f.passage_index)
                    .and_then(|v| v.as_u64())
                    .map(|n| n as usize),
            });
        }
        resp.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(resp)
    }

    /// A filter matching documents that mention any of `names` under any of its names.
    ///
    /// A name matches an indexed entity name when equal to it (case- and accent-folded) or
    /// when it is the name's last words ("Muttaqi", "Kazemi Qomi"), so a surname finds the
    /// full name across the archive; acronyms and short forms defined in a brief are indexed
    /// as names of their entity.
    fn entity_filter(&self, names: &[String]) -> Box<dyn Query> {
        let searcher = self.searcher();
        let mut terms: HashSet<String> = HashSet::new();
        let wanted: Vec<String> = names
            .iter()
            .map(|n| schema::key_of(n))
            .filter(|n| !n.is_empty())
            .collect();
        for seg in searcher.segment_readers() {
            let Ok(inv) = seg.inverted_index(self.bi.fields.entity_key) else {
                continue;
            };
            let Ok(mut stream) = inv.terms().stream() else {
                continue;
            };
            while stream.advance() {
                let Ok(k) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if wanted.iter().any(|w| {
                    k == w
                        || (k.len() > w.len()
                            && k.ends_with(w.as_str())
                            && k.as_bytes()[k.len() - w.len() - 1] == b' ')
                }) {
                    terms.insert(k.to_string());
                }
            }
        }
        for w in &wanted {
            terms.insert(w.clone());
        }
        let any: Vec<Box<dyn Query>> = terms
            .into_iter()
            .map(|t| {
                Box::new(TermQuery::new(
                    tantivy::Term::from_field_text(self.bi.fields.entity_key, &t),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        Box::new(BooleanQuery::union(any))
    }
}

/// The first day covered by the earliest lower bound, or the last day of the latest upper
/// bound (repeated bounds mean OR), as `YYYYMMDD`; `flag` names the option in errors.
fn first_bound(values: &[String], flag: &str, lower: bool) -> Result<Option<u64>> {
    let mut out: Option<u64> = None;
    for v in values {
        let (first, last) = crate::parse::date::parse_bound(v).ok_or_else(|| {
            Error::Usage(format!(
                "{flag} {v:?} is not a date: use YYYY, YYYY-MM or YYYY-MM-DD"
            ))
        })?;
        let n = day_number(if lower { first } else { last });
        out = Some(match out {
            None => n,
            Some(o) if lower => o.min(n),
            Some(o) => o.max(n),
        });
    }
    Ok(out)
}

/// Collects the distinct brief keys of matching documents.
struct BriefKeys;
struct BriefKeysSegment {
    col: Column<u64>,
    keys: HashSet<u64>,
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

/// Sums entity counts over the head documents of the briefs in `keys` (all when `None`).
struct EntityCounter {
    keys: Option<Arc<HashSet<u64>>>,
}

#[derive(Default)]
struct EntityFruit {
    briefs: u64,
    counts: HashMap<String, (u64, u64)>,
}

struct EntitySegment {
    keys: Option<Arc<HashSet<u64>>>,
    brief_key: Column<u64>,
    col: Option<StrColumn>,
    briefs: u64,
    by_ord: HashMap<u64, u64>,
}

impl Collector for EntityCounter {
    type Fruit = EntityFruit;
    type Child = EntitySegment;
    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<EntitySegment> {
        let ff = reader.fast_fields();
        Ok(EntitySegment {
            keys: self.keys.clone(),
            brief_key: ff.u64("brief_key")?,
            col: ff.str("entity_count")?,
            briefs: 0,
            by_ord: HashMap::new(),
        })
    }
    fn requires_scoring(&self) -> bool {
        false
    }
    fn merge_fruits(&self, fruits: Vec<EntityFruit>) -> tantivy::Result<EntityFruit> {
        let mut out = EntityFruit::default();
        for f in fruits {
            out.briefs += f.briefs;
            for (k, (b, m)) in f.counts {
                let e = out.counts.entry(k).or_default();
                e.0 += b;
                e.1 += m;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for EntitySegment {
    type Fruit = EntityFruit;
    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(keys) = &self.keys {
            if !self.brief_key.first(doc).is_some_and(|k| keys.contains(&k)) {
                return;
            }
        }
        self.briefs += 1;
        if let Some(col) = &self.col {
            for ord in col.term_ords(doc) {
                *self.by_ord.entry(ord).or_default() += 1;
            }
        }
    }
    fn harvest(self) -> EntityFruit {
        let mut counts: HashMap<String, (u64, u64)> = HashMap::new();
        if let Some(col) = &self.col {
            let mut hit: Vec<(u64, u64)> = self.by_ord.into_iter().collect();
            hit.sort_unstable();
            let mut terms: Vec<(String, u64)> = Vec::with_capacity(hit.len());
            for_each_term(col, &hit, |term, n| terms.push((term, n)));
            for (s, n) in terms {
                // `kind<TAB>name<TAB>mentions`: the count is part of the value.
                let Some((head, mentions)) = s.rsplit_once('\t') else {
                    continue;
                };
                let mentions: u64 = mentions.parse().unwrap_or(0);
                let e = counts.entry(head.to_string()).or_default();
                e.0 += n;
                e.1 += n * mentions;
            }
        }
        EntityFruit {
            briefs: self.briefs,
            counts,
        }
    }
}

/// Collects event documents of the briefs in `keys`, sorted by day.
struct EventCollector {
    keys: Option<Arc<HashSet<u64>>>,
}

struct EventSegment {
    keys: Option<Arc<HashSet<u64>>>,
    brief_key: Column<u64>,
    day: Column<u64>,
    ord: u32,
    rows: Vec<(u64, DocAddress)>,
}

impl Collector for EventCollector {
    type Fruit = Vec<(u64, DocAddress)>;
    type Child = EventSegment;
    fn for_segment(&self, ord: u32, reader: &SegmentReader) -> tantivy::Result<EventSegment> {
        let ff = reader.fast_fields();
        Ok(EventSegment {
            keys: self.keys.clone(),
            brief_key: ff.u64("brief_key")?,
            day: ff.u64("event_day")?,
            ord,
            rows: Vec::new(),
        })
    }
    fn requires_scoring(&self) -> bool {
        false
    }
    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(u64, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by_key(|&(day, addr)| (day, addr.segment_ord, addr.doc_id));
        Ok(all)
    }
}

impl SegmentCollector for EventSegment {
    type Fruit = Vec<(u64, DocAddress)>;
    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(keys) = &self.keys {
            if !self.brief_key.first(doc).is_some_and(|k| keys.contains(&k)) {
                return;
            }
        }
        self.rows.push((
            self.day.first(doc).unwrap_or(0),
            DocAddress::new(self.ord, doc),
        ));
    }
    fn harvest(self) -> Self::Fruit {
        self.rows
    }
}
