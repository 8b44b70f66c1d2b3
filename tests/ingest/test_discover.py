"""discover: which files are raw pages, their sidecars, and JSON Lines exports."""

import json

from digest_core.records import RawPage, Rejected
from digest_ingest.discover import Found, folder_of, iter_files, load, read_sidecar


def test_pages_sidecars_and_leftovers(tmp_path):
    for name in ("a.html", "b.htm", "c.txt", "c.json", "lonely.json", "notes.pdf", ".hidden.txt", "README.md", "x/d.jsonl"):
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("{}" if name.endswith(".json") else "text")
    found = list(iter_files(tmp_path))
    pages = {f.rel: f for f in found if isinstance(f, Found)}
    rejected = {r.rel: r.reason for r in found if isinstance(r, Rejected)}
    assert sorted(pages) == ["a.html", "b.htm", "c.txt", "x/d.jsonl"]
    assert pages["c.txt"].sidecar == tmp_path / "c.json"
    assert rejected == {"lonely.json": "sidecar without a page of the same name", "notes.pdf": "unsupported file type '.pdf'"}


def test_pages_come_in_path_order(tmp_path):
    names = ["b.txt", "a-b.txt", "a/z.txt", "a.txt", "A.txt", "a/b/c.txt", "a b.txt"]
    for name in names:
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("text")
    found = [f.rel for f in iter_files(tmp_path)]
    assert found == [p.relative_to(tmp_path).as_posix() for p in sorted(tmp_path / n for n in names)]


def test_folder_is_the_outlet_hint():
    assert folder_of("the-verge/2018/a.html") == "the-verge"
    assert folder_of("a.html") == ""


def test_sidecar_must_be_an_object(tmp_path):
    path = tmp_path / "s.json"
    path.write_text("[1, 2]")
    assert read_sidecar(path, "p.txt")[0] == {}
    path.write_text('{"url": "https://x.example/"}')
    assert read_sidecar(path, "p.txt") == ({"url": "https://x.example/"}, "")


def test_jsonl_lines_become_pages(tmp_path):
    path = tmp_path / "e.jsonl"
    path.write_text("\n".join([
        json.dumps({"url": "https://a.example/1", "html": "<p>x</p>", "source": "A"}),
        "",
        json.dumps({"url": "https://a.example/2", "text": "words"}),
    ]))
    pages = list(load(Found("e.jsonl", path), 1_000_000))
    assert [(p.rel, p.kind, p.sidecar.get("url")) for p in pages if isinstance(p, RawPage)] == [
        ("e.jsonl#1", "html", "https://a.example/1"), ("e.jsonl#3", "text", "https://a.example/2"),
    ]


def test_an_oversized_jsonl_line_is_skipped_without_reading_it_whole(tmp_path):
    path = tmp_path / "e.jsonl"
    small = json.dumps({"url": "https://a.example/1", "text": "words"}).encode()
    path.write_bytes(small + b"\n" + b'{"text": "' + b"x" * 5_000_000 + b'"}\n' + small + b"\n")
    results = list(load(Found("e.jsonl", path), 10_000))
    assert [type(r).__name__ for r in results] == ["RawPage", "Rejected", "RawPage"]
    assert results[1].rel == "e.jsonl#2" and "line too large: 5,000,013 bytes" in results[1].reason
    assert results[2].rel == "e.jsonl#3"
