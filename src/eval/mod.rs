//! `briefs eval`: how good the ranking is, measured against relevance judgments.
//!
//! Every query runs as a user would type it: its text goes through [`RequestParams`] and
//! [`Engine::search`], the path `briefs search` and the HTTP API take, asking for the top
//! `depth` hits with at most `per_brief` passages a brief. The ranked items are *briefs*: each
//! hit's brief id, first occurrence kept, compared with the document ids of the judgments (a
//! JSON Lines record's `id` is kept verbatim as its brief id, so an archive converted from a
//! test collection keeps the collection's ids). [`metrics`] scores each list the way
//! trec_eval does; the overall figures are means over the queries with at least one relevant
//! judgment. Queries without one are skipped and counted, never fatal.
//!
//! A tool above the pipeline, like `bench`: it uses `search` and changes nothing in it.

use std::path::PathBuf;

use serde::{Deserialize, Serialize};

use crate::search::request::{Param, RequestParams};
use crate::search::Engine;

mod input;
pub mod metrics;
mod render;

pub use input::{parse_qrels, parse_queries, read_qrels, read_queries, words, Qrels, Query};
pub use render::{run_file, table};

/// What can stop an evaluation: unreadable or malformed query and judgment files (named with
/// the line), nothing to evaluate, or an error of the search itself.
#[derive(Debug, thiserror::Error)]
pub enum EvalError {
    /// A file could not be read.
    #[error("{path}: cannot read: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// A line of a query or judgment file is malformed.
    #[error("{path}:{line}: {message}")]
    Line {
        /// The file.
        path: PathBuf,
        /// 1-based line number.
        line: usize,
        /// What is wrong and what is expected.
        message: String,
    },
    /// The file holds no queries or no judgments.
    #[error("{path}: no {what} found")]
    NoRecords {
        /// The file.
        path: PathBuf,
        /// `queries` or `judgments`.
        what: &'static str,
    },
    /// No query of the query file has a relevant judgment: the two files do not belong together.
    #[error("no query has a relevant judgment: the query ids ({queries}) and the judged query ids ({judged}) do not meet")]
    NothingJudged {
        /// A few query ids from the query file.
        queries: String,
        /// A few query ids from the judgments.
        judged: String,
    },
    /// The search failed for a reason that is not one query's (no index, a bad depth).
    #[error(transparent)]
    Search(#[from] crate::Error),
}

/// How deep and how finely to measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvalOptions {
    /// Cut-off for nDCG and reciprocal rank.
    pub k: usize,
    /// Hits asked of each search (the `limit`); recall and AP are measured over them.
    pub depth: usize,
    /// Passages a brief may place among the hits (the `per_brief`); briefs are counted once.
    pub per_brief: usize,
    /// Count every grade above 0 as 1 ([`Qrels::binary`]).
    pub binary: bool,
    /// Search each query's [`words`] only, not its text as typed.
    pub words: bool,
}

impl Default for EvalOptions {
    fn default() -> Self {
        EvalOptions {
            k: 10,
            depth: 100,
            per_brief: 1,
            binary: false,
            words: false,
        }
    }
}

/// Means over the evaluated queries, and what was left out.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Overall {
    /// Mean nDCG@k.
    pub ndcg: f64,
    /// Mean reciprocal rank @k.
    pub mrr: f64,
    /// Mean recall over the retrieved depth.
    pub recall: f64,
    /// Mean average precision over the retrieved depth.
    pub map: f64,
    /// Queries evaluated: in the query file with at least one relevant judgment.
    pub queries: usize,
    /// Queries of the query file with no relevant judgment: skipped.
    pub unjudged: usize,
    /// Judged query ids the query file does not have: skipped.
    pub missing: usize,
    /// Evaluated queries whose search failed (each scores 0 and names its error).
    pub failed: usize,
    /// Relevant documents of evaluated queries whose id no brief in the index has. Many of
    /// them mean the archive's ids are not the judgments' ids.
    pub not_indexed: usize,
    /// Median search time, milliseconds.
    pub p50_ms: f64,
    /// 95th percentile search time, milliseconds.
    pub p95_ms: f64,
}

/// One evaluated query.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct QueryResult {
    /// The query id.
    pub id: String,
    /// The text searched (its words only with [`EvalOptions::words`]).
    pub text: String,
    /// nDCG@k.
    pub ndcg: f64,
    /// Reciprocal rank @k.
    pub mrr: f64,
    /// Recall over the retrieved depth.
    pub recall: f64,
    /// Average precision over the retrieved depth.
    pub ap: f64,
    /// Documents judged relevant.
    pub relevant: usize,
    /// Briefs retrieved.
    pub retrieved: usize,
    /// Relevant briefs among them.
    pub relevant_retrieved: usize,
    /// The first k brief ids, best first.
    pub top: Vec<String>,
    /// Milliseconds the search took.
    pub took_ms: f64,
    /// Why the search failed, when it did.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Every brief id retrieved, best first (in the run file, not in the JSON).
    #[serde(skip)]
    pub ranked: Vec<String>,
}

/// What `briefs eval` reports: the `--json` object.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EvalReport {
    /// Cut-off for nDCG and reciprocal rank.
    pub k: usize,
    /// Hits asked of each search.
    pub depth: usize,
    /// Passages a brief may place among the hits.
    pub per_brief: usize,
    /// Grades were read as binary relevance.
    pub binary: bool,
    /// Queries were reduced to their words.
    pub words: bool,
    /// Means over the evaluated queries.
    pub overall: Overall,
    /// Each evaluated query, in the order of the query file.
    pub per_query: Vec<QueryResult>,
}

/// Runs every judged query through the engine and scores it.
///
/// Errors: [`EvalError::NothingJudged`] when no query has a relevant judgment,
/// [`EvalError::Search`] when the depth is not 1 to 1000, the per-brief cap is out of the
/// search's range, or the index cannot be read. One query's failed search (say, an over-long text) scores 0 and is
/// reported in its [`QueryResult::error`], not returned.
pub fn evaluate(
    engine: &Engine,
    queries: &[Query],
    qrels: &Qrels,
    opts: &EvalOptions,
) -> Result<EvalReport, EvalError> {
    let params = |text: &str| {
        let mut p = RequestParams::new();
        p.push(Param::Query, text);
        p.push(Param::Limit, opts.depth.to_string());
        p.push(Param::PerBrief, opts.per_brief.to_string());
        p
    };
    if !(1..=crate::search::MAX_LIMIT).contains(&opts.depth) {
        let expected = format!("a whole number from 1 to {}", crate::search::MAX_LIMIT);
        return Err(crate::Error::param("limit", opts.depth.to_string(), expected).into());
    }
    params("").search()?;
    let binary;
    let qrels = if opts.binary {
        binary = qrels.binary();
        &binary
    } else {
        qrels
    };
    let mut report = EvalReport {
        k: opts.k,
        depth: opts.depth,
        per_brief: opts.per_brief,
        binary: opts.binary,
        words: opts.words,
        ..EvalReport::default()
    };
    let (judged, unjudged): (Vec<&Query>, Vec<&Query>) =
        queries.iter().partition(|q| qrels.has_relevant(&q.id));
    report.overall.unjudged = unjudged.len();
    report.overall.missing = qrels
        .0
        .keys()
        .filter(|id| qrels.has_relevant(id) && !queries.iter().any(|q| &q.id == *id))
        .count();
    if judged.is_empty() {
        let few = |ids: Vec<&String>| {
            ids.iter()
                .take(3)
                .map(|s| format!("{s:?}"))
                .collect::<Vec<_>>()
                .join(", ")
        };
        return Err(EvalError::NothingJudged {
            queries: few(queries.iter().map(|q| &q.id).collect()),
            judged: few(qrels.0.keys().collect()),
        });
    }
    let searcher = engine.searcher();
    let brief_id = engine.index().fields.brief_id;
    for q in judged {
        let grades = qrels.grades(&q.id).expect("judged queries have grades");
        report.overall.not_indexed += grades
            .iter()
            .filter(|(doc, g)| {
                let term = tantivy::Term::from_field_text(brief_id, doc);
                **g > 0 && matches!(searcher.doc_freq(&term), Ok(0))
            })
            .count();
        let text = if opts.words {
            words(&q.text)
        } else {
            q.text.clone()
        };
        let started = std::time::Instant::now();
        let outcome = if text.trim().is_empty() {
            Err(crate::Error::Query("no words to search".into()))
        } else {
            params(&text).search().and_then(|req| engine.search(&req))
        };
        let took_ms = started.elapsed().as_secs_f64() * 1000.0;
        let (ranked, error) = match outcome {
            Ok(resp) => {
                let mut seen = std::collections::HashSet::new();
                let ranked: Vec<String> = resp
                    .hits
                    .into_iter()
                    .map(|h| h.brief_id)
                    .filter(|id| seen.insert(id.clone()))
                    .collect();
                (ranked, None)
            }
            Err(e) => {
                report.overall.failed += 1;
                (Vec::new(), Some(e.to_string()))
            }
        };
        let s = metrics::score(&ranked, grades, opts.k);
        report.per_query.push(QueryResult {
            id: q.id.clone(),
            text,
            ndcg: s.ndcg,
            mrr: s.rr,
            recall: s.recall,
            ap: s.ap,
            relevant: s.relevant,
            retrieved: s.retrieved,
            relevant_retrieved: s.relevant_retrieved,
            top: ranked.iter().take(opts.k).cloned().collect(),
            took_ms,
            error,
            ranked,
        });
    }
    let n = report.per_query.len() as f64;
    let mean = |f: fn(&QueryResult) -> f64| report.per_query.iter().map(f).sum::<f64>() / n;
    report.overall.ndcg = mean(|r| r.ndcg);
    report.overall.mrr = mean(|r| r.mrr);
    report.overall.recall = mean(|r| r.recall);
    report.overall.map = mean(|r| r.ap);
    report.overall.queries = report.per_query.len();
    let mut times: Vec<f64> = report.per_query.iter().map(|r| r.took_ms).collect();
    times.sort_by(f64::total_cmp);
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    report.overall.p50_ms = at(0.5);
    report.overall.p95_ms = at(0.95);
    Ok(report)
}
