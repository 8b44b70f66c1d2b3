"""Building the handwritten posts of tests/fixtures/site_posts with the real pelicanconf.py."""

from __future__ import annotations

import shutil
from pathlib import Path

from pelican import Pelican
from pelican.settings import read_settings

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
POSTS = REPO / "tests" / "fixtures" / "site_posts"


def make_content(root: Path) -> Path:
    """A content folder with the fixture posts and the real pages (About, 404)."""
    content = root / "content"
    shutil.copytree(POSTS, content / "posts")
    shutil.copytree(REPO / "content" / "pages", content / "pages")
    return content


def build(root: Path, **overrides) -> Path:
    """Build into ``root``/output with only our plugin unless ``overrides`` say otherwise."""
    output = root / "output"
    override = {
        "PATH": str(make_content(root)), "OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False, "PLUGINS": ["digest_taxonomies"],
        # pelicanconf gives the home page to digest_stories when PLUGINS names it; these builds do not.
        "INDEX_SAVE_AS": "index.html", **overrides,
    }
    Pelican(read_settings(str(REPO / "pelicanconf.py"), override=override)).run()
    return output


def build_posts(root: Path, posts: dict[str, str], **overrides) -> Path:
    """Build just ``posts`` (file name -> Markdown) with the real settings and plugins, the
    ingest off, into ``root``/output; returns the output folder. Called again on the same
    ``root``, it adds ``posts`` to those there and builds again."""
    folder = root / "content" / "posts"
    folder.mkdir(parents=True, exist_ok=True)
    for name, text in posts.items():
        (folder / name).write_text(text, encoding="utf-8")
    output = root / "output"
    override = {
        "PATH": str(root / "content"), "OUTPUT_PATH": str(output), "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False, "CACHE_PATH": str(root / "cache"), "DIGEST_INGEST_ON_BUILD": False, **overrides,
    }
    Pelican(read_settings(str(REPO / "pelicanconf.py"), override=override)).run()
    return output


def fixture_post(name: str) -> str:
    return (POSTS / name).read_text(encoding="utf-8")
