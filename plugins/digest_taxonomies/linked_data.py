"""schema.org NewsArticle data for a post page (JSON-LD).

Returns a plain dict; the template serialises it with Jinja's ``tojson``,
which escapes ``<``, ``>``, ``&`` and ``'`` so no headline can close the
<script> element it sits in.
"""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from digest_taxonomies.taxonomy import values_of


def plain_text(html: str) -> str:
    """Visible text of an HTML fragment, entities decoded, whitespace collapsed."""
    return Markup(html).striptags()


def news_article(post: Any, settings: dict[str, Any]) -> dict[str, Any]:
    """The NewsArticle object for one post; absolute URLs only when SITEURL is set."""
    modified = getattr(post, "modified", None) or post.date
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": str(post.title),
        "datePublished": post.date.isoformat(),
        "dateModified": modified.isoformat(),
        "inLanguage": getattr(post, "lang", "") or settings.get("DEFAULT_LANG", "en"),
        "publisher": {"@type": "Organization", "name": settings.get("SITENAME", "")},
    }
    authors = [str(a) for a in getattr(post, "authors", None) or ()]
    if authors:
        data["author"] = [{"@type": "Person", "name": name} for name in authors]
    elif getattr(post, "source", None):
        data["author"] = {"@type": "Organization", "name": str(post.source)}
    summary = getattr(post, "summary", "")
    if summary:
        data["description"] = plain_text(str(summary))
    companies = values_of(post, "companies")
    if companies:
        data["about"] = [{"@type": "Organization", "name": c.name} for c in companies]
    tags = values_of(post, "tags")
    if tags:
        data["keywords"] = [t.name for t in tags]
    if getattr(post, "source_url", ""):
        data["isBasedOn"] = post.source_url
    siteurl = settings.get("SITEURL", "")
    if siteurl:
        data["url"] = data["mainEntityOfPage"] = f"{siteurl}/{post.url}"
    return data
