//! A brief as the documents a distributed engine indexes: one per passage, each carrying its
//! brief's fields, so that per-brief grouping (collapse on `brief_id`) and every facet work in
//! the target engine without a join.

use serde::{Deserialize, Serialize};

use crate::model::{Brief, EntityKind};

/// One exported document: a passage with its brief's id, title, date, authors, kind, topics,
/// regions and entity names. The same fields go to OpenSearch and Quickwit; the field names are
/// the ones `mapping.json` and `index-config.yaml` map.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PassageDoc {
    /// The document id: the brief id, a dash and the passage number (`summary` for the
    /// standfirst), stable across exports so a second push replaces instead of duplicating.
    pub id: String,
    /// The brief's id (16 hex digits): the field to collapse or group on.
    pub brief_id: String,
    /// The brief's headline.
    pub title: String,
    /// Publication date as `YYYY-MM-DD` (OpenSearch) or RFC 3339 midnight UTC (Quickwit);
    /// absent when the brief states none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Author names in byline order.
    pub authors: Vec<String>,
    /// The publisher's label ("Brief Analysis"); absent when the brief has none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    /// Topic tags.
    pub topics: Vec<String>,
    /// Region and country tags.
    pub regions: Vec<String>,
    /// People the brief names (canonical names).
    pub persons: Vec<String>,
    /// Organizations the brief names (canonical names).
    pub organizations: Vec<String>,
    /// Places the brief names (canonical names).
    pub places: Vec<String>,
    /// Every name the brief's entities go by (canonical names and aliases), for an entity
    /// filter that matches "IAEA" as well as "International Atomic Energy Agency".
    pub entities: Vec<String>,
    /// The passage's position in the body, from 0; absent on the standfirst document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub passage: Option<u64>,
    /// The heading the passage sits under; absent before the first heading.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub heading: Option<String>,
    /// The passage's text (or the standfirst's).
    pub text: String,
    /// Where the brief was read from.
    pub source: String,
}

/// The documents of one brief: the standfirst (when the brief has one, or when it has no
/// passage, so that no brief is lost) and then one per passage, in reading order.
pub fn passage_documents(brief: &Brief) -> Vec<PassageDoc> {
    let names = |kind: EntityKind| -> Vec<String> {
        brief
            .entities
            .iter()
            .filter(|e| e.kind == kind)
            .map(|e| e.name.clone())
            .collect()
    };
    let mut every_name: Vec<String> = Vec::new();
    for e in &brief.entities {
        for n in std::iter::once(&e.name).chain(&e.aliases) {
            if !every_name.contains(n) {
                every_name.push(n.clone());
            }
        }
    }
    let base = PassageDoc {
        id: String::new(),
        brief_id: brief.id.clone(),
        title: brief.title.clone(),
        date: brief.date.map(|d| d.format("%Y-%m-%d").to_string()),
        authors: brief.authors.iter().map(|a| a.name.clone()).collect(),
        kind: brief.kind.clone(),
        topics: brief.topics.clone(),
        regions: brief.regions.clone(),
        persons: names(EntityKind::Person),
        organizations: names(EntityKind::Organization),
        places: names(EntityKind::Place),
        entities: every_name,
        passage: None,
        heading: None,
        text: String::new(),
        source: brief.source.clone(),
    };
    let mut docs = Vec::with_capacity(brief.passages.len() + 1);
    if brief.summary.is_some() || brief.passages.is_empty() {
        docs.push(PassageDoc {
            id: format!("{}-summary", brief.id),
            text: brief.summary.clone().unwrap_or_default(),
            ..base.clone()
        });
    }
    for p in &brief.passages {
        docs.push(PassageDoc {
            id: format!("{}-{}", brief.id, p.index),
            passage: Some(p.index as u64),
            heading: p.heading.clone(),
            text: p.text.clone(),
            ..base.clone()
        });
    }
    docs
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Entity, Passage};

    fn brief() -> Brief {
        Brief {
            id: "00000000000000ab".into(),
            source: "a.txt".into(),
            title: "Water Talks".into(),
            authors: vec![Author {
                name: "Ann Lee".into(),
                url: None,
            }],
            date: chrono::NaiveDate::from_ymd_opt(2023, 3, 3),
            kind: Some("Brief Analysis".into()),
            summary: Some("A standfirst.".into()),
            passages: vec![
                Passage {
                    index: 0,
                    heading: None,
                    text: "One.".into(),
                },
                Passage {
                    index: 1,
                    heading: Some("Next".into()),
                    text: "Two.".into(),
                },
            ],
            topics: vec!["Water".into()],
            regions: vec!["Iraq".into()],
            entities: vec![Entity {
                name: "International Atomic Energy Agency".into(),
                kind: EntityKind::Organization,
                mentions: 2,
                aliases: vec!["IAEA".into()],
            }],
            ..Brief::default()
        }
    }

    #[test]
    fn one_document_per_passage_and_one_for_the_standfirst() {
        let docs = passage_documents(&brief());
        let ids: Vec<&str> = docs.iter().map(|d| d.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "00000000000000ab-summary",
                "00000000000000ab-0",
                "00000000000000ab-1"
            ]
        );
        assert_eq!(docs[2].heading.as_deref(), Some("Next"));
        assert_eq!(docs[2].passage, Some(1));
        assert_eq!(docs[0].passage, None);
        for d in &docs {
            assert_eq!(d.brief_id, "00000000000000ab");
            assert_eq!(d.date.as_deref(), Some("2023-03-03"));
            assert_eq!(d.organizations, ["International Atomic Energy Agency"]);
            assert_eq!(d.entities, ["International Atomic Energy Agency", "IAEA"]);
            assert!(d.persons.is_empty());
        }
    }

    #[test]
    fn a_brief_without_passages_or_summary_still_has_a_document() {
        let mut b = brief();
        b.passages.clear();
        b.summary = None;
        let docs = passage_documents(&b);
        assert_eq!(docs.len(), 1);
        assert_eq!(docs[0].text, "");
        assert_eq!(docs[0].title, "Water Talks");
    }

    #[test]
    fn absent_values_are_left_out_not_null() {
        let mut b = brief();
        b.date = None;
        b.kind = None;
        let json = serde_json::to_value(&passage_documents(&b)[0]).unwrap();
        let o = json.as_object().unwrap();
        for key in ["date", "kind", "passage", "heading"] {
            assert!(!o.contains_key(key), "{key} in {json}");
        }
    }
}
