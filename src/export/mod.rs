//! `briefs export`: the way out when an archive outgrows one machine. Briefs, read from an
//! index or straight from archive folders, are written in the formats of a distributed search
//! engine, ready to load: OpenSearch/Elasticsearch (`mapping.json` and `_bulk` files), Quickwit
//! (`index-config.yaml` and NDJSON for its ingest API), or the project's own JSON Lines.
//!
//! One concern a file: [`read`] gets the briefs (an index or folders), [`documents`] makes one
//! document per passage carrying its brief's fields, [`opensearch`], [`quickwit`] and [`jsonl`]
//! write each engine's files, [`split`] cuts output into numbered files of a bounded size,
//! [`push`] sends the files to a running engine, [`render`] prints the summary.

pub mod documents;
pub mod jsonl;
pub mod opensearch;
pub mod push;
pub mod quickwit;
pub mod read;
pub mod render;
pub mod split;

use std::path::PathBuf;
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};

use crate::discover::Skipped;
use crate::error::{Error, Result};
use crate::index::Progress;
pub use documents::{passage_documents, PassageDoc};
pub use push::{Auth, PushOptions, PushReport, Rejected};
pub use render::summary;
pub use split::WrittenFile;

/// The default size limit of one output file: 10 MB, what `_bulk` and Quickwit's ingest API
/// take in one request by default.
pub const DEFAULT_SPLIT_BYTES: u64 = 10_000_000;

/// What to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Target {
    /// OpenSearch or Elasticsearch: `mapping.json` and `bulk-NNNN.ndjson`.
    Opensearch,
    /// Quickwit: `index-config.yaml` and `ingest-NNNN.ndjson`.
    Quickwit,
    /// `briefs` JSON Lines: `briefs-NNNN.jsonl`, one brief a line.
    Jsonl,
}

impl Target {
    /// The numbered data files' prefix and extension.
    fn files(self) -> (&'static str, &'static str) {
        match self {
            Target::Opensearch => ("bulk", "ndjson"),
            Target::Quickwit => ("ingest", "ndjson"),
            Target::Jsonl => ("briefs", "jsonl"),
        }
    }
}

/// Where the briefs come from.
#[derive(Debug, Clone)]
pub enum Source {
    /// An index folder: every brief as stored.
    Index(PathBuf),
    /// Archive folders or files, read as `briefs ingest` reads them.
    Paths(Vec<PathBuf>),
}

/// Settings for one export.
#[derive(Debug, Clone)]
pub struct ExportOptions {
    /// The format.
    pub target: Target,
    /// Index or folders.
    pub source: Source,
    /// Output folder (created if missing; earlier output files of the same target are removed).
    pub out: PathBuf,
    /// Index name (OpenSearch) or index id (Quickwit).
    pub name: String,
    /// Largest output file in bytes (a single larger record gets a file alone).
    pub split_bytes: u64,
    /// Threads for reading and encoding (0 = one per core).
    pub threads: usize,
    /// Largest archive file read, in bytes.
    pub max_file_bytes: u64,
}

/// What an export wrote.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ExportReport {
    /// The format written.
    pub target: Target,
    /// The output folder.
    pub out: String,
    /// Where the briefs came from (the index folder, or the paths joined by spaces).
    pub source: String,
    /// Briefs exported.
    pub briefs: u64,
    /// Documents written (passage documents; briefs for JSON Lines).
    pub documents: u64,
    /// The mapping or index configuration written, if the target has one.
    pub config: Option<String>,
    /// Data files in order, with their sizes and document counts.
    pub files: Vec<WrittenFile>,
    /// Bytes written, configuration included.
    pub bytes_written: u64,
    /// Bytes of input read (archive files, or the index's stored briefs).
    pub bytes_read: u64,
    /// Files or records that could not be read, with the reason.
    pub failed: Vec<Skipped>,
    /// Wall-clock seconds of reading and writing (a push is timed apart).
    pub elapsed_secs: f64,
    /// Megabytes (10^6 bytes) written per second.
    pub mb_per_sec: f64,
    /// Documents written per second.
    pub documents_per_sec: f64,
    /// What `--push` did, when asked.
    pub push: Option<PushReport>,
    /// Seconds the push took.
    pub push_secs: Option<f64>,
}

impl ExportReport {
    /// Whether every brief was read and every pushed document accepted: the exit status.
    pub fn complete(&self) -> bool {
        self.failed.is_empty() && self.push.as_ref().is_none_or(|p| p.documents_rejected == 0)
    }
}

fn io(context: String) -> impl FnOnce(std::io::Error) -> Error {
    move |source| Error::Io { context, source }
}

/// Runs an export: reads briefs, writes the target's configuration and data files.
pub fn export(opts: &ExportOptions, progress: &dyn Progress) -> Result<ExportReport> {
    let started = Instant::now();
    let (_, pool) = crate::index::ingest::thread_pool(opts.threads)?;
    std::fs::create_dir_all(&opts.out).map_err(io(format!("creating {}", opts.out.display())))?;
    let (prefix, ext) = opts.target.files();
    let mut writer = split::SplitWriter::new(&opts.out, prefix, ext, opts.split_bytes);
    remove_old_output(opts, &writer)?;

    let mut report = ExportReport {
        target: opts.target,
        out: opts.out.display().to_string(),
        source: match &opts.source {
            Source::Index(d) => d.display().to_string(),
            Source::Paths(p) => p
                .iter()
                .map(|p| p.display().to_string())
                .collect::<Vec<_>>()
                .join(" "),
        },
        briefs: 0,
        documents: 0,
        config: None,
        files: Vec::new(),
        bytes_written: 0,
        bytes_read: 0,
        failed: Vec::new(),
        elapsed_secs: 0.0,
        mb_per_sec: 0.0,
        documents_per_sec: 0.0,
        push: None,
        push_secs: None,
    };
    if let Some((name, bytes)) = config_file(opts.target, &opts.name) {
        let path = opts.out.join(name);
        std::fs::write(&path, &bytes).map_err(io(format!("writing {}", path.display())))?;
        report.bytes_written += bytes.len() as u64;
        report.config = Some(path.display().to_string());
    }

    let target = opts.target;
    let name = opts.name.as_str();
    let mut each = |chunk: read::Chunk| -> Result<()> {
        report.bytes_read += chunk.bytes;
        report.failed.extend(chunk.failed);
        report.briefs += chunk.briefs.len() as u64;
        // Encoding is the costly part: every core does it; writing stays in order.
        let encoded: Vec<Vec<(Vec<u8>, u64)>> = pool.install(|| {
            chunk
                .briefs
                .par_iter()
                .map(|b| encode(target, name, b))
                .collect()
        });
        for (record, docs) in encoded.iter().flatten() {
            writer.write(record, *docs)?;
            report.documents += docs;
        }
        Ok(())
    };
    match &opts.source {
        Source::Index(dir) => read::from_index(&pool, dir, progress, &mut each)?,
        Source::Paths(roots) => {
            read::from_folders(&pool, roots, opts.max_file_bytes, progress, &mut each)?
        }
    }
    writer.close()?;
    report.bytes_written += writer.files.iter().map(|f| f.bytes).sum::<u64>();
    report.files = writer.files;
    report.elapsed_secs = started.elapsed().as_secs_f64();
    let secs = report.elapsed_secs.max(1e-9);
    report.mb_per_sec = report.bytes_written as f64 / 1e6 / secs;
    report.documents_per_sec = report.documents as f64 / secs;
    Ok(report)
}

/// Sends what [`export`] wrote to a running engine and records the result in the report.
pub fn push_report(
    report: &mut ExportReport,
    opts: &PushOptions,
    progress: &dyn Progress,
) -> Result<()> {
    let config = match &report.config {
        Some(path) => std::fs::read(path).map_err(io(format!("reading {path}")))?,
        None => Vec::new(),
    };
    let started = Instant::now();
    let pushed = push::push(opts, &config, &report.files, progress)?;
    report.push_secs = Some(started.elapsed().as_secs_f64());
    report.push = Some(pushed);
    Ok(())
}

/// The configuration file a target needs, with its contents.
pub fn config_file(target: Target, name: &str) -> Option<(&'static str, Vec<u8>)> {
    match target {
        Target::Opensearch => {
            let mut bytes = serde_json::to_vec_pretty(&opensearch::mapping()).unwrap_or_default();
            bytes.push(b'\n');
            Some((opensearch::MAPPING_FILE, bytes))
        }
        Target::Quickwit => Some((
            quickwit::CONFIG_FILE,
            quickwit::index_config_yaml(name).into_bytes(),
        )),
        Target::Jsonl => None,
    }
}

/// One brief's records, each with the documents it holds.
fn encode(target: Target, name: &str, brief: &crate::model::Brief) -> Vec<(Vec<u8>, u64)> {
    match target {
        Target::Jsonl => {
            let mut out = Vec::new();
            jsonl::record(brief, &mut out);
            vec![(out, 1)]
        }
        Target::Opensearch => passage_documents(brief)
            .iter()
            .map(|d| {
                let mut out = Vec::new();
                opensearch::bulk_record(name, d, &mut out);
                (out, 1)
            })
            .collect(),
        Target::Quickwit => passage_documents(brief)
            .iter()
            .map(|d| {
                let mut out = Vec::new();
                quickwit::ingest_record(d, &mut out);
                (out, 1)
            })
            .collect(),
    }
}

/// Removes numbered data files an earlier export of this target left in the folder, so the
/// folder holds this export only (other files are left alone).
fn remove_old_output(opts: &ExportOptions, writer: &split::SplitWriter) -> Result<()> {
    let entries =
        std::fs::read_dir(&opts.out).map_err(io(format!("reading {}", opts.out.display())))?;
    for entry in entries.flatten() {
        let name = entry.file_name();
        if name.to_str().is_some_and(|n| writer.owns(n)) {
            let path = entry.path();
            std::fs::remove_file(&path).map_err(io(format!("removing {}", path.display())))?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Author, Brief, Passage};
    use proptest::prelude::*;

    fn brief(title: String, texts: Vec<(Option<String>, String)>, author: String) -> Brief {
        Brief {
            id: "0123456789abcdef".into(),
            source: "x.txt".into(),
            title,
            authors: vec![Author {
                name: author,
                url: None,
            }],
            passages: texts
                .into_iter()
                .enumerate()
                .map(|(index, (heading, text))| Passage {
                    index,
                    heading,
                    text,
                })
                .collect(),
            ..Brief::default()
        }
    }

    proptest! {
        /// Whatever text a brief holds (line breaks, quotes, control characters, any script),
        /// each record is whole lines of JSON that read back as the document written.
        #[test]
        fn records_are_whole_json_lines(
            title in "\\PC*",
            texts in proptest::collection::vec((proptest::option::of("[^\\x00]*"), ".*\n?.*"), 0..5),
            author in "\\PC*",
        ) {
            let b = brief(title, texts, author);
            let docs = passage_documents(&b);
            for (target, per_doc) in [(Target::Opensearch, 2), (Target::Quickwit, 1)] {
                let records = encode(target, "briefs", &b);
                prop_assert_eq!(records.len(), docs.len());
                for ((bytes, n), doc) in records.iter().zip(&docs) {
                    prop_assert_eq!(*n, 1);
                    let text = std::str::from_utf8(bytes).unwrap();
                    prop_assert!(text.ends_with('\n'));
                    let lines: Vec<&str> = text.lines().collect();
                    prop_assert_eq!(lines.len(), per_doc);
                    let mut back: PassageDoc = serde_json::from_str(lines[per_doc - 1]).unwrap();
                    back.date = doc.date.clone();
                    prop_assert_eq!(&back, doc);
                }
            }
            let jl = encode(Target::Jsonl, "briefs", &b);
            let text = std::str::from_utf8(&jl[0].0).unwrap();
            prop_assert_eq!(text.lines().count(), 1);
            let back: Brief = serde_json::from_str(text).unwrap();
            prop_assert_eq!(back, b);
        }

        /// Split files never pass the limit unless one record alone does, and keep every byte
        /// in order.
        #[test]
        fn split_files_stay_under_the_limit(
            sizes in proptest::collection::vec(1usize..300, 0..60),
            limit in 1u64..1000,
        ) {
            let dir = tempfile::tempdir().unwrap();
            let mut w = split::SplitWriter::new(dir.path(), "bulk", "ndjson", limit);
            let mut all = Vec::new();
            for (i, n) in sizes.iter().enumerate() {
                let mut rec = vec![b'a' + (i % 26) as u8; *n - 1];
                rec.push(b'\n');
                all.extend_from_slice(&rec);
                w.write(&rec, 1).unwrap();
            }
            w.close().unwrap();
            let mut joined = Vec::new();
            for f in &w.files {
                let bytes = std::fs::read(&f.path).unwrap();
                prop_assert!(bytes.len() as u64 <= limit || f.documents == 1);
                prop_assert_eq!(bytes.len() as u64, f.bytes);
                joined.extend(bytes);
            }
            prop_assert_eq!(joined, all);
            prop_assert_eq!(w.files.iter().map(|f| f.documents).sum::<u64>(), sizes.len() as u64);
        }
    }
}
