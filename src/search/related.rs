//! Briefs near one brief: related briefs (a more-like-this query) and the briefs it cites and
//! that cite it (links resolved through [`crate::index::links`] keys).
//!
//! **Related.** The brief's distinctive words are its stems weighted by tf-idf (`1 + ln tf`
//! times the square of the BM25 idf over the index, so that rare words outweigh common ones
//! a brief merely repeats; stopwords, words in more than one document of twenty, numbers and words no other brief uses left
//! out); the top [`TERMS`] become `text` term queries boosted by their weight, and its most
//! mentioned entities become `entity_key` term queries, weighted the same way (so "United
//! States", named everywhere, counts for little). Passages and head documents of other
//! families answer it (the brief's own family, its versions included, is excluded in the
//! query); a brief scores the sum of its best [`PER_BRIEF`] documents, so one long brief
//! does not win on one passage. Each result says why: the entities and words it shares.
//!
//! **Citations.** `cites`: the head documents whose `name_key` is one of the brief's
//! `link_key`s; `cited_by`: those whose `link_key` is one of its `name_key`s. Both leave out
//! the brief's own family and keep the newest version of each cited family.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};
use tantivy::collector::{DocSetCollector, TopDocs};
use tantivy::query::{BooleanQuery, BoostQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, TantivyDocument, Term};

use super::filters::head_only;
use super::stopwords::Stopwords;
use super::Engine;
use crate::error::Result;
use crate::index::links;
use crate::index::schema::{doc_kind, key_of, stem_analyzer, Fields};
use crate::index::stored::first_text;
use crate::model::Brief;

/// How many distinctive words a related-briefs query uses.
pub const TERMS: usize = 25;
/// How many of the brief's entities (most mentioned first) the query uses.
pub const ENTITIES: usize = 10;
/// Words in more than this share of the documents are not distinctive (checked from 1,000
/// documents on: a small archive's shares say little).
const COMMON: f32 = 0.05;
/// Boost of a shared entity weighing as much as the most distinctive word (which has 1).
pub const ENTITY_BOOST: f32 = 2.0;
/// How many documents of a candidate brief add to its score.
pub const PER_BRIEF: usize = 3;
/// Default and largest number of related briefs.
pub const DEFAULT_LIMIT: usize = 10;
/// Largest `--limit`.
pub const MAX_LIMIT: usize = 100;
/// Documents read before grouping by brief.
const CANDIDATES: usize = 500;
/// Most briefs listed under `cites` or `cited_by`.
const MAX_CITATIONS: usize = 200;

/// Why a brief is related: what it shares with the brief asked about.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
pub struct Why {
    /// Entities both briefs name (as the asked brief names them).
    pub entities: Vec<String>,
    /// Distinctive words of the asked brief that this one uses too, most distinctive first.
    pub terms: Vec<String>,
}

/// One related brief.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedBrief {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `YYYY-MM-DD` or `null`.
    pub date: Option<String>,
    /// Its kind label or `null`.
    pub kind: Option<String>,
    /// The more-like-this score (higher is closer; comparable within one answer only).
    pub score: f32,
    /// What it shares with the brief asked about.
    pub why: Why,
}

/// The answer of `briefs related ID` and `GET /api/briefs/{id}/related`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct RelatedResponse {
    /// The brief asked about.
    pub id: String,
    /// Its title.
    pub title: String,
    /// The distinctive words the query used, most distinctive first.
    pub terms: Vec<String>,
    /// Related briefs, closest first; never the brief itself or a version of it.
    pub related: Vec<RelatedBrief>,
    /// Time spent, in milliseconds.
    pub took_ms: u64,
}

/// A brief another one links to or is linked from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BriefRef {
    /// Its id.
    pub id: String,
    /// Its title.
    pub title: String,
    /// `YYYY-MM-DD` or `null`.
    pub date: Option<String>,
}

/// A brief as `briefs show --json` and `GET /api/briefs/{id}` print it: every key of the
/// parsed brief, and the briefs of the archive it cites and that cite it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShownBrief {
    /// The brief.
    #[serde(flatten)]
    pub brief: Brief,
    /// Indexed briefs its links name, newest first.
    pub cites: Vec<BriefRef>,
    /// Indexed briefs whose links name it, newest first.
    pub cited_by: Vec<BriefRef>,
}

/// Fetches a brief with its citations resolved.
pub fn show_brief(engine: &Engine, id: &str) -> Result<ShownBrief> {
    let brief = super::get_brief(engine, id)?;
    let (cites, cited_by) = citations(engine, &brief)?;
    Ok(ShownBrief {
        brief,
        cites,
        cited_by,
    })
}

fn term_query(field: tantivy::schema::Field, value: &str) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        Term::from_field_text(field, value),
        IndexRecordOption::WithFreqs,
    ))
}

/// The briefs `brief` cites and the briefs that cite it.
pub fn citations(engine: &Engine, brief: &Brief) -> Result<(Vec<BriefRef>, Vec<BriefRef>)> {
    let f = &engine.bi.fields;
    let family = links::family_key(brief);
    let cites = heads_with(engine, f.name_key, &links::link_keys(brief), &family)?;
    let cited_by = heads_with(engine, f.link_key, &links::name_keys(brief), &family)?;
    Ok((cites, cited_by))
}

/// Head documents with one of `keys` in `field`, outside `family`, newest version of each
/// family, newest first.
fn heads_with(
    engine: &Engine,
    field: tantivy::schema::Field,
    keys: &[String],
    family: &str,
) -> Result<Vec<BriefRef>> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let f = &engine.bi.fields;
    let any: Vec<(Occur, Box<dyn Query>)> = keys
        .iter()
        .map(|k| (Occur::Should, term_query(field, k)))
        .collect();
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(any)) as Box<dyn Query>,
        ),
        (Occur::Must, head_only(f)),
        (Occur::MustNot, term_query(f.family, family)),
    ]);
    let searcher = engine.searcher();
    let found = searcher.search(&q, &DocSetCollector)?;
    let mut newest: HashMap<String, BriefRef> = HashMap::new();
    for addr in found.into_iter().take(MAX_CITATIONS * 4) {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let r = BriefRef {
            id: first_text(&doc, f.brief_id).unwrap_or_default(),
            title: first_text(&doc, f.title).unwrap_or_default(),
            date: first_text(&doc, f.date),
        };
        let fam = first_text(&doc, f.family).unwrap_or_else(|| r.id.clone());
        match newest.get(&fam) {
            Some(old) if (&old.date, &old.id) >= (&r.date, &r.id) => {}
            _ => {
                newest.insert(fam, r);
            }
        }
    }
    let mut out: Vec<BriefRef> = newest.into_values().collect();
    out.sort_by(|a, b| b.date.cmp(&a.date).then_with(|| a.title.cmp(&b.title)));
    out.truncate(MAX_CITATIONS);
    Ok(out)
}

/// A stem of the brief with its weight and the word a reader saw.
struct Distinctive {
    stem: String,
    word: String,
    weight: f32,
}

/// Stems of `text` with the first surface word of each, in order.
fn stems(text: &str) -> Vec<(String, String)> {
    let mut analyzer = stem_analyzer();
    let mut stream = analyzer.token_stream(text);
    let mut out = Vec::new();
    while let Some(t) = stream.next() {
        let word = text
            .get(t.offset_from..t.offset_to)
            .unwrap_or(&t.text)
            .to_lowercase();
        out.push((t.text.clone(), word));
    }
    out
}

/// The brief's texts: title, standfirst and passages, one per document it is indexed as.
fn texts(brief: &Brief) -> Vec<&str> {
    let mut v = vec![brief.title.as_str()];
    v.extend(brief.summary.as_deref());
    v.extend(brief.passages.iter().map(|p| p.text.as_str()));
    v
}

/// The brief's most distinctive stems, best first.
fn distinctive(engine: &Engine, brief: &Brief) -> Result<Vec<Distinctive>> {
    let f: &Fields = &engine.bi.fields;
    let stop = Stopwords::english();
    let mut tf: HashMap<String, (u32, u64, String)> = HashMap::new();
    // The title is copied onto every document of the brief, so its words count once per
    // document, as the index counts them.
    for text in texts(brief) {
        let mut seen = HashSet::new();
        for (stem, word) in stems(text) {
            if stem.len() < 3
                || stem.bytes().all(|b| b.is_ascii_digit())
                || stop.contains(&key_of(&word))
            {
                continue;
            }
            let e = tf.entry(stem.clone()).or_insert((0, 0, word));
            e.0 += 1;
            if seen.insert(stem) {
                e.1 += 1;
            }
        }
    }
    let searcher = engine.searcher();
    let n = searcher.num_docs() as f32;
    let mut out = Vec::new();
    for (stem, (count, own_docs, word)) in tf {
        let df = searcher.doc_freq(&Term::from_field_text(f.text, &stem))?;
        if df <= own_docs {
            continue; // no other brief (or only this one's documents) uses it
        }
        if (df as f32) > n * COMMON && n >= 1000.0 {
            continue; // in one document of twenty: says little about what a brief is about
        }
        let idf = (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln();
        out.push(Distinctive {
            stem,
            word,
            weight: (1.0 + (count as f32).ln()) * idf * idf,
        });
    }
    out.sort_by(|a, b| b.weight.total_cmp(&a.weight).then(a.stem.cmp(&b.stem)));
    out.truncate(TERMS);
    Ok(out)
}

/// The briefs most like `id`, closest first (see the module documentation).
pub fn related(engine: &Engine, id: &str, limit: usize) -> Result<RelatedResponse> {
    let started = std::time::Instant::now();
    let f = &engine.bi.fields;
    let brief = super::get_brief(engine, id)?;
    let terms = distinctive(engine, &brief)?;
    let mut entities: Vec<&crate::model::Entity> = brief.entities.iter().collect();
    entities.sort_by(|a, b| b.mentions.cmp(&a.mentions).then(a.name.cmp(&b.name)));
    entities.truncate(ENTITIES);
    let mut should: Vec<(Occur, Box<dyn Query>)> = Vec::new();
    let top = terms.first().map_or(1.0, |t| t.weight);
    for t in &terms {
        let q = term_query(f.text, &t.stem);
        should.push((Occur::Should, Box::new(BoostQuery::new(q, t.weight / top))));
    }
    // Entities weigh as words do (a name every brief mentions says little), times ENTITY_BOOST.
    let searcher = engine.searcher();
    let n = searcher.num_docs() as f32;
    for e in &entities {
        let term = Term::from_field_text(f.entity_key, &key_of(&e.name));
        let df = searcher.doc_freq(&term)? as f32;
        let idf = (1.0 + (n - df + 0.5) / (df + 0.5)).ln();
        let weight = (1.0 + (e.mentions.max(1) as f32).ln()) * idf * idf / top;
        let q: Box<dyn Query> = Box::new(TermQuery::new(term, IndexRecordOption::WithFreqs));
        should.push((
            Occur::Should,
            Box::new(BoostQuery::new(q, ENTITY_BOOST * weight.min(1.0))),
        ));
    }
    let mut resp = RelatedResponse {
        id: brief.id.clone(),
        title: brief.title.clone(),
        terms: terms.iter().map(|t| t.word.clone()).collect(),
        related: Vec::new(),
        took_ms: 0,
    };
    if should.is_empty() {
        resp.took_ms = started.elapsed().as_millis() as u64;
        return Ok(resp);
    }
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(BooleanQuery::new(should)) as Box<dyn Query>,
        ),
        (
            Occur::MustNot,
            Box::new(TermQuery::new(
                Term::from_field_u64(f.doc_kind, doc_kind::EVENT),
                IndexRecordOption::Basic,
            )),
        ),
        (
            Occur::MustNot,
            term_query(f.family, &links::family_key(&brief)),
        ),
    ]);
    let hits = searcher.search(&q, &TopDocs::with_limit(CANDIDATES).order_by_score())?;
    // Group by brief through the `brief_key` fast column: no stored document is read here.
    let mut columns = Vec::new();
    for seg in searcher.segment_readers() {
        columns.push(seg.fast_fields().u64("brief_key")?);
    }
    let mut briefs: HashMap<u64, (Vec<f32>, DocAddress)> = HashMap::new();
    for (score, addr) in hits {
        let Some(key) = columns[addr.segment_ord as usize].first(addr.doc_id) else {
            continue;
        };
        let e = briefs.entry(key).or_insert_with(|| (Vec::new(), addr));
        if e.0.len() < PER_BRIEF {
            e.0.push(score); // hits come best first
        }
    }
    let mut ranked: Vec<(f32, DocAddress)> = briefs
        .into_values()
        .map(|(scores, addr)| (scores.iter().sum(), addr))
        .collect();
    ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
    ranked.truncate(limit);
    let entity_keys: Vec<(String, &str)> = entities
        .iter()
        .map(|e| (key_of(&e.name), e.name.as_str()))
        .collect();
    for (score, addr) in ranked {
        let doc: TantivyDocument = searcher.doc(addr)?;
        let rid = first_text(&doc, f.brief_id).unwrap_or_default();
        let other = super::get_brief(engine, &rid)?;
        resp.related.push(RelatedBrief {
            why: why(&other, &terms, &entity_keys),
            id: rid,
            title: other.title.clone(),
            date: other.date.map(|d| d.format("%Y-%m-%d").to_string()),
            kind: other.kind.clone(),
            score,
        });
    }
    resp.took_ms = started.elapsed().as_millis() as u64;
    Ok(resp)
}

/// What `other` shares with the asked brief: entities (by folded name or alias) and words.
fn why(other: &Brief, terms: &[Distinctive], entities: &[(String, &str)]) -> Why {
    let names: HashSet<String> = other
        .entities
        .iter()
        .flat_map(|e| std::iter::once(&e.name).chain(e.aliases.iter()))
        .map(|n| key_of(n))
        .collect();
    let shared_entities = entities
        .iter()
        .filter(|(k, _)| names.contains(k))
        .map(|(_, n)| n.to_string())
        .collect();
    let mut used = HashSet::new();
    for text in texts(other) {
        for (stem, _) in stems(text) {
            used.insert(stem);
        }
    }
    Why {
        entities: shared_entities,
        terms: terms
            .iter()
            .filter(|t| used.contains(&t.stem))
            .map(|t| t.word.clone())
            .collect(),
    }
}
