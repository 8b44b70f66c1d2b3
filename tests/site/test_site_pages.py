"""The built reading site: every kind of page, escaping of hostile posts, weight, links."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from site_build import HERE, REPO, build_posts, fixture_post

PATHS = (HERE, REPO / "plugins", REPO / "tests")

POST = "2025/03/04/microsoft-and-xiaomi-will-build-ai-speakers-and-phones-together/index.html"
COVERAGE = "2025/03/04/xiaomi-phones-will-come-with-microsofts-ai-assistant/index.html"
HOSTILE = "2025/03/03/nvidia-and-amd-trade-blows-over-benchmarks/index.html"
TEMPLATED = "2025/03/02/github-ships-a-copilot-feature-for-python/index.html"
EVIL = "2025/01/22/security-firm-finds-malware-signed-with-a-stolen-certificate/index.html"
GERMAN = "2025/01/20/sap-stellt-neue-cloud-plattform-vor-de/index.html"
HOSTILE_TITLE = "<script>alert(\"pwned\")</script> Nvidia & \"AMD\" trade 'blows' over </title> benchmarks"
MAX_ARTICLE_BYTES = 30_000


def soup(site: Path, rel: str) -> BeautifulSoup:
    return BeautifulSoup((site / rel).read_text(encoding="utf-8"), "html.parser")


def html_pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize(
    "rel",
    [
        "index.html", "about/index.html", "404.html", POST,
        "company/index.html", "company/microsoft/index.html", "company/evil-corp/index.html",
        "source/index.html", "source/the-verge/index.html", "tag/index.html", "tag/ai/index.html",
        "archives/index.html", "archives/2025/03/index.html", "archives/2025/03/04/index.html",
        "feeds/all.atom.xml", "feeds/company/microsoft.atom.xml", "feeds/source/the-verge.atom.xml",
        "feeds/tag/ai.atom.xml", "feeds.opml", "sitemap.xml", "robots.txt",
        "theme/css/main.css", "theme/css/pygments.css",
    ],
)
def test_every_kind_of_page_is_written(site, rel):
    assert (site / rel).is_file()


def test_no_markup_from_posts_becomes_markup(site):
    for path in html_pages(site):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        for script in page.find_all("script"):
            # Only our JSON-LD, or a theme script loaded by file (the search page's).
            assert script.get("type") == "application/ld+json" or (
                script.get("src", "").split("/theme/")[-1].startswith("js/") and not script.string
            ), (path, script)
        assert not page.find(attrs={"onerror": True}), path
        assert not page.find("b", string="Evil"), path
        assert "javascript:" not in str(page), path


def test_hostile_values_read_as_text(site):
    page = soup(site, HOSTILE)
    assert page.title.string == f"{HOSTILE_TITLE} – Tech Digest"
    assert page.h1.get_text() == HOSTILE_TITLE
    assert page.find("meta", property="og:title")["content"] == HOSTILE_TITLE
    assert "<script>alert(1)</script>" in page.find(class_="body").get_text()
    evil = soup(site, EVIL)
    assert "Companies: <b>Evil</b> Corp Microsoft" in " ".join(evil.find(class_="chips").get_text().split())
    assert "<img src=x onerror=alert(1)>" in evil.find(class_="byline").get_text()
    assert evil.find("a", href="../../../../source/krebs-security/").get_text() == "Krebs <on> Security"


def test_template_syntax_is_shown_not_run(site):
    page = soup(site, TEMPLATED)
    assert page.h1.get_text() == "{{ SITENAME }} {% if x %}leak{% endif %}: GitHub ships a Copilot feature for Python"
    body = soup(site, HOSTILE).find(class_="body").get_text()
    assert "{{ config.SECRET }}" in body and "{% if true %}x{% endif %}" in body


def test_json_ld_is_escaped_and_complete(hosted_site):
    page = soup(hosted_site, HOSTILE)
    (script,) = page.find_all("script", type="application/ld+json")
    assert "<" not in script.string and "&" not in script.string
    data = json.loads(script.string)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == HOSTILE_TITLE
    assert data["datePublished"] == "2025-03-03T17:45:00+00:00"
    assert data["url"] == f"https://news.example.org/digest/{HOSTILE.removesuffix('index.html')}"
    assert data["isBasedOn"] == "https://arstechnica.com/gadgets/2025/03/nvidia-amd-benchmarks/?a=1&b=2"
    assert [a["name"] for a in data["about"]] == ["Nvidia", "AMD"]


def test_article_page(site):
    page = soup(site, POST)
    byline = page.find(class_="byline")
    assert byline.find("a")["href"] == "../../../../source/the-verge/"
    assert byline.find("time")["datetime"] == "2025-03-04T08:30:00+00:00"
    assert "By Dana Whitfield, Omar Reyes" in byline.get_text()
    original = page.find(class_="orig").a
    assert original["href"] == "https://www.theverge.com/2025/3/4/microsoft-xiaomi-ai-speakers"
    assert {"nofollow", "noopener"} <= set(original["rel"])
    chips = [a["href"] for a in page.find_all("p", class_="chips")[0].find_all("a")]
    assert chips == ["../../../../company/microsoft/", "../../../../company/xiaomi/"]
    more = page.find(id="more-1")
    assert more.get_text() == "More about Microsoft"
    assert len(more.find_next("ul").find_all("li")) == 4
    assert page.find("meta", property="og:type")["content"] == "article"
    body = page.find("article", attrs={"data-pagefind-body": True})  # digest_search's contract
    assert body.find("a", attrs={"data-pagefind-filter": "outlet"}).get_text() == "The Verge"


def test_original_link_is_left_out_when_unsafe(site):
    page = soup(site, EVIL)
    assert page.find(class_="orig") is None


def test_page_language_follows_the_post(site):
    assert soup(site, GERMAN).html["lang"] == "de"
    assert soup(site, POST).html["lang"] == "en"
    listing = soup(site, "index.html")
    assert listing.find("article", lang="de").h3.get_text().startswith("SAP stellt")


def test_article_pages_weigh_under_30_kb_with_their_css(site):
    css = {p.relative_to(site).as_posix(): p.stat().st_size for p in site.glob("theme/css/*.css")}
    for path in site.glob("2025/*/*/*/index.html"):
        page = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        sheets = [link["href"].split("/theme/")[-1] for link in page.find_all("link", rel="stylesheet")]
        weight = path.stat().st_size + sum(css[f"theme/{s}"] for s in sheets)
        assert weight < MAX_ARTICLE_BYTES, (path, weight)


def test_code_is_highlighted_at_build_time_and_styled_only_where_needed(site):
    code = soup(site, TEMPLATED)
    assert code.find("div", class_="highlight").find("span", class_="k")
    assert "<b>not</b> HTML" in code.find("div", class_="highlight").get_text()
    sheets = lambda page: [link["href"] for link in page.find_all("link", rel="stylesheet")]  # noqa: E731
    assert any(href.endswith("theme/css/pygments.css") for href in sheets(code))
    assert not any(href.endswith("pygments.css") for href in sheets(soup(site, POST)))


def test_company_page_lists_central_stories_first(site):
    page = soup(site, "company/microsoft/index.html")
    headings = [h.get_text() for h in page.main.find_all("h2")]
    assert headings == ["Stories about Microsoft", "Also mentioned in"]
    items = page.main.find_all("article", class_="item")
    assert len(items) == 6
    also = page.main.find("h2", string="Also mentioned in")
    assert also.find_next("article").h3.get_text().endswith("GitHub ships a Copilot feature for Python")


def test_company_page_has_a_chart_with_a_text_alternative(site):
    figure = soup(site, "company/microsoft/index.html").find("figure", class_="coverage")
    svg = figure.find("svg")
    assert svg["role"] == "img"
    title_id, desc_id = svg["aria-labelledby"].split()
    assert figure.find(id=title_id).name == "title"
    assert figure.find(id=desc_id).get_text() == figure.figcaption.get_text()
    assert figure.figcaption.get_text().startswith("6 posts about Microsoft from 22 Jan 2025 to 4 Mar 2025")
    rows = figure.find("table").tbody.find_all("tr")
    assert sum(int(r.find_all("td")[1].get_text()) for r in rows) == 6


@pytest.mark.parametrize(
    ("rel", "counts"),
    [
        ("company/index.html", {"Microsoft": 6, "Xiaomi": 2, "<b>Evil</b> Corp": 1, "SAP": 1}),
        ("source/index.html", {"The Verge": 2, "Bloomberg": 2, 'Ars & "Technica"': 1}),
        ("tag/index.html", {"AI": 4, "Cloud": 3, "<em>Benchmarks</em>": 1}),
    ],
)
def test_indexes_list_values_with_counts(site, rel, counts):
    items = soup(site, rel).main.find_all("li")
    found = {li.a.get_text(): int(li.find(class_="count").get_text()) for li in items}
    assert counts.items() <= found.items()


def test_drafts_stay_out_of_listings(site):
    assert (site / "drafts" / "microsoft-teases-something" / "index.html").is_file()
    for rel in ("index.html", "company/microsoft/index.html", "archives/2025/02/index.html", "sitemap.xml"):
        assert "microsoft-teases-something" not in (site / rel).read_text(), rel


def test_every_page_advertises_feeds(site):
    for path in html_pages(site):
        links = soup(site, path.relative_to(site).as_posix()).find_all("link", type="application/atom+xml")
        assert any(link["href"].endswith("feeds/all.atom.xml") for link in links), path
    own = {
        "company/microsoft/index.html": "feeds/company/microsoft.atom.xml",
        "source/the-verge/index.html": "feeds/source/the-verge.atom.xml",
        "tag/ai/index.html": "feeds/tag/ai.atom.xml",
        POST: "feeds/company/microsoft.atom.xml",
    }
    for rel, feed in own.items():
        hrefs = [link["href"] for link in soup(site, rel).find_all("link", type="application/atom+xml")]
        assert any(h.endswith(feed) for h in hrefs), rel


def test_canonical_links_only_when_the_site_url_is_known(site, hosted_site):
    assert soup(site, POST).find("link", rel="canonical") is None
    base = "https://news.example.org/digest/"
    assert soup(hosted_site, POST).find("link", rel="canonical")["href"] == base + POST.removesuffix("index.html")
    assert soup(hosted_site, "company/microsoft/index.html").find("link", rel="canonical")["href"] == (
        base + "company/microsoft/")
    assert soup(hosted_site, "index.html").find("link", rel="canonical")["href"] == base


def test_long_listings_are_paginated(hosted_site):
    first = soup(hosted_site, "company/microsoft/index.html")
    following = first.find("a", rel="next")["href"]
    assert following == "https://news.example.org/digest/company/microsoft/page/2/"
    second = soup(hosted_site, "company/microsoft/page/2/index.html")
    assert second.find("a", rel="prev")["href"] == "https://news.example.org/digest/company/microsoft/"
    assert not second.find("figure")  # the chart is on the first page only


def test_navigation_marks_the_current_section(site):
    current = soup(site, "company/microsoft/index.html").find("a", attrs={"aria-current": "page"})
    assert current.get_text() == "Companies"
    nav = [a.get_text() for a in soup(site, "index.html").find("nav").find_all("a")]
    assert nav == ["Home", "Companies", "Tags", "Outlets", "Archives", "About"]


def test_base_layout_landmarks_and_search_box(site):
    page = soup(site, "about/index.html")
    skip = page.body.find("a")
    assert skip["href"] == "#main" and page.find("main")["id"] == "main"
    form = page.find("form", role="search")
    assert form["action"].endswith("search/") and form["method"] == "get"
    assert form.find("input", type="search")["name"] == "q"
    assert page.find("footer")


def test_about_and_not_found_pages(site):
    about = soup(site, "about/index.html")
    assert about.h1.get_text() == "About" and "Atom feed" in about.get_text()
    missing = soup(site, "404.html")
    assert missing.find("meta", attrs={"name": "robots"})["content"] == "noindex"


def test_story_parts_when_stories_exist(story_site):
    lead = soup(story_site, POST)
    also = lead.find(id="also-h").find_next("ul")
    assert [a.get_text() for a in also.find_all("a")] == ["Engadget"]
    coverage = soup(story_site, COVERAGE)
    assert [a.get_text() for a in coverage.find(id="also-h").find_next("ul").find_all("a")] == ["The Verge"]
    # One entry per story on company pages: the 4 March story appears once, as its lead.
    company = soup(story_site, "company/xiaomi/index.html")
    (card,) = company.main.find_all("article", class_="story")
    assert card.h3.get_text() == "Microsoft and Xiaomi will build AI speakers and phones together"
    assert [a.get_text() for a in card.find(class_="more").find_all("a")] == ["Engadget"]


def test_index_and_day_templates_follow_the_stories_contract(story_site):
    home = soup(story_site, "stories/index.html")
    day = home.find("section", class_="day")
    assert day.h2.get_text() == "Tuesday 04 March 2025"
    card = day.find("article", class_="story")
    assert card["id"] == "story-microsoft-and-xiaomi-will-build-ai-speakers-and-phones-together"
    about = [(a.get_text(), a["href"]) for a in card.find_all("p", class_="meta")[1].find_all("a")]
    assert about == [("Microsoft", "../company/microsoft/"), ("Xiaomi", "../company/xiaomi/")]
    assert home.find("a", rel="next")["href"] == "../stories/page/2/"
    assert "Page" not in home.find("nav", class_="pager").get_text()  # the days it spans, not "page 1 of 2"
    one_day = soup(story_site, "stories/day/index.html")
    assert one_day.h1.get_text() == "Tuesday 04 March 2025"
    assert len(one_day.find_all("article", class_="story")) == 1


def build_in_subprocess(root: Path, hash_seed: str) -> Path:
    """Build in a fresh interpreter with its own PYTHONHASHSEED (set and dict order differ)."""
    code = "import sys; from pathlib import Path; from site_build import build; build(Path(sys.argv[1]))"
    env = {**os.environ, "PYTHONHASHSEED": hash_seed, "PYTHONPATH": os.pathsep.join(map(str, PATHS))}
    subprocess.run([sys.executable, "-c", code, str(root)], env=env, check=True, capture_output=True)
    return root / "output"


def test_same_posts_build_to_identical_bytes(tmp_path):
    """Two posts share a date (16:00 on 14 Feb): their order must come from the slug, not file order."""
    first, second = (build_in_subprocess(tmp_path / seed, seed) for seed in ("1", "2"))
    one = {p.relative_to(first): p.read_bytes() for p in first.rglob("*") if p.is_file()}
    two = {p.relative_to(second): p.read_bytes() for p in second.rglob("*") if p.is_file()}
    assert one.keys() == two.keys()
    assert [k for k in one if one[k] != two[k]] == []


def test_a_post_with_only_title_and_date_renders(site):
    page = soup(site, "2025/02/14/a-post-with-nothing-but-a-title-and-a-date/index.html")
    assert page.h1.get_text() == "A post with nothing but a title and a date"
    assert page.find(class_="orig") is None and page.find(class_="chips") is None


def test_templates_work_without_the_plugin(bare_site):
    page = soup(bare_site, POST)
    assert page.h1.get_text() == "Microsoft and Xiaomi will build AI speakers and phones together"
    assert page.find(class_="byline").get_text().strip().startswith("The Verge")  # the outlet, as text
    assert not (bare_site / "company").exists()
    assert [a.get_text() for a in soup(bare_site, "index.html").find("nav").find_all("a")][:2] == ["Home", "Tags"]


def test_posts_sharing_a_slug_in_two_languages_are_both_listed(tmp_path):
    """Pelican's default would hide one as the other's translation; a digest lists both."""
    import feedparser

    english = fixture_post("2025-02-03-nvidia-earnings.md")
    german = english.replace("Date: 2025-02-03 21:15", "Date: 2025-02-04 08:00").replace("Lang: en", "Lang: de") \
        .replace("Title: Nvidia's data-centre revenue doubles", "Title: Nvidias Umsatz mit Rechenzentren verdoppelt")
    output = build_posts(tmp_path, {"en.md": english, "de.md": german}, PLUGINS=["digest_taxonomies"],
                         INDEX_SAVE_AS="index.html")

    assert (output / "2025/02/03/nvidias-data-centre-revenue-doubles/index.html").is_file()
    assert (output / "2025/02/04/nvidias-data-centre-revenue-doubles-de/index.html").is_file()
    titles = {entry.title for entry in feedparser.parse(str(output / "feeds/all.atom.xml")).entries}
    assert titles == {"Nvidia's data-centre revenue doubles", "Nvidias Umsatz mit Rechenzentren verdoppelt"}
    listed = soup(output, "tag/chips/index.html").get_text()
    assert "Nvidias Umsatz" in listed and "Nvidia's data-centre revenue doubles" in listed
