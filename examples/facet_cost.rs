//! What facets and the entity filter cost a search, on an existing index.
//!
//! `cargo run --release --example facet_cost -- INDEX [ENTITY]` runs a few one- and two-word
//! queries plain, with `--facets`, with `--entity ENTITY` (default: the archive's most
//! mentioned person) and as the entities view, and prints the median milliseconds of each:
//! "cold" on a freshly opened engine (what one `briefs search` pays), "warm" on an engine that
//! has answered before (what `briefs serve` pays).

use std::collections::BTreeMap;
use std::time::Instant;

use briefs::search::request::Param;
use briefs::search::{Engine, EntitiesRequest, SearchRequest};

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let idx = std::path::PathBuf::from(std::env::args().nth(1).unwrap_or_else(|| "idx".into()));
    let engine = Engine::open(&idx).expect("an index");
    let entity = std::env::args().nth(2).unwrap_or_else(|| {
        let top = engine
            .entities(&EntitiesRequest {
                search: SearchRequest::default(),
                kind: Some(briefs::EntityKind::Person),
                top: 1,
            })
            .expect("entities");
        top.entities[0].name.clone()
    });
    let queries = [
        "water",
        "border security",
        "ministers",
        "",
        "talks ceasefire",
    ];
    let with = |q: &str, facets: bool, entity: Option<&str>| {
        let mut filters = BTreeMap::new();
        if let Some(e) = entity {
            filters.insert(Param::Entity, vec![e.to_string()]);
        }
        SearchRequest {
            query: q.to_string(),
            filters,
            facets,
            ..SearchRequest::default()
        }
    };
    println!("entity: {entity}");
    println!("| request | cold ms | warm ms |");
    println!("|---|---|---|");
    type Run = Box<dyn Fn(&Engine)>;
    let cases: Vec<(&str, Run)> = vec![
        (
            "plain",
            Box::new(move |e: &Engine| {
                for q in queries {
                    e.search(&with(q, false, None)).unwrap();
                }
            }),
        ),
        (
            "facets",
            Box::new(move |e: &Engine| {
                for q in queries {
                    e.search(&with(q, true, None)).unwrap();
                }
            }),
        ),
        (
            "entity",
            Box::new({
                let entity = entity.clone();
                move |e: &Engine| {
                    for q in queries {
                        e.search(&with(q, false, Some(&entity))).unwrap();
                    }
                }
            }),
        ),
        (
            "entity+facets",
            Box::new({
                let entity = entity.clone();
                move |e: &Engine| {
                    for q in queries {
                        e.search(&with(q, true, Some(&entity))).unwrap();
                    }
                }
            }),
        ),
        (
            "entities view",
            Box::new(move |e: &Engine| {
                for q in queries {
                    e.entities(&EntitiesRequest {
                        search: with(q, false, None),
                        kind: None,
                        top: 20,
                    })
                    .unwrap();
                }
            }),
        ),
    ];
    for (name, run) in &cases {
        let mut cold = Vec::new();
        let mut warm = Vec::new();
        for _ in 0..5 {
            let e = Engine::open(&idx).expect("an index");
            let t = Instant::now();
            run(&e);
            cold.push(t.elapsed().as_secs_f64() * 1000.0 / queries.len() as f64);
            let t = Instant::now();
            run(&e);
            warm.push(t.elapsed().as_secs_f64() * 1000.0 / queries.len() as f64);
        }
        println!("| {name} | {:.1} | {:.1} |", median(cold), median(warm));
    }
}
