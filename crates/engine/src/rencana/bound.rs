//! The Lagrangian upper bound. The budget (price λ per rupiah) and, for
//! each program, the link "participants = seats bought" (price μ_p per
//! seat) are moved into the objective:
//!
//! L(λ, μ) = λ·budget
//!         + Σ_e max { f_e(S) − Σ_{p∈S} μ_p : S eligible for e, jp(S) ≤ jp_cap }
//!         + Σ_p max { (μ_p − λ·c_p)·y − λ·B_p·batches(y) : 0 ≤ y ≤ Y_p }
//!
//! with Y_p = the most participants that fit the seats, the eligible
//! employees and, alone, the budget (and x_ep = 0 where Y_p = 0). For λ, μ ≥ 0 every feasible
//! plan (with y = participants) scores at least its value, so L ≥ the
//! optimum; each employee's choice stays integral. See docs/PLANNING.md.

use super::model::Model;

/// Nodes one employee's branch and bound may visit before it settles for
/// an upper bound of its subproblem (still valid, only looser).
const NODE_LIMIT: u32 = 300;

/// The employees' subproblems are solved in this many fixed chunks whose
/// results are added in chunk order, so the sums (and so every answer)
/// are the same whatever the number of threads.
const CHUNKS: usize = 16;
/// Below this many employees threads cost more than they save.
const THREADS_FROM: usize = 20_000;

pub(crate) struct Lagrangian<'m> {
    m: &'m Model,
    /// Per program: the most participants possible, Y_p.
    cap: Vec<u64>,
    /// Scratch space per chunk.
    scratch: Vec<Scratch>,
    threads: usize,
}

/// Buffers one chunk's subproblems reuse.
#[derive(Default)]
struct Scratch {
    items: Vec<Item>,
    raised: Vec<u64>,
    chosen: Vec<usize>,
    best_set: Vec<usize>,
}

/// The employees' part of L for one chunk.
#[derive(Default)]
struct ChunkPart {
    value: f64,
    /// The chosen pairs, employees ascending.
    chosen: Vec<usize>,
}

#[derive(Clone, Copy)]
struct Item {
    pair: usize,
    price: f64,
    jp: u64,
    /// Profit when taken alone.
    alone: f64,
}

/// One evaluation of L at (λ, μ).
pub(crate) struct DualPoint {
    pub value: f64,
    /// ∂L/∂λ = budget − cost of the seats bought.
    pub grad_lambda: f64,
    /// ∂L/∂μ_p = seats bought − participants chosen.
    pub grad_mu: Vec<f64>,
    /// The employees' chosen pairs (a hint for plans).
    pub chosen: Vec<usize>,
}

impl<'m> Lagrangian<'m> {
    pub fn new(m: &'m Model) -> Self {
        let cap = (0..m.programs.len())
            .map(|p| {
                let prog = &m.programs[p];
                let eligible = m.pairs_of_program(p).len() as u64;
                let cap = prog.seats().map_or(eligible, |s| s.min(eligible));
                affordable(prog, cap, m.budget)
            })
            .collect();
        let threads = if m.employees.len() >= THREADS_FROM {
            std::thread::available_parallelism().map_or(1, |n| n.get().min(CHUNKS))
        } else {
            1
        };
        Lagrangian {
            m,
            cap,
            scratch: (0..CHUNKS).map(|_| Scratch::default()).collect(),
            threads,
        }
    }

    pub fn cap(&self, p: usize) -> u64 {
        self.cap[p]
    }

    /// L(λ, μ), its subgradient and the employees' choices.
    pub fn evaluate(&mut self, lambda: f64, mu: &[f64]) -> DualPoint {
        let m = self.m;
        let mut value = lambda * m.budget as f64;
        let mut grad_mu = vec![0.0; m.programs.len()];
        let mut cost = 0.0;
        for (p, prog) in m.programs.iter().enumerate() {
            let (term, y) = program_term(
                mu[p] - lambda * prog.cost_per_participant as f64,
                lambda * prog.batch_cost as f64,
                prog.batch_size,
                self.cap[p],
            );
            value += term;
            grad_mu[p] = y as f64;
            cost += prog.cost_for(y) as f64;
        }
        let parts = self.employees(mu);
        let mut chosen = Vec::with_capacity(parts.iter().map(|c| c.chosen.len()).sum());
        for part in parts {
            value += part.value;
            for &pair in &part.chosen {
                grad_mu[m.pair_program(pair)] -= 1.0;
            }
            chosen.extend(part.chosen);
        }
        DualPoint {
            // Every term is ≥ 0, so rounding is far below this slack.
            value: value * (1.0 + 1e-9),
            grad_lambda: m.budget as f64 - cost,
            grad_mu,
            chosen,
        }
    }

    /// Every employee's subproblem, chunk by chunk (on threads for a large
    /// model); the parts come back in chunk order.
    fn employees(&mut self, mu: &[f64]) -> Vec<ChunkPart> {
        let (m, cap) = (self.m, &self.cap[..]);
        let n = m.employees.len();
        let range = |c: usize| (c * n / CHUNKS)..((c + 1) * n / CHUNKS);
        let run = |c: usize, scratch: &mut Scratch| {
            let mut part = ChunkPart::default();
            for e in range(c) {
                part.value += employee(m, cap, scratch, e, mu);
                part.chosen.extend_from_slice(&scratch.best_set);
            }
            part
        };
        if self.threads <= 1 {
            return self
                .scratch
                .iter_mut()
                .enumerate()
                .map(|(c, scratch)| run(c, scratch))
                .collect();
        }
        // Chunks dealt round-robin to the threads, then put back in order.
        let threads = self.threads;
        let mut per_thread: Vec<Vec<(usize, &mut Scratch)>> =
            (0..threads).map(|_| Vec::new()).collect();
        for (c, scratch) in self.scratch.iter_mut().enumerate() {
            per_thread[c % threads].push((c, scratch));
        }
        let mut parts: Vec<Option<ChunkPart>> = (0..CHUNKS).map(|_| None).collect();
        std::thread::scope(|s| {
            let handles: Vec<_> = per_thread
                .into_iter()
                .map(|work| {
                    s.spawn(move || {
                        work.into_iter()
                            .map(|(c, scratch)| (c, run(c, scratch)))
                            .collect::<Vec<_>>()
                    })
                })
                .collect();
            for h in handles {
                // A panic in a worker is a bug; re-raise it here.
                let done = h.join().unwrap_or_else(|p| std::panic::resume_unwind(p));
                for (c, part) in done {
                    parts[c] = Some(part);
                }
            }
        });
        parts.into_iter().map(Option::unwrap_or_default).collect()
    }
}

impl Lagrangian<'_> {
    /// Coordinate descent on the seat prices: for each program in turn,
    /// tries a few prices and keeps the one that lowers L most, re-solving
    /// only the employees who may take that program (L's other terms do
    /// not depend on it). `mu` is updated in place; returns the L of the
    /// final point as a full evaluation gives it, with its choices, so the
    /// bound never rests on running sums. Stops when `work` (employee
    /// subproblems solved) would pass `work_limit`.
    pub fn coordinate_descent(
        &mut self,
        lambda: f64,
        mu: &mut [f64],
        passes: u32,
        work: &mut u64,
        work_limit: u64,
    ) -> DualPoint {
        let m = self.m;
        let n_prog = m.programs.len();
        // Per employee: the subproblem's value at the current prices.
        let mut values: Vec<f64> = Vec::with_capacity(m.employees.len());
        {
            let scratch = &mut self.scratch[0];
            for e in 0..m.employees.len() {
                values.push(employee(m, &self.cap, scratch, e, mu));
            }
        }
        *work += m.employees.len() as u64;
        let term = |p: usize, price: f64| {
            let prog = &m.programs[p];
            program_term(
                price - lambda * prog.cost_per_participant as f64,
                lambda * prog.batch_cost as f64,
                prog.batch_size,
                self.cap[p],
            )
            .0
        };
        'passes: for _ in 0..passes {
            let mut improved = false;
            for p in 0..n_prog {
                let employees: Vec<usize> = {
                    let mut list: Vec<usize> = m
                        .pairs_of_program(p)
                        .iter()
                        .map(|&pair| m.pair_employee(pair))
                        .collect();
                    list.dedup();
                    list
                };
                if employees.is_empty() {
                    continue;
                }
                let old = mu[p];
                let break_even = lambda * m.programs[p].cost_per_participant as f64;
                let mut best = (0.0, old);
                for candidate in [old * 0.5, old * 0.8, old * 1.25, old * 2.0, break_even] {
                    if !(candidate.is_finite() && candidate >= 0.0) || candidate == old {
                        continue;
                    }
                    if *work + employees.len() as u64 > work_limit {
                        break 'passes;
                    }
                    *work += employees.len() as u64;
                    mu[p] = candidate;
                    let scratch = &mut self.scratch[0];
                    let mut delta = term(p, candidate) - term(p, old);
                    for &e in &employees {
                        let v = employee(m, &self.cap, scratch, e, mu);
                        delta += v - values[e];
                    }
                    mu[p] = old;
                    // A real decrease, not rounding.
                    if delta < best.0 - 1e-9 * (1.0 + values.len() as f64) {
                        best = (delta, candidate);
                    }
                }
                if best.1 != old {
                    mu[p] = best.1;
                    let scratch = &mut self.scratch[0];
                    for &e in &employees {
                        values[e] = employee(m, &self.cap, scratch, e, mu);
                    }
                    *work += employees.len() as u64;
                    improved = true;
                }
            }
            if !improved {
                break;
            }
        }
        self.evaluate(lambda, mu)
    }
}

/// An upper bound on max f_e(S) − μ(S) (exact unless the node limit is
/// hit); the best set found is left in `scratch.best_set`.
fn employee(m: &Model, cap: &[u64], scratch: &mut Scratch, e: usize, mu: &[f64]) -> f64 {
    let emp = &m.employees[e];
    scratch.best_set.clear();
    scratch.items.clear();
    scratch.raised.clear();
    scratch.raised.resize(emp.gaps.len(), 0);
    for pair in m.pairs_of_employee(e) {
        let p = m.pair_program(pair);
        let jp = m.programs[p].jp;
        if jp > emp.jp_cap || cap[p] == 0 {
            continue;
        }
        // f is submodular: a program not worth its price alone never is.
        let alone = m.marginal(pair, &scratch.raised, 0) - mu[p];
        if alone > 0.0 {
            scratch.items.push(Item {
                pair,
                price: mu[p],
                jp,
                alone,
            });
        }
    }
    // Most profitable first: good plans early prune the most.
    scratch
        .items
        .sort_unstable_by(|a, b| b.alone.total_cmp(&a.alone).then(a.pair.cmp(&b.pair)));
    if scratch.items.is_empty() {
        return 0.0;
    }
    let raised = std::mem::take(&mut scratch.raised);
    let items = std::mem::take(&mut scratch.items);
    let mut search = Search {
        m,
        e,
        items: &items,
        raised,
        jp: 0,
        stack: std::mem::take(&mut scratch.chosen),
        best: 0.0,
        best_set: std::mem::take(&mut scratch.best_set),
        nodes: 0,
        scratch: Vec::new(),
    };
    search.stack.clear();
    let upper = search.dfs(0, 0.0).max(search.best);
    scratch.raised = search.raised;
    scratch.chosen = search.stack;
    scratch.best_set = search.best_set;
    scratch.items = items;
    upper
}

/// The most participants, up to `cap`, whose cost fits the budget (cost
/// grows with participants, so no feasible plan has more).
fn affordable(prog: &super::model::ModelProgram, cap: u64, budget: u64) -> u64 {
    let (mut lo, mut hi) = (0, cap);
    while lo < hi {
        let mid = lo + (hi - lo).div_ceil(2);
        if prog.cost_for(mid) <= u128::from(budget) {
            lo = mid;
        } else {
            hi = mid - 1;
        }
    }
    lo
}

/// max over 0 ≤ y ≤ cap of a·y − b·batches(y), and the y attaining it.
/// For a > 0 the best y in each batch is its last seat, and full batches
/// add (a·size − b) each, so only 0, whole batches and `cap` compete.
fn program_term(a: f64, b: f64, batch_size: Option<u64>, cap: u64) -> (f64, u64) {
    if a <= 0.0 || cap == 0 {
        return (0.0, 0);
    }
    let at = |y: u64| {
        let batches = match batch_size {
            None => u64::from(y > 0),
            Some(s) => y.div_ceil(s),
        };
        a * y as f64 - b * batches as f64
    };
    let mut best = (0.0, 0);
    let mut candidates = vec![cap];
    if let Some(s) = batch_size {
        candidates.push(cap / s * s);
    }
    for y in candidates {
        let v = at(y);
        if v > best.0 {
            best = (v, y);
        }
    }
    best
}

struct Search<'a> {
    m: &'a Model,
    e: usize,
    items: &'a [Item],
    raised: Vec<u64>,
    jp: u64,
    stack: Vec<usize>,
    best: f64,
    best_set: Vec<usize>,
    nodes: u32,
    scratch: Vec<(f64, u64)>,
}

impl Search<'_> {
    /// Upper bound of the subtree where items before `i` are decided.
    fn dfs(&mut self, i: usize, current: f64) -> f64 {
        if current > self.best {
            self.best = current;
            self.best_set.clear();
            self.best_set.extend_from_slice(&self.stack);
        }
        if i == self.items.len() {
            return current;
        }
        let bound = current + self.optimistic(i, self.best + 1e-12 - current);
        if bound <= self.best + 1e-12 || self.nodes >= NODE_LIMIT {
            return bound.max(current);
        }
        self.nodes += 1;
        let item = self.items[i];
        let cap = self.m.employees[self.e].jp_cap;
        let mut upper = current;
        if self.jp + item.jp <= cap {
            let profit = self.m.marginal(item.pair, &self.raised, self.jp) - item.price;
            if profit > 0.0 {
                self.apply(item, true);
                upper = upper.max(self.dfs(i + 1, current + profit));
                self.apply(item, false);
            }
        }
        upper.max(self.dfs(i + 1, current))
    }

    fn apply(&mut self, item: Item, add: bool) {
        for &(g, levels) in self.m.contributions(item.pair) {
            let r = &mut self.raised[g as usize];
            *r = if add {
                *r + u64::from(levels)
            } else {
                *r - u64::from(levels)
            };
        }
        if add {
            self.jp += item.jp;
            self.stack.push(item.pair);
        } else {
            self.jp -= item.jp;
            self.stack.pop();
        }
    }

    /// Fractional knapsack over the items from `i` of (marginal − price)⁺
    /// now, in JP: by submodularity no set of them adds more. A quicker,
    /// looser bound is returned when it is at most `enough`.
    fn optimistic(&mut self, i: usize, enough: f64) -> f64 {
        let room = self.m.employees[self.e].jp_cap - self.jp;
        self.scratch.clear();
        let mut total = 0.0;
        let mut weight: u64 = 0;
        let (mut free, mut best_per_jp) = (0.0, 0.0f64);
        for item in &self.items[i..] {
            if item.jp > room {
                continue;
            }
            let profit = self.m.marginal(item.pair, &self.raised, self.jp) - item.price;
            if profit > 0.0 {
                total += profit;
                weight = weight.saturating_add(item.jp);
                self.scratch.push((profit, item.jp));
                if item.jp == 0 {
                    free += profit;
                } else {
                    best_per_jp = best_per_jp.max(profit / item.jp as f64);
                }
            }
        }
        if weight <= room {
            return total;
        }
        // A looser bound without sorting; enough when it already prunes.
        let quick = total.min(free + best_per_jp * room as f64);
        if quick <= enough {
            return quick;
        }
        // By profit per JP, best first (free items first of all).
        let per_jp = |&(profit, jp): &(f64, u64)| {
            if jp == 0 {
                f64::INFINITY
            } else {
                profit / jp as f64
            }
        };
        self.scratch
            .sort_unstable_by(|a, b| per_jp(b).total_cmp(&per_jp(a)));
        let mut left = room;
        let mut sum = 0.0;
        for &(profit, jp) in &self.scratch {
            if jp <= left {
                sum += profit;
                left -= jp;
            } else {
                sum += profit * left as f64 / jp as f64;
                break;
            }
        }
        sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rencana::{Scale, generate};

    #[test]
    fn threads_never_change_the_bound_or_the_choices() {
        let model = generate(
            Scale {
                employees: 1_500,
                programs: 40,
            },
            5,
        )
        .validate()
        .expect("valid");
        let mu: Vec<f64> = (0..model.programs.len())
            .map(|p| (p % 7) as f64 * 0.01)
            .collect();
        let mut one = Lagrangian::new(&model);
        one.threads = 1;
        let mut three = Lagrangian::new(&model);
        three.threads = 3;
        for lambda in [0.0, 1e-7, 3e-7] {
            let (a, b) = (one.evaluate(lambda, &mu), three.evaluate(lambda, &mu));
            assert_eq!(a.value.to_bits(), b.value.to_bits());
            assert_eq!(a.grad_mu, b.grad_mu);
            assert_eq!(a.chosen, b.chosen);
            assert!(!a.chosen.is_empty());
        }
    }
}

#[cfg(test)]
mod coordinate_tests {
    use super::*;
    use crate::rencana::{Scale, evaluate, generate, solve};

    #[test]
    fn coordinate_descent_only_lowers_a_still_valid_bound() {
        let model = generate(
            Scale {
                employees: 600,
                programs: 30,
            },
            9,
        )
        .validate()
        .expect("valid");
        let mut l = Lagrangian::new(&model);
        let lambda = 4e-7;
        let mut mu: Vec<f64> = (0..model.programs.len())
            .map(|p| 0.2 + (p % 5) as f64 * 0.3)
            .collect();
        let start = l.evaluate(lambda, &mu).value;
        let mut work = 0;
        let end = l.coordinate_descent(lambda, &mut mu, 3, &mut work, u64::MAX);
        assert!(end.value < start, "{} vs {start}", end.value);
        assert!(work > 0);
        // Still an upper bound: no feasible plan is worth more.
        let plan = solve(&model, &crate::rencana::Options::default());
        let value = evaluate(&model, &plan.assignments).expect("feasible").value;
        assert!(end.value >= value, "{} < {value}", end.value);
        // A work limit stops it early, still at a consistent point.
        let mut small = 0;
        let mut mu2: Vec<f64> = vec![0.5; model.programs.len()];
        let limited = l.coordinate_descent(lambda, &mut mu2, 3, &mut small, 1_000);
        assert!(small <= 1_000 + model.employees.len() as u64);
        assert_eq!(
            limited.value.to_bits(),
            l.evaluate(lambda, &mu2).value.to_bits()
        );
    }
}
