"""Dates in every written form pages use, and the dates of the real seeds."""

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from digest_ingest.dates import find_dates, parse_date

UTC = timezone.utc
IST = timezone(timedelta(hours=5, minutes=30))
CET = timezone(timedelta(hours=1))
SEEDS = Path(__file__).parent.parent / "fixtures" / "raw_small"
REFERENCE = datetime(2018, 2, 26, 12, 0, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2018-02-26", datetime(2018, 2, 26)),
        ("2018-02-26T10:20:00+05:30", datetime(2018, 2, 26, 10, 20, tzinfo=IST)),
        ("2018-02-26T10:20:00.250Z", datetime(2018, 2, 26, 10, 20, tzinfo=UTC)),
        ("2018-02-26 10:20", datetime(2018, 2, 26, 10, 20)),
        (" date 2018-02-26 English English", datetime(2018, 2, 26)),
        ("Published On: Fri, Feb 23rd, 2018", datetime(2018, 2, 23)),
        ("Feb. 23, 2018 10:20 am ET", datetime(2018, 2, 23, 10, 20, tzinfo=timezone(timedelta(hours=-5)))),
        ("Jul 4, 2018 9:15 pm PT", datetime(2018, 7, 4, 21, 15, tzinfo=timezone(timedelta(hours=-7)))),
        ("March 3, 2021 at 6:14 pm EDT", datetime(2021, 3, 3, 18, 14, tzinfo=timezone(timedelta(hours=-4)))),
        ("Feb 23, 2018 10:20 IST", datetime(2018, 2, 23, 10, 20, tzinfo=IST)),
        ("Wed 19 Apr 2023 18:05 BST", datetime(2023, 4, 19, 18, 5, tzinfo=CET)),  # both one hour ahead
        ("12:00 pm UTC on 2018-02-26", datetime(2018, 2, 26)),  # a time before the date is not read
        ("23 February 2018", datetime(2018, 2, 23)),
        ("23rd of February, 2018", datetime(2018, 2, 23)),
        ("Friday, February 23, 2018", datetime(2018, 2, 23)),
        ("23/02/2018", datetime(2018, 2, 23)),
        ("02/23/2018", datetime(2018, 2, 23)),  # month first, since 23 cannot be a month
        ("03/04/2018", datetime(2018, 4, 3)),  # ambiguous: day first by default
        ("23.02.2018, 10:20 Uhr", datetime(2018, 2, 23, 10, 20)),
        ("2018/02/23", datetime(2018, 2, 23)),
        ("Fri, 23 Feb 2018 10:20:00 GMT", datetime(2018, 2, 23, 10, 20, tzinfo=UTC)),
        ("Fri, 23 Feb 2018 10:20:00 +0100", datetime(2018, 2, 23, 10, 20, tzinfo=CET)),
        ("Posted 10:20 GMT+5:30", None),
        ("23. Februar 2018", datetime(2018, 2, 23)),
        ("Publié le 12 septembre 2023 à 14h05", datetime(2023, 9, 12, 14, 5)),
        ("23 de febrero de 2018 - 10:20", datetime(2018, 2, 23, 10, 20)),
        ("2018年2月23日", datetime(2018, 2, 23)),
        ("9:41 a.m. CT Nov. 8, 2019", datetime(2019, 11, 8)),
        ("11:42 AM", None),
        ("Windows 10 ships in 2018", None),
        ("", None),
    ],
)
def test_parse_date_absolute(text, expected):
    assert parse_date(text) == expected


@pytest.mark.parametrize(
    "text",
    ["31/02/2018", "2018-13-01", "30 February 2018", "1989-12-31", "2101-01-01", "on 2018-02-30", "0/0/2018"],
)
def test_parse_date_rejects_impossible_dates(text):
    assert parse_date(text) is None


def test_parse_date_rejects_impossible_times_but_keeps_the_day():
    assert parse_date("2018-02-26 25:61") == datetime(2018, 2, 26)
    assert parse_date("Feb 26, 2018 13:10 pm") == datetime(2018, 2, 26)


def test_dayfirst_keyword_reads_ambiguous_dates_month_first():
    assert parse_date("03/04/2018", dayfirst=False) == datetime(2018, 3, 4)
    assert parse_date("23/02/2018", dayfirst=False) == datetime(2018, 2, 23)  # still impossible month-first


def test_generic_us_zones_follow_daylight_saving():
    winter = parse_date("Jan 10, 2020 10:00 am ET")
    summer = parse_date("Jul 10, 2020 10:00 am ET")
    assert winter.utcoffset() == timedelta(hours=-5)
    assert summer.utcoffset() == timedelta(hours=-4)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2 hours ago", REFERENCE - timedelta(hours=2)),
        ("Updated 5 mins ago", REFERENCE - timedelta(minutes=5)),
        ("an hour ago", REFERENCE - timedelta(hours=1)),
        ("3 days ago", REFERENCE - timedelta(days=3)),
        ("1 week ago", REFERENCE - timedelta(weeks=1)),
        ("a month ago", datetime(2018, 1, 26, 12, 0, tzinfo=UTC)),
        ("2 years ago", datetime(2016, 2, 26, 12, 0, tzinfo=UTC)),
        ("yesterday", datetime(2018, 2, 25, tzinfo=UTC)),
        ("Yesterday at 10:20 pm", datetime(2018, 2, 25, 22, 20, tzinfo=UTC)),
        ("today", datetime(2018, 2, 26, tzinfo=UTC)),
        ("just now", REFERENCE),
    ],
)
def test_parse_date_relative(text, expected):
    assert parse_date(text, reference=REFERENCE) == expected
    assert parse_date(text) is None  # never "now" by default


def test_months_back_clamps_the_day():
    assert parse_date("1 month ago", reference=datetime(2018, 3, 31)) == datetime(2018, 2, 28)


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        (" date 2018-02-26 English English हिन्दी Hindi", ["2018-02-26"]),
        ("Published On: Fri, Feb 23rd, 2018", ["Fri, Feb 23rd, 2018"]),
        ("Updated: February 27, 2018, 11:42 AM IST", ["February 27, 2018, 11:42 AM IST"]),
        ("From 01/02/2018 to 31/12/2018", ["01/02/2018", "31/12/2018"]),
        ("Last updated 3 mins ago", ["3 mins ago"]),
        ("31/02/2018", []),
        ("No date here at all", []),
    ],
)
def test_find_dates(line, expected):
    assert find_dates(line) == expected


@pytest.mark.parametrize(("prefix", "expected"), [("000_", datetime(2018, 2, 26)),
                                                ("001_", datetime(2018, 2, 23))])
def test_seed_dates(prefix, expected):
    text = next(SEEDS.glob(f"{prefix}*.txt")).read_text(encoding="utf-8")
    first_dated = next(line for line in text.splitlines() if find_dates(line))
    assert parse_date(first_dated) == expected
