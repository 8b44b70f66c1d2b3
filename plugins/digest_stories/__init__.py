"""Stories: one event, many outlets. Clusters posts into stories, writes the digest home and day pages."""

from digest_stories.plugin import register

__all__ = ["register"]
