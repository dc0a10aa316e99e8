//! The problem as a mixed-integer program in free MPS, for any MIP solver
//! (HiGHS reads it as is). The objective is minimised, so it is the
//! negated value: a solver's optimum −v means a plan worth v.
//!
//! Columns: `x<pair>` binary (employee takes program), `k<p>` integer
//! batches, `z<e>_<g>` levels credited to a gap (≤ gap), `j<e>` JP
//! credited (≤ max(0, jp_target − jp_done)). Rows: `BUDGET`, `cap<e>` (JP
//! cap), `lev<e>_<g>` (z ≤ levels raised), `jp<e>` (j ≤ new JP), `bat<p>`
//! (participants ≤ batch size × batches).

use super::model::Model;
use std::fmt::Write;

/// The MIP of `model` in free MPS.
pub fn write_mps(model: &Model) -> String {
    let mut out = String::new();
    // Writing to a String cannot fail.
    let _ = write(model, &mut out);
    out
}

fn write(m: &Model, out: &mut String) -> std::fmt::Result {
    let n_emp = m.employees.len();
    let n_prog = m.programs.len();
    // Employees with a JP term, gaps with a term.
    let jp_term = |e: usize| m.jp_value > 0.0 && m.employees[e].jp_need > 0;
    writeln!(out, "NAME kompeten-plan")?;
    writeln!(out, "ROWS")?;
    writeln!(out, " N OBJ")?;
    writeln!(out, " L BUDGET")?;
    for e in 0..n_emp {
        writeln!(out, " L cap{e}")?;
        for g in 0..m.employees[e].gaps.len() {
            writeln!(out, " L lev{e}_{g}")?;
        }
        if jp_term(e) {
            writeln!(out, " L jp{e}")?;
        }
    }
    for p in 0..n_prog {
        writeln!(out, " L bat{p}")?;
    }
    writeln!(out, "COLUMNS")?;
    writeln!(out, "    MARKER 'MARKER' 'INTORG'")?;
    for e in 0..n_emp {
        for pair in m.pairs_of_employee(e) {
            let p = m.pair_program(pair);
            let prog = &m.programs[p];
            if prog.jp > 0 {
                writeln!(out, "    x{pair} cap{e} {}", prog.jp)?;
            }
            for &(g, levels) in m.contributions(pair) {
                writeln!(out, "    x{pair} lev{e}_{g} -{levels}")?;
            }
            if jp_term(e) && prog.jp > 0 {
                writeln!(out, "    x{pair} jp{e} -{}", prog.jp)?;
            }
            writeln!(out, "    x{pair} bat{p} 1")?;
            if prog.cost_per_participant > 0 {
                writeln!(out, "    x{pair} BUDGET {}", prog.cost_per_participant)?;
            }
        }
    }
    for (p, prog) in m.programs.iter().enumerate() {
        let size = prog
            .batch_size
            .unwrap_or(m.pairs_of_program(p).len().max(1) as u64);
        writeln!(out, "    k{p} bat{p} -{size}")?;
        if prog.batch_cost > 0 {
            writeln!(out, "    k{p} BUDGET {}", prog.batch_cost)?;
        }
    }
    writeln!(out, "    MARKER 'MARKER' 'INTEND'")?;
    for (e, emp) in m.employees.iter().enumerate() {
        for (g, &(_, _, w)) in emp.gaps.iter().enumerate() {
            writeln!(out, "    z{e}_{g} OBJ {} lev{e}_{g} 1", -w)?;
        }
        if jp_term(e) {
            writeln!(out, "    j{e} OBJ {} jp{e} 1", -m.jp_value)?;
        }
    }
    writeln!(out, "RHS")?;
    writeln!(out, "    RHS BUDGET {}", m.budget)?;
    for (e, emp) in m.employees.iter().enumerate() {
        writeln!(out, "    RHS cap{e} {}", emp.jp_cap)?;
    }
    writeln!(out, "BOUNDS")?;
    for pair in 0..m.pair_count() {
        writeln!(out, " BV BND x{pair}")?;
    }
    for (p, prog) in m.programs.iter().enumerate() {
        let eligible = m.pairs_of_program(p).len() as u64;
        let most = match prog.batch_size {
            None => u64::from(eligible > 0),
            Some(b) => eligible.div_ceil(b),
        };
        let most = prog.max_batches.map_or(most, |mb| mb.min(most));
        writeln!(out, " UP BND k{p} {most}")?;
    }
    for (e, emp) in m.employees.iter().enumerate() {
        for (g, &(_, gap, _)) in emp.gaps.iter().enumerate() {
            writeln!(out, " UP BND z{e}_{g} {gap}")?;
        }
        if jp_term(e) {
            writeln!(out, " UP BND j{e} {}", emp.jp_need)?;
        }
    }
    writeln!(out, "ENDATA")
}
