"""digest_core.article: the memoised Article gives Pelican's URLs, and follows changes."""

from datetime import datetime, timezone

import pelican.generators
import pytest
from pelican.contents import Article as PelicanArticle
from pelican.settings import DEFAULT_CONFIG
from pelican.utils import SafeDatetime

from digest_core.article import Article, use_digest_article

SETTINGS = {
    **DEFAULT_CONFIG,
    "ARTICLE_URL": "{date:%Y/%m/%d}/{slug}/",
    "ARTICLE_SAVE_AS": "{date:%Y/%m/%d}/{slug}/index.html",
    "ARTICLE_LANG_URL": "{date:%Y/%m/%d}/{slug}-{lang}/",
    "DRAFT_URL": "drafts/{slug}/",
}


def make(cls: type, **metadata: object) -> PelicanArticle:
    fields = {"title": "T", "date": datetime(2025, 3, 4, 10), "slug": "a-post", **metadata}
    return cls("<p>x</p>", metadata=fields, settings=dict(SETTINGS), source_path="/c/posts/a.md")


@pytest.mark.parametrize("metadata", [{}, {"lang": "de"}, {"status": "draft"}, {"url": "elsewhere/"},
                                      {"date": SafeDatetime(2025, 3, 4, 9, 5, tzinfo=timezone.utc)}])
def test_same_url_and_save_as_as_pelican(metadata):
    ours, theirs = make(Article, **metadata), make(PelicanArticle, **metadata)
    assert (ours.url, ours.save_as) == (theirs.url, theirs.save_as)
    assert (ours.url, ours.save_as) == (theirs.url, theirs.save_as)  # the memoised answer


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (lambda a: setattr(a, "slug", "renamed"), "2025/03/04/renamed/"),
        (lambda a: setattr(a, "date", datetime(2024, 1, 2)), "2024/01/02/a-post/"),
        (lambda a: setattr(a, "status", "draft"), "drafts/a-post/"),
    ],
)
def test_a_changed_field_gives_a_new_url(change, expected):
    article = make(Article)
    assert article.url == "2025/03/04/a-post/"
    change(article)
    assert article.url == expected


def test_the_relative_source_path_is_pelicans_and_follows_the_source_path(monkeypatch):
    ours, theirs = make(Article), make(PelicanArticle)
    settings = {**SETTINGS, "PATH": "/c"}
    ours.settings, theirs.settings = settings, dict(settings)
    assert ours.get_relative_source_path() == theirs.get_relative_source_path() == "posts/a.md"
    assert ours.get_relative_source_path("/c/pages/b.md") == "pages/b.md"
    calls = []
    original = PelicanArticle.get_relative_source_path
    monkeypatch.setattr(PelicanArticle, "get_relative_source_path",
                        lambda self, path=None: calls.append(path) or original(self, path))
    assert ours.get_relative_source_path() == "posts/a.md" and calls == []  # kept
    ours.source_path = "/c/posts/moved.md"
    assert ours.get_relative_source_path() == "posts/moved.md" and calls == [None]


def test_keeps_the_class_name_and_is_installed_for_pelicans_generator(monkeypatch):
    monkeypatch.setattr(pelican.generators, "Article", PelicanArticle)
    use_digest_article()
    assert pelican.generators.Article is Article
    assert Article.__name__ == "Article"


@pytest.mark.parametrize("pattern", ["{date:%Y/%m/%d}/{slug}/", "{date:%Y/%-m/%-d}/{slug}/", "{date:%A %d %B %Y %H:%M:%S %z}/"])
def test_date_patterns_read_as_with_pelicans_strftime(pattern):
    settings = {**SETTINGS, "ARTICLE_URL": pattern}
    fields = {"title": "T", "date": SafeDatetime(2025, 3, 4, 9, 5, 7, tzinfo=timezone.utc), "slug": "a-post"}
    ours = Article("<p>x</p>", metadata=dict(fields), settings=dict(settings), source_path="/c/posts/a.md")
    theirs = PelicanArticle("<p>x</p>", metadata=dict(fields), settings=dict(settings), source_path="/c/posts/a.md")
    assert ours.url == theirs.url
