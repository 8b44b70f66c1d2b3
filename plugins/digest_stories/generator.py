"""The digest pages: the home page (stories grouped by day, paginated by days) and one page per day.

Templates and their variables:
- ``index``: ``days`` [(date, [Story])], ``page_number`` (1 for the home page; older
  pages are numbered from the oldest day, 2 being the oldest, so that they keep their
  days), ``prev_url`` (newer page) and ``next_url`` (older page), None at the ends.
- ``day``: ``day`` (date), ``day_stories`` [Story], ``prev_day_url`` (the
  previous, older day) and ``next_day_url`` (the next, newer day), None at the ends.
  Every day with a post has its issue: the stories first reported that day, then
  the older stories it brought further coverage of (``story.day`` before ``day``).
  The home page lists each story once, on the day it was first reported.
URLs are relative to the site root: templates write ``{{ SITEURL }}/{{ next_url }}``.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from typing import Any

from pelican.generators import Generator

from digest_core.incremental import flush
from digest_core.pagination import neighbours, page_slices
from digest_stories.config import StoryConfig, load_config
from digest_stories.feed import write_story_feed
from digest_stories.story import by_coverage_day, by_day

logger = logging.getLogger(__name__)


def page_urls(config: StoryConfig, count: int) -> list[tuple[str, str]]:
    """(url, save_as) of home pages 1..count; page 1 is the site root."""
    pages = [("", config.index_save_as)]
    for number in range(2, count + 1):
        pages.append((config.page_url.format(number=number), config.page_save_as.format(number=number)))
    return pages


class StoriesGenerator(Generator):
    """Writes the home page, its older pages, the day pages and the stories feed."""

    def generate_context(self) -> None:
        """Nothing to read: the stories were put in the context when the articles were finalised."""

    def generate_output(self, writer: Any) -> None:
        config = load_config(self.settings)
        stories = self.context.get("stories", [])
        write = partial(writer.write_file, relative_urls=self.settings["RELATIVE_URLS"])
        clash = self.pelican_writes_index(config)
        if clash:
            logger.warning("digest_stories: Pelican's own index also writes %s; set INDEX_SAVE_AS = \"\" "
                           "(the stories digest replaces it)", config.index_save_as)
        self.write_home(partial(write, override_output=clash), by_day(stories), config)
        self.write_days(write, by_coverage_day(stories), config)
        if config.feed_atom:
            write_story_feed(writer, stories, self.context, config.feed_atom)
        flush(writer)  # before StaticGenerator copies files, as a serial build would

    def pelican_writes_index(self, config: StoryConfig) -> bool:
        """Whether ArticlesGenerator's "index" direct template targets our home page too."""
        return "index" in self.settings.get("DIRECT_TEMPLATES", ()) and (
            self.settings.get("INDEX_SAVE_AS", "index.html") == config.index_save_as
        )

    def write_home(self, write: Any, days: list[tuple[date, list[Any]]], config: StoryConfig) -> None:
        """The newest days on the home page, older ones on pages numbered from the oldest day
        (``digest_core.pagination``): a new day, or a new story, changes the home page only."""
        slices = page_slices(len(days), config.days_per_page)
        pages = page_urls(config, len(slices))
        template = self.get_template("index")
        for (number, start, stop), (newer, older) in zip(slices, neighbours([s[0] for s in slices])):
            url, save_as = pages[number - 1]
            write(
                save_as,
                template,
                self.context,
                days=days[start:stop],
                page_number=number,
                prev_url=pages[newer - 1][0] if newer else None,
                next_url=pages[older - 1][0] if older else None,
                page_name="index",
                url=url,
            )

    def write_days(self, write: Any, days: list[tuple[date, list[Any]]], config: StoryConfig) -> None:
        template = self.get_template("day")
        urls = [config.day_url.format(date=day) for day, _ in days]
        for pos, (day, stories) in enumerate(days):  # newest first
            write(
                config.day_save_as.format(date=day),
                template,
                self.context,
                day=day,
                day_stories=stories,
                prev_day_url=urls[pos + 1] if pos + 1 < len(urls) else None,
                next_day_url=urls[pos - 1] if pos > 0 else None,
                page_name="day",
                url=urls[pos],
            )
