//! `briefs show`: one whole brief, read back from its head document and its passages
//! (`index::stored`).

use tantivy::collector::TopDocs;
use tantivy::query::{BooleanQuery, Occur, Query, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::filters::head_only;
use super::Engine;
use crate::error::{Error, Result};

/// Fetches a whole brief as indexed.
pub fn get_brief(engine: &Engine, id: &str) -> Result<crate::model::Brief> {
    let f = &engine.bi.fields;
    let searcher = engine.searcher();
    let q = BooleanQuery::new(vec![
        (
            Occur::Must,
            Box::new(TermQuery::new(
                tantivy::Term::from_field_text(f.brief_id, id),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>,
        ),
        (Occur::Must, head_only(f)),
    ]);
    let top = searcher.search(&q, &TopDocs::with_limit(1).order_by_score())?;
    let (_, addr) = top
        .into_iter()
        .next()
        .ok_or_else(|| Error::NotFound(id.to_string()))?;
    crate::index::stored::read_brief(&searcher, f, addr)
}
