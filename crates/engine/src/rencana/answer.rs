//! The answer file (`kompeten.plan-answer/v1`): the plan, its cost and
//! value, the bound, and for each assignment why it is in the plan.

use super::model::Model;
use super::solve::Solution;
use serde::{Deserialize, Serialize};

/// The `format` an answer carries.
pub const ANSWER_FORMAT: &str = "kompeten.plan-answer/v1";

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Answer {
    pub format: String,
    /// Value of the plan (the objective of the problem).
    pub value: f64,
    /// No plan is worth more than this.
    pub bound: f64,
    /// (bound − value) ÷ bound × 100.
    pub gap_pct: f64,
    /// Rupiah the plan costs.
    pub cost: u64,
    pub budget: u64,
    /// Lagrangian rounds done.
    pub rounds: u32,
    /// The time limit ended the search early (the plan is still feasible
    /// and the bound still valid).
    pub stopped_early: bool,
    /// Employees then programs in problem order.
    pub assignments: Vec<Assignment>,
    /// Programs that run, in problem order.
    pub batches: Vec<Batches>,
}

/// One employee taking one program, and why.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Assignment {
    pub employee: String,
    pub program: String,
    /// Gap levels this program closes (counted after the employee's
    /// earlier programs in problem order, so they add up to the value).
    pub closes: Vec<Closes>,
    /// JP counted toward the employee's JP target.
    pub jp_counted: u64,
    /// Value credited to this assignment.
    pub value: f64,
    /// Rupiah: cost per participant plus an equal share of the batch cost.
    pub cost: f64,
    /// value ÷ cost; null when free.
    pub value_per_rupiah: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Closes {
    pub competency: String,
    pub levels: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Batches {
    pub program: String,
    pub participants: u64,
    pub batches: u64,
    /// Rupiah for this program.
    pub cost: u64,
}

impl Answer {
    /// The answer for a solution of `model`.
    pub fn new(model: &Model, solution: &Solution) -> Answer {
        let ev = &solution.evaluation;
        let mut assignments = Vec::with_capacity(solution.assignments.len());
        let mut current = usize::MAX;
        let mut raised: Vec<u32> = Vec::new();
        let mut jp_so_far = 0u64;
        for &(e, p) in &solution.assignments {
            let emp = &model.employees[e];
            let prog = &model.programs[p];
            if e != current {
                current = e;
                raised.clear();
                raised.resize(emp.gaps.len(), 0);
                jp_so_far = 0;
            }
            let mut closes = Vec::new();
            let mut value = 0.0;
            for &(c, levels) in &prog.covers {
                if let Some(g) = emp.gaps.iter().position(|&(gc, _, _)| gc == c) {
                    let (_, gap, weight) = emp.gaps[g];
                    let credited = gap.saturating_sub(raised[g]).min(levels);
                    raised[g] = raised[g].saturating_add(levels);
                    if credited > 0 {
                        value += weight * f64::from(credited);
                        closes.push(Closes {
                            competency: model.competencies[c as usize].clone(),
                            levels: credited,
                        });
                    }
                }
            }
            let jp_counted = emp.jp_need.saturating_sub(jp_so_far).min(prog.jp);
            jp_so_far += prog.jp;
            value += model.jp_value * jp_counted as f64;
            let participants = ev.participants[p].max(1);
            let cost = prog.cost_per_participant as f64
                + prog.batch_cost as f64 * ev.batches[p] as f64 / participants as f64;
            assignments.push(Assignment {
                employee: emp.id.clone(),
                program: prog.id.clone(),
                closes,
                jp_counted,
                value,
                cost,
                value_per_rupiah: (cost > 0.0).then(|| value / cost),
            });
        }
        let batches = model
            .programs
            .iter()
            .enumerate()
            .filter(|&(p, _)| ev.participants[p] > 0)
            .map(|(p, prog)| Batches {
                program: prog.id.clone(),
                participants: ev.participants[p],
                batches: ev.batches[p],
                cost: prog.cost_for(ev.participants[p]) as u64,
            })
            .collect();
        Answer {
            format: ANSWER_FORMAT.to_owned(),
            value: ev.value,
            bound: solution.bound,
            gap_pct: solution.gap_pct(),
            cost: ev.cost,
            budget: model.budget,
            rounds: solution.rounds,
            stopped_early: solution.stopped,
            assignments,
            batches,
        }
    }

    /// One line for people: value, bound, gap, cost, assignments.
    pub fn summary(&self) -> String {
        format!(
            "value {:.4}, bound {:.4}, gap {:.2}%, cost {} of {} rupiah, {} assignments in {} programs{}",
            self.value,
            self.bound,
            self.gap_pct,
            self.cost,
            self.budget,
            self.assignments.len(),
            self.batches.len(),
            if self.stopped_early {
                " (stopped at the time limit)"
            } else {
                ""
            }
        )
    }

    /// The answer as pretty JSON.
    pub fn to_json(&self) -> String {
        // Plain data with finite numbers: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}
