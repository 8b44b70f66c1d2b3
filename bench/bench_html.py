"""Speed of the HTML extractor against trafilatura alone, on the same generated pages.

Builds ~1500 pages from the paragraphs of tests/fixtures/html/ (shuffled with a
seeded RNG, so every run times the same pages) in several outlet layouts, then
times in one run: (a) trafilatura.bare_extraction on the HTML string with the options
of our full cascade (html_main.FULL) plus its own metadata, (a') the same without
metadata, and (b) our extract_html. Prints pages/s, the ratio b/a and peak memory.

    .venv/bin/python bench/bench_html.py [--pages N] [--rounds R] [--quick]
"""

from __future__ import annotations

import argparse
import html
import json
import logging
import random
import resource
import sys
import time
import tracemalloc
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

import trafilatura  # noqa: E402
from lxml import html as lxml_html  # noqa: E402

from digest_core.records import Decoded, RawPage  # noqa: E402
from digest_ingest.extract_html import extract_html  # noqa: E402
from digest_ingest.html_main import FULL as EXTRACTOR  # noqa: E402

FIXTURES = ROOT / "tests" / "fixtures" / "html"
SEED = 20240514
CODE = 'def total(rows):\n    """Sum the second column."""\n    return sum(int(r[1]) for r in rows)\n'
BOILERPLATE = ["Share this article", "Read more: Five things to know this week", "Advertisement",
               "Sign up for our newsletter and get the week's stories in your inbox."]


def fixture_paragraphs() -> list[str]:
    """Every paragraph of at least twelve words in the fixture pages."""
    found = []
    for path in sorted(FIXTURES.glob("*.html")):
        tree = lxml_html.fromstring(path.read_bytes())
        found += [t for p in tree.iter("p") if len((t := " ".join(p.text_content().split())).split()) >= 12]
    return found


def _chrome(rng: random.Random, n: int) -> tuple[str, str, str]:
    """Head tags, a sidebar and a footer as large as a news site's, with scripts and link lists."""
    head = "".join(f'<link rel="preload" href="/static/{i}.js" as="script">' for i in range(12))
    rules = " ".join(f".c{i} {{ margin: {i}px; color: #{i:03x}; }}" for i in range(150))
    head += f"<style>{rules}</style>"
    items = [{"id": i, "headline": f"Story {i}", "score": rng.random()} for i in range(120)]
    state = {"page": n, "items": items}
    head += f"<script>window.__STATE__ = {json.dumps(state)};</script>"
    side = "".join(f"<li><a href='/story/{rng.randint(1, 99999)}'>Headline number {i} of the sidebar</a></li>"
                   for i in range(25))
    foot = "".join(f"<a href='/section/{i}'>Section {i}</a> " for i in range(40))
    aside = f"<aside><h3>Most read</h3><ul>{side}</ul></aside>"
    return head, aside, f"<footer>{foot}<p>© Bench Media</p></footer>"


def _meta(rng: random.Random, title: str, n: int) -> str:
    date = f"2024-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}T{rng.randint(0, 23):02d}:15:00Z"
    style = n % 3
    if style == 0:
        return (f'<meta property="og:title" content="{title}"><meta property="article:published_time" '
                f'content="{date}"><meta name="author" content="Alex Writer"><meta property="og:site_name" '
                f'content="Bench Daily">')
    if style == 1:
        data = {"@context": "https://schema.org", "@graph": [
            {"@type": "NewsArticle", "headline": title, "datePublished": date,
             "author": [{"@type": "Person", "name": "Sam Reporter"}], "publisher": {"name": "Bench Wire"}}]}
        return f'<script type="application/ld+json">{json.dumps(data)}</script>'
    return ""


def _body(rng: random.Random, paragraphs: list[str], n: int) -> str:
    parts = [f"<p>{html.escape(p)}</p>" for p in paragraphs]
    extras = [f'<pre><code class="language-python">{html.escape(CODE)}</code></pre>',
              "<table><tr><th>Quarter</th><th>Revenue</th></tr><tr><td>Q1</td><td>12</td></tr>"
              "<tr><td>Q2</td><td>15</td></tr></table>",
              "<ul><li>First point of the list</li><li>Second point, a little longer</li></ul>",
              f"<blockquote><p>{html.escape(paragraphs[0])}</p></blockquote>",
              "<h2>What comes next</h2>"]
    for extra in rng.sample(extras, rng.randint(0, 3)):
        parts.insert(rng.randint(1, len(parts)), extra)
    for line in rng.sample(BOILERPLATE, rng.randint(0, 2)):
        parts.insert(rng.randint(1, len(parts)), f"<p>{line}</p>")
    layout = n % 4
    nav = "<nav><a href='/'>Home</a> <a href='/tech'>Tech</a> <a href='/about'>About</a></nav>"
    if layout == 0:
        return f"{nav}<main><article>{''.join(parts)}</article></main><footer>© Bench</footer>"
    if layout == 1:
        return (f"<div class='wrap'>{nav}<div class='post-body'>{''.join(parts)}</div>"
                "<div class='side'>Popular</div></div>")
    if layout == 2:
        return (f"<table><tr><td>{nav}</td><td>{''.join(parts)}</td></tr>"
                "<tr><td colspan='2'>Impressum</td></tr></table>")
    comments = "<div id='comments'><p>Great post, thanks for writing it up!</p></div>"
    return f"<div id='page'><article class='post'>{''.join(parts)}</article>{comments}</div>"


def make_pages(count: int) -> list[str]:
    """``count`` pages in rotating layouts, the same on every run."""
    rng = random.Random(SEED)
    pool = fixture_paragraphs()
    pages = []
    for n in range(count):
        chosen = rng.sample(pool, rng.randint(3, min(12, len(pool))))
        title = html.escape(" ".join(chosen[0].split()[:9]))
        chrome_head, side, foot = _chrome(rng, n)
        head = f"<title>{title} | Bench Daily</title>{_meta(rng, title, n)}{chrome_head}"
        pages.append(f"<!DOCTYPE html><html lang='en'><head><meta charset='utf-8'>{head}</head>"
                     f"<body><h1>{title}</h1>{_body(rng, chosen, n)}{side}{foot}</body></html>")
    return pages


def trafilatura_alone(with_metadata: bool) -> Callable[[str, int], object]:
    """trafilatura as a caller would use it: keyword options equal to our full cascade, the HTML as a string."""
    options = {
        "fast": EXTRACTOR.fast, "favor_precision": EXTRACTOR.focus == "precision",
        "favor_recall": EXTRACTOR.focus == "recall", "include_comments": EXTRACTOR.comments,
        "include_tables": EXTRACTOR.tables, "include_images": EXTRACTOR.images,
        "include_formatting": EXTRACTOR.formatting, "include_links": EXTRACTOR.links,
        "deduplicate": EXTRACTOR.dedup, "with_metadata": with_metadata,
    }
    return lambda page, n: trafilatura.bare_extraction(page, url=f"https://bench.example/{n}", **options)


def ours(page: str, n: int) -> object:
    raw = RawPage(f"bench/{n}.html", "html", b"", {"url": f"https://bench.example/{n}"})
    return extract_html(Decoded(raw, page, "utf-8"))


def interleaved_rates(runners: dict[str, Callable[[str, int], object]], pages: list[str]) -> dict[str, float]:
    """Pages per second of each runner, timed page by page in turn.

    Interleaving per page (in a rotating order) spreads any change in machine
    load evenly over the runners, which per-runner passes would not.
    """
    spent = dict.fromkeys(runners, 0.0)
    names = list(runners)
    for n, page in enumerate(pages):
        for name in names[n % len(names):] + names[: n % len(names)]:
            start = time.perf_counter()
            runners[name](page, n)
            spent[name] += time.perf_counter() - start
    return {name: len(pages) / seconds for name, seconds in spent.items()}


def peak_traced(run: Callable[[str, int], object], pages: list[str]) -> float:
    """Peak Python-allocated memory (MiB) while running over ``pages``."""
    tracemalloc.start()
    for n, page in enumerate(pages):
        run(page, n)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    return peak / 2**20


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=1500)
    parser.add_argument("--rounds", type=int, default=1, help="timed rounds; the best round counts")
    parser.add_argument("--quick", action="store_true", help="300 pages, for bench/run_all.py")
    args = parser.parse_args()
    if args.quick:
        args.pages = min(args.pages, 300)
    logging.disable(logging.WARNING)  # trafilatura logs every discarded page
    pages = make_pages(args.pages)
    runners = {"trafilatura (with its metadata)": trafilatura_alone(True),
               "trafilatura (no metadata)": trafilatura_alone(False), "extract_html (ours)": ours}
    for run in runners.values():  # warm-up: imports, regex and lexer caches
        for n, page in enumerate(pages[:30]):
            run(page, n)
    best = dict.fromkeys(runners, 0.0)
    for _ in range(args.rounds):
        for name, rate in interleaved_rates(runners, pages).items():
            best[name] = max(best[name], rate)
    size = sum(len(p) for p in pages) / len(pages) / 1024
    print(f"{len(pages)} pages, {size:.1f} KiB on average, best of {args.rounds} rounds")
    for name, rate in best.items():
        print(f"  {name:34s} {rate:8.1f} pages/s")
    reference = best["trafilatura (with its metadata)"]  # what we deliver too: text and metadata
    ours_rate = best["extract_html (ours)"]
    print(f"  ratio ours / trafilatura with metadata: {ours_rate / reference:.2f}")
    print(f"  ratio ours / trafilatura no metadata:   {ours_rate / best['trafilatura (no metadata)']:.2f}")
    sample = pages[:200]
    print(f"peak Python-allocated memory over {len(sample)} pages (tracemalloc; lxml trees are C memory):")
    for name, run in runners.items():
        print(f"  {name:34s} {peak_traced(run, sample):8.1f} MiB")
    print(f"peak RSS of the whole run: {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MiB")


if __name__ == "__main__":
    main()
