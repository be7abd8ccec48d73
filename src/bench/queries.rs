//! The query set a bench times: drawn from the corpus itself (words, pairs, triples, phrases,
//! filtered, faceted, date-sorted, misspelt and prefix (search-as-you-type) queries), the same
//! for a seed on every machine.

use crate::text::rng::SplitMix64;

use super::baselines::fts5_match;
use crate::model::Brief;
use crate::search::request::Param;
use crate::search::{SearchRequest, Sort};

/// A query of the mixed set, expressed for each engine (`None` where an engine cannot run it).
#[derive(Debug, Clone)]
pub(super) struct BenchQuery {
    pub(super) ours: SearchRequest,
    pub(super) raw: Option<RawQuery>,
    pub(super) fts5: Option<(String, Option<String>, bool)>,
}

/// A query as raw tantivy runs it: query-parser text, an optional region filter, date order.
#[derive(Debug, Clone)]
pub(super) struct RawQuery {
    pub(super) text: String,
    pub(super) region: Option<String>,
    pub(super) by_date: bool,
}

impl RawQuery {
    fn of(text: &str, region: Option<&str>, by_date: bool) -> RawQuery {
        RawQuery {
            text: text.to_string(),
            region: region.map(str::to_string),
            by_date,
        }
    }
}

pub(super) fn describe(r: &SearchRequest) -> String {
    let mut s = r.query.clone();
    for reg in r.filter(Param::Region) {
        s.push_str(&format!(" --region {reg:?}"));
    }
    if r.facets {
        s.push_str(" --facets");
    }
    if r.sort == Sort::Date {
        s.push_str(" --sort date");
    }
    if r.prefix {
        s.push_str(" --prefix");
    }
    s
}

pub(super) fn plain_query(q: &str) -> BenchQuery {
    let fts = fts5_match(q);
    BenchQuery {
        ours: SearchRequest {
            query: q.to_string(),
            ..SearchRequest::default()
        },
        raw: Some(RawQuery::of(q, None, false)),
        fts5: Some((fts, None, false)),
    }
}

pub(super) const STOP: &[&str] = &[
    "that", "with", "from", "this", "have", "were", "their", "which", "would", "there", "been",
    "they", "also", "into", "than", "more", "about", "over",
];

pub(super) fn words(text: &str) -> Vec<String> {
    text.split(|c: char| !c.is_alphabetic())
        .filter(|w| w.len() >= 4 && w.chars().all(|c| c.is_ascii_alphabetic()))
        .map(str::to_lowercase)
        .filter(|w| !STOP.contains(&w.as_str()))
        .collect()
}

/// The mixed query set: words, pairs, triples, phrases, filtered, faceted, date-sorted,
/// misspelt and prefix queries drawn from the corpus itself.
pub(super) fn mixed_queries(
    briefs: &[Brief],
    seed: u64,
    per_class: usize,
) -> Vec<(String, BenchQuery)> {
    let mut rng = SplitMix64(seed ^ 0xB1E5);
    let mut out = Vec::new();
    let with_text: Vec<&Brief> = briefs.iter().filter(|b| !b.passages.is_empty()).collect();
    if with_text.is_empty() {
        return out;
    }
    let pick = |rng: &mut SplitMix64| -> (&Brief, Vec<String>) {
        loop {
            let b = with_text[rng.below(with_text.len())];
            let p = &b.passages[rng.below(b.passages.len())];
            let w = words(&p.text);
            if w.len() >= 4 {
                return (b, w);
            }
        }
    };
    for _ in 0..per_class {
        let (_, w) = pick(&mut rng);
        out.push(("1 word".to_string(), plain_query(&w[rng.below(w.len())])));
        let (_, w) = pick(&mut rng);
        let q = format!("{} {}", w[rng.below(w.len())], w[rng.below(w.len())]);
        out.push(("2 words".to_string(), plain_query(&q)));
        let (_, w) = pick(&mut rng);
        let q = format!(
            "{} {} {}",
            w[rng.below(w.len())],
            w[rng.below(w.len())],
            w[rng.below(w.len())]
        );
        out.push(("3 words".to_string(), plain_query(&q)));
        let (_, w) = pick(&mut rng);
        let i = rng.below(w.len() - 1);
        out.push((
            "phrase".to_string(),
            plain_query(&format!("\"{} {}\"", w[i], w[i + 1])),
        ));

        let (b, w) = pick(&mut rng);
        let word = w[rng.below(w.len())].clone();
        if let Some(region) = b.regions.first() {
            out.push((
                "filtered".to_string(),
                BenchQuery {
                    ours: SearchRequest {
                        query: word.clone(),
                        ..SearchRequest::default()
                    }
                    .with(Param::Region, region.clone()),
                    raw: Some(RawQuery::of(&word, Some(region), false)),
                    fts5: Some((fts5_match(&word), Some(format!("|{region}|")), false)),
                },
            ));
        }
        let (_, w) = pick(&mut rng);
        let q = format!("{} {}", w[rng.below(w.len())], w[rng.below(w.len())]);
        out.push((
            "faceted".to_string(),
            BenchQuery {
                ours: SearchRequest {
                    query: q,
                    facets: true,
                    ..SearchRequest::default()
                },
                raw: None,
                fts5: None,
            },
        ));
        let (_, w) = pick(&mut rng);
        let word = w[rng.below(w.len())].clone();
        out.push((
            "date-sorted".to_string(),
            BenchQuery {
                ours: SearchRequest {
                    query: word.clone(),
                    sort: Sort::Date,
                    ..SearchRequest::default()
                },
                raw: Some(RawQuery::of(&word, None, true)),
                fts5: Some((fts5_match(&word), None, true)),
            },
        ));
        let (_, w) = pick(&mut rng);
        if let Some(long) = w.iter().find(|x| x.len() >= 6) {
            let cut = 1 + rng.below(long.len() - 2);
            let typo = format!("{}{}", &long[..cut], &long[cut + 1..]);
            out.push((
                "typo".to_string(),
                BenchQuery {
                    ours: SearchRequest {
                        query: typo,
                        ..SearchRequest::default()
                    },
                    raw: None,
                    fts5: None,
                },
            ));
        }
    }
    // Search as you type, as the page asks it: a word and the first 3 to 5 letters of the
    // next, as a prefix, with facets. Its own random stream, so the other classes' queries stay
    // what they were before this class existed.
    let mut rng = SplitMix64(seed ^ 0x9EF1);
    for _ in 0..per_class {
        let (_, w) = pick(&mut rng);
        let first = &w[rng.below(w.len())];
        let next = &w[rng.below(w.len())];
        let cut = (3 + rng.below(3)).min(next.len());
        out.push((
            "prefix".to_string(),
            BenchQuery {
                ours: SearchRequest {
                    query: format!("{first} {}", &next[..cut]),
                    prefix: true,
                    facets: true,
                    ..SearchRequest::default()
                },
                raw: None,
                fts5: None,
            },
        ));
    }
    out
}
