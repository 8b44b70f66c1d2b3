"""digest_core.files: atomic writes and the state files plugins keep between builds."""

import json

from digest_core.files import build_state_file, read_json, take_json, write_if_changed


def test_write_if_changed_writes_once(tmp_path):
    path = tmp_path / "a" / "b.txt"
    assert write_if_changed(path, "x") is True
    assert write_if_changed(path, "x") is False
    assert path.read_text() == "x" and list(path.parent.iterdir()) == [path]


def test_write_if_changed_gives_a_new_file_the_usual_permissions_and_keeps_an_old_files(tmp_path):
    import os
    umask = os.umask(0o022)
    try:
        assert write_if_changed(tmp_path / "new.json", "{}")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o644  # readable by a web server
        (tmp_path / "new.json").chmod(0o600)
        assert write_if_changed(tmp_path / "new.json", "[]")
        assert (tmp_path / "new.json").stat().st_mode & 0o777 == 0o600
    finally:
        os.umask(umask)


def test_write_if_changed_takes_bytes_as_they_are(tmp_path):
    path = tmp_path / "b.bin"
    assert write_if_changed(path, b"\x00\xff") is True
    assert write_if_changed(path, b"\x00\xff") is False
    assert path.read_bytes() == b"\x00\xff"


def test_build_state_file_is_per_output_folder_below_the_cache(tmp_path):
    settings = {"CACHE_PATH": str(tmp_path / "cache")}
    dev = build_state_file(settings, "digest-x", tmp_path / "output")
    assert dev.parent == tmp_path / "cache" / "digest-x" and dev.suffix == ".json"
    assert build_state_file(settings, "digest-x", tmp_path / "output") == dev
    assert build_state_file(settings, "digest-x", tmp_path / "public") != dev


def test_take_json_reads_and_removes(tmp_path):
    path = tmp_path / "state.json"
    path.write_text(json.dumps({"a": 1}))
    assert take_json(path) == {"a": 1}
    assert not path.exists()
    assert take_json(path) is None


def test_take_json_ignores_and_removes_an_unreadable_file(tmp_path):
    path = tmp_path / "state.json"
    path.write_text("{not json")
    assert take_json(path) is None
    assert not path.exists()


def test_read_json_leaves_the_file_and_answers_none_when_it_cannot_read(tmp_path):
    path = tmp_path / "state.json"
    assert read_json(path) is None
    path.write_text('{"a": [1]}')
    assert read_json(path) == {"a": [1]}
    assert path.exists()
    path.write_bytes(b"\xff{")
    assert read_json(path) is None
