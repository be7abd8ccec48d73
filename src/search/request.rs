//! What a search, an entities request and a timeline request ask.

use serde::{Deserialize, Serialize};

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
