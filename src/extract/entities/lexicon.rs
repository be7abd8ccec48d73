//! The word lists the rules read, shipped in `src/extract/lexicon/*.txt`: cue words that are
//! not names themselves but tell what a capitalised run is (titles, head words, particles,
//! prepositions, verbs), and words that are never names (demonyms, calendar words, everyday
//! words). Names themselves are in the gazetteers (`gazetteer`).
//!
//! Each file is one list, `#` lines are comments, and words are separated by white space (one
//! per line in most files). Every list is compiled into the binary with `include_str!`. The
//! sets are hashed with FxHash because they are looked up for most capitalised tokens;
//! the short lists are searched in order.

use rustc_hash::FxHashSet;

use crate::text::date::{MONTHS, MONTHS_SHORT};

const DEMONYMS: &str = include_str!("../lexicon/demonyms.txt");
const GIVEN_NAMES: &str = include_str!("../lexicon/given_names.txt");
const TITLES: &str = include_str!("../lexicon/titles.txt");
const COMMON_WORDS: &str = include_str!("../lexicon/common_words.txt");
const ORG_HEADS: &str = include_str!("../lexicon/organization_heads.txt");
const ORG_OPENERS: &str = include_str!("../lexicon/organization_openers.txt");
const PLACE_HEADS: &str = include_str!("../lexicon/place_heads.txt");
const PLACE_OPENERS: &str = include_str!("../lexicon/place_openers.txt");
const NON_ENTITY_HEADS: &str = include_str!("../lexicon/non_entity_heads.txt");
const GENERIC_WORDS: &str = include_str!("../lexicon/generic_words.txt");
const CALENDAR: &str = include_str!("../lexicon/calendar.txt");
const PARTICLES: &str = include_str!("../lexicon/particles.txt");
const OPENING_PARTICLES: &str = include_str!("../lexicon/opening_particles.txt");
const PLACE_PREPOSITIONS: &str = include_str!("../lexicon/place_prepositions.txt");
const PLACE_NOUNS_AFTER: &str = include_str!("../lexicon/place_nouns_after.txt");
const PERSON_VERBS_AFTER: &str = include_str!("../lexicon/person_verbs_after.txt");
const ABBREVIATIONS: &str = include_str!("../lexicon/abbreviations.txt");
const NON_NAME_SUFFIXES: &str = include_str!("../lexicon/non_name_suffixes.txt");
const STATE_CODES: &str = include_str!("../lexicon/state_codes.txt");
const MAKER_PARTICIPLES: &str = include_str!("../lexicon/maker_participles.txt");
const NON_ENTITY_OPENERS: &str = include_str!("../lexicon/non_entity_openers.txt");
const PUBLICATION_CUES: &str = include_str!("../lexicon/publication_cues.txt");
const ORG_FIRST_WORDS: &str = include_str!("../lexicon/organization_first_words.txt");
const POSSESSIVE_NAME_WORDS: &str = include_str!("../lexicon/possessive_name_words.txt");

/// A set of words from the shipped lists, hashed with FxHash (`rustc-hash`): the sets are
/// looked up for most capitalised tokens, where SipHash would dominate the run time, and their
/// keys are our own short words.
pub(super) type WordSet = FxHashSet<&'static str>;

/// A short list from the shipped lists, searched in order.
pub(super) type WordList = Vec<&'static str>;

/// The word lists, loaded once: sets for the lookups the rules make per token, and short
/// lists searched in order.
pub(super) struct Lexicon {
    /// Nationalities and group adjectives ("Iranian", "Shia"): never entities on their own.
    pub(super) demonyms: WordSet,
    /// Common given names: a run opening with one is a person.
    pub(super) given: WordSet,
    /// Lowercase title words that can stand right before a name ("minister", "gen.").
    pub(super) title_heads: WordSet,
    /// Lowercase words that only qualify a title ("deputy", "foreign").
    pub(super) title_mods: WordSet,
    /// Lowercase everyday words capitalised only to open a sentence or heading.
    pub(super) common: WordSet,
    /// Last words that make a run an organisation.
    pub(super) org_heads: WordSet,
    /// First words that make "X of Y" an organisation.
    pub(super) org_openers: WordSet,
    /// Last words that make a run a place.
    pub(super) place_heads: WordSet,
    /// First words that make "X of Y" a place.
    pub(super) place_openers: WordSet,
    /// Last words of treaties, events and documents, which are not entities.
    pub(super) non_entity_heads: WordSet,
    /// Department words ("Defense", "Foreign") that make a body generic.
    pub(super) generic: WordSet,
    /// The department words lowercased, for titles written in lowercase.
    pub(super) generic_lower: FxHashSet<String>,
    /// Month names (from `crate::text::date`), weekday and holiday names.
    pub(super) calendar: WordSet,
    /// Lowercase words joining two name parts ("bin", "e").
    pub(super) particles: WordList,
    /// Particles that open a name before a hyphen ("al-").
    pub(super) opening_particles: WordList,
    /// Lowercase words before a run that make it a place ("in", "near").
    pub(super) place_prepositions: WordList,
    /// Lowercase words after a run that make it a place ("district").
    pub(super) place_nouns_after: WordList,
    /// Lowercase words after a single word that make it a person ("said").
    pub(super) person_verbs_after: WordList,
    /// Abbreviations whose period does not end a sentence ("Gen.").
    pub(super) abbreviations: WordList,
    /// Word endings of ordinary words, rare in names ("-tion").
    pub(super) non_name_suffixes: WordList,
    /// Postal codes of U.S. states ("MI"), places only after "City, ".
    pub(super) state_codes: WordSet,
    /// Participles after a hyphen that make the word before them a maker ("-produced").
    pub(super) maker_participles: WordList,
    /// Possessives that stay inside a name before a head word ("People's Palace").
    pub(super) possessive_name_words: WordSet,
    /// First words of runs that are not entities ("Hurricane", "Title", "USS").
    pub(super) non_entity_openers: WordSet,
    /// For a preposition, the words before it that make the name after it a publication.
    pub(super) publication_cues: Vec<(&'static str, WordList)>,
    /// First words that make a name an organisation ("Hizb", "Jamiat").
    pub(super) org_first_words: WordSet,
}

impl Lexicon {
    /// Reads every list shipped in `src/extract/lexicon/` (compiled into the binary).
    pub(super) fn new() -> Self {
        let mut title_heads = WordSet::default();
        let mut title_mods = WordSet::default();
        for line in data_lines(TITLES) {
            let mut words = line.split_whitespace();
            match words.next() {
                Some("head") => title_heads.extend(words),
                Some("mod") => title_mods.extend(words),
                _ => {}
            }
        }
        Lexicon {
            demonyms: data_words(DEMONYMS).collect(),
            given: data_words(GIVEN_NAMES).collect(),
            title_heads,
            title_mods,
            common: data_words(COMMON_WORDS).collect(),
            org_heads: data_words(ORG_HEADS).collect(),
            org_openers: data_words(ORG_OPENERS).collect(),
            place_heads: data_words(PLACE_HEADS).collect(),
            place_openers: data_words(PLACE_OPENERS).collect(),
            non_entity_heads: data_words(NON_ENTITY_HEADS).collect(),
            generic: data_words(GENERIC_WORDS).collect(),
            generic_lower: data_words(GENERIC_WORDS).map(str::to_lowercase).collect(),
            calendar: MONTHS
                .into_iter()
                .chain(MONTHS_SHORT)
                .chain(data_words(CALENDAR))
                .collect(),
            particles: data_words(PARTICLES).collect(),
            opening_particles: data_words(OPENING_PARTICLES).collect(),
            place_prepositions: data_words(PLACE_PREPOSITIONS).collect(),
            place_nouns_after: data_words(PLACE_NOUNS_AFTER).collect(),
            person_verbs_after: data_words(PERSON_VERBS_AFTER).collect(),
            abbreviations: data_words(ABBREVIATIONS).collect(),
            non_name_suffixes: data_words(NON_NAME_SUFFIXES).collect(),
            state_codes: data_words(STATE_CODES).collect(),
            maker_participles: data_words(MAKER_PARTICIPLES).collect(),
            possessive_name_words: data_words(POSSESSIVE_NAME_WORDS).collect(),
            non_entity_openers: data_words(NON_ENTITY_OPENERS).collect(),
            publication_cues: data_lines(PUBLICATION_CUES)
                .filter_map(|line| {
                    let mut words = line.split_whitespace();
                    Some((words.next()?, words.collect()))
                })
                .collect(),
            org_first_words: data_words(ORG_FIRST_WORDS).collect(),
        }
    }
}

/// Lines of a data file that carry data: not blank, not `#` comments.
pub(super) fn data_lines(src: &'static str) -> impl Iterator<Item = &'static str> {
    src.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
}

/// Every whitespace-separated word of a data file, comments skipped.
pub(super) fn data_words(src: &'static str) -> impl Iterator<Item = &'static str> {
    data_lines(src).flat_map(str::split_whitespace)
}

/// Whether the lowercased word is in the set, without allocating for short ASCII words.
pub(super) fn lower_contains(set: &WordSet, w: &str) -> bool {
    if !w.bytes().any(|b| b.is_ascii_uppercase()) {
        return set.contains(w);
    }
    let mut buf = [0u8; 32];
    if w.len() <= buf.len() {
        let buf = &mut buf[..w.len()];
        buf.copy_from_slice(w.as_bytes());
        buf.make_ascii_lowercase();
        if let Ok(lower) = std::str::from_utf8(buf) {
            return set.contains(lower);
        }
    }
    set.contains(w.to_ascii_lowercase().as_str())
}
