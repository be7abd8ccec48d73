//! The real binary on a small archive written here: each hit's crop (default window, `--crop
//! 0`, highlight ranges that index the crop, an ellipsis only where text was cut, title and
//! heading marks in the terminal) and search as you type (`--prefix`), on the CLI and the API.

mod common;

use std::path::Path;

use briefs::search::{Hit, SearchResponse};
use common::serve::Server;

/// Words 0..n as "w0 w1 …", with `insert` placed after word `at`.
fn filler(n: usize, at: usize, insert: &str) -> String {
    let mut words: Vec<String> = (0..n).map(|i| format!("w{i}")).collect();
    words.insert(at, insert.to_string());
    words.join(" ")
}

/// Three briefs: one with a long passage (a match deep inside it), one naming "water" and
/// "sanctions", one naming only "waterways".
fn archive(dir: &Path) {
    let a = dir.join("archive");
    std::fs::create_dir_all(&a).unwrap();
    let brief = |file: &str, title: &str, heading: &str, body: &str| {
        std::fs::write(
            a.join(file),
            format!(
                "---\ntitle: \"{title}\"\nauthors: [Ada Rowe]\ndate: 2024-03-01\nkind: Brief\n---\n## {heading}\n\n{body}\n"
            ),
        )
        .unwrap();
    };
    brief(
        "long.md",
        "Reservoir Levels in Winter",
        "Storage",
        &filler(120, 70, "reservoir"),
    );
    brief(
        "water.md",
        "Water Sanctions Review",
        "Water Policy",
        "New sanctions target water pumps along the river and the water board.",
    );
    brief(
        "waterways.md",
        "Shipping Lanes",
        "Rivers",
        "Barges use the inland waterways every spring when the locks open.",
    );
}

fn search(dir: &Path, args: &[&str]) -> SearchResponse {
    let mut all = vec!["search", "--index", "idx"];
    all.extend_from_slice(args);
    let v = common::json(&all, dir);
    serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("schema mismatch: {e}\n{v}"))
}

fn setup() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    archive(dir.path());
    let r = common::json(&["ingest", "archive", "--index", "idx"], dir.path());
    assert_eq!(r["briefs_total"], 3, "{r}");
    dir
}

fn marked(text: &str, ranges: &[[usize; 2]]) -> Vec<String> {
    ranges
        .iter()
        .map(|&[s, e]| text[s..e].to_lowercase())
        .collect()
}

/// The crop's highlights index the crop and mark the same words the passage's do, and the
/// crop is the passage's text between its ellipses.
fn check_crop(h: &Hit) {
    let inner = h.crop.strip_prefix('…').unwrap_or(&h.crop);
    let inner = inner.strip_suffix('…').unwrap_or(inner);
    assert!(h.text.contains(inner), "{:?} not in {:?}", inner, h.text);
    let at = h.text.find(inner).unwrap();
    assert_eq!(
        h.crop.starts_with('…'),
        at > 0,
        "leading ellipsis only where cut"
    );
    assert_eq!(
        h.crop.ends_with('…'),
        at + inner.len() < h.text.len(),
        "trailing ellipsis only where cut"
    );
    let words: Vec<String> = marked(&h.crop, &h.crop_highlights);
    let shift = h.crop.len() - h.crop.trim_start_matches('…').len();
    for (w, r) in words.iter().zip(&h.crop_highlights) {
        let [s, e] = [r[0] - shift + at, r[1] - shift + at];
        assert!(h.highlights.contains(&[s, e]), "{w} at {s}..{e}");
    }
}

#[test]
fn hits_show_a_crop_around_the_match_with_its_own_highlights() {
    let dir = setup();
    let r = search(dir.path(), &["reservoir"]);
    let h = r
        .hits
        .iter()
        .find(|h| h.text.split_whitespace().count() > 100)
        .expect("the long passage is a hit");
    // The default window: 40 words around "reservoir", cut on both sides.
    let inner = h.crop.trim_start_matches('…').trim_end_matches('…');
    assert_eq!(inner.split_whitespace().count(), 40, "{}", h.crop);
    assert!(
        h.crop.starts_with('…') && h.crop.ends_with('…'),
        "{}",
        h.crop
    );
    assert_eq!(marked(&h.crop, &h.crop_highlights), ["reservoir"]);
    assert!(h.crop.contains("w69 reservoir w70"), "{}", h.crop);
    check_crop(h);
    // The whole passage is still in `text`, its highlights unchanged.
    assert_eq!(marked(&h.text, &h.highlights), ["reservoir"]);
    // The title matched too.
    assert_eq!(marked(&h.title, &h.title_highlights), ["reservoir"]);

    // A smaller window; a window at the opening has no leading ellipsis.
    let r = search(dir.path(), &["reservoir", "--crop", "6"]);
    let h = r.hits.iter().find(|h| h.text.len() > 300).unwrap();
    assert_eq!(
        h.crop.trim_matches('…').split_whitespace().count(),
        6,
        "{}",
        h.crop
    );
    check_crop(h);

    // 0: the whole passage, no ellipsis, the same ranges.
    let r = search(dir.path(), &["reservoir", "--crop", "0"]);
    for h in &r.hits {
        assert_eq!(h.crop, h.text);
        assert_eq!(h.crop_highlights, h.highlights);
    }
    // A short passage is its own crop.
    let r = search(dir.path(), &["pumps"]);
    assert_eq!(r.hits[0].crop, r.hits[0].text);
    assert!(!r.hits[0].crop.contains('…'));
    assert_eq!(
        marked(&r.hits[0].crop, &r.hits[0].crop_highlights),
        ["pumps"]
    );

    // Out of range is refused with the parameter's name.
    let out = common::briefs()
        .args(["search", "reservoir", "--index", "idx", "--crop", "1001"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("crop \"1001\" is not accepted"), "{err}");
}

#[test]
fn the_terminal_shows_the_crop_and_marks_title_and_heading() {
    let dir = setup();
    let out = common::briefs()
        .args(["--color", "never", "search", "reservoir", "--index", "idx"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("…w51 "), "{text}");
    assert!(
        !text.contains("w0 w1 w2"),
        "the whole passage is not printed: {text}"
    );
    let out = common::briefs()
        .args(["--color", "always", "search", "water", "--index", "idx"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("\x1b[1;33mWater\x1b[0m\x1b[1m Sanctions Review"),
        "title marked: {text:?}"
    );
    assert!(
        text.contains("\x1b[1;33mWater\x1b[0m\x1b[2m Policy"),
        "heading marked: {text:?}"
    );
}

#[test]
fn prefix_finds_the_words_a_last_word_begins_below_exact_matches() {
    let dir = setup();
    let r = search(dir.path(), &["sanct", "--prefix"]);
    assert_eq!(r.total_briefs, 1, "{r:?}");
    assert!(r.corrections.is_empty());
    let h = r.hits.iter().find(|h| h.passage.is_some()).unwrap();
    assert_eq!(h.title, "Water Sanctions Review");
    assert_eq!(marked(&h.crop, &h.crop_highlights), ["sanctions"]);
    assert_eq!(marked(&h.title, &h.title_highlights), ["sanctions"]);
    // The facets count what the hits match: the expansion too.
    let f = search(dir.path(), &["sanct", "--prefix", "--facets"]);
    assert_eq!(f.facets.unwrap().years.get("2024"), f.total_briefs);
    let without = search(dir.path(), &["sanct"]);
    assert!(without.hits.iter().all(|h| !h.text.contains("sanctions")));

    // "water" as typed ranks above "waterways", which it begins.
    let r = search(dir.path(), &["water", "--prefix"]);
    let passages: Vec<&Hit> = r.hits.iter().filter(|h| h.passage.is_some()).collect();
    let titles: Vec<&str> = passages.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(
        titles,
        ["Water Sanctions Review", "Shipping Lanes"],
        "{r:?}"
    );
    assert!(passages[0].score > passages[1].score);
    assert_eq!(
        marked(&passages[1].text, &passages[1].highlights),
        ["waterways"]
    );
    let exact = search(dir.path(), &["water"]);
    assert!(exact.hits.iter().all(|h| h.title != "Shipping Lanes"));

    // Only the last word expands, and a space after it ends the word.
    let expanded = |r: &SearchResponse| {
        r.hits
            .iter()
            .any(|h| marked(&h.text, &h.highlights).contains(&"waterways".to_string()))
    };
    assert!(expanded(&search(dir.path(), &["inland water", "--prefix"])));
    assert!(!expanded(&search(
        dir.path(),
        &["inland water ", "--prefix"]
    )));
    assert!(!expanded(&search(
        dir.path(),
        &["waterw pumps", "--prefix"]
    )));
}

#[test]
fn the_api_takes_crop_and_prefix_like_the_cli() {
    let dir = setup();
    let server = Server::start(&dir.path().join("idx"), dir.path(), &[]);
    let v = server.ok("/api/search?q=reservoir&crop=6");
    let long = v["hits"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["text"].as_str().unwrap().len() > 300)
        .unwrap();
    let hit: Hit = serde_json::from_value(long.clone()).unwrap();
    assert_eq!(hit.crop.trim_matches('…').split_whitespace().count(), 6);
    check_crop(&hit);
    let v = server.ok("/api/search?q=sanct&prefix=true");
    assert_eq!(v["hits"][0]["title"], "Water Sanctions Review");
    let cli = common::briefs()
        .args(["search", "x", "--index", "idx", "--crop", "-1"])
        .current_dir(dir.path())
        .output()
        .unwrap();
    let cli_err = String::from_utf8_lossy(&cli.stderr).to_string();
    let api_err = server.error("/api/search?q=x&crop=-1", 400);
    assert!(cli_err.contains(&api_err), "{cli_err} vs {api_err}");
}
