"""Metadata resolution: the first usable value along each field's chain of sources."""

from datetime import datetime, timezone

import pytest

from digest_core.records import Block, Candidate, Decoded, Extracted, RawPage
from digest_ingest.metadata import clean_author, resolve_metadata


def extracted(candidates=(), sidecar=None, folder="", blocks=(Block.paragraph("Some words of the article."),),
              text=None):
    raw = RawPage("r.html" if text is None else "r.txt", "html" if text is None else "text", b"", sidecar or {},
                  folder)
    return Extracted(Decoded(raw, text or "", "utf-8"), tuple(blocks), tuple(Candidate(*c) for c in candidates))


def test_sidecar_wins_over_the_page():
    meta = resolve_metadata(extracted(
        [("title", "Page title", "og:title"), ("site_name", "Page Site", "og:site_name"), ("url", "https://p.example/a", "canonical")],
        {"title": "Scraper title", "source": "Scraper Source", "url": "https://s.example/a"},
    ))
    assert (meta.title, meta.source, meta.source_url) == ("Scraper title", "Scraper Source", "https://s.example/a")
    assert meta.origins["title"] == "sidecar"


@pytest.mark.parametrize(
    ("candidates", "sidecar", "folder", "expected", "origin"),
    [
        ([("site_name", "Kilobyte Daily", "og:site_name")], {}, "kb", "Kilobyte Daily", "og:site_name"),
        ([("url", "https://www.kilobyte.example/x", "canonical")], {}, "kb", "kilobyte.example", "url"),
        ([], {}, "kilobyte-daily", "kilobyte-daily", "folder"),
        ([], {}, "", "", "none"),
        ([], {"source": 42, "url": "javascript:alert(1)"}, "", "", "none"),
    ],
)
def test_source_chain(candidates, sidecar, folder, expected, origin):
    meta = resolve_metadata(extracted(candidates, sidecar, folder))
    assert (meta.source, meta.origins["source"]) == (expected, origin)


DUMP = """Skip to main content
The Ticker Tape
Markets | Tech | Deals
News
Nvidia shares tumble after it halts road tests
Shares fell 9% on Tuesday.
More from The Ticker Tape
© 2018 Ticker Tape Publishing LLC. All rights reserved.
"""


@pytest.mark.parametrize(
    ("text", "sidecar", "folder", "expected", "origin"),
    [
        # the masthead line that spells the folder's or the domain's letters
        (DUMP, {}, "ticker-tape", "The Ticker Tape", "text"),
        (DUMP, {"url": "https://tickertape.example/a"}, "", "The Ticker Tape", "text"),
        (DUMP.replace("The Ticker Tape\n", ""), {}, "ticker-tape", "Ticker Tape", "text"),  # the copyright line
        ("Asia Tech Monitor\nBody.\nCopyright (c) 2017-2018 Asia Tech Monitor Pte Ltd.", {}, "asia-tech-monitor",
         "Asia Tech Monitor", "text"),
        ("Body.\nCopyright (c) 2017-2018 Asia Tech Monitor Pte Ltd.", {}, "asia-tech-monitor",
         "Asia Tech Monitor", "text"),
        # no line spells it: the domain, then the folder, as before
        (DUMP, {"url": "https://www.markets.example/a"}, "ticker-tape", "The Ticker Tape", "text"),  # either spells it
        (DUMP, {"url": "https://www.markets.example/a"}, "markets", "markets.example", "url"),
        ("Some Other Name\nBody.", {}, "ticker-tape", "ticker-tape", "folder"),
        # a menu line is not taken for the outlet unless it spells the folder as a whole
        (DUMP, {}, "news-desk", "news-desk", "folder"),
        (DUMP, {}, "", "", "none"),
        # the sidecar still comes first
        (DUMP, {"source": "Ticker Tape Markets"}, "ticker-tape", "Ticker Tape Markets", "sidecar"),
    ],
)
def test_text_dump_outlet_as_its_masthead_shows_it(text, sidecar, folder, expected, origin):
    meta = resolve_metadata(extracted(sidecar=sidecar, folder=folder, text=text))
    assert (meta.source, meta.origins["source"]) == (expected, origin)


def test_date_relative_to_fetch_time():
    meta = resolve_metadata(extracted([("date", "2 hours ago", "text:dateline")], {"fetched_at": "2018-03-20T12:00:00+00:00"}))
    assert meta.date == datetime(2018, 3, 20, 10, 0, tzinfo=timezone.utc)


def test_date_after_the_fetch_is_not_believed():
    meta = resolve_metadata(extracted([("date", "2030-01-01", "json-ld"), ("date", "2018-03-19", "text:dateline")],
                                      {"fetched_at": "2018-03-20T12:00:00+00:00"}))
    assert meta.date.date().isoformat() == "2018-03-19"


def test_no_date_is_none_never_now():
    assert resolve_metadata(extracted()).date is None


def test_title_falls_back_to_the_body():
    meta = resolve_metadata(extracted(blocks=[Block.paragraph(" ".join(f"w{i}" for i in range(20)))]))
    assert meta.title.startswith("w0 w1") and meta.title.endswith("…") and meta.origins["title"] == "body"


@pytest.mark.parametrize(
    ("value", "expected"),
    [("By Jane Doe", "Jane Doe"), ("jane@news.example", ""), ("https://x.example", ""), ("Staff 2018", ""),
     ("A very long sentence that is certainly not a person's name at all", "")],
)
def test_clean_author(value, expected):
    assert clean_author(value) == expected


def test_authors_split_and_deduplicated():
    meta = resolve_metadata(extracted([("author", "Jane Doe and John Roe", "meta"), ("author", "jane doe", "meta")]))
    assert meta.authors == ("Jane Doe", "John Roe")
