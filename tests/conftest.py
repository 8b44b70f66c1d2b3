"""Shared fixtures: the sample site, built once per test session from a copy of content/."""

import multiprocessing
import shutil
from pathlib import Path

import pytest

from support import REPO, build_site


@pytest.fixture(autouse=True)
def no_worker_outlives_its_test():
    """Forked workers (ingest, reader, stories, rendering) are gone when the test that started
    them ends. A live one keeps the file descriptors it inherited open, such as the pipes of
    the browser tests' driver, whose shutdown then waits for it: a hang instead of a failure."""
    yield
    left = multiprocessing.active_children()
    assert not left, f"worker processes still running after the test: {left}"


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory) -> Path:
    """The bundled samples built as `make html` would, into a temporary folder."""
    root = tmp_path_factory.mktemp("sample")
    content = root / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("posts", "stories.json"))
    (content / "posts").mkdir()
    output = root / "output"
    build_site(content, output)
    return output
