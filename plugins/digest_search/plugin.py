"""Pelican glue: run Pagefind once the whole site, static files included, is written."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from pelican import signals

from digest_core.plugins import plugin_enabled
from digest_search.bundles import (
    MAIN, RECENT, SearchState, plan, save_state, searchable_pages, state_path, take_state, write_manifest,
)
from digest_search.pagefind import PagefindError, check_options, index_site

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "PAGEFIND_ENABLED": True,
    "PAGEFIND_OPTIONS": [],
    "PAGEFIND_INCREMENTAL": True,
    "PAGEFIND_RECENT_SHARE": 0.05,
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
        summary = update_bundles(Path(pelican.output_path), pelican.settings, options)
    except PagefindError as exc:
        logger.warning("digest_search: search index not updated (the previous one, if any, stays): %s", exc)
        return
    logger.info("digest_search: %s", summary)


def update_bundles(site: Path, settings: Mapping[str, Any], options: tuple[str, ...]) -> str:
    """Bring the bundles up to date with the site's searchable pages (see bundles.py)."""
    incremental = bool(settings.get("PAGEFIND_INCREMENTAL", DEFAULTS["PAGEFIND_INCREMENTAL"]))
    share = float(settings.get("PAGEFIND_RECENT_SHARE", DEFAULTS["PAGEFIND_RECENT_SHARE"]))
    path = state_path(dict(settings), site)
    state = take_state(path) if incremental else SearchState()
    pages, seen = searchable_pages(site, state.seen) if incremental else ({}, {})
    step = plan(state, pages, list(options), site, share)
    recent_bundle = site / RECENT
    if not incremental or step.kind == "full":
        summary = index_site(site, options)
        state = SearchState(list(options), pages, {}, seen)
    elif step.kind == "recent" and step.pages:
        summary = "recent pages: " + index_site(site, options, bundle=RECENT, pages=step.pages)
        state = SearchState(list(options), state.main, {p: pages[p] for p in step.pages}, seen)
    else:
        summary = "search index up to date"
        state = SearchState(list(options), state.main, {}, seen) if step.kind == "recent" else state
        state.seen = seen
    if not state.recent and recent_bundle.is_dir():
        shutil.rmtree(recent_bundle)
    write_manifest(site, [MAIN, RECENT] if state.recent else [MAIN])
    if incremental:
        save_state(path, state)
    return summary
