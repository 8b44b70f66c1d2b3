"""Tag and outlet pages numbered from the oldest post: a new post rewrites the front page only."""

import random

from bs4 import BeautifulSoup
from site_build import build_posts

SYLLABLES = "ka lo mi nu pe ra si tu vo xe za bo".split()


def _post(number: int) -> str:
    """A post whose words no other post uses, so that each is a story of its own."""
    rng = random.Random(number)
    words = [f"{rng.choice(SYLLABLES)}{rng.choice(SYLLABLES)}{number}q{k}" for k in range(30)]
    body = " ".join(words)
    return (f"Title: Chip note {number}\nDate: 2025-03-01 {number // 60:02d}:{number % 60:02d}\nTags: Chips\n"
            f"Source: Bitwire\n\nNote {number} of the day: {body} {number * 7919}.\n")


def _soup(path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _titles(path) -> list[str]:
    return [h.get_text(strip=True) for h in _soup(path).select("main article h2")]


def _build(root, numbers):
    return build_posts(root, {f"n{n}.md": _post(n) for n in numbers},
                       PAGINATED_TEMPLATES={"tag": 5, "source": 5, "company": None, "index": None})


def test_a_new_post_changes_the_front_page_and_older_pages_keep_their_posts(tmp_path):
    output = _build(tmp_path, range(12))
    front, oldest = output / "tag" / "chips" / "index.html", output / "tag" / "chips" / "page" / "2" / "index.html"
    assert _titles(front) == [f"Chip note {n}" for n in range(11, 4, -1)]  # seven newest
    assert _titles(oldest) == [f"Chip note {n}" for n in range(4, -1, -1)]  # five oldest
    assert _soup(front).find("a", rel="next")["href"].endswith("tag/chips/page/2/")
    assert _soup(oldest).find("a", rel="prev")["href"].endswith("tag/chips/")
    assert _soup(oldest).find("nav", class_="pager").find("time").get_text() == "01 Mar 2025"  # the days it spans
    kept = oldest.stat().st_mtime_ns, oldest.read_bytes()
    outlet_oldest = output / "source" / "bitwire" / "page" / "2" / "index.html"
    outlet_kept = outlet_oldest.read_bytes()
    assert "12 posts" in (output / "source" / "bitwire" / "index.html").read_text()
    assert "posts" not in _soup(outlet_oldest).select_one("main p.meta").get_text()  # no totals there

    _build(tmp_path, [12])
    assert (oldest.stat().st_mtime_ns, oldest.read_bytes()) == kept  # not written again
    assert outlet_oldest.read_bytes() == outlet_kept
    assert _titles(front)[0] == "Chip note 12" and len(_titles(front)) == 8

    _build(tmp_path, [13, 14])  # fifteen posts: the front page's oldest five become page 3
    assert _titles(oldest) == [f"Chip note {n}" for n in range(4, -1, -1)]  # the same posts...
    assert _soup(oldest).find("a", rel="prev")["href"].endswith("tag/chips/page/3/")  # ...a newer neighbour
    page3 = output / "tag" / "chips" / "page" / "3" / "index.html"
    assert _titles(page3) == [f"Chip note {n}" for n in range(9, 4, -1)]
    assert _titles(front) == [f"Chip note {n}" for n in range(14, 9, -1)]
    assert _soup(front).find("a", rel="next")["href"].endswith("tag/chips/page/3/")
