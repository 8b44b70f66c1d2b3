"""Atom 1.0 feeds (RFC 4287) for every feed the site writes, Pelican's included.

``DigestWriter`` replaces Pelican's Writer (through the ``get_writer``
signal) and changes only the Atom output:

- ids are ``tag:`` URIs (RFC 4151) built from ``FEED_ID_AUTHORITY`` and
  ``FEED_ID_DATE`` plus the post slug or the feed path, so they survive a
  move to another host and a rebuild;
- every entry has authors (the post's, else its outlet, else the site);
- categories carry a scheme (company or tag) and a readable label;
- an entry links to the original article with ``rel="via"``;
- titles stay plain text (Pelican's ``striptags`` would eat "<b>" in a headline);
- characters XML cannot hold are left out of every value (a control character
  in a post's summary, body or author would stop the feed writer, and with it
  the whole build);
- a post's entry is made and turned into XML once per build, however many
  feeds hold it (all posts, its companies, tags and outlet: 16,800 entries of
  8,400 posts in a 10,000-post digest).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
from io import StringIO
from typing import Any

from feedgenerator import Atom1Feed
from feedgenerator.django.utils.xmlutils import SimplerXMLGenerator
from pelican.utils import set_date_tzinfo

from digest_core.incremental import IncrementalWriter
from digest_core.text import xml_text
from digest_taxonomies.config import setting
from digest_taxonomies.taxonomy import values_of

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)  # "updated" of an empty feed: fixed, not now()


def tag_uri(settings: dict[str, Any], specific: str) -> str:
    """A tag: URI owned by the site's feed authority, e.g. tag:example.org,2025:post/slug."""
    authority = setting(settings, "FEED_ID_AUTHORITY")
    return f"tag:{authority},{setting(settings, 'FEED_ID_DATE')}:{specific}"


def entry_id(settings: dict[str, Any], slug: str) -> str:
    """The id of a post's entry, the same in every feed and on every host."""
    return tag_uri(settings, f"post/{slug}")


def feed_id(settings: dict[str, Any], path: str) -> str:
    """The id of a feed, from its path: "feeds/tag/ai.atom.xml" -> ...:feeds/tag/ai."""
    return tag_uri(settings, path.removesuffix(".xml").removesuffix(".atom"))


def entry_authors(item: Any, sitename: str) -> list[str]:
    """Author names for an entry; never empty (RFC 4287 requires an author)."""
    names = [str(a) for a in getattr(item, "authors", None) or () if str(a).strip()]
    if names:
        return names
    source = str(getattr(item, "source", "") or "")
    return [source or sitename]


def _xml_safe(value: Any) -> Any:
    """Strings, and the strings in lists and tuples, without characters XML cannot hold."""
    if isinstance(value, str):
        return xml_text(value)
    if isinstance(value, (list, tuple)):
        return type(value)(map(_xml_safe, value))
    return value


class DigestAtomFeed(Atom1Feed):
    """Atom1Feed with several authors, labelled categories and a via link per entry."""

    def add_item(self, **fields: Any) -> None:  # type: ignore[override]
        super().add_item(**{name: _xml_safe(value) for name, value in fields.items()})

    def add_item_elements(self, handler: Any, item: dict[str, Any]) -> None:
        super().add_item_elements(handler, item)
        for name in item["authors"]:
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            handler.endElement("author")
        if item["via"]:
            attrs = {"rel": "via", "href": item["via"], "type": "text/html"}
            if item["via_title"]:
                attrs["title"] = item["via_title"]
            handler.addQuickElement("link", "", attrs)
        for scheme, term, label in item["labelled_categories"]:
            handler.addQuickElement("category", "", {"term": term, "scheme": scheme, "label": label})

    def write_items(self, handler: Any) -> None:
        for item in self.items:
            # The entry's XML as Atom1Feed writes it, made once: the writer hands the same item
            # to every feed that holds its post (the all-posts feed, its companies, tags and
            # outlet). ignorableWhitespace is XMLGenerator's way to write text as it is.
            if "xml" not in item:
                item["xml"] = self.entry_xml(item)
            handler.ignorableWhitespace(item["xml"])

    def entry_xml(self, item: dict[str, Any]) -> str:
        """One ``<entry>`` element, as Atom1Feed.write_items would write it."""
        out = StringIO()
        handler = SimplerXMLGenerator(out, "utf-8", short_empty_elements=True)
        handler.startElement("entry", self.item_attributes(item))
        self.add_item_elements(handler, item)
        handler.endElement("entry")
        return out.getvalue()

    def latest_post_date(self) -> datetime:
        dates = [d for item in self.items for d in (item["updateddate"], item["pubdate"]) if d]
        return max(dates, default=EPOCH)


def categories(item: Any, settings: dict[str, Any]) -> list[tuple[str, str, str]]:
    """(scheme, term, label) for the item's companies, then its tags."""
    out = []
    for kind, attr in (("company", "companies"), ("tag", "tags")):
        scheme = tag_uri(settings, kind)
        out += [(scheme, v.slug, v.name) for v in values_of(item, attr)]
    return out


class DigestWriter(IncrementalWriter):
    """Pelican's Writer with stable, host-independent Atom feeds, skipping unchanged pages."""

    _feed_path = ""

    def __init__(self, output_path: str, settings: dict[str, Any] | None = None) -> None:
        super().__init__(output_path, settings)
        # (id(post), SITEURL) -> (post, its entry): a post's entry is made, and its XML
        # written out, once per build, however many feeds hold it.
        self._entries: dict[tuple[int, str], tuple[Any, dict[str, Any]]] = {}

    def write_feed(
        self, elements: Sequence[Any], context: dict[str, Any], path: str | None = None,
        url: str | None = None, feed_type: str = "atom", override_output: bool = False,
        feed_title: str | None = None,
    ) -> Any:
        self._feed_path = str(path or url or "")  # the feed's id is derived from it
        return super().write_feed(elements, context, path, url, feed_type, override_output, feed_title)

    def _create_new_feed(self, feed_type: str, feed_title: str | None, context: dict[str, Any]) -> Any:
        if feed_type != "atom":
            return super()._create_new_feed(feed_type, feed_title, context)
        title = xml_text(context["SITENAME"] + (f" – {feed_title}" if feed_title else ""))  # a tag's name
        return DigestAtomFeed(
            title=title,
            link=self.site_url + "/",
            feed_url=self.feed_url,
            description=xml_text(context.get("SITESUBTITLE", "")),
            subtitle=_xml_safe(context.get("SITESUBTITLE", None)),
            language=context.get("DEFAULT_LANG"),
            feed_guid=feed_id(self.settings, self._feed_path),
        )

    def _add_item_to_the_feed(self, feed: Any, item: Any) -> None:
        if not isinstance(feed, DigestAtomFeed):
            return super()._add_item_to_the_feed(feed, item)
        made = self._entries.get((id(item), self.site_url))
        if made is not None and made[0] is item:
            feed.items.append(made[1])
            return None
        tz = self.settings.get("TIMEZONE")
        content = item.get_content(self.site_url)
        summary = item.summary if item.summary != content else None
        modified = getattr(item, "modified", None)
        source = getattr(item, "source", None)
        feed.add_item(
            title=str(item.title),
            link=self.urljoiner(self.site_url, item.url),
            unique_id=entry_id(self.settings, item.slug),
            description=summary,
            content=content,
            pubdate=set_date_tzinfo(item.date, tz),
            updateddate=set_date_tzinfo(modified, tz) if modified else None,
            authors=entry_authors(item, self.settings.get("SITENAME", "")),
            via=getattr(item, "source_url", "") or "",
            via_title=str(source) if source else "",
            labelled_categories=categories(item, self.settings),
        )
        self._entries[(id(item), self.site_url)] = (item, feed.items[-1])
        return None
