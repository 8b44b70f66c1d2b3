"""The Pygments stylesheet for highlighted code, generated at build time.

Python-Markdown's codehilite extension marks code up with Pygments classes
inside ``<div class="highlight">``; this writes the matching CSS for a light
style and, under ``prefers-color-scheme: dark``, a dark one. Only rules scoped
to the highlight block are kept, and comments are dropped. In dark mode every
light-mode declaration is overridden, so no light colour leaks into it.
"""

from __future__ import annotations

import re

from pygments.formatters import HtmlFormatter

SCOPE = ".highlight"
_RULE = re.compile(r"^(\.highlight(?: [^{]+)?)\s*\{([^}]*)\}")
# What a dark rule falls back to for a property only the light style sets.
_NEUTRAL = {
    "color": "inherit",
    "background-color": "transparent",
    "background": "transparent",
    "font-weight": "normal",
    "font-style": "normal",
    "text-decoration": "none",
    "border": "0",
}

Rules = dict[str, dict[str, str]]


def style_rules(style: str) -> Rules:
    """selector -> {property: value} for one Pygments style, limited to the highlight block."""
    rules: Rules = {}
    for line in HtmlFormatter(style=style).get_style_defs(SCOPE).splitlines():
        match = _RULE.match(line.strip())
        if not match:
            continue
        decls = rules.setdefault(match.group(1).strip(), {})
        for decl in match.group(2).split(";"):
            prop, _, value = decl.partition(":")
            if prop.strip() and value.strip():
                decls[prop.strip()] = value.strip()
    return rules


def overriding(light: Rules, dark: Rules) -> Rules:
    """Dark rules that also reset whatever the light rules set and the dark ones do not."""
    out: Rules = {}
    for selector in [*light, *(s for s in dark if s not in light)]:
        decls = dict(dark.get(selector, {}))
        for prop in light.get(selector, {}):
            if prop not in decls:
                decls[prop] = _NEUTRAL.get(prop, "initial")
        out[selector] = decls
    return out


def render(rules: Rules) -> str:
    return "\n".join(
        f"{sel}{{{';'.join(f'{p}:{v}' for p, v in decls.items())}}}" for sel, decls in rules.items()
    )


def pygments_css(light: str, dark: str) -> str:
    """The whole stylesheet: the light style, then the dark one in a media query."""
    light_rules = style_rules(light)
    dark_rules = overriding(light_rules, style_rules(dark))
    return f"{render(light_rules)}\n@media (prefers-color-scheme:dark){{\n{render(dark_rules)}\n}}\n"
