"""A Pelican Writer that does not render a page again when nothing it shows has changed.

Every build renders every page; on a large digest that is most of a rebuild,
though one new post changes a few dozen pages. ``IncrementalWriter`` gives each
``write_file`` and ``write_feed`` call a key:

- the build's digest: every setting, the versions of Python, Pelican and Jinja, and the
  source of the plugins this build loaded;
- the call's own arguments (file name, pagination, the lists it is given; of a
  feed's list, only the newest ``FEED_MAX_ITEMS`` posts it holds);
- for a page, the source of its template and of every template it extends,
  imports or includes, and the values of every context variable those
  templates read (found by Jinja's own parser, ``jinja2.meta``);
- posts by their digest (``digest_core.fingerprint``): their text and fields,
  plus their story and "More about" neighbours.

When the key and the files the call wrote last time are unchanged, the call is
skipped. The keys live in ``CACHE_PATH``; the file is removed at the start of a
build and written again at its end, so a build that fails half-way leaves no
keys and the next one renders everything. A value with no stable digest, a
template whose includes are chosen at run time, or an ``override_output``
write is always rendered. Pelican's ``content_written`` signal is not sent for
a skipped file (none of our plugins listens to it).

``DIGEST_SKIP_UNCHANGED_PAGES = False`` turns it off.

The lists of the templates named in ``DIGEST_STABLE_PAGINATION`` are cut into pages
numbered from their oldest post (``digest_core.pagination``), each page a call of its
own: a new post then changes a list's front page, not all its pages.

At the end of a build, the files an earlier build's calls wrote that no call of
this build made or kept are deleted (``remove_unclaimed``): the page of a
deleted post, of a tag no post has any more, the last page of a shorter list.
Without that, Pelican leaves them in the output folder, where the sitemap and the
search index would still find them. Only files the keys name are touched.

A page written where another page of the build already is (an editor's page
whose slug is "tag", two About pages) is not written, and an error names its
source and the address; Pelican's own writer would stop the whole build there.

The calls themselves are queued and run at the end of each generator's output,
keys included, by the build's process and forked workers
(``digest_core.render_queue``, ``DIGEST_RENDER_JOBS``).
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import sys
import weakref
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import jinja2
import pelican
from jinja2 import meta
from pelican.log import console
from pelican.utils import sanitised_join
from pelican.writers import FileOverwriteFailedError, Writer

from digest_core.files import build_state_file, take_json, write_if_changed
from digest_core.fingerprint import Fingerprints, Unstable
from digest_core.pagination import stable_pages
from digest_core.plugins import source_of, worker_count
from digest_core.render_queue import Call, RenderQueue

logger = logging.getLogger(__name__)

KEYS_FOLDER = "digest-pages"
# Context entries Pelican sets from the file name while writing (the name is in every key).
SET_PER_PAGE = frozenset({"localsiteurl", "output_file"})
# Settings about how a build runs, not what it writes: changing one keeps the pages.
HOW_THE_BUILD_RUNS = frozenset({
    "CACHE_CONTENT", "LOAD_CONTENT_CACHE", "CONTENT_CACHING_LAYER", "CACHE_PATH", "GZIP_CACHE",
    "CHECK_MODIFIED_METHOD", "WRITE_SELECTED", "DELETE_OUTPUT_DIRECTORY", "OUTPUT_RETENTION",
    "DIGEST_INGEST_ON_BUILD", "DIGEST_JOBS", "DIGEST_SKIP_UNCHANGED_PAGES", "STORY_JOBS",
    "PAGEFIND_INCREMENTAL", "PAGEFIND_RECENT_SHARE", "DIGEST_RENDER_JOBS", "READER_JOBS",
})
# Pelican paginates these keyword arguments when no ``paginated`` is given, and a
# template reads them as <name>_page, <name>_paginator, <name>_previous_page…
PAGINATED_BY_DEFAULT = frozenset({"articles", "dates"})
PAGE_PARTS = ("page", "paginator", "previous_page", "next_page")
_LIVE: weakref.WeakSet[IncrementalWriter] = weakref.WeakSet()


class IncrementalWriter(Writer):
    """Pelican's Writer that skips calls whose key matches the last build's."""

    def __init__(self, output_path: str, settings: Mapping[str, Any] | None = None) -> None:
        super().__init__(output_path, settings)
        self.rendered = self.skipped = self.removed = 0
        self._fingerprints = Fingerprints()
        self._templates: dict[str, tuple[frozenset[str], str] | None] = {}
        self._context_digests: dict[str, tuple[Any, str]] = {}
        self._writing: list[str] | None = None
        self._keys = KeyStore(self.settings, output_path) if self.settings.get("DIGEST_SKIP_UNCHANGED_PAGES", True) else None
        self._build = build_digest(self.settings, self._fingerprints) if self._keys else None
        self._queue = RenderQueue(worker_count(self.settings, "DIGEST_RENDER_JOBS"))
        _LIVE.add(self)

    def write_file(self, name: Any, template: Any, context: dict[str, Any], relative_urls: bool = False,
                   paginated: Any = None, template_name: Any = None, override_output: bool = False,
                   url: Any = None, **kwargs: Any) -> None:
        def render() -> None:
            super(IncrementalWriter, self).write_file(
                name, template, context, relative_urls, paginated, template_name, override_output, url, **kwargs)

        if not name:
            return render()
        lists = paginated if paginated is not None else {
            k: v for k, v in kwargs.items() if k in PAGINATED_BY_DEFAULT}
        stable = self.settings.get("DIGEST_STABLE_PAGINATION", ())
        if lists and not override_output and template_name in stable \
                and template_name in self.settings.get("PAGINATED_TEMPLATES", {}):
            return self._write_stable_pages(name, template, context, relative_urls, lists, template_name, url,
                                            kwargs)
        arguments = (name, template, context, relative_urls, paginated, template_name, override_output, url)
        call = Call("write_file", name, arguments, kwargs)
        if self._queue.defer(self, call, sanitised_join(self.output_path, name), override_output):
            return None
        key = None
        if not override_output:
            key = self._page_key(template, context, (name, relative_urls, template_name, url), lists, kwargs)
        try:
            return self._write_or_skip(f"page:{name}", key, render)
        except FileOverwriteFailedError:
            # Two pages at one address (a page whose slug is "tag", two About pages): Pelican would
            # stop the whole build. The first stays; no key is kept, so every build says it again.
            logger.error("%s: not written: another page of this build is already at %s; give it another Slug",
                         source_of(kwargs.get("article") or kwargs.get("page"), name), name)
            return None

    def _write_stable_pages(self, name: str, template: Any, context: dict[str, Any], relative_urls: bool,
                            lists: dict[str, Any], template_name: str, url: Any,
                            kwargs: dict[str, Any]) -> None:
        """A list's pages numbered from its oldest post (``digest_core.pagination``), each written
        by a call of its own, with a key of its own. ``front_*`` values go to the front page only."""
        per_page = (self.settings["PAGINATED_TEMPLATES"][template_name]
                    or self.settings.get("DEFAULT_PAGINATION"))
        for number, save_as, page_url, values in stable_pages(name, url, lists, per_page, self.settings):
            given = {k: v for k, v in kwargs.items() if number == 1 or not k.startswith("front_")}
            self.write_file(save_as, template, context, relative_urls, {}, template_name, False, page_url,
                            **given, **values)

    def write_feed(self, elements: Any, context: dict[str, Any], path: str | None = None, url: str | None = None,
                   feed_type: str = "atom", override_output: bool = False, feed_title: str | None = None) -> Any:
        def render() -> Any:
            return super(IncrementalWriter, self).write_feed(
                elements, context, path, url, feed_type, override_output, feed_title)

        if not path or override_output:
            self.flush()
            return render()
        arguments = (elements, context, path, url, feed_type, override_output, feed_title)
        call = Call("write_feed", path, arguments, {})
        if self._queue.defer(self, call, sanitised_join(self.output_path, path), False):
            return None
        # An entry shows a post's own fields, never its story or "More about" neighbours; and
        # a feed holds only the newest FEED_MAX_ITEMS posts of its list (all posts, a company's).
        shown = list(elements[:self.settings.get("FEED_MAX_ITEMS")])
        key = self._key(("feed", path, url, feed_type, feed_title, shown, context.get("SITEURL")),
                        neighbours=False)
        return self._write_or_skip(f"feed:{path}", key, render)

    def _open_w(self, filename: str, encoding: str, override: bool = False) -> Any:
        if self._writing is not None:
            self._writing.append(filename)
        return super()._open_w(filename, encoding, override)

    def flush(self) -> None:
        """Render the calls put off so far (``digest_core.render_queue``): at the end of each
        generator's output, before anything reads the files."""
        self._queue.flush(self)

    def replay(self, call: Call) -> Any:
        return getattr(self, call.method)(*call.args, **call.kwargs)

    def begin_share(self) -> None:
        """In a render worker: count and key only what this worker renders."""
        self.rendered = self.skipped = 0
        if self._keys is not None:
            self._keys.current = {}

    def end_share(self) -> tuple[int, int, dict[str, tuple[str, list[str]]]]:
        """In a render worker: what it rendered and keyed, for the build's process to take."""
        return self.rendered, self.skipped, self._keys.current if self._keys is not None else {}

    def take_share(self, state: tuple[int, int, dict[str, tuple[str, list[str]]]]) -> None:
        rendered, skipped, keys = state
        self.rendered += rendered
        self.skipped += skipped
        if self._keys is not None:
            self._keys.current.update(keys)

    def remove_unclaimed(self) -> int:
        """At the end of a build: delete the files an earlier build's calls wrote that no call
        of this build wrote or kept (the page of a deleted post, of a tag no post has any more,
        the last page of a shorter list), so that neither the site nor its sitemap or search
        index keeps them. Only files these keys name are touched; empty folders go too."""
        if self._keys is None:
            return 0
        self.flush()
        output = self._keys.output
        claimed = {name for _, files in self._keys.current.values() for name in files}
        for _, files in self._keys.previous.values():
            for name in files:
                path = output / name
                if name in claimed or ".." in path.parts or str(path) in self._written_files or not path.is_file():
                    continue
                path.unlink()
                self.removed += 1
                folder = path.parent
                while folder != output and not any(folder.iterdir()):
                    folder.rmdir()
                    folder = folder.parent
        return self.removed

    def save_keys(self) -> None:
        """Write this build's keys for the next one (at the end of a build)."""
        self.flush()
        if self._keys is not None:
            self._keys.save()
            # Shown like Pelican's own "Done:" line, so an editor sees what a rebuild did.
            removed = f", {self.removed} no longer made, removed" if self.removed else ""
            console.print(f"pages and feeds: {self.rendered} rendered, {self.skipped} unchanged{removed}",
                          markup=False, highlight=False)

    def _write_or_skip(self, call: str, key: str | None, render: Any) -> Any:
        if self._keys is not None and key is not None:
            files = self._keys.unchanged(call, key)
            if files is not None:
                self._written_files.update(files)  # Pelican's check against writing a file twice
                self.skipped += 1
                return None
        self._writing = []
        try:
            result = render()
        finally:
            written, self._writing = self._writing, None
        self.rendered += 1
        if self._keys is not None and key is not None:
            self._keys.record(call, key, written)
        return result

    def _page_key(self, template: Any, context: Mapping[str, Any], call: tuple[Any, ...],
                  lists: Mapping[str, Any], kwargs: Mapping[str, Any]) -> str | None:
        """Key of a page: its template's sources and the values it reads (a list Pelican
        paginates counts when the template reads its pages)."""
        reads = self._template_reads(template)
        if reads is None:
            return None
        names, sources = reads
        paged = {k: v for k, v in lists.items() if any(f"{k}_{part}" in names for part in PAGE_PARTS)}
        given = {k: v for k, v in kwargs.items() if k in names and k not in paged}
        try:
            used = {n: self._context_digest(n, context[n]) for n in sorted(names - SET_PER_PAGE)
                    if n in context and n not in kwargs}
        except Unstable as reason:
            logger.debug("Rendering anyway: %s", reason)
            return None
        return self._key(("page", sources, call, paged, given, used))

    def _context_digest(self, name: str, value: Any) -> str:
        """Digest of a build-wide context value (all posts, the menu…), once per build."""
        known = self._context_digests.get(name)
        if known is None or known[0] is not value:
            known = self._context_digests[name] = (value, self._fingerprints.of(value))
        return known[1]

    def _key(self, parts: Any, neighbours: bool = True) -> str | None:
        if self._build is None:
            return None
        try:
            return self._build + self._fingerprints.of(parts, neighbours)
        except Unstable as reason:
            logger.debug("Rendering anyway: %s", reason)
            return None

    def _template_reads(self, template: Any) -> tuple[frozenset[str], str] | None:
        name = template.name
        if name not in self._templates:
            parsed = self._keys.templates if self._keys is not None else None
            self._templates[name] = template_reads(template.environment, name, parsed)
        return self._templates[name]


def template_reads(
    env: jinja2.Environment, name: str, known: dict[str, list[Any]] | None = None
) -> tuple[frozenset[str], str] | None:
    """Context names a template and the templates it pulls in read, and a digest of their
    sources; None when one of them is chosen at run time.

    ``known`` ({name: [source digest, names, referenced templates]}) spares parsing a
    template whose source did not change; it is updated in place.
    """
    known = {} if known is None else known
    names: set[str] = set()
    sources = hashlib.blake2b(digest_size=16)
    pending, seen = [name], set()
    while pending:
        current = pending.pop()
        if current in seen:
            continue
        seen.add(current)
        source, _, _ = env.loader.get_source(env, current)
        digest = hashlib.blake2b(source.encode(), digest_size=16).hexdigest()
        sources.update(current.encode() + b"\0" + digest.encode())
        if current not in known or known[current][0] != digest:
            tree = env.parse(source)
            referenced = list(meta.find_referenced_templates(tree))
            known[current] = [digest, sorted(meta.find_undeclared_variables(tree)),
                              None if None in referenced else sorted(referenced)]
        names.update(known[current][1])
        if known[current][2] is None:
            return None
        pending.extend(known[current][2])
    return frozenset(names), sources.hexdigest()


def build_digest(settings: Mapping[str, Any], fingerprints: Fingerprints) -> str | None:
    """What every page of this build depends on: settings, tool versions and plugin code."""
    h = hashlib.blake2b(digest_size=16)
    h.update(f"python {sys.version}; pelican {pelican.__version__}; jinja2 {jinja2.__version__}\0".encode())
    for key in sorted(set(settings) - HOW_THE_BUILD_RUNS):
        value = settings[key]
        try:
            h.update(key.encode() + fingerprints.of(value).encode())
        except Unstable:
            h.update(key.encode() + _code_digest(value).encode())
    for path in _plugin_files(settings):
        h.update(path.encode() + b"\0" + Path(path).read_bytes())
    return h.hexdigest()


def _code_digest(value: Any) -> str:
    """Settings that hold functions (Jinja filters…): their code, which is what can change."""
    if isinstance(value, Mapping):
        return "".join(f"{k}:{_code_digest(v)}" for k, v in sorted(value.items(), key=lambda kv: str(kv[0])))
    if isinstance(value, (list, tuple)):
        return "".join(_code_digest(v) for v in value)
    code = getattr(value, "__code__", None)
    name = f"{getattr(value, '__module__', '')}.{getattr(value, '__qualname__', type(value).__qualname__)}"
    return name + (hashlib.blake2b(code.co_code, digest_size=8).hexdigest() if code else "")


def _plugin_files(settings: Mapping[str, Any]) -> list[str]:
    """Source files of the modules of this build's plugins (digest_ingest, digest_ingest.x…)."""
    prefixes = ["digest_core", *(str(getattr(p, "__name__", p)) for p in settings.get("PLUGINS") or ())]
    files = set()
    for module_name, module in list(sys.modules.items()):
        if any(module_name == p or module_name.startswith(p + ".") for p in prefixes):
            path = getattr(module, "__file__", None)
            if path and path.endswith(".py"):
                files.add(path)
    return sorted(files)


class KeyStore:
    """Keys and written files of each call, from the last build and for the next."""

    def __init__(self, settings: Mapping[str, Any], output_path: str) -> None:
        # The form Pelican's writer gives its paths in (sanitised_join: absolute, symbolic links kept),
        # so that the names kept are plain "tag/ai/index.html" and paths compare as strings.
        self.output = Path(os.path.abspath(output_path))
        self.path = build_state_file(settings, KEYS_FOLDER, self.output)
        self.templates: dict[str, list[Any]] = {}  # what parsing each template found, by source digest
        self.previous = self._load()
        self.current: dict[str, tuple[str, list[str]]] = {}

    def _load(self) -> dict[str, Any]:
        data = take_json(self.path)  # a build that stops half-way must leave no keys behind
        if not isinstance(data, dict) or data.get("output") != str(self.output):
            return {}
        self.templates = data.get("templates", {})
        return data.get("calls", {})

    def unchanged(self, call: str, key: str) -> list[str] | None:
        """The files a call wrote last time, if its key is the same and they are all still there."""
        known = self.previous.get(call)
        if not known or known[0] != key:
            return None
        files = [str(self.output / f) for f in known[1]]
        if not all(os.path.isfile(f) for f in files):
            return None
        self.current[call] = (key, known[1])
        return files

    def record(self, call: str, key: str, written: list[str]) -> None:
        self.current[call] = (key, [os.path.relpath(f, self.output) for f in written if f != os.devnull])

    def save(self) -> None:
        data = {"output": str(self.output), "templates": dict(sorted(self.templates.items())),
                "calls": dict(sorted(self.current.items()))}
        write_if_changed(self.path, json.dumps(data, separators=(",", ":")))


def _writers_of(output_path: str) -> list[IncrementalWriter]:
    return [w for w in list(_LIVE) if Path(w.output_path).resolve() == Path(output_path).resolve()]


def flush(writer: Any) -> None:
    """Render what ``writer`` put off, if it is a writer that puts calls off."""
    if isinstance(writer, IncrementalWriter):
        writer.flush()


def flush_writers(output_path: str) -> None:
    """Render what the writers of the build that writes into ``output_path`` put off."""
    for writer in _writers_of(output_path):
        writer.flush()


def remove_unclaimed_pages(output_path: str) -> None:
    """Delete what earlier builds wrote into ``output_path`` and this one no longer makes."""
    for writer in _writers_of(output_path):
        writer.remove_unclaimed()


def save_page_keys(output_path: str) -> None:
    """Save the keys of the writers of the build that wrote into ``output_path``."""
    for writer in _writers_of(output_path):
        writer.save_keys()
