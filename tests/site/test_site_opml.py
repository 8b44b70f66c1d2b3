"""digest_taxonomies.opml: the subscription list of every feed."""

import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

from digest_taxonomies.opml import FeedRef, render_opml


def test_render_opml_escapes_and_groups():
    text = render_opml('A & "B" feeds', [
        ("", [FeedRef("All", "https://x.org/all.xml", "https://x.org/")]),
        ("Companies", [FeedRef("<b>Evil</b> & Co", "https://x.org/c.xml?a=1&b=2", "https://x.org/c/")]),
        ("Empty", []),
    ])
    root = ET.fromstring(text)
    assert root.get("version") == "2.0"
    assert root.findtext("head/title") == 'A & "B" feeds'
    body = root.find("body")
    assert [o.get("text") for o in body] == ["All", "Companies"]
    inner = body[1][0]
    assert (inner.get("text"), inner.get("xmlUrl"), inner.get("type")) == (
        "<b>Evil</b> & Co", "https://x.org/c.xml?a=1&b=2", "rss")


def test_built_opml_lists_every_feed_once(hosted_site):
    root = ET.parse(hosted_site / "feeds.opml").getroot()
    urls = [o.get("xmlUrl") for o in root.iter("outline") if o.get("xmlUrl")]
    assert len(urls) == len(set(urls))
    paths = {urlsplit(u).path.removeprefix("/digest/") for u in urls}
    on_disk = {p.relative_to(hosted_site).as_posix() for p in hosted_site.glob("feeds/**/*.atom.xml")}
    assert paths == on_disk
    assert all(u.startswith("https://news.example.org/digest/feeds/") for u in urls)
    groups = [o.get("text") for o in root.find("body") if o.get("xmlUrl") is None]
    assert groups == ["Companies", "Tags", "Outlets"]
