"""digest_ingest: raw scraped pages -> clean Markdown posts.

Runs at the start of every Pelican build (and alone as ``digest ingest``):
every raw page under ``content/raw/`` (saved HTML, text dumps, JSON Lines
exports, with optional ``.json`` sidecars) is decoded, its article text
extracted (trafilatura for HTML, a line classifier for text dumps), its
metadata resolved, companies, tags, a summary and quality flags added, and
the post written to ``content/posts/YYYY/YYYY-MM-DD-slug.md``. Unchanged
pages are skipped; posts edited by hand are never overwritten.
"""

from digest_ingest.plugin import register

__all__ = ["register"]
