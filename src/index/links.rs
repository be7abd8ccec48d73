//! Keys that let briefs point at each other: what names a brief, what its links name, and
//! which briefs are versions of one document.
//!
//! Links are resolved when a brief is shown, not at ingest: each head document carries the
//! normalised keys of its links' targets (`link_key`) and the keys that name the brief itself
//! (`name_key`), so "B cites A" is a term lookup that holds whatever order A and B were
//! ingested in, and stays right when either is edited or deleted.
//!
//! A brief is named by
//! - `n:NUMBER`, its publisher's document number ("IF12106"), when the brief's id proves it:
//!   numbered briefs get their id from the number and date ([`crate::parse::numbered_id`]),
//!   so a number read from the file name or a link is kept only when it gives back the id;
//! - `s:SLUG`, its title as a slug ([`slug`]: small words out, the first six words), which
//!   the last path segment think-tank pages link their briefs under reduces to as well
//!   (`/policy-analysis/opposition-iranian-diaspora-and-among-iranian-reformers-case-mousavi`
//!   and "Opposition in the Iranian Diaspora and among Iranian Reformers: The Case of
//!   Mousavi" both give `s:opposition-iranian-diaspora-among-iranian-reformers`);
//! - `p:STEM`, its file name without extension, lower-cased (a relative link to the file).
//!
//! A link names `n:NUMBER` for every product number in its URL's path (`/product/IF12106`,
//! `/crs-product/R46646`, `.../IF/PDF/IF10753/IF10753.7.pdf`), and `p:SEGMENT` and
//! `s:SLUG` for its last path segment without extension. Links to the site root, fragments and mail addresses
//! name nothing.
//!
//! The **family** of a brief is `n:NUMBER` when it has a proven number (every version of a
//! CRS product shares it), else `t:` and its folded title: versions of a brief that lacks a
//! number keep their title. Related briefs and citations leave out the brief's own family.

use std::sync::OnceLock;

use regex::Regex;

use crate::model::Brief;

/// Publisher document numbers: one to three capital letters then four to six digits, read at
/// a word start ("IF12106", "R46646", "RL34498v33" gives "RL34498").
fn number_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(r"(?:^|[^A-Za-z0-9])([A-Z]{1,3}[0-9]{4,6})(?:[^0-9]|$)").unwrap())
}

/// Every document-number-shaped token of `s`, in order.
fn numbers_in(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(c) = number_re().captures_at(s, at) {
        let m = c.get(1).map(|m| (m.as_str().to_string(), m.end()));
        let Some((n, end)) = m else { break };
        if !out.contains(&n) {
            out.push(n);
        }
        at = end;
    }
    out
}

/// The brief's document number, when a candidate from its file name or links reproduces its id.
pub fn proven_number(brief: &Brief) -> Option<String> {
    let date = brief.date?;
    let mut candidates = numbers_in(file_stem(&brief.source).unwrap_or_default());
    for l in &brief.links {
        candidates.extend(numbers_in(&l.url));
    }
    candidates
        .into_iter()
        .find(|n| crate::parse::numbered_id(n, date) == brief.id)
}

/// The file name of a source without folders and extension; `None` for a JSON Lines record
/// (`path:LINE`), whose file holds many briefs.
fn file_stem(source: &str) -> Option<&str> {
    let (head, tail) = source.rsplit_once(':').unwrap_or(("", source));
    if !head.is_empty() && !tail.is_empty() && tail.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let name = source.rsplit(['/', '\\']).next()?;
    let stem = name.rsplit_once('.').map_or(name, |(s, _)| s);
    (!stem.is_empty()).then_some(stem)
}

/// Small words publishers leave out of their slugs ("opposition-iranian-diaspora-and-among"
/// for "Opposition in the Iranian Diaspora and among").
const SLUG_STOPWORDS: &[&str] = &[
    "a", "an", "and", "as", "at", "by", "for", "from", "in", "is", "of", "on", "or", "the", "to",
    "with",
];
/// Slugs are compared on their first words: publishers cut long ones.
const SLUG_WORDS: usize = 6;

/// A title or a URL's last path segment as a slug key: folded, apostrophes and dots dropped
/// ("Iraq's" is "iraqs", "U.S." is "us"), small words left out, the first [`SLUG_WORDS`] words joined by `-`.
pub fn slug(title: &str) -> String {
    let folded = super::schema::key_of(title);
    let mut words: Vec<String> = Vec::new();
    let mut word = String::new();
    let mut flush = |word: &mut String| {
        if !word.is_empty() && !SLUG_STOPWORDS.contains(&word.as_str()) {
            words.push(std::mem::take(word));
        }
        word.clear();
    };
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            word.push(c.to_ascii_lowercase());
        } else if !matches!(c, '\'' | '\u{2019}' | '.') {
            flush(&mut word);
        }
    }
    flush(&mut word);
    words.truncate(SLUG_WORDS);
    words.join("-")
}

/// The brief's family key (see the module documentation).
pub fn family_key(brief: &Brief) -> String {
    match proven_number(brief) {
        Some(n) => format!("n:{}", n.to_lowercase()),
        None => format!("t:{}", super::schema::key_of(&brief.title)),
    }
}

/// The keys that name the brief (see the module documentation).
pub fn name_keys(brief: &Brief) -> Vec<String> {
    let mut keys = Vec::new();
    if let Some(n) = proven_number(brief) {
        keys.push(format!("n:{}", n.to_lowercase()));
    }
    let s = slug(&brief.title);
    if !s.is_empty() {
        keys.push(format!("s:{s}"));
    }
    if let Some(stem) = file_stem(&brief.source) {
        let k = format!("p:{}", stem.to_lowercase());
        if !keys.contains(&k) {
            keys.push(k);
        }
    }
    keys
}

/// The keys one link's target names (see the module documentation).
pub fn url_keys(url: &str) -> Vec<String> {
    let url = url.trim();
    if url.starts_with('#') || url.starts_with("mailto:") {
        return Vec::new();
    }
    let path = url.split(['#', '?']).next().unwrap_or_default();
    let path = match path.split_once("://") {
        Some((_, rest)) => rest.split_once('/').map_or("", |(_, p)| p),
        None => path,
    };
    let mut keys: Vec<String> = numbers_in(path)
        .into_iter()
        .map(|n| format!("n:{}", n.to_lowercase()))
        .collect();
    let last = path
        .trim_end_matches('/')
        .rsplit('/')
        .next()
        .unwrap_or_default();
    let last = last.rsplit_once('.').map_or(last, |(s, _)| s);
    let lower = last.to_lowercase();
    if !lower.is_empty() && lower != "." && lower != ".." {
        let k = format!("p:{lower}");
        if !keys.contains(&k) {
            keys.push(k);
        }
        let s = slug(last);
        if !s.is_empty() {
            keys.push(format!("s:{s}"));
        }
    }
    keys
}

/// The keys every link of the brief names, without the ones that name the brief itself.
pub fn link_keys(brief: &Brief) -> Vec<String> {
    let own = name_keys(brief);
    let mut keys: Vec<String> = Vec::new();
    for l in &brief.links {
        for k in url_keys(&l.url) {
            if !own.contains(&k) && !keys.contains(&k) {
                keys.push(k);
            }
        }
    }
    keys
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Link;

    fn brief(title: &str, source: &str, links: &[&str]) -> Brief {
        Brief {
            id: "0000000000000000".into(),
            source: source.into(),
            title: title.into(),
            links: links
                .iter()
                .map(|u| Link {
                    text: String::new(),
                    url: (*u).into(),
                })
                .collect(),
            ..Brief::default()
        }
    }

    #[test]
    fn numbers_are_read_at_word_starts() {
        assert_eq!(numbers_in("IF10753v7-energy-star"), ["IF10753"]);
        assert_eq!(numbers_in("/IF/PDF/IF10753/IF10753.7.pdf"), ["IF10753"]);
        assert_eq!(numbers_in("/crs-product/R46646"), ["R46646"]);
        assert!(numbers_in("ABCD12345 x2024").is_empty());
    }

    #[test]
    fn a_number_counts_only_when_it_gives_back_the_id() {
        let date = chrono::NaiveDate::from_ymd_opt(2026, 4, 23).unwrap();
        let mut b = brief("ENERGY STAR Program", "crs/IF10753v7-energy-star.md", &[]);
        b.date = Some(date);
        assert_eq!(proven_number(&b), None, "the id is not the number's");
        b.id = crate::parse::numbered_id("IF10753", date);
        assert_eq!(proven_number(&b).as_deref(), Some("IF10753"));
        assert_eq!(family_key(&b), "n:if10753");
        assert!(name_keys(&b).contains(&"n:if10753".to_string()));
    }

    #[test]
    fn names_and_link_targets_meet() {
        let a = brief("Water Talks Resume", "archive/2024/water.txt", &[]);
        assert_eq!(name_keys(&a), ["s:water-talks-resume", "p:water"]);
        assert_eq!(family_key(&a), "t:water talks resume");
        let b = brief(
            "Other",
            "archive/other.md",
            &[
                "/policy-analysis/water-talks-resume",
                "../2024/water.txt",
                "https://www.congress.gov/product/IF12106?s=1",
                "#top",
                "https://example.org/",
            ],
        );
        assert_eq!(
            link_keys(&b),
            [
                "p:water-talks-resume",
                "s:water-talks-resume",
                "p:water",
                "s:water",
                "n:if12106",
                "p:if12106",
                "s:if12106"
            ]
        );
    }

    proptest::proptest! {
        /// Any URL or title (they come from archive files) gives keys without panicking, and
        /// slugs hold only lower-case letters, digits and inner dashes.
        #[test]
        fn any_input_gives_well_formed_keys(url in "\\PC{0,80}", title in "\\PC{0,60}") {
            for k in url_keys(&url) {
                proptest::prop_assert!(k.starts_with("n:") || k.starts_with("p:") || k.starts_with("s:"));
                proptest::prop_assert!(k.len() > 2);
            }
            let s = slug(&title);
            proptest::prop_assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'));
            proptest::prop_assert!(!s.starts_with('-') && !s.ends_with('-'));
        }
    }

    #[test]
    fn json_lines_records_have_no_file_name() {
        assert_eq!(file_stem("a/b.jsonl:12"), None);
        assert_eq!(file_stem("C:\\a\\b.txt"), Some("b"));
        assert_eq!(slug("Élan — vital: 2024!"), "elan-vital-2024");
        // A publisher's slug and the title it was cut from give one key.
        assert_eq!(
            slug("opposition-iranian-diaspora-and-among-iranian-reformers-case-mousavi"),
            slug("Opposition in the Iranian Diaspora and among Iranian Reformers: The Case of Mousavi")
        );
        assert_eq!(
            slug("iraqs-endless-electoral-law-debate"),
            slug("Iraq’s Endless Electoral Law Debate")
        );
    }
}
