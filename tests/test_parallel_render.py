"""End to end: pages rendered across processes are the pages a serial build writes."""

import multiprocessing
import shutil
from types import SimpleNamespace

import pytest

from digest_core import render_queue
from support import build_site
from test_incremental_build import add_post, edit_post, tree


@pytest.fixture
def content(sample_site, tmp_path):
    folder = tmp_path / "content"
    shutil.copytree(sample_site.parent / "content", folder)
    return folder


def build(content, output, jobs):
    return build_site(content, output, DIGEST_INGEST_ON_BUILD=False, DIGEST_RENDER_JOBS=jobs)


def test_parallel_builds_and_rebuilds_equal_serial_ones(content, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(render_queue, "MIN_CALLS", 1)  # every queue goes to the workers
    pools = []

    def get_context(method):
        pools.append(method)
        return multiprocessing.get_context(method)

    monkeypatch.setattr(render_queue, "multiprocessing", SimpleNamespace(
        get_context=get_context, get_all_start_methods=multiprocessing.get_all_start_methods))
    serial, parallel = tmp_path / "serial", tmp_path / "parallel"
    build(content, serial, 1)
    build(content, parallel, 3)
    assert pools, "the parallel build rendered nothing in workers"
    assert tree(parallel) == tree(serial)
    capsys.readouterr()

    posts = sorted((content / "posts").rglob("*.md"))
    edit_post(posts[0], "An edited title")
    add_post(content, posts[1], "added-while-parallel", "Added while rendering in parallel")
    build(content, serial, 1)
    serial_line = [l for l in capsys.readouterr().out.splitlines() if l.startswith("pages and feeds:")]
    build(content, parallel, 3)
    parallel_line = [l for l in capsys.readouterr().out.splitlines() if l.startswith("pages and feeds:")]
    assert tree(parallel) == tree(serial)
    assert parallel_line == serial_line and "unchanged" in serial_line[0]
