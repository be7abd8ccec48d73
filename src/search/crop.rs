//! Cropping: the window of a passage a result page shows, about `n` words around the passage's
//! best-matching words, cut at word boundaries, with "…" where text was cut.
//!
//! Like Meilisearch's cropping, the window chosen is the one holding the most *distinct* matched
//! words (a passage that names "water" and "treaty" once each beats a run of "water water
//! water"), then the most matches, then the earliest; the matches it holds are centred in it.
//! The highlight ranges are recomputed for the cropped text, so a page never re-derives them.

use serde::{Deserialize, Serialize};

/// The ellipsis put where text was cut.
pub const ELLIPSIS: &str = "…";

/// A cropped passage and the byte ranges of its matched words.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Crop {
    /// The window, with [`ELLIPSIS`] at each end where the passage goes on.
    pub text: String,
    /// Byte ranges `[start, end)` of matched words in `text`.
    pub highlights: Vec<[usize; 2]>,
}

/// One matched word: its byte range in the passage and which query term it matched (two
/// matches of the same term share a key).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Match {
    /// Byte range in the passage.
    pub range: [usize; 2],
    /// The term matched (its analysed token).
    pub key: String,
}

/// Byte ranges of the words of `text`: runs of characters between white space.
fn words(text: &str) -> Vec<[usize; 2]> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.char_indices() {
        match (c.is_whitespace(), start) {
            (true, Some(s)) => {
                out.push([s, i]);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push([s, text.len()]);
    }
    out
}

/// Crops `text` to about `n` words around its best window of `matches`; `n == 0`, or a passage
/// of at most `n` words, keeps the whole text. Ranges that are out of bounds or not on
/// character boundaries are dropped, never trusted.
pub fn crop(text: &str, matches: &[Match], n: usize) -> Crop {
    let valid: Vec<&Match> = matches
        .iter()
        .filter(|m| {
            let [s, e] = m.range;
            s < e && e <= text.len() && text.is_char_boundary(s) && text.is_char_boundary(e)
        })
        .collect();
    let spans = words(text);
    if n == 0 || spans.len() <= n {
        let mut highlights: Vec<[usize; 2]> = valid.iter().map(|m| m.range).collect();
        highlights.sort_unstable();
        highlights.dedup();
        return Crop {
            text: text.to_string(),
            highlights,
        };
    }
    // The word each match starts in (a match never spans white space: tokens hold none).
    let mut at: Vec<(usize, &Match)> = valid
        .iter()
        .map(|m| {
            let w = spans.partition_point(|s| s[1] <= m.range[0]);
            (w.min(spans.len() - 1), *m)
        })
        .collect();
    at.sort_by_key(|(w, m)| (*w, m.range));
    let first = window(&at, n).unwrap_or(0).min(spans.len() - n);
    let [b0, b1] = [spans[first][0], spans[first + n - 1][1]];
    let before = if first > 0 { ELLIPSIS } else { "" };
    let after = if first + n < spans.len() {
        ELLIPSIS
    } else {
        ""
    };
    let shift = before.len();
    let mut highlights: Vec<[usize; 2]> = valid
        .iter()
        .map(|m| m.range)
        .filter(|&[s, e]| s >= b0 && e <= b1)
        .map(|[s, e]| [s - b0 + shift, e - b0 + shift])
        .collect();
    highlights.sort_unstable();
    highlights.dedup();
    Crop {
        text: format!("{before}{}{after}", &text[b0..b1]),
        highlights,
    }
}

/// The first word of the best `n`-word window over matches sorted by word: most distinct keys,
/// then most matches, then earliest; its matches centred (the caller keeps it inside the
/// passage). `None` without matches.
fn window(at: &[(usize, &Match)], n: usize) -> Option<usize> {
    let mut best: Option<(usize, usize, usize, usize)> = None; // (distinct, count, first, last)
    for (i, &(start, _)) in at.iter().enumerate() {
        let inside: Vec<&(usize, &Match)> =
            at[i..].iter().take_while(|(w, _)| *w < start + n).collect();
        let mut keys: Vec<&str> = inside.iter().map(|(_, m)| m.key.as_str()).collect();
        keys.sort_unstable();
        keys.dedup();
        let last = inside.last().map_or(start, |(w, _)| *w);
        let cand = (keys.len(), inside.len(), start, last);
        if best.is_none_or(|b| (cand.0, cand.1) > (b.0, b.1)) {
            best = Some(cand);
        }
    }
    let (_, _, first, last) = best?;
    let slack = n - (last - first + 1);
    Some(first.saturating_sub(slack / 2))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::highlight::HighlightTerms;
    use crate::search::query;
    use proptest::prelude::*;

    fn m(text: &str, word: &str) -> Vec<Match> {
        text.match_indices(word)
            .map(|(i, w)| Match {
                range: [i, i + w.len()],
                key: w.to_string(),
            })
            .collect()
    }

    fn marked(c: &Crop) -> Vec<&str> {
        c.highlights.iter().map(|&[s, e]| &c.text[s..e]).collect()
    }

    #[test]
    fn a_short_passage_or_zero_keeps_the_whole_text() {
        let text = "the water talks resumed";
        let c = crop(text, &m(text, "water"), 40);
        assert_eq!(c.text, text);
        assert_eq!(c.highlights, [[4, 9]]);
        let long = "word ".repeat(100) + "water";
        let c = crop(&long, &m(&long, "water"), 0);
        assert_eq!(c.text, long);
        assert_eq!(marked(&c), ["water"]);
    }

    #[test]
    fn the_window_centres_the_matches_and_marks_both_cuts() {
        let text: String = (0..100).map(|i| format!("w{i} ")).collect::<String>() + "end";
        let ms = m(&text, "w50 ");
        let ms: Vec<Match> = ms
            .into_iter()
            .map(|x| Match {
                range: [x.range[0], x.range[1] - 1],
                key: "w50".into(),
            })
            .collect();
        let c = crop(&text, &ms, 10);
        assert!(
            c.text.starts_with(ELLIPSIS) && c.text.ends_with(ELLIPSIS),
            "{}",
            c.text
        );
        assert_eq!(c.text, "…w46 w47 w48 w49 w50 w51 w52 w53 w54 w55…");
        assert_eq!(marked(&c), ["w50"]);
    }

    #[test]
    fn an_opening_window_has_no_leading_ellipsis_and_an_end_window_no_trailing_one() {
        let text: String = (0..30)
            .map(|i| format!("w{i}"))
            .collect::<Vec<_>>()
            .join(" ");
        let c = crop(&text, &[], 5);
        assert_eq!(c.text, "w0 w1 w2 w3 w4…");
        let c = crop(&text, &m(&text, "w29"), 5);
        assert_eq!(c.text, "…w25 w26 w27 w28 w29");
        assert_eq!(marked(&c), ["w29"]);
    }

    #[test]
    fn distinct_words_beat_repeats() {
        let text = format!(
            "water water water water {} water treaty {}",
            "pad ".repeat(20),
            "pad ".repeat(20)
        );
        let mut ms = m(&text, "water");
        ms.extend(m(&text, "treaty"));
        let c = crop(&text, &ms, 6);
        assert!(c.text.contains("water treaty"), "{}", c.text);
        assert_eq!(marked(&c), ["water", "treaty"]);
    }

    proptest! {
        /// Any text and query: the crop never panics, its ranges lie on character boundaries of
        /// the crop and cover matched words, and it has at most `n` words plus the ellipses.
        #[test]
        fn crops_of_random_text_and_queries_are_well_formed(
            text in "(\\PC{0,12}[ \\n]{1,2}){0,80}",
            q in "\\PC{0,20}",
            n in 0usize..30,
        ) {
            let Ok(parsed) = query::parse(&q) else { return Ok(()) };
            let mut terms = HighlightTerms::from_query(&parsed, &[]);
            let ms = terms.matches(&text);
            let c = crop(&text, &ms, n);
            for &[s, e] in &c.highlights {
                prop_assert!(s < e && e <= c.text.len());
                prop_assert!(c.text.is_char_boundary(s) && c.text.is_char_boundary(e));
                prop_assert!(!c.text[s..e].contains(char::is_whitespace));
            }
            prop_assert!(c.highlights.windows(2).all(|w| w[0] < w[1]));
            if n == 0 || text.split_whitespace().count() <= n {
                prop_assert_eq!(&c.text, &text);
                prop_assert_eq!(&c.highlights, &terms.ranges(&text));
            } else {
                let inner = c.text.strip_prefix(ELLIPSIS).unwrap_or(&c.text);
                let inner = inner.strip_suffix(ELLIPSIS).unwrap_or(inner);
                prop_assert_eq!(inner.split_whitespace().count(), n);
                prop_assert!(c.text.starts_with(ELLIPSIS) || c.text.ends_with(ELLIPSIS));
            }
        }
    }
}
