//! The saved-page format: what a reader gets by saving a think-tank brief as text.
//!
//! Layout, top to bottom: title line; `by [Name \(/experts/slug\)](/experts/slug)` byline; date
//! line; an optional `ABOUT THE AUTHORS` block of author links and bios; the kind label ("Brief
//! Analysis"); the standfirst; the body; a closing ornament (`❖`) after the author tagline; a
//! `RECOMMENDED` block of other briefs; `TOPICS` and `REGIONS & COUNTRIES` tag blocks. Only the
//! title, byline, date, kind, standfirst, body and tags are kept; the rest is page furniture.
//!
//! Pages saved from other sites wrap the brief in web-page furniture instead: a metadata
//! header written by the saving tool, navigation, a key/value overview table, download and
//! version links, the title repeated with its date line, a table of contents, a "Summary"
//! section, closing boilerplate. [`page`] recognises those by their shape; what they state
//! (authors written surname first, a numeric date, a plural product type, a document number)
//! fills the brief, and the body is read as above.

use super::body::{self, Block};
use super::inline;
use super::page::{self, PageMeta};
use crate::model::{Author, Brief, Link};
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

/// Parses a saved-page brief. The returned brief has no `source` yet, and no `id` unless the
/// page states a document number (see [`crate::parse::numbered_id`]).
///
/// A page saved from a publisher's site may open with a metadata header and carry web-page
/// furniture around the brief (navigation, an overview table, download links, the title
/// repeated with its date, a table of contents, closing boilerplate): [`page`] recognises it
/// by its shape, and what it states fills the fields the byline would. A page without any of
/// it is read exactly as the think-tank layout above.
pub fn parse(text: &str) -> Brief {
    let mut blocks = body::split_blocks(text);
    let mut brief = Brief::default();
    let mut meta = PageMeta::default();
    let header_end = page::meta_header(&blocks, &mut meta);
    let title_hint = meta.title.clone().unwrap_or_default();
    let (mut i, skipped) = page::skip_head(&mut blocks, header_end, &title_hint, &mut meta);
    let web = header_end > 0 || skipped;
    page::cut_tail(&mut blocks, i);
    let blocks = &blocks[..];

    if let Some(title) = meta.title.clone() {
        brief.title = title;
    } else if let Some(first) = blocks.get(i) {
        // Past web furniture, only a heading can be the title: a paragraph there is body.
        let heading_like = first.is_single_line()
            && (body::atx_heading(first.lines[0]).is_some()
                || body::looks_like_heading(first.lines[0]));
        if web && !heading_like {
            brief
                .warnings
                .push("no title line found after the page furniture".into());
        } else if is_byline(first) || is_about(first) || parse_date(&first.joined()).is_some() {
            brief
                .warnings
                .push("no title line found before the byline".into());
        } else {
            let line = first.joined();
            let line = line.trim_start_matches('#').trim_start();
            brief.title = inline::reduce(line).text;
            i += 1;
        }
    }

    // Header: byline, date, bio block and kind label, in whatever order they come. A page
    // whose metadata named the authors has no byline to read.
    let mut header_done = meta.authors.is_some();
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
            i = skip_bios(blocks, i + 1, &mut brief);
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

    if web {
        let mut rest = blocks.to_vec();
        let (next, _) = page::skip_head(&mut rest, i, &brief.title, &mut meta);
        apply_meta(&mut brief, &meta);
        let next = read_summary(&rest, next, &mut brief);
        let body_blocks: Vec<Block<'_>> = rest[next..]
            .iter()
            .filter(|b| !page::is_in_page_nav(b))
            .cloned()
            .collect();
        let mut brief = read_body(brief, &body_blocks);
        if brief.passages.is_empty() && brief.summary.is_none() {
            brief
                .warnings
                .push("no body text after the page furniture".into());
        }
        return brief;
    }
    read_body(brief, &blocks[i..])
}

/// Fills what the page's metadata stated and the byline did not: authors (surname-first
/// understood), date, kind, topics, and the id when the page gives a document number and
/// a date.
fn apply_meta(brief: &mut Brief, meta: &PageMeta) {
    if let Some(authors) = &meta.authors {
        brief.authors = page::author_names(authors)
            .into_iter()
            .map(|name| Author { name, url: None })
            .collect();
    }
    if brief.date.is_none() {
        match &meta.date {
            Some(raw) => {
                let (date, warning) = page::read_date(raw, meta.printed_date);
                brief.date = date;
                brief.warnings.extend(warning);
            }
            None => brief.date = meta.printed_date,
        }
    }
    if brief.kind.is_none() {
        brief.kind = meta.kind.as_deref().map(page::singular_kind);
    }
    if let Some(topics) = &meta.topics {
        brief.topics = page::split_list(topics);
    }
    if let (Some(number), Some(date)) = (&meta.number, brief.date) {
        brief.id = crate::parse::numbered_id(number, date);
    }
}

/// Reads a summary section ("Summary" over paragraphs, up to a rule or the next heading)
/// into `brief.summary`, paragraphs separated by a blank line. Returns where the body starts.
fn read_summary(blocks: &[Block<'_>], start: usize, brief: &mut Brief) -> usize {
    if !blocks.get(start).is_some_and(page::is_summary_heading) {
        return start;
    }
    let mut end = start + 1;
    let mut ruled = false;
    while end < blocks.len() {
        let b = &blocks[end];
        if body::is_rule(b.lines[0]) {
            ruled = true;
            break;
        }
        end += 1;
    }
    if !ruled {
        // No rule: the summary runs to the next heading, or is one paragraph when none follows.
        end = (start + 2..blocks.len())
            .find(|&j| {
                let b = &blocks[j];
                b.is_single_line()
                    && (body::atx_heading(b.lines[0]).is_some()
                        || body::looks_like_heading(b.lines[0]))
            })
            .unwrap_or((start + 2).min(blocks.len()));
    }
    let summary = body::parse_body(&blocks[start + 1..end]);
    let text: Vec<String> = summary.passages.into_iter().map(|p| p.text).collect();
    if !text.is_empty() {
        brief.summary = Some(text.join("\n\n"));
        brief.links.extend(summary.links);
    }
    end
}

/// Reads the body (up to the closing ornament or the first furniture block) and the tags.
fn read_body(brief: Brief, blocks: &[Block<'_>]) -> Brief {
    let mut end = 0;
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

/// One block of the RECOMMENDED list: a `(/path)` line closes an entry as a link titled by
/// the title lines gathered since the entry's label.
fn recommended(b: &Block<'_>, title: &mut Vec<String>, done: &mut bool, brief: &mut Brief) {
    let text = b.joined();
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if let Some(url) = text
        .strip_prefix('(')
        .and_then(|t| t.strip_suffix(')'))
        .filter(|u| {
            (u.starts_with('/') || u.starts_with("http")) && !u.contains(char::is_whitespace)
        })
    {
        brief.links.push(Link {
            text: title.join(" "),
            url: url.to_string(),
        });
        title.clear();
        *done = false;
    } else if text.chars().any(char::is_lowercase) {
        if parse_date(text).is_some() || text.starts_with('◆') {
            *done = true;
        } else if !*done {
            title.push(text.to_string());
        }
    } else if !text.starts_with('◆') {
        // An upper-case label opens the next entry.
        title.clear();
        *done = false;
    }
}

/// Reads the TOPICS and REGIONS & COUNTRIES tag blocks from the page tail.
fn read_tags(tail: &[Block<'_>], brief: &mut Brief) {
    #[derive(PartialEq)]
    enum Section {
        None,
        Topics,
        Regions,
        Recommended,
    }
    let mut section = Section::None;
    // The RECOMMENDED block lists other briefs as label, title, date, authors and a bare
    // `(/path)` line: each becomes a link (titled by the lines before the date), so it can be
    // resolved to an indexed brief like any other link.
    let mut title: Vec<String> = Vec::new();
    let mut title_done = false;
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
            section = Section::Recommended;
            continue;
        }
        if section == Section::Recommended {
            recommended(b, &mut title, &mut title_done, brief);
            continue;
        }
        let is_topic = section == Section::Topics;
        let list = match section {
            Section::None | Section::Recommended => continue,
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
    fn recommended_entries_become_links() {
        let page = "Title Here\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nStandfirst.\n\n\
                    Body text.\n\nRECOMMENDED\n\nBRIEF ANALYSIS\n\nDisaster Dynamics:\n\n\
                    Assessing the Responses\n\nMar 3, 2023\n\n◆\nMajid Nikouei\n\n\
                    (/policy-analysis/disaster-dynamics)\n\nIN-DEPTH REPORTS\n\n\
                    Iraq's Law Debate\n\nMar 1, 2023\n\n(/policy-analysis/iraqs-law-debate)\n\n\
                    TOPICS\n\nEnergy\n";
        let b = parse(page);
        let links: Vec<(&str, &str)> = b
            .links
            .iter()
            .map(|l| (l.text.as_str(), l.url.as_str()))
            .collect();
        assert_eq!(
            links,
            [
                (
                    "Disaster Dynamics: Assessing the Responses",
                    "/policy-analysis/disaster-dynamics"
                ),
                ("Iraq's Law Debate", "/policy-analysis/iraqs-law-debate"),
            ]
        );
        assert_eq!(
            b.passages.len(),
            1,
            "the block is not body: {:?}",
            b.passages
        );
    }

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

    /// A page in the layout of a government product page saved as Markdown (written for this
    /// test): metadata header, navigation, overview table, version list, title and date line,
    /// table of contents, summary, a table, a figure placeholder and a disclaimer.
    const WEB_PAGE: &str = "# Grain Corridors Reopen

**Product Type:** Reports
**Report No.:** R1234
**Version:** 3
**Publication Date:** 03/04/2025
**Author(s):** Lee, Ann; Park, Bo
**Topics:** Trade; Agriculture, Food & Rural Policy
**Source:** https://example.gov/product/R1234

---
[Home](https://example.gov/) > [Products](https://example.gov/products) > R1234

# Grain Corridors Reopen

## PRODUCT OVERVIEW

[Hide Overview](https://example.gov#)

| **Product Type:** | Reports
| **Authors:** | Lee, Ann; Park, Bo

[Download PDF (200KB)](https://example.gov/R1234.3.pdf)        | [Version History](https://example.gov#)

- [March 4, 2025 (R1234 - Version: 3)](https://example.gov/R1234.3.pdf)
- [May 1, 2024 (R1234 - Version: 2)](https://example.gov/R1234.2.pdf)
[Listen](https://tts.example.com/?url=x)Grain Corridors ReopenUpdated March 4, 2025   (R1234)
[Jump to Main Text](https://example.gov#Content)

---

# Contents

- [Background](https://example.gov#_Toc1)

Summary

The corridors reopened in March after a pause of two months.

---

Background

Shipments resumed through [three ports](https://example.gov/ports).

Table 1. Tonnage by Port

| Port | Tonnage
| Odesa | 1.2 million

| Figure 1. Map of the Corridors
|  
|  

By 2026, exports may double.
                    Disclaimer:  
 This page was prepared by the service. It may be reproduced.
";

    #[test]
    fn web_page_furniture_is_read_and_dropped() {
        let b = parse(WEB_PAGE);
        assert_eq!(b.title, "Grain Corridors Reopen");
        let names: Vec<&str> = b.authors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Ann Lee", "Bo Park"]);
        assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2025-03-04"));
        assert_eq!(b.kind.as_deref(), Some("Report"));
        assert_eq!(b.topics, ["Trade", "Agriculture, Food & Rural Policy"]);
        assert_eq!(
            b.summary.as_deref(),
            Some("The corridors reopened in March after a pause of two months.")
        );
        assert_eq!(
            Some(b.id.as_str()),
            b.date
                .map(|d| crate::parse::numbered_id("R1234", d))
                .as_deref()
        );
        let passages: Vec<(Option<&str>, &str)> = b
            .passages
            .iter()
            .map(|p| (p.heading.as_deref(), p.text.as_str()))
            .collect();
        assert_eq!(
            passages,
            [
                (Some("Background"), "Shipments resumed through three ports."),
                (Some("Table 1. Tonnage by Port"), "Port | Tonnage"),
                (Some("Table 1. Tonnage by Port"), "Odesa | 1.2 million"),
                (Some("Background"), "By 2026, exports may double."),
            ]
        );
        assert_eq!(b.links.len(), 1, "{:?}", b.links);
        assert!(b.warnings.is_empty(), "{:?}", b.warnings);
    }

    /// Each version of a document carries its own date, so two versions are two briefs; the
    /// same version keeps its id however the page words its title.
    #[test]
    fn web_page_versions_are_distinct_briefs() {
        let next = WEB_PAGE
            .replace("**Version:** 3", "**Version:** 4")
            .replace("03/04/2025", "05/20/2025");
        assert_ne!(parse(WEB_PAGE).id, parse(&next).id);
        let retitled = WEB_PAGE.replace("Grain Corridors Reopen", "Grain Corridors Reopened");
        assert_eq!(parse(WEB_PAGE).id, parse(&retitled).id);
        let undated = WEB_PAGE
            .replace("**Publication Date:** 03/04/2025\n", "")
            .replace("Updated March 4, 2025", "");
        let b = parse(&undated);
        assert_eq!(b.date, None);
        assert!(b.id.is_empty(), "no date: the id is left to the title rule");
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
