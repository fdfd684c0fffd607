//! Maybe-parallel batch helpers shared by every batch call.
//!
//! Parallelism lives in the core with an off switch, as in tokenizers:
//!
//! * `FURAT_NUM_THREADS=N` caps the worker threads of every batch call
//!   (`1` runs batches on the calling thread); `RAYON_NUM_THREADS` is honoured
//!   when `FURAT_NUM_THREADS` is unset;
//! * a per-call `threads` argument overrides both;
//! * [`disable_after_fork`] is called by the Python layer in a forked child,
//!   where rayon's global pool would deadlock.
//!
//! Results always come back in input order.

use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, LazyLock, Mutex};

/// The environment variable that caps batch threads.
pub const THREADS_ENV: &str = "FURAT_NUM_THREADS";

static FORKED: AtomicBool = AtomicBool::new(false);

/// Turns parallelism off for the rest of this process (a forked child).
pub fn disable_after_fork() {
    FORKED.store(true, Ordering::SeqCst);
}

/// The number of threads a batch call uses when the caller asks for none.
pub fn default_threads() -> usize {
    if FORKED.load(Ordering::Relaxed) {
        return 1;
    }
    for var in [THREADS_ENV, "RAYON_NUM_THREADS"] {
        if let Some(n) = std::env::var(var)
            .ok()
            .and_then(|v| v.trim().parse::<usize>().ok())
        {
            if n > 0 {
                return n;
            }
        }
    }
    std::thread::available_parallelism().map_or(1, |n| n.get())
}

/// Pools by size, built on first use and kept: building a pool costs far more
/// than a small batch.
static POOLS: LazyLock<Mutex<HashMap<usize, Arc<rayon::ThreadPool>>>> =
    LazyLock::new(|| Mutex::new(HashMap::new()));

fn pool(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    let mut pools = POOLS.lock().unwrap_or_else(|e| e.into_inner());
    if let Some(p) = pools.get(&threads) {
        return Some(Arc::clone(p));
    }
    let built = rayon::ThreadPoolBuilder::new()
        .num_threads(threads)
        .thread_name(|i| format!("furat-{i}"))
        .build()
        .ok()?;
    let built = Arc::new(built);
    pools.insert(threads, Arc::clone(&built));
    Some(built)
}

/// The shared pool of `threads` workers (built on first use), for callers
/// that schedule their own work on it, like the Python layer's pipelined
/// batches. `None` if the pool cannot be built.
pub fn thread_pool(threads: usize) -> Option<Arc<rayon::ThreadPool>> {
    pool(threads.max(1))
}

/// Resolves a caller's thread request: `None` or `0` means the default.
pub fn resolve_threads(requested: Option<usize>) -> usize {
    match requested {
        Some(n) if n > 0 && !FORKED.load(Ordering::Relaxed) => n,
        Some(_) if FORKED.load(Ordering::Relaxed) => 1,
        _ => default_threads(),
    }
}

/// Maps `f` over `items`, in parallel when `threads > 1` and there is more
/// than one item, keeping input order.
pub fn map<T, R, F>(items: &[T], threads: usize, f: F) -> Vec<R>
where
    T: Sync,
    R: Send,
    F: Fn(&T) -> R + Sync + Send,
{
    if threads <= 1 || items.len() <= 1 {
        return items.iter().map(f).collect();
    }
    match pool(threads) {
        Some(p) => p.install(|| items.par_iter().with_min_len(1).map(&f).collect()),
        None => items.iter().map(f).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_in_parallel() {
        let items: Vec<usize> = (0..10_000).collect();
        let out = map(&items, 4, |x| x * 2);
        assert_eq!(out, items.iter().map(|x| x * 2).collect::<Vec<_>>());
    }

    #[test]
    fn single_thread_and_empty() {
        let empty: Vec<u8> = vec![];
        assert!(map(&empty, 4, |x| *x).is_empty());
        assert_eq!(map(&[1, 2, 3], 1, |x| x + 1), vec![2, 3, 4]);
    }

    #[test]
    fn resolve_threads_defaults() {
        assert!(resolve_threads(None) >= 1);
        assert_eq!(resolve_threads(Some(3)), 3);
        assert!(resolve_threads(Some(0)) >= 1);
    }
}
