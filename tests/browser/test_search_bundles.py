"""Search over a split index: posts added after the last full index live in a second bundle.

The site is built, two posts are added, and it is built again as `make html`
would: the second build indexes only the new posts (``pagefind-recent/``), and
the search page must merge both bundles' results, order and filter counts.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page

from browser.site import Site, build_site, default_content, rebuild_site, serve
from browser.test_search_page import READY, open_search, results

pytestmark = pytest.mark.browser

WORD = "Quokkaphone"  # in no sample: only the added posts can match it
ADDED = {
    "2030-01-15-quokkaphone-later": (
        "Xiaomi ships the Quokkaphone worldwide", "2030-01-15 08:00",
        "reached shops in forty countries on Monday, priced below its rivals, and early reviews praise "
        "the battery that lasts two days. Retailers in Madrid and Jakarta reported queues at opening."),
    "2018-02-24-quokkaphone-between": (
        "Xiaomi teases the Quokkaphone between two seed stories", "2018-02-24 12:00",
        "appeared in a short video from the company's founder, who promised a camera for low light "
        "and a folding screen. No date or price was given; suppliers hinted at a launch next year."),
}


def post_text(slug: str, title: str, date: str, news: str) -> str:
    body = f"The {WORD} from Xiaomi {news} " * 3
    return (f"Title: {title}\nDate: {date}\nSlug: {slug}\nSource: Test Wire\nCompanies: Xiaomi\n"
            f"Tags: Smartphones\nSummary: The {WORD} is coming.\nLang: en\nStatus: published\n\n{body}\n")


@pytest.fixture(scope="module")
def split_site(tmp_path_factory: pytest.TempPathFactory) -> Site:
    workdir = tmp_path_factory.mktemp("split")
    build_site(default_content(), workdir)
    posts = workdir / "content" / "posts" / "added"
    posts.mkdir(parents=True)
    for slug, (title, date, news) in ADDED.items():
        (posts / f"{slug}.md").write_text(post_text(slug, title, date, news), encoding="utf-8")
    site = rebuild_site(workdir)
    manifest = json.loads((site.root / "pagefind" / "bundles.json").read_text())
    assert manifest == {"bundles": ["../pagefind/", "../pagefind-recent/"]}
    return site


@pytest.fixture(scope="module")
def split_url(split_site: Site) -> Iterator[str]:
    with serve(split_site.root) as url:
        yield url


def test_the_second_build_indexed_only_the_new_posts(split_site: Site) -> None:
    recent = Path(split_site.root / "pagefind-recent" / "fragment")
    assert len(list(recent.iterdir())) == len(ADDED)


def test_new_posts_are_found(page: Page, split_url: str) -> None:
    open_search(page, split_url, f"?q={WORD}")
    titles = {title for _, title, _ in results(page)}
    assert titles == {title for title, _, _ in ADDED.values()}


def test_date_order_runs_across_both_bundles(page: Page, split_url: str) -> None:
    open_search(page, split_url, "?q=Xiaomi&sort=newest")
    found = results(page)
    dates = [date for _, _, date in found]
    assert dates == sorted(dates, reverse=True)
    titles = [title for _, title, _ in found]
    assert titles[0] == ADDED["2030-01-15-quokkaphone-later"][0]
    between = titles.index(ADDED["2018-02-24-quokkaphone-between"][0])
    assert 0 < between < len(titles) - 1  # older and newer posts of the main bundle around it


def test_filter_counts_add_up_both_bundles(page: Page, split_url: str, split_site: Site) -> None:
    open_search(page, split_url, f"?q={WORD}")
    row = page.locator("details[data-filter=outlet] .search-filter-option", has_text="Test Wire")
    assert row.locator(".search-filter-count").text_content() == str(len(ADDED))
    page.click("details[data-filter=outlet] summary")
    page.check("details[data-filter=outlet] input[value='Test Wire']")
    page.wait_for_selector(READY)
    assert len(results(page)) == len(ADDED)


@pytest.mark.parametrize(("query", "added"), [
    ("?q=android&sort=newest", 0),  # in main posts only; the added posts hold "and"
    ("?q=Quokka", 2),  # the start of a word in the added posts only; main posts hold "quarter"
    ("?q=Xiaomi", 2),  # in both
])
def test_a_bundle_without_the_word_adds_no_results(page: Page, split_url: str, query: str, added: int) -> None:
    """Pagefind answers a word a bundle lacks with its words that begin like it ("and" for
    "android"); beside a bundle that has the word, those are not results."""
    open_search(page, split_url, query)
    titles = [title for _, title, _ in results(page)]
    assert titles
    assert sum(title in {t for t, _, _ in ADDED.values()} for title in titles) == added
    if added == 0:
        year = page.locator("details[data-filter=year] .search-filter-option", has_text="2030")
        assert year.is_hidden()  # no count from the added posts either
