//! The search page in headless Chromium, for cropped passages and search as you type: a hit
//! shows its crop with marks and expands to the whole passage on a click; the title and the
//! heading are marked; typing the start of a word finds the words it begins. PNGs go to
//! `target/screenshots/`. Skips with a reason when `/usr/bin/chromium` is absent (fails under
//! `CI=true`).

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::serve::{workspace, Server};
use headless_chrome::protocol::cdp::Page;
use headless_chrome::{Browser, LaunchOptions, Tab};

const CHROMIUM: &str = "/usr/bin/chromium";
/// Not busy: the last request has been rendered.
const IDLE: &str = "!document.getElementById('main').hasAttribute('aria-busy')";

fn shot(tab: &Tab, name: &str) {
    let dir = common::root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    let png = tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .expect("screenshot");
    std::fs::write(dir.join(name), png).unwrap();
}

/// Evaluates `expr` in the page and returns its value, passed through JSON.
fn eval(tab: &Tab, expr: &str) -> serde_json::Value {
    let wrapped = format!("JSON.stringify(({expr})) ?? 'null'");
    let raw = tab
        .evaluate(&wrapped, false)
        .unwrap_or_else(|e| panic!("{expr}: {e}"))
        .value
        .unwrap_or(serde_json::Value::Null);
    serde_json::from_str(raw.as_str().unwrap_or("null")).unwrap_or(serde_json::Value::Null)
}

fn text(tab: &Tab, expr: &str) -> String {
    eval(tab, expr).as_str().unwrap_or_default().to_string()
}

/// Waits until `expr` is true in the page, or fails with `what` and the page's status line.
fn wait_until(tab: &Tab, expr: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if eval(tab, expr) == serde_json::Value::Bool(true) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!(
        "timed out waiting for {what}; status {:?}, url {}",
        text(tab, "document.getElementById('status').textContent"),
        tab.get_url()
    );
}

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
    if !Path::new(CHROMIUM).exists() {
        common::skip(&format!(
            "{CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)"
        ));
        return;
    }
    let (dir, index) = workspace();
    let work = dir.path();
    write_briefs(&work.join("archive"));
    common::json(&["ingest", "archive", "--index", "idx"], work);
    let server = Server::start(&index, work, &[]);
    let base = format!("http://127.0.0.1:{}", server.port);

    let profile = tempfile::tempdir().unwrap();
    let options = LaunchOptions::default_builder()
        .path(Some(PathBuf::from(CHROMIUM)))
        .headless(true)
        .sandbox(false)
        .enable_gpu(false)
        .window_size(Some((1280, 900)))
        .user_data_dir(Some(profile.path().to_path_buf()))
        .args(vec![
            OsStr::new("--disable-quic"),
            OsStr::new("--disable-component-update"),
            OsStr::new("--no-first-run"),
            OsStr::new("--disable-background-networking"),
            OsStr::new("--disable-sync"),
        ])
        .idle_browser_timeout(Duration::from_secs(120))
        .build()
        .unwrap();
    let browser = Browser::new(options).expect("chromium starts");
    let tab = browser.new_tab().unwrap();
    tab.set_default_timeout(Duration::from_secs(15));

    // 1. A long passage shows its crop: cut on both sides, the match marked, the title too.
    tab.navigate_to(&format!("{base}/?q=reservoir")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        &format!("!!document.querySelector('.results .text.cropped') && {IDLE}"),
        "a cropped hit",
    );
    let crop = text(
        &tab,
        "document.querySelector('.results .text.cropped').textContent",
    );
    assert!(crop.starts_with('…') && crop.ends_with('…'), "{crop}");
    assert!(crop.contains("w69 reservoir w70"), "{crop}");
    assert!(!crop.contains("w0 w1"), "{crop}");
    assert_eq!(marks(&tab, ".results .text.cropped mark"), ["reservoir"]);
    assert_eq!(marks(&tab, ".results h2 mark"), ["reservoir"]);
    assert_eq!(
        eval(&tab, "document.querySelectorAll('.results .expand').length"),
        1
    );
    shot(&tab, "10-crop.png");

    // 2. A click on the button shows the whole passage in place, marks kept, button gone.
    tab.wait_for_element(".results .expand")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        "!!document.querySelector('.results .text.expanded')",
        "the whole passage",
    );
    let whole = text(
        &tab,
        "document.querySelector('.results .text.expanded').textContent",
    );
    assert!(
        whole.starts_with("w0 w1") && whole.ends_with("w119"),
        "{whole}"
    );
    assert!(!whole.contains('…'));
    assert_eq!(marks(&tab, ".results .text.expanded mark"), ["reservoir"]);
    assert_eq!(
        eval(&tab, "document.querySelectorAll('.results .expand').length"),
        0
    );
    shot(&tab, "11-expanded.png");

    // 3. Typing the start of a word finds the words it begins, marked, heading marked too.
    tab.navigate_to(&format!("{base}/")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        &format!("document.querySelectorAll('.results .brief').length > 0 && {IDLE}"),
        "the first page",
    );
    tab.wait_for_element("#q").unwrap().click().unwrap();
    tab.type_str("water sanct").unwrap();
    wait_until(
        &tab,
        &format!("location.search.includes('q=water+sanct') && {IDLE} && document.querySelectorAll('.results .brief').length > 0"),
        "results while typing",
    );
    assert_eq!(
        text(
            &tab,
            "document.querySelector('.results .brief h2').textContent"
        ),
        "Pump Sanctions Review"
    );
    let marked = marks(&tab, ".results .text mark");
    assert!(marked.contains(&"sanctions".to_string()), "{marked:?}");
    assert_eq!(
        marks(&tab, ".results > li:first-child .heading mark"),
        ["water"]
    );
    assert_eq!(
        text(&tab, "document.activeElement.id"),
        "q",
        "focus stays in the box"
    );
    shot(&tab, "12-typing.png");
}
