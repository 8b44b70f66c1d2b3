"""Shared fixtures: the sample site, built once per test session from a copy of content/."""

import multiprocessing
import shutil
import warnings
from pathlib import Path

import pytest

from support import REPO, build_site


@pytest.fixture(autouse=True)
def stop_leftover_workers():
    """Forked workers still alive when a test ends are stopped, with a warning naming the test.

    A live worker keeps the file descriptors it inherited open, such as the pipes
    of the browser tests' driver, whose shutdown at the end of the session then
    waits for it forever (seen once in CI: tests in tests/reader/test_prefetch.py leave
    a reader pool's workers running; the cause is not found yet).
    """
    yield
    left = multiprocessing.active_children()
    for child in left:
        child.terminate()
        child.join(5)
    if left:
        warnings.warn(f"worker processes still running after the test, stopped: {left}", stacklevel=1)


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
