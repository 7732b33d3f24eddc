"""Paired t: implied SD of change, implied correlation, feasible range."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck import check_paired_t, paired_t_implied


def test_hand_example_recovers_correlation():
    # SDs 2 and 2, r = 0.5: SD of change = sqrt(4 + 4 - 2*0.5*4) = 2; t = 2 * sqrt(25) / 2 = 5.
    imp = paired_t_implied("10.00", "2.00", "8.00", "2.00", 25, "5.000")
    assert imp.point_r == pytest.approx(0.5)
    assert imp.r[0] <= 0.5 <= imp.r[1]
    assert check_paired_t("10.00", "2.00", "8.00", "2.00", 25, "5.000").verdict == "consistent"


def test_feasible_range_by_hand():
    # SDs 3 and 1: SD of change between |3-1| = 2 (r = 1) and 3+1 = 4 (r = -1); d = 2, n = 25:
    # |t| between 2*5/4 = 2.5 and 2*5/2 = 5; widened by rounding: 1.99*5/4.01 and 2.01*5/1.99.
    imp = paired_t_implied("10.00", "3.00", "8.00", "1.00", 25, "3.00")
    assert imp.t_feasible[0] == pytest.approx(1.99 * 5 / 4.01)
    assert imp.t_feasible[1] == pytest.approx(2.01 * 5 / 1.99)
    assert check_paired_t("10.00", "3.00", "8.00", "1.00", 25, "8.00").verdict == "impossible"
    assert check_paired_t("10.00", "3.00", "8.00", "1.00", 25, "2.00").verdict == "impossible"


def test_implausible_needs_a_stated_range():
    # r implied about -0.5: possible, but outside a stated realistic range of 0 to 1.
    imp = paired_t_implied("10.00", "2.00", "8.00", "2.00", 25, "2.887")
    assert imp.point_r == pytest.approx(-0.5, abs=0.01)
    assert check_paired_t("10.00", "2.00", "8.00", "2.00", 25, "2.887").verdict == "consistent"
    f = check_paired_t("10.00", "2.00", "8.00", "2.00", 25, "2.887", plausible_r=(0.0, 1.0))
    assert f.verdict == "implausible" and "realistic" in f.assumption


@settings(max_examples=100, deadline=None)
@given(st.integers(8, 80), st.floats(0.1, 0.9), st.integers(0, 2**31 - 1))
def test_simulated_pairs_are_never_flagged(n, rho, seed):
    rng = np.random.default_rng(seed)
    pre = rng.normal(6, 1.5, n)
    post = 3 + rho * (pre - 6) + rng.normal(0, 1, n)
    diff = pre - post
    t = diff.mean() / (diff.std(ddof=1) / np.sqrt(n))
    printed = [f"{x:.2f}" for x in (pre.mean(), pre.std(ddof=1), post.mean(), post.std(ddof=1))]
    imp = paired_t_implied(*printed[:2], *printed[2:], n, f"{t:.2f}")
    actual_r = np.corrcoef(pre, post)[0, 1]
    assert imp.r[0] - 1e-9 <= actual_r <= imp.r[1] + 1e-9
    assert check_paired_t(*printed[:2], *printed[2:], n, f"{t:.2f}").verdict == "consistent"
