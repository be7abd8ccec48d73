//! Ranking behaviours users rely on (issue 12, item 5), each on a small archive written here so
//! that one behaviour decides the order: all words first for short queries, exact names above
//! stemmed look-alikes, heading matches counting more. `tests/search_cli.rs` pins the others
//! on `tests/fixtures/archive`: title matches (`best_match_ranks_first_and_title_counts_more`,
//! `a_title_match_lifts_its_brief`), a long pasted question and all-words-first there
//! (`all_words_first_then_most_words`), exact forms (`stemming_and_exact_forms`) and the typo
//! fallback (`typo_tolerance_says_what_it_did`).

mod common;

use briefs::search::SearchResponse;

/// One saved-page brief: title, byline, date, kind, standfirst, then `body` (blank-line
/// separated blocks; a short capitalised line is a heading).
fn brief(title: &str, body: &str) -> String {
    format!(
        "{title}\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nA standfirst about the region.\n\n{body}\n"
    )
}

/// Ingests `files` (name, text) and returns a function running `briefs search`.
fn archive(files: &[(&str, String)]) -> (tempfile::TempDir, impl Fn(&[&str]) -> SearchResponse) {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    std::fs::create_dir_all(&arch).unwrap();
    for (name, text) in files {
        std::fs::write(arch.join(name), text).unwrap();
    }
    common::briefs()
        .current_dir(d.path())
        .args(["ingest", "arch", "--index", "idx"])
        .assert()
        .success();
    let dir = d.path().to_path_buf();
    let search = move |args: &[&str]| {
        let mut all = vec!["search", "--index", "idx"];
        all.extend_from_slice(args);
        serde_json::from_value(common::json(&all, &dir)).unwrap()
    };
    (d, search)
}

/// A passage with both words of a two-word query ranks above one that repeats one word,
/// though the repetition earns the higher BM25 score (the same query with `OR` between the
/// words shows the scores: there the repeated word ranks first).
#[test]
fn all_words_beat_a_repeated_word() {
    let (_d, search) = archive(&[
        (
            "a.txt",
            brief(
                "Crossing Points Review",
                "Dredging, dredging and more dredging: dredging crews worked all week.",
            ),
        ),
        (
            "b.txt",
            brief(
                "Port Budget Review",
                "The harbour authority said that after a long review of budgets, staffing, weather records and shipping schedules, some dredging could begin in the harbour next year once permits arrive.",
            ),
        ),
        (
            "c.txt",
            brief("Fishing Fleet Notes", "The harbour fleet stayed in port during the storm."),
        ),
        ("d.txt", brief("Ferry Notes", "Ferries left the harbour on time.")),
    ]);
    let any = search(&["dredging", "OR", "harbour"]);
    assert_eq!(
        any.hits[0].title, "Crossing Points Review",
        "{:?}",
        any.hits
    );
    let r = search(&["dredging", "harbour"]);
    assert_eq!(r.hits[0].title, "Port Budget Review", "{:?}", r.hits);
    assert!(r.hits[0].score < r.hits[1].score, "{:?}", r.hits);
    assert_eq!(r.matching, "some", "the partial matches still follow");
    assert_eq!(r.total_briefs, 4);
}

/// The exact form of a name ranks above its stemmed look-alike ("Haqqani" and "Haqqanis"
/// share the stem "haqqani").
#[test]
fn exact_name_beats_its_stemmed_lookalike() {
    let (_d, search) = archive(&[
        (
            "a.txt",
            brief(
                "Network Review",
                "Analysts say the Haqqanis expanded their reach last year.",
            ),
        ),
        (
            "b.txt",
            brief(
                "Ministry Review",
                "Analysts say the Haqqani ministry expanded its reach last year.",
            ),
        ),
    ]);
    let r = search(&["Haqqani"]);
    assert_eq!(r.total_briefs, 2, "the stemmed form still matches");
    assert_eq!(r.hits[0].title, "Ministry Review", "{:?}", r.hits);
    let r = search(&["Haqqanis"]);
    assert_eq!(r.hits[0].title, "Network Review", "{:?}", r.hits);
}

/// A word in the heading a passage sits under lifts that passage above the same text under
/// another heading.
#[test]
fn a_heading_match_counts_more() {
    let text = "Engineers expect the dredging to take two seasons.";
    let (_d, search) = archive(&[
        (
            "a.txt",
            brief("Harbour Works", &format!("Costs and Timing\n\n{text}")),
        ),
        (
            "b.txt",
            brief("Coastal Works", &format!("Dredging Schedule\n\n{text}")),
        ),
    ]);
    let r = search(&["dredging"]);
    assert_eq!(
        r.hits[0].heading.as_deref(),
        Some("Dredging Schedule"),
        "{:?}",
        r.hits
    );
    assert_eq!(r.hits[0].title, "Coastal Works");
    assert_eq!(r.total_briefs, 2);
}
