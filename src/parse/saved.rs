//! The saved-page format: what a reader gets by saving a think-tank brief as text.
//!
//! Layout, top to bottom: title line; `by [Name \(/experts/slug\)](/experts/slug)` byline; date
//! line; an optional `ABOUT THE AUTHORS` block of author links and bios; the kind label ("Brief
//! Analysis"); the standfirst; the body; a closing ornament (`❖`) after the author tagline; a
//! `RECOMMENDED` block of other briefs; `TOPICS` and `REGIONS & COUNTRIES` tag blocks. Only the
//! title, byline, date, kind, standfirst, body and tags are kept; the rest is page furniture.

use super::body::{self, Block};
use super::inline;
use crate::model::{Author, Brief};
use crate::text::date::parse_date;
use crate::text::space::collapse_spaces;

/// Labels publishers file briefs under, recognised even without an `ABOUT THE AUTHORS` block.
const KNOWN_KINDS: &[&str] = &[
    "brief analysis",
    "policy analysis",
    "policywatch",
    "policy notes",
    "policy note",
    "policy focus",
    "policy memo",
    "in-depth reports",
    "in-depth report",
    "articles & op-eds",
    "article",
    "op-ed",
    "testimony",
    "interview",
    "interviews and presentations",
    "research notes",
    "transcript",
    "commentary",
    "report",
    "memo",
    "issue brief",
    "backgrounder",
    "explainer",
    "fact sheet",
    "fikra forum",
    "statement",
];

/// Marks that end a brief's body on saved pages.
const ORNAMENTS: &[char] = &['❖', '■'];

fn is_marker(block: &Block<'_>, names: &[&str]) -> bool {
    block.is_single_line()
        && names
            .iter()
            .any(|n| block.lines[0].trim().eq_ignore_ascii_case(n))
}

fn is_about(block: &Block<'_>) -> bool {
    is_marker(block, &["ABOUT THE AUTHORS", "ABOUT THE AUTHOR"])
}

fn is_byline(block: &Block<'_>) -> bool {
    starts_with_by(block.lines[0].trim_start())
}

/// True for "by …" (any case), the opening of a byline.
fn starts_with_by(line: &str) -> bool {
    line.len() > 3 && line.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by "))
}

/// A short single line that can be a kind label.
fn is_label(block: &Block<'_>) -> bool {
    let t = block.joined();
    block.is_single_line()
        && (1..=5).contains(&t.split_whitespace().count())
        && t.len() <= 48
        && !t.ends_with(['.', ',', ';', ':', '!', '?'])
        && !t.starts_with('[')
        && parse_date(&t).is_none()
}

fn is_known_kind(block: &Block<'_>) -> bool {
    let t = block.joined().to_lowercase();
    block.is_single_line() && KNOWN_KINDS.contains(&t.as_str())
}

/// A block that is one link and nothing else (an author's name in the bio block).
fn is_link_line(block: &Block<'_>) -> bool {
    let t = block.joined();
    t.starts_with('[')
        && t.ends_with(')')
        && inline::reduce(&t).links.len() == 1
        && block.is_single_line()
}

/// Text shaped like a date ("Foo 3, 2023", "2023-99-01") that may fail to parse.
fn looks_like_date(t: &str) -> bool {
    let t = t.trim();
    let has_year = t.split(|c: char| !c.is_ascii_digit()).any(|w| w.len() == 4);
    let short = t.split_whitespace().count() <= 4 && t.len() <= 24;
    let digits = t.chars().filter(|c| c.is_ascii_digit()).count();
    has_year && short && digits >= 5 && !t.ends_with('.')
}

/// Parses the byline into authors: "by [A](u)", "by A and B", "by A, B, and C".
pub fn parse_byline(line: &str) -> Vec<Author> {
    let rest = line.trim_start();
    let rest = if rest.len() > 3 && rest[..3].eq_ignore_ascii_case("by ") {
        &rest[3..]
    } else {
        rest
    };
    let reduced = inline::reduce(rest);
    let mut authors = Vec::new();
    for part in split_names(&reduced.text) {
        let url = reduced
            .links
            .iter()
            .find(|l| l.text == part)
            .map(|l| l.url.clone());
        authors.push(Author { name: part, url });
    }
    authors
}

/// Splits "A, B, and C" / "A and B" / "A & B" into names.
pub fn split_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    for chunk in text.split(',') {
        let chunk = chunk.trim();
        let chunk = chunk.strip_prefix("and ").unwrap_or(chunk);
        for name in chunk.split(" and ").flat_map(|c| c.split(" & ")) {
            let name = collapse_spaces(name);
            if !name.is_empty() {
                names.push(name);
            }
        }
    }
    names
}

/// Strips a trailing " (/path)" or " (https://…)" from a tag line, leaving its display name.
fn tag_name(line: &str) -> Option<String> {
    let reduced = inline::reduce(line).text;
    let mut name = reduced.as_str();
    if let Some(open) = name.rfind(" (") {
        let inner = name[open + 2..].trim_end_matches(|c: char| c.is_ascii_digit());
        if inner.ends_with(')') && (inner.starts_with('/') || inner.starts_with("http")) {
            name = &name[..open];
        }
    } else if let Some(open) = name.rfind('(') {
        if name[open + 1..].starts_with('/') {
            name = &name[..open];
        }
    }
    let name = name.trim();
    (!name.is_empty()).then(|| name.to_string())
}

/// Parses a saved-page brief. The returned brief has no `id` or `source` yet.
pub fn parse(text: &str) -> Brief {
    let blocks = body::split_blocks(text);
    let mut brief = Brief::default();
    let mut i = 0;

    if let Some(first) = blocks.first() {
        if is_byline(first) || is_about(first) || parse_date(&first.joined()).is_some() {
            brief
                .warnings
                .push("no title line found before the byline".into());
        } else {
            let line = first.joined();
            let line = line.trim_start_matches('#').trim_start();
            brief.title = inline::reduce(line).text;
            i = 1;
        }
    }

    // Header: byline, date, bio block and kind label, in whatever order they come.
    let mut header_done = false;
    while i < blocks.len() && !header_done {
        let b = &blocks[i];
        let text = b.joined();
        if brief.authors.is_empty() && is_byline(b) {
            brief.authors = parse_byline(&text);
            i += 1;
        } else if brief.date.is_none() && b.is_single_line() && parse_date(&text).is_some() {
            brief.date = parse_date(&text);
            i += 1;
        } else if brief.date.is_none() && b.is_single_line() && looks_like_date(&text) {
            brief
                .warnings
                .push(format!("date {text:?} does not parse; date left empty"));
            i += 1;
        } else if is_about(b) {
            i = skip_bios(&blocks, i + 1, &mut brief);
        } else if brief.kind.is_none() && is_known_kind(b) {
            brief.kind = Some(text);
            i += 1;
            header_done = true;
        } else {
            header_done = true;
        }
    }
    if brief.kind.is_some() {
        if let Some(b) = blocks.get(i) {
            if !body::looks_like_heading(&b.joined()) && body::bullet_text(b.lines[0]).is_none() {
                let reduced = inline::reduce(&b.joined());
                brief.links.extend(reduced.links);
                brief.summary = Some(reduced.text);
                i += 1;
            }
        }
    }

    // Body: up to the closing ornament or the first furniture block.
    let mut end = i;
    let mut tagline: Option<String> = None;
    let mut body_blocks: Vec<Block<'_>> = Vec::new();
    while end < blocks.len() {
        let b = &blocks[end];
        if is_marker(
            b,
            &[
                "RECOMMENDED",
                "TOPICS",
                "REGIONS & COUNTRIES",
                "REGIONS",
                "RELATED",
            ],
        ) {
            break;
        }
        let text = b.lines.join("\n");
        if let Some(pos) = text.find(ORNAMENTS) {
            let before = text[..pos].trim();
            if !before.is_empty() {
                tagline = Some(before.to_string());
            }
            end += 1;
            break;
        }
        body_blocks.push(b.clone());
        end += 1;
    }
    if let Some(t) = tagline {
        if is_author_tagline(&t, &brief.authors) {
            // The closing "X is a fellow at ..." line repeats the bio: furniture, not body.
        } else {
            let owned = t;
            let lines: Vec<&str> = owned.split('\n').collect();
            let mut all = body_blocks.clone();
            all.push(Block { lines });
            return finish(brief, &all, &blocks[end..]);
        }
    }
    finish(brief, &body_blocks, &blocks[end..])
}

fn finish(mut brief: Brief, body_blocks: &[Block<'_>], tail: &[Block<'_>]) -> Brief {
    let body = body::parse_body(body_blocks);
    brief.passages = body.passages;
    brief.links.extend(body.links);
    read_tags(tail, &mut brief);
    brief
}

/// Skips the bio block after `ABOUT THE AUTHORS`, stopping at the kind label.
fn skip_bios(blocks: &[Block<'_>], start: usize, brief: &mut Brief) -> usize {
    let mut j = start;
    let limit = (start + 4 + 3 * brief.authors.len().max(1)).min(blocks.len());
    while j < limit {
        let b = &blocks[j];
        if is_link_line(b) {
            j += 1;
            continue;
        }
        if is_label(b) || is_known_kind(b) {
            brief.kind = Some(b.joined());
            return j + 1;
        }
        j += 1;
    }
    // No label found: keep everything after the first bio paragraph as body.
    brief
        .warnings
        .push("no kind label after the ABOUT THE AUTHORS block".into());
    let mut k = start;
    while k < blocks.len() && is_link_line(&blocks[k]) {
        k += 1;
    }
    (k + 1).min(blocks.len())
}

fn is_author_tagline(text: &str, authors: &[Author]) -> bool {
    let head: String = text
        .split_whitespace()
        .take(6)
        .collect::<Vec<_>>()
        .join(" ");
    authors.iter().any(|a| {
        a.name
            .split_whitespace()
            .last()
            .is_some_and(|surname| surname.len() > 1 && head.contains(surname))
    }) && (text.contains(" is ") || text.contains(" are "))
}

/// Reads the TOPICS and REGIONS & COUNTRIES tag blocks from the page tail.
fn read_tags(tail: &[Block<'_>], brief: &mut Brief) {
    #[derive(PartialEq)]
    enum Section {
        None,
        Topics,
        Regions,
    }
    let mut section = Section::None;
    let mut seen: std::collections::HashSet<(bool, String)> = std::collections::HashSet::new();
    for b in tail {
        if is_marker(b, &["TOPICS"]) {
            section = Section::Topics;
            continue;
        }
        if is_marker(b, &["REGIONS & COUNTRIES", "REGIONS"]) {
            section = Section::Regions;
            continue;
        }
        if is_marker(b, &["RECOMMENDED", "RELATED"]) {
            section = Section::None;
            continue;
        }
        let is_topic = section == Section::Topics;
        let list = match section {
            Section::None => continue,
            Section::Topics => &mut brief.topics,
            Section::Regions => &mut brief.regions,
        };
        for line in &b.lines {
            if let Some(name) = tag_name(line) {
                if seen.insert((is_topic, name.clone())) {
                    list.push(name);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bylines() {
        let a = parse_byline(
            "by [Dana Whitfield \\(/experts/dana-whitfield\\)](/experts/dana-whitfield)",
        );
        assert_eq!(
            a,
            vec![Author {
                name: "Dana Whitfield".into(),
                url: Some("/experts/dana-whitfield".into())
            }]
        );
        let names: Vec<String> = parse_byline("by Ann Lee, Bo Park, and Cy Ruiz")
            .into_iter()
            .map(|a| a.name)
            .collect();
        assert_eq!(names, ["Ann Lee", "Bo Park", "Cy Ruiz"]);
        let two = parse_byline(
            "by [A B \\(/experts/ab\\)](/experts/ab) and [C D \\(/experts/cd\\)](/experts/cd)",
        );
        assert_eq!(two.len(), 2);
        assert_eq!(two[1].url.as_deref(), Some("/experts/cd"));
    }

    #[test]
    fn tag_names() {
        assert_eq!(
            tag_name("Arab & Islamic Politics (/policy-analysis/arab-islamic-politics)").as_deref(),
            Some("Arab & Islamic Politics")
        );
        assert_eq!(tag_name("Iran").as_deref(), Some("Iran"));
    }
}
