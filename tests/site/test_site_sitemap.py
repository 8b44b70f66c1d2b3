"""digest_taxonomies.sitemap: sitemap.xml and robots.txt from the written pages."""

import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from digest_taxonomies.sitemap import (
    STATE_FOLDER, lastmod, page_readings, page_url, render_robots, render_sitemap, sitemap_entries,
    write_sitemap_and_robots,
)

NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.mark.parametrize(
    ("rel", "url"),
    [("index.html", ""), ("company/x/index.html", "company/x/"), ("404.html", "404.html"),
     ("a/page.html", "a/page.html"), ("notindex.html", "notindex.html")],
)
def test_page_url(rel, url):
    assert page_url(rel) == url


def test_lastmod_prefers_the_modified_time():
    head = ('<meta property="article:published_time" content="2025-01-01T00:00:00+00:00">'
            '<meta property="article:modified_time" content="2025-02-01T00:00:00+00:00">')
    assert lastmod(head) == "2025-02-01T00:00:00+00:00"
    assert lastmod(head.split("<meta property=\"article:mod")[0]) == "2025-01-01T00:00:00+00:00"
    assert lastmod("<title>x</title>") == ""


def test_render_sitemap_escapes_locations():
    text = render_sitemap("https://x.org/sub", [("a&b/", "2025-01-01T00:00:00+00:00"), ("", "")])
    locs = [u.findtext(f"{NS}loc") for u in ET.fromstring(text)]
    assert locs == ["https://x.org/sub/a&b/", "https://x.org/sub/"]


def test_robots_disallow_below_the_site_path_and_point_at_the_sitemap():
    robots = render_robots("https://x.org/sub", "sitemap.xml", ["drafts/"])
    assert robots.splitlines() == ["User-agent: *", "Disallow: /sub/drafts/", "",
                                   "Sitemap: https://x.org/sub/sitemap.xml"]
    assert render_robots("", "sitemap.xml", []).splitlines() == ["User-agent: *", "Disallow:"]


def test_built_sitemap_lists_every_indexable_page(hosted_site):
    root = ET.parse(hosted_site / "sitemap.xml").getroot()
    entries = {u.findtext(f"{NS}loc"): u.findtext(f"{NS}lastmod") for u in root}
    prefix = "https://news.example.org/digest/"
    pages = {
        page_url(p.relative_to(hosted_site).as_posix())
        for p in hosted_site.rglob("*.html")
        if not p.relative_to(hosted_site).as_posix().startswith(("drafts/", "search/"))
        and p.name != "404.html"
    }
    assert {loc.removeprefix(prefix) for loc in entries} == pages
    assert {"", "company/microsoft/", "source/the-verge/", "tag/ai/", "about/", "archives/2025/03/"} <= pages
    post = prefix + "2025/03/04/microsoft-and-xiaomi-will-build-ai-speakers-and-phones-together/"
    assert entries[post] == "2025-03-04T08:30:00+00:00"


def test_built_robots_points_at_the_sitemap(hosted_site):
    robots = (hosted_site / "robots.txt").read_text()
    assert "Sitemap: https://news.example.org/digest/sitemap.xml" in robots
    assert "Disallow: /digest/drafts/" in robots


EXCLUDE = ["404.html", "search/*"]
OLD_NS = 1_600_000_000_000_000_000  # 2020: long settled, so a page's time is trusted


def page(published: str = "", modified: str = "", robots: str = "") -> str:
    tags = [f'<meta property="article:{kind}_time" content="{value}">'
            for kind, value in (("published", published), ("modified", modified)) if value]
    if robots:
        tags.append(f'<meta name="robots" content="{robots}">')
    return f"<html><head>{''.join(tags)}</head><body>text</body></html>"


def write_pages(root: Path, pages: dict[str, str], mtime_ns: int = OLD_NS) -> None:
    for name, html in pages.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(html)
        os.utime(root / name, ns=(mtime_ns, mtime_ns))


def test_pages_in_hidden_folders_are_not_listed(tmp_path):
    names = ("index.html", "a/index.html", ".pagefind-pages-x1/a/index.html", "b/.work/index.html",
             "c/.hidden.html")
    write_pages(tmp_path, {name: page() for name in names})
    assert list(page_readings(tmp_path, [], {})) == ["a/index.html", "index.html"]


def test_readings_kept_from_the_last_build_give_what_a_full_read_gives(tmp_path):
    day = "2025-01-0{}T00:00:00+00:00".format
    write_pages(tmp_path, {
        "index.html": page(), "404.html": page(), "search/index.html": page(),
        "a/index.html": page(day(1)), "b/index.html": page(day(2)), "c/index.html": page(day(3)),
        "d/index.html": page(robots="noindex, follow"), "e/index.html": page(day(5)),
    })
    known = page_readings(tmp_path, EXCLUDE, {})
    assert sitemap_entries(known) == [("a/", day(1)), ("b/", day(2)), ("c/", day(3)), ("e/", day(5)),
                                      ("", "")]
    (tmp_path / "b/index.html").unlink()
    write_pages(tmp_path, {"a/index.html": page(day(1), day(9)),
                           "c/index.html": page(day(4)),  # same size
                           "d/index.html": page(robots="index, follow"),
                           "e/index.html": page(day(5), robots="noindex"),
                           "f/index.html": page(day(6))}, OLD_NS + 1)
    again = page_readings(tmp_path, EXCLUDE, known)
    assert again == page_readings(tmp_path, EXCLUDE, {})
    assert sitemap_entries(again) == [("a/", day(9)), ("c/", day(4)), ("d/", ""), ("f/", day(6)), ("", "")]
    remembered = {**again, "index.html": [*again["index.html"][:2], "remembered"]}
    assert sitemap_entries(page_readings(tmp_path, EXCLUDE, remembered))[-1] == ("", "remembered")  # unread


def test_the_sitemap_is_the_same_with_or_without_the_last_builds_readings(tmp_path):
    site, settings = tmp_path / "site", {"CACHE_PATH": str(tmp_path / "cache"), "SITEURL": "https://x.org"}
    write_pages(site, {"index.html": page(), "a/index.html": page("2025-01-01T00:00:00+00:00")})
    write_sitemap_and_robots(site, settings)
    cold = (site / "sitemap.xml").read_bytes()
    (state,) = (tmp_path / "cache" / STATE_FOLDER).iterdir()
    for saved in (state.read_text(), "{not json", '{"code": "other", "files": {}}'):
        state.write_text(saved)
        write_sitemap_and_robots(site, settings)
        assert (site / "sitemap.xml").read_bytes() == cold
