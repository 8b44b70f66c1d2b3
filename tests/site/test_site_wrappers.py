"""digest_taxonomies.wrappers: header strings -> Company/Source objects."""

import pytest
from digest_taxonomies.wrappers import Company, Source, convert_metadata, split_names, wrap_all
from pelican.settings import DEFAULT_CONFIG
from pelican.urlwrappers import URLWrapper

BASE = dict(DEFAULT_CONFIG)
SETTINGS = {**BASE, "COMPANY_URL": "c/{slug}/", "SOURCE_SAVE_AS": "s/{slug}.html"}


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Microsoft; Xiaomi", ["Microsoft", "Xiaomi"]),
        ("  Microsoft ;; ; Xiaomi  ", ["Microsoft", "Xiaomi"]),
        (["Microsoft", "Xiaomi; Apple"], ["Microsoft", "Xiaomi", "Apple"]),
        ("Harman Kardon, Inc.", ["Harman Kardon, Inc."]),
        ("Evil\x00 Corp\r\n; ", ["Evil Corp"]),
        ("", []),
    ],
)
def test_split_names(value, expected):
    assert split_names(value) == expected


def test_wrappers_use_their_own_settings_and_fall_back_to_defaults():
    company = Company("Microsoft", SETTINGS)
    assert (company.slug, company.url) == ("microsoft", "c/microsoft/")
    assert company.save_as == "company/microsoft/index.html"  # default
    assert company.feed_atom == "feeds/company/microsoft.atom.xml"
    source = Source("The Verge", SETTINGS)
    assert (source.url, source.save_as) == ("source/the-verge/", "s/the-verge.html")
    assert str(source) == "The Verge"


def test_wrap_all_keeps_first_spelling_per_slug_and_drops_unsluggable_names():
    items = wrap_all(Company, ["Microsoft", "microsoft", "!!!", "<b>Evil</b> Corp"], BASE)
    assert [(c.name, c.slug) for c in items] == [("Microsoft", "microsoft"), ("<b>Evil</b> Corp", "evil-corp")]


def test_convert_metadata():
    meta = {
        "title": "Bell\x07 in a\u2028title",
        "companies": "Microsoft; Xiaomi; microsoft",
        "source": "The Verge",
        "source_url": "https://example.org/a?b=1&c=2",
    }
    convert_metadata(meta, BASE)
    assert meta["title"] == "Bell in a title"
    assert [c.name for c in meta["companies"]] == ["Microsoft", "Xiaomi"]
    assert isinstance(meta["source"], Source) and meta["source"].slug == "the-verge"
    assert meta["source_url"] == "https://example.org/a?b=1&c=2"


@pytest.mark.parametrize("url", ["javascript:alert(1)", "data:text/html,x", "/relative", ""])
def test_unsafe_or_relative_source_urls_are_dropped(url):
    meta = {"source_url": url, "source": "  "}
    convert_metadata(meta, BASE)
    assert meta == {}


def test_conversion_is_idempotent():
    meta = {"companies": "Microsoft; Xiaomi", "source": "Engadget"}
    convert_metadata(meta, BASE)
    once = ([c.name for c in meta["companies"]], meta["source"].name)
    convert_metadata(meta, BASE)
    assert ([c.name for c in meta["companies"]], meta["source"].name) == once


@pytest.mark.parametrize("name", ["Microsoft", "microsoft ", "Micro-Soft", "Xiaomi Inc.", "Ärzte", "<b>HP</b>", ""])
@pytest.mark.parametrize("extra", [{}, {"COMPANY_REGEX_SUBSTITUTIONS": [(r"inc\.?$", "")]},
                                   {"SLUGIFY_USE_UNICODE": True, "SLUGIFY_PRESERVE_CASE": True}])
def test_comparing_with_a_name_is_pelicans_comparison(name, extra):
    settings = {**DEFAULT_CONFIG, **extra}
    company = Company("Microsoft", settings)
    other = Company("Xiaomi", settings)
    for wrapper in (company, other):
        assert wrapper._normalize_key(name) == URLWrapper._normalize_key(wrapper, name)
        assert (wrapper == name) == (wrapper.slug == URLWrapper._normalize_key(wrapper, name))


@pytest.mark.parametrize("name", ["Microsoft", "Micro-Soft", "Xiaomi Inc.", "Ärzte", "<b>HP</b>", "!!!"])
@pytest.mark.parametrize("extra", [{}, {"COMPANY_REGEX_SUBSTITUTIONS": [(r"inc\.?$", "")]},
                                   {"SLUGIFY_USE_UNICODE": True, "SLUGIFY_PRESERVE_CASE": True}])
def test_slug_is_pelicans_and_follows_a_new_name(name, extra):
    settings = {**DEFAULT_CONFIG, **extra}
    company = Company(name, settings)
    assert company.slug == URLWrapper._normalize_key(company, name)  # Pelican's, with COMPANY_ substitutions
    company.name = "Apple Inc."
    assert company.slug == URLWrapper._normalize_key(company, "Apple Inc.")
    company.slug = "chosen"
    assert company.slug == "chosen"


@pytest.mark.parametrize("name", ["Machine Learning", "Ärzte", "<b>AI</b>", "!!!"])
@pytest.mark.parametrize("extra", [{}, {"TAG_REGEX_SUBSTITUTIONS": [(r"learning", "l")]},
                                   {"SLUGIFY_USE_UNICODE": True, "SLUGIFY_PRESERVE_CASE": True}])
def test_tags_and_authors_get_pelicans_slugs_and_follow_a_new_name(name, extra):
    from pelican.urlwrappers import Author, Tag

    settings = {**DEFAULT_CONFIG, **extra}
    meta = {"tags": [Tag(name, settings)], "authors": [Author(name, settings)]}
    convert_metadata(meta, settings)
    for wrapper, kind in ((meta["tags"][0], Tag), (meta["authors"][0], Author)):
        assert wrapper.slug == kind(name, settings).slug  # worked out by Pelican
        wrapper.name = "Other Name"
        assert wrapper.slug == kind("Other Name", settings).slug



def test_tag_and_author_names_and_the_summary_lose_control_characters():
    from markupsafe import Markup
    from pelican.urlwrappers import Author, Tag

    meta = {"tags": [Tag("A\x04I", BASE), Tag("\x05", BASE), Tag("Chips", BASE)], "authors": [Author("Jane\nDoe", BASE)],
            "author": Author("Jane\x06 Doe", BASE), "summary": Markup("<p>A\x02 summary</p>")}
    convert_metadata(meta, BASE)
    assert [t.name for t in meta["tags"]] == ["AI", "Chips"] and isinstance(meta["tags"][0], Tag)
    assert [a.name for a in meta["authors"]] == ["Jane Doe"] and meta["author"].name == "Jane Doe"
    assert meta["summary"] == "<p>A summary</p>" and isinstance(meta["summary"], Markup)


@pytest.mark.parametrize(("lang", "kept"), [("de", True), ("pt-BR", True), ("zh-Hant-TW", True), ("../x", False),
                                            ("en/../../", False), ("", False), ("e", False)])
def test_a_lang_that_is_no_language_tag_is_dropped_with_a_warning(lang, kept, caplog):
    meta = {"title": "A post", "lang": lang}
    convert_metadata(meta, BASE)
    assert ("lang" in meta) == kept
    assert ("is not a language tag" in caplog.text) != kept
