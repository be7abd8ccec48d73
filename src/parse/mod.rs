//! Stage 2 of the pipeline: bytes of one file become one or more [`Brief`]s.
//!
//! Reading is defensive: a BOM is dropped, CRLF and CR line ends become LF, stray NUL bytes
//! are removed and invalid UTF-8 is replaced, each with a warning that says so; a file that is
//! empty or binary is an error naming the file. The format is chosen by extension:
//! `.txt` (and `.md` without front matter) is the saved-page format ([`saved`]), `.md` with
//! YAML front matter is [`frontmatter`], `.jsonl`/`.ndjson`/`.json` is [`jsonl`], `.pdf` is
//! [`pdf`] (bytes straight to the PDF reader, never through [`decode`]), `.html`/`.htm` is
//! [`html`].

pub mod body;
pub mod frontmatter;
pub mod html;
pub mod inline;
pub mod jsonl;
pub mod page;
pub mod pdf;
pub mod saved;

use std::path::{Path, PathBuf};

use crate::error::{Error, Result};
use crate::model::Brief;

/// Files larger than this are refused unless the caller raises the limit (64 MiB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

pub use crate::model::Format;

/// Everything read from one file: the briefs that parsed and the records that did not.
#[derive(Debug, Default)]
pub struct ParsedFile {
    /// Briefs kept, each with its warnings.
    pub briefs: Vec<Brief>,
    /// Records that could not be kept (a bad JSON line, say); other records still count.
    pub errors: Vec<Error>,
}

/// Reads and parses one file with the default size limit.
pub fn parse_file(path: &Path) -> Result<ParsedFile> {
    parse_file_with_limit(path, DEFAULT_MAX_FILE_BYTES)
}

/// Reads and parses one file, refusing files over `max_bytes`.
///
/// Errors: [`Error::Read`] when the file cannot be read, [`Error::TooLarge`], [`Error::Empty`],
/// [`Error::Binary`], [`Error::UnsupportedFormat`], [`Error::Pdf`] and [`Error::PdfEncrypted`]
/// for PDFs; a file that reads but holds nothing usable gives [`Error::NoContent`].
pub fn parse_file_with_limit(path: &Path, max_bytes: u64) -> Result<ParsedFile> {
    let format = Format::of_path(path).ok_or_else(|| Error::UnsupportedFormat {
        path: path.to_path_buf(),
    })?;
    let meta = std::fs::metadata(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    if meta.len() > max_bytes {
        return Err(Error::TooLarge {
            path: path.to_path_buf(),
            size: meta.len(),
            limit: max_bytes,
        });
    }
    let bytes = std::fs::read(path).map_err(|source| Error::Read {
        path: path.to_path_buf(),
        source,
    })?;
    parse_bytes(&bytes, &path.display().to_string(), format)
}

/// Parses bytes already in memory; `source` names them in ids, warnings and errors.
pub fn parse_bytes(bytes: &[u8], source: &str, format: Format) -> Result<ParsedFile> {
    // A PDF is binary by design: it goes to its reader as bytes, never through `decode`.
    if format == Format::Pdf {
        return parse_pdf(bytes, source);
    }
    let (text, warnings) = decode(bytes, source)?;
    let mut parsed = match format {
        Format::Saved => single(saved::parse(&text), source)?,
        Format::Markdown => match frontmatter::split(&text) {
            Some((yaml, body)) => single(frontmatter::parse(yaml, body, source)?, source)?,
            None => single(saved::parse(&text), source)?,
        },
        Format::Json => jsonl::parse(&text, source),
        Format::Html => single(html::parse(&text), source)?,
        Format::Pdf => return parse_pdf(bytes, source),
    };
    for brief in &mut parsed.briefs {
        let mut w = warnings.clone();
        w.append(&mut brief.warnings);
        brief.warnings = w;
    }
    Ok(parsed)
}

/// Reads a PDF's bytes (an empty file is [`Error::Empty`], as for every format).
fn parse_pdf(bytes: &[u8], source: &str) -> Result<ParsedFile> {
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty {
            path: PathBuf::from(source),
        });
    }
    single(pdf::parse(bytes, source)?, source)
}

fn single(mut brief: Brief, source: &str) -> Result<ParsedFile> {
    finish(&mut brief, source)?;
    Ok(ParsedFile {
        briefs: vec![brief],
        errors: Vec::new(),
    })
}

/// Fills the fields every reader shares: source, title fallback, id.
///
/// Parsing stops here: entities and events are the extract stage's, which the caller runs next
/// (`briefs::extract::enrich`), so parsing alone can be tested and measured.
///
/// A brief with neither a title nor any text is refused with [`Error::NoContent`].
pub fn finish(brief: &mut Brief, source: &str) -> Result<()> {
    brief.source = source.to_string();
    let has_text =
        brief.summary.as_deref().is_some_and(|s| !s.is_empty()) || !brief.passages.is_empty();
    if brief.title.trim().is_empty() {
        if !has_text {
            return Err(Error::NoContent {
                path: PathBuf::from(source),
            });
        }
        let stem = Path::new(source.split(':').next().unwrap_or(source))
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("untitled")
            .to_string();
        brief
            .warnings
            .push(format!("no title; using the file name {stem:?}"));
        brief.title = stem;
    }
    if brief.id.is_empty() {
        brief.id = brief_id(brief);
    }
    Ok(())
}

/// Computes a brief's stable id: the first 16 hex digits of XXH3-64 over its identity.
///
/// The identity is `briefs-id-v1`, the lower-cased title, the ISO date (or empty) and the
/// author names joined by `;`, separated by newlines. It never involves the path, so moving
/// the archive or re-running keeps every id; editing the body keeps it too, so an edited file
/// replaces its brief. When the title was missing the first passage's text stands in for it.
pub fn brief_id(brief: &Brief) -> String {
    let date = brief
        .date
        .map(|d| d.format("%Y-%m-%d").to_string())
        .unwrap_or_default();
    let authors: Vec<&str> = brief.authors.iter().map(|a| a.name.as_str()).collect();
    let title_missing = brief.warnings.iter().any(|w| w.starts_with("no title"));
    let title = if title_missing {
        brief
            .passages
            .first()
            .map(|p| p.text.clone())
            .or(brief.summary.clone())
            .unwrap_or_default()
    } else {
        brief.title.to_lowercase()
    };
    let identity = format!(
        "briefs-id-v1\n{}\n{}\n{}",
        title.trim(),
        date,
        authors.join(";")
    );
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(identity.as_bytes()))
}

/// The id of a brief whose page states the publisher's document number: the first 16 hex
/// digits of XXH3-64 over `briefs-id-v1`, `number`, the upper-cased number and the ISO date,
/// separated by newlines.
///
/// The number and the date are what every format of a document prints (a saved page, its
/// PDF), however the title is punctuated or the authors are written, so the same version of
/// a document has one id in any file, and the later path replaces the earlier. Each version
/// of a document carries its own date, so two versions are two briefs: both are documents in
/// their own right, and one id for all versions would let the path order, not the version,
/// decide which survives. A version reissued on the same day replaces the earlier one.
pub fn numbered_id(number: &str, date: chrono::NaiveDate) -> String {
    let identity = format!(
        "briefs-id-v1\nnumber\n{}\n{}",
        number.trim().to_uppercase(),
        date.format("%Y-%m-%d")
    );
    format!("{:016x}", xxhash_rust::xxh3::xxh3_64(identity.as_bytes()))
}

/// Decodes file bytes to clean text: no BOM, LF line ends, no NUL bytes, valid UTF-8.
///
/// Returns the warnings for what was repaired; refuses empty and binary input.
pub fn decode(bytes: &[u8], source: &str) -> Result<(String, Vec<String>)> {
    let path = || PathBuf::from(source);
    let mut warnings = Vec::new();
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(|b| b.is_ascii_whitespace()) {
        return Err(Error::Empty { path: path() });
    }
    let sampled = bytes.len().min(8192);
    let sample = &bytes[..sampled];
    let nuls = sample.iter().filter(|&&b| b == 0).count();
    // Like git, a NUL marks binary data; unlike git, a stray NUL in otherwise clean text is
    // repaired, so the file is refused only when NULs are many or come with other control bytes.
    let control = sample
        .iter()
        .filter(|&&b| b < 0x09 || (0x0e..0x20).contains(&b) || b == 0x7f)
        .count();
    if nuls * 10 > sampled || (nuls > 0 && control * 10 > sampled) {
        return Err(Error::Binary {
            path: path(),
            nuls,
            sampled,
        });
    }
    let text = match std::str::from_utf8(bytes) {
        Ok(s) => std::borrow::Cow::Borrowed(s),
        Err(e) => {
            warnings.push(format!(
                "invalid UTF-8 from byte {}; bad bytes replaced with U+FFFD",
                e.valid_up_to()
            ));
            String::from_utf8_lossy(bytes)
        }
    };
    let mut clean = String::with_capacity(text.len());
    let mut removed_nul = 0usize;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\r' => {
                if chars.peek() == Some(&'\n') {
                    chars.next();
                }
                clean.push('\n');
            }
            '\0' => removed_nul += 1,
            c => clean.push(c),
        }
    }
    if removed_nul > 0 {
        warnings.push(format!("{removed_nul} NUL bytes removed"));
    }
    Ok((clean, warnings))
}
