"""wordscan: the ASCII fast path finds exactly what the Unicode pattern finds."""

import random
import re

import pytest

from digest_ingest.wordscan import _MARKS, WordPattern, ascii_words, latin_words

WORDS = WordPattern(
    re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*"), re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)*")
)
# ASCII, the marks, letters and digits from other scripts, and spaces of every kind.
ALPHABET = "abcXYZ09_ '-.,\n\t" + "".join(_MARKS) + "éßçİ日한٣²\u00a0\u2009"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("", True),
        ("Plain ASCII, 2024.", True),
        ("It’s “quoted” — and…", True),
        ("Caf\u00e9", False),
        ("日本語", False),
        ("x\u00b2", False),  # a superscript digit is a word character
        ("\ufffd replaced", True),
    ],
)
def test_ascii_words(text, expected):
    assert ascii_words(text) is expected


def test_the_marks_are_not_word_characters():
    assert not [mark for mark in _MARKS if re.match(r"\w", mark)]


def test_word_pattern_matches_its_full_form_on_any_text():
    rng = random.Random(7)
    for _ in range(3000):
        text = "".join(rng.choice(ALPHABET) for _ in range(rng.randrange(40)))
        assert WORDS.findall(text) == WORDS.full.findall(text), text


def test_latin_words_keeps_case_and_one_inner_apostrophe():
    assert latin_words("Don’t stop: it's 4x faster, rock'n'roll") == (
        "Don’t", "stop", "it's", "x", "faster", "rock'n", "roll",
    )
