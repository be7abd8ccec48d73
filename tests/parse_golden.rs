//! Golden tests for `briefs parse --json`: each fixture's output must match its golden file
//! exactly. Run with `BLESS=1` to rewrite the golden files after an intended change, then
//! review the diff.

mod common;

use common::{briefs, fixture, root};

fn check(name: &str) {
    check_in(&fixture("parse"), name, name, &[]);
}

/// Checks `rel` (read from `dir`) against `tests/golden/{golden}.json`, leaving out the keys
/// in `skip`.
fn check_in(dir: &std::path::Path, rel: &str, golden: &str, skip: &[&str]) {
    let name = rel;
    let out = briefs()
        .current_dir(dir)
        .args(["parse", "--json", rel])
        .output()
        .expect("runs");
    assert!(
        out.status.success(),
        "parse {name}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let values: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .expect("utf-8")
        .lines()
        .map(|l| {
            let mut v: serde_json::Value = serde_json::from_str(l).expect("each line is JSON");
            if let Some(o) = v.as_object_mut() {
                o.retain(|k, _| !skip.contains(&k.as_str()));
            }
            v
        })
        .collect();
    let got = serde_json::to_string_pretty(&values).expect("serialises") + "\n";
    let golden = root().join("tests/golden").join(format!("{golden}.json"));
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &got).expect("writes golden");
        return;
    }
    let want = std::fs::read_to_string(&golden)
        .unwrap_or_else(|_| panic!("missing {}; run with BLESS=1", golden.display()));
    assert_eq!(
        got,
        want,
        "parse output of {name} differs from {}",
        golden.display()
    );
}

#[test]
fn coauthored_saved_page() {
    check("coauthored.txt");
}

#[test]
fn three_authors_plain_byline_iso_date() {
    check("three_authors.txt");
}

#[test]
fn markdown_front_matter() {
    check("frontmatter.md");
}

#[test]
fn json_lines_archive() {
    check("archive.jsonl");
}

/// Real pages saved from congress.gov (`corpus/crs/`, public domain), one of each product kind
/// and shape: an In Focus with a sidebar box and a figure, an Insight without headings whose
/// table cells hold paragraphs, a Legal Sidebar whose header names no authors, a Report with
/// a table of contents, a summary and footnotes, and a Report that states no version.
///
/// These goldens hold what the reader makes of a page; entities and events are the extract
/// stage's and are left out, so a change to the extractor does not touch them.
fn check_crs(rel: &str, key: &str) {
    check_in(
        &root().join("corpus/crs"),
        rel,
        &format!("crs-{key}"),
        &["entities", "events"],
    );
}

#[test]
fn crs_in_focus_with_box_and_figure() {
    check_crs(
        "in-focus/IF11175v11-u-s-mexico-trade-relations.md",
        "IF11175v11",
    );
}

#[test]
fn crs_insight_with_table() {
    check_crs(
        "insights/IN12680v1-recent-regulatory-changes-to-bank-capital-requir.md",
        "IN12680v1",
    );
}

#[test]
fn crs_legal_sidebar_authors_from_overview_table() {
    check_crs(
        "sidebars/LSB11420v1-congressional-court-watcher-circuit-splits-from-.md",
        "LSB11420v1",
    );
}

#[test]
fn crs_report_with_summary_and_footnotes() {
    check_crs(
        "reports/R44243v22-electing-the-speaker-of-the-house-of-representat.md",
        "R44243v22",
    );
}

#[test]
fn crs_report_without_version() {
    check_crs("reports/98317-types-of-committee-hearings.md", "98-317");
}

/// A brief's parse output with every text replaced by its XXH3 digest: structure, dates and
/// ids stay readable, the text of a brief that may not be copied here does not appear.
fn digest(v: &serde_json::Value) -> serde_json::Value {
    let h = |s: &serde_json::Value| {
        format!(
            "{:016x}",
            xxhash_rust::xxh3::xxh3_64(s.as_str().unwrap_or("").as_bytes())
        )
    };
    serde_json::json!({
        "id": v["id"],
        "title": h(&v["title"]),
        "authors": v["authors"].as_array().unwrap().iter().map(|a| serde_json::json!({"name": h(&a["name"]), "url": h(&a["url"])})).collect::<Vec<_>>(),
        "date": v["date"],
        "kind": h(&v["kind"]),
        "summary": h(&v["summary"]),
        "passages": v["passages"].as_array().unwrap().iter().map(|p| serde_json::json!([p["index"], h(&p["heading"]), h(&p["text"])])).collect::<Vec<_>>(),
        "topics": v["topics"].as_array().unwrap().iter().map(h).collect::<Vec<_>>(),
        "regions": v["regions"].as_array().unwrap().iter().map(h).collect::<Vec<_>>(),
        "links": v["links"].as_array().unwrap().iter().map(|l| serde_json::json!([h(&l["text"]), h(&l["url"])])).collect::<Vec<_>>(),
        "events": v["events"].as_array().unwrap().iter().map(|e| serde_json::json!([e["date"], h(&e["text"]), e["passage"]])).collect::<Vec<_>>(),
        "warnings": v["warnings"],
    })
}

/// The real saved brief in `../shared/seeds`. Its text may not be copied into this repository,
/// so the golden file records structure, dates and XXH3 digests of each text field instead.
#[test]
fn seed_brief_digest() {
    let Some(seed) = common::shared("seeds/000_7c937c07e720f2f9.txt") else {
        return;
    };
    let out = briefs()
        .args(["parse", "--json"])
        .arg(&seed)
        .output()
        .expect("runs");
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    let digest = digest(&v);
    let got = serde_json::to_string_pretty(&digest).unwrap() + "\n";
    let golden = root().join("tests/golden/seed.digest.json");
    if std::env::var_os("BLESS").is_some() {
        std::fs::write(&golden, &got).unwrap();
        return;
    }
    assert_eq!(
        got,
        std::fs::read_to_string(&golden).expect("golden exists"),
        "seed digest changed"
    );
    // Structure that must hold whatever the digests say.
    assert_eq!(v["date"], "2023-03-03");
    assert_eq!(v["passages"].as_array().unwrap().len(), 18);
    assert_eq!(v["events"].as_array().unwrap().len(), 12);
    assert_eq!(
        v["events"][1]["date"], "2022-05-29",
        "year carried forward from the previous item"
    );
    // Three links in the body, three in the RECOMMENDED block.
    assert_eq!(v["links"].as_array().unwrap().len(), 6);
    assert_eq!(v["warnings"].as_array().unwrap().len(), 0);
}

#[test]
fn html_wordpress_article_with_json_ld() {
    check_in(
        &fixture("html"),
        "wordpress-jsonld.html",
        "wordpress-jsonld.html",
        &[],
    );
}

#[test]
fn html_drupal_page_with_citation_meta_only() {
    check_in(
        &fixture("html"),
        "drupal-citation.html",
        "drupal-citation.html",
        &[],
    );
}

#[test]
fn html_plain_page_with_title_and_time() {
    check_in(
        &fixture("html"),
        "plain-title-time.html",
        "plain-title-time.html",
        &[],
    );
}

#[test]
fn pdf_brief_fixture() {
    check_in(&fixture("pdf"), "brief.pdf", "brief.pdf", &[]);
}

/// Three CRS PDFs from `../shared` (public domain, but kept out of the repository for size):
/// the golden files hold digests, as for the seed. The PDF's plain fields are also printed
/// in the clear, since they are what a reviewer checks by eye.
#[test]
fn crs_pdf_digests() {
    for rel in [
        "in-focus/IF12106.21.pdf",
        "insights/IN12680.1.pdf",
        "sidebars/LSB11418.1.pdf",
    ] {
        let Some(pdf) = common::shared(&format!("data/crs-reports/originals/pdf/{rel}")) else {
            return;
        };
        let out = briefs()
            .args(["parse", "--json"])
            .arg(&pdf)
            .output()
            .expect("runs");
        assert!(
            out.status.success(),
            "{rel}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
        let mut d = digest(&v);
        for field in ["title", "kind"] {
            d[format!("{field}_text")] = v[field].clone();
        }
        d["author_names"] = v["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| a["name"].clone())
            .collect();
        d["headings"] = v["passages"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|p| p["heading"].as_str())
            .fold(Vec::<&str>::new(), |mut hs, h| {
                if hs.last() != Some(&h) {
                    hs.push(h);
                }
                hs
            })
            .into();
        let got = serde_json::to_string_pretty(&d).unwrap() + "\n";
        let name = rel.rsplit('/').next().unwrap();
        let golden = root().join(format!("tests/golden/crs-{name}.digest.json"));
        if std::env::var_os("BLESS").is_some() {
            std::fs::write(&golden, &got).unwrap();
            continue;
        }
        let want = std::fs::read_to_string(&golden)
            .unwrap_or_else(|_| panic!("missing {}; run with BLESS=1", golden.display()));
        assert_eq!(got, want, "{rel} differs from {}", golden.display());
    }
}
