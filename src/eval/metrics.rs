//! The measures of one ranked list against one query's judgments, as trec_eval (and
//! pytrec_eval, which wraps it) defines them, so numbers compare with published runs.
//!
//! - nDCG@k: gain is the judged grade (linear, as trec_eval's `ndcg_cut`), discounted by
//!   `log2(rank + 1)`; the ideal list is every judged relevant document, best grade first.
//! - reciprocal rank @k: `1 / rank` of the first relevant document within the first k, else 0.
//! - recall: relevant documents retrieved over relevant documents judged, over the whole list.
//! - average precision: precision at the rank of each relevant document retrieved, summed and
//!   divided by the number of relevant documents judged (unretrieved ones add 0), over the whole
//!   list.
//!
//! A grade of 0 or less is not relevant (Cranfield marks "no interest" with -1).

use std::collections::HashMap;

/// One query's measures.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Scores {
    /// nDCG at the cut-off.
    pub ndcg: f64,
    /// Reciprocal rank of the first relevant document within the cut-off.
    pub rr: f64,
    /// Share of the relevant documents retrieved anywhere in the list.
    pub recall: f64,
    /// Average precision over the whole list.
    pub ap: f64,
    /// Documents judged relevant (grade above 0).
    pub relevant: usize,
    /// Documents in the list.
    pub retrieved: usize,
    /// Relevant documents in the list.
    pub relevant_retrieved: usize,
}

/// Scores `ranked` (best first, no repeats) against `grades` (document id → judged grade)
/// with cut-off `k` for nDCG and reciprocal rank.
pub fn score(ranked: &[String], grades: &HashMap<String, i64>, k: usize) -> Scores {
    let gain = |id: &str| grades.get(id).copied().filter(|g| *g > 0).unwrap_or(0);
    let mut ideal: Vec<i64> = grades.values().copied().filter(|g| *g > 0).collect();
    ideal.sort_unstable_by(|a, b| b.cmp(a));
    let relevant = ideal.len();
    let mut s = Scores {
        relevant,
        retrieved: ranked.len(),
        ..Scores::default()
    };
    if relevant == 0 {
        return s;
    }
    let discount = |i: usize| ((i + 2) as f64).log2();
    let dcg: f64 = ranked
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, id)| gain(id) as f64 / discount(i))
        .sum();
    let idcg: f64 = ideal
        .iter()
        .take(k)
        .enumerate()
        .map(|(i, g)| *g as f64 / discount(i))
        .sum();
    s.ndcg = dcg / idcg;
    let mut precision_sum = 0.0;
    for (i, id) in ranked.iter().enumerate() {
        if gain(id) > 0 {
            s.relevant_retrieved += 1;
            if s.relevant_retrieved == 1 && i < k {
                s.rr = 1.0 / (i + 1) as f64;
            }
            precision_sum += s.relevant_retrieved as f64 / (i + 1) as f64;
        }
    }
    s.recall = s.relevant_retrieved as f64 / relevant as f64;
    s.ap = precision_sum / relevant as f64;
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ids(v: &[&str]) -> Vec<String> {
        v.iter().map(|s| s.to_string()).collect()
    }

    fn grades(v: &[(&str, i64)]) -> HashMap<String, i64> {
        v.iter().map(|(d, g)| (d.to_string(), *g)).collect()
    }

    fn close(a: f64, b: f64) {
        assert!((a - b).abs() < 1e-4, "{a} != {b}");
    }

    /// Worked by hand. Ranked list: x, a, y, b, z, c (a, b, c judged; x, y, z not).
    /// Grades: a = 3, b = 1, c = 2, n = 2 (never retrieved), m = 0 and w = -1 (not relevant).
    /// Relevant: a, b, c, n → 4.
    ///
    /// nDCG@5: DCG = 3/log2(3) + 1/log2(5) = 1.89279 + 0.43068 = 2.32347 (c at rank 6 is past
    /// the cut). Ideal grades 3, 2, 2, 1: 3/log2(2) + 2/log2(3) + 2/log2(4) + 1/log2(5)
    /// = 3 + 1.26186 + 1 + 0.43068 = 5.69254. nDCG@5 = 2.32347 / 5.69254 = 0.40816.
    /// RR@5: first relevant at rank 2 → 0.5.
    /// Recall: a, b, c of 4 → 0.75.
    /// AP: precision at a (rank 2) 1/2, at b (rank 4) 2/4, at c (rank 6) 3/6; sum 1.5; over
    /// 4 relevant → 0.375.
    #[test]
    fn hand_computed_example() {
        let ranked = ids(&["x", "a", "y", "b", "z", "c"]);
        let g = grades(&[("a", 3), ("b", 1), ("c", 2), ("n", 2), ("m", 0), ("w", -1)]);
        let s = score(&ranked, &g, 5);
        close(s.ndcg, 0.40816);
        close(s.rr, 0.5);
        close(s.recall, 0.75);
        close(s.ap, 0.375);
        assert_eq!((s.relevant, s.retrieved, s.relevant_retrieved), (4, 6, 3));

        // k = 1: DCG@1 = 0 (x is unjudged), so nDCG@1 and RR@1 are 0; recall and AP keep
        // the whole list.
        let s = score(&ranked, &g, 1);
        close(s.ndcg, 0.0);
        close(s.rr, 0.0);
        close(s.ap, 0.375);
    }

    /// A perfect list scores 1 everywhere; grade ≤ 0 documents at the top cost points.
    #[test]
    fn perfect_and_negative_grades() {
        let g = grades(&[("a", 2), ("b", 1), ("w", -1)]);
        let s = score(&ids(&["a", "b"]), &g, 10);
        close(s.ndcg, 1.0);
        close(s.rr, 1.0);
        close(s.recall, 1.0);
        close(s.ap, 1.0);
        // w (grade -1) first: DCG = 2/log2(3) + 1/log2(4) = 1.26186 + 0.5 = 1.76186; ideal
        // 2 + 0.63093 = 2.63093; nDCG = 0.66967. RR = 1/2. AP = (1/2 + 2/3) / 2 = 0.58333.
        let s = score(&ids(&["w", "a", "b"]), &g, 10);
        close(s.ndcg, 0.66967);
        close(s.rr, 0.5);
        close(s.ap, 0.58333);
    }

    #[test]
    fn nothing_relevant_or_nothing_retrieved_is_zero() {
        let s = score(&ids(&["a"]), &grades(&[("a", 0)]), 10);
        assert_eq!(s.relevant, 0);
        close(s.ndcg, 0.0);
        let s = score(&[], &grades(&[("a", 1)]), 10);
        close(s.ndcg + s.rr + s.recall + s.ap, 0.0);
    }
}
