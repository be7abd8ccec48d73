//! The facet columns of a segment's head documents, read once into rows by brief ordinal.
//!
//! Facets, entity names and the `--entity` filter read a few head-only columns (topics,
//! regions, authors, kind, year, the three entity kinds) for many briefs at once. Reading
//! them document by document goes through each column's optional index for every brief (a
//! third of a faceted query's time at 100,000 briefs); reading a column's values in one
//! sequential pass per segment, once per index generation, and keeping them by brief ordinal
//! (see [`super::ordinals`]) turns each count into an array lookup.

use tantivy::columnar::column_index::{ColumnIndex, MultiValueIndex};
use tantivy::columnar::{Column, ColumnValues};
use tantivy::{DocId, SegmentReader};

use super::names::{KIND_COLUMNS, VALUE_COLUMNS};
use super::ordinals::segment_heads;

/// One column's values by brief ordinal: brief `o` holds `values[bounds[o].0..bounds[o].1]`
/// (term ordinals for text columns as read, the value itself for numbers).
#[derive(Debug, Default)]
pub(super) struct Rows {
    bounds: Vec<(u32, u32)>,
    values: Vec<u32>,
}

impl Rows {
    /// The values of brief ordinal `ord` (none for an ordinal past the end).
    #[inline]
    pub(super) fn of(&self, ord: usize) -> &[u32] {
        match self.bounds.get(ord) {
            Some(&(s, e)) => self.values.get(s as usize..e as usize).unwrap_or(&[]),
            None => &[],
        }
    }

    /// Replaces each value `v` by `map[v]` (by `u32::MAX` when `map` has no entry).
    pub(super) fn map_values(&mut self, map: &[u32]) {
        for v in &mut self.values {
            *v = map.get(*v as usize).copied().unwrap_or(u32::MAX);
        }
    }

    /// Reads `col` for the head documents `heads` (ascending), in one pass over the column
    /// where its index allows, else head by head.
    fn read(col: &Column<u64>, heads: &[DocId]) -> Rows {
        let mut rows = Rows {
            bounds: Vec::with_capacity(heads.len()),
            values: Vec::new(),
        };
        match &col.index {
            ColumnIndex::Empty { .. } => rows.bounds.resize(heads.len(), (0, 0)),
            ColumnIndex::Optional(index) => {
                rows.values = all_values(&*col.values);
                let docs = index
                    .iter_non_null_docs()
                    .enumerate()
                    .map(|(k, doc)| (doc, (k as u32, k as u32 + 1)));
                rows.fill(heads, docs);
            }
            ColumnIndex::Multivalued(MultiValueIndex::MultiValueIndexV2(index)) => {
                rows.values = all_values(&*col.values);
                let starts_col = &index.start_index_column;
                let mut starts = vec![0u32; starts_col.num_vals() as usize];
                starts_col.get_range(0, &mut starts);
                let docs = index
                    .optional_index
                    .iter_non_null_docs()
                    .zip(starts.windows(2))
                    .map(|(doc, w)| (doc, (w[0], w[1].max(w[0]))));
                rows.fill(heads, docs);
            }
            _ => {
                for &head in heads {
                    let start = rows.values.len() as u32;
                    rows.values
                        .extend(col.values_for_doc(head).map(|x| x as u32));
                    rows.bounds.push((start, rows.values.len() as u32));
                }
            }
        }
        rows
    }

    /// One row per head from `docs`: the column's documents with the bounds of their values,
    /// both ascending. Documents that are not heads are passed over.
    fn fill(&mut self, heads: &[DocId], docs: impl Iterator<Item = (DocId, (u32, u32))>) {
        let mut docs = docs.peekable();
        for &head in heads {
            while docs.next_if(|(doc, _)| *doc < head).is_some() {}
            let bounds = docs
                .next_if(|(doc, _)| *doc == head)
                .map_or((0, 0), |(_, b)| b);
            self.bounds.push(bounds);
        }
    }
}

/// Every value of a column, in row order, read in blocks.
fn all_values(values: &dyn ColumnValues<u64>) -> Vec<u32> {
    let total = values.num_vals() as usize;
    let mut out = Vec::with_capacity(total);
    let mut buf = [0u64; 1024];
    while out.len() < total {
        let len = (total - out.len()).min(buf.len());
        values.get_range(out.len() as u64, &mut buf[..len]);
        out.extend(buf[..len].iter().map(|&x| x as u32));
    }
    out
}

/// Where each facet value is counted: one numbered slot per value of every value column,
/// per entity name group and per year, the columns one after another. Counting a brief then
/// walks one row of slots ([`TallyRows`]) instead of eight columns' rows.
#[derive(Debug, Default, Clone)]
pub(super) struct SlotLayout {
    /// First slot of each value column of [`VALUE_COLUMNS`], then of the name groups, then of
    /// the years, then one past the last slot.
    pub(super) starts: Vec<u32>,
    /// The year each year slot counts, ascending.
    pub(super) years: Vec<u32>,
}

impl SlotLayout {
    /// The layout for value columns of `values` values each, `groups` name groups and the
    /// distinct `years`.
    pub(super) fn new(values: &[usize], groups: usize, mut years: Vec<u32>) -> SlotLayout {
        years.sort_unstable();
        years.dedup();
        let mut starts = vec![0u32];
        let mut next = 0u32;
        for n in values.iter().copied().chain([groups, years.len()]) {
            next += n as u32;
            starts.push(next);
        }
        SlotLayout { starts, years }
    }

    /// How many slots there are.
    pub(super) fn len(&self) -> usize {
        self.starts.last().copied().unwrap_or(0) as usize
    }

    /// The slots of part `i`: value column `i`, then the name groups, then the years.
    pub(super) fn part(&self, i: usize) -> std::ops::Range<usize> {
        let at = |i: usize| self.starts.get(i).copied().unwrap_or(0) as usize;
        at(i)..at(i + 1).max(at(i))
    }
}

/// Each brief's facet slots ([`SlotLayout`]) by brief ordinal: brief `o` counts
/// `slots[starts[o]..starts[o + 1]]`.
#[derive(Debug, Default)]
pub(super) struct TallyRows {
    starts: Vec<u32>,
    slots: Vec<u32>,
}

impl TallyRows {
    /// The slots of brief ordinal `ord` (none past the end).
    #[inline]
    pub(super) fn of(&self, ord: usize) -> &[u32] {
        match (self.starts.get(ord), self.starts.get(ord + 1)) {
            (Some(&s), Some(&e)) => self.slots.get(s as usize..e as usize).unwrap_or(&[]),
            _ => &[],
        }
    }
}

/// A segment's head documents and their facet columns, by brief ordinal.
#[derive(Debug, Default)]
pub(super) struct SegmentRows {
    /// Each brief ordinal's head document.
    pub(super) heads: Vec<DocId>,
    /// Whether each brief ordinal's head document is live.
    pub(super) live: Vec<bool>,
    /// The columns of [`VALUE_COLUMNS`], in that order (term ordinals).
    pub(super) values: Vec<Option<Rows>>,
    /// The columns of [`KIND_COLUMNS`], in that order (term ordinals).
    pub(super) entities: Vec<Option<Rows>>,
    /// The publication year.
    pub(super) years: Rows,
    /// Every facet slot of each brief, once value and name-group ids replace the term
    /// ordinals ([`SegmentRows::fill_tally`]).
    pub(super) tally: TallyRows,
}

impl SegmentRows {
    /// Reads the head documents' facet columns of one segment.
    pub(super) fn read(reader: &SegmentReader) -> tantivy::Result<SegmentRows> {
        let heads = segment_heads(reader)?;
        let ff = reader.fast_fields();
        let str_rows = |name: &str| -> tantivy::Result<Option<Rows>> {
            Ok(ff.str(name)?.map(|c| Rows::read(c.ords(), &heads)))
        };
        let values = VALUE_COLUMNS
            .iter()
            .map(|name| str_rows(name))
            .collect::<tantivy::Result<_>>()?;
        let entities = KIND_COLUMNS
            .iter()
            .map(|(_, name)| str_rows(name))
            .collect::<tantivy::Result<_>>()?;
        let years = Rows::read(&ff.u64("year")?, &heads);
        Ok(SegmentRows {
            live: heads.iter().map(|&h| !reader.is_deleted(h)).collect(),
            heads,
            values,
            entities,
            years,
            tally: TallyRows::default(),
        })
    }

    /// Gathers each brief's value ids, name-group ids and year into one row of `layout`'s
    /// slots (ids [`super::names::NONE`] and unknown years left out; a brief's first year only).
    pub(super) fn fill_tally(&mut self, layout: &SlotLayout) {
        let briefs = self.heads.len();
        let mut tally = TallyRows {
            starts: Vec::with_capacity(briefs + 1),
            slots: Vec::new(),
        };
        tally.starts.push(0);
        let groups = VALUE_COLUMNS.len();
        // The last brief (ordinal + 1) that took each slot: a brief that spells one value two
        // ways, or names one group in two entity columns, takes the slot once, so a search
        // counts a row without checking (cheaper than sorting each row, which a fresh
        // `search --facets` process pays for at 100k briefs).
        let mut taken = vec![0u32; layout.len()];
        for ord in 0..briefs {
            let brief = ord as u32 + 1;
            let mut take = |slot: usize| {
                if let Some(t) = taken.get_mut(slot).filter(|t| **t != brief) {
                    *t = brief;
                    tally.slots.push(slot as u32);
                }
            };
            for (i, col) in self.values.iter().enumerate() {
                let part = layout.part(i);
                for &v in col.as_ref().map_or(&[][..], |c| c.of(ord)) {
                    if (v as usize) < part.len() {
                        take(part.start + v as usize);
                    }
                }
            }
            let part = layout.part(groups);
            for col in self.entities.iter().flatten() {
                for &g in col.of(ord) {
                    if (g as usize) < part.len() {
                        take(part.start + g as usize);
                    }
                }
            }
            if let Some(y) = self.years.of(ord).first() {
                if let Ok(k) = layout.years.binary_search(y) {
                    take(layout.part(groups + 1).start + k);
                }
            }
            tally.starts.push(tally.slots.len() as u32);
        }
        self.tally = tally;
    }

    /// How many live briefs hold each of `num_terms` term ordinals in `rows`.
    pub(super) fn briefs_per_term(&self, rows: &Rows, num_terms: usize) -> Vec<u32> {
        let mut used = vec![0u32; num_terms];
        let mut add = |t: u32, n: i32| {
            if let Some(u) = used.get_mut(t as usize) {
                *u = u.wrapping_add_signed(n);
            }
        };
        let assigned: usize = rows.bounds.iter().map(|(s, e)| (e - s) as usize).sum();
        if assigned == rows.values.len() {
            // Every value belongs to a brief: count them all in one pass, then take the
            // deleted briefs' values back out (there are few).
            rows.values.iter().for_each(|&t| add(t, 1));
            for (ord, _) in self.live.iter().enumerate().filter(|(_, l)| !**l) {
                rows.of(ord).iter().for_each(|&t| add(t, -1));
            }
        } else {
            for (ord, _) in self.live.iter().enumerate().filter(|(_, l)| **l) {
                rows.of(ord).iter().for_each(|&t| add(t, 1));
            }
        }
        used
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn briefs_per_term_counts_live_briefs_only_on_both_paths() {
        let seg = SegmentRows {
            live: vec![true, false, true],
            ..SegmentRows::default()
        };
        // Every value assigned to a brief (the one-pass path).
        let all = Rows {
            bounds: vec![(0, 2), (2, 4), (4, 5)],
            values: vec![0, 1, 1, 2, 0],
        };
        assert_eq!(seg.briefs_per_term(&all, 3), vec![2, 1, 0]);
        // A value no brief owns (a document that is no head): brief by brief.
        let some = Rows {
            bounds: vec![(0, 2), (3, 5), (5, 6)],
            values: vec![0, 1, 2, 1, 2, 0],
        };
        assert_eq!(seg.briefs_per_term(&some, 3), vec![2, 1, 0]);
    }

    #[test]
    fn a_briefs_tally_row_holds_its_values_groups_and_first_year_once_each() {
        let rows = |bounds: Vec<(u32, u32)>, values: Vec<u32>| Rows { bounds, values };
        let mut seg = SegmentRows {
            heads: vec![0, 5, 9],
            live: vec![true; 3],
            // Topics (2 values), no region column, authors (3), kinds (1).
            values: vec![
                Some(rows(vec![(0, 2), (2, 2), (2, 3)], vec![0, 1, 1])),
                None,
                Some(rows(
                    vec![(0, 1), (1, 3), (3, 3)],
                    vec![2, super::super::names::NONE, 0],
                )),
                Some(rows(vec![(0, 1), (1, 1), (1, 2)], vec![0, 7])),
            ],
            // Two entity columns of 4 name groups.
            entities: vec![
                Some(rows(vec![(0, 1), (1, 1), (1, 2)], vec![3, 1])),
                Some(rows(vec![(0, 1), (1, 2), (2, 3)], vec![3, 0, 1])),
            ],
            years: rows(vec![(0, 1), (1, 1), (1, 3)], vec![2024, 1999, 2023]),
            ..SegmentRows::default()
        };
        let layout = SlotLayout::new(&[2, 0, 3, 1], 4, vec![2024, 1999, 2024]);
        assert_eq!(layout.starts, vec![0, 2, 2, 5, 6, 10, 12]);
        assert_eq!(layout.years, vec![1999, 2024]);
        assert_eq!(layout.len(), 12);
        seg.fill_tally(&layout);
        // Brief 0: topics 0 1, author 2, kind 0, group 3 (in two columns: once), year 2024.
        assert_eq!(seg.tally.of(0), &[0, 1, 4, 5, 9, 11]);
        // Brief 1: an unknown author id (left out), author 0, group 0, no year.
        assert_eq!(seg.tally.of(1), &[2, 6]);
        // Brief 2: topic 1 (brief 0's too), kind 7 (past the column: left out), group 1 (in
        // both entity columns: once), first year 1999.
        assert_eq!(seg.tally.of(2), &[1, 7, 10]);
        assert_eq!(seg.tally.of(3), &[] as &[u32]);
    }

    #[test]
    fn rows_follow_heads_and_skip_other_documents() {
        let mut rows = Rows {
            values: vec![7, 8, 9, 10],
            ..Rows::default()
        };
        // Documents 0, 3 and 5 have values; heads are 0, 2, 3 (2 has none, 5 is no head).
        let docs = vec![(0, (0, 2)), (3, (2, 3)), (5, (3, 4))].into_iter();
        rows.fill(&[0, 2, 3], docs);
        assert_eq!(rows.of(0), &[7, 8]);
        assert_eq!(rows.of(1), &[] as &[u32]);
        assert_eq!(rows.of(2), &[9]);
        assert_eq!(rows.of(3), &[] as &[u32]);
    }
}
