"""Companies by their one name, shown by the name of a post's day ("Facebook" in 2018).

A company has one page, one feed and one search filter whatever it was called
or however an editor spells it: a post's ``Companies`` value that the company
registry knows as another company's alias, former or earlier name
(``digest_ingest.enrich.registry``; the shipped file and the editors'
``companies.jsonl``) counts as that company (``canonical_name``). The
registry's ``renamed`` entries then say what a post of a given day calls it
(``shown_name``). Both are read at the start of each build into the settings
(``CANONICAL``, ``RENAMES``), which puts them into every page's key
(``digest_core.incremental``): an edit to them renders the pages again.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, MutableMapping
from datetime import date, datetime
from typing import Any

from digest_ingest.config import ConfigError, load_config
from digest_ingest.enrich.companies import DataFileError, company_names
from digest_ingest.enrich.registry import name_on
from digest_ingest.pipeline import load_resources

logger = logging.getLogger(__name__)

# Filled by the build, not set by hand (hence lower case).
CANONICAL = "digest_company_canonical"
RENAMES = "digest_company_renames"


def read_company_names(settings: MutableMapping[str, Any]) -> None:
    """Put the registry's names into ``settings``; none, with an error naming the file and
    line, when a registry file cannot be read (the ingest reports it too). The registry is the
    ingest's own, built once for the same files (``load_resources``): the files are not read
    twice, nor an editor's bad line reported twice."""
    try:
        names = company_names(load_resources(load_config(settings)).registry)
    except (ConfigError, DataFileError) as err:
        logger.error("digest_taxonomies: the company registry's names not read: %s", err)
        settings[CANONICAL], settings[RENAMES] = {}, {}
    else:
        settings[CANONICAL], settings[RENAMES] = names.canonical, names.renamed


def canonical_name(name: str, settings: Mapping[str, Any]) -> str:
    """The registry's name for the company a post calls ``name`` ("Facebook" -> "Meta");
    ``name`` itself when the registry does not know it."""
    return settings.get(CANONICAL, {}).get(name.casefold(), name)


def renames_of(name: str, settings: Mapping[str, Any]) -> tuple[tuple[str, str], ...]:
    """The (ISO day, name before) pairs of the company called ``name``, oldest first."""
    return settings.get(RENAMES, {}).get(name.casefold(), ())


def shown_name(name: str, when: date | datetime | None, settings: Mapping[str, Any]) -> str:
    """``name`` as a post dated ``when`` shows it (a datetime counts by its own day)."""
    renamed = renames_of(name, settings)
    if not renamed or when is None:
        return name
    return name_on(name, renamed, when.date() if isinstance(when, datetime) else when)
