"""Work split across forked processes: contiguous slices, results back in order.

Text analysis and pair scoring are each a function of one input at a time,
and an archive of 10,000 posts has enough of both to keep every core busy.
Workers are forked, so they read the inputs from the parent's memory (copy on
write) and only the results travel back; they come back in input order, the
very values one process computes, so the stories do not depend on the number
of processes. ``in_background`` runs one whole step (finding near-duplicates)
in a forked process while this one goes on with another.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
SLICES_PER_JOB = 4  # more slices than workers, so a slow slice does not leave a core idle

_work: Callable[[int, int], list] | None = None  # what forked workers run
_background: Callable[[], object] | None = None  # what a background worker runs


def map_slices(work: Callable[[int, int], list[T]], count: int, jobs: int, minimum: int) -> list[T]:
    """``work(start, end)`` over contiguous slices of ``range(count)``, concatenated in order:
    across ``jobs`` forked processes when ``count >= minimum``, else in this process."""
    if jobs <= 1 or count < minimum or "fork" not in multiprocessing.get_all_start_methods():
        return work(0, count)
    global _work
    _work = work
    step = -(-count // (jobs * SLICES_PER_JOB))
    slices = [(start, min(start + step, count)) for start in range(0, count, step)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.starmap(_run, slices, chunksize=1)
    finally:
        _work = None
    return [result for part in parts for result in part]


def _run(start: int, end: int) -> list:
    assert _work is not None  # set by map_slices before the fork
    return _work(start, end)


def in_background(work: Callable[[], T], jobs: int) -> Callable[[], T]:
    """Start ``work()`` in a forked process (in this one when ``jobs <= 1``); the function
    returned waits for its result and returns it, or raises what ``work`` raised. Call it
    in a ``finally``, so that the process never outlives the caller's step."""
    if jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
        result = work()
        return lambda: result
    global _background
    _background = work
    try:
        pool = multiprocessing.get_context("fork").Pool(1)  # forks now: the worker has its copy of work
    finally:
        _background = None
    pending = pool.apply_async(_run_background)

    def result() -> T:
        try:
            return pending.get()
        finally:
            pool.close()
            pool.join()

    return result


def _run_background() -> object:
    assert _background is not None  # set by in_background before the fork
    return _background()
