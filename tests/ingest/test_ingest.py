"""A whole ingest run: incremental, protective of editors' work, deterministic, parallel = serial."""

import json
import os
from pathlib import Path

import pytest

from support import make_config
from digest_ingest import ingest as ingest_module
from digest_ingest.ingest import run_ingest
from digest_ingest.write import MANIFEST_NAME


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def posts_of(config) -> dict[str, bytes]:
    return {k: v for k, v in tree(config.posts_dir).items() if k.endswith(".md")}


def test_first_run_writes_one_post_per_page(config):
    report = run_ingest(config)
    assert len(report.new) == 3, report.lines()
    assert not report.failed
    assert (config.posts_dir / MANIFEST_NAME).is_file()
    assert "2018/2018-03-12-apple-buys-digital-magazine-service-texture.md" in posts_of(config)


def test_second_run_changes_nothing(config):
    run_ingest(config)
    before = tree(config.posts_dir)
    report = run_ingest(config)
    assert (report.new, report.updated, report.unchanged) == ([], [], 3)
    assert tree(config.posts_dir) == before


def test_changed_raw_page_rewrites_its_post(config, content):
    first = run_ingest(config)
    raw = content / "raw" / "desk" / "launch.txt"
    raw.write_text(raw.read_text().replace("two hundred", "two hundred and fifty"))
    report = run_ingest(config)
    assert len(report.updated) == 1 and report.unchanged == 2
    assert report.updated[0] in first.new
    assert "two hundred and fifty" in (config.posts_dir / report.updated[0]).read_text()


def test_edited_post_is_never_overwritten(config, content):
    post = config.posts_dir / run_ingest(config).new[-1]
    post.write_text(post.read_text().replace("Texture", "Texture (edited)"))
    edited = post.read_bytes()
    raw = content / "raw" / "desk" / "launch.txt"
    raw.write_text(raw.read_text() + "\nOne more real paragraph of article text that changes the page entirely.\n")
    report = run_ingest(config)
    assert report.kept_edited == [post.relative_to(config.posts_dir).as_posix()]
    assert post.read_bytes() == edited
    assert run_ingest(config).unchanged == 3  # and it stays quiet afterwards


def test_deleted_post_is_not_recreated(config, content):
    post = config.posts_dir / run_ingest(config).new[-1]
    post.unlink()
    raw = content / "raw" / "desk" / "launch.txt"
    raw.write_text(raw.read_text().replace("Monday", "Monday morning"))
    report = run_ingest(config)
    assert report.kept_deleted and not post.exists()


def test_deleted_raw_page_keeps_its_post(config, content):
    post = run_ingest(config).new[-1]
    (content / "raw" / "desk" / "launch.txt").unlink()
    report = run_ingest(config)
    assert report.orphaned == [post]
    assert (config.posts_dir / post).is_file()
    assert any("raw page gone" in line for line in report.lines())


def test_same_input_same_bytes(tmp_path, content):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(content, other)
    run_ingest(make_config(content))
    run_ingest(make_config(other))
    assert tree(content / "posts") == tree(other / "posts")


def test_parallel_equals_serial(tmp_path, content, monkeypatch):
    import shutil

    other = tmp_path / "other"
    shutil.copytree(content, other)
    run_ingest(make_config(content), jobs=1)
    monkeypatch.setattr(ingest_module, "PARALLEL_THRESHOLD", 1)
    run_ingest(make_config(other), jobs=2)
    assert tree(content / "posts") == tree(other / "posts")


BAD_FILES = {
    "empty.txt": (b"", "empty file"),
    "blank.html": (b"   \n\t ", "empty file"),
    "image.html": (b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "binary"),
    "noise.txt": (bytes(range(32)) * 200, "binary"),
    "notes.docx": (b"PK\x03\x04", "unsupported file type"),
}


def test_bad_files_are_reported_and_the_rest_goes_on(config, content):
    for name, (data, _) in BAD_FILES.items():
        (content / "raw" / name).write_bytes(data)
    (content / "raw" / "huge.txt").write_bytes(b"word " * 300_000)
    report = run_ingest(make_config(content, DIGEST_MAX_BYTES=1_000_000))
    reasons = {r.rel: r.reason for r in report.failed}
    for name, (_, reason) in BAD_FILES.items():
        assert reason in reasons[name], (name, reasons)
    assert "too large" in reasons["huge.txt"]
    assert len(report.new) == 3
    assert all(f"failed {name}" in "\n".join(report.lines()) for name in BAD_FILES)


def test_broken_sidecar_is_ignored_not_fatal(config, content, caplog):
    (content / "raw" / "desk" / "launch.json").write_text("{not json")
    report = run_ingest(config)
    assert len(report.new) == 3
    assert "sidecar launch.json ignored" in caplog.text


def test_jsonl_export(config, content):
    lines = [
        json.dumps({"url": "https://wire.example/a", "source": "Wire", "text": (content / "raw" / "desk" / "launch.txt").read_text()}),
        "{broken",
        json.dumps({"url": "https://wire.example/b"}),
        json.dumps(["not", "an", "object"]),
    ]
    (content / "raw" / "export.jsonl").write_text("\n".join(lines) + "\n")
    report = run_ingest(config)
    reasons = {r.rel: r.reason for r in report.failed}
    assert set(reasons) == {"export.jsonl#2", "export.jsonl#3", "export.jsonl#4"}
    assert "neither 'html' nor 'text'" in reasons["export.jsonl#3"]
    posts = posts_of(config)
    assert any(b"Raw: raw/export.jsonl#1" in text for text in posts.values())


def test_unreadable_manifest_never_costs_an_edit(config):
    post = config.posts_dir / run_ingest(config).new[0]
    post.write_text(post.read_text() + "\nEditor's note.\n")
    (config.posts_dir / MANIFEST_NAME).write_text("garbage")
    run_ingest(config)
    assert post.read_text().endswith("Editor's note.\n")


@pytest.mark.skipif(os.geteuid() == 0, reason="root can read any file")
def test_unreadable_file_is_reported(config, content):
    path = content / "raw" / "locked.txt"
    path.write_text("text")
    path.chmod(0)
    report = run_ingest(config)
    assert any(r.rel == "locked.txt" and "cannot read" in r.reason for r in report.failed)
