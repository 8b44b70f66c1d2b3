"""The writer's pieces: what a template reads, the key store, and skipping in a real Writer call."""

from pathlib import Path

import jinja2
import pytest

from digest_core.incremental import IncrementalWriter, KeyStore, build_digest, template_reads
from digest_core.fingerprint import Fingerprints

TEMPLATES = {
    "base.html": "<title>{{ SITENAME }}</title>{% block body %}{% endblock %}",
    "page.html": '{% extends "base.html" %}{% import "macros.html" as m %}{% block body %}{{ m.show(item) }} {{ note }}{% endblock %}',
    "macros.html": "{% macro show(x) %}{{ x.title }} {{ SITEURL }}{% endmacro %}",
    "dynamic.html": "{% include pick %}",
}


@pytest.fixture
def env():
    return jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))


def test_template_reads_follows_extends_and_imports(env):
    names, sources = template_reads(env, "page.html")
    assert {"SITENAME", "item", "note", "SITEURL"} <= names
    assert template_reads(env, "page.html")[1] == sources


def test_a_change_in_a_pulled_in_template_changes_the_sources_digest(env):
    before = template_reads(env, "page.html")[1]
    changed = jinja2.Environment(loader=jinja2.DictLoader({**TEMPLATES, "macros.html": "{% macro show(x) %}{{ x }}{% endmacro %}"}))
    assert template_reads(changed, "page.html")[1] != before


def test_parsed_templates_are_remembered_by_source(env, monkeypatch):
    known = {}
    first = template_reads(env, "page.html", known)
    assert set(known) == {"page.html", "base.html", "macros.html"}
    monkeypatch.setattr(env, "parse", lambda source: pytest.fail("parsed again"))
    assert template_reads(env, "page.html", known) == first


def test_a_template_chosen_at_run_time_cannot_be_followed(env):
    assert template_reads(env, "dynamic.html") is None


def test_build_digest_depends_on_settings_and_takes_functions_by_their_code():
    settings = {"SITENAME": "A", "JINJA_FILTERS": {"up": str.upper}, "PLUGINS": []}
    first = build_digest(settings, Fingerprints())
    assert build_digest(dict(settings), Fingerprints()) == first
    assert build_digest({**settings, "SITENAME": "B"}, Fingerprints()) != first
    assert build_digest({**settings, "DIGEST_JOBS": 8, "CACHE_PATH": "/elsewhere"}, Fingerprints()) == first
    assert build_digest({**settings, "STORY_JOBS": 1, "PAGEFIND_INCREMENTAL": False}, Fingerprints()) == first


def test_key_store_keeps_keys_only_for_a_finished_build(tmp_path):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    output = tmp_path / "out"
    (output / "a").mkdir(parents=True)
    (output / "a" / "index.html").write_text("x")
    store = KeyStore(settings, str(output))
    store.record("page:a/index.html", "k1", [str(output / "a" / "index.html")])
    store.save()

    again = KeyStore(settings, str(output))
    assert not store.path.exists()  # opened by a build: gone until that build ends
    assert again.unchanged("page:a/index.html", "k1") == [str(output / "a" / "index.html")]
    assert again.unchanged("page:a/index.html", "k2") is None
    (output / "a" / "index.html").unlink()
    assert again.unchanged("page:a/index.html", "k1") is None  # a missing file is written again
    assert KeyStore(settings, str(output)).previous == {}  # `again` never saved


class Page:
    def __init__(self, title):
        self.title = title


def write(tmp_path, title, note="n"):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [], "RELATIVE_URLS": False}
    writer = IncrementalWriter(str(tmp_path / "out"), settings=settings)
    context = {"SITENAME": "Site", "SITEURL": "", "localsiteurl": None}
    writer.write_file("p/index.html", env.get_template("page.html"), context, item=Page(title), note=note)
    writer.save_keys()
    return writer, (tmp_path / "out" / "p" / "index.html").read_text()


def test_a_page_is_rendered_again_only_when_what_it_shows_changes(tmp_path):
    writer, html = write(tmp_path, "First")
    assert (writer.rendered, writer.skipped) == (1, 0) and "First" in html
    writer, html = write(tmp_path, "First")
    assert (writer.rendered, writer.skipped) == (0, 1)
    writer, html = write(tmp_path, "Second")
    assert (writer.rendered, writer.skipped) == (1, 0) and "Second" in html
    writer, html = write(tmp_path, "Second", note="changed")
    assert writer.rendered == 1 and "changed" in html


def test_turned_off_it_renders_everything(tmp_path):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "DIGEST_SKIP_UNCHANGED_PAGES": False}
    for _ in range(2):
        writer = IncrementalWriter(str(tmp_path / "out"), settings=settings)
        writer.write_file("p/index.html", env.get_template("page.html"), {"localsiteurl": None}, item=Page("t"), note="")
        writer.save_keys()
        assert writer.rendered == 1
    assert not Path(tmp_path / "cache").exists()


class Source:
    def __init__(self, path):
        self.path = path

    def get_relative_source_path(self):
        return self.path


def test_a_second_page_at_one_address_is_reported_in_every_build_and_the_first_kept(tmp_path, caplog):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [], "RELATIVE_URLS": False}
    context = {"SITENAME": "Site", "SITEURL": "", "localsiteurl": None}
    for _ in range(2):
        caplog.clear()
        writer = IncrementalWriter(str(tmp_path / "out"), settings=settings)
        writer.write_file("p/index.html", env.get_template("page.html"), context, item=Page("First"), note="")
        writer.write_file("p/index.html", env.get_template("page.html"), context, item=Page("Second"), note="",
                          page=Source("pages/second.md"))
        writer.write_file("q/index.html", env.get_template("page.html"), context, item=Page("Other"), note="")
        writer.save_keys()
        assert "pages/second.md: not written: another page of this build is already at p/index.html" in caplog.text
        assert "First" in (tmp_path / "out" / "p" / "index.html").read_text()
        assert (tmp_path / "out" / "q" / "index.html").is_file()


def test_files_no_call_makes_any_more_are_removed_and_nothing_else(tmp_path):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [], "RELATIVE_URLS": False}
    context = {"SITENAME": "Site", "SITEURL": "", "localsiteurl": None}
    out = tmp_path / "out"

    def build(*names):
        writer = IncrementalWriter(str(out), settings=settings)
        for name in names:
            writer.write_file(name, env.get_template("page.html"), context, item=Page(name), note="")
        removed = writer.remove_unclaimed()
        writer.save_keys()
        return removed

    assert build("p/index.html", "gone/deep/index.html") == 0
    (out / "static.css").write_text("kept: no call of ours wrote it")
    assert build("p/index.html") == 1
    assert sorted(p.relative_to(out).as_posix() for p in out.rglob("*")) == ["p", "p/index.html", "static.css"]
    assert build("p/index.html") == 0


def test_a_file_written_by_a_call_without_a_key_is_not_removed(tmp_path):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [], "RELATIVE_URLS": False}
    context = {"SITENAME": "Site", "SITEURL": "", "localsiteurl": None}
    for override in (False, True):  # keyed in the first build, written with override_output (no key) in the next
        writer = IncrementalWriter(str(tmp_path / "out"), settings=settings)
        writer.write_file("p/index.html", env.get_template("page.html"), context, item=Page("p"), note="",
                          override_output=override)
        assert writer.remove_unclaimed() == 0
        writer.save_keys()
    assert (tmp_path / "out" / "p" / "index.html").is_file()


def test_through_a_symbolic_link_the_keys_name_plain_paths_and_skipped_pages_still_count(tmp_path):
    (tmp_path / "real").mkdir()
    (tmp_path / "link").symlink_to(tmp_path / "real")
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [], "RELATIVE_URLS": False}
    context = {"SITENAME": "Site", "SITEURL": "", "localsiteurl": None}

    def build(*names):
        writer = IncrementalWriter(str(tmp_path / "link" / "out"), settings=settings)
        for name in names:
            writer.write_file(name, env.get_template("page.html"), context, item=Page(name), note="")
        writer.remove_unclaimed()
        writer.save_keys()
        return writer

    build("p/index.html", "q/index.html")
    writer = build("p/index.html", "q/index.html")
    assert writer.skipped == 2
    assert sorted(name for _, files in writer._keys.current.values() for name in files) == ["p/index.html", "q/index.html"]
    assert str(tmp_path / "link" / "out" / "p" / "index.html") in writer._written_files  # Pelican's form
    assert build("p/index.html").removed == 1
    assert sorted(p.name for p in (tmp_path / "real" / "out").iterdir()) == ["p"]
