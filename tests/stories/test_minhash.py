"""MinHash sketches and banded LSH candidates for near duplicates."""

import random

from digest_stories import minhash
from digest_stories.features import shingle_hashes, shingles, terms


def _set(seed: int, size: int) -> set[int]:
    rng = random.Random(seed)
    return {rng.getrandbits(32) for _ in range(size)}


def test_sketch_is_deterministic_and_estimates_jaccard():
    a = _set(1, 300)
    b = set(list(a)[:200]) | _set(2, 100)  # Jaccard 200/400 = 0.5
    sa, sb = minhash.sketch(a), minhash.sketch(b)
    assert sa == minhash.sketch(set(a)) and len(sa) == minhash.SIZE
    agreement = sum(x == y for x, y in zip(sa, sb)) / minhash.SIZE
    assert abs(agreement - minhash.jaccard(a, b)) < 0.2
    assert minhash.jaccard(a, b) == 0.5


def test_repeated_shingles_change_nothing():
    body = terms("the cloud deal and the cloud deal again, then the cloud deal once more")
    assert len(shingle_hashes(body)) > len(shingles(body))
    assert minhash.sketch(shingle_hashes(body)) == minhash.sketch(shingles(body))


def test_sketch_of_nothing_is_empty_and_tiny_sets_fill_every_bin():
    assert minhash.sketch(set()) == ()
    assert len(minhash.sketch({12345})) == minhash.SIZE


def test_candidates_pair_copies_within_the_window_only():
    text = ("Microsoft and Xiaomi signed a strategic memorandum covering cloud computing artificial "
            "intelligence and hardware, with Azure storage, Cortana speakers and Windows laptops in scope")
    copy = "Republished with permission. " + text + " Subscribe to our newsletter."
    other = ("Nvidia agreed to buy Arm from SoftBank for forty billion dollars in cash and stock, "
             "promising to keep the licensing model and the Cambridge headquarters")
    sets = [shingles(terms(t)) for t in (text, copy, other, text)]
    sketches = [minhash.sketch(s) for s in sets]
    times = [0.0, 3600.0, 7200.0, 30 * 86400.0]
    pairs = minhash.candidate_pairs(sketches, times, window=4 * 86400)
    assert (0, 1) in pairs
    assert not {(0, 2), (1, 2)} & pairs
    assert (0, 3) not in pairs  # the same text a month later: outside the window


def test_candidates_skip_undated_and_empty_posts():
    sketch = minhash.sketch(_set(3, 50))
    pairs = minhash.candidate_pairs([sketch, sketch, ()], [0.0, None, 1.0], window=10.0)
    assert pairs == set()
