//! The validated problem with dense indexes and the eligible
//! (employee, program) pairs precomputed.

use std::ops::Range;

/// An employee of a validated problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelEmployee {
    pub id: String,
    /// Index into [`Model::units`].
    pub unit: u32,
    /// JP still counted toward the target: max(0, jp_target − jp_done).
    pub jp_need: u64,
    pub jp_cap: u64,
    /// (competency index, levels missing ≥ 1, weight), in file order.
    pub gaps: Vec<(u32, u32, f64)>,
}

/// A program of a validated problem.
#[derive(Debug, Clone, PartialEq)]
pub struct ModelProgram {
    pub id: String,
    pub jp: u64,
    pub cost_per_participant: u64,
    pub batch_cost: u64,
    /// None: one batch of unlimited size.
    pub batch_size: Option<u64>,
    /// None: unlimited.
    pub max_batches: Option<u64>,
    /// (competency index, levels raised ≥ 1).
    pub covers: Vec<(u32, u32)>,
    pub open_to_all: bool,
    /// Sorted unit indexes; None: every unit.
    pub eligible_units: Option<Vec<u32>>,
}

impl ModelProgram {
    /// Batches needed for `n` participants (0 for nobody).
    pub fn batches_for(&self, n: u64) -> u64 {
        match (n, self.batch_size) {
            (0, _) => 0,
            (_, None) => 1,
            (n, Some(b)) => n.div_ceil(b),
        }
    }

    /// Most participants the program can take; None: unlimited.
    pub fn seats(&self) -> Option<u64> {
        match (self.batch_size, self.max_batches) {
            (_, Some(0)) => Some(0),
            (Some(b), Some(m)) => Some(b.saturating_mul(m)),
            (_, None) | (None, Some(_)) => None,
        }
    }

    /// Whether `n` participants fit in the allowed batches.
    pub fn fits(&self, n: u64) -> bool {
        self.seats().is_none_or(|s| n <= s)
    }

    /// Rupiah for `n` participants: batch_cost × batches + cost_per_participant × n.
    pub fn cost_for(&self, n: u64) -> u128 {
        self.batch_cost as u128 * self.batches_for(n) as u128
            + self.cost_per_participant as u128 * n as u128
    }
}

/// A validated problem, ready for [`super::evaluate`] and [`super::solve`].
#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub budget: u64,
    pub jp_value: f64,
    pub employees: Vec<ModelEmployee>,
    pub programs: Vec<ModelProgram>,
    /// Competency ids by index.
    pub competencies: Vec<String>,
    /// Unit ids by index.
    pub units: Vec<String>,
    /// Offset of each employee's first gap in a flattened gap array.
    gap_start: Vec<usize>,
    /// Eligible pairs grouped by employee (programs ascending).
    pair_start: Vec<usize>,
    pair_program: Vec<u32>,
    pair_employee: Vec<u32>,
    /// What each pair raises: (gap position within the employee, levels).
    contrib_start: Vec<usize>,
    contrib: Vec<(u32, u32)>,
    /// Eligible pairs of each program, employees ascending.
    program_pairs: Vec<Vec<usize>>,
}

impl Model {
    pub(crate) fn new(
        budget: u64,
        jp_value: f64,
        employees: Vec<ModelEmployee>,
        programs: Vec<ModelProgram>,
        competencies: Vec<String>,
        units: Vec<String>,
    ) -> Model {
        let mut by_competency: Vec<Vec<u32>> = vec![Vec::new(); competencies.len()];
        let mut open = Vec::new();
        for (p, prog) in programs.iter().enumerate() {
            if prog.open_to_all {
                open.push(p as u32);
            }
            for &(c, _) in &prog.covers {
                by_competency[c as usize].push(p as u32);
            }
        }
        let mut gap_start = Vec::with_capacity(employees.len() + 1);
        let mut pair_start = Vec::with_capacity(employees.len() + 1);
        let mut pair_program = Vec::new();
        let mut pair_employee = Vec::new();
        let mut contrib_start = vec![0];
        let mut contrib = Vec::new();
        let mut program_pairs = vec![Vec::new(); programs.len()];
        let mut gaps_total = 0;
        let mut candidates = Vec::new();
        for (e, emp) in employees.iter().enumerate() {
            gap_start.push(gaps_total);
            gaps_total += emp.gaps.len();
            pair_start.push(pair_program.len());
            candidates.clear();
            candidates.extend_from_slice(&open);
            for &(c, _, _) in &emp.gaps {
                candidates.extend_from_slice(&by_competency[c as usize]);
            }
            candidates.sort_unstable();
            candidates.dedup();
            for &p in &candidates {
                let prog = &programs[p as usize];
                if let Some(units) = &prog.eligible_units
                    && units.binary_search(&emp.unit).is_err()
                {
                    continue;
                }
                let pair = pair_program.len();
                pair_program.push(p);
                pair_employee.push(e as u32);
                program_pairs[p as usize].push(pair);
                for &(c, levels) in &prog.covers {
                    if let Some(g) = emp.gaps.iter().position(|&(gc, _, _)| gc == c) {
                        contrib.push((g as u32, levels));
                    }
                }
                contrib_start.push(contrib.len());
            }
        }
        gap_start.push(gaps_total);
        pair_start.push(pair_program.len());
        Model {
            budget,
            jp_value,
            employees,
            programs,
            competencies,
            units,
            gap_start,
            pair_start,
            pair_program,
            pair_employee,
            contrib_start,
            contrib,
            program_pairs,
        }
    }

    /// The same problem with another budget. The eligible pairs do not
    /// depend on the budget, so they are kept as they are.
    pub fn with_budget(&self, budget: u64) -> Model {
        Model {
            budget,
            ..self.clone()
        }
    }

    /// Number of eligible (employee, program) pairs.
    pub fn pair_count(&self) -> usize {
        self.pair_program.len()
    }

    /// The eligible pairs of employee `e` (programs ascending).
    pub fn pairs_of_employee(&self, e: usize) -> Range<usize> {
        self.pair_start[e]..self.pair_start[e + 1]
    }

    /// The eligible pairs of program `p` (employees ascending).
    pub fn pairs_of_program(&self, p: usize) -> &[usize] {
        &self.program_pairs[p]
    }

    pub fn pair_program(&self, pair: usize) -> usize {
        self.pair_program[pair] as usize
    }

    pub fn pair_employee(&self, pair: usize) -> usize {
        self.pair_employee[pair] as usize
    }

    /// The pair of (employee, program) if the employee may take it.
    pub fn pair(&self, e: usize, p: usize) -> Option<usize> {
        let range = self.pairs_of_employee(e);
        let start = range.start;
        self.pair_program[range]
            .binary_search(&(p as u32))
            .ok()
            .map(|i| start + i)
    }

    /// (gap position within the employee, levels raised) of a pair.
    pub(crate) fn contributions(&self, pair: usize) -> &[(u32, u32)] {
        &self.contrib[self.contrib_start[pair]..self.contrib_start[pair + 1]]
    }

    /// Offset of employee `e`'s gaps in a flattened per-gap array.
    pub(crate) fn gap_offset(&self, e: usize) -> usize {
        self.gap_start[e]
    }

    /// Total number of gaps over all employees.
    pub(crate) fn gap_total(&self) -> usize {
        self.gap_start[self.employees.len()]
    }

    pub fn employee_index(&self, id: &str) -> Option<usize> {
        self.employees.iter().position(|e| e.id == id)
    }

    pub fn program_index(&self, id: &str) -> Option<usize> {
        self.programs.iter().position(|p| p.id == id)
    }

    /// Value added by giving `pair` to its employee, who has `raised`/`jp`.
    pub(crate) fn marginal(&self, pair: usize, raised: &[u64], jp: u64) -> f64 {
        let e = self.pair_employee(pair);
        let emp = &self.employees[e];
        let mut v = 0.0;
        for &(g, levels) in self.contributions(pair) {
            let (_, gap, w) = emp.gaps[g as usize];
            let (gap, r) = (u64::from(gap), raised[g as usize]);
            if r < gap {
                v += w * (gap.min(r + u64::from(levels)) - r) as f64;
            }
        }
        let p = &self.programs[self.pair_program(pair)];
        let before = emp.jp_need.min(jp);
        let after = emp.jp_need.min(jp.saturating_add(p.jp));
        v + self.jp_value * (after - before) as f64
    }
}
