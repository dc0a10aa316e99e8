//! Local-search moves built on per-program curves: for each program its
//! participants, poorest first, and its candidates, best first, with the
//! rupiah each prefix saves or costs. Within one program employees are
//! independent, so a curve is exact for a change to that program alone;
//! moves that touch several are checked on the plan itself and undone
//! exactly unless the value rises.

use super::model::Model;
use super::primal::{State, improves};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// Pairs of one program in the order a move takes them, with running
/// sums of their value and of the rupiah they cost or save.
pub(super) struct Curve {
    pub(super) pairs: Vec<usize>,
    /// sum[k]: value of the first k (sum[0] = 0).
    sum: Vec<f64>,
    /// rupiah[k]: rupiah of the first k (rupiah[0] = 0).
    rupiah: Vec<u128>,
    /// How many a move may take on top of the plan: the seats left for
    /// candidates (the rest only serve swaps), all of the participants.
    pub(super) room: usize,
}

impl Curve {
    fn new() -> Curve {
        Curve {
            pairs: Vec::new(),
            sum: vec![0.0],
            rupiah: vec![0],
            room: 0,
        }
    }

    pub(super) fn len(&self) -> usize {
        self.pairs.len()
    }

    fn push(&mut self, pair: usize, value: f64, rupiah: u128) {
        self.pairs.push(pair);
        let last = self.sum[self.sum.len() - 1];
        self.sum.push(last + value);
        self.rupiah.push(rupiah);
    }
}

/// Per program: its participants, poorest first, with the rupiah each
/// prefix saves (drop curves), and its candidates, best first, with the
/// rupiah each prefix costs, up to the seats left (add curves).
pub(super) fn curves(s: &State<'_>, work: &mut u64) -> (Vec<Curve>, Vec<Curve>) {
    let m = s.m;
    let np = m.programs.len();
    let mut buf: Vec<(f64, usize)> = Vec::new();
    let mut drops: Vec<Curve> = Vec::with_capacity(np);
    let mut adds: Vec<Curve> = Vec::with_capacity(np);
    for p in 0..np {
        let prog = &m.programs[p];
        let n = s.n[p];
        buf.clear();
        buf.extend(
            m.pairs_of_program(p)
                .iter()
                .filter(|&&pair| s.chosen[pair])
                .map(|&pair| (s.loss(pair), pair)),
        );
        buf.sort_unstable_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        let mut curve = Curve::new();
        for (k, &(loss, pair)) in buf.iter().enumerate() {
            curve.push(
                pair,
                loss,
                prog.cost_for(n) - prog.cost_for(n - k as u64 - 1),
            );
        }
        curve.room = curve.len();
        drops.push(curve);
        buf.clear();
        buf.extend(
            m.pairs_of_program(p)
                .iter()
                .filter_map(|&pair| s.gain(pair).filter(|&g| g > 0.0).map(|gain| (gain, pair))),
        );
        buf.sort_unstable_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let seats_left = prog.seats().map_or(u64::MAX, |t| t.saturating_sub(n));
        let room = usize::try_from(seats_left).unwrap_or(usize::MAX);
        let mut curve = Curve::new();
        // Past the seats left, enough candidates to swap for every participant.
        for (j, &(gain, pair)) in buf.iter().enumerate() {
            if j >= room.saturating_add(n as usize) {
                break;
            }
            curve.push(
                pair,
                gain,
                prog.cost_for(n + j as u64 + 1) - prog.cost_for(n),
            );
        }
        curve.room = room.min(curve.len());
        adds.push(curve);
        *work += m.pairs_of_program(p).len() as u64;
    }
    (drops, adds)
}

/// How far a step along each program's curve may look: one batch (at
/// most 64), or one at a time without batches.
pub(super) fn reach(m: &Model) -> Vec<usize> {
    m.programs
        .iter()
        .map(|prog| prog.batch_size.map_or(1, |b| b as usize).clamp(1, 64))
        .collect()
}

/// A move between two programs: drop the `drop` poorest participants of
/// `from`, add the `add` best candidates of `to`.
#[derive(Clone, Copy)]
struct Exchange {
    estimate: f64,
    from: usize,
    drop: usize,
    to: usize,
    add: usize,
}

/// Exchanges between programs: for every ordered pair (p, q), drop the k
/// participants of p that are worth least and add the j best candidates
/// of q that the freed rupiah (and what is left) pay for; within one
/// program, swap a participant for a better candidate. Within one program
/// employees are independent, so each curve is exact, and an employee in
/// both only gains from losing p before taking q (the value is
/// submodular), so the estimate never overstates a move. The best move
/// per source program is applied unless an earlier one this pass touched
/// its programs, and kept only if the value really rises.
pub(crate) fn exchange_pass(s: &mut State<'_>, work: &mut u64, limit: u64) -> bool {
    let m = s.m;
    let np = m.programs.len();
    let (drops, adds) = curves(s, work);
    let remaining = s.remaining();
    let mut moves: Vec<Exchange> = Vec::new();
    for (p, d) in drops.iter().enumerate() {
        if *work > limit {
            break;
        }
        let mut best: Option<Exchange> = None;
        let mut consider = |mv: Exchange| {
            if mv.estimate > 0.0 && best.is_none_or(|b| mv.estimate > b.estimate) {
                best = Some(mv);
            }
        };
        for (q, a) in adds.iter().enumerate() {
            if a.len() == 0 {
                continue;
            }
            *work += (d.len() + a.len()) as u64 / 8 + 1;
            if q == p {
                // Swaps: cost unchanged, best candidates for the poorest.
                let (mut t, mut estimate) = (0, 0.0);
                while t < d.len().min(a.len()) && a.sum[t + 1] - a.sum[t] > d.sum[t + 1] - d.sum[t]
                {
                    t += 1;
                    estimate = a.sum[t] - d.sum[t];
                }
                consider(Exchange {
                    estimate,
                    from: p,
                    drop: t,
                    to: q,
                    add: t,
                });
                continue;
            }
            let mut j = 0;
            for k in 0..=d.len() {
                let avail = remaining + d.rupiah[k];
                while j < a.room && a.rupiah[j + 1] <= avail {
                    j += 1;
                }
                consider(Exchange {
                    estimate: a.sum[j] - d.sum[k],
                    from: p,
                    drop: k,
                    to: q,
                    add: j,
                });
            }
        }
        moves.extend(best);
    }
    moves.sort_unstable_by(|a, b| b.estimate.total_cmp(&a.estimate).then(a.from.cmp(&b.from)));
    let mut touched = vec![false; np];
    let mut any = false;
    for mv in moves {
        if touched[mv.from] || touched[mv.to] {
            continue;
        }
        let before = s.value;
        let dropped = &drops[mv.from].pairs[..mv.drop];
        let added = &adds[mv.to].pairs[..mv.add];
        for &pair in dropped {
            s.remove(pair);
        }
        let mut done = 0;
        for &pair in added {
            let fits = s.gain(pair).is_some()
                && s.extra_cost(mv.to, 1).is_some_and(|c| c <= s.remaining());
            if !fits {
                break;
            }
            s.add(pair);
            done += 1;
        }
        if done == added.len() && improves(s.value, before) {
            touched[mv.from] = true;
            touched[mv.to] = true;
            any = true;
        } else {
            for &pair in &added[..done] {
                s.remove(pair);
            }
            for &pair in dropped {
                s.add(pair);
            }
        }
    }
    any
}

/// The cheapest way, by value lost per rupiah, to take program `p` from
/// `from` dropped participants further: (loss per rupiah, new count).
/// Looks at most one batch ahead, where a batch's cost is saved at once.
fn best_drop_step(d: &Curve, from: usize, reach: usize) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    for k in from + 1..=d.len().min(from + reach) {
        let rupiah = d.rupiah[k] - d.rupiah[from];
        if rupiah == 0 {
            continue;
        }
        let ratio = (d.sum[k] - d.sum[from]) / rupiah as f64;
        if best.is_none_or(|(r, _)| ratio < r) {
            best = Some((ratio, k));
        }
    }
    best
}

/// Opens (or fills) a batch the budget cannot pay for as it is: adds the
/// best candidates of a program up to the end of a batch, and pays by
/// dropping, across the other programs, the participants (or whole last
/// batches) that lose the least value per rupiah saved. The curves are
/// exact per program; a move is kept only if the value really rises.
pub(crate) fn insert_pass(s: &mut State<'_>, work: &mut u64, limit: u64) -> bool {
    let m = s.m;
    let np = m.programs.len();
    let (drops, adds) = curves(s, work);
    let reach = reach(m);
    let mut touched = vec![false; np];
    let mut any = false;
    let mut taken = vec![0usize; np];
    let mut added = vec![0usize; np];
    for q in 0..np {
        if *work > limit {
            break;
        }
        let a = &adds[q];
        if touched[q] || a.room == 0 {
            continue;
        }
        let prog = &m.programs[q];
        // Fill up to the end of the next batch or two.
        let n = s.n[q] as usize;
        let mut options = Vec::new();
        match prog.batch_size {
            Some(b) => {
                let b = b as usize;
                let end = n.div_ceil(b).max(1) * b;
                for stop in [end, end + b] {
                    if stop > n {
                        options.push((stop - n).min(a.room));
                    }
                }
            }
            None => options.push(a.room),
        }
        options.dedup();
        for j in options {
            let remaining = s.remaining();
            let need = a.rupiah[j].saturating_sub(remaining);
            if need == 0 || j == 0 {
                continue;
            }
            let gain = a.sum[j];
            // Pay for it: cheapest drop steps first (a heap of programs).
            taken.iter_mut().for_each(|k| *k = 0);
            let mut heap: BinaryHeap<Step> = BinaryHeap::new();
            for p in 0..np {
                if p == q || touched[p] {
                    continue;
                }
                *work += 1 + (drops[p].len().min(reach[p]) as u64);
                if let Some((ratio, k)) = best_drop_step(&drops[p], 0, reach[p]) {
                    heap.push(Step {
                        priority: -ratio,
                        program: p,
                        count: k,
                    });
                }
            }
            let (mut freed, mut lost) = (0u128, 0.0);
            while freed < need && lost < gain {
                let Some(step) = heap.pop() else { break };
                let (p, k) = (step.program, step.count);
                let d = &drops[p];
                let from = taken[p];
                freed += d.rupiah[k] - d.rupiah[from];
                lost += d.sum[k] - d.sum[from];
                taken[p] = k;
                *work += 1 + reach[p] as u64;
                if let Some((ratio, next)) = best_drop_step(d, k, reach[p]) {
                    heap.push(Step {
                        priority: -ratio,
                        program: p,
                        count: next,
                    });
                }
            }
            if freed < need || lost >= gain {
                continue;
            }
            // Spend what is left over on the other programs.
            added.iter_mut().for_each(|t| *t = 0);
            added[q] = j;
            let leftover = remaining + freed - a.rupiah[j];
            let excluded = |r: usize| r == q || taken[r] > 0 || touched[r];
            let extra = spend(&adds, &reach, leftover, excluded, &mut added, work);
            if !improves(gain + extra - lost, 0.0) {
                continue;
            }
            if apply(s, &drops, &taken, &adds, &added) {
                for p in 0..np {
                    touched[p] |= taken[p] > 0 || added[p] > 0;
                }
                any = true;
                break;
            }
        }
    }
    any
}

/// Drops the first `dropped[p]` of each drop curve and adds the first
/// `added[q]` of each add curve; keeps the change only if everything fits
/// and the value rises, else restores the plan exactly.
fn apply(
    s: &mut State<'_>,
    drops: &[Curve],
    dropped: &[usize],
    adds: &[Curve],
    added: &[usize],
) -> bool {
    let before = s.value;
    for (d, &k) in drops.iter().zip(dropped) {
        for &pair in &d.pairs[..k] {
            s.remove(pair);
        }
    }
    let mut done = Vec::new();
    let mut fits = true;
    'add: for (q, (a, &j)) in adds.iter().zip(added).enumerate() {
        for &pair in &a.pairs[..j] {
            if s.gain(pair).is_none() || s.extra_cost(q, 1).is_none_or(|c| c > s.remaining()) {
                fits = false;
                break 'add;
            }
            s.add(pair);
            done.push(pair);
        }
    }
    if fits && improves(s.value, before) {
        return true;
    }
    for &pair in done.iter().rev() {
        s.remove(pair);
    }
    for (d, &k) in drops.iter().zip(dropped) {
        for &pair in &d.pairs[..k] {
            s.add(pair);
        }
    }
    false
}

/// A step of one program's curve in a priority queue: the highest
/// `priority` first (value per rupiah for adds, its negative, so the least
/// loss per rupiah, for drops), then the lower program.
struct Step {
    priority: f64,
    program: usize,
    /// The count on the curve the step reaches.
    count: usize,
}

impl PartialEq for Step {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Step {}
impl PartialOrd for Step {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Step {
    fn cmp(&self, other: &Self) -> Ordering {
        self.priority
            .total_cmp(&other.priority)
            .then(other.program.cmp(&self.program))
    }
}

/// The step that adds the most value per rupiah to program `q`'s `from`
/// candidates taken, within `avail` rupiah and one batch ahead:
/// (value per rupiah, new count); a free step ranks first.
fn best_add_step(a: &Curve, from: usize, reach: usize, avail: u128) -> Option<(f64, usize)> {
    let mut best: Option<(f64, usize)> = None;
    for k in from + 1..=a.room.min(from + reach) {
        let rupiah = a.rupiah[k] - a.rupiah[from];
        if rupiah > avail {
            break;
        }
        let value = a.sum[k] - a.sum[from];
        let ratio = if rupiah == 0 {
            f64::INFINITY
        } else {
            value / rupiah as f64
        };
        if best.is_none_or(|(r, _)| ratio > r) {
            best = Some((ratio, k));
        }
    }
    best
}

/// Drops the last batch of a program and spends what it frees (with what
/// is left) on the best steps of the other programs' candidates by value
/// per rupiah. Curves are exact per program; a move is kept only if the
/// value really rises.
pub(crate) fn refill_pass(s: &mut State<'_>, work: &mut u64, limit: u64) -> bool {
    let m = s.m;
    let np = m.programs.len();
    let (drops, adds) = curves(s, work);
    let reach = reach(m);
    let mut touched = vec![false; np];
    let mut any = false;
    let mut taken = vec![0usize; np];
    let mut dropped = vec![0usize; np];
    for p in 0..np {
        if *work > limit {
            break;
        }
        let d = &drops[p];
        let prog = &m.programs[p];
        if touched[p] || d.len() == 0 || prog.batch_cost == 0 {
            continue;
        }
        let n = s.n[p];
        let k = match prog.batch_size {
            None => n,
            Some(b) => (n - 1) % b + 1,
        } as usize;
        let k = k.min(d.len());
        let lost = d.sum[k];
        let avail = s.remaining() + d.rupiah[k];
        taken.iter_mut().for_each(|t| *t = 0);
        let gained = spend(
            &adds,
            &reach,
            avail,
            |q| q == p || touched[q],
            &mut taken,
            work,
        );
        if !improves(gained - lost, 0.0) {
            continue;
        }
        dropped.iter_mut().for_each(|t| *t = 0);
        dropped[p] = k;
        if apply(s, &drops, &dropped, &adds, &taken) {
            touched[p] = true;
            for (q, &j) in taken.iter().enumerate() {
                touched[q] |= j > 0;
            }
            any = true;
        }
    }
    any
}

/// Spends `avail` rupiah on the best add steps by value per rupiah over
/// the programs not `excluded`, on top of the `taken` candidates already
/// counted per program; returns the value gained and updates `taken`.
fn spend(
    adds: &[Curve],
    reach: &[usize],
    mut avail: u128,
    excluded: impl Fn(usize) -> bool,
    taken: &mut [usize],
    work: &mut u64,
) -> f64 {
    let step = |priority: f64, program: usize, count: usize| Step {
        priority,
        program,
        count,
    };
    let mut heap: BinaryHeap<Step> = BinaryHeap::new();
    for (q, a) in adds.iter().enumerate() {
        if excluded(q) {
            continue;
        }
        *work += 1 + a.room.min(reach[q]) as u64;
        if let Some((ratio, j)) = best_add_step(a, taken[q], reach[q], avail) {
            heap.push(step(ratio, q, j));
        }
    }
    let mut gained = 0.0;
    while let Some(Step {
        program: q,
        count: j,
        ..
    }) = heap.pop()
    {
        let a = &adds[q];
        let from = taken[q];
        let rupiah = a.rupiah[j] - a.rupiah[from];
        if rupiah > avail {
            // Too dear now: look again within what is left.
            if let Some((ratio, next)) = best_add_step(a, from, reach[q], avail) {
                heap.push(step(ratio, q, next));
            }
            continue;
        }
        avail -= rupiah;
        gained += a.sum[j] - a.sum[from];
        taken[q] = j;
        *work += 1 + reach[q] as u64;
        if let Some((ratio, next)) = best_add_step(a, j, reach[q], avail) {
            heap.push(step(ratio, q, next));
        }
    }
    gained
}
