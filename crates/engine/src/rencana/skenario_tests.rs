//! Scenarios and the hand-made baselines: hand-checked examples and
//! properties on random small problems.

use super::skenario::{cheapest_first_pairs, equal_quota_pairs};
use super::*;
use proptest::prelude::*;

fn employee(id: &str, unit: &str, jp_done: i64, jp_cap: i64, gaps: &[(&str, i64)]) -> Employee {
    Employee {
        id: id.into(),
        unit: unit.into(),
        jp_done,
        jp_cap,
        gaps: gaps
            .iter()
            .map(|&(c, gap)| Gap {
                competency: c.into(),
                gap,
                weight: 1.0,
            })
            .collect(),
    }
}

fn program(id: &str, jp: i64, cpp: i64, batch_cost: i64, covers: &[(&str, i64)]) -> Program {
    Program {
        id: id.into(),
        jp,
        cost_per_participant: cpp,
        batch_cost,
        batch_size: None,
        max_batches: None,
        covers: covers
            .iter()
            .map(|&(c, levels)| Cover {
                competency: c.into(),
                levels,
            })
            .collect(),
        open_to_all: false,
        eligible_units: None,
    }
}

fn problem(budget: i64, employees: Vec<Employee>, programs: Vec<Program>) -> Problem {
    Problem {
        format: PROBLEM_FORMAT.into(),
        budget,
        jp_target: 20,
        jp_value: 0.05,
        employees,
        programs,
    }
}

fn names(model: &Model, plan: &Plan) -> Vec<(String, String)> {
    plan.assignments
        .iter()
        .map(|&(e, p)| (model.employees[e].id.clone(), model.programs[p].id.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(e, p)| (e.to_owned(), p.to_owned()))
        .collect()
}

// ------------------------------------------------------------ examples

#[test]
fn with_budget_changes_only_the_budget() {
    let mut p = problem(
        5_000_000,
        vec![
            employee("E1", "A", 0, 40, &[("C1", 2)]),
            employee("E2", "B", 0, 40, &[]),
        ],
        vec![program("P1", 8, 1_000_000, 0, &[("C1", 1)]), {
            let mut p2 = program("P2", 4, 0, 0, &[]);
            p2.open_to_all = true;
            p2
        }],
    );
    let model = p.validate().expect("valid");
    let cheaper = model.with_budget(1);
    assert_eq!(cheaper.budget, 1);
    // The same as validating the file with that budget: pairs included.
    p.budget = 1;
    assert_eq!(cheaper, p.validate().expect("valid"));
    assert_eq!(cheaper.pair_count(), 3);
    assert_eq!(model.with_budget(model.budget), model);
}

#[test]
fn cheapest_first_spreads_batch_costs_and_skips_closed_gaps() {
    // PB: Rp4 juta per batch of 4, so Rp1 juta a seat; PE: Rp1.5 juta each;
    // PC: Rp0.5 juta, open to all but for a gap nobody has: JP only.
    let mut pb = program("PB", 8, 0, 4_000_000, &[("C1", 1)]);
    pb.batch_size = Some(4);
    let pe = program("PE", 8, 1_500_000, 0, &[("C1", 1)]);
    let mut pc = program("PC", 8, 500_000, 0, &[("C9", 1)]);
    pc.open_to_all = true;
    let e1 = employee("E1", "A", 0, 40, &[("C1", 2)]);
    let e2 = employee("E2", "A", 0, 40, &[("C1", 1)]);
    let model = problem(5_000_000, vec![e1, e2], vec![pb, pe, pc])
        .validate()
        .expect("valid");
    let plan = cheapest_first(&model);
    // PB first: E1 opens the batch (4,000,000), E2 takes a seat in it for
    // nothing; E1's PE (1,500,000) no longer fits, and E2's gap is closed.
    assert_eq!(names(&model, &plan), pairs(&[("E1", "PB"), ("E2", "PB")]));
    assert_eq!(plan.evaluation.cost, 4_000_000);
    assert!((plan.evaluation.value - (2.0 + 2.0 * 8.0 * 0.05)).abs() < 1e-12);

    // With the money for both, E1 also takes PE; E2 still does not.
    let plan = cheapest_first(&model.with_budget(5_500_000));
    assert_eq!(
        names(&model, &plan),
        pairs(&[("E1", "PB"), ("E1", "PE"), ("E2", "PB")])
    );
    assert_eq!(plan.evaluation.cost, 5_500_000);
}

#[test]
fn cheapest_first_respects_seats_and_jp_caps() {
    let mut p1 = program("P1", 10, 100, 0, &[("C1", 1)]);
    p1.batch_size = Some(1);
    p1.max_batches = Some(1);
    let p2 = program("P2", 30, 200, 0, &[("C2", 1)]);
    let model = problem(
        1_000_000,
        vec![
            employee("E1", "A", 0, 35, &[("C1", 1), ("C2", 1)]),
            employee("E2", "A", 0, 40, &[("C1", 1), ("C2", 1)]),
        ],
        vec![p1, p2],
    )
    .validate()
    .expect("valid");
    let plan = cheapest_first(&model);
    // P1 has one seat (E1 first); E1's 10 + 30 JP would pass the cap of 35.
    assert_eq!(names(&model, &plan), pairs(&[("E1", "P1"), ("E2", "P2")]));
}

#[test]
fn equal_quota_leaves_money_unused_that_cheapest_first_spends() {
    // Two OPDs with Rp10 juta: Rp5 juta each. OPD 0 has two employees who
    // each need a Rp3 juta course; OPD 1's employee has no gap.
    let model = problem(
        10_000_000,
        vec![
            employee("A1", "A", 12, 40, &[("C1", 1)]),
            employee("A2", "A", 12, 40, &[("C1", 1)]),
            employee("B1", "B", 20, 40, &[]),
        ],
        vec![program("P1", 8, 3_000_000, 0, &[("C1", 1)])],
    )
    .validate()
    .expect("valid");
    let cheapest = cheapest_first(&model);
    assert_eq!(
        names(&model, &cheapest),
        pairs(&[("A1", "P1"), ("A2", "P1")])
    );
    assert_eq!(cheapest.evaluation.cost, 6_000_000);
    // Each: one level and the 8 JP still needed (12 done of 20).
    assert!((cheapest.evaluation.value - 2.0 * (1.0 + 8.0 * 0.05)).abs() < 1e-12);
    assert_eq!(jp_compliant(&model, &cheapest.evaluation), 3);

    let quota = equal_quota(&model, &[0, 0, 1]);
    assert_eq!(names(&model, &quota), pairs(&[("A1", "P1")]));
    // Rp7 juta unused: 2 of OPD 0's quota, all 5 of OPD 1's.
    assert_eq!(quota.evaluation.cost, 3_000_000);
    assert!((quota.evaluation.value - 1.4).abs() < 1e-12);
    // A2 stays 8 JP short; B1 had already reached the target.
    assert_eq!(jp_compliant(&model, &quota.evaluation), 2);
}

#[test]
fn equal_quota_takes_turns_for_scarce_seats() {
    // Two seats, OPD 7 has the lower employee indexes: one after another
    // it would take both; in turns each OPD gets one.
    let mut p1 = program("P1", 8, 1_000, 0, &[("C1", 1)]);
    p1.batch_size = Some(2);
    p1.max_batches = Some(1);
    let model = problem(
        10_000,
        vec![
            employee("A1", "A", 0, 40, &[("C1", 1)]),
            employee("A2", "A", 0, 40, &[("C1", 1)]),
            employee("B1", "B", 0, 40, &[("C1", 1)]),
        ],
        vec![p1],
    )
    .validate()
    .expect("valid");
    let plan = equal_quota(&model, &[7, 7, 9]);
    assert_eq!(names(&model, &plan), pairs(&[("A1", "P1"), ("B1", "P1")]));
}

#[test]
fn the_batch_cost_is_charged_to_the_group_that_opens_it() {
    // A batch of Rp6 juta for up to 10: OPD 0 (first turn) opens it from its
    // Rp6 juta quota; OPD 1 joins for free. OPD 1 alone could not open it.
    let mut p1 = program("P1", 8, 0, 6_000_000, &[("C1", 1)]);
    p1.batch_size = Some(10);
    let model = problem(
        12_000_000,
        vec![
            employee("A1", "A", 0, 40, &[("C1", 1)]),
            employee("B1", "B", 0, 40, &[("C1", 1)]),
        ],
        vec![p1],
    )
    .validate()
    .expect("valid");
    let plan = equal_quota(&model, &[0, 1]);
    assert_eq!(names(&model, &plan), pairs(&[("A1", "P1"), ("B1", "P1")]));
    assert_eq!(plan.evaluation.cost, 6_000_000);
    let short = equal_quota(&model.with_budget(11_999_999), &[0, 1]);
    assert!(short.assignments.is_empty(), "{:?}", short.assignments);
}

#[test]
fn jp_compliance_counts_employees_at_their_jp_need() {
    let mut q8 = program("Q8", 8, 0, 0, &[]);
    q8.open_to_all = true;
    let mut q12 = program("Q12", 12, 0, 0, &[]);
    q12.open_to_all = true;
    let model = problem(
        0,
        vec![
            employee("X", "A", 20, 40, &[]),
            employee("Y", "A", 10, 40, &[]),
            employee("Z", "A", 0, 40, &[]),
        ],
        vec![q8, q12],
    )
    .validate()
    .expect("valid");
    let empty = evaluate(&model, &[]).expect("feasible");
    assert_eq!(jp_compliant(&model, &empty), 1, "X needs nothing");
    // Y needs 10 and gets 12; Z needs 20 and gets 8.
    let ev = evaluate(&model, &[(1, 1), (2, 0)]).expect("feasible");
    assert_eq!(jp_compliant(&model, &ev), 2);
    // Z at exactly 20.
    let ev = evaluate(&model, &[(1, 1), (2, 0), (2, 1)]).expect("feasible");
    assert_eq!(jp_compliant(&model, &ev), 3);
    // An evaluation of another (smaller) model: no panic, missing = 0 JP.
    let short = Evaluation {
        jp: vec![0, 12],
        ..ev
    };
    assert_eq!(jp_compliant(&model, &short), 2);
}

#[test]
fn scenarios_scale_the_budget_and_serialise() {
    let model = problem(
        10_000_000,
        vec![
            employee("A1", "A", 12, 40, &[("C1", 1)]),
            employee("A2", "A", 12, 40, &[("C1", 1)]),
            employee("B1", "B", 20, 40, &[]),
        ],
        vec![program("P1", 8, 3_000_000, 0, &[("C1", 1)])],
    )
    .validate()
    .expect("valid");
    let points = scenarios(&model, &SCENARIO_PERCENTS, &[0, 0, 1], &Options::default());
    let budgets: Vec<u64> = points.iter().map(|p| p.budget).collect();
    assert_eq!(
        budgets,
        [
            2_500_000, 5_000_000, 7_500_000, 10_000_000, 15_000_000, 20_000_000
        ]
    );
    // 25 %: nothing fits. 50 %: one course (the quota of 2.5 juta: none).
    assert_eq!(points[0].optimised.assignments, 0);
    assert_eq!(points[1].optimised.assignments, 1);
    assert_eq!(points[1].cheapest.participants, 1);
    assert_eq!(points[1].quota.assignments, 0);
    // 200 %: Rp10 juta each, both of OPD 0 trained by every plan.
    let last = &points[5];
    for stats in [&last.optimised, &last.cheapest, &last.quota] {
        assert_eq!(
            (stats.cost, stats.participants, stats.jp_compliant),
            (6_000_000, 2, 3)
        );
    }
    assert!(last.optimised_bound >= last.optimised.value);
    let json = serde_json::to_value(&points).expect("serialises");
    assert_eq!(json[5]["percent"], 200);
    assert_eq!(json[5]["quota"]["jp_compliant"], 3);
    let back: Vec<ScenarioPoint> = serde_json::from_value(json).expect("deserialises");
    assert_eq!(back.len(), points.len());
    assert_eq!(back[3].budget, points[3].budget);

    // Percentages past u64 saturate instead of overflowing.
    let huge = model.with_budget(u64::MAX / 2);
    let points = scenarios(&huge, &[300], &[0, 0, 1], &Options::default());
    assert_eq!(points[0].budget, u64::MAX);
}

// ---------------------------------------------------------- properties

/// Random problems: 3 competencies, 2 units, up to 6 employees × 5
/// programs, some gaps of weight 0 (a gap no baseline should chase).
fn small_problem() -> impl Strategy<Value = Problem> {
    super::tests::sized_problem_weighted(1, 6, 1, 5, vec![0.0, 0.5, 1.0, 2.0])
}

/// The plan is one the checker accepts (before any fallback), and each
/// pair raises one of the employee's gaps.
fn assert_baseline(model: &Model, raw: &[(usize, usize)], plan: &Plan) {
    let ev = evaluate(model, raw);
    assert!(ev.is_ok(), "{raw:?}: {ev:?}");
    assert_eq!(plan.assignments, raw);
    assert_eq!(Ok(&plan.evaluation), ev.as_ref());
    for &(e, p) in raw {
        let gaps = &model.employees[e].gaps;
        assert!(
            model.programs[p]
                .covers
                .iter()
                .any(|&(c, _)| gaps.iter().any(|&(g, _, _)| g == c)),
            "({e}, {p}) raises no gap"
        );
    }
}

fn quick() -> Options {
    Options {
        rounds: 30,
        improve_work: 20_000,
        hint_every: 10,
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn baselines_are_feasible(problem in small_problem(), groups in prop::collection::vec(0u32..3, 6)) {
        let model = problem.validate().expect("valid");
        let group_of = &groups[..model.employees.len()];
        assert_baseline(&model, &cheapest_first_pairs(&model), &cheapest_first(&model));
        let raw = equal_quota_pairs(&model, group_of);
        let plan = equal_quota(&model, group_of);
        assert_baseline(&model, &raw, &plan);
        // Each group's per-participant costs alone fit its quota.
        let mut used: Vec<u32> = group_of.to_vec();
        used.sort_unstable();
        used.dedup();
        let quota = model.budget / used.len() as u64;
        for g in used {
            let seats: u64 = raw
                .iter()
                .filter(|&&(e, _)| group_of[e] == g)
                .map(|&(_, p)| model.programs[p].cost_per_participant)
                .sum();
            prop_assert!(seats <= quota, "group {} spent {} of {}", g, seats, quota);
        }
    }

    #[test]
    fn one_group_is_cheapest_first(problem in small_problem(), g in any::<u32>()) {
        let model = problem.validate().expect("valid");
        let cheapest = cheapest_first(&model);
        let one = vec![g; model.employees.len()];
        prop_assert_eq!(&equal_quota(&model, &one), &cheapest);
        // A mapping of the wrong length counts as one group.
        prop_assert_eq!(&equal_quota(&model, &one[1..]), &cheapest);
    }

    #[test]
    fn nothing_but_free_seats_without_money(problem in small_problem()) {
        let model = problem.validate().expect("valid").with_budget(0);
        let plan = cheapest_first(&model);
        assert_baseline(&model, &cheapest_first_pairs(&model), &plan);
        prop_assert_eq!(plan.evaluation.cost, 0);
        for &(_, p) in &plan.assignments {
            let prog = &model.programs[p];
            prop_assert_eq!((prog.cost_per_participant, prog.batch_cost), (0, 0));
        }
        let any_free = model
            .programs
            .iter()
            .any(|p| p.cost_per_participant == 0 && p.batch_cost == 0);
        if !any_free {
            prop_assert!(plan.assignments.is_empty());
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_bound_is_above_every_baseline(problem in small_problem(), groups in prop::collection::vec(0u32..3, 6)) {
        let model = problem.validate().expect("valid");
        let group_of = &groups[..model.employees.len()];
        let points = scenarios(&model, &SCENARIO_PERCENTS, group_of, &quick());
        prop_assert_eq!(points.len(), SCENARIO_PERCENTS.len());
        for point in &points {
            prop_assert_eq!(point.budget, model.budget * u64::from(point.percent) / 100);
            let bound = point.optimised_bound;
            for stats in [&point.optimised, &point.cheapest, &point.quota] {
                prop_assert!(bound >= stats.value - 1e-9, "{:?}", point);
                prop_assert!(stats.cost <= point.budget);
                prop_assert!(stats.participants <= stats.assignments);
                prop_assert!(stats.jp_compliant <= model.employees.len());
            }
        }
        prop_assert_eq!(&points, &scenarios(&model, &SCENARIO_PERCENTS, group_of, &quick()));
    }
}

#[test]
fn scenarios_on_threads_match_each_budget_solved_alone_in_order() {
    let model = generate(
        Scale {
            employees: 300,
            programs: 20,
        },
        4,
    )
    .validate()
    .expect("valid");
    let group_of: Vec<u32> = model.employees.iter().map(|e| e.unit).collect();
    let percents = [200, 25, 100, 75, 150];
    let points = scenarios(&model, &percents, &group_of, &Options::default());
    assert_eq!(
        points.iter().map(|p| p.percent).collect::<Vec<_>>(),
        percents
    );
    for (point, &percent) in points.iter().zip(&percents) {
        let alone = scenarios(&model, &[percent], &group_of, &Options::default());
        assert_eq!(&alone[0], point, "{percent} %");
    }
    // More money never buys less.
    let mut by_budget: Vec<&ScenarioPoint> = points.iter().collect();
    by_budget.sort_by_key(|p| p.budget);
    for pair in by_budget.windows(2) {
        assert!(pair[1].optimised_bound >= pair[0].optimised.value);
    }
}
