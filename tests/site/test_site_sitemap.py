"""digest_taxonomies.sitemap: sitemap.xml and robots.txt from the written pages."""

import xml.etree.ElementTree as ET

import pytest
from digest_taxonomies.sitemap import html_pages, lastmod, page_url, render_robots, render_sitemap

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


def test_pages_in_hidden_folders_are_not_listed(tmp_path):
    for page in ("index.html", "a/index.html", ".pagefind-pages-x1/a/index.html", "b/.work/index.html"):
        (tmp_path / page).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / page).write_text("<p>page</p>")
    assert html_pages(tmp_path, []) == ["a/index.html", "index.html"]
