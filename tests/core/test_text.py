"""Escaping and cleaning of page text: what Markdown renders must be exactly the page's words."""

import html as html_lib
import random

import markdown
import pytest

from digest_core.text import bare_name, clean_line, clean_lines, clean_text, escape_markdown, safe_href, xml_text


def render(text: str) -> str:
    md = markdown.Markdown(extensions=["extra", "codehilite", "meta"])
    return md.convert(escape_markdown(text))


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=alert(1)>",
        "<svg onload=alert(1)>",
        "[click](javascript:alert(1))",
        "![img](data:image/png;base64,AAAA)",
        "<https://example.org/autolink>",
        "{{ config.SECRET }} {% include 'x' %}",
        "# not a heading",
        "1. not a list",
        "- not a list",
        "> not a quote",
        ": not a definition",
        "*[HTML]: not an abbreviation",
        "[^1]: not a footnote",
        "a | b | c",
        "**not bold** _not em_ `not code`",
        "Tom & Jerry &amp; friends &lt;3",
        "===",
        "x {: .class onclick=alert(1)}",
    ],
)
def test_markdown_shows_the_text_verbatim(text):
    html = render(text)
    assert "<script" not in html and "<img" not in html and "<svg" not in html and "<a " not in html
    assert html.startswith("<p>") and html.endswith("</p>")
    # the browser would show the text exactly as it was on the page
    shown = html_lib.unescape(html[3:-4])
    assert shown == clean_line(text)


def test_clean_line_removes_newlines_and_controls():
    assert clean_line("Title\nStatus: draft\r\x00\x1b[31m\u2028x") == "Title Status: draft [31m x"


@pytest.mark.parametrize(
    ("text", "expected"),
    [(" a \t b\u00a0\u2009c ", "a b c"), ("a\u3000\u3000b", "a b"), ("a\u1680b", "a b"), ("\n\n", "")],
)
def test_clean_line_makes_every_run_of_spaces_one_space(text, expected):
    assert clean_line(text) == expected


def test_clean_text_keeps_newlines_but_drops_invisible():
    assert clean_text("a\u200bb\r\nc\ufeff\x07") == "ab\nc"


@pytest.mark.parametrize(
    ("href", "base", "expected"),
    [
        ("javascript:alert(1)", "", ""),
        (" JaVaScRiPt:alert(1)", "", ""),
        ("data:text/html,<b>", "", ""),
        ("vbscript:x", "", ""),
        ("/path?q=1", "https://news.example/a/b", "https://news.example/path?q=1"),
        ("relative", "", ""),
        ("https://ex.example/{filename}/x y", "", "https://ex.example/%7Bfilename%7D/x%20y"),
        ("mailto:desk@news.example", "", "mailto:desk@news.example"),
    ],
)
def test_safe_href(href, base, expected):
    assert safe_href(href, base) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("a plain line", "a plain line"),
        ("a\nb", "a\nb"),
        ("a\n\n\nb", "a\nb"),
        ("a\r\n\r\nb\rc", "a\nb\nc"),
        ("a\u2028\nb\x0c", "a\nb\n"),
        ("x\x85y\ud800z\x7f", "x\nyz"),
        ("cafe\u0301", "caf\u00e9"),
    ],
)
def test_clean_text(text, expected):
    assert clean_text(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Version 2. is out", "Version 2. is out"),
        ("2) then", "2\\) then"),
        ("12. twelve", "12\\. twelve"),
        ("- dash", "\\- dash"),
        ("see ![alt](x)", "see \\!\\[alt\\](x)"),
        ("~ tilde", "&#126; tilde"),
        ("", ""),
    ],
)
def test_escape_markdown(text, expected):
    assert escape_markdown(text) == expected


ODD = ["a", "b", " ", "\n", "\n", "\r", "\u2028", "\u2029", "\x0b", "\x0c", "\x85", "\x00", "\x1f", "\u200b",
       "\u00ad", "\ufeff", "\u00a0", "\t", "e\u0301", "\u0301", "é", "\ud800"]


@pytest.mark.parametrize("seed", range(200))
def test_clean_lines_is_clean_line_on_each_line(seed):
    rng = random.Random(seed)
    text = "".join(rng.choice(ODD) for _ in range(rng.randrange(40)))
    expected = [line for line in map(clean_line, text.split("\n")) if line]
    assert clean_lines(text) == expected


def test_xml_text_drops_only_what_xml_cannot_hold():
    kept = "tab\tnew\nline\r zero\u200dwidth soft\u00adhyphen é"
    assert xml_text(kept) == kept
    assert xml_text("a\x00b\x08c\x0bd\x0ce\x1ff\ud800g\ufffeh\uffff") == "abcdefgh"


@pytest.mark.parametrize("spelling", ["The Ticker Tape", "the-ticker-tape", "ticker-tape", "TickerTape", "THE TICKER TAPE"])
def test_an_outlets_spellings_have_one_bare_name(spelling):
    assert bare_name(spelling) == "tickertape"


@pytest.mark.parametrize("name, bare", [("The", "the"), ("Theatre Weekly", "theatreweekly"), ("", ""),
                                        ("asiatechmonitor", "asiatechmonitor"), ("Kilobyte_Daily 2", "kilobytedaily2")])
def test_bare_names_keep_every_other_word(name, bare):
    assert bare_name(name) == bare
