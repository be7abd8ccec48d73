//! `briefs serve` as a client sees it: the real binary on a free port over a fixture index,
//! every endpoint, every error status, the same JSON as the CLI, and an ingest picked up
//! while the server runs.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::serve::{add_synth, error_of, request, workspace, Server};
use serde_json::Value;

fn ingest(work: &Path) -> Value {
    common::json(&["ingest", "archive", "--index", "idx"], work)
}

/// `briefs <args> --json` in `work`, without the run-dependent `took_ms`.
fn cli(work: &Path, args: &[&str]) -> Value {
    let mut all = args.to_vec();
    all.extend_from_slice(&["--index", "idx"]);
    let mut v = common::json(&all, work);
    strip_took(&mut v);
    v
}

fn strip_took(v: &mut Value) {
    if let Some(o) = v.as_object_mut() {
        o.remove("took_ms");
    }
}

fn api(server: &Server, path: &str) -> Value {
    let mut v = server.ok(path);
    strip_took(&mut v);
    v
}

#[test]
fn every_endpoint_answers_like_the_cli() {
    let (dir, index) = workspace();
    let work = dir.path();
    add_synth(work, 30);
    assert_eq!(ingest(work)["briefs_total"], 38);
    let server = Server::start(&index, work, &[]);

    let health = server.ok("/healthz");
    assert_eq!(health["status"], "ok");
    assert_eq!(health["index"], true);

    // /api/search is `briefs search --json`, parameter for flag.
    for (path, args) in [
        (
            "/api/search?q=water+treaty&facets=true",
            vec!["search", "water treaty", "--facets"],
        ),
        (
            "/api/search?q=talks&region=Iran&region=Iraq",
            vec!["search", "talks", "--region", "Iran", "--region", "Iraq"],
        ),
        (
            "/api/search?q=&topic=Energy+%26+Water&facets",
            vec!["search", "--topic", "Energy & Water", "--facets"],
        ),
        (
            "/api/search?q=minister&since=2021&until=2023-06&sort=date&limit=3&offset=1&per_brief=1",
            vec![
                "search", "minister", "--since", "2021", "--until", "2023-06", "--sort", "date",
                "--limit", "3", "--offset", "1", "--per-brief", "1",
            ],
        ),
        (
            "/api/search?q=%22water+treaty%22+-Tehran&author=Leila+Farahani&kind=Brief+Analysis",
            vec![
                "search",
                "\"water treaty\" -Tehran",
                "--author",
                "Leila Farahani",
                "--kind",
                "Brief Analysis",
            ],
        ),
        (
            "/api/search?entity=Muttaqi&entity=Darya+Jaff&facets=true",
            vec!["search", "--entity", "Muttaqi", "--entity", "Darya Jaff", "--facets"],
        ),
        // /api/entities is `briefs entities --json`; entity_kind is its --kind.
        ("/api/entities", vec!["entities"]),
        (
            "/api/entities?q=border&entity_kind=person&top=5",
            vec!["entities", "border", "--kind", "person", "--top", "5"],
        ),
        (
            "/api/entities?region=Iran&entity=Tehran&entity_kind=organization",
            vec![
                "entities", "--region", "Iran", "--entity", "Tehran", "--kind", "organization",
            ],
        ),
        // /api/timeline is `briefs timeline --json`; entity keeps events that mention it.
        ("/api/timeline", vec!["timeline"]),
        (
            "/api/timeline?q=sanctions&since=2015&until=2022-06&limit=7",
            vec![
                "timeline", "sanctions", "--since", "2015", "--until", "2022-06", "--limit", "7",
            ],
        ),
        (
            "/api/timeline?entity=Darya+Jaff&region=Iraq",
            vec!["timeline", "--entity", "Darya Jaff", "--region", "Iraq"],
        ),
    ] {
        let got = api(&server, path);
        assert_eq!(got, cli(work, &args), "{path}");
        let found = ["hits", "entities", "events"]
            .iter()
            .filter_map(|k| got[k].as_array())
            .map(Vec::len)
            .sum::<usize>();
        assert!(found > 0, "{path} found nothing, so compares nothing: {got}");
    }

    // Typo corrections travel as in the CLI.
    let typo = server.ok("/api/search?q=Mutaqi");
    assert_eq!(typo["corrections"][0]["from"], "Mutaqi");
    assert_eq!(typo["corrections"][0]["to"], "Muttaqi");
    assert!(typo["total_passages"].as_u64().unwrap() > 0);

    // Hits decode into the library's type, and highlights are byte ranges of the text.
    let resp: briefs::search::SearchResponse =
        serde_json::from_value(server.ok("/api/search?q=water&limit=5")).unwrap();
    assert!(!resp.hits.is_empty());
    for h in &resp.hits {
        for [s, e] in &h.highlights {
            assert!(h.text.is_char_boundary(*s) && h.text.is_char_boundary(*e));
            assert!(h.text[*s..*e].to_lowercase().starts_with("water"), "{h:?}");
        }
    }

    // /api/briefs/{id} is `briefs show ID --json`.
    let id = resp.hits[0].brief_id.clone();
    assert_eq!(
        server.ok(&format!("/api/briefs/{id}")),
        common::json(&["show", &id, "--index", "idx"], work)
    );
    let msg = server.error("/api/briefs/0000000000000000", 404);
    assert!(msg.contains("0000000000000000"), "{msg}");

    // /api/stats is `briefs stats --json` (the index path as the server was given it).
    let stats = server.ok("/api/stats");
    assert_eq!(stats["briefs"], 38);
    assert_eq!(stats["passages"], cli(work, &["stats"])["passages"]);
    assert_eq!(stats["complete"], true);

    // The page and its assets.
    let page = server.get("/");
    assert_eq!(page.status, 200);
    assert!(page.content_type.starts_with("text/html"));
    assert!(page.body.contains("id=\"q\""));
    assert!(page
        .headers
        .to_lowercase()
        .contains("content-security-policy"));
    for path in [
        "/brief/abc",
        "/entity/Amir%20Khan%20Muttaqi",
        "/timeline?q=x",
    ] {
        let r = server.get(path);
        assert_eq!((r.status, r.body == page.body), (200, true), "{path}");
    }
    let js = server.get("/assets/app.js");
    assert_eq!(js.status, 200);
    assert!(js.content_type.starts_with("text/javascript"));
    assert!(
        !js.body.contains("innerHTML"),
        "the page builds DOM nodes only"
    );
    assert!(server
        .get("/assets/style.css")
        .content_type
        .starts_with("text/css"));
}

#[test]
fn every_error_status_is_json_that_says_what_to_fix() {
    let (dir, index) = workspace();
    let work = dir.path();
    ingest(work);
    let server = Server::start(&index, work, &[]);
    let long = "a".repeat(5000);
    for (path, status, needle) in [
        ("/api/search?q=x&since=yesterday", 400, "YYYY"),
        ("/api/search?q=x&until=2022-13", 400, "YYYY"),
        (
            "/api/search?q=x&since=2023&until=2022",
            400,
            "since is after until",
        ),
        ("/api/search?q=x&sort=newest", 400, "relevance or date"),
        (&format!("/api/search?q={long}"), 400, "limit is 4096"),
        ("/api/search?q=x&limit=1001", 400, "from 0 to 1000"),
        ("/api/search?q=x&limit=-1", 400, "whole number"),
        ("/api/search?q=x&offset=10001", 400, "from 0 to 10000"),
        ("/api/search?q=x&per_brief=0", 400, "from 1 to 100"),
        ("/api/search?q=x&facets=perhaps", 400, "true or false"),
        ("/api/search?q=x&q=y", 400, "more than once"),
        ("/api/search?query=x", 400, "unknown parameter \"query\""),
        ("/api/stats?verbose=1", 400, "unknown parameter"),
        (
            "/api/entities?entity_kind=robot",
            400,
            "person, organization or place",
        ),
        ("/api/entities?top=501", 400, "from 1 to 500"),
        ("/api/entities?sort=date", 400, "unknown parameter \"sort\""),
        ("/api/entities?since=soon", 400, "YYYY"),
        ("/api/timeline?limit=1001", 400, "from 1 to 1000"),
        (
            "/api/timeline?offset=10",
            400,
            "unknown parameter \"offset\"",
        ),
        ("/api/timeline?until=2022-02-30", 400, "YYYY"),
        ("/api/briefs/ffffffffffffffff", 404, "no brief"),
        ("/api/nothing", 404, "/api/search"),
        ("/nothing/here", 404, "no route"),
        ("/assets/evil.js", 404, "no asset"),
    ] {
        let msg = server.error(path, status);
        assert!(msg.contains(needle), "{path}: {msg:?} lacks {needle:?}");
    }
    for method in ["POST", "PUT", "DELETE"] {
        let r = request(server.port, method, "/api/search?q=x");
        let msg = error_of(&r, 405, method);
        assert!(msg.contains("read-only"), "{msg}");
    }
    // The server is still healthy after all that.
    assert_eq!(server.ok("/healthz")["status"], "ok");
}

/// The CLI and the API read parameters through one table: the same bad value is refused by
/// both, with the same message (the CLI prefixes `error: `), and the same values pass.
#[test]
fn cli_and_api_accept_and_refuse_the_same_values() {
    let (dir, index) = workspace();
    let work = dir.path();
    ingest(work);
    let server = Server::start(&index, work, &[]);
    let cases: &[(&[&str], &str)] = &[
        (
            &["search", "x", "--since", "yesterday"],
            "/api/search?q=x&since=yesterday",
        ),
        (
            &["search", "x", "--until", "2022-13"],
            "/api/search?q=x&until=2022-13",
        ),
        (
            &["search", "x", "--since", "2023", "--until", "2022"],
            "/api/search?q=x&since=2023&until=2022",
        ),
        (
            &["search", "x", "--sort", "newest"],
            "/api/search?q=x&sort=newest",
        ),
        (
            &["search", "x", "--limit", "1001"],
            "/api/search?q=x&limit=1001",
        ),
        (
            &["search", "x", "--limit", "ten"],
            "/api/search?q=x&limit=ten",
        ),
        (
            &["search", "x", "--limit", "-1"],
            "/api/search?q=x&limit=-1",
        ),
        (
            &["search", "x", "--offset", "10001"],
            "/api/search?q=x&offset=10001",
        ),
        (
            &["search", "x", "--per-brief", "0"],
            "/api/search?q=x&per_brief=0",
        ),
        (
            &["entities", "x", "--entity-kind", "robot"],
            "/api/entities?q=x&entity_kind=robot",
        ),
        (
            &["entities", "x", "--kind", "robot"],
            "/api/entities?q=x&entity_kind=robot",
        ),
        (&["entities", "x", "--top", "0"], "/api/entities?q=x&top=0"),
        (
            &["timeline", "x", "--limit", "1001"],
            "/api/timeline?q=x&limit=1001",
        ),
        (
            &["timeline", "--until", "2022-02-30"],
            "/api/timeline?until=2022-02-30",
        ),
    ];
    for (args, path) in cases {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--index", "idx"]);
        let out = common::briefs()
            .current_dir(work)
            .args(&all)
            .output()
            .unwrap();
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        let stderr = String::from_utf8_lossy(&out.stderr);
        let api = server.error(path, 400);
        assert_eq!(stderr.trim(), format!("error: {api}"), "{args:?} vs {path}");
    }
    // The same spellings pass on both: brief_kind / --brief-kind, entity_kind / --entity-kind,
    // blank values.
    let ok: &[(&[&str], &str)] = &[
        (
            &[
                "search",
                "minister",
                "--brief-kind",
                "Brief Analysis",
                "--until",
                "",
            ],
            "/api/search?q=minister&brief_kind=Brief+Analysis&until=",
        ),
        (
            &[
                "entities",
                "minister",
                "--entity-kind",
                "person",
                "--brief-kind",
                "Brief Analysis",
            ],
            "/api/entities?q=minister&entity_kind=person&brief_kind=Brief+Analysis",
        ),
    ];
    for (args, path) in ok {
        assert_eq!(cli(work, args), api(&server, path), "{args:?}");
    }
}

/// Searches for `q` until it finds something or `secs` pass; returns the last answer.
fn wait_for_hits(server: &Server, path: &str, secs: u64) -> Value {
    let deadline = Instant::now() + Duration::from_secs(secs);
    loop {
        let r = server.get(path);
        if r.status == 200 {
            let v = r.json();
            if v["total_passages"].as_u64().unwrap_or(0) > 0 || Instant::now() > deadline {
                return v;
            }
        } else if Instant::now() > deadline {
            panic!("{path}: {} {}", r.status, r.body);
        }
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn picks_up_ingests_without_a_restart() {
    let (dir, index) = workspace();
    let work = dir.path();
    // Started before any index exists: 503 with the command to run.
    let server = Server::start(&index, work, &[]);
    let msg = server.error("/api/search?q=water", 503);
    assert!(msg.contains("briefs ingest"), "{msg}");
    server.error("/api/stats", 503);
    server.error("/api/entities", 503);
    server.error("/api/timeline", 503);
    server.error("/api/briefs/0123456789abcdef", 503);
    assert_eq!(server.ok("/healthz")["index"], false);

    // The first ingest is picked up on the next request.
    ingest(work);
    let first = wait_for_hits(&server, "/api/search?q=water", 10);
    assert!(first["total_briefs"].as_u64().unwrap() > 0, "{first}");
    assert_eq!(server.ok("/healthz")["index"], true);
    let none = server.ok("/api/search?q=marker7");
    assert_eq!(none["total_passages"], 0);

    // More briefs arrive while the server runs: the open reader reloads on commit.
    common::write_archive(&work.join("archive/synthetic"), 30);
    let report = ingest(work);
    assert_eq!(report["briefs_total"], 38, "{report}");
    let found = wait_for_hits(&server, "/api/search?q=marker7", 10);
    assert_eq!(found["total_briefs"], 1, "{found}");
    assert_eq!(found["hits"][0]["title"], "Synthetic Brief Number 7");
    assert_eq!(server.ok("/api/stats")["briefs"], 38);
}

#[test]
fn flags_are_checked_and_the_default_address_is_loopback() {
    let help = common::briefs().args(["serve", "--help"]).output().unwrap();
    let text = String::from_utf8_lossy(&help.stdout);
    assert!(text.contains("127.0.0.1:7700"), "{text}");
    for bad in [
        vec!["serve", "--timeout-ms", "0"],
        vec!["serve", "--addr", "localhost"],
    ] {
        let out = common::briefs().args(&bad).output().unwrap();
        assert_eq!(out.status.code(), Some(2), "{bad:?}");
    }
    // A port already taken is refused with the reason.
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let out = common::briefs()
        .args(["serve", "--index", "nowhere", "--addr", &addr])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("cannot listen on"), "{err}");
}
