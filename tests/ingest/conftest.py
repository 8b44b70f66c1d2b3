"""Fixtures for whole-ingest tests: a small content folder in tmp_path."""

import shutil
from pathlib import Path

import pytest

from support import RAW_SMALL, make_config


@pytest.fixture
def content(tmp_path: Path) -> Path:
    """A content folder whose raw/ holds the small raw fixtures."""
    root = tmp_path / "content"
    shutil.copytree(RAW_SMALL, root / "raw")
    return root


@pytest.fixture
def config(content: Path):
    return make_config(content)
