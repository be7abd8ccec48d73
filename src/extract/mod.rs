//! Stage 3 of the pipeline: facts read out of a parsed brief's text (dated events, entities).

pub mod entities;
pub mod events;

use crate::model::{Brief, TextMentions};

/// Fills a brief's derived fields: `events`, `entities`, and which entities each passage
/// names (for the index's `--entity` filter).
///
/// Title, standfirst and passages are read together in one extractor pass, so an acronym
/// defined in one passage or a full name given in the standfirst resolves everywhere.
pub fn enrich(brief: &mut Brief) {
    brief.events = events::extract(brief);
    let mut texts: Vec<&str> = Vec::with_capacity(brief.passages.len() + 2);
    texts.push(&brief.title);
    if let Some(s) = &brief.summary {
        texts.push(s);
    }
    texts.extend(brief.passages.iter().map(|p| p.text.as_str()));
    let per_text = entities::Extractor::global().mentions_many(&texts);
    brief.entities = entities::group_entities(per_text.iter().flatten());
    let names = |ms: &Vec<entities::Mention>| -> Vec<String> {
        let mut v: Vec<String> = Vec::new();
        for m in ms {
            if !v.contains(&m.canonical) {
                v.push(m.canonical.clone());
            }
        }
        v
    };
    let title = per_text.first().map(names).unwrap_or_default();
    let mut rest = per_text.iter().skip(1);
    let summary = if brief.summary.is_some() {
        rest.next().map(names).unwrap_or_default()
    } else {
        Vec::new()
    };
    let passages = rest.map(names).collect();
    brief.mentions = TextMentions {
        title,
        summary,
        passages,
    };
}
