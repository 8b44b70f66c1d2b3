"""A stand-in for digest_stories, for the theme tests only.

Posts of the same day that name the same set of companies form one story;
the earliest is its lead. It provides what the theme reads: ``article.story``
(id, lead, coverage, companies, pinned, ...), ``article.story_role``, and an
index page and a day page rendered with the "index" and "day" templates.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from pelican import signals
from pelican.generators import Generator

NAME = "site_story_stub"


@dataclass(eq=False)
class StubStory:
    id: str
    lead: Any
    coverage: list[Any]
    companies: list[Any]  # the lead's company objects, as digest_stories gives them on the site
    day: date
    url: str = ""
    anchor: str = ""
    duplicates: list[Any] = field(default_factory=list)
    pinned: bool = False
    hidden: bool = False


def group_stories(generator: Any) -> None:
    if NAME not in generator.settings["PLUGINS"]:
        return
    groups: dict[tuple, list[Any]] = defaultdict(list)
    for post in generator.articles:
        companies = frozenset(c.slug for c in getattr(post, "companies", []))
        groups[(post.date.date(), companies or post.slug)].append(post)
    stories = []
    for posts in groups.values():
        posts.sort(key=lambda p: (p.date, p.slug))
        lead, *coverage = posts
        story = StubStory(lead.slug, lead, coverage, list(getattr(lead, "companies", [])), lead.date.date())
        story.anchor = f"story-{lead.slug}"
        story.url = f"stories/day/#{story.anchor}"
        story.pinned = len(posts) > 1
        for post in posts:
            post.story = story
            post.story_role = "lead" if post is lead else "coverage"
        stories.append(story)
    stories.sort(key=lambda s: (s.lead.date, s.id), reverse=True)
    generator.context["stories"] = stories


class StubPagesGenerator(Generator):
    """Writes stories/index.html ("index" template) and stories/day/index.html ("day")."""

    def generate_output(self, writer: Any) -> None:
        stories = self.context.get("stories", [])
        days: dict[date, list[StubStory]] = defaultdict(list)
        for story in stories:
            days[story.day].append(story)
        ordered = sorted(days.items(), reverse=True)
        writer.write_file(
            "stories/index.html", self.get_template("index"), self.context, relative_urls=True,
            days=ordered, page_number=1, prev_url="", next_url="stories/page/2/",
        )
        day, day_stories = ordered[0]
        writer.write_file(
            "stories/day/index.html", self.get_template("day"), self.context, relative_urls=True,
            day=day, day_stories=day_stories, prev_day_url="stories/day/prev/", next_day_url="",
        )


def add_generator(pelican: Any) -> type[StubPagesGenerator] | None:
    return StubPagesGenerator if NAME in pelican.settings["PLUGINS"] else None


def register() -> None:
    signals.article_generator_finalized.connect(group_stories)
    signals.get_generators.connect(add_generator)
