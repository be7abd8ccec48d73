//! Stage 4 of the pipeline: parsed briefs become tantivy documents, written with every core.
//!
//! Ingest is incremental. Each brief's head document remembers its file's canonical path and a
//! size-and-mtime stamp; a run re-reads only files whose stamp changed, removes the briefs of
//! files that are gone, and replaces (never duplicates) a brief whose file changed. Work is
//! committed in batches, so an interrupted ingest keeps every batch committed before it.
//! All documents of one file go to the writer as one `run` batch, which tantivy flushes into
//! a single segment: the search stage relies on a brief never spanning two segments.
//!
//! One concern a file: [`schema`] defines the fields and analysers ([`stem`] the stemmer that
//! remembers its stems), [`store`] opens the index
//! and checks its version, [`state`] reads what it holds, [`documents`] turns a brief into
//! documents, [`stored`] stores a whole brief once and reads it back, [`links`] the keys that
//! resolve links between briefs, [`ingest`] runs an ingest, [`stats`] reports on the result.

pub mod documents;
pub mod ingest;
pub mod links;
pub mod schema;
pub mod state;
pub mod stats;
pub mod stem;
pub mod store;
pub mod stored;

pub use documents::brief_documents;
pub use ingest::{ingest, IngestOptions, IngestReport, NoProgress, Progress, StageTimes};
pub use state::{read_state, IndexState};
pub use stats::{counts, stats, Stats};
pub use store::{BriefIndex, CommitInfo, VERSION_FILE};
