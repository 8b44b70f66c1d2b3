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


def test_editors_overrides_survive_re_ingest_of_changed_raw_pages(tmp_path, capsys):
    """The seeds' story from raw pages; an editor splits one post off and pins another as
    lead; the scraper then delivers changed pages. The edited posts are kept, and so is the
    grouping the editor asked for."""
    import shutil

    from support import REPO, make_config
    from digest_ingest.ingest import run_ingest

    raw = tmp_path / "content" / "raw"
    pages = ["000_9c3b684c51d11b7a.txt", "asia-tech-monitor/microsoft-xiaomi-mou.txt",
             "asia-tech-monitor/microsoft-xiaomi-mou.json",
             "circuit-ledger/2018/02/xiaomi-microsoft-ai-cloud-mou.html"]
    for page in pages:
        (raw / page).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(REPO / "content" / "raw" / page, raw / page)
    conf = 'PATH = "content"\nARTICLE_PATHS = ["posts"]\nTIMEZONE = "UTC"\n'
    (tmp_path / "pelicanconf.py").write_text(conf)
    config = make_config(tmp_path / "content")

    def stories() -> list[list[tuple[str, str]]]:
        assert main(["stories", "--json", "-s", str(tmp_path / "pelicanconf.py")]) == 0
        listed = json.loads(capsys.readouterr().out)["stories"]
        return sorted([(p["source"], p["role"]) for p in s["posts"]] for s in listed)

    assert len(run_ingest(config).new) == 3
    assert stories() == [[("Circuit Ledger", "lead"), ("Asia Tech Monitor", "coverage"), ("", "coverage")]]

    posts = {p.name: p for p in config.posts_dir.rglob("*.md")}
    asia = next(p for p in posts.values() if "Source: Asia Tech Monitor" in p.read_text())
    seed = posts["2018-02-26-microsoft-xiaomi-make-ai-powered-speakers-smartphones.md"]
    for post, override in ((asia, "Story_split: yes"), (seed, "Story_lead: yes")):
        header, _, body = post.read_text().partition("\n\n")
        post.write_text(f"{header}\n{override}\n\n{body}")
    edited = {p: p.read_bytes() for p in (asia, seed)}
    for page in (pages[0], pages[1]):  # the pages behind both edited posts change
        (raw / page).write_text((raw / page).read_text() + "\nA late paragraph the scraper found.\n")

    report = run_ingest(config)
    assert sorted(report.kept_edited) == sorted(p.relative_to(config.posts_dir).as_posix() for p in edited)
    assert all(p.read_bytes() == content for p, content in edited.items())
    assert stories() == [[("", "lead"), ("Circuit Ledger", "coverage")], [("Asia Tech Monitor", "lead")]]


def test_companies_are_listed_by_the_registrys_names_as_the_build_has_them(site, capsys):
    """With digest_taxonomies on, a build knows "Facebook" as Meta; so does the review."""
    post = site / "content" / "posts" / "2018" / "github-bitwire.md"
    edited = post.read_text().replace("Companies: Microsoft; GitHub", "Companies: microsoft; Facebook; Meta")
    post.write_text(edited)
    conf = site / "pelicanconf.py"

    def companies() -> list[str]:
        assert main(["stories", "--json", "-s", str(conf)]) == 0
        stories = json.loads(capsys.readouterr().out)["stories"]
        return next(p["companies"] for s in stories for p in s["posts"] if p["slug"] == "github-bitwire")

    assert companies() == ["microsoft", "Facebook", "Meta"]  # the plugin off: as written
    conf.write_text(conf.read_text() + 'PLUGINS = ["digest_taxonomies", "digest_stories"]\n')
    assert companies() == ["Microsoft", "Meta"]
