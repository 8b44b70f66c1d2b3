"""What a build's HTML files say, read again only from the files that changed.

Plugins that look at the finished output (the sitemap, the search bundles) would
otherwise read all of its pages on every build, though a rebuild rewrites few
of them. Each keeps, per file, its (size, mtime_ns) and what it read from it
(a "reading"), and reads a file again only when its size or time changed.

A file written shortly before it is read could be written again within the
same timestamp tick without its time changing; such a file's reading is kept
for this build only (git's "racily clean" entries have the same cure).
"""

from __future__ import annotations

import hashlib
import json
import os
import sys
import time
from collections.abc import Callable, Mapping
from functools import cache
from pathlib import Path
from stat import S_ISREG
from typing import Any, TypeVar

from digest_core.files import read_json, write_if_changed

T = TypeVar("T")
Stat = tuple[int, int]  # (size, mtime_ns)
Reading = list[Any]  # [size, mtime_ns, what was read]; mtime_ns -1: read again next time
# Coarser than any file system's timestamps (FAT: 2 s), so a later write always moves the time.
RACY_NS = 2_000_000_000


def html_files(output: Path) -> dict[str, Stat]:
    """{posix path below ``output``: stat} of its .html files, sorted by path.

    Hidden folders are work folders (Pagefind's staging holds hard links of the
    pages) and are not entered; nor are symlinked folders, as ``os.walk`` does.
    """
    found: dict[str, Stat] = {}
    _scan(str(output), "", found)
    return dict(sorted(found.items()))


def _scan(folder: str, prefix: str, found: dict[str, Stat]) -> None:
    try:
        entries = list(os.scandir(folder))
    except (FileNotFoundError, NotADirectoryError):
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            if not entry.name.startswith("."):
                _scan(entry.path, f"{prefix}{entry.name}/", found)
        elif entry.name.endswith(".html"):
            try:
                stat = entry.stat()  # follows a symlinked file, as reading it will
            except OSError:
                continue  # a dangling link, or a file removed meanwhile
            if S_ISREG(stat.st_mode):
                found[prefix + entry.name] = (stat.st_size, stat.st_mtime_ns)


def read_changed(
    output: Path, files: Mapping[str, Stat], known: Mapping[str, Any], read: Callable[[Path], T]
) -> dict[str, Reading]:
    """A reading of every file in ``files``: the ``known`` one when the file's stat is
    unchanged, else ``read(output / path)``. Keeps the order of ``files``."""
    settled = time.time_ns() - RACY_NS
    readings: dict[str, Reading] = {}
    for path, (size, mtime) in files.items():
        old = known.get(path)
        if isinstance(old, list) and len(old) == 3 and old[0] == size and old[1] == mtime:
            readings[path] = old
        else:
            readings[path] = [size, mtime if mtime < settled else -1, read(output / path)]
    return readings


@cache
def reader_code(*modules: str) -> str:
    """Digest of the source of ``modules`` and of this one: readings made by other code
    are not trusted."""
    digest = hashlib.blake2b(digest_size=16)
    for name in sorted({__name__, *modules}):
        digest.update(name.encode() + b"\0" + Path(sys.modules[name].__file__ or "").read_bytes())
    return digest.hexdigest()


def load_readings(path: Path, code: str) -> dict[str, Any]:
    """The readings a state file holds; none when it is missing, unreadable or made by other code."""
    data = read_json(path)
    if not isinstance(data, dict) or data.get("code") != code or not isinstance(data.get("files"), dict):
        return {}
    return data["files"]


def save_readings(path: Path, code: str, readings: Mapping[str, Reading]) -> None:
    write_if_changed(path, json.dumps({"code": code, "files": readings}, separators=(",", ":")))
