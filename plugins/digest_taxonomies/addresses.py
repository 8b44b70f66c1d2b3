"""Posts whose page cannot be written where their address says: reported, not built.

Pelican's writer stops the whole build at the first such page (two posts at
one address, a name too long for the file system: ``digest_core.addresses``).
``drop_unwritable_posts`` takes such posts out of the generator's lists before
anything is filed or written, so the rest of the site is built, and says why
for each.
"""

from __future__ import annotations

from typing import Any

from digest_core.addresses import unwritable
from digest_core.plugins import source_of
from digest_taxonomies.membership import POST_LISTS


def drop_unwritable_posts(generator: Any) -> list[tuple[Any, str]]:
    """Take every post that cannot be written out of the generator's lists, in place;
    returns (post, reason) for each, in source path order."""
    lists = [posts for posts in (getattr(generator, name, None) for name in POST_LISTS) if isinstance(posts, list)]
    by_source = {source_of(post): post for posts in lists for post in posts}
    dropped = [(by_source[source], reason) for source, reason in
               unwritable((source, str(getattr(post, "save_as", "") or "")) for source, post in by_source.items())]
    gone = {id(post) for post, _ in dropped}
    if gone:
        for posts in lists:
            posts[:] = [p for p in posts if id(p) not in gone]
    return dropped
