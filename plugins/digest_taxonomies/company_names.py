"""A company by the name of a post's day: "Facebook" on a 2018 post, "Meta" on a 2022 one.

Posts name companies by their canonical registry name, so that a company has
one page, one feed and one search filter whatever it was called. The
registry's ``renamed`` entries (``digest_ingest.enrich.registry``; the
shipped file and the editors' ``companies.jsonl``) say what it was called
before. They are read at the start of each build into the settings
(``RENAMES``), which puts them into every page's key
(``digest_core.incremental``): an edit to them renders the pages again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, MutableMapping
from datetime import date, datetime
from typing import Any

from digest_ingest.config import ConfigError, load_config
from digest_ingest.enrich.companies import DataFileError, load_renames, registry_files
from digest_ingest.enrich.registry import name_on

logger = logging.getLogger(__name__)

RENAMES = "digest_company_renames"  # filled by the build, not set by hand (hence lower case)


def read_renames(settings: MutableMapping[str, Any]) -> None:
    """Put this build's renames into ``settings``; none, with an error naming the file and
    line, when a registry file cannot be read (the ingest reports it too)."""
    try:
        settings[RENAMES] = load_renames(registry_files(load_config(settings).data_dir))
    except (ConfigError, DataFileError) as err:
        logger.error("digest_taxonomies: companies' earlier names not read: %s", err)
        settings[RENAMES] = {}


def renames_of(name: str, settings: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The (ISO day, name before) pairs of the company called ``name``, oldest first."""
    return settings.get(RENAMES, {}).get(name.casefold(), ())


def shown_name(name: str, when: date | datetime | None, settings: Mapping[str, Any]) -> str:
    """``name`` as a post dated ``when`` shows it (a datetime counts by its own day)."""
    renamed = renames_of(name, settings)
    if not renamed or when is None:
        return name
    return name_on(name, renamed, when.date() if isinstance(when, datetime) else when)
