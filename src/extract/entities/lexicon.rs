//! The word lists the rules read: cue words that are not names themselves but tell what a
//! capitalised run is (titles, head words, particles, prepositions), and words that are never
//! names (demonyms, calendar words, everyday words).
//!
//! Every list is compiled into the binary; the sets are hashed with a fast hasher because they
//! are looked up for most capitalised tokens.

use std::collections::HashSet;
use std::hash::{BuildHasherDefault, Hasher};

const DEMONYMS: &str = include_str!("../gazetteer/demonyms.txt");
const GIVEN_NAMES: &str = include_str!("../gazetteer/given_names.txt");
const TITLES: &str = include_str!("../gazetteer/titles.txt");
const COMMON_WORDS: &str = include_str!("../gazetteer/common_words.txt");

/// Last words that make a capitalised run an organisation ("Da Afghanistan Bank").
const ORG_HEADS: &[&str] = &[
    "Ministry",
    "Ministries",
    "Bank",
    "University",
    "Organization",
    "Organisation",
    "Council",
    "Institute",
    "Institution",
    "Office",
    "Department",
    "Commission",
    "Committee",
    "Court",
    "Agency",
    "Party",
    "Front",
    "Movement",
    "Assembly",
    "Union",
    "League",
    "Federation",
    "Association",
    "Foundation",
    "Center",
    "Centre",
    "Corps",
    "Army",
    "Forces",
    "Force",
    "Authority",
    "Board",
    "Directorate",
    "Bureau",
    "Brigade",
    "Brigades",
    "Battalion",
    "Division",
    "Regiment",
    "Network",
    "Society",
    "Academy",
    "Fund",
    "Programme",
    "Service",
    "Services",
    "Police",
    "Guard",
    "Guards",
    "Mission",
    "Secretariat",
    "Parliament",
    "Cabinet",
    "Chamber",
    "Group",
    "Company",
    "Corporation",
    "Corp",
    "Inc",
    "Ltd",
    "Airlines",
    "Airways",
    "Railways",
    "News",
    "Times",
    "Post",
    "Journal",
    "Television",
    "TV",
    "Radio",
    "Media",
    "Press",
    "Tribune",
    "Herald",
    "Gazette",
    "Mujahideen",
    "Brotherhood",
    "Coalition",
    "Alliance",
    "Command",
    "Navy",
    "Embassy",
    "Consulate",
    "Government",
    "Administration",
    "Legislature",
    "Shura",
    "Jirga",
    "Tribunal",
    "Units",
    "Militia",
    "Trust",
    "Industries",
    "Holdings",
    "Observatory",
    "Endowment",
    "Cooperation",
];

/// First words that make "X of Y" an organisation ("Ministry of Defense").
const ORG_OPENERS: &[&str] = &[
    "Ministry",
    "Ministries",
    "Bank",
    "University",
    "Council",
    "Organization",
    "Organisation",
    "Institute",
    "Office",
    "Department",
    "Commission",
    "Committee",
    "Court",
    "Party",
    "Front",
    "Movement",
    "Assembly",
    "Union",
    "League",
    "Federation",
    "Association",
    "Foundation",
    "Center",
    "Centre",
    "Army",
    "Government",
    "Board",
    "Bureau",
    "Directorate",
    "Agency",
    "Embassy",
    "Consulate",
    "Coalition",
    "Alliance",
    "Society",
    "Academy",
    "House",
    "Secretariat",
    "Chamber",
];

/// Last words that make a capitalised run a place, facilities included ("Helmand River").
const PLACE_HEADS: &[&str] = &[
    "Province",
    "Provinces",
    "District",
    "County",
    "Governorate",
    "Region",
    "City",
    "Town",
    "Village",
    "River",
    "Valley",
    "Mountains",
    "Mountain",
    "Hills",
    "Lake",
    "Sea",
    "Gulf",
    "Bay",
    "Strait",
    "Island",
    "Islands",
    "Peninsula",
    "Desert",
    "Plain",
    "Plains",
    "Basin",
    "Delta",
    "Oasis",
    "Wetlands",
    "Marshes",
    "Canal",
    "Pass",
    "Corridor",
    "Crossing",
    "Port",
    "Harbor",
    "Harbour",
    "Airport",
    "Airbase",
    "Base",
    "Highway",
    "Road",
    "Street",
    "Avenue",
    "Square",
    "Bridge",
    "Dam",
    "Palace",
    "Mosque",
    "Shrine",
    "Prison",
    "Camp",
    "Stadium",
    "Hospital",
    "Park",
    "Heights",
    "Coast",
    "Tower",
    "Gate",
    "Bazaar",
    "Compound",
    "Refinery",
    "Field",
    "Reservoir",
    "Line",
];

/// First words that make "X of Y" or "X Y" a place ("Gulf of Oman", "Mount Damavand").
const PLACE_OPENERS: &[&str] = &[
    "Gulf",
    "Strait",
    "Sea",
    "Bay",
    "Lake",
    "Mount",
    "Camp",
    "Port",
    "City",
    "Province",
    "Island",
    "Isle",
    "Cape",
    "Republic",
    "Kingdom",
    "Emirate",
    "Sultanate",
];

/// Last words of things that are not entities: treaties, events, plans, documents, awards.
const NON_ENTITY_HEADS: &[&str] = &[
    "Treaty",
    "Agreement",
    "Accord",
    "Accords",
    "Deal",
    "Plan",
    "Act",
    "Law",
    "Laws",
    "Initiative",
    "Declaration",
    "Revolution",
    "War",
    "Wars",
    "Conference",
    "Summit",
    "Process",
    "Resolution",
    "Doctrine",
    "Festival",
    "Day",
    "Prize",
    "Award",
    "Operation",
    "Protocol",
    "Convention",
    "Charter",
    "Constitution",
    "Strategy",
    "Report",
    "Index",
    "Forum",
    "Talks",
    "Dialogue",
    "Format",
    "Framework",
    "Memorandum",
    "Consensus",
    "Spring",
    "Crisis",
    "Uprising",
    "Ceasefire",
    "Truce",
    "Election",
    "Elections",
    "Games",
    "Cup",
    "Fellow",
    "Fellowship",
    "Earthquake",
    "Massacre",
    "Attack",
    "Attacks",
    "Bombing",
    "Offensive",
    "Campaign",
    "Pact",
];

/// Department words: a name made only of these and organisation heads is generic
/// ("Ministry of Defense", "Foreign Ministry") and takes its possessor into its canonical name.
const GENERIC_WORDS: &[&str] = &[
    "Foreign",
    "Affairs",
    "Defense",
    "Defence",
    "Interior",
    "Finance",
    "Economy",
    "Economic",
    "Trade",
    "Commerce",
    "Industry",
    "Health",
    "Public",
    "Education",
    "Higher",
    "Energy",
    "Water",
    "Power",
    "Justice",
    "Agriculture",
    "Mines",
    "Petroleum",
    "Oil",
    "Gas",
    "Information",
    "Culture",
    "Intelligence",
    "Security",
    "National",
    "Central",
    "Supreme",
    "State",
    "Home",
    "Labor",
    "Labour",
    "Social",
    "Welfare",
    "Women",
    "Refugees",
    "Repatriation",
    "Hajj",
    "Religious",
    "Endowments",
    "Communications",
    "Transport",
    "Transportation",
    "Urban",
    "Rural",
    "Development",
    "Planning",
    "Housing",
    "Environment",
    "Tourism",
    "Youth",
    "Sports",
    "Works",
    "Technical",
    "Telecommunications",
    "Technology",
    "Science",
    "Martyrs",
    "Borders",
    "Tribal",
    "Virtue",
    "Vice",
    "Prevention",
    "Promotion",
    "Propagation",
    "Military",
    "Armed",
    "Revenue",
    "Customs",
    "Irrigation",
    "Livestock",
    "Guidance",
    "Islamic",
    "General",
    "Staff",
    "Affair",
];

/// Lowercase words joining two capitalised name parts ("Mazar-e Sharif", "Mohammed bin Salman").
pub(super) const PARTICLES: &[&str] = &[
    "al", "el", "ad", "ar", "as", "ash", "at", "az", "an", "bin", "ibn", "bint", "ben", "e", "i",
    "ul", "ud", "ur", "ol", "od", "os", "de", "da", "di", "du", "van", "von", "der", "la", "le",
    "y", "abu", "wal", "wa",
];

/// Particles that can open a name when joined by a hyphen ("al-Sharaa").
pub(super) const OPENING_PARTICLES: &[&str] =
    &["al", "el", "ad", "ar", "as", "ash", "at", "az", "an"];

/// Lowercase words before an unknown run that make it a place ("in Zaranj").
pub(super) const PLACE_PREPOSITIONS: &[&str] = &[
    "in",
    "near",
    "outside",
    "across",
    "into",
    "toward",
    "towards",
    "throughout",
    "around",
    "at",
    "from",
    "to",
    "via",
    "inside",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "northwestern",
    "northeastern",
    "southwestern",
    "southeastern",
];

/// Lowercase words after an unknown run that make it a place ("Zindajan district").
pub(super) const PLACE_NOUNS_AFTER: &[&str] = &[
    "province",
    "district",
    "city",
    "valley",
    "region",
    "border",
    "crossing",
    "governorate",
    "county",
    "village",
    "town",
    "port",
    "airport",
    "area",
    "neighbourhood",
    "neighborhood",
    "camp",
    "prison",
    "airbase",
    "base",
    "dam",
    "river",
];

/// Lowercase words after an unknown single word that make it a person ("Ebad said").
pub(super) const PERSON_VERBS_AFTER: &[&str] = &[
    "said",
    "says",
    "told",
    "tells",
    "added",
    "argued",
    "wrote",
    "writes",
    "stated",
    "noted",
    "warned",
    "urged",
    "met",
    "meets",
    "visited",
    "visits",
    "announced",
    "denied",
    "insisted",
    "praised",
    "pressed",
    "complained",
    "declared",
    "promised",
    "stressed",
    "believes",
    "believed",
    "reaffirmed",
    "reaffirms",
    "invited",
    "invites",
    "received",
    "receives",
    "replied",
    "explained",
    "has",
    "had",
    "was",
    "is",
    "who",
];

/// Weekday and month names, never entities and never part of one.
const CALENDAR: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Jan",
    "Feb",
    "Mar",
    "Apr",
    "Jun",
    "Jul",
    "Aug",
    "Sep",
    "Sept",
    "Oct",
    "Nov",
    "Dec",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "Ramadan",
    "Nowruz",
    "Eid",
    "Muharram",
    "Ashura",
];

/// Abbreviations whose period does not end a sentence ("Gen. Qassem Soleimani").
pub(super) const ABBREVIATIONS: &[&str] = &[
    "gen", "brig", "lt", "col", "maj", "capt", "adm", "dr", "mr", "mrs", "ms", "prof", "sen",
    "rep", "st", "gov", "jr", "sr", "no", "vs", "mt", "ft", "sgt", "cpl", "rev", "hon", "amb",
];

/// Word endings that ordinary English words have and names rarely do; a run with such a word
/// is not taken for a person by default.
pub(super) const NON_NAME_SUFFIXES: &[&str] = &[
    "tion", "sion", "ment", "ness", "ity", "ism", "ance", "ence", "ings", "ship", "ology", "ics",
    "ous", "ive", "izes", "ises", "ized", "ised", "ally", "ful", "less", "ties", "ing", "ers",
];

/// A small, fast hasher for short words (FxHash's multiply-rotate): the word lists are looked
/// up for most capitalised tokens, and SipHash would dominate the run time.
#[derive(Default, Clone, Copy)]
pub(super) struct WordHasher(u64);

const WORD_HASH_K: u64 = 0x517c_c1b7_2722_0a95;

impl Hasher for WordHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let v = u64::from_le_bytes([c[0], c[1], c[2], c[3], c[4], c[5], c[6], c[7]]);
            self.0 = (self.0.rotate_left(5) ^ v).wrapping_mul(WORD_HASH_K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(WORD_HASH_K);
        }
    }

    fn write_u8(&mut self, i: u8) {
        self.0 = (self.0.rotate_left(5) ^ u64::from(i)).wrapping_mul(WORD_HASH_K);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A set of words from the shipped lists.
pub(super) type WordSet = HashSet<&'static str, BuildHasherDefault<WordHasher>>;

/// The word lists, as sets for the lookups the rules make per token.
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
    pub(super) generic_lower: HashSet<String, BuildHasherDefault<WordHasher>>,
    /// Month, weekday and holiday names.
    pub(super) calendar: WordSet,
}

impl Lexicon {
    /// Reads every list compiled into the binary.
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
            org_heads: ORG_HEADS.iter().copied().collect(),
            org_openers: ORG_OPENERS.iter().copied().collect(),
            place_heads: PLACE_HEADS.iter().copied().collect(),
            place_openers: PLACE_OPENERS.iter().copied().collect(),
            non_entity_heads: NON_ENTITY_HEADS.iter().copied().collect(),
            generic: GENERIC_WORDS.iter().copied().collect(),
            generic_lower: GENERIC_WORDS.iter().map(|w| w.to_lowercase()).collect(),
            calendar: CALENDAR.iter().copied().collect(),
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
