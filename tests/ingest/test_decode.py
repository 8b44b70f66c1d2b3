"""decode(): any encoding in, repaired Unicode out; empties and binaries refused."""

import ftfy.bad_codecs  # noqa: F401 - registers sloppy-windows-1252, to make mojibake as real sites do
import pytest

from digest_core.records import RawPage
from digest_ingest.decode import decode
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
