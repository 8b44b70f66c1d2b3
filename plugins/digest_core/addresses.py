"""Posts that cannot be written where their address says, for the build and for `digest stories`.

Two cases come from ordinary mistakes:

- two posts with the same slug and date (an editor's copy, a post saved twice
  under two names) share one address: the post whose source path sorts first
  is built;
- a post without a ``Slug`` header takes its slug from the title, and a very
  long title makes a folder name longer than file systems allow (255 bytes).
"""

from __future__ import annotations

import os
import posixpath
from collections.abc import Iterable

NAME_MAX = 255  # bytes in one file or folder name on common file systems (ext4, APFS, NTFS)


def unwritable(posts: Iterable[tuple[str, str]]) -> list[tuple[str, str]]:
    """(source, reason) for each post that cannot be written, from (source path, ``save_as``)
    pairs; in source path order, which decides which of two posts at one address is kept."""
    claimed: dict[str, str] = {}
    refused: list[tuple[str, str]] = []
    for source, save_as in sorted(posts):
        target = posixpath.normpath(save_as or "")
        if target == ".":
            continue  # not written at all
        longest = max(len(os.fsencode(part)) for part in target.split("/"))
        if longest > NAME_MAX:
            refused.append((source, f"its address has a name of {longest} bytes, more than file systems "
                                    f"allow ({NAME_MAX}); give it a shorter Slug"))
        elif target in claimed:
            refused.append((source, f"it would be written to {target}, as {claimed[target]} is; "
                                    "give one of them another Slug or Date"))
        else:
            claimed[target] = source
    return refused
