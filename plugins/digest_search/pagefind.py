"""Run the Pagefind indexer over a built site.

The binary is the one shipped in the ``pagefind_bin`` wheel (found through the
``pagefind`` package), so nothing is downloaded at build time. Pagefind writes
into a fresh hidden folder inside the site first; the live bundle folder is
only replaced once that run succeeded, so a failure leaves the site, and any
previous index, as they were.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from digest_search.canonical import BundleFormatError, canonicalize_bundle

BUNDLE_DIR = "pagefind"
STAGING_PREFIX = ".pagefind-"  # hidden folders inside the site, renamed into place or removed
# Options that decide where Pagefind reads or writes: this module sets those itself.
RESERVED_OPTIONS = frozenset({"-s", "--site", "--output-path", "--output-subdir", "--serve"})
_SUMMARY = re.compile(r"Indexed (\d+) pages?", re.IGNORECASE)
_TAIL_LINES = 12


class PagefindError(Exception):
    """Pagefind could not index the site; the message says why."""


def pagefind_command() -> list[str]:
    """The command that starts the Pagefind binary from the installed wheel."""
    try:
        from pagefind.service import get_executable
    except ImportError as exc:
        raise PagefindError("the pagefind package is not installed (pip install 'pagefind[bin]')") from exc
    executable = get_executable()
    if executable is None:
        raise PagefindError("no Pagefind binary found (pip install 'pagefind[bin]')")
    return [str(executable)]


def check_options(options: object) -> tuple[str, ...]:
    """PAGEFIND_OPTIONS as a tuple of command-line arguments, or PagefindError."""
    if isinstance(options, str) or not isinstance(options, Sequence):
        raise PagefindError("PAGEFIND_OPTIONS must be a list of command-line arguments")
    if not all(isinstance(o, str) for o in options):
        raise PagefindError("PAGEFIND_OPTIONS must hold only strings")
    reserved = sorted({o.split("=", 1)[0] for o in options} & RESERVED_OPTIONS)
    if reserved:
        raise PagefindError(f"PAGEFIND_OPTIONS may not set {', '.join(reserved)}: the plugin sets it")
    return tuple(options)


@dataclass
class IndexJob:
    """A Pagefind run under way (see start_index); finish_index or cancel_index ends it."""

    site: Path
    bundle: str
    staging: Path
    source: Path
    process: subprocess.Popen[bytes]
    log: Any
    timeout: float
    deadline: float


def index_site(
    site: Path,
    options: Sequence[str] = (),
    command: Sequence[str] | None = None,
    timeout: float = 900,
    bundle: str = BUNDLE_DIR,
    pages: Sequence[str] | None = None,
) -> str:
    """Index the HTML under ``site`` (or only ``pages``, paths within it) into
    ``site/<bundle>``; return Pagefind's summary line.

    Raises PagefindError, after removing its own temporary folders, when the
    binary is missing, fails, times out or writes no bundle.
    """
    return finish_index(start_index(site, options, command, timeout, bundle, pages))


def start_index(
    site: Path,
    options: Sequence[str] = (),
    command: Sequence[str] | None = None,
    timeout: float = 900,
    bundle: str = BUNDLE_DIR,
    pages: Sequence[str] | None = None,
) -> IndexJob:
    """Start Pagefind in the background (see index_site); the build can go on meanwhile.

    With ``pages``, Pagefind reads hard links of just those files, so pages the
    build writes in the meantime cannot reach the index half-written.
    """
    site = Path(site).resolve()
    if not site.is_dir():
        raise PagefindError(f"no site to index at {site}")
    program, options = list(command or pagefind_command()), check_options(options)
    try:
        _remove_stale(site)
        staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX, dir=site))
        # mkdtemp makes the folder private; the published bundle must be as readable as the site.
        staging.chmod(site.stat().st_mode & 0o777)
        source = site if pages is None else _gather(site, pages)
    except OSError as exc:
        raise PagefindError(f"cannot write into {site}: {exc}") from exc
    log = tempfile.TemporaryFile()
    argv = [*program, "--site", str(source), *options, "--output-path", str(staging)]
    try:
        process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=log, stderr=subprocess.STDOUT)
    except OSError as exc:
        log.close()
        _clean(site, staging, source)
        raise PagefindError(f"cannot start Pagefind ({program[0]}): {exc}") from exc
    return IndexJob(site, bundle, staging, source, process, log, timeout, time.monotonic() + timeout)


def finish_index(job: IndexJob) -> str:
    """Wait for the run, then put its bundle in place; return Pagefind's summary line."""
    try:
        try:
            job.process.wait(timeout=max(0.0, job.deadline - time.monotonic()))
        except subprocess.TimeoutExpired as exc:
            job.process.kill()
            job.process.wait()
            raise PagefindError(f"Pagefind took longer than {job.timeout:g} s and was stopped") from exc
        job.log.seek(0)
        output = job.log.read().decode("utf-8", errors="replace")
        if job.process.returncode != 0:
            raise PagefindError(f"Pagefind exited with status {job.process.returncode}" + _tail(output))
        if not (job.staging / "pagefind.js").is_file():
            raise PagefindError("Pagefind exited without writing pagefind.js" + _tail(output))
        _make_canonical(job.staging)
        _replace_dir(job.staging, job.site / job.bundle)
    except OSError as exc:
        raise PagefindError(f"cannot put the search bundle in place: {exc}") from exc
    finally:
        job.log.close()
        _clean(job.site, job.staging, job.source)
    return summary_line(output)


def cancel_index(job: IndexJob) -> None:
    """Stop a run whose input changed; nothing of it stays."""
    job.process.kill()
    job.process.wait()
    job.log.close()
    _clean(job.site, job.staging, job.source)


def _gather(site: Path, pages: Sequence[str]) -> Path:
    """A hidden folder in the site holding only ``pages`` (hard links), for Pagefind to read."""
    folder = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "pages-", dir=site))
    for page in pages:
        target = folder / page
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            os.link(site / page, target)
        except OSError:
            shutil.copy2(site / page, target)
    return folder


def _clean(site: Path, staging: Path, source: Path) -> None:
    shutil.rmtree(staging, ignore_errors=True)
    if source != site:
        shutil.rmtree(source, ignore_errors=True)


def _remove_stale(site: Path) -> None:
    """Remove staging folders an interrupted earlier run left in the site."""
    for stale in site.glob(f"{STAGING_PREFIX}*"):
        if stale.is_dir() and not stale.is_symlink():
            shutil.rmtree(stale)


def _make_canonical(bundle: Path) -> None:
    """Sort what Pagefind writes in random order, so equal sites give equal bundles."""
    try:
        canonicalize_bundle(bundle)
    except (BundleFormatError, OSError, ValueError, EOFError, KeyError, TypeError) as exc:
        raise PagefindError(f"cannot make the Pagefind bundle deterministic: {exc}") from exc


def _replace_dir(new: Path, live: Path) -> None:
    """Move ``new`` to ``live``, replacing an older folder there."""
    old = None
    if live.exists() or live.is_symlink():
        old = live.with_name(f"{new.name}-old")
        live.rename(old)
    new.rename(live)
    if old is not None:
        if old.is_dir() and not old.is_symlink():
            shutil.rmtree(old)
        else:
            old.unlink()


def summary_line(output: str) -> str:
    """Pagefind's "Indexed N pages" line, or its last line of output."""
    lines = [line.strip() for line in output.splitlines() if line.strip()]
    for line in lines:
        if _SUMMARY.search(line):
            return line
    return lines[-1] if lines else "Pagefind finished"


def _tail(output: str) -> str:
    """The last lines of Pagefind's output, to append to an error message."""
    lines = [line for line in output.splitlines() if line.strip()][-_TAIL_LINES:]
    return (":\n  " + "\n  ".join(lines)) if lines else " (no output)"
