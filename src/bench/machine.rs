//! Facts about the run: peak memory, bytes on disk, the machine, scratch folders.

use std::path::Path;

use crate::error::{Error, Result};

pub(super) fn tempdir_in(dir: Option<&Path>) -> Result<tempfile::TempDir> {
    let r = match dir {
        Some(d) => tempfile::Builder::new()
            .prefix("briefs-bench-")
            .tempdir_in(d),
        None => tempfile::Builder::new().prefix("briefs-bench-").tempdir(),
    };
    r.map_err(|source| Error::Io {
        context: "creating the bench folder".into(),
        source,
    })
}

pub(super) fn dir_bytes(dir: &Path) -> u64 {
    walkdir::WalkDir::new(dir)
        .into_iter()
        .filter_map(|e| e.ok())
        .filter_map(|e| e.metadata().ok())
        .filter(|m| m.is_file())
        .map(|m| m.len())
        .sum()
}

/// Resets the kernel's peak-RSS mark for this process (Linux `clear_refs`), so each phase's
/// peak is its own.
pub(super) fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// Peak resident memory since the last reset, in MB (0 where /proc is unavailable).
pub fn peak_rss_mb() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

/// A one-line description of this machine: cores, CPU model, memory.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .and_then(|l| l.split(':').nth(1))
                .map(|m| m.trim().to_string())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(String::from("? GiB"), |kb| {
            format!("{:.0} GiB", kb / 1024.0 / 1024.0)
        });
    let cores = std::thread::available_parallelism().map_or(0, |n| n.get());
    format!("{cores} cores, {cpu}, {mem}")
}
