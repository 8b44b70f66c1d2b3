"""Helpers for the plugins' signal glue."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def plugin_enabled(settings: Mapping[str, Any], name: str) -> bool:
    """Whether this build's PLUGINS include ``name``.

    Receivers stay connected once any build in the process loaded a plugin (tests,
    autoreload), so each receiver checks that the current build asked for it.
    """
    return name in (settings.get("PLUGINS") or ())


def read_pelican_settings(path: str) -> dict[str, Any]:
    """Pelican's settings from a config file (Pelican's defaults when it is missing), for the CLIs."""
    import logging
    from pathlib import Path

    from pelican.settings import read_settings

    # Pelican warns about feed URLs while reading settings: noise for a command that builds no feed.
    logging.getLogger("pelican.settings").setLevel(logging.ERROR)
    return read_settings(path if Path(path).is_file() else None)
