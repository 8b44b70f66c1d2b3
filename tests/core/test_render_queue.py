"""Writer calls queued and rendered across processes: same files, same keys, same errors."""

import jinja2
import pytest

from digest_core import render_queue
from digest_core.incremental import IncrementalWriter

TEMPLATES = {
    "page.html": "<h1>{{ item.title }}</h1>{{ SITENAME }}",
    "broken.html": "{{ item.title }}{% if item.title.endswith('1') %}{{ item.missing() }}{% endif %}",
}


class Item:
    def __init__(self, title):
        self.title = title


def make_writer(tmp_path, jobs):
    settings = {"CACHE_PATH": str(tmp_path / "cache"), "PLUGINS": [], "RELATIVE_URLS": False,
                "DIGEST_RENDER_JOBS": jobs}
    return IncrementalWriter(str(tmp_path / "out"), settings=settings)


def write_pages(writer, count, template="page.html"):
    env = jinja2.Environment(loader=jinja2.DictLoader(TEMPLATES))
    context = {"SITENAME": "Site", "SITEURL": "", "localsiteurl": None}
    for n in range(count):
        writer.write_file(f"p{n}/index.html", env.get_template(template), context, item=Item(f"Post {n}"))


def files(root):
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


@pytest.fixture
def always_fork(monkeypatch):
    monkeypatch.setattr(render_queue, "MIN_CALLS", 1)


def test_calls_wait_for_the_flush_then_match_a_serial_writer(tmp_path, always_fork):
    serial, parallel = make_writer(tmp_path / "s", 1), make_writer(tmp_path / "p", 3)
    write_pages(serial, 10)
    write_pages(parallel, 10)
    assert not (tmp_path / "p" / "out").exists()  # put off
    parallel.flush()
    serial.save_keys()
    parallel.save_keys()
    assert files(tmp_path / "p" / "out") == files(tmp_path / "s" / "out")
    assert len(files(tmp_path / "s" / "out")) == 10
    assert (parallel.rendered, parallel._written_files) == (10, {str(tmp_path / "p" / "out" / f"p{n}" / "index.html") for n in range(10)})

    again = make_writer(tmp_path / "p", 3)  # the keys the workers made spare the next build
    write_pages(again, 10)
    again.flush()
    assert (again.rendered, again.skipped) == (0, 10)


def test_a_short_queue_stays_in_the_build_process(tmp_path, monkeypatch):
    monkeypatch.setattr(render_queue.multiprocessing, "get_context", lambda method: pytest.fail("forked"))
    writer = make_writer(tmp_path, 2)
    write_pages(writer, render_queue.MIN_CALLS - 1)
    writer.flush()
    assert writer.rendered == render_queue.MIN_CALLS - 1


def test_a_call_failing_in_a_worker_raises_in_the_build_process(tmp_path, always_fork):
    writer = make_writer(tmp_path, 2)
    write_pages(writer, 4, template="broken.html")  # the build's process renders p0 and p2, a worker p1 and p3
    with pytest.raises(jinja2.UndefinedError):
        writer.flush()
    assert sorted(files(tmp_path / "out")) == ["p0/index.html", "p2/index.html", "p3/index.html"]
    assert writer.rendered == 3


def test_a_second_write_to_one_file_is_refused_as_in_a_serial_build(tmp_path, always_fork, caplog):
    writer = make_writer(tmp_path, 2)
    write_pages(writer, 3)
    write_pages(writer, 1)  # p0 again: the queue is rendered first, then Pelican's check refuses it
    assert writer.rendered == 3
    assert "not written: another page of this build is already at" in caplog.text


def test_jobs_setting_is_checked(tmp_path, caplog):
    assert make_writer(tmp_path, -2)._queue.jobs == 1
    assert "DIGEST_RENDER_JOBS" in caplog.text
