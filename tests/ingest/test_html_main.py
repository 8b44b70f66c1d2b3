"""html_main: trafilatura's fast pass, and its full cascade when the fast result is doubtful."""

from pathlib import Path

import pytest
import trafilatura
from lxml.etree import tostring

from digest_ingest.extract_html import parse_html
from digest_ingest.html_main import FAST, FULL, is_doubtful, main_text

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"
SENTENCE = "The company said the new chip would ship to partners in the spring, ahead of its rivals. "
ARTICLE = "".join(f"<p>In part {n}, {SENTENCE * 4}</p>" for n in range(5))
ROWS = "".join(f"<tr><td>Row {n}</td><td>{SENTENCE}</td></tr>" for n in range(12))
NAV = "<nav><ul><li><a href='/a'>Home</a></li><li><a href='/b'>World</a></li></ul></nav>"


def page(article: str, extra: str = "") -> str:
    return f"<html><head><title>T</title></head><body>{NAV}<article>{article}</article>{extra}</body></html>"


def fast_body(html: str):
    tree = parse_html(html)
    return trafilatura.bare_extraction(tree, options=FAST).body, tree


@pytest.mark.parametrize(
    ("html", "doubtful"),
    [
        (page(ARTICLE), False),  # a plain article page
        (page(f"<p>{SENTENCE}</p>"), True),  # little text
        (page(ARTICLE, "".join(f"<div class='teaser'><p>{n}: {SENTENCE * 4}</p></div>" for n in range(20))),
         True),  # a small share of the page's paragraphs
        (page(f"<table>{ROWS}</table>"), True),  # a table and no paragraphs
    ],
)
def test_doubtful_fast_results(html, doubtful):
    body, tree = fast_body(html)
    assert is_doubtful(body, tree) is doubtful


@pytest.mark.parametrize("name", sorted(p.name for p in FIXTURES.glob("*.html")))
def test_main_text_is_the_full_cascade_result(name):
    tree = parse_html((FIXTURES / name).read_text(encoding="utf-8"))
    ours, full = main_text(tree), trafilatura.bare_extraction(tree, options=FULL)
    assert (ours is None) == (full is None)
    if ours is not None:
        assert tostring(ours.body) == tostring(full.body)
