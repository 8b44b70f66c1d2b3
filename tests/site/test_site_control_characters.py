"""Control characters anywhere in a post: the build goes on, and no page or feed holds one."""

import re

import feedparser
from site_build import build_posts, fixture_post

from digest_taxonomies.feeds import DigestAtomFeed

NOT_IN_XML = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
POST = ("Title: Bad \x01 title\x0b here\nDate: 2025-03-01 10:00\nSummary: A summary with \x02 a control\n"
        "Companies: Micro\x03soft; \x07Apple\nTags: A\x04I; Chips\x05\nAuthors: Jane \x06Doe\nSource: The \x08Verge\n\n"
        "Body with \x0c a form feed, \x00 a NUL and \x1f a unit separator.\n\n    code \x0e block\n")


def test_a_post_full_of_control_characters_is_built_clean(tmp_path):
    output = build_posts(tmp_path, {"bad.md": POST, "good.md": fixture_post("2025-02-20-apple-headset.md")})

    written = [p for p in output.rglob("*") if p.suffix in {".html", ".xml"}]
    assert [p for p in written if NOT_IN_XML.search(p.read_bytes())] == []
    page = (output / "2025/03/01/bad-title-here/index.html").read_text(encoding="utf-8")
    assert "Body with  a form feed,  a NUL and  a unit separator." in page
    feed = feedparser.parse((output / "feeds/all.atom.xml").read_bytes())
    assert not feed.bozo and {e.title for e in feed.entries} == {"Bad title here", "Apple cuts headset production as demand cools"}
    tags = {t.label for e in feed.entries for t in e.tags}
    assert {"AI", "Chips", "Microsoft", "Apple"} <= tags
    assert (output / "feeds/tag/ai.atom.xml").is_file()


def test_the_feed_leaves_out_what_xml_cannot_hold_in_every_field():
    feed = DigestAtomFeed(title="t", link="https://x.org/", description="d", feed_guid="tag:x.org,2025:f")
    feed.add_item(title="a\x01b", link="https://x.org/p/", description="<p>s\x02</p>", content="<p>c\x00\ud800</p>",
                  unique_id="tag:x.org,2025:p", authors=["Ann\x03"], via="", via_title="",
                  labelled_categories=[("tag:x.org,2025:tag", "ai", "A\x04I")])
    item = feed.items[0]
    assert (item["title"], item["description"], item["content"]) == ("ab", "<p>s</p>", "<p>c</p>")
    assert item["authors"] == ["Ann"] and item["labelled_categories"] == [("tag:x.org,2025:tag", "ai", "AI")]
