"""Known-answer tests for recheck.unimproved.max_unimproved (hand calculations with Cantelli's inequality)."""
import math

import pytest

from recheck.unimproved import max_unimproved


def cantelli(mean, sd, t, above):
    gap = t - mean if above else mean - t
    return 1.0 if gap <= 0 else sd * sd / (sd * sd + gap * gap)


def test_identical_summaries_allow_everyone_unimproved():
    # The mean intervals overlap, so at every threshold one of the two caps is the whole sample.
    assert max_unimproved(("5.0", "1.0"), ("5.0", "1.0"), 20).count == 20


def test_symmetric_case_by_hand():
    # Most generous rounding: means 0.005 and 3.995, SDs 1.005. By symmetry and convexity the sum of the two
    # Cantelli shares is smallest at t = 2: 2 * 1.005^2 / (1.005^2 + 1.995^2) = 0.40482, i.e. 404.8 of 1000.
    # Each of the two whole-number caps loses less than one patient to flooring, so the bound is 403 or 404.
    result = max_unimproved(("0.00", "1.00"), ("4.00", "1.00"), 1000)
    assert 403 <= result.count <= 404
    assert result.improved_at_least == 1000 - result.count


def test_lower_is_better_mirrors_higher_is_better():
    up = max_unimproved(("0.00", "1.00"), ("4.00", "1.00"), 1000)
    down = max_unimproved(("4.00", "1.00"), ("0.00", "1.00"), 1000, higher_is_better=False)
    assert up.count == down.count


def test_huang_height_ratio_at_60_by_hand():
    # Before 46.38 ± 5.37, after 84.97 ± 5.74, n = 55. At t = 60: after at or below 60 is capped by
    # 5.745^2 / (5.745^2 + 24.965^2) = 0.0503 -> 2 patients; before at or above 60 by
    # 5.375^2 / (5.375^2 + 13.615^2) = 0.1348 -> 7 patients. So at most 9; the scan can only do better.
    result = max_unimproved(("46.38", "5.37"), ("84.97", "5.74"), 55)
    assert result.count <= 9
    t = result.threshold
    by_hand = (math.floor(55 * cantelli(84.965, 5.745, t, above=False) + 1e-12)
               + math.floor(55 * cantelli(46.385, 5.375, t, above=True) + 1e-12))
    assert result.count == by_hand


def test_bad_arguments():
    with pytest.raises(ValueError, match="n must be"):
        max_unimproved(("1", "1"), ("2", "1"), 0)
    with pytest.raises(ValueError, match="steps"):
        max_unimproved(("1", "1"), ("2", "1"), 5, steps=1)
