"""Near-duplicate candidates: MinHash sketches of shingle sets, banded LSH.

One-permutation hashing: each shingle is hashed once and lands in one of
``SIZE`` bins, keeping the bin's minimum; empty bins borrow from the next
full bin (rotation densification), so sketches of short texts still compare.
Two sets agree on a bin with probability close to their Jaccard similarity;
banding ``ROWS`` bins together makes pairs above ~0.2 share a band with high
probability while unrelated pairs rarely do. Candidates are then verified
with the exact Jaccard similarity of the shingle sets.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Sequence
from itertools import compress

SIZE = 64
ROWS = 2  # bins per band: 32 bands, 50% chance of a candidate near Jaccard 0.15
_MASK = 0xFFFFFFFF
_EMPTY = 1 << 40
_BORROW_STEP = 1 << 32  # keeps borrowed values apart from real ones
_MAX_BUCKET = 500  # a bucket this big is shared boilerplate, not copies


def sketch(shingles: Iterable[int]) -> tuple[int, ...]:
    """The MinHash sketch of 32-bit shingle hashes (repeats change nothing); () for none."""
    bins = [_EMPTY] * SIZE  # CRC bits are spread (multiply, xor-shift) so bins and minima are independent
    for shingle in shingles:
        mixed = (shingle * 0x9E3779B1) & _MASK  # _mix inlined: this loop is the sketch's whole cost
        mixed ^= mixed >> 15
        slot, value = mixed % SIZE, mixed // SIZE
        if value < bins[slot]:
            bins[slot] = value
    if all(v == _EMPTY for v in bins):
        return ()
    dense = []
    for i in range(SIZE):
        step = 0
        while bins[(i + step) % SIZE] == _EMPTY:
            step += 1
        dense.append(bins[(i + step) % SIZE] + step * _BORROW_STEP)
    return tuple(dense)


def jaccard(a: set[int], b: set[int]) -> float:
    if not a or not b:
        return 0.0
    common = len(a & b)
    return common / (len(a) + len(b) - common)


def _close_pairs(
    members: Sequence[int], times: Sequence[float | None], window: float
) -> Iterator[tuple[int, int]]:
    """Pairs of ``members`` (in time order) dated within ``window`` of each other."""
    for pos, i in enumerate(members):
        for j in members[pos + 1:]:
            if times[j] - times[i] > window:  # type: ignore[operator]  # only dated posts are banded
                break
            yield i, j


def candidate_pairs(
    sketches: Sequence[tuple[int, ...]], times: Sequence[float | None], window: float
) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing at least one band, dated within ``window`` seconds of each other.

    ``sketches`` and ``times`` are indexed alike and sorted by time (None last).
    Bands are bucketed one at a time, and only the posts whose band value
    another post shares are put in buckets (most share none).
    """
    banded = [i for i, sig in enumerate(sketches) if sig and times[i] is not None]
    columns = list(zip(*(sketches[i] for i in banded)))
    pairs: set[tuple[int, int]] = set()
    for start in range(0, SIZE, ROWS):
        keys = list(zip(*columns[start:start + ROWS]))
        counts = Counter(keys)
        buckets: dict[tuple[int, ...], list[int]] = defaultdict(list)
        for pos in compress(range(len(keys)), map((1).__lt__, map(counts.__getitem__, keys))):
            buckets[keys[pos]].append(banded[pos])
        for members in buckets.values():
            if len(members) <= _MAX_BUCKET:
                pairs.update(_close_pairs(members, times, window))
    return pairs
