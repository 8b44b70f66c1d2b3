"""Posts whose page cannot be written where their address says: reported, not built.

Pelican's writer stops the whole build at the first such page. Two cases come
from ordinary mistakes:

- two posts with the same slug and date (an editor's copy, a post saved twice
  under two names) share one ``save_as``: the post whose source path sorts
  first is built;
- a post without a ``Slug`` header takes its slug from the title, and a very
  long title makes a folder name longer than file systems allow (255 bytes).

``drop_unwritable_posts`` takes such posts out of the generator's lists before
anything is filed or written, so the rest of the site is built, and says why
for each.
"""

from __future__ import annotations

import os
import posixpath
from typing import Any

from digest_core.plugins import source_of
from digest_taxonomies.membership import POST_LISTS

NAME_MAX = 255  # bytes in one file or folder name on common file systems (ext4, APFS, NTFS)


def drop_unwritable_posts(generator: Any) -> list[tuple[Any, str]]:
    """Take every post that cannot be written out of the generator's lists, in place;
    returns (post, reason) for each, in source path order."""
    lists = [posts for posts in (getattr(generator, name, None) for name in POST_LISTS) if isinstance(posts, list)]
    claimed: dict[str, Any] = {}
    dropped: list[tuple[Any, str]] = []
    for post in sorted((p for posts in lists for p in posts), key=lambda p: str(getattr(p, "source_path", ""))):
        target = posixpath.normpath(str(getattr(post, "save_as", "") or ""))
        if target == ".":
            continue  # not written at all
        longest = max(len(os.fsencode(part)) for part in target.split("/"))
        if longest > NAME_MAX:
            dropped.append((post, f"its address has a name of {longest} bytes, more than file systems allow "
                                  f"({NAME_MAX}); give it a shorter Slug"))
        elif target in claimed:
            dropped.append((post, f"it would be written to {target}, as {source_of(claimed[target])} is; "
                                  "give one of them another Slug or Date"))
        else:
            claimed[target] = post
    gone = {id(post) for post, _ in dropped}
    if gone:
        for posts in lists:
            posts[:] = [p for p in posts if id(p) not in gone]
    return dropped
