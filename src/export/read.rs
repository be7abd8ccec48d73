//! Where exported briefs come from: an index (each head document's stored brief) or archive
//! folders (the same discovery, parsing and extraction as `briefs ingest`, on every core).
//! Briefs arrive in chunks so memory stays bounded whatever the archive's size.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use tantivy::collector::DocSetCollector;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{DocAddress, Term};

use crate::discover::{self, Skipped};
use crate::error::{Error, Result};
use crate::index::schema::doc_kind;
use crate::index::{BriefIndex, Progress};
use crate::model::Brief;

/// Briefs per chunk handed to the writers.
const CHUNK: usize = 512;

/// What one chunk of reading produced.
pub struct Chunk {
    /// Briefs read, in a stable order.
    pub briefs: Vec<Brief>,
    /// Files or records that could not be read, with the reason.
    pub failed: Vec<Skipped>,
    /// Bytes of input read (files for folders; passage text for an index).
    pub bytes: u64,
}

/// Reads every brief of the index in `dir`, `CHUNK` at a time, in document order.
pub fn from_index(
    pool: &rayon::ThreadPool,
    dir: &Path,
    progress: &dyn Progress,
    each: &mut dyn FnMut(Chunk) -> Result<()>,
) -> Result<()> {
    let bi = BriefIndex::open(dir)?;
    let reader = bi.index.reader()?;
    let searcher = reader.searcher();
    let heads = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::HEAD),
        IndexRecordOption::Basic,
    );
    let mut addrs: Vec<DocAddress> = searcher
        .search(&heads, &DocSetCollector)?
        .into_iter()
        .collect();
    addrs.sort();
    progress.start(addrs.len() as u64);
    for part in addrs.chunks(CHUNK) {
        let read: Vec<Result<(Brief, u64)>> = pool.install(|| {
            part.par_iter()
                .map(|addr| {
                    let brief = crate::index::stored::read_brief(&searcher, &bi.fields, *addr)
                        .map_err(|e| match e {
                            Error::Corrupt(why) => {
                                Error::Corrupt(format!("{why}, in {}", dir.display()))
                            }
                            other => other,
                        })?;
                    progress.advance(1);
                    let bytes = brief.passages.iter().map(|p| p.text.len() as u64).sum();
                    Ok((brief, bytes))
                })
                .collect()
        });
        let mut chunk = Chunk {
            briefs: Vec::with_capacity(read.len()),
            failed: Vec::new(),
            bytes: 0,
        };
        for r in read {
            let (brief, bytes) = r?;
            chunk.bytes += bytes;
            chunk.briefs.push(brief);
        }
        each(chunk)?;
    }
    progress.finish();
    Ok(())
}

/// Reads every brief under `roots` as `briefs ingest` would, a chunk of files at a time in
/// discovery order (sorted by path).
pub fn from_folders(
    pool: &rayon::ThreadPool,
    roots: &[PathBuf],
    max_file_bytes: u64,
    progress: &dyn Progress,
    each: &mut dyn FnMut(Chunk) -> Result<()>,
) -> Result<()> {
    let found = discover::discover(roots);
    if !found.errors.is_empty() && found.files.is_empty() {
        // Nothing to read and the roots themselves failed: say so rather than export nothing.
        let first = &found.errors[0];
        return Err(Error::Read {
            path: PathBuf::from(&first.path),
            source: std::io::Error::other(first.reason.clone()),
        });
    }
    let files: Vec<&discover::FoundFile> = found.files.iter().collect();
    progress.start(files.len() as u64);
    let mut first = true;
    for part in files.chunks(CHUNK) {
        let parsed = crate::index::ingest::read_batch(pool, part, max_file_bytes, progress);
        let mut chunk = Chunk {
            briefs: Vec::new(),
            failed: if first {
                found.errors.clone()
            } else {
                Vec::new()
            },
            bytes: 0,
        };
        first = false;
        for (file, result) in parsed {
            match result {
                Ok(pf) => {
                    chunk.bytes += file.size;
                    chunk.failed.extend(pf.errors.into_iter().map(|e| Skipped {
                        path: file.path.display().to_string(),
                        reason: e.to_string(),
                    }));
                    chunk.briefs.extend(pf.briefs);
                }
                Err(e) => chunk.failed.push(Skipped {
                    path: file.path.display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
        each(chunk)?;
    }
    progress.finish();
    Ok(())
}
