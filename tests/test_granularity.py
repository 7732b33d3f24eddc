"""GRIM, GRIMMER, DEBIT and SD bounds: published examples, hand calculations, no false alarms on real data."""
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck import (check_debit, check_grim, check_grimmer, check_sd_bounds, debit_test, grim_consistent,
                     grim_sums, grimmer_test, sd_bounds)


def test_grim_published_examples():
    # Die rolled 20 times: means of k/20 end in 0 or 5 at the second decimal, so 3.48 is impossible.
    assert not grim_consistent("3.48", 20)
    assert grim_consistent("3.45", 20)
    # The Economist's illustration of Brown & Heathers (2016): 49 participants, mean 5.93;
    # 290/49 = 5.918 and 291/49 = 5.939, so no whole total gives 5.93.
    assert not grim_consistent("5.93", 49)
    assert check_grim("5.93", 49).verdict == "impossible"


def test_grim_with_items_and_large_n():
    # Three items per person, n = 10: totals over 30 responses; 2.10 = 63/30 fits, 2.12 does not (63.6).
    assert grim_consistent("2.10", 10, items=3)
    assert not grim_consistent("2.12", 10, items=3)
    # n of 104 with 2 decimals: every mean is possible; the finding says GRIM cannot detect anything.
    assert "cannot detect" in check_grim("6.84", 104).explanation


def test_grim_tries_every_total():
    # n = 40, one decimal: 2.5 allows totals 98 to 102 (2.45 .. 2.55 inclusive).
    assert grim_sums("2.5", 40) == [98, 99, 100, 101, 102]


def test_grimmer_by_hand():
    # Data 1..5: mean 3.00, SD sqrt(2.5) = 1.581. Q = 4*SD^2 + 45 must be a whole number with Q odd (S = 15).
    assert grimmer_test("3.00", "1.58", 5).consistent          # Q in [54.92, 55.05] holds 55
    assert not grimmer_test("3.00", "1.60", 5).consistent      # Q in [55.18, 55.30]: no whole number
    # SD 1.66: Q in [55.96, 56.09] holds only 56, which is even: five whole numbers summing to 15 cannot.
    assert not grimmer_test("3.00", "1.66", 5).consistent
    assert check_grimmer("3.00", "1.66", 5).verdict == "impossible"


def test_grimmer_rejects_sd_below_the_minimum():
    # Mean 2.50 with n = 4 needs a total of 10; the evenest data (2, 2, 3, 3) have SD 0.577: 0.10 cannot be.
    assert not grimmer_test("2.50", "0.10", 4).consistent


def test_grimmer_every_total_matters():
    # 29 scores (four 0s, nine 1s, nine 2s, seven 3s): total 48, mean 1.655 printed 1.7, SD 1.01.
    # The naive total round(1.7 * 29) = 49 cannot give SD 1.01: Q = 28 * SD^2 + 49^2/29 runs 111.07 .. 111.64
    # holds no whole number); the true total 48 does (Q = 108 lies in 107.73 .. 108.29).
    data = [0] * 4 + [1] * 9 + [2] * 9 + [3] * 7
    mean, sd = np.mean(data), np.std(data, ddof=1)
    assert (f"{mean:.1f}", f"{sd:.2f}") == ("1.7", "1.01")
    result = grimmer_test("1.7", "1.01", 29)
    assert result.consistent and result.sums == (48,)


def test_debit_by_hand():
    # n = 10, k = 3: mean 0.30, SD = sqrt(3*7/(10*9)) = 0.483.
    assert debit_test("0.30", "0.48", 10).consistent
    assert not debit_test("0.30", "0.50", 10).consistent
    # The mean's own granularity: no k out of 10 gives 0.35.
    assert not debit_test("0.35", "0.50", 10).consistent
    assert check_debit("0.35", "0.50", 10).verdict == "impossible"


def test_sd_bounds_by_hand():
    # n = 2 on 0-10 with mean 5.0: from (5, 5), SD 0, to (0, 10), SD sqrt(50) = 7.071.
    lo, hi = sd_bounds("5", 2, 0, 10)
    assert lo == 0 and hi == pytest.approx(math.sqrt(50))
    # n = 3, mean 1.00: largest spread (0, 0, 3), SD sqrt((9 - 3)/2) = 1.732.
    assert sd_bounds("1.00", 3, 0, 10)[1] == pytest.approx(math.sqrt(3))
    # Continuous data on 0-10 with mean 1.45, n = 52: max SD = sqrt(1.455*8.545*52/51).
    assert sd_bounds("1.45", 52, 0, 10, integer=False)[1] == pytest.approx(math.sqrt(1.455 * 8.545 * 52 / 51))
    assert check_sd_bounds("1.00", "3.50", 3, 0, 10).verdict == "impossible"
    assert check_sd_bounds("5.0", "2.00", 20, 0, 10).verdict == "consistent"
    # A mean that fails GRIM (6.84 with n = 52) keeps the whole-number assumption: no SD range exists under it.
    failing_mean = check_sd_bounds("6.84", "1.22", 52, 0, 10)
    assert failing_mean.verdict == "not_checkable"
    assert "steps of 1 (whole numbers)" in failing_mean.assumption and "real-valued" not in failing_mean.assumption
    # A score averaged over 10 items moves in steps of 0.1, and the assumption says so.
    assert "steps of 0.1" in check_sd_bounds("5.00", "1.00", 20, 0, 10, items=10).assumption
    assert "steps of 2" in check_sd_bounds("50.0", "10.0", 20, 0, 100, unit=2).assumption
    with pytest.raises(ValueError, match="outside the scale"):
        sd_bounds("11.0", 5, 0, 10)


scores = st.lists(st.integers(0, 10), min_size=2, max_size=60)


@settings(max_examples=300, deadline=None)
@given(scores, st.integers(1, 3))
def test_real_integer_data_always_pass(data, decimals):
    mean, sd = np.mean(data), np.std(data, ddof=1)
    m, s = f"{mean:.{decimals}f}", f"{sd:.{decimals}f}"
    assert grim_consistent(m, len(data))
    assert grimmer_test(m, s, len(data)).consistent
    lo, hi = sd_bounds(m, len(data), 0, 10)
    assert lo - 1e-9 <= sd <= hi + 1e-9


@settings(max_examples=200, deadline=None)
@given(st.lists(st.integers(0, 1), min_size=2, max_size=200))
def test_real_binary_data_always_pass_debit(data):
    mean, sd = np.mean(data), np.std(data, ddof=1)
    assert debit_test(f"{mean:.2f}", f"{sd:.2f}", len(data)).consistent


def test_unit_step_scores():
    # ODI from ten items is 2 x a whole number. n = 4 scores (10, 12, 12, 16): mean 12.50, SD 2.52.
    # 12.50 fits (total 25 in steps of 2); 12.25 would fit whole numbers (49/4) but not steps of 2.
    assert grim_consistent("12.50", 4, unit=2)
    assert grim_consistent("12.25", 4) and not grim_consistent("12.25", 4, unit=2)
    assert grimmer_test("12.50", "2.52", 4, unit=2).consistent
    # Steps of 2 on 0-100 at mean 1.00 with n = 2: scores (0, 2), SD sqrt(2) = 1.414 at least.
    assert sd_bounds("1.00", 2, 0, 100, unit=2)[0] == pytest.approx(math.sqrt(2))
