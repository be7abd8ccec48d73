//! PDF input (`.pdf`): the bytes go straight to the PDF library, never through
//! [`super::decode`] (a PDF is binary by design).
//!
//! Three steps, one module each: [`extract`] reads positioned lines with font size and weight
//! (panics of the PDF library caught, a time budget per file); [`layout`] removes page
//! furniture, rejoins paragraphs and finds headings; [`front`] reads the title, date, kind and
//! authors the document prints and takes them out of the body. What is left becomes passages,
//! each under the heading it follows.
//!
//! A PDF with no text layer (a scan) is kept as a brief with no passages, titled by its file
//! name, with a warning that says so: the archive shows it exists and that it needs OCR. An
//! encrypted PDF ([`Error::PdfEncrypted`]) or one that does not open ([`Error::Pdf`]) is an
//! error naming the file; neither stops an ingest.

pub mod extract;
pub mod front;
pub mod layout;

use std::path::{Path, PathBuf};
use std::time::Duration;

use crate::error::{Error, Result};
use crate::model::{Author, Brief, Passage};

/// The most time spent reading one PDF's pages; the pages read by then are kept.
pub const TIME_BUDGET: Duration = Duration::from_secs(30);

/// The warning given to a PDF whose pages hold no text.
pub const NO_TEXT_LAYER: &str =
    "no text layer (a scanned or image-only PDF?): nothing to index but the file name; run OCR on it first";

/// Parses a PDF's bytes into one brief without `source` (see [`super::finish`]); the `id` is
/// set only when the pages print a document number and a date ([`crate::parse::numbered_id`],
/// so the PDF and the saved page of one version share it).
///
/// Errors: [`Error::PdfEncrypted`] when a password is needed, [`Error::Pdf`] when the file
/// does not open as a PDF or the PDF library fails on it.
pub fn parse(bytes: &[u8], source: &str) -> Result<Brief> {
    let path = || PathBuf::from(source);
    let extracted = extract::read(bytes, TIME_BUDGET).map_err(|f| match f {
        extract::Failure::Encrypted => Error::PdfEncrypted { path: path() },
        extract::Failure::Broken(reason) => Error::Pdf {
            path: path(),
            reason,
        },
        extract::Failure::Panicked(message) => Error::Pdf {
            path: path(),
            reason: format!("the PDF library failed: {message}"),
        },
    })?;
    let mut brief = Brief {
        warnings: extracted.warnings,
        ..Brief::default()
    };
    let has_text = extracted
        .lines
        .iter()
        .any(|l| l.text.chars().any(char::is_alphanumeric));
    if !has_text {
        brief.title = Path::new(source)
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("untitled")
            .to_string();
        brief.warnings.push(NO_TEXT_LAYER.to_string());
        return Ok(brief);
    }
    let mut laid_out = layout::arrange(extracted.lines);
    let front = front::read(&mut laid_out);
    brief.title = front.title.unwrap_or_default();
    brief.date = front.date;
    brief.kind = front.kind;
    if let (Some(number), Some(date)) = (&front.number, front.date) {
        brief.id = crate::parse::numbered_id(number, date);
    }
    brief.authors = front
        .authors
        .into_iter()
        .map(|name| Author { name, url: None })
        .collect();
    let mut heading: Option<String> = None;
    for block in laid_out.blocks {
        match block.kind {
            layout::Kind::Heading => heading = Some(block.text),
            layout::Kind::Paragraph | layout::Kind::Bullet => brief.passages.push(Passage {
                index: brief.passages.len(),
                heading: heading.clone(),
                text: block.text,
            }),
        }
    }
    Ok(brief)
}
