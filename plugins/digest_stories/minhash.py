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

from collections import defaultdict
from collections.abc import Iterable, Sequence

SIZE = 64
ROWS = 2  # bins per band: 32 bands, 50% chance of a candidate near Jaccard 0.15
_MASK = 0xFFFFFFFF
_EMPTY = 1 << 40
_BORROW_STEP = 1 << 32  # keeps borrowed values apart from real ones
_VALUE_BITS = 40  # every sketch value is below 2**38 (minimum < 2**26, plus at most 63 borrow steps)
_MAX_BUCKET = 500  # a bucket this big is shared boilerplate, not copies


def sketch(shingles: Iterable[int]) -> tuple[int, ...]:
    """The MinHash sketch of a shingle set; () for an empty set."""
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


def candidate_pairs(
    sketches: Sequence[tuple[int, ...]], times: Sequence[float | None], window: float
) -> set[tuple[int, int]]:
    """Pairs (i < j) sharing at least one band, dated within ``window`` seconds of each other.

    ``sketches`` and ``times`` are indexed alike and sorted by time (None last).
    """
    buckets: dict[int, list[int]] = defaultdict(list)
    for index, sig in enumerate(sketches):
        if not sig or times[index] is None:
            continue
        for start in range(0, SIZE, ROWS):
            key = start
            for value in sig[start:start + ROWS]:
                key = (key << _VALUE_BITS) | value  # one int per band: far smaller than a tuple
            buckets[key].append(index)
    pairs: set[tuple[int, int]] = set()
    for members in buckets.values():
        if len(members) < 2 or len(members) > _MAX_BUCKET:
            continue
        for pos, i in enumerate(members):
            for j in members[pos + 1:]:
                if times[j] - times[i] > window:  # members are in time order
                    break
                pairs.add((i, j))
    return pairs
