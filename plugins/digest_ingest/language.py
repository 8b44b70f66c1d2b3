"""A small language identifier: stop-word shares for Latin-script languages,
Unicode scripts for the rest. Good enough to tell English from not-English."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

from digest_ingest import patterns as pt
from digest_ingest.wordscan import ascii_words, latin_words

MIN_WORDS = 12
SAMPLE_CHARS = 6000  # a thousand-odd words settle the question; more only costs time
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
# A word in one language's stop list only says which language; words several lists share say nothing.
_LOOKUP = {
    word: lang for lang, words in pt.STOPWORDS.items() for word in words
    if sum(word in other for other in pt.STOPWORDS.values()) == 1
}
_SCRIPTS = {
    "CJK": "zh", "HIRAGANA": "ja", "KATAKANA": "ja", "HANGUL": "ko", "CYRILLIC": "ru", "ARABIC": "ar",
    "HEBREW": "he", "DEVANAGARI": "hi", "BENGALI": "bn", "THAI": "th", "GREEK": "el", "TAMIL": "ta",
}


def _script(ch: str) -> str:
    name = unicodedata.name(ch, "")
    return name.split(" ", 1)[0] if name else ""


_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN_LETTER = re.compile(r"[^\W\d_A-Za-z\u00c0-\u024f\u1e00-\u1eff]")


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, or "" when there is too little text to say."""
    sample = text[:SAMPLE_CHARS]
    plain = ascii_words(sample)
    others = [] if plain else _NON_LATIN_LETTER.findall(sample)
    # Only a text with many non-Latin letters is worth counting all letters and naming scripts.
    if others and len(others) > 0.4 * len(_LETTER.findall(sample)):
        script, _ = Counter(_script(ch) for ch in others[:5000]).most_common(1)[0]
        return _SCRIPTS.get(script, "und")
    # On ASCII words _WORD finds what latin_words does, which the quality flags then reuse.
    words = " ".join(latin_words(sample)).lower().split() if plain else _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:  # also a text without letters
        return ""
    votes = Counter(filter(None, map(_LOOKUP.get, words)))
    if not votes:
        return ""
    (best, n), *rest = votes.most_common(2) + [("", 0)]
    return best if n >= 3 else ""
