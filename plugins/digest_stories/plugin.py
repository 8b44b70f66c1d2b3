"""Signal glue: cluster when the articles are final, add the digest pages generator.

Receivers are module-level functions (Pelican's signals hold weak references).
They stay connected once any build in the process loaded the plugin (tests,
autoreload), so each checks that the current build enabled it.
"""

from __future__ import annotations

from typing import Any

from pelican import signals

from digest_core.article import use_digest_article
from digest_core.plugins import plugin_enabled
from digest_stories.generator import StoriesGenerator
from digest_stories.site import attach_stories

NAME = "digest_stories"


def on_articles_finalized(generator: Any) -> None:
    if plugin_enabled(generator.settings, NAME):
        attach_stories(generator)


def add_generator(pelican: Any) -> type[StoriesGenerator] | None:
    return StoriesGenerator if plugin_enabled(pelican.settings, NAME) else None


def register() -> None:
    use_digest_article()  # story cards and day pages ask every post for its URL many times
    signals.article_generator_finalized.connect(on_articles_finalized)
    signals.get_generators.connect(add_generator)
