"""Faster reading of Markdown posts, with the output of Pelican's own reader.

A profile of a cold build of 10,000 posts put most of ``generate_context`` in
Markdown: Pelican's ``MarkdownReader`` builds a new ``Markdown`` object for every
file (a quarter of its time) and converts every post alone, in one process.
This plugin changes both and nothing else:

- ``reader.DigestMarkdownReader`` replaces Pelican's reader for its file
  extensions (``readers_init``). It keeps one Markdown instance for bodies and
  one for formatted fields (``summary``) and resets them between files; with an
  extension whose reset is not known to clear its state it builds one per file,
  as Pelican does. Content and metadata are the same, byte for byte.
- ``prefetch.read_ahead`` runs when the articles' (and pages') generator is
  built (``article_generator_init``): the files it will read that are in no
  content cache, if there are ``PARALLEL_MIN_FILES`` or more, are converted by
  ``READER_JOBS`` forked workers, in the order the generator reads them, while it
  reads them. A file whose conversion fails, logs or warns is converted again by
  the generator, so Pelican reports it as before.

Settings: ``READER_JOBS`` (0 = one per core, 1 = no workers). See README.md.
"""

from digest_reader.plugin import register

__all__ = ["register"]
