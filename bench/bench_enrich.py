"""Speed of company recognition and topic tagging on generated articles.

Builds ~2000 articles (seeded RNG, so every run times the same text) from the
registry's own names, products and tickers mixed with filler sentences, some
of them traps for the guards (fruit, rivers, windows). Prints the time to load
and pickle the registry and vocabulary, and articles/s for find_companies,
find_tags and both together (best of R rounds).

    .venv/bin/python bench/bench_enrich.py [--articles N] [--rounds R]
"""

from __future__ import annotations

import argparse
import pickle
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "plugins"))

from digest_ingest.enrich.companies import DEFAULT_REGISTRY_PATH, find_companies, load_registry  # noqa: E402
from digest_ingest.enrich.registry import Company  # noqa: E402
from digest_ingest.enrich.tags import DEFAULT_VOCABULARY_PATH, find_tags, load_vocabulary  # noqa: E402
from digest_ingest.enrich.tokens import tokenize_article  # noqa: E402

SEED = 20260221
FILLER = [
    "The announcement came after weeks of speculation among analysts and suppliers.",
    "Executives declined to give a timetable for the wider roll-out.",
    "Prices for the entry model start below the level most rivals charge.",
    "Regulators in Brussels and Washington are watching the market closely.",
    "The update arrives first in North America, with Europe to follow later this year.",
    "Early reviewers praised the battery life but questioned the price.",
    "Demand for data centre capacity keeps rising as companies train larger models.",
    "The firm said the change would not affect existing customers.",
    "Shipments fell in the quarter as consumers held on to older devices.",
    "Staff were told about the plan in an internal memo on Monday morning.",
    "She opened the windows and let the spring air into the office.",
    "A basket of apple slices sat on the table during the briefing.",
    "The Amazon rainforest lost a record area of trees to fire last year.",
    "Investors will look for more detail at the annual developer conference.",
    "The new chip uses a smaller manufacturing process and draws less power.",
    "Critics say the feature collects more personal data than users expect.",
    "The startup raised a new funding round led by two venture firms.",
    "Engineers rewrote the app's core in a memory-safe language.",
    "The satellite network now covers remote areas of three continents.",
    "Game sales slowed after a strong holiday season.",
]
TEMPLATES = [
    "{name} said it would expand the programme next year.",
    "Shares of {name} rose 3% in early trading.",
    "The deal values {name} at about twice its last funding round.",
    "Customers can use {product} on older hardware as well.",
    "{name} unveiled an update to {product} on Tuesday.",
    "The company (NASDAQ: {ticker}) reported higher revenue.",
    "Analysts compared {name}, {other} and their rivals.",
    "The plan was first reported by {media}.",
]
TITLES = ["{name} to buy {other} in cloud deal", "{name} unveils new {product}", "Why {name} is betting on AI",
          "{name} and {other} sign chip supply pact"]


def pick(rng: random.Random, items: list[Company], attr: str) -> str:
    """A random value of ``attr`` (a name, or one item of a list field) from a random company."""
    company = rng.choice(items)
    values = getattr(company, attr)
    return values if isinstance(values, str) else (rng.choice(values) if values else company.name)


def make_articles(count: int, companies: list[Company], media: list[Company]) -> list[tuple[str, list[str]]]:
    """Generated (title, paragraphs) pairs; the same for every run."""
    rng = random.Random(SEED)
    with_products = [c for c in companies if c.products]
    with_tickers = [c for c in companies if c.tickers]

    def fill(template: str) -> str:
        return template.format(name=pick(rng, companies, "name"), other=pick(rng, companies, "name"),
                               product=pick(rng, with_products, "products"),
                               ticker=pick(rng, with_tickers, "tickers"), media=pick(rng, media, "name"))

    articles = []
    for _ in range(count):
        paragraphs = []
        for _ in range(rng.randint(5, 14)):
            sentences = [fill(rng.choice(TEMPLATES)) if rng.random() < 0.3 else rng.choice(FILLER)
                         for _ in range(rng.randint(2, 6))]
            paragraphs.append(" ".join(sentences))
        articles.append((fill(rng.choice(TITLES)), paragraphs))
    return articles


def best_of(rounds: int, run: Callable[[], object]) -> float:
    """Shortest wall time of ``rounds`` calls, in seconds."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    load_s = best_of(args.rounds, lambda: load_registry([DEFAULT_REGISTRY_PATH]))
    vocab_s = best_of(args.rounds, lambda: load_vocabulary([DEFAULT_VOCABULARY_PATH]))
    registry = load_registry([DEFAULT_REGISTRY_PATH])
    vocabulary = load_vocabulary([DEFAULT_VOCABULARY_PATH])
    blob = pickle.dumps(registry)
    unpickle_s = best_of(args.rounds, lambda: pickle.loads(blob))
    companies = [c for c in registry.companies if c.kind == "company"]
    media = [c for c in registry.companies if c.kind == "media"]
    articles = make_articles(args.articles, companies, media)
    words = sum(len(" ".join([t, *p]).split()) for t, p in articles)

    found: list[tuple[str, ...]] = []

    def run_companies() -> None:  # each run tokenises, as the pipeline does once for both
        found[:] = [find_companies(registry, tokenize_article(t, p)) for t, p in articles]

    def run_tags() -> None:
        for (t, p), names in zip(articles, found):
            find_tags(vocabulary, tokenize_article(t, p), names)

    def run_both() -> None:
        for t, p in articles:
            segments = tokenize_article(t, p)
            find_tags(vocabulary, segments, find_companies(registry, segments))

    companies_s = best_of(args.rounds, run_companies)
    tags_s = best_of(args.rounds, run_tags)
    both_s = best_of(args.rounds, run_both)
    per_article = sum(len(f) for f in found) / len(found)

    print(f"registry: {len(registry.companies)} entries, load {load_s * 1000:.1f} ms, "
          f"pickle {len(blob) / 1024:.0f} KiB, unpickle {unpickle_s * 1000:.1f} ms")
    print(f"vocabulary: {len(vocabulary.tags)} topics, load {vocab_s * 1000:.1f} ms")
    print(f"articles: {len(articles)}, {words / len(articles):.0f} words each on average")
    for label, seconds in (("find_companies", companies_s), ("find_tags", tags_s), ("both", both_s)):
        print(f"{label:>15}: {len(articles) / seconds:8.0f} articles/s  {words / seconds / 1e6:.2f} M words/s")
    print(f"companies found per article: {per_article:.1f}")


if __name__ == "__main__":
    main()
