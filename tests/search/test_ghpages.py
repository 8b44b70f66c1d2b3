"""digest_search.ghpages: publish a folder to a branch of a throwaway git repository."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

import pytest

from digest_search.ghpages import PublishError, main, publish, site_files

GIT_ENV = {
    "GIT_AUTHOR_NAME": "Test Editor",
    "GIT_AUTHOR_EMAIL": "editor@example.org",
    "GIT_COMMITTER_NAME": "Test Editor",
    "GIT_COMMITTER_EMAIL": "editor@example.org",
    "GIT_CONFIG_GLOBAL": os.devnull,
    "GIT_CONFIG_NOSYSTEM": "1",
}


def run_git(repo: Path, *args: str) -> str:
    proc = subprocess.run(["git", "-C", str(repo), *args], capture_output=True, text=True, check=True)
    return proc.stdout.strip()


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A repository on branch main with one commit, a staged change and an untracked file."""
    for key, value in GIT_ENV.items():
        monkeypatch.setenv(key, value)
    path = tmp_path / "repo"
    path.mkdir()
    run_git(path, "init", "-q", "-b", "main")
    (path / "README.md").write_text("source\n")
    run_git(path, "add", "README.md")
    run_git(path, "commit", "-q", "-m", "initial")
    (path / "README.md").write_text("source, edited and staged\n")
    run_git(path, "add", "README.md")
    (path / "notes.txt").write_text("untracked\n")
    return path


@pytest.fixture
def output(tmp_path: Path) -> Path:
    """A small built site, with a nested folder, an executable and a .git folder to leave out."""
    site = tmp_path / "output"
    (site / "2018" / "02").mkdir(parents=True)
    (site / "index.html").write_text("<!doctype html><title>Home</title>\n")
    (site / "2018" / "02" / "index.html").write_text("<p>Day page</p>\n")
    (site / "_static").mkdir()
    (site / "_static" / "tool.sh").write_text("#!/bin/sh\n")
    (site / "_static" / "tool.sh").chmod(0o755)
    (site / ".git").mkdir()
    (site / ".git" / "HEAD").write_text("ref: refs/heads/elsewhere\n")
    return site


def repo_state(repo: Path) -> tuple[str, str, bytes]:
    """HEAD, status and the raw index: everything publishing must leave alone."""
    index = (repo / ".git" / "index").read_bytes()
    return run_git(repo, "rev-parse", "HEAD"), run_git(repo, "status", "--porcelain"), index


def tree_listing(repo: Path, ref: str) -> dict[str, str]:
    """{path: mode} of every file in ``ref``'s tree."""
    lines = run_git(repo, "ls-tree", "-r", ref).splitlines()
    return {line.split("\t", 1)[1]: line.split()[0] for line in lines}


def test_publish_commits_the_site_and_touches_nothing_else(repo: Path, output: Path) -> None:
    before = repo_state(repo)
    commit, new = publish(output, repo, "gh-pages", "Publish site")
    assert new
    assert repo_state(repo) == before
    assert run_git(repo, "rev-parse", "gh-pages") == commit
    assert tree_listing(repo, "gh-pages") == {
        ".nojekyll": "100644",
        "2018/02/index.html": "100644",
        "_static/tool.sh": "100755",
        "index.html": "100644",
    }
    assert run_git(repo, "show", "gh-pages:2018/02/index.html") == "<p>Day page</p>"
    assert run_git(repo, "show", "gh-pages:.nojekyll") == ""


def test_unchanged_site_makes_no_commit_and_a_change_makes_a_child(repo: Path, output: Path) -> None:
    first, _ = publish(output, repo, "gh-pages", "one")
    again, new = publish(output, repo, "gh-pages", "two")
    assert (again, new) == (first, False)
    (output / "index.html").write_text("<!doctype html><title>Home, updated</title>\n")
    (output / "2018" / "02" / "index.html").unlink()
    second, new = publish(output, repo, "gh-pages", "three")
    assert new
    assert run_git(repo, "rev-parse", f"{second}^") == first
    assert "2018/02/index.html" not in tree_listing(repo, "gh-pages")


def test_existing_nojekyll_is_kept_as_is(repo: Path, output: Path) -> None:
    (output / ".nojekyll").write_text("kept\n")
    publish(output, repo, "gh-pages", "Publish site")
    assert run_git(repo, "show", "gh-pages:.nojekyll") == "kept"


def test_symlinks_are_stored_as_links(repo: Path, output: Path) -> None:
    (output / "latest.html").symlink_to("index.html")
    publish(output, repo, "gh-pages", "Publish site")
    assert tree_listing(repo, "gh-pages")["latest.html"] == "120000"
    assert run_git(repo, "cat-file", "-p", "gh-pages:latest.html") == "index.html"


@pytest.mark.parametrize(
    ("branch", "site", "error"),
    [
        ("gh-pages", "missing", "no built site"),
        ("bad..name", "output", "not a valid branch name"),
    ],
)
def test_publish_refuses(repo: Path, output: Path, branch: str, site: str, error: str) -> None:
    with pytest.raises(PublishError, match=error):
        publish(output.parent / site, repo, branch, "Publish site")
    assert run_git(repo, "branch", "--list", "gh-pages") == ""


def test_line_breaks_in_file_names_are_refused(output: Path) -> None:
    (output / "odd\nname.html").write_text("x")
    with pytest.raises(PublishError, match="line break"):
        list(site_files(output))


def test_main_pushes_only_when_asked(
    repo: Path, output: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    remote = tmp_path / "remote.git"
    run_git(tmp_path, "init", "-q", "--bare", str(remote))
    run_git(repo, "remote", "add", "origin", str(remote))
    assert main([str(output), "--repo", str(repo), "--branch", "site"]) == 0
    assert "not pushed" in capsys.readouterr().out
    assert run_git(remote, "branch", "--list", "site") == ""
    assert main([str(output), "--repo", str(repo), "--branch", "site", "--push"]) == 0
    assert "pushed to origin" in capsys.readouterr().out
    assert run_git(remote, "rev-parse", "site") == run_git(repo, "rev-parse", "site")


def test_main_reports_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main([str(tmp_path / "nothing"), "--repo", str(tmp_path)]) == 1
    assert capsys.readouterr().err.startswith("ghpages: ")
