"""Writing files the way every digest plugin must: atomically, and only when the bytes change
(Pelican's autoreload watches content/, so a rewrite of identical bytes would loop)."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Mapping
from pathlib import Path
from typing import Any


def write_if_changed(path: Path, text: str | bytes) -> bool:
    """Atomic write (temp file + rename) of bytes or UTF-8 text, skipped when the file already holds it."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    try:
        if path.read_bytes() == data:
            return False
    except OSError:
        pass
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".digest-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.chmod(tmp, _mode_for(path))  # mkstemp makes the file private; a web server must read output
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return True


def _mode_for(path: Path) -> int:
    """The file's own permissions when it exists, else those ``open`` gives a new file."""
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def cache_folder(settings: Mapping[str, Any]) -> Path:
    """Pelican's ``CACHE_PATH``, where the plugins keep what they carry from build to build."""
    return Path(settings.get("CACHE_PATH") or "cache")


def build_state_file(settings: Mapping[str, Any], folder: str, output: Path) -> Path:
    """Where a plugin keeps what one output folder's last build did: below Pelican's
    ``CACHE_PATH``, one file per output folder (a dev and a publish build differ)."""
    name = hashlib.blake2b(str(Path(output).resolve()).encode(), digest_size=8).hexdigest()
    return cache_folder(settings) / folder / f"{name}.json"


def read_json(path: Path) -> Any:
    """The JSON a state file holds; None when it is missing or unreadable (the state is rebuilt)."""
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def take_json(path: Path) -> Any:
    """The JSON a file holds, removing the file (None when missing or unreadable), so a
    build that stops half-way leaves nothing that claims to describe its output."""
    data = read_json(path)
    path.unlink(missing_ok=True)
    return data
