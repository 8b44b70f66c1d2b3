"""Atom feeds: ids, authors and links (digest_taxonomies.feeds), checked on built sites.

RFC 4287's required elements are checked in Python; feedparser reads every
feed as a feed reader would.
"""

import re
from datetime import UTC, datetime
from io import StringIO
from pathlib import Path
from types import SimpleNamespace

import feedparser
import pytest
from digest_taxonomies.feeds import DigestAtomFeed, DigestWriter, entry_authors, entry_id, feed_id, tag_uri
from feedgenerator import Atom1Feed
from lxml import etree

A = "{http://www.w3.org/2005/Atom}"
RFC3339 = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$")
SETTINGS = {"FEED_ID_AUTHORITY": "news.example.org", "FEED_ID_DATE": "2024-05"}
HOSTILE_TITLE = "<script>alert(\"pwned\")</script> Nvidia & \"AMD\" trade 'blows' over </title> benchmarks"


def test_ids_are_tag_uris_from_the_settings():
    assert tag_uri(SETTINGS, "x") == "tag:news.example.org,2024-05:x"
    assert entry_id(SETTINGS, "some-post") == "tag:news.example.org,2024-05:post/some-post"
    assert feed_id(SETTINGS, "feeds/company/acme.atom.xml") == "tag:news.example.org,2024-05:feeds/company/acme"
    assert entry_id({}, "p") == "tag:techdigest.invalid,2025:post/p"  # plugin defaults


@pytest.mark.parametrize(
    ("item", "expected"),
    [
        (SimpleNamespace(authors=["Ann", "Bo"], source="Verge"), ["Ann", "Bo"]),
        (SimpleNamespace(authors=[" "], source="Verge"), ["Verge"]),
        (SimpleNamespace(source="Verge"), ["Verge"]),
        (SimpleNamespace(), ["Site"]),
    ],
)
def test_entries_always_have_an_author(item, expected):
    assert entry_authors(item, "Site") == expected


ENTRY = {"title": "Nvidia <b>&</b> AMD", "link": "https://x.org/p/", "description": "<p>s</p>",
         "content": "<p>c & d</p>", "unique_id": "tag:x.org,2025:post/p", "pubdate": datetime(2025, 3, 1, tzinfo=UTC)}


def _written(feed) -> str:
    out = StringIO()
    feed.write(out, "utf-8")
    return out.getvalue()


def test_entries_are_written_as_atom1feed_writes_them():
    plain = Atom1Feed(title="t", link="https://x.org/", description="d", feed_guid="tag:x.org,2025:f")
    ours = DigestAtomFeed(title="t", link="https://x.org/", description="d", feed_guid="tag:x.org,2025:f")
    plain.add_item(**ENTRY)
    ours.add_item(**ENTRY, authors=[], via="", via_title="", labelled_categories=[])
    assert _written(ours) == _written(plain)


def test_a_post_in_several_feeds_has_its_entry_made_once(tmp_path):
    post = SimpleNamespace(title="A", url="2025/03/01/a/", slug="a", summary="<p>s</p>", date=ENTRY["pubdate"],
                           get_content=lambda siteurl: "<p>body</p>")
    writer = DigestWriter(str(tmp_path), settings={"TIMEZONE": "UTC", "SITENAME": "S", "CACHE_PATH": str(tmp_path)})
    writer.site_url = "https://x.org"
    first, second = (DigestAtomFeed(title="t", link="https://x.org/", description="d") for _ in range(2))
    for feed in (first, second):
        writer._add_item_to_the_feed(feed, post)
    assert first.items[0] is second.items[0]
    assert _written(first).count("<entry>") == 1 and "xml" in first.items[0]
    assert _written(second).split("<entry>")[1] == _written(first).split("<entry>")[1]


def feeds(output: Path) -> list[Path]:
    return sorted(output.glob("feeds/**/*.atom.xml"))


def parse(path: Path):
    return etree.parse(str(path), etree.XMLParser(resolve_entities=False, no_network=True)).getroot()


def test_there_is_a_feed_per_company_tag_and_outlet(site):
    names = {p.relative_to(site / "feeds").as_posix() for p in feeds(site)}
    assert {"all.atom.xml", "company/microsoft.atom.xml", "company/evil-corp.atom.xml",
            "tag/ai.atom.xml", "source/the-verge.atom.xml", "source/ars-technica.atom.xml"} <= names


def test_feedparser_reads_every_feed_cleanly(site):
    for path in feeds(site):
        parsed = feedparser.parse(path.read_bytes())
        assert not parsed.bozo, (path, parsed.get("bozo_exception"))
        assert parsed.version == "atom10"
        assert parsed.entries


def test_required_atom_elements_and_dates(site):
    for path in feeds(site):
        root = parse(path)
        assert root.tag == f"{A}feed"
        for name in ("id", "title", "updated"):
            assert len(root.findall(f"{A}{name}")) == 1, (path, name)
        for el in root.iter(f"{A}updated", f"{A}published"):
            assert RFC3339.match(el.text), (path, el.text)
        for entry in root.iter(f"{A}entry"):
            for name in ("id", "title", "updated"):
                assert len(entry.findall(f"{A}{name}")) == 1, (path, name)
            assert entry.findtext(f"{A}id").startswith("tag:techdigest.invalid,2025:post/")
            assert [n.text for n in entry.iter(f"{A}name")] and all(
                n.text.strip() for n in entry.iter(f"{A}name")
            ), path
            rels = [link.get("rel") for link in entry.findall(f"{A}link")]
            assert rels.count("alternate") == 1
            assert entry.find(f"{A}content").get("type") == "html"


def test_entry_ids_and_feed_ids_do_not_depend_on_the_host(site, hosted_site):
    for path in feeds(site):
        elsewhere = hosted_site / path.relative_to(site)
        ids = [e.text for e in parse(path).iter(f"{A}id")]
        assert ids == [e.text for e in parse(elsewhere).iter(f"{A}id")]
        assert len(set(ids)) == len(ids)


def entries_by_title(path: Path) -> dict[str, dict]:
    return {e.title: e for e in feedparser.parse(path.read_bytes()).entries}


def test_entry_links_categories_and_authors(hosted_site):
    entries = entries_by_title(hosted_site / "feeds" / "all.atom.xml")
    entry = entries["Microsoft and Xiaomi will build AI speakers and phones together"]
    links = {link["rel"]: link["href"] for link in entry.links}
    assert links["alternate"] == (
        "https://news.example.org/digest/2025/03/04/"
        "microsoft-and-xiaomi-will-build-ai-speakers-and-phones-together/"
    )
    assert links["via"] == "https://www.theverge.com/2025/3/4/microsoft-xiaomi-ai-speakers"
    assert [a["name"] for a in entry.authors] == ["Dana Whitfield", "Omar Reyes"]
    terms = [(t["term"], t["label"], t["scheme"].rsplit(":", 1)[-1]) for t in entry.tags]
    assert terms == [("microsoft", "Microsoft", "company"), ("xiaomi", "Xiaomi", "company"),
                     ("ai", "AI", "tag"), ("hardware", "Hardware", "tag")]
    assert "memorandum of understanding" in entry.content[0].value
    no_byline = entries["Xiaomi phones will come with Microsoft's AI assistant"]
    assert [a["name"] for a in no_byline.authors] == ["Engadget"]
    nothing = entries["A post with nothing but a title and a date"]
    assert [a["name"] for a in nothing.authors] == ["Tech Digest"]


def test_titles_stay_plain_text_and_no_markup_gets_through(site):
    raw = (site / "feeds" / "all.atom.xml").read_text()
    assert "<script" not in raw and "<img" not in raw
    root = parse(site / "feeds" / "all.atom.xml")
    titles = [e.findtext(f"{A}title") for e in root.iter(f"{A}entry")]
    assert HOSTILE_TITLE in titles
    for content in root.iter(f"{A}content", f"{A}summary"):
        assert "<script" not in content.text and "onerror" not in content.text


def test_unsafe_source_links_and_drafts_stay_out(site):
    raw = "".join(p.read_text() for p in feeds(site))
    assert "javascript:" not in raw
    assert "microsoft-teases-something" not in raw


def test_company_feed_lists_every_post_naming_the_company_newest_first(site):
    root = parse(site / "feeds" / "company" / "microsoft.atom.xml")
    assert root.findtext(f"{A}title") == "Tech Digest – Microsoft"
    published = [e.findtext(f"{A}published") for e in root.iter(f"{A}entry")]
    assert len(published) == 6 and published == sorted(published, reverse=True)
