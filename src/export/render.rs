//! The export's summary for a terminal: what was written where, how fast, what failed, and
//! what the engine refused.

use super::ExportReport;

/// Files and rejected documents listed one by one before the rest are counted.
const LISTED: usize = 20;

/// The human summary of an export (and its push).
pub fn summary(r: &ExportReport) -> String {
    let mut s = format!(
        "exported {} briefs as {} documents from {} into {}\n",
        r.briefs, r.documents, r.source, r.out
    );
    if let Some(c) = &r.config {
        s += &format!("  {c}\n");
    }
    for f in r.files.iter().take(LISTED) {
        s += &format!(
            "  {}  {} documents, {:.1} MB\n",
            f.path,
            f.documents,
            f.bytes as f64 / 1e6
        );
    }
    if r.files.len() > LISTED {
        s += &format!(
            "  … and {} more files (--json lists every one)\n",
            r.files.len() - LISTED
        );
    }
    s += &format!(
        "{:.1} MB in {:.2} s: {:.1} MB/s, {:.0} documents/s\n",
        r.bytes_written as f64 / 1e6,
        r.elapsed_secs,
        r.mb_per_sec,
        r.documents_per_sec
    );
    if !r.failed.is_empty() {
        s += &format!("{} files or records could not be read:\n", r.failed.len());
        for f in &r.failed {
            s += &format!("  {}: {}\n", f.path, f.reason);
        }
    }
    if let Some(p) = &r.push {
        s += &format!(
            "pushed to {}{}: {} of {} documents accepted, {} rejected ({} requests, {} retries{})\n",
            p.url,
            p.credentials
                .as_deref()
                .map(|c| format!(" with credentials from {c}"))
                .unwrap_or_default(),
            p.documents_accepted,
            p.documents_sent,
            p.documents_rejected,
            p.requests,
            p.retries,
            if p.index_created { ", index created" } else { "" }
        );
        for x in p.rejected.iter().take(LISTED) {
            let id = if x.id.is_empty() { "(unnamed)" } else { &x.id };
            s += &format!(
                "  rejected {id} ({}, HTTP {}): {}\n",
                x.file, x.status, x.reason
            );
        }
        if p.rejected.len() > LISTED {
            s += &format!(
                "  … and {} more (--json lists every one)\n",
                p.rejected.len() - LISTED
            );
        }
    }
    s
}
