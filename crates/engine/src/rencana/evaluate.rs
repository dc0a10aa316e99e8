//! The plan checker: feasibility and value straight from the rules of the
//! problem, independent of the solver's precomputed pairs.

use super::model::Model;
use std::collections::BTreeMap;

/// Why a plan is not allowed.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum Violation {
    #[error("unknown employee {0:?}")]
    UnknownEmployee(String),
    #[error("unknown program {0:?}")]
    UnknownProgram(String),
    #[error(
        "employee {employee:?} may not take program {program:?} (unit not eligible, or no gap it covers and not open to all)"
    )]
    NotEligible { employee: String, program: String },
    #[error("employee {employee:?} takes program {program:?} more than once")]
    Repeated { employee: String, program: String },
    #[error("employee {employee:?} would take {jp} new JP, more than jp_cap {cap}")]
    JpCap { employee: String, jp: u64, cap: u64 },
    #[error(
        "program {program:?} would need {batches} batches for {participants} participants, more than max_batches {max}"
    )]
    Seats {
        program: String,
        participants: u64,
        batches: u64,
        max: u64,
    },
    #[error("the plan costs {cost} rupiah, more than the budget of {budget}")]
    Budget { cost: u128, budget: u64 },
}

/// A feasible plan's numbers.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub value: f64,
    /// Rupiah, at most the budget.
    pub cost: u64,
    /// Per program.
    pub participants: Vec<u64>,
    /// Per program: ceil(participants ÷ batch_size), 1 without a batch size.
    pub batches: Vec<u64>,
    /// Per employee: new JP.
    pub jp: Vec<u64>,
}

/// Whether employee `e` may take program `p`, from the rules themselves.
pub fn is_eligible(model: &Model, e: usize, p: usize) -> bool {
    let emp = &model.employees[e];
    let prog = &model.programs[p];
    let unit_ok = prog
        .eligible_units
        .as_ref()
        .is_none_or(|units| units.contains(&emp.unit));
    let covers_gap = prog
        .covers
        .iter()
        .any(|&(c, _)| emp.gaps.iter().any(|&(g, _, _)| g == c));
    unit_ok && (prog.open_to_all || covers_gap)
}

/// Checks a plan given by (employee, program) ids.
pub fn evaluate_ids(model: &Model, plan: &[(String, String)]) -> Result<Evaluation, Violation> {
    let employees: BTreeMap<&str, usize> = model
        .employees
        .iter()
        .enumerate()
        .map(|(i, e)| (e.id.as_str(), i))
        .collect();
    let programs: BTreeMap<&str, usize> = model
        .programs
        .iter()
        .enumerate()
        .map(|(i, p)| (p.id.as_str(), i))
        .collect();
    let mut pairs = Vec::with_capacity(plan.len());
    for (employee, program) in plan {
        let e = *employees
            .get(employee.as_str())
            .ok_or_else(|| Violation::UnknownEmployee(employee.clone()))?;
        let p = *programs
            .get(program.as_str())
            .ok_or_else(|| Violation::UnknownProgram(program.clone()))?;
        pairs.push((e, p));
    }
    evaluate(model, &pairs)
}

/// Checks a plan given by (employee index, program index) and computes its
/// cost and value. Indexes out of range are unknown ids.
pub fn evaluate(model: &Model, plan: &[(usize, usize)]) -> Result<Evaluation, Violation> {
    let n_emp = model.employees.len();
    let n_prog = model.programs.len();
    let mut sorted = plan.to_vec();
    sorted.sort_unstable();
    for w in sorted.windows(2) {
        if w[0] == w[1] {
            return Err(Violation::Repeated {
                employee: model.employees[w[0].0].id.clone(),
                program: model.programs[w[0].1].id.clone(),
            });
        }
    }
    let mut participants = vec![0u64; n_prog];
    let mut jp = vec![0u64; n_emp];
    for &(e, p) in &sorted {
        if e >= n_emp {
            return Err(Violation::UnknownEmployee(format!("#{e}")));
        }
        if p >= n_prog {
            return Err(Violation::UnknownProgram(format!("#{p}")));
        }
        if !is_eligible(model, e, p) {
            return Err(Violation::NotEligible {
                employee: model.employees[e].id.clone(),
                program: model.programs[p].id.clone(),
            });
        }
        participants[p] += 1;
        jp[e] += model.programs[p].jp;
    }
    for (e, emp) in model.employees.iter().enumerate() {
        if jp[e] > emp.jp_cap {
            return Err(Violation::JpCap {
                employee: emp.id.clone(),
                jp: jp[e],
                cap: emp.jp_cap,
            });
        }
    }
    let mut batches = vec![0u64; n_prog];
    let mut cost: u128 = 0;
    for (p, prog) in model.programs.iter().enumerate() {
        let n = participants[p];
        batches[p] = prog.batches_for(n);
        if let Some(max) = prog.max_batches
            && batches[p] > max
        {
            return Err(Violation::Seats {
                program: prog.id.clone(),
                participants: n,
                batches: batches[p],
                max,
            });
        }
        cost += prog.cost_for(n);
    }
    if cost > u128::from(model.budget) {
        return Err(Violation::Budget {
            cost,
            budget: model.budget,
        });
    }
    // Value: per employee, levels raised per gap competency, capped.
    let mut value = 0.0;
    let mut start = 0;
    for (e, emp) in model.employees.iter().enumerate() {
        let mut end = start;
        while end < sorted.len() && sorted[end].0 == e {
            end += 1;
        }
        let mut employee_value = 0.0;
        for &(c, gap, w) in &emp.gaps {
            let raised: u64 = sorted[start..end]
                .iter()
                .flat_map(|&(_, p)| model.programs[p].covers.iter())
                .filter(|&&(pc, _)| pc == c)
                .map(|&(_, levels)| u64::from(levels))
                .sum();
            employee_value += w * u64::from(gap).min(raised) as f64;
        }
        employee_value += model.jp_value * emp.jp_need.min(jp[e]) as f64;
        value += employee_value;
        start = end;
    }
    Ok(Evaluation {
        value,
        cost: cost as u64,
        participants,
        batches,
        jp,
    })
}
