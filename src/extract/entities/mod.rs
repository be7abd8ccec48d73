//! Named entities (people, organisations, places) read out of brief text by rules and
//! gazetteers, with no statistical model: nothing is downloaded at run time and the whole
//! extractor is a few automata and word lists compiled into the binary.
//!
//! # How a text is read
//! Each step lives in its own module; [`Extractor::mentions_many`] runs them in order.
//! 1. `tokenize`: the text is cut into word tokens with byte offsets. Hyphens join parts of
//!    one name ("al-Zawahiri", "Mazar-e Sharif"), a possessive `'s` is split off and
//!    remembered, and initialisms keep their dots ("U.S.").
//! 2. `gazetteer`: the gazetteers (`src/extract/gazetteer/*.txt`, written for this domain:
//!    countries, cities, provinces, regions and well-known organisations) are matched with
//!    one Aho-Corasick automaton; a match must sit on word boundaries.
//! 3. `runs`: capitalised tokens are grouped into runs. A run may carry name particles (al-,
//!    bin, ibn, -e-) and, after an organisation or place keyword, the connectors "of", "for",
//!    "the" and "and" ("Ministry of Mines and Petroleum", "Strait of Hormuz").
//! 4. `classify`: each run is classified. A leading title ("Foreign Minister", "Ambassador",
//!    "Gen.") is dropped and marks a person; a head word marks an organisation ("Bank",
//!    "Ministry", "Front", "Party", "Council", "Corps" ...) or a place ("Province", "River",
//!    "Airport" ...); a gazetteer match gives its kind; given names, particles and lowercase
//!    titles before the run ("foreign minister Amir Khan Muttaqi") mark people; a place
//!    preposition ("in", "near") marks a place. Remaining runs of two to five name-like words
//!    are people.
//! 5. `resolve`: aliases are resolved over everything read together (one text, or a whole
//!    brief): an acronym defined in parentheses ("Islamic State's Khorasan Province (ISKP)")
//!    becomes an alias of its long form, and a surname or trailing part of a full name
//!    ("Qomi", "Kazemi Qomi") maps to the nearest full name. A lone capitalised word that
//!    resolves to nothing and has no cue around it is dropped.
//!
//! The word lists the rules read (titles, head words, particles, demonyms ...) are loaded by
//! `lexicon`; `doc` holds one text as the steps share it.
//!
//! # Decisions
//! - Titles are never part of a person's name: "Ambassador Aminian" is the person "Aminian".
//! - A leading "the" is never part of a name.
//! - Possessives split: in "the Taliban's Ministry of Defense" the Taliban and the ministry
//!   are two mentions with their own spans. A generic body such as a ministry takes its
//!   possessor into its canonical name ("Taliban Ministry of Defense") so that one brief's
//!   Iranian and Afghan ministries of defence stay apart.
//! - Demonyms and group adjectives ("Iranian", "Afghans", "Shia", "Pashtun") are not
//!   entities: they name no single body or place. They stay in an organisation's name when
//!   they open it ("Iranian Foreign Ministry").
//! - Treaties, wars, plans and other events or documents are not entities, even when a place
//!   names them ("Helmand River Water Treaty").
//! - Facilities (ports, airports, highways, crossings, palaces, bases, memorials, refuges)
//!   are places.
//! - "U.S." used as an adjective ("U.S. imports", "U.S.-based") is a demonym and no place;
//!   as a noun ("exports to the U.S.") it is the United States.
//! - An acronym that no gazetteer knows and no definition in the text explains is dropped:
//!   in real briefs most are laws, programs, units and codes ("H.R.", "BRIC", "UF6").
//! - A title is never part of a name, also inside a run ("VA Secretary David Shulkin"); a
//!   department's short name that only names an office ("Treasury Secretary") is no mention.
//! - A company's legal form and a generational suffix belong to the name ("Point Blank
//!   Enterprises, Inc.", "John G. Roberts, Jr."); "City, ST" is two places.
//! - "Ministries of Finance and Trade" is one organisation per ministry, each with its own
//!   canonical name ("Ministry of Trade").
//!
//! The labelled sets these rules are measured on, and the guide they were labelled by, are
//! described in `docs/entities.md`.

mod classify;
mod doc;
mod gazetteer;
mod lexicon;
mod resolve;
mod runs;
#[cfg(test)]
mod tests;
mod tokenize;

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

use self::classify::Cand;
use self::doc::Doc;
use self::gazetteer::Gazetteer;
use self::lexicon::Lexicon;
use self::resolve::resolve;
use crate::model::{Brief, Entity, EntityKind};

/// One mention of a named entity in a text.
///
/// Offsets are UTF-8 byte offsets into the text the mention was read from, so
/// `&text[start..end] == mention.text` always holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// The words as written, without a title or a possessive `'s`.
    pub text: String,
    /// Person, organization or place.
    pub kind: EntityKind,
    /// The full name this mention refers to: the long form of an acronym, the full name of a
    /// surname, a gazetteer's canonical name ("U.S." is "United States"), or the text itself.
    pub canonical: String,
    /// Byte offset of the first byte of the mention.
    pub start: usize,
    /// Byte offset one past the last byte of the mention.
    pub end: usize,
}

/// The mentions of one text, with short forms and defined acronyms resolved within it.
///
/// Uses the shared [`Extractor`]; never panics, whatever the input.
pub fn extract_mentions(text: &str) -> Vec<Mention> {
    Extractor::global().mentions(text)
}

/// The entities of one brief: its title, summary and passages are read together so that an
/// acronym defined in one passage or a full name given in the summary resolves mentions
/// everywhere. One [`Entity`] per canonical name, most mentioned first, ties by name.
pub fn brief_entities(brief: &Brief) -> Vec<Entity> {
    let mut texts: Vec<&str> = Vec::with_capacity(brief.passages.len() + 2);
    texts.push(&brief.title);
    if let Some(s) = &brief.summary {
        texts.push(s);
    }
    texts.extend(brief.passages.iter().map(|p| p.text.as_str()));
    let per_text = Extractor::global().mentions_many(&texts);
    group_entities(per_text.iter().flatten())
}

/// Folds mentions into one [`Entity`] per canonical name. A name seen with several kinds
/// takes the kind it was given most often.
pub fn group_entities<'a>(mentions: impl IntoIterator<Item = &'a Mention>) -> Vec<Entity> {
    struct Acc {
        kinds: [usize; 3],
        mentions: usize,
        aliases: Vec<String>,
    }
    let mut order: Vec<String> = Vec::new();
    let mut by_name: HashMap<String, Acc> = HashMap::new();
    for m in mentions {
        let acc = by_name.entry(m.canonical.clone()).or_insert_with(|| {
            order.push(m.canonical.clone());
            Acc {
                kinds: [0; 3],
                mentions: 0,
                aliases: Vec::new(),
            }
        });
        acc.kinds[kind_index(m.kind)] += 1;
        acc.mentions += 1;
        if m.text != m.canonical && !acc.aliases.contains(&m.text) {
            acc.aliases.push(m.text.clone());
        }
    }
    let mut out: Vec<Entity> = order
        .into_iter()
        .filter_map(|name| {
            let acc = by_name.remove(&name)?;
            let best = (0..3).max_by_key(|&i| (acc.kinds[i], 3 - i)).unwrap_or(0);
            Some(Entity {
                name,
                kind: [
                    EntityKind::Person,
                    EntityKind::Organization,
                    EntityKind::Place,
                ][best],
                mentions: acc.mentions,
                aliases: acc.aliases,
            })
        })
        .collect();
    out.sort_by(|a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    out
}

fn kind_index(k: EntityKind) -> usize {
    match k {
        EntityKind::Person => 0,
        EntityKind::Organization => 1,
        EntityKind::Place => 2,
    }
}

/// The compiled gazetteers and word lists. Build it once ([`Extractor::global`]) and share it:
/// building compiles an automaton over a few thousand patterns.
pub struct Extractor {
    gazetteer: Gazetteer,
    lexicon: Lexicon,
}

static GLOBAL: LazyLock<Extractor> = LazyLock::new(Extractor::new);

impl Default for Extractor {
    fn default() -> Self {
        Self::new()
    }
}

impl Extractor {
    /// The process-wide extractor, built on first use.
    pub fn global() -> &'static Extractor {
        &GLOBAL
    }

    /// Compiles the gazetteers shipped in `src/extract/gazetteer/` and the word lists in
    /// `src/extract/lexicon/`.
    pub fn new() -> Self {
        Extractor {
            gazetteer: Gazetteer::new(),
            lexicon: Lexicon::new(),
        }
    }

    /// The mentions of one text, aliases resolved within it.
    pub fn mentions(&self, text: &str) -> Vec<Mention> {
        self.mentions_many(&[text]).pop().unwrap_or_default()
    }

    /// The mentions of several texts read as one document: acronyms and full names found in
    /// any of them resolve short forms in all of them. One vector per text, in input order.
    pub fn mentions_many(&self, texts: &[&str]) -> Vec<Vec<Mention>> {
        let mut cands: Vec<Cand> = Vec::new();
        for (ti, text) in texts.iter().enumerate() {
            let doc = Doc::new(&self.lexicon, &self.gazetteer, text);
            doc.candidates(ti, &mut cands);
        }
        resolve(texts, cands, &self.lexicon.opening_particles)
    }
}
