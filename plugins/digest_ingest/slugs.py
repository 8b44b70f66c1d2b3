"""Slugs and post paths: readable, stable, unique."""

from __future__ import annotations

from datetime import datetime

from slugify import slugify

MAX_SLUG = 70
# Words that add length but not meaning to a URL.
_FILLER = {"a", "an", "the", "to", "of", "and", "in", "on", "for", "with", "at", "by", "is", "are", "as"}


def make_slug(title: str, max_length: int = MAX_SLUG) -> str:
    """A URL slug from a headline: ASCII, lower case, filler words dropped, cut at a word."""
    words = [w for w in slugify(title).split("-") if w]
    kept = [w for w in words if w not in _FILLER] or words
    slug = ""
    for word in kept:
        candidate = f"{slug}-{word}" if slug else word
        if len(candidate) > max_length:
            break
        slug = candidate
    return slug or "post"


def post_path(slug: str, date: datetime | None) -> str:
    """Where the post lives below the posts folder, e.g. ``2018/2018-02-26-slug.md``."""
    if date is None:
        return f"undated/{slug}.md"
    return f"{date:%Y}/{date:%Y-%m-%d}-{slug}.md"


def unique_slug(base: str, taken: set[str], hint: str = "") -> str:
    """``base``, else ``base-<hint>``, else ``base-2``, ``base-3``…, never one in ``taken``."""
    if base not in taken:
        return base
    hinted = f"{base}-{slugify(hint)}" if hint and slugify(hint) else ""
    if hinted and hinted not in taken:
        return hinted
    n = 2
    while f"{base}-{n}" in taken:
        n += 1
    return f"{base}-{n}"
