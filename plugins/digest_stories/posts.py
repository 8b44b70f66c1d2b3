"""Posts read straight from the Markdown files, without a Pelican build (for the CLI).

Reads what Pelican would: every Markdown file below ARTICLE_PATHS, through
Pelican's own MarkdownReader, with the same slug and timezone rules. Posts
with status "hidden" or "skip" are left out, as the build leaves them out of
stories; drafts are kept so editors can review them before publishing.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping
from fnmatch import fnmatch
from pathlib import Path
from typing import Any

from pelican.contents import Article
from pelican.readers import MarkdownReader
from pelican.utils import set_date_tzinfo, slugify

from digest_core.addresses import unwritable
from digest_stories.items import make_item
from digest_stories.model import StoryItem

logger = logging.getLogger(__name__)

LISTED_STATUSES = ("published", "draft")


def post_files(settings: Mapping[str, Any]) -> list[Path]:
    """Markdown files below the article paths, minus IGNORE_FILES and ARTICLE_EXCLUDES, sorted."""
    root = Path(settings["PATH"])
    extensions = set(MarkdownReader.file_extensions)
    ignored = list(settings.get("IGNORE_FILES", []))
    excluded = [root / e for e in settings.get("ARTICLE_EXCLUDES", [])]
    found: set[Path] = set()
    for folder in settings.get("ARTICLE_PATHS", [""]):
        for path in (root / folder).rglob("*"):
            parts = path.relative_to(root).parts
            if (
                path.is_file()
                and path.suffix[1:] in extensions
                and not any(fnmatch(part, pattern) for part in parts for pattern in ignored)
                and not any(path.is_relative_to(e) for e in excluded)
            ):
                found.add(path)
    return sorted(found)


def _slug(metadata: Mapping[str, Any], settings: Mapping[str, Any]) -> str:
    if metadata.get("slug"):
        return str(metadata["slug"])
    return slugify(
        str(metadata.get("title", "")),
        regex_subs=settings.get("SLUG_REGEX_SUBSTITUTIONS", []),
        preserve_case=settings.get("SLUGIFY_PRESERVE_CASE", False),
        use_unicode=settings.get("SLUGIFY_USE_UNICODE", False),
    )


def read_item(reader: MarkdownReader, path: Path, settings: dict[str, Any]) -> tuple[StoryItem, str] | None:
    """One post as a StoryItem, with the file Pelican would write it to; None when Pelican
    would not list it (no title, undated, hidden)."""
    html, metadata = reader.read(str(path))
    status = str(metadata.get("status") or settings.get("DEFAULT_METADATA", {}).get("status", "published"))
    date = metadata.get("date")
    if status not in LISTED_STATUSES or not metadata.get("title") or (date is None and status != "draft"):
        return None
    if date is not None:
        date = set_date_tzinfo(date, settings.get("TIMEZONE"))
    slug = _slug(metadata, settings)
    item = make_item(slug=slug, title=str(metadata["title"]), html=html, date=date, status=status,
                     metadata=metadata)
    return item, _save_as({**metadata, "slug": slug, "status": status}, path, settings)


def _save_as(metadata: Mapping[str, Any], path: Path, settings: dict[str, Any]) -> str:
    """Where the build would write the post, as Pelican's Article works it out."""
    article = Article("", metadata=dict(metadata), settings=settings, source_path=str(path), context={})
    return str(article.save_as)


def read_items(settings: Mapping[str, Any]) -> list[StoryItem]:
    """Every listable post the build would write; a file that cannot be read, or a post that
    cannot be written where its address says (``digest_core.addresses``), is logged and
    skipped, as the build leaves it out."""
    given = dict(settings)  # once: the reader and every post's Article take a dict
    reader = MarkdownReader(given)
    read: dict[str, tuple[StoryItem, str]] = {}
    root = Path(settings["PATH"])
    for path in post_files(settings):
        try:
            found = read_item(reader, path, given)
        except Exception as err:  # noqa: BLE001 - one bad file must not stop the review, as in Pelican
            logger.warning("digest_stories: could not read %s: %s", path, err)
            continue
        if found is not None:
            read[path.relative_to(root).as_posix()] = found
    for source, reason in unwritable((source, save_as) for source, (_, save_as) in read.items()):
        logger.warning("digest_stories: %s is left out of the site: %s", source, reason)
        del read[source]
    return [item for item, _ in read.values()]
