//! The body of a brief: blocks of lines become headings, paragraphs, bullets and table rows.
//!
//! Saved pages lose their HTML, so headings arrive as short lines without terminal punctuation,
//! and a page break can split a paragraph mid-sentence ("they have held" / "sixty-seven
//! meetings"). This module restores both, shared by the saved-page and Markdown readers.
//!
//! Tables arrive as `|` rows. Each row is a passage of its own, under the table's caption
//! ("Table 1. …", the line before the table) when it has one; a row's cell may go on past a
//! blank line up to the next row; a box whose first cell is a
//! caption ("| Figure 2. …") is a figure: its caption, source and notes are one passage, and a
//! figure with nothing but its caption is the placeholder of a missing image and is dropped.
//! Rules (`---`) only separate and are dropped.

use super::inline;
use crate::model::{Link, Passage};
use crate::text::space::collapse_spaces;

/// A run of consecutive non-blank lines, as it appeared in the file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block<'a> {
    /// The lines, without their line ends.
    pub lines: Vec<&'a str>,
}

impl Block<'_> {
    /// The block's lines joined by single spaces, trimmed.
    pub fn joined(&self) -> String {
        collapse_spaces(&self.lines.join(" "))
    }

    /// True when the block is one line.
    pub fn is_single_line(&self) -> bool {
        self.lines.len() == 1
    }
}

/// Splits text (already normalised to `\n` line ends) into blocks separated by blank lines.
pub fn split_blocks(text: &str) -> Vec<Block<'_>> {
    let mut blocks = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.split('\n') {
        if line.trim().is_empty() {
            if !current.is_empty() {
                blocks.push(Block {
                    lines: std::mem::take(&mut current),
                });
            }
        } else {
            current.push(line.trim_end());
        }
    }
    if !current.is_empty() {
        blocks.push(Block { lines: current });
    }
    blocks
}

/// One structural element of a body before inline markup is reduced.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Item {
    Heading(String),
    Paragraph(String),
    Bullet(String),
    /// A table's caption: the heading of the rows that follow it.
    Caption(String),
    /// One table row, its cells joined.
    Row(String),
}

/// What the body reader produced.
#[derive(Debug, Default, Clone, PartialEq, Eq)]
pub struct Body {
    /// Passages in reading order, numbered from 0.
    pub passages: Vec<Passage>,
    /// Links found in the passages.
    pub links: Vec<Link>,
}

/// Strips a list marker ("- ", "* ", "• ", "1. ", "2) ") from the start of a line.
pub fn bullet_text(line: &str) -> Option<&str> {
    let t = line.trim_start();
    for marker in ["- ", "* ", "• ", "+ ", "– "] {
        if let Some(rest) = t.strip_prefix(marker) {
            return Some(rest.trim_start());
        }
    }
    let digits = t.bytes().take_while(|b| b.is_ascii_digit()).count();
    if (1..=3).contains(&digits) {
        let rest = &t[digits..];
        if let Some(r) = rest.strip_prefix(". ").or_else(|| rest.strip_prefix(") ")) {
            return Some(r.trim_start());
        }
    }
    None
}

/// Strips Markdown ATX heading markers ("## Title").
pub fn atx_heading(line: &str) -> Option<&str> {
    let t = line.trim_start();
    let hashes = t.bytes().take_while(|&b| b == b'#').count();
    if (1..=6).contains(&hashes) && t[hashes..].starts_with(' ') {
        Some(t[hashes..].trim().trim_end_matches('#').trim())
    } else {
        None
    }
}

/// True when `text` ends a sentence: closing quotes and brackets (and link markup, which is
/// still raw here) are looked through, so "the generals’" and "[officials](url)" do not end
/// one but "he said “yes.”" does.
fn ends_sentence(text: &str) -> bool {
    last_meaningful(text).is_some_and(|c| ".!?:;…".contains(c))
}

/// The last character of `text` once closing quotes, brackets, emphasis markers and a trailing
/// link target are looked through.
fn last_meaningful(text: &str) -> Option<char> {
    let t = text.trim_end();
    let t = if t.ends_with(')') && t.contains("](") {
        t.rfind("](").map_or(t, |i| &t[..i])
    } else {
        t
    };
    t.trim_end_matches(['"', '”', '’', '\'', ')', ']', '*', '_'])
        .chars()
        .next_back()
}

fn starts_lowercase(text: &str) -> bool {
    text.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_lowercase())
}

/// True for a line that reads like a heading: short, one line, no closing punctuation. A
/// question may be longer (up to 20 words, 160 characters): FAQ-style headings are ("How
/// Often Have Speaker Elections Occurred at a Time Other Than the Start of the Congress?").
pub fn looks_like_heading(text: &str) -> bool {
    let t = text.trim();
    let words = t.split_whitespace().count();
    let first_ok = t
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“'‘".contains(c));
    let last = last_meaningful(t);
    let last_bad = last.is_some_and(|c| ".!,;:…".contains(c));
    let (max_words, max_chars) = if last == Some('?') {
        (20, 160)
    } else {
        (14, 120)
    };
    first_ok && !last_bad && (1..=max_words).contains(&words) && t.chars().count() <= max_chars
}

/// True for a thematic break: three or more `-`, `*` or `_` and nothing else ("---", "* * *").
pub fn is_rule(line: &str) -> bool {
    let mut marks = line.chars().filter(|c| !c.is_whitespace());
    let Some(first) = marks.next().filter(|c| matches!(c, '-' | '*' | '_')) else {
        return false;
    };
    let mut n = 1;
    for c in marks {
        if c != first {
            return false;
        }
        n += 1;
    }
    n >= 3
}

/// The cells of a table row (`| a | b |`, the closing bar optional), or `None` when the line
/// does not open with `|`. A backslash-escaped bar stays inside its cell.
pub fn table_cells(line: &str) -> Option<Vec<String>> {
    let t = line.trim().strip_prefix('|')?;
    let mut cells = Vec::new();
    let mut cell = String::new();
    let mut chars = t.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut cell)),
            c => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        cells.push(cell);
    }
    Some(cells.iter().map(|c| collapse_spaces(c)).collect())
}

/// True for a caption: a capitalised label, a number ("1", "A-1", "2b") with a period or
/// colon, then the title ("Table 1. Bridge Conditions", "Figure A-2: Costs").
pub fn is_caption(text: &str) -> bool {
    let mut words = text.trim().trim_start_matches('*').split_whitespace();
    let (Some(label), Some(number), Some(_)) = (words.next(), words.next(), words.next()) else {
        return false;
    };
    let label_ok = label.chars().count() >= 3
        && label.chars().next().is_some_and(char::is_uppercase)
        && label.chars().all(char::is_alphabetic);
    let number = number.trim_end_matches('*');
    let number_ok = number.strip_suffix(['.', ':']).is_some_and(|n| {
        (1..=6).contains(&n.len())
            && n.chars().any(|c| c.is_ascii_digit())
            && n.chars().all(|c| c.is_ascii_alphanumeric() || c == '-')
    });
    label_ok && number_ok
}

/// True for a table's separator row (`|---|:---:|`).
fn is_separator_row(cells: &[String]) -> bool {
    cells
        .iter()
        .all(|c| !c.is_empty() && c.chars().all(|ch| matches!(ch, '-' | ':' | ' ')))
}

/// A table cell that is a list marker ("1.", "(a)", "iv)"): a footnote's number.
fn is_marker_cell(cell: &str) -> bool {
    let c = cell.trim_start_matches('(');
    (2..=5).contains(&c.len())
        && (c.ends_with('.') || c.ends_with(')'))
        && c[..c.len() - 1]
            .chars()
            .all(|ch| ch.is_ascii_alphanumeric())
}

/// One table row: its cells, and the lines that continued its last cell.
struct Row {
    cells: Vec<String>,
    more: Vec<String>,
}

impl Row {
    fn is_empty(&self) -> bool {
        self.cells.iter().all(|c| c.is_empty()) && self.more.is_empty()
    }

    /// The row's cells as one line: a footnote's marker and text joined by a space, other
    /// cells by " | ", empty cells left out.
    fn text(&self) -> String {
        let cells: Vec<&str> = self
            .cells
            .iter()
            .map(String::as_str)
            .filter(|c| !c.is_empty())
            .collect();
        match cells.as_slice() {
            [marker, rest @ ..] if is_marker_cell(marker) && !rest.is_empty() => {
                format!("{marker} {}", rest.join(" | "))
            }
            _ => cells.join(" | "),
        }
    }
}

/// Reads a block of `|` rows (lines that do not open with `|` continue the row before) into
/// items: a figure's one passage, or nothing for a bare figure placeholder, or one item per
/// row, a single-cell row with a heading-like first line opening a captioned box.
fn table_items(lines: &[&str], items: &mut Vec<Item>) {
    let mut rows: Vec<Row> = Vec::new();
    for line in lines {
        match table_cells(line) {
            Some(cells) if is_separator_row(&cells) => {}
            Some(cells) => rows.push(Row {
                cells,
                more: Vec::new(),
            }),
            None => {
                if let Some(row) = rows.last_mut() {
                    row.more.push(collapse_spaces(line));
                }
            }
        }
    }
    rows.retain(|r| !r.is_empty());
    let Some(first) = rows.first() else {
        return;
    };
    if first.cells.len() == 1 && is_caption(&first.cells[0]) {
        let rest: Vec<String> = rows[1..]
            .iter()
            .map(|r| {
                let mut t = r.text();
                for m in &r.more {
                    t.push(' ');
                    t.push_str(m);
                }
                t
            })
            .filter(|t| !t.trim().is_empty())
            .collect();
        if rest.is_empty() {
            return;
        }
        let mut text = first.cells[0].clone();
        for m in first.more.iter().chain(&rest) {
            text.push(' ');
            text.push_str(m);
        }
        items.push(Item::Paragraph(collapse_spaces(&text)));
        return;
    }
    for row in rows {
        let text = row.text();
        if row.cells.len() == 1 && !row.more.is_empty() && looks_like_heading(&text) {
            items.push(Item::Caption(text));
            items.extend(row.more.into_iter().map(Item::Row));
        } else if row.more.is_empty() {
            items.push(Item::Row(text));
        } else {
            let more = row.more.join(" ");
            items.push(Item::Row(collapse_spaces(&format!("{text} {more}"))));
        }
    }
}

fn opens_table(block: &Block<'_>) -> bool {
    block.lines[0].trim_start().starts_with('|')
}

fn items_of(blocks: &[Block<'_>]) -> Vec<Item> {
    let mut items = Vec::new();
    for (b, block) in blocks.iter().enumerate() {
        if block.is_single_line() {
            if let Some(h) = atx_heading(block.lines[0]) {
                items.push(Item::Heading(h.to_string()));
                continue;
            }
        }
        let table_at = block
            .lines
            .iter()
            .position(|l| l.trim_start().starts_with('|'));
        if table_at == Some(0) {
            table_items(&block.lines, &mut items);
            continue;
        }
        if block.lines.len() <= 3
            && is_caption(block.lines[0])
            && blocks.get(b + 1).is_some_and(opens_table)
        {
            items.push(Item::Caption(block.joined()));
            continue;
        }
        let (text_lines, table_lines) = block.lines.split_at(table_at.unwrap_or(block.lines.len()));
        // A cell holding paragraphs: the table goes on after a blank line, and the lines
        // before its next row are the rest of the previous row.
        if let (Some(Item::Row(row)), false) = (items.last_mut(), table_lines.is_empty()) {
            row.push(' ');
            row.push_str(&collapse_spaces(&text_lines.join(" ")));
            table_items(table_lines, &mut items);
            continue;
        }
        let mut para: Vec<&str> = Vec::new();
        let mut bullet: Option<Vec<&str>> = None;
        for line in text_lines {
            if is_rule(line) {
                flush(&mut items, &mut para, &mut bullet);
            } else if let Some(h) = atx_heading(line) {
                flush(&mut items, &mut para, &mut bullet);
                items.push(Item::Heading(h.to_string()));
            } else if let Some(rest) = bullet_text(line) {
                flush(&mut items, &mut para, &mut bullet);
                bullet = Some(vec![rest]);
            } else if let Some(b) = bullet.as_mut() {
                b.push(line.trim());
            } else {
                para.push(line.trim());
            }
        }
        flush(&mut items, &mut para, &mut bullet);
        if !table_lines.is_empty() {
            table_items(table_lines, &mut items);
        }
    }
    items
}

fn flush(items: &mut Vec<Item>, para: &mut Vec<&str>, bullet: &mut Option<Vec<&str>>) {
    if !para.is_empty() {
        items.push(Item::Paragraph(collapse_spaces(&para.join(" "))));
        para.clear();
    }
    if let Some(b) = bullet.take() {
        items.push(Item::Bullet(collapse_spaces(&b.join(" "))));
    }
}

/// Joins paragraphs split mid-sentence and recognises plain-line headings.
fn restore_structure(items: Vec<Item>) -> Vec<Item> {
    let mut joined: Vec<Item> = Vec::with_capacity(items.len());
    for item in items {
        if let (Some(Item::Paragraph(prev)), Item::Paragraph(next)) = (joined.last_mut(), &item) {
            if !ends_sentence(prev) && starts_lowercase(next) {
                prev.push(' ');
                prev.push_str(next);
                continue;
            }
        }
        joined.push(item);
    }
    let n = joined.len();
    let mut out = Vec::with_capacity(n);
    for (i, item) in joined.into_iter().enumerate() {
        match item {
            Item::Paragraph(p) if i + 1 < n && looks_like_heading(&p) && !p.contains("](") => {
                out.push(Item::Heading(p))
            }
            other => out.push(other),
        }
    }
    out
}

/// Reduces `text`'s inline markup and adds it as the next passage, under `heading`.
fn push_passage(body: &mut Body, text: &str, heading: Option<&String>) {
    let reduced = inline::reduce(text);
    body.links.extend(reduced.links);
    if reduced.text.is_empty() {
        return;
    }
    body.passages.push(Passage {
        index: body.passages.len(),
        heading: heading.cloned(),
        text: reduced.text,
    });
}

/// Reads body blocks into passages with headings, reducing inline markup.
pub fn parse_body(blocks: &[Block<'_>]) -> Body {
    let mut body = Body::default();
    let mut heading: Option<String> = None;
    // A table's caption heads its rows only; the section heading resumes after the table.
    let mut caption: Option<String> = None;
    for item in restore_structure(items_of(blocks)) {
        match item {
            Item::Heading(h) => {
                let reduced = inline::reduce(&h);
                body.links.extend(reduced.links);
                heading = Some(reduced.text).filter(|t| !t.is_empty());
                caption = None;
            }
            Item::Caption(c) => {
                let reduced = inline::reduce(&c);
                body.links.extend(reduced.links);
                caption = Some(reduced.text).filter(|t| !t.is_empty());
            }
            Item::Row(t) => push_passage(&mut body, &t, caption.as_ref().or(heading.as_ref())),
            Item::Paragraph(t) | Item::Bullet(t) => {
                caption = None;
                push_passage(&mut body, &t, heading.as_ref());
            }
        }
    }
    body
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(src: &str) -> Vec<(Option<String>, String)> {
        parse_body(&split_blocks(src))
            .passages
            .into_iter()
            .map(|p| (p.heading, p.text))
            .collect()
    }

    #[test]
    fn broken_paragraph_is_joined() {
        let got = texts("Since then, they have held\n\nforty meetings with the council.\n");
        assert_eq!(
            got,
            vec![(
                None,
                "Since then, they have held forty meetings with the council.".into()
            )]
        );
    }

    #[test]
    fn plain_line_heading_applies_to_following_passages() {
        let got = texts("Intro text here.\n\nWhat Comes Next\n\nFirst point.\n\n- a bullet\n- **May 2:** another\n");
        assert_eq!(got[0], (None, "Intro text here.".into()));
        assert_eq!(
            got[1],
            (Some("What Comes Next".into()), "First point.".into())
        );
        assert_eq!(
            got[3],
            (Some("What Comes Next".into()), "May 2: another".into())
        );
    }

    #[test]
    fn bullet_continuation_lines_join() {
        let got = texts("- first line\n  continues here\n- second\n");
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].1, "first line continues here");
    }

    #[test]
    fn broken_paragraphs_after_quotes_and_links_are_joined() {
        let got =
            texts("Intro.\n\nThe plan was backed by the generals’\n\nallies in the capital.\n");
        assert_eq!(
            got[1].1,
            "The plan was backed by the generals’ allies in the capital."
        );
        let got = texts("Since then, they met [officials \\(https://ex.org/a\\)](https://ex.org/a)\n\nin Kabul.\n");
        assert_eq!(got.len(), 1, "{got:?}");
        assert_eq!(got[0].1, "Since then, they met officials in Kabul.");
        let got = texts("He said “yes.”\n\nlater text stays apart.\n");
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn tables_rows_captions_and_figures() {
        let got = texts(
            "Intro.\n\nTable 1. Ports\n\n| Port | Tonnage\n| Odesa | 1.2 million\n\nshipped in May.\n| Izmail | 0.4 million\n\n| Figure 1. A map\n|  \n\n| Figure 2. Costs\n| Source: CRS.\n\nAfter.\n",
        );
        let caption = Some("Table 1. Ports".to_string());
        assert_eq!(
            got,
            vec![
                (None, "Intro.".into()),
                (caption.clone(), "Port | Tonnage".into()),
                (
                    caption.clone(),
                    "Odesa | 1.2 million shipped in May.".into()
                ),
                (caption, "Izmail | 0.4 million".into()),
                (None, "Figure 2. Costs Source: CRS.".into()),
                (None, "After.".into()),
            ]
        );
    }

    #[test]
    fn footnote_rows_and_rules() {
        let got = texts("Text.\n\n---\n\n| 1. | A source, 2024.\n| 2. | Another.\n");
        let texts: Vec<String> = got.into_iter().map(|(_, t)| t).collect();
        assert_eq!(texts, ["Text.", "1. A source, 2024.", "2. Another."]);
    }

    #[test]
    fn markdown_headings() {
        let got = texts("## Background\n\nText.\n");
        assert_eq!(got, vec![(Some("Background".into()), "Text.".into())]);
    }
}
