"""Ingest settings: defaults, validation, and the frozen config every stage reads."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping

from digest_core.plugins import worker_count


class ConfigError(ValueError):
    """A DIGEST_* setting has a value the ingest cannot use."""


# Setting -> (default, meaning). README.md's settings table is checked against this.
DEFAULTS: dict[str, tuple[Any, str]] = {
    "DIGEST_RAW_PATH": ("raw", "folder of raw scraped pages, below PATH"),
    "DIGEST_POSTS_PATH": ("posts", "folder the Markdown posts are written to, below PATH"),
    "DIGEST_DATA_PATH": ("data", "folder of editors' companies.jsonl and tags.jsonl, below PATH"),
    "DIGEST_FLAGGED_STATUS": ("draft", "Status given to posts with a quality flag (draft or published)"),
    "DIGEST_INGEST_ON_BUILD": (True, "run the ingest at the start of every Pelican build"),
    "DIGEST_JOBS": (0, "worker processes for the ingest; 0 means one per core"),
    "DIGEST_MAX_BYTES": (8_000_000, "raw pages larger than this are skipped and reported"),
    "DIGEST_MIN_WORDS": (80, "a body with fewer words is flagged too_short"),
}


@dataclass(frozen=True, slots=True)
class IngestConfig:
    content_dir: Path  # Pelican's PATH
    raw_dir: Path
    posts_dir: Path
    data_dir: Path
    flagged_status: str
    on_build: bool
    jobs: int  # worker processes, 0 and bad values already resolved (worker_count)
    max_bytes: int
    min_words: int


def _below(base: Path, value: Any, name: str) -> Path:
    if not isinstance(value, (str, os.PathLike)) or not str(value):
        raise ConfigError(f"digest_ingest: {name} must be a folder name, not {value!r}")
    return (base / value).resolve()


def _int(value: Any, name: str, minimum: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise ConfigError(f"digest_ingest: {name} must be a whole number >= {minimum}, not {value!r}")
    return value


def load_config(settings: Mapping[str, Any], **overrides: Any) -> IngestConfig:
    """Build the config from Pelican settings (PATH plus DIGEST_*), validated once."""
    values = {name: settings.get(name, default) for name, (default, _) in DEFAULTS.items()}
    values.update({k: v for k, v in overrides.items() if v is not None})
    base = Path(settings.get("PATH", "content")).resolve()
    status = values["DIGEST_FLAGGED_STATUS"]
    if status not in ("draft", "published", "hidden"):
        raise ConfigError(f"digest_ingest: DIGEST_FLAGGED_STATUS must be draft, published or hidden, not {status!r}")
    return IngestConfig(
        content_dir=base,
        raw_dir=_below(base, values["DIGEST_RAW_PATH"], "DIGEST_RAW_PATH"),
        posts_dir=_below(base, values["DIGEST_POSTS_PATH"], "DIGEST_POSTS_PATH"),
        data_dir=_below(base, values["DIGEST_DATA_PATH"], "DIGEST_DATA_PATH"),
        flagged_status=status,
        on_build=bool(values["DIGEST_INGEST_ON_BUILD"]),
        jobs=worker_count(values, "DIGEST_JOBS"),
        max_bytes=_int(values["DIGEST_MAX_BYTES"], "DIGEST_MAX_BYTES", 1),
        min_words=_int(values["DIGEST_MIN_WORDS"], "DIGEST_MIN_WORDS", 0),
    )
