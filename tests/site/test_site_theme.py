"""The theme's files: a small stylesheet with AA contrast, no third-party resources, escaped output."""

import re
from pathlib import Path

import pytest
from site_contrast import contrast

THEME = Path(__file__).resolve().parents[2] / "theme"
CSS = (THEME / "static" / "css" / "main.css").read_text()
TEMPLATES = sorted((THEME / "templates").rglob("*.html"))
OURS = [t for t in TEMPLATES if t.name != "search.html"]  # search.html belongs to digest_search


def palette(block: str) -> dict[str, str]:
    return dict(re.findall(r"--([\w-]+):(#[0-9a-fA-F]{3,6})", block))


LIGHT = palette(CSS.split("@media")[0])
DARK = {**LIGHT, **palette(CSS.split("@media (prefers-color-scheme:dark)")[1].split("}}")[0])}


def test_stylesheet_is_small():
    assert len(CSS.encode()) < 12_000


@pytest.mark.parametrize("scheme", [LIGHT, DARK], ids=["light", "dark"])
@pytest.mark.parametrize(
    ("fg", "bg", "minimum"),
    [
        ("fg", "bg", 4.5), ("muted", "bg", 4.5), ("link", "bg", 4.5), ("visited", "bg", 4.5),
        ("fg", "soft", 4.5), ("muted", "soft", 4.5), ("link", "soft", 4.5),
        ("bg", "accent", 4.5),  # button text
        ("focus", "bg", 3.0), ("focus", "soft", 3.0), ("accent", "bg", 3.0),  # outlines, chart bars
    ],
)
def test_colour_pairs_meet_wcag_aa(scheme, fg, bg, minimum):
    assert contrast(scheme[fg], scheme[bg]) >= minimum


def test_dark_scheme_redefines_every_colour():
    assert palette(CSS.split("@media (prefers-color-scheme:dark)")[1].split("}}")[0]).keys() == LIGHT.keys()


def test_focus_is_visible_and_there_is_a_print_stylesheet():
    assert re.search(r":focus-visible\{outline:3px solid var\(--focus\)", CSS)
    assert "@media print{" in CSS


@pytest.mark.parametrize("path", TEMPLATES + [THEME / "static" / "css" / "main.css"], ids=lambda p: p.name)
def test_nothing_is_loaded_from_other_sites(path):
    text = path.read_text()
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", text)
    assert not re.search(r"@import|url\(\s*['\"]?(https?:)?//", text)


# Expressions that print a value without |e: only ones that cannot carry page text.
SAFE_RAW = re.compile(  # attrs: literal attribute strings passed to our macros
    r"""^(
        SITEURL | THEME_STATIC_DIR | attrs | feed_root | FEED_DOMAIN\ or\ SITEURL | FEED_ALL_ATOM | OPML_SAVE_AS | PYGMENTS_CSS_SAVE_AS
      | ARCHIVES_URL | super\(\) | self\.title\(\)       # a block: escaped where it is written
      | (article|page|lead|post)\.(content|summary)   # HTML from our escaped Markdown
      | body | description                              # set from the above (description is |e'd)
      | chart\.svg                                      # built and escaped in chart.py
      | article\.linked_data\|tojson                   # tojson escapes < > & '
      | [\w.]+\.isoformat\(\) | [\w.]+\|date_text\([^)]*\)   # dates
      | [\w.]+\|(count|length) | page\.number | page\.paginator\.num_pages | page_number | page_count
      | post_count | bar\.count | loop\.index | hx | month\.period\[1\] | month\.period_num\[0\]
      | "[^"]*"\ if\ [\w.|!=\ ]+?(\ else\ "[^"]*")?        # a literal chosen by a condition
      | (m\.)?(nav_item|when|span|taxon|taxa|chips|authors|feed_link|pager|post_item|story_card)\(.*\)   # our macros escape inside
    )$""",
    re.VERBOSE,
)


@pytest.mark.parametrize("path", OURS, ids=lambda p: p.relative_to(THEME / "templates").as_posix())
def test_every_printed_value_is_escaped(path):
    text = re.sub(r"\{#.*?#\}", "", path.read_text(), flags=re.DOTALL)
    for expr in re.findall(r"\{\{-?\s*(.*?)\s*-?\}\}", text, flags=re.DOTALL):
        escaped = re.search(r"\|\s*e\s*$", expr) or re.search(r"\|\s*e\s*\)?\s*$", expr)
        assert escaped or SAFE_RAW.match(expr), f"{path.name}: {{{{ {expr} }}}} is printed without |e"


def test_titles_are_never_marked_safe():
    for path in TEMPLATES:
        assert "|safe" not in path.read_text().replace(" ", ""), path
