"""digest_taxonomies.linked_data: the NewsArticle dict behind a post's JSON-LD."""

from datetime import UTC, datetime
from types import SimpleNamespace

from digest_taxonomies.linked_data import news_article, plain_text
from digest_taxonomies.wrappers import Company
from pelican.settings import DEFAULT_CONFIG

SETTINGS = {**DEFAULT_CONFIG, "SITENAME": "Digest", "SITEURL": "https://x.org"}


def post(**extra):
    base = dict(title="T <b>", date=datetime(2025, 3, 4, 8, 30, tzinfo=UTC), url="2025/t/", lang="en",
                summary="<p>A &amp; B &lt;i&gt;</p>")
    return SimpleNamespace(**{**base, **extra})


def test_plain_text_decodes_entities_and_drops_tags():
    assert plain_text("<p>A &amp; B &lt;i&gt;</p>") == "A & B <i>"


def test_full_post():
    data = news_article(post(authors=["Ann"], companies=[Company("Acme", SETTINGS)],
                             source_url="https://o.org/a", modified=datetime(2025, 3, 5, tzinfo=UTC)),
                        SETTINGS)
    assert data["headline"] == "T <b>"
    assert data["description"] == "A & B <i>"
    assert data["author"] == [{"@type": "Person", "name": "Ann"}]
    assert data["about"] == [{"@type": "Organization", "name": "Acme"}]
    assert data["dateModified"] == "2025-03-05T00:00:00+00:00"
    assert data["url"] == data["mainEntityOfPage"] == "https://x.org/2025/t/"
    assert data["isBasedOn"] == "https://o.org/a"


def test_outlet_stands_in_for_missing_authors_and_no_url_without_siteurl():
    data = news_article(post(source="Verge"), {**SETTINGS, "SITEURL": ""})
    assert data["author"] == {"@type": "Organization", "name": "Verge"}
    assert "url" not in data and "about" not in data and "keywords" not in data
    assert data["dateModified"] == data["datePublished"]
