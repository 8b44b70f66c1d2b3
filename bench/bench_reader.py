"""Reading posts in a cold build: Pelican's Markdown reader against digest_reader, serial and parallel.

Times ``ArticlesGenerator`` on a folder of posts with an empty content cache
(``CACHE_CONTENT`` and ``LOAD_CONTENT_CACHE`` on, as in pelicanconf.py): building
the generator (where digest_reader converts the posts across cores) plus its
``generate_context`` (where Pelican reads them), nothing else of a build. Three
configurations, each in a fresh process on the same files: Pelican's reader;
digest_reader with READER_JOBS = 1 (one Markdown instance, reset between posts);
digest_reader with READER_JOBS = --jobs. Prints wall time, CPU time (the
workers' included), posts per second, the ratio to Pelican's reader, and a
digest of every article's content and metadata, which must be the same in all
three. ``--sweep`` then times serial against parallel on the first N posts,
to place digest_reader.prefetch.PARALLEL_MIN_FILES.

The posts are bench_build.py's (bench/out/build/site/content, which this script
only reads) or, when it has not run, 10,000 (--quick: 2000) generated here with
bench/corpus.py; the caches and subsets go to a temporary folder (--work).
"main CPU" is the build's own process, the workers apart.

Usage: .venv/bin/python bench/bench_reader.py [--content DIR] [--jobs 2] [--sweep 25 50 100 200] [--quick]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
CONTENT = REPO / "bench" / "out" / "build" / "site" / "content"
CONFIGURATIONS = [("Pelican's MarkdownReader", [], 1), ("digest_reader, serial", ["digest_reader"], 1)]


def measure(content: Path, cache: Path, plugins: list[str], jobs: int, min_files: int | None) -> dict:
    """In this process: build an ArticlesGenerator on ``content`` and read every post, cold cache."""
    sys.path.insert(0, str(REPO / "plugins"))
    from pelican.generators import ArticlesGenerator
    from pelican.settings import read_settings

    import digest_reader
    from digest_reader import prefetch

    if min_files is not None:
        prefetch.PARALLEL_MIN_FILES = min_files
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(cache / "output"), "CACHE_PATH": str(cache),
        "CACHE_CONTENT": True, "LOAD_CONTENT_CACHE": True, "PLUGINS": plugins, "READER_JOBS": jobs})
    digest_reader.register()  # inert unless PLUGINS names it
    context = {**settings, "generated_content": {}, "static_links": set(), "static_content": {},
               "localsiteurl": settings["SITEURL"]}
    wall, cpu = time.perf_counter(), time.process_time()
    generator = ArticlesGenerator(context=context, settings=settings, path=settings["PATH"],
                                  theme=settings["THEME"], output_path=settings["OUTPUT_PATH"])
    generator.generate_context()
    wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    articles = sorted(generator.articles + generator.drafts + generator.hidden_articles,
                      key=lambda a: a.source_path)
    digest = hashlib.sha256()
    for article in articles:
        digest.update(repr((article.source_path, article.content, sorted(article.metadata.items(), key=str)))
                      .encode())
    return {"wall": wall, "main": cpu, "cpu": cpu + children.ru_utime + children.ru_stime,
            "posts": len(articles), "digest": digest.hexdigest()[:12]}


def run(content: Path, work: Path, plugins: list[str], jobs: int, min_files: int | None = None) -> dict:
    """``measure`` in a fresh process with a fresh cache folder."""
    cache = Path(tempfile.mkdtemp(dir=work, prefix="cache-"))
    args = json.dumps([str(content), str(cache), plugins, jobs, min_files])
    done = subprocess.run([sys.executable, __file__, "--measure", args], capture_output=True, text=True,
                          check=True)
    shutil.rmtree(cache)
    return json.loads(done.stdout.splitlines()[-1])


def subset(content: Path, work: Path, count: int) -> Path:
    """A content folder holding the first ``count`` posts (sorted by path) of ``content``."""
    target = work / f"subset-{count}"
    posts = sorted((content / "posts").rglob("*.md"))[:count]
    for post in posts:
        copy = target / "posts" / post.relative_to(content / "posts")
        copy.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(post, copy)
    return target


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--content", type=Path, default=CONTENT, help="a Pelican content folder with posts/")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--sweep", type=int, nargs="*", default=[25, 50, 100, 200])
    parser.add_argument("--quick", action="store_true", help="the first 2000 posts only")
    parser.add_argument("--work", type=Path, default=None, help="folder for caches and subsets (temporary)")
    parser.add_argument("--measure", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.measure:
        content, cache, plugins, jobs, min_files = json.loads(options.measure)
        print(json.dumps(measure(Path(content), Path(cache), plugins, jobs, min_files)))
        return
    work = Path(tempfile.mkdtemp(dir=options.work, prefix="bench_reader-"))
    try:
        content = options.content
        if not (content / "posts").is_dir():
            sys.path.insert(0, str(REPO / "bench"))
            from corpus import write_posts

            content = work / "generated"
            write_posts(content / "posts", 2000 if options.quick else 10_000)
        elif options.quick:
            content = subset(content, work, 2000)
        for path in (content / "posts").rglob("*.md"):  # every configuration reads from the page cache
            path.read_bytes()
        report(content, work, options.jobs)
        sweep(content, work, options.jobs, options.sweep)
    finally:
        shutil.rmtree(work)


def report(content: Path, work: Path, jobs: int) -> None:
    print(f"cold read of {content} ({os.cpu_count()} cores)")
    print(f"{'reader':<34} {'posts':>6} {'wall s':>7} {'CPU s':>7} {'main CPU':>8} {'posts/s':>8} "
          f"{'vs Pelican':>10}  digest")
    base = None
    parallel = (f"digest_reader, {jobs} jobs", ["digest_reader"], jobs)
    for label, plugins, n in [*CONFIGURATIONS, parallel]:
        figures = run(content, work, plugins, n)
        base = base or figures["wall"]
        print(f"{label:<34} {figures['posts']:>6} {figures['wall']:>7.2f} {figures['cpu']:>7.2f} "
              f"{figures['main']:>8.2f} {figures['posts'] / figures['wall']:>8.0f} "
              f"{base / figures['wall']:>9.2f}x  {figures['digest']}")


def sweep(content: Path, work: Path, jobs: int, counts: list[int]) -> None:
    if not counts:
        return
    print(f"\nsmall cold builds, digest_reader serial vs {jobs} jobs (PARALLEL_MIN_FILES set to 0)")
    print(f"{'posts':>6} {'serial s':>9} {'parallel s':>11}")
    for count in counts:
        folder = subset(content, work, count)
        serial, parallel = (run(folder, work, ["digest_reader"], n, 0)["wall"] for n in (1, jobs))
        print(f"{count:>6} {serial:>9.3f} {parallel:>11.3f}")


if __name__ == "__main__":
    main()
