"""Pelican's post lists per tag, category, author and period, without its quadratic scans.

For each tag, category and author, ArticlesGenerator picks that value's posts
out of all posts with ``article in articles``, a scan of the value's list per
post; for each year, month and day archive it scans the period's posts once
per post of the site. On 10,000 posts that is about fifteen seconds of every
build, cold or not, even for categories and authors whose pages are not
written. Posts compare by identity (Pelican's ``Content`` defines no
``__eq__``), so:
- the tag, category and author lists become ``IdentityList``s, which also keep
  their items' ids and answer ``in`` at once (``index_post_lists``);
- ``period_archives`` gives the generator the archives Pelican's
  ``_build_period_archives`` gives, found by position instead of by scanning
  (installed on the generator instance; a test compares the two);
- ``skip_unwritten_lists`` stops the generator from picking out the posts of
  each category and author when their pages are not written at all
  (``CATEGORY_SAVE_AS`` or ``AUTHOR_SAVE_AS`` empty): that pass walks every post
  once per author, thousands of times on a large digest, to write nothing;
- with ``ARTICLE_TRANSLATION_ID = None`` (pelicanconf.py: a post in another
  language is a post, and Pelican's search for translations is quadratic too)
  Pelican no longer sorts posts by slug before ordering them, so
  ``order_ties_by_slug`` puts posts of the same date back in slug order
  instead of the file system's.
"""

from __future__ import annotations

import calendar
from collections import defaultdict
from collections.abc import Iterable, Sequence
from itertools import groupby
from operator import attrgetter
from typing import Any

from pelican.utils import order_content

POST_LISTS = ("articles", "hidden_articles", "drafts")  # ArticlesGenerator's lists it writes pages for
_PERIOD_KEYS = {
    "year": attrgetter("date.year"),
    "month": attrgetter("date.year", "date.month"),
    "day": attrgetter("date.year", "date.month", "date.day"),
}


class IdentityList(list):
    """A list whose ``in`` looks its item up by identity, for items that compare by identity."""

    __slots__ = ("_ids",)

    def __init__(self, items: Iterable[Any] = ()) -> None:
        super().__init__(items)
        self._ids = frozenset(map(id, self))

    def __contains__(self, item: object) -> bool:
        return id(item) in self._ids

    def __reduce__(self) -> tuple[Any, ...]:
        return IdentityList, (list(self),)  # ids are per process: made again on loading


def _keeping_ids(name: str) -> Any:
    change = getattr(list, name)

    def changed(self: IdentityList, *args: Any) -> Any:
        result = change(self, *args)
        self._ids = frozenset(map(id, self))
        return result

    changed.__name__ = name
    return changed


# Pelican does not change these lists once made; a plugin that does keeps a right answer.
for _name in ("append", "extend", "insert", "remove", "pop", "clear", "__setitem__", "__delitem__", "__iadd__",
              "__imul__"):
    setattr(IdentityList, _name, _keeping_ids(_name))


def compare_by_identity(items: Iterable[Any]) -> bool:
    return all(type(item).__eq__ is object.__eq__ for item in items)


def index_post_lists(generator: Any) -> None:
    """Give an ArticlesGenerator's tags, categories and authors IdentityLists, in place
    (the context holds the same dict and lists)."""
    if not compare_by_identity(generator.articles):
        return
    tags = getattr(generator, "tags", None)
    if isinstance(tags, dict):
        for tag, posts in tags.items():
            tags[tag] = IdentityList(posts)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name, None)
        if isinstance(pairs, list):
            pairs[:] = [(value, IdentityList(posts)) for value, posts in pairs]


def period_archives(sorted_articles: Sequence[Any], articles: Sequence[Any],
                    settings: dict[str, Any]) -> dict[str, list[dict[str, Any]]]:
    """What ``ArticlesGenerator._build_period_archives`` returns, each period's ``articles``
    taken in ``articles``' order by position rather than by a scan of all posts."""
    position = {id(a): i for i, a in enumerate(articles)}
    archives: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for granularity, key in _PERIOD_KEYS.items():
        prefix = granularity.upper()
        save_as, url = settings[f"{prefix}_ARCHIVE_SAVE_AS"], settings[f"{prefix}_ARCHIVE_URL"]
        if not save_as:
            continue
        for period, group in groupby(sorted_articles, key=key):
            dates = list(group)
            first = dates[0].date
            archive = {
                "dates": dates,
                "articles": sorted((a for a in dates if id(a) in position), key=lambda a: position[id(a)]),
                "save_as": save_as.format(date=first),
                "url": url.format(date=first),
            }
            if granularity == "year":
                archive["period"] = archive["period_num"] = (period,)
            else:
                month = calendar.month_name[period[1]]
                archive["period"] = (period[0], month) if granularity == "month" else (period[0], month, period[2])
                archive["period_num"] = tuple(period)
            archives[granularity].append(archive)
    return archives


def use_fast_period_archives(generator: Any) -> None:
    """Have an ArticlesGenerator build its period archives with ``period_archives``."""
    if hasattr(generator, "_build_period_archives"):
        generator._build_period_archives = period_archives


_LIST_PAGES = {"generate_categories": "CATEGORY_SAVE_AS", "generate_authors": "AUTHOR_SAVE_AS"}


def skip_unwritten_lists(generator: Any) -> None:
    """Make an ArticlesGenerator's category and author passes do nothing when their pages
    have no file name (Pelican's writer writes nothing for an empty one)."""
    for method, setting in _LIST_PAGES.items():
        if hasattr(generator, method) and not generator.settings.get(setting):
            setattr(generator, method, _write_nothing)


def _write_nothing(write: Any) -> None:
    return None


def order_ties_by_slug(generator: Any) -> None:
    """Order an ArticlesGenerator's posts as ``ARTICLE_ORDER_BY`` says, ties by slug
    (in place: the generator's lists are the ones it goes on with)."""
    order_by = generator.settings.get("ARTICLE_ORDER_BY", "reversed-date")
    for name in POST_LISTS:
        posts = getattr(generator, name, None)
        if isinstance(posts, list) and all(hasattr(post, "slug") for post in posts):
            posts.sort(key=attrgetter("slug"))
            order_content(posts, order_by)  # a stable sort: ties keep the slug order
