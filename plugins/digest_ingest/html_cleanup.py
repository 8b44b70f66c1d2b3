"""Boilerplate lines that survive main-text extraction, and their removal.

Only short lines are judged, by what they say (a photo credit, a share or
newsletter prompt, a "Read more:" pointer, a byline or date repeated at the
top of the body), so a real paragraph is never dropped for a word it uses.
Code blocks and tables are always kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest_core.records import Block, Candidate, Inline
from digest_ingest import patterns as pt

SHORT_LINE_WORDS = 30  # longer lines are prose, whatever they start with
HEAD_BLOCKS = 8  # bylines, datelines and repeated headlines sit in the first blocks
REPEAT_MAX_WORDS = 80  # longer blocks are no repeated headline or standfirst

CHROME_MAX_WORDS = 12  # footer and comment-form lines are this short, or no sentence

# The shared furniture patterns of patterns.py, applied to the casefolded line.
LINE_TESTS = (pt.WIDGET.match_folded, pt.LINK_LINE.match_folded, pt.END_MARKER.match_folded,
              pt.CREDIT.search_folded)
CHROME_TESTS = (pt.FOOTER.search_folded, pt.COMMENT.search_folded)  # skipped on prose lines
# Banner phrases also occur in reported prose ("subscribers only"): only lines addressing the reader count.
READER = re.compile(r"\b(?:you|your|our|we|sign up|subscribe|join|get)\b")
# What page markup leaves and text dumps rarely do: wire credits, share buttons one per line.
HTML_EXTRA = re.compile(
    r"^(?:additional )?(?:reporting|writing|editing|compiled|produced) by\b|^our standards\b"
    r"|^(?:facebook|twitter|x|linkedin|whatsapp|reddit|telegram|pinterest|bluesky|threads|mastodon|email)\W*$"
    r"|^weitere artikel\s*[:>»|-]"
)
SENTENCE_END = re.compile(r"[.!?…][\"'”’)]*$")
# Words a dateline may hold besides digits: months, weekdays, zones, "updated", "min read".
DATE_WORDS = frozenset("""
    jan feb mar apr may jun jul aug sep sept oct nov dec january february march april june july august
    september october november december mon tue wed thu fri sat sun monday tuesday wednesday thursday
    friday saturday sunday am pm gmt utc bst cet cest est edt cdt pst pdt et pt ist jst st nd rd th
    updated update published posted on at last modified ago min mins minute minutes hour hours hr hrs
    day days read by and uhr le el de des der um januar februar märz mai juni juli oktober dezember
    janvier février mars avril juin juillet août septembre octobre novembre décembre
""".split())
WORD = re.compile(r"[^\W\d_]+")
UPDATED = re.compile(r"(?:last )?(?:updated?|modified)\b", re.I)


def drop_boilerplate(blocks: Sequence[Block], candidates: Sequence[Candidate]) -> tuple[list[Block], int]:
    """The blocks without boilerplate lines, and how many lines were dropped."""
    repeats = {_norm(c.value) for c in candidates if c.field in ("title", "standfirst")} - {""}
    authors = [c.value for c in candidates if c.field == "author"]
    kept: list[Block] = []
    seen: set[str] = set()
    dropped = 0
    for index, block in enumerate(blocks):
        if block.kind in ("code", "table"):
            kept.append(block)
            continue
        if block.kind in ("list", "ordered_list"):
            items = tuple(i for i in block.items if not is_boilerplate_line(_text(i)))
            dropped += len(block.items) - len(items)
            kept += [Block(block.kind, items=items)] if items else []
            continue
        text = block.text
        folded = " ".join(text.casefold().split())
        head = index < HEAD_BLOCKS and _is_head_line(text, repeats, authors)
        duplicate = len(folded) > 40 and folded in seen
        menu = block.kind == "paragraph" and is_menu_line(text)
        if head or duplicate or menu or is_boilerplate_line(text):
            dropped += 1
            continue
        seen.add(folded)
        kept.append(block)
    return kept, dropped


def is_boilerplate_line(text: str) -> bool:
    """True for a short line that is a credit, a prompt, a pointer or page chrome."""
    line = text.strip().casefold()
    words = len(line.split())
    if words > SHORT_LINE_WORDS:
        return False
    if HTML_EXTRA.search(line) or any(test(line) for test in LINE_TESTS):
        return True
    if READER.search(line) and pt.BANNER.search_folded(line):
        return True
    prose = words > CHROME_MAX_WORDS and SENTENCE_END.search(line)
    return not prose and any(test(line) for test in CHROME_TESTS)


def is_menu_line(text: str) -> bool:
    """True for a run of capitalised link words without punctuation: leftover navigation."""
    words = text.split()
    if not 3 <= len(words) <= 12 or re.search(r"[.!?:;,\"“”()]", text):
        return False
    return sum(w[:1].isupper() for w in words) >= 0.75 * len(words)


def is_date_line(text: str) -> bool:
    """True for a line made only of a date, a time and words like "Updated" or "min read"."""
    words = [w.casefold() for w in WORD.findall(text)]
    return bool(re.search(r"\d", text)) and len(text.split()) <= 15 and all(w in DATE_WORDS for w in words)


def _is_head_line(text: str, repeats: set[str], authors: list[str]) -> bool:
    """True for a repeated headline or standfirst, a byline or a dateline at the top of the body."""
    words = len(text.split())
    if words <= REPEAT_MAX_WORDS and _norm(text) in repeats:
        return True
    short = words <= 15 and text.rstrip()[-1:] not in ".!?"
    byline = pt.BYLINE_LEAD.match(text)
    if short and byline and byline["names"].split()[0].casefold() not in pt.NOT_NAMES:
        return True
    rest = _without_names(text, authors)
    if short and rest != text and all(w in DATE_WORDS for w in WORD.findall(rest.casefold())):
        return True  # author names, perhaps with a date: a byline
    return short and is_date_line(text)


def head_date_lines(blocks: Sequence[Block], authors: Sequence[str]) -> list[str]:
    """Publication datelines atop the body ("June 7, 2023 11:02 GMT", "Posted on ... by Jane Roe")."""
    lines = []
    for block in blocks[:HEAD_BLOCKS]:
        rest = _without_names(block.text, authors)
        if block.kind == "paragraph" and is_date_line(rest) and not UPDATED.match(rest.strip()):
            lines.append(rest)
    return lines


def _without_names(text: str, names: Sequence[str]) -> str:
    for name in names:
        text = text.replace(name, " ")
    return text


def _text(inlines: tuple[Inline, ...]) -> str:
    return "".join(i.text for i in inlines)


def _norm(text: str) -> str:
    """Text folded for comparison: lower case, letters and digits only."""
    return " ".join(re.findall(r"[^\W_]+", text.casefold()))
