//! One text as the rules read it: its tokens, its gazetteer matches and which of its lines
//! are headlines, and the loop that cuts it into capitalised runs and classifies each one.

use super::classify::Cand;
use super::gazetteer::{Gazetteer, Hit};
use super::lexicon::{lower_contains, Lexicon, WordSet};
use super::tokenize::{tokenize, Gap, Shape, Tok};

/// One text, tokenised, with its gazetteer hits.
pub(super) struct Doc<'a> {
    /// The word lists.
    pub(super) lex: &'a Lexicon,
    /// The gazetteers, whose entries [`Hit`]s point at.
    pub(super) gaz: &'a Gazetteer,
    /// The text read.
    pub(super) text: &'a str,
    /// Its word tokens, in order.
    pub(super) toks: Vec<Tok>,
    /// For each token, the hit starting at it.
    pub(super) hit_at: Vec<Option<Hit>>,
    /// For each line, whether it is a headline (see [`headlines`]).
    pub(super) headline: Vec<bool>,
}

impl<'a> Doc<'a> {
    /// Tokenises `text` and finds its gazetteer matches and headlines.
    pub(super) fn new(lex: &'a Lexicon, gaz: &'a Gazetteer, text: &'a str) -> Self {
        let toks = tokenize(text, &lex.abbreviations);
        let hit_at = gaz.hits(text, &toks);
        let headline = headlines(lex, text, &toks);
        Doc {
            lex,
            gaz,
            text,
            toks,
            hit_at,
            headline,
        }
    }

    /// The text of token `i`.
    pub(super) fn word(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.start..t.end]
    }

    /// Whether token `i`, ignoring ASCII case, is one of `set`.
    pub(super) fn lower_is(&self, i: usize, set: &[&str]) -> bool {
        let w = self.word(i);
        set.iter().any(|s| s.eq_ignore_ascii_case(w))
    }

    /// Whether token `i`, lowercased, is in `set`.
    pub(super) fn lower_in(&self, i: usize, set: &WordSet) -> bool {
        lower_contains(set, self.word(i))
    }

    /// Candidates of this text, appended to `out`.
    pub(super) fn candidates(&self, text_index: usize, out: &mut Vec<Cand>) {
        let n = self.toks.len();
        let base = out.len();
        let mut i = 0;
        while i < n {
            let starts_run = self.toks[i].capish()
                || self.hit_at[i].is_some()
                || (self.opening_particle(i) && i + 2 < n && self.toks[i + 1].gap == Gap::Hyphen);
            if !starts_run {
                i += 1;
                continue;
            }
            let mut end = self.run_end(i);
            if let Some(e) = self.legal_suffix(end) {
                end = e;
            }
            if end + 1 < n && self.state_code_at(end + 1) {
                // "Sterling Heights, MI": the place before the code and the code itself.
                self.push_city(text_index, i, end, out);
                self.push_place_token(text_index, end + 1, out);
                i = end + 2;
                continue;
            }
            self.classify_run(text_index, i, end, out);
            i = end + 1;
        }
        self.link_acronyms_and_possessors(base, out);
    }
}

impl Doc<'_> {
    /// Whether token `k` is a state's postal code right after "Place, " and before
    /// punctuation: "Sterling Heights, MI;", "Washington, DC,".
    pub(super) fn state_code_at(&self, k: usize) -> bool {
        let n = self.toks.len();
        k > 0
            && self.toks[k].shape == Shape::Upper
            && self.lex.state_codes.contains(self.word(k))
            && self.toks[k - 1].capish()
            && &self.text[self.toks[k - 1].end..self.toks[k].start] == ", "
            && (k + 1 >= n || self.toks[k + 1].gap == Gap::Punct)
    }

    /// If a company's legal form ("Inc", "LLC") or a generational suffix ("Jr") follows the
    /// run ending at `end` after a comma, the index of that suffix: "Point Blank Enterprises,
    /// Inc.", "John G. Roberts, Jr.".
    pub(super) fn legal_suffix(&self, end: usize) -> Option<usize> {
        let k = end + 1;
        if k >= self.toks.len() || self.toks[end].poss {
            return None;
        }
        let between = &self.text[self.toks[end].end..self.toks[k].start];
        let is_suffix = matches!(
            self.word(k),
            "Inc" | "LLC" | "Ltd" | "Corp" | "L.P." | "LP" | "PLC" | "LLP" | "Jr" | "Sr"
        );
        (between == ", " && is_suffix).then_some(k)
    }
}

/// Lines whose every content word is capitalised are headlines (titles, headings, kind
/// labels): only gazetteer names and whole-line person names are read there.
fn headlines(lex: &Lexicon, text: &str, toks: &[Tok]) -> Vec<bool> {
    let lines = toks.last().map_or(0, |t| t.line + 1);
    let mut cap = vec![0usize; lines];
    let mut prose = vec![false; lines];
    for (k, t) in toks.iter().enumerate() {
        // A line that ends in a full stop is a sentence, however short.
        let last_of_line = toks.get(k + 1).is_none_or(|n| n.line != t.line);
        if last_of_line {
            let tail = text[t.end..].split('\n').next().unwrap_or("");
            if tail.trim_end().ends_with('.') {
                prose[t.line] = true;
            }
        }
        if prose[t.line] {
            continue;
        }
        match t.shape {
            Shape::Cap | Shape::Upper => cap[t.line] += 1,
            Shape::Lower => {
                let w = &text[t.start..t.end];
                if w.len() >= 4 && !lex.common.contains(w) {
                    prose[t.line] = true;
                }
            }
            Shape::Other => {}
        }
    }
    (0..lines).map(|l| !prose[l] && cap[l] >= 2).collect()
}
