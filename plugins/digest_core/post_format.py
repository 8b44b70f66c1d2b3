"""The Markdown post format: a Pelican metadata header, a blank line, the body.

Header rules (Python-Markdown's ``meta`` extension, as Pelican reads it):
one ``Key: value`` line per key, no blank line inside the header, values
on one line. Lists are joined with ``"; "`` so that a comma in a name
("Harman Kardon, Inc.") cannot split it. Every value passes through
``clean_line`` so no page text can add a header line or a control character.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace

from digest_core.records import Block, Inline
from digest_core.text import clean_line, escape_markdown

# Written in this order; keys Pelican treats specially keep Pelican's spelling.
HEADER_KEYS = (
    "Title", "Date", "Slug", "Source", "Source_url", "Authors", "Companies", "Tags",
    "Summary", "Lang", "Flags", "Status", "Raw",
)
LIST_KEYS = {"Authors", "Companies", "Tags", "Flags"}
LIST_SEPARATOR = "; "


def header_value(value: str | Sequence[str]) -> str:
    """One header value: lists joined by "; ", separators inside items removed."""
    if isinstance(value, str):
        return clean_line(value)
    items = (clean_line(v).replace(";", ",") for v in value)
    return LIST_SEPARATOR.join(i for i in items if i)


def render_header(fields: dict[str, str | Sequence[str]]) -> str:
    """The header block; empty values are left out, Title is always written."""
    lines = []
    for key in HEADER_KEYS:
        value = header_value(fields.get(key, ""))
        if value or key == "Title":
            lines.append(f"{key}: {value}")
    return "\n".join(lines) + "\n"


def render_inlines(inlines: Iterable[Inline]) -> str:
    """Inline runs as one line of escaped Markdown."""
    out = []
    for run in inlines:
        text = escape_markdown(run.text) if run.style != "code" else _code_span(run.text)
        if not text.strip():
            out.append(" " if run.text[:1].isspace() or run.text[-1:].isspace() else "")
            continue
        lead = " " if run.text[:1].isspace() else ""
        trail = " " if run.text[-1:].isspace() else ""
        if run.style in ("em", "strong"):
            mark = "*" if run.style == "em" else "**"
            text = f"{mark}{text}{mark}"
        if run.href:
            text = f"[{text}](<{run.href}>)"
        out.append(lead + text + trail)
    line = "".join(out)
    return " ".join(line.split())


def _code_span(text: str) -> str:
    text = clean_line(text)
    ticks = "`"
    while ticks in text:
        ticks += "`"
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{ticks}{pad}{text}{pad}{ticks}"


def _fence(code: str, lang: str) -> str:
    fence = "```"
    while fence in code:
        fence += "`"
    lang = "".join(ch for ch in lang if ch.isalnum() or ch in "+-_.")
    return f"{fence}{lang}\n{code.rstrip()}\n{fence}"


def _table(rows: Sequence[Sequence[str]]) -> str:
    width = max(len(r) for r in rows)
    cells = [[escape_markdown(c) or " " for c in r] + [" "] * (width - len(r)) for r in rows]
    lines = ["| " + " | ".join(cells[0]) + " |", "|" + "---|" * width]
    lines += ["| " + " | ".join(r) + " |" for r in cells[1:]]
    return "\n".join(lines)


def render_block(block: Block) -> str:
    """One block as Markdown; "" for a block with no text."""
    if block.kind == "code":
        code = "\n".join(line.rstrip() for line in block.code.splitlines())
        return _fence(code, block.lang) if code.strip() else ""
    if block.kind == "table":
        rows = [r for r in block.rows if any(c.strip() for c in r)]
        return _table(rows) if rows else ""
    if block.kind in ("list", "ordered_list"):
        items = [render_inlines(item) for item in block.items]
        items = [i for i in items if i]
        if block.kind == "list":
            return "\n".join(f"- {i}" for i in items)
        return "\n".join(f"{n}. {i}" for n, i in enumerate(items, 1))
    text = render_inlines(block.inlines)
    if not text:
        return ""
    if block.kind == "heading":
        return "#" * min(max(block.level, 2), 6) + " " + text
    if block.kind == "quote":
        return "> " + text
    return text


def outline_levels(blocks: Sequence[Block]) -> dict[int, int]:
    """Map the page's heading levels onto 2, 3, 4… in order: the post's title is the only h1,
    and no level is skipped (h1 → h3 jumps break the page's outline)."""
    levels = sorted({b.level for b in blocks if b.kind == "heading"})
    return {level: min(2 + i, 6) for i, level in enumerate(levels)}


def render_body(blocks: Iterable[Block]) -> str:
    """The post body: blocks separated by blank lines, ending in one newline."""
    blocks = list(blocks)
    levels = outline_levels(blocks)
    blocks = [replace(b, level=levels[b.level]) if b.kind == "heading" else b for b in blocks]
    parts = [render_block(b) for b in blocks]
    return "\n\n".join(p for p in parts if p) + "\n"


def render_post(fields: dict[str, str | Sequence[str]], blocks: Iterable[Block]) -> str:
    return render_header(fields) + "\n" + render_body(blocks)
