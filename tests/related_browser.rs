//! The brief page in headless Chromium lists "Related briefs", "Cites" and "Cited by", and a
//! related brief opens its own page (issue 16, item 5). Screenshot in `target/screenshots/`.
//! Skips with a reason when `/usr/bin/chromium` is absent (fails under `CI=true`).

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::serve::{add_synth, workspace, Server};
use headless_chrome::protocol::cdp::Page;
use headless_chrome::{Browser, LaunchOptions, Tab};

const CHROMIUM: &str = "/usr/bin/chromium";

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

#[test]
fn brief_page_lists_related_briefs() {
    if !Path::new(CHROMIUM).exists() {
        common::skip(&format!(
            "{CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)"
        ));
        return;
    }
    let (dir, index) = workspace();
    let work = dir.path();
    add_synth(work, 30);
    common::json(&["ingest", "archive", "--index", "idx"], work);
    // A brief of the archive and what the API calls related to it.
    let first = common::json(
        &["search", "--index", "idx", "--per-brief", "1", "Muttaqi"],
        work,
    );
    let id = first["hits"][0]["brief_id"].as_str().unwrap().to_string();
    let related = common::json(&["related", &id, "--index", "idx"], work);
    let top = related["related"][0]["title"]
        .as_str()
        .expect("the archive has a related brief")
        .to_string();
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
    tab.navigate_to(&format!("{base}/brief/{id}")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        "!!document.querySelector('.brief-side .related li a')",
        "the related briefs",
    );
    assert_eq!(
        text(
            &tab,
            "document.querySelector('.brief-side .related h2').textContent"
        ),
        "Related briefs"
    );
    assert_eq!(
        text(
            &tab,
            "document.querySelector('.brief-side .related li a').textContent"
        ),
        top
    );
    let shots = common::root().join("target/screenshots");
    std::fs::create_dir_all(&shots).unwrap();
    let png = tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .expect("screenshot");
    std::fs::write(shots.join("20-related.png"), png).unwrap();
    // A related brief opens its own page.
    tab.wait_for_element(".brief-side .related li a")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        &format!(
            "document.querySelector('.brief-page h1') && document.querySelector('.brief-page h1').textContent === {}",
            serde_json::to_string(&top).unwrap()
        ),
        "the related brief's page",
    );
}
