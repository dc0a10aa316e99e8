//! A small deterministic random generator (SplitMix64).
//!
//! The demo must be identical byte for byte for the same seed on every
//! platform and every build, so it uses its own generator instead of a crate
//! whose algorithm may change between versions.

/// SplitMix64 (Steele, Lea and Flood 2014): one 64-bit state, good enough
/// statistics for synthetic data, trivially reproducible.
#[derive(Debug, Clone)]
pub(crate) struct Acak {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Acak {
    #[cfg(test)]
    pub(crate) fn new(seed: u64) -> Self {
        Acak { state: seed }
    }

    /// An independent stream for one part of the data set, so that changing
    /// how one part draws numbers does not reshuffle every other part.
    pub(crate) fn cabang(seed: u64, label: &str) -> Self {
        let mut h = seed ^ 0xCBF2_9CE4_8422_2325;
        for b in label.bytes() {
            h = mix(h ^ u64::from(b));
        }
        Acak { state: h }
    }

    pub(crate) fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix(self.state)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    pub(crate) fn bawah(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        // Multiply-high: the bias is below 2^-32 for the small n used here.
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `lo..=hi` (returns `lo` when `hi < lo`).
    pub(crate) fn antara(&mut self, lo: i64, hi: i64) -> i64 {
        if hi <= lo {
            return lo;
        }
        let span = hi.abs_diff(lo) + 1;
        lo.saturating_add_unsigned(self.bawah(span))
    }

    /// Uniform in `[0, 1)`.
    pub(crate) fn pecahan(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 * (1.0 / (1u64 << 53) as f64)
    }

    /// True with probability `p` (0.0..=1.0).
    pub(crate) fn peluang(&mut self, p: f64) -> bool {
        self.pecahan() < p
    }

    /// True with probability `persen`/100.
    pub(crate) fn persen(&mut self, persen: u32) -> bool {
        self.bawah(100) < u64::from(persen)
    }

    /// Approximately standard normal: the sum of four uniforms, rescaled.
    /// Bounded to about ±3.5, which keeps synthetic values plausible.
    pub(crate) fn normal(&mut self) -> f64 {
        let sum: f64 = (0..4).map(|_| self.pecahan()).sum();
        (sum - 2.0) * 1.732_050_807_568_877_2
    }

    /// One element, uniformly; `None` for an empty slice.
    pub(crate) fn pilih<'a, T>(&mut self, items: &'a [T]) -> Option<&'a T> {
        let i = self.bawah(items.len() as u64) as usize;
        items.get(i)
    }

    /// One element by integer weight; `None` when all weights are 0.
    pub(crate) fn berbobot<T: Copy>(&mut self, items: &[(T, u32)]) -> Option<T> {
        let total: u64 = items.iter().map(|(_, w)| u64::from(*w)).sum();
        let mut x = self.bawah(total);
        for (item, w) in items {
            let w = u64::from(*w);
            if x < w {
                return Some(*item);
            }
            x -= w;
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_labels_separate_streams() {
        let a: Vec<u64> = {
            let mut r = Acak::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        let b: Vec<u64> = {
            let mut r = Acak::new(7);
            (0..5).map(|_| r.next_u64()).collect()
        };
        assert_eq!(a, b);
        let mut x = Acak::cabang(7, "pegawai");
        let mut y = Acak::cabang(7, "penilaian");
        assert_ne!(x.next_u64(), y.next_u64());
    }

    #[test]
    fn splitmix_matches_the_reference_values() {
        // Reference output of SplitMix64 seeded with 0 (Vigna's splitmix64.c).
        let mut r = Acak::new(0);
        assert_eq!(r.next_u64(), 0xE220_A839_7B1D_CDAF);
        assert_eq!(r.next_u64(), 0x6E78_9E6A_A1B9_65F4);
    }

    #[test]
    fn ranges_stay_inside_their_bounds() {
        let mut r = Acak::new(42);
        let mut seen = [false; 5];
        for _ in 0..2_000 {
            let v = r.antara(3, 7);
            assert!((3..=7).contains(&v));
            seen[(v - 3) as usize] = true;
            let f = r.pecahan();
            assert!((0.0..1.0).contains(&f));
            assert!(r.normal().abs() <= 3.5);
        }
        assert!(seen.iter().all(|s| *s), "every value of 3..=7 appears");
        assert_eq!(r.antara(5, 5), 5);
        assert_eq!(r.bawah(0), 0);
        assert_eq!(r.pilih::<u8>(&[]), None);
        assert_eq!(r.berbobot(&[('a', 0), ('b', 0)]), None);
        assert_eq!(r.berbobot(&[('a', 0), ('b', 3)]), Some('b'));
    }
}
