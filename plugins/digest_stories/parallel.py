"""Work split across forked processes: contiguous slices, results back in order.

Text analysis and pair scoring are each a function of one input at a time,
and an archive of 10,000 posts has enough of both to keep every core busy.
Workers are forked, so they read the inputs from the parent's memory (copy on
write) and only the results travel back; they come back in input order, the
very values one process computes, so the stories do not depend on the number
of processes.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")
SLICES_PER_JOB = 4  # more slices than workers, so a slow slice does not leave a core idle

_work: Callable[[int, int], list] | None = None  # what forked workers run


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
