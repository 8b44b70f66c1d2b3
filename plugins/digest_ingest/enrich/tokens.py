"""Word tokens and a phrase index that finds known phrases in one pass.

Text becomes a list of tokens: runs of word characters, and every other
non-space character on its own ("AT&T" -> AT, &, T). Phrases are tuples of
such tokens, so a look-up is a dict probe per position, never a regex per phrase.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import compress, count
from typing import Generic, Mapping, Sequence, TypeVar

from digest_ingest.wordscan import WordPattern

V = TypeVar("V")

_TOKEN = WordPattern(re.compile(r"[^\W_]+|[^\w\s]"), re.compile(r"[A-Za-z0-9]+|[^\w\s]"))
# Typographic variants folded to the ASCII marks phrases are written with.
_FOLD_MARKS = (
    ("\u2018", "'"), ("\u2019", "'"), ("\u02bc", "'"), ("\u2032", "'"),
    ("\u201c", '"'), ("\u201d", '"'), ("\u00ab", '"'), ("\u00bb", '"'),
    ("\u2010", "-"), ("\u2011", "-"), ("\u2012", "-"), ("\uff06", "&"), ("\uff0c", ","),
)
_SENTENCE_ENDS = frozenset({".", "!", "?", ":", "\u2026", "\u2022", "|"})
_OPENERS = frozenset({'"', "'", "(", "[", "-", "\u2013", "\u2014"})


def tokenize(text: str) -> list[str]:
    """Split text into word and punctuation tokens, case kept."""
    for mark, ascii_mark in _FOLD_MARKS:  # a few replace() calls cost far less than one translate()
        if mark in text:
            text = text.replace(mark, ascii_mark)
    return _TOKEN.findall(text)


def tokenize_article(title: str, paragraphs: Sequence[str]) -> list[list[str]]:
    """Tokens of the headline (segment 0) and of each paragraph, for every enrich step to share."""
    return [tokenize(text) for text in (title, *paragraphs)]


@lru_cache(maxsize=1 << 16)
def fold(token: str) -> str:
    """Lower-case a token and drop a plural ending: "Smartphones" -> "smartphone"."""
    word = token.lower()
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is", "ws")):
        return word[:-1]
    return word


def at_sentence_start(tokens: Sequence[str], index: int) -> bool:
    """True when the token opens a sentence (quotes and brackets skipped)."""
    j = index - 1
    while j >= 0 and tokens[j] in _OPENERS:
        j -= 1
    return j < 0 or tokens[j] in _SENTENCE_ENDS


def is_sentence_end(token: str) -> bool:
    """True for marks that close a sentence or a caption fragment."""
    return token in _SENTENCE_ENDS


def is_title_case(tokens: Sequence[str]) -> bool:
    """True for headline-style text where most longer words are capitalised."""
    words = [t for t in tokens[1:] if len(t) >= 4 and t[0].isalpha()]
    if len(words) < 2:
        return bool(tokens) and not any(c.islower() for t in tokens for c in t)
    capitalised = sum(1 for t in words if t[0].isupper())
    return capitalised * 10 >= len(words) * 7


@dataclass(frozen=True, slots=True)
class PhraseIndex(Generic[V]):
    """Token-tuple phrases mapped to values; ``sizes`` lists the lengths to try at a first token."""

    phrases: Mapping[tuple[str, ...], V]
    sizes: Mapping[str, tuple[int, ...]]  # first token -> lengths of the phrases it starts, longest first

    @classmethod
    def build(cls, phrases: Mapping[tuple[str, ...], V]) -> PhraseIndex[V]:
        sizes: dict[str, set[int]] = {}
        for key in phrases:
            sizes.setdefault(key[0], set()).add(len(key))
        return cls(dict(phrases), {first: tuple(sorted(n, reverse=True)) for first, n in sizes.items()})

    def scan(self, tokens: Sequence[str]) -> list[tuple[int, int, V]]:
        """(start, end, value) of the longest phrase at each position, left to right."""
        phrases, sizes, found = self.phrases, self.sizes, []
        after = 0  # phrases do not overlap: the next one starts after the last one's end
        for start in compress(count(), map(sizes.__contains__, tokens)):
            if start >= after and (end := self.match_at(tokens, start)):
                key = (tokens[start],) if end == start + 1 else tuple(tokens[start:end])  # most are one token
                found.append((start, end, phrases[key]))
                after = end
        return found

    def match_at(self, tokens: Sequence[str], start: int) -> int:
        """End of the longest phrase starting at ``start``, or 0."""
        left = len(tokens) - start
        for size in self.sizes.get(tokens[start], ()):
            # a one-token phrase is known to exist from its first token alone
            if size <= left and (size == 1 or tuple(tokens[start : start + size]) in self.phrases):
                return start + size
        return 0
