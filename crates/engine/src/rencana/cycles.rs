//! Cyclic seat exchanges: employees move along a cycle of programs (one
//! from Q into P, another from P into R, a third from R back into Q), so
//! every program keeps its participant count and the plan its cost and
//! batches; only who holds the seats changes. "Outside" is a node too:
//! an employee may enter a program from nothing or leave it for nothing.
//!
//! Each move is one employee's own business: leave a program, enter
//! another (first giving up free programs if the JP cap needs room), then
//! take the free programs the JP left over allows. Employees in a cycle
//! are distinct, so the value of a cycle is the sum of its moves, exactly.
//! The other passes change counts or look at one or two programs at a
//! time; a reshuffle of seats across several programs is invisible to
//! them.
//!
//! A path that starts at a program nobody refills (one seat fewer) and
//! ends at one nobody leaves (one seat more) is a cycle through the
//! "bank" node; its arcs weigh the rupiah saved and spent at the
//! Lagrangian's price, and the budget and seats are checked when it is
//! made.
//!
//! The search is Bellman–Ford over the programs, on the best few moves
//! per (from, to) pair; the table of moves is refreshed for the employees
//! who moved, and once in full before the pass gives up.

use super::model::Model;
use super::primal::{State, improves};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Best moves kept per (from, to) pair of programs.
const PER_ARC: usize = 8;
/// The employee of a bank arc, which moves nobody.
const NOBODY: u32 = u32::MAX;
/// Relaxation rounds of the cycle search: cycles up to about this long.
const ROUNDS: usize = 8;

/// Whether who takes a program changes the cost or the seats left: then
/// its count is kept. The others (free, unlimited) are taken freely.
fn counted(m: &Model, p: usize) -> bool {
    let prog = &m.programs[p];
    prog.cost_per_participant > 0 || prog.batch_cost > 0 || prog.seats().is_some()
}

/// One employee's move: leave `from` (a chosen pair), enter `to` (an
/// unchosen pair); either may be absent (outside).
#[derive(Clone, Copy)]
struct Move {
    delta: f64,
    employee: u32,
    from: Option<u32>,
    to: Option<u32>,
    from_node: u32,
    to_node: u32,
}

/// What a move did, so that it can be undone exactly.
struct Change {
    removed: Vec<usize>,
    added: Vec<usize>,
}

fn undo(s: &mut State<'_>, change: &Change) {
    for &pair in change.added.iter().rev() {
        s.remove(pair);
    }
    for &pair in change.removed.iter().rev() {
        s.add(pair);
    }
}

/// Makes the move on the plan: leave, give up the cheapest free programs
/// while the JP cap has no room, enter, refill free programs best first.
/// None (and the plan as it was) when no room can be made.
fn make_move(
    s: &mut State<'_>,
    counted: &[bool],
    e: usize,
    from: Option<usize>,
    to: Option<usize>,
) -> Option<Change> {
    let m = s.m;
    let mut change = Change {
        removed: Vec::new(),
        added: Vec::new(),
    };
    if let Some(pair) = from {
        s.remove(pair);
        change.removed.push(pair);
    }
    if let Some(pair) = to {
        let cap = m.employees[e].jp_cap;
        let jp = m.programs[m.pair_program(pair)].jp;
        while s.jp[e] + jp > cap {
            let cheapest = m
                .pairs_of_employee(e)
                .filter(|&q| {
                    s.chosen[q]
                        && !counted[m.pair_program(q)]
                        && m.programs[m.pair_program(q)].jp > 0
                })
                .map(|q| (s.loss(q), q))
                .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
            let Some((_, q)) = cheapest else {
                undo(s, &change);
                return None;
            };
            s.remove(q);
            change.removed.push(q);
        }
        s.add(pair);
        change.added.push(pair);
    }
    loop {
        let best = m
            .pairs_of_employee(e)
            .filter(|&q| !counted[m.pair_program(q)])
            .filter_map(|q| s.gain(q).filter(|&g| g > 0.0).map(|g| (g, q)))
            .max_by(|a, b| a.0.total_cmp(&b.0).then(b.1.cmp(&a.1)));
        let Some((_, q)) = best else { break };
        s.add(q);
        change.added.push(q);
    }
    Some(change)
}

/// Every move of employee `e`, appended to `out`.
fn employee_moves(
    s: &mut State<'_>,
    counted: &[bool],
    node: &[u32],
    e: usize,
    out: &mut Vec<Move>,
    work: &mut u64,
) {
    let m = s.m;
    let mut held = Vec::new();
    let mut open = Vec::new();
    for pair in m.pairs_of_employee(e) {
        if counted[m.pair_program(pair)] {
            if s.chosen[pair] {
                held.push(Some(pair));
            } else {
                open.push(Some(pair));
            }
        }
    }
    if held.is_empty() && open.is_empty() {
        return;
    }
    held.push(None);
    open.push(None);
    for &from in &held {
        for &to in &open {
            if from.is_none() && to.is_none() {
                continue;
            }
            *work += m.pairs_of_employee(e).len() as u64;
            let before = s.value;
            let Some(change) = make_move(s, counted, e, from, to) else {
                continue;
            };
            let delta = s.value - before;
            undo(s, &change);
            let at = |pair: Option<usize>| pair.map_or(0, |q| node[m.pair_program(q)]);
            out.push(Move {
                delta,
                employee: e as u32,
                from: from.map(|q| q as u32),
                to: to.map(|q| q as u32),
                from_node: at(from),
                to_node: at(to),
            });
        }
    }
}

/// The best PER_ARC moves of each (from, to) node pair, as the moves are
/// offered; ties go to the lower employee, so the table does not depend on
/// the order of offers.
#[derive(Default)]
struct Table {
    cells: HashMap<(u32, u32), Vec<Move>>,
}

impl Table {
    fn offer(&mut self, mv: Move) {
        let cell = self.cells.entry((mv.from_node, mv.to_node)).or_default();
        let better = |a: &Move, b: &Move| {
            b.delta
                .total_cmp(&a.delta)
                .then(a.employee.cmp(&b.employee))
        };
        let at = cell.partition_point(|x| better(x, &mv) == Ordering::Less);
        if at < PER_ARC {
            cell.insert(at, mv);
            cell.truncate(PER_ARC);
        }
    }

    fn forget(&mut self, used: &[bool]) {
        for cell in self.cells.values_mut() {
            cell.retain(|mv| !used[mv.employee as usize]);
        }
    }

    /// Every kept move, by (from, to) node pair, best first.
    fn arcs(&self) -> Vec<Move> {
        let mut keys: Vec<(u32, u32)> = self.cells.keys().copied().collect();
        keys.sort_unstable();
        keys.iter()
            .flat_map(|k| self.cells[k].iter().copied())
            .collect()
    }
}

/// Work of computing every employee's moves: each move visits the
/// employee's pairs.
fn moves_work(s: &State<'_>, counted: &[bool]) -> u64 {
    let m = s.m;
    (0..m.employees.len())
        .map(|e| {
            let pairs = m.pairs_of_employee(e);
            let (mut held, mut open) = (0u64, 0u64);
            for pair in pairs.clone() {
                if counted[m.pair_program(pair)] {
                    if s.chosen[pair] {
                        held += 1;
                    } else {
                        open += 1;
                    }
                }
            }
            ((held + 1) * (open + 1) - 1) * pairs.len() as u64
        })
        .sum()
}

/// Moves employees around cycles of programs while that raises the value.
/// `price` (value per rupiah, the Lagrangian's λ) weighs the rupiah a path
/// through the bank saves or spends, so the search prefers paths the
/// budget allows; every change is checked on the plan itself. Returns
/// whether the value rose.
pub(crate) fn cycle_pass(s: &mut State<'_>, price: f64, work: &mut u64, limit: u64) -> bool {
    let m = s.m;
    let counted: Vec<bool> = (0..m.programs.len()).map(|p| counted(m, p)).collect();
    // Node 0 is outside; counted programs are 1, 2, ...
    let mut node = vec![0u32; m.programs.len()];
    let mut nodes = 1usize;
    for (p, &c) in counted.iter().enumerate() {
        if c {
            node[p] = nodes as u32;
            nodes += 1;
        }
    }
    if nodes == 1 {
        return false;
    }
    // The bank: a path that starts where a seat is given up for good and
    // ends where one is taken (the budget permitting) is a cycle through it.
    let bank = nodes as u32;
    let nodes = nodes + 1;
    let mut any = false;
    let mut used = vec![false; m.employees.len()];
    let mut table = Table::default();
    let mut buf = Vec::new();
    // Refreshed: the table holds every employee's best moves. After
    // moves it is refreshed only for the employees who moved, and cells
    // lose the others' entries, so before giving up it looks once more
    // with a full refresh.
    let mut stale = true;
    let mut partial = false;
    while *work < limit {
        if stale {
            if *work + moves_work(s, &counted) > limit {
                break;
            }
            table.cells.clear();
            for e in 0..m.employees.len() {
                employee_moves(s, &counted, &node, e, &mut buf, work);
                buf.drain(..).for_each(|mv| table.offer(mv));
            }
            stale = false;
            partial = false;
        }
        used.iter_mut().for_each(|u| *u = false);
        let mut arcs = table.arcs();
        for (p, &c) in counted.iter().enumerate() {
            if !c {
                continue;
            }
            let bank_arc = |from_node, to_node, delta| Move {
                delta,
                employee: NOBODY,
                from: None,
                to: None,
                from_node,
                to_node,
            };
            let prog = &m.programs[p];
            let n = s.n[p];
            if n > 0 {
                let saved = prog.cost_for(n) - prog.cost_for(n - 1);
                arcs.push(bank_arc(bank, node[p], price * saved as f64));
            }
            if let Some(extra) = s.extra_cost(p, 1) {
                arcs.push(bank_arc(node[p], bank, -price * extra as f64));
            }
        }
        arcs.sort_by_key(|mv| (mv.from_node, mv.to_node));
        // Runs of one (from, to) node pair: [start, end) in `arcs`.
        let mut cells: Vec<(usize, usize)> = Vec::new();
        for i in 0..arcs.len() {
            let new = i == 0
                || (arcs[i - 1].from_node, arcs[i - 1].to_node)
                    != (arcs[i].from_node, arcs[i].to_node);
            if new {
                cells.push((i, i + 1));
            } else if let Some(last) = cells.last_mut() {
                last.1 = i + 1;
            }
        }
        let mut dead = vec![false; arcs.len()];
        let mut applied = false;
        while *work < limit {
            let Some(cycle) = find_cycle(&arcs, &cells, &dead, &used, nodes, work) else {
                break;
            };
            // The best live move of each cell, one per employee.
            let mut picked: Vec<usize> = Vec::with_capacity(cycle.len());
            let mut total = 0.0;
            let mut complete = true;
            for &c in &cycle {
                let (start, end) = cells[c];
                let choice = (start..end).find(|&i| {
                    let e = arcs[i].employee;
                    !dead[i]
                        && (e == NOBODY
                            || (!used[e as usize] && picked.iter().all(|&j| arcs[j].employee != e)))
                });
                match choice {
                    Some(i) => {
                        total += arcs[i].delta;
                        picked.push(i);
                    }
                    None => {
                        complete = false;
                        break;
                    }
                }
            }
            let mut kept = false;
            if complete && improves(total, 0.0) {
                let before = s.value;
                let mut changes = Vec::with_capacity(picked.len());
                for &i in picked.iter().filter(|&&i| arcs[i].employee != NOBODY) {
                    let mv = arcs[i];
                    let made = make_move(
                        s,
                        &counted,
                        mv.employee as usize,
                        mv.from.map(|q| q as usize),
                        mv.to.map(|q| q as usize),
                    );
                    match made {
                        Some(change) => changes.push(change),
                        None => break,
                    }
                }
                let movers = picked
                    .iter()
                    .filter(|&&i| arcs[i].employee != NOBODY)
                    .count();
                // A path through the bank changes two counts: seats and budget.
                let fits = s.cost <= u128::from(m.budget)
                    && (0..m.programs.len()).all(|p| m.programs[p].fits(s.n[p]));
                if changes.len() == movers && fits && improves(s.value, before) {
                    kept = true;
                    applied = true;
                    for &i in &picked {
                        if arcs[i].employee != NOBODY {
                            used[arcs[i].employee as usize] = true;
                        }
                    }
                } else {
                    for change in changes.iter().rev() {
                        undo(s, change);
                    }
                }
            }
            if !kept {
                // The search found this cycle through the cells' best
                // moves; without them it looks elsewhere.
                for &c in &cycle {
                    let (start, end) = cells[c];
                    if let Some(i) = (start..end).find(|&i| !dead[i]) {
                        dead[i] = true;
                    }
                }
            }
        }
        if applied {
            any = true;
            // Only the moved employees' moves changed.
            table.forget(&used);
            for e in (0..m.employees.len()).filter(|&e| used[e]) {
                employee_moves(s, &counted, &node, e, &mut buf, work);
                buf.drain(..).for_each(|mv| table.offer(mv));
            }
            partial = true;
        } else if partial {
            stale = true;
        } else {
            break;
        }
    }
    any
}

/// A cycle of cells whose best live moves add up to a gain, by
/// Bellman–Ford from every node at once (all start at 0): a cycle among
/// the predecessors has positive weight. Cells in cycle order.
fn find_cycle(
    arcs: &[Move],
    cells: &[(usize, usize)],
    dead: &[bool],
    used: &[bool],
    nodes: usize,
    work: &mut u64,
) -> Option<Vec<usize>> {
    let weight = |c: usize| {
        let (start, end) = cells[c];
        (start..end)
            .find(|&i| {
                let e = arcs[i].employee;
                !dead[i] && (e == NOBODY || !used[e as usize])
            })
            .map(|i| arcs[i].delta)
    };
    let weights: Vec<Option<f64>> = (0..cells.len()).map(weight).collect();
    let mut dist = vec![0.0f64; nodes];
    let mut pred: Vec<Option<usize>> = vec![None; nodes];
    let mut stamp = vec![usize::MAX; nodes];
    for _ in 0..ROUNDS {
        let mut changed = false;
        for (c, w) in weights.iter().enumerate() {
            let Some(w) = *w else { continue };
            let (from, to) = {
                let mv = &arcs[cells[c].0];
                (mv.from_node as usize, mv.to_node as usize)
            };
            let through = dist[from] + w;
            if through > dist[to] + 1e-9 * (1.0 + dist[to].abs()) {
                dist[to] = through;
                pred[to] = Some(c);
                changed = true;
            }
        }
        *work += cells.len() as u64;
        if !changed {
            return None;
        }
        // Walk the predecessors from each node; a node met twice on one
        // walk closes a cycle.
        stamp.iter_mut().for_each(|s| *s = usize::MAX);
        for start in 0..nodes {
            let mut v = start;
            while stamp[v] == usize::MAX {
                stamp[v] = start;
                match pred[v] {
                    Some(c) => v = arcs[cells[c].0].from_node as usize,
                    None => break,
                }
            }
            if stamp[v] == start && pred[v].is_some() {
                // v is on a cycle: collect it backwards, then reverse.
                let mut cycle = Vec::new();
                let mut u = v;
                loop {
                    let c = pred[u]?;
                    cycle.push(c);
                    u = arcs[cells[c].0].from_node as usize;
                    if u == v {
                        break;
                    }
                }
                cycle.reverse();
                return Some(cycle);
            }
        }
    }
    None
}
