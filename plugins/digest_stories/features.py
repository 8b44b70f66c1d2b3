"""What a post's text says, as comparable pieces: terms, named things, numbers, shingles.

Everything here works on one text at a time; weighting across the archive
(IDF) is done in ``similarity``.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

STOPWORDS = frozenset(
    """a about above after again against ago all almost also am among an and another any are as at be
    because been before being below between both but by can could did do does doing done down during each
    either even ever every few for from further get gets got had has have having he her here hers herself
    him himself his how however i if in into is it its itself just least less like made make makes many
    may me might more most much must my near neither no nor not now of off often on once one only onto or
    other others our ours out over own per quite rather same she should since so some still such than that
    the their theirs them themselves then there these they this those though through thus to too toward
    towards under until up upon us very via was we were what when where whether which while who whom whose
    why will with within without would yet you your yours said says say saying told tell according also
    new year years week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday
    saturday sunday january february march april may june july august september october november december
    two three four five six seven eight nine ten first second third last next well way ways""".split()
)

# Words that begin sentences or dates in capitals without naming anything.
_NOT_NAMES = STOPWORDS | {"mr", "ms", "dr", "ceo", "inc", "corp", "ltd", "co", "plc"}

_WORD = re.compile(r"\w+(?:[.&\-]\w+)*")  # "92.4", "log4j", "ai-powered"; "xiaomi's" -> "xiaomi", "s"
_POSSESSIVE = re.compile(r"['\u2019]s?$")
_EDGE_PUNCT = "\"'()[]{}<>,.;:!?\u2018\u2019\u201c\u201d*\u2026"
_ENDS_SENTENCE = (".", "!", "?", ":", ";", "\u2026")
# From a capital letter or a digit to the end of its token (tokens split at whitespace and "/"):
# starting at the capital keeps the regex scan linear; the token's start is found by looking back.
_CANDIDATE = re.compile(
    "[" + "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper()) + r"\d][^\s/]*"
)
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_UNIT = re.compile(r"\s?(%|percent\b|per cent\b|million\b|billion\b|trillion\b|bn\b|m\b|k\b)", re.I)
_CURRENCY = "$\u20ac\u00a3\u00a5"
_UNITS = {"%": "%", "percent": "%", "per cent": "%", "million": "m", "m": "m", "billion": "b", "bn": "b",
          "trillion": "t", "k": "k"}
_CORPORATE_SUFFIX = re.compile(r"[\s,]+(inc|corp|corporation|ltd|limited|plc|co|llc|ag|sa|gmbh)\.?$", re.I)
_MAX_NAME_TOKENS = 5


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """One post's text, analysed once: content terms per part, named things, figures."""

    body: tuple[str, ...]
    title: tuple[str, ...]
    lead: tuple[str, ...]  # the first paragraph
    names: frozenset[str]
    numbers: frozenset[str]


def words(text: str) -> list[str]:
    """Lower-case word tokens."""
    return _WORD.findall(text.lower())


@lru_cache(maxsize=1 << 16)
def stem(word: str) -> str:
    """A light suffix stripper: enough to match "phones"/"phone", "signed"/"signs"."""
    if not word.isalpha() or len(word) <= 3:
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith("ing") and len(word) > 6:
        return word[:-3]
    if word.endswith("ed") and len(word) > 5:
        return word[:-2]
    if word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def terms(text: str) -> list[str]:
    """Content words of ``text``, stemmed, in order."""
    return [stem(w) for w in words(text) if len(w) > 1 and w not in STOPWORDS]


def normalise_name(name: str) -> str:
    """A company or product name as a key: lower case, no corporate suffix or possessive."""
    name = _POSSESSIVE.sub("", _CORPORATE_SUFFIX.sub("", name.strip()))
    return " ".join(words(name))


def _name_like(token: str) -> bool:
    """Capitalised ("Azure"), a capital inside ("iPhone"), or letters with digits ("S9", "5G")."""
    if token[0].isupper() or not token.islower() and any(c.isupper() for c in token):
        return True
    return not token.isalpha() and not token.isdigit() and any(c.isdigit() for c in token) and any(
        c.isalpha() for c in token)


def _opens_sentence(text: str, start: int) -> bool:
    """Whether the token at ``start`` begins the text, a line or a sentence."""
    before = text[max(0, start - 40):start].rstrip(" \t").rstrip("\"'()\u2018\u2019\u201c\u201d")
    return (not before and start <= 40) or before[-1:] in ("\n", *_ENDS_SENTENCE)


def _runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of adjacent name-like words (only spaces between), each with whether it opens a sentence.

    A plain number may continue a run ("Windows 10"). Only tokens holding a
    capital or a digit are looked at, so plain words cost nothing.
    """
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    opens, joined, prev_end = False, False, 0
    for match in _CANDIDATE.finditer(text):
        start = match.start()
        while start > 0 and not text[start - 1].isspace() and text[start - 1] != "/":
            start -= 1  # "iPhone", "x86": the capital or digit is inside the token
        raw = text[start:match.end()]
        token = _POSSESSIVE.sub("", raw.strip(_EDGE_PUNCT))
        adjacent = joined and raw[0] not in _EDGE_PUNCT and text[prev_end:start].strip(" \t") == ""
        if token and (_name_like(token) or (current and adjacent and token.isdigit())):
            if not (current and adjacent):
                if current:
                    runs.append((current, opens))
                current, opens = [], _opens_sentence(text, start)
            current.append(token)
        elif current:
            runs.append((current, opens))
            current = []
        joined = raw[-1] not in _EDGE_PUNCT and not raw.endswith(("'s", "\u2019s"))
        prev_end = match.end()
    if current:
        runs.append((current, opens))
    return runs


def names(text: str) -> set[str]:
    """Named things: runs of capitalised words ("Harry Shum", "Windows 10") and their words.

    Leading and trailing function words are dropped ("The Verge" -> "verge"). A
    single capitalised word opening a sentence counts only when the text also
    capitalises it elsewhere, so "Investors said..." adds nothing.
    """
    runs = []
    for tokens, at_start in _runs(text):
        while tokens and tokens[0].lower() in _NOT_NAMES:
            tokens, at_start = tokens[1:], False
        while tokens and tokens[-1].lower() in _NOT_NAMES:
            tokens = tokens[:-1]
        if tokens:
            runs.append((tokens[:_MAX_NAME_TOKENS], at_start))
    inside = {r[0][0] for r in runs if not r[1]} | {t for r in runs for t in r[0][1:]}
    found: set[str] = set()
    for tokens, at_start in runs:
        if at_start and len(tokens) == 1 and tokens[0] not in inside and tokens[0][1:].islower():
            continue
        found.add(" ".join(t.lower() for t in tokens))
        if len(tokens) > 1:
            found.update(t.lower() for t in tokens if t.lower() not in _NOT_NAMES and not t.isdigit())
    return found


def numbers(text: str) -> set[str]:
    """Figures that identify an event: "$16.5 billion" -> "$16.5b", "92.4 million" -> "92.4m", "23%".

    Years and bare small numbers are left out: they are shared by unrelated news.
    Numbers inside words ("GPT-3.5", "2018-02-26") are not figures.
    """
    found = set()
    for match in _DIGITS.finditer(text):
        start, end = match.span()
        before, after = text[max(0, start - 2):start], text[end:end + 1]
        if (before[-1:].isalnum() or before[-1:] in "-._") or (after.isalnum() or after in "-_"):
            continue
        cur = before.strip()[-1:] if before.strip()[-1:] in _CURRENCY else ""
        unit_match = _UNIT.match(text, end)
        unit = _UNITS[unit_match.group(1).lower()] if unit_match else ""
        num = match.group(0)
        if re.fullmatch(r"\d{1,3}(,\d{3})+", num):
            num = num.replace(",", "")
        if not cur and not unit and (len(num.replace(".", "")) < 2 or re.fullmatch(r"(19|20)\d\d", num)):
            continue
        found.add(f"{cur}{num}{unit}")
    return found


def analyse(title: str, text: str) -> TextFeatures:
    """Everything the similarity needs from one post. Names come from the body only:
    headlines capitalise every word."""
    return TextFeatures(
        body=tuple(terms(text)),
        title=tuple(terms(title)),
        lead=tuple(terms(text.strip().split("\n", 1)[0])),
        names=frozenset(names(text)),
        numbers=frozenset(numbers(title + "\n" + text)),
    )


def fingerprint(body: str) -> str:
    """Hash of the normalised body (words only); "" for a body without words."""
    normal = " ".join(words(body))
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20] if normal else ""


def shingles(content: Sequence[str]) -> set[int]:
    """Hashed pairs of adjacent content terms: robust to boilerplate and to
    spinners swapping some words, unlike whole-text hashes."""
    return {zlib.crc32(f"{a} {b}".encode("utf-8")) for a, b in zip(content, content[1:])}
