"""extract_html on the fixture pages: body blocks, dropped furniture, candidates, hostile input."""

import re
from pathlib import Path

import markdown
import pytest

from digest_core.post_format import render_body
from digest_core.records import Block, Decoded, Extracted, Inline, RawPage
from digest_ingest.decode import decode
from digest_ingest.extract_html import extract_html, parse_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
PAGE_URL = "https://news.example/tech/story"
CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def extract(name: str, sidecar: dict | None = None) -> Extracted:
    text = (FIXTURES / name).read_text(encoding="utf-8")
    raw = RawPage(name, "html", text.encode(), {"url": PAGE_URL} if sidecar is None else sidecar)
    return extract_html(Decoded(raw, text, "utf-8"))


def from_text(text: str, sidecar: dict | None = None) -> Extracted:
    return extract_html(Decoded(RawPage("page.html", "html", b"", sidecar or {}), text, "utf-8"))


def body_text(extracted: Extracted) -> str:
    return "\n".join(b.text for b in extracted.blocks)


def first(extracted: Extracted, field: str) -> tuple[str, str]:
    candidate = extracted.first(field)
    return (candidate.value, candidate.origin) if candidate else ("", "")


def values(extracted: Extracted, field: str) -> list[str]:
    return [c.value for c in extracted.candidates if c.field == field]


# fixture, text the body starts with, texts the body must keep, texts it must not contain
BODIES = [
    ("semantic_article.html", "OSLO — Northwind Robotics", ["break even on each arm"],
     ["Photo: Lars Havik", "Share this article", "Read more", "Sign up", "Facebook", "LinkedIn",
      "will use the money to triple", "© 2024"]),
    ("div_soup.html", "Pemberton Labs has shown", ["four of the five largest"],
     ["Follow us", "Gadget Dispatch", "Popular", "Ten phones"]),
    ("table_layout.html", "Auf zwei Strecken", ["wie lange."],
     ["Startseite", "Impressum", "Weitere Artikel", "12.02.2022", "NetzWoche"]),
    ("jsonld_graph.html", "Harbor Bank, a regional lender", ["harder than buying the hardware"],
     ["Related stories", "4 min read", "Home"]),
    ("wire_story.html", "NEWPORT, Wales, June 7 (Global Wire) - Veyra", ["already here,"],
     ["By Helen Marsh", "11:02 AM", "Updated", "REUTERS/", "Reporting by", "Our Standards",
      "will spend 1.2 billion pounds on a second fabrication plant"]),
    ("malformed_jsonld.html", "La jeune pousse lyonnaise", ["avant l'été."], ["Lire aussi"]),
    ("blog_post.html", "For three years our CI", ["write-ahead logging fixed it."],
     ["COMMENT_TEXT", "Related:", "Leave a Reply", "Posted in", "Proudly powered"]),
]


@pytest.mark.parametrize(("name", "start", "kept", "gone"), BODIES)
def test_body_keeps_the_article_and_drops_furniture(name, start, kept, gone):
    extracted = extract(name)
    text = body_text(extracted)
    assert extracted.blocks[0].text.startswith(start)
    for phrase in kept:
        assert phrase in text
    for phrase in gone:
        assert phrase not in text
    assert extracted.dropped_lines > 0


@pytest.mark.parametrize(("name", "paragraphs"), [
    ("semantic_article.html", 4), ("div_soup.html", 3), ("table_layout.html", 3), ("jsonld_graph.html", 4),
    ("wire_story.html", 4), ("malformed_jsonld.html", 3), ("blog_post.html", 4), ("table_quote.html", 4),
])
def test_every_real_paragraph_is_kept(name, paragraphs):
    assert sum(b.kind == "paragraph" for b in extract(name).blocks) == paragraphs


# fixture, field, first value, its origin
FIRST_CANDIDATES = [
    ("semantic_article.html", "title", "Northwind Robotics raises $40 million for warehouse arms",
     "og:title"),
    ("semantic_article.html", "date", "2024-05-14T07:45:00+02:00", "article:published_time"),
    ("semantic_article.html", "author", "Ingrid Solberg", "author"),
    ("semantic_article.html", "site_name", "The Circuit Ledger", "og:site_name"),
    ("semantic_article.html", "url", "https://circuitledger.example/2024/05/northwind-robotics-series-b",
     "canonical"),
    ("semantic_article.html", "lang", "en-US", "html lang"),
    ("semantic_article.html", "tag", "Robotics", "article:tag"),
    ("div_soup.html", "title", "Pemberton Labs unveils low-power chip for smart meters", "title"),
    ("div_soup.html", "author", "Tobias Wren", "rel=author"),
    ("div_soup.html", "site_name", "Gadget Dispatch", "application-name"),
    ("div_soup.html", "standfirst", "", ""),  # the meta description is the site's slogan
    ("table_layout.html", "title", "Bahn testet offenes WLAN in Regionalzügen", "title"),
    ("table_layout.html", "date", "2022-02-12T14:05:00", "text:dateline"),
    ("table_layout.html", "lang", "de", "content-language"),
    ("jsonld_graph.html", "title", "Cloud costs push Harbor Bank back to its own data centres", "json-ld"),
    ("jsonld_graph.html", "date", "2023-09-28T16:20:00-04:00", "json-ld"),
    ("jsonld_graph.html", "author", "Priya Natarajan", "json-ld"),
    ("jsonld_graph.html", "site_name", "Ledger & Line Media", "json-ld"),
    ("jsonld_graph.html", "url", "https://ledgerline.example/tech/harbor-bank-cloud-exit", "json-ld"),
    ("jsonld_graph.html", "tag", "cloud computing", "json-ld"),
    ("code_tutorial.html", "date", "2024-01-09", "article:published_time"),
    ("table_quote.html", "date", "2024-02-20T10:00:00+11:00", "datepublished"),
    ("table_quote.html", "author", "Mei Lin Zhou", "byline"),
    ("wire_story.html", "title", "Chipmaker Veyra to build second plant in Wales", "og:title"),
    ("malformed_jsonld.html", "title", "Une start-up lyonnaise lance un assistant de révision de code",
     "json-ld"),
    ("malformed_jsonld.html", "author", "Camille Faure", "json-ld"),
    ("malformed_jsonld.html", "site_name", "Le Marché du Code", "json-ld"),
    ("malformed_jsonld.html", "lang", "fr-FR", "og:locale"),
    ("blog_post.html", "date", "2022-10-03T09:12:44+00:00", "time"),
    ("blog_post.html", "author", "Rosa Delgado", "byline"),
    ("blog_post.html", "url", "https://news.example/blog/sqlite-build-cache/", "canonical"),
    ("blog_post.html", "title", "Why we moved our build cache to a single SQLite file", "h1"),
]


@pytest.mark.parametrize(("name", "field", "value", "origin"), FIRST_CANDIDATES)
def test_first_candidate_per_field(name, field, value, origin):
    assert first(extract(name), field) == (value, origin)


def test_all_candidates_of_a_field_in_reliability_order():
    extracted = extract("semantic_article.html")
    titles = [c.origin for c in extracted.candidates if c.field == "title"]
    assert titles == ["og:title", "h1", "title"]
    assert values(extracted, "standfirst") == [
        "The Oslo start-up will use the money to triple production of its picking robots and open an "
        "office in Chicago next spring."
    ]
    graph = extract("jsonld_graph.html")
    assert values(graph, "author")[:2] == ["Priya Natarajan", "Owen Castillo"]
    assert values(graph, "tag") == ["cloud computing", "banking", "data centres"]


def test_inline_runs_keep_links_and_emphasis():
    lead, second = extract("semantic_article.html").blocks[:2]
    link = next(i for i in lead.inlines if i.href)
    assert (link.text, link.href) == ("Fjord Ventures", "https://fjordventures.example/")
    assert [(i.text, i.style) for i in second.inlines if i.style] == [
        ("soft suction cups", "em"), ('"the single biggest jump we have made"', "strong")]
    assert "gripper uses *soft suction cups* instead" in render_body([second])


def test_relative_links_resolve_against_the_page_url():
    blocks = extract("blog_post.html", {"url": "https://fernhill.example/blog/post/"}).blocks
    assert values(extract("blog_post.html", {"url": "https://fernhill.example/x"}), "url") == [
        "https://fernhill.example/blog/sqlite-build-cache/"]
    assert all(i.href.startswith("https://") for b in blocks for i in b.inlines if i.href)


def test_code_blocks_keep_their_language():
    blocks = extract("code_tutorial.html").blocks
    code = [b for b in blocks if b.kind == "code"]
    assert [b.lang for b in code] == ["console", "python", "javascript", "json", "rust", "html"]
    assert code[1].code.startswith("import mmap\n\ndef count_lines(path):\n    with open")
    assert code[3].code == '{\n  "200": 91822,\n  "404": 311,\n  "500": 7\n}'
    inline_code = [i.text for b in blocks for i in b.inlines if i.style == "code"]
    assert inline_code == ["mmap", "find"]


def test_table_quote_and_list_blocks():
    blocks = extract("table_quote.html").blocks
    assert [b.kind for b in blocks] == [
        "paragraph", "table", "paragraph", "quote", "paragraph", "ordered_list", "paragraph"]
    assert blocks[1].rows == (
        ("Brand", "2023 promise", "2024 promise"), ("Corvid", "5 years", "4 years"),
        ("Lumo", "4 years", "4 years"), ("Tessel", "3 years", "2 years"))
    assert blocks[3].text.startswith("A phone that stops getting patches")
    assert blocks[5].items[0] == (Inline("cost of testing on many models"),)


def test_headings_keep_their_levels():
    assert [(b.text, b.level) for b in extract("blog_post.html").blocks if b.kind == "heading"] == [
        ("The options we looked at", 3), ("What went wrong", 3)]
    assert [(b.text, b.level) for b in extract("jsonld_graph.html").blocks if b.kind == "heading"] == [
        ("What moves and what stays", 2)]


def test_page_without_an_article_has_no_blocks():
    assert extract("no_article.html").blocks == ()


def test_hostile_page_ends_as_harmless_text():
    extracted = extract("hostile.html")
    text = body_text(extracted)
    for marker in ("SCRIPT_TEXT", "STYLE_TEXT", "INLINE_SCRIPT", "NOSCRIPT_TEXT", "TEMPLATE_TEXT", "SVG_TEXT",
                   "IFRAME_TEXT", "alert(2)", "steal()"):
        assert marker not in text
    runs = [(i.text, i.href) for b in extracted.blocks for i in b.inlines]
    # the javascript: and data: links became plain text, merged into the sentence around them
    sentence = "Details are on the advisory page and in a mirrored copy."
    assert any(href == "" and sentence in text for text, href in runs)
    assert [href for _, href in runs if href] == ["https://quarry.example/advisories/2024-11"]
    assert "{{ 7*7 }} or {% debug %}" in text  # template syntax is kept, as text
    rendered = markdown.markdown(render_body(extracted.blocks))
    assert "<img" not in rendered and "<h1" not in rendered and "<strong" not in rendered
    assert re.findall(r"<a [^>]*>", rendered) == ['<a href="https://quarry.example/advisories/2024-11">']


def test_hostile_metadata_is_clean_text_or_dropped():
    extracted = extract("hostile.html")
    for candidate in extracted.candidates:
        assert not CONTROL.search(candidate.value) and "\n" not in candidate.value
    assert values(extracted, "author") == ["Ravi Osei", "Ravi Osei"]  # not "javascript:alert(...)"
    assert first(extracted, "date") == ("2024-04-02T12:00:00+00:00", "json-ld")  # "not a date at all" dropped
    assert values(extracted, "standfirst") == []  # a Markdown link trick, not a sentence
    assert values(extracted, "title")[-1] == "Quarry Systems patches router flaw [31m{{ config.SECRET_KEY }}"


@pytest.mark.parametrize("text", [
    "", "   \n\t", "\x00\x00", "<html></html>", "<html><head><script>alert(1)</script></head></html>",
    "plain words without markup, long enough to be a sentence of an article about nothing",
    "<p>A fragment: one paragraph of words without html or body tags around it at all.</p>",
    "<?xml version='1.0' encoding='utf-8'?><html><body><p>XHTML with a declaration.</p></body></html>",
    "<html><body>" + "<div>" * 5000 + "<p>deep</p>" + "</div>" * 5000 + "</body></html>",
    "<html><body><p>" + "<b><i>" * 3000 + "deep inline" + "</i></b>" * 3000 + "</p></body></html>",
    "".join(chr(i) for i in range(1, 3000)),
    "<html><body><p>NUL\x00 inside \x1b[31m a paragraph long enough to be kept.</p></body></html>",
])
def test_weird_input_never_raises_and_stays_clean(text):
    extracted = from_text(text)
    assert isinstance(extracted.blocks, tuple)
    for block in extracted.blocks:
        for inline in block.inlines + tuple(i for item in block.items for i in item):
            assert inline.text and not CONTROL.search(inline.text) and "\n" not in inline.text


def test_empty_document_gives_no_blocks_and_no_candidates():
    assert from_text("") == Extracted(from_text("").decoded, ())
    assert parse_html(" \x00 ") is None


def test_extraction_is_deterministic():
    for path in sorted(FIXTURES.glob("*.html")):
        assert extract(path.name) == extract(path.name)


def test_date_fallback_never_returns_the_fetch_date():
    page = ("<html><head><meta name='date' content='no'></head><body><article><p>Posted 14 March 2024</p>"
            "<p>The company said on Thursday that its new phone would ship in May, and that preorders had "
            "already passed its forecast for the whole quarter, helped by a lower price.</p></article>"
            "</body></html>")
    assert first(from_text(page), "date") == ("2024-03-14T00:00:00", "text:dateline")
    assert first(from_text(page, {"fetched_at": "2024-03-14T09:00:00Z"}), "date") == ("", "")


def test_blocks_are_records_not_markup():
    for path in sorted(FIXTURES.glob("*.html")):
        for block in extract(path.name).blocks:
            assert isinstance(block, Block)
            assert block.kind == "code" or ("<p" not in block.text and "</" not in block.text)


def test_layout_table_sidebar_and_menu_stay_out():
    article = "".join(
        f"<p>Paragraph {n} of the article says the chipmaker will build a second plant near the river and hire "
        f"several hundred engineers over the next three years, according to its filing.</p>" for n in range(6)
    )
    page = (
        "<html><body><table><tr><td colspan=2><a href='/'>Home</a> | <a href='/news'>News</a> | "
        "<a href='/login'>Log in</a></td></tr><tr><td><table><tr><td><b>FREE NEWSLETTER</b><br>Get the digest "
        "every Friday.<form><input name=email></form></td></tr><tr><td><b>POLL</b><br>Which phone next?<br>"
        "<input type=radio> iPhone<br><input type=radio> Galaxy</td></tr></table></td>"
        f"<td><h1>Chipmaker plans second plant</h1>{article}</td></tr>"
        "<tr><td colspan=2>Copyright 2018 Example Daily. All rights reserved.</td></tr></table></body></html>"
    )
    text = body_text(from_text(page))
    assert "Paragraph 5 of the article" in text
    for junk in ("FREE NEWSLETTER", "POLL", "Galaxy", "Log in", "All rights reserved"):
        assert junk not in text


def test_code_keeps_its_blank_lines_from_the_raw_bytes_on():
    code = "def f():\n    return 1\n\n\ndef g():\n    return 2"
    prose = "<p>Some words of an article body that go on for a while, as articles do.</p>" * 8
    page = f"<html><body><article><h1>Code</h1>{prose}<pre><code>{code}\n</code></pre>{prose}</article></body></html>"
    blocks = extract_html(decode(RawPage("page.html", "html", page.encode()))).blocks
    assert [b.code for b in blocks if b.kind == "code"] == [code]
