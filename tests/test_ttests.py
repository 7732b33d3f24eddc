"""Two-sample t tests from summaries: known answers, table-level agreement, rounding laws."""
import math

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck import check_ttest, ttest_from_summary, ttest_range, ttest_table
from recheck.ttests import t_bounds


def test_scipy_documented_example_student():
    # scipy.stats.ttest_ind_from_stats documentation: means 15 and 12, variances 87.5 and 39, n 13 and 11.
    res = ttest_from_summary(15.0, math.sqrt(87.5), 13, 12.0, math.sqrt(39.0), 11)
    assert res.t == pytest.approx(0.9051358, abs=1e-6)
    assert res.p == pytest.approx(0.3751997, abs=1e-6)
    assert res.df == 22


def test_welch_by_hand():
    # a = 87.5/13 = 6.7308, b = 39/11 = 3.5455; se = sqrt(a + b) = 3.2057; t = 3 / 3.2057 = 0.9358;
    # df = (a + b)^2 / (a^2/12 + b^2/10) = 105.60 / 5.0324 = 20.98.
    res = ttest_from_summary(15.0, math.sqrt(87.5), 13, 12.0, math.sqrt(39.0), 11, equal_var=False)
    assert res.t == pytest.approx(0.9358, abs=1e-3)
    assert res.df == pytest.approx(20.98, abs=0.01)


def test_pooled_by_hand():
    # Equal SDs of 2 and n of 10: se = 2 * sqrt(2/10) = 0.8944, t = 2 / 0.8944 = 2.236, df 18.
    res = ttest_from_summary(10.0, 2.0, 10, 8.0, 2.0, 10)
    assert res.t == pytest.approx(2.2361, abs=1e-4)
    assert 0.03 < res.p < 0.05  # t(18) critical values: 2.101 (p = .05) and 2.552 (p = .02)


def test_range_contains_point_and_is_exact_at_corners():
    rng = ttest_range("72.10", "3.15", 52, "71.87", "3.30", 52)
    assert rng.t[0] <= rng.point.t <= rng.t[1]
    # Corner with the largest difference and smallest SDs, by hand through scipy.
    corner = ttest_from_summary(72.105, 3.145, 52, 71.865, 3.295, 52)
    assert rng.t[1] == pytest.approx(corner.t)


def test_consistent_row():
    f = check_ttest("72.10", "3.15", 52, "71.87", "3.30", 52, t="0.364", p="0.717")
    assert f.verdict == "consistent"


def test_outside_rounding_but_same_call_is_minor():
    # 2.28 ± 0.69 vs 3.05 ± 0.74 (n 52 each) allows |t| of only 5.38 to 5.60; 5.627 is printed.
    f = check_ttest("2.28", "0.69", 52, "3.05", "0.74", 52, t="5.627", p="< 0.001")
    assert f.verdict == "minor"


def test_decision_error():
    # Means 10.0 and 9.0, SD 3.0, n 20: t = 1.054, p = 0.30; a printed p of 0.01 reverses the call.
    f = check_ttest("10.0", "3.0", 20, "9.0", "3.0", 20, t="2.80", p="0.01")
    assert f.verdict == "decision"


def test_p_alone_is_checked():
    assert check_ttest("10.0", "3.0", 20, "9.0", "3.0", 20, p="0.30").verdict == "consistent"
    with pytest.raises(ValueError):
        check_ttest("10.0", "3.0", 20, "9.0", "3.0", 20)


def test_table_matches_scalar():
    frame = pd.DataFrame({
        "mean1": ["72.10", "2.28", "10.0"], "sd1": ["3.15", "0.69", "3.0"], "n1": [52, 52, 20],
        "mean2": ["71.87", "3.05", "9.0"], "sd2": ["3.30", "0.74", "3.0"], "n2": [52, 52, 20],
        "t": ["0.364", "5.627", "2.80"], "p": ["0.717", "< 0.001", "0.01"],
    })
    out = ttest_table(frame)
    assert out["verdict"].tolist() == ["consistent", "minor", "decision"]
    for row, (_, r) in zip(out.itertuples(), frame.iterrows()):
        scalar = ttest_range(r.mean1, r.sd1, r.n1, r.mean2, r.sd2, r.n2)
        assert (row.t_lo, row.t_hi) == pytest.approx(scalar.t)
        assert (row.p_lo, row.p_hi) == pytest.approx(scalar.p)


def test_welch_table_df_range_includes_interior_maximum():
    frame = pd.DataFrame({"mean1": ["5.0"], "sd1": ["2.0"], "n1": [30], "mean2": ["4.0"], "sd2": ["2.0"], "n2": [30]})
    out = ttest_table(frame, equal_var=False)
    # Equal SDs and n: Welch df reaches n1 + n2 - 2 = 58 inside the box.
    assert out["df_hi"].iloc[0] == pytest.approx(58.0)
    assert out["df_lo"].iloc[0] < 58.0


means = st.floats(-50, 50, allow_nan=False)
sds = st.floats(0.2, 20, allow_nan=False)
ns = st.integers(3, 200)


@settings(max_examples=150, deadline=None)
@given(means, sds, ns, means, sds, ns)
def test_point_lies_inside_rounding_interval(m1, s1, n1, m2, s2, n2):
    printed = [f"{x:.2f}" for x in (m1, s1, m2, s2)]
    rng = ttest_range(printed[0], printed[1], n1, printed[2], printed[3], n2, equal_var=False)
    assert rng.t[0] - 1e-9 <= rng.point.t <= rng.t[1] + 1e-9
    assert rng.p[0] - 1e-12 <= rng.point.p <= rng.p[1] + 1e-12


@settings(max_examples=150, deadline=None)
@given(means, sds, ns, means, sds, ns, st.floats(0.001, 0.5), st.floats(1.0, 4.0))
def test_widening_rounding_never_shrinks_interval(m1, s1, n1, m2, s2, n2, half, factor):
    def box(h):
        return [(np.array([x - h]), np.array([x + h])) for x in (m1, s1, m2, s2)]

    narrow, wide = box(half * min(s1, s2) / 2), box(factor * half * min(s1, s2) / 2)
    n1a, n2a = np.array([n1]), np.array([n2])
    lo_n, hi_n, _, _ = t_bounds(narrow[0], narrow[1], n1a, narrow[2], narrow[3], n2a)
    lo_w, hi_w, _, _ = t_bounds(wide[0], wide[1], n1a, wide[2], wide[3], n2a)
    assert lo_w[0] <= lo_n[0] + 1e-9 and hi_n[0] <= hi_w[0] + 1e-9


def test_negative_printed_t_is_compared_by_absolute_value():
    # Group order reversed: the same data printed as t = -0.364 must be reproduced like t = 0.364.
    assert check_ttest("72.10", "3.15", 52, "71.87", "3.30", 52, t="-0.364", p="0.717").verdict == "consistent"
