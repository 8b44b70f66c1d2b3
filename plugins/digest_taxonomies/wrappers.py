"""Companies and outlets as Pelican URL wrappers, made from post headers.

``Companies: Microsoft; Xiaomi`` becomes ``[Company("Microsoft"), ...]`` and
``Source: The Verge`` becomes ``Source("The Verge")``, the way Pelican turns
``Tags`` into ``Tag`` objects. Like every URLWrapper they compare and hash by
slug (Pelican's ``slugify``) and print as their display name.
"""

from __future__ import annotations

import logging
import os
import re
from collections.abc import Iterable, Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from pelican.urlwrappers import URLWrapper
from pelican.utils import slugify

from digest_core.text import clean_line, safe_href, xml_text
from digest_taxonomies.company_names import canonical_name, renames_of, shown_name
from digest_taxonomies.config import setting

logger = logging.getLogger(__name__)


@lru_cache(maxsize=1 << 14)
def _slug(key: str, substitutions: tuple[tuple[str, str], ...], preserve_case: bool, use_unicode: bool) -> str:
    return slugify(key, regex_subs=substitutions, preserve_case=preserve_case, use_unicode=use_unicode)


def wrapper_slug(kind: type[URLWrapper], key: str, settings: Mapping[str, Any]) -> str:
    """Pelican's slug of ``key`` for a wrapper of class ``kind``, remembered (Pelican
    slugifies each wrapper's name afresh: every post's tags, outlet and companies)."""
    substitutions = settings.get(f"{kind.__name__.upper()}_REGEX_SUBSTITUTIONS",
                                 settings.get("SLUG_REGEX_SUBSTITUTIONS", []))
    return _slug(key, tuple(map(tuple, substitutions)), bool(settings.get("SLUGIFY_PRESERVE_CASE", False)),
                 bool(settings.get("SLUGIFY_USE_UNICODE", False)))


def remember_slug(wrapper: URLWrapper) -> None:
    """Give a wrapper whose slug follows its name the remembered ``wrapper_slug``, so that
    Pelican does not slugify it again (about a second of a 10,000-post build, for a few
    hundred distinct names). An empty slug is left to Pelican, which warns."""
    if wrapper._slug is None and wrapper._slug_from_name:
        wrapper._slug = wrapper_slug(type(wrapper), wrapper.name, wrapper.settings) or None


class _Taxon(URLWrapper):
    """A URLWrapper whose URL settings fall back to the plugin defaults."""

    def __init__(self, name: str, settings: Mapping[str, Any]) -> None:
        super().__init__(name, settings)
        remember_slug(self)

    def _normalize_key(self, key: str) -> str:
        """Pelican's slug of ``key``, remembered: a wrapper compared with a name (Pelican's
        ``__eq__``: outlets unified by name, a theme looking a company up by name) slugifies
        the name for each comparison."""
        return wrapper_slug(type(self), key, self.settings)

    def _format(self, key: str) -> str:
        template = setting(self.settings, f"{type(self).__name__.upper()}_{key}")
        return str(template or "").format(slug=self.slug, name=self.name)

    @property
    def url(self) -> str:
        return self._format("URL")

    @property
    def save_as(self) -> str:
        return self._format("SAVE_AS")

    @property
    def page_name(self) -> str:
        return os.path.splitext(self._format("URL"))[0]

    @property
    def feed_atom(self) -> str:
        """Output path (and URL) of this value's Atom feed; "" when disabled."""
        return self._format("FEED_ATOM")


class Company(_Taxon):
    """A company named in a post's ``Companies`` header."""

    def name_on(self, when: date | datetime | None) -> str:
        """The name a post dated ``when`` shows (``company_names``); None: the canonical name."""
        return shown_name(self.name, when, self.settings)

    @property
    def earlier_names(self) -> list[tuple[str, date]]:
        """(name, day the next name took over) for each name it went by before, oldest first."""
        return [(old, date.fromisoformat(until)) for until, old in renames_of(self.name, self.settings)]


class Source(_Taxon):
    """An outlet: the publication a post's original article comes from."""


def split_names(value: str | Iterable[str]) -> list[str]:
    """Names from a ``"A; B"`` header value (or repeated headers), cleaned, in order."""
    parts = [value] if isinstance(value, str) else list(value)
    names = (clean_line(name) for part in parts for name in str(part).split(";"))
    return [name for name in names if name]


def wrap_all(cls: type[_Taxon], names: Iterable[str], settings: Mapping[str, Any]) -> list[_Taxon]:
    """One wrapper per distinct slug, first spelling wins; unsluggable names are dropped."""
    seen: dict[str, _Taxon] = {}
    for name in names:
        item = cls(name, settings)
        if item.slug and item.slug not in seen:
            seen[item.slug] = item
    return list(seen.values())


_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*")


def _clean_names(values: list[Any]) -> list[Any]:
    """Pelican's Tag or Author objects with clean one-line names, their slugs remembered
    (``remember_slug``); empty ones left out."""
    cleaned = []
    for value in values:
        name = clean_line(str(getattr(value, "name", value)))
        if name and isinstance(value, URLWrapper):
            if name != value.name:
                value = type(value)(name, value.settings)
            remember_slug(value)
        if name:
            cleaned.append(value)
    return cleaned


def convert_metadata(metadata: dict[str, Any], settings: Mapping[str, Any]) -> None:
    """Turn a post's header strings into wrappers, in place.

    ``companies`` becomes a list of Company, each by the registry's name for it
    (``company_names``), ``source`` a Source, ``source_url``
    is kept only when it is a safe http(s) link. The title, tag and author names
    lose control characters and line breaks, the summary the characters XML
    cannot hold: in a feed they would stop the XML writer, and the whole build.
    """
    if "title" in metadata:
        metadata["title"] = clean_line(str(metadata["title"]))
    for key in ("tags", "authors"):
        if isinstance(metadata.get(key), list):
            metadata[key] = _clean_names(metadata[key])
    if isinstance(metadata.get("author"), URLWrapper):
        metadata["author"] = (_clean_names([metadata["author"]]) or [metadata["author"]])[0]
    if "lang" in metadata and not _LANGUAGE_TAG.fullmatch(str(metadata["lang"])):
        # It becomes part of the post's address and of <html lang>: "../x" would make a folder "slug-..".
        logger.warning('digest_taxonomies: Lang %r of "%s" is not a language tag such as "de" or "pt-BR"; '
                       "the post is in the site's language", metadata["lang"], metadata.get("title", ""))
        del metadata["lang"]
    if isinstance(metadata.get("summary"), str):
        summary = metadata["summary"]
        metadata["summary"] = type(summary)(xml_text(summary))  # Markdown's HTML: Markup stays Markup
    if "companies" in metadata:
        names = [canonical_name(name, settings) for name in split_names(metadata["companies"])]
        metadata["companies"] = wrap_all(Company, names, settings)
    if "source" in metadata:
        value = metadata["source"]
        if isinstance(value, list):  # a repeated Source header: the first wins
            value = value[0] if value else ""
        name = clean_line(str(value))
        sources = wrap_all(Source, [name], settings)
        if sources:
            metadata["source"] = sources[0]
        else:
            del metadata["source"]
    if "source_url" in metadata:
        href = safe_href(str(metadata["source_url"]))
        if href:
            metadata["source_url"] = href
        else:
            del metadata["source_url"]
