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
use super::threads::in_order;

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
        in_order(&mut self.scratch, self.threads, run)
    }
}

impl Lagrangian<'_> {
    /// Exact coordinate descent on the prices. With the other prices
    /// fixed, employee e's part of L is max(without_e, with_e − μ_p), so
    /// one subproblem per employee who may take p (with p forced in, or
    /// left out, whichever their current choice lacks) gives L as an exact
    /// convex function of μ_p, minimised over its break points. λ touches
    /// only the program terms, so after each pass it is set to its exact
    /// minimiser at no employee cost; then a short search along the ray
    /// s·(λ, μ) takes a direction no single price can. `lambda` and `mu`
    /// are updated in place. Returns L at the final point by a full
    /// evaluation, so the bound never rests on running sums. Stops after
    /// `passes`, when a pass finds nothing, or when `work` (employee
    /// subproblems solved) would pass `work_limit`.
    pub fn price_sweeps(
        &mut self,
        lambda: &mut f64,
        mu: &mut [f64],
        passes: u32,
        work: &mut u64,
        work_limit: u64,
    ) -> DualPoint {
        let m = self.m;
        let mut current = Current::new(self, mu);
        *work += m.employees.len() as u64;
        // A price that forces a program in: more than the employee's value.
        let force: Vec<f64> = m
            .employees
            .iter()
            .map(|emp| {
                let gaps: f64 = emp.gaps.iter().map(|&(_, gap, w)| w * f64::from(gap)).sum();
                gaps + m.jp_value * emp.jp_need as f64 + 1.0
            })
            .collect();
        *lambda = best_lambda(m, &self.cap, *lambda, mu);
        'passes: for _ in 0..passes {
            let mut improved = false;
            for p in 0..m.programs.len() {
                let prog = &m.programs[p];
                if self.cap[p] == 0 {
                    continue;
                }
                let pairs: Vec<usize> = m
                    .pairs_of_program(p)
                    .iter()
                    .copied()
                    .filter(|&pair| prog.jp <= m.employees[m.pair_employee(pair)].jp_cap)
                    .collect();
                if pairs.is_empty() {
                    continue;
                }
                if *work + pairs.len() as u64 > work_limit {
                    break 'passes;
                }
                *work += pairs.len() as u64;
                let sides = self.sides(p, &pairs, mu, &current, &force);
                let old = mu[p];
                let Some(price) = best_price(prog, *lambda, self.cap[p], old, &sides) else {
                    continue;
                };
                improved = true;
                mu[p] = price;
                for side in sides {
                    let takes = side.with - price > side.without;
                    current.values[side.employee] = if takes {
                        side.with - price
                    } else {
                        side.without
                    };
                    if takes != current.taken[side.pair] {
                        for q in m.pairs_of_employee(side.employee) {
                            current.taken[q] = false;
                        }
                        for &q in &side.other {
                            current.taken[q] = true;
                        }
                    }
                }
            }
            *lambda = best_lambda(m, &self.cap, *lambda, mu);
            if *work + (2 * RAY_STEPS + 2) * m.employees.len() as u64 > work_limit {
                break;
            }
            if self.ray(lambda, mu, work) {
                improved = true;
                current = Current::new(self, mu);
                *work += m.employees.len() as u64;
            }
            if !improved {
                break;
            }
        }
        self.evaluate(*lambda, mu)
    }

    /// For each of `pairs` (of program p): the employee's best value with
    /// p left out and with p forced in (before its price), and the chosen
    /// set of the side their current choice lacks. On threads for a large
    /// model; the results are in the order of `pairs` either way.
    fn sides(
        &mut self,
        p: usize,
        pairs: &[usize],
        mu: &[f64],
        current: &Current,
        force: &[f64],
    ) -> Vec<Side> {
        let (m, cap) = (self.m, &self.cap[..]);
        let run = |chunk: &[usize], scratch: &mut Scratch| {
            let mut mu = mu.to_vec();
            let old = mu[p];
            chunk
                .iter()
                .map(|&pair| {
                    let e = m.pair_employee(pair);
                    let (without, with) = if current.taken[pair] {
                        mu[p] = f64::INFINITY;
                        let without = employee(m, cap, scratch, e, &mu);
                        (without, current.values[e] + old)
                    } else {
                        mu[p] = -force[e];
                        let with = employee(m, cap, scratch, e, &mu) - force[e];
                        (current.values[e], with)
                    };
                    mu[p] = old;
                    Side {
                        employee: e,
                        pair,
                        without,
                        with,
                        other: scratch.best_set.clone(),
                    }
                })
                .collect::<Vec<_>>()
        };
        // One slice per thread (a single one when there are few pairs).
        let threads = if pairs.len() < 2 * self.threads {
            1
        } else {
            self.threads
        };
        let size = pairs.len().div_ceil(threads).max(1);
        let slices: Vec<&[usize]> = pairs.chunks(size).collect();
        in_order(&mut self.scratch[..slices.len()], threads, |i, scratch| {
            run(slices[i], scratch)
        })
        .into_iter()
        .flatten()
        .collect()
    }

    /// Scales (λ, μ) by s = 1 ± RAY_STEP·2^k while L falls (first down,
    /// then up); true if it moved them.
    fn ray(&mut self, lambda: &mut f64, mu: &mut [f64], work: &mut u64) -> bool {
        let n = self.m.employees.len() as u64;
        let here = self.evaluate(*lambda, mu).value;
        *work += n;
        let mut best = (here, 1.0);
        for direction in [-1.0, 1.0] {
            let mut k = 1.0;
            for _ in 0..RAY_STEPS {
                let s = 1.0 + direction * RAY_STEP * k;
                if s <= 0.0 {
                    break;
                }
                let scaled: Vec<f64> = mu.iter().map(|v| v * s).collect();
                let v = self.evaluate(*lambda * s, &scaled).value;
                *work += n;
                // A real decrease, not rounding.
                if v >= best.0 - 1e-9 * (1.0 + best.0.abs()) {
                    break;
                }
                best = (v, s);
                k *= 2.0;
            }
            if best.1 != 1.0 {
                break;
            }
        }
        if best.1 == 1.0 {
            return false;
        }
        *lambda *= best.1;
        for v in mu.iter_mut() {
            *v *= best.1;
        }
        true
    }
}

/// The first step of the ray search, as a share of the prices; it doubles
/// while L falls, at most RAY_STEPS times each way.
const RAY_STEP: f64 = 0.03;
const RAY_STEPS: u64 = 4;

/// Every employee's subproblem value and chosen pairs at the current prices.
struct Current {
    values: Vec<f64>,
    taken: Vec<bool>,
}

impl Current {
    fn new(l: &mut Lagrangian<'_>, mu: &[f64]) -> Current {
        let m = l.m;
        let mut taken = vec![false; m.pair_count()];
        let scratch = &mut l.scratch[0];
        let values = (0..m.employees.len())
            .map(|e| {
                let v = employee(m, &l.cap, scratch, e, mu);
                for &pair in &scratch.best_set {
                    taken[pair] = true;
                }
                v
            })
            .collect();
        Current { values, taken }
    }
}

/// One employee's two sides of a program's price (see `price_sweeps`).
struct Side {
    employee: usize,
    pair: usize,
    without: f64,
    with: f64,
    /// The chosen pairs of the side the current choice lacks.
    other: Vec<usize>,
}

/// The seat price of program `prog` that minimises L with every other
/// price fixed, or None if none lowers it really below the `old` one.
/// L's part that depends on it is Σ max(0, with − without − μ) over the
/// employees plus the program's term: convex and piecewise linear, so its
/// minimum is at a break point.
fn best_price(
    prog: &super::model::ModelProgram,
    lambda: f64,
    cap: u64,
    old: f64,
    sides: &[Side],
) -> Option<f64> {
    let mut breaks: Vec<f64> = sides
        .iter()
        .map(|side| side.with - side.without)
        .filter(|&t| t > 0.0)
        .collect();
    breaks.sort_unstable_by(|a, b| b.total_cmp(a));
    // suffix[k]: the sum of the k highest break-even prices.
    let mut suffix = Vec::with_capacity(breaks.len() + 1);
    suffix.push(0.0);
    for &t in &breaks {
        suffix.push(suffix[suffix.len() - 1] + t);
    }
    let at = |price: f64| {
        let k = breaks.partition_point(|&t| t > price);
        let employees = suffix[k] - k as f64 * price;
        let term = program_term(
            price - lambda * prog.cost_per_participant as f64,
            lambda * prog.batch_cost as f64,
            prog.batch_size,
            cap,
        )
        .0;
        employees + term
    };
    let current = at(old);
    let mut best = (current, old);
    let candidates = breaks
        .iter()
        .copied()
        .chain([0.0])
        .chain(program_breaks(prog, lambda, cap));
    for price in candidates {
        if price.is_finite() && price >= 0.0 {
            let v = at(price);
            if v < best.0 {
                best = (v, price);
            }
        }
    }
    // A real decrease, not rounding.
    (best.1 != old && best.0 < current - 1e-9 * (1.0 + current.abs())).then_some(best.1)
}

/// The prices at which a program's term changes slope: where buying all
/// seats, or all whole batches, starts to pay.
fn program_breaks(prog: &super::model::ModelProgram, lambda: f64, cap: u64) -> Vec<f64> {
    let mut ys = vec![cap];
    if let Some(s) = prog.batch_size {
        ys.push(cap / s * s);
    }
    ys.into_iter()
        .filter(|&y| y > 0)
        .map(|y| lambda * prog.cost_for(y) as f64 / y as f64)
        .collect()
}

/// The λ ≥ 0 that minimises L for fixed seat prices: only λ·budget and
/// the program terms depend on it, and their sum is convex, so a golden
/// section search on a bracket that holds the minimum finds it.
fn best_lambda(m: &Model, cap: &[u64], start: f64, mu: &[f64]) -> f64 {
    let at = |lambda: f64| {
        let mut v = lambda * m.budget as f64;
        for (p, prog) in m.programs.iter().enumerate() {
            v += program_term(
                mu[p] - lambda * prog.cost_per_participant as f64,
                lambda * prog.batch_cost as f64,
                prog.batch_size,
                cap[p],
            )
            .0;
        }
        v
    };
    // Past the dearest seat price per rupiah every term is 0 and L rises.
    let mut hi = start.max(f64::MIN_POSITIVE);
    for (p, prog) in m.programs.iter().enumerate() {
        for per_seat in program_breaks(prog, 1.0, cap[p]) {
            if per_seat > 0.0 {
                hi = hi.max(mu[p] / per_seat);
            }
        }
    }
    let (mut a, mut b) = (0.0, hi * 1.01);
    const INV_PHI: f64 = 0.618_033_988_749_894_8;
    let (mut c, mut d) = (b - INV_PHI * (b - a), a + INV_PHI * (b - a));
    let (mut fc, mut fd) = (at(c), at(d));
    for _ in 0..80 {
        if fc <= fd {
            b = d;
            d = c;
            fd = fc;
            c = b - INV_PHI * (b - a);
            fc = at(c);
        } else {
            a = c;
            c = d;
            fc = fd;
            d = a + INV_PHI * (b - a);
            fd = at(d);
        }
    }
    let found = if fc <= fd { c } else { d };
    // Keep the old λ unless the search really found lower.
    if at(found) < at(start) { found } else { start }
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
mod sweep_tests {
    use super::*;
    use crate::rencana::{Scale, evaluate, generate, solve};

    fn model(employees: usize, programs: usize, seed: u64) -> Model {
        generate(
            Scale {
                employees,
                programs,
            },
            seed,
        )
        .validate()
        .expect("valid")
    }

    fn start(m: &Model) -> (f64, Vec<f64>) {
        let mu = (0..m.programs.len())
            .map(|p| 0.2 + (p % 5) as f64 * 0.3)
            .collect();
        (4e-7, mu)
    }

    #[test]
    fn sweeps_only_lower_a_still_valid_bound() {
        let model = model(600, 30, 9);
        let mut l = Lagrangian::new(&model);
        let (mut lambda, mut mu) = start(&model);
        let before = l.evaluate(lambda, &mu).value;
        let mut work = 0;
        let end = l.price_sweeps(&mut lambda, &mut mu, 10, &mut work, u64::MAX);
        assert!(end.value < before, "{} vs {before}", end.value);
        assert!(work > 0);
        // The point returned is the one left in (λ, μ).
        assert_eq!(end.value.to_bits(), l.evaluate(lambda, &mu).value.to_bits());
        // Still an upper bound: no feasible plan is worth more.
        let plan = solve(&model, &crate::rencana::Options::default());
        let value = evaluate(&model, &plan.assignments).expect("feasible").value;
        assert!(end.value >= value, "{} < {value}", end.value);
    }

    #[test]
    fn sweeps_end_where_no_single_price_lowers_the_bound() {
        let model = model(400, 25, 3);
        let mut l = Lagrangian::new(&model);
        let (mut lambda, mut mu) = start(&model);
        let mut work = 0;
        let end = l
            .price_sweeps(&mut lambda, &mut mu, 100, &mut work, u64::MAX)
            .value;
        let tolerance = 1e-9 * (1.0 + end.abs());
        for p in 0..model.programs.len() {
            for price in [0.0, mu[p] * 0.9, mu[p] * 1.1, mu[p] + 0.05] {
                let mut moved = mu.clone();
                moved[p] = price;
                let v = l.evaluate(lambda, &moved).value;
                assert!(v >= end - tolerance, "program {p} at {price}: {v} < {end}");
            }
        }
        for factor in [0.95, 1.05] {
            let v = l.evaluate(lambda * factor, &mu).value;
            assert!(v >= end - tolerance, "λ × {factor}: {v} < {end}");
        }
    }

    #[test]
    fn threads_never_change_the_sweeps() {
        let model = model(1_000, 30, 5);
        let run = |threads: usize| {
            let mut l = Lagrangian::new(&model);
            l.threads = threads;
            let (mut lambda, mut mu) = start(&model);
            let mut work = 0;
            let end = l.price_sweeps(&mut lambda, &mut mu, 10, &mut work, u64::MAX);
            (end.value.to_bits(), lambda.to_bits(), mu, end.chosen, work)
        };
        assert_eq!(run(1), run(3));
    }

    #[test]
    fn a_work_limit_stops_the_sweeps_at_a_consistent_point() {
        let model = model(600, 30, 9);
        let mut l = Lagrangian::new(&model);
        let (mut lambda, mut mu) = start(&model);
        let mut work = 0;
        let limit = 3 * model.employees.len() as u64;
        let end = l.price_sweeps(&mut lambda, &mut mu, 10, &mut work, limit);
        assert!(work <= limit, "{work} > {limit}");
        assert_eq!(end.value.to_bits(), l.evaluate(lambda, &mu).value.to_bits());
    }
}
