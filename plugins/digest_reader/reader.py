"""Pelican's Markdown reader, with its Markdown instances built once and reset between documents.

Pelican's ``MarkdownReader`` builds a ``Markdown`` object (every extension, every
processor, compiled patterns) for each file, which is a quarter of the time it
takes to read a post. This reader keeps two per reader: one for documents and one,
without the ``meta`` preprocessor, for the formatted fields (``summary``), and calls
``Markdown.reset()`` before each conversion. That is only as good as the
extensions' own ``reset``, so instances are reused only when every extension is
one whose state ``reset`` is known to clear (``REUSABLE_EXTENSIONS``); any other
configuration gets a fresh instance per file, exactly as Pelican does.

Reading is split in two: ``convert`` (Markdown only, no logging of its own, so a
worker process can run it) and ``read``, which turns a conversion (made here, or
ahead by a worker) into Pelican's ``(content, metadata)`` the same way
``MarkdownReader._parse_metadata`` does.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Protocol

from markdown import Markdown
from markdown.extensions.footnotes import FootnoteExtension
from pelican.readers import DUPLICATES_DEFINITIONS_ALLOWED, MarkdownReader, logger
from pelican.utils import pelican_open

# Extensions whose per-document state Markdown.reset() clears (read in Markdown 3.11:
# abbr, footnotes, meta and md_in_html reset theirs; the others keep none between
# documents). Footnotes' UNIQUE_IDS counter is handled in _reset.
_VERIFIED = ("abbr", "attr_list", "codehilite", "def_list", "extra", "fenced_code", "footnotes",
             "md_in_html", "meta", "tables")
REUSABLE_EXTENSIONS = frozenset(_VERIFIED) | {f"markdown.extensions.{name}" for name in _VERIFIED}


@dataclass(frozen=True, slots=True)
class Converted:
    """One Markdown file converted, before Pelican's metadata processors run."""

    stamp: tuple[int, int]  # (mtime_ns, size) of the file just before it was read
    html: str
    meta: dict[str, list[str]]  # header as the meta extension returns it: lowercase key -> lines
    fields: dict[str, str]  # formatted fields (FORMATTED_FIELDS) converted to HTML


class Ahead(Protocol):
    """Conversions made ahead of the generator (digest_reader.prefetch.Conversions)."""

    def take(self, path: str) -> Converted | None: ...


def file_stamp(path: str) -> tuple[int, int]:
    """What tells a converted file from the same file edited since."""
    info = os.stat(path)
    return info.st_mtime_ns, info.st_size


def reusable(markdown_settings: dict[str, Any]) -> bool:
    """Whether one Markdown instance reset between documents converts them as fresh ones would."""
    return all(isinstance(name, str) and name in REUSABLE_EXTENSIONS
               for name in markdown_settings.get("extensions", []))


class DigestMarkdownReader(MarkdownReader):
    """``MarkdownReader`` with the same output, reusing its Markdown instances."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)  # completes settings["MARKDOWN"]["extensions"]
        self._reuse = reusable(self.settings["MARKDOWN"])
        self._document_md: Markdown | None = None
        self._field_md: Markdown | None = None
        self._footnote_ids: dict[int, int] = {}  # id(footnote extension) -> its counter once built
        self.ahead: Ahead | None = None  # set while workers convert this build's files
        self._dates: dict[str, Any] = {}

    def process_metadata(self, name: str, value: Any) -> Any:
        """Pelican's, with each distinct date text parsed once a build: Pelican takes a date
        from every post's file name (FILENAME_METADATA), cached posts included, and parses it
        with dateutil even though the post's own Date header wins; the names of a day's posts
        share that text."""
        if name != "date" or not isinstance(value, str):
            return super().process_metadata(name, value)
        parsed = self._dates.get(value)
        if parsed is None:
            parsed = self._dates[value] = super().process_metadata(name, value)
        return parsed

    def read(self, source_path: str) -> tuple[str, dict[str, Any]]:
        """Pelican's reader interface: HTML and processed metadata of one file."""
        self._source_path = source_path  # MarkdownReader's warnings name the file through it
        converted = self.ahead.take(source_path) if self.ahead is not None else None
        if converted is None or not _unchanged(source_path, converted):
            converted = self.convert(source_path)
        return converted.html, self._metadata(converted)

    def convert(self, source_path: str) -> Converted:
        """Markdown of one file (body and formatted fields) to HTML; raises as Pelican's reader does."""
        try:
            stamp = file_stamp(source_path)
        except OSError:
            stamp = (-1, -1)  # opening it fails below, with the error Pelican's reader gives
        try:
            document = self._document_markdown()
            with pelican_open(source_path) as text:
                html = document.convert(text)
            meta = dict(getattr(document, "Meta", {}))
            return Converted(stamp, html, meta, self._convert_fields(meta, document))
        except BaseException:
            # A conversion cut short can leave a parser half-way; never reuse it.
            self._document_md = self._field_md = None
            raise

    def _document_markdown(self) -> Markdown:
        if not self._reuse:
            return Markdown(**self.settings["MARKDOWN"])
        if self._document_md is None:
            self._document_md = self._build()
        return self._reset(self._document_md, 0)

    def _convert_fields(self, meta: dict[str, list[str]], document: Markdown) -> dict[str, str]:
        """Formatted fields, each as Pelican converts it: header lines joined, meta extension off."""
        formatted = [name for name in meta if name.lower() in self.settings["FORMATTED_FIELDS"]]
        if not self._reuse:
            document.preprocessors.deregister("meta")
            field_md = document
        elif self._field_md is None:
            self._field_md = self._build()
            self._field_md.preprocessors.deregister("meta")
        fields = {}
        for number, name in enumerate(formatted, start=1):
            # Pelican resets its instance of the file before each field.
            md = self._reset(self._field_md, number) if self._reuse else field_md.reset()
            fields[name.lower()] = md.convert("\n".join(meta[name]))
        return fields

    def _build(self) -> Markdown:
        md = Markdown(**self.settings["MARKDOWN"])
        for extension in _footnote_extensions(md):
            self._footnote_ids[id(extension)] = extension.unique_prefix
        return md

    def _reset(self, md: Markdown, resets: int) -> Markdown:
        """``md`` reset for a new document, footnote ids as on a fresh instance reset ``resets`` times.

        With UNIQUE_IDS on, the footnotes extension puts the number of resets it has seen
        into its ids; Pelican's instance of a file is reset once more before each field.
        """
        md.reset()
        for extension in _footnote_extensions(md):
            extension.unique_prefix = self._footnote_ids[id(extension)] + resets
        return md

    def _metadata(self, converted: Converted) -> dict[str, Any]:
        """``MarkdownReader._parse_metadata`` with the formatted fields already converted."""
        output: dict[str, Any] = {}
        for key, value in converted.meta.items():
            name = key.lower()
            if name in converted.fields:
                output[name] = self.process_metadata(name, converted.fields[name])
            elif not DUPLICATES_DEFINITIONS_ALLOWED.get(name, True):
                if len(value) > 1:
                    logger.warning("Duplicate definition of `%s` for %s. Using first one.",
                                   name, self._source_path)
                output[name] = self.process_metadata(name, value[0])
            elif len(value) > 1:
                output[name] = self.process_metadata(name, value)
            else:
                output[name] = self.process_metadata(name, value[0])
        return output


# Pelican names the reader in every post's metadata from the class name ("reader": "markdown").
DigestMarkdownReader.__name__ = MarkdownReader.__name__


def _unchanged(path: str, converted: Converted) -> bool:
    try:
        return file_stamp(path) == converted.stamp
    except OSError:
        return False  # gone since: convert() raises what Pelican's reader would


def _footnote_extensions(md: Markdown) -> list[FootnoteExtension]:
    return [extension for extension in md.registeredExtensions if isinstance(extension, FootnoteExtension)]
