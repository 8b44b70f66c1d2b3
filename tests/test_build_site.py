"""End to end: the bundled samples become a site whose home page, post pages and feed carry the seed story."""

import feedparser
from bs4 import BeautifulSoup

SEED_TITLE = "Microsoft, Xiaomi to Make AI-Powered Speakers, Smartphones"


def test_home_page_shows_the_seed_story(sample_site):
    home = (sample_site / "index.html").read_text()
    assert SEED_TITLE in BeautifulSoup(home, "html.parser").get_text()


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
