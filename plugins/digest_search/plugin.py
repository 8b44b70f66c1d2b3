"""Pelican glue: run Pagefind once the whole site, static files included, is written."""

from __future__ import annotations

import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from pelican import signals

from digest_core.incremental import flush
from digest_core.plugins import plugin_enabled
from digest_search.bundles import (
    MAIN, RECENT, Plan, SearchState, plan, save_state, searchable_pages, state_path, take_state, write_manifest,
)
from digest_search.pagefind import (
    IndexJob, PagefindError, cancel_index, check_options, finish_index, start_index,
)

logger = logging.getLogger(__name__)

DEFAULTS: dict[str, Any] = {
    "PAGEFIND_ENABLED": True,
    "PAGEFIND_OPTIONS": [],
    "PAGEFIND_INCREMENTAL": True,
    "PAGEFIND_RECENT_SHARE": 0.05,
}


def register() -> None:
    """Start indexing once the posts are written (``article_writer_finalized``), so
    Pagefind runs beside the rest of the build; finish at ``finalized``, when
    StaticGenerator has copied everything."""
    signals.article_writer_finalized.connect(index_posts_early)
    signals.finalized.connect(index_output)


def search_settings(settings: Mapping[str, Any]) -> tuple[bool, tuple[str, ...]]:
    """(enabled, options) from the Pelican settings, defaults filled in."""
    enabled = bool(settings.get("PAGEFIND_ENABLED", DEFAULTS["PAGEFIND_ENABLED"]))
    options = check_options(settings.get("PAGEFIND_OPTIONS", DEFAULTS["PAGEFIND_OPTIONS"]))
    return enabled, options


@dataclass
class Update:
    """One build's update of the search bundles: what it found, and the Pagefind run it started."""

    site: Path
    options: tuple[str, ...]
    incremental: bool
    state_file: Path
    previous: SearchState
    pages: dict[str, str]
    seen: dict[str, list[Any]]
    step: Plan
    job: IndexJob | None


_STARTED: dict[Path, Update] = {}  # output folder -> the update started when the posts were written


def index_posts_early(generator: Any, writer: Any = None) -> None:
    """The posts are written: index them while the other generators write their pages."""
    settings = generator.settings
    flush(writer)  # the pages it put off must be on disk to be indexed
    if not plugin_enabled(settings, "digest_search") or not _incremental(settings):
        return  # without the page list, only the finished site can be indexed
    try:
        enabled, options = search_settings(settings)
        if enabled:
            site = Path(generator.output_path).resolve()
            unfinished = _STARTED.pop(site, None)  # from a build that stopped before its end (autoreload)
            if unfinished is not None:
                cancel_update(unfinished)
            _STARTED[site] = begin_update(site, settings, options)
    except PagefindError as exc:
        logger.warning("digest_search: could not start indexing early (trying again at the end): %s", exc)


def index_output(pelican: Any) -> None:
    """Index the build output; a failure is a warning and leaves the site alone."""
    if not plugin_enabled(pelican.settings, "digest_search"):
        return
    site = Path(pelican.output_path).resolve()
    update = _STARTED.pop(site, None)
    try:
        enabled, options = search_settings(pelican.settings)
        if not enabled:
            logger.info("digest_search: PAGEFIND_ENABLED is off; search index not built")
            return
        if update is not None:
            pages, update.seen = searchable_pages(site, update.seen)  # reads only pages written since
            if pages != update.pages:
                cancel_update(update)  # a later generator wrote searchable pages too
                previous = replace(update.previous, seen=update.seen)
                update = begin_update(site, pelican.settings, options, previous)
        summary = complete_update(update or begin_update(site, pelican.settings, options))
    except PagefindError as exc:
        logger.warning("digest_search: search index not updated (the previous one, if any, stays): %s", exc)
        return
    logger.info("digest_search: %s", summary)


def _incremental(settings: Mapping[str, Any]) -> bool:
    return bool(settings.get("PAGEFIND_INCREMENTAL", DEFAULTS["PAGEFIND_INCREMENTAL"]))


def begin_update(
    site: Path, settings: Mapping[str, Any], options: tuple[str, ...], previous: SearchState | None = None
) -> Update:
    """Decide what to index (see bundles.py) and start Pagefind on it."""
    incremental = _incremental(settings)
    share = float(settings.get("PAGEFIND_RECENT_SHARE", DEFAULTS["PAGEFIND_RECENT_SHARE"]))
    state_file = state_path(dict(settings), site)
    if previous is None:
        previous = take_state(state_file) if incremental else SearchState()
    pages, seen = searchable_pages(site, previous.seen) if incremental else ({}, {})
    step = plan(previous, pages, list(options), site, share) if incremental else Plan("full")
    job = None
    if step.kind == "full":
        job = start_index(site, options, pages=sorted(pages) if incremental else None)
    elif step.kind == "recent" and step.pages:
        job = start_index(site, options, bundle=RECENT, pages=step.pages)
    return Update(site, options, incremental, state_file, previous, pages, seen, step, job)


def cancel_update(update: Update) -> None:
    if update.job is not None:
        cancel_index(update.job)


def complete_update(update: Update) -> str:
    """Wait for Pagefind, then write the bundle list and what the bundles now hold."""
    summary = finish_index(update.job) if update.job is not None else "search index up to date"
    previous, pages = update.previous, update.pages
    if update.step.kind == "full":
        state = SearchState(list(update.options), pages, {}, update.seen)
    elif update.step.kind == "recent":
        state = SearchState(list(update.options), previous.main, {p: pages[p] for p in update.step.pages}, update.seen)
        summary = f"recent pages: {summary}" if update.job is not None else summary
    elif update.step.kind == "empty":
        # Every post unpublished: an old bundle would still find them. Without one the search
        # page says search is unavailable and shows the indexes.
        state = SearchState(list(update.options), {}, {}, update.seen)
        summary = "no published post to search: no search index"
    else:
        state = SearchState(previous.options, previous.main, previous.recent, update.seen)
    recent_bundle = update.site / RECENT
    if not state.recent and recent_bundle.is_dir():
        shutil.rmtree(recent_bundle)
    if update.step.kind == "empty":
        shutil.rmtree(update.site / MAIN, ignore_errors=True)
    else:
        write_manifest(update.site, [MAIN, RECENT] if state.recent else [MAIN])
    if update.incremental:
        save_state(update.state_file, state)
    return summary
