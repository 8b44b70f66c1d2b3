"""Average-linkage clustering on a sparse graph."""

import pytest

from digest_stories.cluster import average_linkage


def test_no_chaining_through_a_middle_post():
    # A~B and B~C, but A and C are unrelated: single linkage would make one cluster.
    edges = {(0, 1): 0.6, (1, 2): 0.5}
    assert average_linkage(3, edges, threshold=0.3) == [[0, 1], [2]]


def test_a_post_joins_a_story_it_matches_on_average():
    edges = {(0, 1): 0.8, (0, 2): 0.4, (1, 2): 0.35}
    assert average_linkage(3, edges, threshold=0.3) == [[0, 1, 2]]


@pytest.mark.parametrize(
    ("edges", "expected"),
    [
        ({}, [[0], [1], [2], [3]]),
        ({(0, 1): 0.2}, [[0], [1], [2], [3]]),  # below the threshold
        ({(0, 1): 0.9, (2, 3): 0.9, (1, 2): 0.31}, [[0, 1], [2, 3]]),  # mean 0.31/4 between pairs
        ({(0, 3): 0.5, (1, 2): 0.5}, [[0, 3], [1, 2]]),
        ({(0, 1): 0.9, (1, 2): 0.5, (0, 2): 0.2}, [[0, 1, 2], [3]]),  # weak pairs inside count: mean 0.35
        ({(0, 1): 0.9, (1, 2): 0.5}, [[0, 1], [2], [3]]),  # without the weak pair: mean 0.25
        ({(0, 1): 0.9, (1, 2): 0.5, (0, 2): 0.2, (2, 3): 0.1}, [[0, 1, 2], [3]]),  # weak pair across
    ],
)
def test_clusters(edges, expected):
    assert average_linkage(4, edges, threshold=0.3) == expected


def test_ties_are_broken_by_index_so_results_do_not_depend_on_edge_order():
    edges = {(0, 1): 0.5, (1, 2): 0.5, (0, 2): 0.0}
    reordered = dict(reversed(list(edges.items())))
    assert average_linkage(3, edges, 0.3) == average_linkage(3, reordered, 0.3) == [[0, 1], [2]]
