"""Pelican glue: run the ingest at the start of every build."""

from __future__ import annotations

import logging

from pelican import signals
from pelican.log import console

from digest_core.plugins import plugin_enabled
from digest_ingest.config import ConfigError, load_config
from digest_ingest.ingest import run_ingest

logger = logging.getLogger(__name__)


def ingest_before_build(pelican) -> None:
    """``get_generators`` fires at the start of every run, autoreload included.

    Only changed posts are written, so the autoreload watcher does not loop.
    Returns None: this receiver adds no generator.
    """
    if not plugin_enabled(pelican.settings, "digest_ingest"):
        return None
    try:
        config = load_config(pelican.settings)
    except ConfigError as exc:
        logger.error("%s", exc)
        return None
    if not config.on_build:
        return None
    report = run_ingest(config)
    summary, *details = report.lines()
    console.print(summary, markup=False, highlight=False)  # shown like Pelican's own "Done:" line
    for line in details:
        if line.lstrip().startswith("failed"):
            logger.warning("%s", line.strip())
        else:
            logger.info("%s", line.strip())
    return None


def register() -> None:
    signals.get_generators.connect(ingest_before_build)
