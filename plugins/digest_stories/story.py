"""Stories as the site shows them: groups of slugs turned into ``Story`` records of posts.

Only posts present in ``posts`` (on the site: published articles) appear; a
group none of whose posts is present is left out.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import date, datetime, timezone
from operator import itemgetter
from typing import TypeVar

from digest_stories.config import StoryConfig
from digest_stories.model import Story, StoryGroup, StoryItem

P = TypeVar("P")


def _moment(value: datetime) -> float:
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).timestamp()


def _outlets(items: Sequence[StoryItem]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(item.source for item in items if item.source))


def _companies(items: Sequence[StoryItem]) -> tuple[str, ...]:
    """Company names, most shared first, then in order of appearance."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for item in items:
        for name in item.companies:
            key = name.casefold()
            spelling.setdefault(key, name)
            counts[key] += 1
    order = list(spelling)
    return tuple(spelling[k] for k in sorted(order, key=lambda k: (-counts[k], order.index(k))))


def make_story(
    group: StoryGroup, items: Mapping[str, StoryItem], posts: Mapping[str, P], config: StoryConfig
) -> Story[P] | None:
    """One group as a Story, or None when none of its posts is present or dated."""
    present = [m for m in group.members if m.slug in posts and items[m.slug].date is not None]
    listed = [m for m in present if m.role != "duplicate"]
    if not listed:
        return None
    lead, others = listed[0], listed[1:]  # the group's lead comes first; if absent, the next post leads
    duplicates = [m for m in present if m.role == "duplicate"]
    shown = [items[m.slug] for m in listed]
    dates = [item.date for item in shown if item.date is not None]
    first = min(dates, key=_moment)
    outlets = _outlets(shown)
    day = first.date()
    anchor = f"story-{group.id}"
    return Story(
        id=group.id,
        lead=posts[lead.slug],
        coverage=tuple(posts[m.slug] for m in others),
        duplicates=tuple(posts[m.slug] for m in duplicates),
        posts=tuple(posts[m.slug] for m in (*listed, *duplicates)),
        outlets=outlets,
        companies=_companies(shown),
        date=items[lead.slug].date or first,  # present posts are dated; "or" only satisfies the type
        day=day,
        days=tuple(sorted({d.date() for d in dates})),
        updated=max(dates, key=_moment),
        importance=float(max(len(outlets), 1)) + (config.pin_bonus if group.pinned else 0.0),
        pinned=group.pinned,
        hidden=group.hidden,
        url=config.day_url.format(date=day) + "#" + anchor,
        anchor=anchor,
    )


def story_order(story: Story[P]) -> tuple[int, float, float, str]:
    """Newest day first, then most important, then most recently updated."""
    return (-story.day.toordinal(), -story.importance, -_moment(story.updated), story.id)


def make_stories(
    groups: Sequence[StoryGroup], items: Mapping[str, StoryItem], posts: Mapping[str, P], config: StoryConfig
) -> list[Story[P]]:
    """Stories of the present posts, in home-page order."""
    stories = [s for s in (make_story(g, items, posts, config) for g in groups) if s is not None]
    return sorted(stories, key=story_order)


def by_day(stories: Sequence[Story[P]]) -> list[tuple[date, list[Story[P]]]]:
    """(day, stories first reported that day) pairs, newest day first: the home page's river,
    where each story appears once. ``stories`` must be in ``story_order``."""
    return _grouped(stories, lambda story: (story.day,))


def by_coverage_day(stories: Sequence[Story[P]]) -> list[tuple[date, list[Story[P]]]]:
    """(day, stories with a post that day) pairs, newest day first: the day issues.

    A story is in the issue of every day it was covered. Within a day, stories first
    reported that day come first, then follow-ups of older ones, newest story first;
    ``stories`` must be in ``story_order``."""
    return _grouped(stories, lambda story: story.days)


def _grouped(stories: Sequence[Story[P]], days_of: Callable[[Story[P]], Iterable[date]]
             ) -> list[tuple[date, list[Story[P]]]]:
    days: dict[date, list[Story[P]]] = {}
    for story in stories:
        for day in days_of(story):
            days.setdefault(day, []).append(story)
    return sorted(days.items(), key=itemgetter(0), reverse=True)
