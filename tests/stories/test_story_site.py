"""A tiny site built by Pelican with the stories plugin: home pages, day pages, feeds, duplicates, state."""

from datetime import date, datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from pelican import Pelican
from pelican.settings import read_settings

from digest_stories import features
from digest_stories.feature_cache import FILE, read_entries
from digest_stories.model import Story
from digest_stories.site import with_company_objects

REPO = Path(__file__).resolve().parents[2]

GITHUB = ("Microsoft agreed to buy GitHub for $7.5 billion in stock. Nat Friedman will run GitHub, which "
          "28 million developers use, and Satya Nadella promised the service stays independent and open.")
GITHUB_2 = ("Satya Nadella's $7.5 billion purchase of GitHub gives Microsoft a direct link to 28 million "
            "developers. Nat Friedman becomes chief executive of the code host, which stays independent.")
NATICK = ("Microsoft sank a data centre with 864 servers off the Orkney Islands for Project Natick. The "
          "sealed vessel is cooled by the sea and powered by wind and tidal energy for five years.")
SWITCH = ("Nintendo announced a Switch with a 7-inch OLED screen for $349.99, on sale on October 8 "
          "alongside Metroid Dread, with a wider stand, 64 GB of storage and a dock with a LAN port.")
ZOOM = ("Zoom corrected a claim of 300 million daily users: the figure counts meeting participants, "
        "a person once for every meeting joined, Zoom said after reporters asked about it.")

POSTS = [
    ("github-bitwire", "Microsoft buys GitHub", "2018-06-04 15:00", "Bitwire", GITHUB, ()),
    ("github-packet", "Why Nadella wanted GitHub", "2018-06-05 08:00", "Packet News", GITHUB_2, ()),
    ("github-mirror", "Mirror copy of the GitHub deal", "2018-06-05 09:00", "Mirror", GITHUB, ()),
    ("github-draft", "Spun GitHub draft", "2018-06-05 10:00", "Drafty", GITHUB + " " + GITHUB_2,
     ("Status: draft", "Flags: spun")),
    ("natick", "Microsoft sinks a data centre", "2018-06-06 10:00", "Bitwire", NATICK, ()),
    ("switch-hidden", "Nintendo Switch OLED", "2018-06-08 10:00", "Kernel Weekly", SWITCH,
     ("Story_hide: yes",)),
    ("hostile", "<script>alert(1)</script> Zoom & users", "2018-06-08 12:00", "Daily Datum", ZOOM, ()),
]


def _write_posts(content: Path) -> None:
    folder = content / "posts" / "2018"
    folder.mkdir(parents=True)
    for slug, title, date, source, body, extra in POSTS:
        header = [f"Title: {title}", f"Date: {date}", f"Slug: {slug}", f"Source: {source}",
                  "Companies: Microsoft", *extra]
        (folder / f"{slug}.md").write_text("\n".join(header) + "\n\n" + body + "\n", encoding="utf-8")


def _build(content: Path, output: Path) -> None:
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "PLUGINS": ["digest_stories"],
        "PLUGIN_PATHS": [str(REPO / "plugins")], "THEME": str(REPO / "theme"), "CACHE_CONTENT": False,
        "LOAD_CONTENT_CACHE": False, "STORY_DAYS_PER_PAGE": 1, "INDEX_SAVE_AS": "",
        "CACHE_PATH": str(output.parent / "cache"),
    })
    Pelican(settings).run()


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("stories-site")
    _write_posts(root / "content")
    _build(root / "content", root / "output")
    return root / "content", root / "output"


def _read(output: Path, path: str) -> str:
    return (output / path).read_text(encoding="utf-8")


pytestmark = pytest.mark.slow


def test_home_pages_are_paginated_by_day_older_pages_numbered_from_the_oldest(site):
    _, output = site
    home, page2, page3 = _read(output, "index.html"), _read(output, "page/2/index.html"), \
        _read(output, "page/3/index.html")
    assert "Zoom" in home and 'rel="next" href="./page/3/"' in home  # one day a page: 8, 6 and 4 June
    assert "Microsoft sinks a data centre" in page3 and 'rel="next" href="../../page/2/"' in page3
    assert "Microsoft buys GitHub" in page2 and 'rel="next"' not in page2  # the oldest day
    assert not (output / "page" / "4").exists()


def test_hostile_titles_are_shown_as_text(site):
    home = _read(site[1], "index.html")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in home and "<script>alert(1)" not in home


def test_a_story_lists_other_outlets_once_and_never_leads_with_a_draft(site):
    _, output = site
    page = _read(output, "page/2/index.html")
    assert "Packet News" in page or "Bitwire" in page
    assert "Mirror copy" not in page and "Spun GitHub draft" not in page
    assert page.count("Why Nadella wanted GitHub") == 1


def test_every_day_with_a_post_has_its_issue_and_follow_ups_point_to_the_first_day(site):
    _, output = site
    first = _read(output, "2018/06/04/index.html")
    assert "Microsoft buys GitHub" in first and "Microsoft sinks a data centre" not in first
    assert "Follow-up" not in first
    follow_up = _read(output, "2018/06/05/index.html")  # only further coverage of the GitHub story
    assert "Microsoft buys GitHub" in follow_up and "Microsoft sinks a data centre" not in follow_up
    assert 'Follow-up: first reported <a href="../../../2018/06/04/#story-' in follow_up
    assert 'New that day: <a href="../../../2018/06/05/github-packet/">Why Nadella wanted GitHub</a> (Packet News)' \
        in follow_up
    assert "2018/06/04/" in follow_up and "2018/06/06/" in follow_up  # older and newer days
    assert "2018/06/05/" in first  # the next day is the follow-up's issue
    assert not (output / "2018" / "06" / "07").exists()  # no post that day


def test_the_home_page_lists_a_story_once_on_its_first_day(site):
    _, output = site
    river = "".join(_read(output, p) for p in ("index.html", "page/2/index.html", "page/3/index.html"))
    assert river.count("Microsoft buys GitHub") + river.count("Why Nadella wanted GitHub") == 2  # headline + More
    assert "Follow-up" not in river


def test_duplicates_keep_their_page_but_leave_listings_and_feeds(site):
    _, output = site
    assert (output / "2018" / "06" / "05" / "github-mirror" / "index.html").exists()
    assert "github-mirror" not in _read(output, "feeds/all.atom.xml")
    assert "github-mirror" not in _read(output, "archives/index.html")


def test_hidden_stories_leave_home_days_and_the_stories_feed_but_keep_their_posts(site):
    _, output = site
    feed = _read(output, "feeds/stories.atom.xml")
    assert "Nintendo" not in _read(output, "index.html") and "Nintendo" not in feed
    assert (output / "2018" / "06" / "08" / "switch-hidden" / "index.html").exists()
    assert "2018/06/06/#story-natick" in feed  # the entry links to the story on its day page


def test_state_is_written_once_and_rebuilds_are_identical(site, monkeypatch):
    content, output = site
    state_file = content / "data" / "stories.json"
    state = state_file.read_text()
    assert '"github-mirror": "github-' in state and '"natick": "natick"' in state
    features_file = output.parent / "cache" / "digest-stories" / FILE
    assert len(read_entries(features_file)) == len(POSTS)
    mtime, home = state_file.stat().st_mtime_ns, _read(output, "index.html")
    features_mtime = features_file.stat().st_mtime_ns
    analysed = []
    monkeypatch.setattr(features, "analyse", lambda title, text: analysed.append(title))
    _build(content, output)
    assert analysed == []  # every post's features came from the cache
    assert state_file.stat().st_mtime_ns == mtime and features_file.stat().st_mtime_ns == features_mtime
    assert _read(output, "index.html") == home


def test_a_post_joining_a_story_later_keeps_its_address_and_feed_entry(tmp_path):
    """A third outlet covers the GitHub deal after the site was published: the story keeps its
    id, its place on its first day and its feed entry (same id, updated), and lists the newcomer."""
    import feedparser

    content, output = tmp_path / "content", tmp_path / "output"
    _write_posts(content)
    _build(content, output)

    def github_entries() -> list:
        feed = feedparser.parse(_read(output, "feeds/stories.atom.xml"))
        assert not feed.bozo, feed.bozo_exception
        return [e for e in feed.entries if "GitHub" in e.title]

    [before] = github_entries()
    anchor = before.link.rpartition("#")[2]
    assert anchor.startswith("story-github-") and f'id="{anchor}"' in _read(output, "2018/06/04/index.html")
    late = GITHUB.replace("Microsoft agreed", "Regulators cleared Microsoft, which agreed")
    (content / "posts" / "2018" / "github-late.md").write_text(
        "Title: GitHub deal cleared\nDate: 2018-06-07 09:00\nSlug: github-late\nSource: Late Ledger\n"
        f"Companies: Microsoft\n\n{late}\n", encoding="utf-8")
    _build(content, output)

    [after] = github_entries()
    assert (after.id, after.link) == (before.id, before.link)
    assert after.updated_parsed >= before.updated_parsed
    first_day = _read(output, "2018/06/04/index.html")
    assert f'id="{anchor}"' in first_day and "Late Ledger" in first_day
    state = (content / "data" / "stories.json").read_text()
    assert '"github-late": "' + anchor.removeprefix("story-") in state


def test_a_build_without_the_plugin_is_left_alone(site, tmp_path):
    """Receivers stay connected after the build above; a build that did not enable the plugin is untouched."""
    content, _ = site
    output = tmp_path / "output"
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(output), "PLUGINS": [], "THEME": str(REPO / "theme"),
        "CACHE_CONTENT": False, "LOAD_CONTENT_CACHE": False, "INDEX_SAVE_AS": "index.html",
    })
    Pelican(settings).run()
    assert not (output / "feeds" / "stories.atom.xml").exists()
    assert not (output / "2018" / "06" / "04" / "index.html").exists()
    assert (output / "2018" / "06" / "05" / "github-mirror" / "index.html").exists()
    assert "github-mirror" in _read(output, "feeds/all.atom.xml")  # no story: listed like any post


class _Company:
    """Prints as its name, as digest_taxonomies' Company does."""

    def __init__(self, name: str) -> None:
        self.name = name

    def __str__(self) -> str:
        return self.name


def test_a_storys_company_names_become_its_posts_company_objects():
    microsoft = _Company("Microsoft")
    lead, other = SimpleNamespace(companies=[microsoft]), SimpleNamespace(companies="Microsoft; Nokia")
    day = date(2018, 6, 4)
    story = Story(id="s", lead=lead, coverage=(other,), duplicates=(), posts=(lead, other), outlets=(),
                  companies=("microsoft", "Nokia"), date=datetime(2018, 6, 4), day=day, days=(day,),
                  updated=datetime(2018, 6, 4), importance=1.0, pinned=False, hidden=False, url="", anchor="")
    assert with_company_objects(story).companies == (microsoft, "Nokia")  # no post has a Nokia object
