"""`digest stories`: the grouping from the Markdown files, without a build and without writing."""

import json
from pathlib import Path

import pytest

from story_support import GITHUB, GITHUB_2, SWITCH

from digest_stories.cli import add_stories_command, main



def _post(folder: Path, slug: str, date: str, source: str, body: str, *extra: str) -> None:
    header = [f"Title: Post {slug}", *([f"Date: {date}"] if date else []), f"Slug: {slug}",
              f"Source: {source}", "Companies: Microsoft; GitHub", *extra]
    (folder / f"{slug}.md").write_text("\n".join(header) + "\n\n" + body + "\n", encoding="utf-8")


@pytest.fixture
def site(tmp_path: Path) -> Path:
    posts = tmp_path / "content" / "posts" / "2018"
    posts.mkdir(parents=True)
    _post(posts, "github-bitwire", "2018-06-04 15:00", "Bitwire", GITHUB)
    _post(posts, "github-draft", "2018-06-05 08:00", "Packet News", GITHUB_2, "Status: draft", "Flags: spun")
    _post(posts, "switch-oled", "2018-06-06 10:00", "Kernel Weekly", SWITCH, "Story_hide: yes")
    _post(posts, "undated-draft", "", "Drafty", SWITCH.replace("Nintendo", "Sony"), "Status: draft")
    (posts / ".#lock.md").write_text("Title: ignored\n\nignored\n")
    (tmp_path / "content" / "data").mkdir()
    (tmp_path / "content" / "data" / "stories.json").write_text('{"github-bitwire": "msft-github"}\n')
    conf = tmp_path / "pelicanconf.py"
    conf.write_text('PATH = "content"\nARTICLE_PATHS = ["posts"]\nTIMEZONE = "UTC"\n'
                    'IGNORE_FILES = [".#*"]\nSTORY_FEED_ATOM = ""\n')
    return tmp_path


def test_json_lists_stories_with_drafts_marked(site, capsys):
    state = (site / "content" / "data" / "stories.json").read_text()
    assert main(["stories", "--json", "-s", str(site / "pelicanconf.py")]) == 0
    stories = json.loads(capsys.readouterr().out)["stories"]
    by_id = {s["id"]: s for s in stories}
    github = by_id["msft-github"]  # the id the state file holds
    assert [(p["slug"], p["role"], p["status"]) for p in github["posts"]] == [
        ("github-bitwire", "lead", "published"), ("github-draft", "coverage", "draft")]
    assert github["posts"][1]["flags"] == ["spun"]
    assert by_id["switch-oled"]["hidden"] is True
    assert github["day"] == "2018-06-04" and github["url"] == "2018/06/04/#story-msft-github"
    assert by_id["undated-draft"]["day"] is None  # undated drafts are listed too, without a day
    assert (site / "content" / "data" / "stories.json").read_text() == state  # nothing written


def test_text_output_marks_drafts_flags_and_hidden_stories(site, capsys):
    assert main(["stories", "-s", str(site / "pelicanconf.py")]) == 0
    out = capsys.readouterr().out
    assert "msft-github" in out and "[draft] [spun]" in out and "[hidden]" in out
    assert "undated-draft" in out and "ignored" not in out
    assert "msft-github  (2 outlets)" in out and "(1 outlet)" in out and "(1 outlets)" not in out


def test_missing_settings_file_is_an_error(tmp_path, capsys):
    assert main(["stories", "-s", str(tmp_path / "nope.py")]) == 2
    assert "not found" in capsys.readouterr().err


def test_subcommand_plugs_into_another_parser():
    import argparse

    parser = argparse.ArgumentParser(prog="digest")
    parser.add_argument("--settings", default="main.py")
    add_stories_command(parser.add_subparsers(dest="command"))
    args = parser.parse_args(["--settings", "mine.py", "stories", "--json"])
    assert args.json and args.settings == "mine.py" and args.run is args.func
    assert args.run.__name__ == "run_stories"


def test_digest_command_runs_stories(site, capsys):
    from digest_ingest.cli import main as digest

    assert digest(["--settings", str(site / "pelicanconf.py"), "stories", "--json"]) == 0
    assert "msft-github" in capsys.readouterr().out


def test_posts_the_build_leaves_out_are_left_out_here_with_a_warning(site, capsys, caplog):
    posts = site / "content" / "posts" / "2018"
    copy = (posts / "switch-oled.md").read_text().replace("Title: Post switch-oled", "Title: Saved twice")
    (posts / "ztwice.md").write_text(copy)  # same Slug and Date: one address; sorts last
    long_title = "Nintendo " + "very " * 60 + "long headline"
    (posts / "long.md").write_text(f"Title: {long_title}\nDate: 2018-06-07 10:00\n\n{SWITCH}\n")
    assert main(["stories", "--json", "-s", str(site / "pelicanconf.py")]) == 0
    slugs = [p["title"] for s in json.loads(capsys.readouterr().out)["stories"] for p in s["posts"]]
    assert "Post switch-oled" in slugs and "Saved twice" not in slugs and long_title not in slugs
    assert "posts/2018/switch-oled.md is" in caplog.text  # named as the one at that address
    assert "posts/2018/ztwice.md is left out of the site: it would be written to" in caplog.text
    assert "posts/2018/long.md is left out of the site: its address has a name of" in caplog.text
