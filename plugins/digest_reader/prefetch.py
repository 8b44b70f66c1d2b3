"""Converting, across cores, the Markdown files a generator is about to read one by one.

Pelican reads content serially inside ``generate_context``: Markdown conversion,
then metadata, signals and the Article object, file after file. When the
generator is built, the files it will hand to a ``DigestMarkdownReader`` and
finds in none of its caches are queued, in the order the generator will ask for
them, to forked workers. The generator then runs as usual while they work: its
reader takes each conversion when it comes to that file (``Conversions.take``,
waiting for it if need be), so signals, metadata processing, Pelican's cache and
its messages all happen in the generator, as without us.

A worker returns only conversions that went silently: a file whose conversion
raised, logged or warned is left to the generator, which converts it again and
reports it exactly as Pelican does (file name and reason). So is every file of
a worker that died.
"""

from __future__ import annotations

import atexit
import logging
import multiprocessing
import os
import warnings
from collections.abc import Sequence
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from pelican.generators import CachingGenerator
from pelican.utils import file_suffix

from digest_reader.reader import Converted, DigestMarkdownReader

logger = logging.getLogger(__name__)

# Below this many files to read, starting workers costs more than it saves
# (bench/bench_reader.py --sweep: break-even near 100 posts on 2 cores).
PARALLEL_MIN_FILES = 100
CHUNK_FILES = 16  # files per task: small, so the generator's first files are soon ready

_readers: dict[str, DigestMarkdownReader] = {}  # file extension -> reader; what forked workers use
_heard: list[logging.LogRecord] = []  # records logged in a worker during the current conversion


class Conversions:
    """Conversions under way in a pool of workers, handed out once each, in any order."""

    def __init__(self, pool: ProcessPoolExecutor, chunks: Sequence[tuple[Future, Sequence[str]]]) -> None:
        self._pool = pool
        self._where = {path: (future, index) for future, paths in chunks for index, path in enumerate(paths)}
        atexit.register(self.close)  # a build that fails half-way must not wait for the rest

    def take(self, path: str) -> Converted | None:
        """The conversion of ``path``, once done; None if it is not ours or a worker could not make it."""
        future, index = self._where.pop(path, (None, 0))
        if future is None:
            return None
        try:
            converted = future.result()[index]
        except (BrokenProcessPool, CancelledError, OSError):
            converted = None
        if not self._where:
            self.close()
        return converted

    def close(self) -> None:
        """Stop the workers, dropping what nobody took."""
        self._where.clear()
        self._pool.shutdown(wait=True, cancel_futures=True)
        atexit.unregister(self.close)


def files_to_read(generator: CachingGenerator, paths: Sequence[str], exclude: Sequence[str]) -> list[str]:
    """Absolute paths the generator will give our reader and find in no cache, in its reading order."""
    readers = generator.readers
    todo = []
    # get_files returns a set: listing it again in this process gives the order the generator iterates in.
    for name in generator.get_files(paths, exclude=exclude):
        if not isinstance(readers.readers.get(file_suffix(name)), DigestMarkdownReader):
            continue
        if generator.get_cached_data(name, None) is not None:  # CONTENT_CACHING_LAYER "generator"
            continue
        path = os.path.abspath(os.path.join(generator.path, name))  # as Readers.read_file spells it
        if readers.get_cached_data(path, None) is None:
            todo.append(path)
    return todo


def read_ahead(generator: CachingGenerator, paths: Sequence[str], exclude: Sequence[str],
               jobs: int) -> Conversions | None:
    """Start converting the files of ``files_to_read`` in ``jobs`` workers and give them to our readers."""
    if jobs < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return None
    todo = files_to_read(generator, paths, exclude)
    if len(todo) < PARALLEL_MIN_FILES:
        return None
    global _readers
    _readers = {ext: r for ext, r in generator.readers.readers.items() if isinstance(r, DigestMarkdownReader)}
    ours = list(_readers.values())
    try:
        pool = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context("fork"),
                                   initializer=_listen_to_logging)
        chunks = [todo[start:start + CHUNK_FILES] for start in range(0, len(todo), CHUNK_FILES)]
        conversions = Conversions(pool, [(pool.submit(_convert_chunk, chunk), chunk) for chunk in chunks])
    except OSError as exc:  # cannot fork: the generator reads everything itself
        logger.debug("digest_reader: no workers: %s", exc)
        return None
    finally:
        _readers = {}  # the workers have it: forking, ProcessPoolExecutor starts all at the first submit
    for reader in ours:
        reader.ahead = conversions
    return conversions


def close_ahead(generator: CachingGenerator) -> None:
    """Stop the workers of a generator whose reading is over."""
    for reader in generator.readers.readers.values():
        if isinstance(reader, DigestMarkdownReader) and reader.ahead is not None:
            reader.ahead.close()
            reader.ahead = None


class _Heard(logging.Handler):
    def emit(self, record: logging.LogRecord) -> None:
        _heard.append(record)


def _listen_to_logging() -> None:
    """In a worker: hear log records instead of printing them (the generator repeats that file)."""
    logging.getLogger().handlers[:] = [_Heard()]


def _convert_chunk(paths: Sequence[str]) -> list[Converted | None]:
    return [_convert(path) for path in paths]


def _convert(path: str) -> Converted | None:
    """In a worker: the conversion of one file, or None when it raised, logged or warned."""
    _heard.clear()
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            converted = _readers[file_suffix(path)].convert(path)
    except Exception:
        return None
    return None if caught or _heard else converted
