//! Step 3 of reading a text: grouping capitalised tokens into runs, each a candidate name.
//!
//! A run may carry name particles (al-, bin, ibn, -e-) and, after an organisation or place
//! keyword, the connectors "of", "for", "the" and "and" ("Ministry of Mines and Petroleum",
//! "Strait of Hormuz"). A gazetteer match is one unit of a run; punctuation, a possessive and
//! calendar words end a run, and in a headline words join only behind a given name.

use super::doc::Doc;
use super::tokenize::{Gap, Shape};

impl Doc<'_> {
    /// A lowercase particle that can open a name when a hyphen follows ("al-Sharaa").
    pub(super) fn opening_particle(&self, i: usize) -> bool {
        self.toks[i].shape == Shape::Lower && self.lower_is(i, &self.lex.opening_particles)
    }

    /// The last token of the run starting at `i`.
    pub(super) fn run_end(&self, i: usize) -> usize {
        let n = self.toks.len();
        let mut j = self.unit_end(i);
        let mut has_of = false;
        // Flags over the tokens joined so far, kept incrementally so long runs stay linear.
        let mut scanned = i;
        let mut keyword_before = false;
        let mut hit_before = false;
        loop {
            if self.toks[j].poss || j + 1 >= n {
                return j;
            }
            let next = j + 1;
            let gap = self.toks[next].gap;
            if gap == Gap::Punct {
                return j;
            }
            if self.headline[self.toks[j].line] && !self.headline_joinable(i, next) {
                return j;
            }
            if self.toks[next].capish() || self.hit_at[next].is_some() {
                if self.is_calendar(next) {
                    return j;
                }
                j = self.unit_end(next);
                continue;
            }
            if self.toks[next].shape != Shape::Lower || next + 1 >= n {
                return j;
            }
            let after = next + 1;
            let after_ok = matches!(self.toks[after].gap, Gap::Space | Gap::Hyphen)
                && (self.toks[after].capish() || self.hit_at[after].is_some())
                && !self.toks[next].poss;
            if !after_ok {
                return j;
            }
            if self.lower_is(next, &self.lex.particles) {
                j = self.unit_end(after);
                continue;
            }
            while scanned <= j {
                keyword_before |= self.takes_of(scanned);
                hit_before |= self.hit_at[scanned].is_some();
                scanned += 1;
            }
            let w = self.word(next);
            match w {
                "of" | "for" if keyword_before => {
                    has_of = true;
                    j = self.unit_end(after);
                }
                "of" | "for" | "and" | "on"
                    if keyword_before
                        && self.word(after) == "the"
                        && after + 1 < n
                        && self.toks[after + 1].capish() =>
                {
                    has_of = true;
                    j = self.unit_end(after + 1);
                }
                "and" if has_of && self.hit_at[after].is_none() => {
                    j = self.unit_end(after);
                }
                "and" if !has_of && !hit_before && self.hit_at[after].is_none() => {
                    // "Ports and Maritime Organization": joined only when the words after
                    // "and" end in an organisation head.
                    match self.head_after_and(after) {
                        Some(e) => {
                            j = e;
                            has_of = true;
                        }
                        None => return j,
                    }
                }
                "the" if has_of => {
                    j = self.unit_end(after);
                }
                _ => return j,
            }
        }
    }

    /// After "and", the last organisation head among the next few capitalised words
    /// ("and Maritime Organization"), if any. Looks at most eight words ahead.
    fn head_after_and(&self, after: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut head = self
            .lex
            .org_heads
            .contains(self.word(after))
            .then_some(after);
        let mut k = after;
        while k + 1 < n
            && k - after < 8
            && !self.toks[k].poss
            && matches!(self.toks[k + 1].gap, Gap::Space | Gap::Hyphen)
            && self.toks[k + 1].capish()
        {
            k += 1;
            if self.lex.org_heads.contains(self.word(k)) {
                head = Some(k);
            }
        }
        head
    }

    /// In a headline every word is capitalised, so words join only behind a given name
    /// ("Majid Nikouei"): "Iran Formalizes Ties" stays three words.
    fn headline_joinable(&self, start: usize, next: usize) -> bool {
        self.lex.given.contains(self.word(start)) && self.toks[next].capish()
    }

    /// The last token of the unit starting at `i`: a gazetteer hit's last token, or `i`.
    fn unit_end(&self, i: usize) -> usize {
        self.hit_at[i].map_or(i, |h| h.last)
    }

    /// A month, weekday or holiday name.
    pub(super) fn is_calendar(&self, i: usize) -> bool {
        self.lex.calendar.contains(self.word(i))
    }

    /// Whether a token lets "of"/"for" continue a run after it.
    fn takes_of(&self, k: usize) -> bool {
        let w = self.word(k);
        self.lex.org_openers.contains(w)
            || self.lex.place_openers.contains(w)
            || self.lex.org_heads.contains(w)
            || w == "Minister"
            || w == "Secretary"
    }
}
