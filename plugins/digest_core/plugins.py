"""Helpers for the plugins' signal glue."""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from typing import Any

logger = logging.getLogger(__name__)


def plugin_enabled(settings: Mapping[str, Any], name: str) -> bool:
    """Whether this build's PLUGINS include ``name``.

    Receivers stay connected once any build in the process loaded a plugin (tests,
    autoreload), so each receiver checks that the current build asked for it.
    """
    return name in (settings.get("PLUGINS") or ())


def worker_count(settings: Mapping[str, Any], name: str) -> int:
    """Processes a ``*_JOBS`` setting asks for: 0 means one per core; a value that is not a
    whole number >= 0 is logged and means one process."""
    jobs = settings.get(name, 0)
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 0:
        logger.warning("%s must be a whole number >= 0, not %r; using one process", name, jobs)
        return 1
    return jobs or os.cpu_count() or 1


def source_of(content: Any, default: str = "") -> str:
    """A post's or page's source file as an editor knows it (below the content folder), for
    messages; ``default`` when ``content`` is not content."""
    if hasattr(content, "get_relative_source_path"):
        return str(content.get_relative_source_path())
    return str(getattr(content, "source_path", default))


def read_pelican_settings(path: str) -> dict[str, Any]:
    """Pelican's settings from a config file (Pelican's defaults when it is missing), for the CLIs."""
    from pathlib import Path

    from pelican.settings import read_settings

    # Pelican warns about feed URLs while reading settings: noise for a command that builds no feed.
    logging.getLogger("pelican.settings").setLevel(logging.ERROR)
    return read_settings(path if Path(path).is_file() else None)
