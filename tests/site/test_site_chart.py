"""digest_taxonomies.chart: buckets, the text alternative and the SVG."""

import xml.etree.ElementTree as ET
from datetime import date

import pytest
from digest_taxonomies.chart import buckets, coverage_chart, summary

SVG = "{http://www.w3.org/2000/svg}"


def test_daily_buckets_run_from_the_first_post_to_the_end():
    days = [date(2025, 1, 22), date(2025, 3, 4), date(2025, 3, 4)]
    bars = buckets(days, date(2025, 3, 4), max_days=60, max_months=24)
    assert bars[0].start == date(2025, 1, 22) and bars[-1].start == date(2025, 3, 4)
    assert len(bars) == 42
    assert (bars[-1].count, bars[0].count, sum(b.count for b in bars)) == (2, 1, 3)
    assert bars[-1].label == "4 Mar 2025"


def test_a_single_day_still_gets_a_week_of_context():
    bars = buckets([date(2025, 3, 4)], date(2025, 3, 4), max_days=60, max_months=24)
    assert [b.count for b in bars] == [0, 0, 0, 0, 0, 0, 1]


def test_empty_days_at_the_end_show_that_coverage_stopped():
    bars = buckets([date(2025, 3, 1)], date(2025, 3, 20), max_days=60, max_months=24)
    assert bars[-1].start == date(2025, 3, 20) and bars[-1].count == 0


@pytest.mark.parametrize(
    ("first", "end", "months"),
    [
        (date(2024, 11, 30), date(2025, 3, 4), ["Nov 2024", "Dec 2024", "Jan 2025", "Feb 2025", "Mar 2025"]),
        (date(2020, 1, 1), date(2025, 3, 4), ["Apr 2024", "May 2024", "Jun 2024"]),  # capped: only the start
    ],
)
def test_monthly_buckets_beyond_the_daily_span(first, end, months):
    bars = buckets([first, end], end, max_days=60, max_months=12)
    assert [b.label for b in bars][: len(months)] == months
    assert len(bars) <= 12
    assert bars[-1].count == 1


def test_monthly_buckets_cross_the_year_end():
    bars = buckets([date(2024, 12, 31), date(2025, 1, 1)], date(2025, 3, 1), max_days=30, max_months=24)
    assert [(b.label, b.count) for b in bars] == [("Dec 2024", 1), ("Jan 2025", 1), ("Feb 2025", 0), ("Mar 2025", 0)]


def test_summary_names_total_span_and_busiest_period():
    bars = buckets([date(2025, 3, 2), date(2025, 3, 4), date(2025, 3, 4)], date(2025, 3, 4), 60, 24)
    assert summary("Xiaomi", bars) == (
        "3 posts about Xiaomi from 26 Feb 2025 to 4 Mar 2025; busiest day: 4 Mar 2025 (2)."
    )


def test_svg_is_well_formed_accessible_and_escaped():
    chart = coverage_chart('<b>Evil</b> & "Co"', [date(2025, 3, 1), date(2025, 3, 3)], date(2025, 3, 4), 60, 24)
    root = ET.fromstring(chart.svg)
    assert root.get("role") == "img"
    labelled = root.get("aria-labelledby").split()
    ids = {el.get("id"): el for el in root.iter() if el.get("id")}
    assert [ids[i].tag for i in labelled] == [f"{SVG}title", f"{SVG}desc"]
    assert ids[labelled[0]].text == 'Coverage of <b>Evil</b> & "Co" over time'
    assert ids[labelled[1]].text == chart.summary
    assert len(root.findall(f"{SVG}rect")) == len(chart.buckets) == 7
    assert "<b>" not in chart.svg


def test_bar_heights_are_proportional():
    chart = coverage_chart("X", [date(2025, 3, 1)] * 4 + [date(2025, 3, 2)] * 2, date(2025, 3, 2), 60, 24)
    heights = [int(r.get("height")) for r in ET.fromstring(chart.svg).iter(f"{SVG}rect")]
    assert heights[-2] == 2 * heights[-1] > 0
    assert heights[0] == 0
