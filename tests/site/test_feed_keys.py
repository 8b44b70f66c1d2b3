"""A feed is written again only when what it holds changes: its newest FEED_MAX_ITEMS posts."""

from site_build import build_posts


BODIES = {
    1: "Nvidia opened a design centre in Taipei with 500 engineers for its server boards.",
    2: "Quarterly revenue at Nvidia reached $22 billion, led by sales of data centre accelerators.",
    3: "Nvidia will ship a laptop graphics chip in June, built on a 4 nm process by TSMC.",
}


def _post(title: str, day: int) -> str:
    return (f"Title: {title}\nDate: 2025-03-{day:02d} 10:00\nCompanies: Nvidia\nSource: Bitwire\n\n"
            f"{BODIES[day]}\n")


def test_a_change_beyond_the_feeds_newest_posts_leaves_the_feed_alone(tmp_path):
    output = build_posts(tmp_path, {f"p{day}.md": _post(f"Chip news {day}", day) for day in (1, 2, 3)},
                         FEED_MAX_ITEMS=2)
    feed = output / "feeds" / "company" / "nvidia.atom.xml"
    first = feed.stat().st_mtime_ns, feed.read_bytes()
    assert b"Chip news 3" in first[1] and b"Chip news 1" not in first[1]

    build_posts(tmp_path, {"p1.md": _post("Old chip news, corrected", 1)}, FEED_MAX_ITEMS=2)
    assert (feed.stat().st_mtime_ns, feed.read_bytes()) == first  # not written again
    assert b"Old chip news, corrected" in (output / "2025/03/01/old-chip-news-corrected/index.html").read_bytes()

    build_posts(tmp_path, {"p3.md": _post("New chip news, corrected", 3)}, FEED_MAX_ITEMS=2)
    assert b"New chip news, corrected" in feed.read_bytes()
