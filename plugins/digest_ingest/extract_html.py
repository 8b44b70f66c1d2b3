"""HTML page -> article body blocks and metadata candidates.

trafilatura finds the main text (``html_main``) on a tree parsed once;
this module reads metadata and code languages from that same tree first,
then turns trafilatura's XML body into ``Block`` records and hands them to
``html_cleanup`` for the boilerplate lines trafilatura keeps.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import trafilatura
from htmldate import find_date
from lxml.etree import LxmlError, strip_elements
from lxml.html import HtmlElement

from digest_core.records import Block, Candidate, Decoded, Extracted, Inline
from digest_core.text import clean_line, safe_href
from digest_ingest.dates import parse_date
from digest_ingest.html_cleanup import drop_boilerplate, head_date_lines
from digest_ingest.html_code import code_block_language, code_languages, code_text, text_key
from digest_ingest.html_main import main_text
from digest_ingest.html_metadata import html_candidates, iso_date

# Removed before trafilatura sees the tree: text in these is never article text.
UNSAFE_TAGS = ("script", "style", "noscript", "template", "svg", "iframe", "object", "embed", "textarea")
BLOCK_TAGS = {"p", "head", "list", "quote", "code", "table", "div", "row", "cell", "item"}
CONTAINER_TAGS = BLOCK_TAGS - {"code", "row", "cell", "item"}  # children that make an element a container
INLINE_STYLES = {"#i": "em", "#b": "strong", "#t": "code"}
MAX_DEPTH = 60  # deeper nesting is flattened into text
LAYOUT_CELL_WORDS = 60  # a table cell this long holds article text: the table is page layout


def extract_html(decoded: Decoded) -> Extracted:
    """The article in an HTML page: body blocks, metadata candidates, boilerplate count.

    Raises:
        ValueError: the text cannot be parsed as HTML at all.
    """
    page_url = safe_href(str(decoded.raw.sidecar.get("url") or ""))
    tree = parse_html(decoded.text)
    if tree is None:
        return Extracted(decoded, ())
    candidates = html_candidates(tree, page_url)
    languages = code_languages(tree)
    strip_elements(tree, *UNSAFE_TAGS, with_tail=False)
    unwrap_layout_tables(tree)
    try:
        document = main_text(tree)
    except (RecursionError, LxmlError) as exc:  # its own ValueErrors it catches and logs
        raise ValueError(f"main-text extraction failed: {type(exc).__name__}") from exc
    blocks = body_blocks(document.body, page_url, languages) if document is not None else []
    if not any(c.field == "date" for c in candidates):
        candidates += _fallback_dates(tree, page_url, blocks, candidates, decoded.raw.sidecar)
    kept, dropped = drop_boilerplate(blocks, candidates)
    return Extracted(decoded, tuple(kept), tuple(candidates), dropped)


_TABLE_PARTS = ("table", "thead", "tbody", "tfoot", "tr", "td", "th")
_BLOCK_TAGS = ("p", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "blockquote", "pre", "table", "article", "form")


def unwrap_layout_tables(tree: HtmlElement) -> None:
    """Turn tables used for page layout into plain divs, before trafilatura sees them.

    An old-school page puts its menu, sidebar and article in the cells of one big table;
    trafilatura keeps a table whole, furniture and all. As divs, each region is judged on
    its own. A table is layout when a cell holds block elements (paragraphs, headings,
    lists, other tables) or a long run of text; data tables keep their structure.
    """
    for table in list(tree.iter("table")):
        if _is_layout_table(table):
            for part in [table, *table.iterdescendants(*_TABLE_PARTS)]:
                if part.tag != "table" or part is table or _is_layout_table(part):
                    part.tag = "div"
                    for attr in ("colspan", "rowspan", "cellpadding", "cellspacing", "border"):
                        part.attrib.pop(attr, None)


def _is_layout_table(table: HtmlElement) -> bool:
    for cell in table.iterdescendants("td", "th"):
        if next(cell.iterancestors("table"), None) is not table:
            continue
        if any(child.tag in _BLOCK_TAGS for child in cell.iterdescendants()):
            return True
        if len(" ".join(cell.itertext()).split()) > LAYOUT_CELL_WORDS:
            return True
    return False


def parse_html(text: str) -> HtmlElement | None:
    """The page as an lxml tree; None for an empty document."""
    text = text.replace("\x00", "")
    if not text.strip():
        return None
    tree = trafilatura.load_html(text)
    if tree is None:  # a fragment or text without an <html> start: wrap it and try again
        tree = trafilatura.load_html(f"<html><body>{text}</body></html>")
    if tree is None:
        raise ValueError("document cannot be parsed as HTML")
    return tree


def _fallback_dates(
    tree: HtmlElement, page_url: str, blocks: list[Block], candidates: list[Candidate],
    sidecar: Mapping[str, Any],
) -> list[Candidate]:
    """Dates for a page whose markup names none: a dateline atop the body, else htmldate.

    htmldate searches markup and URL only (its free-text search costs more than the
    extraction and guesses January 1st from a bare "© 2022"). Neither may be the fetch date.
    """
    fetched = iso_date(clean_line(str(sidecar.get("fetched_at") or "")))[:10]
    for line in head_date_lines(blocks, [c.value for c in candidates if c.field == "author"]):
        parsed = parse_date(line)
        if parsed is not None and parsed.date().isoformat() != fetched:
            return [Candidate("date", parsed.isoformat(), "text:dateline")]
    params: dict[str, Any] = {"extensive_search": False, "original_date": True}
    if fetched:
        params["max_date"] = fetched
    try:
        date = iso_date(find_date(tree, url=page_url or None, **params) or "")
    except (ValueError, TypeError, RecursionError, LxmlError):
        return []  # no date is an answer: the metadata stage flags the post
    return [Candidate("date", date, "htmldate")] if date and date[:10] != fetched else []


def body_blocks(body: HtmlElement, base: str, languages: Mapping[str, str]) -> list[Block]:
    """trafilatura's XML body as Blocks."""
    return _container_blocks(body, base, languages, 0)


def _container_blocks(elem: HtmlElement, base: str, languages: Mapping[str, str], depth: int) -> list[Block]:
    """Blocks of an element whose children are blocks; loose text becomes paragraphs."""
    blocks = _paragraphs([Inline(elem.text)]) if elem.text and not elem.text.isspace() else []
    for child in elem:
        blocks += _element_blocks(child, base, languages, depth + 1)
        if child.tail and not child.tail.isspace():
            blocks += _paragraphs([Inline(child.tail)])
    return blocks


def _element_blocks(elem: HtmlElement, base: str, languages: Mapping[str, str], depth: int) -> list[Block]:
    """Blocks of one element of trafilatura's body."""
    tag = elem.tag
    if not isinstance(tag, str) or tag == "graphic":
        return []
    if depth >= MAX_DEPTH:
        return _paragraphs(_inline_runs(elem, base))
    if tag == "code" or (tag == "quote" and text_key(elem) in languages):
        code = code_text(elem)
        return [Block("code", code=code, lang=code_block_language(elem, code, languages))] if code else []
    if tag == "head":
        rend = elem.get("rend", "")
        level = int(rend[1]) if len(rend) == 2 and rend[1].isdigit() else 2
        text = clean_line(" ".join(elem.itertext()))
        return [Block.heading(text, min(max(level, 2), 6))] if text else []
    if tag == "list":
        kind = "ordered_list" if elem.get("rend") == "ol" else "list"
        items = _list_items(elem, base)
        return [Block(kind, items=tuple(items))] if items else []
    if tag == "table":
        return _table_blocks(elem, base, languages, depth)
    if tag == "quote":
        inner = _container_blocks(elem, base, languages, depth)
        return [Block("quote", b.inlines) if b.kind == "paragraph" else b for b in inner]
    if any(_is_block_child(c) for c in elem):
        return _container_blocks(elem, base, languages, depth)
    return _paragraphs(_inline_runs(elem, base))


def _is_block_child(child: HtmlElement) -> bool:
    """True for a child that starts a block of its own: a paragraph, list, ... or multi-line code."""
    tag = child.tag if isinstance(child.tag, str) else ""
    return tag in CONTAINER_TAGS or (tag == "code" and "\n" in "".join(child.itertext()).strip())


def _inline_runs(
    elem: HtmlElement, base: str, style: str = "", href: str = "", skip: str = ""
) -> list[Inline | None]:
    """Text runs of an element with their style and vetted link; None marks a line break.

    Children tagged ``skip`` are left out (their tail is kept).
    """
    runs: list[Inline | None] = [Inline(elem.text or "", href, style)]
    for child in elem:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == skip:
            pass
        elif tag == "lb":
            runs.append(None)
        elif tag == "code":
            runs.append(Inline("".join(child.itertext()), href, "code"))
        elif tag == "ref":
            runs += _inline_runs(child, base, style, safe_href(child.get("target", ""), base) or href)
        elif tag:
            spaced = tag in BLOCK_TAGS  # block boundaries inside inline context are word breaks
            runs += [Inline(" ")] if spaced else []
            runs += _inline_runs(child, base, INLINE_STYLES.get(child.get("rend", ""), style), href)
            runs += [Inline(" ")] if spaced else []
        runs.append(Inline(child.tail or "", href, style))
    return runs


def _paragraphs(runs: list[Inline | None]) -> list[Block]:
    """Paragraph blocks from runs, one per line between line breaks."""
    blocks, line = [], []
    for run in [*runs, None]:
        if run is not None:
            line.append(run)
            continue
        inlines = tidy_inlines(line)
        if inlines:
            blocks.append(Block("paragraph", inlines))
        line = []
    return blocks


def tidy_inlines(runs: list[Inline]) -> tuple[Inline, ...]:
    """Clean runs: single spaces, adjacent runs of one style merged, edges trimmed."""
    merged: list[Inline] = []
    for run in runs:  # merge first, so each text is cleaned once
        if merged and (merged[-1].href, merged[-1].style) == (run.href, run.style):
            merged[-1] = Inline(merged[-1].text + run.text, run.href, run.style)
        elif run.text:
            merged.append(run)
    out: list[Inline] = []
    for run in merged:
        text = _squash(run.text)
        if out and out[-1].text.endswith(" "):
            text = text.lstrip()
        if text.strip():
            out.append(Inline(text, run.href, run.style))
        elif text and out:
            out[-1] = Inline(out[-1].text.rstrip() + " ", out[-1].href, out[-1].style)
    if out:
        out[0] = Inline(out[0].text.lstrip(), out[0].href, out[0].style)
        out[-1] = Inline(out[-1].text.rstrip(), out[-1].href, out[-1].style)
    return tuple(out)


def _squash(text: str) -> str:
    """``clean_line`` that keeps one space at each edge where the text had whitespace."""
    if not text or text.isspace():
        return " " if text else ""
    core = clean_line(text)
    if not core:
        return ""
    return (" " if text[0].isspace() else "") + core + (" " if text[-1].isspace() else "")


def _list_items(elem: HtmlElement, base: str, depth: int = 0) -> list[tuple[Inline, ...]]:
    """Items of a list; a nested list's items follow their parent item."""
    items = []
    for item in elem.iterchildren("item"):
        runs = _inline_runs(item, base, skip="list")
        inlines = tidy_inlines([r if r is not None else Inline(" ") for r in runs])
        if inlines:
            items.append(inlines)
        if depth < MAX_DEPTH:
            for nested in item.iterchildren("list"):
                items += _list_items(nested, base, depth + 1)
    return items


def _table_blocks(table: HtmlElement, base: str, languages: Mapping[str, str], depth: int) -> list[Block]:
    """A data table as a table block; a layout table as the blocks of its content cells."""
    rows = [r for r in table.iter("row") if next(r.iterancestors("table"), None) is table]
    cells = [c for r in rows for c in r.iterchildren("cell")]
    if any(_is_content_cell(c) for c in cells):
        return [b for c in cells if _is_content_cell(c) for b in _container_blocks(c, base, languages, depth)]
    texts = [tuple(clean_line(" ".join(c.itertext())) for c in r.iterchildren("cell")) for r in rows]
    texts = [t for t in texts if any(t)]
    if len(texts) >= 2 and max(len(t) for t in texts) >= 2:
        return [Block("table", rows=tuple(texts))]
    return [Block.paragraph(cell) for row in texts for cell in row if cell]


def _is_content_cell(cell: HtmlElement) -> bool:
    """True for a layout-table cell that holds article text rather than data."""
    return any(_is_block_child(c) for c in cell) or len(" ".join(cell.itertext()).split()) > LAYOUT_CELL_WORDS
