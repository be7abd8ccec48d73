//! Filters: each filter group becomes one tantivy query, kept apart so that facet counting can
//! lift a group's own filter (multi-select).

use std::collections::HashSet;
use std::ops::Bound;

use tantivy::query::{AllQuery, BooleanQuery, Query, RangeQuery, TermQuery};
use tantivy::schema::IndexRecordOption;

use super::highlight::tokens;
use super::query::ParsedQuery;
use super::request::{date_bound, Param, SearchRequest, FILTERS};
use super::Engine;
use crate::error::{Error, Result};
use crate::index::schema::{self, doc_kind, Fields};

/// Facet groups, in the order of [`Facets`]' fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(super) enum Group {
    Topic,
    Region,
    Author,
    Kind,
    Year,
    Entity,
    Person,
    Organization,
    Place,
}

/// Facet groups and the filter group each one lifts when counted (multi-select).
pub(super) const GROUPS: [(Group, Group); 8] = [
    (Group::Topic, Group::Topic),
    (Group::Region, Group::Region),
    (Group::Author, Group::Author),
    (Group::Kind, Group::Kind),
    (Group::Year, Group::Year),
    (Group::Person, Group::Entity),
    (Group::Organization, Group::Entity),
    (Group::Place, Group::Entity),
];

/// Built filters, one entry per group that has a filter.
pub(super) struct Filters {
    pub(super) by_group: Vec<(Group, Box<dyn Query>)>,
}

impl Filters {
    pub(super) fn except(&self, skip: Option<Group>) -> Vec<Box<dyn Query>> {
        self.by_group
            .iter()
            .filter(|(g, _)| Some(*g) != skip)
            .map(|(_, q)| q.box_clone())
            .collect()
    }

    pub(super) fn has(&self, g: Group) -> bool {
        self.by_group.iter().any(|(x, _)| *x == g)
    }
}

impl Engine {
    /// One query per filtered group: the request's filters and the query language's
    /// `author:`-style prefixes together (values within a group are OR'd).
    pub(super) fn build_filters(
        &self,
        req: &SearchRequest,
        parsed: &ParsedQuery,
    ) -> Result<Filters> {
        let f = &self.bi.fields;
        let mut values: Vec<(Param, Vec<String>)> = FILTERS
            .iter()
            .map(|p| (*p, req.filter(*p).to_vec()))
            .collect();
        for ff in &parsed.filters {
            if let Some(p) = Param::from_prefix(&ff.field) {
                if let Some((_, v)) = values.iter_mut().find(|(q, _)| *q == p) {
                    v.push(ff.value.clone());
                }
            }
        }
        let mut by_group: Vec<(Group, Box<dyn Query>)> = Vec::new();
        for (param, vals) in &values {
            if vals.is_empty() {
                continue;
            }
            let (group, q): (Group, Box<dyn Query>) = match param {
                Param::Author => (
                    Group::Author,
                    Box::new(BooleanQuery::union(
                        vals.iter().map(|a| author_query(f, a)).collect(),
                    )),
                ),
                Param::Topic => (Group::Topic, key_union(f.topic_key, vals)),
                Param::Region => (Group::Region, key_union(f.region_key, vals)),
                Param::Kind => (Group::Kind, key_union(f.kind_key, vals)),
                Param::Entity => (Group::Entity, self.entity_filter(vals)),
                _ => continue,
            };
            by_group.push((group, q));
        }
        let since = date_bound(Param::Since, req.filter(Param::Since), true)?;
        let until = date_bound(Param::Until, req.filter(Param::Until), false)?;
        if let (Some(s), Some(u)) = (since, until) {
            if s > u {
                return Err(Error::Conflict(format!(
                    "since is after until: no date can match ({s} > {u})"
                )));
            }
        }
        if since.is_some() || until.is_some() {
            let lo = since.map_or(Bound::Unbounded, |s| {
                Bound::Included(tantivy::Term::from_field_u64(f.day, s))
            });
            let hi = until.map_or(Bound::Unbounded, |u| {
                Bound::Included(tantivy::Term::from_field_u64(f.day, u))
            });
            by_group.push((Group::Year, Box::new(RangeQuery::new(lo, hi))));
        }
        Ok(Filters { by_group })
    }

    /// A filter matching documents that mention any of `names` under any of its names.
    ///
    /// A name matches an indexed entity name when equal to it (case- and accent-folded) or
    /// when it is the name's last words ("Muttaqi", "Kazemi Qomi"), so a surname finds the
    /// full name across the archive; acronyms and short forms defined in a brief are indexed
    /// as names of their entity.
    pub(super) fn entity_filter(&self, names: &[String]) -> Box<dyn Query> {
        let searcher = self.searcher();
        let mut terms: HashSet<String> = HashSet::new();
        let wanted: Vec<String> = names
            .iter()
            .map(|n| schema::key_of(n))
            .filter(|n| !n.is_empty())
            .collect();
        for seg in searcher.segment_readers() {
            let Ok(inv) = seg.inverted_index(self.bi.fields.entity_key) else {
                continue;
            };
            let Ok(mut stream) = inv.terms().stream() else {
                continue;
            };
            while stream.advance() {
                let Ok(k) = std::str::from_utf8(stream.key()) else {
                    continue;
                };
                if wanted.iter().any(|w| {
                    k == w
                        || (k.len() > w.len()
                            && k.ends_with(w.as_str())
                            && k.as_bytes()[k.len() - w.len() - 1] == b' ')
                }) {
                    terms.insert(k.to_string());
                }
            }
        }
        for w in &wanted {
            terms.insert(w.clone());
        }
        let any: Vec<Box<dyn Query>> = terms
            .into_iter()
            .map(|t| {
                Box::new(TermQuery::new(
                    tantivy::Term::from_field_text(self.bi.fields.entity_key, &t),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        Box::new(BooleanQuery::union(any))
    }
}

/// What an empty query lists: briefs (their head documents), or, when an entity filter is
/// active and not lifted, the passages that mention the entity.
pub(super) fn browse_base(f: &Fields, filters: &Filters, skip: Option<Group>) -> Box<dyn Query> {
    if filters.has(Group::Entity) && skip != Some(Group::Entity) {
        Box::new(AllQuery)
    } else {
        head_only(f)
    }
}

pub(super) fn head_only(f: &Fields) -> Box<dyn Query> {
    kind_query(f, doc_kind::HEAD)
}

pub(super) fn kind_query(f: &Fields, kind: u64) -> Box<dyn Query> {
    Box::new(TermQuery::new(
        tantivy::Term::from_field_u64(f.doc_kind, kind),
        IndexRecordOption::Basic,
    ))
}

pub(super) fn author_query(f: &Fields, name: &str) -> Box<dyn Query> {
    let whole: Box<dyn Query> = Box::new(TermQuery::new(
        tantivy::Term::from_field_text(f.author_key, &schema::key_of(name)),
        IndexRecordOption::Basic,
    ));
    let toks = tokens(&mut schema::fold_analyzer(), name);
    if toks.is_empty() {
        return whole;
    }
    let all: Vec<Box<dyn Query>> = toks
        .iter()
        .map(|t| {
            Box::new(TermQuery::new(
                tantivy::Term::from_field_text(f.author_tok, t),
                IndexRecordOption::Basic,
            )) as Box<dyn Query>
        })
        .collect();
    Box::new(BooleanQuery::union(vec![
        whole,
        Box::new(BooleanQuery::intersection(all)),
    ]))
}

/// Documents whose whole-value `field` equals any of `values` (case- and accent-folded).
fn key_union(field: tantivy::schema::Field, values: &[String]) -> Box<dyn Query> {
    Box::new(BooleanQuery::union(
        values
            .iter()
            .map(|v| {
                Box::new(TermQuery::new(
                    tantivy::Term::from_field_text(field, &schema::key_of(v)),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect(),
    ))
}
