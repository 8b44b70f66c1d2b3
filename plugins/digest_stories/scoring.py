"""Scoring candidate pairs, across cores when there are many.

Each score depends only on the two profiles, so the pairs are split into
contiguous slices scored by forked workers (``parallel``); the scores come
back in the pairs' order, the same floats as scored in one process.
"""

from __future__ import annotations

from collections.abc import Sequence

from digest_stories.parallel import map_slices
from digest_stories.similarity import Profile, similarity

PARALLEL_MIN_PAIRS = 20_000  # below this, starting workers costs more than it saves


def score_pairs(profiles: Sequence[Profile], pairs: Sequence[tuple[int, int]], jobs: int = 1) -> list[float]:
    """``similarity`` of each pair of positions in ``profiles``, in the order of ``pairs``."""
    def score(start: int, end: int) -> list[float]:
        return [similarity(profiles[a], profiles[b]) for a, b in pairs[start:end]]

    return map_slices(score, len(pairs), jobs, PARALLEL_MIN_PAIRS)
