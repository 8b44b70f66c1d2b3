"""Metadata candidates of an HTML page, in fill order of reliability.

Read from one parsed tree: meta tags, JSON-LD, ``<time>``, ``<h1>``,
``<title>``, bylines. Every value passes through ``clean_line``; values
that do not look like their field (a URL as an author, a slogan as a
standfirst, a date that does not parse) are left out rather than guessed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import datetime
from email.utils import parsedate_to_datetime
from itertools import chain
from typing import Any

from lxml.etree import XPath
from lxml.html import HtmlElement

from digest_core.records import Candidate
from digest_core.text import clean_line, safe_href

# Where each field comes from, most reliable first: the fill order. Origins named after
# a meta key (property/name/itemprop/http-equiv) are read from that meta tag.
ORIGIN_ORDER = {
    "title": ("og:title", "twitter:title", "json-ld", "dc.title", "h1", "title"),
    "date": ("article:published_time", "og:published_time", "json-ld", "itemprop:datePublished",
             "datepublished", "time", "date", "pubdate", "publishdate", "dc.date", "dc.date.issued",
             "parsely-pub-date", "sailthru.date"),
    "author": ("author", "article:author", "json-ld", "dc.creator", "parsely-author", "sailthru.author",
               "rel=author", "byline"),
    "site_name": ("og:site_name", "json-ld", "application-name"),
    "url": ("canonical", "og:url", "json-ld"),
    "lang": ("html lang", "og:locale", "content-language", "language"),
    "standfirst": ("og:description", "description", "twitter:description", "json-ld"),
    "tag": ("article:tag", "json-ld", "news_keywords", "keywords"),
}
MARKUP_ORIGINS = {"json-ld", "h1", "title", "time", "itemprop:datePublished", "rel=author", "byline",
                  "canonical", "html lang"}
RANK = {(field, origin): n for field, origins in ORIGIN_ORDER.items() for n, origin in enumerate(origins)}
FIELDS = list(ORIGIN_ORDER)
ARTICLE_TYPES = {
    "article", "newsarticle", "blogposting", "techarticle", "reportagenewsarticle", "analysisnewsarticle",
    "opinionnewsarticle", "reviewnewsarticle", "backgroundnewsarticle", "liveblogposting", "report",
    "scholarlyarticle", "socialmediaposting",
}
FIELD_CAPS = {"title": 300, "author": 80, "site_name": 100, "standfirst": 1000, "tag": 50}
MAX_TAGS = 20
JSON_LD_MAX_CHARS = 200_000

TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•:/»]{1,2}|[-–—])\s+")
PREFIX_SEPARATORS = {"|", "||", "::", "»", "·", "•", "–", "—"}
BYLINE_XPATH = XPath(
    "//*[@class or @rel or @itemprop]"  # a cheap first filter, then the real test
    "[@rel='author' or @itemprop='author' or contains(@class,'byline') or contains(@class,'author')]"
)
BYLINE_PREFIX = re.compile(
    r"^(?:(?:written|posted|words|story|text|reporting)\s+)?(?:by|von|par|por|door)\s+", re.I
)
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b|\bund\b|\bet\b|\by\b|\|)\s*")
NAME_WORD = re.compile(r"^(?:[A-ZÀ-ÖØ-Þ][\w'’.-]*|van|von|de|der|den|da|di|du|la|le|bin|al|el|y)$")
SLOGAN = re.compile(
    r"\b(?:latest|breaking|top) (?:\w+ )?(?:news|stories|headlines)\b|\bwelcome to\b"
    r"|\byour (?:source|home|guide)\b|\bofficial (?:site|website)\b|\bnews,? (?:and|&) \w+",
    re.I,
)
LANG_TAG = re.compile(r"^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$")


def html_candidates(tree: HtmlElement, page_url: str = "") -> list[Candidate]:
    """Every metadata candidate the page offers, grouped by field, best first."""
    metas = _meta_values(tree)
    ld = _json_ld_fields(tree)
    site_names = [*metas.get("og:site_name", []), *metas.get("application-name", [])]
    site_names += ld.get("site_name", [])
    found = [(field, value, origin) for field, origins in ORIGIN_ORDER.items() for origin in origins
             if origin not in MARKUP_ORIGINS for value in metas.get(origin, ())]
    found += [(field, value, "json-ld") for field, values in ld.items() for value in values]
    found += _markup_candidates(tree, site_names)
    candidates = _normalised(found, page_url, site_names)
    if any(c.field == "author" for c in candidates):
        return candidates
    # the byline search costs more than the rest together: only for pages that name no author
    return _normalised(found + _byline_candidates(tree), page_url, site_names)


def _meta_values(tree: HtmlElement) -> dict[str, list[str]]:
    """Meta tag contents keyed by lowercased property/name/itemprop/http-equiv."""
    values: dict[str, list[str]] = {}
    for meta in tree.iter("meta"):
        key = meta.get("property") or meta.get("name") or meta.get("itemprop") or meta.get("http-equiv")
        content = meta.get("content")
        if key and content:
            values.setdefault(key.strip().lower(), []).append(content)
    return values


def _json_ld_objects(tree: HtmlElement) -> Iterator[dict[str, Any]]:
    """Top-level JSON-LD objects, lists and @graph flattened; malformed scripts skipped."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        text = script.text[:JSON_LD_MAX_CHARS].strip().removeprefix("<!--").removesuffix("-->")
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            continue  # broken JSON-LD is common and never fatal
        for item in data if isinstance(data, list) else [data]:
            graph = item.get("@graph") if isinstance(item, dict) else None
            for obj in graph if isinstance(graph, list) else [item]:
                if isinstance(obj, dict):
                    yield obj
                    if isinstance(obj.get("mainEntity"), dict):  # a WebPage wrapping the article
                        yield obj["mainEntity"]


def _types(obj: dict[str, Any]) -> set[str]:
    kinds = obj.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.lower() for k in kinds if isinstance(k, str)}


def _json_ld_fields(tree: HtmlElement) -> dict[str, list[str]]:
    """The article's fields from JSON-LD, as lists of raw strings."""
    objects = list(_json_ld_objects(tree))
    article = next((o for o in objects if _types(o) & ARTICLE_TYPES), None)
    site = next((o for o in objects if _types(o) & {"website", "organization", "newsmediaorganization"}), {})
    if article is None:
        return {"site_name": [_string(site.get("name"))]}
    by_id = {o["@id"]: o for o in objects if isinstance(o.get("@id"), str)}
    page = _linked(article.get("mainEntityOfPage"), by_id)
    return {
        "title": [_string(article.get("headline")) or _string(article.get("name"))],
        "date": [_string(article.get("datePublished"))],
        "author": [_string(_linked(a, by_id).get("name")) or _string(a)
                   for a in _as_list(article.get("author"))],
        "site_name": [_string(_linked(article.get("publisher"), by_id).get("name")),
                      _string(site.get("name"))],
        "url": [_string(article.get("url")) or _string(page.get("@id")) or _string(page.get("url"))],
        "standfirst": [_string(article.get("description"))],
        "tag": [_string(k) for k in _as_list(article.get("keywords"))],
    }


def _linked(value: Any, by_id: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A JSON-LD node, following an {"@id": ...} reference within the page."""
    if isinstance(value, list):
        value = value[0] if value else None
    if isinstance(value, str):
        return {"@id": value}
    if not isinstance(value, dict):
        return {}
    ref = value.get("@id")
    return by_id.get(ref, value) if isinstance(ref, str) and len(value) == 1 else value


def _as_list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def _string(value: Any) -> str:
    """A JSON-LD string value; anything else (numbers, lists, nulls) is ""."""
    return value if isinstance(value, str) else ""


def _markup_candidates(tree: HtmlElement, site_names: list[str]) -> list[tuple[str, str, str]]:
    """Candidates from the page's visible markup: time, h1, title, lang, canonical."""
    found: list[tuple[str, str, str]] = []
    scope = next(tree.iter("article"), None)
    scope = scope if scope is not None else tree
    for time in scope.iter("time"):
        if time.get("datetime"):
            origin = "itemprop:datePublished" if time.get("itemprop") == "datePublished" else "time"
            found.append(("date", time.get("datetime", ""), origin))
    h1 = next(chain(scope.iter("h1"), tree.iter("h1")), None)
    if h1 is not None:
        found.append(("title", h1.text_content(), "h1"))
    title = next(tree.iter("title"), None)
    if title is not None:
        found.append(("title", strip_site_suffix(clean_line(title.text_content()), site_names), "title"))
    found.append(("lang", tree.getroottree().getroot().get("lang") or "", "html lang"))
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split():
            found.append(("url", link.get("href", ""), "canonical"))
    return found


def _byline_candidates(tree: HtmlElement) -> list[tuple[str, str, str]]:
    """Author names from elements marked as bylines or author links."""
    found = []
    for elem in BYLINE_XPATH(tree):
        origin = "rel=author" if elem.get("rel") == "author" else "byline"
        found += [("author", name, origin) for name in byline_names(elem.text_content())]
    return found


def strip_site_suffix(title: str, site_names: list[str], guess: bool = True) -> str:
    """A title without its " | Site" suffix or "Site :: " prefix.

    The site is the page's own site name or, with ``guess``, a short part
    after the last separator (or one word before the first) of a longer title.
    """
    known = {clean_line(n).casefold() for n in site_names if n}
    for _ in range(2):  # "Headline | Section | Site"
        seps = list(TITLE_SEPARATORS.finditer(title))
        if not seps:
            break
        first, last = seps[0], seps[-1]
        head, tail = title[: first.start()], title[last.end() :]
        short_tail = len(tail.split()) <= 3 < len(title[: last.start()].split())
        if tail.casefold() in known or (guess and short_tail):
            title = title[: last.start()]
        elif head.casefold() in known or (
            guess and len(head.split()) == 1 and first.group().strip() in PREFIX_SEPARATORS
            and len(title[first.end() :].split()) >= 4
        ):
            title = title[first.end() :]
        else:
            break
    return title


def byline_names(text: str) -> list[str]:
    """Person names in a byline such as "By Jane Roe and Sam Poe | May 5"."""
    text = BYLINE_PREFIX.sub("", clean_line(text))
    text = re.split(r"\s[|–—·]\s|\s-\s|\d", text)[0]
    names = []
    for piece in NAME_SPLIT.split(text):
        words = piece.strip(" .,").split()
        if 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words) and words[0][0].isupper():
            names.append(" ".join(words))
    return names


def _normalised(found: list[tuple[str, str, str]], page_url: str, site_names: list[str]) -> list[Candidate]:
    """Clean and validate raw values; drop duplicates and values unfit for their field."""
    out: list[Candidate] = []
    seen: set[tuple[str, str, str]] = set()
    title = ""
    tags = 0
    for field, raw, origin in found:
        for cleaned in _field_values(field, raw, page_url):
            value = strip_site_suffix(cleaned, site_names, guess=False) if field == "title" else cleaned
            title = title or (value if field == "title" else "")
            if field == "standfirst" and not is_real_sentence(value, title, site_names):
                continue
            if (field, value.casefold(), origin) in seen or (field == "tag" and tags >= MAX_TAGS):
                continue
            tags += field == "tag"
            seen.add((field, value.casefold(), origin))
            out.append(Candidate(field, value, origin))
    # stable: origins outside ORIGIN_ORDER (none today) would keep their place, last
    return sorted(out, key=lambda c: (FIELDS.index(c.field), RANK.get((c.field, c.origin), len(RANK))))


def _field_values(field: str, raw: str, page_url: str) -> list[str]:
    """Zero or more clean values of ``field`` from one raw string."""
    value = clean_line(raw)
    if field == "date":
        return [d for d in [iso_date(value)] if d]
    if field == "url":
        return [u for u in [safe_href(value, page_url)] if u.startswith(("http://", "https://"))]
    if field == "lang":
        return [lang for lang in [normalise_lang(value)] if lang]
    if field == "tag":
        tags = (clean_line(part) for part in re.split(r"[,;]", value))
        return [t for t in tags if 0 < len(t) <= FIELD_CAPS["tag"]]
    if field == "author":
        value = BYLINE_PREFIX.sub("", value)
        if re.search(r"[:/@<>{}]|\d", value) or len(value.split()) > 6:
            return []
    if len(value) > FIELD_CAPS.get(field, 300):
        return []
    return [value] if value else []


def iso_date(value: str) -> str:
    """An ISO 8601 string for a page's date, or "" when it does not parse."""
    if not value:
        return ""
    try:
        parsed = datetime.fromisoformat(value.replace(" ", "T", 1) if len(value) > 10 else value)
    except ValueError:
        try:
            parsed = parsedate_to_datetime(value)  # RFC 822 dates, common in feeds and old CMSes
        except (TypeError, ValueError, IndexError):
            match = re.match(r"(\d{4}-\d{2}-\d{2})(?!\d)", value)
            return iso_date(match.group(1)) if match and match.group(1) != value else ""
    if not 1990 <= parsed.year <= 2100:
        return ""
    has_time = len(value) > 10 or parsed.hour or parsed.minute
    return parsed.isoformat() if has_time else parsed.date().isoformat()


def normalise_lang(value: str) -> str:
    """A BCP 47 tag like "en-GB" from "en_GB", "EN-gb" or "de, en"."""
    value = value.split(",", 1)[0].strip().replace("_", "-")
    if not LANG_TAG.match(value):
        return ""
    primary, *rest = value.split("-")
    return "-".join([primary.lower(), *(r.upper() if len(r) == 2 else r for r in rest)])


def is_real_sentence(text: str, title: str, site_names: list[str]) -> bool:
    """True for a standfirst-like sentence, False for a slogan, a title or a fragment."""
    words = text.split()
    if len(words) < 8 or text.casefold() == title.casefold() or SLOGAN.search(text):
        return False
    names = [clean_line(n).casefold() for n in site_names if clean_line(n)]
    folded = text.casefold()
    if any(folded.startswith(n) or (n in folded and len(words) < 15) for n in names):
        return False  # "Site: news for ...", "The latest from Site": the site describing itself
    lower = sum(w[:1].islower() for w in words)
    return lower >= len(words) / 3 and (text[-1] in ".!?…\"”’" or len(words) >= 15)
