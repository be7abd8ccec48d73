//! The library's one error type. Variants are split by who must act ([`ErrorKind`]): input
//! problems name the file and say what is wrong with it; request problems name the parameter,
//! the value and what is accepted; index problems say how to recover; internal failures are
//! ours to fix. Every surface shows the same text: the CLI prints it, the HTTP API picks a
//! status from [`Error::kind`] and sends the text unchanged.

use std::path::PathBuf;

/// Convenience alias used across the library.
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything that can go wrong in `briefs`, each variant carrying what a user needs to fix it.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A file could not be read (missing, no permission, vanished mid-ingest).
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The file holds no text at all (zero bytes or only white space).
    #[error("{path}: empty file")]
    Empty {
        /// The file.
        path: PathBuf,
    },
    /// The file looks binary (many NUL bytes), so it is not a brief.
    #[error("{path}: binary data ({nuls} NUL bytes in the first {sampled} bytes), not a brief")]
    Binary {
        /// The file.
        path: PathBuf,
        /// NUL bytes seen in the sample.
        nuls: usize,
        /// Bytes sampled.
        sampled: usize,
    },
    /// The file is larger than the configured limit.
    #[error("{path}: {size} bytes is over the {limit}-byte limit for one file")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
        /// The limit in force.
        limit: u64,
    },
    /// Nothing usable was found: no title and no text.
    #[error("{path}: no title and no text found")]
    NoContent {
        /// The file (or `file:LINE` for JSON Lines).
        path: PathBuf,
    },
    /// A JSON Lines record is not valid JSON or has keys of the wrong type.
    #[error("{path}:{line}: bad JSON record: {message}")]
    Json {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What serde said.
        message: String,
    },
    /// The YAML front matter of a Markdown brief does not parse.
    #[error("{path}: bad front matter: {message}")]
    FrontMatter {
        /// The file.
        path: PathBuf,
        /// What the YAML parser said.
        message: String,
    },
    /// A PDF that does not open (no PDF header, broken cross-references, truncated) or that
    /// the PDF library fails on.
    #[error("{path}: not a readable PDF: {reason}")]
    Pdf {
        /// The file.
        path: PathBuf,
        /// What the PDF library said.
        reason: String,
    },
    /// A PDF encrypted with a password `briefs` does not have.
    #[error(
        "{path}: the PDF is encrypted and needs a password; save an unencrypted copy to index it"
    )]
    PdfEncrypted {
        /// The file.
        path: PathBuf,
    },
    /// The file's extension is not one `briefs` reads.
    #[error(
        "{path}: not a brief format briefs reads (.txt, .md, .markdown, .jsonl, .ndjson, .json, .pdf, .html, .htm)"
    )]
    UnsupportedFormat {
        /// The file.
        path: PathBuf,
    },
    /// A request parameter has a value that is not accepted.
    #[error("{param} {value:?} is not accepted: expected {expected}")]
    Param {
        /// The parameter's name (`since`, `per_brief`), as the HTTP API spells it; the CLI flag
        /// is the same name with dashes (`--per-brief`).
        param: &'static str,
        /// The value given.
        value: String,
        /// What is accepted instead.
        expected: String,
    },
    /// Two parameters contradict each other (`since` after `until`).
    #[error("{0}")]
    Conflict(String),
    /// A parameter this request does not take.
    #[error("unknown parameter {name:?}; this request takes {accepted}")]
    UnknownParam {
        /// The name given.
        name: String,
        /// The parameters it does take.
        accepted: String,
    },
    /// A single-valued parameter given twice.
    #[error("parameter {0:?} is given more than once; give it once")]
    RepeatedParam(String),
    /// The query text itself cannot be searched (it is too long).
    #[error("{0}")]
    Query(String),
    /// The index on disk was written by another schema version.
    #[error("index at {path} has schema version {found}, this briefs needs {expected}: run `briefs ingest --rebuild`")]
    SchemaVersion {
        /// The index folder.
        path: PathBuf,
        /// Version found on disk.
        found: u32,
        /// Version this build writes.
        expected: u32,
    },
    /// No index exists where one was expected.
    #[error("no index at {path}: run `briefs ingest` first")]
    NoIndex {
        /// The index folder.
        path: PathBuf,
    },
    /// Another process is writing the index.
    #[error("another ingest holds the index at {path}; wait for it to finish")]
    Locked {
        /// The index folder.
        path: PathBuf,
    },
    /// A brief id was asked for that the index does not hold.
    #[error("no brief with id {0:?}: ids are the 16 hex digits of a search hit's brief_id")]
    NotFound(String),
    /// Stored data that cannot be read back; rebuilding the index repairs it.
    #[error("{0}; run `briefs ingest --rebuild`")]
    Corrupt(String),
    /// An I/O error outside reading a brief (writing output, creating folders).
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A search engine that `briefs export --push` sends to refused the export or could not be
    /// reached: the URL (never with credentials) and what the engine answered.
    #[error("push to {url}: {message}")]
    Push {
        /// The engine's base URL.
        url: String,
        /// What went wrong, with the HTTP status and the start of the engine's answer.
        message: String,
    },
    /// An error from the tantivy search library.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
    /// Something failed inside briefs that no input explains (a thread pool that would not
    /// start, a benchmark baseline that failed): ours to fix, with what was being done.
    #[error("internal error while {context}: {message}")]
    Internal {
        /// What was being done.
        context: String,
        /// What failed.
        message: String,
    },
}

/// Who must act on an [`Error`]; the HTTP API maps each to a status.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// A file of the archive cannot be read as a brief (reported per file, never fatal).
    Input,
    /// The request's parameters or query must change (HTTP 400).
    Request,
    /// The thing asked for does not exist (HTTP 404).
    NotFound,
    /// The index is missing, locked or of another version: wait or rebuild (HTTP 503).
    Unavailable,
    /// A failure of ours or of the machine (HTTP 500).
    Internal,
}

impl Error {
    /// Who must act on this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Error::Read { .. }
            | Error::Empty { .. }
            | Error::Binary { .. }
            | Error::TooLarge { .. }
            | Error::NoContent { .. }
            | Error::Json { .. }
            | Error::FrontMatter { .. }
            | Error::Pdf { .. }
            | Error::PdfEncrypted { .. }
            | Error::UnsupportedFormat { .. } => ErrorKind::Input,
            Error::Param { .. }
            | Error::Conflict(_)
            | Error::UnknownParam { .. }
            | Error::RepeatedParam(_)
            | Error::Query(_) => ErrorKind::Request,
            Error::NotFound(_) => ErrorKind::NotFound,
            Error::SchemaVersion { .. }
            | Error::NoIndex { .. }
            | Error::Locked { .. }
            | Error::Corrupt(_)
            | Error::Push { .. } => ErrorKind::Unavailable,
            Error::Io { .. } | Error::Tantivy(_) | Error::Internal { .. } => ErrorKind::Internal,
        }
    }

    /// A [`Error::Param`] for `param`, saying what is accepted.
    pub fn param(
        param: &'static str,
        value: impl Into<String>,
        expected: impl Into<String>,
    ) -> Error {
        Error::Param {
            param,
            value: value.into(),
            expected: expected.into(),
        }
    }
}
