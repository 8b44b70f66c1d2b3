"""Split search index: what counts as a page's searchable part, and when to index what."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from digest_search.bundles import (
    MAIN, RECENT, Plan, SearchState, body_digest, plan, save_state, searchable_pages, state_path, take_state,
)

PAGE = (b'<html><body><nav>Menu</nav><main><article class="post" data-pagefind-body>'
        b'<h1>Title</h1><article class="quote">Inner</article><p>Text</p></article>'
        b'<section>More about Acme</section></main></body></html>')


def test_body_digest_covers_the_marked_element_only() -> None:
    digest = body_digest(PAGE)
    assert digest is not None
    assert body_digest(PAGE.replace(b"More about Acme", b"More about Beta")) == digest
    assert body_digest(PAGE.replace(b"Menu", b"Home")) == digest
    assert body_digest(PAGE.replace(b"<p>Text", b"<p>Other")) != digest
    assert body_digest(PAGE.replace(b"Inner", b"Nested change")) != digest  # nested same-name tag


@pytest.mark.parametrize("html", [b"", b"<p>no body here</p>", b"data-pagefind-body without a tag"])
def test_pages_without_a_body_are_not_searchable(html: bytes) -> None:
    assert body_digest(html) is None


OLD_NS = 1_600_000_000_000_000_000  # 2020: long settled, so a page's time is trusted


def write_pages(site: Path, pages: dict[str, bytes], mtime_ns: int = OLD_NS) -> None:
    for name, html in pages.items():
        (site / name).parent.mkdir(parents=True, exist_ok=True)
        (site / name).write_bytes(html)
        os.utime(site / name, ns=(mtime_ns, mtime_ns))


def site_with(tmp_path: Path, pages: dict[str, bytes]) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    write_pages(site, pages)
    (site / MAIN).mkdir(exist_ok=True)
    (site / MAIN / "pagefind.js").write_text("")
    return site


def test_searchable_pages_skips_bundles_and_rereads_only_changed_files(tmp_path: Path) -> None:
    site = site_with(tmp_path, {"a/index.html": PAGE, "about/index.html": b"<p>About</p>",
                                f"{RECENT}/x.html": PAGE, f"{MAIN}/y.html": PAGE,
                                ".pagefind-pages-1/a/index.html": PAGE, "pagefind-notes.html": PAGE})
    pages, seen = searchable_pages(site, {})
    assert list(pages) == ["a/index.html", "pagefind-notes.html"]
    assert set(seen) == {"a/index.html", "about/index.html", "pagefind-notes.html"}
    stale = {**seen, "a/index.html": [*seen["a/index.html"][:2], "remembered"]}
    assert searchable_pages(site, stale)[0]["a/index.html"] == "remembered"  # same size and time: not read
    os.utime(site / "a/index.html", ns=(1, 1))
    assert searchable_pages(site, stale)[0] == pages


def test_searchable_pages_after_changes_match_a_full_read(tmp_path: Path) -> None:
    other = PAGE.replace(b"<p>Text", b"<p>Else")  # same size
    site = site_with(tmp_path, {"a/index.html": PAGE, "b/index.html": PAGE, "c/index.html": PAGE,
                                "d/index.html": b"<p>not searchable</p>", "e/index.html": PAGE})
    _, seen = searchable_pages(site, {})
    (site / "b/index.html").unlink()
    write_pages(site, {"a/index.html": other, "c/index.html": b"<p>no longer searchable</p>",
                       "d/index.html": PAGE, "f/index.html": other}, OLD_NS + 1)
    pages, now = searchable_pages(site, seen)
    assert (pages, now) == searchable_pages(site, {})
    assert pages == {"a/index.html": body_digest(other), "d/index.html": body_digest(PAGE),
                     "e/index.html": body_digest(PAGE), "f/index.html": body_digest(other)}


def state(main: dict[str, str], recent: dict[str, str] | None = None) -> SearchState:
    return SearchState(options=["--x"], main=main, recent=recent or {})


@pytest.mark.parametrize(("previous", "pages", "expected"), [
    (state({"a": "1"}), {"a": "1"}, Plan("none")),
    (state({"a": "1"}), {"a": "1", "b": "2"}, Plan("recent", ("b",))),
    (state({"a": "1"}, {"b": "2"}), {"a": "1", "b": "2"}, Plan("none")),
    (state({"a": "1"}, {"b": "2"}), {"a": "1", "b": "3"}, Plan("recent", ("b",))),
    (state({"a": "1"}, {"b": "2"}), {"a": "1"}, Plan("recent", ())),  # the added page went away
    (state({"a": "1"}), {"a": "9", "b": "2"}, Plan("full")),  # a main page changed
    (state({"a": "1", "c": "3"}), {"a": "1"}, Plan("full")),  # a main page went away
    (state({"a": "1"}), {"a": "1", **{f"n{i}": "x" for i in range(51)}}, Plan("full")),  # too many added
    (SearchState(options=["--other"], main={"a": "1"}), {"a": "1"}, Plan("full")),
    (SearchState(), {"a": "1"}, Plan("full")),
    (state({"a": "1"}), {}, Plan("empty")),  # every post unpublished
    (SearchState(), {}, Plan("empty")),
])
def test_plan(tmp_path: Path, previous: SearchState, pages: dict[str, str], expected: Plan) -> None:
    site = site_with(tmp_path, {})
    if previous.recent:
        (site / RECENT).mkdir()
        (site / RECENT / "pagefind.js").write_text("")
    assert plan(previous, pages, ["--x"], site, recent_share=0.05) == expected


def test_without_the_main_bundle_everything_is_indexed(tmp_path: Path) -> None:
    assert plan(state({"a": "1"}), {"a": "1"}, ["--x"], tmp_path, 0.05) == Plan("full")


def test_state_is_taken_off_disk_until_saved(tmp_path: Path) -> None:
    path = state_path({"CACHE_PATH": str(tmp_path / "cache")}, tmp_path / "site")
    saved = SearchState(["--x"], {"a": "1"}, {"b": "2"}, {"a": [1, 2, "1"]})
    save_state(path, saved)
    assert take_state(path) == saved
    assert not path.exists() and take_state(path) == SearchState()


def test_pages_read_by_other_code_are_read_again(tmp_path: Path) -> None:
    path = state_path({"CACHE_PATH": str(tmp_path / "cache")}, tmp_path / "site")
    save_state(path, SearchState(["--x"], {"a": "1"}, {}, {"a": [1, 2, "1"]}))
    data = json.loads(path.read_text())
    path.write_text(json.dumps({**data, "code": "other"}))
    assert take_state(path) == SearchState(["--x"], {"a": "1"}, {}, {})
