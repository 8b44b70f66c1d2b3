"""Text features: terms, named things, figures, fingerprints, shingles."""

import pytest

from digest_stories import features as features_module
from digest_stories import minhash
from digest_stories.features import (
    analyse,
    analyse_texts,
    fingerprint,
    names,
    normalise_name,
    numbers,
    shingles,
    stem,
    terms,
    words,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Xiaomi shipped 92.4 million phones", {"92.4m"}),
        ("a deal worth $16.5 billion", {"$16.5b"}),
        ("about 1,500 patents and 10,000 years", {"1500", "10000"}),
        ("up 5 percent, or 23%", {"5%", "23%"}),
        ("in 2015 it had 4 staff", set()),  # years and single digits identify nothing
        ("GPT-3.5 on 2018-02-26", set()),  # digits inside words are not figures
        ("($12 billion) at $54.20 a share", {"$12b", "$54.20"}),
        ("v2,500 units and a 12.5x zoom", set()),  # glued to letters
        ("sold 40,000,000 units, up 12 %", {"40000000", "12%"}),
    ],
)
def test_numbers(text, expected):
    assert numbers(text) == expected


def test_names_finds_multiword_names_products_and_their_words():
    text = ("Bob Behnken and Doug Hurley rode a SpaceX Crew Dragon. Sales of the iPhone rose. "
            "It runs Windows 10 and the RTX 3080.")
    found = names(text)
    assert {"bob behnken", "doug hurley", "spacex crew dragon", "iphone", "windows 10", "rtx 3080"} <= found
    assert {"behnken", "dragon", "windows"} <= found


def test_names_skips_capitalised_sentence_openers_and_function_words():
    found = names("Investors cheered. Shares of The Verge owner rose. Analysts said Nvidia gained.")
    assert "investors" not in found and "analysts" not in found and "shares" not in found
    assert {"verge", "nvidia"} <= found


def test_names_keep_an_opener_that_appears_capitalised_elsewhere():
    assert "xiaomi" in names("Xiaomi signed. The deal helps Xiaomi abroad.")


def test_names_do_not_cross_punctuation_or_lines():
    found = names("They met Microsoft, Xiaomi and Apple.\nGoogle Cloud grew.")
    assert "microsoft xiaomi" not in found and "apple google" not in found
    assert "google cloud" in found


@pytest.mark.parametrize(("word", "expected"), [("phones", "phone"), ("companies", "company"),
                                                ("signed", "sign"), ("signing", "sign"), ("class", "class"),
                                                ("news", "new"), ("92.4", "92.4")])
def test_stem(word, expected):
    assert stem(word) == expected


def test_terms_drop_stopwords_and_stem():
    assert terms("The companies signed a memorandum on Friday") == ["company", "sign", "memorandum"]


def test_normalise_name_drops_suffixes_and_possessives():
    assert normalise_name("Microsoft Corp.") == normalise_name("microsoft") == "microsoft"
    assert normalise_name("Xiaomi's") == "xiaomi"


def test_fingerprint_ignores_case_quotes_and_whitespace_but_not_words():
    base = fingerprint(words("Xiaomi's deal, signed on Friday.\n\nIt covers cloud."))
    assert base == fingerprint(words("xiaomi\u2019s  DEAL signed on friday. It covers cloud"))
    assert base != fingerprint(words("Xiaomi's deal, signed on Monday. It covers cloud."))
    assert fingerprint(words("")) == fingerprint(words("  ...  ")) == ""


def test_shingles_survive_extra_boilerplate():
    text = "Microsoft and Xiaomi signed a memorandum covering cloud computing and hardware"
    body, padded = terms(text), terms("Subscribe now. " + text)
    assert shingles(body) < shingles(padded)


def test_analyse_takes_names_from_the_body_only():
    features = analyse("Microsoft, Xiaomi To Make Speakers", "The companies met in Beijing.")
    assert "make" not in features.names and "speakers" not in features.names
    assert features.title == ("microsoft", "xiaomi", "speaker")  # "to", "make": stopwords
    assert features.lead == features.body == ("company", "met", "beij")


@pytest.mark.parametrize(
    ("title", "text"),
    [
        ("Xiaomi Signs", "Xiaomi signed a deal.\nIt covers cloud computing and AI."),
        ("Blank lines first", "\n\n  Microsoft's first paragraph, 92.4 million.\n\nSecond one."),
        ("One paragraph", "Only one paragraph about the iPhone 15"),
        ("Nothing", ""),
    ],
)
def test_analyse_agrees_with_the_single_purpose_functions(title, text):
    features = analyse(title, text)
    assert list(features.body) == terms(text)
    assert list(features.lead) == terms(text.strip().split("\n", 1)[0])
    assert features.title == tuple(terms(title))
    assert features.names == names(text) and features.numbers == numbers(title + "\n" + text)
    assert features.fingerprint == fingerprint(words(text))
    assert features.sketch == minhash.sketch(shingles(features.body))


@pytest.mark.parametrize("jobs", [1, 2])
def test_analyse_texts_in_order_in_one_or_several_processes(monkeypatch, jobs):
    monkeypatch.setattr(features_module, "PARALLEL_MIN_TEXTS", 2)  # small enough to fork here
    texts = [(f"Title {n}", f"Microsoft paid ${n}.5 billion for Part {n}.\nMore about it.") for n in range(9)]
    assert analyse_texts(texts, jobs) == [analyse(title, text) for title, text in texts]
