"""The plugin in a real build: the same site, byte for byte, and the same messages, with it or without."""

import logging
import shutil

import pytest
from pelican.readers import MarkdownReader, Readers
from pelican.settings import read_settings

from digest_reader import prefetch as prefetch_module
from digest_reader import plugin
from digest_reader.reader import DigestMarkdownReader
from support import FIXTURES, REPO, build_site

HOSTILE = ["empty.md", "bad_date.md", "latin1.md", "duplicates.md", "footnotes.md", "blocks.md"]
PLUGINS = [name for name in read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"] if name != "digest_reader"]


def test_readers_use_ours_for_markdown_only_when_the_plugin_is_on():
    settings = read_settings(str(REPO / "pelicanconf.py"))
    import digest_reader

    digest_reader.register()
    ours = Readers(settings)
    assert {type(ours.readers[ext]) for ext in ("md", "markdown", "mkd", "mdown")} == {DigestMarkdownReader}
    assert type(Readers({**settings, "PLUGINS": PLUGINS}).readers["md"]) is MarkdownReader


def test_posts_still_say_pelicans_markdown_reader_read_them(tmp_path):
    post = tmp_path / "post.md"
    shutil.copy(FIXTURES / "reader" / "blocks.md", post)
    settings = read_settings(str(REPO / "pelicanconf.py"), override={"READERS": {"md": DigestMarkdownReader}})
    assert Readers(settings).read_file(str(tmp_path), "post.md").reader == "markdown"


def build(root, name, caplog, **overrides):
    """The sample posts plus hostile ones, built without ingest or search index: files and messages.

    Each build has its own copy of the content, as Pelican logs a message only once per process.
    """
    site = root / name
    shutil.copytree(root / "content", site / "content")
    caplog.clear()
    build_site(site / "content", site / "output", PAGEFIND_ENABLED=False, DIGEST_INGEST_ON_BUILD=False,
               CACHE_CONTENT=True, LOAD_CONTENT_CACHE=True, CACHE_PATH=str(site / "cache"), **overrides)
    files = {path.relative_to(site / "output"): path.read_bytes()
             for path in sorted((site / "output").rglob("*")) if path.is_file()}
    messages = sorted(record.getMessage().replace(str(site), "SITE") for record in caplog.records
                      if record.levelno >= logging.WARNING and "hostile" in record.getMessage())
    return files, messages


@pytest.mark.slow
def test_site_is_byte_identical_without_plugin_and_with_one_or_two_jobs(
    sample_site, tmp_path, monkeypatch, caplog
):
    # The sample content with the posts its ingest wrote (a fresh clone has no content/posts).
    ignore = shutil.ignore_patterns("stories.json")
    shutil.copytree(sample_site.parent / "content", tmp_path / "content", ignore=ignore)
    hostile = tmp_path / "content" / "posts" / "hostile"
    hostile.mkdir()
    for name in HOSTILE:
        shutil.copy(FIXTURES / "reader" / name, hostile / name)
    monkeypatch.setattr(prefetch_module, "PARALLEL_MIN_FILES", 1)  # the sample has only some 40 posts
    started = []
    monkeypatch.setattr(plugin, "read_ahead",
                        lambda *args: started.append(prefetch_module.read_ahead(*args) is not None))
    caplog.set_level(logging.WARNING)

    plain = build(tmp_path, "plain", caplog, PLUGINS=PLUGINS)
    serial = build(tmp_path, "serial", caplog, READER_JOBS=1)
    assert started == [False, False]  # articles, pages
    parallel = build(tmp_path, "parallel", caplog, READER_JOBS=2)
    assert started[2:] == [True, True]
    assert len(plain[0]) > 100
    assert len(plain[1]) == 5, plain[1]  # bad date, bad bytes, empty, two duplicated keys
    assert serial == plain
    assert parallel == plain
