"""Flags, summary, language and slugs: the small enrichment helpers."""

import random
import re

import pytest

from digest_ingest.enrich import flags
from digest_ingest.enrich.flags import quality_flags, spun_evidence
from digest_ingest.enrich.summary import make_summary, sentences, shorten
from digest_ingest.language import detect_language
from digest_ingest.slugs import make_slug, post_path, unique_slug

EDITED = ("The company said on Monday that the new phone would ship in the spring. The price was not given, "
          "but analysts expect it to undercut the rival models that dominate the market. ") * 4
SPUN = ("A association pronounced on Monday that a new phone would boat in a spring. A cost was not given, "
        "though analysts design it to undercut a opposite models that browbeat a market. It is utterly "
        "a some-more engaging device, a dual companies pronounced in a statement during a time of decline. ") * 3


def test_spun_text_is_recognised_and_edited_text_is_not():
    assert spun_evidence(SPUN)
    assert spun_evidence(EDITED) == ""


@pytest.mark.parametrize(
    ("kwargs", "flags"),
    [
        ({"dated": True, "lang": "en", "text": EDITED}, ()),
        ({"dated": True, "lang": "en", "text": ""}, ("boilerplate_only",)),
        ({"dated": False, "lang": "de", "text": "Wort " * 50}, ("too_short", "no_date", "not_english")),
        ({"dated": True, "lang": "en", "text": SPUN}, ("spun",)),
    ],
)
def test_quality_flags(kwargs, flags):
    found, reasons = quality_flags(min_words=80, **kwargs)
    assert found == flags and len(reasons) == len(flags)


def test_summary_prefers_a_standfirst():
    assert make_summary("The deal covers cloud, AI and hardware for both firms.", "Title", ["Lead."]).startswith("The deal")
    assert make_summary("Short", "Title", ["First sentence here is long enough. Second one. Third."]) == \
        "First sentence here is long enough. Second one."


def test_sentences_and_shorten():
    assert sentences("Mr. Nadella spoke at 9 a.m. on Feb. 23. Then U.S. shares rose.") == [
        "Mr. Nadella spoke at 9 a.m. on Feb. 23.", "Then U.S. shares rose."]
    assert shorten("word " * 100, 20).endswith(" …") and len(shorten("word " * 100, 20)) <= 22


@pytest.mark.parametrize(
    ("text", "lang"),
    [(EDITED, "en"), ("Der Konzern hat mitgeteilt, dass die Software nicht mit den Geräten funktioniert und auch bei Kunden", "de"),
     ("小米和微软签署了战略合作框架备忘录", "zh"), ("too short", "")],
)
def test_detect_language(text, lang):
    assert detect_language(text) == lang


def test_detect_language_on_text_with_typographic_marks():
    text = EDITED.replace("'", "\u2019").replace(". ", ". \u201cQuoted\u201d \u2014 ")
    assert detect_language(text) == "en"
    # One word outside ASCII: the Unicode path.
    assert detect_language(text.replace("price", "pr\u00eece")) == "en"


def test_spinner_patterns_count_what_the_word_bounded_ones_did():
    # The patterns before they were rewritten for speed: \b in front of every wording.
    a_before_vowel = re.compile(
        r"\b[Aa] (?!(?:one|once|uni|use|usu|uti|ura|eu|ewe|ubi|uk|us\b|u\.))[aeiou]\w+"
    )
    spinner = re.compile(
        r"\bsome-more\b|\bpronounced (?:[A-Z]|in a)|\ba dual\b|\butterly\b|\bduring a time\b"
        r"|\ba usually\b|\bmany some-more\b|\bin a areas?\b|\bon a side of\b|\bcurrently a\b"
    )
    rng = random.Random(3)
    pieces = ["a ", "A ", "ba ", "_a ", "a", " ", "one", "use", "idea", "utterly", "xutterly", "some-more",
              "dual", "pronounced ", "In", "in a areas", "on a side of", "during a time", "currently a",
              "é", "1", "."]
    for text in [SPUN, EDITED] + ["".join(rng.choices(pieces, k=30)) for _ in range(3000)]:
        assert flags._A_BEFORE_VOWEL.findall(text) == a_before_vowel.findall(text), text
        gated = flags._SPINNER_PHRASES.findall(text) if flags._SPINNER_GATE.search(text) else []
        assert gated == spinner.findall(text), text


def test_slugs():
    assert make_slug("Microsoft, Xiaomi to Make AI-Powered Speakers, Smartphones") == \
        "microsoft-xiaomi-make-ai-powered-speakers-smartphones"
    assert make_slug("<script>") == "script" and make_slug("!!!") == "post"
    assert len(make_slug("word " * 50)) <= 70
    assert unique_slug("a", {"a"}, "The Verge") == "a-the-verge"
    assert unique_slug("a", {"a", "a-the-verge"}, "The Verge") == "a-2"
    assert post_path("s", None) == "undated/s.md"
