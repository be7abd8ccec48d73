//! PDF input: a hand-made brief PDF read field by field, the real CRS PDFs in `../shared`
//! measured against the cleaned reference of the same products, and a mixed archive in which
//! scanned, encrypted and broken PDFs do not stop the ingest.

mod common;

use std::collections::HashMap;
use std::path::Path;

use briefs::parse::parse_file;
use common::{briefs, fixture};

#[test]
fn brief_pdf_fields_and_passages() {
    let parsed = parse_file(&fixture("pdf/brief.pdf")).expect("parses");
    let b = &parsed.briefs[0];
    assert_eq!(b.title, "Grain Corridors After the Deal");
    assert_eq!(b.kind.as_deref(), Some("Policy Brief"));
    assert_eq!(b.date.map(|d| d.to_string()).as_deref(), Some("2023-03-03"));
    let names: Vec<&str> = b.authors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Ann Lee", "Ben Ode"]);
    let passages: Vec<(Option<&str>, &str)> = b
        .passages
        .iter()
        .map(|p| (p.heading.as_deref(), p.text.as_str()))
        .collect();
    assert_eq!(
        passages,
        [
            (
                Some("Background"),
                "The talks resumed in Muscat after a pause of two months, and the delegations \
                 agreed to meet again in the spring. The new rules cover the application of \
                 tariffs to grain shipped through the corridor."
            ),
            (
                Some("Background"),
                "Exporters welcomed the decision. Importers asked how the application would \
                 work for cargoes already at sea, and whether the war-risk premium would fall. \
                 A paragraph that runs over the page break ends here, on the second page."
            ),
            (
                Some("What Comes Next"),
                "Publish the shipping data every week."
            ),
            (
                Some("What Comes Next"),
                "Agree a drought clause before the dry season."
            ),
        ]
    );
    assert!(b.warnings.is_empty(), "{:?}", b.warnings);
}

/// The PDFs shipped in `corpus/crs/` next to the saved pages of the same versions: each PDF
/// reads the document number from its page band, so PDF and page share one id (and an
/// archive holding both keeps one brief), while title, date and kind agree.
#[test]
fn crs_pdf_and_saved_page_of_one_version_share_an_id() {
    let crs = common::root().join("corpus/crs");
    for (pdf, page) in [
        (
            "in-focus/IF12106.21.pdf",
            "in-focus/IF12106v21-iran-and-nuclear-weapons-production.md",
        ),
        (
            "insights/IN12680.1.pdf",
            "insights/IN12680v1-recent-regulatory-changes-to-bank-capital-requir.md",
        ),
        (
            "sidebars/LSB11418.1.pdf",
            "sidebars/LSB11418v1-recent-developments-in-hart-scott-rodino-merger-.md",
        ),
    ] {
        let from_pdf = &parse_file(&crs.join(pdf)).expect("PDF parses").briefs[0];
        let from_page = &parse_file(&crs.join(page)).expect("page parses").briefs[0];
        assert_eq!(from_pdf.id, from_page.id, "{pdf} and {page}");
        assert_eq!(from_pdf.date, from_page.date, "{pdf}");
        // An In Focus prints its kind as an image, so only the others state it in text.
        if !pdf.starts_with("in-focus") {
            assert_eq!(from_pdf.kind, from_page.kind, "{pdf}");
        }
        assert!(
            from_pdf.passages.len() > 3,
            "{pdf}: {:?}",
            from_pdf.passages
        );
    }
    // Another version of a product keeps an id of its own.
    let v6 = &parse_file(&crs.join("in-focus/IF10753v6-energy-star-program.md"))
        .unwrap()
        .briefs[0];
    let v7 = std::fs::read_dir(crs.join("in-focus"))
        .unwrap()
        .filter_map(Result::ok)
        .find(|e| e.file_name().to_string_lossy().starts_with("IF10753v7"))
        .expect("version 7 is shipped");
    assert_ne!(v6.id, parse_file(&v7.path()).unwrap().briefs[0].id);
}

#[test]
fn pdf_encrypted_with_an_owner_password_only_opens() {
    let parsed = parse_file(&fixture("pdf/owner-only.pdf")).expect("opens without a password");
    assert_eq!(parsed.briefs[0].title, "Grain Corridors After the Deal");
}

/// Splits reference or parsed text into lower-case words, leaving out link targets and URLs.
fn words(text: &str) -> Vec<String> {
    let link_target = regex::Regex::new(r"\]\((?:[^()\s]|\([^()\s]*\))*\)").unwrap();
    let url = regex::Regex::new(r"https?://\S+").unwrap();
    let text = link_target.replace_all(text, "]");
    let text = url.replace_all(&text, " ");
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of the reference's words (counted with repeats) found in `got`.
fn recall(reference: &str, got: &str) -> f64 {
    let mut have: HashMap<String, usize> = HashMap::new();
    for w in words(got) {
        *have.entry(w).or_default() += 1;
    }
    let want = words(reference);
    let mut found = 0usize;
    for w in &want {
        if let Some(n) = have.get_mut(w).filter(|n| **n > 0) {
            *n -= 1;
            found += 1;
        }
    }
    found as f64 / want.len().max(1) as f64
}

/// "IF12106.21.pdf", "IN12609v9-fema-….pdf", "IF11755.pdf" → ("IF12106", Some(21)).
fn product_of(name: &str) -> (String, Option<u64>) {
    let id: String = name
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric())
        .collect();
    let digits_end = id
        .char_indices()
        .skip_while(|(_, c)| c.is_ascii_alphabetic())
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(id.len(), |(i, _)| i);
    let (product, rest) = id.split_at(digits_end);
    let version = rest
        .strip_prefix('v')
        .and_then(|v| v.parse().ok())
        .or_else(|| {
            name[product.len()..]
                .strip_prefix('.')
                .and_then(|r| r.split('.').next())
                .and_then(|v| v.parse().ok())
        });
    (product.to_string(), version)
}

#[test]
fn product_numbers_and_versions_from_file_names() {
    assert_eq!(product_of("IF12106.21.pdf"), ("IF12106".into(), Some(21)));
    assert_eq!(
        product_of("IN12609v9-fema-s-building.pdf"),
        ("IN12609".into(), Some(9))
    );
    assert_eq!(product_of("IF11755.pdf"), ("IF11755".into(), None));
}

/// "Kerr, Paul K." → "Paul K. Kerr".
fn display_name(reference: &str) -> String {
    match reference.split_once(", ") {
        Some((last, first)) => format!("{first} {last}"),
        None => reference.to_string(),
    }
}

/// The CRS PDFs in `../shared` against `reports.jsonl`: every PDF must recover at least 90% of
/// the reference's body words, and the first page's fields must mostly come out right.
#[test]
fn crs_pdfs_agree_with_the_reference() {
    let (Some(reference), Some(pdfs)) = (
        common::shared("data/crs-reports/reports.jsonl"),
        common::shared("data/crs-reports/originals/pdf"),
    ) else {
        return;
    };
    let records: Vec<serde_json::Value> = std::fs::read_to_string(reference)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let mut files: Vec<_> = walkdir::WalkDir::new(&pdfs)
        .into_iter()
        .filter_map(Result::ok)
        .map(|e| e.into_path())
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
        .collect();
    files.sort();
    assert_eq!(files.len(), 57, "the 57 CRS PDFs");
    let (mut titles, mut dates, mut kinds, mut authors) = (0, 0, 0, 0);
    let mut low = Vec::new();
    let mut sum = 0.0;
    for path in &files {
        let name = path.file_name().unwrap().to_str().unwrap();
        let (product, version) = product_of(name);
        let matching: Vec<&serde_json::Value> = records
            .iter()
            .filter(|r| r["id"] == product.as_str())
            .filter(|r| version.is_none_or(|v| r["version"] == v))
            .collect();
        assert_eq!(matching.len(), 1, "one reference record for {name}");
        let r = matching[0];
        let b = &parse_file(path)
            .unwrap_or_else(|e| panic!("{name}: {e}"))
            .briefs[0];
        let mut text = String::new();
        let mut last_heading = None;
        for p in &b.passages {
            if p.heading != last_heading {
                text.push_str(p.heading.as_deref().unwrap_or(""));
                text.push('\n');
                last_heading = p.heading.clone();
            }
            text.push_str(&p.text);
            text.push('\n');
        }
        let got = recall(r["text"].as_str().unwrap(), &text);
        sum += got;
        eprintln!("{name}: {:.1}% of the reference's body words", got * 100.0);
        if got < 0.90 {
            low.push(format!("{name}: {:.1}%", got * 100.0));
        }
        if b.title != r["title"].as_str().unwrap() {
            eprintln!("  title {:?}, reference {}", b.title, r["title"]);
        } else {
            titles += 1;
        }
        dates += usize::from(b.date.map(|d| d.to_string()).as_deref() == r["date"].as_str());
        kinds += usize::from(b.kind.as_deref() == r["kind"].as_str());
        // The site lists authors in its own order, so names are compared as sets.
        let mut want: Vec<String> = r["authors"]
            .as_array()
            .unwrap()
            .iter()
            .map(|a| display_name(a.as_str().unwrap()))
            .collect();
        want.sort();
        let mut got_names: Vec<String> = b.authors.iter().map(|a| a.name.clone()).collect();
        got_names.sort();
        authors += usize::from(got_names == want);
    }
    let n = files.len();
    eprintln!(
        "{n} PDFs: mean {:.1}% of body words; title {titles}, date {dates}, kind {kinds}, authors {authors} right",
        sum / n as f64 * 100.0
    );
    assert!(low.is_empty(), "under 90% of the body words: {low:#?}");
    assert!(titles * 100 >= n * 95, "titles right: {titles} of {n}");
    assert!(dates * 100 >= n * 95, "dates right: {dates} of {n}");
    assert!(authors * 100 >= n * 90, "authors right: {authors} of {n}");
    // In Focus PDFs print their kind only in the masthead image, so only the others count.
    let printed = files
        .iter()
        .filter(|p| !p.file_name().unwrap().to_str().unwrap().starts_with("IF"))
        .count();
    assert!(
        kinds >= printed,
        "kinds right: {kinds} of {printed} that print it"
    );
}

fn write(dir: &Path, name: &str, bytes: &[u8]) {
    std::fs::write(dir.join(name), bytes).unwrap();
}

#[test]
fn mixed_archive_with_bad_pdfs_still_ingests() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    std::fs::create_dir(&arch).unwrap();
    write(
        &arch,
        "good.txt",
        b"Grain Talks Resume\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nA standfirst.\n\nThe talks resumed in Muscat after a pause.\n",
    );
    for name in ["brief.pdf", "no-text.pdf", "encrypted.pdf"] {
        std::fs::copy(fixture(&format!("pdf/{name}")), arch.join(name)).unwrap();
    }
    std::fs::copy(
        fixture("html/plain-title-time.html"),
        arch.join("plain.html"),
    )
    .unwrap();
    write(&arch, "broken.pdf", b"%PDF-1.7\nthis is not really a PDF\n");
    let out = briefs()
        .current_dir(d.path())
        .args(["ingest", "arch", "--index", "idx", "--json"])
        .output()
        .unwrap();
    assert_eq!(
        out.status.code(),
        Some(1),
        "finished with failures: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let failed: Vec<String> = r["failed"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} :: {}", f["path"], f["reason"]))
        .collect();
    assert_eq!(failed.len(), 2, "{failed:#?}");
    assert!(failed
        .iter()
        .any(|f| f.contains("encrypted.pdf") && f.contains("encrypted")));
    assert!(failed
        .iter()
        .any(|f| f.contains("broken.pdf") && f.contains("not a readable PDF")));
    let warnings: Vec<String> = r["warnings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| format!("{} :: {}", f["path"], f["reason"]))
        .collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("no-text.pdf") && w.contains("no text layer")),
        "{warnings:#?}"
    );
    assert_eq!(r["briefs_indexed"], 4, "txt, html, brief.pdf and the scan");
    for word in ["muscat", "durban", "drought"] {
        let v = common::json(&["search", "--index", "idx", word], d.path());
        assert!(v["total_briefs"].as_u64().unwrap() >= 1, "{word} not found");
    }
}
