"""The main pages in a real browser: the company chart, and no errors or failed requests anywhere."""

from __future__ import annotations

from urllib.parse import urljoin

import pytest
from playwright.sync_api import Page

from browser.site import PostPage, Site, read_post

pytestmark = pytest.mark.browser


def seed_post(site: Site) -> PostPage:
    """The first post about Xiaomi (by title) that links to company pages."""
    posts = [read_post(site, p) for p in site.posts]
    for post in posts:
        if "xiaomi" in post.title.casefold() and post.company_links:
            return post
    raise AssertionError("no post with Xiaomi in its title links to a company page")


def page_urls(site: Site, base: str) -> dict[str, str]:
    post = seed_post(site)
    post_url = base + post.path
    return {
        "home": f"{base}/",
        "post": post_url,
        "company": urljoin(post_url, post.company_links[0]),
        "search": f"{base}/search/?q=Xiaomi",
    }


def test_company_page_shows_its_chart(page: Page, site: Site, site_url: str) -> None:
    page.goto(page_urls(site, site_url)["company"])
    chart = page.locator("main svg").first
    assert chart.is_visible()
    box = chart.bounding_box()
    assert box is not None and box["width"] > 50 and box["height"] > 20


@pytest.mark.parametrize("name", ["home", "post", "company", "search"])
def test_page_loads_without_errors(page: Page, site: Site, site_url: str, name: str) -> None:
    problems: list[str] = []
    page.on("console", lambda m: problems.append(f"console: {m.text}") if m.type == "error" else None)
    page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
    page.on("requestfailed", lambda r: problems.append(f"failed: {r.url} {r.failure}"))
    page.on("response", lambda r: problems.append(f"HTTP {r.status}: {r.url}") if r.status >= 400 else None)
    page.goto(page_urls(site, site_url)[name], wait_until="networkidle")
    if name == "search":
        page.wait_for_selector('#search[aria-busy="false"]')
        assert page.locator(".search-result").count() > 0
    assert problems == []
