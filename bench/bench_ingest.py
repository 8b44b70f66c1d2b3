"""Ingest throughput and peak memory on a generated corpus, against trafilatura alone.

Generates HTML pages and text dumps (bench/corpus.py, seeded) into bench/out/ingest/,
then runs the real ``run_ingest`` into fresh posts folders: HTML and text dumps
apart, serial (jobs=1) and parallel (jobs=2). Each configuration runs in a fresh
process, so its peak RSS is its own. The serial HTML process also times
``trafilatura.bare_extraction`` (with metadata) on the same files, after our run,
and a second ingest run with nothing changed (the skip path). Ratios compare
figures of one run. Finally the serial and parallel posts trees are compared.

    .venv/bin/python bench/bench_ingest.py [--html N] [--text N] [--quick]
"""

from __future__ import annotations

import argparse
import filecmp
import json
import logging
import os
import resource
import shutil
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH.parent / "plugins"))
sys.path.insert(0, str(BENCH))

from digest_ingest.write import MANIFEST_NAME  # noqa: E402

WORK = BENCH / "out" / "ingest"
WARM_UP = 10  # pages converted before timing: imports, regex and lexer caches
TEXT_TARGET = 300  # pages/s the text-dump ingest should reach


def _rss_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # Linux reports KiB


def _cpu_seconds() -> float:
    """CPU time of this process and its finished children: robust to other load on the machine."""
    mine, theirs = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return mine.ru_utime + mine.ru_stime + theirs.ru_utime + theirs.ru_stime


def measure(raw: Path, posts: Path, jobs: int, kind: str) -> dict:
    """One configuration in a fresh process: our ingest; when serial also stages, skip path, trafilatura."""
    from digest_ingest.config import load_config
    from digest_ingest.discover import Found, load
    from digest_ingest.ingest import run_ingest
    from digest_ingest.pipeline import convert, load_resources

    logging.disable(logging.WARNING)  # trafilatura and the ingest log every odd page
    config = load_config({"PATH": str(posts.parent)}, DIGEST_RAW_PATH=str(raw), DIGEST_POSTS_PATH=str(posts),
                         DIGEST_JOBS=jobs)
    files = sorted(p for p in raw.rglob("*") if p.suffix in (".html", ".txt"))
    resources = load_resources(config)
    for path in files[:WARM_UP]:
        for page in load(Found(path.name, path), config.max_bytes):
            convert(page, resources)
    baseline = _rss_mib(resource.RUSAGE_SELF)
    start, cpu = time.perf_counter(), _cpu_seconds()
    report = run_ingest(config, jobs=jobs)
    seconds, cpu = time.perf_counter() - start, _cpu_seconds() - cpu
    result = {"kind": kind, "jobs": jobs, "pages": len(files), "seconds": seconds, "cpu": cpu,
              "fingerprint": resources.fingerprint, "baseline_mib": baseline,
              "peak_mib": _rss_mib(resource.RUSAGE_SELF),
              "worker_peak_mib": _rss_mib(resource.RUSAGE_CHILDREN),
              "new": len(report.new), "flagged": len(report.flagged), "failed": len(report.failed)}
    if jobs == 1:
        start = time.perf_counter()
        again = run_ingest(config, jobs=jobs)
        result["skip_seconds"] = time.perf_counter() - start
        result["skip_unchanged"] = again.unchanged
    if jobs == 1:
        result["stages"] = stage_times(files, resources, config.max_bytes)
    if kind == "html" and jobs == 1:
        result.update(trafilatura_alone(files))
    return result


def stage_times(files: list[Path], resources, max_bytes: int) -> dict[str, float]:
    """CPU seconds spent in each stage of ``convert`` over all pages, the stages called one by one."""
    from digest_ingest import pipeline
    from digest_ingest.discover import Found, load

    spent = dict.fromkeys(("read", "decode", "extract", "metadata", "enrich"), 0.0)

    def timed(stage: str, run, *args):
        mark = time.process_time()
        value = run(*args)
        spent[stage] += time.process_time() - mark
        return value

    for path in files:
        sidecar = path.with_suffix(".json")
        found = Found(path.name, path, sidecar if sidecar.is_file() else None)
        for page in timed("read", lambda: list(load(found, max_bytes))):
            extracted = timed("extract", pipeline.extract, timed("decode", pipeline.decode, page))
            meta = timed("metadata", pipeline.resolve_metadata, extracted)
            timed("enrich", pipeline.enrich, extracted, meta, resources)
    return spent


def trafilatura_alone(files: list[Path]) -> dict:
    """bare_extraction with metadata on the same files, read from disk as our ingest reads them."""
    import trafilatura

    for path in files[:WARM_UP]:
        trafilatura.bare_extraction(path.read_bytes(), with_metadata=True)
    start, cpu = time.perf_counter(), _cpu_seconds()
    empty = 0
    for path in files:
        empty += trafilatura.bare_extraction(path.read_bytes(), with_metadata=True) is None
    return {"trafilatura_seconds": time.perf_counter() - start, "trafilatura_cpu": _cpu_seconds() - cpu,
            "trafilatura_empty": empty}


def run_child(raw: Path, posts: Path, jobs: int, kind: str) -> dict:
    """``measure`` in a fresh interpreter; its JSON is the last line it prints."""
    command = [sys.executable, __file__, "--child", str(raw), str(posts), str(jobs), kind]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.stderr.write(done.stderr)
        raise SystemExit(f"bench_ingest: measuring {kind} jobs={jobs} failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


def same_tree(left: Path, right: Path, skip: frozenset[str] = frozenset()) -> str:
    """"OK" when both folders hold the same files (but ``skip``) with the same bytes, else what differs."""
    def listing(folder: Path) -> list[str]:
        files = (p for p in folder.rglob("*") if p.is_file() and p.name not in skip)
        return sorted(p.relative_to(folder).as_posix() for p in files)

    names, other = listing(left), listing(right)
    if names != other:
        return f"DIFF (file lists differ: {len(names)} vs {len(other)} files)"
    differ = [n for n in names if not filecmp.cmp(left / n, right / n, shallow=False)]
    if differ:
        return f"DIFF ({len(differ)} of {len(names)} files differ, e.g. {', '.join(differ[:3])})"
    return f"OK ({len(names)} files identical)"


def _rate(pages: int, seconds: float) -> float:
    return pages / seconds if seconds else float("inf")


def print_results(results: list[dict], checks: dict[str, str], cores: int) -> None:
    print(f"{'kind':5} {'jobs':>4} {'pages':>6} {'pages/s':>8} {'pages/CPU-s':>11} {'peak RSS':>9} "
          f"{'worker RSS':>10}  new/flagged/failed")
    for r in results:
        worker = f"{r['worker_peak_mib']:.0f} MiB" if r["jobs"] > 1 else "-"
        print(f"{r['kind']:5} {r['jobs']:>4} {r['pages']:>6} {_rate(r['pages'], r['seconds']):8.1f} "
              f"{_rate(r['pages'], r['cpu']):11.1f} {r['peak_mib']:5.0f} MiB {worker:>10}  "
              f"{r['new']}/{r['flagged']}/{r['failed']}   (RSS before the run {r['baseline_mib']:.0f} MiB)")
    by = {(r["kind"], r["jobs"]): r for r in results}
    html, text = by[("html", 1)], by[("text", 1)]
    print(f"trafilatura alone (bare_extraction with metadata, same files, same process): "
          f"{_rate(html['pages'], html['trafilatura_seconds']):.1f} pages/s, "
          f"{_rate(html['pages'], html['trafilatura_cpu']):.1f} pages/CPU-s "
          f"({html['trafilatura_empty']} gave nothing)")
    wall, cpu = html["trafilatura_seconds"] / html["seconds"], html["trafilatura_cpu"] / html["cpu"]
    print(f"ratio ours/trafilatura, HTML serial: {wall:.2f} by wall time, {cpu:.2f} by CPU time  "
          "(target >= 1.00; ours includes metadata, enrichment and writing)")
    for kind in ("html", "text"):
        serial, parallel = by[(kind, 1)], by[(kind, 2)]
        speed_up = serial["seconds"] / parallel["seconds"]
        print(f"speed-up jobs=2/jobs=1, {kind}: {speed_up:.2f}  ({cores} cores)")
    print(f"text dumps serial: {_rate(text['pages'], text['seconds']):.1f} pages/s, "
          f"{_rate(text['pages'], text['cpu']):.1f} pages/CPU-s  (target >= {TEXT_TARGET})")
    for r in (html, text):
        print(f"incremental re-run, nothing changed, {r['kind']}: "
              f"{_rate(r['pages'], r['skip_seconds']):.0f} pages/s ({r['skip_unchanged']} unchanged)")
    for r in (html, text):
        total = sum(r["stages"].values())
        stages = ", ".join(f"{name} {1000 * sec / r['pages']:.1f} ({sec / total:.0%})"
                           for name, sec in r["stages"].items())
        print(f"where the time goes, {r['kind']}, CPU ms/page (stages timed one by one after the run): "
              f"{stages}")
    for kind, verdict in checks.items():
        print(f"determinism, {kind} serial vs parallel posts: {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--html", type=int, default=2000, help="HTML pages (default %(default)s)")
    parser.add_argument("--text", type=int, default=2000, help="text dumps (default %(default)s)")
    parser.add_argument("--quick", action="store_true", help="500 pages of each kind")
    args = parser.parse_args()
    if args.quick:
        args.html, args.text = min(args.html, 500), min(args.text, 500)
    from corpus import write_raw

    shutil.rmtree(WORK, ignore_errors=True)
    start = time.perf_counter()
    sizes = {"html": write_raw(WORK / "html" / "raw", args.html, 0),
             "text": write_raw(WORK / "text" / "raw", 0, args.text)}
    print(f"corpus: {args.html} HTML pages ({sizes['html'] / max(args.html, 1) / 1024:.1f} KiB each), "
          f"{args.text} text dumps ({sizes['text'] / max(args.text, 1) / 1024:.1f} KiB each), "
          f"generated in {time.perf_counter() - start:.1f} s into {WORK}")
    results, checks = [], {}
    for kind in ("html", "text"):
        for jobs in (1, 2):
            results.append(run_child(WORK / kind / "raw", WORK / kind / f"posts-jobs{jobs}", jobs, kind))
        # The manifest holds hashes of the ingest code: comparable only when nobody edited it in between.
        changed = results[-1]["fingerprint"] != results[-2]["fingerprint"]
        checks[kind] = same_tree(WORK / kind / "posts-jobs1", WORK / kind / "posts-jobs2",
                                 frozenset({MANIFEST_NAME}) if changed else frozenset())
        checks[kind] += " - manifest left out: ingest code changed between the runs" if changed else ""
    print_results(results, checks, os.cpu_count() or 1)


if __name__ == "__main__":
    if sys.argv[1:2] == ["--child"]:
        raw_dir, posts_dir, workers, page_kind = sys.argv[2:6]
        print(json.dumps(measure(Path(raw_dir), Path(posts_dir), int(workers), page_kind)))
    else:
        main()
