"""Scoring pairs across processes gives the very scores one process gives, in order."""

import random

import pytest

from digest_stories import parallel, scoring
from digest_stories.scoring import score_pairs
from digest_stories.similarity import Profile, similarity


def profiles(count, seed=3):
    rng = random.Random(seed)
    words = [f"w{i}" for i in range(60)]
    out = []
    for _ in range(count):
        terms = {w: rng.random() for w in rng.sample(words, 12)}
        keys = {f"e:{k}": 1.0 for k in rng.sample("abcdef", 2)}
        out.append(Profile(terms, keys, ()))
    return out


@pytest.mark.parametrize("jobs", [1, 2, 3])
def test_parallel_scores_equal_serial_scores(monkeypatch, jobs):
    monkeypatch.setattr(scoring, "PARALLEL_MIN_PAIRS", 10)  # small enough to fork here
    items = profiles(40)
    pairs = [(a, b) for a in range(40) for b in range(a + 1, 40)][:500]
    expected = [similarity(items[a], items[b]) for a, b in pairs]
    assert score_pairs(items, pairs, jobs) == expected
    assert parallel._work is None  # nothing kept after the workers are gone


def test_no_pairs_no_scores():
    assert score_pairs(profiles(2), [], jobs=2) == []
