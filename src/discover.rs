//! Stage 1 of the pipeline: walk the archive folders and list the files `briefs` can read.
//!
//! Hidden files and folders (names starting with `.`) are skipped, as ripgrep does; symbolic
//! links are followed, and a link loop is reported rather than followed forever. Files are
//! returned sorted by path so that every run sees the same order (duplicate ids resolve the
//! same way each time).

use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use walkdir::WalkDir;

use crate::model::Format;

/// A file found under one of the roots, with what incremental ingest needs to know about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundFile {
    /// Path as reached from the root the user gave.
    pub path: PathBuf,
    /// Absolute, symlink-free path: the key an index remembers the file by.
    pub key: String,
    /// Size in bytes.
    pub size: u64,
    /// A fingerprint of size and modification time; a change means "read it again".
    pub stamp: u64,
    /// The reader that will parse it.
    pub format: Format,
}

/// A path that was seen but will not be read, with the reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Skipped {
    /// The path.
    pub path: String,
    /// Why it is not read.
    pub reason: String,
}

/// What a walk over the roots found.
#[derive(Debug, Default)]
pub struct Discovery {
    /// Readable brief files, sorted by path.
    pub files: Vec<FoundFile>,
    /// Files of other types (counted, not read).
    pub unsupported: Vec<Skipped>,
    /// Paths that could not be walked (permission denied, link loops, vanished entries).
    pub errors: Vec<Skipped>,
    /// Canonical forms of the roots, to tell which indexed files a walk was responsible for.
    pub root_keys: Vec<String>,
}

/// Walks every root (a folder or a single file) and classifies what it finds.
pub fn discover(roots: &[PathBuf]) -> Discovery {
    let mut out = Discovery::default();
    for root in roots {
        match std::fs::canonicalize(root) {
            Ok(c) => out.root_keys.push(c.to_string_lossy().into_owned()),
            Err(e) => {
                out.errors.push(Skipped {
                    path: root.display().to_string(),
                    reason: e.to_string(),
                });
                continue;
            }
        }
        let walker = WalkDir::new(root)
            .follow_links(true)
            .sort_by_file_name()
            .into_iter();
        let walker = walker.filter_entry(|e| e.depth() == 0 || !is_hidden(e.file_name()));
        for entry in walker {
            let entry = match entry {
                Ok(e) => e,
                Err(e) => {
                    let path = e
                        .path()
                        .map(|p| p.display().to_string())
                        .unwrap_or_else(|| root.display().to_string());
                    let reason = if e.loop_ancestor().is_some() {
                        "symbolic link loop, not followed".to_string()
                    } else {
                        e.io_error()
                            .map(|io| io.to_string())
                            .unwrap_or_else(|| e.to_string())
                    };
                    out.errors.push(Skipped { path, reason });
                    continue;
                }
            };
            if !entry.file_type().is_file() {
                continue;
            }
            let path = entry.path().to_path_buf();
            if is_documentation(entry.file_name()) {
                out.unsupported.push(Skipped {
                    path: path.display().to_string(),
                    reason: "documentation file (README, LICENSE, CHANGELOG)".into(),
                });
                continue;
            }
            let Some(format) = Format::of_path(&path) else {
                out.unsupported.push(Skipped {
                    path: path.display().to_string(),
                    reason: "not a brief format".into(),
                });
                continue;
            };
            match found(&path, format) {
                Ok(f) => out.files.push(f),
                Err(e) => out.errors.push(Skipped {
                    path: path.display().to_string(),
                    reason: e.to_string(),
                }),
            }
        }
    }
    out.files.sort_by(|a, b| a.key.cmp(&b.key));
    out.files.dedup_by(|a, b| a.key == b.key);
    out
}

/// README, LICENSE and CHANGELOG files describe an archive; they are not briefs in it.
fn is_documentation(name: &std::ffi::OsStr) -> bool {
    let lower = name.to_string_lossy().to_ascii_lowercase();
    ["readme", "license", "licence", "changelog"]
        .iter()
        .any(|p| lower.starts_with(p))
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str()
        .is_some_and(|s| s.starts_with('.') && s != "." && s != "..")
}

fn found(path: &Path, format: Format) -> std::io::Result<FoundFile> {
    let meta = std::fs::metadata(path)?;
    let key = std::fs::canonicalize(path)?.to_string_lossy().into_owned();
    let mtime = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(std::time::UNIX_EPOCH).ok())
        .map_or(0, |d| d.as_nanos() as u64);
    let stamp = xxhash_rust::xxh3::xxh3_64(format!("{}:{}", meta.len(), mtime).as_bytes());
    Ok(FoundFile {
        path: path.to_path_buf(),
        key,
        size: meta.len(),
        stamp,
        format,
    })
}

/// True when `key` (a canonical path) lies under one of `roots` (canonical paths).
pub fn under_roots(key: &str, roots: &[String]) -> bool {
    roots.iter().any(|r| {
        key == r
            || key
                .strip_prefix(r.as_str())
                .is_some_and(|rest| rest.starts_with(std::path::MAIN_SEPARATOR))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_supported_files_and_skips_hidden() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path();
        std::fs::create_dir_all(p.join("a/.git")).unwrap();
        std::fs::write(p.join("a/one.txt"), "x").unwrap();
        std::fs::write(p.join("a/two.md"), "x").unwrap();
        std::fs::write(p.join("a/.git/three.txt"), "x").unwrap();
        std::fs::write(p.join("a/pic.png"), "x").unwrap();
        std::fs::write(p.join("a/README.md"), "# About this archive").unwrap();
        let d = discover(&[p.to_path_buf()]);
        let names: Vec<_> = d
            .files
            .iter()
            .map(|f| f.path.file_name().unwrap().to_str().unwrap().to_string())
            .collect();
        assert_eq!(names, ["one.txt", "two.md"]);
        assert_eq!(
            d.unsupported.len(),
            2,
            "the PNG and the README are counted, not read"
        );
        assert!(under_roots(&d.files[0].key, &d.root_keys));
        assert!(!under_roots("/elsewhere/one.txt", &d.root_keys));
    }

    #[test]
    fn missing_root_is_reported() {
        let d = discover(&[PathBuf::from("/no/such/folder")]);
        assert!(d.files.is_empty());
        assert_eq!(d.errors.len(), 1);
    }
}
