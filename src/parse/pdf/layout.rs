//! Positioned lines to blocks: page furniture removed, paragraphs rejoined across line, column
//! and page breaks, words split at line ends mended, headings told by font size or weight.
//!
//! The rules read only geometry and type, never a publisher's wording:
//! - **furniture**: lines the PDF tags as pagination artifacts; lines in the top or bottom
//!   margin band ([`BAND`] of the page height) that repeat on two or more pages (digits
//!   ignored, so "Page 3" and "Page 4" repeat), that are page numbers, or that are short and
//!   set smaller than the body text (running titles, report numbers);
//! - **body size**: the font size most characters are set in;
//! - **blocks**: consecutive lines of one style; a block ends at extra vertical space, a change
//!   of size or weight, a bullet, or a short line that ends a sentence; a column or page break
//!   ends it only when its text ends a sentence (otherwise the paragraph goes on);
//! - **headings**: short blocks set larger than the body, or wholly bold at body size, that do
//!   not read as a caption ("Figure 1.") and do not end like a sentence.

use std::collections::{HashMap, HashSet};

use super::extract::Line;
use crate::text::space::collapse_spaces;

/// Fraction of the page height at the top and at the bottom where headers and footers sit.
pub const BAND: f32 = 0.12;

/// What a block is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    /// A heading: larger than the body, or bold at body size.
    Heading,
    /// Running text (also captions, table cells and notes set in smaller type).
    Paragraph,
    /// A list item.
    Bullet,
}

/// A run of lines read as one unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Block {
    /// Heading, paragraph or bullet.
    pub kind: Kind,
    /// The lines as printed (bullet marker removed), before joining.
    pub lines: Vec<String>,
    /// Where each line starts: left edge and vertical position, in points.
    pub positions: Vec<(f32, f32)>,
    /// The lines joined into running text, words split at line ends mended.
    pub text: String,
    /// Page of the first line, from 0.
    pub page: usize,
    /// Vertical position of the first line (points from the page bottom).
    pub y: f32,
    /// Font size of the first line.
    pub size: f32,
    /// True when the lines are set bold.
    pub bold: bool,
}

/// A document's text laid out: the body size, the blocks, and the furniture lines taken out
/// (the front-matter reader still looks at the first page's).
#[derive(Debug, Default)]
pub struct Layout {
    /// The font size most characters are set in.
    pub body_size: f32,
    /// Blocks in reading order.
    pub blocks: Vec<Block>,
    /// Lines removed as page furniture, in reading order.
    pub furniture: Vec<Line>,
    /// First-page lines printed above the title (kicker, date, logo text), taken out of the
    /// text flow for the front-matter reader.
    pub masthead: Vec<Line>,
}

/// Characters that open a list item.
const BULLETS: [char; 8] = ['•', '▪', '●', '◦', '■', '\u{f0b7}', '\u{f0a7}', '–'];

/// Lays out the lines of one document.
pub fn arrange(lines: Vec<Line>) -> Layout {
    let body_size = body_size(&lines);
    let (kept, furniture) = remove_furniture(lines, body_size);
    let (masthead, flow) = split_masthead(kept, body_size);
    let mut blocks = group(&flow, body_size);
    mend_line_ends(&mut blocks);
    Layout {
        body_size,
        blocks,
        furniture,
        masthead,
    }
}

/// Takes the first-page lines printed above the title out of the flow. The title is the
/// first page's largest text, at least 2 points over the body; a PDF without one has no
/// masthead.
fn split_masthead(lines: Vec<Line>, body_size: f32) -> (Vec<Line>, Vec<Line>) {
    let title_size = lines
        .iter()
        .filter(|l| l.page == 0 && l.size >= body_size + 2.0)
        .map(|l| l.size)
        .fold(None, |m: Option<f32>, s| Some(m.map_or(s, |m| m.max(s))));
    let Some(title_size) = title_size else {
        return (Vec::new(), lines);
    };
    let title_top = lines
        .iter()
        .filter(|l| l.page == 0 && (l.size - title_size).abs() < 0.3)
        .map(|l| l.y)
        .fold(f32::MIN, f32::max);
    lines
        .into_iter()
        .partition(|l| l.page == 0 && l.y > title_top + 0.5 * l.size.max(title_size))
}

/// The font size (to half a point) that most non-furniture characters are set in.
fn body_size(lines: &[Line]) -> f32 {
    let mut chars: HashMap<i32, usize> = HashMap::new();
    for l in lines.iter().filter(|l| !l.pagination) {
        *chars.entry((l.size * 2.0).round() as i32).or_default() += l.text.chars().count();
    }
    chars
        .into_iter()
        .max_by_key(|&(size, n)| (n, -size))
        .map_or(10.0, |(size, _)| size as f32 / 2.0)
}

/// Where a line sits vertically: in the top band, the bottom band, or the body.
fn band(line: &Line) -> Option<bool> {
    let h = line.page_height.max(1.0);
    if line.y > h * (1.0 - BAND) {
        Some(true)
    } else if line.y < h * BAND {
        Some(false)
    } else {
        None
    }
}

/// The line's text with digits folded, so running headers that differ only by page number
/// compare equal.
fn repeat_key(text: &str) -> String {
    let folded: String = text
        .chars()
        .map(|c| if c.is_ascii_digit() { '#' } else { c })
        .collect();
    collapse_spaces(&folded.to_lowercase())
}

/// "12", "- 12 -", "Page 3", "3 of 9", "iv".
fn is_page_number(text: &str) -> bool {
    let t = text
        .trim()
        .trim_matches(|c: char| c == '-' || c == '–' || c.is_whitespace());
    let t = t
        .strip_prefix("Page ")
        .or_else(|| t.strip_prefix("page "))
        .unwrap_or(t);
    let words: Vec<&str> = t.split_whitespace().collect();
    let number = |w: &str| {
        w.chars().all(|c| c.is_ascii_digit()) && !w.is_empty() && w.len() <= 4
            || (!w.is_empty() && w.len() <= 5 && w.chars().all(|c| "ivxlc".contains(c)))
    };
    match words.as_slice() {
        [n] => number(n),
        [a, of, b] => number(a) && (*of == "of" || *of == "/") && number(b),
        _ => false,
    }
}

/// Splits lines into what is kept and what is page furniture.
fn remove_furniture(lines: Vec<Line>, body_size: f32) -> (Vec<Line>, Vec<Line>) {
    let mut pages_of: HashMap<(String, bool), HashSet<usize>> = HashMap::new();
    for l in &lines {
        if let Some(top) = band(l) {
            pages_of
                .entry((repeat_key(&l.text), top))
                .or_default()
                .insert(l.page);
        }
    }
    let mut kept = Vec::with_capacity(lines.len());
    let mut furniture = Vec::new();
    for l in lines {
        let is_furniture = l.pagination
            || band(&l).is_some_and(|top| {
                pages_of
                    .get(&(repeat_key(&l.text), top))
                    .is_some_and(|p| p.len() >= 2)
                    || is_page_number(&l.text)
                    || (l.size < body_size - 0.4 && l.text.split_whitespace().count() <= 6)
            });
        if is_furniture {
            furniture.push(l);
        } else {
            kept.push(l);
        }
    }
    (kept, furniture)
}

/// True when text ends a sentence, looking through closing quotes and brackets.
pub fn ends_sentence(text: &str) -> bool {
    text.trim_end()
        .trim_end_matches(['"', '”', '’', '\'', ')', ']'])
        .chars()
        .next_back()
        .is_some_and(|c| ".!?:;…".contains(c))
}

/// The text after a bullet marker, when the line opens a list item.
fn bullet(text: &str) -> Option<&str> {
    let t = text.trim_start();
    let first = t.chars().next()?;
    if BULLETS.contains(&first) {
        let rest = t[first.len_utf8()..].trim_start();
        return (!rest.is_empty()).then_some(rest);
    }
    None
}

/// How a line is set, for grouping: size to half a point and weight.
fn style(line: &Line, body_size: f32) -> (i32, bool) {
    let larger = line.size > body_size + 0.6;
    ((line.size * 2.0).round() as i32, line.bold || larger)
}

/// True for a block set as a heading would be.
fn heading_style(size: f32, bold: bool, body_size: f32) -> bool {
    size >= body_size + 1.0 || (bold && size >= body_size - 0.6)
}

/// Groups kept lines into blocks.
fn group(lines: &[Line], body_size: f32) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut prev: Option<&Line> = None;
    let mut max_end = 0.0f32;
    for line in lines {
        let item = bullet(&line.text);
        let text = item.unwrap_or(&line.text).to_string();
        let continues = prev.is_some_and(|p| {
            let Some(block) = blocks.last() else {
                return false;
            };
            if item.is_some() || style(p, body_size) != style(line, body_size) {
                return false;
            }
            let size = p.size.max(line.size);
            let drop = p.y - line.y;
            let same_column = p.page == line.page && drop > 0.0 && line.x < p.x_end;
            if same_column {
                let spaced = drop > 1.65 * size;
                let short_end = p.x_end < max_end - 3.0 * size && ends_sentence(&p.text);
                !(spaced || short_end)
            } else {
                // A new column or page: the paragraph goes on unless it ended a sentence.
                block.kind != Kind::Heading
                    && !heading_style(line.size, line.bold, body_size)
                    && !ends_sentence(&block.text)
            }
        });
        if continues {
            let block = blocks.last_mut().expect("a block continues");
            block.lines.push(text.clone());
            block.positions.push((line.x, line.y));
            block.text.push(' ');
            block.text.push_str(&text);
            max_end = max_end.max(line.x_end);
        } else {
            let heading = heading_style(line.size, line.bold, body_size);
            blocks.push(Block {
                kind: if item.is_some() {
                    Kind::Bullet
                } else if heading {
                    Kind::Heading
                } else {
                    Kind::Paragraph
                },
                lines: vec![text.clone()],
                positions: vec![(line.x, line.y)],
                text,
                page: line.page,
                y: line.y,
                size: line.size,
                bold: line.bold,
            });
            max_end = line.x_end;
        }
        prev = Some(line);
    }
    for b in &mut blocks {
        if b.kind == Kind::Heading && !reads_as_heading(b) {
            b.kind = Kind::Paragraph;
        }
    }
    blocks
}

/// A heading-styled block that is short, not a caption, and does not end like a sentence.
fn reads_as_heading(b: &Block) -> bool {
    let words = b.text.split_whitespace().count();
    let caption = ["Figure ", "Table ", "Source", "Note", "Notes"]
        .iter()
        .any(|p| b.text.starts_with(p));
    let last = b.text.trim_end().chars().next_back();
    b.lines.len() <= 3
        && (1..=24).contains(&words)
        && !caption
        && !last.is_some_and(|c| ".,;:".contains(c))
}

/// Rejoins each block's lines into its text, mending words split at line ends.
///
/// A soft hyphen at a line end is always a split. A hard hyphen after a letter, with a
/// lower-case letter after it, is a split when the document also spells the whole word
/// without it ("ap-" + "plication" where "application" occurs elsewhere), and a compound
/// otherwise ("implosion-" + "style" stays "implosion-style"): publishing tools that do not
/// hyphenate, which most policy PDFs come from, only break lines at real hyphens.
fn mend_line_ends(blocks: &mut [Block]) {
    let mut vocabulary: HashSet<String> = HashSet::new();
    for b in blocks.iter() {
        for line in &b.lines {
            for w in line.split_whitespace() {
                let w = w
                    .trim_matches(|c: char| !c.is_alphanumeric())
                    .to_lowercase();
                if !w.is_empty() {
                    vocabulary.insert(w);
                }
            }
        }
    }
    for b in blocks.iter_mut() {
        let mut text = String::new();
        for line in &b.lines {
            let line = line.trim();
            if text.is_empty() {
                text.push_str(line);
                continue;
            }
            if text.ends_with('\u{ad}') {
                text.pop();
                text.push_str(line);
                continue;
            }
            let hyphen_split = text.ends_with('-')
                && text[..text.len() - 1]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_alphabetic);
            if hyphen_split {
                let next_lower = line.chars().next().is_some_and(char::is_lowercase);
                let head = text[..text.len() - 1]
                    .rsplit(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let tail = line
                    .split(|c: char| !c.is_alphanumeric())
                    .next()
                    .unwrap_or("");
                let whole = format!("{head}{tail}").to_lowercase();
                if next_lower && vocabulary.contains(&whole) {
                    text.pop();
                }
                text.push_str(line);
                continue;
            }
            if !text.ends_with('—') && !line.starts_with('—') {
                text.push(' ');
            }
            text.push_str(line);
        }
        b.text = collapse_spaces(&text.replace('\u{ad}', ""));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(page: usize, y: f32, size: f32, bold: bool, text: &str) -> Line {
        Line {
            page,
            x: 72.0,
            x_end: 72.0 + 5.0 * text.len() as f32,
            y,
            page_height: 792.0,
            size,
            bold,
            pagination: false,
            text: text.to_string(),
        }
    }

    #[test]
    fn paragraphs_join_across_lines_and_pages_and_headings_come_from_size() {
        let lines = vec![
            line(0, 700.0, 14.0, true, "Background"),
            line(0, 680.0, 10.0, false, "The talks resumed in the"),
            line(0, 668.0, 10.0, false, "capital after a long pause."),
            line(0, 640.0, 10.0, false, "A second paragraph runs to"),
            line(1, 700.0, 10.0, false, "the next page without a break."),
            line(1, 40.0, 8.0, false, "Page 2"),
            line(0, 40.0, 8.0, false, "Page 1"),
        ];
        let layout = arrange(lines);
        let texts: Vec<(Kind, &str)> = layout
            .blocks
            .iter()
            .map(|b| (b.kind, b.text.as_str()))
            .collect();
        assert_eq!(
            texts,
            vec![
                (Kind::Heading, "Background"),
                (
                    Kind::Paragraph,
                    "The talks resumed in the capital after a long pause."
                ),
                (
                    Kind::Paragraph,
                    "A second paragraph runs to the next page without a break."
                ),
            ]
        );
        assert_eq!(layout.furniture.len(), 2, "page numbers are furniture");
    }

    #[test]
    fn line_end_hyphens_are_mended_only_for_known_words() {
        let lines = vec![
            line(0, 700.0, 10.0, false, "The application of the ap-"),
            line(0, 688.0, 10.0, false, "plication rule and an implosion-"),
            line(0, 676.0, 10.0, false, "style design, with uranium-"),
            line(0, 664.0, 10.0, false, "235 in it."),
        ];
        let layout = arrange(lines);
        assert_eq!(
            layout.blocks[0].text,
            "The application of the application rule and an implosion-style design, with uranium-235 in it."
        );
    }

    #[test]
    fn repeated_running_headers_are_furniture() {
        let mut lines = Vec::new();
        for page in 0..3 {
            lines.push(line(page, 760.0, 9.0, false, "Water Talks in the Gulf"));
            lines.push(line(page, 600.0, 10.0, false, "Body text on this page."));
        }
        let layout = arrange(lines);
        assert_eq!(layout.furniture.len(), 3);
        assert!(layout
            .blocks
            .iter()
            .all(|b| !b.text.contains("Water Talks")));
    }

    #[test]
    fn bold_lines_at_body_size_are_headings_but_captions_are_not() {
        let lines = vec![
            line(0, 700.0, 10.0, true, "What Comes Next"),
            line(0, 680.0, 10.0, false, "Text."),
            line(0, 650.0, 10.0, true, "Figure 1. Water Use"),
            line(0, 630.0, 10.0, false, "More text."),
        ];
        let kinds: Vec<Kind> = arrange(lines).blocks.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                Kind::Heading,
                Kind::Paragraph,
                Kind::Paragraph,
                Kind::Paragraph
            ]
        );
    }
}
