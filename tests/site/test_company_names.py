"""Companies by the name of a post's day: "Facebook" on a 2018 post, linking to the one Meta page."""

from bs4 import BeautifulSoup
from site_build import build_posts

HOSTILE = 'Micro<script>alert(1)</script>"soft'


def _post(slug: str, day: str, companies: str, words: str) -> str:
    return (f"Title: {slug.title()} news\nDate: {day} 10:00\nSlug: {slug}\nSource: Bitwire\n"
            f"Companies: {companies}\n\n{words} Only this post says {slug}zz and {slug}qq.\n")


POSTS = {
    "old.md": _post("old", "2018-03-20", "Meta; X; Microsoft", "Facebook and Twitter shared data."),
    "new.md": _post("new", "2022-06-01", "Meta; Microsoft", "Meta showed a headset."),
}


def _editors_file(root, line: str) -> None:
    (root / "content" / "data").mkdir(parents=True, exist_ok=True)
    (root / "content" / "data" / "companies.jsonl").write_text(line + "\n", encoding="utf-8")


def _chips(output, slug: str, day: str) -> list:
    page = BeautifulSoup((output / day / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
    return page.select("p.chips")[0].find_all("a")


def test_a_post_shows_its_companies_by_the_names_of_its_day(tmp_path):
    _editors_file(tmp_path, '{"name": "Microsoft", "renamed": [{"from": %s, "on": "2019-01-01"}]}'
                  % '"Micro<script>alert(1)</script>\\"soft"')
    output = build_posts(tmp_path, POSTS)

    old = _chips(output, "old", "2018/03/20")
    assert [(a.get_text(), a["href"].rsplit("/company/", 1)[1]) for a in old] == [
        ("Facebook", "meta/"), ("Twitter", "x/"), (HOSTILE, "microsoft/")]
    assert [(a["data-pagefind-filter"], a["data-name"]) for a in old] == [
        ("company[data-name]", "Meta"), ("company[data-name]", "X"), ("company[data-name]", "Microsoft")]
    html = (output / "2018/03/20/old/index.html").read_text(encoding="utf-8")
    assert "<script>alert(1)" not in html and "Micro&lt;script&gt;alert(1)&lt;/script&gt;&#34;soft" in html

    new = _chips(output, "new", "2022/06/01")
    assert [(a.get_text(), a["data-pagefind-filter"], a.get("data-name")) for a in new] == [
        ("Meta", "company", None), ("Microsoft", "company", None)]  # the name of its day is the name

    home = (output / "index.html").read_text(encoding="utf-8")
    assert ">Facebook</a>, " in home and ">Meta</a>, " in home  # story cards: the lead's day
    meta = (output / "company" / "meta" / "index.html").read_text(encoding="utf-8")
    assert "Known as Facebook before 28 October 2021." in meta
    assert '<h1><span class="meta">Company:</span> Meta</h1>' in meta  # the page keeps today's name
    microsoft = (output / "company" / "microsoft" / "index.html").read_text(encoding="utf-8")
    assert "Known as Micro&lt;script&gt;" in microsoft and "<script>alert" not in microsoft


def test_an_editors_change_to_a_rename_renders_the_pages_again(tmp_path):
    _editors_file(tmp_path, '{"name": "Microsoft", "renamed": [{"from": "Soft Co", "on": "2019-01-01"}]}')
    output = build_posts(tmp_path, POSTS)
    assert "Soft Co" in [a.get_text() for a in _chips(output, "old", "2018/03/20")]
    _editors_file(tmp_path, '{"name": "Microsoft", "renamed": [{"from": "Softer Co", "on": "2019-01-01"}]}')
    output = build_posts(tmp_path, {})
    assert "Softer Co" in [a.get_text() for a in _chips(output, "old", "2018/03/20")]
    assert "Known as Softer Co before" in (output / "company" / "microsoft" / "index.html").read_text()


def test_a_bad_rename_is_reported_and_the_site_still_built(tmp_path, caplog):
    _editors_file(tmp_path, '{"name": "Microsoft", "renamed": [{"from": "Soft Co", "on": "early 2019"}]}')
    output = build_posts(tmp_path, POSTS)
    assert "companies.jsonl:1: \"renamed\": 'early 2019' is not a day" in caplog.text
    assert [a.get_text() for a in _chips(output, "old", "2018/03/20")] == ["Facebook", "Twitter", "Microsoft"]


def test_an_editors_spelling_of_a_company_is_that_company(tmp_path):
    """An editor corrects a 2018 post's companies by hand, as the page shows them: "Facebook",
    "twitter inc." and "Meta" are two companies, with their own pages, feeds and filters."""
    posts = {**POSTS, "edited.md": _post("edited", "2018-03-21", "Facebook; twitter inc.; Meta",
                                         "Facebook and Twitter changed their rules.")}
    output = build_posts(tmp_path, posts)
    chips = _chips(output, "edited", "2018/03/21")
    assert [(a.get_text(), a["href"].rsplit("/company/", 1)[1], a["data-name"]) for a in chips] == [
        ("Facebook", "meta/", "Meta"), ("Twitter", "x/", "X")]
    assert not (output / "company" / "facebook").exists()
    assert not (output / "company" / "twitter-inc").exists()
    assert "3 posts" in (output / "company" / "meta" / "index.html").read_text(encoding="utf-8")
