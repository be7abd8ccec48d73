//! The tantivy schema: one document per passage, plus one "head" document per brief.
//!
//! Passages are the unit of retrieval (users want *the passage* that answers them), so each
//! body passage is its own document carrying copies of its brief's filterable fields. The head
//! document holds the standfirst as searchable text and the whole brief as stored JSON, and
//! remembers which file the brief came from so that re-ingest can tell what changed.
//!
//! Text is analysed twice: `*_stem` fields are folded and English-stemmed ("meetings" finds
//! "meeting"); the `exact` field is folded but not stemmed, so exact forms of names score
//! above stemmed look-alikes. Filter fields (`*_key`) hold whole values, lower-cased and
//! accent-folded, so `--region iran` matches "Iran" and never "Iranian Diaspora".

use tantivy::schema::{
    Field, IndexRecordOption, NumericOptions, Schema, TextFieldIndexing, TextOptions, FAST,
    INDEXED, STORED,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RawTokenizer, RemoveLongFilter, SimpleTokenizer,
    Stemmer, TextAnalyzer,
};
use tantivy::Index;

/// Version of the on-disk layout; an index written with another version must be rebuilt.
pub const SCHEMA_VERSION: u32 = 5;

/// Folded and stemmed analyser for body, title and heading text.
pub const STEM: &str = "briefs_stem";
/// Folded, unstemmed analyser for exact-form matching and typo candidates.
pub const FOLD: &str = "briefs_fold";
/// Whole-value analyser for filters: lower-cased and accent-folded, not split.
pub const KEY: &str = "briefs_key";

/// Values of the `doc_kind` field.
pub mod doc_kind {
    /// A body passage.
    pub const PASSAGE: u64 = 0;
    /// A brief's head document (standfirst, stored brief, source bookkeeping).
    pub const HEAD: u64 = 1;
    /// A dated event, for timelines; never returned by passage search.
    pub const EVENT: u64 = 2;
}

/// Handles to every field, looked up once.
#[derive(Debug, Clone)]
pub struct Fields {
    /// `PASSAGE` or `HEAD` (see [`doc_kind`]).
    pub doc_kind: Field,
    /// The brief id, raw: for deletes, `show` and grouping.
    pub brief_id: Field,
    /// XXH3 of the brief id as a fast u64, for counting distinct briefs cheaply.
    pub brief_key: Field,
    /// Source path as displayed.
    pub source: Field,
    /// Canonical source path: what incremental ingest keys files by.
    pub source_key: Field,
    /// Size-and-mtime fingerprint of the source file (head documents).
    pub stamp: Field,
    /// Title, stemmed, stored.
    pub title: Field,
    /// Heading the passage sits under, stemmed, stored.
    pub heading: Field,
    /// Passage text (or standfirst on head documents), stemmed, stored.
    pub text: Field,
    /// Title, heading and text again, folded but unstemmed.
    pub exact: Field,
    /// Position of the passage in the body.
    pub passage_index: Field,
    /// Author names, stored for display.
    pub author: Field,
    /// Author names, fast, on head documents only (the authors facet).
    pub author_facet: Field,
    /// Author names tokenised, for `--author zelin`.
    pub author_tok: Field,
    /// Author names as whole folded values.
    pub author_key: Field,
    /// Topic display names (fast, head documents only).
    pub topic: Field,
    /// Topics as whole folded values.
    pub topic_key: Field,
    /// Region display names (fast, head documents only).
    pub region: Field,
    /// Regions as whole folded values.
    pub region_key: Field,
    /// Kind label, stored for display.
    pub kind: Field,
    /// Kind label, fast, on head documents only (the kinds facet).
    pub kind_facet: Field,
    /// Kind as a whole folded value.
    pub kind_key: Field,
    /// Publication date as `YYYY-MM-DD`, stored.
    pub date: Field,
    /// Publication day as the number `YYYYMMDD`, for ranges and sorting.
    pub day: Field,
    /// Publication year, for the year facet.
    pub year: Field,
    /// The whole brief as JSON less its passages' texts, which the passage documents store
    /// (head documents; see [`super::stored`]).
    pub brief_json: Field,
    /// Entities the document mentions (canonical names and aliases), as whole folded values.
    pub entity_key: Field,
    /// People the brief mentions, canonical names (fast, for facets).
    pub person: Field,
    /// Organizations the brief mentions (fast, for facets).
    pub organization: Field,
    /// Places the brief mentions (fast, for facets).
    pub place: Field,
    /// `kind<TAB>name<TAB>mentions` per entity of the brief (head documents, fast).
    pub entity_count: Field,
    /// The day an event happened, as `YYYYMMDD` (event documents).
    pub event_day: Field,
    /// What happened (event documents), stored.
    pub event_text: Field,
    /// The brief's family: versions of one document share it (every document; see
    /// [`super::links`]), so related briefs and citations can leave them out.
    pub family: Field,
    /// Keys that name the brief: document number, title slug, file name (head documents).
    pub name_key: Field,
    /// Keys the brief's links name, normalised as `name_key` (head documents).
    pub link_key: Field,
}

fn text_field(tokenizer: &str, positions: bool) -> TextOptions {
    let record = if positions {
        IndexRecordOption::WithFreqsAndPositions
    } else {
        IndexRecordOption::Basic
    };
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(record),
    )
}

/// A whole-value text field no query scores (filters, keys, ids): indexed without the
/// per-document length (fieldnorm) byte that only BM25 reads.
fn key_field(tokenizer: &str) -> TextOptions {
    TextOptions::default().set_indexing_options(
        TextFieldIndexing::default()
            .set_tokenizer(tokenizer)
            .set_index_option(IndexRecordOption::Basic)
            .set_fieldnorms(false),
    )
}

/// A number filtered on by value or range, never scored: indexed and fast, no fieldnorms.
fn filter_number() -> NumericOptions {
    NumericOptions::default().set_indexed().set_fast()
}

/// How the document store (passage texts, stored briefs) is compressed, chosen when an index
/// is created; named after Elasticsearch's `index.codec` values.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Default,
    serde::Serialize,
    serde::Deserialize,
    clap::ValueEnum,
)]
#[serde(rename_all = "snake_case")]
pub enum Codec {
    /// LZ4 in 16 KiB blocks: fastest to write and to read a hit from.
    #[default]
    #[value(name = "default")]
    Default,
    /// Zstandard (level 3) in 64 KiB blocks: the store about half the size and the index about
    /// a quarter smaller, for about 50 µs more per hit read (BENCHMARKS.md).
    #[value(name = "best_compression")]
    BestCompression,
}

impl Codec {
    /// The codec an index was written with, from its settings.
    pub fn of(settings: &tantivy::IndexSettings) -> Codec {
        match settings.docstore_compression {
            tantivy::store::Compressor::Zstd(_) => Codec::BestCompression,
            _ => Codec::Default,
        }
    }

    /// The name users give it (`--codec`).
    pub fn name(self) -> &'static str {
        match self {
            Codec::Default => "default",
            Codec::BestCompression => "best_compression",
        }
    }

    /// The tantivy settings an index with this codec is created with.
    pub fn settings(self) -> tantivy::IndexSettings {
        let (docstore_compression, docstore_blocksize) = match self {
            Codec::Default => (tantivy::store::Compressor::Lz4, 16 * 1024),
            Codec::BestCompression => (
                tantivy::store::Compressor::Zstd(tantivy::store::ZstdCompressor {
                    compression_level: Some(3),
                }),
                64 * 1024,
            ),
        };
        tantivy::IndexSettings {
            docstore_compression,
            docstore_blocksize,
            ..Default::default()
        }
    }
}

/// Builds the schema this version of `briefs` writes.
pub fn build() -> Schema {
    let mut b = Schema::builder();
    b.add_u64_field("doc_kind", INDEXED | FAST);
    b.add_text_field("brief_id", key_field("raw").set_stored().set_fast("raw"));
    b.add_u64_field("brief_key", FAST);
    b.add_text_field("source", STORED);
    b.add_text_field("source_key", key_field("raw").set_fast("raw"));
    b.add_u64_field("stamp", FAST);
    b.add_text_field("title", text_field(STEM, true).set_stored());
    b.add_text_field("heading", text_field(STEM, true).set_stored());
    b.add_text_field("text", text_field(STEM, true).set_stored());
    b.add_text_field("exact", text_field(FOLD, true));
    b.add_u64_field("passage_index", STORED);
    b.add_text_field("author", TextOptions::default().set_stored());
    b.add_text_field("author_facet", TextOptions::default().set_fast("raw"));
    b.add_text_field("author_tok", key_field(FOLD));
    b.add_text_field("author_key", key_field(KEY));
    b.add_text_field("topic", TextOptions::default().set_fast("raw"));
    b.add_text_field("topic_key", key_field(KEY));
    b.add_text_field("region", TextOptions::default().set_fast("raw"));
    b.add_text_field("region_key", key_field(KEY));
    b.add_text_field("kind", TextOptions::default().set_stored());
    b.add_text_field("kind_facet", TextOptions::default().set_fast("raw"));
    b.add_text_field("kind_key", key_field(KEY));
    b.add_text_field("date", STORED);
    b.add_u64_field("day", filter_number());
    b.add_u64_field("year", FAST);
    b.add_text_field("brief_json", STORED);
    b.add_text_field("entity_key", text_field(KEY, false));
    b.add_text_field("person", TextOptions::default().set_fast("raw"));
    b.add_text_field("organization", TextOptions::default().set_fast("raw"));
    b.add_text_field("place", TextOptions::default().set_fast("raw"));
    b.add_text_field("entity_count", TextOptions::default().set_fast("raw"));
    b.add_u64_field("event_day", filter_number().set_stored());
    b.add_text_field("event_text", STORED);
    b.add_text_field("family", key_field("raw").set_stored());
    b.add_text_field("name_key", key_field("raw"));
    b.add_text_field("link_key", key_field("raw"));
    b.build()
}

impl Fields {
    /// Looks every field up in `schema`; fails when the schema is not one `briefs` wrote.
    pub fn new(schema: &Schema) -> tantivy::Result<Fields> {
        let f = |name: &str| schema.get_field(name);
        Ok(Fields {
            doc_kind: f("doc_kind")?,
            brief_id: f("brief_id")?,
            brief_key: f("brief_key")?,
            source: f("source")?,
            source_key: f("source_key")?,
            stamp: f("stamp")?,
            title: f("title")?,
            heading: f("heading")?,
            text: f("text")?,
            exact: f("exact")?,
            passage_index: f("passage_index")?,
            author: f("author")?,
            author_facet: f("author_facet")?,
            author_tok: f("author_tok")?,
            author_key: f("author_key")?,
            topic: f("topic")?,
            topic_key: f("topic_key")?,
            region: f("region")?,
            region_key: f("region_key")?,
            kind: f("kind")?,
            kind_facet: f("kind_facet")?,
            kind_key: f("kind_key")?,
            date: f("date")?,
            day: f("day")?,
            year: f("year")?,
            brief_json: f("brief_json")?,
            entity_key: f("entity_key")?,
            person: f("person")?,
            organization: f("organization")?,
            place: f("place")?,
            entity_count: f("entity_count")?,
            event_day: f("event_day")?,
            event_text: f("event_text")?,
            family: f("family")?,
            name_key: f("name_key")?,
            link_key: f("link_key")?,
        })
    }
}

/// The stemming analyser for one-off text: a query's words (highlighting stems only the hit
/// tokens that could match, `search::highlight`). It stems as the index does
/// ([`indexing_stem_analyzer`]) without keeping a table that a short life would only fill.
pub fn stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::English))
        .build()
}

/// The stemming analyser the index registers for [`STEM`]: the same stems, remembered per
/// analyser (`index::stem`), since a segment writer keeps its analyser for every document.
pub fn indexing_stem_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(super::stem::CachedStemmer)
        .build()
}

/// The folding analyser without stemming.
pub fn fold_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The whole-value analyser for filter keys.
pub fn key_analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(RawTokenizer::default())
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// Normalises a filter value the way [`KEY`] fields are indexed.
pub fn key_of(value: &str) -> String {
    key_with(&mut key_analyzer(), value)
}

/// [`key_of`] with an analyser the caller keeps, for many values in a row.
pub fn key_with(analyzer: &mut TextAnalyzer, value: &str) -> String {
    let collapsed = crate::text::space::collapse_spaces(value);
    let mut stream = analyzer.token_stream(&collapsed);
    let mut out = String::new();
    while let Some(tok) = stream.next() {
        out.push_str(&tok.text);
    }
    out
}

/// Registers the analysers on an index; tantivy does not persist them, so every open needs it.
pub fn register_tokenizers(index: &Index) {
    let tm = index.tokenizers();
    tm.register(STEM, indexing_stem_analyzer());
    tm.register(FOLD, fold_analyzer());
    tm.register(KEY, key_analyzer());
}
