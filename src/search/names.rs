//! Entity names across the archive, and the one rule that says which name a name stands for.
//!
//! Every brief's head document carries its entities' canonical names (the `person`,
//! `organization` and `place` columns) and their mention counts (`entity_count`). [`Names`]
//! reads them once per searcher generation and groups them:
//!
//! - names that fold to the same key (case and accents) are one name, shown in the spelling
//!   most briefs use, with the kind most briefs give it (so a name sits in one facet group);
//! - a short person name ("Muttaqi", "Khan Muttaqi") joins the full person name it ends with
//!   ("Amir Khan Muttaqi") when the archive knows exactly one longest such name; an ambiguous
//!   short form ("Jaff" with "Karwan Jaff" and "Darya Jaff") stays a name of its own. Only
//!   people merge: "Sudan" is not "South Sudan", nor "Mexico" "New Mexico".
//!
//! The entity facets, the `--entity` filter, the entities view and the timeline all read
//! names through [`Names`], so a facet value and the filter on it select the same briefs.
//! Authors are read too, for the same reason: `--author "Aaron Zelin"` selects that author
//! and not "Aaron Y. Zelin", while `--author zelin` selects both.

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, OnceLock};

use tantivy::columnar::StrColumn;
use tantivy::{DocId, Searcher, SegmentReader};

use super::collect::for_each_term;
use super::highlight::tokens;
use super::ordinals::segment_heads;
use super::rows::{SegmentRows, SlotLayout};
use crate::index::schema;
use crate::model::EntityKind;

/// The head-document columns holding canonical names, one per kind.
pub(super) const KIND_COLUMNS: [(EntityKind, &str); 3] = [
    (EntityKind::Person, "person"),
    (EntityKind::Organization, "organization"),
    (EntityKind::Place, "place"),
];

/// The head-document columns of the other facets (topic, region, author, kind), whose values
/// [`Names`] folds the way their filters do.
pub(super) const VALUE_COLUMNS: [&str; 4] = ["topic", "region", "author_facet", "kind_facet"];

/// One facet column's values, folded as its filter folds them (case and accents): spellings
/// of one value are one value, shown in the spelling most briefs use.
#[derive(Debug, Default)]
pub(super) struct Values {
    /// Display name per value.
    pub(super) names: Vec<String>,
    /// Folded name → value.
    keys: HashMap<String, u32>,
}

impl Values {
    /// Reads column `i` of [`VALUE_COLUMNS`] over the live briefs of `rows` (per segment), and
    /// turns that column's rows from term ordinals into value ids.
    fn read(
        searcher: &Searcher,
        i: usize,
        rows: &mut [SegmentRows],
        analyzer: &mut tantivy::tokenizer::TextAnalyzer,
    ) -> tantivy::Result<Values> {
        let column = VALUE_COLUMNS[i];
        let mut out = Values::default();
        let mut spellings: Vec<HashMap<String, u64>> = Vec::new();
        for (si, reader) in searcher.segment_readers().iter().enumerate() {
            let Some(col) = reader.fast_fields().str(column)? else {
                continue;
            };
            let used = match rows
                .get(si)
                .and_then(|r| r.values[i].as_ref().map(|v| (r, v)))
            {
                Some((seg, v)) => seg.briefs_per_term(v, col.num_terms()),
                None => vec![0; col.num_terms()],
            };
            let hits: Vec<(u64, (u64, u32))> = used
                .iter()
                .enumerate()
                .filter(|(_, n)| **n > 0)
                .map(|(o, n)| (o as u64, (o as u64, *n)))
                .collect();
            let mut map = vec![NONE; used.len()];
            for_each_term(&col, &hits, |term, (ord, n)| {
                let key = schema::key_with(analyzer, &term);
                if key.is_empty() {
                    return;
                }
                let next = out.keys.len() as u32;
                let id = *out.keys.entry(key).or_insert(next);
                if id == next {
                    spellings.push(HashMap::new());
                }
                *spellings[id as usize].entry(term).or_default() += u64::from(n);
                map[ord as usize] = id;
            });
            if let Some(r) = rows.get_mut(si).and_then(|r| r.values[i].as_mut()) {
                r.map_values(&map);
            }
        }
        out.names = spellings
            .into_iter()
            .map(|m| {
                m.into_iter()
                    .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.0.cmp(&a.0)))
                    .map(|(s, _)| s)
                    .unwrap_or_default()
            })
            .collect();
        Ok(out)
    }
}

/// No group: a term of a deleted brief, or an unreadable value.
pub(super) const NONE: u32 = u32::MAX;

/// One entity as the archive knows it: every spelling and short form that stands for it.
#[derive(Debug)]
pub(super) struct NameGroup {
    /// The spelling most briefs use.
    pub(super) name: String,
    /// The kind most briefs give it.
    pub(super) kind: EntityKind,
    /// Folded keys of every canonical name that resolves here (the `entity_key` terms).
    pub(super) keys: Vec<String>,
}

/// Per segment of the generation: the mention counts of its briefs' names, by group.
#[derive(Debug, Default)]
pub(super) struct SegmentNames {
    /// `entity_count` ordinal → (group, mentions).
    pub(super) counts: Vec<(u32, u64)>,
}

/// The archive's entity names at one searcher generation.
#[derive(Debug)]
pub(super) struct Names {
    /// The searcher generation read.
    pub(super) generation: u64,
    /// Every group.
    pub(super) groups: Vec<NameGroup>,
    /// Folded canonical name → group.
    by_key: HashMap<String, u32>,
    /// Proper word-suffix of a folded name ("qomi", "kazemi qomi") → groups of the names
    /// ending with it: what a typed surname the archive does not know as a name finds.
    tails: HashMap<String, Vec<u32>>,
    /// Per segment ordinal of the generation.
    pub(super) segments: Vec<SegmentNames>,
    /// The values of [`VALUE_COLUMNS`], in that order.
    pub(super) values: Vec<Values>,
    /// The folded words of each author (a value of `values[2]`).
    author_words: Vec<Vec<String>>,
    /// Per segment of the generation, its briefs' facet values by brief ordinal: value ids of
    /// [`Self::values`] and name-group ids of [`Self::groups`] ([`NONE`] for none).
    pub(super) rows: Vec<SegmentRows>,
    /// Where facets count each value, name group and year ([`SegmentRows::tally`]).
    pub(super) slots: SlotLayout,
    /// Per group, the briefs (their `brief_key`) that name it, ascending: read on the first
    /// `--entity` filter of the generation, as facets and the entities view never need them.
    briefs: OnceLock<Vec<Vec<u64>>>,
    /// How many briefs of the generation are live.
    pub(super) live_briefs: u64,
    /// The facet counts of every live brief, counted the first time a search matches more
    /// than half of them (`search::facets`).
    pub(super) all_counts: OnceLock<super::facets::TallyCounts>,
}

/// The live head documents of a segment, ascending: one per brief.
pub(super) fn live_heads(reader: &SegmentReader) -> tantivy::Result<Vec<DocId>> {
    let mut heads = segment_heads(reader)?;
    heads.retain(|&doc| !reader.is_deleted(doc));
    Ok(heads)
}

/// The proper suffixes of a folded name that start at a word: "a b c" → "b c", "c".
fn word_tails(key: &str) -> impl Iterator<Item = &str> {
    key.char_indices()
        .filter(|&(_, c)| c == ' ')
        .map(move |(i, _)| &key[i + 1..])
        .filter(|t| !t.is_empty())
}

/// Index of the largest count; the earlier entry wins a tie (person, organization, place).
fn argmax(v: &[u64; 3]) -> usize {
    let mut best = 0;
    for i in 1..3 {
        if v[i] > v[best] {
            best = i;
        }
    }
    best
}

/// For each folded key, the key it stands for: itself, or the one longest person name it is
/// the last words of. `kind_of[i]` is key `i`'s kind; `tails` maps a suffix to the keys
/// ending with it.
fn merge_targets(
    keys: &[String],
    kind_of: &[EntityKind],
    tails: &HashMap<&str, Vec<u32>>,
) -> Vec<u32> {
    let person = |i: u32| kind_of[i as usize] == EntityKind::Person;
    let longer_people = |key: &str| -> Vec<u32> {
        tails
            .get(key)
            .map(|v| v.iter().copied().filter(|&i| person(i)).collect())
            .unwrap_or_default()
    };
    let index: HashMap<&str, u32> = keys
        .iter()
        .enumerate()
        .map(|(i, k)| (k.as_str(), i as u32))
        .collect();
    let titled = |i: u32| without_title(&keys[i as usize]).len() < keys[i as usize].len();
    let target = |i: u32| -> u32 {
        if !person(i) {
            return i;
        }
        // A titled variant is not a fuller name: "Rep. Kevin McCarthy" ends with "Kevin
        // McCarthy" but names no one else, so it never absorbs the bare name.
        let longest: Vec<u32> = longer_people(&keys[i as usize])
            .into_iter()
            .filter(|&c| !titled(c))
            .filter(|&c| longer_people(&keys[c as usize]).into_iter().all(titled))
            .collect();
        match longest.as_slice() {
            [one] => *one,
            _ => i,
        }
    };
    (0..keys.len() as u32)
        .map(|i| {
            // A titled variant stands for its bare name when the archive knows that name.
            match index.get(without_title(&keys[i as usize])) {
                Some(&bare) if titled(i) && person(i) && person(bare) => target(bare),
                _ => target(i),
            }
        })
        .collect()
}

/// A folded person name without its leading abbreviated titles ("rep. kevin mccarthy" →
/// "kevin mccarthy"): words of two to four letters ending with a dot (Rep., Sen., Gov., Dr.,
/// Capt.); a one-letter initial ("j. smith") is part of the name.
fn without_title(key: &str) -> &str {
    let mut rest = key;
    while let Some((word, tail)) = rest.split_once(' ') {
        let letters = word.strip_suffix('.').unwrap_or("");
        if (2..=4).contains(&letters.len()) && letters.chars().all(char::is_alphabetic) {
            rest = tail;
        } else {
            break;
        }
    }
    rest
}

impl Names {
    /// Reads every live head document's entity names from `searcher`.
    pub(super) fn build(searcher: &Searcher) -> tantivy::Result<Names> {
        // Pass 1: briefs per (segment, column, ordinal) over live head documents.
        struct Seg {
            cols: Vec<Option<StrColumn>>,
            counts: Vec<Vec<u32>>,
        }
        let mut segs: Vec<Seg> = Vec::new();
        let mut rows: Vec<SegmentRows> = searcher
            .segment_readers()
            .iter()
            .map(SegmentRows::read)
            .collect::<tantivy::Result<_>>()?;
        for (si, reader) in searcher.segment_readers().iter().enumerate() {
            let ff = reader.fast_fields();
            let mut cols = Vec::new();
            for (_, name) in KIND_COLUMNS {
                cols.push(ff.str(name)?);
            }
            let counts: Vec<Vec<u32>> = cols
                .iter()
                .zip(&rows[si].entities)
                .map(|(c, r)| match (c, r) {
                    (Some(c), Some(r)) => rows[si].briefs_per_term(r, c.num_terms()),
                    (Some(c), None) => vec![0; c.num_terms()],
                    _ => Vec::new(),
                })
                .collect();
            segs.push(Seg { cols, counts });
        }

        // Folded keys, their spellings and their briefs per kind.
        let mut analyzer = schema::key_analyzer();
        let mut keys: Vec<String> = Vec::new();
        let mut key_id: HashMap<String, u32> = HashMap::new();
        let mut per_kind: Vec<[u64; 3]> = Vec::new();
        let mut spellings: Vec<HashMap<String, u64>> = Vec::new();
        // (segment, column, ordinal) → key, for the second pass.
        let mut ord_key: Vec<Vec<Vec<u32>>> = Vec::new();
        for s in &segs {
            let mut per_col = Vec::new();
            for (c, col) in s.cols.iter().enumerate() {
                let mut map = vec![NONE; s.counts[c].len()];
                if let Some(col) = col {
                    let hits: Vec<(u64, (u64, u32))> = s.counts[c]
                        .iter()
                        .enumerate()
                        .filter(|(_, n)| **n > 0)
                        .map(|(o, n)| (o as u64, (o as u64, *n)))
                        .collect();
                    for_each_term(col, &hits, |term, (ord, n)| {
                        let key = schema::key_with(&mut analyzer, &term);
                        if key.is_empty() {
                            return;
                        }
                        let id = *key_id.entry(key.clone()).or_insert_with(|| {
                            keys.push(key);
                            per_kind.push([0; 3]);
                            spellings.push(HashMap::new());
                            (keys.len() - 1) as u32
                        });
                        per_kind[id as usize][c] += u64::from(n);
                        *spellings[id as usize].entry(term).or_default() += u64::from(n);
                        map[ord as usize] = id;
                    });
                }
                per_col.push(map);
            }
            ord_key.push(per_col);
        }

        // Kinds, then short person names merged into the one longest name they end with.
        let kind_of: Vec<EntityKind> = per_kind.iter().map(|v| KIND_COLUMNS[argmax(v)].0).collect();
        let mut key_tails: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            for t in word_tails(k) {
                key_tails.entry(t).or_default().push(i as u32);
            }
        }
        let target = merge_targets(&keys, &kind_of, &key_tails);

        // Groups: one per key that stands for itself.
        let mut group_of_key = vec![NONE; keys.len()];
        let mut groups: Vec<NameGroup> = Vec::new();
        for i in 0..keys.len() {
            if target[i] as usize == i {
                let name = spellings[i]
                    .iter()
                    .max_by(|a, b| a.1.cmp(b.1).then_with(|| b.0.cmp(a.0)))
                    .map(|(s, _)| s.clone())
                    .unwrap_or_else(|| keys[i].clone());
                group_of_key[i] = groups.len() as u32;
                groups.push(NameGroup {
                    name,
                    kind: kind_of[i],
                    keys: Vec::new(),
                });
            }
        }
        for i in 0..keys.len() {
            let g = group_of_key[target[i] as usize];
            group_of_key[i] = g;
            groups[g as usize].keys.push(keys[i].clone());
        }
        let by_key: HashMap<String, u32> = keys
            .iter()
            .enumerate()
            .map(|(i, k)| (k.clone(), group_of_key[i]))
            .collect();
        let mut tails: HashMap<String, Vec<u32>> = HashMap::new();
        for (t, ids) in key_tails {
            let mut gs: Vec<u32> = ids.iter().map(|&i| group_of_key[i as usize]).collect();
            gs.sort_unstable();
            gs.dedup();
            tails.insert(t.to_string(), gs);
        }

        // Pass 2: ordinals to groups. From here on the rows hold what facets count: value and
        // name-group ids, not term ordinals (one lookup less per value of every matched brief).
        let mut segments = Vec::new();
        for (si, reader) in searcher.segment_readers().iter().enumerate() {
            let ff = reader.fast_fields();
            for (c, col) in rows[si].entities.iter_mut().enumerate() {
                if let (Some(col), Some(ords)) = (col, ord_key[si].get(c)) {
                    let groups: Vec<u32> = ords
                        .iter()
                        .map(|&k| group_of_key.get(k as usize).copied().unwrap_or(NONE))
                        .collect();
                    col.map_values(&groups);
                }
            }
            let mut counts = Vec::new();
            if let Some(col) = ff.str("entity_count")? {
                let all: Vec<(u64, u64)> = (0..col.num_terms() as u64).map(|o| (o, o)).collect();
                counts = vec![(NONE, 0); all.len()];
                // Terms are sorted, so one name's terms (one per mention count) come together.
                let mut last: (String, u32) = (String::new(), NONE);
                for_each_term(&col, &all, |term, ord| {
                    // `kind<TAB>name<TAB>mentions`.
                    let Some((head, n)) = term.rsplit_once('\t') else {
                        return;
                    };
                    let Some((_, name)) = head.split_once('\t') else {
                        return;
                    };
                    if last.0 != name {
                        let g = by_key
                            .get(&schema::key_with(&mut analyzer, name))
                            .copied()
                            .unwrap_or(NONE);
                        last = (name.to_string(), g);
                    }
                    counts[ord as usize] = (last.1, n.parse().unwrap_or(0));
                });
            }
            segments.push(SegmentNames { counts });
        }
        let values: Vec<Values> = (0..VALUE_COLUMNS.len())
            .map(|i| Values::read(searcher, i, &mut rows, &mut analyzer))
            .collect::<tantivy::Result<_>>()?;
        let slots = SlotLayout::new(
            &values.iter().map(|v| v.names.len()).collect::<Vec<_>>(),
            groups.len(),
            rows.iter()
                .flat_map(|r| (0..r.heads.len()).filter_map(|o| r.years.of(o).first().copied()))
                .collect(),
        );
        for r in &mut rows {
            r.fill_tally(&slots);
        }
        let mut words = schema::fold_analyzer();
        let author_words = values[2]
            .names
            .iter()
            .map(|n| tokens(&mut words, n))
            .collect();
        Ok(Names {
            generation: searcher.generation().generation_id(),
            groups,
            by_key,
            tails,
            segments,
            values,
            author_words,
            live_briefs: rows
                .iter()
                .map(|r| r.live.iter().filter(|&&l| l).count() as u64)
                .sum(),
            rows,
            slots,
            briefs: OnceLock::new(),
            all_counts: OnceLock::new(),
        })
    }

    /// The briefs (their `brief_key`) that name any of `groups`, as one set. `searcher` must
    /// be the one these names were read from.
    pub(super) fn briefs_of(
        &self,
        searcher: &Searcher,
        groups: &[u32],
    ) -> tantivy::Result<HashSet<u64>> {
        if self.briefs.get().is_none() {
            let read = self.read_briefs(searcher)?;
            let _ = self.briefs.set(read);
        }
        let all = self.briefs.get().map(Vec::as_slice).unwrap_or_default();
        Ok(groups
            .iter()
            .filter_map(|&g| all.get(g as usize))
            .flat_map(|b| b.iter().copied())
            .collect())
    }

    /// Every group's briefs: each live brief's names mapped to their groups.
    fn read_briefs(&self, searcher: &Searcher) -> tantivy::Result<Vec<Vec<u64>>> {
        let mut out: Vec<Vec<u64>> = vec![Vec::new(); self.groups.len()];
        for (si, reader) in searcher.segment_readers().iter().enumerate() {
            let Some(rows) = self.rows.get(si) else {
                continue;
            };
            let brief_key = reader.fast_fields().u64("brief_key")?;
            let mut seen: Vec<u32> = Vec::new();
            for (ord, &head) in rows.heads.iter().enumerate() {
                if !rows.live.get(ord).copied().unwrap_or(false) {
                    continue;
                }
                let Some(key) = brief_key.first(head) else {
                    continue;
                };
                seen.clear();
                for col in rows.entities.iter().flatten() {
                    seen.extend(col.of(ord).iter().filter(|&&g| g != NONE));
                }
                seen.sort_unstable();
                seen.dedup();
                for &g in &seen {
                    out[g as usize].push(key);
                }
            }
        }
        for b in &mut out {
            b.sort_unstable();
            b.dedup();
        }
        Ok(out)
    }

    /// The groups a typed name selects: the group of the name it folds to when the archive
    /// knows that name (a facet value selects exactly its own group); otherwise every group
    /// with a name ending with it, so a surname finds the full names ("Kazemi Qomi").
    pub(super) fn select(&self, typed: &str) -> Vec<u32> {
        let key = schema::key_of(typed);
        if key.is_empty() {
            return Vec::new();
        }
        match self.by_key.get(&key) {
            Some(&g) => vec![g],
            None => self.tails.get(&key).cloned().unwrap_or_default(),
        }
    }

    /// The authors (folded names) a typed author name selects: the author it folds to when
    /// the archive knows one (an authors facet value selects exactly its own briefs);
    /// otherwise every author whose name holds all its words, in any order ("zelin").
    pub(super) fn select_authors(&self, typed: &str) -> Vec<String> {
        let authors = &self.values[2];
        let key = schema::key_of(typed);
        if key.is_empty() || authors.keys.contains_key(&key) {
            return vec![key];
        }
        let want = tokens(&mut schema::fold_analyzer(), typed);
        if want.is_empty() {
            return Vec::new();
        }
        let mut out: Vec<String> = authors
            .keys
            .iter()
            .filter(|(_, &v)| {
                self.author_words
                    .get(v as usize)
                    .is_some_and(|words| want.iter().all(|w| words.contains(w)))
            })
            .map(|(k, _)| k.clone())
            .collect();
        out.sort();
        out
    }
}

/// A cache of the [`Names`] of the latest generation read.
#[derive(Default)]
pub(super) struct NamesCache(std::sync::Mutex<Option<Arc<Names>>>);

impl NamesCache {
    /// The names of `searcher`'s generation, read once per generation.
    pub(super) fn get(&self, searcher: &Searcher) -> tantivy::Result<Arc<Names>> {
        let generation = searcher.generation().generation_id();
        if let Ok(guard) = self.0.lock() {
            if let Some(n) = guard.as_ref().filter(|n| n.generation == generation) {
                return Ok(n.clone());
            }
        }
        let names = Arc::new(Names::build(searcher)?);
        if let Ok(mut guard) = self.0.lock() {
            *guard = Some(names.clone());
        }
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviated_titles_are_not_part_of_the_name() {
        assert_eq!(without_title("rep. kevin mccarthy"), "kevin mccarthy");
        assert_eq!(without_title("sen. dr. ann lee"), "ann lee");
        assert_eq!(without_title("j. smith"), "j. smith");
        assert_eq!(without_title("kevin mccarthy"), "kevin mccarthy");
        let keys: Vec<String> = ["kevin mccarthy", "rep. kevin mccarthy", "mccarthy"]
            .map(String::from)
            .to_vec();
        let kinds = vec![EntityKind::Person; 3];
        let mut tails: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            for t in word_tails(k) {
                tails.entry(t).or_default().push(i as u32);
            }
        }
        assert_eq!(merge_targets(&keys, &kinds, &tails), [0, 0, 0]);
    }

    fn targets(names: &[(&str, EntityKind)]) -> Vec<String> {
        let keys: Vec<String> = names.iter().map(|(n, _)| schema::key_of(n)).collect();
        let kinds: Vec<EntityKind> = names.iter().map(|(_, k)| *k).collect();
        let mut tails: HashMap<&str, Vec<u32>> = HashMap::new();
        for (i, k) in keys.iter().enumerate() {
            for t in word_tails(k) {
                tails.entry(t).or_default().push(i as u32);
            }
        }
        merge_targets(&keys, &kinds, &tails)
            .into_iter()
            .map(|t| keys[t as usize].clone())
            .collect()
    }

    #[test]
    fn short_person_names_join_the_one_full_name() {
        use EntityKind::*;
        let got = targets(&[
            ("Amir Khan Muttaqi", Person),
            ("Khan Muttaqi", Person),
            ("Muttaqi", Person),
            ("MUTTAQÍ", Person),
        ]);
        assert_eq!(got, ["amir khan muttaqi"; 4]);
    }

    #[test]
    fn ambiguous_short_forms_and_places_stay_apart() {
        use EntityKind::*;
        let got = targets(&[
            ("Karwan Jaff", Person),
            ("Darya Jaff", Person),
            ("Jaff", Person),
            ("South Sudan", Place),
            ("Sudan", Place),
            ("Trump", Person),
            ("Trump Administration", Organization),
        ]);
        assert_eq!(
            got,
            [
                "karwan jaff",
                "darya jaff",
                "jaff",
                "south sudan",
                "sudan",
                "trump",
                "trump administration"
            ]
        );
    }

    #[test]
    fn word_tails_start_at_words() {
        let t: Vec<&str> = word_tails("hassan kazemi qomi").collect();
        assert_eq!(t, ["kazemi qomi", "qomi"]);
        assert_eq!(word_tails("qomi").count(), 0);
    }
}
