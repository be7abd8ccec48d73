//! Step 2 of reading a text: the gazetteers, lists of names written for this domain
//! (`src/extract/gazetteer/*.txt`: countries, cities, provinces, regions, well-known
//! organisations and United States government bodies), compiled into one Aho-Corasick automaton whose matches are kept only where
//! they sit on token boundaries.
//!
//! Each line of a gazetteer is a canonical name followed by its aliases, separated by `|`
//! ("United States|U.S.|US"); a name with a straight apostrophe also matches the curly one.

use std::collections::HashSet;

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};

use super::lexicon::data_lines;
use super::tokenize::{is_apostrophe, is_word_char, Tok};
use crate::model::EntityKind;

const COUNTRIES: &str = include_str!("../gazetteer/countries.txt");
const CITIES: &str = include_str!("../gazetteer/cities.txt");
const PROVINCES: &str = include_str!("../gazetteer/provinces.txt");
const REGIONS: &str = include_str!("../gazetteer/regions.txt");
const ORGANIZATIONS: &str = include_str!("../gazetteer/organizations.txt");
const US_GOVERNMENT: &str = include_str!("../gazetteer/us_government.txt");

/// A gazetteer entry: what a surface form names.
#[derive(Debug, Clone)]
pub(super) struct GazEntry {
    pub(super) kind: EntityKind,
    pub(super) canonical: &'static str,
}

/// A gazetteer match aligned to tokens.
#[derive(Debug, Clone, Copy)]
pub(super) struct Hit {
    /// Index of the first token of the match.
    pub(super) first: usize,
    /// Index of the last token of the match.
    pub(super) last: usize,
    /// Byte offset of the match's first byte.
    pub(super) start: usize,
    /// Byte offset one past the match's last token.
    pub(super) end: usize,
    /// Index of the entry in [`Gazetteer::entries`].
    pub(super) entry: usize,
}

/// The compiled gazetteers: one automaton over every name and alias, and for each of its
/// patterns the entry it names.
pub(super) struct Gazetteer {
    automaton: AhoCorasick,
    /// Indexed by the automaton's pattern id.
    pub(super) entries: Vec<GazEntry>,
}

impl Gazetteer {
    /// Compiles the gazetteers shipped in `src/extract/gazetteer/`. The first spelling of a
    /// surface form wins, so a name listed twice keeps its first entry.
    pub(super) fn new() -> Self {
        let mut patterns: Vec<String> = Vec::new();
        let mut entries: Vec<GazEntry> = Vec::new();
        let mut seen: HashSet<String> = HashSet::new();
        let sources = [
            (ORGANIZATIONS, EntityKind::Organization),
            (US_GOVERNMENT, EntityKind::Organization),
            (COUNTRIES, EntityKind::Place),
            (PROVINCES, EntityKind::Place),
            (REGIONS, EntityKind::Place),
            (CITIES, EntityKind::Place),
        ];
        for (src, kind) in sources {
            for line in data_lines(src) {
                let mut names = line.split('|').map(str::trim).filter(|n| !n.is_empty());
                let Some(canonical) = names.clone().next() else {
                    continue;
                };
                for name in names.by_ref() {
                    let mut forms = vec![name.to_string()];
                    if name.contains('\'') {
                        forms.push(name.replace('\'', "\u{2019}"));
                    }
                    for form in forms {
                        if seen.insert(form.clone()) {
                            patterns.push(form);
                            entries.push(GazEntry { kind, canonical });
                        }
                    }
                }
            }
        }
        let automaton = AhoCorasickBuilder::new()
            .match_kind(MatchKind::Standard)
            .build(&patterns)
            .expect("gazetteer automaton builds from the shipped lists");
        Gazetteer { automaton, entries }
    }

    /// Gazetteer matches aligned to token boundaries, longest first at each start, no overlaps.
    pub(super) fn hits(&self, text: &str, toks: &[Tok]) -> Vec<Option<Hit>> {
        let mut at: Vec<Option<Hit>> = vec![None; toks.len()];
        if toks.is_empty() {
            return at;
        }
        // Candidate matches by start byte; keep the longest valid one per start.
        let mut found: Vec<(usize, usize, usize)> = Vec::new();
        for m in self.automaton.find_overlapping_iter(text) {
            let (s, e) = (m.start(), m.end());
            let before_ok = text[..s]
                .chars()
                .next_back()
                .is_none_or(|c| !is_word_char(c));
            let after_ok = text[e..].chars().next().is_none_or(|c| !is_word_char(c));
            if before_ok && after_ok {
                found.push((s, e, m.pattern().as_usize()));
            }
        }
        if found.is_empty() {
            return at;
        }
        // Longest match first at each start.
        found.sort_unstable_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        found.dedup_by_key(|m| m.0);
        let mut next_found = 0;
        let mut i = 0;
        while i < toks.len() {
            while next_found < found.len() && found[next_found].0 < toks[i].start {
                next_found += 1;
            }
            let Some(&(_, e, pat)) = found.get(next_found).filter(|m| m.0 == toks[i].start) else {
                i += 1;
                continue;
            };
            let mut j = i;
            while j + 1 < toks.len() && toks[j + 1].start < e {
                j += 1;
            }
            let aligned = toks[j].end <= e
                && text
                    .get(toks[j].end..e)
                    .is_some_and(|t| t.chars().all(|c| is_apostrophe(c) || c == '.'));
            if aligned {
                at[i] = Some(Hit {
                    first: i,
                    last: j,
                    start: toks[i].start,
                    end: toks[j].end,
                    entry: pat,
                });
                i = j + 1;
            } else {
                i += 1;
            }
        }
        at
    }
}
