//! The library's one error type. Variants are split by who must act: input problems name the
//! file and say what is wrong with it; index problems say how to recover.

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
    /// The file's extension is not one `briefs` reads.
    #[error(
        "{path}: not a brief format briefs reads (.txt, .md, .markdown, .jsonl, .ndjson, .json)"
    )]
    UnsupportedFormat {
        /// The file.
        path: PathBuf,
    },
    /// A user-supplied value (query, date, flag) is not acceptable; the message says how to fix it.
    #[error("{0}")]
    Usage(String),
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
    #[error("no brief with id {0}")]
    NotFound(String),
    /// An I/O error outside reading a brief (writing output, creating folders).
    #[error("{context}: {source}")]
    Io {
        /// What was being done.
        context: String,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// An error from the tantivy search library.
    #[error("index error: {0}")]
    Tantivy(#[from] tantivy::TantivyError),
}
