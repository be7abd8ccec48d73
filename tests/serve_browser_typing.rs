//! The search page in headless Chromium, for cropped passages and search as you type: a hit
//! shows its crop with marks and expands to the whole passage on a click; the title and the
//! heading are marked; typing the start of a word finds the words it begins. PNGs go to
//! `target/screenshots/`. Skips with a reason when `/usr/bin/chromium` is absent (fails under
//! `CI=true`).

mod common;

use std::path::Path;

use common::browser::{self, eval, shot, text, wait_until};
use common::serve::{workspace, Server};
use headless_chrome::Tab;

/// Not busy: the last request has been rendered.
const IDLE: &str = "!document.getElementById('main').hasAttribute('aria-busy')";

/// The marked words inside the elements `selector` finds, lower-cased.
fn marks(tab: &Tab, selector: &str) -> Vec<String> {
    let v = eval(
        tab,
        &format!(
            "[...document.querySelectorAll({selector:?})].map(m => m.textContent.toLowerCase())"
        ),
    );
    v.as_array()
        .unwrap()
        .iter()
        .map(|s| s.as_str().unwrap().to_string())
        .collect()
}

/// Two briefs beside the fixtures: a long passage with "reservoir" deep inside it, and one
/// naming "sanctions" under a "Water Policy" heading.
fn write_briefs(archive: &Path) {
    let words: Vec<String> = (0..120).map(|i| format!("w{i}")).collect();
    let long = format!(
        "{} reservoir {}",
        words[..70].join(" "),
        words[70..].join(" ")
    );
    std::fs::write(
        archive.join("long.md"),
        format!("---\ntitle: \"Reservoir Levels in Winter\"\ndate: 2024-03-01\n---\n## Storage\n\n{long}\n"),
    )
    .unwrap();
    std::fs::write(
        archive.join("sanctions.md"),
        "---\ntitle: \"Pump Sanctions Review\"\ndate: 2024-03-02\n---\n## Water Policy\n\nNew sanctions target pumps along the river.\n",
    )
    .unwrap();
}

#[test]
fn crops_expand_and_the_page_searches_as_you_type() {
    if !browser::available() {
        return;
    }
    let (dir, index) = workspace();
    let work = dir.path();
    write_briefs(&work.join("archive"));
    common::json(&["ingest", "archive", "--index", "idx"], work);
    let server = Server::start(&index, work, &[]);
    let base = format!("http://127.0.0.1:{}", server.port);

    let chromium = browser::launch();
    let tab = &chromium.tab;

    // 1. A long passage shows its crop: cut on both sides, the match marked, the title too.
    tab.navigate_to(&format!("{base}/?q=reservoir")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        &format!("!!document.querySelector('.results .text.cropped') && {IDLE}"),
        "a cropped hit",
    );
    let crop = text(
        tab,
        "document.querySelector('.results .text.cropped').textContent",
    );
    assert!(crop.starts_with('…') && crop.ends_with('…'), "{crop}");
    assert!(crop.contains("w69 reservoir w70"), "{crop}");
    assert!(!crop.contains("w0 w1"), "{crop}");
    assert_eq!(marks(tab, ".results .text.cropped mark"), ["reservoir"]);
    assert_eq!(marks(tab, ".results h2 mark"), ["reservoir"]);
    assert_eq!(
        eval(tab, "document.querySelectorAll('.results .expand').length"),
        1
    );
    shot(tab, "10-crop.png");

    // 2. A click on the button shows the whole passage in place, marks kept, button gone.
    tab.wait_for_element(".results .expand")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        tab,
        "!!document.querySelector('.results .text.expanded')",
        "the whole passage",
    );
    let whole = text(
        tab,
        "document.querySelector('.results .text.expanded').textContent",
    );
    assert!(
        whole.starts_with("w0 w1") && whole.ends_with("w119"),
        "{whole}"
    );
    assert!(!whole.contains('…'));
    assert_eq!(marks(tab, ".results .text.expanded mark"), ["reservoir"]);
    assert_eq!(
        eval(tab, "document.querySelectorAll('.results .expand').length"),
        0
    );
    shot(tab, "11-expanded.png");

    // 3. Typing the start of a word finds the words it begins, marked, heading marked too.
    tab.navigate_to(&format!("{base}/")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        &format!("document.querySelectorAll('.results .brief').length > 0 && {IDLE}"),
        "the first page",
    );
    tab.wait_for_element("#q").unwrap().click().unwrap();
    tab.type_str("water sanct").unwrap();
    wait_until(
        tab,
        &format!("location.search.includes('q=water+sanct') && {IDLE} && document.querySelectorAll('.results .brief').length > 0"),
        "results while typing",
    );
    assert_eq!(
        text(
            tab,
            "document.querySelector('.results .brief h2').textContent"
        ),
        "Pump Sanctions Review"
    );
    let marked = marks(tab, ".results .text mark");
    assert!(marked.contains(&"sanctions".to_string()), "{marked:?}");
    assert_eq!(
        marks(tab, ".results > li:first-child .heading mark"),
        ["water"]
    );
    assert_eq!(
        text(tab, "document.activeElement.id"),
        "q",
        "focus stays in the box"
    );
    shot(tab, "12-typing.png");
}
