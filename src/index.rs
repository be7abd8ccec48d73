//! Stage 4 of the pipeline: parsed briefs become tantivy documents, written with every core.
//!
//! Ingest is incremental. Each brief's head document remembers its file's canonical path and a
//! size-and-mtime stamp; a run re-reads only files whose stamp changed, removes the briefs of
//! files that are gone, and replaces (never duplicates) a brief whose file changed. Work is
//! committed in batches, so an interrupted ingest keeps every batch committed before it.
//! All documents of one file go to the writer as one `run` batch, which tantivy flushes into
//! a single segment: the search stage relies on a brief never spanning two segments.

use std::collections::{HashMap, HashSet};
use std::path::{Path, PathBuf};
use std::time::Instant;

use rayon::prelude::*;
use serde::{Deserialize, Serialize};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::directory::error::LockError;
use tantivy::indexer::UserOperation;
use tantivy::query::TermQuery;
use tantivy::schema::IndexRecordOption;
use tantivy::{
    DocId, Index, IndexWriter, Score, SegmentReader, TantivyDocument, TantivyError, Term,
};

use crate::discover::{self, FoundFile, Skipped};
use crate::error::{Error, Result};
use crate::model::Brief;
use crate::parse;
use crate::schema::{self, doc_kind, Fields, SCHEMA_VERSION};

/// Name of the file beside tantivy's own that records the schema version.
pub const VERSION_FILE: &str = "briefs-index.json";

/// An open index with its field handles.
pub struct BriefIndex {
    /// The tantivy index.
    pub index: Index,
    /// Field handles.
    pub fields: Fields,
    /// The folder it lives in.
    pub dir: PathBuf,
}

#[derive(Serialize, Deserialize)]
struct VersionFile {
    schema_version: u32,
}

/// What each commit records in tantivy's commit payload.
#[derive(Debug, Clone, Serialize, Deserialize, Default)]
pub struct CommitInfo {
    /// When the ingest that made this commit started (RFC 3339, UTC).
    pub last_ingest: String,
    /// Whether the ingest had finished when it committed (false for a batch mid-way).
    pub complete: bool,
}

impl BriefIndex {
    /// Opens an existing index, checking its schema version.
    ///
    /// Errors: [`Error::NoIndex`] when the folder holds no index, [`Error::SchemaVersion`] when it
    /// was written by another version of `briefs`.
    pub fn open(dir: &Path) -> Result<BriefIndex> {
        if !dir.join("meta.json").exists() {
            return Err(Error::NoIndex {
                path: dir.to_path_buf(),
            });
        }
        check_version(dir)?;
        let mmap = tantivy::directory::MmapDirectory::open(dir).map_err(|e| Error::Io {
            context: format!("opening the index at {}", dir.display()),
            source: std::io::Error::other(e.to_string()),
        })?;
        let index = Index::open(ReadOnlyTolerant(mmap))?;
        schema::register_tokenizers(&index);
        let fields = Fields::new(&index.schema())?;
        Ok(BriefIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// Opens the index in `dir`, creating it (and the folder) when absent.
    ///
    /// With `rebuild`, an index of another schema version is replaced (after checking that no
    /// other process holds its writer lock); an index of this version is kept, and the caller
    /// empties it under its own writer lock, so a rebuild that is interrupted before its first
    /// commit leaves the old index intact.
    pub fn open_or_create(dir: &Path, rebuild: bool) -> Result<BriefIndex> {
        let exists = dir.join("meta.json").exists();
        if exists {
            match BriefIndex::open(dir) {
                Err(Error::SchemaVersion { .. }) if rebuild => {
                    let old = Index::open_in_dir(dir)?;
                    match old.writer_with_num_threads::<TantivyDocument>(1, 15_000_000) {
                        Err(TantivyError::LockFailure(LockError::LockBusy, _)) => {
                            return Err(Error::Locked {
                                path: dir.to_path_buf(),
                            })
                        }
                        other => drop(other),
                    }
                    drop(old);
                    remove_index_files(dir)?;
                }
                other => return other,
            }
        }
        std::fs::create_dir_all(dir).map_err(|source| Error::Io {
            context: format!("creating {}", dir.display()),
            source,
        })?;
        // The version file goes first: an ingest killed between the two leaves no meta.json,
        // so the next run simply creates the index again.
        let version = serde_json::to_string(&VersionFile {
            schema_version: SCHEMA_VERSION,
        })
        .unwrap_or_default();
        std::fs::write(dir.join(VERSION_FILE), version).map_err(|source| Error::Io {
            context: format!("writing {}", dir.join(VERSION_FILE).display()),
            source,
        })?;
        let index = Index::create_in_dir(dir, schema::build())?;
        schema::register_tokenizers(&index);
        let fields = Fields::new(&index.schema())?;
        Ok(BriefIndex {
            index,
            fields,
            dir: dir.to_path_buf(),
        })
    }

    /// The payload of the last commit, if any.
    pub fn commit_info(&self) -> Option<CommitInfo> {
        let metas = self.index.load_metas().ok()?;
        serde_json::from_str(metas.payload.as_deref()?).ok()
    }
}

/// The index folder, with one concession to read-only media: readers take tantivy's meta lock
/// to keep a concurrent writer from deleting files under them, and on a read-only file system
/// (a mounted archive, a write-protected share) there can be no such writer, so the lock is
/// skipped instead of failing every search. The writer lock is never relaxed.
#[derive(Debug, Clone)]
struct ReadOnlyTolerant(tantivy::directory::MmapDirectory);

impl tantivy::Directory for ReadOnlyTolerant {
    fn get_file_handle(
        &self,
        path: &Path,
    ) -> std::result::Result<
        std::sync::Arc<dyn tantivy::directory::FileHandle>,
        tantivy::directory::error::OpenReadError,
    > {
        self.0.get_file_handle(path)
    }
    fn open_read(
        &self,
        path: &Path,
    ) -> std::result::Result<tantivy::directory::FileSlice, tantivy::directory::error::OpenReadError>
    {
        self.0.open_read(path)
    }
    fn delete(
        &self,
        path: &Path,
    ) -> std::result::Result<(), tantivy::directory::error::DeleteError> {
        self.0.delete(path)
    }
    fn exists(
        &self,
        path: &Path,
    ) -> std::result::Result<bool, tantivy::directory::error::OpenReadError> {
        self.0.exists(path)
    }
    fn open_write(
        &self,
        path: &Path,
    ) -> std::result::Result<tantivy::directory::WritePtr, tantivy::directory::error::OpenWriteError>
    {
        self.0.open_write(path)
    }
    fn atomic_read(
        &self,
        path: &Path,
    ) -> std::result::Result<Vec<u8>, tantivy::directory::error::OpenReadError> {
        self.0.atomic_read(path)
    }
    fn atomic_write(&self, path: &Path, data: &[u8]) -> std::io::Result<()> {
        self.0.atomic_write(path, data)
    }
    fn sync_directory(&self) -> std::io::Result<()> {
        self.0.sync_directory()
    }
    fn acquire_lock(
        &self,
        lock: &tantivy::directory::Lock,
    ) -> std::result::Result<tantivy::directory::DirectoryLock, LockError> {
        match self.0.acquire_lock(lock) {
            Err(LockError::IoError(e))
                if lock.filepath == tantivy::directory::META_LOCK.filepath
                    && e.kind() == std::io::ErrorKind::ReadOnlyFilesystem =>
            {
                Ok(tantivy::directory::DirectoryLock::from(Box::new(())))
            }
            other => other,
        }
    }
    fn watch(
        &self,
        cb: tantivy::directory::WatchCallback,
    ) -> tantivy::Result<tantivy::directory::WatchHandle> {
        self.0.watch(cb)
    }
}

fn check_version(dir: &Path) -> Result<()> {
    let found = std::fs::read_to_string(dir.join(VERSION_FILE))
        .ok()
        .and_then(|s| serde_json::from_str::<VersionFile>(&s).ok())
        .map_or(0, |v| v.schema_version);
    if found != SCHEMA_VERSION {
        return Err(Error::SchemaVersion {
            path: dir.to_path_buf(),
            found,
            expected: SCHEMA_VERSION,
        });
    }
    Ok(())
}

/// Removes tantivy's files and the version file, leaving anything else in the folder alone.
fn remove_index_files(dir: &Path) -> Result<()> {
    let entries = std::fs::read_dir(dir).map_err(|source| Error::Io {
        context: format!("reading {}", dir.display()),
        source,
    })?;
    for entry in entries.flatten() {
        let name = entry.file_name().to_string_lossy().into_owned();
        let ours = name == "meta.json"
            || name == VERSION_FILE
            || name == ".managed.json"
            || name.starts_with(".tantivy")
            || [
                ".idx",
                ".pos",
                ".term",
                ".store",
                ".fast",
                ".fieldnorm",
                ".del",
            ]
            .iter()
            .any(|ext| name.ends_with(ext));
        if ours {
            std::fs::remove_file(entry.path()).map_err(|source| Error::Io {
                context: format!("removing {}", entry.path().display()),
                source,
            })?;
        }
    }
    Ok(())
}

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

/// One indexed file as its head documents remember it.
#[derive(Debug, Clone, Default)]
struct FileState {
    stamp: u64,
    briefs: usize,
}

/// What the index holds: files by canonical path, and which file each brief id came from.
#[derive(Debug, Default)]
pub struct IndexState {
    files: HashMap<String, FileState>,
    ids: HashMap<String, String>,
}

impl IndexState {
    /// Distinct brief ids in the index (equal to the number of head documents unless an id
    /// was indexed twice, which ingest prevents).
    pub fn brief_count(&self) -> usize {
        self.ids.len()
    }

    /// Files the index holds briefs from.
    pub fn file_count(&self) -> usize {
        self.files.len()
    }
}

/// Reads the index's bookkeeping from the head documents' fast fields.
pub fn read_state(bi: &BriefIndex) -> Result<IndexState> {
    let reader = bi.index.reader()?;
    let searcher = reader.searcher();
    let query = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::HEAD),
        IndexRecordOption::Basic,
    );
    let rows = searcher.search(&query, &StateCollector)?;
    let mut state = IndexState::default();
    for (key, stamp, id) in rows {
        let f = state.files.entry(key.clone()).or_default();
        f.stamp = stamp;
        f.briefs += 1;
        state.ids.insert(id, key);
    }
    Ok(state)
}

struct StateCollector;
struct StateSegment {
    source_key: Option<tantivy::columnar::StrColumn>,
    brief_id: Option<tantivy::columnar::StrColumn>,
    stamp: tantivy::columnar::Column<u64>,
    ords: Vec<(u64, u64, u64)>,
}

impl Collector for StateCollector {
    type Fruit = Vec<(String, u64, String)>;
    type Child = StateSegment;

    fn for_segment(&self, _: u32, reader: &SegmentReader) -> tantivy::Result<StateSegment> {
        let ff = reader.fast_fields();
        Ok(StateSegment {
            source_key: ff.str("source_key")?,
            brief_id: ff.str("brief_id")?,
            stamp: ff.u64("stamp")?,
            ords: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        false
    }

    fn merge_fruits(&self, fruits: Vec<Self::Fruit>) -> tantivy::Result<Self::Fruit> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

/// The first ordinal of a string column at `doc` (`u64::MAX` when absent).
fn first_ord(col: &Option<tantivy::columnar::StrColumn>, doc: DocId) -> u64 {
    col.as_ref()
        .and_then(|c| c.term_ords(doc).next())
        .unwrap_or(u64::MAX)
}

/// Resolves ordinals to strings in one sequential pass over the column's dictionary.
fn resolve(
    col: &Option<tantivy::columnar::StrColumn>,
    ords: impl Iterator<Item = u64>,
) -> HashMap<u64, String> {
    let mut sorted: Vec<u64> = ords.filter(|o| *o != u64::MAX).collect();
    sorted.sort_unstable();
    sorted.dedup();
    let mut out = HashMap::with_capacity(sorted.len());
    if let Some(col) = col {
        let mut i = 0;
        let _ = col.dictionary().sorted_ords_to_term_cb(&sorted, |bytes| {
            if let Some(o) = sorted.get(i) {
                out.insert(*o, String::from_utf8_lossy(bytes).into_owned());
            }
            i += 1;
        });
    }
    out
}

impl SegmentCollector for StateSegment {
    type Fruit = Vec<(String, u64, String)>;

    fn collect(&mut self, doc: DocId, _: Score) {
        let stamp = self.stamp.first(doc).unwrap_or(0);
        self.ords.push((
            first_ord(&self.source_key, doc),
            stamp,
            first_ord(&self.brief_id, doc),
        ));
    }

    fn harvest(self) -> Self::Fruit {
        let keys = resolve(&self.source_key, self.ords.iter().map(|r| r.0));
        let ids = resolve(&self.brief_id, self.ords.iter().map(|r| r.2));
        let text = |m: &HashMap<u64, String>, o: u64| m.get(&o).cloned().unwrap_or_default();
        self.ords
            .iter()
            .map(|&(k, stamp, i)| (text(&keys, k), stamp, text(&ids, i)))
            .collect()
    }
}

/// Builds the head document, passage documents and event documents of one brief.
pub fn brief_documents(f: &Fields, brief: &Brief, file: &FoundFile) -> Vec<TantivyDocument> {
    use crate::model::EntityKind;
    let key = xxhash_rust::xxh3::xxh3_64(brief.id.as_bytes());
    // Every name an entity goes by, for the `--entity` filter.
    fn names_of<'a>(brief: &'a Brief, canonical: &'a str) -> Vec<&'a str> {
        let mut v = vec![canonical];
        if let Some(e) = brief.entities.iter().find(|e| e.name == canonical) {
            v.extend(e.aliases.iter().map(String::as_str));
        }
        v
    }
    let common = |doc: &mut TantivyDocument| {
        doc.add_text(f.brief_id, &brief.id);
        doc.add_u64(f.brief_key, key);
        doc.add_text(f.source, &brief.source);
        doc.add_text(f.source_key, &file.key);
        doc.add_text(f.title, &brief.title);
        for a in &brief.authors {
            doc.add_text(f.author, &a.name);
            doc.add_text(f.author_tok, &a.name);
            doc.add_text(f.author_key, &a.name);
        }
        for t in &brief.topics {
            doc.add_text(f.topic_key, t);
        }
        for r in &brief.regions {
            doc.add_text(f.region_key, r);
        }
        if let Some(k) = &brief.kind {
            doc.add_text(f.kind, k);
            doc.add_text(f.kind_key, k);
        }
        if let Some(d) = brief.date {
            doc.add_text(f.date, d.format("%Y-%m-%d").to_string());
            doc.add_u64(f.day, day_number(d));
        }
    };
    // Facet values live on the head document only: facets count briefs, so one document per
    // brief carries them, and passages stay light.
    let facets = |doc: &mut TantivyDocument| {
        for a in &brief.authors {
            doc.add_text(f.author_facet, &a.name);
        }
        for t in &brief.topics {
            doc.add_text(f.topic, t);
        }
        for r in &brief.regions {
            doc.add_text(f.region, r);
        }
        if let Some(k) = &brief.kind {
            doc.add_text(f.kind_facet, k);
        }
        if let Some(d) = brief.date {
            use chrono::Datelike;
            doc.add_u64(f.year, d.year().max(0) as u64);
        }
        for e in &brief.entities {
            let field = match e.kind {
                EntityKind::Person => f.person,
                EntityKind::Organization => f.organization,
                EntityKind::Place => f.place,
            };
            doc.add_text(field, &e.name);
        }
    };
    let add_entities = |doc: &mut TantivyDocument, names: &[String]| {
        for n in names {
            for alias in names_of(brief, n) {
                doc.add_text(f.entity_key, alias);
            }
        }
    };
    let mut docs = Vec::with_capacity(brief.passages.len() + brief.events.len() + 1);
    let mut head = TantivyDocument::default();
    head.add_u64(f.doc_kind, doc_kind::HEAD);
    common(&mut head);
    facets(&mut head);
    head.add_u64(f.stamp, file.stamp);
    head.add_text(f.exact, &brief.title);
    if let Some(s) = &brief.summary {
        head.add_text(f.text, s);
        head.add_text(f.exact, s);
    }
    add_entities(&mut head, &brief.mentions.title);
    add_entities(&mut head, &brief.mentions.summary);
    for e in &brief.entities {
        let kind = serde_json::to_value(e.kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_string))
            .unwrap_or_default();
        head.add_text(
            f.entity_count,
            format!("{kind}\t{}\t{}", e.name, e.mentions),
        );
    }
    head.add_text(
        f.brief_json,
        serde_json::to_string(brief).unwrap_or_default(),
    );
    docs.push(head);
    let none: Vec<String> = Vec::new();
    for p in &brief.passages {
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.doc_kind, doc_kind::PASSAGE);
        common(&mut doc);
        doc.add_u64(f.passage_index, p.index as u64);
        if let Some(h) = &p.heading {
            doc.add_text(f.heading, h);
            doc.add_text(f.exact, h);
        }
        doc.add_text(f.text, &p.text);
        doc.add_text(f.exact, &p.text);
        add_entities(
            &mut doc,
            brief.mentions.passages.get(p.index).unwrap_or(&none),
        );
        docs.push(doc);
    }
    for e in &brief.events {
        let mut doc = TantivyDocument::default();
        doc.add_u64(f.doc_kind, doc_kind::EVENT);
        common(&mut doc);
        doc.add_u64(f.event_day, day_number(e.date));
        doc.add_text(f.event_text, &e.text);
        if let Some(i) = e.passage {
            doc.add_u64(f.passage_index, i as u64);
            add_entities(&mut doc, brief.mentions.passages.get(i).unwrap_or(&none));
        }
        docs.push(doc);
    }
    docs
}

/// A date as the number `YYYYMMDD`, the form the `day` field indexes.
pub fn day_number(d: chrono::NaiveDate) -> u64 {
    use chrono::Datelike;
    (d.year().max(0) as u64) * 10_000 + u64::from(d.month()) * 100 + u64::from(d.day())
}

fn open_writer(bi: &BriefIndex, threads: usize, memory: usize) -> Result<IndexWriter> {
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

/// Runs an ingest: discover, parse in parallel, index with every core, commit in batches.
///
/// Errors are returned only when the index itself cannot be opened or written ([`Error::Locked`]
/// when another ingest holds it); bad files are reported in [`IngestReport::failed`].
pub fn ingest(opts: &IngestOptions, progress: &dyn Progress) -> Result<IngestReport> {
    let started = Instant::now();
    let started_at = chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
    let threads = if opts.threads == 0 {
        std::thread::available_parallelism().map_or(2, |n| n.get())
    } else {
        opts.threads
    };
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .build()
        .map_err(|e| Error::Usage(format!("cannot start {threads} threads: {e}")))?;

    let bi = BriefIndex::open_or_create(&opts.index_dir, opts.rebuild)?;
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

    progress.start(to_read.len() as u64);
    let batch = opts.batch_files.max(1);
    for chunk in to_read.chunks(batch) {
        let t = Instant::now();
        let parsed: Vec<(&FoundFile, Result<parse::ParsedFile>)> = pool.install(|| {
            chunk
                .par_iter()
                .map(|f| {
                    let r = parse::parse_file_with_limit(&f.path, opts.max_file_bytes);
                    progress.advance(1);
                    (*f, r)
                })
                .collect()
        });
        report.stages.read_parse += t.elapsed().as_secs_f64();

        let t = Instant::now();
        let mut work: Vec<(&FoundFile, Vec<Brief>)> = Vec::with_capacity(parsed.len());
        let mut seen_ids: HashMap<String, usize> = HashMap::new();
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
                                    reason: format!("duplicate id {}: kept the copy in {owner} (the later path)", brief.id),
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
        let fields = &bi.fields;
        let writer_ref = &writer;
        let run_lock = std::sync::Mutex::new(());
        let results: Vec<Result<(usize, usize)>> = pool.install(|| {
            work.par_iter()
                .map(|(file, briefs)| {
                    let mut ops = vec![UserOperation::Delete(Term::from_field_text(
                        fields.source_key,
                        &file.key,
                    ))];
                    let mut passages = 0;
                    for b in briefs {
                        ops.push(UserOperation::Delete(Term::from_field_text(
                            fields.brief_id,
                            &b.id,
                        )));
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
                    writer_ref.run(ops)?;
                    Ok((briefs.len(), passages))
                })
                .collect()
        });
        for r in results {
            let (b, p) = r.map_err(|e| diagnose(&bi.dir, e))?;
            report.briefs_indexed += b;
            report.passages_indexed += p;
        }
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

/// Turns tantivy's opaque "index writer was killed" into the operating system's reason when
/// the index folder has stopped accepting writes (a full disk, a read-only remount).
fn diagnose(dir: &Path, err: Error) -> Error {
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

fn short_reason(e: &Error) -> String {
    let full = e.to_string();
    // Errors name their file first; the report row already carries the path.
    match full.split_once(": ") {
        Some((head, rest)) if !head.contains(' ') || head.contains('/') => rest.to_string(),
        _ => full,
    }
}

fn commit(writer: &mut IndexWriter, started_at: &str, complete: bool) -> Result<()> {
    let info = CommitInfo {
        last_ingest: started_at.to_string(),
        complete,
    };
    let mut prepared = writer.prepare_commit()?;
    prepared.set_payload(&serde_json::to_string(&info).unwrap_or_default());
    prepared.commit()?;
    Ok(())
}

/// Counts briefs (head documents) and passages in the committed index.
pub fn counts(bi: &BriefIndex) -> Result<(u64, u64)> {
    let reader = bi.index.reader()?;
    let searcher = reader.searcher();
    let heads = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::HEAD),
        IndexRecordOption::Basic,
    );
    let passages = TermQuery::new(
        Term::from_field_u64(bi.fields.doc_kind, doc_kind::PASSAGE),
        IndexRecordOption::Basic,
    );
    let b = searcher.search(&heads, &tantivy::collector::Count)? as u64;
    let p = searcher.search(&passages, &tantivy::collector::Count)? as u64;
    Ok((b, p))
}

/// What `briefs stats` reports about an index.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Stats {
    /// Index folder.
    pub index: String,
    /// Briefs indexed.
    pub briefs: u64,
    /// Passages indexed.
    pub passages: u64,
    /// tantivy segments.
    pub segments: usize,
    /// Bytes on disk.
    pub bytes: u64,
    /// Schema version of the index.
    pub schema_version: u32,
    /// When the ingest behind the last commit started (RFC 3339), if known.
    pub last_ingest: Option<String>,
    /// False when the last commit was a batch of an ingest that did not finish.
    pub complete: bool,
}

/// Reads the statistics of an index.
pub fn stats(bi: &BriefIndex) -> Result<Stats> {
    let (briefs, passages) = counts(bi)?;
    let segments = bi.index.searchable_segment_ids()?.len();
    let bytes = walkdir::WalkDir::new(&bi.dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum();
    let info = bi.commit_info();
    Ok(Stats {
        index: bi.dir.display().to_string(),
        briefs,
        passages,
        segments,
        bytes,
        schema_version: SCHEMA_VERSION,
        last_ingest: info.as_ref().map(|i| i.last_ingest.clone()),
        complete: info.is_none_or(|i| i.complete),
    })
}
