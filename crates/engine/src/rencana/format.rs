//! The problem file (`kompeten.plan-problem/v1`): serde types, parsing with
//! errors that name the field and the record, and validation into a
//! [`Model`].

use super::model::{Model, ModelEmployee, ModelProgram};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, BTreeSet};

/// The `format` a problem file must carry.
pub const PROBLEM_FORMAT: &str = "kompeten.plan-problem/v1";

/// The largest rupiah amount accepted (10^15): keeps every sum exact.
pub const MAX_RUPIAH: i64 = 1_000_000_000_000_000;
/// The largest count (JP, batch size, number of batches) accepted.
pub const MAX_COUNT: i64 = 1_000_000_000;
/// The largest gap or level raise accepted (competency levels are 1–5).
pub const MAX_LEVELS: i64 = 1_000;

fn default_jp_target() -> i64 {
    20
}

fn default_jp_value() -> f64 {
    0.05
}

/// A planning problem as written in the JSON file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Problem {
    /// Must be [`PROBLEM_FORMAT`].
    pub format: String,
    /// Rupiah available for the whole plan.
    pub budget: i64,
    /// JP each employee should reach in the year (default 20).
    #[serde(default = "default_jp_target")]
    pub jp_target: i64,
    /// Objective value of one JP toward the target (default 0.05).
    #[serde(default = "default_jp_value")]
    pub jp_value: f64,
    pub employees: Vec<Employee>,
    pub programs: Vec<Program>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Employee {
    pub id: String,
    pub unit: String,
    /// JP already done this year (default 0).
    #[serde(default)]
    pub jp_done: i64,
    /// The most new JP this employee may take this year.
    pub jp_cap: i64,
    #[serde(default)]
    pub gaps: Vec<Gap>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gap {
    pub competency: String,
    /// Levels missing (at least 1).
    pub gap: i64,
    /// Value of closing one level (default 1).
    #[serde(default = "one")]
    pub weight: f64,
}

fn one() -> f64 {
    1.0
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Program {
    pub id: String,
    /// Learning hours (JP) one participant earns.
    pub jp: i64,
    pub cost_per_participant: i64,
    /// Paid once per batch that runs (default 0).
    #[serde(default)]
    pub batch_cost: i64,
    /// Participants per batch; null: one batch of unlimited size.
    #[serde(default)]
    pub batch_size: Option<i64>,
    /// Most batches that can run; null: unlimited.
    #[serde(default)]
    pub max_batches: Option<i64>,
    #[serde(default)]
    pub covers: Vec<Cover>,
    /// Anyone (in an eligible unit) may take it, gap or not.
    #[serde(default)]
    pub open_to_all: bool,
    /// Units whose employees may take it; null: all units.
    #[serde(default)]
    pub eligible_units: Option<Vec<String>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Cover {
    pub competency: String,
    /// Levels raised (at least 1).
    pub levels: i64,
}

/// Why a problem file was refused. The message names the field (and for
/// records the index and id), then the reason.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum ProblemError {
    /// Not JSON, or JSON of the wrong shape.
    #[error("{0}")]
    Malformed(String),
    /// Well-formed, but a value is not allowed.
    #[error("{0}")]
    Invalid(String),
}

/// Parses and validates a problem file.
pub fn parse_problem(json: &str) -> Result<Model, ProblemError> {
    read_problem(json)?.validate()
}

/// Parses a problem file without validating its values.
pub fn read_problem(json: &str) -> Result<Problem, ProblemError> {
    let mut de = serde_json::Deserializer::from_str(json);
    let problem = match serde_path_to_error::deserialize::<_, Problem>(&mut de) {
        Ok(problem) => problem,
        Err(err) => {
            let path = err.path().to_string();
            let inner = err.into_inner();
            return Err(ProblemError::Malformed(
                if path.is_empty() || path == "." || path == "?" {
                    format!("malformed problem: {inner}")
                } else {
                    let record = record_of(json, &path);
                    format!("malformed problem at {path}{record}: {inner}")
                },
            ));
        }
    };
    de.end()
        .map_err(|e| ProblemError::Malformed(format!("malformed problem: {e}")))?;
    Ok(problem)
}

/// ` (id "X")` for a path inside `employees[i]` or `programs[i]` when the
/// file is valid JSON and that record has a string id.
fn record_of(json: &str, path: &str) -> String {
    let Some((list, rest)) = path.split_once('[') else {
        return String::new();
    };
    if list != "employees" && list != "programs" {
        return String::new();
    }
    let Some(index) = rest
        .split_once(']')
        .and_then(|(i, _)| i.parse::<usize>().ok())
    else {
        return String::new();
    };
    let Ok(value) = serde_json::from_str::<serde_json::Value>(json) else {
        return String::new();
    };
    match value
        .get(list)
        .and_then(|l| l.get(index))
        .and_then(|r| r.get("id"))
        .and_then(|id| id.as_str())
    {
        Some(id) => format!(" (id {id:?})"),
        None => String::new(),
    }
}

fn invalid(record: &str, message: impl std::fmt::Display) -> ProblemError {
    if record.is_empty() {
        ProblemError::Invalid(message.to_string())
    } else {
        ProblemError::Invalid(format!("{record}: {message}"))
    }
}

fn count(record: &str, field: &str, value: i64, least: i64) -> Result<u64, ProblemError> {
    if value < least {
        let what = if least == 0 {
            "must not be negative".to_owned()
        } else {
            format!("must be at least {least}")
        };
        return Err(invalid(record, format!("{field} {what}, got {value}")));
    }
    if value > MAX_COUNT {
        return Err(invalid(
            record,
            format!("{field} must be at most {MAX_COUNT}, got {value}"),
        ));
    }
    Ok(value as u64)
}

fn levels(record: &str, field: &str, value: i64) -> Result<u32, ProblemError> {
    if value < 1 {
        return Err(invalid(
            record,
            format!("{field} must be at least 1, got {value}"),
        ));
    }
    if value > MAX_LEVELS {
        return Err(invalid(
            record,
            format!("{field} must be at most {MAX_LEVELS}, got {value}"),
        ));
    }
    Ok(value as u32)
}

fn rupiah(record: &str, field: &str, value: i64) -> Result<u64, ProblemError> {
    if value < 0 {
        return Err(invalid(
            record,
            format!("{field} must not be negative, got {value}"),
        ));
    }
    if value > MAX_RUPIAH {
        return Err(invalid(
            record,
            format!("{field} must be at most {MAX_RUPIAH} rupiah, got {value}"),
        ));
    }
    Ok(value as u64)
}

fn real(record: &str, field: &str, value: f64) -> Result<f64, ProblemError> {
    if !(0.0..=1e12).contains(&value) {
        return Err(invalid(
            record,
            format!("{field} must be a number from 0 to 1e12, got {value}"),
        ));
    }
    Ok(value)
}

fn name(record: &str, field: &str, value: &str) -> Result<(), ProblemError> {
    if value.trim().is_empty() {
        return Err(invalid(record, format!("{field} must not be empty")));
    }
    Ok(())
}

/// Hands out dense indexes to names in first-seen order.
#[derive(Default)]
struct Names {
    index: BTreeMap<String, u32>,
    names: Vec<String>,
}

impl Names {
    fn get(&mut self, name: &str) -> u32 {
        if let Some(&i) = self.index.get(name) {
            return i;
        }
        let i = self.names.len() as u32;
        self.index.insert(name.to_owned(), i);
        self.names.push(name.to_owned());
        i
    }
}

impl Problem {
    /// The problem file's JSON text (compact).
    pub fn to_json(&self) -> String {
        // Plain data: serialising cannot fail (a non-finite weight would be
        // written as null and refused when read back).
        serde_json::to_string(self).unwrap_or_default()
    }

    /// Checks every value and builds the indexed model the solver uses.
    pub fn validate(&self) -> Result<Model, ProblemError> {
        if self.format != PROBLEM_FORMAT {
            return Err(invalid(
                "",
                format!("format must be {PROBLEM_FORMAT:?}, got {:?}", self.format),
            ));
        }
        let budget = rupiah("", "budget", self.budget)?;
        let jp_target = count("", "jp_target", self.jp_target, 0)?;
        let jp_value = real("", "jp_value", self.jp_value)?;
        if self.employees.len() > u32::MAX as usize / 2
            || self.programs.len() > u32::MAX as usize / 2
        {
            return Err(invalid("", "too many records"));
        }

        let mut competencies = Names::default();
        let mut units = Names::default();
        let mut employees = Vec::with_capacity(self.employees.len());
        let mut seen = BTreeMap::new();
        for (i, e) in self.employees.iter().enumerate() {
            let record = format!("employees[{i}] (id {:?})", e.id);
            name(&record, "id", &e.id)?;
            if let Some(first) = seen.insert(e.id.as_str(), i) {
                return Err(invalid(
                    &record,
                    format!("duplicate id, first used by employees[{first}]"),
                ));
            }
            name(&record, "unit", &e.unit)?;
            let jp_done = count(&record, "jp_done", e.jp_done, 0)?;
            let jp_cap = count(&record, "jp_cap", e.jp_cap, 0)?;
            let mut gaps = Vec::with_capacity(e.gaps.len());
            let mut seen_gap = BTreeMap::new();
            for (j, g) in e.gaps.iter().enumerate() {
                let field = |f: &str| format!("gaps[{j}].{f}");
                name(&record, &field("competency"), &g.competency)?;
                if let Some(first) = seen_gap.insert(g.competency.as_str(), j) {
                    return Err(invalid(
                        &record,
                        format!(
                            "gaps[{j}]: competency {:?} is already in gaps[{first}]",
                            g.competency
                        ),
                    ));
                }
                let gap = levels(&record, &field("gap"), g.gap)?;
                let weight = real(&record, &field("weight"), g.weight)?;
                gaps.push((competencies.get(&g.competency), gap, weight));
            }
            employees.push(ModelEmployee {
                id: e.id.clone(),
                unit: units.get(&e.unit),
                jp_need: jp_target.saturating_sub(jp_done),
                jp_cap,
                gaps,
            });
        }

        let mut programs = Vec::with_capacity(self.programs.len());
        let mut seen = BTreeMap::new();
        for (i, p) in self.programs.iter().enumerate() {
            let record = format!("programs[{i}] (id {:?})", p.id);
            name(&record, "id", &p.id)?;
            if let Some(first) = seen.insert(p.id.as_str(), i) {
                return Err(invalid(
                    &record,
                    format!("duplicate id, first used by programs[{first}]"),
                ));
            }
            let jp = count(&record, "jp", p.jp, 0)?;
            let cost_per_participant =
                rupiah(&record, "cost_per_participant", p.cost_per_participant)?;
            let batch_cost = rupiah(&record, "batch_cost", p.batch_cost)?;
            let batch_size = p
                .batch_size
                .map(|b| count(&record, "batch_size", b, 1))
                .transpose()?;
            let max_batches = p
                .max_batches
                .map(|m| count(&record, "max_batches", m, 0))
                .transpose()?;
            let mut covers = Vec::with_capacity(p.covers.len());
            let mut seen_cover = BTreeMap::new();
            for (j, c) in p.covers.iter().enumerate() {
                let field = |f: &str| format!("covers[{j}].{f}");
                name(&record, &field("competency"), &c.competency)?;
                if let Some(first) = seen_cover.insert(c.competency.as_str(), j) {
                    return Err(invalid(
                        &record,
                        format!(
                            "covers[{j}]: competency {:?} is already in covers[{first}]",
                            c.competency
                        ),
                    ));
                }
                let raise = levels(&record, &field("levels"), c.levels)?;
                covers.push((competencies.get(&c.competency), raise));
            }
            let eligible_units = match &p.eligible_units {
                None => None,
                Some(list) => {
                    let mut set = BTreeSet::new();
                    for (j, u) in list.iter().enumerate() {
                        name(&record, &format!("eligible_units[{j}]"), u)?;
                        // A unit no employee belongs to admits nobody.
                        if let Some(&unit) = units.index.get(u.as_str()) {
                            set.insert(unit);
                        }
                    }
                    Some(set.into_iter().collect())
                }
            };
            programs.push(ModelProgram {
                id: p.id.clone(),
                jp,
                cost_per_participant,
                batch_cost,
                batch_size,
                max_batches,
                covers,
                open_to_all: p.open_to_all,
                eligible_units,
            });
        }
        Ok(Model::new(
            budget,
            jp_value,
            employees,
            programs,
            competencies.names,
            units.names,
        ))
    }
}
