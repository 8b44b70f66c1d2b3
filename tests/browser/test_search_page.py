"""The search page in a real browser: query, filters, order, hostile text, and no JavaScript."""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import Browser, Page

from browser.site import Site, read_post

pytestmark = pytest.mark.browser

READY = '#search[aria-busy="false"]'


def open_search(page: Page, base: str, query: str = "") -> None:
    page.goto(f"{base}/search/{query}")
    page.wait_for_selector(READY)


def results(page: Page) -> list[tuple[str, str, str]]:
    """(site path, title, ISO date) of every result, pressing "More results" until all are shown."""
    more = page.locator("#search-more")
    while more.is_visible():
        more.click()
        page.wait_for_selector(READY)
    rows = page.locator(".search-result")
    shown = []
    for i in range(rows.count()):
        row = rows.nth(i)
        link = row.locator(".search-result-title a")
        time = row.locator("time")
        date = time.get_attribute("datetime") if time.count() else ""
        shown.append((urlsplit(link.get_attribute("href") or "").path, link.inner_text(), date or ""))
    assert len(shown) == int(page.get_attribute("#search", "data-results") or "-1")
    return shown


def titled(site: Site, word: str) -> list[str]:
    """Paths of the posts whose title holds ``word``."""
    return [p for p in site.posts if word.casefold() in read_post(site, p).title.casefold()]


def test_search_finds_the_seed_story(page: Page, site: Site, site_url: str) -> None:
    expected = titled(site, "Xiaomi")
    assert expected, "the site has no post with Xiaomi in its title"
    open_search(page, site_url, "?q=Xiaomi")
    found = results(page)
    assert set(expected) <= {path for path, _, _ in found}
    assert page.input_value("#search-q") == "Xiaomi"
    marks = page.locator(".search-result-excerpt mark")
    assert marks.count() > 0
    highlighted = marks.all_inner_texts()
    assert all("xiaomi" in m.casefold() for m in highlighted), highlighted
    assert "Xiaomi" in page.inner_text("#search-status")


def test_company_filter_narrows_results(page: Page, site: Site, site_url: str) -> None:
    open_search(page, site_url, "?q=Xiaomi")
    before = {path for path, _, _ in results(page)}
    page.click("details[data-filter=company] > summary")
    options = page.locator("details[data-filter=company] .search-filter-option:visible")
    counts = {options.nth(i).locator(".search-filter-name").inner_text(): i for i in range(options.count())}
    narrower = [
        (name, i) for name, i in counts.items()
        if 0 < int(options.nth(i).locator(".search-filter-count").inner_text()) < len(before)
    ]
    assert narrower, f"no company narrows the {len(before)} results for Xiaomi"
    name, i = narrower[0]
    expected_count = int(options.nth(i).locator(".search-filter-count").inner_text())
    options.nth(i).locator("input").check()
    page.wait_for_selector(READY)
    after = {path for path, _, _ in results(page)}
    assert len(after) == expected_count
    assert after < before
    assert all(name in read_post(site, path).companies for path in after)
    assert "company=" in page.url
    options.nth(i).locator("input").uncheck()
    page.wait_for_selector(READY)
    assert {path for path, _, _ in results(page)} == before


@pytest.mark.parametrize(("sort", "newest_first"), [("newest", True), ("oldest", False)])
def test_results_sort_by_date(page: Page, site_url: str, sort: str, newest_first: bool) -> None:
    open_search(page, site_url, "?q=Xiaomi")
    page.check(f"input[name=sort][value={sort}]")
    page.wait_for_selector(READY)
    dates = [date for _, _, date in results(page)]
    assert len(dates) > 1 and all(dates)
    assert dates == sorted(dates, reverse=newest_first)
    assert f"sort={sort}" in page.url
    page.reload()  # the order comes back from the address bar
    page.wait_for_selector(READY)
    assert [date for _, _, date in results(page)] == dates


def test_a_filter_alone_lists_its_posts_newest_first(page: Page, site_url: str) -> None:
    open_search(page, site_url)
    assert page.get_attribute("#search", "data-results") == "0"
    years = page.locator("details[data-filter=year] .search-filter-name").all_text_contents()
    year = years[-1]  # the oldest year
    open_search(page, site_url, f"?year={year}")
    dates = [date for _, _, date in results(page)]
    assert dates and all(d.startswith(year) for d in dates)
    assert dates == sorted(dates, reverse=True)
    assert page.is_checked(f"details[data-filter=year] input[value='{year}']")


def test_header_form_lands_on_the_search_page(page: Page, site_url: str) -> None:
    page.goto(f"{site_url}/")
    field = page.locator("header form[role=search] input[name=q]")
    field.fill("Xiaomi")
    field.press("Enter")
    page.wait_for_url("**/search/?q=Xiaomi")
    page.wait_for_selector(READY)
    assert results(page)


def test_hostile_text_is_shown_as_text(page: Page, fixture_site: Site, fixture_url: str) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    open_search(page, fixture_url, "?q=zanzibug")
    ((path, title, _),) = results(page)
    assert title == read_post(fixture_site, path).title  # whatever the theme kept of it, verbatim
    assert "<script>window.__pwned = 1</script>" in page.inner_text(".search-result-excerpt")
    assert page.locator("#search-results *:is(script, img, b)").count() == 0
    page.click("details[data-filter=company] > summary")
    names = page.locator("details[data-filter=company] .search-filter-name").all_inner_texts()
    assert "Evil <b>Corp</b>" in names
    assert page.locator("#search-filters b").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert dialogs == []


def test_without_javascript_the_page_points_to_the_indexes(browser: Browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.goto(f"{site_url}/search/?q=Xiaomi")
        assert page.is_visible("#search-fallback")
        assert page.is_hidden("#search-ui")
        links = page.locator("#search-fallback a")
        labels = links.all_inner_texts()
        assert {"Tags", "Archive"} <= set(labels)
        for i in range(links.count()):
            target = urljoin(page.url, links.nth(i).get_attribute("href") or "")
            assert context.request.get(target).status == 200, target
    finally:
        context.close()
