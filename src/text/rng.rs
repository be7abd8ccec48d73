//! The project's random numbers: SplitMix64 to seed, xoshiro256** to draw.
//!
//! Hand-written rather than taken from `rand` on purpose: synthetic corpora, benchmark query
//! sets and kill-test schedules must be the same for a seed on every machine and in every
//! future version, and a library generator's stream may change between releases. Both
//! generators are a few lines, published with reference outputs, and fixed forever.

/// `SplitMix64` as a stream: each call to [`SplitMix64::next_u64`] advances it.
#[derive(Debug, Clone)]
pub struct SplitMix64(pub u64);

impl SplitMix64 {
    /// The next number of the stream.
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        splitmix64(&mut self.0)
    }

    /// In `0..n` by modulo (0 when `n` is 0); the bench's query sets are drawn this way, so
    /// a seed gives the same queries as before the generators were shared.
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n.max(1) as u64) as usize
    }
}

/// One step of SplitMix64 over `state`: seeds the generators below and is a generator of its
/// own where a tiny stream is enough (bench query sets, kill moments).
pub fn splitmix64(state: &mut u64) -> u64 {
    *state = state.wrapping_add(0x9E37_79B9_7F4A_7C15);
    let mut z = *state;
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// `xoshiro256**`: small, fast, and fixed forever, unlike a library generator.
#[derive(Clone)]
pub struct Rng {
    s: [u64; 4],
}

impl Rng {
    /// A generator whose state is four SplitMix64 draws from `seed`.
    pub fn new(seed: u64) -> Rng {
        let mut sm = seed;
        Rng {
            s: [
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
                splitmix64(&mut sm),
            ],
        }
    }

    /// The generator of item `n` of `seed` (synth draws brief `n` from it), independent of
    /// every other item's, so items can be generated in parallel and in any order.
    pub fn for_brief(seed: u64, n: usize) -> Rng {
        let mut sm = seed;
        let base = splitmix64(&mut sm);
        let mut sm2 = base ^ (n as u64).wrapping_mul(0xD1B5_4A32_D192_ED03);
        Rng::new(splitmix64(&mut sm2))
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        let result = self.s[1].wrapping_mul(5).rotate_left(7).wrapping_mul(9);
        let t = self.s[1] << 17;
        self.s[2] ^= self.s[0];
        self.s[3] ^= self.s[1];
        self.s[1] ^= self.s[2];
        self.s[0] ^= self.s[3];
        self.s[2] ^= t;
        self.s[3] = self.s[3].rotate_left(45);
        result
    }

    /// Uniform in `0..n` (0 when `n` is 0).
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }

    /// Uniform in `0..n` (0 when `n` is 0), by multiply-and-shift (no modulo bias to speak of).
    pub fn below_u64(&mut self, n: u64) -> u64 {
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi`.
    pub fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    /// True `percent` times in a hundred.
    pub fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    /// One item, uniformly; `items` must not be empty.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len())]
    }

    /// One word of a static list, uniformly; `items` must not be empty.
    pub fn word(&mut self, items: &[&'static str]) -> &'static str {
        items[self.below(items.len())]
    }

    /// An index drawn with the given integer weights (all zero: uniform).
    pub fn weighted(&mut self, weights: &[u64]) -> usize {
        let total: u64 = weights.iter().sum();
        if total == 0 {
            return self.below(weights.len());
        }
        let mut t = self.below_u64(total);
        for (i, &w) in weights.iter().enumerate() {
            if t < w {
                return i;
            }
            t -= w;
        }
        weights.len() - 1
    }

    /// Rank drawn from a Zipf law over `n` items (weight 1/(rank + 2)), computed on the fly.
    pub fn zipf(&mut self, n: usize) -> usize {
        let weights: Vec<u64> = (0..n).map(|r| 1_000_000 / (r as u64 + 2)).collect();
        self.weighted(&weights)
    }

    /// Fisher–Yates shuffle in place.
    pub fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = self.below(i + 1);
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reference outputs of SplitMix64 seeded with 1234567 (from the generator's author).
    #[test]
    fn splitmix64_matches_the_reference_stream() {
        let mut s = SplitMix64(1_234_567);
        let got: Vec<u64> = (0..3).map(|_| s.next_u64()).collect();
        assert_eq!(
            got,
            [
                6_457_827_717_110_365_317,
                3_203_168_211_198_807_973,
                9_817_491_932_198_370_423
            ]
        );
    }

    #[test]
    fn draws_stay_in_range_and_repeat_for_a_seed() {
        let mut a = Rng::new(7);
        let mut b = Rng::new(7);
        for _ in 0..1000 {
            let x = a.range(3, 9);
            assert!((3..=9).contains(&x));
            assert_eq!(x, b.range(3, 9));
        }
        assert_eq!(a.below(0), 0);
        assert_ne!(
            Rng::for_brief(7, 1).next_u64(),
            Rng::for_brief(7, 2).next_u64()
        );
    }
}
