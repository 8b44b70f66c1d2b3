"""End to end: the bundled samples become a site whose home page, post pages and feed carry the seed story."""

import re
import shutil

import feedparser
import pytest
from bs4 import BeautifulSoup

from support import REPO, build_site

SEED_TITLE = "Microsoft, Xiaomi to Make AI-Powered Speakers, Smartphones"


def river_pages(site):
    """The home page and the older pages its "Older" links lead to, in order."""
    page = site / "index.html"
    while page:
        soup = BeautifulSoup(page.read_text(), "html.parser")
        yield soup
        older = soup.find("a", rel="next")
        page = site / older["href"].split("#")[0].lstrip("./").rstrip("/") / "index.html" if older else None


def test_home_page_leads_to_the_seed_story(sample_site):
    pages = list(river_pages(sample_site))
    assert len(pages) >= 2
    texts = [p.get_text() for p in pages]
    assert any(SEED_TITLE in t for t in texts)
    assert "Tech Digest" in texts[0]


def test_seed_story_is_in_its_days_digest(sample_site):
    """The two seeds (23 and 26 Feb) are one story, shown on the day it broke with both as coverage."""
    day = BeautifulSoup((sample_site / "2018" / "02" / "23" / "index.html").read_text(), "html.parser")
    links = [a["href"] for a in day.find("main").find_all("a")]
    assert any("2018/02/26/microsoft-xiaomi-make-ai-powered-speakers-smartphones/" in href for href in links)
    about = next(p for p in day.find("main").find_all("p", class_="meta") if p.get_text().startswith("About:"))
    assert "../../../company/xiaomi/" in [a["href"] for a in about.find_all("a")]  # names link to their pages
    # "More:" names outlets; the seed's outlet is unknown, so its headline stands in, quoted
    more = [a.get_text() for p in day.find("main").find_all("p", class_="more") for a in p.find_all("a")]
    assert f"“{SEED_TITLE}”" in more and "Asia Tech Monitor" in more


def test_the_second_seeds_day_has_its_issue_with_the_story_as_a_follow_up(sample_site):
    """Issue 4's example day page: 26 Feb holds the seed story, first reported on the 23rd."""
    day = BeautifulSoup((sample_site / "2018" / "02" / "26" / "index.html").read_text(), "html.parser")
    follow_up = day.find("p", class_="followup")
    assert follow_up is not None and "2018/02/23/#story-" in follow_up.find("a")["href"]
    assert "2018/02/26/microsoft-xiaomi-make-ai-powered-speakers-smartphones/" in follow_up.find_all("a")[1]["href"]


def test_seed_post_page(sample_site):
    pages = list((sample_site / "2018" / "02" / "26").glob("*/index.html"))
    seed = [p for p in pages if SEED_TITLE in p.read_text()]
    assert seed, pages
    soup = BeautifulSoup(seed[0].read_text(), "html.parser")
    assert soup.find("h1").get_text(strip=True) == SEED_TITLE
    text = soup.get_text()
    assert "Xiaomi was the world's fifth most popular smartphone company" in text
    assert "हिन्दी" not in text


def test_also_covered_by_names_each_post_once(sample_site):
    """An entry reads "outlet: headline"; without an outlet, the headline alone."""
    entries = []
    for page in sample_site.glob("20*/*/*/*/index.html"):
        heading = BeautifulSoup(page.read_text(), "html.parser").find(id="also-h")
        entries += heading.find_next("ul").find_all("li") if heading else []
    assert entries
    for entry in entries:
        first, _, rest = entry.get_text().partition(": ")
        assert first != rest, entry


def test_every_sample_outlet_goes_by_its_name(sample_site):
    """Text dumps whose sidecar names no outlet take the name their masthead shows, not
    their domain ("asiatechmonitor.example") or their raw folder ("ticker-tape")."""
    index = BeautifulSoup((sample_site / "source" / "index.html").read_text(), "html.parser")
    names = [a.get_text() for a in index.find("main").find_all("a", href=lambda h: h and "source/" in h)]
    assert "Asia Tech Monitor" in names and "The Ticker Tape" in names
    assert all(" " in name or name[:1].isupper() for name in names), names


def test_counts_of_one_are_singular(sample_site):
    """Several sample companies have one post: no page says "1 posts" (in its text or its description)."""
    said = [page.relative_to(sample_site).as_posix() for page in sample_site.rglob("*.html")
            if re.search(r"\b1 (posts|outlets|stories)\b", page.read_text())]
    assert not said, said


def test_main_feed_carries_the_seed_story(sample_site):
    feed = feedparser.parse((sample_site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert SEED_TITLE in [e.title for e in feed.entries]


def test_raw_pages_are_not_content(sample_site):
    assert not list(sample_site.rglob("raw/*")), "raw pages must never be read as content"


def test_every_file_of_the_site_can_be_read_by_a_web_server(sample_site):
    private = [str(p.relative_to(sample_site)) for p in sample_site.rglob("*") if not p.stat().st_mode & 0o004]
    assert private == []


@pytest.fixture(scope="module")
def published_site(tmp_path_factory, monkeypatch_module):
    """`SITEURL=https://news.example.org make publish`, into a temporary folder."""
    monkeypatch_module.setenv("SITEURL", "https://news.example.org/")
    root = tmp_path_factory.mktemp("publish")
    shutil.copytree(REPO / "content", root / "content", ignore=shutil.ignore_patterns("posts", "stories.json"))
    build_site(root / "content", root / "output", conf="publishconf.py")
    return root / "output"


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as patch:
        yield patch


def test_published_site_uses_absolute_urls(published_site):
    home = BeautifulSoup((published_site / "index.html").read_text(), "html.parser")
    assert home.find("link", rel="stylesheet")["href"].startswith("https://news.example.org/")
    assert home.find("link", rel="canonical")["href"] == "https://news.example.org/"
    feed = feedparser.parse((published_site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo
    assert all(e.link.startswith("https://news.example.org/20") for e in feed.entries)
    assert "Sitemap: https://news.example.org/sitemap.xml" in (published_site / "robots.txt").read_text()


def test_feed_ids_do_not_depend_on_the_host(sample_site, published_site):
    def ids(site):
        return sorted(e.id for e in feedparser.parse((site / "feeds" / "all.atom.xml").read_bytes()).entries)

    assert ids(sample_site) == ids(published_site)


def test_same_samples_same_site_byte_for_byte(sample_site, tmp_path):
    """A second build, in another process with another hash seed, gives identical posts and pages."""
    import json
    import os
    import subprocess
    import sys

    content = tmp_path / "content"
    shutil.copytree(REPO / "content", content, ignore=shutil.ignore_patterns("posts", "stories.json"))
    output = tmp_path / "output"
    subprocess.run(
        [sys.executable, "-m", "pelican", str(content), "-o", str(output), "-s", str(REPO / "pelicanconf.py"), "-q",
         "-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false", "CACHE_PATH=" + json.dumps(str(tmp_path / "cache"))],
        check=True, env={**os.environ, "PYTHONHASHSEED": "12345"}, capture_output=True,
    )

    def tree(root):
        return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}

    assert tree(output) == tree(sample_site)
    assert tree(content / "posts") == tree(sample_site.parent / "content" / "posts")


def test_only_published_posts_are_searchable(sample_site):
    drafts = list((sample_site / "drafts").rglob("index.html"))
    assert len(drafts) >= 3  # the spun, German and paywalled samples
    # Each at a clean address, the German one too (drafts/<slug>-de/).
    assert sorted(p.relative_to(sample_site).as_posix() for p in (sample_site / "drafts").rglob("*.html")) == \
        sorted(p.relative_to(sample_site).as_posix() for p in drafts)
    assert any(p.parent.name.endswith("-de") for p in drafts)
    assert all("data-pagefind-body" not in p.read_text() for p in drafts)
    posts = list((sample_site / "2018").glob("*/*/*/index.html"))
    assert posts and all("data-pagefind-body" in p.read_text() for p in posts)
