//! Step 5 of reading a text: aliases resolved over everything read together (one text, or a
//! whole brief), and candidates turned into [`Mention`]s.
//!
//! An acronym defined in parentheses ("Islamic State's Khorasan Province (ISKP)") becomes an
//! alias of its long form, and a surname or trailing part of a full name ("Qomi", "Kazemi
//! Qomi") maps to the nearest full name. A lone capitalised word that resolves to nothing and
//! has no cue around it is dropped. A generic body ("Ministry of Defense") takes its
//! possessor's name ("Taliban Ministry of Defense").

use std::collections::HashMap;

use rustc_hash::FxHashMap;

use super::classify::{Cand, Evidence};
use super::doc::Doc;
use super::Mention;
use crate::model::EntityKind;

impl Doc<'_> {
    /// Marks acronym definitions ("Long Name (ACR)") and possessors ("Taliban's Ministry").
    pub(super) fn link_acronyms_and_possessors(&self, base: usize, out: &mut [Cand]) {
        for c in base..out.len() {
            if c == base {
                continue;
            }
            if out[c - 1].text != out[c].text {
                continue;
            }
            let between = self.text.get(out[c - 1].end..out[c].start).unwrap_or("");
            // Possessor: "X's Y" with only "'s " between.
            let between_trim = between.trim_start_matches(['\'', '\u{2019}']);
            let between_trim = between_trim.strip_prefix('s').unwrap_or(between_trim);
            if out[c - 1].poss && between_trim.trim().is_empty() {
                out[c].possessor = Some(c - 1);
            }
            // Acronym: "Long Name (ACR)".
            let cur = &out[c];
            let word = self.text.get(cur.start..cur.end).unwrap_or("");
            // Short name: "Uber Technologies, Inc. (Uber)", "Department of Commerce
            // (Commerce)": one or two words of the organisation's own name.
            if between.trim() == "("
                && !is_acronym(word)
                && self.text[cur.end..].starts_with(')')
                && out[c - 1].kind == EntityKind::Organization
                && short_name_of(word, &self.text[out[c - 1].start..out[c - 1].end])
            {
                out[c].acronym_of = Some(c - 1);
                continue;
            }
            // "New York Power Authority's (NYPA's)": a possessive on both sides.
            let opens = between.trim() == "(" || between_trim.trim() == "(";
            let after = &self.text[cur.end..];
            let closes = after.starts_with(')')
                || after.starts_with("'s)")
                || after.starts_with("\u{2019}s)");
            if opens && is_acronym(word) && closes {
                let mut long = c - 1;
                // Extend back over possessive runs while the initials still fit:
                // "Islamic State's Khorasan Province (ISKP)".
                let caps = word.chars().filter(|ch| ch.is_uppercase()).count();
                let mut initials = initials(&self.text[out[long].start..out[long].end]);
                while initials < caps && long > base {
                    let p = &out[long - 1];
                    let raw = self.text.get(p.end..out[long].start).unwrap_or("");
                    let gap = raw.trim_start_matches(['\'', '\u{2019}']);
                    let gap = gap.strip_prefix('s').unwrap_or(gap);
                    // Joined by a possessive, or split from one run by a gazetteer name
                    // ("Sindh Qaumi Mahaz (SQM)").
                    let joined = (p.poss && gap.trim().is_empty()) || raw == " ";
                    if !joined || p.text != out[long].text {
                        break;
                    }
                    long -= 1;
                    initials = initials_of_span(self.text, out[long].start, out[c - 1].end);
                }
                if long < c - 1 {
                    let start = out[long].start;
                    let end = out[c - 1].end;
                    let last_words = out[c - 1].words;
                    let merged = Cand {
                        start,
                        end,
                        kind: EntityKind::Organization,
                        evidence: Evidence::Rule,
                        canonical: None,
                        words: last_words + 1,
                        possessor: None,
                        poss: false,
                        generic: false,
                        acronym_of: None,
                        dead: false,
                        built_canonical: None,
                        text: out[c - 1].text,
                    };
                    for dead in &mut out[long..c] {
                        dead.dead = true;
                    }
                    out[c - 1] = merged;
                }
                if first_letters_fit(word, &self.text[out[c - 1].start..out[c - 1].end]) {
                    out[c].acronym_of = Some(c - 1);
                }
            }
        }
    }
}

/// Whether `short` is one or two words, each of them a word of `long` (ignoring case), and
/// `long` has more words than `short`.
fn short_name_of(short: &str, long: &str) -> bool {
    let short_words: Vec<&str> = short.split_whitespace().collect();
    let long_words: Vec<&str> = long
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .collect();
    (1..=2).contains(&short_words.len())
        && long_words.len() > short_words.len()
        && short_words
            .iter()
            .all(|s| long_words.iter().any(|l| l.eq_ignore_ascii_case(s)))
}

/// Two to ten letters, opening with a capital, more than half of them capitals ("ISKP",
/// "MoFA").
fn is_acronym(w: &str) -> bool {
    let letters = w.chars().filter(|c| c.is_alphabetic()).count();
    (2..=10).contains(&letters)
        && w.chars().next().is_some_and(char::is_uppercase)
        && w.chars().filter(|c| c.is_uppercase()).count() * 2 > letters
}

/// Capital initials of a name, counting hyphenated parts ("Tehrik-e-Taliban Pakistan" = 3).
fn initials(s: &str) -> usize {
    s.split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .count()
}

/// [`initials`] of the text between two byte offsets.
fn initials_of_span(text: &str, start: usize, end: usize) -> usize {
    text.get(start..end).map_or(0, initials)
}

/// Whether an acronym plausibly abbreviates a long form: same first letter, and its capitals
/// appear in order among the long form's letters. A leading "U.S." may be left out of the
/// acronym ("U.S. Forest Service (FS)").
fn first_letters_fit(acr: &str, long: &str) -> bool {
    letters_fit(acr, long)
        || long
            .strip_prefix("U.S. ")
            .is_some_and(|rest| letters_fit(acr, rest))
}

fn letters_fit(acr: &str, long: &str) -> bool {
    let caps: Vec<char> = acr.chars().filter(|c| c.is_uppercase()).collect();
    let Some(&first) = caps.first() else {
        return false;
    };
    let Some(long_first) = long.chars().find(|c| c.is_alphabetic()) else {
        return false;
    };
    if long_first.to_uppercase().next() != Some(first) {
        return false;
    }
    let mut it = long.chars().flat_map(char::to_uppercase);
    caps.iter().all(|c| it.any(|l| l == *c))
}

/// Resolves aliases across all candidates and turns them into mentions per text. A full
/// name that opens with one of `opening_particles` ("al-Zawahiri") also resolves its bare
/// surname ("Zawahiri").
pub(super) fn resolve(
    texts: &[&str],
    mut cands: Vec<Cand>,
    opening_particles: &[&str],
) -> Vec<Vec<Mention>> {
    let surface = |c: &Cand| -> &str { texts[c.text].get(c.start..c.end).unwrap_or("") };

    // Acronym definitions: the acronym takes its long form's kind and name.
    let mut canon_long: Vec<(usize, String)> = Vec::new();
    let mut acronyms: HashMap<String, (EntityKind, String)> = HashMap::new();
    for i in 0..cands.len() {
        if let Some(long) = cands[i].acronym_of {
            let l = &cands[long];
            // A name that defines an acronym is a body, unless the gazetteer says otherwise.
            let kind = if l.kind == EntityKind::Person && l.evidence < Evidence::Strong {
                EntityKind::Organization
            } else {
                l.kind
            };
            // An acronym the gazetteer knows names its gazetteer entity, whatever the long
            // form's spelling ("Islamic State's Khorasan Province (ISKP)").
            let known = cands[i]
                .canonical
                .filter(|_| cands[i].kind == l.kind || l.evidence < Evidence::Strong);
            let canonical = known
                .or(l.canonical)
                .map(str::to_string)
                .unwrap_or_else(|| normalize(surface(l)));
            if known.is_some() {
                canon_long.push((long, canonical.clone()));
            }
            acronyms
                .entry(surface(&cands[i]).to_string())
                .or_insert((kind, canonical));
            if l.kind == EntityKind::Person && l.evidence < Evidence::Strong {
                cands[long].kind = EntityKind::Organization;
                cands[long].evidence = Evidence::Rule;
            }
        }
    }

    // Trailing words of full person names (two or more name words) -> the names' candidate
    // indices, in reading order: "Qomi" and "Kazemi Qomi" both lead to "Hassan Kazemi Qomi".
    let mut tails: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, c) in cands.iter().enumerate() {
        if !c.dead && c.kind == EntityKind::Person && c.words >= 2 && c.evidence >= Evidence::Weak {
            for tail in name_tails(surface(c), opening_particles) {
                tails.entry(tail).or_default().push(i);
            }
        }
    }

    let mut canon: Vec<Option<String>> = vec![None; cands.len()];
    let mut keep: Vec<bool> = cands.iter().map(|c| !c.dead).collect();
    // Short forms point at the full name they resolve to; read at the end, so that a chain
    // ("Qomi" -> "Kazemi Qomi" -> "Hassan Kazemi Qomi") ends at the longest name.
    let mut link: Vec<Option<usize>> = vec![None; cands.len()];
    for (long, name) in canon_long {
        canon[long] = Some(name);
    }
    for i in 0..cands.len() {
        if cands[i].dead {
            continue;
        }
        let s = surface(&cands[i]);
        if let Some((kind, name)) = acronyms.get(s) {
            if cands[i].evidence < Evidence::Strong || cands[i].acronym_of.is_some() {
                cands[i].kind = *kind;
                cands[i].evidence = Evidence::Strong;
                canon[i] = Some(name.clone());
                continue;
            }
        }
        if cands[i].evidence < Evidence::Strong {
            if let Some(full) = tails.get(s).and_then(|v| nearest(v, i)) {
                if full != i {
                    cands[i].kind = EntityKind::Person;
                    cands[i].evidence = Evidence::Rule;
                    link[i] = Some(full);
                    continue;
                }
            }
        }
        if cands[i].evidence == Evidence::Unsupported {
            keep[i] = false;
        }
    }

    for i in 0..cands.len() {
        let mut target = i;
        while let Some(next) = link[target] {
            target = next;
        }
        if target != i {
            canon[i] = Some(
                canon[target]
                    .clone()
                    .unwrap_or_else(|| normalize(surface(&cands[target]))),
            );
        }
    }

    // Canonical names; generic bodies take their possessor's name.
    let mut out: Vec<Vec<Mention>> = vec![Vec::new(); texts.len()];
    for i in 0..cands.len() {
        if !keep[i] {
            continue;
        }
        let c = &cands[i];
        let text = surface(c).to_string();
        if text.is_empty() {
            continue;
        }
        let mut canonical = canon[i]
            .take()
            .or_else(|| c.built_canonical.clone())
            .or_else(|| c.canonical.map(str::to_string))
            .unwrap_or_else(|| normalize(&text));
        if c.generic {
            if let Some(p) = c.possessor {
                if keep[p] && matches!(cands[p].kind, EntityKind::Organization | EntityKind::Place)
                {
                    let owner = cands[p]
                        .canonical
                        .map(str::to_string)
                        .unwrap_or_else(|| normalize(surface(&cands[p])));
                    canonical = format!("{owner} {canonical}");
                }
            }
        }
        out[c.text].push(Mention {
            text,
            kind: c.kind,
            canonical,
            start: c.start,
            end: c.end,
        });
    }
    for v in &mut out {
        v.sort_by_key(|m| (m.start, m.end));
        v.dedup_by(|b, a| b.start < a.end);
    }
    out
}

/// The trailing parts of a full name that can stand for it: every suffix that starts at a
/// word ("Kazemi Qomi", "Qomi"), and the same without an opening particle ("Zawahiri" for
/// "al-Zawahiri").
fn name_tails<'a>(name: &'a str, opening_particles: &[&str]) -> Vec<&'a str> {
    let mut out = Vec::new();
    let starts = name
        .char_indices()
        .filter(|&(i, c)| i > 0 && !c.is_whitespace() && name[..i].ends_with(char::is_whitespace))
        .map(|(i, _)| i);
    for i in starts {
        let tail = &name[i..];
        out.push(tail);
        let bare = opening_particles.iter().find_map(|p| {
            tail.strip_prefix(p)
                .and_then(|r| r.strip_prefix('-'))
                .filter(|r| !r.is_empty())
        });
        out.extend(bare);
    }
    out
}

/// The index in `sorted` nearest before `i`, else the first after it.
fn nearest(sorted: &[usize], i: usize) -> Option<usize> {
    let pos = sorted.partition_point(|&k| k < i);
    if pos > 0 {
        Some(sorted[pos - 1])
    } else {
        sorted.iter().copied().find(|&k| k != i)
    }
}

/// Collapses whitespace (a name broken over a line reads as one).
fn normalize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for w in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(w);
    }
    out
}
