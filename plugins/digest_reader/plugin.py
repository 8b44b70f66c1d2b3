"""Pelican glue: install the reader, and convert a cold build's posts across cores before they are read."""

from __future__ import annotations

from pelican import signals
from pelican.readers import MarkdownReader, Readers

from digest_core.plugins import plugin_enabled, worker_count
from digest_reader.errors import name_the_reasons
from digest_reader.prefetch import close_ahead, read_ahead
from digest_reader.reader import DigestMarkdownReader


def use_digest_reader(readers: Readers) -> None:
    """``readers_init``: our reader for every extension Pelican's own Markdown reader has."""
    if not plugin_enabled(readers.settings, "digest_reader"):
        return
    for extension, reader_class in readers.reader_classes.items():
        if reader_class is MarkdownReader:
            readers.reader_classes[extension] = DigestMarkdownReader


def read_articles_ahead(generator) -> None:
    """``article_generator_init``: start converting the posts not in the content cache across cores."""
    settings = generator.settings
    if plugin_enabled(settings, "digest_reader"):
        read_ahead(generator, settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"], worker_count(settings, "READER_JOBS"))


def read_pages_ahead(generator) -> None:
    """``page_generator_init``: the same for pages (a few on most sites: then nothing happens)."""
    settings = generator.settings
    if plugin_enabled(settings, "digest_reader"):
        read_ahead(generator, settings["PAGE_PATHS"], settings["PAGE_EXCLUDES"], worker_count(settings, "READER_JOBS"))


def register() -> None:
    name_the_reasons()  # a logging filter: it only adds the reason to Pelican's own message
    signals.readers_init.connect(use_digest_reader)
    signals.article_generator_init.connect(read_articles_ahead)
    signals.page_generator_init.connect(read_pages_ahead)
    # Every file is taken by then, and the workers gone; this only covers the unexpected.
    signals.article_generator_finalized.connect(close_ahead)
    signals.page_generator_finalized.connect(close_ahead)
