"""End to end: the bundled samples become a site whose home page, post pages and feed carry the seed story."""

import feedparser
from bs4 import BeautifulSoup

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


def test_seed_post_page(sample_site):
    pages = list((sample_site / "2018" / "02" / "26").glob("*/index.html"))
    seed = [p for p in pages if SEED_TITLE in p.read_text()]
    assert seed, pages
    soup = BeautifulSoup(seed[0].read_text(), "html.parser")
    assert soup.find("h1").get_text(strip=True) == SEED_TITLE
    text = soup.get_text()
    assert "Xiaomi was the world's fifth most popular smartphone company" in text
    assert "हिन्दी" not in text


def test_main_feed_carries_the_seed_story(sample_site):
    feed = feedparser.parse((sample_site / "feeds" / "all.atom.xml").read_bytes())
    assert not feed.bozo, feed.bozo_exception
    assert feed.version == "atom10"
    assert SEED_TITLE in [e.title for e in feed.entries]


def test_raw_pages_are_not_content(sample_site):
    assert not list(sample_site.rglob("raw/*")), "raw pages must never be read as content"
