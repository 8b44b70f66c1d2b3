"""Resolve a post's metadata from the sidecar and the page's candidates.

Each field has a chain of sources tried in order (sidecar first: the scraper
knew the page's URL and outlet); the first usable value wins and its origin
is recorded, for the report.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import datetime, timedelta
from itertools import islice
from typing import Any

from digest_core.records import Extracted, PostMeta
from digest_core.text import bare_name, clean_line, safe_href, site_host
from digest_ingest.dates import parse_date
from digest_ingest.language import detect_language

MAX_TITLE = 300
MAX_AUTHOR = 80
# Sidecar keys that scrapers use for the same thing.
SIDECAR_KEYS = {
    "title": ("title", "headline"),
    "date": ("published", "published_at", "date", "datePublished", "pubdate"),
    "source": ("source", "outlet", "site_name", "publisher"),
    "url": ("url", "link", "canonical_url"),
    "author": ("authors", "author", "byline"),
    "lang": ("lang", "language"),
}
_AUTHOR_PREFIX = re.compile(r"^(?:by|written by|von|par|por)\s+", re.I)
_NOT_A_NAME = re.compile(r"https?:|www\.|@|\d|[<>{}\[\]|]")


def sidecar_values(sidecar: Mapping[str, Any], field: str) -> list[str]:
    """Text values of a sidecar field (strings, or lists of strings), cleaned."""
    values: list[str] = []
    for key in SIDECAR_KEYS[field]:
        value = sidecar.get(key)
        items = value if isinstance(value, list) else [value]
        values += [clean_line(v) for v in items if isinstance(v, str) and clean_line(v)]
    return values


def _candidates(extracted: Extracted, field: str) -> list[tuple[str, str]]:
    return [(c.value, c.origin) for c in extracted.candidates if c.field == field and clean_line(c.value)]


def fetched_at(sidecar: Mapping[str, Any]) -> datetime | None:
    value = sidecar.get("fetched_at")
    return parse_date(value) if isinstance(value, str) else None


def resolve_title(extracted: Extracted) -> tuple[str, str]:
    chain = [(v, "sidecar") for v in sidecar_values(extracted.decoded.raw.sidecar, "title")]
    for value, origin in chain + _candidates(extracted, "title"):
        title = clean_line(value)
        if title:
            return title[:MAX_TITLE].rstrip(), origin
    for block in extracted.blocks:
        if block.kind == "paragraph" and block.text.strip():
            words = clean_line(block.text).split()
            return " ".join(words[:12]) + (" …" if len(words) > 12 else ""), "body"
    return "Untitled page", "none"


def resolve_date(extracted: Extracted) -> tuple[datetime | None, str]:
    """The publication date; never the fetch date or today's date in silence."""
    sidecar = extracted.decoded.raw.sidecar
    reference = fetched_at(sidecar)
    chain = [(v, "sidecar") for v in sidecar_values(sidecar, "date")] + _candidates(extracted, "date")
    for value, origin in chain:
        date = parse_date(value, reference=reference)
        if date is None or not _plausible(date, reference):
            continue
        return date, origin
    return None, "none"


def _plausible(date: datetime, reference: datetime | None) -> bool:
    if reference is None:
        return True
    ref = reference if (date.tzinfo is None) == (reference.tzinfo is None) else reference.replace(tzinfo=date.tzinfo)
    return date <= ref + timedelta(days=1)


def resolve_url(extracted: Extracted) -> tuple[str, str]:
    chain = [(v, "sidecar") for v in sidecar_values(extracted.decoded.raw.sidecar, "url")]
    for value, origin in chain + _candidates(extracted, "url"):
        url = safe_href(value)
        if url.startswith(("http://", "https://")):
            return url, origin
    return "", "none"


def resolve_source(extracted: Extracted, url: str) -> tuple[str, str]:
    """The outlet's name: sidecar, page metadata, the name a text dump shows that its URL's
    domain or raw folder spells, URL domain, raw folder; else unknown ("")."""
    chain = [(v, "sidecar") for v in sidecar_values(extracted.decoded.raw.sidecar, "source")]
    for value, origin in chain + _candidates(extracted, "site_name"):
        name = clean_line(value)
        if name and len(name) <= 80:
            return name, origin
    host, folder = site_host(url), clean_line(extracted.decoded.raw.folder)
    if extracted.decoded.raw.kind == "text":
        shown = shown_name(extracted.decoded.text, [host.rsplit(".", 1)[0], folder])  # "asiatechmonitor"
        if shown:
            return shown, "text"
    if host:
        return host, "url"
    if folder:
        return folder, "folder"
    return "", "none"


MASTHEAD_LINES = 12  # a dump's masthead (the outlet's name) is among its first lines
MAX_OUTLET_WORDS = 6
_COPYRIGHT = re.compile(r"(?:©|\(c\)|copyright)(?:\s*(?:©|\(c\)|\d{4}(?:\s*[-–]\s*\d{4})?))*\s*(.+)", re.IGNORECASE)
_NAME_END = re.compile(r"[.|,;:]\s|[.|]$| - ")


def shown_name(text: str, spellings: Iterable[str]) -> str:
    """The outlet's name as a text dump shows it, found by a spelling of it that carries no
    spaces or capitals (a URL's domain "asiatechmonitor", a raw folder "ticker-tape"): a
    masthead line, or the start of a copyright line, that reads the same letters
    ("Asia Tech Monitor", "The Ticker Tape"); "" when no line does."""
    wanted = {bare_name(s) for s in spellings} - {""}
    if not wanted:
        return ""
    lines = text.splitlines()
    candidates = list(islice(filter(None, map(clean_line, lines)), MASTHEAD_LINES))
    for line in lines:
        found = _COPYRIGHT.search(line)
        if found:
            words = _NAME_END.split(clean_line(found.group(1)), maxsplit=1)[0].split()
            candidates += [" ".join(words[:n]) for n in range(1, min(len(words), MAX_OUTLET_WORDS) + 1)]
    for name in candidates:
        if len(name.split()) <= MAX_OUTLET_WORDS and bare_name(name) in wanted:
            return name
    return ""


def clean_author(value: str) -> str:
    name = _AUTHOR_PREFIX.sub("", clean_line(value)).strip(" ,;|-")
    if not name or len(name) > MAX_AUTHOR or _NOT_A_NAME.search(name) or len(name.split()) > 6:
        return ""
    return name


def resolve_authors(extracted: Extracted) -> tuple[tuple[str, ...], str]:
    sidecar = sidecar_values(extracted.decoded.raw.sidecar, "author")
    chain = [(v, "sidecar") for v in sidecar] + _candidates(extracted, "author")
    if not chain:
        return (), "none"
    origin = chain[0][1]
    names = _unique(clean_author(part) for value, o in chain if o == origin for part in _split_names(value))
    return names, origin if names else "none"


def _split_names(value: str) -> list[str]:
    return re.split(r"\s*(?:;|,| and | & )\s*", value)


def _unique(values: Iterable[str]) -> tuple[str, ...]:
    seen: dict[str, None] = {}
    for value in values:
        if value and value.lower() not in {k.lower() for k in seen}:
            seen[value] = None
    return tuple(seen)


def resolve_lang(extracted: Extracted, body_text: str) -> tuple[str, str]:
    """The language measured on the body wins over what the page declares (often a site default)."""
    detected = detect_language(body_text)
    if detected:
        return detected, "detected"
    chain = [(v, "sidecar") for v in sidecar_values(extracted.decoded.raw.sidecar, "lang")]
    for value, origin in chain + _candidates(extracted, "lang"):
        code = clean_line(value).lower().replace("_", "-").split("-")[0]
        if re.fullmatch(r"[a-z]{2,3}", code):
            return code, origin
    return "", "none"


def resolve_metadata(extracted: Extracted) -> PostMeta:
    """All metadata fields of one post."""
    body_text = "\n".join(b.text for b in extracted.blocks if b.kind != "code")
    title, title_origin = resolve_title(extracted)
    date, date_origin = resolve_date(extracted)
    url, url_origin = resolve_url(extracted)
    source, source_origin = resolve_source(extracted, url)
    authors, authors_origin = resolve_authors(extracted)
    lang, lang_origin = resolve_lang(extracted, body_text)
    origins = {
        "title": title_origin, "date": date_origin, "source_url": url_origin,
        "source": source_origin, "authors": authors_origin, "lang": lang_origin,
    }
    return PostMeta(title, date, source, url, authors, lang, origins)
