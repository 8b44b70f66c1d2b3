"""The STORY_* settings: defaults, validation, one frozen config object."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date

from digest_core.plugins import worker_count

DEFAULTS: dict[str, object] = {
    "STORY_WINDOW_DAYS": 4,
    "STORY_THRESHOLD": 0.15,
    "STORY_NEAR_DUPLICATE": 0.25,
    "STORY_STATE_FILE": "data/stories.json",
    "STORY_DAYS_PER_PAGE": 7,
    "STORY_PIN_BONUS": 10,
    "STORY_INDEX_SAVE_AS": "index.html",
    "STORY_PAGE_URL": "page/{number}/",
    "STORY_PAGE_SAVE_AS": "page/{number}/index.html",
    "STORY_DAY_URL": "{date:%Y/%m/%d}/",
    "STORY_DAY_SAVE_AS": "{date:%Y/%m/%d}/index.html",
    "STORY_FEED_ATOM": "feeds/stories.atom.xml",
    "STORY_JOBS": 0,
}


class ConfigError(ValueError):
    """A STORY_* setting has an unusable value; the message names it."""


@dataclass(frozen=True, slots=True)
class StoryConfig:
    window_days: float
    threshold: float
    near_duplicate: float
    state_file: str
    days_per_page: int
    pin_bonus: float
    index_save_as: str
    page_url: str
    page_save_as: str
    day_url: str
    day_save_as: str
    feed_atom: str  # "" disables the stories feed
    jobs: int  # processes that analyse texts and score pairs (worker_count: 0 is one per core)

    @property
    def window_seconds(self) -> float:
        return self.window_days * 86400.0


def _number(name: str, value: object, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not low <= value <= high:
        raise ConfigError(f"digest_stories: {name} must be a number in [{low}, {high}], not {value!r}")
    return float(value)


def _pattern(name: str, value: object, **fields: object) -> str:
    if not isinstance(value, str):
        raise ConfigError(f"digest_stories: {name} must be a string, not {value!r}")
    try:
        value.format(**fields)
    except (KeyError, IndexError, ValueError) as err:
        raise ConfigError(f"digest_stories: {name} = {value!r} cannot be formatted: {err}") from err
    return value


def load_config(settings: Mapping[str, object]) -> StoryConfig:
    """Read and check the STORY_* settings, falling back to ``DEFAULTS``."""
    get = {name: settings.get(name, default) for name, default in DEFAULTS.items()}
    days_per_page = get["STORY_DAYS_PER_PAGE"]
    if isinstance(days_per_page, bool) or not isinstance(days_per_page, int) or days_per_page < 1:
        raise ConfigError(
            f"digest_stories: STORY_DAYS_PER_PAGE must be a positive int, not {days_per_page!r}"
        )
    state_file = get["STORY_STATE_FILE"]
    if not isinstance(state_file, str) or not state_file.strip():
        raise ConfigError(f"digest_stories: STORY_STATE_FILE must be a path, not {state_file!r}")
    feed = get["STORY_FEED_ATOM"] or ""
    sample = date(2018, 2, 26)
    return StoryConfig(
        window_days=_number("STORY_WINDOW_DAYS", get["STORY_WINDOW_DAYS"], 0.0, 365.0),
        threshold=_number("STORY_THRESHOLD", get["STORY_THRESHOLD"], 0.01, 1.0),
        near_duplicate=_number("STORY_NEAR_DUPLICATE", get["STORY_NEAR_DUPLICATE"], 0.01, 1.0),
        state_file=state_file,
        days_per_page=days_per_page,
        pin_bonus=_number("STORY_PIN_BONUS", get["STORY_PIN_BONUS"], 0.0, 1e6),
        index_save_as=_pattern("STORY_INDEX_SAVE_AS", get["STORY_INDEX_SAVE_AS"]),
        page_url=_pattern("STORY_PAGE_URL", get["STORY_PAGE_URL"], number=2),
        page_save_as=_pattern("STORY_PAGE_SAVE_AS", get["STORY_PAGE_SAVE_AS"], number=2),
        day_url=_pattern("STORY_DAY_URL", get["STORY_DAY_URL"], date=sample),
        day_save_as=_pattern("STORY_DAY_SAVE_AS", get["STORY_DAY_SAVE_AS"], date=sample),
        feed_atom=_pattern("STORY_FEED_ATOM", feed),
        jobs=worker_count(get, "STORY_JOBS"),
    )
