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
        assert gc.get_freeze_count() > 0  # the build's objects are not walked at exit
        restore()  # nothing saved: nothing changes
        assert gc.get_threshold() == before
        relax()
        assert gc.get_freeze_count() == 0  # the next build collects the last one's garbage
        restore()
    finally:
        gc.set_threshold(*before)
        gc.unfreeze()


def test_a_build_restores_the_thresholds(sample_site):
    # The session's sample build relaxed and restored them around itself.
    assert gc.get_threshold() != BUILD_THRESHOLDS
