//! PDF bytes to positioned text lines, with `pdf_oxide`.
//!
//! The PDF library is the one part of parsing that runs code we did not write over bytes we do
//! not trust, so this module fences it in: every call into it runs under
//! [`std::panic::catch_unwind`] (a panic becomes a [`Failure::Panicked`], never a crashed
//! ingest), pages are read one at a time against a time budget (a file that takes longer
//! keeps the pages read so far, with a warning), and `pdf_oxide` itself caps the operators it
//! parses per content stream. Everything after this module works on plain [`Line`]s.

use std::collections::HashMap;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::sync::Once;
use std::time::{Duration, Instant};

use pdf_oxide::layout::{FontWeight, TextSpan};
use pdf_oxide::PdfDocument;

/// One line of text as printed: its page, position, dominant font size and weight.
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    /// Page number, from 0.
    pub page: usize,
    /// Left edge, in points.
    pub x: f32,
    /// Right edge, in points.
    pub x_end: f32,
    /// Vertical position in points from the bottom of the page (PDF coordinates).
    pub y: f32,
    /// Height of the page the line sits on, in points.
    pub page_height: f32,
    /// Font size of most of the line's characters.
    pub size: f32,
    /// True when most of the line's characters are set in a bold face.
    pub bold: bool,
    /// True when the PDF itself marks the line as a page header, footer or page number
    /// (tagged PDFs' pagination artifacts).
    pub pagination: bool,
    /// The text, with single spaces between words.
    pub text: String,
}

/// What reading a PDF produced: its lines in the order the PDF library reads them.
#[derive(Debug, Default)]
pub struct Extracted {
    /// Lines of every page read, in reading order.
    pub lines: Vec<Line>,
    /// Pages in the document.
    pub pages: usize,
    /// Problems worked around (a page that failed, the time budget spent).
    pub warnings: Vec<String>,
}

/// Why a PDF could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Failure {
    /// The file is not a PDF the library can open (no header, broken cross-references, …).
    Broken(String),
    /// The file is encrypted with a password we do not have.
    Encrypted,
    /// The PDF library panicked on this file; the message it gave.
    Panicked(String),
}

/// Reads every page's text lines, spending at most `budget` on pages after the first.
pub fn read(bytes: &[u8], budget: Duration) -> Result<Extracted, Failure> {
    // pdf_oxide shares parsed fonts across documents in a process-wide cache keyed by a hash
    // that leaves out what differs between two PDFs' copies of one font (their widths), so a
    // second PDF set in "the same" font gets the first one's glyph widths and its words come
    // apart ("N IH Grant s"). An ingest reads thousands of PDFs in one process: the cache is
    // switched off.
    static NO_SHARED_FONTS: Once = Once::new();
    NO_SHARED_FONTS.call_once(|| pdf_oxide::set_global_font_cache_capacity(0));
    let started = Instant::now();
    let doc = guarded(|| PdfDocument::from_bytes(bytes.to_vec()))?
        .map_err(|e| Failure::Broken(e.to_string()))?;
    if guarded(|| doc.is_encrypted())? {
        // Most encrypted PDFs only restrict printing or copying and open with the empty user
        // password; only a real password stops us.
        match guarded(|| doc.authenticate(b""))? {
            Ok(true) => {}
            _ => return Err(Failure::Encrypted),
        }
    }
    let pages = guarded(|| doc.page_count())?.map_err(|e| Failure::Broken(e.to_string()))?;
    if pages == 0 {
        return Err(Failure::Broken("no pages found".to_string()));
    }
    let mut out = Extracted {
        pages,
        ..Extracted::default()
    };
    for page in 0..pages {
        if page > 0 && started.elapsed() > budget {
            out.warnings.push(format!(
                "stopped reading after page {page} of {pages}: over the {} s budget for one PDF",
                budget.as_secs()
            ));
            break;
        }
        let height = guarded(|| doc.get_page_media_box(page))?
            .map(|(_, lly, _, ury)| (ury - lly).abs())
            .ok()
            .filter(|h| h.is_finite() && *h > 1.0)
            .unwrap_or(792.0);
        match guarded(|| doc.extract_spans(page)) {
            Ok(Ok(spans)) => out.lines.extend(lines_of(&spans, page, height)),
            Ok(Err(e)) => out
                .warnings
                .push(format!("page {}: text not readable: {e}", page + 1)),
            Err(Failure::Panicked(m)) if page > 0 => out.warnings.push(format!(
                "page {}: the PDF library failed ({m}); later pages skipped",
                page + 1
            )),
            Err(f) => return Err(f),
        }
    }
    Ok(out)
}

/// Runs `f`, turning a panic into [`Failure::Panicked`] with its message.
fn guarded<T>(f: impl FnOnce() -> T) -> Result<T, Failure> {
    catch_unwind(AssertUnwindSafe(f)).map_err(|payload| {
        let message = payload
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| payload.downcast_ref::<String>().cloned())
            .unwrap_or_else(|| "unknown panic".to_string());
        Failure::Panicked(message)
    })
}

/// True for a face the PDF marks bold, by weight or by font name.
fn is_bold(span: &TextSpan) -> bool {
    if span.font_weight >= FontWeight::SemiBold {
        return true;
    }
    let name = span.font_name.to_ascii_lowercase();
    ["bold", "black", "heavy", "semibold", "demibold"]
        .iter()
        .any(|w| name.contains(w))
}

/// A line being assembled from spans.
struct Builder {
    line: Line,
    /// Characters per (size in half points, bold) for the dominant style.
    styles: Vec<(i32, bool, usize)>,
    /// Characters in spans the PDF marks as pagination, and in all spans.
    paginated: usize,
    chars: usize,
    /// A space was seen (a white-space span) since the last text.
    pending_space: bool,
}

impl Builder {
    fn new(page: usize, height: f32, span: &TextSpan) -> Builder {
        Builder {
            line: Line {
                page,
                x: span.bbox.x,
                x_end: span.bbox.x,
                y: span.bbox.y,
                page_height: height,
                size: span.font_size,
                bold: false,
                pagination: false,
                text: String::new(),
            },
            styles: Vec::new(),
            paginated: 0,
            chars: 0,
            pending_space: false,
        }
    }

    fn push(&mut self, span: &TextSpan) {
        let text = span.text.as_str();
        let size = span.font_size.max(1.0);
        let gap = span.bbox.x - self.line.x_end;
        let starts_space = text.starts_with(char::is_whitespace);
        if !self.line.text.is_empty()
            && !self.line.text.ends_with(' ')
            && (self.pending_space || starts_space || gap > 0.2 * size)
        {
            self.line.text.push(' ');
        }
        self.pending_space = false;
        let mut words = text.split_whitespace().peekable();
        while let Some(w) = words.next() {
            self.line.text.push_str(w);
            if words.peek().is_some() {
                self.line.text.push(' ');
            }
        }
        if text.ends_with(char::is_whitespace) {
            self.pending_space = true;
        }
        let n = text.chars().filter(|c| !c.is_whitespace()).count();
        self.chars += n;
        if matches!(
            span.artifact_type,
            Some(pdf_oxide::extractors::text::ArtifactType::Pagination(_))
        ) {
            self.paginated += n;
        }
        let key = ((size * 2.0).round() as i32, is_bold(span));
        match self
            .styles
            .iter_mut()
            .find(|(s, b, _)| (*s, *b) == (key.0, key.1))
        {
            Some(entry) => entry.2 += n,
            None => self.styles.push((key.0, key.1, n)),
        }
        self.line.x = self.line.x.min(span.bbox.x);
        self.line.x_end = self.line.x_end.max(span.bbox.x + span.bbox.width);
    }

    fn finish(mut self) -> Option<Line> {
        let text = self.line.text.trim_end().to_string();
        if text.is_empty() {
            return None;
        }
        let mut size_chars: Vec<(i32, usize)> = Vec::new();
        let mut bold_chars = 0;
        for &(s, b, n) in &self.styles {
            if b {
                bold_chars += n;
            }
            match size_chars.iter_mut().find(|(k, _)| *k == s) {
                Some(e) => e.1 += n,
                None => size_chars.push((s, n)),
            }
        }
        if let Some(&(s, _)) = size_chars.iter().max_by_key(|(s, n)| (*n, *s)) {
            self.line.size = s as f32 / 2.0;
        }
        self.line.bold = bold_chars * 2 > self.chars;
        self.line.pagination = self.chars > 0 && self.paginated * 2 > self.chars;
        self.line.text = text;
        Some(self.line)
    }
}

/// Groups one page's spans (in the library's reading order) into lines: a span starts a new
/// line when it sits on another baseline, moves back left, or jumps right by more than one and
/// a half ems (another column or table cell on the same baseline).
fn lines_of(spans: &[TextSpan], page: usize, height: f32) -> Vec<Line> {
    let mut lines = Vec::new();
    let mut current: Option<Builder> = None;
    for span in spans {
        if !span.bbox.x.is_finite() || !span.bbox.y.is_finite() {
            continue;
        }
        if span.text.trim().is_empty() {
            if let Some(b) = current.as_mut() {
                b.pending_space = true;
            }
            continue;
        }
        let size = span.font_size.max(1.0);
        let same_line = current.as_ref().is_some_and(|b| {
            let tolerance = 0.5 * size.max(b.line.size);
            (span.bbox.y - b.line.y).abs() <= tolerance
                && span.bbox.x >= b.line.x_end - size
                && span.bbox.x <= b.line.x_end + 1.5 * size
        });
        if !same_line {
            if let Some(line) = current.take().and_then(Builder::finish) {
                lines.push(line);
            }
            current = Some(Builder::new(page, height, span));
        }
        if let Some(b) = current.as_mut() {
            b.push(span);
        }
    }
    if let Some(line) = current.and_then(Builder::finish) {
        lines.push(line);
    }
    join_stragglers(lines)
}

/// Appends to a line the lines the PDF drew later that continue it on the same baseline
/// (a superscript "th" and the rest of a title, a word drawn after the paragraph around it),
/// wherever they came in the reading order.
fn join_stragglers(lines: Vec<Line>) -> Vec<Line> {
    let mut out: Vec<Line> = Vec::with_capacity(lines.len());
    // Lines by baseline, to the nearest 2 points, for finding a line to continue.
    let mut by_row: HashMap<i64, Vec<usize>> = HashMap::new();
    for line in lines {
        let row = (line.y / 2.0).round() as i64;
        let size = line.size.max(1.0);
        let target = (row - 2..=row + 2)
            .filter_map(|r| by_row.get(&r))
            .flatten()
            .copied()
            .find(|&i| {
                let prev: &Line = &out[i];
                (prev.y - line.y).abs() <= 0.5 * size.max(prev.size)
                    && line.x >= prev.x_end - 1.0
                    && line.x <= prev.x_end + 0.6 * size
            });
        match target {
            Some(i) => {
                let prev = &mut out[i];
                // Touching text continues a word only into lower case ("119" + "th", "airstr"
                // + "ikes"); the line's own trailing space is gone, so otherwise a space.
                let touching = line.x <= prev.x_end + 0.2 * size;
                let word_goes_on = prev.text.ends_with(char::is_alphanumeric)
                    && line.text.starts_with(char::is_lowercase);
                if !(touching && word_goes_on) {
                    prev.text.push(' ');
                }
                prev.text.push_str(&line.text);
                prev.x_end = prev.x_end.max(line.x_end);
            }
            None => {
                by_row.entry(row).or_default().push(out.len());
                out.push(line);
            }
        }
    }
    out
}
