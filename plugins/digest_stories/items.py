"""A post's metadata and HTML body as a ``StoryItem`` (used by the plugin and the CLI).

Metadata is Pelican's: keys lower-cased, values as the Markdown reader (or a
plugin such as digest_taxonomies) left them: ``companies`` may be "A; B", a
list of strings or a list of objects with ``.name``.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Mapping
from datetime import datetime
from html import unescape

from digest_core.text import clean_line, clean_lines
from digest_stories.model import Overrides, StoryItem

_BLOCK_TAGS = frozenset({"p", "div", "li", "br", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "tr",
                         "table", "ul", "ol", "section", "article", "figcaption"})
# A ">" inside a quoted value does not end a tag; no match runs past the next "<", so a body
# full of unclosed tags costs linear time, not quadratic.
_ATTRIBUTES = r"""(?:[^<>"']|"[^"<]*"|'[^'<]*')*"""
# Elements whose content is not text, and comments; unclosed, they run to the end (as in a browser).
_NOT_TEXT = re.compile(rf"<(script|style|template|noscript)\b{_ATTRIBUTES}>.*?(?:</\1\s*>|\Z)|<!--.*?(?:-->|\Z)",
                       re.IGNORECASE | re.DOTALL)
_TAG = re.compile(rf"</?([a-zA-Z][^\s/<>]*){_ATTRIBUTES}>|<[!?][^<>]*>")
_YES = {"yes", "true", "1", "on", "y"}
_NO = {"no", "false", "0", "off", "n", ""}

logger = logging.getLogger(__name__)


def _line_break_at_block(tag: re.Match[str]) -> str:
    name = tag.group(1)
    return "\n" if name and name.lower() in _BLOCK_TAGS else ""


def plain_text(html: str) -> str:
    """Paragraphs of an HTML body as plain lines (no empty lines), scripts and comments
    dropped. The body is Markdown's output, so tags are well formed; regular expressions
    read it in a tenth of the time of an HTML parser, which counted in every build."""
    text = unescape(_TAG.sub(_line_break_at_block, _NOT_TEXT.sub("", html or "")))
    return "\n".join(clean_lines(text))


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


def _yes(metadata: Mapping[str, object], key: str, slug: str) -> bool:
    """A yes/no header; a value that is neither counts as no, with a warning naming the post:
    an editor's "Story_lead: maybe" must not be ignored without a word."""
    value = str(metadata.get(key) or "").strip().lower()
    if value not in _YES and value not in _NO:
        logger.warning("digest_stories: %s: %s %r is neither yes nor no; read as no", slug or "a post", key,
                       metadata[key])
    return value in _YES


def overrides_of(metadata: Mapping[str, object], slug: str = "") -> Overrides:
    """The editor's story_lead / story_split / story_merge / story_hide header values."""
    return Overrides(
        lead=_yes(metadata, "story_lead", slug),
        split=_yes(metadata, "story_split", slug),
        merge=clean_line(str(metadata.get("story_merge") or "")),
        hide=_yes(metadata, "story_hide", slug),
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
        overrides=overrides_of(metadata, slug),
    )
