"""Run every benchmark in bench/ in turn, each in its own process, printing what it prints.

The scripts are bench/bench_*.py and bench/extraction_quality.py. By default a
script that offers --quick (its --help says so) gets it, which keeps
`make bench` to about ten minutes; --full runs each at its own default size.

    .venv/bin/python bench/run_all.py [--full] [NAME ...]     (NAME: e.g. bench_ingest)
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import time
from datetime import datetime
from pathlib import Path

BENCH = Path(__file__).resolve().parent
HELP_TIMEOUT = 60  # seconds; --help only imports and parses


def scripts(names: list[str]) -> list[Path]:
    """The benchmark scripts, in name order, or only those named."""
    found = sorted(BENCH.glob("bench_*.py")) + [BENCH / "extraction_quality.py"]
    found = [p for p in found if p.is_file()]
    if names:
        wanted = {n.removesuffix(".py") for n in names}
        unknown = wanted - {p.stem for p in found}
        if unknown:
            raise SystemExit(f"run_all: no such benchmark: {', '.join(sorted(unknown))}")
        found = [p for p in found if p.stem in wanted]
    return found


def accepts_quick(script: Path) -> bool:
    """Whether ``script --help`` lists --quick; a script without argparse would run in full: not asked."""
    if "argparse" not in script.read_text(encoding="utf-8"):
        return False
    try:
        done = subprocess.run([sys.executable, str(script), "--help"], capture_output=True, text=True,
                              timeout=HELP_TIMEOUT, check=False)
    except subprocess.TimeoutExpired:
        return False
    return done.returncode == 0 and "--quick" in done.stdout


def run(script: Path, quick: bool) -> tuple[int, float]:
    """Run one script with its output going straight to ours; (exit status, seconds)."""
    command = [sys.executable, str(script)] + (["--quick"] if quick else [])
    print(f"\n=== {script.name}{' --quick' if quick else ''}", flush=True)
    start = time.perf_counter()
    status = subprocess.run(command, cwd=BENCH.parent, check=False).returncode
    seconds = time.perf_counter() - start
    verdict = "ok" if status == 0 else f"FAILED (exit {status})"
    print(f"=== {script.name}: {verdict} in {seconds:.0f} s", flush=True)
    return status, seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--full", action="store_true", help="each script at its default size (no --quick)")
    parser.add_argument("names", nargs="*", help="only these benchmarks (default: all)")
    args = parser.parse_args()
    print(f"benchmarks, {datetime.now():%Y-%m-%d %H:%M}, {os.cpu_count()} cores (nproc), "
          f"Python {platform.python_version()}, {platform.platform()}")
    results = []
    for script in scripts(args.names):
        quick = not args.full and accepts_quick(script)
        results.append((script.name, *run(script, quick)))
    print("\nsummary")
    for name, status, seconds in results:
        print(f"  {name:28s} {'ok' if status == 0 else f'FAILED (exit {status})':18s} {seconds:6.0f} s")
    print(f"  {'total':28s} {'':18s} {sum(s for _, _, s in results):6.0f} s")
    return 1 if any(status for _, status, _ in results) else 0


if __name__ == "__main__":
    sys.exit(main())
