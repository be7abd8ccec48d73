//! Facet counts: briefs per topic, region, author, kind, year and entity, read from the
//! matched briefs' head documents; each filtered group is counted with its own filter lifted.

use std::collections::HashMap;

use tantivy::query::Query;
use tantivy::Searcher;

use super::filters::{Filters, Group, GROUPS};
use super::names::Names;
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
        let mut groups = self.facet_counts(searcher, matched)?;
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
                        e.insert(self.facet_counts(searcher, &lifted)?)
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

/// The facet groups of [`super::names::VALUE_COLUMNS`], in that order; entities are counted by name group.
pub(super) const VALUE_GROUPS: [Group; 4] =
    [Group::Topic, Group::Region, Group::Author, Group::Kind];

/// Facet counts of the matched briefs of one index generation, by brief ordinal.
struct FacetTally<'a> {
    names: &'a Names,
    /// Per value column: briefs per value.
    values: Vec<Vec<u32>>,
    years: HashMap<u32, u64>,
    /// Briefs per entity name group.
    entities: Vec<u32>,
    /// Per value column and for the entity groups: the last brief counted for each value
    /// (a running number), so a brief counts once per value whatever spellings it uses.
    last: Vec<Vec<u32>>,
    /// Running number of the brief being counted.
    brief: u32,
}

impl<'a> FacetTally<'a> {
    fn new(names: &'a Names) -> FacetTally<'a> {
        FacetTally {
            names,
            values: names
                .values
                .iter()
                .map(|v| vec![0; v.names.len()])
                .collect(),
            years: HashMap::new(),
            entities: vec![0; names.groups.len()],
            last: names
                .values
                .iter()
                .map(|v| vec![0; v.names.len()])
                .chain([vec![0; names.groups.len()]])
                .collect(),
            brief: 0,
        }
    }

    /// Counts brief ordinal `ord` of segment `s`.
    fn add(&mut self, s: usize, ord: usize) {
        let Some(rows) = self.names.rows.get(s) else {
            return;
        };
        self.brief += 1;
        let brief = self.brief;
        let bump = |counts: &mut [u32], last: &mut [u32], v: u32| {
            if let (Some(n), Some(l)) = (counts.get_mut(v as usize), last.get_mut(v as usize)) {
                if *l != brief {
                    *l = brief;
                    *n += 1;
                }
            }
        };
        for (i, col) in rows.values.iter().enumerate() {
            if let Some(col) = col {
                for &v in col.of(ord) {
                    bump(&mut self.values[i], &mut self.last[i], v);
                }
            }
        }
        if let Some(&y) = rows.years.of(ord).first() {
            *self.years.entry(y).or_default() += 1;
        }
        // Entities by name group: a brief counts once per group, whatever it calls it.
        let last = self
            .last
            .last_mut()
            .map(Vec::as_mut_slice)
            .unwrap_or_default();
        for col in rows.entities.iter().flatten() {
            for &g in col.of(ord) {
                bump(&mut self.entities, last, g);
            }
        }
    }

    /// The counts by facet group and display name.
    fn finish(self) -> HashMap<Group, HashMap<String, u64>> {
        let mut groups: HashMap<Group, HashMap<String, u64>> = HashMap::new();
        for (i, counts) in self.values.into_iter().enumerate() {
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

impl Engine {
    /// Counts every facet over the matched briefs `matched`.
    pub(super) fn facet_counts(
        &self,
        searcher: &Searcher,
        matched: &BriefMatches,
    ) -> Result<HashMap<Group, HashMap<String, u64>>> {
        let names = self.names.get(searcher)?;
        let mut tally = FacetTally::new(&names);
        for (s, bits) in matched.segments.iter().enumerate() {
            if let Some(bits) = bits {
                each_ord(bits, |ord| tally.add(s, ord));
            }
        }
        Ok(tally.finish())
    }
}
