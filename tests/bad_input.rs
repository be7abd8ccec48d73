//! One test per kind of bad input: never a panic; a clear error naming the file, or a warning
//! naming it while everything that can be kept is kept.

mod common;

use common::briefs;
use std::path::Path;

const GOOD: &str = "Grain Talks Resume\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nA short standfirst.\n\nThe talks resumed in Muscat after a pause of two months.\n";

fn write(dir: &Path, name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p
}

fn parse_json(path: &Path) -> serde_json::Value {
    let out = briefs()
        .args(["parse", "--json"])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

fn warnings(v: &serde_json::Value) -> Vec<String> {
    v["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w.as_str().unwrap().to_string())
        .collect()
}

#[test]
fn empty_file_is_an_error_naming_the_file() {
    let d = tempfile::tempdir().unwrap();
    let p = write(d.path(), "empty.txt", b"");
    let out = briefs().arg("parse").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("empty.txt") && err.contains("empty file"),
        "{err}"
    );
    let ws = write(d.path(), "blank.txt", b"  \n\n\t\n");
    assert_eq!(
        briefs()
            .arg("parse")
            .arg(&ws)
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}

#[test]
fn binary_file_is_an_error() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = vec![0u8; 4096];
    bytes.extend_from_slice(GOOD.as_bytes());
    let p = write(d.path(), "blob.txt", &bytes);
    let out = briefs().arg("parse").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("blob.txt") && err.contains("binary"), "{err}");
}

#[test]
fn stray_nul_bytes_are_removed_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let text = GOOD.replace("resumed", "res\0umed");
    let v = parse_json(&write(d.path(), "nul.txt", text.as_bytes()));
    assert!(v["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("resumed"));
    assert!(
        warnings(&v).iter().any(|w| w.contains("NUL")),
        "{:?}",
        warnings(&v)
    );
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = GOOD.as_bytes().to_vec();
    let at = GOOD.find("Muscat").unwrap();
    bytes.insert(at, 0xff);
    let v = parse_json(&write(d.path(), "latin.txt", &bytes));
    assert_eq!(v["title"], "Grain Talks Resume");
    assert!(v["passages"][0]["text"]
        .as_str()
        .unwrap()
        .contains("\u{fffd}Muscat"));
    assert!(warnings(&v).iter().any(|w| w.contains("invalid UTF-8")));
}

#[test]
fn bom_is_dropped_silently() {
    let d = tempfile::tempdir().unwrap();
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(GOOD.as_bytes());
    let v = parse_json(&write(d.path(), "bom.txt", &bytes));
    assert_eq!(v["title"], "Grain Talks Resume");
    assert!(warnings(&v).is_empty());
}

#[test]
fn crlf_line_ends_parse_like_lf() {
    let d = tempfile::tempdir().unwrap();
    let lf = parse_json(&write(d.path(), "same.txt", GOOD.as_bytes()));
    let crlf = parse_json(&write(
        d.path(),
        "same.md",
        GOOD.replace('\n', "\r\n").as_bytes(),
    ));
    for key in [
        "id", "title", "authors", "date", "kind", "summary", "passages",
    ] {
        assert_eq!(lf[key], crlf[key], "{key} differs");
    }
}

#[test]
fn missing_title_falls_back_to_file_name_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let text = "by Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nStandfirst.\n\nBody text stays.\n";
    let v = parse_json(&write(d.path(), "untitled-brief.txt", text.as_bytes()));
    assert_eq!(v["title"], "untitled-brief");
    assert_eq!(v["passages"][0]["text"], "Body text stays.");
    assert!(warnings(&v).iter().any(|w| w.contains("no title")));
}

#[test]
fn unparseable_date_is_null_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let v = parse_json(&write(
        d.path(),
        "baddate.txt",
        GOOD.replace("Mar 3, 2023", "Smarch 33, 2023").as_bytes(),
    ));
    assert!(v["date"].is_null());
    assert_eq!(v["kind"], "Brief Analysis");
    assert!(warnings(&v)
        .iter()
        .any(|w| w.contains("Smarch 33, 2023") && w.contains("does not parse")));
}

#[test]
fn unbalanced_link_brackets_are_kept_as_text() {
    let d = tempfile::tempdir().unwrap();
    let text = GOOD.replace("in Muscat", "in [Muscat \\(https://example.org/m");
    let v = parse_json(&write(d.path(), "brackets.txt", text.as_bytes()));
    let body = v["passages"][0]["text"].as_str().unwrap();
    assert!(body.contains("[Muscat (https://example.org/m"), "{body}");
    assert!(v["links"].as_array().unwrap().is_empty());
}

#[test]
fn fifty_megabyte_file_parses() {
    let d = tempfile::tempdir().unwrap();
    let para = "Delegations met again to discuss tariffs, transit fees and the long queue of trucks at the crossing.\n\n";
    let mut text = String::from(
        "A Very Long Brief\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nStandfirst.\n\n",
    );
    while text.len() < 50 * 1024 * 1024 {
        text.push_str(para);
    }
    let p = write(d.path(), "huge.txt", text.as_bytes());
    let out = briefs().args(["parse", "--json"]).arg(&p).output().unwrap();
    assert!(out.status.success());
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert!(v["passages"].as_array().unwrap().len() > 400_000);
}

#[test]
fn file_over_the_size_limit_is_refused_by_ingest() {
    let d = tempfile::tempdir().unwrap();
    std::fs::create_dir(d.path().join("a")).unwrap();
    write(&d.path().join("a"), "ok.txt", GOOD.as_bytes());
    let big = format!("{GOOD}\n{}", "x ".repeat(1_200_000));
    write(&d.path().join("a"), "big.txt", big.as_bytes());
    let out = briefs()
        .current_dir(d.path())
        .args([
            "ingest",
            "a",
            "--index",
            "idx",
            "--max-file-size",
            "1",
            "--json",
        ])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "ingest finishes, exit 1 for the failed file: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(r["briefs_indexed"], 1);
    let failed = r["failed"].as_array().unwrap();
    assert_eq!(failed.len(), 1);
    assert!(failed[0]["path"].as_str().unwrap().ends_with("big.txt"));
    assert!(failed[0]["reason"].as_str().unwrap().contains("limit"));
}

#[test]
fn bad_json_line_is_reported_and_others_kept() {
    let d = tempfile::tempdir().unwrap();
    let p = write(
        d.path(),
        "mixed.jsonl",
        b"{\"title\":\"Kept\",\"body\":\"Text.\"}\n{not json\n{\"title\":\"Also kept\"}\n",
    );
    let out = briefs().args(["parse", "--json"]).arg(&p).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(2),
        "a partly bad file exits 2 after printing what it kept"
    );
    assert_eq!(String::from_utf8_lossy(&out.stdout).lines().count(), 2);
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("mixed.jsonl:2"), "{err}");
}

/// A saved web page's furniture, as pages saved from a publisher's site carry it (written for
/// these tests in the layout of the congress.gov pages of issue 13).
const PAGE_HEAD: &str = "**Product Type:** Reports\n**Report No.:** R1\n**Publication Date:** 03/24/2025\n**Author(s):** Lee, Ann\n\n---\n[Home](https://example.gov/) > [Products](https://example.gov/p) > R1\n\n| **Product Type:** | Reports\n| **Author:** | Lee, Ann\n\n[Download PDF (20KB)](https://example.gov/R1.pdf) | [Version History](https://example.gov#)\n\n";

const PAGE_TAIL: &str =
    "\n                 Disclaimer:  \n This page was prepared by the service.\n";

#[test]
fn web_page_with_only_furniture_warns_that_it_has_no_body() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("# Grain Corridors\n\n{PAGE_HEAD}{PAGE_TAIL}");
    let v = parse_json(&write(d.path(), "furniture.md", text.as_bytes()));
    assert_eq!(v["title"], "Grain Corridors");
    assert_eq!(v["authors"][0]["name"], "Ann Lee");
    assert_eq!(v["passages"].as_array().unwrap().len(), 0);
    assert_eq!(
        warnings(&v),
        ["no body text after the page furniture"],
        "{v}"
    );
}

#[test]
fn web_page_of_furniture_without_a_title_is_an_error_naming_the_file() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("[Home](https://example.gov/) > [Products](https://example.gov/p)\n\n[Download PDF](https://example.gov/a.pdf)\n{PAGE_TAIL}");
    let p = write(d.path(), "nav-only.md", text.as_bytes());
    let out = briefs().arg("parse").arg(&p).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("nav-only.md"), "{err}");
}

#[test]
fn metadata_header_without_a_title_takes_the_page_heading() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("{PAGE_HEAD}# Grain Corridors\n\nShipments resumed through three ports.\n");
    let v = parse_json(&write(d.path(), "untitled-header.md", text.as_bytes()));
    assert_eq!(v["title"], "Grain Corridors");
    assert_eq!(
        v["passages"][0]["text"],
        "Shipments resumed through three ports."
    );
    assert!(warnings(&v).is_empty(), "{v}");
}

#[test]
fn web_page_without_any_title_uses_the_file_name_and_keeps_the_body() {
    let d = tempfile::tempdir().unwrap();
    let text =
        format!("{PAGE_HEAD}Shipments resumed through three ports in March, officials said.\n");
    let v = parse_json(&write(d.path(), "no-title.md", text.as_bytes()));
    assert_eq!(v["title"], "no-title");
    assert_eq!(
        v["passages"][0]["text"],
        "Shipments resumed through three ports in March, officials said."
    );
    let w = warnings(&v);
    assert!(w.iter().any(|w| w.contains("no title")), "{w:?}");
}

#[test]
fn ambiguous_numeric_date_is_read_month_first_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let head = PAGE_HEAD.replace("03/24/2025", "03/04/2025");
    let text = format!("# Grain Corridors\n\n{head}Shipments resumed.\n");
    let v = parse_json(&write(d.path(), "ambiguous.md", text.as_bytes()));
    assert_eq!(v["date"], "2025-03-04");
    let w = warnings(&v);
    assert!(w.iter().any(|w| w.contains("03/04/2025")), "{w:?}");
    // The date printed on the title line settles the order.
    let dated = format!("# Grain Corridors\n\n{head}Grain CorridorsUpdated April 3, 2025 (R1)\n\nShipments resumed.\n");
    let v = parse_json(&write(d.path(), "settled.md", dated.as_bytes()));
    assert_eq!(v["date"], "2025-04-03");
    assert!(warnings(&v).is_empty(), "{v}");
}

#[test]
fn unreadable_header_date_falls_back_to_the_printed_date() {
    let d = tempfile::tempdir().unwrap();
    let head = PAGE_HEAD.replace("03/24/2025", "sometime in spring");
    let text =
        format!("# Grain Corridors\n\n{head}Grain Corridors April 3, 2025\n\nShipments resumed.\n");
    let v = parse_json(&write(d.path(), "printed.md", text.as_bytes()));
    assert_eq!(v["date"], "2025-04-03");
    assert!(warnings(&v).is_empty(), "{v}");
    let text = format!("# Grain Corridors\n\n{head}Shipments resumed.\n");
    let v = parse_json(&write(d.path(), "undated.md", text.as_bytes()));
    assert_eq!(v["date"], serde_json::Value::Null);
    assert!(
        warnings(&v).iter().any(|w| w.contains("does not parse")),
        "{v}"
    );
}

#[test]
fn broken_tables_and_bare_figure_captions_leave_no_passages() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("# Grain Corridors\n\n{PAGE_HEAD}Shipments resumed.\n\n|\n|||\n|  |  |\n\n| Figure 2. Only a caption\n|  \n\n|---|---|\n");
    let v = parse_json(&write(d.path(), "tables.md", text.as_bytes()));
    let texts: Vec<&str> = v["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(texts, ["Shipments resumed."]);
}

#[test]
fn summary_without_a_closing_rule_is_one_paragraph() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("# Grain Corridors\n\n{PAGE_HEAD}Summary\n\nThe corridors reopened.\n\nShipments resumed.\n\nExports may double.\n");
    let v = parse_json(&write(d.path(), "summary.md", text.as_bytes()));
    assert_eq!(v["summary"], "The corridors reopened.");
    assert_eq!(v["passages"].as_array().unwrap().len(), 2, "{v}");
}

#[test]
fn links_to_other_documents_in_the_body_are_kept() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("# Grain Corridors\n\n{PAGE_HEAD}Related reading:\n\n- [Grain Exports in 2024](https://example.gov/R2)\n- [Port Capacity](https://example.gov/R3)\n\n- [Back to top](https://example.gov#top)\n");
    let v = parse_json(&write(d.path(), "reading.md", text.as_bytes()));
    let texts: Vec<&str> = v["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert_eq!(
        texts,
        ["Related reading:", "Grain Exports in 2024", "Port Capacity"]
    );
}

#[test]
fn body_paragraph_that_repeats_the_title_is_not_taken_for_the_title_line() {
    let d = tempfile::tempdir().unwrap();
    let text = format!("# Grain Corridors\n\n{PAGE_HEAD}Grain corridors in the Black Sea carried most of the wheat exported in 2024, according to the ministry, and may carry more.\n");
    let v = parse_json(&write(d.path(), "repeat.md", text.as_bytes()));
    assert_eq!(v["passages"].as_array().unwrap().len(), 1, "{v}");
}

#[test]
fn saved_page_whose_title_is_a_link_keeps_it() {
    let d = tempfile::tempdir().unwrap();
    let text = GOOD.replace(
        "Grain Talks Resume",
        "[Grain Talks Resume](https://example.org/grain-talks)",
    );
    let v = parse_json(&write(d.path(), "linked-title.txt", text.as_bytes()));
    assert_eq!(v["title"], "Grain Talks Resume");
    assert_eq!(v["authors"][0]["name"], "Ann Lee");
    assert_eq!(v["kind"], "Brief Analysis");
    assert!(warnings(&v).is_empty(), "{v}");
}

/// Runs `briefs parse` on `path` and returns (exit code, stderr).
fn parse_error(path: &Path) -> (Option<i32>, String) {
    let out = briefs().arg("parse").arg(path).output().unwrap();
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn file_named_pdf_that_is_not_one_is_an_error_naming_it() {
    let d = tempfile::tempdir().unwrap();
    for (name, bytes) in [
        ("text.pdf", &b"Grain talks resume in Muscat.\n"[..]),
        ("header-only.pdf", &b"%PDF-1.4\n"[..]),
        (
            "garbage.pdf",
            &b"%PDF-1.7\n1 0 obj << /Type /Catalog /Pages 9 0 R"[..],
        ),
    ] {
        let (code, err) = parse_error(&write(d.path(), name, bytes));
        assert_eq!(code, Some(2), "{name}: {err}");
        assert!(
            err.contains(name) && err.contains("not a readable PDF"),
            "{name}: {err}"
        );
    }
    let (code, err) = parse_error(&write(d.path(), "empty.pdf", b""));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("empty.pdf") && err.contains("empty file"),
        "{err}"
    );
}

#[test]
fn truncated_pdf_keeps_what_it_can_or_names_the_file() {
    let d = tempfile::tempdir().unwrap();
    let whole = std::fs::read(common::fixture("pdf/brief.pdf")).unwrap();
    for cut in [whole.len() / 3, whole.len() / 2, whole.len() * 9 / 10] {
        let p = write(d.path(), &format!("cut-{cut}.pdf"), &whole[..cut]);
        let out = briefs().args(["parse", "--json"]).arg(&p).output().unwrap();
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            out.status.success() || (out.status.code() == Some(2) && err.contains("cut-")),
            "cut at {cut}: {err}"
        );
        assert!(!err.contains("panicked"), "cut at {cut}: {err}");
    }
}

#[test]
fn encrypted_pdf_is_an_error_naming_the_file() {
    let (code, err) = parse_error(&common::fixture("pdf/encrypted.pdf"));
    assert_eq!(code, Some(2));
    assert!(
        err.contains("encrypted.pdf") && err.contains("needs a password"),
        "{err}"
    );
}

#[test]
fn pdf_without_a_text_layer_is_kept_with_a_warning() {
    let v = parse_json(&common::fixture("pdf/no-text.pdf"));
    assert_eq!(v["title"], "no-text");
    assert_eq!(v["passages"].as_array().unwrap().len(), 0);
    let w = warnings(&v);
    assert!(w.iter().any(|w| w.contains("no text layer")), "{w:?}");
}

#[test]
fn malformed_html_is_repaired_like_a_browser_would() {
    let v = parse_json(&common::fixture("html/malformed.html"));
    assert_eq!(v["title"], "Malformed Page Survives");
    assert_eq!(v["authors"][0]["name"], "Ann Lee");
    let texts: Vec<&str> = v["passages"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["text"].as_str().unwrap())
        .collect();
    assert!(
        texts.iter().any(|t| t.starts_with("First paragraph")),
        "{texts:?}"
    );
    assert!(texts
        .iter()
        .any(|t| t.contains("& without a semicolon © 2020")));
    assert!(texts.iter().all(|t| !t.contains("never seen")));
    assert_eq!(v["links"][0]["url"], "/briefs/other");
}

#[test]
fn html_with_bad_json_ld_is_read_with_a_warning() {
    let d = tempfile::tempdir().unwrap();
    let page = r#"<html><head><title>Kept Anyway</title>
<script type="application/ld+json">{"@type": "Article", "headline": </script></head>
<body><p>The talks resumed in Muscat.</p></body></html>"#;
    let v = parse_json(&write(d.path(), "bad-ld.html", page.as_bytes()));
    assert_eq!(v["title"], "Kept Anyway");
    assert!(warnings(&v).iter().any(|w| w.contains("JSON-LD")));
}

#[test]
fn huge_html_pages_parse_in_reasonable_time() {
    let d = tempfile::tempdir().unwrap();
    // 100,000 paragraphs (about 20 MB) and, separately, 100,000 nested divs.
    let mut many = String::from("<html><head><title>Many</title></head><body><article>");
    for i in 0..100_000 {
        many.push_str(&format!(
            "<p>Paragraph {i} says the delegations met again to talk about water, trade and the border, at some length.</p>\n"
        ));
    }
    many.push_str("</article></body></html>");
    assert!(many.len() > 10_000_000);
    let deep = format!(
        "<html><head><title>Deep</title></head><body>{}<p>deep text</p>{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    for (name, page, passages) in [("many.html", many, 100_000), ("deep.html", deep, 1)] {
        let p = write(d.path(), name, page.as_bytes());
        let started = std::time::Instant::now();
        let out = briefs()
            .args(["parse", "--json"])
            .arg(&p)
            .timeout(std::time::Duration::from_secs(120))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{name}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(v["passages"].as_array().unwrap().len(), passages, "{name}");
        eprintln!("{name}: {:?}", started.elapsed());
    }
}
