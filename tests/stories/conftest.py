"""Fixtures shared by the stories tests."""

from __future__ import annotations

import pytest

from digest_stories.config import StoryConfig, load_config


@pytest.fixture
def config() -> StoryConfig:
    return load_config({})
