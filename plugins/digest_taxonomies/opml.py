"""An OPML 2.0 subscription list of every feed the site publishes."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from xml.sax.saxutils import escape, quoteattr


@dataclass(frozen=True, slots=True)
class FeedRef:
    """One feed: its title, the feed URL and the page it belongs to."""

    title: str
    xml_url: str
    html_url: str


def _outline(feed: FeedRef, indent: str) -> str:
    return (
        f"{indent}<outline type=\"rss\" text={quoteattr(feed.title)} "
        f"title={quoteattr(feed.title)} xmlUrl={quoteattr(feed.xml_url)} "
        f"htmlUrl={quoteattr(feed.html_url)}/>"
    )


def render_opml(title: str, groups: Sequence[tuple[str, Sequence[FeedRef]]]) -> str:
    """OPML with one outline per feed, grouped under one outline per group.

    ``groups[0]`` may be ("", [feed]) for feeds listed at the top level. Empty
    groups are left out. No dateCreated: the file must not change between builds.
    """
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<opml version="2.0">',
        f"  <head><title>{escape(title)}</title></head>",
        "  <body>",
    ]
    for name, feeds in groups:
        if not feeds:
            continue
        if not name:
            lines += [_outline(f, "    ") for f in feeds]
            continue
        lines.append(f"    <outline text={quoteattr(name)} title={quoteattr(name)}>")
        lines += [_outline(f, "      ") for f in feeds]
        lines.append("    </outline>")
    lines += ["  </body>", "</opml>", ""]
    return "\n".join(lines)
