//! The search page in headless Chromium: load, type a query, tick a facet, open a brief, go
//! back, use the keyboard, narrow the window to a phone's; a PNG of each step goes to
//! `target/screenshots/`. Skips with a reason when `/usr/bin/chromium` is absent.

mod common;

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use common::serve::{add_synth, workspace, Server};
use headless_chrome::protocol::cdp::{Emulation, Page};
use headless_chrome::{Browser, LaunchOptions, Tab};

const CHROMIUM: &str = "/usr/bin/chromium";
/// The Iran box of the regions facet, as a page expression.
const IRAN: &str =
    "document.querySelector(\"fieldset[data-group='regions'] input[data-value='Iran']\")";

fn screenshots() -> PathBuf {
    let dir = common::root().join("target/screenshots");
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn shot(tab: &Tab, dir: &Path, name: &str) {
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
        "timed out waiting for {what}; status {:?}, notice {:?}, url {}",
        text(tab, "document.getElementById('status').textContent"),
        text(tab, "document.getElementById('notice').textContent"),
        tab.get_url()
    );
}

fn set_viewport(tab: &Tab, width: u32, height: u32, mobile: bool) {
    tab.call_method(Emulation::SetDeviceMetricsOverride {
        width,
        height,
        device_scale_factor: 1.0,
        mobile,
        scale: None,
        screen_width: None,
        screen_height: None,
        position_x: None,
        position_y: None,
        dont_set_visible_size: None,
        screen_orientation: None,
        viewport: None,
        display_feature: None,
        device_posture: None,
    })
    .expect("viewport");
}

#[test]
fn search_page_in_chromium() {
    if !Path::new(CHROMIUM).exists() {
        common::skip(&format!(
            "{CHROMIUM} is absent (apt-get install chromium; .ci/run installs it)"
        ));
        return;
    }
    let (dir, index) = workspace();
    let work = dir.path();
    // Forty plain synthetic briefs beside the eight fixtures give the facets something to
    // narrow; thirty from `briefs synth` bring entities and dated events.
    common::write_archive(&work.join("archive/synthetic"), 40);
    add_synth(work, 30);
    common::json(&["ingest", "archive", "--index", "idx"], work);
    let server = Server::start(&index, work, &[]);
    let base = format!("http://127.0.0.1:{}", server.port);
    let shots = screenshots();

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
    set_viewport(&tab, 1280, 900, false);

    // 1. The page loads and browses the archive, newest first, with facets.
    tab.navigate_to(&format!("{base}/")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        "document.querySelectorAll('.results .brief').length > 0 && document.querySelectorAll('#facets fieldset').length >= 4",
        "the first page",
    );
    assert!(text(&tab, "document.getElementById('status').textContent").contains("78 briefs"));
    shot(&tab, &shots, "01-home.png");

    // 2. Typing searches as you type; matched words are marked; the URL holds the query.
    tab.wait_for_element("#q").unwrap().click().unwrap();
    tab.type_str("water treaty").unwrap();
    wait_until(
        &tab,
        "location.search.includes('q=water+treaty') && document.querySelectorAll('.results mark').length > 0 && !document.getElementById('main').hasAttribute('aria-busy')",
        "results for the typed query",
    );
    let marks = eval(
        &tab,
        "[...document.querySelectorAll('.results mark')].map(m => m.textContent.toLowerCase())",
    );
    for m in marks.as_array().unwrap() {
        let m = m.as_str().unwrap();
        assert!(m.starts_with("water") || m.starts_with("treat"), "{m}");
    }
    let first_title = text(
        &tab,
        "document.querySelector('.results .brief h2').textContent",
    );
    assert_eq!(first_title, "Helmand Water Treaty Talks Stall");
    assert_eq!(
        text(&tab, "document.activeElement.id"),
        "q",
        "focus stays in the box"
    );
    shot(&tab, &shots, "02-typed.png");

    // 3. Ticking a facet filters; the chip and the URL show it; counts stay live.
    let before = text(&tab, "document.getElementById('status').textContent");
    tab.wait_for_element("fieldset[data-group='regions'] input[data-value='Iran']")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        "location.search.includes('region=Iran') && [...document.querySelectorAll('.chip')].some(c => c.textContent.includes('Region: Iran')) && !document.getElementById('main').hasAttribute('aria-busy')",
        "the region filter",
    );
    assert!(eval(&tab, &format!("{IRAN}.checked")) == true);
    let after = text(&tab, "document.getElementById('status').textContent");
    assert_ne!(before, after, "the counts change with the filter");
    shot(&tab, &shots, "03-facet.png");

    // 4. A misspelt name is corrected, and the page says so.
    tab.wait_for_element("#q").unwrap().click().unwrap();
    eval(&tab, "document.getElementById('q').select()");
    tab.type_str("Mutaqi").unwrap();
    wait_until(
        &tab,
        "!!document.querySelector('.correction') && !document.getElementById('main').hasAttribute('aria-busy')",
        "the typo correction",
    );
    let notice = text(&tab, "document.querySelector('.correction').textContent");
    assert!(
        notice.contains("Mutaqi") && notice.contains("Muttaqi"),
        "{notice}"
    );
    shot(&tab, &shots, "04-typo.png");

    // 5. Opening a brief shows its title, passages and the passage that matched.
    let title = text(
        &tab,
        "document.querySelector('.results .brief h2 a').textContent",
    );
    tab.wait_for_element(".results .brief h2 a")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        "location.pathname.startsWith('/brief/') && !!document.querySelector('.brief-page h1')",
        "the brief page",
    );
    assert_eq!(
        text(&tab, "document.querySelector('.brief-page h1').textContent"),
        title
    );
    assert!(
        eval(
            &tab,
            "document.querySelectorAll('.brief-body p.passage').length"
        )
        .as_u64()
        .unwrap()
            >= 2
    );
    assert!(text(&tab, "document.querySelector('.brief-page').textContent").contains("Muttaqi"));
    shot(&tab, &shots, "05-brief.png");

    // 6. An entity on the brief page opens the entity page: the briefs that mention it.
    tab.wait_for_element(".brief-side .entities a")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        "location.pathname.startsWith('/entity/') && !!document.querySelector('.brief-page h1') && document.querySelectorAll('.results .brief').length > 0",
        "the entity page",
    );
    let entity = text(&tab, "document.querySelector('.brief-page h1').textContent");
    assert_eq!(entity, "Amir Khan Muttaqi");
    assert_eq!(
        text(
            &tab,
            "document.querySelector('.results .brief h2').textContent"
        ),
        title
    );
    shot(&tab, &shots, "06-entity.png");

    // 7. Back twice returns to the filtered search, rebuilt from the URL.
    eval(&tab, "history.back()");
    wait_until(
        &tab,
        "location.pathname.startsWith('/brief/') && !!document.querySelector('.brief-page h1')",
        "the brief page again",
    );
    eval(&tab, "history.back()");
    wait_until(
        &tab,
        &format!("location.pathname === '/' && !!{IRAN} && {IRAN}.checked && document.getElementById('q').value === 'Mutaqi'"),
        "the search after going back",
    );
    shot(&tab, &shots, "07-back.png");

    // 8. The timeline view: dated events of the matching briefs, oldest first, by year.
    tab.navigate_to(&format!("{base}/")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        "document.querySelectorAll('.results .brief').length > 0",
        "the first page again",
    );
    tab.wait_for_element("nav.views a[data-view='timeline']")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        &tab,
        "location.pathname === '/timeline' && document.querySelectorAll('.timeline .events li').length > 0",
        "the timeline",
    );
    let dates = eval(
        &tab,
        "[...document.querySelectorAll('.timeline .events time')].map(t => t.textContent)",
    );
    let dates: Vec<&str> = dates
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|d| d.as_str())
        .collect();
    assert!(dates.len() > 5, "{dates:?}");
    assert!(
        dates.windows(2).all(|w| w[0] <= w[1]),
        "oldest first: {dates:?}"
    );
    shot(&tab, &shots, "08-timeline.png");

    // 9. The keyboard: `/` focuses the search box from anywhere; text is escaped.
    eval(&tab, "document.activeElement.blur()");
    tab.press_key("/").unwrap();
    assert_eq!(text(&tab, "document.activeElement.id"), "q");
    tab.navigate_to(&format!(
        "{base}/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
    ))
    .unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        "document.getElementById('status').textContent.includes('<img')",
        "the escaped query",
    );
    assert_eq!(
        eval(&tab, "document.querySelectorAll('#main img').length"),
        0,
        "markup in a query stays text"
    );

    // 10. On a phone's width the layout is one column and the filters fold away.
    set_viewport(&tab, 390, 844, true);
    tab.navigate_to(&format!("{base}/?q=water")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        &tab,
        "document.querySelectorAll('.results .brief').length > 0",
        "results on a phone",
    );
    assert_eq!(eval(&tab, "document.getElementById('filters').open"), false);
    assert!(
        eval(
            &tab,
            "document.documentElement.scrollWidth <= window.innerWidth"
        ) == true,
        "no sideways scrolling on a phone"
    );
    shot(&tab, &shots, "09-phone.png");
    eprintln!("screenshots in {}", shots.display());
}
