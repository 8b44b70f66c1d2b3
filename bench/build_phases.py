"""Where a build's time goes: wall and CPU time at each of Pelican's signals, and the
plugins' signal receivers that took longest.

By default it rebuilds the 10,000-post site that bench_build.py leaves in
bench/out/build/site (run that first) after adding one new raw page, as
bench_build.py's rebuild does, with the same settings; ``--content`` and
``--output`` point it at another site. Pelican runs in this process, so the
CPU column counts this process only (forked workers are not in it); the wall
column is what an editor waits for.

Usage:
    .venv/bin/python bench/build_phases.py [--seed N] [--newest] [--no-new-page]
    .venv/bin/python bench/build_phases.py --content DIR --output DIR [--cold]
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import blinker
from pelican import signals

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
SITE = BENCH / "out" / "build" / "site"
SLOW_RECEIVER = 0.3  # seconds: receivers that took longer are listed
PHASES = (  # Pelican's signals in the order a build sends them
    "initialized", "get_generators", "article_generator_init", "page_generator_init",
    "static_generator_init", "article_generator_pretaxonomy", "article_generator_finalized",
    "page_generator_finalized", "static_generator_finalized", "all_generators_finalized", "get_writer",
    "article_writer_finalized", "page_writer_finalized", "finalized",
)


class Clock:
    """Times since the start of the build: at each phase, and in each slow receiver."""

    def __init__(self) -> None:
        self.start, self.cpu_start = time.perf_counter(), time.process_time()
        self.last = self.start
        self.receivers: list[tuple[float, str]] = []
        self._marks: list[Callable[..., None]] = []  # blinker holds receivers weakly

    def mark_phases(self) -> None:
        for name in PHASES:
            def mark(sender: Any, *_: Any, name: str = name, **__: Any) -> None:
                now = time.perf_counter()
                print(f"  {name:32s} {now - self.start:7.2f} s  {now - self.last:+7.2f} s  "
                      f"{time.process_time() - self.cpu_start:7.2f} s", flush=True)
                self.last = now
            self._marks.append(mark)
            getattr(signals, name).connect(mark)

    def time_receivers(self) -> None:
        """Have every signal's receivers timed as blinker calls them."""
        clock, marks = self, self._marks
        listed = blinker.base.Signal.receivers_for

        def receivers_for(signal: blinker.base.Signal, sender: Any) -> Iterator[Callable[..., Any]]:
            for receiver in listed(signal, sender):
                if receiver in marks:
                    yield receiver
                    continue

                def timed(*args: Any, receiver: Callable[..., Any] = receiver, **kwargs: Any) -> Any:
                    start = time.perf_counter()
                    try:
                        return receiver(*args, **kwargs)
                    finally:
                        took = time.perf_counter() - start
                        name = f"{getattr(receiver, '__module__', '')}.{getattr(receiver, '__qualname__', receiver)}"
                        clock.receivers.append((took, f"{signal.name} -> {name}"))
                yield timed

        blinker.base.Signal.receivers_for = receivers_for  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=SITE / "content")
    parser.add_argument("--output", type=Path, default=SITE / "output")
    parser.add_argument("--settings", type=Path, default=ROOT / "pelicanconf.py")
    parser.add_argument("--seed", type=int, default=int(time.time()), help="of the new raw page (default: now)")
    parser.add_argument("--newest", action="store_true", help="date the new page after every other post")
    parser.add_argument("--no-new-page", action="store_true", help="rebuild with nothing new")
    parser.add_argument("--cold", action="store_true", help="remove the output and caches first")
    args = parser.parse_args()
    if not args.content.is_dir():
        sys.exit(f"no site at {args.content}: run bench/bench_build.py first, or give --content")
    sys.path[:0] = [str(BENCH), str(ROOT / "plugins")]
    cache = args.content.parent / "cache"  # where bench_build.py keeps it
    if args.cold:
        shutil.rmtree(args.output, ignore_errors=True)
        shutil.rmtree(cache, ignore_errors=True)
    if not args.no_new_page:
        from bench_build import add_raw_page

        add_raw_page(args.content, args.seed, newest=args.newest)
    from pelican import main as pelican_main

    clock = Clock()
    clock.mark_phases()
    clock.time_receivers()
    print(f"  {'phase (Pelican signal)':32s} {'at':>9s}  {'step':>9s}  {'CPU':>9s}")
    pelican_main([str(args.content), "-o", str(args.output), "-s", str(args.settings),
                  "-e", f"CACHE_PATH={json.dumps(str(cache))}"])
    print(f"  {'done':32s} {time.perf_counter() - clock.start:7.2f} s")
    print(f"receivers that took over {SLOW_RECEIVER} s:")
    for took, what in sorted(clock.receivers, reverse=True):
        if took > SLOW_RECEIVER:
            print(f"  {took:7.2f} s  {what}")


if __name__ == "__main__":
    main()
