//! `--push URL`: sends the written files to a running engine with `ureq` (a small blocking
//! HTTP client; the export is a sequential batch job, no async runtime needed). OpenSearch and
//! Elasticsearch get `_bulk` requests, Quickwit its ingest endpoint, one file per request.
//!
//! Nothing is dropped silently: a whole request answered 429 or 5xx (or not answered) is sent
//! again after a back-off (the engine's `Retry-After` when it gives one); in a `_bulk` answer,
//! items refused with 429 are sent again and every other refused item is kept with the
//! engine's reason. Credentials come from the environment and never appear in the report.

use std::time::Duration;

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::split::WrittenFile;
use super::Target;
use crate::error::{Error, Result};
use crate::index::Progress;

/// The environment variables credentials are read from, in the order they are tried.
pub const CREDENTIAL_VARIABLES: &str =
    "BRIEFS_PUSH_API_KEY, BRIEFS_PUSH_TOKEN, BRIEFS_PUSH_USER with BRIEFS_PUSH_PASSWORD";

/// An `Authorization` header built from the environment. Its `Debug` shows where it came from,
/// never the secret.
#[derive(Clone)]
pub struct Auth {
    header: String,
    /// The variable(s) it was read from.
    pub from: &'static str,
}

impl std::fmt::Debug for Auth {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Auth(from {})", self.from)
    }
}

impl Auth {
    /// Reads credentials: `BRIEFS_PUSH_API_KEY` (an Elasticsearch API key, sent as
    /// `ApiKey …`), else `BRIEFS_PUSH_TOKEN` (`Bearer …`, for an engine behind a proxy that
    /// checks tokens), else `BRIEFS_PUSH_USER` and `BRIEFS_PUSH_PASSWORD` (HTTP Basic).
    pub fn from_env() -> Option<Auth> {
        use base64::Engine as _;
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        if let Some(key) = var("BRIEFS_PUSH_API_KEY") {
            return Some(Auth {
                header: format!("ApiKey {key}"),
                from: "BRIEFS_PUSH_API_KEY",
            });
        }
        if let Some(token) = var("BRIEFS_PUSH_TOKEN") {
            return Some(Auth {
                header: format!("Bearer {token}"),
                from: "BRIEFS_PUSH_TOKEN",
            });
        }
        let user = var("BRIEFS_PUSH_USER")?;
        let password = var("BRIEFS_PUSH_PASSWORD").unwrap_or_default();
        let pair = base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"));
        Some(Auth {
            header: format!("Basic {pair}"),
            from: "BRIEFS_PUSH_USER/BRIEFS_PUSH_PASSWORD",
        })
    }
}

/// Where and how to push.
#[derive(Debug, Clone)]
pub struct PushOptions {
    /// The engine's base URL (`http://localhost:9200`, `http://localhost:7280`).
    pub url: String,
    /// OpenSearch/Elasticsearch or Quickwit.
    pub target: Target,
    /// The index name (OpenSearch) or index id (Quickwit).
    pub index: String,
    /// How many times a refused request (429, 5xx, no answer) is sent again before its
    /// documents are counted as rejected.
    pub retries: u32,
    /// Credentials, if any.
    pub auth: Option<Auth>,
}

/// One document the engine did not accept.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rejected {
    /// The document id (empty when the engine did not say which document).
    pub id: String,
    /// The file it was sent from.
    pub file: String,
    /// The HTTP status of the item (or of the request).
    pub status: u16,
    /// The engine's reason.
    pub reason: String,
}

/// What a push did.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PushReport {
    /// The engine's base URL.
    pub url: String,
    /// Where credentials came from (the variable names), if any were sent.
    pub credentials: Option<String>,
    /// Whether the index was missing and was created from the mapping or config.
    pub index_created: bool,
    /// HTTP requests sent for documents (retries included).
    pub requests: u64,
    /// Requests sent again after a 429, a 5xx or no answer.
    pub retries: u64,
    /// Documents in the files.
    pub documents_sent: u64,
    /// Documents the engine accepted.
    pub documents_accepted: u64,
    /// Documents it did not accept, each listed in `rejected`.
    pub documents_rejected: u64,
    /// Every rejected document with the engine's reason.
    pub rejected: Vec<Rejected>,
}

/// A URL with user information is refused: credentials belong in the environment, where they
/// stay out of logs, reports and shell history.
pub fn check_url(url: &str) -> Result<()> {
    let Some(rest) = url
        .strip_prefix("http://")
        .or_else(|| url.strip_prefix("https://"))
    else {
        return Err(Error::param(
            "push",
            url,
            "an http:// or https:// URL of the engine, such as http://localhost:9200",
        ));
    };
    let authority = rest.split('/').next().unwrap_or("");
    if authority.contains('@') {
        return Err(Error::param(
            "push",
            "(a URL with credentials, not repeated here)",
            format!("a URL without user:password@; give credentials in {CREDENTIAL_VARIABLES}"),
        ));
    }
    Ok(())
}

/// Creates the index when missing, then sends every file, batch by batch.
pub fn push(
    opts: &PushOptions,
    config: &[u8],
    files: &[WrittenFile],
    progress: &dyn Progress,
) -> Result<PushReport> {
    check_url(&opts.url)?;
    let base = opts.url.trim_end_matches('/').to_string();
    let agent: ureq::Agent = ureq::Agent::config_builder()
        .http_status_as_error(false)
        // A redirect is reported, not followed: the URL should name the engine itself, and a
        // bulk body is not re-sent somewhere else.
        .max_redirects(0)
        .timeout_global(Some(Duration::from_secs(300)))
        .build()
        .into();
    let client = Client {
        agent,
        base: base.clone(),
        auth: opts.auth.clone(),
    };
    let mut report = PushReport {
        url: base.clone(),
        credentials: opts.auth.as_ref().map(|a| a.from.to_string()),
        documents_sent: files.iter().map(|f| f.documents).sum(),
        ..PushReport::default()
    };
    report.index_created = ensure_index(&client, opts, config)?;
    progress.start(report.documents_sent);
    for file in files {
        let data = std::fs::read(&file.path).map_err(|e| Error::Io {
            context: format!("reading {}", file.path),
            source: e,
        })?;
        let records = split_records(&data, opts.target);
        send_file(&client, opts, file, &records, &mut report, progress)?;
    }
    progress.finish();
    Ok(report)
}

struct Client {
    agent: ureq::Agent,
    base: String,
    auth: Option<Auth>,
}

/// An answer: status, `Retry-After` seconds, body.
struct Answer {
    status: u16,
    retry_after: Option<u64>,
    body: String,
}

impl Client {
    fn send(
        &self,
        method: &str,
        path: &str,
        content_type: &str,
        body: &[u8],
    ) -> std::result::Result<Answer, String> {
        let url = format!("{}{}", self.base, path);
        let auth = self.auth.as_ref().map(|a| a.header.as_str());
        let resp = match method {
            // Methods without a body go through `call`: ureq refuses a body on them.
            "HEAD" | "GET" => {
                let mut req = if method == "HEAD" {
                    self.agent.head(&url)
                } else {
                    self.agent.get(&url)
                };
                if let Some(h) = auth {
                    req = req.header("Authorization", h);
                }
                req.call()
            }
            _ => {
                let mut req = if method == "PUT" {
                    self.agent.put(&url)
                } else {
                    self.agent.post(&url)
                };
                req = req.header("Content-Type", content_type);
                if let Some(h) = auth {
                    req = req.header("Authorization", h);
                }
                req.send(body)
            }
        }
        .map_err(|e| e.to_string())?;
        let status = resp.status().as_u16();
        let retry_after = resp
            .headers()
            .get("retry-after")
            .and_then(|v| v.to_str().ok())
            .and_then(|s| s.trim().parse::<u64>().ok());
        let body = resp
            .into_body()
            .with_config()
            .limit(256 * 1024 * 1024)
            .read_to_string()
            .unwrap_or_default();
        Ok(Answer {
            status,
            retry_after,
            body,
        })
    }

    fn error(&self, message: impl Into<String>) -> Error {
        Error::Push {
            url: self.base.clone(),
            message: message.into(),
        }
    }
}

/// The start of an answer's body, for an error message.
fn snippet(body: &str) -> String {
    let s: String = body.chars().take(300).collect();
    s.replace('\n', " ")
}

fn ensure_index(client: &Client, opts: &PushOptions, config: &[u8]) -> Result<bool> {
    let (probe, create_method, create_path, content_type) = match opts.target {
        Target::Opensearch => (
            format!("/{}", opts.index),
            "PUT",
            format!("/{}", opts.index),
            "application/json",
        ),
        Target::Quickwit => (
            format!("/api/v1/indexes/{}", opts.index),
            "POST",
            "/api/v1/indexes".to_string(),
            "application/yaml",
        ),
        Target::Jsonl => {
            return Err(Error::Conflict(
                "--push sends to a search engine: use it with --to opensearch or --to quickwit"
                    .into(),
            ))
        }
    };
    let method = if opts.target == Target::Opensearch {
        "HEAD"
    } else {
        "GET"
    };
    let a = client
        .send(method, &probe, "application/json", b"")
        .map_err(|e| client.error(format!("cannot reach the engine: {e}")))?;
    match a.status {
        200..=299 => Ok(false),
        404 => {
            let c = client
                .send(create_method, &create_path, content_type, config)
                .map_err(|e| client.error(format!("creating index {}: {e}", opts.index)))?;
            if (200..300).contains(&c.status) {
                Ok(true)
            } else {
                Err(client.error(format!(
                    "creating index {} answered HTTP {}: {}",
                    opts.index,
                    c.status,
                    snippet(&c.body)
                )))
            }
        }
        401 | 403 => Err(client.error(format!(
            "HTTP {}: the engine refused the credentials (set {CREDENTIAL_VARIABLES})",
            a.status
        ))),
        s => Err(client.error(format!(
            "checking index {} answered HTTP {s}: {}",
            opts.index,
            snippet(&a.body)
        ))),
    }
}

/// The records of a file: pairs of lines for `_bulk`, single lines for Quickwit.
fn split_records(data: &[u8], target: Target) -> Vec<&[u8]> {
    let per = if target == Target::Opensearch { 2 } else { 1 };
    let mut out = Vec::new();
    let mut start = 0;
    let mut lines = 0;
    for (i, b) in data.iter().enumerate() {
        if *b == b'\n' {
            lines += 1;
            if lines == per {
                out.push(&data[start..=i]);
                start = i + 1;
                lines = 0;
            }
        }
    }
    if start < data.len() {
        out.push(&data[start..]);
    }
    out
}

/// What one request settled.
enum Outcome {
    /// The engine answered: these record positions must go again (429 items), these were
    /// refused for good, the rest were accepted.
    Answered {
        again: Vec<usize>,
        refused: Vec<(usize, String, u16, String)>,
        unnamed_refused: Vec<(u16, String)>,
    },
    /// The whole request must go again.
    Retry {
        status: u16,
        wait: Option<u64>,
        why: String,
    },
}

fn send_file(
    client: &Client,
    opts: &PushOptions,
    file: &WrittenFile,
    records: &[&[u8]],
    report: &mut PushReport,
    progress: &dyn Progress,
) -> Result<()> {
    let mut pending: Vec<usize> = (0..records.len()).collect();
    let mut attempt: u32 = 0;
    while !pending.is_empty() {
        let mut body = Vec::with_capacity(pending.iter().map(|&i| records[i].len()).sum());
        for &i in &pending {
            body.extend_from_slice(records[i]);
        }
        report.requests += 1;
        let outcome = match opts.target {
            Target::Opensearch => bulk(client, &body, &pending, records)?,
            _ => ingest(client, opts, &body, &pending, records)?,
        };
        let (again, wait, last) = match outcome {
            Outcome::Answered {
                again,
                refused,
                unnamed_refused,
            } => {
                let done = pending.len() - again.len();
                let bad = refused.len() + unnamed_refused.len();
                report.documents_accepted += (done - bad.min(done)) as u64;
                for (_, id, status, reason) in refused {
                    report.rejected.push(Rejected {
                        id,
                        file: file.path.clone(),
                        status,
                        reason,
                    });
                }
                for (status, reason) in unnamed_refused {
                    report.rejected.push(Rejected {
                        id: String::new(),
                        file: file.path.clone(),
                        status,
                        reason,
                    });
                }
                report.documents_rejected += bad as u64;
                progress.advance(done as u64);
                (
                    again,
                    None,
                    (429, "the engine kept answering 429 for it".to_string()),
                )
            }
            Outcome::Retry { status, wait, why } => (pending.clone(), wait, (status, why)),
        };
        if again.is_empty() {
            break;
        }
        if attempt >= opts.retries {
            if last.0 == 0 {
                return Err(client.error(format!(
                    "no answer after {} tries: {}",
                    attempt + 1,
                    last.1
                )));
            }
            for &i in &again {
                report.rejected.push(Rejected {
                    id: record_id(records[i], opts.target),
                    file: file.path.clone(),
                    status: last.0,
                    reason: format!("still refused after {} tries: {}", attempt + 1, last.1),
                });
            }
            report.documents_rejected += again.len() as u64;
            progress.advance(again.len() as u64);
            break;
        }
        std::thread::sleep(backoff(attempt, wait));
        attempt += 1;
        report.retries += 1;
        pending = again;
    }
    Ok(())
}

/// Waits 0.5 s, 1 s, 2 s, … up to 30 s; the engine's `Retry-After` (up to 60 s) wins.
fn backoff(attempt: u32, retry_after: Option<u64>) -> Duration {
    match retry_after {
        Some(s) => Duration::from_secs(s.min(60)),
        None => Duration::from_millis((500u64 << attempt.min(6)).min(30_000)),
    }
}

/// The document id of a record: the `_id` of a `_bulk` action line, the `id` of a Quickwit line.
fn record_id(record: &[u8], target: Target) -> String {
    let first = record.split(|b| *b == b'\n').next().unwrap_or(b"");
    let v: Value = serde_json::from_slice(first).unwrap_or(Value::Null);
    let id = match target {
        Target::Opensearch => v
            .as_object()
            .and_then(|o| o.values().next())
            .and_then(|a| a.get("_id")),
        _ => v.get("id"),
    };
    id.and_then(Value::as_str).unwrap_or("").to_string()
}

/// Is this status worth sending again?
fn retryable(status: u16) -> bool {
    status == 429 || status >= 500
}

fn bulk(client: &Client, body: &[u8], pending: &[usize], records: &[&[u8]]) -> Result<Outcome> {
    let a = match client.send("POST", "/_bulk", "application/x-ndjson", body) {
        Ok(a) => a,
        Err(e) => {
            return Ok(Outcome::Retry {
                status: 0,
                wait: None,
                why: e,
            })
        }
    };
    if retryable(a.status) {
        return Ok(Outcome::Retry {
            status: a.status,
            wait: a.retry_after,
            why: format!("HTTP {}: {}", a.status, snippet(&a.body)),
        });
    }
    if !(200..300).contains(&a.status) {
        return Err(client.error(format!(
            "_bulk answered HTTP {}: {}",
            a.status,
            snippet(&a.body)
        )));
    }
    let v: Value = serde_json::from_str(&a.body).map_err(|e| {
        client.error(format!(
            "_bulk answered something that is not a bulk response ({e}): {}",
            snippet(&a.body)
        ))
    })?;
    let items = v.get("items").and_then(Value::as_array);
    let mut again = Vec::new();
    let mut refused = Vec::new();
    if v.get("errors").and_then(Value::as_bool) == Some(false) {
        return Ok(Outcome::Answered {
            again,
            refused,
            unnamed_refused: Vec::new(),
        });
    }
    let Some(items) = items.filter(|i| i.len() == pending.len()) else {
        return Err(client.error(format!(
            "_bulk reported errors but not one item per document sent ({} sent)",
            pending.len()
        )));
    };
    for (item, &i) in items.iter().zip(pending) {
        let result = item
            .as_object()
            .and_then(|o| o.values().next())
            .cloned()
            .unwrap_or(Value::Null);
        let status = result.get("status").and_then(Value::as_u64).unwrap_or(0) as u16;
        if (200..300).contains(&status) {
            continue;
        }
        if status == 429 {
            again.push(i);
            continue;
        }
        let id = result
            .get("_id")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| record_id(records[i], Target::Opensearch));
        let err = &result["error"];
        let reason = match (
            err.get("type").and_then(Value::as_str),
            err.get("reason").and_then(Value::as_str),
        ) {
            (Some(t), Some(r)) => format!("{t}: {r}"),
            (Some(t), None) => t.to_string(),
            _ => err.to_string(),
        };
        refused.push((i, id, status, reason));
    }
    Ok(Outcome::Answered {
        again,
        refused,
        unnamed_refused: Vec::new(),
    })
}

fn ingest(
    client: &Client,
    opts: &PushOptions,
    body: &[u8],
    pending: &[usize],
    records: &[&[u8]],
) -> Result<Outcome> {
    let path = format!("/api/v1/{}/ingest", opts.index);
    let a = match client.send("POST", &path, "application/x-ndjson", body) {
        Ok(a) => a,
        Err(e) => {
            return Ok(Outcome::Retry {
                status: 0,
                wait: None,
                why: e,
            })
        }
    };
    if retryable(a.status) {
        return Ok(Outcome::Retry {
            status: a.status,
            wait: a.retry_after,
            why: format!("HTTP {}: {}", a.status, snippet(&a.body)),
        });
    }
    if !(200..300).contains(&a.status) {
        return Err(client.error(format!(
            "ingest answered HTTP {}: {}",
            a.status,
            snippet(&a.body)
        )));
    }
    let v: Value = serde_json::from_str(&a.body).unwrap_or(Value::Null);
    let rejected = v
        .get("num_rejected_docs")
        .and_then(Value::as_u64)
        .unwrap_or(0) as usize;
    let mut refused = Vec::new();
    for f in v
        .get("parse_failures")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
    {
        let doc = f.get("document").and_then(Value::as_str).unwrap_or("");
        let id = record_id(doc.as_bytes(), Target::Quickwit);
        let reason = f
            .get("message")
            .and_then(Value::as_str)
            .unwrap_or("rejected")
            .to_string();
        let at = pending
            .iter()
            .copied()
            .find(|&i| record_id(records[i], Target::Quickwit) == id)
            .unwrap_or(0);
        refused.push((at, id, 400, reason));
    }
    let unnamed = rejected.saturating_sub(refused.len());
    Ok(Outcome::Answered {
        again: Vec::new(),
        refused,
        unnamed_refused: vec![
            (
                400,
                "rejected by Quickwit, which did not say which document or why".to_string()
            );
            unnamed
        ],
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_with_credentials_are_refused_without_echoing_them() {
        assert!(check_url("http://localhost:9200").is_ok());
        assert!(check_url("https://es.example.org/prefix").is_ok());
        let e = check_url("https://elastic:s3cret@es.example.org").unwrap_err();
        assert!(!e.to_string().contains("s3cret"), "{e}");
        assert!(check_url("localhost:9200").is_err());
    }

    #[test]
    fn records_are_pairs_for_bulk_and_lines_for_quickwit() {
        let data = b"{\"index\":{\"_id\":\"a\"}}\n{}\n{\"index\":{\"_id\":\"b\"}}\n{}\n";
        let r = split_records(data, Target::Opensearch);
        assert_eq!(r.len(), 2);
        assert_eq!(record_id(r[1], Target::Opensearch), "b");
        let q = split_records(b"{\"id\":\"x\"}\n{\"id\":\"y\"}\n", Target::Quickwit);
        assert_eq!(q.len(), 2);
        assert_eq!(record_id(q[1], Target::Quickwit), "y");
    }

    #[test]
    fn back_off_doubles_and_obeys_retry_after() {
        assert_eq!(backoff(0, None), Duration::from_millis(500));
        assert_eq!(backoff(2, None), Duration::from_millis(2000));
        assert_eq!(backoff(20, None), Duration::from_millis(30_000));
        assert_eq!(backoff(3, Some(0)), Duration::ZERO);
        assert_eq!(backoff(0, Some(3600)), Duration::from_secs(60));
    }

    #[test]
    fn auth_debug_hides_the_secret() {
        let a = Auth {
            header: "Basic c2VjcmV0".into(),
            from: "BRIEFS_PUSH_USER/BRIEFS_PUSH_PASSWORD",
        };
        assert!(!format!("{a:?}").contains("c2VjcmV0"));
    }
}
