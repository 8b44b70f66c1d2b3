"""Story clustering: quality on the labelled set, time and memory on generated archives.

Prints B-cubed precision, recall and F1 of ``group_stories`` against the
hand-labelled events of tests/fixtures/stories/labelled.jsonl, then the time
and peak memory to cluster 10,000 and 20,000 generated posts (each run in a
fresh process, so peak RSS is its own). Generated posts are drawn with a
seeded RNG from the labelled articles' words, names, companies and figures:
events spread over a span of days, each covered by one to six posts written
with the event's own topic words plus general vocabulary, with some spun
copies and exact duplicates.

Two ways to double an archive: the same two years holding twice the posts
(more posts share each window, so candidate pairs per post double too), or
twice the years at the same daily rate (how a site's archive actually grows).

CPU times include the forked workers' (text analysis and pair scoring use
every core by default, STORY_JOBS), so wall time is the lower figure.

Last, the feature cache a build keeps (``digest_stories.feature_cache``): the
CPU time of a cold build's clustering (no cache file; it is written) against a
warm one (the file from that run, one new post), for the smallest size.

Usage: .venv/bin/python bench/bench_stories.py [--sizes 10000 20000] [--quick]
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "plugins"))

from digest_stories.config import load_config  # noqa: E402
from digest_stories.evaluate import bcubed, item_of, labels_of, read_labelled  # noqa: E402
from digest_stories.feature_cache import FILE, FeatureCache  # noqa: E402
from digest_stories.features import names, words  # noqa: E402
from digest_stories.grouping import group_stories  # noqa: E402
from digest_stories.model import StoryItem  # noqa: E402

LABELLED = REPO / "tests" / "fixtures" / "stories" / "labelled.jsonl"
START = datetime(2021, 1, 1, 6, 0)
SPAN_DAYS = 730  # for the largest size


class Vocabulary:
    """Words, names, companies and outlets of the labelled set, in a fixed order."""

    def __init__(self, rows: list[dict]) -> None:
        text = " ".join(r["body"] for r in rows)
        self.words = sorted({w for w in words(text) if w.isalpha() and len(w) > 2})
        self.names = sorted({n.title() for r in rows for n in names(r["body"]) if " " in n})
        self.companies = sorted({c for r in rows for c in r["companies"]})
        self.outlets = sorted({r["source"] for r in rows})


def _figure(rng: random.Random) -> str:
    unit = rng.choice(["million", "billion", "percent"])
    value = f"{rng.randint(1, 999)}.{rng.randint(1, 9)}"
    return f"${value} {unit}" if unit != "percent" else f"{value} percent"


def _sentence(rng: random.Random, pool: list[str], extras: list[str]) -> str:
    chosen = [rng.choice(pool) for _ in range(rng.randint(9, 15))]
    for extra in rng.sample(extras, k=min(2, len(extras))):
        chosen.insert(rng.randrange(len(chosen) + 1), extra)
    return chosen[0].capitalize() + " " + " ".join(chosen[1:]) + "."


def generate(
    size: int, span_days: float = SPAN_DAYS, seed: int = 7
) -> tuple[list[StoryItem], dict[str, str]]:
    """``size`` posts over ``span_days`` days and their true event labels."""
    rng = random.Random(seed)
    vocab = Vocabulary(read_labelled(LABELLED))
    items: list[StoryItem] = []
    truth: dict[str, str] = {}
    event = 0
    while len(items) < size:
        event += 1
        topic = rng.sample(vocab.words, 14)
        companies = rng.sample(vocab.companies, rng.randint(1, 2))
        extras = companies + rng.sample(vocab.names, 3) + [_figure(rng) for _ in range(2)]
        when = START + timedelta(days=rng.uniform(0, span_days))
        posts: list[StoryItem] = []
        for n in range(min(rng.choice([1, 1, 2, 2, 3, 4, 6]), size - len(items))):
            slug = f"e{event}-p{n}"
            if posts and rng.random() < 0.1:  # a copy of an earlier post of the event
                source = rng.choice(posts)
                text = source.text if rng.random() < 0.3 else " ".join(
                    w if rng.random() > 0.25 else rng.choice(vocab.words) for w in source.text.split(" "))
                title = source.title
            else:
                pool = topic * 3 + rng.sample(vocab.words, 60)
                text = "\n".join(" ".join(_sentence(rng, pool, extras) for _ in range(3)) for _ in range(3))
                title = " ".join(rng.sample(topic, 5) + [companies[0]]).capitalize()
            posts.append(StoryItem(
                slug=slug, title=title, text=text, date=when + timedelta(hours=rng.uniform(0, 72)),
                source=rng.choice(vocab.outlets), companies=tuple(companies),
            ))
            truth[slug] = f"e{event}"
        items += posts
    return items, truth


def cpu_seconds() -> float:
    """CPU time of this process and of the workers it forked and waited for (analysis, scoring)."""
    t = os.times()
    return t.user + t.system + t.children_user + t.children_system


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kilobytes


def measure(size: int, span_days: float) -> dict:
    """Cluster ``size`` generated posts in this process; time, memory and B-cubed scores."""
    items, truth = generate(size, span_days)
    before = peak_rss_mb()
    start, cpu = time.perf_counter(), cpu_seconds()
    groups = group_stories(items, {}, load_config({}))
    seconds, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    scores = bcubed(labels_of(groups), truth)
    return {"size": size, "days": span_days, "events": len(set(truth.values())), "stories": len(groups),
            "seconds": seconds,
            "cpu": cpu, "peak_mb": peak_rss_mb(), "growth_mb": peak_rss_mb() - before, "f1": scores.f1}


def _cached_run(items: list[StoryItem], path: Path) -> dict:
    """CPU seconds (with forked workers') to load the feature cache, cluster ``items`` through it
    and save it; wall seconds of the whole."""
    cpu, start = cpu_seconds(), time.perf_counter()
    cache = FeatureCache(path)
    loaded = cpu_seconds()
    groups = group_stories(items, {}, load_config({}), cache.analyse_texts)
    clustered = cpu_seconds()
    cache.save()
    saved = cpu_seconds()
    return {"load": loaded - cpu, "cluster": clustered - loaded, "save": saved - clustered,
            "cpu": saved - cpu, "seconds": time.perf_counter() - start, "analysed": cache.analysed,
            "groups": groups}


def measure_cache(size: int) -> dict:
    """A cold run on ``size`` generated posts (the cache file is written), then a warm run with one more."""
    items, _ = generate(size + 1)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / FILE
        cold = _cached_run(items[:-1], path)
        megabytes = path.stat().st_size / 1e6
        warm = _cached_run(items, path)
    same = warm.pop("groups") == group_stories(items, {}, load_config({}))
    cold.pop("groups")
    return {"size": size, "cold": cold, "warm": warm, "file_mb": megabytes, "same": same}


def cache_report(size: int) -> None:
    command = [sys.executable, __file__, "--cache", str(size)]
    r = json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)
    print(f"Feature cache ({r['size']} posts, fresh process, file {r['file_mb']:.0f} MB):")
    for name, label in (("cold", "cold (no file)"), ("warm", "warm (+1 post)")):
        run = r[name]
        print(f"  {label}: {run['seconds']:5.2f} s wall, {run['cpu']:5.2f} s CPU = load {run['load']:.2f} "
              f"+ cluster {run['cluster']:.2f} + save {run['save']:.2f}; {run['analysed']} texts analysed")
    print(f"  warm stories {'identical to' if r['same'] else 'DIFFERENT from'} clustering without the cache")


def labelled_report() -> None:
    rows = read_labelled(LABELLED)
    start = time.perf_counter()
    groups = group_stories([item_of(r) for r in rows], {}, load_config({}))
    seconds = time.perf_counter() - start
    scores = bcubed(labels_of(groups), {r["slug"]: r["event"] for r in rows})
    events = len({r["event"] for r in rows})
    print(f"Labelled set: {len(rows)} posts, {events} events -> {len(groups)} stories in {seconds:.2f} s")
    print(f"  B-cubed precision {scores.precision:.3f}  recall {scores.recall:.3f}  F1 {scores.f1:.3f}")


def _run(size: int, span_days: float) -> dict:
    command = [sys.executable, __file__, "--one", str(size), "--days", str(span_days)]
    return json.loads(subprocess.run(command, check=True, capture_output=True, text=True).stdout)


def _ratio(label: str, small: dict, large: dict) -> None:
    cpu = large["cpu"] / small["cpu"]
    memory = large["growth_mb"] / max(small["growth_mb"], 1)
    print(f"  {label}: {large['size'] / small['size']:.1f}x posts -> {cpu:.2f}x CPU time, "
          f"{memory:.2f}x clustering memory")


def scale_report(sizes: list[int]) -> None:
    largest = max(sizes)
    runs = [(size, SPAN_DAYS * size / largest) for size in sizes]
    runs += [(size, SPAN_DAYS) for size in sizes if size != largest]
    print("Generated archives (each run in a fresh process):")
    print(f"  {'posts':>6} {'days':>5} {'events':>6} {'stories':>7} {'wall s':>7} {'CPU s':>7} "
          f"{'CPU us/post':>11} {'peak RSS MB':>11} {'clustering MB':>13} {'B3 F1':>6}")
    results = {}
    for size, days in runs:
        r = results[(size, days)] = _run(size, days)
        per_post = 1e6 * r["cpu"] / r["size"]
        print(f"  {size:>6} {days:>5.0f} {r['events']:>6} {r['stories']:>7} {r['seconds']:>7.2f} "
              f"{r['cpu']:>7.2f} {per_post:>11.0f} {r['peak_mb']:>11.0f} {r['growth_mb']:>13.0f} "
              f"{r['f1']:>6.3f}")
    smallest = min(sizes)
    if smallest != largest:
        large = results[(largest, SPAN_DAYS)]
        _ratio("same daily rate", results[(smallest, SPAN_DAYS * smallest / largest)], large)
        _ratio("same two years ", results[(smallest, SPAN_DAYS)], large)
    print(f"  (load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs: wall time grows with load, "
          "CPU time much less)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 20_000])
    parser.add_argument("--quick", action="store_true", help="2,000 and 4,000 posts instead (for run_all.py)")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)  # internal: measure one run, print JSON
    parser.add_argument("--days", type=float, default=SPAN_DAYS, help=argparse.SUPPRESS)
    parser.add_argument("--cache", type=int, help=argparse.SUPPRESS)  # internal: measure_cache, print JSON
    args = parser.parse_args()
    if args.one:
        print(json.dumps(measure(args.one, args.days)))
        return
    if args.cache:
        print(json.dumps(measure_cache(args.cache)))
        return
    sizes = [2_000, 4_000] if args.quick else args.sizes
    labelled_report()
    scale_report(sizes)
    cache_report(min(sizes))


if __name__ == "__main__":
    main()
