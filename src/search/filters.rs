//! Filters: each filter group becomes one tantivy query, kept apart so that facet counting can
//! lift a group's own filter (multi-select).

use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::{Arc, Mutex};

use tantivy::index::SegmentId;
use tantivy::query::{
    BitSetDocSet, BooleanQuery, ConstScoreQuery, ConstScorer, EnableScoring, Explanation, Occur,
    Query, RangeQuery, Scorer, TermQuery, Weight,
};
use tantivy::schema::IndexRecordOption;
use tantivy::{BitSet, DocId, DocSet, Score, SegmentReader};

use super::collect::BriefKeys;
use super::names::live_heads;
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

/// Built filters, one entry per group that has a filter. Every filter narrows briefs: each
/// keeps all the documents of the briefs it accepts, so facet counts (briefs) and filters agree.
pub(super) struct Filters {
    pub(super) by_group: Vec<(Group, Box<dyn Query>)>,
    /// With an entity filter: the documents of the kept briefs that mention the entity.
    pub(super) mentions: Option<Box<dyn Query>>,
}

impl Filters {
    pub(super) fn except(&self, skip: Option<Group>) -> Vec<Box<dyn Query>> {
        self.by_group
            .iter()
            .filter(|(g, _)| Some(*g) != skip)
            .map(|(_, q)| q.box_clone())
            .collect()
    }

    /// Whether no filter narrows the search.
    pub(super) fn is_empty(&self) -> bool {
        self.by_group.is_empty() && self.mentions.is_none()
    }

    pub(super) fn has(&self, g: Group) -> bool {
        self.by_group.iter().any(|(x, _)| *x == g)
    }

    /// Optional scoring clauses: a passage that mentions a filtered entity ranks a little
    /// higher (none when the entity group is lifted).
    pub(super) fn boosts(&self, skip: Option<Group>) -> Vec<Box<dyn Query>> {
        match &self.mentions {
            Some(m) if skip != Some(Group::Entity) => {
                vec![Box::new(ConstScoreQuery::new(m.box_clone(), MENTION_BOOST))]
            }
            _ => Vec::new(),
        }
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
        let mut mentions = None;
        for (param, vals) in &values {
            if vals.is_empty() {
                continue;
            }
            let (group, q): (Group, Box<dyn Query>) = match param {
                Param::Author => {
                    let table = self.names.get(&self.searcher())?;
                    let keys: Vec<String> =
                        vals.iter().flat_map(|a| table.select_authors(a)).collect();
                    (Group::Author, key_union(f.author_key, &keys))
                }
                Param::Topic => (Group::Topic, key_union(f.topic_key, vals)),
                Param::Region => (Group::Region, key_union(f.region_key, vals)),
                Param::Kind => (Group::Kind, key_union(f.kind_key, vals)),
                Param::Entity => {
                    let ef = self.entity_filter(vals)?;
                    mentions = Some(ef.mentions);
                    (Group::Entity, ef.briefs)
                }
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
        Ok(Filters { by_group, mentions })
    }

    /// The `--entity` filter for `names` (values are OR'd): the briefs that name any of them,
    /// and, within those briefs, the documents that mention them.
    ///
    /// Each name is resolved by [`Names::select`], the rule the entity facets count by: a name
    /// the archive knows selects its own group (short person names merged into their full
    /// name), and any other name the groups whose names end with it (a surname). A name that
    /// is neither, such as an acronym a brief defines, selects the briefs that index it as an
    /// alias.
    pub(super) fn entity_filter(&self, names: &[String]) -> Result<EntityFilter> {
        let searcher = self.searcher();
        let table = self.names.get(&searcher)?;
        let mut briefs: HashSet<u64> = HashSet::new();
        let mut keys: HashSet<String> = HashSet::new();
        for n in names {
            let groups = table.select(n);
            if groups.is_empty() {
                let key = schema::key_of(n);
                if key.is_empty() {
                    continue;
                }
                let q = TermQuery::new(
                    tantivy::Term::from_field_text(self.bi.fields.entity_key, &key),
                    IndexRecordOption::Basic,
                );
                briefs.extend(searcher.search(&q, &BriefKeys)?);
                keys.insert(key);
            } else {
                briefs.extend(table.briefs_of(&searcher, &groups)?);
                for g in groups {
                    keys.extend(table.groups[g as usize].keys.iter().cloned());
                }
            }
        }
        let briefs: Box<dyn Query> = Box::new(BriefSet::new(briefs));
        let terms: Vec<Box<dyn Query>> = keys
            .into_iter()
            .map(|t| {
                Box::new(TermQuery::new(
                    tantivy::Term::from_field_text(self.bi.fields.entity_key, &t),
                    IndexRecordOption::Basic,
                )) as Box<dyn Query>
            })
            .collect();
        let mentions: Box<dyn Query> = Box::new(BooleanQuery::new(vec![
            (Occur::Must, briefs.box_clone()),
            (Occur::Must, Box::new(BooleanQuery::union(terms))),
        ]));
        Ok(EntityFilter { briefs, mentions })
    }
}

/// The `--entity` filter in its two uses.
pub(super) struct EntityFilter {
    /// Every document of the briefs that name the entity: what the filter keeps.
    pub(super) briefs: Box<dyn Query>,
    /// The documents of those briefs that mention it: what an empty query lists, what the
    /// timeline keeps, and what a search lifts a little.
    pub(super) mentions: Box<dyn Query>,
}

/// What a passage that mentions a filtered entity adds to its score: about half of one
/// word's BM25 score in a passage, so a mention decides between passages that match alike
/// and a passage with more of the query's words still wins.
const MENTION_BOOST: f32 = 2.0;

/// Matches every document of the briefs whose `brief_key` is in the set: a filter that
/// narrows briefs, not passages. Clones share the documents found per segment, so the filter
/// and the mention boost built from it read each segment once.
#[derive(Debug, Clone)]
pub(super) struct BriefSet(Arc<BriefSetInner>);

#[derive(Debug)]
struct BriefSetInner {
    keys: HashSet<u64>,
    docs: Mutex<HashMap<SegmentId, BitSet>>,
}

impl BriefSet {
    pub(super) fn new(keys: HashSet<u64>) -> BriefSet {
        BriefSet(Arc::new(BriefSetInner {
            keys,
            docs: Mutex::new(HashMap::new()),
        }))
    }

    /// The documents of the kept briefs in one segment.
    fn docs(&self, reader: &SegmentReader) -> tantivy::Result<BitSet> {
        if let Some(b) = self
            .0
            .docs
            .lock()
            .ok()
            .and_then(|m| m.get(&reader.segment_id()).cloned())
        {
            return Ok(b);
        }
        let max = reader.max_doc();
        let mut bits = BitSet::with_max_value(max);
        if !self.0.keys.is_empty() {
            // A brief's documents are contiguous and its head document comes first (see
            // `index::documents`): each kept brief is the run from its head to the next.
            let col = reader.fast_fields().u64("brief_key")?;
            let heads = live_heads(reader)?;
            for (i, &head) in heads.iter().enumerate() {
                if col.first(head).is_some_and(|k| self.0.keys.contains(&k)) {
                    let end = heads.get(i + 1).copied().unwrap_or(max);
                    for doc in head..end {
                        bits.insert(doc);
                    }
                }
            }
        }
        if let Ok(mut m) = self.0.docs.lock() {
            m.insert(reader.segment_id(), bits.clone());
        }
        Ok(bits)
    }
}

impl Query for BriefSet {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(BriefSetWeight(self.clone())))
    }
}

struct BriefSetWeight(BriefSet);

impl Weight for BriefSetWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        let bits = self.0.docs(reader)?;
        Ok(Box::new(ConstScorer::new(BitSetDocSet::from(bits), boost)))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        let mut s = self.scorer(reader, 1.0)?;
        if s.seek(doc) == doc {
            Ok(Explanation::new("brief in the filtered set", 1.0))
        } else {
            Err(tantivy::TantivyError::InvalidArgument(format!(
                "document {doc} is not in a filtered brief"
            )))
        }
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
