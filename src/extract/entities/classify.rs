//! Step 4 of reading a text: classifying each run as a person, an organisation or a place,
//! or dropping it, and recording how sure the rules are ([`Evidence`]).
//!
//! A leading title ("Foreign Minister", "Ambassador", "Gen.") is dropped and marks a person; a
//! head word marks an organisation ("Bank", "Ministry", "Front", "Party", "Council", "Corps"
//! ...) or a place ("Province", "River", "Airport" ...); a gazetteer match gives its kind;
//! given names, particles and lowercase titles before the run ("foreign minister Amir Khan
//! Muttaqi") mark people; a place preposition ("in", "near") marks a place. Remaining runs of
//! two to five name-like words are people.

use super::doc::Doc;
use super::gazetteer::Hit;
use super::tokenize::{Gap, Shape};
use crate::model::EntityKind;

/// Why a candidate has its kind, strongest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Evidence {
    /// A single capitalised word with nothing around it: kept only if an alias resolves it.
    Unsupported,
    /// A context cue (a preposition, a following verb) or the default for name-like runs.
    Weak,
    /// A rule: a title, a head word, a given name, a particle.
    Rule,
    /// A gazetteer entry or a defined acronym.
    Strong,
}

/// A candidate mention: a span of one text with its kind, before aliases are resolved.
#[derive(Debug, Clone)]
pub(super) struct Cand {
    /// Index of the text it was read from.
    pub(super) text: usize,
    /// Byte offset of the first byte in its text.
    pub(super) start: usize,
    /// Byte offset one past the last byte in its text.
    pub(super) end: usize,
    /// Person, organization or place.
    pub(super) kind: EntityKind,
    /// Why it has its kind.
    pub(super) evidence: Evidence,
    /// Canonical name from the gazetteer, when it matched.
    pub(super) canonical: Option<&'static str>,
    /// Number of name words (for surname matching).
    pub(super) words: usize,
    /// Index (in the candidate list) of the mention that possesses this one ("Taliban's").
    pub(super) possessor: Option<usize>,
    /// The mention is followed by a possessive.
    pub(super) poss: bool,
    /// A generic body ("Ministry of Defense") whose canonical name takes its possessor.
    pub(super) generic: bool,
    /// All caps, parenthesised right after a long form: an acronym definition.
    pub(super) acronym_of: Option<usize>,
    /// Merged into a longer candidate; not reported.
    pub(super) dead: bool,
    /// Canonical name built by a rule ("Ministry of Trade" for "Trade" in "Ministries of
    /// Finance and Trade").
    pub(super) built_canonical: Option<String>,
}

impl Doc<'_> {
    /// Classifies the run `a..=b` and pushes its candidates.
    pub(super) fn classify_run(&self, ti: usize, a: usize, b: usize, out: &mut Vec<Cand>) {
        let mut a = a;
        // Leading "The", calendar words, and sentence openers that are ordinary words.
        while a <= b {
            let w = self.word(a);
            let is_hit = self.hit_at[a].is_some();
            let strip = !is_hit
                && (self.is_calendar(a)
                    || w == "The"
                    || w == "the"
                    || (self.toks[a].shape == Shape::Cap && self.lower_in(a, &self.lex.common))
                    || (self.toks[a].sent
                        && self.toks[a].shape == Shape::Cap
                        && w.ends_with("ly")
                        && a < b));
            if !strip {
                break;
            }
            a += 1;
        }
        if a > b {
            return;
        }
        // Trailing calendar words ("Kabul March") and a lone trailing "The".
        let mut b = b;
        while b > a && self.hit_at[b].is_none() && self.is_calendar(b) {
            b -= 1;
        }
        let headline = self.headline[self.toks[a].line];
        // "Hurricane Harvey", "Title III", "USS Oklahoma": not entities, unless a head word
        // makes the run a body or a place ("USS Oklahoma Memorial Foundation").
        if self.hit_at[a].is_none()
            && self.lex.non_entity_openers.contains(self.word(a))
            && self.org_or_place_by_head(a, b).is_none()
        {
            return;
        }
        // "Ministries of Finance, Foreign Affairs, and Trade": one mention per ministry.
        if self.ministries_list(ti, a, b, out) {
            return;
        }
        // "VA Secretary David Shulkin", "Senate Majority Leader John Thune": a title inside
        // the run, a name after it; what precedes the title is read on its own.
        if let Some((title_start, name_start)) = self.inner_title(a, b) {
            if title_start > a {
                self.classify_run(ti, a, title_start - 1, out);
            }
            self.push_person(ti, name_start, b, Evidence::Rule, out);
            return;
        }

        // Exactly one gazetteer span.
        if let Some(h) = self.hit_at[a] {
            if h.last == b {
                self.push_hit(ti, h, out);
                return;
            }
        }

        // Title prefix: "Foreign Minister", "Taliban Supreme Leader", "Gen.".
        if let Some(name_start) = self.title_prefix(a, b) {
            let mut k = a;
            while k < name_start {
                if let Some(h) = self.hit_at[k] {
                    if h.last < name_start {
                        self.push_hit(ti, h, out);
                        k = h.last + 1;
                        continue;
                    }
                }
                k += 1;
            }
            self.push_person(ti, name_start, b, Evidence::Rule, out);
            return;
        }

        // "House of Representatives Mike Johnson": a gazetteer body, then a person's name.
        if let Some(h) = self.hit_at[a] {
            let rest = h.last + 1;
            if h.last < b
                && b - rest < 4
                && self.lex.given.contains(self.word(rest))
                && (rest..=b).all(|k| self.hit_at[k].is_none() && self.toks[k].capish())
                && self.org_or_place_by_head(rest, b).is_none()
            {
                self.push_hit(ti, h, out);
                self.push_person(ti, rest, b, Evidence::Rule, out);
                return;
            }
        }
        // "Salahuddin Rabbani": a place word, then a word that ends another person's name in
        // the text ("Burhanuddin Rabbani"), is one person.
        if b == a + 1
            && self.hit_at[a].is_some_and(|h| {
                h.first == a && h.last == a && self.gaz.entries[h.entry].kind == EntityKind::Place
            })
            && self.hit_at[b].is_none()
            && self.toks[b].shape == Shape::Cap
            && self.name_like(b, b)
            && self.surname_elsewhere(b)
        {
            self.push_person(ti, a, b, Evidence::Rule, out);
            return;
        }
        // "Juan Pablo Madrid": a given name, then a word that is also a place, is one person.
        if a < b
            && b - a < 4
            && self.hit_at[a].is_none()
            && self.lex.given.contains(self.word(a))
            && self.hit_at[b].is_some_and(|h| {
                h.first == b && self.gaz.entries[h.entry].kind == EntityKind::Place
            })
            && (a..b).all(|k| self.hit_at[k].is_none() && self.toks[k].capish())
        {
            self.push_person(ti, a, b, Evidence::Rule, out);
            return;
        }

        if let Some(kind) = self.org_or_place_by_head(a, b) {
            let a2 = if self.toks[a].sent && self.lower_in(a, &self.lex.common) {
                a + 1
            } else {
                a
            };
            let generic = kind == EntityKind::Organization && self.is_generic(a2, b);
            self.push(ti, a2, b, kind, Evidence::Rule, out);
            if let Some(c) = out.last_mut() {
                c.generic = generic;
            }
            return;
        }
        if self.non_entity_head(b) {
            return;
        }

        // Gazetteer spans inside the run: emit them, classify what lies between.
        let has_hit = (a..=b).any(|k| self.hit_at[k].is_some());
        if has_hit && !self.particle_name(a, b) {
            let mut k = a;
            let mut seg = a;
            while k <= b {
                if let Some(h) = self.hit_at[k] {
                    if h.last <= b {
                        if seg < k {
                            self.classify_plain(ti, seg, k - 1, headline, out);
                        }
                        // "Treasury Secretary": the department only names the office.
                        let office = h.last < b
                            && matches!(self.word(h.last + 1), "Secretary" | "Secretaries");
                        if !office {
                            self.push_hit(ti, h, out);
                        }
                        k = h.last + 1;
                        seg = k;
                        continue;
                    }
                }
                k += 1;
            }
            if seg <= b {
                self.classify_plain(ti, seg, b, headline, out);
            }
            return;
        }
        self.classify_plain(ti, a, b, headline, out);
    }

    /// A run with no gazetteer span, no title and no head word.
    fn classify_plain(&self, ti: usize, a: usize, b: usize, headline: bool, out: &mut Vec<Cand>) {
        let mut a = a;
        while a <= b
            && (self.lex.demonyms.contains(self.word(a))
                || self.word(a) == "The"
                || self.is_calendar(a)
                || (self.toks[a].shape == Shape::Cap && self.lower_in(a, &self.lex.common)))
        {
            a += 1;
        }
        if a > b {
            return;
        }
        let words = b - a + 1;
        if self.non_entity_head(b) {
            return;
        }
        // Words that are all titles ("Speaker", "Comptroller General") name no one.
        if (a..=b).all(|k| {
            self.lower_in(k, &self.lex.title_heads) || self.lower_in(k, &self.lex.title_mods)
        }) {
            return;
        }
        // Acronyms: all caps, one token; also their plurals ("ACVs").
        let plural_acronym = {
            let w = self.word(a);
            w.len() >= 3
                && w.ends_with('s')
                && w[..w.len() - 1].chars().all(|c| c.is_ascii_uppercase())
        };
        if words == 1 && (self.toks[a].shape == Shape::Upper || plural_acronym) {
            if is_roman_numeral(self.word(a)) {
                return;
            }
            // An acronym the gazetteer does not know counts only if a definition in the text
            // ("Tehrik-e-Taliban Pakistan (TTP)") resolves it: undefined ones in real briefs
            // are mostly laws, programs, units and codes ("H.R.", "UF6", "BRIC").
            self.push(
                ti,
                a,
                a,
                EntityKind::Organization,
                Evidence::Unsupported,
                out,
            );
            return;
        }
        let given = self.lex.given.contains(self.word(a));
        let particle = self.particle_name(a, b);
        let person_rule = given || particle;
        if headline {
            let whole_line = (a == 0 || self.toks[a].gap == Gap::Punct)
                && (b + 1 >= self.toks.len() || self.toks[b + 1].gap == Gap::Punct);
            if person_rule && whole_line && (2..=4).contains(&words) {
                self.push_person(ti, a, b, Evidence::Rule, out);
            }
            return;
        }
        // "Hizb-e Wahdat", "Jamiat-e Islami": a party or movement by its first word.
        if self.lex.org_first_words.contains(self.word(a)) && words >= 2 {
            self.push(ti, a, b, EntityKind::Organization, Evidence::Rule, out);
            return;
        }
        // "TankerTrackers", "MineOne": a capital inside a word marks a brand.
        if words == 1 && camel_case(self.word(a)) {
            self.push(ti, a, a, EntityKind::Organization, Evidence::Weak, out);
            return;
        }
        // "Writing in Foreign Affairs": a publication, not a place.
        if self.publication_cue(a) {
            self.push(ti, a, b, EntityKind::Organization, Evidence::Weak, out);
            return;
        }
        if self.title_before(a) {
            // "Secretary of the Interior": a department word after a title is no name.
            if !(words == 1 && self.lex.generic.contains(self.word(a))) {
                self.push_person(ti, a, b, Evidence::Rule, out);
            }
            return;
        }
        if person_rule && words >= 2 {
            self.push_person(ti, a, b, Evidence::Rule, out);
            return;
        }
        if self.place_cue(a, b) {
            // "to States", "in Department programs": a capitalised common noun is no place.
            let w = self.word(a);
            let noun = |w: &str| {
                self.lex.org_heads.contains(w)
                    || self.lex.place_heads.contains(w)
                    || self.lex.non_entity_heads.contains(w)
                    || self.lex.generic.contains(w)
            };
            let common_noun = words == 1 && (noun(w) || w.strip_suffix('s').is_some_and(noun));
            // "in Implementation", "the Mexican": ordinary words and demonyms are no places.
            if !common_noun && (words > 1 || self.name_like(a, b)) {
                self.push(ti, a, b, EntityKind::Place, Evidence::Weak, out);
            }
            return;
        }
        if words == 1 && self.maker_after(b) {
            self.push(ti, a, a, EntityKind::Organization, Evidence::Weak, out);
            return;
        }
        // "the Administration said": a head word alone names no one.
        if words == 1
            && (self.lex.org_heads.contains(self.word(a))
                || self.lex.place_heads.contains(self.word(a)))
        {
            return;
        }
        if words == 1 {
            let ev = if self.person_verb_after(b) {
                Evidence::Weak
            } else {
                Evidence::Unsupported
            };
            if self.toks[a].sent
                && ev == Evidence::Unsupported
                && self.lower_in(a, &self.lex.common)
            {
                return;
            }
            self.push(ti, a, a, EntityKind::Person, ev, out);
            return;
        }
        if words <= 5 && self.name_like(a, b) {
            self.push(ti, a, b, EntityKind::Person, Evidence::Weak, out);
        }
    }

    /// Pushes a person, without the demonyms that may open the run ("Iranian").
    fn push_person(&self, ti: usize, a: usize, b: usize, ev: Evidence, out: &mut Vec<Cand>) {
        let mut a = a;
        while a <= b && self.lex.demonyms.contains(self.word(a)) {
            a += 1;
        }
        if a > b {
            return;
        }
        if a == b && self.toks[a].shape == Shape::Upper && is_roman_numeral(self.word(a)) {
            return;
        }
        self.push(ti, a, b, EntityKind::Person, ev, out);
    }

    /// Whether the words `a..=b` look like a name: no ordinary-word endings, no common words.
    fn name_like(&self, a: usize, b: usize) -> bool {
        let department = (a..=b)
            .all(|k| self.toks[k].shape == Shape::Lower || self.lex.generic.contains(self.word(k)));
        !department
            && (a..=b).all(|k| {
                let w = self.word(k);
                if self.toks[k].shape == Shape::Lower {
                    return true;
                }
                if self.lower_in(k, &self.lex.common) || (k == a && self.lex.demonyms.contains(w)) {
                    return false;
                }
                if self.lex.given.contains(w) {
                    return true;
                }
                // Codes ("IN11281", "MRC", a trailing "M"), head words and titles are not
                // parts of a name.
                let letters = w.chars().filter(|c| c.is_alphabetic()).count();
                if w.chars().any(|c| c.is_ascii_digit())
                    || (self.toks[k].shape == Shape::Upper && letters >= 3 && !is_roman_numeral(w))
                    || (k == b && k > a && letters == 1 && !w.ends_with('.'))
                    || self.lex.org_heads.contains(w)
                    || self.lex.place_heads.contains(w)
                    || self.lex.non_entity_heads.contains(w)
                    || self.lower_in(k, &self.lex.title_heads)
                {
                    return false;
                }
                let lw = w.to_lowercase();
                !self
                    .lex
                    .non_name_suffixes
                    .iter()
                    .any(|s| lw.len() > s.len() + 2 && lw.ends_with(s))
            })
    }

    /// Whether the run carries an Arabic or Persian name particle or opener: "al-", "bin",
    /// "ibn", "Abu", "Abdul", "Abd".
    fn particle_name(&self, a: usize, b: usize) -> bool {
        let mut in_hit = vec![false; b + 1 - a];
        for k in a..=b {
            if let Some(h) = self.hit_at[k] {
                for x in k..=h.last.min(b) {
                    in_hit[x - a] = true;
                }
            }
        }
        (a..=b).filter(|&k| !in_hit[k - a]).any(|k| {
            let w = self.word(k);
            let lower_particle = self.toks[k].shape == Shape::Lower
                && (matches!(w, "bin" | "ibn" | "bint")
                    || (self.lex.opening_particles.contains(&w)
                        && k < b
                        && self.toks[k + 1].gap == Gap::Hyphen));
            lower_particle
                || (k < b && matches!(w, "Abu" | "Abdul" | "Abd" | "Abdel" | "Bin" | "Ibn"))
        })
    }

    /// If the run opens with a title ("Prime Minister", "Ambassador", "Taliban Supreme
    /// Leader"), the index where the name after it starts.
    fn title_prefix(&self, a: usize, b: usize) -> Option<usize> {
        let mut k = a;
        let mut last_head: Option<usize> = None;
        while k <= b {
            if let Some(h) = self.hit_at[k] {
                if last_head.is_none() && h.last < b && h.first == k {
                    k = h.last + 1;
                    continue;
                }
                break;
            }
            let w = self.word(k);
            if k == a && self.lex.demonyms.contains(w) {
                k += 1;
                continue;
            }
            if self.toks[k].shape == Shape::Lower {
                // "Minister of Foreign Affairs": of + department words.
                if (w == "of" || w == "for") && last_head.is_some() {
                    let mut m = k + 1;
                    while m <= b && self.lex.generic.contains(self.word(m)) {
                        m += 1;
                    }
                    if m > k + 1 && m <= b {
                        last_head = Some(m - 1);
                        k = m;
                        continue;
                    }
                }
                break;
            }
            let head = self.lower_in(k, &self.lex.title_heads);
            let modifier = self.lower_in(k, &self.lex.title_mods);
            if head {
                last_head = Some(k);
            } else if !modifier {
                break;
            }
            k += 1;
        }
        let h = last_head?;
        if h >= b {
            return None;
        }
        let rest = h + 1;
        // "Justice Department", "Speaker of the House": no name follows the title.
        if self.toks[rest].shape == Shape::Lower
            || (rest == b
                && (self.lex.org_heads.contains(self.word(rest))
                    || self.lex.place_heads.contains(self.word(rest))))
        {
            return None;
        }
        if self.org_or_place_by_head(rest, b).is_some() || self.non_entity_head(b) {
            return None;
        }
        if let Some(hit) = self.hit_at[rest] {
            if hit.last == b {
                return None;
            }
        }
        // "Senior Official Performing the Duties": what follows the title must read as a
        // name.
        if self.hit_at[rest].is_none() && !self.name_like(rest, b) {
            return None;
        }
        Some(rest)
    }

    /// Splits "Ministries of A, B, and C" (or "Departments of ...") into one organisation per
    /// item, each named "Ministry of A" and so on; the first mention keeps "Ministries of".
    /// Returns whether the run was such a list.
    fn ministries_list(&self, ti: usize, a: usize, b: usize, out: &mut Vec<Cand>) -> bool {
        let singular = match self.word(a) {
            "Ministries" => "Ministry",
            "Departments" => "Department",
            _ => return false,
        };
        if b < a + 3 || self.word(a + 1) != "of" {
            return false;
        }
        // Items: runs of capitalised tokens split by punctuation or "and".
        let mut items: Vec<(usize, usize)> = Vec::new();
        let mut k = a + 2;
        while k <= b {
            if self.word(k) == "and" || !self.toks[k].capish() {
                k += 1;
                continue;
            }
            let s = k;
            while k < b
                && self.toks[k + 1].gap == Gap::Space
                && self.toks[k + 1].capish()
                && self.word(k + 1) != "and"
            {
                k += 1;
            }
            items.push((s, k));
            k += 1;
        }
        if items.len() < 2 {
            return false;
        }
        for (n, &(s, e)) in items.iter().enumerate() {
            let name = &self.text[self.toks[s].start..self.toks[e].end];
            let from = if n == 0 { a } else { s };
            self.push(ti, from, e, EntityKind::Organization, Evidence::Rule, out);
            if let Some(c) = out.last_mut() {
                c.built_canonical = Some(format!("{singular} of {name}"));
            }
        }
        true
    }

    /// A capitalised title inside the run `a..=b` with a name of two to four words after
    /// it that opens with a given name: the index where the title (its qualifiers
    /// included) starts and where the name starts. "VA Secretary David Shulkin" gives the
    /// title at "Secretary" and the name at "David".
    fn inner_title(&self, a: usize, b: usize) -> Option<(usize, usize)> {
        if b < a + 2 {
            return None;
        }
        let t = (a + 1..b).rev().find(|&k| {
            self.toks[k].shape == Shape::Cap && self.lower_in(k, &self.lex.title_heads)
        })?;
        let name = t + 1;
        if b - name > 3
            || !self.lex.given.contains(self.word(name))
            || (name..=b).any(|k| self.hit_at[k].is_some() || !self.toks[k].capish())
            || !self.name_like(name, b)
        {
            return None;
        }
        let mut start = t;
        while start > a
            && self.toks[start - 1].shape == Shape::Cap
            && (self.lower_in(start - 1, &self.lex.title_mods)
                || self.lower_in(start - 1, &self.lex.title_heads))
        {
            start -= 1;
        }
        Some((start, name))
    }

    /// Organisation or place by the run's last word or its "X of" opener.
    fn org_or_place_by_head(&self, a: usize, b: usize) -> Option<EntityKind> {
        if a == b {
            return None;
        }
        let last = self.word(b);
        if self.lex.org_heads.contains(last) {
            return Some(EntityKind::Organization);
        }
        if self.lex.place_heads.contains(last) {
            return Some(EntityKind::Place);
        }
        // "Supreme National Security Council of Iran": a head right before "of".
        if let Some(of) = (a + 1..b).find(|&k| matches!(self.word(k), "of" | "for" | "on")) {
            if self.lex.org_heads.contains(self.word(of - 1)) {
                return Some(EntityKind::Organization);
            }
        }
        {
            let first = self.word(a);
            let second = self.word(a + 1);
            let of = matches!(second, "of" | "for");
            if self.lex.org_openers.contains(first) && of {
                return Some(EntityKind::Organization);
            }
            if self.lex.place_openers.contains(first) && (of || first == "Mount" || first == "Lake")
            {
                return Some(EntityKind::Place);
            }
        }
        None
    }

    fn non_entity_head(&self, b: usize) -> bool {
        self.lex.non_entity_heads.contains(self.word(b))
    }

    /// A body named only by department words ("Ministry of Defense", "Foreign Ministry").
    fn is_generic(&self, a: usize, b: usize) -> bool {
        (a..=b).all(|k| {
            let w = self.word(k);
            self.toks[k].shape == Shape::Lower
                || self.lex.generic.contains(w)
                || self.lex.org_heads.contains(w)
                || self.lex.demonyms.contains(w)
        })
    }

    /// A lowercase title shortly before the run: "foreign minister Amir Khan Muttaqi",
    /// "minister of energy and water Abdul Latif Mansoor", "the ambassador, Bahadur Aminian".
    fn title_before(&self, a: usize) -> bool {
        let mut k = a;
        let mut steps = 0;
        while k > 0 && steps < 7 {
            let gap = self.toks[k].gap;
            if gap == Gap::Punct {
                // Allow one comma right before the name: "his deputy, Naim Qassem".
                let between = &self.text[self.toks[k - 1].end..self.toks[k].start];
                if !(k == a && between.trim() == ",") {
                    return false;
                }
            }
            k -= 1;
            steps += 1;
            let t = &self.toks[k];
            if t.shape != Shape::Lower {
                return false;
            }
            if self.lower_in(k, &self.lex.title_heads) {
                return true;
            }
            let w = self.word(k);
            let filler = self.lex.title_mods.contains(w)
                || self.lex.generic_lower.contains(w)
                || matches!(
                    w,
                    "of" | "and" | "the" | "for" | "affairs" | "its" | "his" | "her"
                );
            if !filler {
                return false;
            }
        }
        false
    }

    /// The preposition right before the run, with a publication cue up to four words before
    /// it ("Writing in", "Interviews he gave to").
    fn publication_cue(&self, a: usize) -> bool {
        if a == 0 || self.toks[a].gap != Gap::Space {
            return false;
        }
        let p = a - 1;
        let Some((_, cues)) = self
            .lex
            .publication_cues
            .iter()
            .find(|(prep, _)| self.word(p) == *prep)
        else {
            return false;
        };
        (p.saturating_sub(4)..p).any(|k| self.lower_is(k, cues))
    }

    /// A preposition before the run or a place noun after it.
    fn place_cue(&self, a: usize, b: usize) -> bool {
        if a > 0 && self.toks[a].gap == Gap::Space && self.toks[a - 1].shape == Shape::Lower {
            let mut k = a - 1;
            if self.word(k) == "the" && k > 0 && self.toks[k].gap == Gap::Space {
                k -= 1;
            }
            if self.lower_is(k, &self.lex.place_prepositions) {
                return true;
            }
        }
        let n = self.toks.len();
        b + 1 < n
            && !self.toks[b].poss
            && self.toks[b + 1].gap == Gap::Space
            && self.lower_is(b + 1, &self.lex.place_nouns_after)
    }

    /// A dotted initialism of a country used as an adjective, the way a demonym is used:
    /// "U.S. imports", "U.S.-based", "U.S. Force Posture Initiative". As a noun ("in the
    /// U.S.", "the U.S. and China") it stays a place.
    fn adjective_initialism(&self, h: Hit) -> bool {
        let surface = &self.text[h.start..h.end];
        if h.first != h.last || !surface.contains('.') {
            return false;
        }
        let Some(next) = self.toks.get(h.last + 1) else {
            return false;
        };
        match next.gap {
            Gap::Hyphen => true,
            Gap::Space => {
                next.capish()
                    || (next.shape == Shape::Lower && !self.lower_in(h.last + 1, &self.lex.common))
            }
            Gap::Punct => false,
        }
    }

    /// Whether the word at `b` ends a capitalised name of two or more words elsewhere in the
    /// text, one that opens with no gazetteer name.
    fn surname_elsewhere(&self, b: usize) -> bool {
        let w = self.word(b);
        (1..self.toks.len()).any(|k| {
            k != b
                && self.word(k) == w
                && self.toks[k].gap == Gap::Space
                && self.toks[k - 1].shape == Shape::Cap
                && self.hit_at[k - 1].is_none()
                && !self.lower_in(k - 1, &self.lex.common)
        })
    }

    /// A hyphen and a maker's participle follow the word: "Raytheon-produced".
    fn maker_after(&self, b: usize) -> bool {
        b + 1 < self.toks.len()
            && self.toks[b + 1].gap == Gap::Hyphen
            && self.lower_is(b + 1, &self.lex.maker_participles)
    }

    /// Pushes the place before a state's postal code ("Sterling Heights, MI"), without a
    /// leading "The" or sentence opener.
    pub(super) fn push_city(&self, ti: usize, a: usize, b: usize, out: &mut Vec<Cand>) {
        let mut a = a;
        while a < b
            && (self.word(a) == "The"
                || self.is_calendar(a)
                || (self.toks[a].shape == Shape::Cap && self.lower_in(a, &self.lex.common)))
        {
            a += 1;
        }
        self.push(ti, a, b, EntityKind::Place, Evidence::Rule, out);
    }

    /// Pushes one token as a place (a state's postal code).
    pub(super) fn push_place_token(&self, ti: usize, k: usize, out: &mut Vec<Cand>) {
        self.push(ti, k, k, EntityKind::Place, Evidence::Rule, out);
    }

    fn person_verb_after(&self, b: usize) -> bool {
        let n = self.toks.len();
        if self.toks[b].poss {
            return false;
        }
        if b + 1 < n && self.toks[b + 1].gap == Gap::Space {
            return self.lower_is(b + 1, &self.lex.person_verbs_after);
        }
        false
    }

    fn push_hit(&self, ti: usize, h: Hit, out: &mut Vec<Cand>) {
        let e = &self.gaz.entries[h.entry];
        if e.kind == EntityKind::Place && self.adjective_initialism(h) {
            return;
        }
        out.push(Cand {
            text: ti,
            start: h.start,
            end: h.end,
            kind: e.kind,
            evidence: Evidence::Strong,
            canonical: Some(e.canonical),
            words: h.last - h.first + 1,
            possessor: None,
            poss: self.toks[h.last].poss,
            generic: false,
            acronym_of: None,
            dead: false,
            built_canonical: None,
        });
    }

    /// Pushes the candidate spanning tokens `a..=b`.
    fn push(
        &self,
        ti: usize,
        a: usize,
        b: usize,
        kind: EntityKind,
        evidence: Evidence,
        out: &mut Vec<Cand>,
    ) {
        let start = self.toks[a].start;
        let mut end = self.toks[b].end;
        // A legal form or suffix keeps its period: "Essex Minerals Co.", "John Roberts Jr.".
        if matches!(self.word(b), "Inc" | "Co" | "Corp" | "Ltd" | "Jr" | "Sr")
            && self.text[end..].starts_with('.')
        {
            end += 1;
        }
        let words = (a..=b)
            .filter(|&k| self.toks[k].shape != Shape::Lower)
            .count();
        out.push(Cand {
            text: ti,
            start,
            end,
            kind,
            evidence,
            canonical: None,
            words,
            possessor: None,
            poss: self.toks[b].poss,
            generic: false,
            acronym_of: None,
            dead: false,
            built_canonical: None,
        });
    }
}

/// A word with a capital after a lowercase letter, not a name prefix ("Mc", "Mac", "De",
/// "La", "Le", "Di", "Van", "Von"), six letters or more: "TankerTrackers", "MineOne".
fn camel_case(w: &str) -> bool {
    const PREFIXES: [&str; 8] = ["Mc", "Mac", "De", "La", "Le", "Di", "Van", "Von"];
    let chars: Vec<char> = w.chars().collect();
    if chars.len() < 6 {
        return false;
    }
    let inner = (1..chars.len()).find(|&i| chars[i].is_uppercase() && chars[i - 1].is_lowercase());
    match inner {
        Some(i) => {
            let prefix: String = chars[..i].iter().collect();
            !PREFIXES.contains(&prefix.as_str()) && chars[i..].iter().any(|c| c.is_lowercase())
        }
        None => false,
    }
}

/// Up to four of I, V and X ("II", "XIV"): a regnal or list number, not an acronym.
fn is_roman_numeral(w: &str) -> bool {
    !w.is_empty() && w.len() <= 4 && w.chars().all(|c| matches!(c, 'I' | 'V' | 'X'))
}
