"""Stable digests of the values a template reads, to tell whether a page would change.

``Fingerprints.of(value)`` walks plain data, dates, containers and objects (their
attributes) into a BLAKE2 digest that is the same in every run for equal data
(dicts in insertion order, which our readers and plugins keep deterministic;
sets sorted). Pelican content (articles, pages) is special in two ways:

- its *own* digest covers the fields that are plain data (title, text, date,
  companies…); fields that lead to other content (a post's ``story``, its
  ``more_about`` lists, translations) are left out, which breaks the cycles
  between posts;
- reached from a template's variables, a post counts with its *full* digest:
  its own digest plus those links, where the other posts count with their own
  digest. That is one level deep, which is what our templates show of a
  neighbour (title, outlet, date, URL), never its neighbours.

A text with Pelican's intra-site links ({filename}, {index}…) also counts as it
reads once they are resolved, since the linked posts' addresses may change.
Tags, categories, authors, companies and outlets (Pelican URL wrappers) count
by class, name and slug. A value that has no stable form (a function, an
object without attributes, objects that refer to each other in a ring) raises
``Unstable``: the caller then treats the page as changed. Digests of content
and other objects are kept for the build (objects are not changed while pages
are written); containers are walked each time.
"""

from __future__ import annotations

import dataclasses
import hashlib
import marshal
from datetime import date, datetime, time, timedelta, tzinfo
from enum import Enum
from typing import Any

from pelican.contents import Content
from pelican.urlwrappers import URLWrapper

# Attributes that are not part of what a page shows: the whole build context and
# settings (their values enter a key through the template's own variables), and caches.
SKIPPED_ATTRIBUTES = frozenset({"_context", "settings", "_url_memo"})
_SCALARS = (str, int, float, bool, bytes, type(None), datetime, date, time, timedelta, tzinfo, Enum)
# Exact types that _feed writes in a self-delimiting form ("s<len>:…", "v<len>:…").
_LEAVES = frozenset({str, int, float, bool, bytes, type(None), datetime, date})


class Unstable(Exception):
    """A value with no representation that is equal across runs."""


class _LeadsToContent(Exception):
    """Raised while taking a post's own digest when a field reaches other content."""


class _Mode(Enum):
    TOP = 1  # a template variable: content counts in full
    NESTED = 2  # inside a post's links: other content counts by its own digest
    OWN = 3  # a post's own fields: reaching content disqualifies the field


class Fingerprints:
    """Digests of template values for one build."""

    def __init__(self) -> None:
        self._own: dict[int, tuple[Content, bytes, list[str]]] = {}
        self._full: dict[int, tuple[Content, bytes]] = {}
        self._objects: dict[tuple[int, _Mode], tuple[Any, bytes]] = {}
        self._walking: set[tuple[int, _Mode]] = set()  # objects being walked, to stop at a cycle

    def of(self, value: Any, neighbours: bool = True) -> str:
        """Hex digest of ``value``; raises Unstable. Posts count with their links to other
        posts (full digest), or without them when ``neighbours`` is False (own digest: all
        that a feed entry shows of a post)."""
        h = hashlib.blake2b(digest_size=16)
        self._feed(h, value, _Mode.TOP if neighbours else _Mode.NESTED)
        return h.hexdigest()

    def _feed(self, h: Any, value: Any, mode: _Mode) -> None:
        kind = type(value)
        form = _FORMS.get(kind)
        if form is None:
            form = _FORMS[kind] = _form_of(kind)
        if form == _STRING:
            data = value.encode("utf-8", "surrogatepass")
            h.update(b"s%d:" % len(data))
            h.update(data)
        elif form == _CONTENT:
            if mode is _Mode.OWN:
                raise _LeadsToContent
            own = mode is _Mode.NESTED
            h.update(b"c" + (self._own_digest(value)[0] if own else self._full_digest(value)))
        elif (form == _SEQUENCE or form == _MAPPING) and (plain := _plain_form(value)) is not None:
            h.update(b"m%d:" % len(plain))
            h.update(plain)
        elif form == _SEQUENCE:
            h.update((b"[%d" if kind is list else b"(%d") % len(value))
            for item in value:
                self._feed(h, item, mode)
            h.update(b"]")
        elif form == _SCALAR:
            text = f"{kind.__name__}:{value!r}".encode("utf-8", "surrogatepass")
            h.update(b"v%d:" % len(text))
            h.update(text)
        elif form == _MAPPING:
            h.update(b"{%d" % len(value))
            for key, item in value.items():
                self._feed(h, key, mode)
                self._feed(h, item, mode)
            h.update(b"}")
        elif form == _SET:
            h.update(b"<" + b"".join(sorted(self._digest(item, mode) for item in value)) + b">")
        elif form == _WRAPPER:  # a tag, category, author, company, outlet
            # By name and slug: the rest comes from settings, and the slug is computed lazily
            # into a private attribute, so the instance dict depends on what was rendered before.
            text = f"{kind.__qualname__}:{value.name}\0{value.slug}".encode("utf-8", "surrogatepass")
            h.update(b"u%d:" % len(text))
            h.update(text)
        elif form == _UNSTABLE:
            raise Unstable(f"no stable form for {value!r}")
        elif form == _SEQUENCE_SUBCLASS:  # named tuples and other sequence subclasses
            self._feed(h, list(value), mode)
        else:
            h.update(b"o" + self._object_digest(value, mode))

    def _digest(self, value: Any, mode: _Mode) -> bytes:
        h = hashlib.blake2b(digest_size=16)
        self._feed(h, value, mode)
        return h.digest()

    def _object_digest(self, value: Any, mode: _Mode) -> bytes:
        key = (id(value), mode)
        known = self._objects.get(key)
        if known is None:
            if key in self._walking:
                raise Unstable(f"a {type(value).__qualname__} refers back to itself")
            fields = _attributes(value)
            if mode is _Mode.OWN and any(isinstance(item, Content) for _, item in fields):
                raise _LeadsToContent  # before hashing the fields that come first (a story's lead)
            self._walking.add(key)
            try:
                h = hashlib.blake2b(digest_size=16)
                h.update(f"{type(value).__module__}.{type(value).__qualname__}".encode())
                for name, item in fields:
                    h.update(name.encode() + b"=")
                    self._feed(h, item, mode)
            finally:
                self._walking.discard(key)
            known = self._objects[key] = (value, h.digest())
        return known[1]

    def _own_digest(self, content: Content) -> tuple[bytes, list[str]]:
        """A post's digest over its plain fields, and the names of the fields that link to content."""
        known = self._own.get(id(content))
        if known is None:
            h = hashlib.blake2b(digest_size=16)
            h.update(type(content).__qualname__.encode())
            links = []
            metadata = getattr(content, "metadata", None) or {}
            for name, item in _attributes(content):
                if name in metadata and metadata[name] is item:
                    continue  # Pelican copies each header into an attribute: the metadata dict counts it
                if type(item) in _LEAVES:  # most fields: no content behind them, no digest of their own
                    h.update(name.encode() + b"=")
                    self._feed(h, item, _Mode.OWN)
                    continue
                try:
                    field = self._digest(item, _Mode.OWN)
                except _LeadsToContent:
                    links.append(name)
                    continue
                h.update(name.encode() + b"=d" + field)
            raw = getattr(content, "_content", None) or ""
            if "{" in raw or "|" in raw:
                # Links such as {filename}/posts/x.md are resolved while rendering, from the
                # other posts' addresses: count the text as it reads with them resolved.
                h.update(b"resolved=" + self._digest(content.get_content(""), _Mode.OWN))
            known = self._own[id(content)] = (content, h.digest(), links)
        return known[1], known[2]

    def _full_digest(self, content: Content) -> bytes:
        known = self._full.get(id(content))
        if known is None:
            own, links = self._own_digest(content)
            h = hashlib.blake2b(own, digest_size=16)
            for name in links:
                h.update(name.encode() + b"=")
                self._feed(h, getattr(content, name), _Mode.NESTED)
            known = self._full[id(content)] = (content, h.digest())
        return known[1]


# How _feed writes a value, by its type: found once per type (a chain of isinstance checks
# cost more than the hashing itself for the thousands of posts a list page's key walks).
(_STRING, _SCALAR, _SEQUENCE, _MAPPING, _SET, _WRAPPER, _CONTENT, _UNSTABLE, _SEQUENCE_SUBCLASS,
 _OBJECT) = range(10)
_FORMS: dict[type, int] = {str: _STRING, list: _SEQUENCE, tuple: _SEQUENCE, dict: _MAPPING}


def _form_of(kind: type) -> int:
    if issubclass(kind, _SCALARS):
        return _SCALAR
    if issubclass(kind, dict):
        return _MAPPING
    if issubclass(kind, (set, frozenset)):
        return _SET
    if issubclass(kind, URLWrapper):
        return _WRAPPER
    if issubclass(kind, Content):
        return _CONTENT
    if any("__call__" in vars(base) for base in kind.__mro__):  # functions, classes, callable objects
        return _UNSTABLE
    if issubclass(kind, (list, tuple)):
        return _SEQUENCE_SUBCLASS
    return _OBJECT


def _plain_form(value: list[Any] | tuple[Any, ...] | dict[Any, Any]) -> bytes | None:
    """``marshal``'s bytes for a container of exact built-in types (str, numbers, lists,
    dicts, sets…: JSON-LD, most metadata lists), one C call instead of a walk; None for
    anything else. marshal refuses subclasses and objects, so it tells list from tuple and
    1 from "1"; since Python 3.11 it writes a set's items sorted, so hash seeds do not
    change the bytes (tests/core/test_fingerprint.py checks this across runs)."""
    try:
        return marshal.dumps(value, 0)  # version 0: no back-references, no interning marks
    except ValueError:
        return None


_NAMES: dict[tuple[type, tuple[str, ...]], list[str]] = {}  # an object's attribute names, sorted and filtered


def _attributes(value: Any) -> list[tuple[str, Any]]:
    """An object's data attributes by name (instance dict, slots or dataclass fields)."""
    if dataclasses.is_dataclass(value):
        names = tuple(f.name for f in dataclasses.fields(value))
    elif hasattr(value, "__dict__"):
        names = tuple(vars(value))
    else:
        names = tuple(n for cls in type(value).__mro__ for n in getattr(cls, "__slots__", ()))
        if not names:
            raise Unstable(f"no stable form for a {type(value).__qualname__}")
    key = (type(value), names)
    wanted = _NAMES.get(key)
    if wanted is None:
        wanted = _NAMES[key] = [n for n in sorted(set(names)) if n not in SKIPPED_ATTRIBUTES]
    return [(n, getattr(value, n)) for n in wanted if hasattr(value, n)]
