"""Quality flags: reasons a post should not be published without an editor's look.

spun             machine-reworded text (synonym spinners turn "the" into "a", "said" into "pronounced")
too_short        fewer body words than DIGEST_MIN_WORDS
no_date          no publication date found
not_english      the body is in another language
boilerplate_only nothing but site furniture was found
"""

from __future__ import annotations

import re

from digest_ingest.wordscan import latin_words

BOILERPLATE_MAX_WORDS = 25
# "a" before a vowel sound is wrong in edited English; these vowel-letter words start with a consonant sound.
# The word boundary is checked behind the "a": a pattern that starts with a letter lets re skip ahead.
_A_BEFORE_VOWEL = re.compile(
    r"[Aa](?<=\b[Aa]) (?!(?:one|once|uni|use|usu|uti|ura|eu|ewe|ubi|uk|us\b|u\.))[aeiou]\w+"
)
# Characteristic outputs of synonym spinners (each is rare in edited news copy).
_SPINNER_WORDING = (
    r"some-more\b", r"pronounced (?:[A-Z]|in a)", r"a dual\b", r"utterly\b", r"during a time\b",
    r"a usually\b", r"many some-more\b", r"in a areas?\b", r"on a side of\b", r"currently a\b",
)
_SPINNER_PHRASES = re.compile("|".join(rf"\b{wording}" for wording in _SPINNER_WORDING))
# The same wordings without the leading word boundary: twice as fast to rule out, as most texts are.
_SPINNER_GATE = re.compile("|".join(_SPINNER_WORDING))


def spun_evidence(text: str) -> str:
    """Why the text looks machine-reworded, or "" when it does not (English only)."""
    words = latin_words(text)  # cached: quality_flags has just counted the same text
    if len(words) < 60:
        return ""
    lowered = " ".join(words).lower().split()  # words are ASCII letters and apostrophes
    the, a = lowered.count("the"), lowered.count("a")
    wrong_a = len(_A_BEFORE_VOWEL.findall(text))
    phrases = len(_SPINNER_PHRASES.findall(text)) if _SPINNER_GATE.search(text) else 0
    per_thousand = 1000 / len(words)
    reasons = []
    if the + a >= 12 and the / (the + a) < 0.25:
        reasons.append(f"'the' is {the} of {the + a} articles (edited English: over half)")
    if wrong_a >= 3 and wrong_a * per_thousand >= 4:
        reasons.append(f"{wrong_a} times 'a' before a vowel")
    if phrases >= 2:
        reasons.append(f"{phrases} spinner phrases")
    return "; ".join(reasons) if len(reasons) >= 2 or phrases >= 4 else ""


def quality_flags(
    *, dated: bool, lang: str, text: str, min_words: int
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """(flags, reasons) for a body ``text``: one human-readable reason per flag, in a fixed order."""
    words = latin_words(text)  # what the word count and the spinner checks count
    body_words = len(words)
    found: list[tuple[str, str]] = []
    if body_words < BOILERPLATE_MAX_WORDS:
        found.append(("boilerplate_only", f"only {body_words} words of article text found"))
    elif body_words < min_words:
        found.append(("too_short", f"{body_words} words (DIGEST_MIN_WORDS is {min_words})"))
    if not dated:
        found.append(("no_date", "no publication date in the page, its metadata or its sidecar"))
    if lang and lang != "en":
        found.append(("not_english", f"the text is in {lang!r}"))
    evidence = spun_evidence(text) if lang in ("en", "") else ""
    if evidence:
        found.append(("spun", f"looks machine-reworded: {evidence}"))
    return tuple(f for f, _ in found), tuple(f"{f}: {r}" for f, r in found)
