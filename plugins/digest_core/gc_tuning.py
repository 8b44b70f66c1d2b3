"""Python's cyclic garbage collector run less often while a build works.

A large build keeps millions of objects alive (posts, their metadata, wrappers,
stories) and allocates many small ones. With Python's default thresholds the
collector runs about 2,700 times in a 10,000-post rebuild, and its full
collections walk every live object each time: about 5 s of the build, for
garbage the build hardly makes. With the thresholds below it runs about 25
times (about 1.2 s) and the peak memory stays the same (bench/README.md).
``relax`` sets them when a build starts and ``restore`` puts back the previous
ones when it ends, so a process that does more than build is left as it was.

``restore`` also freezes what is alive at that point (``gc.freeze``): when
Python exits it collects once more over every object, about 1.7 s after a
10,000-post build, to find cycles in memory that is about to be freed anyway.
The next ``relax`` unfreezes them, so an autoreloading server or a test
session still collects one build's garbage during the next.
"""

from __future__ import annotations

import gc
from typing import Any

BUILD_THRESHOLDS = (50_000, 20, 100)  # new objects before a young collection; young, middle per older one
_saved: list[tuple[int, int, int]] = []


def relax(sender: Any = None) -> None:
    """Collect less often until ``restore``."""
    gc.unfreeze()
    if not _saved:
        _saved.append(gc.get_threshold())
    gc.set_threshold(*BUILD_THRESHOLDS)


def restore(sender: Any = None) -> None:
    """The thresholds from before ``relax``; what the build left alive is not walked again."""
    if _saved:
        gc.set_threshold(*_saved.pop())
        gc.freeze()
