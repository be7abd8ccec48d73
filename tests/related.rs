//! `briefs related`, `briefs show` citations, completions and the man page (issue 16, items
//! 5–7), on archives written here.

mod common;

use serde_json::Value;

/// One saved-page brief: title, byline, date, kind, standfirst, then `body`.
fn brief(title: &str, date: &str, body: &str) -> String {
    format!("{title}\n\nby Ann Lee\n\n{date}\n\nBrief Analysis\n\nA standfirst.\n\n{body}\n")
}

const WATER: &str = "Foreign Minister Ahmad Karimi said the Euphrates dam talks in Geneva would \
resume. The water treaty sets reservoir releases, irrigation quotas and upstream dam \
inspections along the Euphrates basin.";

fn write(dir: &std::path::Path, files: &[(&str, String)]) {
    std::fs::create_dir_all(dir).unwrap();
    for (name, text) in files {
        std::fs::write(dir.join(name), text).unwrap();
    }
}

fn ingest(dir: &std::path::Path) {
    common::briefs()
        .current_dir(dir)
        .args(["ingest", "arch", "--index", "idx"])
        .assert()
        .success();
}

/// The id of the brief titled `title` dated `date` (via `search --json`).
fn id_of(dir: &std::path::Path, title: &str, date: &str) -> String {
    let r = common::json(
        &[
            "search",
            "--index",
            "idx",
            "--limit",
            "100",
            "--per-brief",
            "1",
            "",
        ],
        dir,
    );
    r["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["title"] == title && h["date"] == date)
        .unwrap_or_else(|| panic!("{title} {date} not in {r}"))["brief_id"]
        .as_str()
        .unwrap()
        .to_string()
}

fn archive() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    write(
        &d.path().join("arch"),
        &[
            ("talks.txt", brief("Water Talks Resume in Geneva", "Mar 3, 2023", WATER)),
            // A later version of the same brief: same title, another date, so another id.
            ("talks-v2.txt", brief("Water Talks Resume in Geneva", "Apr 5, 2023", WATER)),
            (
                "dam.txt",
                brief(
                    "Dam Negotiations Stall",
                    "May 1, 2023",
                    "Foreign Minister Ahmad Karimi warned that Euphrates dam inspections and \
                     reservoir releases remain disputed; see [the talks](/policy-analysis/water-talks-resume-in-geneva).",
                ),
            ),
            (
                "grain.txt",
                brief(
                    "Grain Corridors Reopen",
                    "Jun 1, 2023",
                    "Wheat shipments through the Black Sea corridor rose as insurers returned \
                     and freight rates fell for bulk carriers.",
                ),
            ),
        ],
    );
    ingest(d.path());
    d
}

#[test]
fn related_excludes_itself_and_its_versions_and_shares_what_it_says() {
    let d = archive();
    let talks = id_of(d.path(), "Water Talks Resume in Geneva", "2023-03-03");
    let v2 = id_of(d.path(), "Water Talks Resume in Geneva", "2023-04-05");
    let dam = id_of(d.path(), "Dam Negotiations Stall", "2023-05-01");
    let r = common::json(&["related", &talks, "--index", "idx"], d.path());
    assert_eq!(r["id"], talks.as_str());
    let related = r["related"].as_array().unwrap();
    let ids: Vec<&str> = related.iter().map(|b| b["id"].as_str().unwrap()).collect();
    assert!(!ids.contains(&talks.as_str()), "itself: {r}");
    assert!(!ids.contains(&v2.as_str()), "its later version: {r}");
    assert_eq!(ids.first(), Some(&dam.as_str()), "the dam brief first: {r}");
    let first = &related[0];
    for key in ["title", "date", "kind", "score"] {
        assert!(!first[key].is_null(), "{key} in {first}");
    }
    assert!(
        first["why"]["entities"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e.as_str().unwrap().contains("Karimi")),
        "shares Ahmad Karimi: {first}"
    );
    let terms: Vec<&str> = first["why"]["terms"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(terms.contains(&"euphrates"), "shares a word: {first}");
    // The grain brief shares nothing and is not listed, or listed below the dam brief.
    // --limit caps the list; the version's own related list leaves out the first version.
    let one = common::json(
        &["related", &v2, "--index", "idx", "--limit", "1"],
        d.path(),
    );
    assert_eq!(one["related"].as_array().unwrap().len(), 1);
    assert_eq!(one["related"][0]["id"], dam.as_str());
    // The terminal output names the related brief.
    let out = common::briefs()
        .current_dir(d.path())
        .args(["related", &talks, "--index", "idx"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(text.contains("Dam Negotiations Stall"), "{text}");
}

#[test]
fn related_unknown_id_exits_1_naming_it() {
    let d = archive();
    let out = common::briefs()
        .current_dir(d.path())
        .args(["related", "0123456789abcdef", "--index", "idx"])
        .assert()
        .code(1);
    let err = String::from_utf8_lossy(&out.get_output().stderr).to_string();
    assert!(err.contains("0123456789abcdef"), "{err}");
}

fn refs(v: &Value, key: &str) -> Vec<String> {
    v[key]
        .as_array()
        .unwrap_or_else(|| panic!("{key} in {v}"))
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// Links resolve both ways, by title slug and by file name, whatever the ingest order: the
/// citing brief `note.md` is ingested first, the brief it cites (`grain-2024.txt`) later.
#[test]
fn cites_and_cited_by_resolve_in_any_ingest_order() {
    let d = archive();
    write(
        &d.path().join("arch"),
        &[(
            "note.txt",
            brief(
                "A Note on Corridors",
                "Jul 1, 2023",
                "Freight rates are covered in [last year's brief](../2024/grain-2024.txt) and the \
                 [dam stalemate](https://example.org/policy-analysis/dam-negotiations-stall?x=1#top).",
            ),
        )],
    );
    ingest(d.path());
    let note = id_of(d.path(), "A Note on Corridors", "2023-07-01");
    let dam = id_of(d.path(), "Dam Negotiations Stall", "2023-05-01");
    let talks = id_of(d.path(), "Water Talks Resume in Geneva", "2023-03-03");
    let v2 = id_of(d.path(), "Water Talks Resume in Geneva", "2023-04-05");
    let show = |id: &str| common::json(&["show", id, "--index", "idx"], d.path());
    assert_eq!(refs(&show(&note), "cites"), [dam.as_str()]);
    assert!(refs(&show(&note), "cited_by").is_empty());
    let dam_shown = show(&dam);
    assert_eq!(refs(&dam_shown, "cited_by"), [note.as_str()]);
    // The dam brief cites the talks brief by its title slug; of the two versions the newest
    // is listed, and each version is cited by the dam brief.
    assert_eq!(refs(&dam_shown, "cites"), [v2.as_str()]);
    assert_eq!(refs(&show(&talks), "cited_by"), [dam.as_str()]);
    assert_eq!(refs(&show(&v2), "cited_by"), [dam.as_str()]);
    assert_eq!(
        dam_shown["cites"][0]["title"],
        "Water Talks Resume in Geneva"
    );
    assert_eq!(dam_shown["cites"][0]["date"], "2023-04-05");
    // The cited file arrives later, in another folder: an incremental ingest resolves it.
    write(
        &d.path().join("arch/2024"),
        &[(
            "grain-2024.txt",
            brief(
                "Grain Freight Outlook",
                "Feb 2, 2024",
                "Bulk carriers and wheat freight.",
            ),
        )],
    );
    ingest(d.path());
    let grain = id_of(d.path(), "Grain Freight Outlook", "2024-02-02");
    assert_eq!(refs(&show(&note), "cites"), [grain.as_str(), dam.as_str()]);
    assert_eq!(refs(&show(&grain), "cited_by"), [note.as_str()]);
    // Deleting the citing brief removes the citation.
    std::fs::remove_file(d.path().join("arch/note.txt")).unwrap();
    ingest(d.path());
    assert!(refs(&show(&grain), "cited_by").is_empty());
    // The terminal output lists them.
    let out = common::briefs()
        .current_dir(d.path())
        .args(["show", &dam, "--index", "idx"])
        .assert()
        .success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains("Cites") && text.contains("Water Talks Resume"),
        "{text}"
    );
}

#[test]
fn completions_for_each_shell_mention_search() {
    for shell in ["bash", "zsh", "fish"] {
        let out = common::briefs()
            .args(["completions", shell])
            .assert()
            .success();
        let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
        assert!(text.len() > 500, "{shell}: {text}");
        assert!(text.contains("search"), "{shell} mentions search");
        assert!(text.contains("related"), "{shell} mentions related");
    }
    common::briefs()
        .args(["completions", "tcsh"])
        .assert()
        .code(2);
}

#[test]
fn man_page_mentions_every_subcommand() {
    let out = common::briefs().arg("man").assert().success();
    let text = String::from_utf8_lossy(&out.get_output().stdout).to_string();
    assert!(
        text.contains(".TH briefs 1"),
        "roff: {}",
        &text[..80.min(text.len())]
    );
    // The subcommands as `briefs --help` lists them.
    let help = common::briefs().arg("--help").assert().success();
    let help = String::from_utf8_lossy(&help.get_output().stdout).to_string();
    let commands: Vec<&str> = help
        .lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter(|l| !l.starts_with("   ")) // not a wrapped description
        .filter_map(|l| l.split_whitespace().next())
        .filter(|c| *c != "help")
        .collect();
    assert!(commands.len() >= 15, "{commands:?}");
    for c in commands {
        assert!(
            text.contains(&format!("briefs\\-{c}(1)")),
            "man page lacks {c}"
        );
    }
}

#[test]
fn api_related_and_citations_match_the_cli() {
    let d = archive();
    let dam = id_of(d.path(), "Dam Negotiations Stall", "2023-05-01");
    let server = common::serve::Server::start(&d.path().join("idx"), d.path(), &[]);
    let mut api = server.ok(&format!("/api/briefs/{dam}/related?limit=2"));
    let mut cli = common::json(
        &["related", &dam, "--index", "idx", "--limit", "2"],
        d.path(),
    );
    api["took_ms"] = Value::Null;
    cli["took_ms"] = Value::Null;
    assert_eq!(api, cli);
    let shown = server.ok(&format!("/api/briefs/{dam}"));
    assert_eq!(
        shown,
        common::json(&["show", &dam, "--index", "idx"], d.path())
    );
    assert_eq!(shown["cites"].as_array().unwrap().len(), 1);
    let msg = server.error("/api/briefs/0123456789abcdef/related", 404);
    assert!(msg.contains("0123456789abcdef"), "{msg}");
    let msg = server.error(&format!("/api/briefs/{dam}/related?limit=0"), 400);
    assert!(msg.contains("limit"), "{msg}");
}

/// Real CRS pages (public domain, in `corpus/crs`): two Insights that link each other's
/// product pages resolve both ways by product number, and the two versions of an In Focus
/// are one family, so neither is related to nor cites the other.
#[test]
fn crs_products_resolve_by_number_and_versions_are_one_family() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    std::fs::create_dir_all(&arch).unwrap();
    let crs = common::root().join("corpus/crs");
    for f in [
        "insights/IN12422v6-preliminary-data-on-the-ira-energy-efficient-hom.md",
        "insights/IN12423v4-preliminary-data-on-the-ira-residential-clean-en.md",
        "in-focus/IF10753v6-energy-star-program.md",
        "in-focus/IF10753v7-energy-star-program.md",
    ] {
        let from = crs.join(f);
        std::fs::copy(&from, arch.join(from.file_name().unwrap())).unwrap();
    }
    ingest(d.path());
    let r = common::json(
        &[
            "search",
            "--index",
            "idx",
            "--per-brief",
            "1",
            "--limit",
            "10",
            "",
        ],
        d.path(),
    );
    let id = |prefix: &str| -> String {
        r["hits"]
            .as_array()
            .unwrap()
            .iter()
            .find(|h| h["source"].as_str().unwrap().contains(prefix))
            .unwrap_or_else(|| panic!("{prefix} in {r}"))["brief_id"]
            .as_str()
            .unwrap()
            .to_string()
    };
    let (a, b) = (id("IN12422v6"), id("IN12423v4"));
    let (v6, v7) = (id("IF10753v6"), id("IF10753v7"));
    let show = |id: &str| common::json(&["show", id, "--index", "idx"], d.path());
    assert_eq!(refs(&show(&a), "cites"), [b.as_str()]);
    assert_eq!(refs(&show(&a), "cited_by"), [b.as_str()]);
    assert_eq!(refs(&show(&b), "cites"), [a.as_str()]);
    for v in [&v6, &v7] {
        let s = show(v);
        assert!(
            refs(&s, "cites").is_empty() && refs(&s, "cited_by").is_empty(),
            "{v}"
        );
    }
    let rel = common::json(&["related", &v7, "--index", "idx"], d.path());
    let ids: Vec<&str> = rel["related"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["id"].as_str().unwrap())
        .collect();
    assert!(
        !ids.contains(&v6.as_str()) && !ids.contains(&v7.as_str()),
        "{rel}"
    );
    assert!(
        !ids.is_empty(),
        "the Insights share ENERGY STAR words: {rel}"
    );
}
