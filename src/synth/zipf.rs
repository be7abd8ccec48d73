//! Zipf laws over the shared generator ([`crate::text::rng::Rng`]): a few words, people and
//! places are everywhere and most are rare, so term and facet statistics look like a real
//! archive's.

use crate::text::rng::Rng;

/// A precomputed Zipf law over `n` ranks: weight 10⁹/(rank + offset), integers only, so the
/// draws never depend on floating-point details.
pub(super) struct Zipf {
    cum: Vec<u64>,
}

impl Zipf {
    /// The law over `n` ranks with weight 10⁹/(rank + `offset`).
    pub(super) fn new(n: usize, offset: u64) -> Zipf {
        let mut acc = 0u64;
        let cum = (0..n as u64)
            .map(|r| {
                acc += 1_000_000_000 / (r + offset);
                acc
            })
            .collect();
        Zipf { cum }
    }

    /// Draws a rank, 0 the most likely.
    pub(super) fn sample(&self, rng: &mut Rng) -> usize {
        let total = self.cum.last().copied().unwrap_or(0);
        let t = rng.below_u64(total);
        self.cum
            .partition_point(|&c| c <= t)
            .min(self.cum.len() - 1)
    }
}
