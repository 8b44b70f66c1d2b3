"""Converting a cold build's posts in forked workers, ahead of the generator."""

import logging
import os
import shutil
import warnings

import pytest
from pelican.generators import ArticlesGenerator
from pelican.settings import read_settings

from digest_reader import prefetch as prefetch_module
from digest_reader.prefetch import files_to_read, read_ahead
from digest_reader.reader import DigestMarkdownReader
from support import FIXTURES, REPO

CASES = FIXTURES / "reader"
POSTS = ["blocks.md", "bad_date.md", "duplicates.md", "footnotes.md", "latin1.md", "empty.md", "no_header.md"]


@pytest.fixture
def content(tmp_path):
    """A content folder of the reader fixtures as posts, plus files no Markdown reader takes."""
    posts = tmp_path / "content" / "posts" / "2024"
    posts.mkdir(parents=True)
    for name in POSTS:
        shutil.copy(CASES / name, posts / name)
    (posts / "notes.txt").write_text("not content")
    (posts / "draft.md.tmp").write_text("Title: ignored (IGNORE_FILES)\n")
    return tmp_path / "content"


def generator_for(content, **overrides):
    """An ArticlesGenerator reading with our reader. The plugin itself is left out of PLUGINS:
    these tests start the workers themselves, and the plugin's article_generator_init
    receiver (connected once any build of the session loaded it) would start its own."""
    plugins = [name for name in read_settings(str(REPO / "pelicanconf.py"))["PLUGINS"] if name != "digest_reader"]
    settings = read_settings(str(REPO / "pelicanconf.py"), override={
        "PATH": str(content), "OUTPUT_PATH": str(content.parent / "out"), "PLUGINS": plugins,
        "CACHE_PATH": str(content.parent / "cache"), "READERS": {"md": DigestMarkdownReader}, **overrides})
    context = {**settings, "generated_content": {}, "static_links": set(), "static_content": {}}
    return ArticlesGenerator(context=context, settings=settings, path=settings["PATH"],
                             theme=settings["THEME"], output_path=settings["OUTPUT_PATH"])


def start(generator, jobs=2):
    settings = generator.settings
    return read_ahead(generator, settings["ARTICLE_PATHS"], settings["ARTICLE_EXCLUDES"], jobs)


def path_of(content, name):
    return str(content / "posts" / "2024" / name)


def test_files_to_read_are_the_markdown_posts_not_in_the_cache_in_the_generators_order(content):
    generator = generator_for(content)
    todo = files_to_read(generator, ["posts"], [])
    assert sorted(todo) == sorted(path_of(content, name) for name in POSTS)
    assert todo == [path_of(content, name.rsplit("/", 1)[1])
                    for name in generator.get_files(["posts"]) if name.endswith(".md")]
    generator.readers.cache_data(path_of(content, "blocks.md"), ("<p>x</p>", {}))
    assert path_of(content, "blocks.md") not in files_to_read(generator, ["posts"], [])
    assert files_to_read(generator, ["posts"], ["posts/2024"]) == []


def test_workers_convert_as_the_reader_does_and_leave_failures(content, monkeypatch):
    monkeypatch.setattr(prefetch_module, "PARALLEL_MIN_FILES", 1)
    generator = generator_for(content)
    conversions = start(generator)
    assert generator.readers.readers["md"].ahead is conversions
    serial = DigestMarkdownReader(generator.settings)
    for name in POSTS:
        taken = conversions.take(path_of(content, name))
        if name == "latin1.md":  # does not decode: left to the generator, which reports it as Pelican does
            assert taken is None
        else:
            assert taken == serial.convert(path_of(content, name)), name
    assert conversions.take(path_of(content, "blocks.md")) is None  # each is handed out once


def _noisy_convert(convert):
    def wrapped(self, path):
        if path.endswith("blocks.md"):
            logging.getLogger("markdown_extension").warning("odd input in %s", path)
        if path.endswith("footnotes.md"):
            warnings.warn("deprecated syntax", DeprecationWarning, stacklevel=1)
        return convert(self, path)
    return wrapped


def test_conversions_that_log_or_warn_are_left_to_the_generator(content, monkeypatch):
    monkeypatch.setattr(prefetch_module, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(DigestMarkdownReader, "convert", _noisy_convert(DigestMarkdownReader.convert))
    conversions = start(generator_for(content))
    left = {name for name in POSTS if conversions.take(path_of(content, name)) is None}
    assert left == {"blocks.md", "footnotes.md", "latin1.md"}


@pytest.mark.parametrize("jobs, minimum", [(1, 1), (2, len(POSTS) + 1)], ids=["one job", "too few files"])
def test_nothing_is_read_ahead_for_one_job_or_few_files(content, monkeypatch, jobs, minimum):
    monkeypatch.setattr(prefetch_module, "PARALLEL_MIN_FILES", minimum)
    generator = generator_for(content)
    assert start(generator, jobs) is None
    assert generator.readers.readers["md"].ahead is None


def articles_of(generator):
    generator.generate_context()
    return sorted((a.source_path, a.content, repr(sorted(a.metadata.items(), key=str)))
                  for a in generator.articles + generator.drafts)


def test_generator_reads_the_same_articles_with_and_without_workers(content, monkeypatch):
    monkeypatch.setattr(prefetch_module, "PARALLEL_MIN_FILES", 1)
    serial = articles_of(generator_for(content, CACHE_PATH=str(content.parent / "cache-1")))
    generator = generator_for(content, CACHE_PATH=str(content.parent / "cache-2"))
    conversions = start(generator)
    assert articles_of(generator) == serial
    assert all(conversions.take(path_of(content, name)) is None for name in POSTS)  # the generator took all


def _die_on_blocks(path):
    if path.endswith("blocks.md"):
        os._exit(1)  # as if the kernel killed the worker
    return _real_convert(path)


_real_convert = prefetch_module._convert


def test_a_worker_that_dies_leaves_its_files_to_the_generator(content, monkeypatch):
    monkeypatch.setattr(prefetch_module, "PARALLEL_MIN_FILES", 1)
    monkeypatch.setattr(prefetch_module, "_convert", _die_on_blocks)
    serial = articles_of(generator_for(content, CACHE_PATH=str(content.parent / "cache-1")))
    generator = generator_for(content, CACHE_PATH=str(content.parent / "cache-2"))
    start(generator)
    assert articles_of(generator) == serial
    assert len(serial) == 3  # blocks, duplicates, footnotes: the others are invalid
