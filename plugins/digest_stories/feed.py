"""The stories Atom feed: one entry per visible story, linked to its anchor on its day page.

Entries are written by whatever Writer the build uses (digest_taxonomies'
DigestWriter makes the entry id a tag: URI from ``slug``; Pelican's own
derives it from link and date). ``slug`` here is "story/<id>" and the date is
the story's first report, so the entry id stays put when coverage joins or
the lead changes, and never equals a post's id.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from markupsafe import escape


class StoryEntry:
    """The attributes a feed writer reads from an item, for one story."""

    def __init__(self, story: Any) -> None:
        lead = story.lead
        self.story = story
        self.slug = f"story/{story.id}"
        self.title = str(lead.title)  # plain text: feed writers escape it
        self.url = story.url
        self.date: datetime = min((p.date for p in (lead, *story.coverage)), key=lambda d: d.timestamp())
        self.summary = getattr(lead, "summary", None)
        self.authors = list(story.outlets)
        self.source = getattr(lead, "source", None)
        self.source_url = getattr(lead, "source_url", "")
        self.companies = getattr(lead, "companies", None)
        self.tags = getattr(lead, "tags", None) or []

    def get_content(self, siteurl: str) -> str:
        """The lead's summary (HTML Pelican made from escaped Markdown), then each post and its outlet."""
        links = []
        for post in (self.story.lead, *self.story.coverage):
            source = getattr(post, "source", "") or ""
            outlet = f" ({escape(str(source))})" if source else ""
            href = f"{escape(siteurl)}/{escape(post.url)}"
            links.append(f'<li><a href="{href}">{escape(post.title)}</a>{outlet}</li>')
        summary = f"<div>{self.summary}</div>" if self.summary else ""
        return f"{summary}<ul>{''.join(links)}</ul>"


def write_story_feed(writer: Any, stories: Sequence[Any], context: dict[str, Any], feed_path: str) -> None:
    """Write the feed at ``feed_path`` with stories in home-page order."""
    writer.write_feed([StoryEntry(s) for s in stories], context, feed_path, feed_title="Stories")
