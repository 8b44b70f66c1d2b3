"""The signal-glue helpers every plugin uses."""

import os
from types import SimpleNamespace

import pytest

from digest_core.plugins import plugin_enabled, source_of, worker_count


@pytest.mark.parametrize("value, expected", [(0, os.cpu_count() or 1), (1, 1), (3, 3)])
def test_worker_count_takes_whole_numbers_and_zero_means_one_per_core(value, expected):
    assert worker_count({"READER_JOBS": value}, "READER_JOBS") == expected


def test_worker_count_defaults_to_one_per_core():
    assert worker_count({}, "STORY_JOBS") == (os.cpu_count() or 1)


@pytest.mark.parametrize("value", [-1, "2", True, 1.5, None])
def test_a_bad_worker_count_is_named_and_means_one_process(value, caplog):
    assert worker_count({"DIGEST_RENDER_JOBS": value}, "DIGEST_RENDER_JOBS") == 1
    assert "DIGEST_RENDER_JOBS must be a whole number >= 0" in caplog.text
    assert repr(value) in caplog.text


def test_every_jobs_setting_follows_the_same_rule(caplog):
    """A bad *_JOBS value is a warning, never a stopped build or a skipped ingest."""
    from digest_ingest.config import load_config as ingest_config
    from digest_stories.config import load_config as story_config

    assert story_config({"STORY_JOBS": -2}).jobs == 1
    assert story_config({"STORY_JOBS": 0}).jobs == (os.cpu_count() or 1)
    assert ingest_config({"PATH": "content", "DIGEST_JOBS": "4"}).jobs == 1
    assert ingest_config({"PATH": "content", "DIGEST_JOBS": 3}).jobs == 3
    assert "STORY_JOBS must be a whole number >= 0, not -2" in caplog.text
    assert "DIGEST_JOBS must be a whole number >= 0, not '4'" in caplog.text


def test_plugin_enabled_reads_this_builds_plugins():
    assert plugin_enabled({"PLUGINS": ["digest_reader"]}, "digest_reader")
    assert not plugin_enabled({"PLUGINS": None}, "digest_reader")
    assert not plugin_enabled({}, "digest_reader")


def test_source_of_names_the_file_below_the_content_folder():
    class Post:
        source_path = "/site/content/posts/a.md"

        def get_relative_source_path(self):
            return "posts/a.md"

    assert source_of(Post()) == "posts/a.md"
    assert source_of(SimpleNamespace(source_path="posts/b.md")) == "posts/b.md"
    assert source_of(None, "tag/index.html") == "tag/index.html"
