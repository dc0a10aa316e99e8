//! Scenarios: the same problem solved at several budget percentages beside
//! two plans a BKPSDM would make by hand ("cheapest first" and "equal
//! quota per OPD"), with how many employees reach the yearly JP target.

use super::evaluate::{Evaluation, evaluate};
use super::model::Model;
use super::solve::{Options, solve};
use super::threads::in_order;
use serde::{Deserialize, Serialize};
use std::cmp::Ordering;
use std::collections::{BTreeMap, BTreeSet};

/// The budget percentages the product shows.
pub const SCENARIO_PERCENTS: [u32; 6] = [25, 50, 75, 100, 150, 200];

/// A feasible plan and the checker's numbers for it.
#[derive(Debug, Clone, PartialEq)]
pub struct Plan {
    /// (employee index, program index), employees then programs ascending.
    pub assignments: Vec<(usize, usize)>,
    pub evaluation: Evaluation,
}

/// The numbers of one plan at one scenario point.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PointStats {
    pub value: f64,
    /// Rupiah.
    pub cost: u64,
    /// Distinct employees with at least one program.
    pub participants: usize,
    pub assignments: usize,
    /// Employees whose new JP reaches their JP need (see [`jp_compliant`]).
    pub jp_compliant: usize,
}

/// One budget level: the optimiser's plan and the two baselines.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioPoint {
    pub percent: u32,
    /// Rupiah: the model's budget × percent ÷ 100, rounded down.
    pub budget: u64,
    pub optimised: PointStats,
    /// No plan at this budget is worth more.
    pub optimised_bound: f64,
    pub cheapest: PointStats,
    pub quota: PointStats,
}

/// Employees whose new JP in `evaluation` reaches their `jp_need`; those
/// already at the target (`jp_need` 0) count. An evaluation of another
/// model (shorter `jp`) counts the missing employees as having no new JP.
pub fn jp_compliant(model: &Model, evaluation: &Evaluation) -> usize {
    model
        .employees
        .iter()
        .enumerate()
        .filter(|&(e, emp)| evaluation.jp.get(e).copied().unwrap_or(0) >= emp.jp_need)
        .count()
}

/// The "cheapest first" baseline: pairs that raise one of the employee's
/// gaps, by the program's cost per participant (batch cost spread over a
/// full batch), ties by employee then program; each pair is considered
/// once and taken if it still closes a weighted gap level and fits the
/// budget (a new batch costs its batch cost), the seats and the JP cap.
pub fn cheapest_first(model: &Model) -> Plan {
    checked(model, cheapest_first_pairs(model))
}

/// [`cheapest_first`]'s assignments before the checker sees them.
pub(super) fn cheapest_first_pairs(model: &Model) -> Vec<(usize, usize)> {
    fill(model, vec![(model.budget, candidates(model))])
}

/// The "equal quota per OPD" baseline: `group_of[e]` is employee e's OPD.
/// The budget is split equally (rounded down; the rest unused) between the
/// groups that have an employee, and each group follows the cheapest-first
/// rule within its quota; a batch is charged to the group that opens it,
/// and its seats are open to every group.
///
/// Groups take turns (round-robin, ascending group): each turn a group
/// takes its next pair that fits. Seats are shared, so running the groups
/// one after another would give the lowest-numbered OPD first claim on
/// scarce seats, which an equal split is meant to avoid.
///
/// A `group_of` whose length is not the number of employees is treated as
/// one group of everyone (the plan is then [`cheapest_first`]'s): the
/// baseline still has a meaning and the caller's slip costs no panic.
pub fn equal_quota(model: &Model, group_of: &[u32]) -> Plan {
    checked(model, equal_quota_pairs(model, group_of))
}

/// [`equal_quota`]'s assignments before the checker sees them.
pub(super) fn equal_quota_pairs(model: &Model, group_of: &[u32]) -> Vec<(usize, usize)> {
    let all = candidates(model);
    if group_of.len() != model.employees.len() {
        return fill(model, vec![(model.budget, all)]);
    }
    let mut by_group: BTreeMap<u32, Vec<usize>> = BTreeMap::new();
    for &g in group_of {
        by_group.entry(g).or_default();
    }
    for pair in all {
        if let Some(list) = by_group.get_mut(&group_of[model.pair_employee(pair)]) {
            list.push(pair);
        }
    }
    let quota = model.budget / (by_group.len().max(1) as u64);
    fill(
        model,
        by_group.into_values().map(|list| (quota, list)).collect(),
    )
}

/// The optimiser and both baselines at each percentage of the budget.
/// The percentages are independent, so they are solved on as many threads
/// as the machine has (each point is the same whatever the thread count).
pub fn scenarios(
    model: &Model,
    percents: &[u32],
    group_of: &[u32],
    options: &Options,
) -> Vec<ScenarioPoint> {
    let point = |percent: u32| {
        let scaled = u128::from(model.budget) * u128::from(percent) / 100;
        let budget = u64::try_from(scaled).unwrap_or(u64::MAX);
        let m = model.with_budget(budget);
        let solution = solve(&m, options);
        let cheapest = cheapest_first(&m);
        let quota = equal_quota(&m, group_of);
        ScenarioPoint {
            percent,
            budget,
            optimised: stats(&m, &solution.assignments, &solution.evaluation),
            optimised_bound: solution.bound,
            cheapest: stats(&m, &cheapest.assignments, &cheapest.evaluation),
            quota: stats(&m, &quota.assignments, &quota.evaluation),
        }
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let mut slots = vec![(); percents.len()];
    in_order(&mut slots, threads, |i, _| point(percents[i]))
}

fn stats(model: &Model, assignments: &[(usize, usize)], evaluation: &Evaluation) -> PointStats {
    let participants = assignments
        .iter()
        .map(|&(e, _)| e)
        .collect::<BTreeSet<_>>()
        .len();
    PointStats {
        value: evaluation.value,
        cost: evaluation.cost,
        participants,
        assignments: assignments.len(),
        jp_compliant: jp_compliant(model, evaluation),
    }
}

/// Rupiah per participant as a fraction (numerator, denominator):
/// cost per participant plus the batch cost spread over a full batch, or
/// the whole batch cost without a batch size. Exact, so ties are ties.
fn seat_price(model: &Model, p: usize) -> (u128, u128) {
    let prog = &model.programs[p];
    match prog.batch_size {
        Some(b) => (
            u128::from(prog.cost_per_participant) * u128::from(b) + u128::from(prog.batch_cost),
            u128::from(b.max(1)),
        ),
        None => (
            u128::from(prog.cost_per_participant) + u128::from(prog.batch_cost),
            1,
        ),
    }
}

/// The pairs that raise a gap, cheapest program first, then by employee
/// and program.
fn candidates(model: &Model) -> Vec<usize> {
    let price: Vec<(u128, u128)> = (0..model.programs.len())
        .map(|p| seat_price(model, p))
        .collect();
    let mut pairs: Vec<usize> = (0..model.pair_count())
        .filter(|&pair| !model.contributions(pair).is_empty())
        .collect();
    // Amounts ≤ 10^15 and batch sizes ≤ 10^9: the cross products fit u128.
    let cheaper = |a: (u128, u128), b: (u128, u128)| -> Ordering {
        a.0.saturating_mul(b.1).cmp(&b.0.saturating_mul(a.1))
    };
    pairs.sort_by(|&x, &y| {
        let (px, py) = (model.pair_program(x), model.pair_program(y));
        cheaper(price[px], price[py])
            .then(model.pair_employee(x).cmp(&model.pair_employee(y)))
            .then(px.cmp(&py))
    });
    pairs
}

/// Builds a plan from groups of (quota, pairs in order), groups taking
/// turns; each pair is considered once.
fn fill(model: &Model, groups: Vec<(u64, Vec<usize>)>) -> Vec<(usize, usize)> {
    let mut raised = vec![0u64; model.gap_total()];
    let mut jp = vec![0u64; model.employees.len()];
    let mut n = vec![0u64; model.programs.len()];
    let mut spent = vec![0u128; groups.len()];
    let mut next = vec![0usize; groups.len()];
    let mut assignments = Vec::new();
    loop {
        let mut progressed = false;
        for (g, (quota, list)) in groups.iter().enumerate() {
            while let Some(&pair) = list.get(next[g]) {
                next[g] += 1;
                progressed = true;
                let e = model.pair_employee(pair);
                let p = model.pair_program(pair);
                let emp = &model.employees[e];
                let prog = &model.programs[p];
                let off = model.gap_offset(e);
                let gain: f64 = model
                    .contributions(pair)
                    .iter()
                    .map(|&(gi, levels)| {
                        let (_, gap, w) = emp.gaps[gi as usize];
                        let (gap, r) = (u64::from(gap), raised[off + gi as usize]);
                        w * (gap.min(r + u64::from(levels)).saturating_sub(r)) as f64
                    })
                    .sum();
                let new_jp = jp[e].saturating_add(prog.jp);
                if gain <= 0.0 || new_jp > emp.jp_cap || !prog.fits(n[p] + 1) {
                    continue;
                }
                let extra = prog.cost_for(n[p] + 1) - prog.cost_for(n[p]);
                if spent[g] + extra > u128::from(*quota) {
                    continue;
                }
                spent[g] += extra;
                n[p] += 1;
                jp[e] = new_jp;
                for &(gi, levels) in model.contributions(pair) {
                    raised[off + gi as usize] += u64::from(levels);
                }
                assignments.push((e, p));
                // One pick per turn.
                break;
            }
        }
        if !progressed {
            break;
        }
    }
    assignments.sort_unstable();
    assignments
}

/// The checker has the last word: a plan it refuses (a bug) becomes the
/// empty plan rather than a wrong number.
fn checked(model: &Model, assignments: Vec<(usize, usize)>) -> Plan {
    match evaluate(model, &assignments) {
        Ok(evaluation) => Plan {
            assignments,
            evaluation,
        },
        Err(_) => Plan {
            assignments: Vec::new(),
            evaluation: Evaluation {
                value: 0.0,
                cost: 0,
                participants: vec![0; model.programs.len()],
                batches: vec![0; model.programs.len()],
                jp: vec![0; model.employees.len()],
            },
        },
    }
}
