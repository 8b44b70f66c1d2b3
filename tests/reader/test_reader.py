"""DigestMarkdownReader gives what Pelican's MarkdownReader gives, file after file, in any order."""

import dataclasses
import logging
import shutil

import pytest
from markdown.preprocessors import Preprocessor
from pelican.readers import MarkdownReader
from pelican.settings import read_settings

from digest_reader.reader import DigestMarkdownReader, reusable
from support import FIXTURES, REPO

CASES = FIXTURES / "reader"
READABLE = ["footnotes.md", "reuse_after.md", "blocks.md", "duplicates.md", "empty.md", "no_header.md",
            "bom_crlf.md"]
FAILING = {"bad_date.md": ValueError, "latin1.md": UnicodeDecodeError}


def settings(**markdown):
    """Our pelicanconf.py's settings, MARKDOWN overridable."""
    values = read_settings(str(REPO / "pelicanconf.py"))
    if markdown:
        values["MARKDOWN"] = markdown
    return values


def pelican_read(path, values):
    """What Pelican's own reader returns, as a comparable string, with the log lines it wrote."""
    return _outcome(MarkdownReader(values), path)


def _outcome(reader, path):
    try:
        content, metadata = reader.read(str(path))
    except Exception as exc:
        return f"raised {type(exc).__name__}: {exc}"
    return repr((content, metadata))


@pytest.mark.parametrize("order", [1, -1], ids=["forward", "backward"])
def test_same_results_as_pelican_with_one_reader_for_all_files(order):
    values = settings()
    reader = DigestMarkdownReader(values)
    for name in (READABLE + sorted(FAILING))[::order] * 2:
        assert _outcome(reader, CASES / name) == pelican_read(CASES / name, values), name


def test_state_of_one_file_does_not_leak_into_the_next():
    reader = DigestMarkdownReader(settings())
    reader.read(str(CASES / "footnotes.md"))
    content, metadata = reader.read(str(CASES / "reuse_after.md"))
    assert "<abbr" not in content and "<a " not in content and "footnote" not in content
    assert "<abbr" not in metadata["summary"] and "<a " not in metadata["summary"]


def test_summary_is_converted_like_the_body():
    _, metadata = DigestMarkdownReader(settings()).read(str(CASES / "footnotes.md"))
    assert metadata["summary"].startswith("<p>A chip maker")
    assert "A second summary line" in metadata["summary"]


@pytest.mark.parametrize("name, error", sorted(FAILING.items()))
def test_unreadable_files_raise_what_pelican_raises(name, error):
    with pytest.raises(error) as ours:
        DigestMarkdownReader(settings()).read(str(CASES / name))
    assert f"raised {error.__name__}: {ours.value}" == pelican_read(CASES / name, settings())


def test_duplicate_keys_warn_as_pelican_does(tmp_path, caplog):
    """Pelican logs a message once per process, so each reader reads its own copy."""
    values = settings()
    theirs, ours = tmp_path / "theirs.md", tmp_path / "ours.md"
    for copy in (theirs, ours):
        shutil.copy(CASES / "duplicates.md", copy)
    with caplog.at_level(logging.WARNING):
        MarkdownReader(values).read(str(theirs))
        DigestMarkdownReader(values).read(str(ours))
    logged = [(r.name, r.getMessage()) for r in caplog.records]
    assert [(name, text.replace("ours.md", "theirs.md")) for name, text in logged if "ours.md" in text] == \
        [entry for entry in logged if "theirs.md" in entry[1]]
    assert any("Duplicate definition of `date`" in text for _, text in logged)


def test_footnote_unique_ids_numbered_as_on_fresh_instances():
    config = {"extension_configs": {"markdown.extensions.footnotes": {"UNIQUE_IDS": True}}}
    values = settings(**config)
    reader = DigestMarkdownReader(values)
    for name in ["footnotes.md", "no_header.md", "footnotes.md"]:
        assert _outcome(reader, CASES / name) == pelican_read(CASES / name, settings(**config))
    assert 'id="fn:2-q"' in reader.read(str(CASES / "footnotes.md"))[0]


def test_a_large_file_reads_the_same(tmp_path):
    big = tmp_path / "big.md"
    paragraph = "A *long* paragraph about [chips](https://example.org/) & <b>fabs</b>.\n\n"
    big.write_text("Title: Big\nDate: 2024-01-01\nSummary: big\n\n" + paragraph * 800)
    values = settings()
    assert _outcome(DigestMarkdownReader(values), big) == pelican_read(big, values)


class _Boom(Preprocessor):
    def run(self, lines):
        raise RuntimeError("cut short")


def test_an_instance_that_failed_half_way_is_not_reused(tmp_path):
    values = settings()
    reader = DigestMarkdownReader(values)
    reader.read(str(CASES / "blocks.md"))
    reader._document_md.preprocessors.register(_Boom(), "boom", 100)
    with pytest.raises(RuntimeError, match="cut short"):
        reader.read(str(CASES / "blocks.md"))
    assert _outcome(reader, CASES / "footnotes.md") == pelican_read(CASES / "footnotes.md", values)


class _Ahead:
    def __init__(self, conversions):
        self.conversions = conversions

    def take(self, path):
        return self.conversions.pop(path, None)


def test_a_conversion_made_ahead_is_used_unless_the_file_changed_since(tmp_path):
    post = tmp_path / "post.md"
    shutil.copy(CASES / "blocks.md", post)
    reader = DigestMarkdownReader(settings())
    made = reader.convert(str(post))
    reader.ahead = _Ahead({str(post): dataclasses.replace(made, html="<p>made ahead</p>")})
    assert reader.read(str(post))[0] == "<p>made ahead</p>"
    reader.ahead = _Ahead({str(post): made})
    post.write_text("Title: Edited\nDate: 2024-01-01\n\nNew body, longer than before.\n")
    content, metadata = reader.read(str(post))
    assert content == "<p>New body, longer than before.</p>" and metadata["title"] == "Edited"


@pytest.mark.parametrize("extensions, expected", [
    (["markdown.extensions.extra", "markdown.extensions.codehilite", "markdown.extensions.meta"], True),
    (["extra", "footnotes", "tables"], True),
    (["markdown.extensions.toc"], False),
    (["markdown.extensions.extra", "pymdownx.superfences"], False),
    ([object()], False),
])
def test_reuse_only_with_extensions_whose_reset_is_known(extensions, expected):
    assert reusable({"extensions": extensions}) is expected


def test_unknown_extensions_get_a_fresh_instance_per_file():
    values = settings(extensions=["markdown.extensions.toc"], extension_configs={})
    reader = DigestMarkdownReader(values)
    for name in READABLE:
        assert _outcome(reader, CASES / name) == pelican_read(CASES / name, values), name


@pytest.mark.parametrize("text", ["2025-03-04", "2025-03-04 10:15", "2025_03_04 10:15", "4 March 2025", "not a date"])
def test_dates_are_processed_as_pelican_does_each_text_once(text):
    ours, pelicans = DigestMarkdownReader(settings()), MarkdownReader(settings())
    expected = _outcome_of(pelicans.process_metadata, "date", text)
    assert _outcome_of(ours.process_metadata, "date", text) == expected
    assert _outcome_of(ours.process_metadata, "date", text) == expected  # from memory the second time
    assert ours.process_metadata("title", "A title") == pelicans.process_metadata("title", "A title")


def _outcome_of(function, *args):
    try:
        return repr(function(*args))
    except Exception as exc:
        return f"raised {type(exc).__name__}"
