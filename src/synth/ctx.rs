//! [`Ctx`], the state of one brief while it is written, and the choices made before the first
//! word: publication date, authors, topics, countries, the cast, organisations and places.

use chrono::{Datelike, Duration, NaiveDate, Weekday};

use super::data::{self, OrgKind, RoleKind};
use super::world::{World, WORLD};
use crate::text::rng::Rng;

/// Per-brief state: the random generator, the brief's cast, and who has been mentioned.
pub(super) struct Ctx {
    pub(super) w: &'static World,
    pub(super) rng: Rng,
    pub(super) date: NaiveDate,
    pub(super) topics: Vec<usize>,
    pub(super) regions: Vec<usize>,
    pub(super) others: Vec<usize>,
    pub(super) cast: Vec<usize>,
    pub(super) orgs: Vec<usize>,
    pub(super) intl: Vec<usize>,
    /// Places of the brief with the position of their country in `regions`.
    pub(super) places: Vec<(&'static str, usize)>,
    pub(super) person_seen: Vec<bool>,
    pub(super) org_seen: Vec<bool>,
    pub(super) in_sentence: Vec<usize>,
    pub(super) links_left: usize,
    /// True while writing body paragraphs, the only place links appear.
    pub(super) linking: bool,
    pub(super) ap_months: bool,
    pub(super) used_templates: std::collections::HashSet<usize>,
}

impl Ctx {
    /// A fresh state for brief `n` of `seed`, with its own random stream and nothing chosen yet.
    pub(super) fn new(seed: u64, n: usize) -> Ctx {
        let w: &'static World = &WORLD;
        Ctx {
            w,
            rng: Rng::for_brief(seed, n),
            date: NaiveDate::default(),
            topics: Vec::new(),
            regions: Vec::new(),
            others: Vec::new(),
            cast: Vec::new(),
            orgs: Vec::new(),
            intl: Vec::new(),
            places: Vec::new(),
            person_seen: vec![false; w.people.len()],
            org_seen: vec![false; w.orgs.len()],
            in_sentence: Vec::new(),
            links_left: 0,
            linking: false,
            ap_months: false,
            used_templates: std::collections::HashSet::new(),
        }
    }

    /// A publication date in 2015–2025, later years more likely, moved off weekends.
    pub(super) fn pub_date(&mut self) -> NaiveDate {
        const YEAR_WEIGHTS: [u64; 11] = [6, 7, 7, 8, 8, 9, 10, 10, 11, 12, 12];
        let year = 2015 + self.rng.weighted(&YEAR_WEIGHTS) as i32;
        let first = NaiveDate::from_ymd_opt(year, 1, 1).unwrap_or_default();
        let days = if year.rem_euclid(4) == 0 { 366 } else { 365 };
        let mut d = first + Duration::days(self.rng.below(days) as i64);
        match d.weekday() {
            Weekday::Sat => d -= Duration::days(1),
            Weekday::Sun => d += Duration::days(1),
            _ => {}
        }
        if d.year() != year {
            d = first + Duration::days(10);
        }
        d
    }

    /// Picks the brief's authors: a lead by Zipf rank, then up to two co-authors, more likely
    /// ones who share the lead's countries or topics.
    pub(super) fn choose_authors(&mut self) -> Vec<usize> {
        let w = self.w;
        let lead = self.rng.zipf(w.experts.len());
        let mut authors = vec![lead];
        let extra = self.rng.weighted(&[55, 33, 12]);
        for _ in 0..extra {
            let weights: Vec<u64> = w
                .experts
                .iter()
                .enumerate()
                .map(|(i, e)| {
                    if authors.contains(&i) {
                        return 0;
                    }
                    let base = 1000 / (i as u64 + 3);
                    let shared = e
                        .regions
                        .iter()
                        .any(|r| w.experts[lead].regions.contains(r))
                        || e.topics.iter().any(|t| w.experts[lead].topics.contains(t));
                    if shared {
                        base * 4
                    } else {
                        base
                    }
                })
                .collect();
            authors.push(self.rng.weighted(&weights));
        }
        authors
    }

    /// Picks the brief's topics and countries, leaning on the lead author's beat, and the
    /// countries the prose mentions without tagging.
    pub(super) fn choose_setting(&mut self, lead: usize) {
        let w = self.w;
        let expert = &w.experts[lead];
        let n_topics = 1 + self.rng.weighted(&[50, 38, 12]);
        let first = expert.topics[self.rng.zipf(expert.topics.len())];
        self.topics.push(first);
        while self.topics.len() < n_topics {
            let t = if self.rng.chance(60) {
                expert.topics[self.rng.below(expert.topics.len())]
            } else {
                let weights: Vec<u64> = w.topics.iter().map(|t| u64::from(t.def.weight)).collect();
                self.rng.weighted(&weights)
            };
            if !self.topics.contains(&t) {
                self.topics.push(t);
            }
        }
        let n_regions = 1 + self.rng.weighted(&[45, 33, 15, 7]);
        let primary = expert.regions[self.rng.zipf(expert.regions.len())];
        self.regions.push(primary);
        let mut tries = 0;
        while self.regions.len() < n_regions && tries < 20 {
            tries += 1;
            let r = if self.rng.chance(55) {
                expert.regions[self.rng.below(expert.regions.len())]
            } else {
                let weights: Vec<u64> = data::REGIONS.iter().map(|r| u64::from(r.weight)).collect();
                self.rng.weighted(&weights)
            };
            if !self.regions.contains(&r) {
                self.regions.push(r);
            }
        }
        // Countries the prose mentions without tagging: the lead author's beat, else anywhere.
        let mut pool: Vec<usize> = expert
            .regions
            .iter()
            .copied()
            .filter(|r| !self.regions.contains(r))
            .collect();
        if pool.is_empty() || self.rng.chance(30) {
            let weights: Vec<u64> = data::REGIONS
                .iter()
                .enumerate()
                .map(|(i, r)| {
                    if self.regions.contains(&i) {
                        0
                    } else {
                        u64::from(r.weight)
                    }
                })
                .collect();
            pool.push(self.rng.weighted(&weights));
        }
        self.others = pool;
    }

    /// Picks the people, organisations, international bodies and places the brief mentions,
    /// favouring those of its first country and its topics.
    pub(super) fn choose_cast(&mut self) {
        let w = self.w;
        let prefers = |kind: RoleKind, topics: &[usize]| {
            topics
                .iter()
                .any(|&t| w.topics[t].def.roles.contains(&kind))
        };
        let mut cands: Vec<(usize, u64)> = Vec::new();
        for (pos, &ri) in self.regions.iter().enumerate() {
            for (rank, &p) in w.regions[ri].people.iter().enumerate() {
                let mut weight = 1200 / (rank as u64 + 2);
                if prefers(w.people[p].kind, &self.topics) {
                    weight *= 3;
                }
                if pos == 0 {
                    weight *= 2;
                }
                cands.push((p, weight));
            }
        }
        for &ri in &self.others {
            for (rank, &p) in w.regions[ri].people.iter().enumerate().take(4) {
                cands.push((p, 250 / (rank as u64 + 2)));
            }
        }
        for &p in &w.global_people {
            let weight = if prefers(w.people[p].kind, &self.topics) {
                90
            } else {
                30
            };
            cands.push((p, weight));
        }
        let size = self.rng.range(4, 8);
        self.cast = self.draw(&mut cands, size);

        let mut org_cands: Vec<(usize, u64)> = Vec::new();
        for (i, o) in w.orgs.iter().enumerate() {
            if o.def.kind == OrgKind::International {
                continue;
            }
            let mut weight = match o.region {
                Some(r) if Some(&r) == self.regions.first() => 200,
                Some(r) if self.regions.contains(&r) => 100,
                Some(r) if self.others.contains(&r) => 8,
                _ => 0,
            };
            if o.topics.iter().any(|t| self.topics.contains(t)) {
                weight *= 5;
            }
            if o.topics.first() == self.topics.first() {
                weight *= 2;
            }
            org_cands.push((i, weight));
        }
        let size = self.rng.range(2, 5);
        self.orgs = self.draw(&mut org_cands, size);

        let mut intl_cands: Vec<(usize, u64)> = w
            .orgs
            .iter()
            .enumerate()
            .filter(|(_, o)| o.def.kind == OrgKind::International)
            .map(|(i, o)| {
                let matched = o.topics.iter().any(|t| self.topics.contains(t));
                (
                    i,
                    if matched {
                        300 / (i as u64 + 2) + 20
                    } else {
                        4
                    },
                )
            })
            .collect();
        let size = self.rng.range(1, 2);
        self.intl = self.draw(&mut intl_cands, size);
        if self.orgs.is_empty() {
            self.orgs = self.intl.clone();
        }

        for pos in 0..self.regions.len() {
            let places = &w.regions[self.regions[pos]].places;
            let want = if pos == 0 {
                self.rng.range(2, 4)
            } else {
                self.rng.range(1, 2)
            };
            let mut added = 0;
            for _ in 0..want * 3 {
                let p = places[self.rng.zipf(places.len())];
                if !self.places.iter().any(|q| q.0 == p) {
                    self.places.push((p, pos));
                    added += 1;
                }
                if added == want {
                    break;
                }
            }
        }
        if self.places.len() < 2 {
            self.places
                .push((w.regions[self.regions[0]].def.capital, 0));
        }
    }

    /// Draws up to `k` distinct items by weight (zero weights only when nothing else is left).
    fn draw(&mut self, cands: &mut Vec<(usize, u64)>, k: usize) -> Vec<usize> {
        let mut out = Vec::new();
        while out.len() < k && !cands.is_empty() {
            let weights: Vec<u64> = cands.iter().map(|c| c.1).collect();
            if weights.iter().all(|&w| w == 0) && !out.is_empty() {
                break;
            }
            let i = self.rng.weighted(&weights);
            let (item, _) = cands.swap_remove(i);
            if !out.contains(&item) {
                out.push(item);
            }
        }
        out
    }
}
