//! A parsed brief as tantivy documents: one head document, one per passage, one per event.

use tantivy::TantivyDocument;

use super::schema::{doc_kind, Fields};
use crate::discover::FoundFile;
use crate::model::Brief;

/// Builds the head document, passage documents and event documents of one brief.
pub fn brief_documents(f: &Fields, brief: &Brief, file: &FoundFile) -> Vec<TantivyDocument> {
    use crate::model::EntityKind;
    let key = xxhash_rust::xxh3::xxh3_64(brief.id.as_bytes());
    let family = super::links::family_key(brief);
    // Every name an entity goes by, for the `--entity` filter.
    fn names_of<'a>(brief: &'a Brief, canonical: &'a str) -> Vec<&'a str> {
        let mut v = vec![canonical];
        if let Some(e) = brief.entities.iter().find(|e| e.name == canonical) {
            v.extend(e.aliases.iter().map(String::as_str));
        }
        v
    }
    let common = |doc: &mut TantivyDocument| {
        doc.add_text(f.brief_id, &brief.id);
        doc.add_u64(f.brief_key, key);
        doc.add_text(f.source, &brief.source);
        doc.add_text(f.source_key, &file.key);
        doc.add_text(f.family, &family);
        for a in &brief.authors {
            doc.add_text(f.author, &a.name);
            doc.add_text(f.author_tok, &a.name);
            doc.add_text(f.author_key, &a.name);
        }
        for t in &brief.topics {
            doc.add_text(f.topic_key, t);
        }
        for r in &brief.regions {
            doc.add_text(f.region_key, r);
        }
        if let Some(k) = &brief.kind {
            doc.add_text(f.kind, k);
            doc.add_text(f.kind_key, k);
        }
        if let Some(d) = brief.date {
            doc.add_text(f.date, d.format("%Y-%m-%d").to_string());
            doc.add_u64(f.day, crate::text::date::yyyymmdd(d));
        }
    };
    // Facet values live on the head document only: facets count briefs, so one document per
    // brief carries them, and passages stay light.
    let facets = |doc: &mut TantivyDocument| {
        for a in &brief.authors {
            doc.add_text(f.author_facet, &a.name);
        }
        for t in &brief.topics {
            doc.add_text(f.topic, t);
        }
        for r in &brief.regions {
            doc.add_text(f.region, r);
        }
        if let Some(k) = &brief.kind {
            doc.add_text(f.kind_facet, k);
        }
        if let Some(d) = brief.date {
            use chrono::Datelike;
            doc.add_u64(f.year, d.year().max(0) as u64);
        }
        for e in &brief.entities {
            let field = match e.kind {
                EntityKind::Person => f.person,
                EntityKind::Organization => f.organization,
                EntityKind::Place => f.place,
            };
            doc.add_text(field, &e.name);
        }
    };
    let add_entities = |doc: &mut TantivyDocument, names: &[String]| {
        for n in names {
            for alias in names_of(brief, n) {
                doc.add_text(f.entity_key, alias);
            }
        }
    };
    // The head document comes first and a brief's documents stay together in one segment:
    // `search` reads a brief's documents as the run from its head to the next head.
    let mut docs = Vec::with_capacity(brief.passages.len() + brief.events.len() + 1);
    let mut head = TantivyDocument::default();
    head.add_u64(f.doc_kind, doc_kind::HEAD);
    common(&mut head);
    head.add_text(f.title, &brief.title);
    facets(&mut head);
    head.add_u64(f.stamp, file.stamp);
    head.add_text(f.exact, &brief.title);
    if let Some(s) = &brief.summary {
        head.add_text(f.text, s);
        head.add_text(f.exact, s);
    }
    add_entities(&mut head, &brief.mentions.title);
    add_entities(&mut head, &brief.mentions.summary);
    for e in &brief.entities {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        head.add_text(
            f.entity_count,
            format!("{kind}\t{}\t{}", e.name, e.mentions),
        );
    }
    head.add_text(f.brief_json, super::stored::brief_json(brief));
    for k in super::links::name_keys(brief) {
        head.add_text(f.name_key, k);
    }
    for k in super::links::link_keys(brief) {
        head.add_text(f.link_key, k);
    }
    docs.push(head);
    let none: Vec<String> = Vec::new();
    for p in &brief.passages {
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.doc_kind, doc_kind::PASSAGE);
        common(&mut doc);
        doc.add_text(f.title, &brief.title);
        doc.add_u64(f.passage_index, p.index as u64);
        if let Some(h) = &p.heading {
            doc.add_text(f.heading, h);
            doc.add_text(f.exact, h);
        }
        doc.add_text(f.text, &p.text);
        doc.add_text(f.exact, &p.text);
        add_entities(
            &mut doc,
            brief.mentions.passages.get(p.index).unwrap_or(&none),
        );
        docs.push(doc);
    }
    for e in &brief.events {
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.doc_kind, doc_kind::EVENT);
        // No title: no word, phrase or title query can match an event document, so searches
        // need not exclude them (`search::plan::compose`); the timeline reads the head's.
        common(&mut doc);
        doc.add_u64(f.event_day, crate::text::date::yyyymmdd(e.date));
        doc.add_text(f.event_text, &e.text);
        if let Some(i) = e.passage {
            doc.add_u64(f.passage_index, i as u64);
            add_entities(&mut doc, brief.mentions.passages.get(i).unwrap_or(&none));
        }
        docs.push(doc);
    }
    docs
}
