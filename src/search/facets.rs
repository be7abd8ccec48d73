//! Facet counts: briefs per topic, region, author, kind, year and entity, read from the
//! matched briefs' head documents; each filtered group is counted with its own filter lifted.

use std::collections::HashMap;
use std::sync::Arc;

use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::Query;
use tantivy::{DocId, Score, Searcher, SegmentReader};

use super::filters::{Filters, Group, GROUPS};
use super::names::{Names, KIND_COLUMNS, VALUE_COLUMNS};
use super::ordinals::{each_ord, BriefCounter, BriefMatches, Layout};
use super::plan::Plan;
use super::response::{Counts, Facets};
use super::Engine;
use crate::error::Result;
use crate::model::EntityKind;

impl Engine {
    /// Facet counts: the matched briefs' head documents give every group's counts; each
    /// filtered group is counted again over the briefs matched with its own filter lifted,
    /// with the search's own `plan` (none when browsing).
    pub(super) fn facets(
        &self,
        searcher: &Searcher,
        plan: Option<&Plan>,
        filters: &Filters,
        relaxed: bool,
        layout: &Layout,
        matched: &BriefMatches,
    ) -> Result<Facets> {
        let build = |skip: Option<Group>| -> Box<dyn Query> {
            match plan {
                None => self.compose_browse(filters, skip),
                Some(p) if relaxed => self.compose_relaxed(p, filters, skip),
                Some(p) => self.compose_strict(p, filters, skip),
            }
        };
        let mut groups = self.facet_counts(searcher, layout, matched)?;
        let mut lifted_runs: HashMap<Group, HashMap<Group, HashMap<String, u64>>> = HashMap::new();
        for (g, lifts) in GROUPS {
            if filters.has(lifts) {
                let run = match lifted_runs.entry(lifts) {
                    std::collections::hash_map::Entry::Occupied(e) => e.into_mut(),
                    std::collections::hash_map::Entry::Vacant(e) => {
                        let counter = BriefCounter {
                            layout: layout.clone(),
                        };
                        let lifted = searcher.search(&*build(Some(lifts)), &counter)?;
                        e.insert(self.facet_counts(searcher, layout, &lifted)?)
                    }
                };
                groups.insert(g, run.remove(&g).unwrap_or_default());
            }
        }
        let mut take = |g: Group| Counts::from_map(groups.remove(&g).unwrap_or_default());
        Ok(Facets {
            topics: take(Group::Topic),
            regions: take(Group::Region),
            authors: take(Group::Author),
            kinds: take(Group::Kind),
            years: take(Group::Year),
            people: take(Group::Person),
            organizations: take(Group::Organization),
            places: take(Group::Place),
        })
    }
}

/// The facet groups of [`VALUE_COLUMNS`], in that order; entities are counted by name group.
pub(super) const VALUE_GROUPS: [Group; 4] =
    [Group::Topic, Group::Region, Group::Author, Group::Kind];

/// Counts facet values over the head documents of matched briefs.
pub(super) struct FacetCounter {
    pub(super) names: Arc<Names>,
}

pub(super) struct FacetSegment {
    /// Per value column: the column, briefs per value, the last document counted per value
    /// plus one (spellings of one value count a brief once).
    pub(super) cols: Vec<(usize, StrColumn, Vec<u32>, Vec<DocId>)>,
    pub(super) year: Column<u64>,
    pub(super) years: HashMap<u64, u64>,
    pub(super) names: Arc<Names>,
    pub(super) segment: usize,
    /// The entity columns, in the order of [`KIND_COLUMNS`].
    pub(super) entity_cols: Vec<Option<StrColumn>>,
    /// Name group → briefs.
    pub(super) entities: Vec<u32>,
    /// Name group → the last document counted for it, plus one (a brief counts once).
    pub(super) last: Vec<DocId>,
}

impl Engine {
    /// Counts per facet value over the `matched` briefs, from their head documents: each
    /// matched brief ordinal is its head document, so only those are read.
    pub(super) fn facet_counts(
        &self,
        searcher: &Searcher,
        layout: &Layout,
        matched: &BriefMatches,
    ) -> Result<HashMap<Group, HashMap<String, u64>>> {
        let collector = FacetCounter {
            names: self.names.get(searcher)?,
        };
        let mut fruits = Vec::new();
        for (s, reader) in searcher.segment_readers().iter().enumerate() {
            let Some(Some(bits)) = matched.segments.get(s) else {
                continue;
            };
            let briefs = layout.segment(s as u32);
            let mut child = collector.for_segment(s as u32, reader)?;
            each_ord(bits, |ord| {
                if let Some(head) = briefs.head(ord) {
                    child.collect(head, 0.0);
                }
            });
            fruits.push(child.harvest());
        }
        Ok(collector.merge_fruits(fruits)?)
    }
}

impl Collector for FacetCounter {
    type Fruit = HashMap<Group, HashMap<String, u64>>;
    type Child = FacetSegment;

    fn for_segment(&self, ord: u32, reader: &SegmentReader) -> tantivy::Result<FacetSegment> {
        let ff = reader.fast_fields();
        let mut cols = Vec::new();
        for (i, name) in VALUE_COLUMNS.iter().enumerate() {
            if let Some(c) = ff.str(name)? {
                let n = self.names.values[i].names.len();
                cols.push((i, c, vec![0u32; n], vec![0; n]));
            }
        }
        Ok(FacetSegment {
            cols,
            year: ff.u64("year")?,
            years: HashMap::new(),
            names: self.names.clone(),
            segment: ord as usize,
            entity_cols: KIND_COLUMNS
                .iter()
                .map(|(_, name)| ff.str(name))
                .collect::<tantivy::Result<_>>()?,
            entities: vec![0; self.names.groups.len()],
            last: vec![0; self.names.groups.len()],
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        let mut out: Self::Fruit = HashMap::new();
        for f in fruits {
            for (g, m) in f {
                let into = out.entry(g).or_default();
                for (k, v) in m {
                    *into.entry(k).or_default() += v;
                }
            }
        }
        Ok(out)
    }
}

impl SegmentCollector for FacetSegment {
    type Fruit = HashMap<Group, HashMap<String, u64>>;

    fn collect(&mut self, doc: DocId, _: Score) {
        for (i, col, counts, last) in &mut self.cols {
            let Some(map) = self.names.values[*i].segments.get(self.segment) else {
                continue;
            };
            for ord in col.term_ords(doc) {
                let Some(&v) = map.get(ord as usize) else {
                    continue;
                };
                if let (Some(l), Some(n)) = (last.get_mut(v as usize), counts.get_mut(v as usize)) {
                    if *l != doc + 1 {
                        *l = doc + 1;
                        *n += 1;
                    }
                }
            }
        }
        if let Some(y) = self.year.first(doc) {
            *self.years.entry(y).or_default() += 1;
        }
        // Entities by name group: a brief counts once per group, whatever it calls it.
        let Some(seg) = self.names.segments.get(self.segment) else {
            return;
        };
        for (c, col) in self.entity_cols.iter().enumerate() {
            let (Some(col), Some(map)) = (col, seg.kinds.get(c)) else {
                continue;
            };
            for ord in col.term_ords(doc) {
                let Some(&g) = map.get(ord as usize) else {
                    continue;
                };
                if let (Some(last), Some(n)) = (
                    self.last.get_mut(g as usize),
                    self.entities.get_mut(g as usize),
                ) {
                    if *last != doc + 1 {
                        *last = doc + 1;
                        *n += 1;
                    }
                }
            }
        }
    }

    fn harvest(self) -> Self::Fruit {
        let mut groups: Self::Fruit = HashMap::new();
        for (i, _, counts, _) in self.cols {
            let m = groups.entry(VALUE_GROUPS[i]).or_default();
            let names = &self.names.values[i].names;
            for (v, n) in counts.into_iter().enumerate().filter(|(_, n)| *n > 0) {
                if let Some(name) = names.get(v) {
                    *m.entry(name.clone()).or_default() += u64::from(n);
                }
            }
        }
        let m = groups.entry(Group::Year).or_default();
        for (y, n) in self.years {
            *m.entry(y.to_string()).or_default() += n;
        }
        for (g, &n) in self.entities.iter().enumerate() {
            let Some(group) = self.names.groups.get(g).filter(|_| n > 0) else {
                continue;
            };
            let facet = match group.kind {
                EntityKind::Person => Group::Person,
                EntityKind::Organization => Group::Organization,
                EntityKind::Place => Group::Place,
            };
            *groups
                .entry(facet)
                .or_default()
                .entry(group.name.clone())
                .or_default() += u64::from(n);
        }
        groups
    }
}
