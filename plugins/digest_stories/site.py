"""The Pelican side of clustering: articles in, stories on articles and in the context.

This is the one module that touches ArticlesGenerator internals (its article
lists and taxonomy maps), pinned to Pelican 4.12.

Exact duplicates: each keeps its own page (its URL may already be shared)
but is moved from ``articles`` to ``hidden_articles``, so Pelican still
writes it while no listing, archive, taxonomy page or feed shows it a
second time. Its ``story_role`` is "duplicate"; themes can point it at
``article.story.lead``.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, MutableSequence
from dataclasses import replace
from pathlib import Path
from typing import Any

from digest_stories.config import load_config
from digest_stories.feature_cache import FeatureCache, cache_path
from digest_stories.grouping import group_stories
from digest_stories.items import make_item
from digest_stories.model import Story, StoryItem
from digest_stories.state import load_state, save_state, state_from_groups
from digest_stories.story import make_stories

logger = logging.getLogger(__name__)


def article_item(article: Any) -> StoryItem:
    """A Pelican Article (published or draft) as a StoryItem."""
    return make_item(
        slug=str(article.slug),
        title=getattr(article, "title", ""),
        html=getattr(article, "_content", "") or "",
        date=getattr(article, "date", None),
        status=getattr(article, "status", "published"),
        metadata=getattr(article, "metadata", {}) or {},
    )


def _keep(sequence: MutableSequence[Any], drop: set[int]) -> None:
    sequence[:] = [a for a in sequence if id(a) not in drop]


def drop_from_listings(generator: Any, duplicates: Iterable[Any]) -> None:
    """Take articles out of every list Pelican writes pages or feeds from, keeping their own page."""
    moved = list(duplicates)
    drop = {id(a) for a in moved}
    if not drop:
        return
    _keep(generator.articles, drop)
    _keep(generator.dates, drop)
    for name in ("categories", "authors"):
        pairs = getattr(generator, name)
        for _, articles in pairs:
            _keep(articles, drop)
        pairs[:] = [(key, articles) for key, articles in pairs if articles]
    for tag in list(generator.tags):
        _keep(generator.tags[tag], drop)
        if not generator.tags[tag]:
            del generator.tags[tag]
    generator.context["tags"] = list(generator.tags.items())
    for granularity, archives in generator.period_archives.items():
        for archive in archives:
            _keep(archive["dates"], drop)
            _keep(archive["articles"], drop)
        generator.period_archives[granularity] = [a for a in archives if a["dates"]]
    generator.hidden_articles.extend(moved)


def with_company_objects(story: Story[Any]) -> Story[Any]:
    """The story with its company names replaced by its posts' company objects (pages with
    links, digest_taxonomies), where a post has one by that name; other names stay text.
    A card names a story's companies: looked up in the template, each name cost a scan of
    the posts' companies, comparing slugs (3 s of a 10,000-post build)."""
    found: dict[str, Any] = {}
    for post in story.posts:
        companies = getattr(post, "companies", None)
        if companies and not isinstance(companies, str):
            for company in companies:
                if not isinstance(company, str):
                    found.setdefault(str(company).casefold(), company)
    if not found:
        return story
    return replace(story, companies=tuple(found.get(str(name).casefold(), name) for name in story.companies))


def attach_stories(generator: Any) -> None:
    """Cluster the generator's articles and drafts; set ``article.story``/``story_role``;
    put ``stories`` (visible, home-page order) and ``hidden_stories`` into the context."""
    config = load_config(generator.settings)
    articles = list(generator.articles)
    items = [article_item(a) for a in [*articles, *generator.drafts]]
    state_path = Path(generator.settings["PATH"]) / config.state_file
    cache = FeatureCache(cache_path(generator.settings))
    groups = group_stories(items, load_state(state_path), config, cache.analyse_texts)
    cache.save()
    if save_state(state_path, state_from_groups(groups)):
        logger.info("digest_stories: wrote %s", state_path)
    posts = {str(a.slug): a for a in articles}
    made = make_stories(groups, {i.slug: i for i in items}, posts, config)
    stories = [with_company_objects(s) for s in made]
    roles = {m.slug: m for g in groups for m in g.members}
    for story in stories:
        for article in story.posts:
            member = roles[str(article.slug)]
            article.story = story
            article.story_role = "lead" if article is story.lead else member.role
            article.story_copy_of = member.copy_of
    drop_from_listings(generator, (a for s in stories for a in s.duplicates))
    generator.context["stories"] = [s for s in stories if not s.hidden]
    generator.context["hidden_stories"] = [s for s in stories if s.hidden]
