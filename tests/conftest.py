"""Shared fixtures: the sample site, built once per test session from a copy of content/."""

import shutil
from pathlib import Path

import pytest

from support import REPO, build_site


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
