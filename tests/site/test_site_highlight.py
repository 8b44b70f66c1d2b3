"""digest_taxonomies.highlight: Pygments CSS for light and dark, readable in both."""

import re
from pathlib import Path

import pytest
from digest_taxonomies.highlight import overriding, pygments_css, style_rules
from pelican.settings import read_settings
from site_contrast import contrast

REPO = Path(__file__).resolve().parents[2]
SETTINGS = read_settings(str(REPO / "pelicanconf.py"))
LIGHT, DARK = SETTINGS["PYGMENTS_STYLE_LIGHT"], SETTINGS["PYGMENTS_STYLE_DARK"]


def test_rules_are_scoped_to_the_highlight_block():
    css = pygments_css(LIGHT, DARK)
    rules = [line for line in css.splitlines() if "{" in line and not line.startswith("@media")]
    assert rules and all(rule.startswith(".highlight") for rule in rules)
    assert "/*" not in css


def test_dark_rules_override_every_light_declaration():
    light = {".highlight .k": {"color": "#111", "font-weight": "bold"}, ".highlight .c": {"color": "#222"}}
    dark = {".highlight .k": {"color": "#eee"}}
    assert overriding(light, dark) == {
        ".highlight .k": {"color": "#eee", "font-weight": "normal"},
        ".highlight .c": {"color": "inherit"},
    }


@pytest.mark.parametrize("style", [LIGHT, DARK])
def test_configured_styles_meet_wcag_aa_on_their_background(style):
    rules = style_rules(style)
    background = rules[".highlight"]["background"]
    for selector, decls in rules.items():
        color = decls.get("color", "")
        # .w is whitespace: nothing visible is drawn in its colour.
        if re.fullmatch(r"#[0-9a-fA-F]{3,6}", color) and not selector.endswith(" .w"):
            assert contrast(color, background) >= 4.5, (style, selector, color)


def test_built_stylesheet_matches_the_settings(site):
    built = (site / SETTINGS["PYGMENTS_CSS_SAVE_AS"]).read_text()
    assert built == pygments_css(LIGHT, DARK)
