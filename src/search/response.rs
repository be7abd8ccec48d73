//! What a search, an entities request and a timeline request answer: the serde types the CLI
//! prints with `--json` and the HTTP API returns, the same on both surfaces.

use std::collections::HashMap;

use serde::{Deserialize, Serialize};

#[allow(unused_imports)]
use super::request::{EntitiesRequest, SearchRequest, TimelineRequest};

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
    /// About `crop` words of `text` around its best-matching words, cut at word boundaries,
    /// with "…" where text was cut (the whole `text` with `crop` 0 or a short passage).
    #[serde(default)]
    pub crop: String,
    /// Byte ranges `[start, end)` of matched words in `crop`.
    #[serde(default)]
    pub crop_highlights: Vec<[usize; 2]>,
    /// Byte ranges `[start, end)` of matched words in `title`.
    #[serde(default)]
    pub title_highlights: Vec<[usize; 2]>,
    /// Byte ranges `[start, end)` of matched words in `heading` (empty without a heading).
    #[serde(default)]
    pub heading_highlights: Vec<[usize; 2]>,
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

fn exact_relation() -> String {
    "eq".into()
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
    /// `eq` when both totals are exact, `gte` when they are lower bounds: a one-word search (or
    /// a fallback to some of several words) matched more than the request's `track_total_hits`
    /// passages and nothing asked for every match (as Elasticsearch's `hits.total.relation`).
    #[serde(default = "exact_relation")]
    pub total_relation: String,
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
