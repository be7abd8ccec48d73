//! The search page in headless Chromium: load, type a query, tick a facet, open a brief, go
//! back, use the keyboard, narrow the window to a phone's; a PNG of each step goes to
//! `target/screenshots/`. Skips with a reason when `/usr/bin/chromium` is absent.

mod common;

use common::browser::{self, eval, shot, text, wait_until};
use common::serve::{add_synth, workspace, Server};
use headless_chrome::protocol::cdp::Emulation;
use headless_chrome::Tab;

/// The Iran box of the regions facet, as a page expression.
const IRAN: &str =
    "document.querySelector(\"fieldset[data-group='regions'] input[data-value='Iran']\")";

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
    if !browser::available() {
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
    let shots = browser::screenshots();

    let chromium = browser::launch();
    let tab = &chromium.tab;
    set_viewport(tab, 1280, 900, false);

    // 1. The page loads and browses the archive, newest first, with facets.
    tab.navigate_to(&format!("{base}/")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        "document.querySelectorAll('.results .brief').length > 0 && document.querySelectorAll('#facets fieldset').length >= 4",
        "the first page",
    );
    assert!(text(tab, "document.getElementById('status').textContent").contains("78 briefs"));
    shot(tab, "01-home.png");

    // 2. Typing searches as you type; matched words are marked; the URL holds the query.
    tab.wait_for_element("#q").unwrap().click().unwrap();
    tab.type_str("water treaty").unwrap();
    wait_until(
        tab,
        "location.search.includes('q=water+treaty') && document.querySelectorAll('.results mark').length > 0 && !document.getElementById('main').hasAttribute('aria-busy')",
        "results for the typed query",
    );
    let marks = eval(
        tab,
        "[...document.querySelectorAll('.results mark')].map(m => m.textContent.toLowerCase())",
    );
    for m in marks.as_array().unwrap() {
        let m = m.as_str().unwrap();
        assert!(m.starts_with("water") || m.starts_with("treat"), "{m}");
    }
    let first_title = text(
        tab,
        "document.querySelector('.results .brief h2').textContent",
    );
    assert_eq!(first_title, "Helmand Water Treaty Talks Stall");
    assert_eq!(
        text(tab, "document.activeElement.id"),
        "q",
        "focus stays in the box"
    );
    shot(tab, "02-typed.png");

    // 3. Ticking a facet filters; the chip and the URL show it; counts stay live.
    let before = text(tab, "document.getElementById('status').textContent");
    tab.wait_for_element("fieldset[data-group='regions'] input[data-value='Iran']")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        tab,
        "location.search.includes('region=Iran') && [...document.querySelectorAll('.chip')].some(c => c.textContent.includes('Region: Iran')) && !document.getElementById('main').hasAttribute('aria-busy')",
        "the region filter",
    );
    assert!(eval(tab, &format!("{IRAN}.checked")) == true);
    let after = text(tab, "document.getElementById('status').textContent");
    assert_ne!(before, after, "the counts change with the filter");
    shot(tab, "03-facet.png");

    // 4. A misspelt name is corrected, and the page says so.
    tab.wait_for_element("#q").unwrap().click().unwrap();
    eval(tab, "document.getElementById('q').select()");
    tab.type_str("Mutaqi").unwrap();
    wait_until(
        tab,
        "!!document.querySelector('.correction') && !document.getElementById('main').hasAttribute('aria-busy')",
        "the typo correction",
    );
    let notice = text(tab, "document.querySelector('.correction').textContent");
    assert!(
        notice.contains("Mutaqi") && notice.contains("Muttaqi"),
        "{notice}"
    );
    shot(tab, "04-typo.png");

    // 5. Opening a brief shows its title, passages and the passage that matched.
    let title = text(
        tab,
        "document.querySelector('.results .brief h2 a').textContent",
    );
    tab.wait_for_element(".results .brief h2 a")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        tab,
        "location.pathname.startsWith('/brief/') && !!document.querySelector('.brief-page h1')",
        "the brief page",
    );
    assert_eq!(
        text(tab, "document.querySelector('.brief-page h1').textContent"),
        title
    );
    assert!(
        eval(
            tab,
            "document.querySelectorAll('.brief-body p.passage').length"
        )
        .as_u64()
        .unwrap()
            >= 2
    );
    assert!(text(tab, "document.querySelector('.brief-page').textContent").contains("Muttaqi"));
    shot(tab, "05-brief.png");

    // 6. An entity on the brief page opens the entity page: the briefs that mention it.
    tab.wait_for_element(".brief-side .entities a")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        tab,
        "location.pathname.startsWith('/entity/') && !!document.querySelector('.brief-page h1') && document.querySelectorAll('.results .brief').length > 0",
        "the entity page",
    );
    let entity = text(tab, "document.querySelector('.brief-page h1').textContent");
    assert_eq!(entity, "Amir Khan Muttaqi");
    assert_eq!(
        text(
            tab,
            "document.querySelector('.results .brief h2').textContent"
        ),
        title
    );
    shot(tab, "06-entity.png");

    // 7. Back twice returns to the filtered search, rebuilt from the URL.
    eval(tab, "history.back()");
    wait_until(
        tab,
        "location.pathname.startsWith('/brief/') && !!document.querySelector('.brief-page h1')",
        "the brief page again",
    );
    eval(tab, "history.back()");
    wait_until(
        tab,
        &format!("location.pathname === '/' && !!{IRAN} && {IRAN}.checked && document.getElementById('q').value === 'Mutaqi'"),
        "the search after going back",
    );
    shot(tab, "07-back.png");

    // 8. The timeline view: dated events of the matching briefs, oldest first, by year.
    tab.navigate_to(&format!("{base}/")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        "document.querySelectorAll('.results .brief').length > 0",
        "the first page again",
    );
    tab.wait_for_element("nav.views a[data-view='timeline']")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        tab,
        "location.pathname === '/timeline' && document.querySelectorAll('.timeline .events li').length > 0",
        "the timeline",
    );
    let dates = eval(
        tab,
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
    shot(tab, "08-timeline.png");

    // 9. The keyboard: `/` focuses the search box from anywhere; text is escaped.
    eval(tab, "document.activeElement.blur()");
    tab.press_key("/").unwrap();
    assert_eq!(text(tab, "document.activeElement.id"), "q");
    tab.navigate_to(&format!(
        "{base}/?q=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E"
    ))
    .unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        "document.getElementById('status').textContent.includes('<img')",
        "the escaped query",
    );
    assert_eq!(
        eval(tab, "document.querySelectorAll('#main img').length"),
        0,
        "markup in a query stays text"
    );

    // 10. On a phone's width the layout is one column and the filters fold away.
    set_viewport(tab, 390, 844, true);
    tab.navigate_to(&format!("{base}/?q=water")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        "document.querySelectorAll('.results .brief').length > 0",
        "results on a phone",
    );
    assert_eq!(eval(tab, "document.getElementById('filters').open"), false);
    assert!(
        eval(
            tab,
            "document.documentElement.scrollWidth <= window.innerWidth"
        ) == true,
        "no sideways scrolling on a phone"
    );
    shot(tab, "09-phone.png");
    eprintln!("screenshots in {}", shots.display());
}
