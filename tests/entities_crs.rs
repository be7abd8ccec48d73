//! The entities view of real searches over the 92 CRS pages in `corpus/crs/` (issue 14):
//! agencies, committees and courts are listed as organisations, Members of Congress and
//! Justices as people, states and countries as places, and the page words, codes and titles
//! that real text is full of are not listed at all. The lists were read by eye; these checks
//! pin what was right and what used to go wrong.

mod common;

use briefs::search::EntitiesResponse;
use briefs::EntityKind::{self, Organization as O, Person as P, Place as L};

fn index() -> tempfile::TempDir {
    let d = tempfile::tempdir().unwrap();
    let crs = common::root().join("corpus/crs");
    common::json(
        &["ingest", crs.to_str().unwrap(), "--index", "idx"],
        d.path(),
    );
    d
}

/// The top `top` entities of the briefs matching `query`: (name, kind).
fn view(d: &tempfile::TempDir, query: &str, top: usize) -> Vec<(String, EntityKind)> {
    let top = top.to_string();
    let r: EntitiesResponse = serde_json::from_value(common::json(
        &["entities", query, "--top", &top, "--index", "idx"],
        d.path(),
    ))
    .unwrap();
    r.entities.into_iter().map(|e| (e.name, e.kind)).collect()
}

fn assert_has(v: &[(String, EntityKind)], name: &str, kind: EntityKind) {
    assert!(
        v.iter().any(|(n, k)| n == name && *k == kind),
        "{name} ({kind:?}) missing from {v:?}"
    );
}

fn assert_lacks(v: &[(String, EntityKind)], name: &str) {
    assert!(
        !v.iter().any(|(n, _)| n == name),
        "{name} should not be listed: {v:?}"
    );
}

#[test]
fn crs_entity_views_list_bodies_members_and_places_as_such() {
    let d = index();

    let v = view(&d, "Speaker election", 15);
    assert_has(&v, "House", O);
    assert_has(&v, "Congress", O);
    assert_has(&v, "Congressional Research Service", O);
    assert_has(&v, "Nancy Pelosi", P);
    assert_has(&v, "Kevin McCarthy", P);
    assert_lacks(&v, "See Precedents");
    assert_lacks(&v, "See Congressional Record");
    assert_lacks(&v, "Hundred Nineteenth");
    assert_lacks(&v, "Speaker");

    let v = view(&d, "Supreme Court nomination", 25);
    assert_has(&v, "Supreme Court", O);
    assert_has(&v, "Senate Judiciary Committee", O);
    assert_has(&v, "Ketanji Brown Jackson", P);
    assert_has(&v, "Samuel A. Alito, Jr.", P);
    assert_lacks(&v, "Nomination");

    let v = view(&d, "tariffs Mexico", 12);
    assert_has(&v, "Mexico", L);
    assert_has(&v, "Canada", L);
    assert_has(&v, "Office of the U.S. Trade Representative", O);
    assert_has(&v, "European Union", O);
    assert_lacks(&v, "Mexican");

    let v = view(&d, "seabed mining", 12);
    assert_has(&v, "International Seabed Authority", O);
    assert_has(&v, "National Oceanic and Atmospheric Administration", O);
    assert_has(&v, "Lockheed Martin", O);
    assert_lacks(&v, "Federal Register");

    let v = view(&d, "Army vehicle", 12);
    assert_has(&v, "Army", O);
    assert_has(&v, "Fort Irwin", L);
    for code in ["C-UAS", "Typhon MRC", "Bradley Fighting Vehicle"] {
        assert_lacks(&v, code);
    }

    let v = view(&d, "Iran nuclear", 10);
    assert_has(&v, "Iran", L);
    assert_has(&v, "Donald Trump", P);
    // Adjectival "U.S." does not crowd the view as a place of its own.
    assert_lacks(&v, "U.S.");

    // Across all briefs: no agency or chamber listed as a person or a place.
    let all = view(&d, "", 200);
    for (name, kind) in &all {
        let body = [
            "Committee",
            "Department",
            "Agency",
            "Administration",
            "Senate",
            "House",
        ]
        .iter()
        .any(|w| name.split_whitespace().any(|x| x == *w));
        assert!(
            !(body && *kind != O),
            "{name} listed as {kind:?} in {all:?}"
        );
    }
}
