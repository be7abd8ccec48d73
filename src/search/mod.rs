//! Stage 5 of the pipeline: a query and filters become ranked passages and facet counts.
//!
//! Ranking works like Meilisearch's default: passages holding every query word come first,
//! BM25-ranked; when they do not fill the page, passages holding some of the words follow,
//! also BM25-ranked, so a long pasted question still finds its answer. Each word scores in the
//! title (x0.5: it is copied into every passage), headings (x1.5), text, and again in an unstemmed field so exact forms of names
//! beat stemmed look-alikes; a word repeated in the query counts once per repeat. A word that
//! is in no passage is replaced by its nearest indexed spelling (edit distance 1, 2 for words
//! of eight letters or more) and the response says so. Stopwords of the query ("on", "the")
//! are neither required, scored nor highlighted ([`stopwords`]). BM25 uses the statistics of
//! the passages, not of every document (`stats`). Facets count *briefs*, not passages,
//! and each group's counts ignore that group's own filter (multi-select faceting); filters
//! narrow briefs too, and resolve names as the facets count them (`names`), so a facet
//! value's count is what its filter returns.
//!
//! One concern a file: [`request`] defines every parameter and filter once (names on each
//! surface, defaults, validation), [`response`] the answers; `engine` runs a search through
//! `plan` (query words to tantivy queries, typo correction, prefix expansion), `filters`,
//! `ordinals` (matched briefs counted on brief ordinals, in the same pass as the top hits),
//! `collect` (per-brief capping), `newest` (date-sorted top hits), `facets`, `highlight` and [`crop`] (the window of a passage a
//! hit shows); `names` reads the archive's
//! entity names, authors and facet values once per searcher generation, over `rows` (each
//! segment's facet columns by brief ordinal); `analytics` answers
//! the entities and timeline views; `show` fetches one brief;
//! [`related`] finds the briefs like one brief and those it cites and that cite it; [`query`] reads the query
//! language.

mod analytics;
mod collect;
pub mod crop;
mod engine;
mod exclusion;
mod facets;
mod filters;
mod highlight;
mod names;
mod newest;
mod ordinals;
mod plan;
pub mod query;
pub mod related;
pub mod request;
pub mod response;
mod rows;
mod show;
mod stats;
pub mod stopwords;
mod word;

pub use engine::Engine;
pub use highlight::tokens;
pub use related::{related, show_brief, BriefRef, RelatedBrief, RelatedResponse, ShownBrief};
pub use request::{EntitiesRequest, SearchRequest, Sort, TimelineRequest, MAX_LIMIT, MAX_OFFSET};
pub use response::{
    Correction, Counts, EntitiesResponse, EntityCount, Facets, Hit, SearchResponse, TimelineEvent,
    TimelineResponse,
};
pub use show::get_brief;
