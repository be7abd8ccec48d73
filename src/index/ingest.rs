//! `briefs ingest`: discover, compare with the index, parse and extract on every core, write
//! in committed batches, and report what happened.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::indexer::UserOperation;
use tantivy::{IndexWriter, TantivyError, Term};

use super::documents::brief_documents;
use super::schema::{Codec, Fields};
use super::state::{read_state, IndexState};
use super::stats::counts;
use super::store::{BriefIndex, CommitInfo};
use crate::discover::{self, FoundFile, Skipped};
use crate::error::{Error, Result};
use crate::model::Brief;
use crate::parse;

/// Settings for one ingest run.
#[derive(Debug, Clone)]
pub struct IngestOptions {
    /// Folders or files to read.
    pub roots: Vec<PathBuf>,
    /// Index folder.
    pub index_dir: PathBuf,
    /// Start from an empty index.
    pub rebuild: bool,
    /// Total indexing memory budget in bytes, shared by the writer threads.
    pub memory_bytes: usize,
    /// Writer and parser threads (0 = one per core).
    pub threads: usize,
    /// Files per commit: an interruption loses at most this much work.
    pub batch_files: usize,
    /// Largest file read, in bytes.
    pub max_file_bytes: u64,
    /// Document store compression for a new (or rebuilt) index; `None` keeps an existing
    /// index's and gives a new one the default.
    pub codec: Option<Codec>,
}

impl Default for IngestOptions {
    fn default() -> Self {
        IngestOptions {
            roots: vec![PathBuf::from("corpus")],
            index_dir: PathBuf::from("index"),
            rebuild: false,
            memory_bytes: 256 * 1024 * 1024,
            threads: 0,
            batch_files: 5_000,
            max_file_bytes: parse::DEFAULT_MAX_FILE_BYTES,
            codec: None,
        }
    }
}

/// Receives progress as files are read; the CLI draws a bar with it.
pub trait Progress: Sync {
    /// The number of files that will be read.
    fn start(&self, _files: u64) {}
    /// `n` more files were read.
    fn advance(&self, _n: u64) {}
    /// Reading is over.
    fn finish(&self) {}
}

/// A [`Progress`] that shows nothing.
pub struct NoProgress;

impl Progress for NoProgress {}

/// Seconds spent in each stage of an ingest.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct StageTimes {
    /// Walking the roots and comparing with the index.
    pub discover: f64,
    /// Reading files and parsing them (with entity and event extraction).
    pub read_parse: f64,
    /// Building documents and handing them to the writer threads.
    pub index: f64,
    /// Commits, and waiting for indexing and merges to finish.
    pub commit_merge: f64,
}

/// The closing summary of an ingest: what was read, indexed, skipped and how fast.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct IngestReport {
    /// Index folder.
    pub index: String,
    /// Brief files found under the roots.
    pub files_seen: usize,
    /// Files read and parsed this run (new or changed).
    pub files_read: usize,
    /// Files skipped because the index already holds their current version.
    pub files_unchanged: usize,
    /// Files whose briefs left the index because the file is gone.
    pub files_removed: usize,
    /// Briefs written this run.
    pub briefs_indexed: usize,
    /// Passages written this run.
    pub passages_indexed: usize,
    /// Briefs removed with their files.
    pub briefs_removed: usize,
    /// Bytes read from disk.
    pub bytes_read: u64,
    /// Files that are not a brief format (counted, not read).
    pub skipped: Vec<Skipped>,
    /// Files or records that failed, with the reason; other briefs still count.
    pub failed: Vec<Skipped>,
    /// Warnings from parsing, each naming its source.
    pub warnings: Vec<Skipped>,
    /// Briefs in the index after the run.
    pub briefs_total: u64,
    /// Passages in the index after the run.
    pub passages_total: u64,
    /// Wall-clock seconds for the whole run.
    pub elapsed_secs: f64,
    /// Briefs written per second of wall time.
    pub briefs_per_sec: f64,
    /// Megabytes (10^6 bytes) read per second of wall time.
    pub mb_per_sec: f64,
    /// Time per stage.
    pub stages: StageTimes,
}

pub(super) fn open_writer(bi: &BriefIndex, threads: usize, memory: usize) -> Result<IndexWriter> {
    let threads = threads.max(1);
    let per_thread = (memory / threads).max(15_000_000);
    match bi
        .index
        .writer_with_num_threads(threads, per_thread * threads)
    {
        Ok(w) => Ok(w),
        Err(TantivyError::LockFailure(LockError::LockBusy, _)) => Err(Error::Locked {
            path: bi.dir.clone(),
        }),
        Err(e) => Err(e.into()),
    }
}

/// The worker pool of a run: `threads` threads, or one per core when 0; returns the count too.
pub fn thread_pool(threads: usize) -> Result<(usize, rayon::ThreadPool)> {
    let threads = if threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Internal {
            context: format!("starting {threads} threads"),
            message: e.to_string(),
        })?;
    Ok((threads, pool))
}

/// Runs an ingest: discover, parse in parallel, index with every core, commit in batches.
///
/// Errors are returned only when the index itself cannot be opened or written ([`Error::Locked`]
/// when another ingest holds it); bad files are reported in [`IngestReport::failed`].
pub fn ingest(opts: &IngestOptions, progress: &dyn Progress) -> Result<IngestReport> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let (threads, pool) = thread_pool(opts.threads)?;

    let bi = BriefIndex::open_or_create(&opts.index_dir, opts.rebuild, opts.codec)?;
    let mut writer = open_writer(&bi, threads, opts.memory_bytes)?;
    // An ingest killed during a commit can leave files the last commit does not reference (a
    // `.del` file named for the very opstamp this run will reach again); tantivy refuses to
    // overwrite them, so collect them before writing anything. Found by tests/kill.rs.
    writer.garbage_collect_files().wait()?;
    let mut report = IngestReport {
        index: opts.index_dir.display().to_string(),
        ..IngestReport::default()
    };

    let t = Instant::now();
    let found = discover::discover(&opts.roots);
    let state = if opts.rebuild {
        writer.delete_all_documents()?;
        IndexState::default()
    } else {
        read_state(&bi)?
    };
    report.files_seen = found.files.len();
    report.skipped = found.unsupported;
    report.failed.extend(found.errors);
    let discovered: HashSet<&str> = found.files.iter().map(|f| f.key.as_str()).collect();
    let mut removed = Vec::new();
    for (key, fs) in &state.files {
        if discover::under_roots(key, &found.root_keys) && !discovered.contains(key.as_str()) {
            removed.push(key.clone());
            report.briefs_removed += fs.briefs;
        }
    }
    let to_read: Vec<&FoundFile> = found
        .files
        .iter()
        .filter(|f| state.files.get(&f.key).is_none_or(|s| s.stamp != f.stamp))
        .collect();
    report.files_unchanged = report.files_seen - to_read.len();
    report.files_removed = removed.len();
    for key in &removed {
        writer.delete_term(Term::from_field_text(bi.fields.source_key, key));
    }
    report.stages.discover = t.elapsed().as_secs_f64();

    // Brief ids written by this run's earlier batches: a later copy must replace them.
    let mut written: HashSet<String> = HashSet::new();
    progress.start(to_read.len() as u64);
    let batch = opts.batch_files.max(1);
    for chunk in to_read.chunks(batch) {
        let t = Instant::now();
        let parsed = read_batch(&pool, chunk, opts.max_file_bytes, progress);
        report.stages.read_parse += t.elapsed().as_secs_f64();

        let t = Instant::now();
        let work = keep_briefs(parsed, &state, &discovered, &mut report);
        let deletes = needed_deletes(&work, &state, &mut written);
        let (briefs, passages) = write_batch(&pool, &writer, &bi.fields, &work, &deletes)
            .map_err(|e| diagnose(&bi.dir, e))?;
        report.briefs_indexed += briefs;
        report.passages_indexed += passages;
        report.stages.index += t.elapsed().as_secs_f64();

        let t = Instant::now();
        commit(&mut writer, &started_at, false).map_err(|e| diagnose(&bi.dir, e))?;
        report.stages.commit_merge += t.elapsed().as_secs_f64();
    }
    progress.finish();

    let t = Instant::now();
    commit(&mut writer, &started_at, true).map_err(|e| diagnose(&bi.dir, e))?;
    writer
        .wait_merging_threads()
        .map_err(|e| diagnose(&bi.dir, e.into()))?;
    report.stages.commit_merge += t.elapsed().as_secs_f64();

    let (briefs, passages) = counts(&bi)?;
    report.briefs_total = briefs;
    report.passages_total = passages;
    report.elapsed_secs = started.elapsed().as_secs_f64();
    let secs = report.elapsed_secs.max(1e-9);
    report.briefs_per_sec = report.briefs_indexed as f64 / secs;
    report.mb_per_sec = report.bytes_read as f64 / 1e6 / secs;
    Ok(report)
}

/// Reads and parses one batch of files on the pool, then runs the extract stage on each brief
/// (also how `briefs export` reads folders, so both see the same briefs).
pub fn read_batch<'a>(
    pool: &rayon::ThreadPool,
    chunk: &[&'a FoundFile],
    max_file_bytes: u64,
    progress: &dyn Progress,
) -> Vec<(&'a FoundFile, Result<parse::ParsedFile>)> {
    pool.install(|| {
        chunk
            .par_iter()
            .map(|f| {
                let r = parse::parse_file_with_limit(&f.path, max_file_bytes).map(|mut pf| {
                    pf.briefs.iter_mut().for_each(crate::extract::enrich);
                    pf
                });
                progress.advance(1);
                (*f, r)
            })
            .collect()
    })
}

/// Sorts a parsed batch into the briefs to write per file, recording failures and warnings.
///
/// A file that no longer parses still gets an entry with no briefs, so its old version leaves
/// the index; a file that vanished keeps its old version until the next run. A duplicate id
/// goes to the later path, both against the index and within the batch.
fn keep_briefs<'a>(
    parsed: Vec<(&'a FoundFile, Result<parse::ParsedFile>)>,
    state: &IndexState,
    discovered: &HashSet<&str>,
    report: &mut IngestReport,
) -> Vec<(&'a FoundFile, Vec<Brief>)> {
    let mut work: Vec<(&FoundFile, Vec<Brief>)> = Vec::with_capacity(parsed.len());
    for (file, result) in parsed {
        match result {
            Ok(pf) => {
                report.files_read += 1;
                report.bytes_read += file.size;
                for e in pf.errors {
                    report.failed.push(Skipped {
                        path: file.path.display().to_string(),
                        reason: e.to_string(),
                    });
                }
                let mut keep = Vec::with_capacity(pf.briefs.len());
                for brief in pf.briefs {
                    for w in &brief.warnings {
                        report.warnings.push(Skipped {
                            path: brief.source.clone(),
                            reason: w.clone(),
                        });
                    }
                    if let Some(owner) = state.ids.get(&brief.id) {
                        if owner != &file.key
                            && discovered.contains(owner.as_str())
                            && owner.as_str() > file.key.as_str()
                        {
                            report.warnings.push(Skipped {
                                path: brief.source.clone(),
                                reason: format!(
                                    "duplicate id {}: kept the copy in {owner} (the later path)",
                                    brief.id
                                ),
                            });
                            continue;
                        }
                    }
                    keep.push(brief);
                }
                work.push((file, keep));
            }
            Err(e) => {
                let vanished = matches!(e, Error::Read { .. });
                report.failed.push(Skipped {
                    path: file.path.display().to_string(),
                    reason: short_reason(&e),
                });
                if !vanished {
                    // The file is still there but no longer a brief: its old version goes.
                    work.push((file, Vec::new()));
                }
            }
        }
    }
    // Within a batch, a later path wins a duplicate id, as it would across batches.
    let mut seen_ids: HashMap<String, usize> = HashMap::new();
    for (i, (_, briefs)) in work.iter().enumerate() {
        for b in briefs {
            seen_ids.insert(b.id.clone(), i);
        }
    }
    for (i, (file, briefs)) in work.iter_mut().enumerate() {
        briefs.retain(|b| {
            let winner = seen_ids.get(&b.id).copied() == Some(i);
            if !winner {
                report.warnings.push(Skipped {
                    path: b.source.clone(),
                    reason: format!(
                        "duplicate id {}: kept the copy in a later path than {}",
                        b.id,
                        file.path.display()
                    ),
                });
            }
            winner
        });
    }
    work
}

/// Builds every file's documents on the pool and hands each file's deletes and adds to the
/// writer as one batch; returns the briefs and passages written.
/// Which deletes a batch's files need before their new documents go in.
struct Deletes {
    /// The index holds documents from this file: delete them by its key.
    file: bool,
    /// Per brief: a brief with its id is in the index or was written earlier in this run.
    ids: Vec<bool>,
}

/// The deletes `work` needs: only for what the index or this run's earlier batches hold.
/// Every delete term is looked up in every segment at commit, so a delete per file and per
/// brief on a new archive (nothing to delete) cost commit time for nothing; `written`
/// remembers this run's ids.
fn needed_deletes(
    work: &[(&FoundFile, Vec<Brief>)],
    state: &IndexState,
    written: &mut HashSet<String>,
) -> Vec<Deletes> {
    let deletes = work
        .iter()
        .map(|(file, briefs)| Deletes {
            file: state.files.contains_key(&file.key),
            ids: briefs
                .iter()
                .map(|b| state.ids.contains_key(&b.id) || written.contains(&b.id))
                .collect(),
        })
        .collect();
    for (_, briefs) in work {
        written.extend(briefs.iter().map(|b| b.id.clone()));
    }
    deletes
}

fn write_batch(
    pool: &rayon::ThreadPool,
    writer: &IndexWriter,
    fields: &Fields,
    work: &[(&FoundFile, Vec<Brief>)],
    deletes: &[Deletes],
) -> Result<(usize, usize)> {
    let run_lock = std::sync::Mutex::new(());
    let results: Vec<Result<(usize, usize)>> = pool.install(|| {
        work.par_iter()
            .zip(deletes)
            .map(|((file, briefs), del)| {
                let mut ops = Vec::new();
                if del.file {
                    ops.push(UserOperation::Delete(Term::from_field_text(
                        fields.source_key,
                        &file.key,
                    )));
                }
                let mut passages = 0;
                for (b, &delete) in briefs.iter().zip(&del.ids) {
                    if delete {
                        ops.push(UserOperation::Delete(Term::from_field_text(
                            fields.brief_id,
                            &b.id,
                        )));
                    }
                    passages += b.passages.len();
                    ops.extend(
                        brief_documents(fields, b, file)
                            .into_iter()
                            .map(UserOperation::Add),
                    );
                }
                // tantivy hands out opstamps and queues deletes in two steps, so two threads
                // calling `run` at once can queue deletes out of opstamp order, and a later
                // commit then applies a file's deletes to its own new documents (found by the
                // kill test: a brief vanished). Building documents stays parallel; handing
                // them over is serialised.
                let _turn = run_lock.lock().unwrap_or_else(|poison| poison.into_inner());
                writer.run(ops)?;
                Ok((briefs.len(), passages))
            })
            .collect()
    });
    let mut total = (0, 0);
    for r in results {
        let (b, p) = r?;
        total.0 += b;
        total.1 += p;
    }
    Ok(total)
}

/// Turns tantivy's opaque "index writer was killed" into the operating system's reason when
/// the index folder has stopped accepting writes (a full disk, a read-only remount).
pub(super) fn diagnose(dir: &Path, err: Error) -> Error {
    let probe = dir.join(".briefs-write-probe");
    let result = std::fs::write(&probe, vec![0u8; 1 << 20]);
    let _ = std::fs::remove_file(&probe);
    match result {
        Err(source) => Error::Io {
            context: format!(
                "writing the index at {} failed; the last commit is intact",
                dir.display()
            ),
            source,
        },
        Ok(()) => err,
    }
}

pub(super) fn short_reason(e: &Error) -> String {
    let full = e.to_string();
    // Errors name their file first; the report row already carries the path.
    match full.split_once(": ") {
        Some((head, rest)) if !head.contains(' ') || head.contains('/') => rest.to_string(),
        _ => full,
    }
}

pub(super) fn commit(writer: &mut IndexWriter, started_at: &str, complete: bool) -> Result<()> {
    let info = CommitInfo {
        last_ingest: started_at.to_string(),
        complete,
    };
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&info).unwrap_or_default());
    prepared.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Format;

    fn file(key: &str) -> FoundFile {
        FoundFile {
            path: PathBuf::from(key),
            key: key.to_string(),
            size: 1,
            stamp: 1,
            format: Format::Saved,
        }
    }

    fn brief(id: &str) -> Brief {
        Brief {
            id: id.to_string(),
            ..Brief::default()
        }
    }

    #[test]
    fn deletes_only_what_the_index_or_an_earlier_batch_holds() {
        let mut state = IndexState::default();
        state.files.insert("/old".into(), Default::default());
        state.ids.insert("kept".into(), "/old".into());
        let (old, new, later) = (file("/old"), file("/new"), file("/later"));
        let mut written = HashSet::new();
        let first = vec![(&old, vec![brief("kept")]), (&new, vec![brief("fresh")])];
        let d = needed_deletes(&first, &state, &mut written);
        assert!(d[0].file && d[0].ids == [true], "a file the index holds");
        assert!(
            !d[1].file && d[1].ids == [false],
            "a new file with a new id"
        );
        // A later batch of the same run repeats an id: the earlier copy must go.
        let second = vec![(&later, vec![brief("fresh"), brief("other")])];
        let d = needed_deletes(&second, &state, &mut written);
        assert!(!d[0].file && d[0].ids == [true, false]);
    }
}
