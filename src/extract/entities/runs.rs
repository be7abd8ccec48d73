//! Step 3 of reading a text: grouping capitalised tokens into runs, each a candidate name.
//!
//! A run may carry name particles (al-, bin, ibn, -e-) and, after an organisation or place
//! keyword, the connectors "of", "for", "the" and "and" ("Ministry of Mines and Petroleum",
//! "Strait of Hormuz"). A gazetteer match is one unit of a run; punctuation, a possessive and
//! calendar words end a run, and in a headline words join only behind a given name.

use super::doc::Doc;
use super::tokenize::{Gap, Shape};
use crate::model::EntityKind;

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
        loop {
            if j + 1 >= n {
                return j;
            }
            if self.toks[j].poss {
                // "People's Palace", "House Veterans' Affairs Committee": a possessive that
                // belongs to the name, not a possessor of it.
                match self.possessive_inside_name(j) {
                    Some(e) => {
                        j = e;
                        continue;
                    }
                    None => return j,
                }
            }
            let next = j + 1;
            let gap = self.toks[next].gap;
            if gap == Gap::Punct {
                // "Committee on Agriculture, Nutrition, and Forestry", "Senate Commerce,
                // Science, and Transportation Committee": a comma list inside one name.
                match self.comma_list_end(j, has_of) {
                    Some(e) => {
                        j = e;
                        continue;
                    }
                    None => return j,
                }
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
                scanned += 1;
            }
            let w = self.word(next);
            match w {
                "of" | "for" | "on" if keyword_before && !self.is_calendar(after) => {
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
                "of" if !keyword_before && !self.lower_in(i, &self.lex.title_heads) => {
                    // "Battle of Midway National Memorial": "of" inside a name that ends in
                    // a place or organisation head a few words on.
                    match self.head_after(after) {
                        Some(e) => {
                            has_of = true;
                            j = e;
                        }
                        None => return j,
                    }
                }
                "and" if !has_of && !self.place_hit_in(i, j) && self.hit_at[after].is_none() => {
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

    /// Whether a gazetteer place lies in tokens `i..=j`: "Iran and Iraq" is no one name.
    fn place_hit_in(&self, i: usize, j: usize) -> bool {
        (i..=j).any(|k| {
            self.hit_at[k].is_some_and(|h| self.gaz.entries[h.entry].kind == EntityKind::Place)
        })
    }

    /// After "of" (and an optional "the"), the last token of up to six capitalised words if
    /// the last of them is a place or organisation head.
    fn head_after(&self, after: usize) -> Option<usize> {
        let n = self.toks.len();
        let mut k = after;
        if self.word(k) == "the" && k + 1 < n && self.toks[k + 1].gap == Gap::Space {
            k += 1;
        }
        if !self.toks[k].capish() {
            return None;
        }
        let start = k;
        while k + 1 < n
            && k - start < 6
            && !self.toks[k].poss
            && self.toks[k + 1].gap == Gap::Space
            && self.toks[k + 1].capish()
        {
            k += 1;
        }
        let w = self.word(k);
        (self.lex.place_heads.contains(w) || self.lex.org_heads.contains(w)).then_some(k)
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

    /// If the possessive after token `j` stays inside a name, the last token of the words
    /// it joins: a listed word ("People's") or a plural with a bare apostrophe
    /// ("Veterans'"), not a gazetteer name or a given name, followed by up to four
    /// capitalised words that end in an organisation or place head.
    fn possessive_inside_name(&self, j: usize) -> Option<usize> {
        let n = self.toks.len();
        let w = self.word(j);
        // The token is followed by an apostrophe (straight or curly); "'s" or a bare one.
        let mut after = self.text[self.toks[j].end..].chars().skip(1);
        let bare_plural = w.ends_with('s') && after.next() != Some('s');
        if self.hit_at[j].is_some()
            || self.lex.given.contains(w)
            || !(bare_plural || self.lex.possessive_name_words.contains(w))
        {
            return None;
        }
        let mut k = j + 1;
        let mut head = None;
        while k < n && k - j <= 4 && self.toks[k].gap == Gap::Space && self.toks[k].capish() {
            let word = self.word(k);
            if self.lex.org_heads.contains(word) || self.lex.place_heads.contains(word) {
                head = Some(k);
            }
            if self.toks[k].poss {
                break;
            }
            k += 1;
        }
        head
    }

    /// If a comma after token `j` continues one name, the last token of that name. Two
    /// shapes: after "of"/"on" ("Committee on Agriculture, Nutrition, and Forestry") items
    /// of one or two capitalised words and a closing "and" item; without "of" the same list
    /// must end in an organisation head ("Senate Commerce, Science, and Transportation
    /// Committee"). Plain lists of names ("Canada, Mexico, and China") end neither way.
    fn comma_list_end(&self, j: usize, has_of: bool) -> Option<usize> {
        let n = self.toks.len();
        let mut k = j;
        loop {
            // k is the last token of an item; expect ", " next.
            if k + 1 >= n || &self.text[self.toks[k].end..self.toks[k + 1].start] != ", " {
                return None;
            }
            let first = k + 1;
            if self.word(first) == "and" {
                let mut e = first + 1;
                if e >= n || self.toks[e].gap != Gap::Space || !self.toks[e].capish() {
                    return None;
                }
                while e + 1 < n
                    && e - first < 4
                    && self.toks[e + 1].gap == Gap::Space
                    && self.toks[e + 1].capish()
                {
                    e += 1;
                }
                let head = self.lex.org_heads.contains(self.word(e));
                return (has_of || head).then_some(e);
            }
            if !self.toks[first].capish() || self.hit_at[first].is_some() {
                return None;
            }
            k = first;
            if k + 1 < n && self.toks[k + 1].gap == Gap::Space && self.toks[k + 1].capish() {
                k += 1;
            }
            if k - j > 8 {
                return None;
            }
        }
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
