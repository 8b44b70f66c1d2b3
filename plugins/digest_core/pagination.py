"""Stable pages for long lists: numbered from the oldest post, so that a new post changes one page.

Pelican numbers a list's pages from the newest post: one new post moves every
post of the list one place down, and every page of every tag and outlet it has
is written again (about 1,400 files for one new post in a 10,000-post digest,
each to be uploaded again). Here the list's own address (page 1, the front
page) holds the newest posts, between one and two pages' worth (a shorter list
is one page); the older posts are cut into full pages counted from the oldest:
page 2 holds the oldest ``per_page`` posts, page 3 the next, and so on. A new
post changes the front page only, until it holds two pages' worth and its
oldest posts become a new numbered page. A page once numbered keeps its posts
and its address.

A page shows nothing of the whole list (no "page 3 of 40", no total), so that
its content depends on its own posts and its neighbours' addresses only; a
template shows such totals from ``front_*`` values, which only the front page is
given (see ``IncrementalWriter``).

Addresses come from ``PAGINATION_PATTERNS`` by page number; a pattern for "the
last page" (``min_page`` -1) has no meaning here, since the last page is the
oldest one and keeps its number, and is not used.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pelican.paginator import Page, Paginator


@dataclass(frozen=True)
class PageLink:
    """A neighbouring page, by what a pager shows of it."""

    number: int
    url: str


@dataclass(frozen=True, eq=False)
class StablePage:
    """One page of a list: its posts, its number (1 = front), its address and its neighbours."""

    object_list: Sequence[Any]
    number: int
    url: str
    save_as: str
    newer: PageLink | None  # None on the front page
    older: PageLink | None  # None on the oldest page

    def has_other_pages(self) -> bool:
        return self.newer is not None or self.older is not None

    def has_previous(self) -> bool:
        return self.newer is not None

    def has_next(self) -> bool:
        return self.older is not None


def page_slices(count: int, per_page: int | None) -> list[tuple[int, int, int]]:
    """(number, start, stop) of each page of a newest-first list of ``count`` items: the
    front page (1) first, then the numbered pages from the newest (highest number) down
    to the oldest (2)."""
    if not per_page or count < 2 * per_page:
        return [(1, 0, count)]
    numbered = count // per_page - 1
    front = count - numbered * per_page
    pages = [(1, 0, front)]
    for number in range(numbered + 1, 1, -1):
        oldest_first = number - 1  # 1 for the oldest page
        pages.append((number, count - oldest_first * per_page, count - (oldest_first - 1) * per_page))
    return pages


def neighbours(numbers: Sequence[int]) -> list[tuple[int | None, int | None]]:
    """(newer, older) page number of each page, for page numbers given newest first (as
    ``page_slices`` gives them); None at the ends."""
    last = len(numbers) - 1
    return [(numbers[pos - 1] if pos > 0 else None, numbers[pos + 1] if pos < last else None)
            for pos in range(len(numbers))]


def _address(name: str, url: str, number: int, settings: Mapping[str, Any]) -> tuple[str, str]:
    """(url, save_as) of page ``number`` by ``settings``' PAGINATION_PATTERNS, as Pelican
    works them out."""
    page = Page(name, url, [], number, Paginator(name, url, [], settings), settings)
    return page.url, page.save_as


def stable_pages(
    name: str, url: str, lists: Mapping[str, Sequence[Any]], per_page: int | None, settings: Mapping[str, Any]
) -> list[tuple[int, str, str, dict[str, Any]]]:
    """(number, save_as, url, template values) of each page, the front page first. The values
    are ``<key>_page``, ``<key>_previous_page`` (the newer page) and ``<key>_next_page`` (the
    older one), as Pelican names them, for each newest-first list in ``lists`` (of equal length)."""
    count = len(next(iter(lists.values()))) if lists else 0
    slices = page_slices(count, per_page)
    by_number = {**settings, "PAGINATION_PATTERNS": [
        rule for rule in settings.get("PAGINATION_PATTERNS", ()) if rule.min_page != -1]}
    addresses = {number: _address(name, url, number, by_number) for number, _, _ in slices}
    links = {number: PageLink(number, address[0]) for number, address in addresses.items()}
    pages = []
    for (number, start, stop), (newer_number, older_number) in zip(slices, neighbours([s[0] for s in slices])):
        newer = links[newer_number] if newer_number else None
        older = links[older_number] if older_number else None
        page_url, save_as = addresses[number]
        values: dict[str, Any] = {}
        for key, items in lists.items():
            values[f"{key}_page"] = StablePage(items[start:stop], number, page_url, save_as, newer, older)
            values[f"{key}_previous_page"] = newer
            values[f"{key}_next_page"] = older
        pages.append((number, save_as, page_url, values))
    return pages
