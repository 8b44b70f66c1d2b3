"""Pelican glue: run Pagefind once the whole site, static files included, is written."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import signals

from digest_core.plugins import plugin_enabled
from digest_search.pagefind import PagefindError, check_options, index_site

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "PAGEFIND_ENABLED": True,
    "PAGEFIND_OPTIONS": [],
}


def register() -> None:
    """Connect to ``finalized``: StaticGenerator has copied everything by then."""
    signals.finalized.connect(index_output)


def search_settings(settings: Mapping[str, Any]) -> tuple[bool, tuple[str, ...]]:
    """(enabled, options) from the Pelican settings, defaults filled in."""
    enabled = bool(settings.get("PAGEFIND_ENABLED", DEFAULTS["PAGEFIND_ENABLED"]))
    options = check_options(settings.get("PAGEFIND_OPTIONS", DEFAULTS["PAGEFIND_OPTIONS"]))
    return enabled, options


def index_output(pelican: Any) -> None:
    """Index the build output; a failure is a warning and leaves the site alone."""
    if not plugin_enabled(pelican.settings, "digest_search"):
        return
    try:
        enabled, options = search_settings(pelican.settings)
        if not enabled:
            logger.info("digest_search: PAGEFIND_ENABLED is off; search index not built")
            return
        summary = index_site(Path(pelican.output_path), options)
    except PagefindError as exc:
        logger.warning("digest_search: search index not updated (the previous one, if any, stays): %s", exc)
        return
    logger.info("digest_search: %s", summary)
