//! Deterministic random problems at the benchmark scales of issue 4, with
//! costs in the order of docs/domain (sawahlunto.md §5).

use super::format::{Cover, Employee, Gap, PROBLEM_FORMAT, Problem, Program};

/// The size of a generated problem.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Scale {
    pub employees: usize,
    pub programs: usize,
}

impl Scale {
    /// A city: 2,400 employees × 80 programs.
    pub const CITY: Scale = Scale {
        employees: 2_400,
        programs: 80,
    };
    /// A province: 20,000 × 200.
    pub const PROVINCE: Scale = Scale {
        employees: 20_000,
        programs: 200,
    };
    /// A national slice: 200,000 × 800.
    pub const NATIONAL: Scale = Scale {
        employees: 200_000,
        programs: 800,
    };
}

/// SplitMix64: small, fast, the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// Uniform in lo..=hi.
    fn range(&mut self, lo: i64, hi: i64) -> i64 {
        lo + (self.next() % (hi - lo + 1) as u64) as i64
    }

    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
}

/// A problem of the given scale; the same seed gives the same problem.
/// Budget: Rp400,000 per employee (a small training budget).
pub fn generate(scale: Scale, seed: u64) -> Problem {
    let mut rng = Rng(seed ^ 0x6B6F_6D70_6574_656E);
    let units = (scale.employees / 30).max(1);
    // 9 managerial/socio-cultural competencies and technical ones.
    let technical = (scale.programs / 2).max(3);
    let competency = |i: usize| {
        if i < 9 {
            format!("M.{:02}", i + 1)
        } else {
            format!("T.{:03}", i - 8)
        }
    };
    let n_comp = 9 + technical;
    let employees = (0..scale.employees)
        .map(|i| {
            let unit = rng.range(0, units as i64 - 1);
            let n_gaps = rng.range(1, 5) as usize;
            let mut gaps: Vec<Gap> = Vec::with_capacity(n_gaps);
            while gaps.len() < n_gaps {
                // Half the gaps managerial, half technical.
                let c = if rng.chance(50) {
                    rng.range(0, 8) as usize
                } else {
                    9 + rng.range(0, technical as i64 - 1) as usize
                };
                let id = competency(c);
                if gaps.iter().any(|g| g.competency == id) {
                    continue;
                }
                gaps.push(Gap {
                    competency: id,
                    gap: rng.range(1, 3),
                    weight: [1.0, 1.0, 1.5, 2.0][rng.range(0, 3) as usize],
                });
            }
            Employee {
                id: format!("E{i:06}"),
                unit: format!("U{unit:04}"),
                jp_done: if rng.chance(40) { 0 } else { rng.range(0, 30) },
                jp_cap: rng.range(30, 80),
                gaps,
            }
        })
        .collect();
    let programs = (0..scale.programs)
        .map(|i| {
            let kind = rng.range(0, 9);
            // (jp, cost per participant, batch cost, batch size, max batches)
            let (jp, cpp, batch_cost, batch_size, max_batches) = match kind {
                // Classical pelatihan by a provider, per participant.
                0..=2 => (
                    rng.range(24, 60),
                    rng.range(20, 60) * 100_000,
                    0,
                    Some(40),
                    Some(rng.range(1, 3)),
                ),
                // Bimtek / in-house workshop: mostly per batch.
                3..=5 => (
                    rng.range(16, 32),
                    rng.range(3, 10) * 100_000,
                    rng.range(10, 40) * 1_000_000,
                    Some(rng.range(20, 40)),
                    Some(rng.range(1, 4)),
                ),
                // Coaching / mentoring: small groups.
                6 => (
                    rng.range(8, 20),
                    0,
                    rng.range(10, 30) * 100_000,
                    Some(rng.range(4, 10)),
                    None,
                ),
                // E-learning: free or cheap, unlimited.
                _ => (rng.range(4, 20), rng.range(0, 3) * 100_000, 0, None, None),
            };
            let n_covers = rng.range(1, 3) as usize;
            let mut covers: Vec<Cover> = Vec::with_capacity(n_covers);
            while covers.len() < n_covers {
                let id = competency(rng.range(0, n_comp as i64 - 1) as usize);
                if covers.iter().any(|c| c.competency == id) {
                    continue;
                }
                covers.push(Cover {
                    competency: id,
                    levels: if rng.chance(25) { 2 } else { 1 },
                });
            }
            let eligible_units = rng.chance(20).then(|| {
                let k = (units / 10).max(1);
                let mut list: Vec<String> = (0..k)
                    .map(|_| format!("U{:04}", rng.range(0, units as i64 - 1)))
                    .collect();
                list.sort();
                list.dedup();
                list
            });
            Program {
                id: format!("P{i:04}"),
                jp,
                cost_per_participant: cpp,
                batch_cost,
                batch_size,
                max_batches,
                covers,
                open_to_all: kind >= 7 && rng.chance(30),
                eligible_units,
            }
        })
        .collect();
    Problem {
        format: PROBLEM_FORMAT.into(),
        budget: scale.employees as i64 * 400_000,
        jp_target: 20,
        jp_value: 0.05,
        employees,
        programs,
    }
}
