"""Each post's ``TextFeatures`` kept between builds, so a rebuild analyses only new or changed posts.

Analysing every text is about half of clustering's time, and one new post
leaves all the others' features as they were. Entries are keyed by a digest
of exactly what ``features.analyse`` receives (title and text); the file also
names a version, a digest of the code that computes and stores features (and
of the Python that runs it: word classes follow its Unicode tables, and
``marshal``'s format is its own), so a file from other code is ignored as a
whole, and so is one whose bytes do not match the digest written with them.
An entry of the wrong shape is ignored on its own (its post is analysed again).

The entries are ``marshal`` data: tuples of strings, ints and bytes, never
objects to unpickle. A 10,000-post file reads in 0.3 s where the same entries
as JSON took 1.2 s (words split again and checked one by one), and each word
is stored once, so the posts read back share their word strings. ``marshal``
is not meant for bytes from elsewhere; this file is the build's own, like
Pelican's pickled content cache beside it, and the digest catches a damaged
one. Only the entries this build used are saved, so the file does not grow
with deleted or edited posts. The same posts give the same entries, not
always the same bytes (``marshal`` marks strings it meets more than once
by how many references the process holds); the file is rewritten only when
its entries change.
"""

from __future__ import annotations

import hashlib
import logging
import marshal
import struct
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from digest_core.files import cache_folder, write_if_changed
from digest_stories import features, minhash
from digest_stories.features import TextFeatures

logger = logging.getLogger(__name__)

FOLDER = "digest-stories"
FILE = "features.marshal"
_MAGIC = b"digest-stories features\n"
_SKETCH = struct.Struct(f"<{minhash.SIZE}Q")


@cache
def code_version() -> str:
    """Digest of the modules whose code decides what features are and how they are stored."""
    digest = hashlib.blake2b(sys.version.encode(), digest_size=16)
    for module in (features, minhash, sys.modules[__name__]):
        digest.update(Path(module.__file__).read_bytes())  # type: ignore[arg-type]
    return digest.hexdigest()


def text_key(title: str, text: str) -> str:
    """Digest of one call's arguments; the title's length keeps (title, text) pairs apart."""
    digest = hashlib.blake2b(f"{len(title)}:{title}".encode("utf-8", "surrogatepass"), digest_size=16)
    digest.update(text.encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def cache_path(settings: Mapping[str, Any]) -> Path:
    """Where a build keeps the file: below Pelican's ``CACHE_PATH``."""
    return cache_folder(settings) / FOLDER / FILE


def encode(found: TextFeatures) -> tuple[Any, ...]:
    """One post's features as a marshal-able entry (the lead is the body's first ``len(lead)`` terms)."""
    sketch = _SKETCH.pack(*found.sketch) if found.sketch else b""
    return (found.title, found.body, len(found.lead), tuple(sorted(found.names)),
            tuple(sorted(found.numbers)), found.fingerprint, sketch)


def _words(values: Any) -> bool:
    """A tuple of strings; ``"".join`` checks every item's type in C (a body has hundreds)."""
    if type(values) is not tuple:
        return False
    try:
        "".join(values)
    except TypeError:
        return False
    return True


def decode(entry: Any) -> TextFeatures | None:
    """Features from an ``encode`` entry; None for anything else."""
    if type(entry) is not tuple or len(entry) != 7:
        return None
    title, body, lead, names, numbers, fingerprint, sketch = entry
    if not (_words(title) and _words(body) and _words(names) and _words(numbers)):
        return None
    if type(lead) is not int or not 0 <= lead <= len(body) or type(fingerprint) is not str:
        return None
    if type(sketch) is not bytes or len(sketch) not in (0, _SKETCH.size):
        return None
    return TextFeatures(
        body=body, title=title, lead=body[:lead], names=frozenset(names), numbers=frozenset(numbers),
        fingerprint=fingerprint, sketch=_SKETCH.unpack(sketch) if sketch else (),
    )


def _checked(payload: bytes | memoryview) -> str:
    return hashlib.blake2b(payload, digest_size=16).hexdigest()


def file_bytes(entries: Mapping[str, Any]) -> bytes:
    """The file for ``entries``: a header naming the code version and the payload's digest,
    then the payload."""
    payload = marshal.dumps(dict(entries), marshal.version)
    return _MAGIC + f"{code_version()} {_checked(payload)}\n".encode() + payload


def read_entries(path: Path) -> dict[str, Any]:
    """The entries of a file ``file_bytes`` wrote with this code; {} for anything else."""
    try:
        data = path.read_bytes()
    except OSError:
        return {}
    end = data.find(b"\n", len(_MAGIC))
    if not data.startswith(_MAGIC) or end < 0:
        return {}
    payload = memoryview(data)[end + 1:]  # 25 MB for 10,000 posts: not copied
    if data[len(_MAGIC):end] != f"{code_version()} {_checked(payload)}".encode():
        return {}
    try:
        entries = marshal.loads(payload)
    except (EOFError, ValueError, TypeError):
        return {}
    return entries if type(entries) is dict else {}


class FeatureCache:
    """Features from the file where it has them; ``analyse`` and ``analyse_texts`` stand in for
    the functions of ``features`` of those names."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored = read_entries(path)  # key -> entry, as read
        self.kept: dict[str, Any] = {}  # key -> entry, for each text this build used
        self.found: dict[str, TextFeatures] = {}
        self.analysed = 0  # texts the file did not hold

    def analyse(self, title: str, text: str) -> TextFeatures:
        """``features.analyse(title, text)``, from the file when it holds this exact text."""
        return self.analyse_texts([(title, text)])[0]

    def analyse_texts(self, texts: Sequence[tuple[str, str]], jobs: int = 1) -> list[TextFeatures]:
        """``features.analyse_texts(texts, jobs)``: from the file where it holds a text; the
        others are analysed together, so that there are enough of them to share out."""
        keys = [text_key(title, text) for title, text in texts]
        missing: dict[str, int] = {}  # key -> position of a text with that key
        for pos, key in enumerate(keys):
            if key not in self.found and key not in missing:
                entry = self.stored.get(key)
                found = decode(entry)
                if found is None:
                    missing[key] = pos
                else:
                    self.found[key], self.kept[key] = found, entry
        fresh = features.analyse_texts([texts[pos] for pos in missing.values()], jobs)
        for key, found in zip(missing, fresh):
            self.found[key], self.kept[key] = found, encode(found)
        self.analysed += len(fresh)
        return [self.found[key] for key in keys]

    def save(self) -> bool:
        """Write the entries this build used; False when the file already holds them. A cache
        that cannot be written is logged and skipped: the build does not need it."""
        if not self.analysed and self.kept.keys() == self.stored.keys():
            return False
        try:
            return write_if_changed(self.path, file_bytes({key: self.kept[key] for key in sorted(self.kept)}))
        except OSError as err:
            logger.warning("digest_stories: cannot write the feature cache %s: %s", self.path, err)
            return False
