//! Independent pieces of work on scoped threads, with their results in
//! the pieces' order, so the thread count never changes an answer.

/// `run(i, &mut states[i])` for every i, the pieces dealt round-robin to
/// at most `threads` threads; the results come back in index order. With
/// one thread (or one piece) it runs on the caller's thread.
pub(crate) fn in_order<S, T>(
    states: &mut [S],
    threads: usize,
    run: impl Fn(usize, &mut S) -> T + Sync,
) -> Vec<T>
where
    S: Send,
    T: Send,
{
    let threads = threads.min(states.len());
    if threads <= 1 {
        return states
            .iter_mut()
            .enumerate()
            .map(|(i, state)| run(i, state))
            .collect();
    }
    let mut per_thread: Vec<Vec<(usize, &mut S)>> = (0..threads).map(|_| Vec::new()).collect();
    for (i, state) in states.iter_mut().enumerate() {
        per_thread[i % threads].push((i, state));
    }
    let mut results: Vec<Option<T>> = per_thread
        .iter()
        .flat_map(|w| w.iter().map(|_| None))
        .collect();
    let run = &run;
    std::thread::scope(|s| {
        let handles: Vec<_> = per_thread
            .into_iter()
            .map(|work| {
                s.spawn(move || {
                    work.into_iter()
                        .map(|(i, state)| (i, run(i, state)))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        for h in handles {
            // A panic in a worker is a bug; re-raise it here.
            for (i, result) in h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)) {
                results[i] = Some(result);
            }
        }
    });
    results.into_iter().flatten().collect()
}

#[cfg(test)]
mod tests {
    use super::in_order;

    #[test]
    fn results_come_back_in_order_whatever_the_thread_count() {
        for threads in [1, 2, 3, 8, 40] {
            let mut states: Vec<u64> = (0..17).collect();
            let out = in_order(&mut states, threads, |i, state| {
                *state += 100;
                (i, *state)
            });
            let expected: Vec<(usize, u64)> = (0..17).map(|i| (i, i as u64 + 100)).collect();
            assert_eq!(out, expected, "{threads} threads");
            assert_eq!(states, (100..117).collect::<Vec<u64>>());
        }
    }
}
