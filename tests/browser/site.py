"""Build a site with Pelican for the browser tests and serve it on 127.0.0.1.

`build_site` runs the real `pelican` command (a subprocess, so each build loads
its own plugins) on a copy of any content folder, with the repo's pelicanconf.py
and theme. `launch_args` gives Playwright Debian's chromium.
"""

from __future__ import annotations

import contextlib
import functools
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[2]
FIXTURE_CONTENT = Path(__file__).resolve().parent / "fixtures" / "content"
CHROMIUM = Path(os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium"))
CHROMIUM_ARGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)
# The attribute that marks a post's text for Pagefind (see the digest_search README).
_BODY_MARK = re.compile(r"<[a-z][^>]*\sdata-pagefind-body[\s=>]", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Site:
    """A built site: its folder and the pages the tests start from."""

    root: Path
    posts: tuple[str, ...]  # site paths ("/2018/02/26/slug/") of pages with a data-pagefind-body


def default_content() -> Path:
    """DIGEST_TEST_CONTENT, else the repo's content/ once it holds posts or raw pages, else the fixtures."""
    chosen = os.environ.get("DIGEST_TEST_CONTENT")
    if chosen:
        return Path(chosen).resolve()
    repo_content = REPO / "content"
    if any(f.is_file() for folder in ("posts", "raw") for f in (repo_content / folder).rglob("*")):
        return repo_content
    return FIXTURE_CONTENT


def default_config() -> Path:
    """DIGEST_TEST_CONFIG (a Pelican settings file), else the repo's pelicanconf.py."""
    return Path(os.environ.get("DIGEST_TEST_CONFIG") or REPO / "pelicanconf.py").resolve()


def build_site(
    content: Path,
    workdir: Path,
    config: Path | None = None,
    overrides: Mapping[str, Any] | None = None,
) -> Site:
    """Build a copy of ``content`` into ``workdir``/output; raise RuntimeError with Pelican's log on failure.

    The copy lets the ingest and stories plugins write posts and state without
    touching the original folder. ``config`` defaults to default_config().
    """
    shutil.copytree(content, workdir / "content", ignore=shutil.ignore_patterns(".git"))
    return rebuild_site(workdir, config, overrides)


def rebuild_site(workdir: Path, config: Path | None = None, overrides: Mapping[str, Any] | None = None) -> Site:
    """Build ``workdir``/content again into ``workdir``/output, as `make html` would after an edit
    (Pelican's caches, the page keys and the search state live in ``workdir``/cache)."""
    config = config or default_config()
    source, output = workdir / "content", workdir / "output"
    extra: dict[str, Any] = {
        "SITEURL": "",
        "RELATIVE_URLS": True,
        "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False,
        "CACHE_PATH": str(workdir / "cache"),
        **(overrides or {}),
    }
    argv = [sys.executable, "-m", "pelican", str(source), "-o", str(output), "-s", str(config)]
    argv += ["-e", *(f"{k}={json.dumps(v)}" for k, v in extra.items())]
    paths = [str(REPO / "plugins"), os.environ.get("PYTHONPATH", "")]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in paths if p)}
    proc = subprocess.run(argv, cwd=workdir, env=env, capture_output=True, text=True, check=False)
    if proc.returncode != 0 or not (output / "pagefind" / "pagefind.js").is_file():
        raise RuntimeError(f"pelican build failed (exit {proc.returncode}):\n{proc.stdout}{proc.stderr}")
    return Site(output, _post_paths(output))


@dataclass(frozen=True, slots=True)
class PostPage:
    """What the tests need to know about one built post page."""

    path: str
    title: str  # as Pagefind sees it (data-pagefind-meta="title")
    companies: tuple[str, ...]  # company filter values, in page order
    company_links: tuple[str, ...]  # their hrefs, where they are links


def read_post(site: Site, path: str) -> PostPage:
    """Parse the post page at site path ``path``."""
    from bs4 import BeautifulSoup

    file = site.root / path.strip("/") / "index.html" if path.endswith("/") else site.root / path.lstrip("/")
    soup = BeautifulSoup(file.read_text("utf-8"), "html.parser")
    title = soup.find(attrs={"data-pagefind-meta": re.compile(r"(^|,\s*)title\s*(,|$)")}) or soup.find("h1")
    companies = soup.find_all(attrs={"data-pagefind-filter": "company"})
    return PostPage(
        path,
        " ".join(title.get_text().split()) if title else "",
        tuple(" ".join(c.get_text().split()) for c in companies),
        tuple(c["href"] for c in companies if c.name == "a" and c.get("href")),
    )


def _post_paths(root: Path) -> tuple[str, ...]:
    """Site paths of the pages Pagefind indexes (those carrying data-pagefind-body)."""
    paths = []
    for page in sorted(root.rglob("*.html")):
        if _BODY_MARK.search(page.read_text("utf-8", errors="replace")):
            rel = page.relative_to(root).as_posix()
            paths.append("/" + (rel[: -len("index.html")] if rel.endswith("/index.html") else rel))
    return tuple(paths)


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the stdlib's name
        """Keep test output clean."""


@contextlib.contextmanager
def serve(root: Path) -> Iterator[str]:
    """Serve ``root`` on 127.0.0.1 at a free port; yield the base URL (no trailing slash)."""
    handler = functools.partial(_QuietHandler, directory=str(root))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join()


def launch_args() -> dict[str, Any]:
    """Keyword arguments for Playwright's chromium.launch(): Debian's binary, offline flags."""
    return {"executable_path": str(CHROMIUM), "args": list(CHROMIUM_ARGS)}
