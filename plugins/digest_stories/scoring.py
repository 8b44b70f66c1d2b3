"""Scoring candidate pairs, across cores when there are many.

On an archive whose posts share much vocabulary, 10,000 posts give half a
million candidate pairs, and scoring them is most of the clustering time. Each
score depends only on the two profiles, so the pairs are split into contiguous
slices scored by forked workers (which share the profiles with the parent, copy
on write); the scores come back in the pairs' order, the same floats as scored
in one process.
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence

from digest_stories.similarity import Profile, similarity

PARALLEL_MIN_PAIRS = 20_000  # below this, starting workers costs more than it saves

_shared: tuple[Sequence[Profile], Sequence[tuple[int, int]]] = ((), ())  # what forked workers read


def score_pairs(profiles: Sequence[Profile], pairs: Sequence[tuple[int, int]], jobs: int = 1) -> list[float]:
    """``similarity`` of each pair of positions in ``profiles``, in the order of ``pairs``."""
    if jobs <= 1 or len(pairs) < PARALLEL_MIN_PAIRS or "fork" not in multiprocessing.get_all_start_methods():
        return _score(profiles, pairs, 0, len(pairs))
    global _shared
    _shared = (profiles, pairs)
    step = -(-len(pairs) // jobs)
    slices = [(start, min(start + step, len(pairs))) for start in range(0, len(pairs), step)]
    try:
        with multiprocessing.get_context("fork").Pool(jobs) as pool:
            parts = pool.starmap(_score_shared, slices)
    finally:
        _shared = ((), ())
    return [score for part in parts for score in part]


def _score_shared(start: int, end: int) -> list[float]:
    profiles, pairs = _shared
    return _score(profiles, pairs, start, end)


def _score(profiles: Sequence[Profile], pairs: Sequence[tuple[int, int]], start: int, end: int) -> list[float]:
    return [similarity(profiles[a], profiles[b]) for a, b in pairs[start:end]]
