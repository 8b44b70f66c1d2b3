"""sitemap.xml and robots.txt, made from the HTML pages a build wrote.

Walking the output folder (after every generator ran) sees the pages of all
plugins without any of them reporting in. ``lastmod`` comes from the
``article:modified_time`` / ``article:published_time`` meta tags our templates
put near the top of the <head>, never from file times, so the sitemap is
the same on every build of the same content. Pages with a robots
``noindex`` meta tag are left out, as are paths matching ``SITEMAP_EXCLUDE``.
A page's head is read again only when its size or time changed
(``digest_core.output_scan``).
"""

from __future__ import annotations

import fnmatch
import re
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit
from xml.sax.saxutils import escape

from digest_core.files import build_state_file
from digest_core.output_scan import (
    Reading, html_files, load_readings, read_changed, reader_code, save_readings,
)
from digest_taxonomies.config import setting

STATE_FOLDER = "digest-sitemap"  # below CACHE_PATH: each page's reading, by its size and time
HEAD_BYTES = 8192
_TIME = re.compile(r'<meta property="article:(modified|published)_time" content="([^"<>]+)"')
_NOINDEX = re.compile(r'<meta name="robots" content="[^"]*noindex', re.IGNORECASE)


def listed(path: str, exclude: Sequence[str]) -> bool:
    """Whether a page (posix path below the output) may be in the sitemap: not in a
    hidden folder (such as the search plugin's work folders), not hidden, not excluded."""
    if any(part.startswith(".") for part in path.split("/")):
        return False
    return not any(fnmatch.fnmatchcase(path, pattern) for pattern in exclude)


def page_url(rel: str) -> str:
    """The URL path of a page: "company/x/index.html" -> "company/x/"."""
    if rel == "index.html":
        return ""
    return rel.removesuffix("index.html") if rel.endswith("/index.html") else rel


def read_head(path: Path) -> str:
    with path.open("rb") as f:
        return f.read(HEAD_BYTES).decode("utf-8", errors="replace")


def lastmod(head: str) -> str:
    """The page's modified time, else its published time, else ""."""
    times = dict(_TIME.findall(head))
    return times.get("modified") or times.get("published") or ""


def page_reading(path: Path) -> str | None:
    """What the sitemap needs of a page: its lastmod ("" when unknown), None when it is noindex."""
    head = read_head(path)
    return None if _NOINDEX.search(head) else lastmod(head)


def page_readings(output: Path, exclude: Sequence[str], known: Mapping[str, Any]) -> dict[str, Reading]:
    """The reading of every page the sitemap may list; ``known`` readings spare unchanged files."""
    files = {path: stat for path, stat in html_files(output).items() if listed(path, exclude)}
    return read_changed(output, files, known, page_reading)


def sitemap_entries(readings: Mapping[str, Reading]) -> list[tuple[str, str]]:
    """(url path, lastmod) for every indexable page, in the order of ``readings``."""
    return [(page_url(path), reading[2]) for path, reading in readings.items() if reading[2] is not None]


def absolute(siteurl: str, path: str) -> str:
    """``path`` below the site root; root-relative when SITEURL is empty (development)."""
    return f"{siteurl.rstrip('/')}/{path}"


def render_sitemap(siteurl: str, entries: Sequence[tuple[str, str]]) -> str:
    """A sitemaps.org 0.9 urlset."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ]
    for path, modified in entries:
        mod = f"<lastmod>{escape(modified)}</lastmod>" if modified else ""
        lines.append(f"  <url><loc>{escape(absolute(siteurl, path))}</loc>{mod}</url>")
    lines += ["</urlset>", ""]
    return "\n".join(lines)


def render_robots(siteurl: str, sitemap_path: str, disallow: Sequence[str]) -> str:
    """robots.txt: disallowed folders below the site root, and where the sitemap is (hosted builds)."""
    root = urlsplit(siteurl).path.rstrip("/")
    lines = ["User-agent: *"]
    lines += [f"Disallow: {root}/{d}" for d in disallow] or ["Disallow:"]
    if sitemap_path and urlsplit(siteurl).scheme in ("http", "https"):  # robots.txt needs a full URL
        lines += ["", f"Sitemap: {absolute(siteurl, sitemap_path)}"]
    return "\n".join(lines) + "\n"


def write_sitemap_and_robots(output: Path, settings: dict[str, Any]) -> None:
    """Write SITEMAP_SAVE_AS and ROBOTS_SAVE_AS into ``output`` (an empty name skips one)."""
    siteurl = settings.get("SITEURL", "")
    sitemap_path = setting(settings, "SITEMAP_SAVE_AS")
    if sitemap_path:
        state, code = build_state_file(settings, STATE_FOLDER, output), reader_code(__name__)
        readings = page_readings(output, setting(settings, "SITEMAP_EXCLUDE"), load_readings(state, code))
        text = render_sitemap(siteurl, sitemap_entries(readings))
        (output / sitemap_path).write_text(text, encoding="utf-8")
        save_readings(state, code, readings)
    robots_path = setting(settings, "ROBOTS_SAVE_AS")
    if robots_path:
        robots = render_robots(siteurl, sitemap_path, setting(settings, "ROBOTS_DISALLOW"))
        (output / robots_path).write_text(robots, encoding="utf-8")
