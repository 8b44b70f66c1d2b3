"""Posts that would be written to the same file: one is built, the others are reported.

Two posts with the same slug and date (an editor's copy, a post saved twice
under two names) have the same ``save_as``. Pelican's writer then refuses to
overwrite the first page and the whole build stops. ``drop_colliding_posts``
keeps the post whose source path sorts first and takes the others out of the
generator's lists before anything is filed or written, so the rest of the
site is built and the message names both files.
"""

from __future__ import annotations

import posixpath
from typing import Any

POST_LISTS = ("articles", "hidden_articles", "drafts")  # what ArticlesGenerator writes pages for


def drop_colliding_posts(generator: Any) -> list[tuple[Any, Any, str]]:
    """Take every post whose output file another post already claims out of the generator's
    lists, in place; returns (dropped post, kept post, output path) for each."""
    lists = [posts for posts in (getattr(generator, name, None) for name in POST_LISTS) if isinstance(posts, list)]
    claimed: dict[str, Any] = {}
    dropped: list[tuple[Any, Any, str]] = []
    for post in sorted((p for posts in lists for p in posts), key=lambda p: str(getattr(p, "source_path", ""))):
        target = posixpath.normpath(str(getattr(post, "save_as", "") or ""))
        if target == ".":
            continue  # not written at all
        if target in claimed:
            dropped.append((post, claimed[target], target))
        else:
            claimed[target] = post
    gone = {id(post) for post, _, _ in dropped}
    if gone:
        for posts in lists:
            posts[:] = [p for p in posts if id(p) not in gone]
    return dropped
