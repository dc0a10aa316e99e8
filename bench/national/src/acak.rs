//! SplitMix64: a tiny seeded generator whose output never changes between
//! builds or platforms, so the data set is the same on every run.

#[derive(Debug, Clone)]
pub struct Acak {
    state: u64,
}

const GOLDEN_GAMMA: u64 = 0x9E37_79B9_7F4A_7C15;

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

impl Acak {
    /// An independent stream per label, so one part of the data set can
    /// change how it draws without reshuffling the others.
    pub fn cabang(seed: u64, label: &str, index: u64) -> Self {
        let mut h = seed ^ 0xCBF2_9CE4_8422_2325;
        for b in label.bytes() {
            h = mix(h ^ u64::from(b));
        }
        Acak {
            state: mix(h ^ index.wrapping_mul(GOLDEN_GAMMA)),
        }
    }

    pub fn next_u64(&mut self) -> u64 {
        self.state = self.state.wrapping_add(GOLDEN_GAMMA);
        mix(self.state)
    }

    /// Uniform in `0..n`; 0 when `n` is 0.
    pub fn bawah(&mut self, n: u64) -> u64 {
        if n == 0 {
            return 0;
        }
        ((u128::from(self.next_u64()) * u128::from(n)) >> 64) as u64
    }

    /// Uniform in `[0, 1)`.
    pub fn f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// True with probability `p`.
    pub fn peluang(&mut self, p: f64) -> bool {
        self.f64() < p
    }

    /// Standard normal (Box-Muller).
    pub fn normal(&mut self) -> f64 {
        let u1 = self.f64().max(1e-12);
        let u2 = self.f64();
        (-2.0 * u1.ln()).sqrt() * (std::f64::consts::TAU * u2).cos()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_seed_same_stream_and_labels_differ() {
        let a: Vec<u64> = (0..4)
            .map({
                let mut r = Acak::cabang(7, "x", 1);
                move |_| r.next_u64()
            })
            .collect();
        let b: Vec<u64> = (0..4)
            .map({
                let mut r = Acak::cabang(7, "x", 1);
                move |_| r.next_u64()
            })
            .collect();
        let c = Acak::cabang(7, "y", 1).next_u64();
        assert_eq!(a, b);
        assert_ne!(a[0], c);
        let mut r = Acak::cabang(1, "b", 0);
        assert!((0..1000).all(|_| r.bawah(6) < 6));
    }
}
