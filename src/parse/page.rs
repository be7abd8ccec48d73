//! Web-page furniture in saved pages: what surrounds the brief on a publisher's page.
//!
//! A page saved from a publisher's site carries more than the brief: a metadata header the
//! saving tool wrote (`**Publication Date:** 04/09/2026`), navigation rows and breadcrumbs, an
//! overview table of `Key:` / value rows, download and version-history link lists, the page's
//! title repeated with its date line, a table of contents pointing into the page, and legal
//! boilerplate at the end. This module recognises each by its shape — how much of a line is
//! links, whether links point into the page itself, whether a table's rows are key/value
//! pairs, where a block sits — never by one site's strings. The few words it needs (metadata
//! field names, summary headings, boilerplate labels, name suffixes) are in `page_words.txt`.

use std::sync::OnceLock;

use chrono::NaiveDate;

use super::body::{self, Block};
use super::inline;
use crate::text::date::parse_date;
use crate::text::space::collapse_spaces;

const WORDS: &str = include_str!("page_words.txt");

/// A brief field a metadata key can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The headline.
    Title,
    /// The authors, as one string ("Last, First; Last, First" or "A and B").
    Authors,
    /// The publication date.
    Date,
    /// The publisher's label for the piece ("Report", "Issue Brief").
    Kind,
    /// Subject tags, separated by `;`.
    Topics,
    /// The publisher's document number ("IF12106", "98-317").
    Number,
}

/// The word lists of `page_words.txt`, read once.
struct Words {
    fields: Vec<(Field, &'static str)>,
    summary: Vec<&'static str>,
    boilerplate: Vec<&'static str>,
    suffixes: Vec<&'static str>,
}

fn words() -> &'static Words {
    static WORDS_CELL: OnceLock<Words> = OnceLock::new();
    WORDS_CELL.get_or_init(|| {
        let mut w = Words {
            fields: Vec::new(),
            summary: Vec::new(),
            boilerplate: Vec::new(),
            suffixes: Vec::new(),
        };
        let mut section = "";
        for line in WORDS.lines().map(str::trim) {
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            if let Some(name) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
                section = name;
                continue;
            }
            let field = match section {
                "title" => Some(Field::Title),
                "authors" => Some(Field::Authors),
                "date" => Some(Field::Date),
                "kind" => Some(Field::Kind),
                "topics" => Some(Field::Topics),
                "number" => Some(Field::Number),
                _ => None,
            };
            match (field, section) {
                (Some(f), _) => w.fields.push((f, line)),
                (None, "summary") => w.summary.push(line),
                (None, "boilerplate") => w.boilerplate.push(line),
                (None, "name suffixes") => w.suffixes.push(line),
                _ => {}
            }
        }
        w
    })
}

/// True when `key` equals `word` or ends with it after a space, ignoring ASCII case.
fn key_matches(key: &str, word: &str) -> bool {
    if key.eq_ignore_ascii_case(word) {
        return true;
    }
    key.len() > word.len()
        && key.is_char_boundary(key.len() - word.len())
        && key[key.len() - word.len()..].eq_ignore_ascii_case(word)
        && key.as_bytes()[key.len() - word.len() - 1] == b' '
}

/// The field a metadata key names ("Publication Date" → date, "CRS Product Type" → kind).
pub fn field_of(key: &str) -> Option<Field> {
    let key = collapse_spaces(key.trim().trim_end_matches(':').trim());
    words()
        .fields
        .iter()
        .find(|(_, w)| key_matches(&key, w))
        .map(|&(f, _)| f)
}

/// What a page's metadata header, overview table and title line state about the brief. The
/// first value found for a field wins: the header is read before the overview table.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct PageMeta {
    /// The title the header or the page's first `#` heading gives.
    pub title: Option<String>,
    /// The authors, raw.
    pub authors: Option<String>,
    /// The publication date, raw.
    pub date: Option<String>,
    /// The kind label, raw.
    pub kind: Option<String>,
    /// The topics, raw.
    pub topics: Option<String>,
    /// The publisher's document number.
    pub number: Option<String>,
    /// The date printed on the page's own title line ("Updated April 9, 2026").
    pub printed_date: Option<NaiveDate>,
}

impl PageMeta {
    /// Records `value` under the field `key` names, unless that field already has a value.
    /// Returns whether the key named a field.
    pub fn set(&mut self, key: &str, value: &str) -> bool {
        let Some(field) = field_of(key) else {
            return false;
        };
        let value = collapse_spaces(&inline::reduce(value).text);
        if value.is_empty() {
            return true;
        }
        let slot = match field {
            Field::Title => &mut self.title,
            Field::Authors => &mut self.authors,
            Field::Date => &mut self.date,
            Field::Kind => &mut self.kind,
            Field::Topics => &mut self.topics,
            Field::Number => &mut self.number,
        };
        if slot.is_none() {
            *slot = Some(value);
        }
        true
    }

    /// True when the page stated nothing about the brief.
    pub fn is_empty(&self) -> bool {
        *self == PageMeta::default()
    }
}

/// `**Key:** value` (or `**Key**: value`): one line of a metadata header.
pub fn key_value_line(line: &str) -> Option<(&str, &str)> {
    let rest = line.trim().strip_prefix("**")?;
    let close = rest.find("**")?;
    let (key, after) = (&rest[..close], &rest[close + 2..]);
    let (key, value) = match key.strip_suffix(':') {
        Some(k) => (k, after),
        None => (key, after.strip_prefix(':')?),
    };
    let key = key.trim();
    let short = !key.is_empty() && key.split_whitespace().count() <= 5;
    short.then(|| (key, value.trim()))
}

/// `| **Key:** | value`: one row of a key/value overview table.
pub fn key_value_row(line: &str) -> Option<(String, String)> {
    let cells = body::table_cells(line)?;
    let [key, value] = cells.as_slice() else {
        return None;
    };
    let bare = key.trim_matches('*').trim();
    let key = bare.strip_suffix(':')?.trim_end_matches('*').trim();
    let short = !key.is_empty() && key.split_whitespace().count() <= 5;
    short.then(|| (key.to_string(), value.clone()))
}

/// Reads a metadata header at the top of the page: an optional `# Title` line, then a block
/// whose every line is `**Key:** value` with at least one key naming a field. Returns the
/// index of the first block after it, or 0 when there is no header.
pub fn meta_header(blocks: &[Block<'_>], meta: &mut PageMeta) -> usize {
    let mut i = 0;
    let mut title = None;
    if let Some(first) = blocks.first() {
        if first.is_single_line() {
            if let Some(t) = body::atx_heading(first.lines[0]) {
                title = Some(inline::reduce(t).text);
                i = 1;
            }
        }
    }
    let Some(block) = blocks.get(i) else {
        return 0;
    };
    let pairs: Option<Vec<(&str, &str)>> = block.lines.iter().map(|l| key_value_line(l)).collect();
    let Some(pairs) = pairs else {
        return 0;
    };
    let mut named = false;
    let mut found = PageMeta::default();
    for (k, v) in pairs {
        named |= found.set(k, v);
    }
    if !named {
        return 0;
    }
    if found.title.is_none() {
        found.title = title.filter(|t| !t.is_empty());
    }
    *meta = found;
    i + 1
}

/// True for a visible text that opens a byline ("by …").
fn starts_with_by(line: &str) -> bool {
    line.len() > 3 && line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
}

/// A line made of links: navigation rows, breadcrumbs, "Download PDF | Version history",
/// one bullet of a link list. Fewer words outside the links than there are links.
pub fn is_link_line(line: &str) -> bool {
    let t = line.trim();
    if starts_with_by(t) || !t.contains(['[', '<']) {
        return false;
    }
    let reduced = inline::reduce(t);
    if reduced.links.is_empty() {
        return false;
    }
    let mut rest = reduced.text;
    for link in &reduced.links {
        let anchor = collapse_spaces(&link.text);
        if let Some(at) = rest.find(anchor.as_str()) {
            rest.replace_range(at..at + anchor.len(), " ");
        }
    }
    let other = rest
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count();
    other < reduced.links.len()
}

/// True for a URL that points into the page itself: `#section`, or a site's root with a
/// fragment (`https://example.org#_Toc123`, how saving tools write an in-page anchor).
pub fn is_in_page_url(url: &str) -> bool {
    let u = url.trim();
    if u.starts_with('#') {
        return true;
    }
    match u.split_once("://") {
        Some((_, rest)) => rest
            .split_once('#')
            .is_some_and(|(host, _)| !host.trim_end_matches('/').contains('/')),
        None => false,
    }
}

/// A block of link lines, each opening with a link, whose links all point into the page: a
/// table of contents, a "jump to the main text" link. Furniture wherever it stands.
pub fn is_in_page_nav(block: &Block<'_>) -> bool {
    block.lines.iter().all(|l| {
        body::bullet_text(l)
            .unwrap_or(l)
            .trim_start()
            .starts_with('[')
            && is_link_line(l)
            && inline::reduce(l)
                .links
                .iter()
                .all(|link| is_in_page_url(&link.url))
    })
}

/// A line that is furniture wherever it stands in a page's head: a rule, a key/value line or
/// row, or a line of links.
fn is_head_furniture(line: &str) -> bool {
    body::is_rule(line)
        || key_value_row(line).is_some()
        || key_value_line(line).is_some()
        || is_link_line(line)
}

/// Lower-cased text with typographic quotes folded and white space collapsed, for comparing
/// a title with its repetitions.
fn fold(text: &str) -> String {
    let mapped: String = text
        .chars()
        .map(|c| match c {
            '’' | '‘' | '`' => '\'',
            '“' | '”' => '"',
            c => c,
        })
        .collect();
    collapse_spaces(&mapped).to_lowercase()
}

/// Words for comparing a title with a line that may have lost some of its markup: folded,
/// split at anything but letters and digits and where a lower-case letter runs into a
/// capital ("CongressUpdated" is two words).
fn title_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word = String::new();
    let mut prev_lower = false;
    for c in text.chars() {
        let boundary = !c.is_alphanumeric() || (prev_lower && c.is_uppercase());
        if boundary && !word.is_empty() {
            words.push(std::mem::take(&mut word).to_lowercase());
        }
        if c.is_alphanumeric() {
            word.push(c);
        }
        prev_lower = c.is_lowercase();
    }
    if !word.is_empty() {
        words.push(word.to_lowercase());
    }
    words
}

/// True when a line repeats a title of at least four words with a word or two lost or
/// changed ("119th" printed as "119" once its superscript was dropped): at least 80% of the
/// title's words are in the line, and the line is at most ten words longer.
fn near_title(line: &str, folded_title: &str) -> bool {
    let title = title_words(folded_title);
    let words = title_words(line);
    if title.len() < 4 || words.len() > title.len() + 10 {
        return false;
    }
    let found = title.iter().filter(|w| words.contains(w)).count();
    found * 5 >= title.len() * 4
}

/// The first full date written in `text` ("Updated April 9, 2026 (IF12106)", "2026-04-09").
pub fn find_date(text: &str) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| "()[],;".contains(c)))
        .collect();
    for (i, w) in words.iter().enumerate() {
        if let Some(d) = parse_date(w) {
            return Some(d);
        }
        if i + 3 <= words.len() {
            if let Some(d) = parse_date(&words[i..i + 3].join(" ")) {
                return Some(d);
            }
        }
    }
    None
}

/// How one line of a page's head reads.
enum HeadLine {
    /// Furniture: dropped (key/value pairs are recorded first).
    Furniture,
    /// The title repeated, with the date printed after it if any.
    Title(Option<NaiveDate>),
    /// A short line that states a date ("Updated April 20, 2026 (IF12135)").
    Date(NaiveDate),
    /// Anything else: the head ends here.
    Text,
}

/// Reads one line of the head. Until the title is known (`title` empty) only furniture is
/// recognised: the title and date lines are looked for once there is a title to repeat.
fn head_line(line: &str, title: &str, meta: &mut PageMeta) -> HeadLine {
    if body::is_rule(line) {
        return HeadLine::Furniture;
    }
    if let Some((k, v)) = key_value_row(line) {
        meta.set(&k, &v);
        return HeadLine::Furniture;
    }
    if let Some((k, v)) = key_value_line(line) {
        meta.set(k, v);
        return HeadLine::Furniture;
    }
    if is_link_line(line) {
        return HeadLine::Furniture;
    }
    let visible = inline::reduce(line.trim().trim_start_matches('#')).text;
    let text = fold(&visible);
    if title.is_empty() {
        return HeadLine::Text;
    }
    if let Some(at) = text.find(title) {
        let before = text[..at].split_whitespace().count();
        let after = &text[at + title.len()..];
        if before <= 2 && after.split_whitespace().count() <= 10 {
            return HeadLine::Title(find_date(after));
        }
    } else if near_title(&visible, title) {
        return HeadLine::Title(find_date(&text));
    }
    match find_date(&text) {
        Some(d) if text.split_whitespace().count() <= 8 => HeadLine::Date(d),
        _ => HeadLine::Text,
    }
}

/// Skips the furniture of a page's head from block `start`: rules, key/value lines and
/// overview tables (recorded in `meta`), link rows and lists, headings whose section is only
/// furniture ("# Contents" over in-page links), the title repeated with its date line.
/// Blocks that open with furniture and go on with text are cut where the text starts.
/// Returns the first block that is not furniture and whether anything was skipped.
pub fn skip_head(
    blocks: &mut [Block<'_>],
    start: usize,
    title: &str,
    meta: &mut PageMeta,
) -> (usize, bool) {
    let title = fold(title);
    let mut i = start;
    let mut skipped = false;
    while i < blocks.len() {
        let first = blocks[i].lines[0];
        if starts_with_by(first.trim_start()) {
            break;
        }
        if blocks[i].is_single_line() && body::atx_heading(first).is_some() {
            let repeats_title =
                !title.is_empty() && fold(body::atx_heading(first).unwrap_or("")) == title;
            let over_furniture = blocks
                .get(i + 1)
                .is_some_and(|n| n.lines.iter().all(|l| is_head_furniture(l)));
            if repeats_title || over_furniture {
                i += 1;
                skipped = true;
                continue;
            }
        }
        // A page may open with its title as a link; a lone link line there is not navigation.
        let linked_title = i == 0 && blocks[i].is_single_line() && {
            let reduced = inline::reduce(first);
            reduced.links.len() == 1 && collapse_spaces(&reduced.links[0].text) == reduced.text
        };
        if linked_title {
            break;
        }
        let mut taken = 0;
        for line in &blocks[i].lines {
            match head_line(line, &title, meta) {
                HeadLine::Furniture => {}
                HeadLine::Title(date) => {
                    meta.printed_date = meta.printed_date.or(date);
                }
                HeadLine::Date(date) => {
                    meta.printed_date = meta.printed_date.or(Some(date));
                }
                HeadLine::Text => break,
            }
            taken += 1;
        }
        if taken == 0 {
            break;
        }
        skipped = true;
        if taken == blocks[i].lines.len() {
            i += 1;
        } else {
            blocks[i].lines.drain(..taken);
        }
    }
    (i, skipped)
}

/// True for a heading that names a summary printed before the body ("Summary").
pub fn is_summary_heading(block: &Block<'_>) -> bool {
    if !block.is_single_line() {
        return false;
    }
    let line = block.lines[0];
    let text = body::atx_heading(line).unwrap_or(line);
    let text = inline::reduce(text).text;
    let text = text.trim().trim_end_matches(':');
    words().summary.iter().any(|w| text.eq_ignore_ascii_case(w))
}

/// True for a line that opens legal boilerplate: a boilerplate label alone or followed by
/// `:` ("Disclaimer:"), by `©` or a year ("Copyright 2024 …"), or a line opening with `©`.
pub fn is_boilerplate_line(line: &str) -> bool {
    let first = inline::reduce(line.trim()).text;
    let first = first.trim();
    if first.starts_with('©') {
        return true;
    }
    let lower = first.to_lowercase();
    words().boilerplate.iter().any(|w| {
        lower.strip_prefix(w).is_some_and(|rest| {
            let rest = rest.trim_start();
            rest.is_empty()
                || rest.starts_with(':')
                || rest.starts_with('©')
                || rest.starts_with("(c)")
                || rest.starts_with(|c: char| c.is_ascii_digit())
        })
    })
}

/// Cuts the page's closing boilerplate from `blocks` (never before block `start`): looking
/// back from the end over link rows, the last block with a line that opens boilerplate is
/// cut at that line, and everything after it goes too. A page without boilerplate is kept
/// whole.
pub fn cut_tail(blocks: &mut Vec<Block<'_>>, start: usize) {
    let mut end = blocks.len();
    while end > start {
        let b = &blocks[end - 1];
        if let Some(k) = b.lines.iter().position(|l| is_boilerplate_line(l)) {
            if k == 0 {
                blocks.truncate(end - 1);
            } else {
                blocks[end - 1].lines.truncate(k);
                blocks.truncate(end);
            }
            return;
        }
        if b.lines.iter().all(|l| is_head_furniture(l)) {
            end -= 1;
        } else {
            return;
        }
    }
}

/// Items of a metadata list: separated by `;` when there is one (items may hold commas:
/// "Agriculture, Food & Rural Policy; Trade"), else the whole value is one item.
pub fn split_list(value: &str) -> Vec<String> {
    value
        .split(';')
        .map(|s| collapse_spaces(s.trim()))
        .filter(|s| !s.is_empty())
        .collect()
}

fn is_name_suffix(word: &str) -> bool {
    let w = word.trim();
    words()
        .suffixes
        .iter()
        .any(|s| w.eq_ignore_ascii_case(s) || w.trim_end_matches('.').eq_ignore_ascii_case(s))
}

/// One name as a reader writes it: "Bracmort, Kelsi" → "Kelsi Bracmort",
/// "Smith, John, Jr." → "John Smith Jr."; a name without a comma is kept.
pub fn display_name(name: &str) -> String {
    let parts: Vec<&str> = name
        .split(',')
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    match parts.as_slice() {
        [last, first] if !is_name_suffix(first) => format!("{first} {last}"),
        [last, first, suffix] if is_name_suffix(suffix) => format!("{first} {last} {suffix}"),
        _ => collapse_spaces(name.trim()),
    }
}

/// Authors from a metadata value: "Last, First; Last, First" (library order, `;` between
/// people), one "Last, First", or a byline's "A, B and C".
pub fn author_names(value: &str) -> Vec<String> {
    let value = value.trim();
    if value.contains(';') {
        return split_list(value).iter().map(|n| display_name(n)).collect();
    }
    let commas = value.matches(',').count();
    let joined = value.contains(" and ") || value.contains(" & ");
    let suffix_only = value
        .rsplit(',')
        .next()
        .is_some_and(|last| commas == 1 && is_name_suffix(last));
    if !joined && (commas == 1 || commas == 2 && !suffix_only) {
        return vec![display_name(value)];
    }
    super::saved::split_names(value)
}

/// A date from a metadata value: any form `text::date` reads, or a numeric
/// `MM/DD/YYYY` / `DD/MM/YYYY`. A numeric date whose order the numbers do not settle is read
/// as the `printed` date when that is one of its two readings, else month first (with a
/// warning). Returns the date and a warning, if any.
pub fn read_date(raw: &str, printed: Option<NaiveDate>) -> (Option<NaiveDate>, Option<String>) {
    if let Some(d) = parse_date(raw).or_else(|| find_date(raw)) {
        return (Some(d), None);
    }
    let nums: Vec<&str> = raw.trim().split(['/', '.', '-']).collect();
    let parsed: Option<Vec<u32>> = nums.iter().map(|n| n.trim().parse().ok()).collect();
    if let Some([a, b, y]) = parsed.as_deref() {
        if nums[2].trim().len() == 4 {
            let y = *y as i32;
            let month_first = NaiveDate::from_ymd_opt(y, *a, *b);
            let day_first = NaiveDate::from_ymd_opt(y, *b, *a);
            return match (month_first, day_first) {
                (Some(m), Some(d)) if m != d => match printed {
                    Some(p) if p == m || p == d => (Some(p), None),
                    _ => (
                        Some(m),
                        Some(format!(
                            "date {raw:?} could be day or month first; read as month first"
                        )),
                    ),
                },
                (Some(m), _) => (Some(m), None),
                (None, Some(d)) => (Some(d), None),
                (None, None) => (
                    None,
                    Some(format!("date {raw:?} does not parse; date left empty")),
                ),
            };
        }
    }
    match printed {
        Some(p) => (Some(p), None),
        None => (
            None,
            Some(format!("date {raw:?} does not parse; date left empty")),
        ),
    }
}

/// A kind label as one piece's kind: a plural category name from a page's metadata
/// ("Reports") becomes singular ("Report"); "In Focus", "Analysis", "News" stay.
pub fn singular_kind(kind: &str) -> String {
    let kind = collapse_spaces(kind.trim());
    let last = kind.split(' ').next_back().unwrap_or("");
    let mut rev = last.chars().rev();
    let plural = rev.next() == Some('s')
        && rev
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic() && !"aeiouswyAEIOUSWY".contains(c))
        && last.len() > 3;
    if plural {
        kind[..kind.len() - 1].to_string()
    } else {
        kind
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_names_match_by_suffix() {
        assert_eq!(field_of("Publication Date"), Some(Field::Date));
        assert_eq!(field_of("CRS Product Type:"), Some(Field::Kind));
        assert_eq!(field_of("Author(s)"), Some(Field::Authors));
        assert_eq!(field_of("Report No."), Some(Field::Number));
        assert_eq!(field_of("Referenced Legislation"), None);
        assert_eq!(field_of("Update"), None);
    }

    #[test]
    fn names_in_library_order() {
        assert_eq!(display_name("Bracmort, Kelsi"), "Kelsi Bracmort");
        assert_eq!(display_name("Kerr, Paul K."), "Paul K. Kerr");
        assert_eq!(display_name("Smith, John, Jr."), "John Smith Jr.");
        assert_eq!(display_name("Ann Lee"), "Ann Lee");
        assert_eq!(
            author_names("Labonte, Marc; Nelson, Rebecca M."),
            ["Marc Labonte", "Rebecca M. Nelson"]
        );
        assert_eq!(author_names("Bracmort, Kelsi"), ["Kelsi Bracmort"]);
        assert_eq!(author_names("Ann Lee, Bo Park, and Cy Ruiz").len(), 3);
        assert_eq!(author_names("John Smith, Jr."), ["John Smith, Jr."]);
    }

    #[test]
    fn link_lines_and_in_page_links() {
        assert!(is_link_line(
            "[Home](https://x.org/) > [Products](https://x.org/p) > IF1"
        ));
        assert!(is_link_line(
            "[Download PDF (246KB)](https://x.org/a.pdf) | [History](#)"
        ));
        assert!(is_link_line(
            "- [April 10, 2026 (v14)](https://x.org/a.14.pdf)"
        ));
        assert!(!is_link_line(
            "by [A B](/experts/ab) and [C D](/experts/cd)"
        ));
        assert!(!is_link_line(
            "The [report](https://x.org/r) found that costs rose."
        ));
        assert!(is_in_page_url("https://crs.example.gov#_Toc1"));
        assert!(is_in_page_url("#summary"));
        assert!(!is_in_page_url("https://x.org/report/R1#_Toc1"));
    }

    #[test]
    fn dates_in_metadata() {
        let d = |y, m, day| NaiveDate::from_ymd_opt(y, m, day);
        assert_eq!(read_date("04/23/2026", None), (d(2026, 4, 23), None));
        assert_eq!(read_date("23/04/2026", None), (d(2026, 4, 23), None));
        assert_eq!(
            read_date("04/09/2026", d(2026, 4, 9)),
            (d(2026, 4, 9), None)
        );
        assert_eq!(
            read_date("04/09/2026", d(2026, 9, 4)),
            (d(2026, 9, 4), None)
        );
        let (date, warning) = read_date("04/09/2026", None);
        assert_eq!(date, d(2026, 4, 9));
        assert!(warning.is_some());
        assert_eq!(read_date("April 9, 2026", None), (d(2026, 4, 9), None));
        assert_eq!(find_date("Updated April 9, 2026 (IF12106)"), d(2026, 4, 9));
        assert_eq!(read_date("13/13/2026", None).0, None);
    }

    #[test]
    fn kinds_become_singular() {
        assert_eq!(singular_kind("Reports"), "Report");
        assert_eq!(singular_kind("In Focus"), "In Focus");
        assert_eq!(singular_kind("Legal Sidebar"), "Legal Sidebar");
        assert_eq!(singular_kind("Analysis"), "Analysis");
        assert_eq!(singular_kind("News"), "News");
    }

    #[test]
    fn boilerplate_labels() {
        assert!(is_boilerplate_line("   Disclaimer:  "));
        assert!(is_boilerplate_line("Copyright 2024 The Institute"));
        assert!(is_boilerplate_line("© 2024 The Institute"));
        assert!(!is_boilerplate_line(
            "Copyright law protects original works."
        ));
        assert!(!is_boilerplate_line(
            "Copyright Law (/topics/copyright-law)"
        ));
    }

    #[test]
    fn boilerplate_is_cut_from_the_end_only() {
        let text = "Intro.\n\nDisclaimer: a paragraph about disclaimers.\n\nLast line.\nDisclaimer:\nLegal text.\n\n[Home](/) | [About](/about)\n";
        let mut blocks = body::split_blocks(text);
        cut_tail(&mut blocks, 0);
        let kept: Vec<String> = blocks.iter().map(Block::joined).collect();
        assert_eq!(
            kept,
            [
                "Intro.",
                "Disclaimer: a paragraph about disclaimers.",
                "Last line."
            ]
        );
        let mut plain = body::split_blocks("One.\n\nTwo.\n");
        cut_tail(&mut plain, 0);
        assert_eq!(plain.len(), 2);
    }
}
