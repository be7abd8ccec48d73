//! Output split into numbered files (`bulk-0001.ndjson`, …) of at most a given size, never
//! cutting a record (an action line and its document stay together).

use std::fs::File;
use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};

/// One file written by an export.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct WrittenFile {
    /// Its path.
    pub path: String,
    /// Its size in bytes.
    pub bytes: u64,
    /// Documents (records) it holds.
    pub documents: u64,
}

/// Writes records into `PREFIX-NNNN.EXT` files, starting a new file before a record would
/// take the current one past the limit (a record larger than the limit gets a file alone).
pub struct SplitWriter {
    dir: PathBuf,
    prefix: &'static str,
    ext: &'static str,
    limit: u64,
    current: Option<BufWriter<File>>,
    /// Files written so far; the last one is the open one.
    pub files: Vec<WrittenFile>,
}

impl SplitWriter {
    /// A writer into `dir`; nothing is created until the first record.
    pub fn new(dir: &Path, prefix: &'static str, ext: &'static str, limit: u64) -> SplitWriter {
        SplitWriter {
            dir: dir.to_path_buf(),
            prefix,
            ext,
            limit: limit.max(1),
            current: None,
            files: Vec::new(),
        }
    }

    /// Whether a file name is one this writer makes (so a new export can remove the old files).
    pub fn owns(&self, name: &str) -> bool {
        name.strip_prefix(self.prefix)
            .and_then(|r| r.strip_prefix('-'))
            .and_then(|r| r.strip_suffix(self.ext))
            .and_then(|r| r.strip_suffix('.'))
            .is_some_and(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()))
    }

    /// Appends one record holding `documents` documents.
    pub fn write(&mut self, record: &[u8], documents: u64) -> Result<()> {
        let len = record.len() as u64;
        let full = self
            .files
            .last()
            .is_some_and(|f| f.bytes > 0 && f.bytes + len > self.limit);
        if self.current.is_none() || full {
            self.close()?;
            let path = self.dir.join(format!(
                "{}-{:04}.{}",
                self.prefix,
                self.files.len() + 1,
                self.ext
            ));
            let file = File::create(&path).map_err(|e| io(&path, "creating", e))?;
            self.current = Some(BufWriter::with_capacity(1 << 20, file));
            self.files.push(WrittenFile {
                path: path.display().to_string(),
                ..WrittenFile::default()
            });
        }
        if let (Some(w), Some(f)) = (self.current.as_mut(), self.files.last_mut()) {
            w.write_all(record)
                .map_err(|e| io(Path::new(&f.path), "writing", e))?;
            f.bytes += len;
            f.documents += documents;
        }
        Ok(())
    }

    /// Flushes the open file.
    pub fn close(&mut self) -> Result<()> {
        if let (Some(mut w), Some(f)) = (self.current.take(), self.files.last()) {
            w.flush()
                .map_err(|e| io(Path::new(&f.path), "writing", e))?;
        }
        Ok(())
    }
}

fn io(path: &Path, doing: &str, source: std::io::Error) -> Error {
    Error::Io {
        context: format!("{doing} {}", path.display()),
        source,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn splits_before_the_limit_and_never_inside_a_record() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = SplitWriter::new(dir.path(), "bulk", "ndjson", 10);
        for r in ["aaaa\n", "bbbb\n", "cc\n", "0123456789abc\n", "d\n"] {
            w.write(r.as_bytes(), 1).unwrap();
        }
        w.close().unwrap();
        let sizes: Vec<(u64, u64)> = w.files.iter().map(|f| (f.bytes, f.documents)).collect();
        assert_eq!(sizes, [(10, 2), (3, 1), (14, 1), (2, 1)]);
        let first = std::fs::read_to_string(&w.files[0].path).unwrap();
        assert_eq!(first, "aaaa\nbbbb\n");
        assert!(w.files[0].path.ends_with("bulk-0001.ndjson"));
    }

    #[test]
    fn owns_only_its_own_numbered_files() {
        let w = SplitWriter::new(Path::new("."), "bulk", "ndjson", 10);
        assert!(w.owns("bulk-0001.ndjson"));
        assert!(w.owns("bulk-12345.ndjson"));
        assert!(!w.owns("bulk-.ndjson"));
        assert!(!w.owns("bulk-0001.ndjson.bak"));
        assert!(!w.owns("mapping.json"));
        assert!(!w.owns("notes-0001.ndjson"));
    }
}
