"""Pelican's per-tag, per-category and per-author post lists, with membership in constant time.

For each tag, category and author, ArticlesGenerator picks that value's posts
out of all posts with ``article in articles``, a scan of the value's list per
post. On 10,000 posts that is about ten seconds of every build, cold or not,
even for categories and authors whose pages are not written. Posts compare by
identity (Pelican's ``Content`` defines no ``__eq__``), so a list that also
keeps its items' ids answers the same question at once.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


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
