"""Average-linkage clustering on a sparse similarity graph.

Two clusters merge when the mean similarity over all their cross pairs
(unscored pairs count as 0) reaches the threshold, best pair first. Unlike
single linkage this does not chain: A~B and B~C do not pull A and C into one
story unless A and C are also alike, which is what keeps two announcements by
the same companies in the same week apart.

Every merge joins two clusters through at least one pair at or above the
threshold (a mean cannot reach it otherwise), so clusters never leave the
connected parts of the graph of such pairs: pairs across those parts are
dropped before clustering, with the same result, and most posts, alone in
their part, stay singletons without any work.
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping


def average_linkage(n: int, edges: Mapping[tuple[int, int], float], threshold: float) -> list[list[int]]:
    """Clusters of ``range(n)`` (each sorted, in order of their smallest member).

    ``edges`` maps pairs (i < j) to similarities; missing pairs are 0.
    Deterministic: ties are broken by the smaller member indices.
    """
    heap = [(-value, a, b) for (a, b), value in edges.items() if value >= threshold]
    part = _parts(n, [(a, b) for _, a, b in heap])
    kept = [(a, b, value) for (a, b), value in edges.items() if part[a] == part[b]]
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    sums: dict[int, dict[int, float]] = {i: {} for a, b, _ in kept for i in (a, b)}
    for a, b, value in kept:
        sums[a][b] = sums[b][a] = value
    heapq.heapify(heap)
    while heap:
        negative, a, b = heapq.heappop(heap)
        if a not in members or b not in members or b not in sums[a]:
            continue
        if -negative != sums[a][b] / (len(members[a]) * len(members[b])):
            continue  # stale: one side grew since this entry was pushed
        _merge(a, b, members, sums)
        size = len(members[a])
        for c, total in sums[a].items():
            mean = total / (size * len(members[c]))
            if mean >= threshold:
                heapq.heappush(heap, (-mean, min(a, c), max(a, c)))
    return sorted(sorted(group) for group in members.values())


def _parts(n: int, pairs: Iterable[tuple[int, int]]) -> list[int]:
    """For each of ``range(n)``, the smallest member of its connected part of the graph of ``pairs``."""
    parent = list(range(n))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]  # halve the path as we go
            x = parent[x]
        return x

    for a, b in pairs:
        ra, rb = root(a), root(b)
        if ra != rb:
            parent[max(ra, rb)] = min(ra, rb)
    return [root(x) for x in range(n)]


def _merge(a: int, b: int, members: dict[int, list[int]], sums: dict[int, dict[int, float]]) -> None:
    """Fold cluster ``b`` into ``a``, adding up their similarity sums to every neighbour."""
    members[a].extend(members.pop(b))
    for c, total in sums.pop(b).items():
        if c == a:
            continue
        del sums[c][b]
        sums[a][c] = sums[a].get(c, 0.0) + total
        sums[c][a] = sums[a][c]
    del sums[a][b]
