//! Quickwit: the index configuration (`index-config.yaml`, doc mapping with tokenizers, fast
//! fields for facets, the timestamp field) and NDJSON for its ingest API, one document a line.

use serde_json::{json, Value};

use super::documents::PassageDoc;

/// The file the index configuration is written to.
pub const CONFIG_FILE: &str = "index-config.yaml";

/// The index configuration for `POST /api/v1/indexes`, as a value (written as YAML).
///
/// Text fields use Quickwit's `en_stem` tokenizer with positions (phrase queries); facet fields
/// are `raw`-tokenized fast fields (terms aggregations); `date` is the timestamp field. The
/// mapping is `strict`: a field it does not name is refused, not guessed.
pub fn index_config(index_id: &str) -> Value {
    let text = |name: &str| {
        json!({ "name": name, "type": "text", "tokenizer": "en_stem", "record": "position",
                "fieldnorms": true })
    };
    let facet = |name: &str, array: bool| {
        json!({ "name": name, "type": if array { "array<text>" } else { "text" },
                "tokenizer": "raw", "fast": true })
    };
    json!({
        "version": "0.8",
        "index_id": index_id,
        "doc_mapping": {
            "mode": "strict",
            "field_mappings": [
                { "name": "id", "type": "text", "tokenizer": "raw" },
                facet("brief_id", false),
                text("title"),
                text("heading"),
                text("text"),
                { "name": "date", "type": "datetime", "input_formats": ["rfc3339"],
                  "output_format": "rfc3339", "fast": true, "fast_precision": "seconds" },
                facet("authors", true),
                facet("kind", false),
                facet("topics", true),
                facet("regions", true),
                facet("persons", true),
                facet("organizations", true),
                facet("places", true),
                facet("entities", true),
                { "name": "passage", "type": "u64", "fast": true },
                { "name": "source", "type": "text", "tokenizer": "raw", "indexed": false }
            ],
            "timestamp_field": "date"
        },
        "search_settings": { "default_search_fields": ["title", "heading", "text"] },
        "indexing_settings": { "commit_timeout_secs": 30 }
    })
}

/// The configuration as the YAML file Quickwit's CLI and REST API take.
pub fn index_config_yaml(index_id: &str) -> String {
    // A tree of plain JSON values always serialises.
    serde_yaml_ng::to_string(&index_config(index_id)).unwrap_or_default()
}

/// One NDJSON line for the ingest API. Quickwit's `datetime` reads RFC 3339, so the date is
/// written as midnight UTC of the brief's day.
pub fn ingest_record(doc: &PassageDoc, out: &mut Vec<u8>) {
    let mut doc = doc.clone();
    doc.date = doc.date.map(|d| format!("{d}T00:00:00Z"));
    let _ = serde_json::to_writer(&mut *out, &doc);
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_yaml_reads_back_as_the_config() {
        let yaml = index_config_yaml("briefs");
        let back: Value = serde_yaml_ng::from_str(&yaml).unwrap();
        assert_eq!(back, index_config("briefs"));
        assert_eq!(back["doc_mapping"]["timestamp_field"], "date");
    }
}
