"""Posts (metadata + HTML) as StoryItems."""

from datetime import datetime

import pytest

from digest_stories.items import make_item, names_of, overrides_of, plain_text
from digest_stories.model import Overrides


class Named:
    def __init__(self, name: str) -> None:
        self.name = name


def test_plain_text_keeps_paragraphs_and_drops_markup_and_scripts():
    html = ("<p>First &amp; <em>lead</em> paragraph.</p><script>alert('x')</script>"
            "<ul><li>One</li><li>Two</li></ul><p>Last\u0007 line</p>")
    assert plain_text(html) == "First & lead paragraph.\nOne\nTwo\nLast line"
    assert plain_text("") == ""


@pytest.mark.parametrize(("html", "expected"), [
    ("<p title='a>b'>x</p><!-- c <p> -->y<br/>z", "x\ny\nz"),
    ("<P>Up</P><STYLE>p{}</STYLE><noscript><p>no</p></noscript>", "Up"),
    ("a<b>c</b>&lt;script&gt;d &#x27;&nbsp;e", "ac<script>d ' e"),
    ("<p>1 < 2 and 3 > 2</p>", "1 < 2 and 3 > 2"),
    ("<p>kept</p><script>unclosed <p>runs to the end", "kept"),
    ("<p>kept</p><!-- unclosed <p>runs to the end", "kept"),
])
def test_plain_text_of_odd_markup(html, expected):
    assert plain_text(html) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Microsoft; Xiaomi", ("Microsoft", "Xiaomi")),
        ("Harman Kardon, Inc.", ("Harman Kardon", "Inc.")),  # no ";": Pelican's comma rule
        ("Harman Kardon, Inc.; Apple", ("Harman Kardon, Inc.", "Apple")),
        (["Apple", "Apple", " "], ("Apple",)),
        ([Named("Microsoft"), Named("Xiaomi\n")], ("Microsoft", "Xiaomi")),
        (None, ()),
        ("", ()),
    ],
)
def test_names_of(value, expected):
    assert names_of(value) == expected


def test_overrides_of_reads_lowercased_story_keys():
    meta = {"story_lead": "Yes", "story_split": "no", "story_merge": " other-story \n", "story_hide": "true"}
    assert overrides_of(meta) == Overrides(lead=True, split=False, merge="other-story", hide=True)
    assert overrides_of({}) == Overrides()


def test_a_story_flag_that_is_neither_yes_nor_no_is_read_as_no_with_a_warning(caplog):
    meta = {"story_lead": "maybe", "story_split": "No", "story_hide": "Y"}
    assert overrides_of(meta, "some-post") == Overrides(lead=False, split=False, hide=True)
    assert caplog.messages == ["digest_stories: some-post: story_lead 'maybe' is neither yes nor no; read as no"]


def test_make_item_cleans_hostile_values_and_drops_placeholder_dates():
    item = make_item(
        slug="s", title="A\ntitle\u0000", html="<p>Body</p>", date=datetime(9999, 12, 31), status="draft",
        metadata={"source": "Outlet\r\nX", "companies": "A; B", "flags": "spun; no_date"},
    )
    assert (item.title, item.text, item.date, item.source) == ("A title", "Body", None, "Outlet X")
    assert item.companies == ("A", "B") and item.flags == ("spun", "no_date") and item.status == "draft"
    assert not item.clean
