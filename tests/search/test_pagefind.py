"""digest_search.pagefind: running the indexer, with a stand-in binary (the real one runs in test_plugin)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from digest_search.pagefind import PagefindError, check_options, index_site, pagefind_command, summary_line

FAKE = Path(__file__).parent / "fixtures" / "fake_pagefind.py"


def fake(mode: str) -> list[str]:
    return [sys.executable, str(FAKE), mode]


@pytest.fixture
def site(tmp_path: Path) -> Path:
    """A built site that already has an older search bundle."""
    root = tmp_path / "output"
    (root / "pagefind").mkdir(parents=True)
    (root / "pagefind" / "old.txt").write_text("previous index")
    (root / "index.html").write_text("<p>home</p>")
    return root


def leftovers(root: Path) -> list[str]:
    return sorted(p.name for p in root.iterdir() if p.name.startswith(".pagefind-"))


def test_success_replaces_the_bundle(site: Path) -> None:
    site.chmod(0o751)
    summary = index_site(site, ["--force-language", "en"], command=fake("ok"))
    assert summary == "Indexed 3 pages"
    bundle = site / "pagefind"
    assert sorted(p.name for p in bundle.iterdir()) == [
        "fragment", "options.txt", "pagefind-entry.json", "pagefind.js",
    ]
    assert (bundle / "options.txt").read_text() == "--force-language en"
    assert (bundle.stat().st_mode & 0o777) == 0o751  # as readable as the site, not mkdtemp's 0700
    assert leftovers(site) == []
    assert (site / "index.html").read_text() == "<p>home</p>"


def test_first_run_creates_the_bundle(tmp_path: Path) -> None:
    index_site(tmp_path, command=fake("ok"))
    assert (tmp_path / "pagefind" / "pagefind.js").is_file()
    assert (tmp_path / "pagefind" / "options.txt").read_text() == ""


@pytest.mark.parametrize(
    ("mode", "message"),
    [
        ("fail", "exited with status 3:\n  Error: something broke while indexing"),
        ("empty", "without writing pagefind.js"),
    ],
)
def test_failure_keeps_the_previous_bundle(site: Path, mode: str, message: str) -> None:
    with pytest.raises(PagefindError) as caught:
        index_site(site, command=fake(mode))
    assert message in str(caught.value)
    assert (site / "pagefind" / "old.txt").read_text() == "previous index"
    assert leftovers(site) == []


def test_stale_staging_folders_are_removed(site: Path) -> None:
    (site / ".pagefind-interrupted").mkdir()
    (site / ".pagefind-interrupted" / "pagefind.js").write_text("// half a bundle")
    index_site(site, command=fake("ok"))
    assert leftovers(site) == []


def test_timeout_stops_the_binary(site: Path) -> None:
    with pytest.raises(PagefindError, match="longer than 0.5 s"):
        index_site(site, command=fake("slow"), timeout=0.5)
    assert leftovers(site) == []


def test_missing_binary_is_reported(site: Path, tmp_path: Path) -> None:
    with pytest.raises(PagefindError, match="cannot start Pagefind"):
        index_site(site, command=[str(tmp_path / "no-such-pagefind")])
    assert leftovers(site) == []


def test_missing_site_is_reported(tmp_path: Path) -> None:
    with pytest.raises(PagefindError, match="no site to index"):
        index_site(tmp_path / "nothing", command=fake("ok"))


@pytest.mark.parametrize(
    ("options", "error"),
    [
        ("--quiet", "must be a list"),
        (None, "must be a list"),
        (["--quiet", 3], "only strings"),
        (["--site", "elsewhere"], "may not set --site"),
        (["--output-path=/tmp/x"], "may not set --output-path"),
        (["--serve", "-s", "x"], "may not set --serve, -s"),
    ],
)
def test_check_options_rejects(options: object, error: str) -> None:
    with pytest.raises(PagefindError, match=error):
        check_options(options)


@pytest.mark.parametrize(
    ("options", "expected"),
    [([], ()), (["--quiet"], ("--quiet",)), (("--glob", "**/*.html"), ("--glob", "**/*.html"))],
)
def test_check_options_accepts(options: list[str], expected: tuple[str, ...]) -> None:
    assert check_options(options) == expected


@pytest.mark.parametrize(
    ("output", "expected"),
    [
        ("Running Pagefind v1.5.2\nIndexed 2 languages\nIndexed 140 pages\n", "Indexed 140 pages"),
        ("Indexed 1 page\n", "Indexed 1 page"),
        ("warning: nothing found\n\n", "warning: nothing found"),
        ("", "Pagefind finished"),
    ],
)
def test_summary_line(output: str, expected: str) -> None:
    assert summary_line(output) == expected


def test_pagefind_command_finds_the_wheel_binary() -> None:
    (binary,) = pagefind_command()
    assert Path(binary).is_file()
    assert "pagefind_bin" in Path(binary).parts[-2]


def test_pagefind_command_honours_pagefind_binary_path(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PAGEFIND_BINARY_PATH", "/opt/pagefind/bin/pagefind")
    assert pagefind_command() == ["/opt/pagefind/bin/pagefind"]
