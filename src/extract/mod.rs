//! Stage 3 of the pipeline: facts read out of a parsed brief's text (dated events, entities).

pub mod entities;
pub mod events;

use crate::model::Brief;

/// Fills a brief's derived fields (`events`, `entities`) from its text.
pub fn enrich(brief: &mut Brief) {
    brief.events = events::extract(brief);
    brief.entities = entities::brief_entities(brief);
}
