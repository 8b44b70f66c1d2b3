"""A post's metadata and HTML body as a ``StoryItem`` (used by the plugin and the CLI).

Metadata is Pelican's: keys lower-cased, values as the Markdown reader (or a
plugin such as digest_taxonomies) left them: ``companies`` may be "A; B", a
list of strings or a list of objects with ``.name``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from html.parser import HTMLParser

from digest_core.text import clean_line
from digest_stories.model import Overrides, StoryItem

_BLOCK_TAGS = {"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr", "table",
               "ul", "ol", "section", "article", "figcaption"}
_SKIP_TAGS = {"script", "style", "template", "noscript"}
_YES = {"yes", "true", "1", "on", "y"}


class _TextCollector(HTMLParser):
    """Text of an HTML fragment, a newline at each block boundary, scripts dropped."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skipping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self.skipping += 1
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self.skipping = max(0, self.skipping - 1)
        elif tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.parts.append(data)


def plain_text(html: str) -> str:
    """Paragraphs of an HTML body as plain lines (no empty lines)."""
    collector = _TextCollector()
    collector.feed(html or "")
    collector.close()
    lines = (clean_line(line) for line in "".join(collector.parts).split("\n"))
    return "\n".join(line for line in lines if line)


def names_of(value: object) -> tuple[str, ...]:
    """A metadata list as names: "A; B" (or "A, B" without ";"), [str], or [obj with .name]."""
    if value is None or value == "":
        return ()
    if isinstance(value, str):
        parts = value.split(";") if ";" in value else value.split(",")
    elif isinstance(value, (list, tuple)):
        parts = [getattr(v, "name", v) for v in value]
    else:
        parts = [getattr(value, "name", value)]
    names = (clean_line(str(p)) for p in parts)
    return tuple(dict.fromkeys(n for n in names if n))


def _yes(value: object) -> bool:
    return str(value or "").strip().lower() in _YES


def overrides_of(metadata: Mapping[str, object]) -> Overrides:
    """The editor's story_lead / story_split / story_merge / story_hide header values."""
    return Overrides(
        lead=_yes(metadata.get("story_lead")),
        split=_yes(metadata.get("story_split")),
        merge=clean_line(str(metadata.get("story_merge") or "")),
        hide=_yes(metadata.get("story_hide")),
    )


def make_item(
    *, slug: str, title: str, html: str, date: datetime | None, status: str, metadata: Mapping[str, object]
) -> StoryItem:
    """A ``StoryItem``; a date in year 9999 (Pelican's stand-in for an undated draft) counts as none."""
    source = metadata.get("source")
    return StoryItem(
        slug=slug,
        title=clean_line(str(title or "")),
        text=plain_text(html),
        date=date if date is not None and date.year < 9999 else None,
        source=clean_line(str(source)) if source else "",
        companies=names_of(metadata.get("companies")),
        flags=names_of(metadata.get("flags")),
        status=str(status or "published"),
        overrides=overrides_of(metadata),
    )
