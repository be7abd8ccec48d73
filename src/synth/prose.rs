//! Turns frames into prose: sentences and headlines, paragraphs, the title, section headings
//! and timeline bullets, each frame drawn without repeats inside one brief while any are left.

use chrono::{Datelike, Duration, NaiveDate};

use super::ctx::Ctx;
use super::data::templates as tpl;
use super::english::{polish, title_case};

impl Ctx {
    /// A sentence from `frame`: slots filled, articles fixed, first letter capitalised.
    pub(super) fn sentence(&mut self, frame: &str) -> String {
        let s = self.expand(frame);
        polish(&s)
    }

    /// A headline from `frame`: like [`Ctx::sentence`], then in headline case.
    pub(super) fn headline(&mut self, frame: &str) -> String {
        let s = self.expand(frame);
        title_case(&polish(&s))
    }

    /// Picks a frame from `list`, avoiding ones this brief already used while any are left.
    pub(super) fn fresh(&mut self, list: &'static [&'static str], tag: usize) -> &'static str {
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

    /// A body paragraph of `sentences` sentences, the only prose that may carry links; a
    /// `closing` one leans on recommendations.
    pub(super) fn paragraph(&mut self, sentences: usize, closing: bool) -> String {
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

    /// A brief title, from a frame this brief has not used yet while any are left.
    pub(super) fn title(&mut self) -> String {
        let frame = self.fresh(tpl::TITLES, 4);
        self.headline(frame)
    }

    /// Timeline bullets and their dates: year on the first item and whenever it changes (or on
    /// every item in some briefs), dates in order, all before publication.
    pub(super) fn timeline(&mut self, k: usize) -> (Vec<String>, Vec<NaiveDate>) {
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

    /// A section heading from `list` that differs from every heading in `taken`.
    pub(super) fn heading(
        &mut self,
        list: &'static [&'static str],
        tag: usize,
        taken: &[String],
    ) -> String {
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
