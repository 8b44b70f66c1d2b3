"""Which search bundles a build must (re)make: the whole site, or only its new pages.

Pagefind has no incremental mode: indexing 10,000 posts takes it as long as
rendering them. So the index is kept as two bundles, merged by the search page:

- ``pagefind/``: every searchable page at the last full index;
- ``pagefind-recent/``: pages added since, which is all a new post needs.

A page counts by the digest of its ``data-pagefind-body`` element (the only
part Pagefind reads), found in its file when the file's size or time changed
(``digest_core.output_scan``; pages in hidden folders are not searched).
When a page of the main bundle changed or went away, when the recent pages
outgrow ``PAGEFIND_RECENT_SHARE`` of the main bundle (and 50 pages), or when Pagefind's
options changed, the whole site is indexed again into ``pagefind/`` alone.
``pagefind/bundles.json`` lists the bundles for the search page.

What was indexed is kept in ``CACHE_PATH/digest-search/``; the file is removed
while a build runs, so an interrupted build leads to a full index next time.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from digest_core.files import build_state_file, take_json, write_if_changed
from digest_core.output_scan import Reading, html_files, read_changed, reader_code

MAIN, RECENT = "pagefind", "pagefind-recent"
MANIFEST = "bundles.json"
RECENT_MIN_PAGES = 50  # a small site may still add this many pages before a full index (~0.2 s of Pagefind)
_BODY = b"data-pagefind-body"
_TAG = re.compile(rb"<([A-Za-z][\w-]*)")


def body_digest(html: bytes) -> str | None:
    """Digest of the element marked ``data-pagefind-body`` (None without one).

    The element runs to its balanced closing tag; our pages are well formed, and
    page text inside is escaped, so no stray tag of the same name can occur.
    """
    mark = html.find(_BODY)
    start = html.rfind(b"<", 0, mark) if mark >= 0 else -1
    tag = _TAG.match(html, start) if start >= 0 else None
    if tag is None:
        return None
    token = re.compile(rb"<(/?)" + re.escape(tag.group(1)) + rb"[\s/>]", re.IGNORECASE)
    depth, end = 0, len(html)
    for found in token.finditer(html, start):
        depth += -1 if found.group(1) else 1
        if depth == 0:
            end = html.find(b">", found.start()) + 1
            break
    return hashlib.blake2b(html[start:end], digest_size=16).hexdigest()


@dataclass
class SearchState:
    """What the bundles hold, and what the pages looked like when last read."""

    options: list[str] = field(default_factory=list)
    main: dict[str, str] = field(default_factory=dict)
    recent: dict[str, str] = field(default_factory=dict)
    seen: dict[str, Reading] = field(default_factory=dict)  # path -> [size, mtime_ns, digest or None]


def state_path(settings: dict[str, Any], site: Path) -> Path:
    return build_state_file(settings, "digest-search", site)


def take_state(path: Path) -> SearchState:
    """The last build's state, removed from disk until this build saves its own; the
    pages' readings only when this code made them."""
    data = take_json(path)
    try:
        state = SearchState(**{k: data[k] for k in ("options", "main", "recent", "seen")})
    except (KeyError, TypeError):
        return SearchState()
    if data.get("code") != reader_code(__name__) or not isinstance(state.seen, dict):
        state.seen = {}
    return state


def save_state(path: Path, state: SearchState) -> None:
    data = {"options": state.options, "main": dict(sorted(state.main.items())),
            "recent": dict(sorted(state.recent.items())), "code": reader_code(__name__),
            "seen": dict(sorted(state.seen.items()))}
    write_if_changed(path, json.dumps(data, separators=(",", ":")))


def searchable_pages(site: Path, seen: Mapping[str, Any]) -> tuple[dict[str, str], dict[str, Reading]]:
    """{path: body digest} of the site's searchable pages, and every HTML file's reading
    (``digest_core.output_scan``); a file is read only when ``seen`` has no reading for its stat."""
    files = {path: stat for path, stat in html_files(site).items() if not _in_bundle(path)}
    now = read_changed(site, files, seen, _file_body_digest)
    return {path: reading[2] for path, reading in now.items() if reading[2] is not None}, now


def _in_bundle(path: str) -> bool:
    folder, below, _ = path.partition("/")
    return bool(below) and folder.startswith(MAIN)


def _file_body_digest(path: Path) -> str | None:
    return body_digest(path.read_bytes())


@dataclass(frozen=True)
class Plan:
    """``full``: index the whole site into the main bundle; ``recent``: index ``pages``
    into the recent bundle; ``none``: the bundles are up to date; ``empty``: there is
    nothing to search (no published post), so no bundle may stay."""

    kind: str
    pages: tuple[str, ...] = ()


def plan(state: SearchState, pages: dict[str, str], options: list[str], site: Path, recent_share: float) -> Plan:
    """What to index so the bundles hold exactly ``pages``."""
    if not pages:
        return Plan("empty")  # Pagefind refuses to build an index of nothing
    if state.options != options or not (site / MAIN / "pagefind.js").is_file():
        return Plan("full")
    if any(pages.get(path) != digest for path, digest in state.main.items()):
        return Plan("full")  # Pagefind cannot take a page out of a bundle
    added = {path: digest for path, digest in pages.items() if path not in state.main}
    if len(added) > max(RECENT_MIN_PAGES, recent_share * len(state.main)):
        return Plan("full")
    if added == state.recent and (not added or (site / RECENT / "pagefind.js").is_file()):
        return Plan("none")
    return Plan("recent", tuple(sorted(added)))


def write_manifest(site: Path, bundles: list[str]) -> None:
    """The bundles the search page must query, relative to the main bundle's folder."""
    write_if_changed(site / MAIN / MANIFEST, json.dumps({"bundles": [f"../{b}/" for b in bundles]}) + "\n")
