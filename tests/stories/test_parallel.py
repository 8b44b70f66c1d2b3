"""Work shared out to forked processes comes back complete and in order, or stays in this process."""

import os

import pytest

from digest_stories import parallel
from digest_stories.parallel import in_background, map_slices


def _squares(start, end):
    return [(n * n, os.getpid()) for n in range(start, end)]


@pytest.mark.parametrize(("count", "jobs"), [(0, 2), (1, 3), (7, 2), (100, 3), (100, 1)])
def test_slices_come_back_in_order(count, jobs):
    assert [square for square, _ in map_slices(_squares, count, jobs, minimum=1)] == [
        n * n for n in range(count)]
    assert parallel._work is None  # nothing kept after the workers are gone


@pytest.mark.parametrize(("count", "jobs", "minimum"), [(50, 1, 1), (50, 4, 51)])
def test_one_job_or_little_work_stays_in_this_process(count, jobs, minimum):
    calls = []

    def work(start, end):
        calls.append((start, end))
        return _squares(start, end)

    found = map_slices(work, count, jobs, minimum)
    assert calls == [(0, count)] and {pid for _, pid in found} == {os.getpid()}


def test_enough_work_is_forked():
    found = map_slices(_squares, 40, 2, minimum=10)
    assert os.getpid() not in {pid for _, pid in found}


def _pid_and(value):
    return lambda: (os.getpid(), value)


@pytest.mark.parametrize(("jobs", "forked"), [(1, False), (2, True)])
def test_background_work_gives_its_result(jobs, forked):
    result = in_background(_pid_and([1, 2]), jobs)
    pid, value = result()
    assert value == [1, 2] and (pid != os.getpid()) == forked
    assert parallel._background is None


def _fails():
    raise ValueError("bad input")


def test_background_work_raises_what_it_raised():
    result = in_background(_fails, 2)
    with pytest.raises(ValueError, match="bad input"):
        result()
