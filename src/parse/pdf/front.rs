//! A PDF's front matter and back matter: title, date, kind and authors where the document
//! prints them, taken out of the body.
//!
//! - **title**: the first page's largest text, when it is set larger than the body;
//! - **date**: the first first-page line above the body that holds a date ("Updated April 9,
//!   2026", "9 April 2026", "2026-04-09");
//! - **kind**: the kicker, a short line above the title ("Policy Brief", "Legal Sidebar");
//!   when the first page's masthead (its header or footer) names the kind with the
//!   publisher's acronym in front ("CRS INSIGHT") and the kicker carries a logo glyph
//!   ("INSIGHTi"), the words both share win;
//! - **authors**: a byline ("By A and B") on the first page; an author section at the end (a
//!   heading whose first word is "Author" or "Authors", or that starts "About the Author",
//!   then name and role lines in turn, in one column or side by side); or blocks in the second
//!   half made only of lines that read "Name, Role" ("Paul K. Kerr, Specialist in
//!   Nonproliferation");
//! - **boilerplate**: a closing section headed "Disclaimer", "Copyright", "Legal Notice" or
//!   "Terms of Use" ends the body.

use chrono::NaiveDate;

use super::layout::{Block, Kind, Layout};
use crate::parse::saved::split_names;
use crate::text::date::parse_date;
use crate::text::space::collapse_spaces;

/// Front and back matter read from a PDF.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Front {
    /// The title, when the first page sets one larger than the body.
    pub title: Option<String>,
    /// The publication date the first page states.
    pub date: Option<NaiveDate>,
    /// The kind of publication the first page names.
    pub kind: Option<String>,
    /// Author names in the order printed.
    pub authors: Vec<String>,
    /// The publisher's document number printed alone in a page band ("IF12106", "RL34498").
    pub number: Option<String>,
}

/// The document number a page header or footer prints on a line of its own: one to four
/// capitals, an optional hyphen, then three to six digits ("IF12106", "R44243", "LSB11418").
/// Page bands carry it on every page of a numbered series; a number inside body text is not
/// taken, since a body cites other documents' numbers too.
pub fn document_number(furniture: &[super::extract::Line]) -> Option<String> {
    furniture.iter().find_map(|line| {
        let t = line.text.trim();
        let letters = t.bytes().take_while(u8::is_ascii_uppercase).count();
        let rest = t[letters..].strip_prefix('-').unwrap_or(&t[letters..]);
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        ((1..=4).contains(&letters) && (3..=6).contains(&digits) && digits == rest.len())
            .then(|| t.to_string())
    })
}

/// Headings of closing sections that are boilerplate, not body.
const BOILERPLATE: [&str; 5] = [
    "disclaimer",
    "copyright",
    "legal notice",
    "terms of use",
    "important disclosures",
];

/// Reads the front and back matter and removes the blocks it used from `layout.blocks`.
pub fn read(layout: &mut Layout) -> Front {
    let mut front = Front {
        number: document_number(&layout.furniture),
        ..Front::default()
    };
    let body = layout.body_size;
    let blocks = &mut layout.blocks;

    let len = blocks.len();
    if let Some(end) = blocks.iter().enumerate().position(|(i, b)| {
        i * 2 >= len
            && b.kind == Kind::Heading
            && BOILERPLATE.contains(&b.text.to_lowercase().as_str())
    }) {
        blocks.truncate(end);
    }

    // The title is the first page's largest text; a line of it drawn out of order forms a
    // block of its own, so every block of that size on the first page belongs to it.
    let title_size = blocks
        .iter()
        .filter(|b| b.page == 0 && b.size >= body + 2.0 && b.lines.len() <= 4)
        .map(|b| b.size)
        .fold(None, |m: Option<f32>, s| Some(m.map_or(s, |m| m.max(s))));
    let mut title_parts: Vec<usize> = blocks
        .iter()
        .enumerate()
        .filter(|(_, b)| {
            b.page == 0
                && b.lines.len() <= 4
                && title_size.is_some_and(|t| (b.size - t).abs() < 0.3)
        })
        .map(|(i, _)| i)
        .collect();
    title_parts.sort_by(|&i, &j| {
        let (a, b) = (&blocks[i], &blocks[j]);
        b.y.total_cmp(&a.y)
            .then(a.positions[0].0.total_cmp(&b.positions[0].0))
    });
    let title_at = title_parts.first().copied();
    let title_y = title_at.map(|i| blocks[i].y);
    if !title_parts.is_empty() {
        let parts: Vec<&str> = title_parts
            .iter()
            .map(|&i| blocks[i].text.as_str())
            .collect();
        front.title = Some(collapse_spaces(&parts.join(" ")));
    }

    // The lines above the title, then the first-page blocks before the body starts (the first
    // paragraph of some length), are read line by line.
    let first_body = blocks
        .iter()
        .position(|b| b.kind == Kind::Paragraph && b.text.split_whitespace().count() > 15)
        .unwrap_or(blocks.len());
    let mut used = vec![false; blocks.len()];
    for &i in &title_parts {
        used[i] = true;
    }
    let mut kicker: Option<String> = None;
    for line in &layout.masthead {
        if let Some(rest) = front_line(&line.text, &mut front) {
            if kicker.is_none() && is_kicker(&rest) {
                kicker = Some(rest);
            }
        }
    }
    for (i, b) in blocks.iter_mut().enumerate() {
        if b.page != 0 || used[i] || i >= first_body {
            continue;
        }
        let rest: Vec<String> = b
            .lines
            .iter()
            .filter_map(|l| front_line(l, &mut front))
            .collect();
        if rest.is_empty() {
            used[i] = true;
        } else if rest.len() < b.lines.len() {
            b.text = collapse_spaces(&rest.join(" "));
            b.lines = rest;
        }
    }
    if front.date.is_none() {
        front.date = layout
            .furniture
            .iter()
            .filter(|l| l.page == 0)
            .find_map(|l| find_date(&l.text));
    }
    if kicker.is_none() {
        // A kicker set small enough to count as furniture still names the kind.
        kicker = layout
            .furniture
            .iter()
            .find(|l| l.page == 0 && title_y.is_some_and(|y| l.y > y + 1.0) && is_kicker(&l.text))
            .map(|l| l.text.clone());
    }
    let masthead: Vec<String> = layout
        .furniture
        .iter()
        .filter(|l| l.page == 0 && is_kicker(&l.text))
        .map(|l| l.text.clone())
        .collect();
    front.kind = kind_of(kicker.as_deref(), &masthead);

    let mut kept: Vec<Block> = Vec::with_capacity(blocks.len());
    for (b, u) in blocks.drain(..).zip(used) {
        if !u {
            kept.push(b);
        }
    }
    *blocks = kept;

    // Author lines at the end are taken out of the body whether or not a byline named the
    // authors already.
    let mut closing = author_section(blocks);
    closing.extend(name_role_lines(blocks));
    if front.authors.is_empty() {
        front.authors = closing;
    }
    front
}

/// Reads a short front line into `front` (the first date, byline names); returns the line
/// when it was neither.
fn front_line(line: &str, front: &mut Front) -> Option<String> {
    if line.split_whitespace().count() <= 12 {
        if front.date.is_none() {
            if let Some(d) = find_date(line) {
                front.date = Some(d);
                return None;
            }
        }
        if let Some(names) = byline(line) {
            front.authors.extend(names);
            return None;
        }
    }
    Some(line.to_string())
}

/// The date in a short line: the whole line, or three consecutive words of it ("Updated
/// April 9, 2026"), or one ISO word.
pub fn find_date(text: &str) -> Option<NaiveDate> {
    if let Some(d) = parse_date(text) {
        return Some(d);
    }
    let words: Vec<&str> = text.split_whitespace().collect();
    for w in words.windows(3) {
        if let Some(d) = parse_date(&w.join(" ")) {
            return Some(d);
        }
    }
    words
        .iter()
        .find_map(|w| parse_date(w.trim_matches(|c: char| !c.is_ascii_alphanumeric())))
}

/// Names from a byline line ("By A and B", "by A, B, and C").
fn byline(text: &str) -> Option<Vec<String>> {
    let t = text.trim();
    let rest = t.strip_prefix("By ").or_else(|| t.strip_prefix("by "))?;
    let names: Vec<String> = split_names(rest)
        .into_iter()
        .filter(|n| is_name(n))
        .collect();
    (!names.is_empty()).then_some(names)
}

/// A kicker: one to four words of letters, not a URL.
fn is_kicker(text: &str) -> bool {
    let words = text.split_whitespace().count();
    (1..=4).contains(&words)
        && text.chars().any(char::is_alphabetic)
        && text
            .chars()
            .all(|c| c.is_alphabetic() || c == ' ' || c == '-' || c == '&')
}

/// "CRS INSIGHT" → "Insight"; "Legal Sidebar" stays.
fn normalise_kind(text: &str) -> String {
    let words: Vec<&str> = text.split_whitespace().collect();
    let words: &[&str] = match words.as_slice() {
        [first, rest @ ..]
            if !rest.is_empty()
                && first.len() <= 5
                && first.chars().all(|c| c.is_ascii_uppercase()) =>
        {
            rest
        }
        all => all,
    };
    let all_caps = words.iter().all(|w| w.chars().all(|c| !c.is_lowercase()));
    let words: Vec<String> = words
        .iter()
        .map(|w| {
            if all_caps {
                let mut cs = w.chars();
                cs.next().map_or(String::new(), |f| {
                    f.to_uppercase().collect::<String>() + &cs.as_str().to_lowercase()
                })
            } else {
                w.to_string()
            }
        })
        .collect();
    collapse_spaces(&words.join(" "))
}

/// The kind from the kicker, confirmed or cleaned by the masthead.
fn kind_of(kicker: Option<&str>, masthead: &[String]) -> Option<String> {
    let kicker = kicker.map(normalise_kind);
    let mast: Vec<String> = masthead
        .iter()
        .map(|m| normalise_kind(m))
        .filter(|m| !m.is_empty())
        .collect();
    match kicker {
        Some(k) => {
            let lower = k.to_lowercase();
            // The masthead's form wins when the kicker is it plus a logo glyph or two.
            let confirmed = mast.iter().find(|m| {
                let ml = m.to_lowercase();
                lower.starts_with(&ml) && lower.len() > ml.len() && lower.len() <= ml.len() + 2
            });
            Some(confirmed.cloned().unwrap_or(k))
        }
        None => None,
    }
}

/// Particles that may stand lower-case inside a name.
const PARTICLES: [&str; 12] = [
    "de", "van", "von", "der", "den", "da", "del", "la", "le", "bin", "al", "du",
];

/// True for a person's name: two to five words, capitalised or initials, no digits.
pub fn is_name(text: &str) -> bool {
    let words: Vec<&str> = text.split_whitespace().collect();
    if !(2..=5).contains(&words.len()) || text.chars().any(|c| c.is_ascii_digit()) {
        return false;
    }
    let capitalised = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || ".'’-".contains(c))
    };
    capitalised(words[0])
        && capitalised(words[words.len() - 1].trim_end_matches(','))
        && words
            .iter()
            .all(|w| capitalised(w) || PARTICLES.contains(w))
}

/// Names from an author section (a heading starting "Author" or "About the Author"), which is
/// removed with its blocks.
fn author_section(blocks: &mut Vec<Block>) -> Vec<String> {
    let Some(start) = blocks.iter().position(|b| {
        let t = b.text.to_lowercase();
        let first = t.split_whitespace().next().unwrap_or("");
        b.kind == Kind::Heading
            && (matches!(first, "author" | "authors") || t.starts_with("about the author"))
    }) else {
        return Vec::new();
    };
    let end = blocks[start + 1..]
        .iter()
        .position(|b| b.kind == Kind::Heading)
        .map_or(blocks.len(), |n| start + 1 + n);
    let mut lines: Vec<(f32, f32, String)> = blocks[start + 1..end]
        .iter()
        .flat_map(|b| {
            b.positions
                .iter()
                .zip(&b.lines)
                .map(|(&(x, y), l)| (x, y, collapse_spaces(l)))
        })
        .filter(|l| !l.2.is_empty())
        .collect();
    blocks.drain(start..end);
    // Authors may stand side by side: each column holds name and role lines in turn, and a
    // role ("Legislative Attorney") can look like a name, so a name is a name-shaped line that
    // does not sit right under another name in its column.
    lines.sort_by(|a, b| a.0.total_cmp(&b.0).then(b.1.total_cmp(&a.1)));
    let mut names: Vec<(f32, f32, String)> = Vec::new();
    let mut column_x = f32::MIN;
    let mut after_name = false;
    for (x, y, l) in lines {
        if (x - column_x).abs() > 20.0 {
            column_x = x;
            after_name = false;
        }
        let name = name_of_role_line(&l).or_else(|| is_name(&l).then_some(l));
        if let Some(name) = name.filter(|_| !after_name) {
            names.push((x, y, name));
            after_name = true;
        } else {
            after_name = false;
        }
    }
    names.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.total_cmp(&b.0)));
    names.into_iter().map(|n| n.2).collect()
}

/// Names from blocks in the second half of the body made only of "Name, Role" lines (a
/// closing author line; a paragraph line that happens to read "United States, Japan" is
/// inside a longer block), which are removed.
fn name_role_lines(blocks: &mut Vec<Block>) -> Vec<String> {
    let from = blocks.len() / 2;
    let mut names = Vec::new();
    let mut i = from;
    while i < blocks.len() {
        let b = &blocks[i];
        let parsed = (b.kind != Kind::Heading)
            .then(|| author_block(&b.lines))
            .flatten();
        match parsed {
            Some(found) if !found.is_empty() => {
                names.extend(found);
                blocks.remove(i);
            }
            _ => i += 1,
        }
    }
    names
}

/// The names in a block made only of "Name, Role" lines, a long role wrapping onto the next
/// line ("Karen L. Shanton, Analyst in American National" / "Government").
fn author_block(lines: &[String]) -> Option<Vec<String>> {
    let mut names = Vec::new();
    for line in lines {
        if let Some(name) = name_of_role_line(line) {
            names.push(name);
            continue;
        }
        let words = line.split_whitespace().count();
        let wraps = !names.is_empty()
            && (1..=6).contains(&words)
            && !line.contains(',')
            && !line.trim_end().ends_with('.');
        if !wraps {
            return None;
        }
    }
    (!names.is_empty()).then_some(names)
}

/// "Paul K. Kerr, Specialist in Nonproliferation" → "Paul K. Kerr".
fn name_of_role_line(line: &str) -> Option<String> {
    let (name, role) = line.trim().split_once(", ")?;
    let role = role.trim();
    let role_words = role.split_whitespace().count();
    let role_ok = role.chars().next().is_some_and(char::is_uppercase)
        && (1..=10).contains(&role_words)
        && !role.ends_with('.')
        && !role.contains(',')
        && !role.chars().any(|c| c.is_ascii_digit());
    (is_name(name) && role_ok).then(|| name.trim().to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_number_from_a_band_line_of_its_own() {
        let band = |texts: &[&str]| -> Vec<super::super::extract::Line> {
            texts
                .iter()
                .map(|t| super::super::extract::Line {
                    page: 0,
                    x: 0.0,
                    x_end: 100.0,
                    y: 10.0,
                    page_height: 792.0,
                    size: 8.0,
                    bold: false,
                    pagination: false,
                    text: t.to_string(),
                })
                .collect()
        };
        let number = |texts: &[&str]| document_number(&band(texts));
        assert_eq!(
            number(&["https://crsreports.congress.gov", "IF12106"]),
            Some("IF12106".into())
        );
        assert_eq!(number(&["2", "LSB11418"]), Some("LSB11418".into()));
        assert_eq!(number(&["RR-1234"]), Some("RR-1234".into()));
        assert_eq!(number(&["2", "Congressional Research Service"]), None);
        assert_eq!(number(&["IF12106 · VERSION 21"]), None);
        assert_eq!(number(&["COVID19"]), None, "two digits are not a number");
        assert_eq!(number(&["2024"]), None, "a year has no letters");
    }

    #[test]
    fn dates_in_front_lines() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(find_date("Updated April 9, 2026"), d(2026, 4, 9));
        assert_eq!(find_date("April 14, 2026"), d(2026, 4, 14));
        assert_eq!(find_date("Published 3 March 2023"), d(2023, 3, 3));
        assert_eq!(find_date("2023-03-03"), d(2023, 3, 3));
        assert_eq!(find_date("Background"), None);
    }

    #[test]
    fn kinds_lose_the_publisher_acronym_and_logo_glyphs() {
        assert_eq!(normalise_kind("CRS INSIGHT"), "Insight");
        assert_eq!(normalise_kind("Legal Sidebar"), "Legal Sidebar");
        assert_eq!(
            kind_of(Some("INSIGHTi"), &["CRS INSIGHT".to_string()]).as_deref(),
            Some("Insight")
        );
        assert_eq!(
            kind_of(Some("POLICY BRIEF"), &[]).as_deref(),
            Some("Policy Brief")
        );
    }

    #[test]
    fn names_and_role_lines() {
        assert!(is_name("Paul K. Kerr"));
        assert!(is_name("Ana de la Cruz"));
        assert!(!is_name("Specialist in Nonproliferation"));
        assert!(!is_name("Iran"));
        assert_eq!(
            name_of_role_line("Paul K. Kerr, Specialist in Nonproliferation").as_deref(),
            Some("Paul K. Kerr")
        );
        assert_eq!(
            name_of_role_line("In 2025, the Administration said so."),
            None
        );
    }
}
