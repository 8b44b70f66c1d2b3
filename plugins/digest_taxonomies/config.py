"""Default values of the settings this plugin reads, and one accessor.

Pelican's settings dict is never modified: a missing key falls back to
``DEFAULTS`` at the point of use.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

DEFAULTS: dict[str, Any] = {
    # URLWrapper derives these names from the class names Company and Source.
    "COMPANY_URL": "company/{slug}/",
    "COMPANY_SAVE_AS": "company/{slug}/index.html",
    "COMPANY_FEED_ATOM": "feeds/company/{slug}.atom.xml",
    "COMPANIES_URL": "company/",
    "COMPANIES_SAVE_AS": "company/index.html",
    "SOURCE_URL": "source/{slug}/",
    "SOURCE_SAVE_AS": "source/{slug}/index.html",
    "SOURCE_FEED_ATOM": "feeds/source/{slug}.atom.xml",
    "SOURCES_URL": "source/",
    "SOURCES_SAVE_AS": "source/index.html",
    # Feed ids are tag: URIs (RFC 4151) that never depend on SITEURL.
    "FEED_ID_AUTHORITY": "techdigest.invalid",
    "FEED_ID_DATE": "2025",
    "TAXONOMY_CENTRAL_RANK": 2,
    "TAXONOMY_MORE_ABOUT": 4,
    "TAXONOMY_CHART_MAX_DAYS": 60,
    "TAXONOMY_CHART_MAX_MONTHS": 24,
    "OPML_SAVE_AS": "feeds.opml",
    "SITEMAP_SAVE_AS": "sitemap.xml",
    "ROBOTS_SAVE_AS": "robots.txt",
    "SITEMAP_EXCLUDE": ["404.html", "drafts/*", "search/*", "theme/*"],
    "ROBOTS_DISALLOW": ["drafts/"],
    "PYGMENTS_STYLE_LIGHT": "xcode",
    "PYGMENTS_STYLE_DARK": "github-dark",
    "PYGMENTS_CSS_SAVE_AS": "theme/css/pygments.css",
}


def setting(settings: Mapping[str, Any], name: str) -> Any:
    """The value of a plugin setting: the user's, else the default."""
    return settings.get(name, DEFAULTS[name])
