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
