"""Pelican's Article with its URL and output path worked out once, not on every use.

Every listing, feed, sitemap entry and "More about" link asks a post for its
``url``; Pelican formats ARTICLE_URL afresh each time (a metadata copy, a
relative path and a date format per call), tens of thousands of times a
build. This subclass keeps the answer while the fields a URL pattern uses
stay the same, and formats the pattern's date with the C library's strftime
rather than Pelican's wrapper (20 us a call: it splits the format with regular
expressions to strip zeros after "%-", which glibc and the BSD C libraries do
themselves; a test compares the URLs with Pelican's). ``use_digest_article``
makes Pelican's ArticlesGenerator build it; the class keeps the name "Article"
so everything that derives names from the class (settings, logs) sees no
difference.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

import pelican.generators
from pelican.contents import Article as PelicanArticle
from pelican.utils import SafeDatetime


class Article(PelicanArticle):
    """An Article whose ``url`` and ``save_as`` (and their lang_ forms), and its source path
    relative to the content folder, are memoised."""

    def _url_state(self, key: str) -> tuple[Any, ...]:
        """What the answer for ``key`` depends on that could change after reading."""
        return (key, self.status, self.in_default_lang, getattr(self, "slug", None),
                getattr(self, "date", None), getattr(self, "lang", None))

    @property
    def url_format(self) -> dict[str, Any]:
        fields = super().url_format
        date = fields.get("date")
        if isinstance(date, SafeDatetime):
            fields["date"] = datetime(date.year, date.month, date.day, date.hour, date.minute, date.second,
                                      date.microsecond, date.tzinfo, fold=date.fold)
        return fields

    def get_relative_source_path(self, source_path: str | None = None) -> str | None:
        """Pelican's answer, kept for the post's own file: asked for when the post is made,
        for its URL fields and when the generator files it (three path normalisations a
        post, 0.4 s of reading 10,000 posts)."""
        if source_path and source_path != self.source_path:
            return super().get_relative_source_path(source_path)
        key = (self.source_path, self.settings["PATH"])
        kept = self.__dict__.get("_relative_path")
        if kept is None or kept[0] != key:
            kept = self.__dict__["_relative_path"] = (key, super().get_relative_source_path())
        return kept[1]

    def get_url_setting(self, key: str) -> str:
        state = self._url_state(key)
        known = self.__dict__.setdefault("_url_memo", {})
        if state not in known:
            known[state] = super().get_url_setting(key)
        return known[state]


def use_digest_article() -> None:
    """Make Pelican read posts into ``Article`` above (idempotent, for the whole process)."""
    pelican.generators.Article = Article
