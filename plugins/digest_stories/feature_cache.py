"""Each post's ``TextFeatures`` kept between builds, so a rebuild analyses only new or changed posts.

Analysing every text is about half of clustering's time, and one new post
leaves all the others' features as they were. Entries are keyed by a digest
of exactly what ``features.analyse`` receives (title and text); the file also
names a version, a digest of the code that computes and stores features (and
of the Python that runs it: word classes follow its Unicode tables), so a file
from other code is ignored as a whole, and so is one that is not valid JSON.
An entry of the wrong shape is ignored on its own (its post is analysed again).

The file is JSON of strings and ints, never objects to unpickle, in a form
that is fast to read and write: terms joined by spaces (a term is a run of word
characters), the MinHash sketch as base64. Each entry stands alone, so the
entries of unchanged posts are written back as they were read. Only the
entries this build used are saved, so the file does not grow with deleted or
edited posts; they are sorted by key, so the same posts give the same bytes.
"""

from __future__ import annotations

import binascii
import hashlib
import json
import logging
import struct
import sys
from collections.abc import Mapping, Sequence
from functools import cache
from pathlib import Path
from typing import Any

from digest_core.files import cache_folder, read_json, write_if_changed
from digest_stories import features, minhash
from digest_stories.features import TextFeatures

logger = logging.getLogger(__name__)

FOLDER = "digest-stories"
FILE = "features.json"
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


def encode(found: TextFeatures) -> list[Any]:
    """One post's features as a JSON list (the lead is the body's first ``len(lead)`` terms)."""
    sketch = binascii.b2a_base64(_SKETCH.pack(*found.sketch), newline=False).decode() if found.sketch else ""
    return [" ".join(found.title), " ".join(found.body), len(found.lead), sorted(found.names),
            sorted(found.numbers), found.fingerprint, sketch]


def _strings(values: Any) -> bool:
    return isinstance(values, list) and all(isinstance(value, str) for value in values)


def decode(entry: Any, words: dict[str, str]) -> TextFeatures | None:
    """Features from an ``encode`` list; None for anything else. ``words`` hands out one string
    object per distinct term, as ``features.analyse`` does (less memory, hashes computed once)."""
    try:
        title, body, lead, names, numbers, fingerprint, sketch = entry
        if not (_strings([title, body, fingerprint, sketch]) and _strings(names) and _strings(numbers)):
            return None
        if type(lead) is not int:
            return None
        values = _SKETCH.unpack(binascii.a2b_base64(sketch, strict_mode=True)) if sketch else ()
    except (TypeError, ValueError, struct.error):  # not a 7-item list, or not a sketch
        return None
    title_words, body_words = (part.split(" ") if part else [] for part in (title, body))
    terms = tuple(map(words.setdefault, body_words, body_words))
    if not 0 <= lead <= len(terms):
        return None
    return TextFeatures(
        body=terms, title=tuple(map(words.setdefault, title_words, title_words)), lead=terms[:lead],
        names=frozenset(names), numbers=frozenset(numbers), fingerprint=fingerprint, sketch=values,
    )


class FeatureCache:
    """Features from the file where it has them; ``analyse`` and ``analyse_texts`` stand in for
    the functions of ``features`` of those names."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.stored = self._load()  # key -> entry, as read
        self.kept: dict[str, list[Any]] = {}  # key -> entry, for each text this build used
        self.found: dict[str, TextFeatures] = {}
        self.analysed = 0  # texts the file did not hold
        self._words: dict[str, str] = {}

    def _load(self) -> dict[str, Any]:
        data = read_json(self.path)
        if not isinstance(data, dict) or data.get("version") != code_version():
            return {}
        entries = data.get("entries")
        return entries if isinstance(entries, dict) else {}

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
                found = decode(entry, self._words)
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
        data = {"version": code_version(), "entries": {key: self.kept[key] for key in sorted(self.kept)}}
        try:
            return write_if_changed(self.path, json.dumps(data, separators=(",", ":")))
        except OSError as err:
            logger.warning("digest_stories: cannot write the feature cache %s: %s", self.path, err)
            return False
