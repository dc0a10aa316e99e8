//! Feasible plans: a batch-aware greedy by marginal value per marginal
//! rupiah, and local search (swaps, dropping a poor batch and refilling).

use super::model::Model;
use super::moves::{Curve, curves, reach};
use std::cmp::Ordering;
use std::collections::BinaryHeap;

/// A plan under construction; always feasible.
#[derive(Clone)]
pub(crate) struct State<'m> {
    pub m: &'m Model,
    pub chosen: Vec<bool>,
    /// Levels raised per gap (flattened), not capped at the gap.
    raised: Vec<u64>,
    pub jp: Vec<u64>,
    pub n: Vec<u64>,
    pub cost: u128,
    pub value: f64,
}

impl<'m> State<'m> {
    pub fn new(m: &'m Model) -> State<'m> {
        State {
            m,
            chosen: vec![false; m.pair_count()],
            raised: vec![0; m.gap_total()],
            jp: vec![0; m.employees.len()],
            n: vec![0; m.programs.len()],
            cost: 0,
            value: 0.0,
        }
    }

    fn raised_of(&self, e: usize) -> &[u64] {
        let off = self.m.gap_offset(e);
        &self.raised[off..off + self.m.employees[e].gaps.len()]
    }

    /// Value added by `pair`, or None if taken or over the JP cap.
    pub fn gain(&self, pair: usize) -> Option<f64> {
        if self.chosen[pair] {
            return None;
        }
        let e = self.m.pair_employee(pair);
        let p = self.m.pair_program(pair);
        let jp = self.jp[e] + self.m.programs[p].jp;
        if jp > self.m.employees[e].jp_cap {
            return None;
        }
        Some(self.m.marginal(pair, self.raised_of(e), self.jp[e]))
    }

    /// Rupiah more for `k` more participants in `p`, None if seats run out.
    pub fn extra_cost(&self, p: usize, k: u64) -> Option<u128> {
        let prog = &self.m.programs[p];
        let n = self.n[p];
        prog.fits(n + k)
            .then(|| prog.cost_for(n + k) - prog.cost_for(n))
    }

    /// Value lost by removing `pair`, which is chosen.
    pub fn loss(&self, pair: usize) -> f64 {
        debug_assert!(self.chosen[pair]);
        let e = self.m.pair_employee(pair);
        let emp = &self.m.employees[e];
        let raised = self.raised_of(e);
        let mut v = 0.0;
        for &(g, levels) in self.m.contributions(pair) {
            let (_, gap, w) = emp.gaps[g as usize];
            let (gap, r) = (u64::from(gap), raised[g as usize]);
            v += w * (gap.min(r) - gap.min(r - u64::from(levels))) as f64;
        }
        let jp = self.jp[e];
        let without = jp - self.m.programs[self.m.pair_program(pair)].jp;
        v + self.m.jp_value * (emp.jp_need.min(jp) - emp.jp_need.min(without)) as f64
    }

    pub fn remaining(&self) -> u128 {
        u128::from(self.m.budget).saturating_sub(self.cost)
    }

    pub fn add(&mut self, pair: usize) {
        debug_assert!(!self.chosen[pair]);
        let e = self.m.pair_employee(pair);
        let p = self.m.pair_program(pair);
        let g = self.m.marginal(pair, self.raised_of(e), self.jp[e]);
        self.value += g;
        let off = self.m.gap_offset(e);
        for &(g, levels) in self.m.contributions(pair) {
            self.raised[off + g as usize] += u64::from(levels);
        }
        self.jp[e] += self.m.programs[p].jp;
        let prog = &self.m.programs[p];
        self.cost += prog.cost_for(self.n[p] + 1) - prog.cost_for(self.n[p]);
        self.n[p] += 1;
        self.chosen[pair] = true;
    }

    pub fn remove(&mut self, pair: usize) {
        debug_assert!(self.chosen[pair]);
        let e = self.m.pair_employee(pair);
        let p = self.m.pair_program(pair);
        let off = self.m.gap_offset(e);
        for &(g, levels) in self.m.contributions(pair) {
            self.raised[off + g as usize] -= u64::from(levels);
        }
        self.jp[e] -= self.m.programs[p].jp;
        self.chosen[pair] = false;
        let g = self.m.marginal(pair, self.raised_of(e), self.jp[e]);
        self.value -= g;
        let prog = &self.m.programs[p];
        self.cost -= prog.cost_for(self.n[p]) - prog.cost_for(self.n[p] - 1);
        self.n[p] -= 1;
    }

    /// (employee, program) of the chosen pairs, employees then programs ascending.
    pub fn assignments(&self) -> Vec<(usize, usize)> {
        (0..self.m.pair_count())
            .filter(|&pair| self.chosen[pair])
            .map(|pair| (self.m.pair_employee(pair), self.m.pair_program(pair)))
            .collect()
    }
}

/// Heap order: better ratio, then bigger gain, then lower program index.
#[derive(Clone, Copy, Debug)]
struct Key {
    ratio: f64,
    gain: f64,
    program: usize,
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Key {}
impl PartialOrd for Key {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Key {
    fn cmp(&self, other: &Self) -> Ordering {
        self.ratio
            .total_cmp(&other.ratio)
            .then(self.gain.total_cmp(&other.gain))
            .then(other.program.cmp(&self.program))
    }
}

fn ratio(gain: f64, cost: u128) -> f64 {
    if cost == 0 {
        f64::INFINITY
    } else {
        gain / cost as f64
    }
}

struct Move {
    key: Key,
    /// Open a new batch with these (gain, pair), best first; None: fill
    /// the open batch one by one.
    opening: Option<Vec<(f64, usize)>>,
}

/// Which pairs the greedy may use (None: all).
pub(crate) type Allowed<'a> = Option<&'a [bool]>;

/// A candidate of a program; its gain an upper bound on the current one.
#[derive(Clone, Copy)]
struct Candidate {
    gain: f64,
    pair: usize,
}

impl PartialEq for Candidate {
    fn eq(&self, other: &Self) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}
impl Eq for Candidate {}
impl PartialOrd for Candidate {
    fn partial_cmp(&self, other: &Self) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}
impl Ord for Candidate {
    fn cmp(&self, other: &Self) -> Ordering {
        self.gain
            .total_cmp(&other.gain)
            .then(other.pair.cmp(&self.pair))
    }
}

/// The candidates of one program, best first, updated lazily: while the
/// greedy only adds, gains only fall (the value is submodular and JP room
/// only shrinks), so a stored gain bounds the current one.
struct Candidates(BinaryHeap<Candidate>);

impl Candidates {
    fn new(s: &State<'_>, p: usize, allowed: Allowed<'_>) -> Candidates {
        Candidates::of(
            s,
            s.m.pairs_of_program(p)
                .iter()
                .copied()
                .filter(|&pair| allowed.is_none_or(|a| a[pair])),
        )
    }

    /// The given pairs (of one program) that would add value.
    fn of(s: &State<'_>, pairs: impl Iterator<Item = usize>) -> Candidates {
        let list: Vec<Candidate> = pairs
            .filter_map(|pair| {
                s.gain(pair)
                    .filter(|&g| g > 0.0)
                    .map(|gain| Candidate { gain, pair })
            })
            .collect();
        Candidates(BinaryHeap::from(list))
    }

    /// The best candidate with its exact gain, left in place.
    fn best(&mut self, s: &State<'_>) -> Option<Candidate> {
        while let Some(top) = self.0.peek().copied() {
            match s.gain(top.pair) {
                Some(g) if g > 0.0 => {
                    if g >= top.gain {
                        return Some(top);
                    }
                    self.0.pop();
                    self.0.push(Candidate {
                        gain: g,
                        pair: top.pair,
                    });
                }
                // Taken or out of JP room: for good, while only adding.
                _ => {
                    self.0.pop();
                }
            }
        }
        None
    }

    /// The best `k` with exact gains, best first, left in place.
    fn top(&mut self, s: &State<'_>, k: usize, out: &mut Vec<(f64, usize)>) {
        out.clear();
        while out.len() < k {
            let Some(c) = self.best(s) else { break };
            self.0.pop();
            out.push((c.gain, c.pair));
        }
        for &(gain, pair) in out.iter() {
            self.0.push(Candidate { gain, pair });
        }
    }
}

/// What the greedy ranks moves by.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Order {
    /// Value per rupiah (batch cost spread over the batch).
    PerRupiah,
    /// Value alone: a safeguard against the cheap-first trap of knapsacks.
    Value,
}

fn best_move(
    s: &State<'_>,
    p: usize,
    candidates: &mut Candidates,
    buf: &mut Vec<(f64, usize)>,
    order: Order,
) -> Option<Move> {
    let prog = &s.m.programs[p];
    let n = s.n[p];
    let remaining = s.remaining();
    let cpp = u128::from(prog.cost_per_participant);
    // Seats left in the batch already open (None: unlimited).
    let open_seats = match prog.batch_size {
        _ if n == 0 => Some(0),
        None => None,
        Some(b) => Some((b - n % b) % b),
    };
    let opens_batch = open_seats == Some(0);
    let batch = if opens_batch {
        u128::from(prog.batch_cost)
    } else {
        0
    };
    if batch > remaining {
        return None;
    }
    let mut limit = if opens_batch {
        prog.batch_size.unwrap_or(u64::MAX)
    } else {
        open_seats.unwrap_or(u64::MAX)
    };
    if let Some(seats) = prog.seats() {
        limit = limit.min(seats.saturating_sub(n));
    }
    if let Some(affordable) = (remaining - batch).checked_div(cpp) {
        limit = limit.min(u64::try_from(affordable).unwrap_or(u64::MAX));
    }
    if limit == 0 {
        return None;
    }
    if !opens_batch {
        let best = candidates.best(s)?;
        return Some(Move {
            key: Key {
                ratio: rank(order, best.gain, cpp),
                gain: best.gain,
                program: p,
            },
            opening: None,
        });
    }
    candidates.top(s, usize::try_from(limit).unwrap_or(usize::MAX), buf);
    if buf.is_empty() {
        return None;
    }
    // The prefix with the best value per rupiah, batch cost included.
    let mut best = (0, f64::NEG_INFINITY, 0.0);
    let mut sum = 0.0;
    for (i, &(g, _)) in buf.iter().enumerate() {
        sum += g;
        let r = rank(order, sum, batch + cpp * (i as u128 + 1));
        if (r, sum) > (best.1, best.2) {
            best = (i + 1, r, sum);
        }
    }
    Some(Move {
        key: Key {
            ratio: best.1,
            gain: best.2,
            program: p,
        },
        opening: Some(buf[..best.0].to_vec()),
    })
}

/// Adds the best move by value per rupiah until nothing fits (lazy: a
/// program's move only gets worse as others are applied, except its own).
pub(crate) fn greedy(s: &mut State<'_>, allowed: Allowed<'_>) {
    greedy_by(s, allowed, Order::PerRupiah);
}

fn rank(order: Order, gain: f64, cost: u128) -> f64 {
    match order {
        Order::PerRupiah => ratio(gain, cost),
        Order::Value => gain,
    }
}

/// [`greedy`] with moves ranked by `order`.
pub(crate) fn greedy_by(s: &mut State<'_>, allowed: Allowed<'_>, order: Order) {
    let candidates: Vec<Candidates> = (0..s.m.programs.len())
        .map(|p| Candidates::new(s, p, allowed))
        .collect();
    greedy_over(s, candidates, order);
}

/// The greedy over the given candidates of each program.
fn greedy_over(s: &mut State<'_>, mut candidates: Vec<Candidates>, order: Order) {
    let mut buf = Vec::new();
    let mut heap = BinaryHeap::new();
    for (p, c) in candidates.iter_mut().enumerate() {
        if let Some(mv) = best_move(s, p, c, &mut buf, order) {
            heap.push(mv.key);
        }
    }
    while let Some(top) = heap.pop() {
        let p = top.program;
        let Some(mv) = best_move(s, p, &mut candidates[p], &mut buf, order) else {
            continue;
        };
        let next = heap.peek().copied();
        if next.is_some_and(|next| mv.key < next) {
            heap.push(mv.key);
            continue;
        }
        match mv.opening {
            Some(members) => {
                for (_, pair) in members {
                    s.add(pair);
                }
            }
            None => {
                let prog = &s.m.programs[p];
                let cpp = u128::from(prog.cost_per_participant);
                let mut first = true;
                // Fill the open batch while each next one beats every other move.
                while prog.batch_size.is_none_or(|b| !s.n[p].is_multiple_of(b))
                    && s.extra_cost(p, 1).is_some_and(|c| c <= s.remaining())
                {
                    let Some(c) = candidates[p].best(s) else {
                        break;
                    };
                    let key = Key {
                        ratio: rank(order, c.gain, cpp),
                        gain: c.gain,
                        program: p,
                    };
                    if !first && next.is_some_and(|next| key < next) {
                        break;
                    }
                    first = false;
                    s.add(c.pair);
                }
            }
        }
        if let Some(mv) = best_move(s, p, &mut candidates[p], &mut buf, order) {
            heap.push(mv.key);
        }
    }
}

/// Whether `new` beats `old` by more than rounding.
pub(crate) fn improves(new: f64, old: f64) -> bool {
    new > old + 1e-9 * (1.0 + old.abs())
}

/// One pass of swaps: for each assignment, the best replacement for the
/// same employee that raises the value and fits. Returns whether any.
pub(crate) fn swap_pass(s: &mut State<'_>, work: &mut u64) -> bool {
    let m = s.m;
    let mut any = false;
    for e in 0..m.employees.len() {
        let pairs = m.pairs_of_employee(e);
        if pairs.len() < 2 {
            continue;
        }
        for a in pairs.clone() {
            if !s.chosen[a] {
                continue;
            }
            *work += pairs.len() as u64;
            let before = s.value;
            s.remove(a);
            let mut best: Option<(f64, usize)> = None;
            for b in pairs.clone() {
                if b == a {
                    continue;
                }
                let Some(g) = s.gain(b) else { continue };
                let p = m.pair_program(b);
                if s.extra_cost(p, 1).is_none_or(|c| c > s.remaining()) {
                    continue;
                }
                if best.is_none_or(|(bg, _)| g > bg) {
                    best = Some((g, b));
                }
            }
            match best {
                Some((g, b)) if improves(s.value + g, before) => {
                    s.add(b);
                    any = true;
                }
                _ => s.add(a),
            }
        }
    }
    any
}

/// Tries, program by program, dropping the poorest participants of its
/// last batch and refilling greedily from every program's best
/// candidates and all pairs of the dropped employees (the drop raised
/// their gains, which the curves do not see); keeps a change only when
/// the value rises, else restores the plan exactly.
pub(crate) fn drop_batch_pass(s: &mut State<'_>, work: &mut u64, work_limit: u64) -> bool {
    let m = s.m;
    let np = m.programs.len();
    let (drops, adds) = curves(s, work);
    // Each program's best candidates a refill may take: two batches' worth.
    let shortlist: Vec<usize> = reach(m)
        .into_iter()
        .zip(&adds)
        .map(|(r, a)| a.room.min(2 * r))
        .collect();
    let mut any = false;
    let mut lists: Vec<Vec<usize>> = vec![Vec::new(); np];
    for (p, d) in drops.iter().enumerate() {
        if *work > work_limit {
            break;
        }
        let n = s.n[p];
        let prog = &m.programs[p];
        if n == 0 || prog.batch_cost == 0 {
            continue;
        }
        // The last batch, the last two, or the whole program.
        let last = match prog.batch_size {
            None => n,
            Some(b) => (n - 1) % b + 1,
        } as usize;
        let mut sizes = vec![last];
        if let Some(b) = prog.batch_size {
            sizes.push(last + b as usize);
        }
        sizes.push(n as usize);
        sizes.retain(|&k| k <= n as usize);
        sizes.dedup();
        for k in sizes {
            if k > d.len() || d.pairs[..k].iter().any(|&pair| !s.chosen[pair]) {
                break;
            }
            if try_drop_refill(s, &d.pairs[..k], &adds, &shortlist, &mut lists, work) {
                any = true;
                break;
            }
        }
    }
    any
}

/// Drops `dropped`, refills greedily from the shortlists and every pair
/// of the dropped employees, and keeps the result only if the value rose.
fn try_drop_refill(
    s: &mut State<'_>,
    dropped: &[usize],
    adds: &[Curve],
    shortlist: &[usize],
    lists: &mut [Vec<usize>],
    work: &mut u64,
) -> bool {
    let m = s.m;
    let before = s.value;
    for &pair in dropped {
        s.remove(pair);
    }
    for (q, list) in lists.iter_mut().enumerate() {
        list.clear();
        // Unchosen now, so that undoing removes only what the refill added.
        list.extend(
            adds[q].pairs[..shortlist[q]]
                .iter()
                .copied()
                .filter(|&pair| !s.chosen[pair]),
        );
    }
    for &gone in dropped {
        // Not the dropped program: its pairs of these employees are the dropped ones.
        let from = m.pair_program(gone);
        for pair in m.pairs_of_employee(m.pair_employee(gone)) {
            if !s.chosen[pair] && m.pair_program(pair) != from {
                lists[m.pair_program(pair)].push(pair);
            }
        }
    }
    let candidates: Vec<Candidates> = lists
        .iter_mut()
        .map(|list| {
            // A pair twice would be taken twice when a batch opens.
            list.sort_unstable();
            list.dedup();
            *work += list.len() as u64 + 1;
            Candidates::of(s, list.iter().copied())
        })
        .collect();
    greedy_over(s, candidates, Order::PerRupiah);
    if improves(s.value, before) {
        return true;
    }
    for list in lists.iter() {
        for &pair in list {
            if s.chosen[pair] {
                s.remove(pair);
            }
        }
    }
    for &pair in dropped {
        s.add(pair);
    }
    false
}
