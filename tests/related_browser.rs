//! The brief page in headless Chromium lists "Related briefs", "Cites" and "Cited by", and a
//! related brief opens its own page (issue 16, item 5). Screenshot in `target/screenshots/`.
//! Skips with a reason when `/usr/bin/chromium` is absent (fails under `CI=true`).

mod common;

use common::browser::{self, shot, text, wait_until};
use common::serve::{add_synth, workspace, Server};

#[test]
fn brief_page_lists_related_briefs() {
    if !browser::available() {
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

    let chromium = browser::launch();
    let tab = &chromium.tab;
    tab.navigate_to(&format!("{base}/brief/{id}")).unwrap();
    tab.wait_until_navigated().unwrap();
    wait_until(
        tab,
        "!!document.querySelector('.brief-side .related li a')",
        "the related briefs",
    );
    assert_eq!(
        text(
            tab,
            "document.querySelector('.brief-side .related h2').textContent"
        ),
        "Related briefs"
    );
    assert_eq!(
        text(
            tab,
            "document.querySelector('.brief-side .related li a').textContent"
        ),
        top
    );
    shot(tab, "20-related.png");
    // A related brief opens its own page.
    tab.wait_for_element(".brief-side .related li a")
        .unwrap()
        .click()
        .unwrap();
    wait_until(
        tab,
        &format!(
            "document.querySelector('.brief-page h1') && document.querySelector('.brief-page h1').textContent === {}",
            serde_json::to_string(&top).unwrap()
        ),
        "the related brief's page",
    );
}
