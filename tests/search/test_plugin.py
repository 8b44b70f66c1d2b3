"""digest_search.plugin: settings, failure handling, and one real build with the real Pagefind binary."""

from __future__ import annotations

import gzip
import json
import logging
import re
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest
from bs4 import BeautifulSoup

from browser.site import FIXTURE_CONTENT, build_site, rebuild_site
from digest_search.pagefind import PagefindError
from digest_search.plugin import DEFAULTS, index_output, search_settings

README = Path(__file__).resolve().parents[2] / "plugins" / "digest_search" / "README.md"


@pytest.mark.parametrize(
    ("settings", "expected"),
    [
        ({}, (True, ())),
        ({"PAGEFIND_ENABLED": False}, (False, ())),
        ({"PAGEFIND_OPTIONS": ["--force-language", "en"]}, (True, ("--force-language", "en"))),
    ],
)
def test_search_settings(settings: dict[str, object], expected: tuple[bool, tuple[str, ...]]) -> None:
    assert search_settings(settings) == expected


def test_search_settings_rejects_a_string() -> None:
    with pytest.raises(PagefindError, match="list of command-line arguments"):
        search_settings({"PAGEFIND_OPTIONS": "--quiet"})


def pelican_stub(output: Path, **settings: object) -> SimpleNamespace:
    """What index_output reads from the Pelican object."""
    return SimpleNamespace(settings={"PLUGINS": ["digest_search"], **settings}, output_path=str(output))


def test_a_build_without_the_plugin_is_left_alone(tmp_path: Path) -> None:
    (tmp_path / "index.html").write_text("<p>home</p>")
    index_output(SimpleNamespace(settings={"PLUGINS": ["digest_taxonomies"]}, output_path=str(tmp_path)))
    assert not (tmp_path / "pagefind").exists()


def test_disabled_search_builds_no_index(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="digest_search"):
        index_output(pelican_stub(tmp_path, PAGEFIND_ENABLED=False))
    assert not (tmp_path / "pagefind").exists()
    assert "PAGEFIND_ENABLED is off" in caplog.text


@pytest.mark.parametrize(
    ("settings", "env_binary", "reason"),
    [
        ({}, "no-such-pagefind", "cannot start Pagefind"),
        ({"PAGEFIND_OPTIONS": ["--site", "x"]}, "", "may not set --site"),
    ],
)
def test_failure_is_a_warning_and_keeps_the_site(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture,
    settings: dict[str, object], env_binary: str, reason: str,
) -> None:
    site = tmp_path / "output"
    site.mkdir()
    (site / "index.html").write_text("<main data-pagefind-body><p>home</p></main>")
    if env_binary:
        monkeypatch.setenv("PAGEFIND_BINARY_PATH", str(tmp_path / env_binary))
    with caplog.at_level(logging.WARNING, logger="digest_search"):
        index_output(pelican_stub(site, **settings))
    assert [r.levelname for r in caplog.records] == ["WARNING"]
    assert "search index not updated" in caplog.text and reason in caplog.text
    assert sorted(p.name for p in site.iterdir()) == ["index.html"]


def test_readme_documents_every_setting() -> None:
    text = README.read_text("utf-8")
    for key in DEFAULTS:
        assert f"| `{key}` |" in text


def fragments(bundle: Path) -> dict[str, dict[str, object]]:
    """{page url: fragment} of a Pagefind bundle."""
    out = {}
    for path in (bundle / "fragment").glob("*.pf_fragment"):
        data = json.loads(gzip.decompress(path.read_bytes())[len("pagefind_dcd") :])
        out[data["url"]] = data
    return out


def chrome_text(page: Path) -> list[str]:
    """Text runs of the page's header, navigation and footer: never search content."""
    soup = BeautifulSoup(page.read_text("utf-8"), "html.parser")
    runs = []
    for element in soup.select("body > header, body > footer, body nav"):
        runs += [" ".join(s.split()) for s in element.stripped_strings if len(s.split()) >= 2]
    return runs


@pytest.mark.slow
def test_real_build_indexes_posts_only_and_is_deterministic(tmp_path: Path) -> None:
    first = build_site(FIXTURE_CONTENT, tmp_path / "one")
    second = build_site(FIXTURE_CONTENT, tmp_path / "two")
    files = sorted(p.relative_to(first.root) for p in first.root.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(second.root) for p in second.root.rglob("*") if p.is_file())
    changed = [f for f in files if (first.root / f).read_bytes() != (second.root / f).read_bytes()]
    assert changed == []

    bundle = first.root / "pagefind"
    entry = json.loads((bundle / "pagefind-entry.json").read_text())
    # One index for every language: the search page can only query one (PAGEFIND_OPTIONS).
    assert list(entry["languages"]) == ["en"]
    assert entry["languages"]["en"]["page_count"] == len(first.posts) == 7
    found = fragments(bundle)
    assert sorted(found) == sorted(first.posts)
    for url, fragment in found.items():
        page = first.root / url.strip("/") / "index.html"
        leaked = [run for run in chrome_text(page) if run in fragment["content"]]
        assert leaked == [], url
        assert set(fragment["filters"]) >= {"company", "outlet", "tag", "year"}
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:]+[+-]\d{2}:\d{2}", fragment["meta"]["date"])
        assert fragment["meta"]["title"] and fragment["meta"]["outlet"]

    leica = found["/2022/07/04/xiaomi-12s-ultra-leica/"]
    assert leica["filters"]["company"] == ["Xiaomi", "Leica", "AT&T"]
    assert leica["filters"]["year"] == ["2022"]
    assert leica["meta"]["title"] == "Xiaomi 12S Ultra arrives with Leica-tuned cameras"


@pytest.mark.slow
def test_a_rebuild_indexes_added_posts_apart_until_a_main_page_changes(tmp_path: Path) -> None:
    workdir = tmp_path / "work"
    first = build_site(FIXTURE_CONTENT, workdir)
    main_entry = (first.root / "pagefind" / "pagefind-entry.json").read_bytes()
    posts = workdir / "content" / "posts"
    added = posts / "2030" / "2030-01-02-added.md"
    added.parent.mkdir(parents=True, exist_ok=True)
    added.write_text("Title: An added post\nDate: 2030-01-02 10:00\nSlug: an-added-post\nSource: Test Wire\n"
                     "Companies: Acme\nStatus: published\n\n" + "Acme opened a new plant in the north today. " * 20)

    site = rebuild_site(workdir)
    manifest = json.loads((site.root / "pagefind" / "bundles.json").read_text())
    assert manifest["bundles"] == ["../pagefind/", "../pagefind-recent/"]
    assert (site.root / "pagefind" / "pagefind-entry.json").read_bytes() == main_entry  # left alone
    recent = json.loads((site.root / "pagefind-recent" / "pagefind-entry.json").read_text())
    assert recent["languages"]["en"]["page_count"] == 1

    edited = next(p for p in sorted(posts.rglob("*.md")) if p != added)
    edited.write_text(edited.read_text() + "\nOne more sentence for the searchable text.\n")
    site = rebuild_site(workdir)
    assert json.loads((site.root / "pagefind" / "bundles.json").read_text())["bundles"] == ["../pagefind/"]
    assert not (site.root / "pagefind-recent").exists()
    entry = json.loads((site.root / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en"]["page_count"] == len(site.posts) == len(first.posts) + 1


@pytest.mark.slow
def test_a_site_without_a_published_post_builds_without_an_index_or_a_warning(tmp_path: Path) -> None:
    content = tmp_path / "drafts"
    shutil.copytree(FIXTURE_CONTENT, content)
    for post in (content / "posts").rglob("*.md"):
        post.write_text(post.read_text().replace("\n\n", "\nStatus: draft\n\n", 1))
    with pytest.raises(RuntimeError) as failed:  # rebuild_site insists on an index
        build_site(content, tmp_path / "work")
    log = str(failed.value)
    assert "(exit 0)" in log and "Pagefind" not in log and "search index not updated" not in log
    site = tmp_path / "work" / "output"
    assert (site / "index.html").is_file() and not (site / "pagefind").exists()
