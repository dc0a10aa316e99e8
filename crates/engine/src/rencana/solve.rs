//! The solver: a greedy plan improved by local search and by plans built
//! from the Lagrangian's choices, and the best Lagrangian bound found by
//! subgradient steps on (λ, μ).

use super::bound::Lagrangian;
use super::cycles::cycle_pass;
use super::evaluate::{Evaluation, evaluate};
use super::model::Model;
use super::moves::{exchange_pass, insert_pass, refill_pass};
use super::primal::{Order, State, drop_batch_pass, greedy, greedy_by, improves, swap_pass};

/// The subgradient stops when the bound improved less than STALL_GAIN
/// (relative) over the last STALL_ROUNDS rounds.
const STALL_ROUNDS: u32 = 20;
const STALL_GAIN: f64 = 1e-4;
/// Exact sweeps over the prices may solve this many employee subproblems
/// per employee (a pass costs about one per eligible program: two to
/// three passes on the benchmark's instances), in at most SWEEPS passes.
const SWEEP_WORK: u64 = 64;
const SWEEPS: u32 = 10;

/// How much work the solver may do. The work is counted, not timed, so
/// the same input and options always give the same plan.
#[derive(Debug, Clone, PartialEq)]
pub struct Options {
    /// Evaluations of the Lagrangian (each solves every employee's subproblem).
    pub rounds: u32,
    /// Work units (pair visits) for each run of local search; the last
    /// one starts from each of the best few plans found.
    pub improve_work: u64,
    /// Build a plan from the Lagrangian's choices every this many rounds.
    pub hint_every: u32,
    /// Stop once the certified gap, (bound − value) ÷ bound in percent, is
    /// at most this; 0 works until the rounds run out or the bound stalls.
    pub target_gap_pct: f64,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            rounds: 200,
            improve_work: 60_000_000,
            hint_every: 10,
            target_gap_pct: 0.0,
        }
    }
}

/// A feasible plan with a proven upper bound on the best value.
#[derive(Debug, Clone, PartialEq)]
pub struct Solution {
    /// (employee index, program index), employees then programs ascending.
    pub assignments: Vec<(usize, usize)>,
    /// The checker's numbers for the plan.
    pub evaluation: Evaluation,
    /// No feasible plan is worth more than this.
    pub bound: f64,
    /// Lagrangian rounds done.
    pub rounds: u32,
    /// The caller's stop signal ended the search early.
    pub stopped: bool,
}

impl Solution {
    pub fn value(&self) -> f64 {
        self.evaluation.value
    }

    /// (bound − value) ÷ bound × 100; 0 when the bound is 0.
    pub fn gap_pct(&self) -> f64 {
        if self.bound > 0.0 {
            ((self.bound - self.evaluation.value) / self.bound * 100.0).max(0.0)
        } else {
            0.0
        }
    }
}

/// Solves with the given work limits.
pub fn solve(model: &Model, options: &Options) -> Solution {
    solve_until(model, options, &mut || false)
}

/// Like [`solve`], but asks `stop` between steps and, when it says true,
/// returns the best plan and bound so far (still feasible and valid; only
/// then can the result depend on when it was asked).
pub fn solve_until(model: &Model, options: &Options, stop: &mut dyn FnMut() -> bool) -> Solution {
    let mut stopped = false;
    let mut work = 0;
    let mut best = State::new(model);
    greedy(&mut best, None);
    if stop() {
        stopped = true;
    } else {
        improve(&mut best, &mut 0, options.improve_work / 8);
        // Value first: a few valuable, dear programs can beat many cheap ones.
        let mut by_value = State::new(model);
        greedy_by(&mut by_value, None, Order::Value);
        greedy(&mut by_value, None);
        improve(&mut by_value, &mut 0, options.improve_work / 8);
        if by_value.value > best.value + 1e-9 * (1.0 + best.value.abs()) {
            best = by_value;
        }
    }

    let mut pool = Pool { plans: Vec::new() };
    let mut lagrangian = Lagrangian::new(model);
    let n_prog = model.programs.len();
    let mut rounds = 0;
    let zero = vec![0.0; n_prog];
    let mut bound = lagrangian.evaluate(0.0, &zero).value;
    rounds += 1;

    // Rupiah per typical seat: puts λ on the scale of the μ_p.
    let seat_cost = |p: usize| {
        let prog = &model.programs[p];
        let fill = match prog.batch_size {
            Some(b) => b.min(lagrangian.cap(p)),
            None => lagrangian.cap(p),
        }
        .max(1);
        prog.cost_per_participant as f64 + prog.batch_cost as f64 / fill as f64
    };
    let seat: Vec<f64> = (0..n_prog).map(seat_cost).collect();
    let scale = (seat.iter().sum::<f64>() / n_prog.max(1) as f64).max(1.0);
    let lambda0 = if best.cost > 0 && best.value > 0.0 {
        best.value / best.cost as f64
    } else {
        1.0 / scale
    };

    // Along the ray (s·λ0, s·λ0·seat) L is convex in s: on grids of powers
    // of two, then 2^(1/4) and 2^(1/16) around the best point, walk from
    // the centre in the direction L falls until it rises again (by
    // convexity the grid's minimum, in a few evaluations instead of all).
    let mut at = (
        lambda0,
        seat.iter().map(|c| lambda0 * c).collect::<Vec<_>>(),
    );
    let mut best_point = at.clone();
    let mut hint = Vec::new();
    let mut centre = 1.0;
    let mut centre_value = f64::INFINITY;
    // 2, 2^(1/4), 2^(1/16) as literals: the same bits on every platform.
    'ray: for (factor, reach) in [
        (2.0f64, 8),
        (1.189_207_115_002_721, 3),
        (1.044_273_782_427_413_8, 3),
    ] {
        let around = centre;
        let mut evaluate_at = |k: i32,
                               rounds: &mut u32,
                               stopped: &mut bool|
         -> Option<(f64, f64, Vec<f64>, Vec<usize>)> {
            if *stopped || *rounds >= options.rounds {
                return None;
            }
            if stop() {
                *stopped = true;
                return None;
            }
            let s = around * factor.powi(k);
            let mu: Vec<f64> = seat.iter().map(|c| s * lambda0 * c).collect();
            let point = lagrangian.evaluate(s * lambda0, &mu);
            *rounds += 1;
            Some((point.value, s, mu, point.chosen))
        };
        let take = |bound: &mut f64,
                    best_point: &mut (f64, Vec<f64>),
                    hint: &mut Vec<usize>,
                    centre: &mut f64,
                    (value, s, mu, chosen): (f64, f64, Vec<f64>, Vec<usize>)| {
            if value < *bound {
                *bound = value;
                *best_point = (s * lambda0, mu);
                *hint = chosen;
                *centre = s;
            }
        };
        if bound <= best.value {
            break 'ray;
        }
        // The centre itself (known after the first grid).
        let mut here = centre_value;
        if !here.is_finite() {
            let Some(point) = evaluate_at(0, &mut rounds, &mut stopped) else {
                break 'ray;
            };
            here = point.0;
            take(&mut bound, &mut best_point, &mut hint, &mut centre, point);
        }
        let mut walked = here;
        for direction in [1, -1] {
            let mut last = here;
            let mut moved = false;
            for step in 1..=reach {
                if bound <= best.value {
                    break 'ray;
                }
                let Some(point) = evaluate_at(direction * step, &mut rounds, &mut stopped) else {
                    break 'ray;
                };
                let v = point.0;
                let falls = v < last;
                take(&mut bound, &mut best_point, &mut hint, &mut centre, point);
                if !falls {
                    break;
                }
                moved = true;
                last = v;
            }
            walked = walked.min(last);
            // Falling one way means rising the other (convexity).
            if moved {
                break;
            }
        }
        centre_value = walked;
    }
    if !hint.is_empty() {
        try_hint(&mut best, &mut pool, &hint, &mut work, options.improve_work);
    }

    // Subgradient steps (Polyak) from the best point of the search.
    at.clone_from(&best_point);
    let mut theta = 1.0;
    let mut since_better = 0;
    // (round, bound) STALL_ROUNDS ago: stop when the bound stalls.
    let mut checkpoint = (rounds, bound);
    let target = options.target_gap_pct.clamp(0.0, 100.0) / 100.0;
    while rounds < options.rounds && !stopped {
        if bound - best.value <= 1e-9 * (1.0 + bound.abs()) {
            break;
        }
        if target > 0.0 && bound - best.value <= target * bound {
            break;
        }
        if rounds >= checkpoint.0 + STALL_ROUNDS {
            if checkpoint.1 - bound < STALL_GAIN * bound {
                break;
            }
            checkpoint = (rounds, bound);
        }
        if stop() {
            stopped = true;
            break;
        }
        let point = lagrangian.evaluate(at.0, &at.1);
        rounds += 1;
        if point.value < bound {
            bound = point.value;
            best_point.clone_from(&at);
            since_better = 0;
        } else {
            since_better += 1;
            if since_better >= 5 {
                theta = (theta * 0.5f64).max(1e-4);
                since_better = 0;
                at.clone_from(&best_point);
            }
        }
        if options.hint_every > 0 && rounds % options.hint_every == 0 {
            try_hint(
                &mut best,
                &mut pool,
                &point.chosen,
                &mut work,
                options.improve_work,
            );
        }
        let g_lambda = point.grad_lambda / scale;
        let norm: f64 = g_lambda * g_lambda + point.grad_mu.iter().map(|g| g * g).sum::<f64>();
        if norm <= 0.0 {
            break;
        }
        let step = theta * (point.value - best.value).max(1e-12 * (1.0 + point.value.abs())) / norm;
        at.0 = (at.0 - step * g_lambda / scale).max(0.0);
        for (mu, g) in at.1.iter_mut().zip(&point.grad_mu) {
            *mu = (*mu - step * g).max(0.0);
        }
    }
    // The subgradient stalls at kinks of L, where a program's seats are
    // bought all or nothing; exact sweeps over the prices go much lower.
    let target_met = target > 0.0 && bound - best.value <= target * bound;
    if !stopped && !target_met && bound - best.value > 1e-9 * (1.0 + bound.abs()) && !stop() {
        let (mut lambda, mut mu) = best_point.clone();
        let mut subproblems = 0;
        let limit = SWEEP_WORK * model.employees.len() as u64;
        let point = lagrangian.price_sweeps(&mut lambda, &mut mu, SWEEPS, &mut subproblems, limit);
        rounds += 1;
        if point.value < bound {
            bound = point.value;
            best_point = (lambda, mu);
            try_hint(
                &mut best,
                &mut pool,
                &point.chosen,
                &mut work,
                options.improve_work,
            );
        }
    }
    // Plans from the choices at lower prices: those overspend, and the
    // greedy's pick among them ends in other local optima (see PLANNING.md).
    let mut starts = Vec::new();
    for factor in CHEAPER_PRICES {
        if stopped || hint.is_empty() || stop() {
            break;
        }
        let mu: Vec<f64> = best_point.1.iter().map(|m| m * factor).collect();
        let point = lagrangian.evaluate(best_point.0 * factor, &mu);
        rounds += 1;
        // Any prices give a valid bound.
        bound = bound.min(point.value);
        let trial = hint_plan(model, &point.chosen, &mut work, options.improve_work);
        if improves(trial.value, best.value) {
            best = trial.clone();
        }
        starts.push(trial);
    }
    if !stopped {
        // Local search from each of the best few starts: they end in
        // different local optima.
        pool.offer(&best);
        for trial in starts {
            if pool.plans.iter().all(|p| p.chosen != trial.chosen) {
                pool.plans.push(trial);
            }
        }
        for mut start in pool.plans {
            if stop() {
                stopped = true;
                break;
            }
            improve(&mut start, &mut 0, options.improve_work);
            if improves(start.value, best.value) {
                best = start;
            }
        }
    }

    // Reshuffles of seats along cycles of programs, which none of the
    // passes above can see (cycles.rs), then local search on what they
    // opened; all of it on the best plan only, where it pays.
    let mut cycle_work = 0;
    while !stopped
        && cycle_pass(
            &mut best,
            best_point.0,
            &mut cycle_work,
            CYCLE_WORK * options.improve_work,
        )
    {
        improve(&mut best, &mut 0, options.improve_work);
        if stop() {
            stopped = true;
        }
    }
    let assignments = best.assignments();
    // The state is feasible by construction; the checker has the last word.
    let (assignments, evaluation) = match evaluate(model, &assignments) {
        Ok(evaluation) => (assignments, evaluation),
        Err(_) => {
            let empty = Vec::new();
            let evaluation = evaluate(model, &empty).unwrap_or_else(|_| Evaluation {
                value: 0.0,
                cost: 0,
                participants: vec![0; n_prog],
                batches: vec![0; n_prog],
                jp: vec![0; model.employees.len()],
            });
            (empty, evaluation)
        }
    };
    Solution {
        bound: bound.max(evaluation.value),
        assignments,
        evaluation,
        rounds,
        stopped,
    }
}

/// Local search while it helps and work remains: every round the passes
/// built on per-program curves, and only when they find nothing the
/// drop-a-batch pass, whose greedy refill also sees the gains a drop
/// raises (which the curves, taken before the move, cannot).
fn improve(s: &mut State<'_>, work: &mut u64, limit: u64) {
    while *work < limit {
        let mut better = swap_pass(s, work);
        better |= exchange_pass(s, work, limit);
        better |= insert_pass(s, work, limit);
        better |= refill_pass(s, work, limit);
        if !better {
            better = drop_batch_pass(s, work, limit);
        }
        greedy(s, None);
        if !better {
            break;
        }
    }
}

/// A plan from the Lagrangian's choices: their pairs first, then anything;
/// kept if better than the best so far, and offered to the pool.
fn try_hint<'m>(
    best: &mut State<'m>,
    pool: &mut Pool<'m>,
    chosen: &[usize],
    work: &mut u64,
    limit: u64,
) {
    let trial = hint_plan(best.m, chosen, work, limit);
    if improves(trial.value, best.value) {
        *best = trial.clone();
    }
    pool.offer(&trial);
}

/// Greedy over the Lagrangian's chosen pairs, then over all, then swaps.
fn hint_plan<'m>(m: &'m Model, chosen: &[usize], work: &mut u64, limit: u64) -> State<'m> {
    let mut allowed = vec![false; m.pair_count()];
    for &pair in chosen {
        allowed[pair] = true;
    }
    let mut trial = State::new(m);
    greedy(&mut trial, Some(&allowed));
    greedy(&mut trial, None);
    *work += m.pair_count() as u64;
    if *work < limit {
        swap_pass(&mut trial, work);
        greedy(&mut trial, None);
    }
    trial
}

/// Price factors (on λ and every μ at the best point) whose choices seed
/// extra starts for the final local search.
const CHEAPER_PRICES: [f64; 2] = [0.9, 0.8];

/// Work of the cycle passes on the best plan, in units of `improve_work`.
const CYCLE_WORK: u64 = 4;

/// How many plans the final local search starts from.
const POOL_SIZE: usize = 3;

/// The best few distinct plans, best first.
struct Pool<'m> {
    plans: Vec<State<'m>>,
}

impl<'m> Pool<'m> {
    fn offer(&mut self, plan: &State<'m>) {
        if self.plans.iter().any(|p| p.chosen == plan.chosen) {
            return;
        }
        let at = self
            .plans
            .iter()
            .position(|p| improves(plan.value, p.value))
            .unwrap_or(self.plans.len());
        if at < POOL_SIZE {
            self.plans.insert(at, plan.clone());
            self.plans.truncate(POOL_SIZE);
        }
    }
}
