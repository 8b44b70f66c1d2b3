"""A small language identifier: stop-word shares for Latin-script languages,
Unicode scripts for the rest. Good enough to tell English from not-English."""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

MIN_WORDS = 12
SAMPLE_CHARS = 6000  # a thousand-odd words settle the question; more only costs time
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
STOP_WORDS = {
    "en": "the of and to in is that for it with as was on are by be this from at have has an which not but they said its were will".split(),
    "de": "der die und das ist nicht mit den von zu ein eine sich auf für dem des im auch es als wird bei sind wie hat".split(),
    "fr": "le la les et des est une dans pour que qui un sur pas du au avec par plus ce sont ont été elle il cette".split(),
    "es": "el la los las de que y en un una es por con para del se al lo como más pero sus fue ha son está".split(),
    "it": "il di che la e un una per è non con del della sono gli le da si nel alla anche come ha più".split(),
    "pt": "o a os as de que e em um uma para com não do da dos das por se mais foi são está como ao".split(),
    "nl": "de het een en van is dat op te in voor met niet zijn aan er ook als bij door maar om".split(),
}
# Words that are stop words in several languages say nothing about which.
_SHARED = {w for lang, words in STOP_WORDS.items() for w in words
           if sum(w in other for other in STOP_WORDS.values()) > 1}
_LOOKUP = {w: lang for lang, words in STOP_WORDS.items() for w in words if w not in _SHARED}
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
    letters = len(_LETTER.findall(sample))
    if not letters:
        return ""
    others = _NON_LATIN_LETTER.findall(sample)
    if len(others) > 0.4 * letters:  # only then is naming each character's script worth its cost
        script, _ = Counter(_script(ch) for ch in others[:5000]).most_common(1)[0]
        return _SCRIPTS.get(script, "und")
    words = _WORD.findall(sample.lower())
    if len(words) < MIN_WORDS:
        return ""
    votes = Counter(_LOOKUP[w] for w in words if w in _LOOKUP)
    if not votes:
        return ""
    (best, n), *rest = votes.most_common(2) + [("", 0)]
    return best if n >= 3 else ""
