"""Records of the stories plugin: posts going in, groups coming out, stories for the theme.

``StoryItem`` is what clustering sees of a post (built from a Pelican article
or from a Markdown file by the CLI). ``StoryGroup`` is the clustering result,
by slug. ``Story`` is what templates get: the same group with the site's post
objects (Pelican articles) in place of slugs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from typing import Any, Generic, Literal, TypeVar

Role = Literal["lead", "coverage", "duplicate"]
P = TypeVar("P")


@dataclass(frozen=True, slots=True)
class Overrides:
    """An editor's story_* settings in one post's header."""

    lead: bool = False  # story_lead: pin this post as its story's lead
    split: bool = False  # story_split: this post is a story of its own
    merge: str = ""  # story_merge: story id or post slug to join
    hide: bool = False  # story_hide: hide the whole story from the home page and story feed


@dataclass(frozen=True, slots=True)
class StoryItem:
    """One post as the clustering sees it."""

    slug: str
    title: str
    text: str  # plain text of the body, paragraphs separated by newlines
    date: datetime | None
    source: str = ""
    companies: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    status: str = "published"
    overrides: Overrides = field(default_factory=Overrides)

    @property
    def clean(self) -> bool:
        """Neither flagged by the ingest nor a draft."""
        return not self.flags and self.status != "draft"

    @property
    def timestamp(self) -> float | None:
        """Seconds since the epoch; naive dates are read as UTC."""
        if self.date is None:
            return None
        moment = self.date if self.date.tzinfo else self.date.replace(tzinfo=timezone.utc)
        return moment.timestamp()


@dataclass(frozen=True, slots=True)
class Member:
    """One post's place in a story."""

    slug: str
    role: Role
    copy_of: str = ""  # slug of the post it copies: exact duplicate or syndicated/spun copy


@dataclass(frozen=True, slots=True)
class StoryGroup:
    """A clustered story: lead first, then coverage by date, then exact duplicates."""

    id: str
    members: tuple[Member, ...]
    pinned: bool = False  # an editor pinned its lead
    hidden: bool = False  # an editor hid it

    @property
    def lead(self) -> str:
        return self.members[0].slug

    @property
    def slugs(self) -> tuple[str, ...]:
        return tuple(m.slug for m in self.members)


@dataclass(frozen=True, slots=True)
class Story(Generic[P]):
    """A story as templates see it; ``P`` is the site's post type (a Pelican Article)."""

    id: str
    lead: P
    coverage: tuple[P, ...]  # further coverage, duplicates excluded
    duplicates: tuple[P, ...]
    posts: tuple[P, ...]  # lead, coverage, duplicates
    outlets: tuple[str, ...]  # distinct sources, the lead's first
    companies: tuple[Any, ...]  # names, most shared first; on the site, the posts' company objects
    date: datetime  # the lead's date
    day: date  # the day it was first reported: fixes its URL when later posts join
    days: tuple[date, ...]  # every day with a listed post, oldest first: the day issues it is in
    updated: datetime  # the newest post's date, for ordering
    importance: float
    pinned: bool
    hidden: bool
    url: str  # relative: "{day:%Y/%m/%d}/#story-{id}"
    anchor: str  # "story-{id}", the element id on the day page
