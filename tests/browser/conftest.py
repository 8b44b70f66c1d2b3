"""Browser tests: pytest-playwright driving Debian's chromium against a site built for the session.

The site is built from DIGEST_TEST_CONTENT, else the repo's content/ once it has
posts or raw pages, else tests/browser/fixtures/content, with DIGEST_TEST_CONFIG, else the
repo's pelicanconf.py. Without /usr/bin/chromium (or
CHROMIUM_PATH) the tests are skipped, except under CI=true, where they fail.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from browser.site import CHROMIUM, FIXTURE_CONTENT, Site, build_site, default_content, launch_args, serve


@pytest.fixture(scope="session")
def chromium() -> Path:
    """Debian's chromium, or skip (fail under CI) when it is not installed."""
    if CHROMIUM.is_file() and os.access(CHROMIUM, os.X_OK):
        return CHROMIUM
    reason = f"{CHROMIUM} not found: run .ci/setup-test-deps (apt-get install chromium)"
    if os.environ.get("CI") == "true":
        pytest.fail(f"CI=true and {reason}")
    pytest.skip(reason)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any], chromium: Path) -> dict[str, Any]:
    """pytest-playwright's launch arguments with Debian's binary; never `playwright install`."""
    return {**browser_type_launch_args, **launch_args()}


@pytest.fixture(scope="session")
def site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The site the tests browse (see the module docstring for which content)."""
    return build_site(default_content(), tmp_path_factory.mktemp("site"))


@pytest.fixture(scope="session")
def site_url(site: Site) -> Iterator[str]:
    with serve(site.root) as url:
        yield url


@pytest.fixture(scope="session")
def fixture_site(site: Site, tmp_path_factory: pytest.TempPathFactory) -> Site:
    """The fixture posts (hostile text included), whatever ``site`` was built from."""
    if default_content() == FIXTURE_CONTENT:
        return site
    return build_site(FIXTURE_CONTENT, tmp_path_factory.mktemp("fixture-site"))


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Site, site: Site, site_url: str) -> Iterator[str]:
    if fixture_site is site:
        yield site_url
        return
    with serve(fixture_site.root) as url:
        yield url
