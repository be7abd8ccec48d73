//! `briefs export`: the OpenSearch mapping and Quickwit config against the documents written,
//! the bulk files line by line, the JSON Lines round trip through `briefs ingest`, and `--push`
//! against a local HTTP server that answers as `_bulk` and Quickwit's ingest API do, partial
//! failures and 429s included. No engine is installed here: the server plays its part.

mod common;

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use common::{briefs, fixture, root};
use serde_json::{json, Value};

/// The archive the tests export: the test fixtures and the corpus's Markdown, JSON Lines and
/// saved pages (every text reader, several hundred passages).
fn sources() -> Vec<PathBuf> {
    vec![
        fixture("archive"),
        root().join("corpus/markdown"),
        root().join("corpus/jsonl"),
        root().join("corpus/saved"),
    ]
}

fn export(args: &[&str], paths: &[PathBuf]) -> (i32, Value) {
    let out = briefs()
        .arg("export")
        .args(args)
        .args(paths)
        .arg("--json")
        .output()
        .unwrap();
    let code = out.status.code().unwrap();
    assert!(
        code <= 1,
        "export {args:?} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    (code, serde_json::from_slice(&out.stdout).unwrap())
}

fn lines(path: &str) -> Vec<String> {
    std::fs::read_to_string(path)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Briefs as `briefs export --to jsonl` writes them, by id.
fn jsonl_briefs(report: &Value) -> BTreeMap<String, Value> {
    let mut out = BTreeMap::new();
    for f in report["files"].as_array().unwrap() {
        for line in lines(f["path"].as_str().unwrap()) {
            let v: Value = serde_json::from_str(&line).unwrap();
            out.insert(v["id"].as_str().unwrap().to_string(), v);
        }
    }
    out
}

/// Documents per brief as the issue defines them: the standfirst (when there is one, or when
/// the brief has no passage) and one per passage.
fn expected_documents(b: &Value) -> usize {
    let passages = b["passages"].as_array().unwrap().len();
    passages + usize::from(!b["summary"].is_null() || passages == 0)
}

fn is_day(s: &str) -> bool {
    chrono::NaiveDate::parse_from_str(s, "%Y-%m-%d").is_ok() && s.len() == 10
}

/// Does `v` fit an OpenSearch field of this mapping (arrays of the type are fine)?
fn fits_opensearch(mapping: &Value, v: &Value) -> bool {
    let one = |x: &Value| match mapping["type"].as_str().unwrap() {
        "keyword" | "text" => x.is_string(),
        "date" => {
            assert_eq!(mapping["format"], "strict_date");
            x.as_str().is_some_and(is_day)
        }
        "integer" => x.as_u64().is_some_and(|n| n <= i32::MAX as u64),
        other => panic!("a type the test does not know: {other}"),
    };
    match v {
        Value::Array(items) => items.iter().all(one),
        _ => one(v),
    }
}

#[test]
fn opensearch_mapping_covers_every_document_and_bulk_files_pair_up() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("os");
    let os = out.to_str().unwrap();
    let (code, report) = export(
        &[
            "--to",
            "opensearch",
            "--out",
            os,
            "--split-mb",
            "0.05",
            "--name",
            "policy",
        ],
        &sources(),
    );
    assert_eq!(code, 0, "{report}");
    let jl = tmp.path().join("jl");
    let (_, jreport) = export(
        &["--to", "jsonl", "--out", jl.to_str().unwrap()],
        &sources(),
    );
    let briefs = jsonl_briefs(&jreport);
    assert!(briefs.len() >= 10, "{}", briefs.len());

    // The mapping: strict, facets as keywords, text fields stemmed with an exact sub-field,
    // every analyser and normaliser it names defined in the settings.
    let mapping: Value =
        serde_json::from_str(&std::fs::read_to_string(out.join("mapping.json")).unwrap()).unwrap();
    assert_eq!(
        report["config"],
        out.join("mapping.json").display().to_string()
    );
    let props = mapping["mappings"]["properties"].as_object().unwrap();
    assert_eq!(mapping["mappings"]["dynamic"], "strict");
    let analysis = &mapping["settings"]["analysis"];
    for facet in [
        "brief_id",
        "authors",
        "kind",
        "topics",
        "regions",
        "persons",
        "organizations",
        "places",
        "entities",
    ] {
        assert_eq!(props[facet]["type"], "keyword", "{facet}");
    }
    assert_eq!(props["date"]["type"], "date");
    for field in ["title", "heading", "text"] {
        let f = &props[field];
        assert_eq!(f["type"], "text");
        let analyzer = f["analyzer"].as_str().unwrap();
        let filters = analysis["analyzer"][analyzer]["filter"].as_array().unwrap();
        let stemmed = filters.iter().any(|n| {
            let f = &analysis["filter"][n.as_str().unwrap()];
            f["type"] == "stemmer" && f["language"] == "english"
        });
        assert!(stemmed, "{field} is stemmed");
        let exact = f["fields"]["exact"]["analyzer"].as_str().unwrap();
        assert!(
            analysis["analyzer"][exact]["filter"]
                .as_array()
                .unwrap()
                .iter()
                .all(|n| analysis["filter"].get(n.as_str().unwrap()).is_none()),
            "exact is not stemmed"
        );
    }
    for (name, f) in props {
        if let Some(n) = f["normalizer"].as_str() {
            assert!(analysis["normalizer"].get(n).is_some(), "{name}: {n}");
        }
    }

    // The bulk files: an action line and a document line per record, within the size, every
    // document field mapped with a fitting value, ids unique, counts right.
    let files = report["files"].as_array().unwrap();
    assert!(files.len() > 3, "split at 50 kB: {}", files.len());
    let mut seen_ids = BTreeSet::new();
    let mut per_brief: HashMap<String, usize> = HashMap::new();
    let mut total = 0;
    for f in files {
        let path = f["path"].as_str().unwrap();
        assert!(Path::new(path)
            .file_name()
            .unwrap()
            .to_str()
            .unwrap()
            .starts_with("bulk-"));
        let ls = lines(path);
        assert_eq!(ls.len() % 2, 0, "{path}: odd line count");
        assert_eq!(ls.len() / 2, f["documents"].as_u64().unwrap() as usize);
        let size = std::fs::metadata(path).unwrap().len();
        assert_eq!(size, f["bytes"].as_u64().unwrap());
        assert!(size <= 50_000 || ls.len() == 2, "{path}: {size} bytes");
        for pair in ls.chunks(2) {
            let action: Value = serde_json::from_str(&pair[0]).unwrap();
            let doc: Value = serde_json::from_str(&pair[1]).unwrap();
            let a = action.as_object().unwrap();
            assert_eq!(a.len(), 1);
            assert_eq!(a["index"]["_index"], "policy");
            assert_eq!(a["index"]["_id"], doc["id"]);
            assert!(
                seen_ids.insert(doc["id"].as_str().unwrap().to_string()),
                "duplicate {}",
                doc["id"]
            );
            for (key, value) in doc.as_object().unwrap() {
                let m = props
                    .get(key)
                    .unwrap_or_else(|| panic!("{key} is not mapped"));
                assert!(fits_opensearch(m, value), "{key}: {value} does not fit {m}");
            }
            *per_brief
                .entry(doc["brief_id"].as_str().unwrap().to_string())
                .or_default() += 1;
            total += 1;
        }
    }
    assert_eq!(total, report["documents"].as_u64().unwrap() as usize);
    assert_eq!(
        report["briefs"].as_u64().unwrap() as usize,
        jreport["briefs"].as_u64().unwrap() as usize
    );
    for (id, b) in &briefs {
        assert_eq!(
            per_brief.get(id).copied(),
            Some(expected_documents(b)),
            "brief {id}"
        );
    }
    // A document carries its brief's fields: check one brief with authors and entities.
    let (id, b) = briefs
        .iter()
        .find(|(_, b)| {
            !b["authors"].as_array().unwrap().is_empty()
                && !b["entities"].as_array().unwrap().is_empty()
        })
        .unwrap();
    let doc = files
        .iter()
        .flat_map(|f| lines(f["path"].as_str().unwrap()))
        .skip(1)
        .step_by(2)
        .map(|l| serde_json::from_str::<Value>(&l).unwrap())
        .find(|d| d["brief_id"] == id.as_str())
        .unwrap();
    assert_eq!(doc["title"], b["title"]);
    assert_eq!(doc["date"], b["date"]);
    let authors: Vec<&Value> = b["authors"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| &a["name"])
        .collect();
    assert_eq!(
        doc["authors"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>(),
        authors
    );
    assert_eq!(doc["topics"], b["topics"]);
    assert_eq!(doc["regions"], b["regions"]);
    for e in b["entities"].as_array().unwrap() {
        let field = match e["kind"].as_str().unwrap() {
            "person" => "persons",
            "organization" => "organizations",
            _ => "places",
        };
        assert!(
            doc[field].as_array().unwrap().contains(&e["name"]),
            "{field} {}",
            e["name"]
        );
    }
}

#[test]
fn quickwit_config_maps_every_document_field_with_a_fitting_type() {
    let tmp = tempfile::tempdir().unwrap();
    let out = tmp.path().join("qw");
    let (_, report) = export(
        &[
            "--to",
            "quickwit",
            "--out",
            out.to_str().unwrap(),
            "--split-mb",
            "0.05",
        ],
        &sources(),
    );
    let yaml = std::fs::read_to_string(out.join("index-config.yaml")).unwrap();
    let config: Value = serde_yaml_ng::from_str(&yaml).unwrap();
    assert_eq!(config["index_id"], "briefs");
    let dm = &config["doc_mapping"];
    assert_eq!(dm["mode"], "strict");
    let fields: BTreeMap<&str, &Value> = dm["field_mappings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["name"].as_str().unwrap(), f))
        .collect();
    // Quickwit's built-in tokenizers.
    let tokenizers = [
        "raw",
        "default",
        "en_stem",
        "whitespace",
        "chinese_compress",
        "lowercase",
    ];
    for (name, f) in &fields {
        if let Some(t) = f["tokenizer"].as_str() {
            assert!(tokenizers.contains(&t), "{name}: tokenizer {t}");
        }
    }
    for facet in [
        "brief_id",
        "authors",
        "kind",
        "topics",
        "regions",
        "persons",
        "organizations",
        "places",
        "entities",
    ] {
        assert_eq!(fields[facet]["fast"], true, "{facet} is a fast field");
        assert_eq!(
            fields[facet]["tokenizer"], "raw",
            "{facet} keeps whole values"
        );
    }
    let ts = dm["timestamp_field"].as_str().unwrap();
    assert_eq!(fields[ts]["type"], "datetime");
    assert_eq!(fields[ts]["fast"], true);
    for f in config["search_settings"]["default_search_fields"]
        .as_array()
        .unwrap()
    {
        let f = fields[f.as_str().unwrap()];
        assert_eq!(f["type"], "text");
        assert_eq!(f["tokenizer"], "en_stem");
    }
    let mut total = 0;
    for file in report["files"].as_array().unwrap() {
        for line in lines(file["path"].as_str().unwrap()) {
            let doc: Value = serde_json::from_str(&line).unwrap();
            for (key, value) in doc.as_object().unwrap() {
                let m = fields
                    .get(key.as_str())
                    .unwrap_or_else(|| panic!("{key} is not mapped"));
                let ty = m["type"].as_str().unwrap();
                let ok = match ty {
                    "text" => value.is_string(),
                    "array<text>" => value
                        .as_array()
                        .is_some_and(|a| a.iter().all(Value::is_string)),
                    "u64" => value.is_u64(),
                    "datetime" => {
                        assert_eq!(m["input_formats"], json!(["rfc3339"]));
                        value
                            .as_str()
                            .is_some_and(|s| chrono::DateTime::parse_from_rfc3339(s).is_ok())
                    }
                    other => panic!("a type the test does not know: {other}"),
                };
                assert!(ok, "{key}: {value} does not fit {ty}");
            }
            total += 1;
        }
    }
    assert_eq!(total, report["documents"].as_u64().unwrap());
}

/// The brief without the fields that say where and how it was read: `source` (a JSON Lines
/// brief's source is `file:LINE` by definition) and the parser's `warnings`.
fn content(b: &Value) -> Value {
    let mut b = b.clone();
    let o = b.as_object_mut().unwrap();
    o.remove("source");
    o.remove("warnings");
    b
}

#[test]
fn json_lines_export_reingests_to_the_same_briefs() {
    let tmp = tempfile::tempdir().unwrap();
    let t = tmp.path();
    let idx1 = t.join("idx1");
    briefs()
        .arg("ingest")
        .args(sources())
        .arg("--index")
        .arg(&idx1)
        .output()
        .unwrap();
    // From folders and from the index: the same briefs.
    let (_, from_folders) = export(
        &["--to", "jsonl", "--out", t.join("a").to_str().unwrap()],
        &sources(),
    );
    let (code, from_index) = export(
        &[
            "--to",
            "jsonl",
            "--index",
            idx1.to_str().unwrap(),
            "--out",
            t.join("b").to_str().unwrap(),
        ],
        &[],
    );
    assert_eq!(code, 0);
    let a = jsonl_briefs(&from_folders);
    let b = jsonl_briefs(&from_index);
    assert_eq!(a.keys().collect::<Vec<_>>(), b.keys().collect::<Vec<_>>());
    for (id, brief) in &b {
        assert_eq!(
            brief, &a[id],
            "brief {id} differs between index and folders"
        );
    }
    // The export, ingested again, holds exactly the same briefs.
    let idx2 = t.join("idx2");
    let ing = briefs()
        .arg("ingest")
        .arg(t.join("b"))
        .arg("--index")
        .arg(&idx2)
        .output()
        .unwrap();
    assert_eq!(
        ing.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&ing.stderr)
    );
    let (_, again) = export(
        &[
            "--to",
            "jsonl",
            "--index",
            idx2.to_str().unwrap(),
            "--out",
            t.join("c").to_str().unwrap(),
        ],
        &[],
    );
    let c = jsonl_briefs(&again);
    assert_eq!(c.len(), b.len());
    for (id, brief) in &b {
        assert_eq!(
            content(&c[id]),
            content(brief),
            "brief {id} changed in the round trip"
        );
    }
    // And `briefs parse --json` of an original and of the exported file agree.
    let original = fixture("archive/helmand-water.txt");
    let parsed = common::json(&["parse", original.to_str().unwrap()], t);
    let id = parsed["id"].as_str().unwrap();
    let exported = from_index["files"][0]["path"].as_str().unwrap().to_string();
    let out = briefs()
        .args(["parse", &exported, "--json"])
        .output()
        .unwrap();
    let reparsed = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str::<Value>(l).unwrap())
        .find(|v| v["id"] == id)
        .expect("the brief is in the export");
    assert_eq!(content(&reparsed), content(&parsed));
}

// ---- push against a local server ----

/// One request as the fake engine saw it.
#[derive(Debug, Clone)]
struct Seen {
    method: String,
    path: String,
    auth: Option<String>,
    content_type: Option<String>,
    body: Vec<u8>,
}

/// What the fake engine answers: status, extra headers, body.
type Answer = (u16, Vec<(&'static str, String)>, String);

/// A one-request-per-connection HTTP/1.1 server on a free port, answering with `handler`.
fn fake_engine(
    handler: impl Fn(&Seen, usize) -> Answer + Send + 'static,
) -> (String, Arc<Mutex<Vec<Seen>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let log = Arc::new(Mutex::new(Vec::new()));
    let seen = log.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            if reader.read_line(&mut line).unwrap_or(0) == 0 {
                continue;
            }
            let mut parts = line.split_whitespace();
            let method = parts.next().unwrap_or("").to_string();
            let path = parts.next().unwrap_or("").to_string();
            let mut headers = HashMap::new();
            loop {
                let mut h = String::new();
                reader.read_line(&mut h).unwrap();
                let h = h.trim_end();
                if h.is_empty() {
                    break;
                }
                if let Some((k, v)) = h.split_once(':') {
                    headers.insert(k.trim().to_ascii_lowercase(), v.trim().to_string());
                }
            }
            let len: usize = headers
                .get("content-length")
                .and_then(|v| v.parse().ok())
                .unwrap_or(0);
            let mut body = vec![0; len];
            reader.read_exact(&mut body).unwrap();
            let req = Seen {
                method,
                path,
                auth: headers.get("authorization").cloned(),
                content_type: headers.get("content-type").cloned(),
                body,
            };
            let n = {
                let mut log = seen.lock().unwrap();
                log.push(req.clone());
                log.len()
            };
            let (status, extra, body) = handler(&req, n);
            let mut resp = format!(
                "HTTP/1.1 {status} X\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n",
                if req.method == "HEAD" { 0 } else { body.len() }
            );
            for (k, v) in extra {
                resp += &format!("{k}: {v}\r\n");
            }
            resp += "\r\n";
            if req.method != "HEAD" {
                resp += &body;
            }
            let _ = stream.write_all(resp.as_bytes());
        }
    });
    (url, log)
}

fn bulk_ids(body: &[u8]) -> Vec<String> {
    String::from_utf8_lossy(body)
        .lines()
        .step_by(2)
        .map(|l| {
            serde_json::from_str::<Value>(l).unwrap()["index"]["_id"]
                .as_str()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn push(args: &[&str], url: &str, env: &[(&str, &str)]) -> (i32, Value, String) {
    let tmp = tempfile::tempdir().unwrap();
    let mut cmd = briefs();
    cmd.arg("export")
        .args(args)
        .arg("--out")
        .arg(tmp.path().join("out"))
        .arg(fixture("archive"))
        .args(["--split-mb", "0.01", "--push", url, "--json"]);
    for (k, v) in env {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout).to_string();
    let stderr = String::from_utf8_lossy(&out.stderr).to_string();
    let report = serde_json::from_str(&stdout).unwrap_or(Value::Null);
    (out.status.code().unwrap(), report, stdout + &stderr)
}

#[test]
fn push_to_bulk_retries_429s_and_reports_every_rejected_document() {
    use base64::Engine as _;
    let accepted = Arc::new(Mutex::new(Vec::<String>::new()));
    let acc = accepted.clone();
    let tried = Arc::new(Mutex::new(BTreeSet::<String>::new()));
    let expected_auth = format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode("elastic:s3cret-pw")
    );
    let want = expected_auth.clone();
    let (url, log) = fake_engine(move |req, n| {
        if req.auth.as_deref() != Some(want.as_str()) {
            return (401, vec![], "{}".into());
        }
        match (req.method.as_str(), req.path.as_str()) {
            ("HEAD", "/briefs") => (404, vec![], String::new()),
            ("PUT", "/briefs") => (200, vec![], r#"{"acknowledged":true}"#.into()),
            ("POST", "/_bulk") if n == 3 => {
                // The first bulk request: the whole request is refused.
                (
                    429,
                    vec![("Retry-After", "0".into())],
                    r#"{"error":"busy"}"#.into(),
                )
            }
            ("POST", "/_bulk") => {
                let mut items = Vec::new();
                let mut errors = false;
                for id in bulk_ids(&req.body) {
                    let (status, error) = if id.ends_with("-1") {
                        (
                            400,
                            Some(
                                json!({"type": "mapper_parsing_exception", "reason": "failed to parse field [date]"}),
                            ),
                        )
                    } else if id.ends_with("-2") && tried.lock().unwrap().insert(id.clone()) {
                        (
                            429,
                            Some(
                                json!({"type": "es_rejected_execution_exception", "reason": "queue full"}),
                            ),
                        )
                    } else {
                        acc.lock().unwrap().push(id.clone());
                        (201, None)
                    };
                    errors |= error.is_some();
                    let mut item = json!({"_index": "briefs", "_id": id, "status": status});
                    if let Some(e) = error {
                        item["error"] = e;
                    }
                    items.push(json!({ "index": item }));
                }
                (
                    200,
                    vec![],
                    json!({"took": 1, "errors": errors, "items": items}).to_string(),
                )
            }
            _ => (400, vec![], "{}".into()),
        }
    });
    let (code, report, output) = push(
        &["--to", "opensearch"],
        &url,
        &[
            ("BRIEFS_PUSH_USER", "elastic"),
            ("BRIEFS_PUSH_PASSWORD", "s3cret-pw"),
        ],
    );
    assert!(!output.contains("s3cret-pw"), "the password was printed");
    assert!(
        !output.contains(&expected_auth[6..]),
        "the encoded password was printed"
    );
    assert_eq!(code, 1, "{output}");
    let p = &report["push"];
    assert_eq!(p["index_created"], true);
    assert_eq!(p["credentials"], "BRIEFS_PUSH_USER/BRIEFS_PUSH_PASSWORD");
    let log = log.lock().unwrap();
    assert_eq!(log[1].method, "PUT");
    let sent: Value = serde_json::from_slice(&log[1].body).unwrap();
    assert_eq!(sent["mappings"]["dynamic"], "strict");
    assert!(log
        .iter()
        .filter(|r| r.path == "/_bulk")
        .all(|r| r.content_type.as_deref() == Some("application/x-ndjson")));

    // Every document was sent; the -1s were rejected with the engine's reason, the -2s went
    // again after their 429 and were accepted once; nothing else is missing.
    let all: BTreeSet<String> = log
        .iter()
        .filter(|r| r.path == "/_bulk")
        .flat_map(|r| bulk_ids(&r.body))
        .collect();
    let total = report["documents"].as_u64().unwrap();
    assert_eq!(all.len() as u64, total);
    assert_eq!(p["documents_sent"], total);
    let rejected: BTreeSet<String> = p["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            assert_eq!(r["status"], 400);
            assert!(r["reason"]
                .as_str()
                .unwrap()
                .starts_with("mapper_parsing_exception: "));
            r["id"].as_str().unwrap().to_string()
        })
        .collect();
    let should_reject: BTreeSet<String> =
        all.iter().filter(|i| i.ends_with("-1")).cloned().collect();
    assert!(!should_reject.is_empty());
    assert_eq!(rejected, should_reject);
    assert_eq!(
        p["documents_rejected"].as_u64().unwrap(),
        rejected.len() as u64
    );
    let accepted = accepted.lock().unwrap();
    let unique: BTreeSet<&String> = accepted.iter().collect();
    assert_eq!(
        unique.len(),
        accepted.len(),
        "a document was accepted twice"
    );
    assert_eq!(
        accepted.len() as u64,
        p["documents_accepted"].as_u64().unwrap()
    );
    assert_eq!(accepted.len() + rejected.len(), all.len());
    assert!(all.iter().any(|i| i.ends_with("-2")));
    assert!(p["retries"].as_u64().unwrap() >= 2, "{p}");
}

#[test]
fn push_exits_0_when_everything_is_accepted_and_keeps_an_existing_index() {
    let (url, log) = fake_engine(|req, _| match req.method.as_str() {
        "HEAD" => (200, vec![], String::new()),
        _ => {
            let items: Vec<Value> = bulk_ids(&req.body)
                .into_iter()
                .map(|id| json!({"index": {"_id": id, "status": 201}}))
                .collect();
            (
                200,
                vec![],
                json!({"errors": false, "items": items}).to_string(),
            )
        }
    });
    let (code, report, output) = push(
        &["--to", "opensearch"],
        &url,
        &[("BRIEFS_PUSH_API_KEY", "a2V5OnNlY3JldA==")],
    );
    assert_eq!(code, 0, "{output}");
    let p = &report["push"];
    assert_eq!(p["documents_rejected"], 0);
    assert_eq!(p["documents_accepted"], report["documents"]);
    assert_eq!(p["index_created"], false);
    assert_eq!(p["credentials"], "BRIEFS_PUSH_API_KEY");
    let log = log.lock().unwrap();
    assert!(log.iter().all(|r| r.method != "PUT"));
    assert!(log
        .iter()
        .all(|r| r.auth.as_deref() == Some("ApiKey a2V5OnNlY3JldA==")));
    assert!(!output.contains("a2V5OnNlY3JldA=="));
}

#[test]
fn an_unreadable_file_is_listed_and_exits_1() {
    let tmp = tempfile::tempdir().unwrap();
    std::fs::copy(
        fixture("archive/helmand-water.txt"),
        tmp.path().join("a.txt"),
    )
    .unwrap();
    std::fs::write(tmp.path().join("empty.txt"), "").unwrap();
    let out = briefs()
        .arg("export")
        .args(["--to", "opensearch", "--out"])
        .arg(tmp.path().join("out"))
        .arg(tmp.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("empty.txt: empty file"), "{text}");
    assert!(text.contains("exported 1 briefs"), "{text}");
}

#[test]
fn push_gives_up_after_the_retries_and_counts_the_documents_rejected() {
    let (url, log) = fake_engine(|req, _| match req.method.as_str() {
        "HEAD" => (200, vec![], String::new()),
        _ => (503, vec![("Retry-After", "0".into())], "unavailable".into()),
    });
    let (code, report, _) = push(&["--to", "opensearch", "--retries", "2"], &url, &[]);
    assert_eq!(code, 1);
    let p = &report["push"];
    assert_eq!(p["documents_accepted"], 0);
    assert_eq!(p["documents_rejected"], report["documents"]);
    assert!(p["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == 503));
    let files = report["files"].as_array().unwrap().len();
    let bulk = log
        .lock()
        .unwrap()
        .iter()
        .filter(|r| r.path == "/_bulk")
        .count();
    assert_eq!(bulk, files * 3, "each file sent once and retried twice");
}

#[test]
fn push_stops_with_exit_2_when_credentials_are_refused() {
    let (url, _) = fake_engine(|_, _| (401, vec![], r#"{"error":"unauthorized"}"#.into()));
    let (code, _, output) = push(&["--to", "opensearch"], &url, &[]);
    assert_eq!(code, 2);
    assert!(output.contains("BRIEFS_PUSH_USER"), "{output}");
    let (code, _, output) = push(
        &["--to", "opensearch"],
        "http://user:pw-in-url@127.0.0.1:1",
        &[],
    );
    assert_eq!(code, 2);
    assert!(!output.contains("pw-in-url"), "{output}");
}

#[test]
fn push_to_quickwit_creates_the_index_and_reports_parse_failures() {
    let (url, log) = fake_engine(|req, n| match (req.method.as_str(), req.path.as_str()) {
        ("GET", "/api/v1/indexes/briefs") => {
            (404, vec![], r#"{"message":"index not found"}"#.into())
        }
        ("POST", "/api/v1/indexes") => (200, vec![], "{}".into()),
        ("POST", "/api/v1/briefs/ingest") if n == 3 => (
            429,
            vec![("Retry-After", "0".into())],
            r#"{"message":"rate limited"}"#.into(),
        ),
        ("POST", "/api/v1/briefs/ingest") => {
            let text = String::from_utf8_lossy(&req.body).to_string();
            let docs: Vec<&str> = text.lines().collect();
            let failures: Vec<Value> = docs
                .iter()
                .filter(|d| serde_json::from_str::<Value>(d).unwrap()["id"].as_str().unwrap().ends_with("-1"))
                .map(|d| json!({"document": d, "message": "failed to parse field `date`", "reason": "invalid_schema"}))
                .collect();
            let body = json!({
                "num_docs_for_processing": docs.len(),
                "num_ingested_docs": docs.len() - failures.len(),
                "num_rejected_docs": failures.len(),
                "parse_failures": failures,
            });
            (200, vec![], body.to_string())
        }
        _ => (400, vec![], "{}".into()),
    });
    let (code, report, output) = push(&["--to", "quickwit"], &url, &[]);
    assert_eq!(code, 1, "{output}");
    let log = log.lock().unwrap();
    assert_eq!(log[1].path, "/api/v1/indexes");
    assert_eq!(log[1].content_type.as_deref(), Some("application/yaml"));
    let config: Value = serde_yaml_ng::from_slice(&log[1].body).unwrap();
    assert_eq!(config["index_id"], "briefs");
    let p = &report["push"];
    assert_eq!(p["index_created"], true);
    assert_eq!(p["retries"], 1);
    let rejected: Vec<&str> = p["rejected"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert!(!rejected.is_empty());
    assert!(rejected.iter().all(|id| id.ends_with("-1")));
    assert_eq!(
        p["documents_accepted"].as_u64().unwrap() + p["documents_rejected"].as_u64().unwrap(),
        report["documents"].as_u64().unwrap()
    );
}
