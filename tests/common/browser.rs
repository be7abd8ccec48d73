//! Headless Chromium for the page tests: one launch, page expressions, waits and screenshots.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use headless_chrome::protocol::cdp::Page;
use headless_chrome::{Browser, LaunchOptions, Tab};

/// Where Debian's package puts Chromium (`.ci/run` installs it).
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Whether Chromium is here; when it is not, says why the test skips (and fails under
/// `CI=true`, through [`super::skip`]).
pub fn available() -> bool {
    if Path::new(CHROMIUM).exists() {
        return true;
    }
    super::skip(&format!(
        "{CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)"
    ));
    false
}

/// A running headless browser with one tab, and the profile folder it owns.
pub struct Chromium {
    pub tab: std::sync::Arc<Tab>,
    _browser: Browser,
    _profile: tempfile::TempDir,
}

/// Starts headless Chromium with a fresh profile and a 1280×900 window.
pub fn launch() -> Chromium {
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
    Chromium {
        tab,
        _browser: browser,
        _profile: profile,
    }
}

/// The folder screenshots go to: `target/screenshots/`.
pub fn screenshots() -> PathBuf {
    let dir = super::root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Saves a PNG of the page as `target/screenshots/NAME`.
pub fn shot(tab: &Tab, name: &str) {
    let png = tab
        .capture_screenshot(Page::CaptureScreenshotFormatOption::Png, None, None, true)
        .expect("screenshot");
    std::fs::write(screenshots().join(name), png).unwrap();
}

/// Evaluates `expr` in the page and returns its value, passed through JSON.
pub fn eval(tab: &Tab, expr: &str) -> serde_json::Value {
    let wrapped = format!("JSON.stringify(({expr})) ?? 'null'");
    let raw = tab
        .evaluate(&wrapped, false)
        .unwrap_or_else(|e| panic!("{expr}: {e}"))
        .value
        .unwrap_or(serde_json::Value::Null);
    serde_json::from_str(raw.as_str().unwrap_or("null")).unwrap_or(serde_json::Value::Null)
}

/// A page expression's value as text ("" when it is not a string).
pub fn text(tab: &Tab, expr: &str) -> String {
    eval(tab, expr).as_str().unwrap_or_default().to_string()
}

/// Waits until `expr` is true in the page, or fails with `what` and the page's status line.
pub fn wait_until(tab: &Tab, expr: &str, what: &str) {
    let deadline = Instant::now() + Duration::from_secs(15);
    while Instant::now() < deadline {
        if eval(tab, expr) == serde_json::Value::Bool(true) {
            return;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    panic!(
        "timed out waiting for {what}; status {:?}, notice {:?}, url {}",
        text(tab, "document.getElementById('status').textContent"),
        text(tab, "document.getElementById('notice')?.textContent ?? ''"),
        tab.get_url()
    );
}
