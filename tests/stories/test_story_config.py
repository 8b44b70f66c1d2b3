"""STORY_* settings."""

from datetime import date
from pathlib import Path

import pytest

from digest_stories.config import DEFAULTS, ConfigError, load_config

README = Path(__file__).resolve().parents[2] / "plugins" / "digest_stories" / "README.md"


def test_defaults():
    config = load_config({})
    assert config.window_days == 4 and config.window_seconds == 4 * 86400
    assert config.state_file == "data/stories.json" and config.days_per_page == 7
    assert config.day_url.format(date=date(2018, 2, 26)) == "2018/02/26/"


@pytest.mark.parametrize(
    ("name", "value"),
    [("STORY_WINDOW_DAYS", -1), ("STORY_THRESHOLD", 0), ("STORY_THRESHOLD", "0.2"),
     ("STORY_NEAR_DUPLICATE", 2), ("STORY_DAYS_PER_PAGE", 0), ("STORY_DAYS_PER_PAGE", True),
     ("STORY_STATE_FILE", ""), ("STORY_DAY_URL", "{day}/"), ("STORY_PAGE_URL", 3)],
)
def test_bad_values_name_the_setting(name, value):
    with pytest.raises(ConfigError, match=name):
        load_config({name: value})


def test_feed_can_be_turned_off():
    assert load_config({"STORY_FEED_ATOM": None}).feed_atom == ""


def test_every_setting_is_documented():
    text = README.read_text(encoding="utf-8")
    assert all(f"`{name}`" in text for name in DEFAULTS)
