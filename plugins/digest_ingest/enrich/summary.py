"""The post's summary: the page's standfirst when it has one, else the lead's first sentences."""

from __future__ import annotations

import re
from collections.abc import Sequence

from digest_core.text import clean_line

MAX_SUMMARY = 320
MIN_STANDFIRST = 40
# A sentence ends at . ! ? (optionally closed by a quote) followed by space and a capital or quote.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"”’)]?\s+(?=[\"“‘(]?[A-Z0-9])")
_ABBREVIATION = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|Inc|Corp|Co|Ltd|Jr|Sr|St|vs|etc|No|U\.S|U\.K|e\.g|i\.e|Jan|Feb|Mar|Apr|Jun|Jul|Aug|"
    r"Sep|Sept|Oct|Nov|Dec)\.|\b[A-Z]\.)$"
)


def sentences(text: str) -> list[str]:
    """Split a paragraph into sentences, not at common abbreviations or initials."""
    parts, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        head = text[start:match.start() + 1].rstrip("\"”’) ")
        if _ABBREVIATION.search(head):
            continue
        parts.append(text[start:match.end()].strip())
        start = match.end()
    tail = text[start:].strip()
    return parts + ([tail] if tail else [])


def shorten(text: str, limit: int = MAX_SUMMARY) -> str:
    """Cut at a word boundary, marking the cut with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:-") + " …"


def make_summary(standfirst: str, title: str, paragraphs: Sequence[str]) -> str:
    """Standfirst if it reads as a sentence distinct from the title; else one or two lead sentences."""
    standfirst = clean_line(standfirst)
    if len(standfirst) >= MIN_STANDFIRST and standfirst.lower() != title.lower() and " " in standfirst:
        return shorten(standfirst)
    for paragraph in paragraphs:
        found = sentences(clean_line(paragraph))
        if not found or len(paragraph.split()) < 6:
            continue
        summary = found[0]
        if len(found) > 1 and len(summary) + len(found[1]) < MAX_SUMMARY * 0.8:
            summary += " " + found[1]
        return shorten(summary)
    return ""
