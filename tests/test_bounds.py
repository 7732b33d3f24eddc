"""Cantelli caps for derived rates and the repeated-measures between-group F bound."""
import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.bounds import (cantelli_max_share, check_rm_between_group_f, linear_combination, max_count_beyond,
                            rm_between_group_f_bounds)


def test_cantelli_by_hand():
    # Mean 0, SD 1: at most 1/(1 + 2^2) = 20% of any data set lies at or above 2.
    assert cantelli_max_share(0, 1, 2) == pytest.approx(0.2)
    assert cantelli_max_share(0, 1, -2, above=False) == pytest.approx(0.2)
    assert cantelli_max_share(0, 1, -1) == 1.0
    # The cap is attained: four values at -0.5 and one at 2 have mean 0 and population SD 1.
    data = np.array([-0.5] * 4 + [2.0])
    assert data.mean() == pytest.approx(0) and data.std() == pytest.approx(1)


def test_linear_combination_and_count():
    # Y = post - 0.7 pre with post 10.15 ± 2.27 and pre 77.59 ± 5.46: mean about -44.16,
    # SD at most 2.275 + 0.7 * 5.465 = 6.1005; share at or above 0 at most 37.216/(37.216 + 44.1545²) = 1.873%:
    # no patient of 52, and 97 (not 98) of 5200.
    y = linear_combination([1, -0.7], ["10.15", "77.59"], ["2.27", "5.46"])
    assert y.mean[1] == pytest.approx(10.155 - 0.7 * 77.585)
    assert y.sd_max == pytest.approx(2.275 + 0.7 * 5.465)
    assert max_count_beyond(y, 0.0, 52) == 0
    assert max_count_beyond(y, 0.0, 5200) == 97


def test_f_bound_by_hand():
    # Two time points, SDs 1, group means (1, 1) and (0, 0), n = 10 each: difference of averages 1;
    # variance of a patient's average from (1 + 1)/4 = 0.5 (uncorrelated) to 1 (perfectly correlated):
    # F from 1/(1 * 0.2) = 5 to 1/(0.5 * 0.2) = 10.
    b = rm_between_group_f_bounds(["1.0000", "1.0000"], ["1.0000", "1.0000"], 10,
                                  ["0.0000", "0.0000"], ["1.0000", "1.0000"], 10)
    assert b.f_min == pytest.approx(5, rel=1e-3) and b.f_max == pytest.approx(10, rel=1e-3)
    assert b.df == (1, 18)
    assert check_rm_between_group_f(["1.0000", "1.0000"], ["1.0000", "1.0000"], 10,
                                    ["0.0000", "0.0000"], ["1.0000", "1.0000"], 10, "30.0").verdict == "implausible"


def split_plot_group_f(a, b):
    """Between-group F of a mixed ANOVA from sums of squares (subjects x time, two groups), by definition."""
    data = [a, b]
    k = a.shape[1]
    grand = np.concatenate([a, b]).mean()
    ss_group = sum(len(g) * k * (g.mean() - grand) ** 2 for g in data)
    ss_subjects = sum(k * ((g.mean(axis=1) - g.mean()) ** 2).sum() for g in data)
    df_subjects = len(a) + len(b) - 2
    return ss_group / (ss_subjects / df_subjects)


@settings(max_examples=60, deadline=None)
@given(st.integers(8, 40), st.integers(8, 40), st.floats(0.0, 0.95), st.integers(0, 2**31 - 1))
def test_real_data_with_positive_correlation_lie_inside(n1, n2, rho, seed):
    rng = np.random.default_rng(seed)
    cov = rho + (1 - rho) * np.eye(3)
    a = rng.multivariate_normal([6, 3, 2], cov, n1) * [1.2, 0.8, 0.5]
    b = rng.multivariate_normal([6.5, 3.5, 2.5], cov, n2) * [1.2, 0.8, 0.5]
    f = split_plot_group_f(a, b)
    fmt = lambda xs: [f"{x:.2f}" for x in xs]  # noqa: E731
    bounds = rm_between_group_f_bounds(fmt(a.mean(0)), fmt(a.std(0, ddof=1)), n1,
                                       fmt(b.mean(0)), fmt(b.std(0, ddof=1)), n2)
    # The bound assumes non-negative correlations within each group; a sample can fall below zero by chance,
    # and then the law does not apply.
    within = [np.corrcoef(g.T)[np.triu_indices(3, 1)].min() for g in (a, b)]
    if min(within) >= 0:
        assert bounds.f_min - 1e-6 <= f <= bounds.f_max + 1e-6
