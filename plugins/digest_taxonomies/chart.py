"""A small coverage-over-time bar chart, rendered at build time as inline SVG.

No script: the SVG carries a <title> and <desc> (role="img"), and the page
shows the same counts as a table for anyone who cannot see the bars.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from html import escape

BAR = 8  # bar width in SVG units
STEP = 10  # bar width plus gap
PLOT_HEIGHT = 60
LABEL_HEIGHT = 14
MIN_WIDTH = 160
MIN_DAYS = 7  # a daily chart spans at least a week, so one busy day still has context


@dataclass(frozen=True, slots=True)
class Bucket:
    """One bar: a day or a month, and how many posts fall in it."""

    start: date
    label: str
    count: int


@dataclass(frozen=True, slots=True)
class Chart:
    """The SVG markup, its bars and a one-sentence summary (the text alternative)."""

    svg: str
    buckets: tuple[Bucket, ...]
    summary: str


def _month_start(day: date) -> date:
    return day.replace(day=1)


def _next_month(day: date) -> date:
    return date(day.year + day.month // 12, day.month % 12 + 1, 1)


def _months_before(day: date, count: int) -> date:
    index = day.year * 12 + day.month - 1 - count
    return date(index // 12, index % 12 + 1, 1)


def buckets(days: Sequence[date], end: date, max_days: int, max_months: int) -> list[Bucket]:
    """Daily bars when the posts span fewer than ``max_days`` days, else monthly bars.

    Bars run from the first post (or the cap) to ``end``, the site's latest
    day, so a company nobody wrote about lately shows empty bars at the end.
    """
    first = min(days)
    if (end - first).days < max_days:
        start = min(first, end - timedelta(days=MIN_DAYS - 1))
        counts = Counter(days)
        span = (end - start).days + 1
        return [
            Bucket(d, f"{d.day} {d:%b %Y}", counts[d])
            for d in (start + timedelta(days=i) for i in range(span))
        ]
    start = max(_month_start(first), _months_before(_month_start(end), max_months - 1))
    counts = Counter(_month_start(d) for d in days)
    bars = []
    month = start
    while month <= end:
        bars.append(Bucket(month, f"{month:%b %Y}", counts[month]))
        month = _next_month(month)
    return bars


def summary(name: str, bars: Sequence[Bucket]) -> str:
    """One sentence describing the chart, for <desc> and screen readers."""
    total = sum(b.count for b in bars)
    peak = max(bars, key=lambda b: (b.count, b.start))
    unit = "day" if len(bars) < 2 or bars[1].start - bars[0].start == timedelta(days=1) else "month"
    return (
        f"{total} post{'s' if total != 1 else ''} about {name} from {bars[0].label} "
        f"to {bars[-1].label}; busiest {unit}: {peak.label} ({peak.count})."
    )


def render_svg(title: str, desc: str, bars: Sequence[Bucket]) -> str:
    """The bars as an accessible inline SVG; every text is XML-escaped."""
    width = max(len(bars) * STEP, MIN_WIDTH)
    step = width / len(bars)  # few bars spread over the whole width, many get STEP each
    bar_width = round(step * BAR / STEP, 2)
    height = PLOT_HEIGHT + LABEL_HEIGHT
    top = max(b.count for b in bars) or 1
    rects = []
    for i, bar in enumerate(bars):
        h = round(bar.count / top * (PLOT_HEIGHT - 12)) if bar.count else 0
        rects.append(
            f'<rect x="{round(i * step, 2):g}" y="{PLOT_HEIGHT - h}" width="{bar_width:g}" height="{h}">'
            f"<title>{escape(bar.label)}: {bar.count}</title></rect>"
        )
    return (
        f'<svg class="chart" role="img" aria-labelledby="chart-t chart-d" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" xmlns="http://www.w3.org/2000/svg">'
        f'<title id="chart-t">{escape(title)}</title><desc id="chart-d">{escape(desc)}</desc>'
        f'<line x1="0" y1="{PLOT_HEIGHT + 0.5}" x2="{width}" y2="{PLOT_HEIGHT + 0.5}"/>'
        f'<text x="0" y="9">max {top}</text>{"".join(rects)}'
        f'<text x="0" y="{height - 2}">{escape(bars[0].label)}</text>'
        f'<text x="{width}" y="{height - 2}" text-anchor="end">{escape(bars[-1].label)}</text>'
        "</svg>"
    )


def coverage_chart(name: str, days: Sequence[date], end: date, max_days: int, max_months: int) -> Chart:
    """The chart of posts about ``name`` (one date per post) up to ``end``."""
    bars = buckets(days, end, max_days, max_months)
    text = summary(name, bars)
    return Chart(render_svg(f"Coverage of {name} over time", text, bars), tuple(bars), text)
