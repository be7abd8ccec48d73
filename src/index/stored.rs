//! A whole brief as the index stores it, and read back.
//!
//! Each passage's text is stored once, on its passage document (a hit displays it from there).
//! The head document stores the rest of the brief as JSON with the passages' texts left empty;
//! reading a brief back fills them from the passage documents, which follow the head in order
//! (`documents::brief_documents` writes them so, and a brief's documents stay together in one
//! segment). Storing every passage twice, once more inside the JSON, made the document store
//! 62% of the index and the index twice the size of the text.

use tantivy::schema::Value;
use tantivy::{DocAddress, Searcher, TantivyDocument};

use super::schema::{doc_kind, Fields};
use crate::error::{Error, Result};
use crate::model::{Brief, Passage};

/// The JSON the head document stores: the brief without its passages' texts.
///
/// Serialised straight from a copy whose passages have empty texts: going through a
/// `serde_json::Value` tree first was ~8% of the parse workers' time at ingest (perf).
pub fn brief_json(brief: &Brief) -> String {
    let passages = brief
        .passages
        .iter()
        .map(|p| Passage {
            index: p.index,
            heading: p.heading.clone(),
            text: String::new(),
        })
        .collect();
    let stored = Brief {
        passages,
        ..brief.clone()
    };
    serde_json::to_string(&stored).unwrap_or_default()
}

/// Reads the brief whose head document is `head` without its passages' texts (left empty).
fn read_head(searcher: &Searcher, f: &Fields, head: DocAddress) -> Result<Brief> {
    let doc: TantivyDocument = searcher.doc(head)?;
    let json = doc
        .get_first(f.brief_json)
        .and_then(|v| v.as_str())
        .unwrap_or("{}");
    serde_json::from_str(json).map_err(|e| unreadable(&text(&doc, f.brief_id), e.to_string()))
}

/// Reads the brief whose head document is `head`: its stored JSON, with each passage's text
/// from the passage document that follows the head at its position.
pub fn read_brief(searcher: &Searcher, f: &Fields, head: DocAddress) -> Result<Brief> {
    let mut brief = read_head(searcher, f, head)?;
    let id = brief.id.clone();
    let kinds = searcher
        .segment_reader(head.segment_ord)
        .fast_fields()
        .u64("doc_kind")?;
    for (i, p) in brief.passages.iter_mut().enumerate() {
        let addr = DocAddress::new(head.segment_ord, head.doc_id + 1 + i as u32);
        let kind = kinds.first(addr.doc_id);
        let pdoc: TantivyDocument = searcher.doc(addr)?;
        let index = pdoc.get_first(f.passage_index).and_then(|v| v.as_u64());
        if kind != Some(doc_kind::PASSAGE)
            || index != Some(p.index as u64)
            || text(&pdoc, f.brief_id) != id
        {
            return Err(unreadable(
                &id,
                format!("passage {} is not where it was written", p.index),
            ));
        }
        p.text = text(&pdoc, f.text);
    }
    Ok(brief)
}

fn unreadable(id: &str, why: String) -> Error {
    Error::Corrupt(format!(
        "brief {id} is stored in an unreadable form ({why})"
    ))
}

fn text(doc: &TantivyDocument, field: tantivy::schema::Field) -> String {
    first_text(doc, field).unwrap_or_default()
}

/// The first stored text of `field` in a fetched document.
pub fn first_text(doc: &TantivyDocument, field: tantivy::schema::Field) -> Option<String> {
    doc.get_first(field)
        .and_then(|v| v.as_str())
        .map(str::to_string)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stored_json_keeps_everything_but_the_passage_texts() {
        let brief = Brief {
            id: "b1".into(),
            title: "Water talks".into(),
            passages: vec![Passage {
                index: 0,
                heading: Some("Background".into()),
                text: "The talks resumed in Muscat.".into(),
            }],
            ..Brief::default()
        };
        let json = brief_json(&brief);
        assert!(!json.contains("Muscat"), "{json}");
        let back: Brief = serde_json::from_str(&json).unwrap();
        assert_eq!(back.title, "Water talks");
        assert_eq!(back.passages[0].heading.as_deref(), Some("Background"));
        assert_eq!(back.passages[0].text, "");
    }
}
