"""Reading the enrichment data files: JSON Lines, one object a line.

The shipped file is read strictly (a fault is a bug in the release, so it
raises); editors' files are read leniently (a bad line is logged with file and
line, and skipped, so one typo never stops a build).
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, Callable, Sequence, TypeVar

logger = logging.getLogger(__name__)

T = TypeVar("T")


class DataFileError(ValueError):
    """A data file that cannot be used, with the line at fault (0: the whole file)."""

    def __init__(self, path: Path, line: int, reason: str) -> None:
        super().__init__(f"{path}:{line}: {reason}")
        self.path = path
        self.line = line
        self.reason = reason

    def __reduce__(self) -> tuple[Any, ...]:
        return (type(self), (self.path, self.line, self.reason))


def read_jsonl(path: Path, parse: Callable[[Any], T], *, strict: bool) -> list[T]:
    """Parse every non-blank line of ``path`` with ``parse`` (which raises ValueError).

    Raises:
        DataFileError: when ``strict`` and the file or a line is unusable.
    """
    try:
        # JSON Lines break on "\n" only; editors' tools may add a BOM.
        lines = path.read_text(encoding="utf-8-sig").split("\n")
    except FileNotFoundError:
        if strict:
            raise DataFileError(path, 0, "file not found") from None
        logger.debug("%s: no such file, nothing to add", path)
        return []
    except (OSError, UnicodeDecodeError) as exc:
        _fail(path, 0, f"unreadable: {exc}", strict)
        return []
    records: list[T] = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            records.append(parse(json.loads(line)))
        except json.JSONDecodeError as exc:
            _fail(path, number, f"not valid JSON ({exc.msg} at column {exc.colno})", strict)
        except (ValueError, TypeError) as exc:
            _fail(path, number, str(exc), strict)
    return records


def _fail(path: Path, line: int, reason: str, strict: bool) -> None:
    """Raise in strict mode, else log the fault and let the caller skip it."""
    if strict:
        raise DataFileError(path, line, reason)
    logger.warning("%s:%d: %s; skipped", path, line, reason)


def string_list(obj: dict[str, Any], key: str) -> tuple[str, ...]:
    """``obj[key]`` as a tuple of non-empty strings (missing -> empty)."""
    value = obj.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError(f'"{key}" must be a list of non-empty strings')
    return tuple(v.strip() for v in value)


def required_name(obj: Any) -> str:
    """The record's "name": an object with a non-empty string name, or ValueError."""
    if not isinstance(obj, dict):
        raise ValueError("each line must be a JSON object")
    name = obj.get("name")
    if not isinstance(name, str) or not name.strip():
        raise ValueError('"name" must be a non-empty string')
    return name.strip()


def check_keys(obj: dict[str, Any], allowed: frozenset[str]) -> None:
    """Reject unknown keys so that a misspelt field is not silently ignored."""
    unknown = sorted(set(obj) - allowed)
    if unknown:
        raise ValueError(f"unknown field(s): {', '.join(unknown)}")


def merge_records(records: Sequence[dict[str, Any]], list_fields: Sequence[str]) -> list[dict[str, Any]]:
    """Fold records with the same name (case-insensitive): an editor's record extends or overrides.

    List fields are united (first-seen order kept); any other field given replaces the old value.
    """
    merged: dict[str, dict[str, Any]] = {}
    for record in records:
        old = merged.setdefault(record["name"].casefold(), {"name": record["name"]})
        for key, value in record.items():
            if key in list_fields:
                old[key] = tuple(dict.fromkeys((*old.get(key, ()), *value)))
            elif key != "name":
                old[key] = value
    return list(merged.values())
