"""How alike two posts are as news: TF-IDF text vectors plus shared names and figures.

``build_profiles`` weighs every post against the whole set being clustered
(IDF); ``candidate_pairs`` finds the pairs worth scoring (two shared rare
keys, within the time window) through an inverted index; ``similarity``
scores one pair.

A post is filed in the index under its ``INDEX_KEYS`` rarest keys only (plus
any key few posts have). On an archive whose posts share much vocabulary and
many names (bench_build's corpus: ~80 keys a post, most of them held by
hundreds of posts), filing every key gave 520,000 candidate pairs for 10,000
posts, most of them unrelated posts meeting through common keys; the rarest
16 gave 37,000 and kept every pair of posts about one event there. The
labelled set's stories did not change, and bench/bench_stories.py's F1 rose.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import chain, repeat
from operator import mul, truediv

from digest_stories.features import TextFeatures, normalise_name
from digest_stories.model import StoryItem

TITLE_WEIGHT = 3  # a title word counts as three body words
LEAD_WEIGHT = 1  # extra weight of the first paragraph's words
TOP_TERMS = 8  # a post is indexed under its heaviest terms as well as its names and figures
TEXT_SHARE = 0.6  # weight of text cosine against names-and-figures cosine
INDEX_KEYS = 16  # ... but only under the 16 of these that the fewest posts are filed under,
RARE_KEY = 20  # ... and every one filed under this many posts or fewer (cheap, and telling)
KEY_NEIGHBOURS = 20  # per key, a post is paired with at most this many later posts in the window


@dataclass(frozen=True, slots=True)
class Profile:
    """One post's vectors, each of unit length (or empty)."""

    terms: dict[str, float]
    keys: dict[str, float]  # "e:" names and companies, "n:" figures
    index_keys: tuple[str, ...]  # what the candidate index files it under


def _term_counts(features: TextFeatures) -> Counter[str]:
    return Counter(features.body + features.title * TITLE_WEIGHT + features.lead * LEAD_WEIGHT)


def _keys(item: StoryItem, features: TextFeatures) -> set[str]:
    found = {"e:" + key for key in map(normalise_name, item.companies) if key}
    found |= {"e:" + n for n in features.names}
    found |= {"n:" + n for n in features.numbers}
    return found


def _tf(count: int) -> float:
    """Sub-linear term frequency: the tenth use of a word adds little."""
    return 1.0 + math.log(count)


def _tf_table(counts: Sequence[Counter[str]]) -> list[float]:
    """``_tf`` of 0 .. the largest count, to look up rather than call for every term."""
    largest = max((max(c.values(), default=0) for c in counts), default=0)
    return [0.0, *map(_tf, range(1, largest + 1))]


def _unit(keys: Sequence[str], weights: Sequence[float]) -> dict[str, float]:
    """``keys`` -> ``weights`` scaled to unit length; {} if all are zero."""
    norm = math.sqrt(sum(map(mul, weights, weights)))
    return dict(zip(keys, map(truediv, weights, repeat(norm)))) if norm else {}


def _top_terms(vector: dict[str, float]) -> list[str]:
    """The ``TOP_TERMS`` heaviest terms, ties in alphabetical order."""
    if len(vector) > TOP_TERMS:
        cut = sorted(vector.values(), reverse=True)[TOP_TERMS - 1]
        heaviest = sorted((-w, t) for t, w in vector.items() if w >= cut)
    else:
        heaviest = sorted((-w, t) for t, w in vector.items())
    return [t for _, t in heaviest[:TOP_TERMS]]


def build_profiles(items: Sequence[StoryItem], features: Sequence[TextFeatures]) -> list[Profile]:
    """TF-IDF term vectors and IDF-weighted key vectors, IDF taken over ``items``."""
    counts = [_term_counts(f) for f in features]
    keys = [_keys(item, f) for item, f in zip(items, features)]
    df = Counter(chain.from_iterable(chain.from_iterable(zip(counts, keys))))  # posts per term and key
    total = len(items)
    idf = {token: math.log(1.0 + total / n) for token, n in df.items()}  # once per token, not per use
    tf = _tf_table(counts)
    vectors = []
    for c, k in zip(counts, keys):
        term_vec = _unit(list(c), list(map(mul, map(tf.__getitem__, c.values()), map(idf.__getitem__, c))))
        ordered_keys = sorted(k)  # float sums must not follow hash order
        key_vec = _unit(ordered_keys, list(map(idf.__getitem__, ordered_keys)))
        index = [key for key in ordered_keys if df[key] > 1]
        index += ["t:" + t for t in _top_terms(term_vec) if df[t] > 1]
        vectors.append((term_vec, key_vec, index))
    filed = Counter(key for _, _, index in vectors for key in index)
    return [Profile(t, k, tuple(_rarest(index, filed))) for t, k, index in vectors]


def _rarest(index: list[str], filed: Counter[str]) -> list[str]:
    """The ``INDEX_KEYS`` keys of ``index`` that the fewest posts are filed under (ties by key),
    and any other that at most ``RARE_KEY`` posts are filed under."""
    if len(index) <= INDEX_KEYS:
        return index
    ranked = sorted(zip(map(filed.__getitem__, index), index))
    rare = bisect_left(ranked, (RARE_KEY + 1, ""))  # how many are filed under RARE_KEY posts or fewer
    return [key for _, key in ranked[:max(INDEX_KEYS, rare)]]


def _dot(a: dict[str, float], b: dict[str, float]) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum([w * b[k] for k, w in a.items() if k in b])


def similarity(a: Profile, b: Profile) -> float:
    """Text cosine blended with names-and-figures cosine, in [0, 1].

    Both must agree: sharing only company names gives a low key cosine once
    the other names and figures differ, and the text cosine stays low too.
    """
    return TEXT_SHARE * _dot(a.terms, b.terms) + (1.0 - TEXT_SHARE) * _dot(a.keys, b.keys)


def candidate_pairs(
    profiles: Sequence[Profile], times: Sequence[float | None], window: float
) -> set[tuple[int, int]]:
    """Pairs (i < j) that share two or more index keys and lie within ``window`` seconds.

    ``times`` must be ascending (None last). Each key's postings are in time
    order; a post is paired with the next ``KEY_NEIGHBOURS`` postings of the
    key inside the window. That bounds the pairs a busy key ("Apple" in a
    launch week) adds, so candidates grow linearly with the archive, while
    posts about one event still meet through their rarer shared keys. One
    shared key alone (a company, a common name) is weak evidence: such pairs
    scored far below the threshold on the labelled and generated sets, and
    leaving them out halves the pairs to score.
    """
    postings: dict[str, list[int]] = defaultdict(list)
    for index, profile in enumerate(profiles):
        if times[index] is not None:
            for key in profile.index_keys:
                postings[key].append(index)
    met: set[tuple[int, int]] = set()  # through one key so far
    shared: set[tuple[int, int]] = set()  # through two or more
    for posting in postings.values():
        if len(posting) < 2:
            continue
        stamps = [times[i] for i in posting]
        pairs: list[tuple[int, int]] = []  # through this key: each pair once
        for pos, i in enumerate(posting):
            last = min(len(stamps), pos + 1 + KEY_NEIGHBOURS)
            end = bisect_right(stamps, stamps[pos] + window, lo=pos + 1, hi=last)
            pairs.extend(zip(repeat(i), posting[pos + 1:end]))
        shared.update(met.intersection(pairs))
        met.update(pairs)
    return shared
