//! The entities and timeline views: the briefs a search matches, then the entity mention counts
//! of their head documents or their event documents in date order.

use std::collections::{HashMap, HashSet};
use std::ops::Bound;
use std::sync::Arc;

use tantivy::collector::{Collector, Count, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::{BooleanQuery, Occur, Query, RangeQuery};
use tantivy::schema::Value;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentReader, TantivyDocument};

use super::collect::BriefKeys;
use super::filters::{head_only, kind_query};
use super::names::{Names, NONE};
use super::query;
use super::request::{date_bound, EntitiesRequest, Param, SearchRequest, TimelineRequest};
use super::response::{Correction, EntitiesResponse, EntityCount, TimelineEvent, TimelineResponse};
use super::Engine;
use crate::error::{Error, Result};
use crate::index::schema::doc_kind;
use crate::index::stored::first_text;

impl Engine {
    /// The set of briefs a request matches, as the search would choose it; `None` means every
    /// brief (an empty query without filters).
    pub(super) fn matching_briefs(
        &self,
        searcher: &Searcher,
        req: &SearchRequest,
        corrections: &mut Vec<Correction>,
    ) -> Result<Option<HashSet<u64>>> {
        let parsed = query::parse(&req.query).map_err(Error::Query)?;
        let filters = self.build_filters(req, &parsed)?;
        if parsed.is_browse() && filters.by_group.is_empty() {
            return Ok(None);
        }
        let q = if parsed.is_browse() {
            self.compose_browse(&filters, None)
        } else {
            let plan = self.plan(searcher, &parsed, corrections);
            let strict = self.compose_strict(&plan, &filters, None);
            if plan.tiered() && searcher.search(&*strict, &Count)? == 0 {
                self.compose_relaxed(&plan, &filters, None)
            } else {
                strict
            }
        };
        Ok(Some(searcher.search(&*q, &BriefKeys)?))
    }

    /// The most-mentioned entities among the briefs a search matches.
    pub fn entities(&self, req: &EntitiesRequest) -> Result<EntitiesResponse> {
        let started = std::time::Instant::now();
        let searcher = self.searcher();
        let mut resp = EntitiesResponse {
            query: req.search.query.clone(),
            ..EntitiesResponse::default()
        };
        let keys = self.matching_briefs(&searcher, &req.search, &mut resp.corrections)?;
        let names = self.names.get(&searcher)?;
        let counted = searcher.search(
            &*head_only(&self.bi.fields),
            &EntityCounter {
                keys: keys.map(Arc::new),
                names: names.clone(),
            },
        )?;
        resp.total_briefs = counted.briefs;
        let mut rows: Vec<EntityCount> = counted
            .counts
            .into_iter()
            .filter_map(|(g, (briefs, mentions))| {
                let group = names.groups.get(g as usize)?;
                Some(EntityCount {
                    name: group.name.clone(),
                    kind: group.kind,
                    briefs,
                    mentions,
                })
            })
            .filter(|e| req.kind.is_none_or(|k| k == e.kind))
            .collect();
        rows.sort_by(|a, b| {
            b.briefs
                .cmp(&a.briefs)
                .then(b.mentions.cmp(&a.mentions))
                .then_with(|| a.name.cmp(&b.name))
        });
        rows.truncate(req.top.max(1));
        resp.entities = rows;
        resp.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(resp)
    }

    /// The dated events of the briefs a search matches, oldest first.
    pub fn timeline(&self, req: &TimelineRequest) -> Result<TimelineResponse> {
        let started = std::time::Instant::now();
        let f = &self.bi.fields;
        let searcher = self.searcher();
        let mut resp = TimelineResponse {
            query: req.search.query.clone(),
            ..TimelineResponse::default()
        };
        let mut briefs_req = req.search.clone();
        briefs_req.filters.remove(&Param::Since);
        briefs_req.filters.remove(&Param::Until);
        let keys = self.matching_briefs(&searcher, &briefs_req, &mut resp.corrections)?;
        // The request's date bounds apply to the event's own day.
        let mut parts: Vec<(Occur, Box<dyn Query>)> =
            vec![(Occur::Must, kind_query(f, doc_kind::EVENT))];
        let lo = date_bound(Param::Since, req.search.filter(Param::Since), true)?;
        let hi = date_bound(Param::Until, req.search.filter(Param::Until), false)?;
        if lo.is_some() || hi.is_some() {
            let lo = lo.map_or(Bound::Unbounded, |d| {
                Bound::Included(tantivy::Term::from_field_u64(f.event_day, d))
            });
            let hi = hi.map_or(Bound::Unbounded, |d| {
                Bound::Included(tantivy::Term::from_field_u64(f.event_day, d))
            });
            parts.push((Occur::Must, Box::new(RangeQuery::new(lo, hi))));
        }
        if !req.entities.is_empty() {
            parts.push((Occur::Must, self.entity_filter(&req.entities)?.mentions));
        }
        let rows = searcher.search(
            &BooleanQuery::new(parts),
            &EventCollector {
                keys: keys.map(Arc::new),
            },
        )?;
        resp.total_events = rows.len() as u64;
        let limit = if req.limit == 0 { 200 } else { req.limit };
        let layout = self.layouts.get(&searcher)?;
        // Event documents do not carry the title (`index::documents`): their head does, read
        // once per brief however many of its events are listed.
        let mut titles: HashMap<DocAddress, String> = HashMap::new();
        for (_, addr) in rows.into_iter().take(limit) {
            let doc: TantivyDocument = searcher.doc(addr)?;
            let title = match layout.segment(addr.segment_ord).head_of(addr.doc_id) {
                Some(head) => {
                    let head = DocAddress::new(addr.segment_ord, head);
                    match titles.get(&head) {
                        Some(t) => t.clone(),
                        None => {
                            let doc: TantivyDocument = searcher.doc(head)?;
                            let t = first_text(&doc, f.title).unwrap_or_default();
                            titles.insert(head, t.clone());
                            t
                        }
                    }
                }
                None => String::new(),
            };
            let text_of = |field| first_text(&doc, field).unwrap_or_default();
            let day = doc
                .get_first(f.event_day)
                .and_then(|v| v.as_u64())
                .unwrap_or(0);
            resp.events.push(TimelineEvent {
                date: format!(
                    "{:04}-{:02}-{:02}",
                    day / 10_000,
                    day / 100 % 100,
                    day % 100
                ),
                text: text_of(f.event_text),
                brief_id: text_of(f.brief_id),
                title,
                passage: doc
                    .get_first(f.passage_index)
                    .and_then(|v| v.as_u64())
                    .map(|n| n as usize),
            });
        }
        resp.took_ms = started.elapsed().as_secs_f64() * 1000.0;
        Ok(resp)
    }
}

/// Sums entity counts over the head documents of the briefs in `keys` (all when `None`), by
/// name group ([`Names`]): a brief that names one entity under two spellings counts once.
pub(super) struct EntityCounter {
    pub(super) keys: Option<Arc<HashSet<u64>>>,
    pub(super) names: Arc<Names>,
}

#[derive(Default)]
pub(super) struct EntityFruit {
    pub(super) briefs: u64,
    /// Group → (briefs, mentions).
    pub(super) counts: HashMap<u32, (u64, u64)>,
}

pub(super) struct EntitySegment {
    pub(super) keys: Option<Arc<HashSet<u64>>>,
    pub(super) names: Arc<Names>,
    pub(super) segment: usize,
    pub(super) brief_key: Column<u64>,
    pub(super) col: Option<StrColumn>,
    pub(super) seen: Vec<(u32, u64)>,
    pub(super) fruit: EntityFruit,
}

impl Collector for EntityCounter {
    type Fruit = EntityFruit;
    type Child = EntitySegment;
    fn for_segment(&self, ord: u32, reader: &SegmentReader) -> tantivy::Result<EntitySegment> {
        let ff = reader.fast_fields();
        Ok(EntitySegment {
            keys: self.keys.clone(),
            names: self.names.clone(),
            segment: ord as usize,
            brief_key: ff.u64("brief_key")?,
            col: ff.str("entity_count")?,
            seen: Vec::new(),
            fruit: EntityFruit::default(),
        })
    }
    fn requires_scoring(&self) -> bool {
        false
    }
    fn merge_fruits(&self, fruits: Vec<EntityFruit>) -> tantivy::Result<EntityFruit> {
        let mut out = EntityFruit::default();
        for f in fruits {
            out.briefs += f.briefs;
            for (k, (b, m)) in f.counts {
                let e = out.counts.entry(k).or_default();
                e.0 += b;
                e.1 += m;
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for EntitySegment {
    type Fruit = EntityFruit;
    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(keys) = &self.keys {
            if !self.brief_key.first(doc).is_some_and(|k| keys.contains(&k)) {
                return;
            }
        }
        self.fruit.briefs += 1;
        let (Some(col), Some(seg)) = (&self.col, self.names.segments.get(self.segment)) else {
            return;
        };
        self.seen.clear();
        for ord in col.term_ords(doc) {
            if let Some(&(g, mentions)) = seg.counts.get(ord as usize) {
                if g != NONE {
                    self.seen.push((g, mentions));
                }
            }
        }
        self.seen.sort_unstable();
        let mut last = None;
        for &(g, mentions) in &self.seen {
            let e = self.fruit.counts.entry(g).or_default();
            if last != Some(g) {
                e.0 += 1;
                last = Some(g);
            }
            e.1 += mentions;
        }
    }
    fn harvest(self) -> EntityFruit {
        self.fruit
    }
}

/// Collects event documents of the briefs in `keys`, sorted by day.
pub(super) struct EventCollector {
    pub(super) keys: Option<Arc<HashSet<u64>>>,
}

pub(super) struct EventSegment {
    pub(super) keys: Option<Arc<HashSet<u64>>>,
    pub(super) brief_key: Column<u64>,
    pub(super) day: Column<u64>,
    pub(super) ord: u32,
    pub(super) rows: Vec<(u64, DocAddress)>,
}

impl Collector for EventCollector {
    type Fruit = Vec<(u64, DocAddress)>;
    type Child = EventSegment;
    fn for_segment(&self, ord: u32, reader: &SegmentReader) -> tantivy::Result<EventSegment> {
        let ff = reader.fast_fields();
        Ok(EventSegment {
            keys: self.keys.clone(),
            brief_key: ff.u64("brief_key")?,
            day: ff.u64("event_day")?,
            ord,
            rows: Vec::new(),
        })
    }
    fn requires_scoring(&self) -> bool {
        false
    }
    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut all: Vec<(u64, DocAddress)> = fruits.into_iter().flatten().collect();
        all.sort_by_key(|&(day, addr)| (day, addr.segment_ord, addr.doc_id));
        Ok(all)
    }
}

impl SegmentCollector for EventSegment {
    type Fruit = Vec<(u64, DocAddress)>;
    fn collect(&mut self, doc: DocId, _: Score) {
        if let Some(keys) = &self.keys {
            if !self.brief_key.first(doc).is_some_and(|k| keys.contains(&k)) {
                return;
            }
        }
        self.rows.push((
            self.day.first(doc).unwrap_or(0),
            DocAddress::new(self.ord, doc),
        ));
    }
    fn harvest(self) -> Self::Fruit {
        self.rows
    }
}
