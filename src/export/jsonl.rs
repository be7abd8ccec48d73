//! The project's own JSON Lines: one brief a line, exactly as `briefs parse --json` prints it,
//! which `briefs ingest` reads back (docs/formats.md) into the same brief.

use crate::model::Brief;

/// One line holding the whole brief.
pub fn record(brief: &Brief, out: &mut Vec<u8>) {
    let _ = serde_json::to_writer(&mut *out, brief);
    out.push(b'\n');
}
