//! Dated events: the timeline bullets of a brief ("**May 13, 2022:** …", then "**May 29:** …"
//! with the year carried forward) and body sentences that state a full date.

use std::sync::LazyLock;

use chrono::{Datelike, NaiveDate};
use regex::Regex;

use crate::model::{Brief, Event};
use crate::text::date::month_number;

const MONTH: &str = r"(Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)";

/// "May 13, 2022:" or "May 29:" (or "29 May:") at the start of a passage.
static TIMELINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"^(?:{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?|(\d{{1,2}})\s+{MONTH})(?:,?\s+(\d{{4}}))?\s*[:–—]\s*(\S.*)$"
    ))
    .expect("timeline pattern compiles")
});

/// A full date anywhere in a sentence.
static FULL_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(&format!(
        r"\b(?:{MONTH}\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})|(\d{{1,2}})\s+{MONTH}\s+(\d{{4}})|(\d{{4}})-(\d{{2}})-(\d{{2}}))\b"
    ))
    .expect("date pattern compiles")
});

/// Reads the dated events of a brief in passage order.
pub fn extract(brief: &Brief) -> Vec<Event> {
    let mut events = Vec::new();
    let mut carried_year: Option<i32> = None;
    for p in &brief.passages {
        if let Some(c) = TIMELINE.captures(&p.text) {
            let (month, day) = match (c.get(1), c.get(2), c.get(3), c.get(4)) {
                (Some(m), Some(d), _, _) => (m.as_str(), d.as_str()),
                (_, _, Some(d), Some(m)) => (m.as_str(), d.as_str()),
                _ => continue,
            };
            let explicit_year = c.get(5).and_then(|y| y.as_str().parse::<i32>().ok());
            let (Some(m), Ok(d)) = (month_number(month), day.parse::<u32>()) else {
                continue;
            };
            let year = explicit_year
                .or(carried_year)
                .or_else(|| infer_year(brief.date, m, d));
            let Some(year) = year else { continue };
            if let Some(date) = NaiveDate::from_ymd_opt(year, m, d) {
                carried_year = Some(year);
                let text = c.get(6).map_or("", |t| t.as_str()).trim().to_string();
                events.push(Event {
                    date,
                    text,
                    passage: Some(p.index),
                });
                continue;
            }
        }
        for (date, sentence) in dated_sentences(&p.text) {
            let dup = events
                .iter()
                .any(|e: &Event| e.date == date && e.text == sentence);
            if !dup {
                events.push(Event {
                    date,
                    text: sentence,
                    passage: Some(p.index),
                });
            }
        }
    }
    events
}

/// With no year anywhere, a month-day belongs to the brief's year, or the year before if that
/// would put it after publication.
fn infer_year(published: Option<NaiveDate>, month: u32, day: u32) -> Option<i32> {
    let published = published?;
    let same = NaiveDate::from_ymd_opt(published.year(), month, day)?;
    Some(if same > published {
        published.year() - 1
    } else {
        published.year()
    })
}

/// Finds sentences stating a full date, returning the date and the sentence.
pub fn dated_sentences(text: &str) -> Vec<(NaiveDate, String)> {
    let mut out = Vec::new();
    for c in FULL_DATE.captures_iter(text) {
        let whole = c.get(0).expect("group 0 always matches");
        let date = if let (Some(m), Some(d), Some(y)) = (c.get(1), c.get(2), c.get(3)) {
            ymd(y.as_str(), month_number(m.as_str()), d.as_str())
        } else if let (Some(d), Some(m), Some(y)) = (c.get(4), c.get(5), c.get(6)) {
            ymd(y.as_str(), month_number(m.as_str()), d.as_str())
        } else if let (Some(y), Some(m), Some(d)) = (c.get(7), c.get(8), c.get(9)) {
            ymd(y.as_str(), m.as_str().parse().ok(), d.as_str())
        } else {
            None
        };
        if let Some(date) = date {
            out.push((date, sentence_around(text, whole.start(), whole.end())));
        }
    }
    out
}

fn ymd(y: &str, m: Option<u32>, d: &str) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y.parse().ok()?, m?, d.parse().ok()?)
}

/// True when the `.`/`!`/`?` at byte `i` ends a sentence (not "U.S." or "Mr.").
fn is_boundary(text: &str, i: usize) -> bool {
    let b = text.as_bytes();
    if !matches!(b[i], b'.' | b'!' | b'?') {
        return false;
    }
    let next_ok = b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace())
        && text[i + 1..]
            .trim_start()
            .chars()
            .next()
            .is_none_or(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“(".contains(c));
    if !next_ok {
        return false;
    }
    let word_start = text[..i]
        .rfind(|c: char| c.is_whitespace())
        .map_or(0, |p| p + 1);
    let word = &text[word_start..i];
    let abbreviation = word.len() <= 3 && word.chars().next().is_some_and(|c| c.is_uppercase())
        || word.contains('.')
        || [
            "Mr", "Mrs", "Ms", "Dr", "St", "Gen", "Lt", "Col", "Sen", "Rep", "Gov", "Prof", "No",
            "vs", "etc",
        ]
        .contains(&word);
    !abbreviation
}

/// The sentence of `text` that contains the byte range `start..end`.
pub fn sentence_around(text: &str, start: usize, end: usize) -> String {
    let mut s = 0;
    for (i, _) in text[..start].char_indices() {
        if is_boundary(text, i) {
            s = i + 1;
        }
    }
    let mut e = text.len();
    for (i, _) in text[end..].char_indices() {
        if is_boundary(text, end + i) {
            e = end + i + 1;
            break;
        }
    }
    text[s..e].trim().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Passage;

    fn brief(date: &str, texts: &[&str]) -> Brief {
        Brief {
            date: crate::text::date::parse_date(date),
            passages: texts
                .iter()
                .enumerate()
                .map(|(index, t)| Passage {
                    index,
                    heading: None,
                    text: t.to_string(),
                })
                .collect(),
            ..Brief::default()
        }
    }

    #[test]
    fn year_is_carried_forward() {
        let b = brief(
            "2023-03-03",
            &[
                "May 13, 2022: A deal is reached.",
                "May 29: Talks resume.",
                "February 14, 2023: Envoy speaks.",
            ],
        );
        let ev = extract(&b);
        let dates: Vec<String> = ev.iter().map(|e| e.date.to_string()).collect();
        assert_eq!(dates, ["2022-05-13", "2022-05-29", "2023-02-14"]);
        assert_eq!(ev[1].text, "Talks resume.");
    }

    #[test]
    fn year_inferred_from_publication_when_absent() {
        let b = brief("2023-03-03", &["November 15: Ministers meet."]);
        assert_eq!(extract(&b)[0].date.to_string(), "2022-11-15");
    }

    #[test]
    fn sentences_with_full_dates() {
        let b = brief("2023-03-03", &["The U.S. envoy left. On March 2, 2021, the council voted to expand the mission. Nothing else."]);
        let ev = extract(&b);
        assert_eq!(ev.len(), 1);
        assert_eq!(
            ev[0].text,
            "On March 2, 2021, the council voted to expand the mission."
        );
        assert_eq!(ev[0].date.to_string(), "2021-03-02");
    }

    #[test]
    fn partial_dates_in_prose_are_not_events() {
        let b = brief(
            "2023-03-03",
            &["On February 26, Iran handed over the embassy."],
        );
        assert!(extract(&b).is_empty());
    }
}
