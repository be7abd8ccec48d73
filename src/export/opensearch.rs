//! OpenSearch and Elasticsearch: the index settings and mappings (`mapping.json`) and the
//! `_bulk` format (an action line, then the document, each on one line).

use serde_json::{json, Value};

use super::documents::PassageDoc;

/// The file the mapping is written to.
pub const MAPPING_FILE: &str = "mapping.json";

/// Settings and mappings for `PUT /<index>`: an English-stemmed analyser for the text fields
/// with an `exact` sub-field (folded, not stemmed) for exact forms and phrases, keyword fields
/// for every facet, a `date` field, and entity fields. `dynamic: strict` makes the engine refuse
/// a document with a field this mapping does not name, so a mismatch is an error, not a guess.
pub fn mapping() -> Value {
    let text = json!({
        "type": "text",
        "analyzer": "briefs_english",
        "fields": { "exact": { "type": "text", "analyzer": "briefs_exact" } }
    });
    let mut body = text.clone();
    // Offsets in the postings make the unified highlighter fast on long passages.
    body["index_options"] = json!("offsets");
    let keyword = json!({ "type": "keyword" });
    let folded = json!({ "type": "keyword", "normalizer": "briefs_folded" });
    json!({
        "settings": {
            "analysis": {
                "filter": {
                    "briefs_english_stemmer": { "type": "stemmer", "language": "english" },
                    "briefs_possessive": { "type": "stemmer", "language": "possessive_english" }
                },
                "analyzer": {
                    "briefs_english": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["briefs_possessive", "lowercase", "asciifolding", "briefs_english_stemmer"]
                    },
                    "briefs_exact": {
                        "type": "custom",
                        "tokenizer": "standard",
                        "filter": ["lowercase", "asciifolding"]
                    }
                },
                "normalizer": {
                    "briefs_folded": { "type": "custom", "filter": ["lowercase", "asciifolding"] }
                }
            }
        },
        "mappings": {
            "dynamic": "strict",
            "properties": {
                "id": keyword,
                "brief_id": keyword,
                "title": text,
                "heading": text,
                "text": body,
                "date": { "type": "date", "format": "strict_date" },
                "authors": {
                    "type": "keyword",
                    "fields": { "text": { "type": "text", "analyzer": "briefs_exact" } }
                },
                "kind": keyword,
                "topics": keyword,
                "regions": keyword,
                "persons": keyword,
                "organizations": keyword,
                "places": keyword,
                "entities": folded,
                "passage": { "type": "integer" },
                "source": { "type": "keyword", "index": false }
            }
        }
    })
}

/// One `_bulk` record: `{"index":{"_index":…,"_id":…}}`, a newline, the document, a newline.
/// `index` (not `create`) so a second export of the same briefs replaces their documents.
pub fn bulk_record(index: &str, doc: &PassageDoc, out: &mut Vec<u8>) {
    let action = json!({ "index": { "_index": index, "_id": doc.id } });
    // Serialising plain strings and numbers into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut *out, &action);
    out.push(b'\n');
    let _ = serde_json::to_writer(&mut *out, doc);
    out.push(b'\n');
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_document_field_is_mapped_and_nothing_else() {
        let doc = PassageDoc {
            id: "x-0".into(),
            brief_id: "x".into(),
            title: "T".into(),
            date: Some("2020-01-02".into()),
            authors: vec![],
            kind: Some("k".into()),
            topics: vec![],
            regions: vec![],
            persons: vec![],
            organizations: vec![],
            places: vec![],
            entities: vec![],
            passage: Some(0),
            heading: Some("h".into()),
            text: "t".into(),
            source: "s".into(),
        };
        let v = serde_json::to_value(&doc).unwrap();
        let mut doc_keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        let m = mapping();
        let mut mapped: Vec<&String> = m["mappings"]["properties"]
            .as_object()
            .unwrap()
            .keys()
            .collect();
        doc_keys.sort();
        mapped.sort();
        assert_eq!(doc_keys, mapped);
    }

    #[test]
    fn a_bulk_record_is_an_action_line_and_a_document_line() {
        let doc = PassageDoc {
            id: "ab-3".into(),
            brief_id: "ab".into(),
            title: "Line\nbreak".into(),
            date: None,
            authors: vec![],
            kind: None,
            topics: vec![],
            regions: vec![],
            persons: vec![],
            organizations: vec![],
            places: vec![],
            entities: vec![],
            passage: Some(3),
            heading: None,
            text: "a\nb".into(),
            source: "s".into(),
        };
        let mut out = Vec::new();
        bulk_record("briefs", &doc, &mut out);
        let text = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 2, "{text}");
        let action: Value = serde_json::from_str(lines[0]).unwrap();
        assert_eq!(action["index"]["_id"], "ab-3");
        assert_eq!(action["index"]["_index"], "briefs");
        let back: PassageDoc = serde_json::from_str(lines[1]).unwrap();
        assert_eq!(back, doc);
    }
}
