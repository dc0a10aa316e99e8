//! The training-plan optimiser (issue 4): which employee takes which
//! program so that the plan closes the most weighted competency gap (plus
//! JP toward the yearly target) within the budget, seats and JP caps, with
//! a proven upper bound on the best possible value.
//!
//! The problem and answer formats, the algorithm and why the bound holds
//! are in `docs/PLANNING.md`.
//!
//! ```
//! use kompeten_engine::rencana::*;
//!
//! let model = parse_problem(r#"{
//!   "format": "kompeten.plan-problem/v1",
//!   "budget": 3000000,
//!   "employees": [
//!     {"id": "E1", "unit": "DINKES", "jp_done": 0, "jp_cap": 40,
//!      "gaps": [{"competency": "M.01", "gap": 2, "weight": 1.0}]}
//!   ],
//!   "programs": [
//!     {"id": "P1", "jp": 24, "cost_per_participant": 2500000,
//!      "covers": [{"competency": "M.01", "levels": 1}]}
//!   ]
//! }"#).expect("a valid problem");
//! let solution = solve(&model, &Options::default());
//! // One level closed (1.0) and 20 JP toward the target (20 × 0.05).
//! assert_eq!(solution.value(), 2.0);
//! assert!(solution.bound >= solution.value());
//! let answer = Answer::new(&model, &solution);
//! assert_eq!(answer.assignments[0].program, "P1");
//! ```

mod answer;
mod bound;
mod cycles;
mod evaluate;
mod format;
mod generate;
mod model;
mod moves;
mod mps;
mod primal;
mod skenario;
mod solve;
mod threads;

pub use answer::{ANSWER_FORMAT, Answer, Assignment, Batches, Closes};
pub use evaluate::{Evaluation, Violation, evaluate, evaluate_ids, is_eligible};
pub use format::{
    Cover, Employee, Gap, MAX_COUNT, MAX_LEVELS, MAX_RUPIAH, PROBLEM_FORMAT, Problem, ProblemError,
    Program, parse_problem, read_problem,
};
pub use generate::{Scale, generate};
pub use model::{Model, ModelEmployee, ModelProgram};
pub use mps::write_mps;
pub use skenario::{
    Plan, PointStats, SCENARIO_PERCENTS, ScenarioPoint, cheapest_first, equal_quota, jp_compliant,
    scenarios,
};
pub use solve::{Options, Solution, solve, solve_until};

#[cfg(test)]
mod moves_tests;
#[cfg(test)]
mod skenario_tests;
#[cfg(test)]
mod tests;
