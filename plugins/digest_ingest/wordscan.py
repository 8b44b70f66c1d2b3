"""Word patterns with an ASCII fast path.

Python's re tests a Unicode class such as ``[^\\W\\d_]`` several times slower than
``[A-Za-z]``. Most news text has no word character outside ASCII, only typographic
marks (’ “ ” – —), so a word pattern comes in two forms and the ASCII form runs
on text where both find the same words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

_LATIN_WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
# Common non-ASCII marks that are never word characters (re's \w): they leave a text "ASCII words".
_MARKS = (
    "\u2019", "\u2018", "\u201c", "\u201d", "\u2013", "\u2014", "\u2026", "\u00a0", "\u00ab", "\u00bb",
    "\u2022", "\u00b7", "\u20ac", "\u00a3", "\u00a9", "\u2032", "\u00b0", "\u2122", "\ufffd",
)


def ascii_words(text: str) -> bool:
    """True when no character of ``text`` outside ASCII is a word character."""
    if text.isascii():
        return True
    for mark in _MARKS:
        if mark in text:
            text = text.replace(mark, "")
    return text.isascii()


@dataclass(frozen=True, slots=True)
class WordPattern:
    """One pattern in two forms that match alike on ASCII words: ``full`` for any text."""

    full: re.Pattern[str]
    ascii: re.Pattern[str]

    def findall(self, text: str) -> list[str]:
        return (self.ascii if ascii_words(text) else self.full).findall(text)


@lru_cache(maxsize=2)
def latin_words(text: str) -> tuple[str, ...]:
    """Runs of ASCII letters, with one inner apostrophe ("don't"), as written.

    Cached: the language guess (metadata) and the quality flags (enrich) count the same body.
    """
    return tuple(_LATIN_WORD.findall(text))
