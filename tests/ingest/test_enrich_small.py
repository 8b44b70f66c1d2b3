"""Flags, summary, language and slugs: the small enrichment helpers."""

import pytest

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


def test_slugs():
    assert make_slug("Microsoft, Xiaomi to Make AI-Powered Speakers, Smartphones") == \
        "microsoft-xiaomi-make-ai-powered-speakers-smartphones"
    assert make_slug("<script>") == "script" and make_slug("!!!") == "post"
    assert len(make_slug("word " * 50)) <= 70
    assert unique_slug("a", {"a"}, "The Verge") == "a-the-verge"
    assert unique_slug("a", {"a", "a-the-verge"}, "The Verge") == "a-2"
    assert post_path("s", None) == "undated/s.md"
