//! The real binary on a fixture archive: ingest, ranking, filters, facets, caps, typos,
//! incremental re-ingest, and the JSON schema decoded back into the library's types.

mod common;

use std::path::PathBuf;

use briefs::search::SearchResponse;
use common::briefs;
use serde_json::Value;

/// A copy of `tests/fixtures/archive` ingested into a temporary index.
struct Fixture {
    dir: tempfile::TempDir,
}

impl Fixture {
    fn new() -> Fixture {
        let dir = tempfile::tempdir().unwrap();
        common::copy_dir(&common::fixture("archive"), &dir.path().join("archive"));
        let f = Fixture { dir };
        let r = f.ingest(&[]);
        assert_eq!(r["briefs_total"], 8, "{r}");
        f
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn ingest(&self, extra: &[&str]) -> Value {
        let mut args = vec!["ingest", "archive", "--index", "idx"];
        args.extend_from_slice(extra);
        common::json(&args, self.dir.path())
    }

    fn search(&self, args: &[&str]) -> SearchResponse {
        let mut all = vec!["search", "--index", "idx"];
        all.extend_from_slice(args);
        let v = common::json(&all, self.dir.path());
        serde_json::from_value(v.clone()).unwrap_or_else(|e| panic!("schema mismatch: {e}\n{v}"))
    }

    fn titles(&self, args: &[&str]) -> Vec<String> {
        let mut seen = Vec::new();
        for h in self.search(args).hits {
            if !seen.contains(&h.title) {
                seen.push(h.title);
            }
        }
        seen
    }
}

const HELMAND: &str = "Helmand Water Treaty Talks Stall";
const BORDER: &str = "Border Security Deal Between Kabul and Tehran";
const REFUGEES: &str = "Refugee Returns from Pakistan";

#[test]
fn ingest_reports_files_briefs_and_skips() {
    let f = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    common::copy_dir(&common::fixture("archive"), &f.path("archive"));
    let r = f.ingest(&[]);
    assert_eq!(r["files_seen"], 7);
    assert_eq!(r["briefs_indexed"], 8);
    assert_eq!(
        r["skipped"].as_array().unwrap().len(),
        1,
        "the Word file is counted, not read"
    );
    assert!(r["skipped"][0]["path"]
        .as_str()
        .unwrap()
        .ends_with("annex.docx"));
    for key in ["discover", "read_parse", "index", "commit_merge"] {
        assert!(r["stages"][key].as_f64().is_some(), "stage {key}");
    }
    assert!(r["briefs_per_sec"].as_f64().unwrap() > 0.0);
}

#[test]
fn best_match_ranks_first_and_title_counts_more() {
    let f = Fixture::new();
    assert_eq!(f.titles(&["water", "treaty"])[0], HELMAND);
    let r = f.search(&["title:refugee"]);
    assert_eq!(r.total_briefs, 1);
    assert_eq!(r.hits[0].title, REFUGEES);
}

#[test]
fn all_words_first_then_most_words() {
    let f = Fixture::new();
    let r = f.search(&["border", "smuggling"]);
    assert_eq!(
        r.matching, "some",
        "one passage has both words, so partial matches fill the page"
    );
    let first = &r.hits[0];
    assert!(
        first.text.contains("smuggling") && first.text.contains("border"),
        "{first:?}"
    );
    assert!(r.total_passages > 1);
    // A long pasted question with a word absent from the archive still finds its answer.
    let q = "what did the foreign minister Muttaqi say about regular meetings continuing through the autumn xyzzyplugh";
    let r = f.search(&[q]);
    assert!(r.total_passages > 0);
    assert_eq!(r.hits[0].title, HELMAND);
    assert!(r.hits[0].text.contains("Muttaqi"));
}

#[test]
fn phrases_negation_and_or() {
    let f = Fixture::new();
    let r = f.search(&["\"joint patrols\""]);
    assert_eq!(r.total_passages, 1);
    assert!(r.hits[0].text.contains("joint patrols"));
    let r = f.search(&["border -smuggling", "--per-brief", "10"]);
    assert!(r.hits.iter().all(|h| !h.text.contains("smuggling")));
    assert_eq!(r.total_passages, 5);
    assert!(!r.hits.is_empty());
    let titles = f.titles(&["Aden", "OR", "Sohar"]);
    assert_eq!(titles.len(), 2, "{titles:?}");
}

#[test]
fn stemming_and_exact_forms() {
    let f = Fixture::new();
    // "meetings" finds the donor brief's "meeting".
    let titles = f.titles(&["meetings", "--limit", "20"]);
    assert!(
        titles.iter().any(|t| t.contains("Donor Conference")),
        "{titles:?}"
    );
    // The exact form outranks its stemmed look-alike.
    assert_eq!(f.search(&["meetings"]).hits[0].title, HELMAND);
    assert_eq!(
        f.search(&["meeting"]).hits[0].title,
        "Donor Conference on Syrian Reconstruction"
    );
}

#[test]
fn repeated_word_counts_more() {
    let f = Fixture::new();
    let a = f.search(&["tankers", "tankers", "shelters"]);
    let b = f.search(&["tankers", "shelters", "shelters"]);
    assert_eq!(a.hits[0].title, "Gulf Shipping Insurance Rises");
    assert_eq!(b.hits[0].title, REFUGEES);
}

#[test]
fn stopwords_are_scored_but_neither_required_nor_highlighted() {
    let f = Fixture::new();
    let plain = f.search(&["water", "treaty"]);
    let with_stopwords = f.search(&["the water of the treaty"]);
    assert_eq!(with_stopwords.matching, "all");
    assert_eq!(with_stopwords.total_passages, plain.total_passages);
    assert_eq!(with_stopwords.hits[0].title, plain.hits[0].title);
    for h in &with_stopwords.hits {
        for [s, e] in &h.highlights {
            let word = h.text[*s..*e].to_lowercase();
            assert!(word != "the" && word != "of", "{word} highlighted in {h:?}");
        }
    }
    // A query of stopwords alone still searches them, highlighted.
    let only = f.search(&["of the"]);
    assert!(only.total_passages > 0);
    assert!(!only.hits[0].highlights.is_empty());
    // Inside a phrase they count: no passage says "treaty the water".
    assert!(f.search(&["\"treaty the water\""]).hits.is_empty());
}

#[test]
fn titles_and_headings_are_highlighted_too() {
    let f = Fixture::new();
    let r = f.search(&["water", "treaty"]);
    let h = &r.hits[0];
    assert_eq!(h.title, HELMAND);
    assert!(!h.title_highlights.is_empty(), "{h:?}");
    for [s, e] in &h.title_highlights {
        let word = h.title[*s..*e].to_lowercase();
        assert!(word == "water" || word.starts_with("treat"), "{word}");
    }
    // A word of some passage's heading, searched, is highlighted in that heading.
    let any = f.search(&["water", "--per-brief", "100", "--limit", "100"]);
    let (heading, word) = any
        .hits
        .iter()
        .filter_map(|h| h.heading.clone())
        .find_map(|hd| {
            let w = hd
                .split(|c: char| !c.is_alphanumeric())
                .find(|w| w.len() >= 5)?
                .to_string();
            Some((hd, w))
        })
        .expect("the fixture archive has headings");
    let r = f.search(&[&word, "--per-brief", "100", "--limit", "100"]);
    let h = r
        .hits
        .iter()
        .find(|h| h.heading.as_deref() == Some(heading.as_str()))
        .expect("a passage under that heading matches its word");
    assert!(
        !h.heading_highlights.is_empty(),
        "{word} in {heading}: {h:?}"
    );
    let plain = f.search(&["Muscat"]);
    assert!(plain.hits.iter().all(|h| h
        .title_highlights
        .iter()
        .all(|[s, e]| { h.title[*s..*e].eq_ignore_ascii_case("muscat") })));
}

#[test]
fn highlights_cover_matched_words() {
    let f = Fixture::new();
    let r = f.search(&["meetings", "treaty"]);
    let h = &r.hits[0];
    assert!(!h.highlights.is_empty());
    for [s, e] in &h.highlights {
        let word = h.text[*s..*e].to_lowercase();
        assert!(
            word.starts_with("meeting") || word.starts_with("treat"),
            "{word}"
        );
    }
}

#[test]
fn filters_combine_and_repeat() {
    let f = Fixture::new();
    let all = |args: &[&str]| {
        let mut a = vec!["", "--limit", "50"];
        a.extend_from_slice(args);
        let mut t = f.titles(&a);
        t.sort();
        t
    };
    assert_eq!(all(&["--region", "iran"]), vec![BORDER, HELMAND]);
    assert_eq!(
        all(&["--region", "Iraq", "--region", "Oman"]).len(),
        2,
        "same flag twice is OR"
    );
    assert_eq!(
        all(&["--region", "afghanistan", "--topic", "border security"]),
        vec![BORDER],
        "different flags AND"
    );
    assert_eq!(all(&["--author", "farahani"]), vec![BORDER, HELMAND]);
    assert_eq!(all(&["--author", "Samira Haddad"]).len(), 2);
    assert_eq!(all(&["--kind", "brief analysis"]).len(), 3);
    assert_eq!(
        all(&["--since", "2022", "--until", "2022-06"]),
        vec![BORDER]
    );
    assert_eq!(all(&["--since", "2023"]).len(), 2);
    assert_eq!(
        all(&["--until", "2015-04-01"]),
        vec!["Yemen Ceasefire Monitors"]
    );
    assert_eq!(
        all(&["region:iran", "topic:\"energy & water\""]),
        vec![HELMAND]
    );
}

#[test]
fn empty_query_browses_newest_first() {
    let f = Fixture::new();
    let r = f.search(&["--region", "Afghanistan"]);
    assert_eq!(r.matching, "browse");
    let titles: Vec<_> = r.hits.iter().map(|h| h.title.as_str()).collect();
    assert_eq!(titles, vec![REFUGEES, HELMAND, BORDER]);
    assert_eq!(r.total_briefs, 3);
}

#[test]
fn sort_by_date() {
    let f = Fixture::new();
    let r = f.search(&[
        "imports", "OR", "premiums", "OR", "monitors", "--sort", "date",
    ]);
    let dates: Vec<_> = r.hits.iter().map(|h| h.date.clone().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort_by(|a, b| b.cmp(a));
    assert_eq!(dates, sorted);
    assert!(dates.len() >= 3);
}

#[test]
fn per_brief_cap() {
    let f = Fixture::new();
    let r = f.search(&["border"]);
    assert_eq!(
        r.hits.len(),
        2,
        "default cap of two passages from one brief"
    );
    assert_eq!(r.total_passages, 6);
    assert_eq!(r.total_briefs, 1);
    assert_eq!(f.search(&["border", "--per-brief", "4"]).hits.len(), 4);
}

#[test]
fn facets_count_briefs_with_multi_select() {
    let f = Fixture::new();
    let r = f.search(&["", "--facets"]);
    let facets = r.facets.unwrap();
    assert_eq!(facets.regions.get("Afghanistan"), 3);
    assert_eq!(facets.authors.get("Samira Haddad"), 2);
    assert_eq!(facets.kinds.get("Brief Analysis"), 3);
    assert_eq!(facets.years.get("2022"), 2);
    // Filtering on a region keeps the other regions' counts (multi-select) but narrows topics.
    let r = f.search(&["", "--facets", "--region", "Iran"]);
    let facets = r.facets.unwrap();
    assert_eq!(r.total_briefs, 2);
    assert_eq!(facets.regions.get("Pakistan"), 1);
    assert_eq!(facets.regions.get("Qatar"), 2);
    assert_eq!(facets.topics.get("Migration"), 0);
    assert_eq!(facets.topics.get("Border Security"), 1);
    // Passages matched many times in one brief still count that brief once.
    let r = f.search(&["border", "--facets"]);
    assert_eq!(r.facets.unwrap().regions.get("Iran"), 1);
}

#[test]
fn typo_tolerance_says_what_it_did() {
    let f = Fixture::new();
    let r = f.search(&["Mutaqi"]);
    assert_eq!(r.corrections.len(), 1);
    assert_eq!(r.corrections[0].from, "Mutaqi");
    assert_eq!(r.corrections[0].to, "Muttaqi");
    assert_eq!(r.hits[0].title, HELMAND);
    let out = briefs()
        .current_dir(f.dir.path())
        .args(["search", "--index", "idx", "Mutaqi"])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&out.stdout).contains("no results for Mutaqi; showing Muttaqi"));
    // Long words allow two edits.
    let r = f.search(&["reconstrcution"]);
    assert_eq!(r.corrections[0].to, "reconstruction");
}

#[test]
fn summaries_are_searchable() {
    let f = Fixture::new();
    let r = f.search(&["premiums", "tankers", "smaller"]);
    assert_eq!(r.hits[0].passage, None, "the standfirst is the best hit");
}

#[test]
fn no_results_exit_one_and_errors_exit_two() {
    let f = Fixture::new();
    let run = |args: &[&str]| {
        briefs()
            .current_dir(f.dir.path())
            .args(["search", "--index", "idx"])
            .args(args)
            .output()
            .unwrap()
    };
    assert_eq!(run(&["qqqqzzzz"]).status.code(), Some(1));
    let bad = run(&["x", "--since", "last tuesday"]);
    assert_eq!(bad.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&bad.stderr).contains("YYYY"));
    assert_eq!(run(&["x", "--limit", "100000"]).status.code(), Some(2));
    let missing = briefs()
        .args(["search", "--index", "/nonexistent/idx", "x"])
        .output()
        .unwrap();
    assert_eq!(missing.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&missing.stderr).contains("run `briefs ingest` first"));
}

#[test]
fn show_and_stats() {
    let f = Fixture::new();
    let hit = f.search(&["water", "treaty"]).hits[0].clone();
    let id = hit.brief_id.clone();
    let v = common::json(&["show", &id, "--index", "idx"], f.dir.path());
    let brief: briefs::Brief = serde_json::from_value(v).unwrap();
    assert_eq!(brief.title, HELMAND);
    assert_eq!(brief.passages.len(), 3);
    // Passage texts are stored once, on the passage documents, and put back into the brief.
    assert!(brief.passages.iter().all(|p| !p.text.is_empty()));
    let k = hit.passage.expect("a passage hit");
    assert_eq!(brief.passages[k].text, hit.text);
    let out = briefs()
        .current_dir(f.dir.path())
        .args(["show", "nope", "--index", "idx"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let s = common::json(&["stats", "--index", "idx"], f.dir.path());
    assert_eq!(s["briefs"], 8);
    assert_eq!(s["passages"], 15);
    assert_eq!(s["schema_version"], briefs::index::schema::SCHEMA_VERSION);
    assert!(s["bytes"].as_u64().unwrap() > 0);
    assert!(s["segments"].as_u64().unwrap() >= 1);
    assert!(s["last_ingest"].as_str().unwrap().starts_with("20"));
}

#[test]
fn incremental_reingest_edit_delete_rebuild() {
    let f = Fixture::new();
    let again = f.ingest(&[]);
    assert_eq!(again["files_read"], 0);
    assert_eq!(again["files_unchanged"], 7);
    assert_eq!(again["briefs_total"], 8);

    let p = f.path("archive/helmand-water.txt");
    let text = std::fs::read_to_string(&p)
        .unwrap()
        .replace("Reservoir levels", "Groundwater pumping");
    std::fs::write(&p, text).unwrap();
    let r = f.ingest(&[]);
    assert_eq!(r["files_read"], 1);
    assert_eq!(r["briefs_total"], 8, "an edited file replaces its brief");
    assert_eq!(f.search(&["groundwater"]).total_briefs, 1);
    assert_eq!(f.search(&["\"reservoir levels\""]).total_passages, 0);

    std::fs::remove_file(f.path("archive/gulf-shipping.txt")).unwrap();
    let r = f.ingest(&[]);
    assert_eq!(r["files_removed"], 1);
    assert_eq!(r["briefs_removed"], 1);
    assert_eq!(r["briefs_total"], 7);
    assert_eq!(f.search(&["tankers"]).total_passages, 0);

    let r = f.ingest(&["--rebuild"]);
    assert_eq!(r["files_read"], 6);
    assert_eq!(r["briefs_total"], 7);
}

#[test]
fn moved_archive_keeps_ids_and_never_duplicates() {
    let f = Fixture::new();
    let before = f.search(&["water", "treaty"]).hits[0].brief_id.clone();
    std::fs::rename(f.path("archive"), f.path("moved")).unwrap();
    let r = common::json(&["ingest", "moved", "--index", "idx"], f.dir.path());
    assert_eq!(r["briefs_total"], 8, "same ids: replaced, not duplicated");
    assert_eq!(f.search(&["water", "treaty"]).hits[0].brief_id, before);
}

#[test]
fn other_schema_version_asks_for_rebuild() {
    let f = Fixture::new();
    std::fs::write(f.path("idx/briefs-index.json"), r#"{"schema_version":999}"#).unwrap();
    let out = briefs()
        .current_dir(f.dir.path())
        .args(["search", "--index", "idx", "water"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--rebuild"));
    let r = f.ingest(&["--rebuild"]);
    assert_eq!(r["briefs_total"], 8);
}

/// `briefs demo` owns index/: one written by another schema version is rebuilt, with a note,
/// where every other command refuses it (the test above).
#[test]
fn demo_rebuilds_its_index_of_another_schema_version() {
    let d = tempfile::tempdir().unwrap();
    common::copy_dir(&common::fixture("archive"), &d.path().join("corpus"));
    let first = briefs()
        .current_dir(d.path())
        .args(["demo", "water"])
        .output()
        .unwrap();
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    std::fs::write(
        d.path().join("index/briefs-index.json"),
        r#"{"schema_version":999}"#,
    )
    .unwrap();
    let again = briefs()
        .current_dir(d.path())
        .args(["demo", "water"])
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&again.stderr);
    assert!(again.status.success(), "{stderr}");
    assert!(stderr.contains("schema version 999"), "{stderr}");
    let stdout = String::from_utf8_lossy(&again.stdout);
    assert!(stdout.contains("8 briefs"), "{stdout}");
}

/// A word in a brief's title lifts that brief's passages above a passage of another brief
/// that has the word only in its text, all else equal (issue 12 keeps "title matches count
/// more" while lowering the title's weight).
#[test]
fn a_title_match_lifts_its_brief() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    std::fs::create_dir_all(&arch).unwrap();
    let brief = |title: &str, body: &str| {
        format!("{title}\n\nby Ann Lee\n\nMar 3, 2023\n\nBrief Analysis\n\nA standfirst about ports.\n\n{body}\n")
    };
    std::fs::write(
        arch.join("a.txt"),
        brief(
            "Harbour Dredging Plans",
            "Officials discussed dredging along the coast.",
        ),
    )
    .unwrap();
    std::fs::write(
        arch.join("b.txt"),
        brief(
            "Coastal Works Review",
            "Officials discussed dredging along the coast.",
        ),
    )
    .unwrap();
    common::briefs()
        .current_dir(d.path())
        .args(["ingest", "arch", "--index", "idx"])
        .assert()
        .success();
    let r = common::json(&["search", "dredging", "--index", "idx"], d.path());
    assert_eq!(r["hits"][0]["title"], "Harbour Dredging Plans", "{r}");
}

/// Stems and exact forms share one field: a plain word finds its other forms, a quoted phrase
/// only the exact ones, and a typo is corrected to a word of the text, never to a stem.
#[test]
fn phrases_match_exact_forms_and_typos_correct_to_words() {
    let f = Fixture::new();
    let meet = f.titles(&["meeting"]);
    assert!(meet.contains(&HELMAND.to_string()), "{meet:?}");
    assert_eq!(
        f.titles(&["\"regular meetings\""]),
        vec![HELMAND.to_string()]
    );
    assert!(f.search(&["\"regular meeting\""]).hits.is_empty());
    let r = f.search(&["meetngs"]);
    assert_eq!(
        r.corrections[0].to, "meetings",
        "a word, not the stem `meet`"
    );
}

/// `--codec` picks the document store's compression when the index is created; an index
/// written with another is refused unless `--rebuild` writes it again.
#[test]
fn codec_is_chosen_at_creation_and_changed_by_rebuild() {
    let f = Fixture {
        dir: tempfile::tempdir().unwrap(),
    };
    common::copy_dir(&common::fixture("archive"), &f.path("archive"));
    let r = f.ingest(&["--codec", "best_compression"]);
    assert_eq!(r["briefs_total"], 8, "{r}");
    let meta = || std::fs::read_to_string(f.path("idx/meta.json")).unwrap();
    assert!(meta().contains("zstd"), "{}", meta());
    assert_eq!(
        f.titles(&["\"regular meetings\""]),
        vec![HELMAND.to_string()]
    );
    // The same codec, or none, keeps the index.
    assert_eq!(
        f.ingest(&["--codec", "best_compression"])["briefs_total"],
        8
    );
    assert_eq!(f.ingest(&[])["briefs_total"], 8);
    let out = briefs()
        .current_dir(f.dir.path())
        .args(["ingest", "archive", "--index", "idx", "--codec", "default"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--rebuild") && err.contains("best_compression"),
        "{err}"
    );
    let r = f.ingest(&["--codec", "default", "--rebuild"]);
    assert_eq!(r["briefs_total"], 8, "{r}");
    assert!(meta().contains("lz4"), "{}", meta());
    assert_eq!(
        f.titles(&["\"regular meetings\""]),
        vec![HELMAND.to_string()]
    );
}

/// A one-word search's totals are exact up to `--track-total-hits` passages and lower bounds
/// past it, while its hits (taken from a pruned top-k pass) stay those of a search that counts
/// everything; so are those of several words when too few passages hold them all and the
/// search falls back to passages with some of them (one union of terms, pruned alike);
/// searches that score every match anyway (all of several words, phrases, exclusions,
/// filters) and facets count exactly.
#[test]
fn totals_past_track_total_hits_are_lower_bounds_with_the_same_hits() {
    let f = Fixture::new();
    let ids = |r: &SearchResponse| -> Vec<(String, Option<usize>)> {
        r.hits
            .iter()
            .map(|h| (h.brief_id.clone(), h.passage))
            .collect()
    };
    let totals = |r: &SearchResponse| (r.total_passages, r.total_briefs, r.total_relation.clone());
    for (q, tracked) in [
        (vec!["the"], true),
        (vec!["Kabul"], true),
        (vec!["the", "--sort", "date"], true),
        (vec!["water", "--region", "Afghanistan"], false),
        (vec!["water talks"], false),
        (vec!["Kabul water"], true),
        (vec!["\"water treaty\""], false),
        (vec!["the -Kabul"], false),
    ] {
        let with = |extra: &[&str]| {
            let mut args = q.clone();
            args.extend_from_slice(extra);
            f.search(&args)
        };
        let exact = with(&["--track-total-hits", "1000000000"]);
        assert_eq!(exact.total_relation, "eq", "{q:?}");
        if q == ["Kabul water"] {
            assert_eq!(
                exact.matching, "some",
                "{q:?} falls back to some of its words"
            );
        }
        assert!(
            exact.total_passages > 1,
            "{q:?} must match more than the limits below"
        );
        for limit in ["0", "1"] {
            let r = with(&["--track-total-hits", limit]);
            assert_eq!(
                ids(&r),
                ids(&exact),
                "{q:?} with {limit}: same hits, same order"
            );
            if tracked {
                let n: u64 = limit.parse().unwrap();
                assert_eq!(r.total_relation, "gte", "{q:?} with {limit}");
                assert_eq!(r.total_passages, n, "{q:?} with {limit}");
                assert!(r.total_briefs <= exact.total_briefs, "{q:?} with {limit}");
            } else {
                assert_eq!(totals(&r), totals(&exact), "{q:?} with {limit}");
            }
        }
        let faceted = with(&["--track-total-hits", "1", "--facets"]);
        assert_eq!(
            totals(&faceted),
            totals(&exact),
            "{q:?}: facets count every match"
        );
    }
    let out = briefs()
        .current_dir(f.dir.path())
        .args(["search", "--index", "idx", "the", "--track-total-hits", "3"])
        .output()
        .unwrap();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("3+ passages in"), "{text}");
}
