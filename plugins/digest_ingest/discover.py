"""Find raw pages below the raw folder and load them as ``RawPage`` records.

Kinds by file name: ``.html``/``.htm`` saved pages, ``.txt`` text dumps, each
with an optional sidecar ``<name>.json``; ``.jsonl`` scraper exports, one page
a line (``url`` plus ``html`` or ``text``). Anything else is reported, not read.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass
from operator import attrgetter
from pathlib import Path
from typing import Any, BinaryIO

from digest_core.records import RawPage, Rejected

logger = logging.getLogger(__name__)

PAGE_SUFFIXES = {".html": "html", ".htm": "html", ".txt": "text"}
EXPORT_SUFFIX = ".jsonl"
SIDECAR_SUFFIX = ".json"


@dataclass(frozen=True, slots=True)
class Found:
    """A raw page located on disk, before its bytes are read."""

    rel: str
    path: Path
    sidecar: Path | None = None


def iter_files(raw_dir: Path) -> Iterator[Found | Rejected]:
    """Every page file and export below ``raw_dir``, sorted by path, hidden files skipped."""
    if not raw_dir.is_dir():
        return
    # Sorted by parts, the order of Path's own comparison, which is many times slower.
    found = (p for p in raw_dir.rglob("*") if p.is_file() and not _hidden(p, raw_dir))
    files = sorted(found, key=attrgetter("parts"))
    present = set(files)  # a sidecar or its page is a file found here: no stat() per page
    for path in files:
        rel = path.relative_to(raw_dir).as_posix()
        suffix = path.suffix.lower()
        if suffix in PAGE_SUFFIXES or suffix == EXPORT_SUFFIX:
            sidecar = path.with_suffix(SIDECAR_SUFFIX)
            yield Found(rel, path, sidecar if sidecar in present and suffix != EXPORT_SUFFIX else None)
        elif suffix == SIDECAR_SUFFIX:
            if not any(path.with_suffix(s) in present for s in PAGE_SUFFIXES):
                yield Rejected(rel, "discover", "sidecar without a page of the same name")
        elif path.name.lower() not in ("readme", "readme.md", "readme.txt"):
            yield Rejected(rel, "discover", f"unsupported file type {suffix or '(none)'!r}")


def _hidden(path: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in path.relative_to(root).parts)


def folder_of(rel: str) -> str:
    """The first folder below the raw root: a hint of the outlet."""
    parts = rel.split("/")
    return parts[0] if len(parts) > 1 else ""


def read_sidecar(path: Path | None, rel: str) -> tuple[dict[str, Any], str]:
    """The sidecar's object and a warning ("" when fine); a bad sidecar is ignored, not fatal."""
    if path is None:
        return {}, ""
    try:
        value = json.loads(path.read_bytes().decode("utf-8-sig"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        return {}, f"{rel}: sidecar {path.name} ignored: {exc}"
    if not isinstance(value, dict):
        return {}, f"{rel}: sidecar {path.name} ignored: not a JSON object"
    return value, ""


def load(found: Found, max_bytes: int) -> Iterator[RawPage | Rejected]:
    """The RawPage(s) of one file: one for a page, one per line of an export."""
    try:
        size = found.path.stat().st_size
    except OSError as exc:
        yield Rejected(found.rel, "read", f"cannot read: {exc.strerror or exc}")
        return
    if found.path.suffix.lower() == EXPORT_SUFFIX:
        yield from _load_export(found, max_bytes)
        return
    if size > max_bytes:
        yield Rejected(found.rel, "read", f"too large: {size:,} bytes (DIGEST_MAX_BYTES is {max_bytes:,})")
        return
    sidecar, warning = read_sidecar(found.sidecar, found.rel)
    if warning:
        logger.warning("digest_ingest: %s", warning)
    try:
        data = found.path.read_bytes()
    except OSError as exc:
        yield Rejected(found.rel, "read", f"cannot read: {exc.strerror or exc}")
        return
    kind = PAGE_SUFFIXES[found.path.suffix.lower()]
    yield RawPage(found.rel, kind, data, sidecar, folder_of(found.rel))  # type: ignore[arg-type]


def _load_export(found: Found, max_bytes: int) -> Iterator[RawPage | Rejected]:
    """One RawPage per JSON Lines record; bad lines are rejected one by one."""
    try:
        handle = found.path.open("rb")
    except OSError as exc:
        yield Rejected(found.rel, "read", f"cannot read: {exc.strerror or exc}")
        return
    with handle:
        for number, line, size in _bounded_lines(handle, max_bytes):
            rel = f"{found.rel}#{number}"
            if line is None:
                yield Rejected(rel, "read", f"line too large: {size:,} bytes (DIGEST_MAX_BYTES is {max_bytes:,})")
            elif line.strip():
                yield _export_record(rel, line, folder_of(found.rel))


def _bounded_lines(handle: BinaryIO, max_bytes: int) -> Iterator[tuple[int, bytes | None, int]]:
    """(number, line, size) for each line; a line over ``max_bytes`` is skipped unread (line None)."""
    number = 0
    while True:
        line = handle.readline(max_bytes + 1)
        if not line:
            return
        number += 1
        if len(line) <= max_bytes or line.endswith(b"\n"):
            yield number, line, len(line)
            continue
        size = len(line)
        while line and not line.endswith(b"\n"):  # drain the rest of the oversized line in chunks
            line = handle.readline(1 << 20)
            size += len(line)
        yield number, None, size


def _export_record(rel: str, line: bytes, folder: str) -> RawPage | Rejected:
    try:
        record = json.loads(line.decode("utf-8", errors="replace"))
    except json.JSONDecodeError as exc:
        return Rejected(rel, "read", f"not a JSON object: {exc.msg}")
    if not isinstance(record, dict):
        return Rejected(rel, "read", "not a JSON object")
    html, text = record.get("html"), record.get("text")
    if isinstance(html, str) and html.strip():
        kind, body = "html", html
    elif isinstance(text, str) and text.strip():
        kind, body = "text", text
    else:
        return Rejected(rel, "read", "record has neither 'html' nor 'text'")
    sidecar = {k: v for k, v in record.items() if k not in ("html", "text")}
    return RawPage(rel, kind, body.encode("utf-8", errors="replace"), sidecar, folder)  # type: ignore[arg-type]
