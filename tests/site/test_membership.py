"""Taxonomy post lists that answer ``in`` by identity, as Pelican's lists of posts do."""

import pickle
import random
from datetime import datetime, timedelta
from operator import attrgetter
from types import SimpleNamespace

import pytest
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings
from site_build import POSTS, REPO

from digest_taxonomies.membership import (IdentityList, compare_by_identity, index_post_lists, period_archives,
                                          order_ties_by_slug, skip_unwritten_lists)


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


def posts_generator(tmp_path, **overrides):
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(POSTS.parent), "ARTICLE_PATHS": [POSTS.name], "OUTPUT_PATH": str(tmp_path), "PLUGINS": [],
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, **overrides})
    context = {**settings, "generated_content": {}, "static_links": set(), "static_content": {}}
    generator = ArticlesGenerator(context=context, settings=settings, path=settings["PATH"],
                                  theme=settings["THEME"], output_path=str(tmp_path))
    generator.generate_context()
    return generator


def names_written(method):
    names = []
    method(lambda name, *args, **kwargs: names.append(name))
    return names


def test_category_and_author_passes_are_skipped_only_when_they_write_nothing(tmp_path):
    generator = posts_generator(tmp_path)
    assert generator.authors and generator.categories
    # What Pelican's own passes hand the writer here: empty names, which it writes nothing for.
    assert set(names_written(generator.generate_authors)) == set(names_written(generator.generate_categories)) == {""}
    skip_unwritten_lists(generator)
    assert names_written(generator.generate_authors) == names_written(generator.generate_categories) == []

    written = posts_generator(tmp_path, AUTHOR_SAVE_AS="author/{slug}/index.html")
    skip_unwritten_lists(written)
    assert names_written(written.generate_categories) == []
    assert len(names_written(written.generate_authors)) == len(written.authors)


@pytest.mark.parametrize("order_by", ["reversed-date", "date"])
def test_posts_of_the_same_date_are_in_slug_order_whatever_the_file_order(order_by):
    posts = []
    for day, slug in [(2, "b"), (1, "z"), (2, "a"), (1, "y"), (3, "c"), (2, "c")]:
        post = Post()
        post.date, post.slug = datetime(2025, 3, day), slug
        posts.append(post)
    expected = sorted(posts, key=lambda p: ((-p.date.day if order_by.startswith("reversed") else p.date.day), p.slug))
    for seed in range(5):
        random.Random(seed).shuffle(posts)
        generator = SimpleNamespace(settings={"ARTICLE_ORDER_BY": order_by}, articles=posts, drafts=[],
                                    hidden_articles=[])
        order_ties_by_slug(generator)
        assert generator.articles is posts and posts == expected
