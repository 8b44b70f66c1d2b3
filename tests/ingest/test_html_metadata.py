"""Metadata candidates from meta tags, JSON-LD and markup, and the value checks behind them."""

import json

import pytest

from digest_ingest.extract_html import parse_html
from digest_ingest.html_metadata import (
    byline_names,
    html_candidates,
    is_real_sentence,
    iso_date,
    normalise_lang,
    strip_site_suffix,
)


def candidates(head: str, body: str = "", url: str = "https://site.example/a/b") -> list[tuple]:
    tree = parse_html(f"<html><head>{head}</head><body>{body}<p>Some words.</p></body></html>")
    return [(c.field, c.value, c.origin) for c in html_candidates(tree, url)]


def json_ld(data: object) -> str:
    return f'<script type="application/ld+json">{json.dumps(data)}</script>'


@pytest.mark.parametrize(("title", "sites", "expected"), [
    ("Acme ships a faster compiler | The Byte Herald", [], "Acme ships a faster compiler"),
    ("Acme ships a faster compiler - Herald", [], "Acme ships a faster compiler"),
    ("Acme ships a faster compiler | Tech | The Byte Herald", [], "Acme ships a faster compiler"),
    ("The Byte Herald :: Acme ships a faster compiler", ["The Byte Herald"], "Acme ships a faster compiler"),
    ("Herald » Acme ships a faster compiler for everyone", [], "Acme ships a faster compiler for everyone"),
    ("Acme ships a faster compiler – Le Très Long Nom Du Site", ["Le Très Long Nom du Site"],
     "Acme ships a faster compiler"),
    ("Review: the new Acme compiler", [], "Review: the new Acme compiler"),
    ("Apple-backed start-up raises money", [], "Apple-backed start-up raises money"),
    ("Sign in | Portal", [], "Sign in | Portal"),
])
def test_strip_site_suffix(title, sites, expected):
    assert strip_site_suffix(title, sites) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("2024-05-14T07:45:00+02:00", "2024-05-14T07:45:00+02:00"),
    ("2024-05-14T07:45:00Z", "2024-05-14T07:45:00+00:00"),
    ("2024-05-14 07:45:00", "2024-05-14T07:45:00"),
    ("2024-05-14", "2024-05-14"),
    ("2024-05-14T25:99", "2024-05-14"),  # a broken time keeps its day
    ("Tue, 14 May 2024 07:45:00 GMT", "2024-05-14T07:45:00+00:00"),
    ("not a date", ""), ("", ""), ("1970-01-01", ""), ("2024-02-30", ""),
])
def test_iso_date(value, expected):
    assert iso_date(value) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("en_GB", "en-GB"), ("EN-us", "en-US"), ("de", "de"), ("de, en", "de"), ("zh-Hant-TW", "zh-Hant-TW"),
    ("english", ""), ("<script>", ""), ("", ""),
])
def test_normalise_lang(value, expected):
    assert normalise_lang(value) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("By Jane Roe and Sam Poe | May 5, 2024", ["Jane Roe", "Sam Poe"]),
    ("Priya Natarajan, Owen Castillo", ["Priya Natarajan", "Owen Castillo"]),
    ("Written by Ludwig van Beethoven", ["Ludwig van Beethoven"]),
    ("Rosa is a staff engineer who writes about builds", []),
    ("Staff", []), ("By the newsroom", []),
])
def test_byline_names(text, expected):
    assert byline_names(text) == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The Oslo start-up will use the money to triple production of its robots.", True),
    ("Three of the five biggest brands promise fewer years of patches, a Signal Weekly survey found.", True),
    ("The Byte Herald: the latest technology news and reviews.", False),  # starts with the site name
    ("The latest tech news, reviews and analysis for people who build things.", False),
    ("News, Reviews And Deals For Gadget Lovers Everywhere In The World", False),  # title case, no sentence
    ("Acme ships a faster compiler", False),  # too short
    ("Read the story from Signal Weekly about the phones people keep.", False),  # short and names the site
])
def test_is_real_sentence(text, expected):
    sites = ["The Byte Herald", "Signal Weekly"]
    assert is_real_sentence(text, "Acme ships a faster compiler", sites) == expected


def test_meta_tags_give_candidates_in_reliability_order():
    head = ('<title>Chip plant | Wire</title><meta property="og:title" content="Chip plant">'
            '<meta name="twitter:title" content="Chip plant, short">'
            '<meta property="og:site_name" content="Wire">'
            '<meta name="keywords" content="chips; Wales, factories">'
            '<meta property="og:locale" content="en_GB">')
    found = candidates(head, "<h1>Chip plant opens</h1>")
    assert [c for c in found if c[0] == "title"] == [
        ("title", "Chip plant", "og:title"), ("title", "Chip plant, short", "twitter:title"),
        ("title", "Chip plant opens", "h1"), ("title", "Chip plant", "title")]
    assert [c[1] for c in found if c[0] == "tag"] == ["chips", "Wales", "factories"]
    assert ("lang", "en-GB", "og:locale") in found


def test_meta_titles_lose_only_a_known_site_suffix():
    head = ('<meta property="og:title" content="Chip plant opens | Wire Today">'
            '<meta name="twitter:title" content="Chip plant opens - Part 2">'
            '<meta property="og:site_name" content="Wire Today">')
    titles = [c[1] for c in candidates(head) if c[0] == "title"]
    assert titles == ["Chip plant opens", "Chip plant opens - Part 2"]


def test_fill_order_follows_reliability_not_page_order():
    head = ('<meta name="date" content="2020-01-01T00:00:00Z"><meta property="og:url" content="https://a.example/og">'
            + json_ld({"@type": "NewsArticle", "datePublished": "2024-03-01T10:00:00Z"})
            + '<meta property="article:published_time" content="2024-03-01T09:00:00Z">'
            '<link rel="canonical" href="https://a.example/canonical">')
    found = candidates(head)
    assert [c[2] for c in found if c[0] == "date"] == ["article:published_time", "json-ld", "date"]
    assert [c[2] for c in found if c[0] == "url"] == ["canonical", "og:url"]


@pytest.mark.parametrize("script", [
    '{"@type": "NewsArticle", "headline": "Broken", ',
    "[1, 2, null]", '"just a string"', '{"@graph": 42}',
    '{"@type": ["NewsArticle"], "author": [null, 7, {"name": 12}]}',
    '{"@type": "NewsArticle", "headline": {"nested": "object"}, "publisher": ["Not", "a", "dict"]}',
    "[" * 5000 + "]" * 5000,
])
def test_malformed_json_ld_is_ignored(script):
    found = candidates(f'<script type="application/ld+json">{script}</script><title>Kept title here</title>')
    assert [c[1] for c in found if c[0] == "title"] == ["Kept title here"]
    assert [c for c in found if c[2] == "json-ld"] == []


def test_json_ld_graph_with_references():
    data = {"@context": "https://schema.org", "@graph": [
        {"@type": "Organization", "@id": "#org", "name": "Harbor Media"},
        {"@type": ["BlogPosting"], "headline": "Headline here", "datePublished": "2023-09-28T16:20:00-04:00",
         "author": ["Jo Bloggs", {"@type": "Person", "name": "Sam Roe"}], "publisher": {"@id": "#org"},
         "keywords": "cloud, banking", "mainEntityOfPage": {"@id": "https://harbor.example/p"}}]}
    found = [c for c in candidates(json_ld(data)) if c[2] == "json-ld"]
    assert found == [
        ("title", "Headline here", "json-ld"), ("date", "2023-09-28T16:20:00-04:00", "json-ld"),
        ("author", "Jo Bloggs", "json-ld"), ("author", "Sam Roe", "json-ld"),
        ("site_name", "Harbor Media", "json-ld"), ("url", "https://harbor.example/p", "json-ld"),
        ("tag", "cloud", "json-ld"), ("tag", "banking", "json-ld")]


def test_json_ld_article_inside_a_web_page_and_a_comment_wrapper():
    data = {"@type": "WebPage", "name": "Page", "mainEntity": {"@type": "Article", "headline": "Inner"}}
    script = f'<script type="application/ld+json"><!-- {json.dumps(data)} --></script>'
    assert [c for c in candidates(script) if c[2] == "json-ld"] == [("title", "Inner", "json-ld")]


def test_values_unfit_for_their_field_are_dropped():
    head = ('<meta name="author" content="https://facebook.com/someone">'
            '<meta name="author" content="@handle">'
            '<meta property="article:published_time" content="yesterday-ish">'
            '<meta property="og:url" content="javascript:alert(1)">'
            '<link rel="canonical" href="/relative/path">'
            f'<meta name="keywords" content="{"x" * 80}, ok">')
    found = candidates(head)
    assert [c for c in found if c[0] in ("author", "date")] == []
    assert [c[1] for c in found if c[0] == "url"] == ["https://site.example/relative/path"]
    assert [c[1] for c in found if c[0] == "tag"] == ["ok"]


def test_byline_search_runs_only_without_a_meta_author():
    body = '<p class="byline">By Jane Roe</p>'
    assert [c for c in candidates("", body) if c[0] == "author"] == [("author", "Jane Roe", "byline")]
    with_meta = candidates('<meta name="author" content="Sam Poe">', body)
    assert [c for c in with_meta if c[0] == "author"] == [("author", "Sam Poe", "author")]


def test_time_inside_the_article_wins_over_the_sidebar():
    body = ('<aside><time datetime="2020-01-02">old</time></aside>'
            '<article><h1>Headline</h1>'
            '<time itemprop="datePublished" datetime="2024-03-01T10:00:00Z">x</time></article>')
    assert [c for c in candidates("", body) if c[0] == "date"] == [
        ("date", "2024-03-01T10:00:00+00:00", "itemprop:datePublished")]
