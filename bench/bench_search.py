"""Bytes a search costs the reader, and the time Pagefind adds to a build.

Builds the site (tests/browser/site.py: the repo's content/ once it has posts,
else the test fixtures; or --content DIR), or takes a built one (--site DIR),
serves it on 127.0.0.1 and, in Debian's headless chromium with an empty cache,
opens /search/ and types each query. Prints the Pagefind bytes fetched to open
the page (loader, wasm, meta, filters) and for each query (index chunks and
result fragments), by kind, plus the bundle's size on disk and the indexing time.

    .venv/bin/python bench/bench_search.py [--site output] [--content DIR] [--query WORD ...]
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT / "plugins"), str(ROOT / "tests")]

from playwright.sync_api import Page, Response, sync_playwright  # noqa: E402

from browser.site import build_site, default_content, launch_args, serve  # noqa: E402
from digest_search.pagefind import index_site  # noqa: E402

READY = '#search[aria-busy="false"]'
DATA_SUFFIXES = {".pf_fragment", ".pf_index", ".pf_filter", ".pf_meta", ".pagefind"}
KINDS = (
    ("fragment/", "fragments"), ("index/", "index"), ("filter/", "filters"), (".pf_meta", "meta"),
    ("wasm.", "wasm"), ("pagefind-entry.json", "entry"), ("pagefind-worker.js", "worker"),
    ("pagefind.js", "loader"),
)


def kind_of(url: str) -> str:
    return next((name for marker, name in KINDS if marker in url), "other")


class Meter:
    """Counts the bytes of every response from the site's /pagefind/ folder."""

    def __init__(self) -> None:
        self.responses: list[Response] = []

    def __call__(self, response: Response) -> None:
        if "/pagefind/" in response.url:
            self.responses.append(response)

    def take(self) -> tuple[int, int, Counter[str]]:
        """(bytes, requests, bytes by kind) since the last take()."""
        by_kind: Counter[str] = Counter()
        for response in self.responses:
            by_kind[kind_of(response.url)] += len(response.body())
        count = len(self.responses)
        self.responses = []
        return sum(by_kind.values()), count, by_kind


def line(label: str, figures: tuple[int, int, Counter[str]]) -> str:
    total, count, by_kind = figures
    parts = ", ".join(f"{k} {v:,}" for k, v in sorted(by_kind.items(), key=lambda kv: -kv[1]))
    return f"{label}: {total:,} bytes in {count} requests ({parts})"


def measure(site: Path, queries: list[str]) -> list[str]:
    """Open the search page cold, then run each query; one printed line each."""
    out = []
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(**launch_args())
        page: Page = browser.new_context().new_page()
        meter = Meter()
        page.on("response", meter)
        page.goto(f"{base}/search/", wait_until="networkidle")
        page.wait_for_selector(READY)
        out.append(line("open /search/ (cold cache)", meter.take()))
        for query in queries:
            page.fill("#search-q", query)
            page.wait_for_function("document.querySelector('#search').getAttribute('aria-busy') === 'false'")
            page.wait_for_load_state("networkidle")
            results = page.get_attribute("#search", "data-results")
            out.append(line(f"query {query!r} ({results} results, first page shown)", meter.take()))
        browser.close()
    return out


def bundle_size(site: Path) -> tuple[int, int]:
    """(bytes of the whole bundle, bytes of the index data a search can fetch)."""
    files = [f for f in (site / "pagefind").rglob("*") if f.is_file()]
    data = [f for f in files if f.suffix in DATA_SUFFIXES]
    return sum(f.stat().st_size for f in files), sum(f.stat().st_size for f in data)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--content", type=Path, help="content folder to build (default: see above)")
    parser.add_argument("--query", action="append", help="words to search (default: Xiaomi, then cloud)")
    args = parser.parse_args()
    queries = args.query or ["Xiaomi", "cloud"]
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        if args.site:
            site = args.site.resolve()
        else:
            content = (args.content or default_content()).resolve()
            started = time.perf_counter()
            site = build_site(content, Path(tmp)).root
            print(f"built {content} in {time.perf_counter() - started:.2f} s")
        started = time.perf_counter()
        summary = index_site(site)
        print(f"pagefind: {summary} in {time.perf_counter() - started:.2f} s")
        whole, data = bundle_size(site)
        print(f"bundle on disk: {whole:,} bytes, of which index data {data:,} bytes")
        for text in measure(site, queries):
            print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
