"""Posts grouped by company and by outlet, and the orderings pages show them in.

Plain functions over Pelican articles (anything with ``date``, ``slug`` and
the attribute being indexed). When the stories plugin is on, a post has a
``story`` whose ``lead`` stands for the whole story in listings.
"""

from __future__ import annotations

import calendar
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from digest_core.text import bare_name, site_host

Post = Any  # a pelican.contents.Article; duck-typed so tests can use small stand-ins


def newest_first(posts: Iterable[Post]) -> list[Post]:
    """Posts by date, newest first; equal dates by slug, so file order never matters."""
    by_slug = sorted(posts, key=lambda p: p.slug)
    return sorted(by_slug, key=lambda p: p.date, reverse=True)


def values_of(post: Post, attr: str) -> list[Any]:
    """The wrappers a post carries in ``attr`` (a list, a single value or nothing)."""
    value = getattr(post, attr, None)
    if value is None or isinstance(value, str):
        return []
    return list(value) if isinstance(value, (list, tuple)) else [value]


def _looks_like_a_slug_or_domain(name: str) -> bool:
    """"gadget-harbor" (a raw folder) or "gadgetharbor.example" (a URL's host): last-resort names."""
    return " " not in name and name == name.lower()


def _host(post: Post) -> str:
    return site_host(str(getattr(post, "source_url", "") or ""))


def name_outlets_by_host(posts: Sequence[Post]) -> None:
    """A post whose outlet is only known by its URL's host takes the name other posts
    from that host give it ("asiatechmonitor.example" -> "Asia Tech Monitor")."""
    names: dict[str, Counter[str]] = defaultdict(Counter)
    for post in posts:
        source = getattr(post, "source", None)
        if source is not None and not isinstance(source, str) and not _looks_like_a_slug_or_domain(source.name):
            names[_host(post)][source.name] += 1
    for post in posts:
        source = getattr(post, "source", None)
        host = _host(post)
        if source is None or isinstance(source, str) or not host or source.name != host or not names.get(host):
            continue
        counts = names[host]
        post.source = type(source)(min(counts, key=lambda n: (-counts[n], n)), source.settings)


def name_outlets_by_folder(posts: Sequence[Post]) -> None:
    """A post whose outlet is only known by its raw folder's name takes the name other
    posts give that outlet when they differ only by a leading "The" and hyphens
    ("ticker-tape" -> "The Ticker Tape"); nothing happens when two outlets would fit."""
    named: dict[str, set[str]] = defaultdict(set)
    for post in posts:
        source = getattr(post, "source", None)
        if source is not None and not isinstance(source, str) and not _looks_like_a_slug_or_domain(source.name):
            named[bare_name(source.slug)].add(source.name)
    for post in posts:
        source = getattr(post, "source", None)
        if source is None or isinstance(source, str) or not _looks_like_a_slug_or_domain(source.name):
            continue
        fits = named.get(bare_name(source.slug), set())
        if len(fits) == 1:
            post.source = type(source)(next(iter(fits)), source.settings)


def unify_names(posts: Sequence[Post], attr: str) -> dict[str, Any]:
    """Give every post the same wrapper object per slug, named by its best spelling.

    "Microsoft" in one header and "microsoft" in another share a slug; the page
    title should not depend on which post was read first. A spelling that reads
    as a name beats a folder- or domain-like one, then the commonest wins, then
    the alphabetically first. Returns the wrappers by slug.
    """
    if attr == "source":
        name_outlets_by_host(posts)
        name_outlets_by_folder(posts)
    spellings: dict[str, Counter[str]] = defaultdict(Counter)
    first: dict[str, Any] = {}
    for post in posts:
        for item in values_of(post, attr):
            spellings[item.slug][item.name] += 1
            first.setdefault(item.slug, item)
    for slug, counts in spellings.items():
        first[slug].name = min(counts, key=lambda n: (_looks_like_a_slug_or_domain(n), -counts[n], n))
    for post in posts:
        value = getattr(post, attr, None)
        if isinstance(value, list):
            setattr(post, attr, [first[item.slug] for item in value])
        elif value is not None and not isinstance(value, str):
            setattr(post, attr, first[value.slug])
    return first


def index_by(posts: Sequence[Post], attr: str) -> list[tuple[Any, list[Post]]]:
    """(value, its posts in the given order) for every value of ``attr``, by slug."""
    groups: dict[Any, list[Post]] = defaultdict(list)
    for post in posts:
        for item in values_of(post, attr):
            groups[item].append(post)
    return sorted(groups.items(), key=lambda kv: (kv[0].slug, kv[0].name))


def is_central(post: Post, company: Any, rank: int) -> bool:
    """Whether the company is among the first ``rank`` companies of the post."""
    return company in values_of(post, "companies")[:rank]


def representative(post: Post) -> Post:
    """What a listing shows for a post: its story's lead, else the post itself."""
    story = getattr(post, "story", None)
    return getattr(story, "lead", None) or post


def _group_key(post: Post) -> Any:
    story = getattr(post, "story", None)
    return ("story", story.id) if story is not None else ("post", post.slug)


@dataclass(frozen=True, slots=True)
class Listing:
    """A company page's entries: ``central`` first (that many), then the rest."""

    entries: list[Post]
    central: int


def company_listing(company: Any, posts: Sequence[Post], rank: int) -> Listing:
    """One entry per story (or per post without a story), central ones first.

    A story is central to the company when any of its posts names the company
    among its first ``rank`` companies. ``posts`` are newest first, and so is
    each half of the result.
    """
    reps: dict[Any, Post] = {}
    central: set[Any] = set()
    for post in posts:
        key = _group_key(post)
        reps.setdefault(key, representative(post))
        if is_central(post, company, rank):
            central.add(key)
    first = [rep for key, rep in reps.items() if key in central]
    rest = [rep for key, rep in reps.items() if key not in central]
    return Listing(first + rest, len(first))


def more_about(
    post: Post, posts_by_company: Mapping[str, Sequence[Post]], rank: int, limit: int,
    timelines: Mapping[str, Timeline] | None = None,
) -> list[tuple[Any, list[Post]]]:
    """For each main company of a post, the other stories naming it nearest in time, newest first.

    Nearest rather than newest: an old post shows what was news around it, and a
    new post changes only its neighbours' pages, so a rebuild re-renders few
    pages. ``posts_by_company`` lists are newest first and hold ``post`` itself.
    Skips the post's own story and anything already listed for an earlier company.
    ``timelines`` (``timelines_by_company``, made once for all posts) spares finding each
    post in each list and working out its time again.
    """
    if timelines is None:
        timelines = timelines_by_company(posts_by_company)
    shown = {_group_key(post)}
    sections = []
    instant = _instant(post.date)
    for company in values_of(post, "companies")[:rank]:
        posts = posts_by_company.get(company.slug, ())
        timeline = timelines.get(company.slug, _EMPTY)
        picks: list[tuple[int, Post]] = []
        for position in _nearest_first(timeline.instants, instant, timeline.positions.get(id(post), -1)):
            key = _group_key(posts[position])
            if key in shown:
                continue
            shown.add(key)
            picks.append((position, posts[position]))
            if len(picks) == limit:
                break
        if picks:
            sections.append((company, [representative(other) for _, other in sorted(picks, key=lambda pick: pick[0])]))
    return sections


@dataclass(frozen=True, slots=True)
class Timeline:
    """A company's newest-first list as ``more_about`` walks it."""

    positions: dict[int, int]  # id of a post -> its position in the list
    instants: list[int]  # each post's time in whole microseconds: exact, and no time-zone arithmetic


_EMPTY = Timeline({}, [])


def _instant(when: datetime) -> int:
    """A date as whole microseconds since 1970 (UTC for an aware date)."""
    return calendar.timegm(when.utctimetuple()) * 1_000_000 + when.microsecond


def timelines_by_company(posts_by_company: Mapping[str, Sequence[Post]]) -> dict[str, Timeline]:
    """Company slug -> its ``Timeline``, for ``more_about``."""
    return {slug: Timeline({id(p): i for i, p in enumerate(posts)}, [_instant(p.date) for p in posts])
            for slug, posts in posts_by_company.items()}


def _nearest_first(instants: Sequence[int], instant: int, here: int) -> Iterable[int]:
    """Positions of the other posts of a newest-first list of ``instants``, walking out from
    ``here`` (the post's position, -1 if absent; its time is ``instant``); ties go to the newer."""
    newer, older = here - 1, here + 1
    while newer >= 0 or older < len(instants):
        if older >= len(instants) or (newer >= 0 and instants[newer] - instant <= instant - instants[older]):
            yield newer
            newer -= 1
        else:
            yield older
            older += 1
