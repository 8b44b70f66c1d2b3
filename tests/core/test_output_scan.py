"""digest_core.output_scan: the output's HTML files, read again only when they changed."""

import os
from pathlib import Path

import pytest

from digest_core.output_scan import html_files, load_readings, read_changed, reader_code, save_readings

OLD_NS = 1_600_000_000_000_000_000  # 2020: long settled


def write(root: Path, files: dict[str, str], mtime_ns: int | None = OLD_NS) -> None:
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text)
        if mtime_ns is not None:
            os.utime(path, ns=(mtime_ns, mtime_ns))


def test_html_files_lists_pages_sorted_with_their_stat(tmp_path: Path) -> None:
    write(tmp_path, {"b/index.html": "bb", "a.html": "a", "a/z.html": "", "style.css": "x",
                     ".hidden.html": "h", ".pagefind-pages-x/a.html": "p", "b/.work/c.html": "w",
                     "notes.htm": "n"})
    assert html_files(tmp_path) == {".hidden.html": (1, OLD_NS), "a.html": (1, OLD_NS),
                                    "a/z.html": (0, OLD_NS), "b/index.html": (2, OLD_NS)}


def test_html_files_follows_linked_files_but_not_linked_folders(tmp_path: Path) -> None:
    write(tmp_path, {"site/a.html": "a", "elsewhere/b.html": "b"})
    (tmp_path / "site/linked.html").symlink_to(tmp_path / "elsewhere/b.html")
    (tmp_path / "site/dangling.html").symlink_to(tmp_path / "missing.html")
    (tmp_path / "site/folder").symlink_to(tmp_path / "elsewhere")
    (tmp_path / "site/dir.html").symlink_to(tmp_path / "elsewhere")
    assert list(html_files(tmp_path / "site")) == ["a.html", "linked.html"]


def test_html_files_of_a_missing_folder(tmp_path: Path) -> None:
    assert html_files(tmp_path / "missing") == {}


class Reader:
    """Reads a file's text and counts what it read."""

    def __init__(self) -> None:
        self.read: list[str] = []

    def __call__(self, path: Path) -> str:
        self.read.append(path.name)
        return path.read_text()


def test_read_changed_reads_only_files_whose_stat_changed(tmp_path: Path) -> None:
    write(tmp_path, {"a.html": "a", "b.html": "b", "c.html": "c"})
    reader = Reader()
    first = read_changed(tmp_path, html_files(tmp_path), {}, reader)
    assert first == {name: [1, OLD_NS, name[0]] for name in ("a.html", "b.html", "c.html")}
    write(tmp_path, {"b.html": "B"}, OLD_NS + 1)  # same size, new time
    write(tmp_path, {"c.html": "cc"}, OLD_NS)  # new size, same time
    remembered = {**first, "a.html": [1, OLD_NS, "remembered"]}
    reader.read.clear()
    again = read_changed(tmp_path, html_files(tmp_path), remembered, reader)
    assert sorted(reader.read) == ["b.html", "c.html"]
    assert again == {"a.html": [1, OLD_NS, "remembered"], "b.html": [1, OLD_NS + 1, "B"],
                     "c.html": [2, OLD_NS, "cc"]}


@pytest.mark.parametrize("known", [None, "x", [], [1], [1, OLD_NS], [1, OLD_NS, "x", "y"], {"0": 1}])
def test_a_malformed_known_reading_means_reading_again(tmp_path: Path, known: object) -> None:
    write(tmp_path, {"a.html": "a"})
    readings = read_changed(tmp_path, html_files(tmp_path), {"a.html": known}, Reader())
    assert readings == {"a.html": [1, OLD_NS, "a"]}


def test_a_file_written_just_now_is_read_again_next_time(tmp_path: Path) -> None:
    write(tmp_path, {"a.html": "a"}, mtime_ns=None)
    reader = Reader()
    first = read_changed(tmp_path, html_files(tmp_path), {}, reader)
    assert first["a.html"][1] == -1  # its time may not move if it is written again within the same tick
    read_changed(tmp_path, html_files(tmp_path), first, reader)
    assert reader.read == ["a.html", "a.html"]


def test_readings_are_saved_with_the_code_that_made_them(tmp_path: Path) -> None:
    path = tmp_path / "cache" / "x.json"
    code = reader_code(__name__)
    assert code == reader_code(__name__) != reader_code("json")
    readings = {"a.html": [1, OLD_NS, "a"]}
    save_readings(path, code, readings)
    assert load_readings(path, code) == readings
    assert load_readings(path, reader_code("json")) == {}


@pytest.mark.parametrize("text", ["{not json", "[]", '{"code": "c"}', '{"code": "c", "files": []}',
                                  '{"code": "other", "files": {}}'])
def test_unusable_state_means_reading_everything(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text)
    assert load_readings(path, "c") == {}
    assert load_readings(tmp_path / "missing.json", "c") == {}
