//! `briefs eval` on a hand-written archive whose rankings and measures are worked out by hand.
//!
//! `tests/fixtures/eval/archive/briefs.jsonl` holds eight short briefs with ids d1…d8. The
//! queries and judgments (`queries.jsonl` with `qrels.tsv`, and the same in `queries.tsv` with
//! `qrels.trec`) are:
//!
//! | query | text | judgments | ranking |
//! | --- | --- | --- | --- |
//! | q1 | glacier | d2 = 2, d1 = 1, d5 = 1 | d1 (title and twice in text), d2 (once in text); d5 never says it |
//! | q2 | copper smelter | d4 = 1, d3 = -1 | d3 (both words), then d4 (copper, title and text) and d6 (smelter, text) |
//! | q3 | volcano ash | d1 = 0 | skipped: nothing relevant |
//! | q4 | (not in the query file) | d2 = 1 | skipped: missing |
//! | q5 | harbor lighthouse | d8 = 1 | d7 only |
//!
//! By hand, with k = 10 (log2 2 = 1, log2 3 = 1.58496, log2 4 = 2):
//! - q1: DCG = 1/1 + 2/1.58496 = 2.26186; ideal 2/1 + 1/1.58496 + 1/2 = 3.13093;
//!   nDCG = 0.72242. RR = 1 (d1 is relevant). Recall 2/3. AP = (1/1 + 2/2) / 3 = 0.66667.
//! - q2: d3 is graded -1, not relevant; d4 at rank 2: nDCG = (1/1.58496) / 1 = 0.63093,
//!   RR = 0.5, recall 1, AP = (1/2) / 1 = 0.5.
//! - q5: nothing relevant retrieved: 0 everywhere.
//! - overall (3 queries): nDCG 0.45112, MRR 0.5, recall 0.55556, MAP 0.38889.

mod common;

use std::path::{Path, PathBuf};

use common::{briefs, fixture};
use serde_json::Value;

/// A temporary folder with the fixture archive ingested into `index/`.
fn indexed() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    briefs()
        .args(["ingest", "--index"])
        .arg(dir.path().join("index"))
        .arg(fixture("eval/archive"))
        .assert()
        .success();
    dir
}

fn file(name: &str) -> PathBuf {
    fixture("eval").join(name)
}

/// `briefs eval --json` with the given query and judgment files and extra flags.
fn eval_json(dir: &Path, queries: &str, qrels: &str, extra: &[&str]) -> Value {
    let out = briefs()
        .arg("eval")
        .arg("--queries")
        .arg(file(queries))
        .arg("--qrels")
        .arg(file(qrels))
        .arg("--index")
        .arg(dir.join("index"))
        .args(extra)
        .arg("--json")
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn close(v: &Value, want: f64, what: &str) {
    let got = v
        .as_f64()
        .unwrap_or_else(|| panic!("{what}: not a number: {v}"));
    assert!((got - want).abs() < 1e-4, "{what}: {got} != {want}");
}

/// (id, nDCG, RR, recall, AP, relevant, retrieved, top)
type Row = (
    &'static str,
    f64,
    f64,
    f64,
    f64,
    u64,
    u64,
    &'static [&'static str],
);

fn check(r: &Value, rows: &[Row], overall: [f64; 4]) {
    let per = r["per_query"].as_array().unwrap();
    assert_eq!(per.len(), rows.len(), "{r}");
    for (q, (id, ndcg, rr, recall, ap, relevant, retrieved, top)) in per.iter().zip(rows) {
        assert_eq!(q["id"], *id);
        let top: Vec<Value> = top.iter().map(|s| Value::from(*s)).collect();
        assert_eq!(
            q["top"].as_array().unwrap(),
            &top,
            "{id}: the ranking changed"
        );
        close(&q["ndcg"], *ndcg, &format!("{id} ndcg"));
        close(&q["mrr"], *rr, &format!("{id} mrr"));
        close(&q["recall"], *recall, &format!("{id} recall"));
        close(&q["ap"], *ap, &format!("{id} ap"));
        assert_eq!(q["relevant"], *relevant, "{id} relevant");
        assert_eq!(q["retrieved"], *retrieved, "{id} retrieved");
    }
    let o = &r["overall"];
    for (key, want) in ["ndcg", "mrr", "recall", "map"].iter().zip(overall) {
        close(&o[key], want, key);
    }
}

const Q1_TOP: &[&str] = &["d1", "d2"];
const Q2_TOP: &[&str] = &["d3", "d4", "d6"];
const Q5_TOP: &[&str] = &["d7"];

#[test]
fn measures_match_the_hand_computed_values() {
    let dir = indexed();
    let r = eval_json(dir.path(), "queries.jsonl", "qrels.tsv", &[]);
    check(
        &r,
        &[
            ("q1", 0.72242, 1.0, 0.66667, 0.66667, 3, 2, Q1_TOP),
            ("q2", 0.63093, 0.5, 1.0, 0.5, 1, 3, Q2_TOP),
            ("q5", 0.0, 0.0, 0.0, 0.0, 1, 1, Q5_TOP),
        ],
        [0.45112, 0.5, 0.55556, 0.38889],
    );
    assert_eq!(r["k"], 10);
    let o = &r["overall"];
    assert_eq!(o["queries"], 3);
    assert_eq!(o["unjudged"], 1, "q3 has only a grade 0");
    assert_eq!(o["missing"], 1, "q4 is judged but not asked");
    assert_eq!(o["failed"], 0);
    assert_eq!(o["not_indexed"], 0);
}

#[test]
fn tsv_queries_and_trec_qrels_read_the_same() {
    let dir = indexed();
    let a = eval_json(dir.path(), "queries.jsonl", "qrels.tsv", &[]);
    let b = eval_json(dir.path(), "queries.tsv", "qrels.trec", &[]);
    for key in [
        "ndcg", "mrr", "recall", "map", "queries", "unjudged", "missing",
    ] {
        assert_eq!(a["overall"][key], b["overall"][key], "{key}");
    }
}

/// k = 1: q1 DCG@1 = 1 (d1, grade 1) over ideal 2 (d2) → 0.5, RR 1; q2 has d3 (grade -1) first
/// → 0 and 0. Recall and AP keep the whole list. Overall nDCG 0.5/3, MRR 1/3.
///
/// Binary grades: q1's d2 counts 1, so DCG = 1 + 1/1.58496 = 1.63093 over ideal
/// 1 + 0.63093 + 0.5 = 2.13093 → 0.76536; q2 is unchanged. Overall nDCG
/// (0.76536 + 0.63093) / 3 = 0.46543.
#[test]
fn cut_off_and_binary_grades() {
    let dir = indexed();
    let r = eval_json(dir.path(), "queries.jsonl", "qrels.tsv", &["--k", "1"]);
    check(
        &r,
        &[
            ("q1", 0.5, 1.0, 0.66667, 0.66667, 3, 2, &["d1"]),
            ("q2", 0.0, 0.0, 1.0, 0.5, 1, 3, &["d3"]),
            ("q5", 0.0, 0.0, 0.0, 0.0, 1, 1, &["d7"]),
        ],
        [0.16667, 0.33333, 0.55556, 0.38889],
    );
    let r = eval_json(dir.path(), "queries.jsonl", "qrels.tsv", &["--binary"]);
    close(&r["per_query"][0]["ndcg"], 0.76536, "q1 binary ndcg");
    close(&r["overall"]["ndcg"], 0.46543, "binary ndcg");
    assert_eq!(r["binary"], true);
}

#[test]
fn table_and_run_file() {
    let dir = indexed();
    let run = dir.path().join("run.txt");
    let out = briefs()
        .arg("eval")
        .arg("--queries")
        .arg(file("queries.jsonl"))
        .arg("--qrels")
        .arg(file("qrels.tsv"))
        .arg("--index")
        .arg(dir.path().join("index"))
        .arg("--run")
        .arg(&run)
        .output()
        .unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with(
            "nDCG@10 0.4511 · MRR@10 0.5000 · recall@100 0.5556 · MAP 0.3889 · 3 queries\n"
        ),
        "{text}"
    );
    assert!(text.contains("note: 1 query without a relevant judgment skipped"));
    assert!(text.contains("note: 1 query judged but not in the query file skipped"));
    let worst: Vec<&str> = text
        .lines()
        .skip_while(|l| !l.starts_with("id "))
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect();
    assert_eq!(worst, ["q5", "q2", "q1"], "worst first:\n{text}");
    assert_eq!(
        std::fs::read_to_string(&run).unwrap(),
        "q1 Q0 d1 1 100 briefs\nq1 Q0 d2 2 99 briefs\n\
         q2 Q0 d3 1 100 briefs\nq2 Q0 d4 2 99 briefs\nq2 Q0 d6 3 98 briefs\n\
         q5 Q0 d7 1 100 briefs\n"
    );
}

#[test]
fn bad_files_are_named_with_the_line() {
    let dir = indexed();
    let bad = dir.path().join("bad.qrels");
    std::fs::write(&bad, "q1 0 d1 1\nq1 0 d2 1\nq1 0 d3 very\n").unwrap();
    let run = |queries: &Path, qrels: &Path, index: &Path| {
        briefs()
            .arg("eval")
            .arg("--queries")
            .arg(queries)
            .arg("--qrels")
            .arg(qrels)
            .arg("--index")
            .arg(index)
            .output()
            .unwrap()
    };
    let index = dir.path().join("index");
    let out = run(&file("queries.jsonl"), &bad, &index);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains(&format!(
            "{}:3: grade \"very\" is not a whole number",
            bad.display()
        )),
        "{err}"
    );

    // A query file given as judgments: its first line is not a header of three fields.
    let out = run(&file("queries.jsonl"), &file("queries.jsonl"), &index);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("queries.jsonl:1: grade ") && err.contains("is not a whole number"),
        "{err}"
    );

    let other = dir.path().join("other.qrels");
    std::fs::write(&other, "x1 0 d1 1\n").unwrap();
    let out = run(&file("queries.jsonl"), &other, &index);
    assert_eq!(out.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&out.stderr).contains("no query has a relevant judgment"),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = briefs()
        .arg("eval")
        .arg("--queries")
        .arg(file("queries.jsonl"))
        .arg("--qrels")
        .arg(file("qrels.tsv"))
        .arg("--index")
        .arg(&index)
        .args(["--limit", "0"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr)
        .contains("limit \"0\" is not accepted: expected a whole number from 1 to 1000"));

    let out = run(
        &file("queries.jsonl"),
        &file("qrels.tsv"),
        &dir.path().join("nowhere"),
    );
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no index at"));
}
