//! Pipelined batch calls: while workers run the work of chunk *k+1*, the
//! calling thread prepares the inputs of later chunks and turns the results
//! of chunk *k* into Python objects.
//!
//! A batch has a serial part no worker can take over: reading the input
//! objects and building the result objects need the GIL. Run in phases
//! (read all, work, build all), that part caps what a second core can add
//! well below 2x. Here the calling thread, holding the GIL, prepares chunks
//! a few ahead of the workers and converts finished chunks in order; when it
//! has neither to do, it takes a chunk of the work itself, with the GIL
//! released, rather than wait. With `threads` = N there are N - 1 pool
//! workers plus the caller: never more busy threads than asked for.
//!
//! Workers never touch Python: they read prepared inputs and return plain
//! Rust values. Inputs may borrow from Python objects that the caller keeps
//! alive (the `K` values) until their chunk is consumed; the scope joins
//! every worker before `pipeline` returns, also on error. Results are
//! consumed in input order; Ctrl-C is checked after every chunk; a panic in
//! a worker becomes a Python exception, never a hang.

use super::text::{StrSeq, Units, units_unbound};
use pyo3::exceptions::PyRuntimeError;
use pyo3::ffi;
use pyo3::prelude::*;
use std::panic::{AssertUnwindSafe, catch_unwind};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Condvar, Mutex, OnceLock};

/// Chunks the pipeline may hold prepared or finished but not yet consumed,
/// per thread: bounds the memory of a batch, whatever its length (a few MB
/// of output). Generous on purpose: when the worker holding the next chunk
/// to convert is preempted (a busy machine), the calling thread works on
/// later chunks instead of waiting for it.
const WINDOW_PER_THREAD: usize = 32;

type Done<R> = Option<std::thread::Result<R>>;

struct Shared<I, R> {
    inputs: Vec<OnceLock<Vec<I>>>,
    results: Vec<Mutex<Done<R>>>,
    /// Chunks prepared (their inputs set), claimed, consumed: in that order.
    prepared: AtomicUsize,
    next_claim: AtomicUsize,
    consumed: AtomicUsize,
    abort: AtomicBool,
    /// Signalled whenever one of the counters moves or a result lands.
    changed: Condvar,
    lock: Mutex<()>,
}

impl<I, R> Shared<I, R> {
    fn nchunks(&self) -> usize {
        self.results.len()
    }

    /// Claims the next prepared chunk, if any.
    fn try_claim(&self) -> Option<usize> {
        let mut k = self.next_claim.load(Ordering::Acquire);
        loop {
            if k >= self.prepared.load(Ordering::Acquire) {
                return None;
            }
            match self.next_claim.compare_exchange_weak(
                k,
                k + 1,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return Some(k),
                Err(now) => k = now,
            }
        }
    }

    fn claimable(&self) -> bool {
        self.next_claim.load(Ordering::Acquire) < self.prepared.load(Ordering::Acquire)
    }

    /// Every chunk claimed, or the batch abandoned: workers may leave.
    fn finished(&self) -> bool {
        self.abort.load(Ordering::Acquire)
            || self.next_claim.load(Ordering::Acquire) >= self.nchunks()
    }

    fn notify(&self) {
        let _g = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        self.changed.notify_all();
    }

    /// Blocks until `cond` holds; every change is notified under `lock`, so
    /// no wake-up is lost.
    fn wait_until(&self, cond: impl Fn() -> bool) {
        let mut g = self.lock.lock().unwrap_or_else(|e| e.into_inner());
        while !cond() {
            g = self.changed.wait(g).unwrap_or_else(|e| e.into_inner());
        }
    }

    fn is_done(&self, k: usize) -> bool {
        self.results[k].lock().map_or(true, |r| r.is_some())
    }

    fn run<W: Fn(&[I]) -> R>(&self, work: &W, k: usize) {
        let r = catch_unwind(AssertUnwindSafe(|| {
            work(self.inputs[k].get().map_or(&[][..], |v| &v[..]))
        }));
        *self.results[k].lock().unwrap_or_else(|e| e.into_inner()) = Some(r);
        self.notify();
    }
}

fn panic_error() -> PyErr {
    PyRuntimeError::new_err("furat: internal error in a batch worker (a bug; please report it)")
}

/// Runs a batch of `nchunks` chunks on `threads` threads.
///
/// * `prepare(k)`, on the calling thread: the inputs of chunk `k` and a
///   value `K` that keeps what they borrow alive;
/// * `work(inputs)`, on any thread, with the GIL released: the result;
/// * `consume(k, keep, result)`, on the calling thread, in chunk order.
pub(crate) fn pipeline<I, K, R, P, W, C>(
    py: Python<'_>,
    nchunks: usize,
    threads: usize,
    mut prepare: P,
    work: W,
    mut consume: C,
) -> PyResult<()>
where
    I: Send + Sync,
    R: Send,
    P: FnMut(usize) -> PyResult<(K, Vec<I>)>,
    W: Fn(&[I]) -> R + Sync,
    C: FnMut(usize, K, R) -> PyResult<()>,
{
    let pool = if threads > 1 && nchunks > 1 {
        crate::parallel::thread_pool(threads - 1)
    } else {
        None
    };
    let Some(pool) = pool else {
        // One thread: prepare, work with the GIL released, convert.
        for k in 0..nchunks {
            let (keep, inputs) = prepare(k)?;
            let r = py.detach(|| catch_unwind(AssertUnwindSafe(|| work(&inputs))));
            consume(k, keep, r.map_err(|_| panic_error())?)?;
            py.check_signals()?;
        }
        return Ok(());
    };
    let window = WINDOW_PER_THREAD * threads;
    let shared = Shared::<I, R> {
        inputs: (0..nchunks).map(|_| OnceLock::new()).collect(),
        results: (0..nchunks).map(|_| Mutex::new(None)).collect(),
        prepared: AtomicUsize::new(0),
        next_claim: AtomicUsize::new(0),
        consumed: AtomicUsize::new(0),
        abort: AtomicBool::new(false),
        changed: Condvar::new(),
        lock: Mutex::new(()),
    };
    let mut keep: Vec<Option<K>> = (0..nchunks).map(|_| None).collect();
    pool.in_place_scope(|scope| {
        for _ in 0..threads - 1 {
            scope.spawn(|_| {
                while !shared.finished() {
                    match shared.try_claim() {
                        Some(k) => shared.run(&work, k),
                        None => shared.wait_until(|| shared.finished() || shared.claimable()),
                    }
                }
            });
        }
        let result = (|| -> PyResult<()> {
            let mut next = 0;
            while next < nchunks {
                let prepared = shared.prepared.load(Ordering::Acquire);
                if shared.is_done(next) {
                    let r = shared.results[next].lock().ok().and_then(|mut r| r.take());
                    let r = r.ok_or_else(panic_error)?.map_err(|_| panic_error())?;
                    consume(next, keep[next].take().ok_or_else(panic_error)?, r)?;
                    next += 1;
                    shared.consumed.store(next, Ordering::Release);
                    py.check_signals()?;
                } else if prepared < nchunks && prepared < next + window {
                    let (k, inputs) = prepare(prepared)?;
                    keep[prepared] = Some(k);
                    let _ = shared.inputs[prepared].set(inputs);
                    shared.prepared.store(prepared + 1, Ordering::Release);
                    shared.notify();
                } else if let Some(k) = shared.try_claim() {
                    // Nothing to convert or prepare: do a chunk of the work.
                    py.detach(|| shared.run(&work, k));
                } else {
                    py.detach(|| shared.wait_until(|| shared.is_done(next)));
                }
            }
            Ok(())
        })();
        if result.is_err() {
            shared.abort.store(true, Ordering::Release);
            shared.notify();
        }
        result
    })
}

/// A chunk of a batch closes at this many items or code units, whichever
/// comes first: small enough that a chunk's output stays in the cache until
/// the calling thread converts it, large enough that the hand-over costs
/// nothing, and a batch of a few long texts still spreads over the threads.
/// Calls whose items cost more (a whole page to clean) pass fewer items.
pub(crate) const BATCH_CHUNK_ITEMS: usize = 256;
const BATCH_CHUNK_UNITS: usize = 1 << 16;

/// The chunk boundaries of a batch (`bounds[k]..bounds[k + 1]` is chunk
/// `k`, at most `max_items` items), checking every item's type first, so
/// that a bad item fails the call before any work is done.
pub(crate) fn chunk_bounds(texts: &StrSeq<'_>, max_items: usize) -> PyResult<Vec<usize>> {
    let len = texts.len();
    let mut bounds = vec![0];
    let (mut items, mut units) = (0, 0);
    for i in 0..len {
        let s = texts.get_str(i, "texts")?;
        // SAFETY: `s` is a live `str` (a borrowed item of the tuple).
        units += unsafe { ffi::PyUnicode_GET_LENGTH(s.as_ptr()) } as usize;
        items += 1;
        if items == max_items || units >= BATCH_CHUNK_UNITS {
            bounds.push(i + 1);
            (items, units) = (0, 0);
        }
    }
    if items > 0 {
        bounds.push(len);
    }
    Ok(bounds)
}

/// The code units of the items of chunk `k`, read in place.
///
/// # Safety
/// The units borrow the items' buffers: the caller keeps `texts` (whose
/// snapshot holds a strong reference to every item) alive until every
/// worker is done with them, as [`pipeline`] does when `texts` outlives it.
pub(crate) unsafe fn chunk_units<'a>(
    texts: &StrSeq<'_>,
    bounds: &[usize],
    k: usize,
) -> PyResult<Vec<Units<'a>>> {
    (bounds[k]..bounds[k + 1])
        .map(|i| {
            let s = texts.get_str(i, "texts")?;
            // SAFETY: per this function's contract.
            unsafe { units_unbound(&s) }
        })
        .collect()
}
