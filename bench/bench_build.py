"""Build time of a generated digest with our full config, against plain Pelican on the same posts.

Writes N Markdown posts (bench/corpus.py, seeded) into bench/out/build/, then runs each
build in a fresh interpreter calling ``pelican.main`` (what .venv/bin/pelican runs),
under /usr/bin/time -v:
  1. plain Pelican: built-in theme (notmyidea), no plugins, same posts and pagination;
  2. our cold build: pelicanconf.py as `make html` uses it (taxonomies, stories,
     feeds, sitemap, search index), ingest off since the posts are written directly;
     then the same without the search index (PAGEFIND_ENABLED off, its own output and
     cache folders), to show what the rest of our build costs against plain Pelican;
  3. a rebuild after one new raw page, with `make html`'s settings (ingest on,
     Pelican's content cache as pelicanconf.py sets it; every build keeps its cache
     folder in bench/out/build/site/cache instead of the repository's); the page is
     dated any day of the corpus's two years; then one more, dated after every other
     post, as a digest's new page usually is (lists change at their newest end only);
  4. when pelicanconf.py leaves the content cache off (and not --quick): the same
     rebuild with CACHE_CONTENT and LOAD_CONTENT_CACHE on (one build to fill the
     cache, then one more new raw page), to show what the cache would buy;
  5. the search index alone (digest_search's index_site on our output), to show
     Pagefind's share of a build.
Then page weight (an article's HTML plus the CSS it links, 20 articles), output
size and file count. Ratios compare builds of this run.

    .venv/bin/python bench/bench_build.py [--posts N] [--quick]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import re
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
sys.path.insert(0, str(ROOT / "plugins"))
sys.path.insert(0, str(BENCH))

WORK = BENCH / "out" / "build"
PYTHON = ROOT / ".venv" / "bin" / "python"
CONF = ROOT / "pelicanconf.py"
GNU_TIME = Path("/usr/bin/time")
WEIGHED_PAGES = 20
REBUILD_TARGET = 0.2
_STYLESHEET = re.compile(r"<link\b[^>]*\brel=[\"']?stylesheet[^>]*>", re.I)
_HREF = re.compile(r"\bhref=[\"']?([^\"' >]+)", re.I)
_ARTICLE_PAGE = re.compile(r"^\d{4}/\d{2}/\d{2}/[^/]+/index\.html$")

PLAIN_CONF = """# Plain Pelican: built-in theme (notmyidea), no plugins, the same posts.
SITENAME = "Tech Digest"
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
ARTICLE_PATHS = ["posts"]
PAGE_PATHS = []
PLUGINS = []
RELATIVE_URLS = True
DEFAULT_PAGINATION = {pagination}
"""


# Each run notes its own and its children's peak RSS on the way out (argv[1] names the file), so
# Pelican's memory can be told apart from Pagefind's and the ingest workers'.
NOTE_RSS = """
    use = {w: resource.getrusage(getattr(resource, "RUSAGE_" + w)).ru_maxrss for w in ("SELF", "CHILDREN")}
    open(sys.argv[1], "w").write(json.dumps(use))
"""
# What .venv/bin/pelican runs: pelican.main.
PELICAN_MAIN = """import json, resource, sys
from pelican import main
try:
    main(sys.argv[2:])
finally:""" + NOTE_RSS
# What digest_search does at the end of a build, alone: Pagefind over the built site.
INDEX_MAIN = """import json, resource, sys
from pathlib import Path
from digest_search.pagefind import index_site
try:
    print(index_site(Path(sys.argv[2])))
finally:""" + NOTE_RSS


@dataclass
class Build:
    name: str
    seconds: float
    cpu: float | None  # user + system seconds of the process and the children it waited for
    peak_mib: float | None  # the whole process tree's peak (/usr/bin/time -v)
    pelican_mib: float  # the Python process alone
    children_mib: float  # its largest child: Pagefind, an ingest worker
    errors: list[str]


def pelican(
    name: str, content: Path, output: Path, conf: Path, extra: list[str], cache: Path | None = None
) -> Build:
    """One Pelican build in a subprocess; its caches go to ``cache`` (default: next to ``content``),
    not into the repo."""
    folder = json.dumps(str(cache or content.parent / "cache"))
    arguments = [str(content), "-o", str(output), "-s", str(conf), "-e", f"CACHE_PATH={folder}", *extra]
    return timed(name, PELICAN_MAIN, arguments, content.parent)


def timed(name: str, code: str, arguments: list[str], cwd: Path, env: dict[str, str] | None = None) -> Build:
    """Run ``code`` in a fresh interpreter under /usr/bin/time -v; its output goes to logs/<name>.log."""
    log, stats, split = (WORK / "logs" / f"{name}.{suffix}" for suffix in ("log", "time", "rss"))
    log.parent.mkdir(parents=True, exist_ok=True)
    command = [str(PYTHON), "-c", code, str(split), *arguments]
    if GNU_TIME.exists():
        command = [str(GNU_TIME), "-v", "-o", str(stats), *command]
    env = dict(os.environ, COLUMNS="200", **(env or {}))  # Pelican's log lines unwrapped, one a line
    start = time.perf_counter()
    with log.open("w") as handle:
        done = subprocess.run(command, cwd=cwd, stdout=handle, stderr=subprocess.STDOUT, env=env)
    seconds = time.perf_counter() - start
    text = log.read_text(errors="replace")
    errors = [line.strip() for line in text.splitlines() if "ERROR" in line or "CRITICAL" in line]
    if done.returncode != 0:
        errors.append(f"exit status {done.returncode}; log: {log}")
    rss = json.loads(split.read_text()) if split.exists() else {"SELF": 0, "CHILDREN": 0}
    return Build(name, seconds, *_time_stats(stats), rss["SELF"] / 1024, rss["CHILDREN"] / 1024, errors)


def _time_stats(stats: Path) -> tuple[float | None, float | None]:
    """(CPU seconds, peak RSS in MiB) from /usr/bin/time -v; the RSS is Pelican's or its largest child's."""
    text = stats.read_text() if stats.exists() else ""
    keys = ("User time", "System time", "Maximum resident")
    found = {key: re.search(rf"{key}[^:]*: ([\d.]+)", text) for key in keys}
    if not all(found.values()):
        return None, None
    value = {key: float(match.group(1)) for key, match in found.items()}  # type: ignore[union-attr]
    return value["User time"] + value["System time"], value["Maximum resident"] / 1024


def page_weight(output: Path, pages: list[Path]) -> tuple[float, int, int]:
    """(mean, max) bytes of each page's HTML plus the stylesheets it links, and how many pages were found."""
    weights = []
    for page in pages:
        if not page.exists():
            continue
        html = page.read_text(encoding="utf-8", errors="replace")
        total = len(html.encode("utf-8"))
        for tag in _STYLESHEET.findall(html):
            href = _HREF.search(tag)
            if href and "//" not in href.group(1):
                path = href.group(1).split("?")[0].split("#")[0]
                css = (output / path.lstrip("/")) if path.startswith("/") else (page.parent / path)
                total += css.stat().st_size if css.is_file() else 0
        weights.append(total)
    if not weights:
        return 0.0, 0, 0
    return sum(weights) / len(weights), max(weights), len(weights)


def folder_size(folder: Path) -> tuple[int, int]:
    files = [p for p in folder.rglob("*") if p.is_file()]
    return sum(p.stat().st_size for p in files), len(files)


def sample_articles(count: int) -> list[tuple[str, str]]:
    """(our page, plain Pelican's page) of WEIGHED_PAGES posts spread over the corpus."""
    from corpus import articles

    made = articles(count)
    step = max(1, len(made) // WEIGHED_PAGES)
    chosen = made[::step][:WEIGHED_PAGES]
    slugs = [(a.date, f"{a.slug}-{a.number}") for a in chosen]
    return [(f"{date:%Y/%m/%d}/{slug}/index.html", f"{slug}.html") for date, slug in slugs]


def cache_settings() -> dict[str, bool]:
    from pelican.settings import read_settings

    settings = read_settings(str(CONF))
    return {k: bool(settings.get(k)) for k in ("CACHE_CONTENT", "LOAD_CONTENT_CACHE")}


def add_raw_page(content: Path, seed: int, newest: bool = False) -> None:
    """One new saved HTML page in the raw folder, as a scraper would drop it: dated any day of
    the corpus's two years, or (``newest``) the day after them, as today's news is."""
    from corpus import write_raw

    write_raw(content / "raw" / f"new-{seed}", 1, 0, seed=seed, newest=newest)


def report(build: Build, extra: str = "") -> None:
    peak = f"{build.peak_mib:.0f} MiB" if build.peak_mib is not None else "n/a"
    cpu = f"{build.cpu:.1f} s" if build.cpu is not None else "n/a"
    print(f"  {build.name:40s} {build.seconds:6.1f} s  CPU {cpu:>7}  peak RSS {peak:>8} "
          f"(python {build.pelican_mib:.0f}, largest child {build.children_mib:.0f}){extra}")
    for line in build.errors[:3]:
        print(f"      ! {line[:160]}")
    if len(build.errors) > 3:
        print(f"      ! ... {len(build.errors) - 3} more in {WORK / 'logs' / (build.name + '.log')}")


def _ratios(build: Build, reference: Build) -> str:
    """Wall-time ratio, and the CPU-time ratio, which other load on the machine disturbs less."""
    wall = f"{build.seconds / reference.seconds:.2f}"
    return wall + (f" (CPU {build.cpu / reference.cpu:.2f})" if build.cpu and reference.cpu else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=10_000, help="generated posts (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="2000 posts, no content-cache variant")
    args = parser.parse_args()
    if args.quick:
        args.posts = min(args.posts, 2000)
    from corpus import write_posts
    from pelican.settings import read_settings

    logging.disable(logging.WARNING)  # reading pelicanconf.py warns about SITEURL; builds log their own

    shutil.rmtree(WORK, ignore_errors=True)
    content = WORK / "site" / "content"
    start = time.perf_counter()
    size = write_posts(content / "posts", args.posts)
    shutil.copytree(ROOT / "content" / "pages", content / "pages")
    (content / "raw").mkdir()
    seconds = time.perf_counter() - start
    print(f"{args.posts} posts ({size / 2**20:.1f} MiB) generated in {seconds:.1f} s into {content}")
    pagination = read_settings(str(CONF)).get("DEFAULT_PAGINATION", 20)
    plain_conf = WORK / "plain" / "plainconf.py"
    plain_conf.parent.mkdir(parents=True)
    plain_conf.write_text(PLAIN_CONF.format(pagination=pagination), encoding="utf-8")
    ours_out, plain_out = WORK / "site" / "output", WORK / "plain" / "output"

    print("builds: wall time; CPU time and peak RSS of the process tree from /usr/bin/time -v, split into "
          "the Python process's own and its largest child's (Pagefind, ingest workers)")
    plain = pelican("plain-pelican-cold", content, plain_out, plain_conf, [])
    report(plain)
    cold = pelican("ours-cold", content, ours_out, CONF, ["DIGEST_INGEST_ON_BUILD=false"])
    report(cold, f"   ratio ours/plain {_ratios(cold, plain)}")
    bare = WORK / "no-search"
    no_search = pelican("ours-cold-without-search-index", content, bare / "output", CONF,
                        ["DIGEST_INGEST_ON_BUILD=false", "PAGEFIND_ENABLED=false"], bare / "cache")
    report(no_search, f"   ratio ours/plain {_ratios(no_search, plain)} (all but Pagefind)")
    cache = cache_settings()
    add_raw_page(content, 1)
    rebuild = pelican("ours-rebuild-1-new-raw-page", content, ours_out, CONF, [])
    report(rebuild, f"   ratio rebuild/cold {_ratios(rebuild, cold)} (aim <= {REBUILD_TARGET})")
    print(f"    (make html settings: {', '.join(f'{k}={v}' for k, v in cache.items())}; the new page is "
          "dated any day of the two years, so lists change from that day on)")
    add_raw_page(content, 3, newest=True)
    today = pelican("ours-rebuild-1-new-raw-page-newest", content, ours_out, CONF, [])
    report(today, f"   ratio rebuild/cold {_ratios(today, cold)} (the new page dated after every other)")
    if not all(cache.values()) and not args.quick:
        flags = ["CACHE_CONTENT=true", "LOAD_CONTENT_CACHE=true"]
        fill = pelican("ours-with-cache-filling", content, ours_out, CONF, flags)
        report(fill)
        add_raw_page(content, 2)
        cached = pelican("ours-with-cache-rebuild-1-new-raw-page", content, ours_out, CONF, flags)
        report(cached, f"   ratio rebuild/cold {_ratios(cached, cold)} (aim <= {REBUILD_TARGET})")

    plugins = {"PYTHONPATH": str(ROOT / "plugins")}
    search = timed("search-index-alone", INDEX_MAIN, [str(ours_out)], WORK, plugins)
    report(search, f"   share of our cold build {_ratios(search, cold)}")

    pages = sample_articles(args.posts)
    ours_weight = page_weight(ours_out, [ours_out / p for p, _ in pages])
    plain_weight = page_weight(plain_out, [plain_out / p for _, p in pages])
    print(f"page weight, article HTML + linked CSS, {WEIGHED_PAGES} articles")
    for name, (mean, most, found) in (("ours", ours_weight), ("plain", plain_weight)):
        print(f"  {name:6s} mean {mean / 1024:6.1f} KiB   max {most / 1024:6.1f} KiB   ({found} pages found)")
    print("output folder")
    for name, folder in (("ours", ours_out), ("plain", plain_out)):
        total, files = folder_size(folder)
        print(f"  {name:6s} {total / 2**20:8.1f} MiB in {files} files")
    built = {
        "article pages": sum(1 for p in ours_out.rglob("index.html")
                             if _ARTICLE_PAGE.match(p.relative_to(ours_out).as_posix())),
        "company pages": len(list((ours_out / "company").glob("*/index.html"))),
        "source pages": len(list((ours_out / "source").glob("*/index.html"))),
        "feeds": len(list((ours_out / "feeds").rglob("*.xml"))),
        "search index": (ours_out / "pagefind").is_dir(),
    }
    print("our build made: " + ", ".join(f"{k} {v}" for k, v in built.items()))


if __name__ == "__main__":
    main()
