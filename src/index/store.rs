//! The index on disk: opening and creating it, the schema-version file beside tantivy's own,
//! and a directory wrapper that lets searches read an index on a read-only file system.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use tantivy::directory::error::LockError;
use tantivy::{Index, TantivyDocument, TantivyError};

use super::schema::{self, Codec, Fields, SCHEMA_VERSION};
use crate::error::{Error, Result};

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
pub(super) struct VersionFile {
    pub(super) schema_version: u32,
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
    ///
    /// `codec`, when given, is the document store's compression: a new index is created with
    /// it; an index written with another is replaced with `rebuild` and refused without.
    pub fn open_or_create(dir: &Path, rebuild: bool, codec: Option<Codec>) -> Result<BriefIndex> {
        let exists = dir.join("meta.json").exists();
        if exists {
            match BriefIndex::open(dir) {
                Err(Error::SchemaVersion { .. }) if rebuild => replace(dir)?,
                Ok(bi) => match (codec, Codec::of(bi.index.settings())) {
                    (Some(want), found) if found != want => {
                        drop(bi);
                        if !rebuild {
                            return Err(Error::Conflict(format!(
                                "the index at {} is written with --codec {}; add --rebuild to \
                                 write it again with --codec {}",
                                dir.display(),
                                found.name(),
                                want.name()
                            )));
                        }
                        replace(dir)?;
                    }
                    _ => return Ok(bi),
                },
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
        let index = Index::builder()
            .schema(schema::build())
            .settings(codec.unwrap_or_default().settings())
            .create_in_dir(dir)?;
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

/// Removes the index in `dir` to write it anew, unless another process holds its writer lock.
fn replace(dir: &Path) -> Result<()> {
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
    remove_index_files(dir)
}

/// The index folder, with one concession to read-only media: readers take tantivy's meta lock
/// to keep a concurrent writer from deleting files under them, and on a read-only file system
/// (a mounted archive, a write-protected share) there can be no such writer, so the lock is
/// skipped instead of failing every search. The writer lock is never relaxed.
#[derive(Debug, Clone)]
pub(super) struct ReadOnlyTolerant(tantivy::directory::MmapDirectory);

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

pub(super) fn check_version(dir: &Path) -> Result<()> {
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
pub(super) fn remove_index_files(dir: &Path) -> Result<()> {
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
