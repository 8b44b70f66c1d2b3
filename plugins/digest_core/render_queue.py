"""Pages and feeds rendered across cores: a writer's calls queued, then replayed in forked workers.

Pelican renders one page after another on one core; on a large digest that is
about half of a cold build. A writer with a ``RenderQueue`` keeps each
``write_file``/``write_feed`` call instead of running it, and ``flush`` runs the
queue when its generator is done: the build's own process takes one share of
the calls (every ``jobs``-th), forked workers take the others. The workers
share the build's memory as it was at the fork (copy on write), so every call
sees the posts, context and templates it would have seen, and writes the same
bytes. Each worker hands back what the writer must remember (its ``Share``),
which the build's process folds in.

Calls run in the build's own process, in order, when:
- the queue is short (``MIN_CALLS``): a fork costs more than it saves;
- a call names a file already written or queued, or overrides one: Pelican's
  own checks then decide, as in a serial build;
- ``jobs`` is 1, or the platform cannot fork.

A call that fails in a worker is run again in the build's process, so the
error is raised and reported as in a serial build. Pelican's ``content_written``
and ``feed_written`` signals are sent in the process that wrote the file, so a
receiver's side effects in a worker are lost (none of our plugins listens).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

logger = logging.getLogger(__name__)

MIN_CALLS = 64  # below this, a queue is rendered in the build's process


@dataclass(frozen=True)
class Call:
    """One writer call as it was made: the method's name, its file and its arguments."""

    method: str
    name: str
    args: tuple[Any, ...]
    kwargs: dict[str, Any]


@dataclass
class Share:
    """What rendering some calls changed in a worker's writer, for the build's writer to take in."""

    written: set[str] = field(default_factory=set)  # files opened (Pelican's overwrite check)
    state: Any = None  # the writer's own bookkeeping (keys, counts)
    failed: list[int] = field(default_factory=list)  # positions in the queue


class QueueingWriter(Protocol):
    def replay(self, call: Call) -> Any: ...
    def begin_share(self) -> None: ...
    def end_share(self) -> Any: ...
    def take_share(self, state: Any) -> None: ...
    _written_files: set[str]


class RenderQueue:
    """The calls a writer put off, and how many processes render them."""

    def __init__(self, jobs: int) -> None:
        self.jobs = jobs
        self.calls: list[Call] = []
        self.names: set[str] = set()
        self.replaying = False

    def defer(self, writer: QueueingWriter, call: Call, path: str, exclusive: bool) -> bool:
        """Queue ``call`` (True), or leave it to run now (False), after the queued calls if it
        overrides a file or names one already written or queued (``path``: the file in full)."""
        if self.jobs <= 1 or self.replaying:
            return False
        if exclusive or call.name in self.names or path in writer._written_files:
            self.flush(writer)
            return False
        self.calls.append(call)
        self.names.add(call.name)
        return True

    def flush(self, writer: QueueingWriter) -> None:
        """Render every queued call, across ``jobs`` processes when there are enough of them."""
        calls, self.calls, self.names = self.calls, [], set()
        if not calls:
            return
        jobs = min(self.jobs, len(calls))
        if len(calls) < MIN_CALLS or jobs <= 1 or "fork" not in multiprocessing.get_all_start_methods():
            self._run(writer, calls)
            return
        global _pending
        _pending = (writer, calls, jobs, self)
        try:
            with multiprocessing.get_context("fork").Pool(jobs - 1) as pool:
                shares = pool.map_async(_render_share, range(1, jobs))
                self._run(writer, calls[0::jobs])
                results = shares.get()
        finally:
            _pending = None
        failed = []
        for share in results:
            clash = writer._written_files & share.written
            for path in sorted(clash):
                logger.error("Two pages of this build were written to %s; the last one written stays", path)
            writer._written_files |= share.written
            writer.take_share(share.state)
            failed += share.failed
        self._run(writer, [calls[i] for i in sorted(failed)])

    def _run(self, writer: QueueingWriter, calls: Sequence[Call]) -> None:
        self.replaying = True
        try:
            for call in calls:
                writer.replay(call)
        finally:
            self.replaying = False


_pending: tuple[QueueingWriter, list[Call], int, RenderQueue] | None = None  # what forked workers read


class _LoggedSet(set):
    """A writer's set of written files that also lists what is added to it, in order."""

    def __init__(self, items: set[str]) -> None:
        super().__init__(items)
        self.added: list[str] = []

    def add(self, item: str) -> None:
        self.added.append(item)
        super().add(item)

    def update(self, *others: Any) -> None:
        for other in others:
            for item in other:
                self.add(item)


def _render_share(part: int) -> Share:
    """In a worker: render every ``jobs``-th queued call from ``part`` on."""
    assert _pending is not None
    writer, calls, jobs, queue = _pending
    written = writer._written_files = _LoggedSet(writer._written_files)
    writer.begin_share()
    failed = []
    queue.replaying = True
    for index in range(part, len(calls), jobs):
        start = len(written.added)
        try:
            writer.replay(calls[index])
        except Exception:  # run again in the build's process, which reports it
            logger.debug("Worker %d: %s failed; the build's process renders it again", os.getpid(),
                         calls[index].name, exc_info=True)
            failed.append(index)
            for path in written.added[start:]:  # the build's process writes them again
                set.discard(written, path)
            del written.added[start:]
    return Share(set(written.added), writer.end_share(), failed)
