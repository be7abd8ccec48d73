//! A deterministic generator of fictional policy briefs in the saved-page format.
//!
//! Search needs an archive to be tested and benchmarked on, and real briefs cannot be shipped,
//! so this module writes as many as asked: a recurring cast of invented officials, armed
//! groups, parties and companies in real countries and cities, Larkspur Institute experts as
//! authors, topic-biased vocabulary drawn with Zipf laws so term and facet statistics look like
//! a real archive. Brief `n` of a seed depends on nothing else ([`render`]), the random numbers
//! come from a hand-written `xoshiro256**` generator ([`crate::text::rng`]), and so a seed gives
//! byte-identical files on every platform and in every later version that keeps this module's
//! data.
//!
//! Static tables live in `data/`; `zipf` holds the rank laws draws follow, `english` plurals,
//! verb forms, articles and headline case, `names` invents the cast's names and `world` builds
//! the shared world once. This file holds the public surface and writes one brief.

mod data;
mod english;
mod names;
mod world;
mod zipf;

use std::path::PathBuf;

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use rayon::prelude::*;

use crate::error::{Error, Result};
use crate::text::date::{MONTHS, MONTHS_AP, MONTHS_SHORT};
use crate::text::rng::Rng;
use data::templates as tpl;
use data::{OrgKind, RoleKind};
use english::{polish, possessive, slugify, title_case, with_commas, Noun, Verb};
use world::{World, WORLD};

/// What to generate: `count` briefs for `seed`, written under `out`.
#[derive(Debug, Clone)]
pub struct SynthOptions {
    /// Number of briefs to write.
    pub count: usize,
    /// Seed of the archive; the same seed always gives the same files.
    pub seed: u64,
    /// Folder to write into; created if missing. Files already there are left alone.
    pub out: PathBuf,
}

/// What [`generate`] wrote, for progress lines and `--json` output.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct SynthReport {
    /// Files written.
    pub files: usize,
    /// Bytes written, summed over all files.
    pub bytes: u64,
}

/// Briefs per subfolder, so no folder grows too large for file managers and shells.
pub const FILES_PER_FOLDER: usize = 1000;

/// Renders brief `n` of `seed`: its path relative to the output folder and its text.
///
/// The path is `NNN/NNNNNN_<16 hex>.txt`: the folder of 1,000 it belongs to, the brief number,
/// and a hash of the text. The result depends only on `seed` and `n`, so briefs can be made in
/// any order, in parallel, or one at a time.
pub fn render(seed: u64, n: usize) -> (String, String) {
    let draft = compose(seed, n);
    (draft.file, draft.text)
}

/// Writes briefs `0..count` of `opts.seed` into `opts.out`, in parallel.
///
/// Errors: [`Error::Io`] naming the folder that could not be created or the file that could
/// not be written.
pub fn generate(opts: &SynthOptions) -> Result<SynthReport> {
    let folders = opts.count.div_ceil(FILES_PER_FOLDER).max(1);
    for f in 0..folders {
        let dir = opts.out.join(format!("{f:03}"));
        std::fs::create_dir_all(&dir).map_err(|source| Error::Io {
            context: format!("cannot create folder {}", dir.display()),
            source,
        })?;
    }
    let bytes = (0..opts.count)
        .into_par_iter()
        .map(|n| {
            let (name, text) = render(opts.seed, n);
            let path = opts.out.join(&name);
            std::fs::write(&path, text.as_bytes()).map_err(|source| Error::Io {
                context: format!("cannot write {}", path.display()),
                source,
            })?;
            Ok::<u64, Error>(text.len() as u64)
        })
        .try_reduce(|| 0, |a, b| Ok(a + b))?;
    Ok(SynthReport {
        files: opts.count,
        bytes,
    })
}

// ---------------------------------------------------------------------------------------------
// One brief.

/// The kinds of piece, with their share of the archive and their size range in bytes.
const KINDS: &[(&str, u64, usize, usize)] = &[
    ("Brief Analysis", 36, 5_800, 11_000),
    ("PolicyWatch", 20, 6_200, 11_500),
    ("Articles & Op-Eds", 14, 5_500, 8_500),
    ("Research Notes", 9, 5_800, 9_500),
    ("Policy Notes", 9, 9_000, 13_800),
    ("In-Depth Reports", 6, 11_000, 14_000),
    ("Testimony", 6, 8_000, 12_500),
];

const SMALL_NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

const ONES: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

const INSTITUTE_URL: &str = "https://www.larkspurinstitute.example/policy-analysis/";

/// The page date line: "Mar 3, 2023".
fn date_line(d: NaiveDate) -> String {
    format!(
        "{} {}, {}",
        MONTHS_SHORT[d.month0() as usize],
        d.day(),
        d.year()
    )
}

/// What the generator meant a brief to say, kept beside the text so tests can check that the
/// parser reads back exactly this.
#[derive(Debug, Clone)]
#[cfg_attr(not(test), allow(dead_code))]
struct Draft {
    file: String,
    text: String,
    title: String,
    authors: Vec<(String, String)>,
    date: NaiveDate,
    kind: &'static str,
    summary: String,
    headings: Vec<String>,
    timeline: Vec<NaiveDate>,
    topics: Vec<String>,
    regions: Vec<String>,
    broken_paragraph: bool,
}

/// A body block: a paragraph or a bullet list (with an optional blank line inside it).
enum Block {
    Para(String),
    List(Vec<String>, Option<usize>),
}

impl Block {
    fn len(&self) -> usize {
        match self {
            Block::Para(p) => p.len() + 2,
            Block::List(items, _) => items.iter().map(|i| i.len() + 1).sum::<usize>() + 2,
        }
    }
}

struct Section {
    heading: Option<String>,
    blocks: Vec<Block>,
}

/// Per-brief state: the random generator, the brief's cast, and who has been mentioned.
struct Ctx {
    w: &'static World,
    rng: Rng,
    date: NaiveDate,
    topics: Vec<usize>,
    regions: Vec<usize>,
    others: Vec<usize>,
    cast: Vec<usize>,
    orgs: Vec<usize>,
    intl: Vec<usize>,
    /// Places of the brief with the position of their country in `regions`.
    places: Vec<(&'static str, usize)>,
    person_seen: Vec<bool>,
    org_seen: Vec<bool>,
    in_sentence: Vec<usize>,
    links_left: usize,
    /// True while writing body paragraphs, the only place links appear.
    linking: bool,
    ap_months: bool,
    used_templates: std::collections::HashSet<usize>,
}

impl Ctx {
    fn new(seed: u64, n: usize) -> Ctx {
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

    fn pub_date(&mut self) -> NaiveDate {
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

    /// Picks the brief's authors, topics, countries and cast.
    fn choose_authors(&mut self) -> Vec<usize> {
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

    fn choose_setting(&mut self, lead: usize) {
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

    fn choose_cast(&mut self) {
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

    // --- slots -------------------------------------------------------------------------------

    fn region_def(&self, ri: usize) -> &'static data::RegionDef {
        self.w.regions[ri].def
    }

    fn second_region(&mut self) -> usize {
        if self.regions.len() > 1 && self.rng.chance(70) {
            self.regions[1 + self.rng.below(self.regions.len() - 1)]
        } else {
            self.others[self.rng.below(self.others.len())]
        }
    }

    fn person(&mut self) -> String {
        let free: Vec<usize> = (0..self.cast.len())
            .filter(|i| !self.in_sentence.contains(&self.cast[*i]))
            .collect();
        let p = if free.is_empty() {
            self.cast[0]
        } else {
            self.cast[free[self.rng.zipf(free.len())]]
        };
        self.in_sentence.push(p);
        let person = &self.w.people[p];
        let honor = |first: bool| match person.honorific {
            Some(h) if !first || person.honorific_first => format!("{h} "),
            _ => String::new(),
        };
        if !self.person_seen[p] {
            self.person_seen[p] = true;
            if self.rng.chance(62) {
                format!("{} {}{}", person.pre, honor(true), person.full)
            } else {
                format!("{}{}, {},", honor(true), person.full, person.app)
            }
        } else if person.honorific.is_some() && self.rng.chance(45) {
            format!("{}{}", honor(false), person.short)
        } else {
            person.short.clone()
        }
    }

    fn org_mention(&mut self, o: usize) -> String {
        let def = self.w.orgs[o].def;
        if !self.org_seen[o] {
            self.org_seen[o] = true;
            return match def.acronym {
                Some(a) => format!("{} ({a})", def.name),
                None => def.name.to_string(),
            };
        }
        match def.acronym {
            Some(a) if def.name.starts_with("the ") => format!("the {a}"),
            Some(a) => a.to_string(),
            None => def.name.to_string(),
        }
    }

    fn org(&mut self) -> String {
        let o = self.orgs[self.rng.zipf(self.orgs.len())];
        self.org_mention(o)
    }

    fn intl(&mut self) -> String {
        let o = self.intl[self.rng.below(self.intl.len())];
        self.org_mention(o)
    }

    fn topic(&mut self) -> usize {
        if self.topics.len() > 1 && self.rng.chance(35) {
            self.topics[1 + self.rng.below(self.topics.len() - 1)]
        } else {
            self.topics[0]
        }
    }

    fn term(&mut self) -> &'static str {
        let t = self.topic();
        let terms = &self.w.topics[t].terms;
        terms[self.rng.zipf(terms.len())]
    }

    fn topic_word(&mut self) -> &'static Noun {
        let t = self.topic();
        let words = &self.w.topics[t].words;
        &words[self.rng.zipf(words.len())]
    }

    fn noun(&mut self) -> &'static Noun {
        if self.rng.chance(22) {
            self.topic_word()
        } else {
            &self.w.nouns[self.w.noun_zipf.sample(&mut self.rng)]
        }
    }

    /// A noun that has a plural.
    fn countable_noun(&mut self) -> &'static Noun {
        for _ in 0..8 {
            let n = self.noun();
            if n.countable {
                return n;
            }
        }
        &self.w.nouns[0]
    }

    fn countable_topic_word(&mut self) -> &'static Noun {
        for _ in 0..8 {
            let n = self.topic_word();
            if n.countable {
                return n;
            }
        }
        self.countable_noun()
    }

    fn verb(&mut self) -> &'static Verb {
        &self.w.verbs[self.w.verb_zipf.sample(&mut self.rng)]
    }

    /// A term, sometimes as a link in one of the two saved-page shapes.
    fn linked_term(&mut self) -> String {
        let term = self.term();
        if !self.linking || self.links_left == 0 || !self.rng.chance(9) {
            return term.to_string();
        }
        self.links_left -= 1;
        let extra = self.countable_noun().many.as_str();
        let place = self.places[self.rng.below(self.places.len())].0;
        let url = format!(
            "{INSTITUTE_URL}{}",
            slugify(&format!("{term} {extra} {place}"))
        );
        if self.rng.chance(65) {
            format!("[{term} \\({url}\\)]({url})")
        } else {
            format!("**{term}** (<{url}>)")
        }
    }

    fn number(&mut self) -> String {
        match self.rng.below(100) {
            0..=5 => {
                let n = self.rng.range(21, 99);
                if n.is_multiple_of(10) {
                    TENS[n / 10 - 2].to_string()
                } else {
                    format!("{}-{}", TENS[n / 10 - 2], ONES[n % 10 - 1])
                }
            }
            6..=40 => self.rng.range(12, 99).to_string(),
            41..=75 => (self.rng.range(10, 99) * 10).to_string(),
            _ => with_commas(self.rng.range(10, 950) as u64 * 100),
        }
    }

    fn money(&mut self) -> String {
        if self.rng.chance(62) {
            format!("\\${} million", self.rng.range(5, 950))
        } else {
            let whole = self.rng.range(1, 24);
            let tenth = self.rng.below(10);
            if tenth == 0 {
                format!("\\${whole} billion")
            } else {
                format!("\\${whole}.{tenth} billion")
            }
        }
    }

    fn month_name(&self, m0: usize) -> &'static str {
        if self.ap_months {
            MONTHS_AP[m0]
        } else {
            MONTHS[m0]
        }
    }

    fn past_date(&mut self, min_days: usize, max_days: usize) -> NaiveDate {
        self.date - Duration::days(self.rng.range(min_days, max_days) as i64)
    }

    fn slot(&mut self, key: &str, out: &mut String) {
        let w = self.w;
        match key {
            "P" => {
                let p = self.person();
                out.push_str(&p);
            }
            "O" => {
                let o = self.org();
                out.push_str(&o);
            }
            "Om" => {
                let armed: Vec<usize> = self
                    .orgs
                    .iter()
                    .copied()
                    .filter(|&o| w.orgs[o].def.kind == OrgKind::Militia)
                    .collect();
                let o = if armed.is_empty() {
                    None
                } else {
                    Some(armed[self.rng.zipf(armed.len())])
                };
                match o {
                    Some(o) => {
                        let m = self.org_mention(o);
                        out.push_str(&m);
                    }
                    None => out.push_str(self.rng.word(&[
                        "an armed faction",
                        "an armed group with tribal backing",
                        "a militia loyal to local notables",
                    ])),
                }
            }
            "wage" => out.push_str(&format!("\\${}", self.rng.range(15, 90) * 10)),
            "Ot" => {
                let o = self.orgs[self.rng.zipf(self.orgs.len())];
                out.push_str(w.orgs[o].def.name);
            }
            "I" => {
                let o = self.intl();
                out.push_str(&o);
            }
            "L" => {
                let home: Vec<&'static str> = self
                    .places
                    .iter()
                    .filter(|p| p.1 == 0)
                    .map(|p| p.0)
                    .collect();
                let p = if !home.is_empty() && self.rng.chance(75) {
                    home[self.rng.zipf(home.len())]
                } else {
                    self.places[self.rng.zipf(self.places.len())].0
                };
                out.push_str(p);
            }
            "K" => out.push_str(self.region_def(self.regions[0]).capital),
            "K's" => out.push_str(&possessive(self.region_def(self.regions[0]).capital)),
            "C" => out.push_str(self.region_def(self.regions[0]).noun),
            "C's" => out.push_str(&possessive(self.region_def(self.regions[0]).noun)),
            "X" => out.push_str(self.region_def(self.regions[0]).adj),
            "K2" | "C2" | "X2" => {
                let r = self.second_region();
                let def = self.region_def(r);
                out.push_str(match key {
                    "K2" => def.capital,
                    "C2" => def.noun,
                    _ => def.adj,
                });
            }
            "t" => {
                let t = self.linked_term();
                out.push_str(&t);
            }
            "tw" => out.push_str(self.topic_word().one),
            "tws" => out.push_str(&self.countable_topic_word().many),
            "n" => out.push_str(self.noun().one),
            "ns" => out.push_str(&self.countable_noun().many),
            "a" => out.push_str(w.adjectives[w.adjective_zipf.sample(&mut self.rng)]),
            "r" => out.push_str(w.adverbs[w.adverb_zipf.sample(&mut self.rng)]),
            "v" => out.push_str(self.verb().base),
            "vs" => out.push_str(&self.verb().third),
            "vd" => out.push_str(&self.verb().past),
            "vn" => out.push_str(&self.verb().participle),
            "vg" => out.push_str(&self.verb().gerund),
            "ds" => out.push_str(self.rng.word(&["the", "its", "this", "that", "any", "the"])),
            "dp" => out.push_str(
                self.rng
                    .word(&["the", "its", "their", "these", "such", "many"]),
            ),
            "num" => {
                let n = self.number();
                out.push_str(&n);
            }
            "small" => out.push_str(self.rng.word(SMALL_NUMBERS)),
            "M" => {
                let m = self.money();
                out.push_str(&m);
            }
            "big" => {
                let n = self.rng.range(12, 900) as u64 * 1_000;
                out.push_str(&with_commas(n));
            }
            "pct" => out.push_str(&self.rng.range(3, 85).to_string()),
            "Y" => {
                let back = self.rng.range(1, 7) as i32;
                out.push_str(&(self.date.year() - back).to_string());
            }
            "Y0" => out.push_str(&self.date.year().to_string()),
            "mon" => {
                let m = self.rng.below(12);
                out.push_str(self.month_name(m));
            }
            "md" => {
                let d = self.past_date(3, 300);
                let m = self.month_name(d.month0() as usize);
                out.push_str(&format!("{m} {}", d.day()));
            }
            "D" => {
                let d = self.past_date(200, 2200);
                let m = self.month_name(d.month0() as usize);
                out.push_str(&format!("{m} {}, {}", d.day(), d.year()));
            }
            "law" => out.push_str(self.rng.word(data::LAWMAKERS)),
            other => {
                out.push('{');
                out.push_str(other);
                out.push('}');
            }
        }
    }

    /// Fills a frame's slots.
    fn expand(&mut self, frame: &str) -> String {
        self.in_sentence.clear();
        let mut out = String::with_capacity(frame.len() * 2);
        let mut rest = frame;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            match rest[open..].find('}') {
                Some(len) => {
                    let key = &rest[open + 1..open + len];
                    self.slot(key, &mut out);
                    rest = &rest[open + len + 1..];
                }
                None => {
                    out.push_str(&rest[open..]);
                    rest = "";
                }
            }
        }
        out.push_str(rest);
        out
    }

    fn sentence(&mut self, frame: &str) -> String {
        let s = self.expand(frame);
        polish(&s)
    }

    fn headline(&mut self, frame: &str) -> String {
        let s = self.expand(frame);
        title_case(&polish(&s))
    }

    /// Picks a frame from `list`, avoiding ones this brief already used while any are left.
    fn fresh(&mut self, list: &'static [&'static str], tag: usize) -> &'static str {
        let start = self.rng.below(list.len());
        for k in 0..list.len() {
            let i = (start + k) % list.len();
            if self.used_templates.insert(tag * 1000 + i) {
                return list[i];
            }
        }
        for i in 0..list.len() {
            self.used_templates.remove(&(tag * 1000 + i));
        }
        self.used_templates.insert(tag * 1000 + start);
        list[start]
    }

    fn paragraph(&mut self, sentences: usize, closing: bool) -> String {
        self.linking = true;
        let mut p = String::new();
        for i in 0..sentences {
            let frame = if closing && self.rng.chance(45) {
                self.fresh(tpl::RECOMMEND, 3)
            } else if self.rng.chance(58) {
                self.fresh(tpl::NARRATIVE, 1)
            } else {
                self.fresh(tpl::FILLER, 2)
            };
            if i > 0 {
                p.push(' ');
            }
            let s = self.sentence(frame);
            p.push_str(&s);
        }
        self.linking = false;
        p
    }

    fn title(&mut self) -> String {
        let frame = self.fresh(tpl::TITLES, 4);
        self.headline(frame)
    }

    /// Timeline bullets and their dates: year on the first item and whenever it changes (or on
    /// every item in some briefs), dates in order, all before publication.
    fn timeline(&mut self, k: usize) -> (Vec<String>, Vec<NaiveDate>) {
        let span = self.rng.range(60, 700);
        let start = self.date - Duration::days(span as i64 + 1);
        let mut offsets: Vec<usize> = (0..k).map(|_| self.rng.below(span)).collect();
        offsets.sort_unstable();
        let every_year = self.rng.chance(15);
        let mut items = Vec::with_capacity(k);
        let mut dates = Vec::with_capacity(k);
        let mut prev_year = None;
        for off in offsets {
            let d = start + Duration::days(off as i64);
            let month = self.month_name(d.month0() as usize);
            let label = if every_year || prev_year != Some(d.year()) {
                format!("{month} {}, {}", d.day(), d.year())
            } else {
                format!("{month} {}", d.day())
            };
            prev_year = Some(d.year());
            let frame = self.fresh(tpl::BULLETS, 5);
            let mut text = self.sentence(frame);
            if self.rng.chance(28) {
                let tail = self.fresh(tpl::BULLET_TAILS, 6);
                text.push(' ');
                text.push_str(&self.sentence(tail));
            }
            items.push(format!("- **{label}:** {text}"));
            dates.push(d);
        }
        (items, dates)
    }

    fn heading(&mut self, list: &'static [&'static str], tag: usize, taken: &[String]) -> String {
        for _ in 0..20 {
            let frame = self.fresh(list, tag);
            let h = self.headline(frame);
            if !taken.contains(&h) {
                return h;
            }
        }
        // Slot-free headings, one of which is always still free (a body has at most five).
        tpl::HEADINGS_CLOSE
            .iter()
            .map(|h| h.to_string())
            .find(|h| !taken.contains(h))
            .unwrap_or_else(|| format!("Part {}", taken.len() + 1))
    }
}

/// Builds brief `n` of `seed` with everything the tests need to check it.
fn compose(seed: u64, n: usize) -> Draft {
    let mut ctx = Ctx::new(seed, n);
    let w = ctx.w;
    ctx.date = ctx.pub_date();
    ctx.ap_months = ctx.rng.chance(12);
    ctx.links_left = ctx.rng.range(1, 4);
    let curly = ctx.rng.chance(35);
    let kind_weights: Vec<u64> = KINDS.iter().map(|k| k.1).collect();
    let (kind, _, lo, hi) = KINDS[ctx.rng.weighted(&kind_weights)];
    let authors = ctx.choose_authors();
    ctx.choose_setting(authors[0]);
    ctx.choose_cast();

    let title = ctx.title();
    let standfirst = if kind == "Testimony" {
        let frame = *ctx.rng.pick(tpl::STANDFIRSTS_TESTIMONY);
        ctx.sentence(frame)
    } else {
        let frame = ctx.fresh(tpl::STANDFIRSTS, 7);
        ctx.sentence(frame)
    };

    // Header: title, byline, date, bios, kind, standfirst.
    let link = |e: usize| {
        let ex = &w.experts[e];
        format!("[{} \\({}\\)]({})", ex.def.name, ex.url, ex.url)
    };
    let byline = match authors.len() {
        1 => link(authors[0]),
        2 => format!("{} and {}", link(authors[0]), link(authors[1])),
        _ => {
            let mut parts: Vec<String> = authors.iter().map(|&a| link(a)).collect();
            let last = parts.pop().unwrap_or_default();
            format!("{}, and {last}", parts.join(", "))
        }
    };
    let mut header = format!(
        "\n\n{title}\n\nby {byline}\n\n{}\n\nABOUT THE AUTHORS\n\n\n\n",
        date_line(ctx.date)
    );
    for &a in &authors {
        let ex = w.experts[a].def;
        header.push_str(&format!(
            "{}\n\n{} is {} at the Larkspur Institute, where {}.\n\n\n\n",
            link(a),
            ex.name,
            ex.title,
            ex.focus
        ));
    }
    header.push_str(&format!("{kind}\n\n{standfirst}\n\n"));

    // Tail: tagline, recommended briefs, tags.
    let tagline = {
        let said: Vec<String> = authors
            .iter()
            .map(|&a| format!("{} is {}", w.experts[a].def.short, w.experts[a].def.title))
            .collect();
        match said.len() {
            1 => format!("{} at the Larkspur Institute.", said[0]),
            2 => format!(
                "{} at the Larkspur Institute, and {} there.",
                said[0], said[1]
            ),
            _ => format!(
                "{}, {}, and {} at the Larkspur Institute.",
                said[0], said[1], said[2]
            ),
        }
    };
    let mut tail = format!("{tagline} ❖\n\nRECOMMENDED\n\n\n\n");
    let mut seen_titles = vec![title.clone()];
    for _ in 0..ctx.rng.range(2, 3) {
        let mut other = ctx.title();
        for _ in 0..20 {
            if !seen_titles.contains(&other) {
                break;
            }
            other = ctx.title();
        }
        seen_titles.push(other.clone());
        let other_kind = KINDS[ctx.rng.weighted(&kind_weights)].0.to_uppercase();
        let when = date_line(ctx.date - Duration::days(ctx.rng.below(7) as i64));
        let mut names: Vec<&str> = vec![w.experts[ctx.rng.zipf(w.experts.len())].def.name];
        if ctx.rng.chance(30) {
            let second = w.experts[ctx.rng.zipf(w.experts.len())].def.name;
            if !names.contains(&second) {
                names.push(second);
            }
        }
        let shown = match other.split_once(": ") {
            Some((a, b)) if ctx.rng.chance(50) => format!("{a}:\n\n{b}"),
            _ => other.clone(),
        };
        tail.push_str(&format!(
            "{other_kind}\n\n{shown}\n\n{when}\n\n◆\n{}\n\n(/policy-analysis/{})\n\n\n\n",
            names.join(",\n"),
            slugify(&other)
        ));
    }
    let topics: Vec<String> = ctx
        .topics
        .iter()
        .map(|&t| w.topics[t].def.name.to_string())
        .collect();
    let mut regions: Vec<String> = ctx
        .regions
        .iter()
        .map(|&r| w.regions[r].def.tag.to_string())
        .collect();
    if let Some(supra) = w.regions[ctx.regions[0]].def.supra {
        if regions.len() < 4 && ctx.rng.chance(35) {
            regions.push(supra.to_string());
        }
    }
    let tag_line = |name: &String| format!("{name} (/policy-analysis/{})", slugify(name));
    tail.push_str("TOPICS\n\n");
    tail.push_str(&topics.iter().map(tag_line).collect::<Vec<_>>().join("\n\n"));
    tail.push_str("\n\nREGIONS & COUNTRIES\n\n");
    tail.push_str(
        &regions
            .iter()
            .map(tag_line)
            .collect::<Vec<_>>()
            .join("\n\n"),
    );
    tail.push('\n');

    // Body, sized to land the whole page inside the kind's range.
    let target = ctx.rng.range(lo, hi);
    let budget = target.saturating_sub(header.len() + tail.len()).max(2_500);
    let (mut sections, timeline) = body(&mut ctx, kind, budget);
    let size = |s: &[Section]| -> usize {
        s.iter()
            .map(|sec| {
                sec.heading.as_ref().map_or(0, |h| h.len() + 2)
                    + sec.blocks.iter().map(Block::len).sum::<usize>()
            })
            .sum()
    };
    let fixed = header.len() + tail.len();
    while fixed + size(&sections) < 5_300 {
        let p = ctx.paragraph(3, false);
        if let Some(last) = sections.last_mut() {
            let at = last
                .blocks
                .len()
                .saturating_sub(usize::from(kind == "Articles & Op-Eds"));
            last.blocks.insert(at, Block::Para(p));
        }
    }
    while fixed + size(&sections) > 14_700 {
        // Only a closing paragraph that neither stands alone nor introduces a list may go.
        let Some(last) = sections.last_mut() else {
            break;
        };
        let keep_end = usize::from(kind == "Articles & Op-Eds");
        let Some(at) = last.blocks.len().checked_sub(1 + keep_end) else {
            break;
        };
        let removable = at > 0
            && matches!(last.blocks[at], Block::Para(_))
            && !matches!(last.blocks.get(at + 1), Some(Block::List(..)));
        if !removable {
            break;
        }
        last.blocks.remove(at);
    }

    // Occasionally a paragraph is broken mid-sentence across a blank line, as page breaks do.
    let paras: Vec<(usize, usize)> = sections
        .iter()
        .enumerate()
        .flat_map(|(s, sec)| {
            sec.blocks
                .iter()
                .enumerate()
                .filter(|(_, b)| matches!(b, Block::Para(p) if p.len() > 300))
                .map(move |(b, _)| (s, b))
        })
        .collect();
    let mut broken_paragraph = false;
    if !paras.is_empty() && ctx.rng.chance(22) {
        let (s, b) = paras[ctx.rng.below(paras.len())];
        if let Block::Para(p) = &sections[s].blocks[b] {
            if let Some(at) = break_point(p, &mut ctx.rng) {
                let mut q = p.clone();
                q.replace_range(at..at + 1, "\n\n");
                sections[s].blocks[b] = Block::Para(q);
                broken_paragraph = true;
            }
        }
    }

    let mut text = header;
    for sec in &sections {
        if let Some(h) = &sec.heading {
            text.push_str(h);
            text.push_str("\n\n");
        }
        for block in &sec.blocks {
            match block {
                Block::Para(p) => text.push_str(p),
                Block::List(items, gap) => {
                    for (i, item) in items.iter().enumerate() {
                        if i > 0 {
                            text.push('\n');
                            if *gap == Some(i) {
                                text.push('\n');
                            }
                        }
                        text.push_str(item);
                    }
                }
            }
            text.push_str("\n\n");
        }
    }
    text.push_str(&tail);

    let style = |s: &str| {
        if curly {
            s.replace('\'', "’")
        } else {
            s.to_string()
        }
    };
    let text = style(&text);
    let file = format!(
        "{:03}/{:06}_{:016x}.txt",
        n / FILES_PER_FOLDER,
        n,
        xxhash_rust::xxh3::xxh3_64(text.as_bytes())
    );
    Draft {
        file,
        text,
        title: style(&title),
        authors: authors
            .iter()
            .map(|&a| (w.experts[a].def.name.to_string(), w.experts[a].url.clone()))
            .collect(),
        date: ctx.date,
        kind,
        summary: style(&standfirst),
        headings: sections
            .iter()
            .filter_map(|s| s.heading.as_deref().map(style))
            .collect(),
        timeline,
        topics,
        regions,
        broken_paragraph,
    }
}

/// A space in `p` where breaking leaves a first part ending in a letter and a second part
/// starting with a lower-case letter, outside any link or emphasis.
fn break_point(p: &str, rng: &mut Rng) -> Option<usize> {
    let bytes = p.as_bytes();
    let mut depth = 0i32;
    let mut stars = 0usize;
    let mut candidates = Vec::new();
    for (i, &b) in bytes.iter().enumerate() {
        match b {
            b'[' | b'(' | b'<' => depth += 1,
            b']' | b')' | b'>' => depth -= 1,
            b'*' => stars += 1,
            b' ' if depth == 0
                && stars.is_multiple_of(2)
                && i > p.len() / 4
                && i < p.len() * 3 / 4
                && bytes[i - 1].is_ascii_alphabetic()
                && bytes.get(i + 1).is_some_and(u8::is_ascii_lowercase) =>
            {
                candidates.push(i)
            }
            _ => {}
        }
    }
    (!candidates.is_empty()).then(|| candidates[rng.below(candidates.len())])
}

/// Writes the body: an untitled opening, then 2–5 headed sections, one of which may hold the
/// timeline; the last section argues what to do.
fn body(ctx: &mut Ctx, kind: &str, budget: usize) -> (Vec<Section>, Vec<NaiveDate>) {
    let n_headed = match budget {
        0..=3_999 => 2,
        4_000..=6_499 => ctx.rng.range(2, 3),
        6_500..=8_999 => ctx.rng.range(3, 4),
        _ => ctx.rng.range(3, 5),
    };
    let mut headings: Vec<String> = Vec::new();
    for i in 0..n_headed {
        let h = if i == 0 && ctx.rng.chance(60) {
            ctx.heading(tpl::HEADINGS_OPEN, 10, &headings)
        } else if i + 1 == n_headed && ctx.rng.chance(75) {
            ctx.heading(tpl::HEADINGS_CLOSE, 12, &headings)
        } else {
            ctx.heading(tpl::HEADINGS_MID, 11, &headings)
        };
        headings.push(h);
    }
    let timeline_at = ctx
        .rng
        .chance(82)
        .then(|| ctx.rng.weighted(&[3, 5, 3, 1, 1][..n_headed.min(4)]));
    let mut timeline_dates = Vec::new();
    let mut sections: Vec<Section> = Vec::with_capacity(n_headed + 1);
    let mut used = 0usize;
    for s in 0..=n_headed {
        let heading = s.checked_sub(1).map(|i| headings[i].clone());
        used += heading.as_ref().map_or(0, |h| h.len() + 2);
        let left = n_headed + 1 - s;
        let share = budget.saturating_sub(used) / left;
        let closing = s == n_headed && s > 0;
        let share = match s {
            0 => share.min(1_500),
            _ if closing => share.min(2_200),
            _ => share,
        };
        let mut blocks: Vec<Block> = Vec::new();
        let mut here = 0usize;
        if s == 0 && kind == "Testimony" {
            let frame = ctx.rng.pick(tpl::TESTIMONY_OPENERS);
            let mut p = ctx.sentence(frame);
            p.push(' ');
            p.push_str(&ctx.paragraph(2, false));
            here += p.len() + 2;
            blocks.push(Block::Para(p));
        }
        loop {
            let sentences = if s == 0 {
                ctx.rng.range(2, 4)
            } else {
                ctx.rng.range(3, 6)
            };
            let mut p = ctx.paragraph(sentences, closing);
            let wants_timeline = timeline_at == Some(s) && timeline_dates.is_empty();
            if wants_timeline {
                let room = budget.saturating_sub(used + here + p.len()) / 230;
                let k = ctx.rng.range(3, 10).min(room.max(3));
                let intro = ctx.rng.pick(tpl::TIMELINE_INTROS);
                p.push(' ');
                p.push_str(intro);
                here += p.len() + 2;
                blocks.push(Block::Para(p));
                let (items, dates) = ctx.timeline(k);
                let gap = (items.len() > 4 && ctx.rng.chance(12))
                    .then(|| ctx.rng.range(2, items.len() - 1));
                let list = Block::List(items, gap);
                here += list.len();
                blocks.push(list);
                timeline_dates = dates;
                if ctx.rng.chance(50) {
                    continue;
                }
            } else {
                here += p.len() + 2;
                blocks.push(Block::Para(p));
            }
            if here + 350 >= share {
                break;
            }
        }
        used += here;
        if closing && kind == "Articles & Op-Eds" {
            let outlet = ctx.rng.pick(data::OUTLETS);
            blocks.push(Block::Para(format!(
                "This article was originally published in {outlet}."
            )));
        }
        sections.push(Section { heading, blocks });
    }
    (sections, timeline_dates)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::{parse_bytes, Format};
    use std::collections::{BTreeMap, BTreeSet};

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        for n in [0, 1, 17, 999, 1000, 123_456] {
            assert_eq!(render(7, n), render(7, n));
            assert_ne!(render(7, n).1, render(8, n).1);
        }
        assert_ne!(render(7, 1).1, render(7, 2).1);
        let (name, text) = render(7, 1042);
        assert!(name.starts_with("001/001042_"), "{name}");
        assert!(name.ends_with(".txt") && name.len() == "001/001042_".len() + 16 + 4);
        assert_eq!(
            &name[11..27],
            format!("{:016x}", xxhash_rust::xxh3::xxh3_64(text.as_bytes()))
        );
    }

    #[test]
    fn generate_writes_folders_of_a_thousand() {
        let dir = tempfile::tempdir().expect("temp dir");
        let opts = SynthOptions {
            count: 1003,
            seed: 9,
            out: dir.path().join("out"),
        };
        let report = generate(&opts).expect("generates");
        assert_eq!(report.files, 1003);
        let count = |sub: &str| {
            std::fs::read_dir(opts.out.join(sub))
                .map(|d| d.count())
                .unwrap_or(0)
        };
        assert_eq!((count("000"), count("001")), (1000, 3));
        let (name, text) = render(9, 1002);
        let written = std::fs::read_to_string(opts.out.join(&name)).expect("reads back");
        assert_eq!(written, text);
        let total: u64 = (0..1003).map(|n| render(9, n).1.len() as u64).sum();
        assert_eq!(report.bytes, total);
    }

    #[test]
    fn unwritable_output_names_the_path() {
        let dir = tempfile::tempdir().expect("temp dir");
        let file = dir.path().join("a-file");
        std::fs::write(&file, "x").expect("writes");
        let err = generate(&SynthOptions {
            count: 2,
            seed: 1,
            out: file.clone(),
        })
        .expect_err("cannot write under a file");
        assert!(matches!(err, Error::Io { .. }), "{err}");
        assert!(err.to_string().contains("a-file"), "{err}");
    }

    /// The sample corpus committed with the repository.
    fn corpus_dir() -> std::path::PathBuf {
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
    }

    /// Every file under `root`, sorted.
    fn files_under(root: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut files: Vec<std::path::PathBuf> = walkdir::WalkDir::new(root)
            .into_iter()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_type().is_file())
            .map(|e| e.into_path())
            .collect();
        files.sort();
        files
    }

    /// The committed sample corpus must be exactly what the generator writes for it.
    #[test]
    fn committed_corpus_matches_the_generator() {
        let committed = corpus_dir().join("saved");
        if !committed.exists() {
            return;
        }
        let dir = tempfile::tempdir().expect("temp dir");
        generate(&SynthOptions {
            count: 60,
            seed: 2026,
            out: dir.path().to_path_buf(),
        })
        .expect("generates");
        let rel = |root: &std::path::Path| -> Vec<String> {
            files_under(root)
                .iter()
                .filter_map(|p| p.strip_prefix(root).ok())
                .map(|p| p.display().to_string())
                .collect()
        };
        assert_eq!(rel(&committed), rel(dir.path()), "file lists differ");
        for name in rel(dir.path()) {
            let want = std::fs::read(dir.path().join(&name)).expect("reads generated");
            let have = std::fs::read(committed.join(&name)).expect("reads committed");
            assert!(want == have, "{name} differs from the generator's output");
        }
    }

    /// Every brief in `corpus/` parses without errors or warnings.
    #[test]
    fn committed_corpus_parses_cleanly() {
        let root = corpus_dir();
        if !root.exists() {
            return;
        }
        let mut briefs = 0;
        for path in files_under(&root) {
            let readme = path.file_name().is_some_and(|n| n == "README.md");
            if readme || crate::parse::Format::of_path(&path).is_none() {
                continue;
            }
            let parsed = crate::parse::parse_file(&path).expect("parses");
            assert!(
                parsed.errors.is_empty(),
                "{}: {:?}",
                path.display(),
                parsed.errors
            );
            for b in &parsed.briefs {
                assert!(b.warnings.is_empty(), "{}: {:?}", b.source, b.warnings);
                assert!(
                    !b.title.is_empty() && b.date.is_some() && b.kind.is_some(),
                    "{}",
                    b.source
                );
                assert!(
                    !b.authors.is_empty() && !b.topics.is_empty() && !b.regions.is_empty(),
                    "{}",
                    b.source
                );
                assert!(b.summary.is_some() && b.passages.len() >= 4, "{}", b.source);
            }
            briefs += parsed.briefs.len();
        }
        assert!(briefs >= 60, "{briefs} briefs in corpus/");
    }

    fn parse(text: &str) -> crate::Brief {
        let mut file = parse_bytes(text.as_bytes(), "x.txt", Format::Saved).expect("parses");
        assert_eq!(file.briefs.len(), 1);
        let mut brief = file.briefs.remove(0);
        crate::extract::enrich(&mut brief);
        brief
    }

    #[test]
    fn briefs_are_5_to_15_kb() {
        for n in 0..200 {
            let (_, text) = render(11, n);
            assert!(
                (5_120..=15_000).contains(&text.len()),
                "brief {n} has {} bytes",
                text.len()
            );
        }
    }

    /// Briefs the round-trip test checks; `SYNTH_CHECK_N` raises it for a deeper run.
    fn check_count() -> usize {
        std::env::var("SYNTH_CHECK_N")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(150)
    }

    #[test]
    fn parser_reads_back_what_was_written() {
        let mut broken = 0;
        let seed = std::env::var("SYNTH_CHECK_SEED")
            .ok()
            .and_then(|v| v.parse().ok())
            .unwrap_or(3);
        for n in 0..check_count() {
            let d = compose(seed, n);
            let b = parse(&d.text);
            assert!(b.warnings.is_empty(), "brief {n}: {:?}", b.warnings);
            assert_eq!(b.title, d.title, "brief {n}");
            let authors: Vec<(String, String)> = b
                .authors
                .iter()
                .map(|a| (a.name.clone(), a.url.clone().unwrap_or_default()))
                .collect();
            assert_eq!(authors, d.authors, "brief {n}");
            assert_eq!(b.date, Some(d.date), "brief {n}");
            assert_eq!(b.kind.as_deref(), Some(d.kind), "brief {n}");
            assert_eq!(b.summary.as_deref(), Some(d.summary.as_str()), "brief {n}");
            assert_eq!(b.topics, d.topics, "brief {n}");
            assert_eq!(b.regions, d.regions, "brief {n}");

            let mut headings: Vec<String> = Vec::new();
            for p in &b.passages {
                if let Some(h) = &p.heading {
                    if headings.last() != Some(h) {
                        headings.push(h.clone());
                    }
                }
            }
            assert_eq!(headings, d.headings, "brief {n}");
            assert!((2..=5).contains(&headings.len()), "brief {n}: {headings:?}");
            assert!(b.passages.len() >= 6, "brief {n}");
            for p in &b.passages {
                assert!(
                    !p.text.starts_with(|c: char| c.is_lowercase()),
                    "brief {n}: passage {} starts lower case: {}",
                    p.index,
                    p.text
                );
                for furniture in ["❖", "◆", "RECOMMENDED", "ABOUT THE AUTHORS", "\\$", "**"] {
                    assert!(!p.text.contains(furniture), "brief {n}: {}", p.text);
                }
            }

            let timeline: Vec<NaiveDate> = b
                .events
                .iter()
                .filter(|e| {
                    e.passage.is_some_and(|i| {
                        let first = b.passages[i].text.split_whitespace().next().unwrap_or("");
                        crate::text::date::month_number(first).is_some()
                    })
                })
                .map(|e| e.date)
                .collect();
            assert_eq!(timeline, d.timeline, "brief {n}");
            broken += usize::from(d.broken_paragraph);
        }
        assert!(broken >= 10, "only {broken} briefs with a broken paragraph");
    }

    #[test]
    fn archive_has_variety_and_skew() {
        let mut kinds = BTreeSet::new();
        let mut topics = BTreeSet::new();
        let mut regions = BTreeSet::new();
        let mut years = BTreeSet::new();
        let mut authors: BTreeMap<String, usize> = BTreeMap::new();
        let mut coauthored = 0;
        let mut carried = 0;
        let mut shapes = (0, 0, 0);
        let mut words: BTreeSet<String> = BTreeSet::new();
        let n = 400;
        for i in 0..n {
            let d = compose(5, i);
            kinds.insert(d.kind);
            topics.extend(d.topics.iter().cloned());
            regions.extend(d.regions.iter().cloned());
            years.insert(d.date.year());
            for (a, _) in &d.authors {
                *authors.entry(a.clone()).or_default() += 1;
            }
            coauthored += usize::from(d.authors.len() > 1);
            carried += usize::from(d.text.contains(":** ") && d.text.contains("\n- **"));
            shapes.0 += usize::from(d.text.contains("\\(https://"));
            shapes.1 += usize::from(d.text.contains("** (<https://"));
            shapes.2 += usize::from(d.text.contains("\\$"));
            words.extend(
                d.text
                    .split(|c: char| !c.is_alphabetic())
                    .filter(|w| w.len() > 2)
                    .map(str::to_lowercase),
            );
        }
        assert!(kinds.len() >= 5, "{kinds:?}");
        assert!(topics.len() >= 12, "{topics:?}");
        assert!(regions.len() >= 20, "{regions:?}");
        assert_eq!(years, (2015..=2025).collect(), "{years:?}");
        assert!(authors.len() >= 15, "{authors:?}");
        assert!(
            (n / 4..n * 3 / 4).contains(&coauthored),
            "{coauthored} co-authored"
        );
        assert!(carried > n / 2, "{carried} with timelines");
        assert!(
            shapes.0 > 20 && shapes.1 > 10 && shapes.2 > 40,
            "{shapes:?}"
        );
        assert!(words.len() > 3_000, "{} distinct words", words.len());
        let mut counts: Vec<usize> = authors.values().copied().collect();
        counts.sort_unstable_by(|a, b| b.cmp(a));
        assert!(counts[0] > 4 * counts[counts.len() / 2], "{counts:?}");
    }

    #[test]
    fn every_frame_fills() {
        let lists: &[&[&str]] = &[
            tpl::TITLES,
            tpl::HEADINGS_OPEN,
            tpl::HEADINGS_MID,
            tpl::HEADINGS_CLOSE,
            tpl::STANDFIRSTS,
            tpl::STANDFIRSTS_TESTIMONY,
            tpl::TESTIMONY_OPENERS,
            tpl::NARRATIVE,
            tpl::FILLER,
            tpl::RECOMMEND,
            tpl::BULLETS,
            tpl::BULLET_TAILS,
        ];
        for seed in 0..5 {
            let mut ctx = Ctx::new(seed, 0);
            ctx.date = ctx.pub_date();
            let authors = ctx.choose_authors();
            ctx.choose_setting(authors[0]);
            ctx.choose_cast();
            for list in lists {
                for frame in *list {
                    let s = ctx.sentence(frame);
                    assert!(!s.contains(['{', '}']), "{frame} -> {s}");
                    assert!(!s.contains("  ") && !s.contains(",."), "{s}");
                }
            }
            for frame in tpl::HEADINGS_OPEN
                .iter()
                .chain(tpl::HEADINGS_MID)
                .chain(tpl::HEADINGS_CLOSE)
            {
                let h = ctx.headline(frame);
                assert!(crate::parse::body::looks_like_heading(&h), "{h}");
            }
        }
    }
}
