//! The local-search moves: each finds the improvement it exists for, and
//! none ever breaks a plan or loses value.

use super::cycles::cycle_pass;
use super::moves::{exchange_pass, insert_pass, refill_pass};
use super::primal::{State, drop_batch_pass, greedy, swap_pass};
use super::tests::{employee, program, small_problem};
use super::*;
use proptest::prelude::*;

const JUTA: i64 = 1_000_000;

fn problem(budget: i64, employees: Vec<Employee>, programs: Vec<Program>) -> Model {
    Problem {
        format: PROBLEM_FORMAT.into(),
        budget,
        jp_target: 20,
        jp_value: 0.05,
        employees,
        programs,
    }
    .validate()
    .expect("a valid problem")
}

/// A plan of the given (employee, program) ids.
fn plan<'m>(model: &'m Model, pairs: &[(&str, &str)]) -> State<'m> {
    let mut s = State::new(model);
    for &(e, p) in pairs {
        let e = model.employee_index(e).expect("employee");
        let p = model.program_index(p).expect("program");
        s.add(model.pair(e, p).expect("eligible"));
    }
    s
}

fn ids(model: &Model, s: &State<'_>) -> Vec<(String, String)> {
    s.assignments()
        .into_iter()
        .map(|(e, p)| (model.employees[e].id.clone(), model.programs[p].id.clone()))
        .collect()
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|&(e, p)| (e.to_owned(), p.to_owned()))
        .collect()
}

#[test]
fn an_exchange_moves_the_money_to_a_better_program() {
    let model = problem(
        JUTA,
        vec![
            employee("E1", "U", 20, 40, &[("C1", 1, 1.0)]),
            employee("E2", "U", 20, 40, &[("C2", 1, 2.0)]),
        ],
        vec![
            program("PA", 0, JUTA, 0, &[("C1", 1)]),
            program("PB", 0, JUTA, 0, &[("C2", 1)]),
        ],
    );
    let mut s = plan(&model, &[("E1", "PA")]);
    assert!(exchange_pass(&mut s, &mut 0, u64::MAX));
    assert_eq!(ids(&model, &s), pairs(&[("E2", "PB")]));
    assert_eq!(s.value, 2.0);
}

#[test]
fn a_refill_spends_a_poor_batch_on_several_programs() {
    let model = problem(
        2 * JUTA,
        vec![
            employee("E1", "U", 20, 40, &[("C1", 1, 1.0)]),
            employee("E2", "U", 20, 40, &[("C2", 1, 1.0)]),
            employee("E3", "U", 20, 40, &[("C3", 1, 1.0)]),
        ],
        vec![
            program("PA", 0, 0, 2 * JUTA, &[("C1", 1)]),
            program("PB", 0, JUTA, 0, &[("C2", 1)]),
            program("PC", 0, JUTA, 0, &[("C3", 1)]),
        ],
    );
    let mut s = plan(&model, &[("E1", "PA")]);
    // One program alone is worth no more than the batch.
    assert!(!exchange_pass(&mut s.clone(), &mut 0, u64::MAX));
    assert!(refill_pass(&mut s, &mut 0, u64::MAX));
    assert_eq!(ids(&model, &s), pairs(&[("E2", "PB"), ("E3", "PC")]));
    assert_eq!(s.value, 2.0);
}

#[test]
fn an_insert_opens_a_batch_paid_for_by_two_programs() {
    let mut px = program("PX", 0, 0, 2 * JUTA, &[("C1", 1)]);
    px.batch_size = Some(3);
    let model = problem(
        2 * JUTA,
        vec![
            employee("E1", "U", 20, 40, &[("C1", 1, 1.0)]),
            employee("E2", "U", 20, 40, &[("C1", 1, 1.0)]),
            employee("E3", "U", 20, 40, &[("C1", 1, 1.0)]),
            employee("E4", "U", 20, 40, &[("C2", 1, 1.0)]),
            employee("E5", "U", 20, 40, &[("C3", 1, 1.0)]),
        ],
        vec![
            px,
            program("PA", 0, JUTA, 0, &[("C2", 1)]),
            program("PB", 0, JUTA, 0, &[("C3", 1)]),
        ],
    );
    let mut s = plan(&model, &[("E4", "PA"), ("E5", "PB")]);
    // Neither program alone frees enough, and neither has a batch to drop.
    assert!(!exchange_pass(&mut s.clone(), &mut 0, u64::MAX));
    assert!(!refill_pass(&mut s.clone(), &mut 0, u64::MAX));
    assert!(insert_pass(&mut s, &mut 0, u64::MAX));
    assert_eq!(
        ids(&model, &s),
        pairs(&[("E1", "PX"), ("E2", "PX"), ("E3", "PX")])
    );
    assert_eq!(s.value, 3.0);
}

#[test]
fn an_exchange_within_a_full_program_swaps_in_a_better_candidate() {
    let mut pa = program("PA", 0, JUTA, 0, &[("C1", 1)]);
    pa.batch_size = Some(1);
    pa.max_batches = Some(1);
    let model = problem(
        10 * JUTA,
        vec![
            employee("E1", "U", 20, 40, &[("C1", 1, 1.0)]),
            employee("E2", "U", 20, 40, &[("C1", 1, 3.0)]),
        ],
        vec![pa],
    );
    let mut s = plan(&model, &[("E1", "PA")]);
    assert!(exchange_pass(&mut s, &mut 0, u64::MAX));
    assert_eq!(ids(&model, &s), pairs(&[("E2", "PA")]));
}

/// A program of one seat at 1 juta, 10 JP, raising `competency` one level.
fn one_seat(id: &str, competency: &str) -> Program {
    let mut p = program(id, 10, JUTA, 0, &[(competency, 1)]);
    p.batch_size = Some(1);
    p.max_batches = Some(1);
    p
}

/// Whether any pass other than the cycles improves a copy of `s`.
fn other_passes_improve(s: &State<'_>) -> bool {
    let passes: [fn(&mut State<'_>) -> bool; 5] = [
        |s| exchange_pass(s, &mut 0, u64::MAX),
        |s| insert_pass(s, &mut 0, u64::MAX),
        |s| refill_pass(s, &mut 0, u64::MAX),
        |s| swap_pass(s, &mut 0),
        |s| drop_batch_pass(s, &mut 0, u64::MAX),
    ];
    passes.iter().any(|pass| {
        let mut copy = s.clone();
        let improved = pass(&mut copy);
        greedy(&mut copy, None);
        improved || copy.value > s.value + 1e-9
    })
}

/// Each employee holds one full program and would do better in the next
/// one; the JP cap allows one program each. Only all three moving at once
/// helps.
fn three_in_a_ring() -> Model {
    problem(
        3 * JUTA,
        vec![
            employee("E1", "U", 20, 10, &[("CA", 1, 1.0), ("CB", 1, 2.0)]),
            employee("E2", "U", 20, 10, &[("CB", 1, 1.0), ("CC", 1, 2.0)]),
            employee("E3", "U", 20, 10, &[("CC", 1, 1.0), ("CA", 1, 2.0)]),
        ],
        vec![
            one_seat("PA", "CA"),
            one_seat("PB", "CB"),
            one_seat("PC", "CC"),
        ],
    )
}

#[test]
fn a_cycle_of_three_moves_reshuffles_full_programs() {
    let model = three_in_a_ring();
    let mut s = plan(&model, &[("E1", "PA"), ("E2", "PB"), ("E3", "PC")]);
    assert!(!other_passes_improve(&s));
    assert!(cycle_pass(&mut s, 0.0, &mut 0, u64::MAX));
    assert_eq!(
        ids(&model, &s),
        pairs(&[("E1", "PB"), ("E2", "PC"), ("E3", "PA")])
    );
    assert_eq!(s.value, 6.0);
    assert_eq!(s.cost, 3 * JUTA as u128);
}

#[test]
fn a_path_of_moves_ends_in_a_seat_the_budget_still_pays_for() {
    // E2 gains nothing by moving from PB to the empty PC, but it frees PB
    // for E1, whose move frees PA: PA empties, PC fills, the cost stays
    // (the budget is spent, so no seat can be added on its own).
    let model = problem(
        2 * JUTA,
        vec![
            employee("E1", "U", 20, 10, &[("CA", 1, 1.0), ("CB", 1, 2.0)]),
            employee("E2", "U", 20, 10, &[("CB", 1, 1.0), ("CC", 1, 1.0)]),
        ],
        vec![
            one_seat("PA", "CA"),
            one_seat("PB", "CB"),
            one_seat("PC", "CC"),
        ],
    );
    let mut s = plan(&model, &[("E1", "PA"), ("E2", "PB")]);
    assert!(!other_passes_improve(&s));
    assert!(cycle_pass(&mut s, 0.0, &mut 0, u64::MAX));
    assert_eq!(ids(&model, &s), pairs(&[("E1", "PB"), ("E2", "PC")]));
    assert_eq!(s.value, 3.0);
}

#[test]
fn a_move_into_a_full_jp_cap_gives_up_free_programs() {
    // E2 wants the one seat of PA but its JP cap is spent on a free
    // e-learning; giving that up and taking E1's seat is worth it.
    let model = problem(
        JUTA,
        vec![
            employee("E1", "U", 20, 10, &[("CA", 1, 1.0)]),
            employee("E2", "U", 20, 10, &[("CA", 1, 3.0), ("CE", 1, 0.5)]),
        ],
        vec![one_seat("PA", "CA"), program("EL", 10, 0, 0, &[("CE", 1)])],
    );
    let mut s = plan(&model, &[("E1", "PA"), ("E2", "EL")]);
    assert!(!other_passes_improve(&s));
    assert!(cycle_pass(&mut s, 0.0, &mut 0, u64::MAX));
    assert_eq!(ids(&model, &s), pairs(&[("E2", "PA")]));
    assert_eq!(s.value, 3.0);
}

#[test]
fn cycles_stop_at_their_work_limit() {
    let model = three_in_a_ring();
    let mut s = plan(&model, &[("E1", "PA"), ("E2", "PB"), ("E3", "PC")]);
    let before = s.chosen.clone();
    assert!(!cycle_pass(&mut s, 0.0, &mut 0, 1));
    assert_eq!(s.chosen, before);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn no_move_breaks_a_plan_or_loses_value(
        problem in small_problem(12, 8),
        picks in prop::collection::vec(any::<prop::sample::Index>(), 0..40),
        from_greedy in any::<bool>(),
    ) {
        let model = problem.validate().expect("valid");
        let mut s = State::new(&model);
        if from_greedy {
            greedy(&mut s, None);
        } else if model.pair_count() > 0 {
            // A random feasible plan, pick by pick.
            for pick in picks {
                let pair = pick.index(model.pair_count());
                let p = model.pair_program(pair);
                if s.gain(pair).is_some()
                    && s.extra_cost(p, 1).is_some_and(|c| c <= s.remaining())
                {
                    s.add(pair);
                }
            }
        }
        for step in 0..12 {
            let before = s.value;
            let better = match step % 6 {
                0 => exchange_pass(&mut s, &mut 0, u64::MAX),
                1 => insert_pass(&mut s, &mut 0, u64::MAX),
                2 => refill_pass(&mut s, &mut 0, u64::MAX),
                3 => swap_pass(&mut s, &mut 0),
                4 => cycle_pass(&mut s, 0.0, &mut 0, u64::MAX),
                _ => drop_batch_pass(&mut s, &mut 0, u64::MAX),
            };
            // The checker refuses any plan over budget, seats or JP caps.
            let ev = evaluate(&model, &s.assignments()).expect("still feasible");
            prop_assert!((ev.value - s.value).abs() < 1e-6, "state {} checker {}", s.value, ev.value);
            prop_assert_eq!(u128::from(ev.cost), s.cost);
            prop_assert!(s.value >= before - 1e-9, "step {} lost value: {} to {}", step, before, s.value);
            prop_assert_eq!(better, s.value > before + 1e-9 * (1.0 + before.abs()));
        }
    }
}
