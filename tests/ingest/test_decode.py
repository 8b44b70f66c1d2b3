"""decode(): any encoding in, repaired Unicode out; empties and binaries refused."""

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252, to make mojibake as real sites do
import pytest

from digest_core.records import RawPage
from digest_ingest.decode import decode, repair_mojibake
from digest_ingest.errors import DecodeError

TEXT = "Xiaomi’s café deal — “naïve” résumé costs €5"


def raw(data: bytes, kind: str = "text") -> RawPage:
    return RawPage("x", kind, data)


@pytest.mark.parametrize(
    ("data", "kind"),
    [
        (TEXT.encode("utf-8"), "text"),
        (b"\xef\xbb\xbf" + TEXT.encode("utf-8"), "text"),
        (TEXT.encode("utf-16"), "text"),
        (TEXT.encode("cp1252"), "text"),
        (TEXT.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8"), "text"),  # mojibake
        (b'<meta charset="windows-1252"><p>' + TEXT.encode("cp1252"), "html"),
    ],
)
def test_encodings_are_read_and_repaired(data, kind):
    assert TEXT in decode(raw(data, kind)).text


def test_mixed_encodings_in_one_file_keep_the_text():
    data = "Xiaomi’s deal".encode("utf-8") + b" and caf\xe9 " + "naïve".encode("utf-8")
    text = decode(raw(data)).text
    assert "Xiaomi" in text and "deal" in text and "na" in text


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"", "empty file"),
        (b" \n\t\r\n", "empty file"),
        (b"%PDF-1.7\n...", "binary"),
        (b"\x89PNG\r\n\x1a\n....", "binary"),
        (bytes(range(0, 32)) * 100, "binary"),
    ],
)
def test_refused(data, reason):
    with pytest.raises(DecodeError, match=reason):
        decode(raw(data))


def test_stray_nul_and_controls_are_removed_not_fatal():
    decoded = decode(raw(b"Headline\x00 here\x1b[0m\nBody text\x07 goes on."))
    assert decoded.text == "Headline here[0m\nBody text goes on."


LEADS = [chr(c) for c in range(0xC2, 0xF5)]
FOLLOWERS = [chr(c) for c in range(0x80, 0xC0)] + list("\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
                                                         "\u2013\u2014\u2018\u2019\u201a\u201c\u201d\u201e\u2020\u2021"
                                                         "\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")


@pytest.mark.parametrize("lead", LEADS)
def test_mojibake_is_seen_in_utf8_bytes_and_in_other_encodings(lead):
    for follower in FOLLOWERS:
        data = f"<p>x {lead}{follower} y</p>".encode("utf-8")
        assert decode(raw(data, "html")).encoding == "utf-8+ftfy", repr(lead + follower)
    assert decode(raw(b"\xef\xbb\xbf" + f"x {lead}\u2122 y".encode("utf-8"))).encoding == "utf-8-sig+ftfy"


@pytest.mark.parametrize("text", ["café €5 naïve", "Ã alone", "é then space", "Straße – déjà vu", "plain ASCII"])
def test_real_accents_are_not_mojibake(text):
    assert not decode(raw(text.encode("utf-8"))).encoding.endswith("+ftfy")


def test_mojibake_repair_touches_only_the_broken_words():
    text = "<p class=\u201cx\u201d>It doesnâ€™t ﬁt</p>\n<p>It is ﬁne\u00a0â€” mostly.</p>"
    assert repair_mojibake(text) == "<p class=\u201cx\u201d>It doesn\u2019t ﬁt</p>\n<p>It is ﬁne\u00a0\u2014 mostly.</p>"


def test_html_is_left_as_it_came_and_a_text_dump_is_cleaned():
    page = b"<pre>a\r\n\r\n\r\nb\x07</pre>"
    assert decode(raw(page, "html")).text == page.decode()
    assert decode(raw(page, "text")).text == "<pre>a\nb</pre>"
