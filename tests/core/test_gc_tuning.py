"""The collector's thresholds during a build, and after it."""

import gc

from digest_core.gc_tuning import BUILD_THRESHOLDS, relax, restore


def test_relax_then_restore_leaves_the_thresholds_as_they_were():
    before = gc.get_threshold()
    try:
        relax()
        relax()  # a second build start (autoreload) keeps the first saved value
        assert gc.get_threshold() == BUILD_THRESHOLDS
        restore()
        assert gc.get_threshold() == before
        restore()  # nothing saved: nothing changes
        assert gc.get_threshold() == before
    finally:
        gc.set_threshold(*before)


def test_a_build_restores_the_thresholds(sample_site):
    # The session's sample build relaxed and restored them around itself.
    assert gc.get_threshold() != BUILD_THRESHOLDS
