//! Fills the `{key}` slots of sentence frames (keys listed in `data::templates`): the brief's
//! people at first and later mention, organisations with acronyms defined once, places,
//! topic terms (some as links), vocabulary words, numbers, money and dates.

use chrono::{Datelike, Duration, NaiveDate};

use super::ctx::Ctx;
use super::data::{self, OrgKind};
use super::english::{possessive, slugify, with_commas, Noun, Verb};
use crate::text::date::{MONTHS, MONTHS_AP};

/// Small counts spelt out ("three officials").
const SMALL_NUMBERS: &[&str] = &[
    "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
];

/// Tens spelt out, for "forty-two".
const TENS: &[&str] = &[
    "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

/// Units spelt out, for "forty-two".
const ONES: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
];

/// Where links to the Institute's own analysis point.
const INSTITUTE_URL: &str = "https://www.larkspurinstitute.example/policy-analysis/";

impl Ctx {
    /// The static definition of country `ri`.
    fn region_def(&self, ri: usize) -> &'static data::RegionDef {
        self.w.regions[ri].def
    }

    /// A country other than the first: another tagged one, or one mentioned untagged.
    fn second_region(&mut self) -> usize {
        if self.regions.len() > 1 && self.rng.chance(70) {
            self.regions[1 + self.rng.below(self.regions.len() - 1)]
        } else {
            self.others[self.rng.below(self.others.len())]
        }
    }

    /// A cast member not yet in this sentence: full name with post at first mention, short
    /// name (sometimes with honorific) after.
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

    /// Organisation `o`: its name, with the acronym defined at first mention and used after.
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

    /// One of the brief's organisations, the earlier ones more often.
    fn org(&mut self) -> String {
        let o = self.orgs[self.rng.zipf(self.orgs.len())];
        self.org_mention(o)
    }

    /// One of the brief's international bodies.
    fn intl(&mut self) -> String {
        let o = self.intl[self.rng.below(self.intl.len())];
        self.org_mention(o)
    }

    /// One of the brief's topics, mostly the first.
    fn topic(&mut self) -> usize {
        if self.topics.len() > 1 && self.rng.chance(35) {
            self.topics[1 + self.rng.below(self.topics.len() - 1)]
        } else {
            self.topics[0]
        }
    }

    /// A term of one of the brief's topics.
    fn term(&mut self) -> &'static str {
        let t = self.topic();
        let terms = &self.w.topics[t].terms;
        terms[self.rng.zipf(terms.len())]
    }

    /// A noun of one of the brief's topics.
    fn topic_word(&mut self) -> &'static Noun {
        let t = self.topic();
        let words = &self.w.topics[t].words;
        &words[self.rng.zipf(words.len())]
    }

    /// A noun of the general vocabulary, sometimes one of a topic.
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

    /// A topic noun that has a plural, else any countable noun.
    fn countable_topic_word(&mut self) -> &'static Noun {
        for _ in 0..8 {
            let n = self.topic_word();
            if n.countable {
                return n;
            }
        }
        self.countable_noun()
    }

    /// A verb of the general vocabulary.
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

    /// A count as prose writes it: spelt out, two or three digits, or in the thousands.
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

    /// An amount in millions or billions of dollars, `$` escaped as saved pages do.
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

    /// Month `m0` (0-based) in this brief's style: full, or AP abbreviations.
    pub(super) fn month_name(&self, m0: usize) -> &'static str {
        if self.ap_months {
            MONTHS_AP[m0]
        } else {
            MONTHS[m0]
        }
    }

    /// A date `min_days` to `max_days` before publication.
    fn past_date(&mut self, min_days: usize, max_days: usize) -> NaiveDate {
        self.date - Duration::days(self.rng.range(min_days, max_days) as i64)
    }

    /// Appends the text for slot `key` to `out`; an unknown key is written back as `{key}`.
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
    pub(super) fn expand(&mut self, frame: &str) -> String {
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::synth::data::templates as tpl;

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
