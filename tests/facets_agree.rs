//! Filters and facets agree (issue 12, items 3 and 4): for every facet value with count n in
//! a response, choosing that value (in place of its group's own filter: multi-select) returns
//! exactly n briefs, in `total_briefs` and in the distinct briefs of the hits, for every facet
//! group, entities included. Queries are drawn from the fixture archive's words, filters from
//! its facet values. The archive adds briefs that name people only by surname, one
//! unambiguous ("Muttaqi") and one ambiguous ("Jaff"), and two authors whose names differ by
//! an initial.

mod common;

use std::collections::HashSet;
use std::path::PathBuf;
use std::sync::OnceLock;

use briefs::index::{ingest, IngestOptions, NoProgress};
use briefs::search::request::Param;
use briefs::search::{Engine, EntitiesRequest, SearchRequest, SearchResponse};
use proptest::prelude::*;

/// Briefs written by this test (prose of our own): surnames alone, two people who share one,
/// "Aaron Y. Zelin" beside "Aaron Zelin", and a region spelled "IRAQ".
const EXTRA: &[(&str, &str)] = &[
    (
        "surname.txt",
        "Doha Envoys Weigh Water Terms\n\nby Aaron Y. Zelin\n\nMay 2, 2023\n\nBrief Analysis\n\nA standfirst about envoys.\n\nMuttaqi met envoys in Doha to discuss the water treaty.\n\nThe envoys asked for flow data before the next round.\n\nTOPICS\n\nEnergy & Water\n\nREGIONS & COUNTRIES\n\nAfghanistan\n",
    ),
    (
        "jaff-a.txt",
        "Erbil Council Shuffle\n\nby Omar Haddad\n\nJan 9, 2024\n\nPolicyWatch\n\nA standfirst about councils.\n\nKarwan Jaff chaired the council session in Erbil.\n\nThe session ended without a budget vote.\n\nTOPICS\n\nArab & Islamic Politics\n\nREGIONS & COUNTRIES\n\nIraq\n",
    ),
    (
        "jaff-b.txt",
        "Sulaymaniyah Trade Fair Opens\n\nby Omar Haddad\n\nFeb 1, 2024\n\nPolicyWatch\n\nA standfirst about trade.\n\nDarya Jaff opened the trade fair in Sulaymaniyah.\n\nExhibitors reported strong interest from Iranian buyers.\n\nTOPICS\n\nArab & Islamic Politics\n\nREGIONS & COUNTRIES\n\nIRAQ\n",
    ),
    (
        "jaff-c.txt",
        "Budget Talks Resume in Erbil\n\nby Aaron Zelin\n\nMar 5, 2024\n\nPolicyWatch\n\nA standfirst about budgets.\n\nMinister Jaff said the budget talks would resume after the holiday.\n\nThe council expects a vote in spring.\n\nTOPICS\n\nArab & Islamic Politics\n\nREGIONS & COUNTRIES\n\nIraq\n",
    ),
];

struct Archive {
    _dir: tempfile::TempDir,
    engine: Engine,
    words: Vec<String>,
    values: Vec<(Facet, String)>,
}

/// A facet group, as the response names it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Facet {
    Topic,
    Region,
    Author,
    Kind,
    Year,
    Person,
    Organization,
    Place,
}

const FACETS: [Facet; 8] = [
    Facet::Topic,
    Facet::Region,
    Facet::Author,
    Facet::Kind,
    Facet::Year,
    Facet::Person,
    Facet::Organization,
    Facet::Place,
];

fn counts(r: &SearchResponse, f: Facet) -> Vec<(String, u64)> {
    let facets = r.facets.as_ref().expect("facets asked for");
    let c = match f {
        Facet::Topic => &facets.topics,
        Facet::Region => &facets.regions,
        Facet::Author => &facets.authors,
        Facet::Kind => &facets.kinds,
        Facet::Year => &facets.years,
        Facet::Person => &facets.people,
        Facet::Organization => &facets.organizations,
        Facet::Place => &facets.places,
    };
    c.0.clone()
}

/// `req` with `value` chosen in `f`'s filter group, replacing that group's own values.
fn choose(req: &SearchRequest, f: Facet, value: &str) -> SearchRequest {
    let mut r = req.clone();
    let mut set = |p: Param| {
        r.filters.insert(p, vec![value.to_string()]);
    };
    match f {
        Facet::Topic => set(Param::Topic),
        Facet::Region => set(Param::Region),
        Facet::Author => set(Param::Author),
        Facet::Kind => set(Param::Kind),
        Facet::Year => {
            set(Param::Since);
            set(Param::Until);
        }
        Facet::Person | Facet::Organization | Facet::Place => set(Param::Entity),
    }
    r
}

fn archive() -> &'static Archive {
    static A: OnceLock<Archive> = OnceLock::new();
    A.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        let extra = dir.path().join("extra");
        std::fs::create_dir_all(&extra).unwrap();
        for (name, text) in EXTRA {
            std::fs::write(extra.join(name), text).unwrap();
        }
        let idx = dir.path().join("idx");
        let roots: Vec<PathBuf> = vec![
            common::fixture("archive"),
            common::fixture("parse"),
            extra.clone(),
        ];
        let opts = IngestOptions {
            roots: roots.clone(),
            index_dir: idx.clone(),
            ..IngestOptions::default()
        };
        ingest(&opts, &NoProgress).unwrap();
        let engine = Engine::open(&idx).unwrap();
        let mut words: Vec<String> = Vec::new();
        for root in &roots {
            for e in walk(root) {
                let text = std::fs::read_to_string(&e).unwrap_or_default();
                for w in text.split(|c: char| !c.is_alphabetic()) {
                    let w = w.to_lowercase();
                    if w.chars().count() >= 4 && !words.contains(&w) {
                        words.push(w);
                    }
                }
            }
        }
        words.sort();
        let all = browse_with_facets(&engine);
        let mut values = Vec::new();
        for f in FACETS {
            for (v, _) in counts(&all, f) {
                values.push((f, v));
            }
        }
        Archive {
            _dir: dir,
            engine,
            words,
            values,
        }
    })
}

fn walk(root: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(root).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x != "docx") {
            out.push(p);
        }
    }
    out
}

/// Distinct briefs among every hit of `req`, one passage per brief.
fn distinct_briefs(engine: &Engine, req: &SearchRequest) -> (u64, usize, String) {
    let r = engine
        .search(&SearchRequest {
            limit: 1000,
            per_brief: 1,
            facets: false,
            ..req.clone()
        })
        .unwrap();
    let ids: HashSet<&str> = r.hits.iter().map(|h| h.brief_id.as_str()).collect();
    (r.total_briefs, ids.len(), r.matching)
}

/// Checks every facet value of `req`'s response; returns how many values were checked.
fn check(req: &SearchRequest) -> usize {
    check_on(&archive().engine, req)
}

/// The whole archive, browsed, with its facet counts.
fn browse_with_facets(engine: &Engine) -> briefs::search::SearchResponse {
    engine
        .search(&SearchRequest {
            facets: true,
            ..SearchRequest::default()
        })
        .unwrap()
}

fn check_on(engine: &Engine, req: &SearchRequest) -> usize {
    let base = SearchRequest {
        facets: true,
        limit: 1000,
        per_brief: 1,
        ..req.clone()
    };
    let r = engine.search(&base).unwrap();
    let mut checked = 0;
    for f in FACETS {
        for (value, n) in counts(&r, f) {
            let drill = choose(&base, f, &value);
            let (total, distinct, matching) = distinct_briefs(engine, &drill);
            // A query of several plain words ranks in two tiers, and the tier (which decides
            // what counts) is chosen per request: compare counts within one tier.
            if matching != r.matching && r.matching != "browse" {
                continue;
            }
            assert_eq!(
                total, n,
                "{f:?} {value:?} counts {n} briefs, the filter returns {total}: {drill:?}"
            );
            assert_eq!(
                distinct as u64, n,
                "{f:?} {value:?}: {n} briefs counted, {distinct} distinct in the hits: {drill:?}"
            );
            checked += 1;
        }
    }
    checked
}

#[derive(Debug, Clone)]
enum Q {
    Browse,
    Word(usize),
    Or(usize, usize),
    Words(usize, usize),
}

fn query_text(q: &Q, words: &[String]) -> String {
    let w = |i: &usize| words[i % words.len()].clone();
    match q {
        Q::Browse => String::new(),
        Q::Word(a) => w(a),
        Q::Or(a, b) => format!("{} OR {}", w(a), w(b)),
        Q::Words(a, b) => format!("{} {}", w(a), w(b)),
    }
}

fn queries() -> impl Strategy<Value = Q> {
    prop_oneof![
        Just(Q::Browse),
        any::<usize>().prop_map(Q::Word),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Q::Or(a, b)),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Q::Words(a, b)),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn every_facet_count_is_what_its_filter_returns(
        q in queries(),
        picks in proptest::collection::vec(any::<usize>(), 0..3),
    ) {
        let a = archive();
        let mut req = SearchRequest {
            query: query_text(&q, &a.words),
            ..SearchRequest::default()
        };
        for p in picks {
            let (f, v) = &a.values[p % a.values.len()];
            req = choose(&req, *f, v);
        }
        check(&req);
    }
}

/// The property above over fixed requests, so that it is known to check many values (a
/// property whose every case skipped would test nothing).
#[test]
fn browse_and_single_words_check_every_value() {
    let a = archive();
    let browse = check(&SearchRequest::default());
    assert!(browse > 40, "{browse} values checked");
    let mut filtered = SearchRequest::default();
    filtered
        .filters
        .insert(Param::Region, vec!["Iraq".to_string()]);
    assert!(check(&filtered) > 10);
    filtered.query = "council OR water".into();
    assert!(check(&filtered) > 5);
    assert!(a.words.len() > 100);
}

/// A brief that calls a person by surname alone counts under the one full name the archive
/// knows for it, in the facets, the filter and the entities view; a surname two people share
/// stays a name of its own.
#[test]
fn surnames_merge_into_the_one_full_name() {
    let a = archive();
    let all = browse_with_facets(&a.engine);
    let people = all.facets.unwrap().people;
    assert_eq!(people.get("Amir Khan Muttaqi"), 2, "{people:?}");
    assert_eq!(people.get("Muttaqi"), 0, "{people:?}");
    assert_eq!(people.get("Karwan Jaff"), 1, "{people:?}");
    assert_eq!(people.get("Darya Jaff"), 1, "{people:?}");
    assert_eq!(
        people.get("Jaff"),
        1,
        "an ambiguous surname stays apart: {people:?}"
    );

    let by = |name: &str| {
        let mut r = SearchRequest::default();
        r.filters.insert(Param::Entity, vec![name.to_string()]);
        a.engine.search(&r).unwrap().total_briefs
    };
    assert_eq!(by("Amir Khan Muttaqi"), 2);
    assert_eq!(by("muttaqi"), 2, "the surname finds both briefs");
    assert_eq!(by("Jaff"), 1, "a known name selects its own briefs");
    assert_eq!(by("Khan Muttaqi"), 2);

    let ents = a
        .engine
        .entities(&EntitiesRequest {
            search: SearchRequest::default(),
            kind: None,
            top: 500,
        })
        .unwrap();
    let row = ents
        .entities
        .iter()
        .find(|e| e.name == "Amir Khan Muttaqi")
        .expect("listed");
    assert_eq!(row.briefs, 2);
    assert!(row.mentions >= 2);
    assert!(!ents.entities.iter().any(|e| e.name == "Muttaqi"));
}

/// Re-ingests leave deleted documents in old segments and a brief's new version in a new
/// one: the counts and the filters still agree, and a deleted brief's names are gone.
#[test]
fn agreement_survives_edits_and_deletes() {
    let d = tempfile::tempdir().unwrap();
    let arch = d.path().join("arch");
    common::copy_dir(&common::fixture("archive"), &arch);
    let extra = arch.join("extra");
    std::fs::create_dir_all(&extra).unwrap();
    for (name, text) in EXTRA {
        std::fs::write(extra.join(name), text).unwrap();
    }
    let opts = IngestOptions {
        roots: vec![arch.clone()],
        index_dir: d.path().join("idx"),
        ..IngestOptions::default()
    };
    ingest(&opts, &NoProgress).unwrap();
    let p = arch.join("helmand-water.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    std::fs::write(&p, text.replace("Reservoir levels", "Groundwater pumping")).unwrap();
    std::fs::remove_file(extra.join("jaff-b.txt")).unwrap();
    ingest(&opts, &NoProgress).unwrap();
    let engine = Engine::open(&d.path().join("idx")).unwrap();
    assert!(check_on(&engine, &SearchRequest::default()) > 20);
    let words = SearchRequest {
        query: "groundwater OR council".into(),
        ..SearchRequest::default()
    };
    assert!(check_on(&engine, &words) > 5);
    let all = browse_with_facets(&engine);
    let people = all.facets.unwrap().people;
    assert_eq!(people.get("Darya Jaff"), 0, "{people:?}");
    assert_eq!(people.get("Amir Khan Muttaqi"), 2, "{people:?}");
    // With Darya Jaff gone, the lone surname has one full name left to stand for.
    assert_eq!(people.get("Karwan Jaff"), 2, "{people:?}");
}

/// An author the archive knows selects exactly that author; other names select the authors
/// whose names hold all their words ("zelin").
#[test]
fn author_names_select_like_their_facet() {
    let a = archive();
    let by = |name: &str| {
        let mut r = SearchRequest::default();
        r.filters.insert(Param::Author, vec![name.to_string()]);
        a.engine.search(&r).unwrap().total_briefs
    };
    assert_eq!(by("Aaron Zelin"), 1);
    assert_eq!(by("aaron y. zelin"), 1);
    assert_eq!(by("zelin"), 2);
    assert_eq!(by("Zelin Aaron"), 2, "words in any order");
    assert_eq!(by("Samira Zelin"), 0, "all words in one author's name");
}

/// Spellings a filter folds together are one facet value, in the spelling most briefs use.
#[test]
fn spellings_of_one_value_count_as_one() {
    let a = archive();
    let all = browse_with_facets(&a.engine);
    let regions = all.facets.unwrap().regions;
    assert_eq!(regions.get("IRAQ"), 0, "{regions:?}");
    let mut r = SearchRequest::default();
    r.filters.insert(Param::Region, vec!["Iraq".to_string()]);
    assert_eq!(
        a.engine.search(&r).unwrap().total_briefs,
        regions.get("Iraq")
    );
    assert!(regions.get("Iraq") >= 4, "{regions:?}");
}
