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

/// Briefs per slot of [`Names::slots`] (a value, a name group or a year), of some briefs of
/// one index generation.
#[derive(Debug, Clone, Default)]
pub(super) struct TallyCounts(Vec<u32>);

impl TallyCounts {
    /// These counts less `part`'s, which counted some of the same briefs.
    fn minus(&self, part: &TallyCounts) -> TallyCounts {
        TallyCounts(
            self.0
                .iter()
                .enumerate()
                .map(|(i, &n)| n.saturating_sub(part.0.get(i).copied().unwrap_or(0)))
                .collect(),
        )
    }

    /// The counts of part `i` of `layout` (see [`super::rows::SlotLayout::part`]).
    fn part(&self, layout: &super::rows::SlotLayout, i: usize) -> &[u32] {
        self.0.get(layout.part(i)).unwrap_or(&[])
    }
}

/// Facet counts of the matched briefs of one index generation, by brief ordinal.
struct FacetTally<'a> {
    names: &'a Names,
    /// Briefs counted per slot of [`Names::slots`] (a value, a name group or a year). A brief's
    /// row holds each slot once ([`super::rows::TallyRows`]), so a count is one add; the adds
    /// are random reads and most of a faceted search's time.
    slots: Vec<u32>,
}

impl<'a> FacetTally<'a> {
    fn new(names: &'a Names) -> FacetTally<'a> {
        FacetTally {
            names,
            slots: vec![0; names.slots.len()],
        }
    }

    /// Counts brief ordinal `ord` of segment `s`: one row of slots.
    #[inline]
    fn add(&mut self, s: usize, ord: usize) {
        let Some(rows) = self.names.rows.get(s) else {
            return;
        };
        for &v in rows.tally.of(ord) {
            if let Some(n) = self.slots.get_mut(v as usize) {
                *n += 1;
            }
        }
    }

    /// The counts.
    fn counts(self) -> TallyCounts {
        TallyCounts(self.slots)
    }
}

/// `counts` by facet group and display name.
fn named(names: &Names, counts: TallyCounts) -> HashMap<Group, HashMap<String, u64>> {
    let layout = &names.slots;
    let columns = VALUE_GROUPS.len();
    let mut groups: HashMap<Group, HashMap<String, u64>> = HashMap::new();
    for (i, group) in VALUE_GROUPS.iter().enumerate() {
        let m = groups.entry(*group).or_default();
        let names = &names.values[i].names;
        for (v, &n) in counts
            .part(layout, i)
            .iter()
            .enumerate()
            .filter(|(_, n)| **n > 0)
        {
            if let Some(name) = names.get(v) {
                *m.entry(name.clone()).or_default() += u64::from(n);
            }
        }
    }
    let m = groups.entry(Group::Year).or_default();
    for (y, &n) in layout.years.iter().zip(counts.part(layout, columns + 1)) {
        if n > 0 {
            *m.entry(y.to_string()).or_default() += u64::from(n);
        }
    }
    for (g, &n) in counts.part(layout, columns).iter().enumerate() {
        let Some(group) = names.groups.get(g).filter(|_| n > 0) else {
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

impl Engine {
    /// Counts every facet over the matched briefs `matched`.
    ///
    /// When more than half the live briefs match (a common word matches nearly all), it
    /// counts the others and subtracts them from the counts of every live brief, which are
    /// counted once per index generation: the work follows the smaller side.
    pub(super) fn facet_counts(
        &self,
        searcher: &Searcher,
        matched: &BriefMatches,
    ) -> Result<HashMap<Group, HashMap<String, u64>>> {
        let names = self.names.get(searcher)?;
        if matched.briefs() * 2 <= names.live_briefs {
            let mut tally = FacetTally::new(&names);
            for (s, bits) in matched.segments.iter().enumerate() {
                if let Some(bits) = bits {
                    each_ord(bits, |ord| tally.add(s, ord));
                }
            }
            return Ok(named(&names, tally.counts()));
        }
        let all = names.all_counts.get_or_init(|| {
            let mut tally = FacetTally::new(&names);
            each_live(&names, |s, ord| tally.add(s, ord));
            tally.counts()
        });
        let mut rest = FacetTally::new(&names);
        each_live(&names, |s, ord| {
            let hit = matched
                .segments
                .get(s)
                .and_then(Option::as_ref)
                .is_some_and(|b| b.contains(ord as u32));
            if !hit {
                rest.add(s, ord);
            }
        });
        Ok(named(&names, all.minus(&rest.counts())))
    }
}

/// Calls `f(segment, ordinal)` for every live brief of the generation `names` read.
fn each_live(names: &Names, mut f: impl FnMut(usize, usize)) {
    for (s, rows) in names.rows.iter().enumerate() {
        for (ord, _) in rows.live.iter().enumerate().filter(|(_, &l)| l) {
            f(s, ord);
        }
    }
}
