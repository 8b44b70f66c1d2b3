"""What a post's text says, as comparable pieces: terms, named things, numbers, shingles.

Everything here works on one text at a time; weighting across the archive
(IDF) is done in ``similarity``. Every build analyses every post, so each text
is scanned once per kind of piece by a compiled regex, and per-word work goes
through caches keyed by the word (bench/bench_stories.py measures it).
"""

from __future__ import annotations

import hashlib
import re
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from digest_stories.minhash import sketch
from digest_stories.parallel import map_slices

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
_QUOTES = "\"'()\u2018\u2019\u201c\u201d"
_OPENS_AFTER = ("\n", ".", "!", "?", ":", ";", "\u2026")  # what ends a line or a sentence
_CAPITAL_OR_DIGIT = "".join(re.escape(chr(c)) for c in range(0x10000) if chr(c).isupper()) + r"\d"
# The text since the previous candidate, then a candidate: a token (tokens split at whitespace and "/")
# from its first capital or digit on; ("rest of the text", "") at the end. Possessive quantifiers and
# starting at the capital keep the scan linear; the token's start is found in the text before it.
_CANDIDATES = re.compile(f"([^{_CAPITAL_OR_DIGIT}]*+)([{_CAPITAL_OR_DIGIT}][^\\s/]*+|\\Z)")
# A figure: digits not inside a word, a date or a version ("GPT-3.5", "2018-02-26"), nor at either
# end of the text; the leading digit comes first so that the scan jumps from digit to digit.
_FIGURE = re.compile(r"\d(?<=[^\w.\-]\d)(?<!\d,\d)\d*+(?:[.,]\d++)*+(?=[^\w\-])")
_THOUSANDS = re.compile(r"\d{1,3}(,\d{3})+")
_YEAR = re.compile(r"(19|20)\d\d")
_UNIT = re.compile(r"\s?(%|percent\b|per cent\b|million\b|billion\b|trillion\b|bn\b|m\b|k\b)", re.I)
_CURRENCY = "$\u20ac\u00a3\u00a5"
_UNITS = {"%": "%", "percent": "%", "per cent": "%", "million": "m", "m": "m", "billion": "b", "bn": "b",
          "trillion": "t", "k": "k"}
_CORPORATE_SUFFIX = re.compile(r"[\s,]+(inc|corp|corporation|ltd|limited|plc|co|llc|ag|sa|gmbh)\.?$", re.I)
_MAX_NAME_TOKENS = 5
_CACHE = 1 << 16  # distinct words or tokens remembered: far more than one archive's vocabulary
PARALLEL_MIN_TEXTS = 500  # below this, starting workers costs more than it saves


@dataclass(frozen=True, slots=True)
class TextFeatures:
    """One post's text, analysed once: content terms per part, named things, figures, hashes."""

    body: tuple[str, ...]
    title: tuple[str, ...]
    lead: tuple[str, ...]  # the first paragraph
    names: frozenset[str]
    numbers: frozenset[str]
    fingerprint: str  # of the body's words: equal for exact duplicates, "" without words
    sketch: tuple[int, ...]  # MinHash of the body's shingles: close for near duplicates


def words(text: str) -> list[str]:
    """Lower-case word tokens."""
    return _WORD.findall(text.lower())


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


@lru_cache(maxsize=_CACHE)
def _term(word: str) -> str:
    """The term a word counts as; "" for stopwords and single characters (cached: ``stem`` is not)."""
    return stem(word) if len(word) > 1 and word not in STOPWORDS else ""


def content_terms(tokens: Sequence[str]) -> list[str]:
    """The content words among lower-case word tokens, stemmed, in order."""
    return list(filter(None, map(_term, tokens)))


def terms(text: str) -> list[str]:
    """Content words of ``text``, stemmed, in order."""
    return content_terms(words(text))


@lru_cache(maxsize=_CACHE)
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


@lru_cache(maxsize=_CACHE)
def _candidate(raw: str) -> tuple[str, bool, bool, bool, bool]:
    """A candidate token as written -> (token without edge punctuation or possessive, name-like,
    a plain number, opens with punctuation, may run on into the next token)."""
    token = _POSSESSIVE.sub("", raw.strip(_EDGE_PUNCT))
    runs_on = raw[-1] not in _EDGE_PUNCT and not raw.endswith(("'s", "\u2019s"))
    return token, bool(token) and _name_like(token), token.isdigit(), raw[0] in _EDGE_PUNCT, runs_on


def _opens_sentence(before: str, near_text_start: bool) -> bool:
    """Whether a token begins a line or a sentence, given the text before it (its last 40
    characters count); nothing but spaces and quotes before it is a start near the text's start."""
    before = before[-40:].rstrip(" \t").rstrip(_QUOTES)
    return (not before and near_text_start) or before[-1:] in _OPENS_AFTER


def _runs(text: str) -> list[tuple[list[str], bool]]:
    """Runs of adjacent name-like words (only spaces between), each with whether it opens a sentence.

    A plain number may continue a run ("Windows 10"). Only tokens holding a
    capital or a digit are looked at, so plain words cost nothing.
    """
    runs: list[tuple[list[str], bool]] = []
    current: list[str] = []
    opens, runs_on, previous = False, False, ""
    for gap, raw in _CANDIDATES.findall(text):
        if not raw:
            break
        if gap and not gap[-1].isspace() and gap[-1] != "/":  # "iPhone", "x86", "$5": starts before
            head = gap.rsplit(None, 1)[-1].rsplit("/", 1)[-1]
            raw, gap = head + raw, gap[:-len(head)]
        token, name_like, number, punct_first, next_runs_on = _candidate(raw)
        adjacent = bool(current) and runs_on and not punct_first and (gap == " " or not gap.strip(" \t"))
        if name_like or (adjacent and number):
            if not adjacent:
                if current:
                    runs.append((current, opens))
                current = []
                # The previous candidate holds a capital or digit, where the stripping stops anyway.
                opens = _opens_sentence(previous + gap[-40:], not previous and len(gap) <= 40)
            current.append(token)
        elif current:
            runs.append((current, opens))
            current = []
        runs_on, previous = next_runs_on, raw
    if current:
        runs.append((current, opens))
    return runs


def names(text: str) -> set[str]:
    """Named things: runs of capitalised words ("Harry Shum", "Windows 10") and their words.

    Leading and trailing function words are dropped ("The Verge" -> "verge"). A
    single capitalised word opening a sentence counts only when the text also
    capitalises it elsewhere, so "Investors said..." adds nothing.
    """
    runs = []  # (tokens, lower-case tokens, opens a sentence)
    for tokens, at_start in _runs(text):
        lowered = [t.lower() for t in tokens]
        first, last = 0, len(tokens)
        while first < last and lowered[first] in _NOT_NAMES:
            first += 1
        while last > first and lowered[last - 1] in _NOT_NAMES:
            last -= 1
        if first < last:
            end = min(last, first + _MAX_NAME_TOKENS)
            runs.append((tokens[first:end], lowered[first:end], at_start and not first))
    inside = {r[0][0] for r in runs if not r[2]} | {t for r in runs for t in r[0][1:]}
    found: set[str] = set()
    for tokens, lowered, at_start in runs:
        if at_start and len(tokens) == 1 and tokens[0] not in inside and tokens[0][1:].islower():
            continue
        found.add(" ".join(lowered))
        if len(tokens) > 1:
            found.update(low for token, low in zip(tokens, lowered)
                         if low not in _NOT_NAMES and not token.isdigit())
    return found


def numbers(text: str) -> set[str]:
    """Figures that identify an event: "$16.5 billion" -> "$16.5b", "92.4 million" -> "92.4m", "23%".

    Years and bare small numbers are left out: they are shared by unrelated news.
    Numbers inside words ("GPT-3.5", "2018-02-26") are not figures.
    """
    found = set()
    for match in _FIGURE.finditer(text):
        start, end = match.span()
        before = text[max(0, start - 2):start].strip()[-1:]
        cur = before if before in _CURRENCY else ""
        unit_match = _UNIT.match(text, end)
        unit = _UNITS[unit_match.group(1).lower()] if unit_match else ""
        num = match.group(0)
        if _THOUSANDS.fullmatch(num):
            num = num.replace(",", "")
        if not cur and not unit and (len(num.replace(".", "")) < 2 or _YEAR.fullmatch(num)):
            continue
        found.add(f"{cur}{num}{unit}")
    return found


def fingerprint(tokens: Sequence[str]) -> str:
    """Hash of a body's word tokens (``words``), which ignore case, punctuation and
    whitespace; "" for a body without words."""
    normal = " ".join(tokens)
    return hashlib.sha1(normal.encode("utf-8")).hexdigest()[:20] if normal else ""


def shingle_hashes(content: Sequence[str]) -> list[int]:
    """CRC-32 of each pair of adjacent content terms ("a b"), in order, repeats included."""
    encoded = list(map(str.encode, content))
    return list(map(zlib.crc32, map(b" ".join, zip(encoded, encoded[1:]))))


def shingles(content: Sequence[str]) -> set[int]:
    """Hashed pairs of adjacent content terms: robust to boilerplate and to
    spinners swapping some words, unlike whole-text hashes."""
    return set(shingle_hashes(content))


def analyse(title: str, text: str) -> TextFeatures:
    """Everything the clustering needs from one post. Names come from the body only:
    headlines capitalise every word."""
    first, _, rest = text.lstrip().partition("\n")  # no word spans a line break
    lead_tokens, rest_tokens = words(first), words(rest)
    lead = content_terms(lead_tokens)
    body = lead + content_terms(rest_tokens)
    return TextFeatures(
        body=tuple(body),
        title=tuple(terms(title)),
        lead=tuple(lead),
        names=frozenset(names(text)),
        numbers=frozenset(numbers(title + "\n" + text)),
        fingerprint=fingerprint(lead_tokens + rest_tokens),
        sketch=sketch(shingle_hashes(body)),
    )


def analyse_texts(texts: Sequence[tuple[str, str]], jobs: int = 1) -> list[TextFeatures]:
    """``analyse`` of each (title, text), in order; across ``jobs`` forked processes when
    there are ``PARALLEL_MIN_TEXTS`` or more."""
    def analysed(start: int, end: int) -> list[TextFeatures]:
        return [analyse(title, text) for title, text in texts[start:end]]

    return map_slices(analysed, len(texts), jobs, PARALLEL_MIN_TEXTS)
