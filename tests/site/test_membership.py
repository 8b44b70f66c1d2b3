"""Taxonomy post lists that answer ``in`` by identity, as Pelican's lists of posts do."""

import pickle
import random
from datetime import datetime, timedelta
from operator import attrgetter
from types import SimpleNamespace

import pytest
from pelican.generators import ArticlesGenerator

from digest_taxonomies.membership import IdentityList, compare_by_identity, index_post_lists, period_archives


class Post:
    pass


class Equal:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def test_membership_follows_identity_and_changes():
    a, b, c = Post(), Post(), Post()
    posts = IdentityList([a, b])
    assert a in posts and b in posts and c not in posts
    assert posts == [a, b] and isinstance(posts, list)
    posts.append(c)
    posts.remove(a)
    assert c in posts and a not in posts
    posts[0] = a
    assert a in posts and b not in posts
    posts += [b]
    del posts[0]
    assert a not in posts and b in posts
    posts.pop()
    posts.clear()
    assert b not in posts and c not in posts


def test_a_loaded_copy_knows_its_own_items():
    copy = pickle.loads(pickle.dumps(IdentityList([Post(), Post()])))
    assert all(item in copy for item in copy) and len(copy) == 2


def test_only_posts_that_compare_by_identity_are_indexed():
    assert compare_by_identity([Post(), Post()])
    assert not compare_by_identity([Post(), Equal()])
    generator = SimpleNamespace(articles=[Equal()], tags={"t": [1]}, categories=[], authors=[])
    index_post_lists(generator)
    assert type(generator.tags["t"]) is list


def test_a_generators_lists_are_replaced_in_place():
    a, b = Post(), Post()
    categories = [("news", [a])]
    generator = SimpleNamespace(articles=[a, b], tags={"x": [a, b]}, categories=categories, authors=[("ann", [b])])
    index_post_lists(generator)
    assert isinstance(generator.tags["x"], IdentityList) and generator.tags["x"] == [a, b]
    assert generator.categories is categories and isinstance(categories[0][1], IdentityList)
    assert b in generator.authors[0][1] and a not in generator.authors[0][1]


def dated_posts(count, seed):
    rng = random.Random(seed)
    start = datetime(2017, 12, 25)
    posts = []
    for _ in range(count):
        post = Post()
        post.date = start + timedelta(hours=rng.randrange(24 * 500))
        posts.append(post)
    return posts


@pytest.mark.parametrize("newest_first", [True, False])
@pytest.mark.parametrize("saved", [("", "m/{date:%Y}/{date:%m}/", "d/{date:%Y}/{date:%m}/{date:%d}/"),
                                   ("y/{date:%Y}/", "", "")])
def test_period_archives_are_pelicans(newest_first, saved):
    articles = dated_posts(300, seed=len(saved[0]) + newest_first)
    articles.sort(key=attrgetter("date"), reverse=True)  # as Pelican orders them
    dates = sorted(articles, key=attrgetter("date"), reverse=newest_first)
    settings = {}
    for granularity, save_as in zip(("YEAR", "MONTH", "DAY"), saved):
        settings[f"{granularity}_ARCHIVE_SAVE_AS"] = save_as
        settings[f"{granularity}_ARCHIVE_URL"] = save_as.replace("index.html", "")
    expected = ArticlesGenerator._build_period_archives(None, dates, articles, settings)
    assert period_archives(dates, articles, settings) == expected
    assert sum(len(v) for v in expected.values()) > 2
