"""Similarity of two posts and candidate pairs from the inverted index."""

from collections import Counter

from story_support import item, labelled_items

from digest_stories import similarity as similarity_module
from digest_stories.features import analyse
from digest_stories.similarity import build_profiles, candidate_pairs, similarity

DAY = 86400.0

GITHUB = ("Microsoft agreed to buy GitHub for $7.5 billion in stock. Nat Friedman will run GitHub, "
          "which 28 million developers use, and Satya Nadella promised it stays independent.")
GITHUB_2 = ("Satya Nadella's $7.5 billion purchase of GitHub gives Microsoft a link to 28 million "
            "developers; Nat Friedman becomes chief executive of the code host.")
NATICK = ("Microsoft sank a data centre with 864 servers off the Orkney Islands for Project Natick, "
          "cooled by the sea and powered by wind and tidal energy.")
UNRELATED = ("Nintendo announced a Switch with a 7-inch OLED screen for $349.99, on sale on October 8 "
             "alongside Metroid Dread, with a wider stand and a LAN dock.")


def _profiles(*texts, companies=("Microsoft",)):
    items = [item(f"p{i}", t, companies=companies) for i, t in enumerate(texts)]
    return build_profiles(items, [analyse(i.title, i.text) for i in items])


def test_same_event_scores_above_same_company_other_event():
    a, b, c, d = _profiles(GITHUB, GITHUB_2, NATICK, UNRELATED)
    assert similarity(a, b) > 2 * similarity(a, c)
    assert similarity(a, b) > 0.3
    assert similarity(a, d) < 0.05
    assert similarity(a, b) == similarity(b, a)
    assert abs(similarity(a, a) - 1.0) < 1e-9


def test_candidates_need_a_shared_key_within_the_window():
    profiles = _profiles(GITHUB, GITHUB_2, UNRELATED, GITHUB, companies=())
    times = [0.0, DAY, 1.5 * DAY, 20 * DAY]
    pairs = candidate_pairs(profiles, times, window=4 * DAY)
    assert (0, 1) in pairs
    assert not {p for p in pairs if 2 in p}  # shares nothing rare with the others
    assert (0, 3) not in pairs and (1, 3) not in pairs  # same text, 20 days later


def test_candidates_ignore_undated_posts():
    profiles = _profiles(GITHUB, GITHUB_2)
    assert candidate_pairs(profiles, [0.0, None], window=4 * DAY) == set()


def test_candidates_need_two_shared_keys():
    # Both name Microsoft and nothing else in common: one key is not enough to be scored.
    one_key = _profiles("Microsoft opened an office in Oslo with forty engineers.",
                        "Microsoft sold its handset plant near Hanoi to a supplier.", companies=())
    assert candidate_pairs(one_key, [0.0, DAY], window=4 * DAY) == set()
    two_keys = _profiles("Microsoft opened an office in Oslo with forty engineers.",
                         "Microsoft engineers in Oslo moved to a bigger office.", companies=())
    assert candidate_pairs(two_keys, [0.0, DAY], window=4 * DAY) == {(0, 1)}


def test_posts_are_indexed_under_their_rarest_keys_and_every_rare_one(monkeypatch):
    items = labelled_items()
    found = [analyse(i.title, i.text) for i in items]
    monkeypatch.setattr(similarity_module, "INDEX_KEYS", 10**6)
    whole = build_profiles(items, found)
    filed = Counter(key for p in whole for key in p.index_keys)
    monkeypatch.setattr(similarity_module, "INDEX_KEYS", 5)
    monkeypatch.setattr(similarity_module, "RARE_KEY", 2)
    bounded = build_profiles(items, found)
    for full, part in zip(whole, bounded):
        assert (part.terms, part.keys) == (full.terms, full.keys)
        kept, dropped = set(part.index_keys), set(full.index_keys) - set(part.index_keys)
        assert kept <= set(full.index_keys)
        assert len(kept) == min(len(full.index_keys), max(5, sum(filed[k] <= 2 for k in full.index_keys)))
        assert all((filed[k], k) < (filed[d], d) for k in kept for d in dropped)
    assert any(len(p.index_keys) > 5 for p in bounded)  # every rarely filed key counts
    assert sum(map(len, (p.index_keys for p in bounded))) < sum(map(len, (p.index_keys for p in whole)))
