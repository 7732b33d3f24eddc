"""Hanley-McNeil SE, the binormal symmetric point and predictive values, against hand calculations."""
import math

import pytest
from scipy import stats

from recheck.discrimination import auc_se_hanley_mcneil, binormal_symmetric_point, predictive_values


def test_hanley_mcneil_at_one_half_is_the_mann_whitney_null_variance():
    # Under no discrimination the AUC's variance is (n1 + n0 + 1) / (12 n1 n0) (Mann-Whitney).
    for n1, n0 in ((61, 61), (10, 30), (1, 1)):
        assert auc_se_hanley_mcneil(0.5, n1, n0) ** 2 == pytest.approx((n1 + n0 + 1) / (12 * n1 * n0))


def test_hanley_mcneil_by_hand():
    # A = 0.8, 50 cases, 50 controls: Q1 = 0.8/1.2, Q2 = 1.28/1.8.
    q1, q2 = 0.8 / 1.2, 1.28 / 1.8
    expected = math.sqrt((0.16 + 49 * (q1 - 0.64) + 49 * (q2 - 0.64)) / 2500)
    assert auc_se_hanley_mcneil(0.8, 50, 50) == pytest.approx(expected)


def test_binormal_point():
    # d = 1: AUC = Phi(1/sqrt 2) and sensitivity = specificity = Phi(1/2).
    assert binormal_symmetric_point(stats.norm.cdf(1 / math.sqrt(2))) == pytest.approx(stats.norm.cdf(0.5))
    assert binormal_symmetric_point(0.5) == pytest.approx(0.5)


def test_predictive_values_by_hand():
    # Sensitivity 0.9, specificity 0.8, prevalence 0.1: PPV 0.09/(0.09 + 0.18) = 1/3, NPV 0.72/(0.72 + 0.01).
    ppv, npv = predictive_values(0.9, 0.8, 0.1)
    assert ppv == pytest.approx(1 / 3)
    assert npv == pytest.approx(0.72 / 0.73)
    # At 50% prevalence with sensitivity = specificity, PPV equals the sensitivity.
    assert predictive_values(0.85, 0.85, 0.5)[0] == pytest.approx(0.85)


def test_validation():
    with pytest.raises(ValueError):
        auc_se_hanley_mcneil(1.0, 10, 10)
    with pytest.raises(ValueError):
        auc_se_hanley_mcneil(0.7, 0, 10)
    with pytest.raises(ValueError):
        predictive_values(0.9, 0.8, 0.0)
