"""Make a Pagefind bundle byte-identical from one build to the next.

Pagefind 1.5 writes each filter file's values, and the list of filters in the
language's meta file, in hash-map order, which changes on every run (upstream
Pagefind/pagefind#638: fragments became stable, filter and meta files did not).
This pass sorts both (and the languages in pagefind-entry.json), then renames
the rewritten files after their content and points the meta file and
pagefind-entry.json at the new names.

Only the parts of the format it rewrites are read: a filter file is
``[[name, [[value, [page, ...]], ...]]]`` and the meta file's fourth field is
``[[filter name, file hash], ...]``, each stored as "pagefind_dcd" + CBOR, gzipped.
"""

from __future__ import annotations

import gzip
import hashlib
import json
import struct
from pathlib import Path
from typing import Any

SIGNATURE = b"pagefind_dcd"
META_FILTERS = 3  # index of the filter list in the meta file's top-level array


class BundleFormatError(Exception):
    """The bundle is not laid out as this pass expects (another Pagefind version?)."""


# --- CBOR: the subset Pagefind writes (unsigned and negative ints, bytes, text, arrays) ----

def cbor_encode(value: Any) -> bytes:
    """Shortest-form CBOR for ints, bytes, str and lists."""
    if isinstance(value, bool) or value is None:
        raise BundleFormatError(f"unexpected CBOR value {value!r}")
    if isinstance(value, int):
        return _head(0, value) if value >= 0 else _head(1, -1 - value)
    if isinstance(value, bytes):
        return _head(2, len(value)) + value
    if isinstance(value, str):
        data = value.encode("utf-8")
        return _head(3, len(data)) + data
    if isinstance(value, list):
        return _head(4, len(value)) + b"".join(cbor_encode(v) for v in value)
    raise BundleFormatError(f"unexpected CBOR value of type {type(value).__name__}")


def _head(major: int, n: int) -> bytes:
    if n < 24:
        return bytes([major << 5 | n])
    for info, fmt in ((24, ">B"), (25, ">H"), (26, ">I"), (27, ">Q")):
        if n < 1 << (8 * struct.calcsize(fmt)):
            return bytes([major << 5 | info]) + struct.pack(fmt, n)
    raise BundleFormatError(f"CBOR integer too large: {n}")


def cbor_decode(data: bytes) -> Any:
    """Decode one CBOR item that fills ``data`` exactly."""
    value, end = _decode_at(data, 0)
    if end != len(data):
        raise BundleFormatError("trailing bytes after the CBOR item")
    return value


def _decode_at(data: bytes, pos: int) -> tuple[Any, int]:
    if pos >= len(data):
        raise BundleFormatError("truncated CBOR data")
    major, info = data[pos] >> 5, data[pos] & 31
    pos += 1
    if info < 24:
        n = info
    elif 24 <= info <= 27:
        size = 1 << (info - 24)
        if pos + size > len(data):
            raise BundleFormatError("truncated CBOR data")
        n = int.from_bytes(data[pos : pos + size], "big")
        pos += size
    else:
        raise BundleFormatError(f"unsupported CBOR head {data[pos - 1]:#x}")
    if major == 0:
        return n, pos
    if major == 1:
        return -1 - n, pos
    if major in (2, 3):
        if pos + n > len(data):
            raise BundleFormatError("truncated CBOR data")
        chunk = data[pos : pos + n]
        return (chunk if major == 2 else chunk.decode("utf-8")), pos + n
    if major == 4:
        items = []
        for _ in range(n):
            item, pos = _decode_at(data, pos)
            items.append(item)
        return items, pos
    raise BundleFormatError(f"unsupported CBOR major type {major}")


# --- Pagefind files -----------------------------------------------------------

def read_chunk(path: Path) -> Any:
    """A Pagefind data file's decoded content."""
    data = gzip.decompress(path.read_bytes())
    if not data.startswith(SIGNATURE):
        raise BundleFormatError(f"{path.name}: no Pagefind signature")
    return cbor_decode(data[len(SIGNATURE) :])


def encode_chunk(value: Any) -> bytes:
    """``value`` as a Pagefind data file: signature + CBOR, gzipped without a timestamp."""
    return gzip.compress(SIGNATURE + cbor_encode(value), compresslevel=9, mtime=0)


def renamed(old_hash: str, payload: bytes) -> str:
    """The ``<lang>_<hex>`` name for ``payload``, as long as the name it replaces."""
    language, _, digits = old_hash.rpartition("_")
    return f"{language}_{hashlib.sha256(payload).hexdigest()[: len(digits)]}"


def _replace_chunk(old: Path, new: Path, payload: bytes) -> None:
    new.write_bytes(payload)
    if new != old:
        old.unlink()


def _key(item: list[Any]) -> bytes:
    """Sort key of a [text, ...] pair: its text's UTF-8 bytes."""
    if not item or not isinstance(item[0], str):
        raise BundleFormatError("expected a [name, ...] pair")
    return item[0].encode("utf-8")


def canonicalize_bundle(bundle: Path) -> None:
    """Rewrite the filter and meta files of every language in ``bundle`` in sorted order."""
    entry_path = bundle / "pagefind-entry.json"
    entry = json.loads(entry_path.read_text("utf-8"))
    languages = entry.get("languages", {})
    for language in languages.values():
        language["hash"] = _canonical_language(bundle, language["hash"])
    entry["languages"] = dict(sorted(languages.items()))
    entry_path.write_text(json.dumps(entry, ensure_ascii=False, separators=(",", ":")), "utf-8")


def _canonical_language(bundle: Path, meta_hash: str) -> str:
    """Sort one language's filters; return the new meta hash."""
    meta_path = bundle / f"pagefind.{meta_hash}.pf_meta"
    meta = read_chunk(meta_path)
    if not isinstance(meta, list) or len(meta) <= META_FILTERS or not isinstance(meta[META_FILTERS], list):
        raise BundleFormatError(f"{meta_path.name}: unexpected layout")
    filters = []
    for name, file_hash in meta[META_FILTERS]:
        filters.append([name, _canonical_filter(bundle / "filter", file_hash)])
    meta[META_FILTERS] = sorted(filters, key=_key)
    payload = encode_chunk(meta)
    new_hash = renamed(meta_hash, payload)
    _replace_chunk(meta_path, bundle / f"pagefind.{new_hash}.pf_meta", payload)
    return new_hash


def _canonical_filter(folder: Path, file_hash: str) -> str:
    """Sort one filter file's values; return its new hash."""
    path = folder / f"{file_hash}.pf_filter"
    content = read_chunk(path)
    if not isinstance(content, list) or len(content) != 2 or not isinstance(content[1], list):
        raise BundleFormatError(f"{path.name}: unexpected layout")
    content[1] = sorted(content[1], key=_key)
    payload = encode_chunk(content)
    new_hash = renamed(file_hash, payload)
    _replace_chunk(path, folder / f"{new_hash}.pf_filter", payload)
    return new_hash
