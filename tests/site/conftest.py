"""Session builds of the handwritten posts, shared by the site tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from site_build import HERE, REPO, build


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """Development build: relative URLs, no SITEURL."""
    return build(tmp_path_factory.mktemp("site_dev"))


@pytest.fixture(scope="session")
def hosted_site(tmp_path_factory) -> Path:
    """The same posts built for a real host below a path, absolute URLs, 3 entries a page."""
    url = "https://news.example.org/digest"
    return build(
        tmp_path_factory.mktemp("site_hosted"),
        SITEURL=url, FEED_DOMAIN=url, RELATIVE_URLS=False, DEFAULT_PAGINATION=3,
    )


@pytest.fixture(scope="session")
def story_site(tmp_path_factory) -> Path:
    """A build with a stand-in stories plugin, to check the story parts of the theme."""
    plugin_paths = [str(REPO / "plugins"), str(HERE)]
    return build(
        tmp_path_factory.mktemp("site_stories"),
        PLUGINS=["digest_taxonomies", "site_story_stub"], PLUGIN_PATHS=plugin_paths,
    )


@pytest.fixture(scope="session")
def bare_site(tmp_path_factory) -> Path:
    """The theme with no plugin at all: templates must not depend on digest_taxonomies."""
    return build(tmp_path_factory.mktemp("site_bare"), PLUGINS=[])
