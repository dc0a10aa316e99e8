//! Hand-checked examples of validation, the checker and the solver; a
//! brute-force oracle on small instances; properties on random ones.

use super::*;
use proptest::prelude::*;

pub(super) fn employee(
    id: &str,
    unit: &str,
    jp_done: i64,
    jp_cap: i64,
    gaps: &[(&str, i64, f64)],
) -> Employee {
    Employee {
        id: id.into(),
        unit: unit.into(),
        jp_done,
        jp_cap,
        gaps: gaps
            .iter()
            .map(|&(c, gap, weight)| Gap {
                competency: c.into(),
                gap,
                weight,
            })
            .collect(),
    }
}

pub(super) fn program(
    id: &str,
    jp: i64,
    cpp: i64,
    batch_cost: i64,
    covers: &[(&str, i64)],
) -> Program {
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

/// The worked example of docs/PLANNING.md.
fn example(budget: i64) -> Problem {
    let mut p1 = program("P1", 8, 1_000_000, 2_000_000, &[("C1", 1)]);
    p1.batch_size = Some(2);
    p1.max_batches = Some(1);
    let mut p2 = program("P2", 16, 500_000, 0, &[("C1", 2), ("C2", 1)]);
    p2.eligible_units = Some(vec!["A".into()]);
    let mut p3 = program("P3", 10, 0, 300_000, &[]);
    p3.open_to_all = true;
    Problem {
        format: PROBLEM_FORMAT.into(),
        budget,
        jp_target: 20,
        jp_value: 0.05,
        employees: vec![
            employee("E1", "A", 10, 30, &[("C1", 2, 1.5), ("C2", 1, 1.0)]),
            employee("E2", "B", 25, 10, &[("C1", 1, 2.0)]),
            employee("E3", "A", 0, 40, &[]),
        ],
        programs: vec![p1, p2, p3],
    }
}

fn ids(plan: &[(&str, &str)]) -> Vec<(String, String)> {
    plan.iter()
        .map(|&(e, p)| (e.to_owned(), p.to_owned()))
        .collect()
}

fn invalid(problem: &Problem) -> String {
    match problem.validate() {
        Err(ProblemError::Invalid(message)) => message,
        other => panic!("expected an invalid problem, got {other:?}"),
    }
}

fn malformed(json: &str) -> String {
    match parse_problem(json) {
        Err(ProblemError::Malformed(message)) => message,
        other => panic!("expected a malformed problem, got {other:?}"),
    }
}

// ---------------------------------------------------------------- format

#[test]
fn defaults_fill_what_the_file_leaves_out() {
    let model = parse_problem(
        r#"{"format": "kompeten.plan-problem/v1", "budget": 0,
            "employees": [{"id": "E", "unit": "U", "jp_cap": 10}],
            "programs": [{"id": "P", "jp": 2, "cost_per_participant": 0, "open_to_all": true}]}"#,
    )
    .expect("valid");
    assert_eq!(model.employees[0].jp_need, 20, "jp_target 20, jp_done 0");
    assert_eq!(model.jp_value, 0.05);
    let p = &model.programs[0];
    assert_eq!((p.batch_cost, p.batch_size, p.max_batches), (0, None, None));
    assert_eq!(p.eligible_units, None);
    assert_eq!(model.pair_count(), 1);
}

#[test]
fn a_problem_round_trips_through_json() {
    let problem = example(1);
    let json = serde_json::to_string(&problem).expect("serialises");
    assert_eq!(read_problem(&json).expect("reads"), problem);
}

#[test]
fn invalid_values_name_the_record_field_and_reason() {
    let mut p = example(1);
    p.format = "kompeten.plan-problem/v2".into();
    assert!(invalid(&p).contains("format must be \"kompeten.plan-problem/v1\""));

    let p = example(-1);
    assert_eq!(invalid(&p), "budget must not be negative, got -1");

    let mut p = example(1);
    p.programs[1].batch_size = Some(0);
    assert_eq!(
        invalid(&p),
        "programs[1] (id \"P2\"): batch_size must be at least 1, got 0"
    );

    let mut p = example(1);
    p.programs[0].covers[0].levels = 0;
    assert_eq!(
        invalid(&p),
        "programs[0] (id \"P1\"): covers[0].levels must be at least 1, got 0"
    );

    let mut p = example(1);
    p.programs[2].cost_per_participant = -5;
    assert_eq!(
        invalid(&p),
        "programs[2] (id \"P3\"): cost_per_participant must not be negative, got -5"
    );

    let mut p = example(1);
    p.programs[0].batch_cost = -1;
    assert!(invalid(&p).starts_with("programs[0] (id \"P1\"): batch_cost must not be negative"));

    let mut p = example(1);
    p.programs[0].max_batches = Some(-2);
    assert!(invalid(&p).contains("max_batches must not be negative"));

    let mut p = example(1);
    p.employees[2].id = "E1".into();
    assert_eq!(
        invalid(&p),
        "employees[2] (id \"E1\"): duplicate id, first used by employees[0]"
    );

    let mut p = example(1);
    p.programs[2].id = "P2".into();
    assert_eq!(
        invalid(&p),
        "programs[2] (id \"P2\"): duplicate id, first used by programs[1]"
    );

    let mut p = example(1);
    p.employees[0].gaps[1].competency = "C1".into();
    assert!(invalid(&p).contains("gaps[1]: competency \"C1\" is already in gaps[0]"));

    let mut p = example(1);
    p.employees[1].gaps[0].gap = 0;
    assert_eq!(
        invalid(&p),
        "employees[1] (id \"E2\"): gaps[0].gap must be at least 1, got 0"
    );

    let mut p = example(1);
    p.employees[1].gaps[0].weight = -1.0;
    assert!(invalid(&p).contains("gaps[0].weight must be a number from 0 to 1e12"));

    let mut p = example(1);
    p.employees[0].jp_cap = -3;
    assert!(invalid(&p).contains("employees[0] (id \"E1\"): jp_cap must not be negative"));

    let mut p = example(1);
    p.jp_value = f64::NAN;
    assert!(invalid(&p).starts_with("jp_value must be"));

    let mut p = example(1);
    p.employees[0].unit = " ".into();
    assert!(invalid(&p).contains("unit must not be empty"));

    let mut p = example(1);
    p.employees[0].gaps[0].gap = MAX_LEVELS + 1;
    assert_eq!(
        invalid(&p),
        "employees[0] (id \"E1\"): gaps[0].gap must be at most 1000, got 1001"
    );

    let mut p = example(1);
    p.budget = MAX_RUPIAH + 1;
    assert!(invalid(&p).contains("budget must be at most"));
}

#[test]
fn malformed_files_name_the_place() {
    let m = malformed("{oops");
    assert!(m.starts_with("malformed problem: "), "{m}");
    assert!(m.contains("line 1 column 2"), "{m}");

    let json = serde_json::to_string(&example(1)).expect("serialises");
    let m = malformed(&json.replace("\"batch_size\":2", "\"batch_size\":\"two\""));
    assert!(
        m.starts_with("malformed problem at programs[0].batch_size (id \"P1\"): invalid type"),
        "{m}"
    );

    let m = malformed(&json.replace("\"jp_cap\":10,", ""));
    assert!(
        m.starts_with("malformed problem at employees[1] (id \"E2\"): missing field `jp_cap`"),
        "{m}"
    );

    let m = malformed(&json.replace("\"open_to_all\":true", "\"open_to_al\":true"));
    assert!(m.contains("programs[2]"), "{m}");
    assert!(m.contains("unknown field `open_to_al`"), "{m}");

    let m = malformed(&json.replace("\"budget\":1", "\"budget\":1.5"));
    assert!(
        m.starts_with("malformed problem at budget: invalid type"),
        "{m}"
    );

    let m = malformed(&format!("{json} {{}}"));
    assert!(m.contains("trailing characters"), "{m}");

    let m = malformed("{\"format\": \"kompeten.plan-problem/v1\", \"budget\": 0}");
    assert!(m.contains("missing field `employees`"), "{m}");
}

// --------------------------------------------------------------- checker

#[test]
fn the_checker_computes_cost_and_value_by_hand() {
    let model = example(10_000_000).validate().expect("valid");
    let plan = ids(&[("E1", "P1"), ("E1", "P2"), ("E2", "P1"), ("E3", "P3")]);
    let ev = evaluate_ids(&model, &plan).expect("feasible");
    // E1: C1 min(2, 1+2)·1.5 = 3, C2 1·1 = 1, JP min(10, 24)·0.05 = 0.5.
    // E2: C1 1·2 = 2, JP need 0. E3: JP min(20, 10)·0.05 = 0.5.
    assert!((ev.value - 7.0).abs() < 1e-12, "{}", ev.value);
    // P1: one batch 2,000,000 + 2·1,000,000; P2: 500,000; P3: its batch 300,000.
    assert_eq!(ev.cost, 4_000_000 + 500_000 + 300_000);
    assert_eq!(ev.participants, vec![2, 1, 1]);
    assert_eq!(ev.batches, vec![1, 1, 1]);
    assert_eq!(ev.jp, vec![24, 8, 10]);
}

#[test]
fn the_checker_refuses_every_kind_of_violation() {
    let model = example(10_000_000).validate().expect("valid");
    let check = |plan: &[(&str, &str)]| evaluate_ids(&model, &ids(plan));
    assert!(matches!(
        check(&[("E2", "P2")]),
        Err(Violation::NotEligible { .. })
    ));
    assert!(matches!(
        check(&[("E3", "P1")]),
        Err(Violation::NotEligible { .. })
    ));
    assert!(matches!(
        check(&[("E1", "P2"), ("E1", "P2")]),
        Err(Violation::Repeated { .. })
    ));
    assert_eq!(
        check(&[("E2", "P1"), ("E2", "P3")]),
        Err(Violation::JpCap {
            employee: "E2".into(),
            jp: 18,
            cap: 10
        })
    );
    // Three participants need two batches of two; only one may run.
    let mut seats = example(10_000_000);
    seats.employees[2].gaps.push(Gap {
        competency: "C1".into(),
        gap: 1,
        weight: 1.0,
    });
    let seats = seats.validate().expect("valid");
    assert_eq!(
        evaluate_ids(&seats, &ids(&[("E1", "P1"), ("E2", "P1"), ("E3", "P1")])),
        Err(Violation::Seats {
            program: "P1".into(),
            participants: 3,
            batches: 2,
            max: 1
        })
    );
    let poor = example(4_000_000).validate().expect("valid");
    assert_eq!(
        evaluate_ids(&poor, &ids(&[("E1", "P1"), ("E2", "P1"), ("E3", "P3")])),
        Err(Violation::Budget {
            cost: 4_300_000,
            budget: 4_000_000
        })
    );
    assert!(matches!(
        check(&[("E9", "P1")]),
        Err(Violation::UnknownEmployee(_))
    ));
    assert!(check(&[]).is_ok_and(|ev| ev.value == 0.0 && ev.cost == 0));
}

#[test]
fn a_batch_cost_without_a_batch_size_is_paid_once() {
    let mut p = example(10_000_000);
    p.programs[2].cost_per_participant = 1_000;
    let model = p.validate().expect("valid");
    let ev = evaluate_ids(&model, &ids(&[("E1", "P3"), ("E2", "P3"), ("E3", "P3")]));
    // E1 and E2 would pass their caps? E1 10 ≤ 30, E2 10 ≤ 10, E3 10 ≤ 40.
    let ev = ev.expect("feasible");
    assert_eq!(ev.batches[2], 1);
    assert_eq!(ev.cost, 300_000 + 3 * 1_000);
}

// ---------------------------------------------------------------- solver

#[test]
fn the_example_is_solved_to_optimality() {
    let model = example(10_000_000).validate().expect("valid");
    let s = solve(&model, &Options::default());
    assert!((s.value() - 7.0).abs() < 1e-9, "{s:?}");
    assert!(s.bound >= s.value());
    assert!(s.bound < 7.0 + 1e-6, "the bound closes here: {}", s.bound);
    // E1 needs only P2; E2 P1 (a whole batch for one); E3 the e-learning.
    assert_eq!(s.assignments, vec![(0, 1), (1, 0), (2, 2)]);
    assert_eq!(s.evaluation.cost, 500_000 + 3_000_000 + 300_000);

    let answer = Answer::new(&model, &s);
    assert_eq!(answer.format, ANSWER_FORMAT);
    let a = &answer.assignments[1];
    assert_eq!((a.employee.as_str(), a.program.as_str()), ("E2", "P1"));
    assert_eq!(
        a.closes,
        vec![Closes {
            competency: "C1".into(),
            levels: 1
        }]
    );
    assert_eq!(a.cost, 3_000_000.0);
    assert_eq!(a.value_per_rupiah, Some(2.0 / 3_000_000.0));
    let sum: f64 = answer.assignments.iter().map(|a| a.value).sum();
    assert!((sum - answer.value).abs() < 1e-9);
    assert_eq!(answer.batches.len(), 3);
    assert!(
        answer
            .summary()
            .starts_with("value 7.0000, bound 7.0000, gap 0.00%")
    );
}

#[test]
fn a_tight_budget_picks_the_best_combination() {
    // 3,500,000: E1·P2 (4.5) + E2·P1 (2.0) beats E1·P2 + E3·P3 (5.0).
    let model = example(3_500_000).validate().expect("valid");
    let s = solve(&model, &Options::default());
    assert!((s.value() - 6.5).abs() < 1e-9, "{s:?}");
    assert_eq!(s.evaluation.cost, 3_500_000);
}

#[test]
fn one_dear_program_can_beat_two_cheap_ones() {
    // By value per rupiah P0 and P1 (2 for 1,000 each) come first and
    // leave too little for P2 (6 for 8,000), the better plan alone.
    let mut p2 = program("P2", 0, 5_000, 3_000, &[("C2", 2)]);
    p2.batch_size = None;
    let problem = Problem {
        format: PROBLEM_FORMAT.into(),
        budget: 8_000,
        jp_target: 20,
        jp_value: 0.05,
        employees: vec![employee(
            "E0",
            "U1",
            0,
            30,
            &[("C0", 2, 2.0), ("C2", 2, 3.0)],
        )],
        programs: vec![
            program("P0", 0, 1_000, 0, &[("C0", 1)]),
            program("P1", 0, 1_000, 0, &[("C0", 1)]),
            p2,
        ],
    };
    let model = problem.validate().expect("valid");
    let s = solve(&model, &Options::default());
    assert_eq!(s.assignments, vec![(0, 2)]);
    assert_eq!((s.value(), s.evaluation.cost), (6.0, 8_000));
}

#[test]
fn a_budget_too_small_for_anything_gives_an_empty_plan() {
    let model = example(100).validate().expect("valid");
    let s = solve(&model, &Options::default());
    assert!(s.assignments.is_empty());
    assert_eq!((s.value(), s.evaluation.cost), (0.0, 0));
    assert_eq!(
        s.bound, 0.0,
        "nothing is affordable, and the bound proves it"
    );
    assert_eq!(s.gap_pct(), 0.0);
}

#[test]
fn the_answer_explains_each_assignment_in_order() {
    let model = example(10_000_000).validate().expect("valid");
    let plan = vec![(0, 0), (0, 1)];
    let evaluation = evaluate(&model, &plan).expect("feasible");
    let s = Solution {
        assignments: plan,
        evaluation,
        bound: 10.0,
        rounds: 0,
        stopped: false,
    };
    let answer = Answer::new(&model, &s);
    let (a, b) = (&answer.assignments[0], &answer.assignments[1]);
    // P1 closes one C1 level and counts 8 JP: 1.5 + 0.4.
    assert!((a.value - 1.9).abs() < 1e-12);
    assert_eq!(a.jp_counted, 8);
    assert_eq!(a.cost, 1_000_000.0 + 2_000_000.0);
    // P2 closes the last C1 level and C2, and 2 more JP: 1.5 + 1 + 0.1.
    assert_eq!(
        b.closes,
        vec![
            Closes {
                competency: "C1".into(),
                levels: 1
            },
            Closes {
                competency: "C2".into(),
                levels: 1
            }
        ]
    );
    assert!((b.value - 2.6).abs() < 1e-12);
    assert_eq!(answer.gap_pct, (10.0 - 4.5) / 10.0 * 100.0);
}

#[test]
fn a_stop_signal_still_gives_a_feasible_plan_and_a_valid_bound() {
    let model = example(3_500_000).validate().expect("valid");
    let s = solve_until(&model, &Options::default(), &mut || true);
    assert!(s.stopped);
    assert!(evaluate(&model, &s.assignments).is_ok());
    assert!(s.bound >= 6.5 - 1e-9);
}

// ------------------------------------------------- brute force, properties

/// Small random problems: 3 competencies, 2 units, few records.
pub(super) fn small_problem(max_emp: usize, max_prog: usize) -> impl Strategy<Value = Problem> {
    sized_problem(1, max_emp, 1, max_prog)
}

/// Random problems with min..=max employees and programs.
fn sized_problem(
    min_emp: usize,
    max_emp: usize,
    min_prog: usize,
    max_prog: usize,
) -> impl Strategy<Value = Problem> {
    sized_problem_weighted(
        min_emp,
        max_emp,
        min_prog,
        max_prog,
        vec![0.5, 1.0, 2.0, 3.0],
    )
}

/// Random problems: 3 competencies, 2 units, min..=max employees and
/// programs, gap weights drawn from `weights`.
pub(super) fn sized_problem_weighted(
    min_emp: usize,
    max_emp: usize,
    min_prog: usize,
    max_prog: usize,
    weights: Vec<f64>,
) -> impl Strategy<Value = Problem> {
    let comps = ["C0", "C1", "C2"];
    let gap = (0usize..3, 1i64..4, prop::sample::select(weights));
    let emp = (
        0usize..2,
        0i64..30,
        prop::sample::select(vec![0i64, 10, 20, 30, 60]),
        prop::collection::vec(gap, 0..4),
    );
    let prog = (
        prop::sample::select(vec![0i64, 4, 8, 16, 24]),
        0i64..6,
        prop::sample::select(vec![0i64, 0, 3, 10]),
        prop::option::of(1i64..4),
        prop::option::of(0i64..3),
        prop::collection::vec((0usize..3, 1i64..3), 0..4),
        any::<bool>(),
        prop::option::weighted(0.25, prop::collection::vec(0usize..2, 0..2)),
    );
    (
        0i64..40,
        prop::collection::vec(emp, min_emp..=max_emp),
        prop::collection::vec(prog, min_prog..=max_prog),
    )
        .prop_map(move |(budget, emps, progs)| Problem {
            format: PROBLEM_FORMAT.into(),
            budget: budget * 1000,
            jp_target: 20,
            jp_value: 0.05,
            employees: emps
                .into_iter()
                .enumerate()
                .map(|(i, (unit, jp_done, jp_cap, gaps))| {
                    let mut seen = Vec::new();
                    Employee {
                        id: format!("E{i}"),
                        unit: format!("U{unit}"),
                        jp_done,
                        jp_cap,
                        gaps: gaps
                            .into_iter()
                            .filter(|&(c, _, _)| {
                                let new = !seen.contains(&c);
                                seen.push(c);
                                new
                            })
                            .map(|(c, gap, weight)| Gap {
                                competency: comps[c].into(),
                                gap,
                                weight,
                            })
                            .collect(),
                    }
                })
                .collect(),
            programs: progs
                .into_iter()
                .enumerate()
                .map(|(i, (jp, cpp, bc, bs, mb, covers, open, units))| {
                    let mut seen = Vec::new();
                    Program {
                        id: format!("P{i}"),
                        jp,
                        cost_per_participant: cpp * 1000,
                        batch_cost: bc * 1000,
                        batch_size: bs,
                        max_batches: mb,
                        covers: covers
                            .into_iter()
                            .filter(|&(c, _)| {
                                let new = !seen.contains(&c);
                                seen.push(c);
                                new
                            })
                            .map(|(c, levels)| Cover {
                                competency: comps[c].into(),
                                levels,
                            })
                            .collect(),
                        open_to_all: open,
                        eligible_units: units
                            .map(|u| u.into_iter().map(|u| format!("U{u}")).collect()),
                    }
                })
                .collect(),
        })
}

/// Every eligible pair, from the rules rather than the model's index.
fn eligible_pairs(model: &Model) -> Vec<(usize, usize)> {
    let mut pairs = Vec::new();
    for e in 0..model.employees.len() {
        for p in 0..model.programs.len() {
            if is_eligible(model, e, p) {
                pairs.push((e, p));
            }
        }
    }
    pairs
}

/// The best value over all subsets of eligible pairs.
fn brute_force(model: &Model) -> f64 {
    let pairs = eligible_pairs(model);
    let mut best = 0.0f64;
    for mask in 0u32..(1 << pairs.len()) {
        let plan: Vec<_> = (0..pairs.len())
            .filter(|i| mask >> i & 1 == 1)
            .map(|i| pairs[i])
            .collect();
        if let Ok(ev) = evaluate(model, &plan) {
            best = best.max(ev.value);
        }
    }
    best
}

fn small_options() -> Options {
    Options {
        rounds: 60,
        ..Options::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn brute_force_agrees_on_small_instances(problem in sized_problem(2, 3, 3, 4)) {
        let model = problem.validate().expect("generated problems are valid");
        // At most 3 × 4 = 12 pairs: 4,096 plans.
        let best = brute_force(&model);
        let s = solve(&model, &small_options());
        let ev = evaluate(&model, &s.assignments).expect("the plan is feasible");
        prop_assert!((ev.value - s.value()).abs() < 1e-9);
        prop_assert!(s.value() <= best + 1e-9, "value {} above the optimum {}", s.value(), best);
        prop_assert!(s.bound >= best - 1e-9, "bound {} below the optimum {}", s.bound, best);
        // How close the heuristic gets: the fixed-seed test below.
    }

    #[test]
    fn plans_are_feasible_bounded_and_deterministic(problem in small_problem(12, 8)) {
        let model = problem.validate().expect("valid");
        let s = solve(&model, &small_options());
        // The checker refuses any plan over budget, seats or JP caps, or
        // with an ineligible or repeated pair.
        let ev = evaluate(&model, &s.assignments).expect("the plan is feasible");
        prop_assert!(ev.cost <= model.budget);
        for &(e, p) in &s.assignments {
            prop_assert!(is_eligible(&model, e, p));
        }
        for (p, prog) in model.programs.iter().enumerate() {
            if let Some(seats) = prog.seats() {
                prop_assert!(ev.participants[p] <= seats);
            }
        }
        for (e, emp) in model.employees.iter().enumerate() {
            prop_assert!(ev.jp[e] <= emp.jp_cap);
        }
        prop_assert!(s.bound >= s.value());
        let again = solve(&model, &small_options());
        prop_assert_eq!(&again, &s);
        prop_assert_eq!(Answer::new(&model, &again).to_json(), Answer::new(&model, &s).to_json());
    }

    #[test]
    fn no_feasible_plan_beats_the_bound(problem in small_problem(12, 8), picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40)) {
        let model = problem.validate().expect("valid");
        let s = solve(&model, &small_options());
        let pairs = eligible_pairs(&model);
        prop_assume!(!pairs.is_empty());
        // A random plan, kept feasible pick by pick.
        let mut plan: Vec<(usize, usize)> = Vec::new();
        for pick in picks {
            let pair = pairs[pick.index(pairs.len())];
            if plan.contains(&pair) {
                continue;
            }
            plan.push(pair);
            if evaluate(&model, &plan).is_err() {
                plan.pop();
            }
        }
        let ev = evaluate(&model, &plan).expect("kept feasible");
        prop_assert!(ev.value <= s.bound + 1e-9, "plan value {} above bound {}", ev.value, s.bound);
    }
}

/// How often the heuristic misses the optimum on small instances (stated
/// in docs/PLANNING.md): a deterministic sample, counted.
#[test]
fn the_heuristic_rarely_misses_on_small_instances() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, RngAlgorithm, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::from_seed(RngAlgorithm::ChaCha, &[7; 32]),
    );
    let strategy = sized_problem(3, 3, 4, 4);
    let (mut tried, mut missed, mut worst) = (0, 0, 1.0f64);
    let mut pairs_seen = 0;
    while tried < 300 {
        let problem = strategy.new_tree(&mut runner).expect("tree").current();
        let model = problem.validate().expect("valid");
        tried += 1;
        pairs_seen += eligible_pairs(&model).len();
        let best = brute_force(&model);
        let s = solve(&model, &small_options());
        if s.value() < best - 1e-9 {
            missed += 1;
            worst = worst.min(s.value() / best);
        }
    }
    eprintln!(
        "missed {missed} of {tried}, worst ratio {worst:.3}, {:.1} pairs on average",
        pairs_seen as f64 / tried as f64
    );
    // Measured: none of 300 missed (2, the worse at 80.6 % of the optimum,
    // before the local search had exchanges between programs).
    assert!(missed * 100 <= tried, "missed {missed} of {tried}");
    assert!(worst >= 0.9, "worst ratio {worst}");
}

// ------------------------------------------------------------------- MPS

/// A free-MPS reader just big enough for [`write_mps`]'s output.
struct Mip {
    rows: std::collections::BTreeMap<String, char>,
    columns: std::collections::BTreeMap<String, Vec<(String, f64)>>,
    rhs: std::collections::BTreeMap<String, f64>,
    /// (lower, upper)
    bounds: std::collections::BTreeMap<String, (f64, f64)>,
}

impl Mip {
    fn read(text: &str) -> Mip {
        let mut mip = Mip {
            rows: Default::default(),
            columns: Default::default(),
            rhs: Default::default(),
            bounds: Default::default(),
        };
        let mut section = "";
        for line in text.lines() {
            if !line.starts_with(' ') {
                section = line.split_whitespace().next().expect("section");
                continue;
            }
            let f: Vec<&str> = line.split_whitespace().collect();
            let num = |s: &str| s.parse::<f64>().expect("number");
            match section {
                "ROWS" => {
                    mip.rows
                        .insert(f[1].into(), f[0].chars().next().expect("type"));
                }
                "COLUMNS" if f[0] == "MARKER" => {}
                "COLUMNS" => {
                    for pair in f[1..].chunks(2) {
                        assert!(mip.rows.contains_key(pair[0]), "unknown row {}", pair[0]);
                        mip.columns
                            .entry(f[0].into())
                            .or_default()
                            .push((pair[0].into(), num(pair[1])));
                    }
                }
                "RHS" => {
                    mip.rhs.insert(f[1].into(), num(f[2]));
                }
                "BOUNDS" => {
                    assert!(mip.columns.contains_key(f[2]), "unknown column {}", f[2]);
                    let b = mip
                        .bounds
                        .entry(f[2].into())
                        .or_insert((0.0, f64::INFINITY));
                    match f[0] {
                        "BV" => *b = (0.0, 1.0),
                        "UP" => b.1 = num(f[3]),
                        other => panic!("bound type {other}"),
                    }
                }
                other => panic!("section {other}"),
            }
        }
        mip
    }

    /// The objective if `values` (missing columns: 0) is feasible.
    fn objective(&self, values: &std::collections::BTreeMap<String, f64>) -> Option<f64> {
        let mut activity: std::collections::BTreeMap<&str, f64> = Default::default();
        for (column, entries) in &self.columns {
            let v = values.get(column).copied().unwrap_or(0.0);
            let (lo, up) = self
                .bounds
                .get(column)
                .copied()
                .unwrap_or((0.0, f64::INFINITY));
            if v < lo - 1e-9 || v > up + 1e-9 {
                return None;
            }
            for (row, coef) in entries {
                *activity.entry(row).or_default() += coef * v;
            }
        }
        for (row, kind) in &self.rows {
            let a = activity.get(row.as_str()).copied().unwrap_or(0.0);
            let rhs = self.rhs.get(row).copied().unwrap_or(0.0);
            if *kind == 'L' && a > rhs + 1e-6 {
                return None;
            }
        }
        Some(activity.get("OBJ").copied().unwrap_or(0.0))
    }
}

/// The MIP's best completion of a choice of x: fewest batches, most credit.
fn completion(model: &Model, plan: &[usize]) -> std::collections::BTreeMap<String, f64> {
    let mut values = std::collections::BTreeMap::new();
    let mut n = vec![0u64; model.programs.len()];
    let mut raised: Vec<Vec<u64>> = model
        .employees
        .iter()
        .map(|e| vec![0; e.gaps.len()])
        .collect();
    let mut jp = vec![0u64; model.employees.len()];
    for &pair in plan {
        values.insert(format!("x{pair}"), 1.0);
        let (e, p) = (model.pair_employee(pair), model.pair_program(pair));
        n[p] += 1;
        jp[e] += model.programs[p].jp;
        for &(c, levels) in &model.programs[p].covers {
            if let Some(g) = model.employees[e].gaps.iter().position(|g| g.0 == c) {
                raised[e][g] += u64::from(levels);
            }
        }
    }
    for (p, prog) in model.programs.iter().enumerate() {
        values.insert(format!("k{p}"), prog.batches_for(n[p]) as f64);
    }
    for (e, emp) in model.employees.iter().enumerate() {
        for (g, &(_, gap, _)) in emp.gaps.iter().enumerate() {
            values.insert(format!("z{e}_{g}"), raised[e][g].min(u64::from(gap)) as f64);
        }
        values.insert(format!("j{e}"), jp[e].min(emp.jp_need) as f64);
    }
    values
}

#[test]
fn the_mps_model_has_the_same_plans_and_values() {
    let model = example(3_500_000).validate().expect("valid");
    let mps = write_mps(&model);
    assert!(mps.starts_with("NAME kompeten-plan\nROWS\n N OBJ\n L BUDGET\n"));
    assert!(mps.ends_with("ENDATA\n"));
    let mip = Mip::read(&mps);
    let pairs = model.pair_count();
    for mask in 0u32..(1 << pairs) {
        let plan: Vec<usize> = (0..pairs).filter(|i| mask >> i & 1 == 1).collect();
        let ids: Vec<(usize, usize)> = plan
            .iter()
            .map(|&pair| (model.pair_employee(pair), model.pair_program(pair)))
            .collect();
        let ours = evaluate(&model, &ids).ok().map(|ev| ev.value);
        let theirs = mip.objective(&completion(&model, &plan)).map(|o| -o);
        match (ours, theirs) {
            (Some(a), Some(b)) => assert!((a - b).abs() < 1e-9, "{plan:?}: {a} vs {b}"),
            (None, None) => {}
            other => panic!("{plan:?}: checker and MIP disagree: {other:?}"),
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(100))]

    #[test]
    fn the_mps_model_agrees_with_the_checker(problem in small_problem(4, 4)) {
        let model = problem.validate().expect("valid");
        prop_assume!(model.pair_count() <= 10);
        let mip = Mip::read(&write_mps(&model));
        for mask in 0u32..(1 << model.pair_count()) {
            let plan: Vec<usize> = (0..model.pair_count()).filter(|i| mask >> i & 1 == 1).collect();
            let ids: Vec<(usize, usize)> = plan
                .iter()
                .map(|&pair| (model.pair_employee(pair), model.pair_program(pair)))
                .collect();
            let ours = evaluate(&model, &ids).ok().map(|ev| ev.value);
            let theirs = mip.objective(&completion(&model, &plan)).map(|o| -o);
            match (ours, theirs) {
                (Some(a), Some(b)) => prop_assert!((a - b).abs() < 1e-9),
                (None, None) => {}
                other => prop_assert!(false, "{:?}: checker and MIP disagree: {:?}", plan, other),
            }
        }
    }
}

// ------------------------------------------------------------- generator

#[test]
fn generated_problems_are_valid_and_the_same_for_a_seed() {
    let scale = Scale {
        employees: 300,
        programs: 20,
    };
    let a = generate(scale, 7);
    assert_eq!(a, generate(scale, 7));
    assert_ne!(a, generate(scale, 8));
    assert_eq!((a.employees.len(), a.programs.len()), (300, 20));
    assert_eq!(a.budget, 300 * 400_000);
    let model = a.validate().expect("valid");
    assert!(model.pair_count() > 300, "{}", model.pair_count());
    let s = solve(&model, &Options::default());
    let ev = evaluate(&model, &s.assignments).expect("feasible");
    assert!(ev.cost <= model.budget);
    assert!(s.bound >= s.value() && s.value() > 0.0);
    // A certified gap under the issue's 5 % (2.8 % here: at this small
    // scale whole batches weigh more).
    assert!(s.gap_pct() < 5.0, "gap {}", s.gap_pct());
}

#[test]
fn a_gap_target_stops_early_with_the_gap_it_promised() {
    let scale = Scale {
        employees: 400,
        programs: 25,
    };
    let model = generate(scale, 3).validate().expect("valid");
    let full = solve(&model, &Options::default());
    let loose = Options {
        target_gap_pct: 5.0,
        ..Options::default()
    };
    let early = solve(&model, &loose);
    assert!(
        early.rounds < full.rounds,
        "{} vs {}",
        early.rounds,
        full.rounds
    );
    assert!(early.gap_pct() <= 5.0, "{}", early.gap_pct());
    assert!(early.bound >= full.value() - 1e-6, "still a valid bound");
    assert!(evaluate(&model, &early.assignments).is_ok());
    assert_eq!(early, solve(&model, &loose), "deterministic");
}
