"""Least SE, narrowest interval and same-value chance for an odds ratio printed without its interval."""
import math

import numpy as np
import pytest
import statsmodels.api as sm
from scipy import stats

from recheck.logistic_bounds import min_se_binary, min_se_matched_pairs, odds_ratio_bounds, same_value_probability
from recheck.validate import ImpossibleValue


def test_least_se_by_hand():
    # Woolf's SE of a balanced 2x2 table with all cells 30 (n = 120): sqrt(4/30) = 4/sqrt(120).
    assert min_se_binary(120) == pytest.approx(math.sqrt(4 / 30))
    # McNemar: 60 discordant pairs, 30 each way: sqrt(1/30 + 1/30) = 2/sqrt(60).
    assert min_se_matched_pairs(60) == pytest.approx(math.sqrt(2 / 30))


def test_least_se_is_attained_by_a_fitted_logistic_model():
    # A balanced 2x2 table (30 per cell) fitted by maximum likelihood gives exactly the bound.
    y = np.r_[np.ones(30), np.zeros(30), np.ones(30), np.zeros(30)]
    x = np.r_[np.ones(60), np.zeros(60)]
    fit = sm.Logit(y, sm.add_constant(x)).fit(disp=0)
    assert fit.bse[1] == pytest.approx(min_se_binary(120), rel=1e-6)


def test_least_se_for_pairs_is_attained_by_conditional_logistic_regression():
    # 60 pairs, all discordant, 30 each way: the conditional MLE's SE is 2/sqrt(60).
    from statsmodels.discrete.conditional_models import ConditionalLogit

    case_x = np.r_[np.ones(30), np.zeros(30)]
    y = np.tile([1.0, 0.0], 60)
    x = np.column_stack([case_x, 1 - case_x]).ravel()
    fit = ConditionalLogit(y, x[:, None], groups=np.repeat(np.arange(60), 2)).fit(disp=0)
    assert fit.bse[0] == pytest.approx(min_se_matched_pairs(60), rel=1e-5)


def test_least_se_bounds_an_unbalanced_adjusted_model():
    # Any other table, with a second covariate, has a larger SE than the bound.
    rng = np.random.default_rng(1)
    x = rng.integers(0, 2, 122)
    w = rng.integers(0, 2, 122)
    y = (rng.random(122) < 1 / (1 + np.exp(-(0.8 * x + 0.5 * w - 0.6)))).astype(float)
    fit = sm.Logit(y, sm.add_constant(np.c_[x, w])).fit(disp=0)
    assert fit.bse[1] > min_se_binary(122)


def test_odds_ratio_bounds_by_hand():
    # OR 2.890 (interval [2.8895, 2.8905]) with least SE 0.5: lower limit at most 2.8905 * exp(-1.96 * 0.5).
    z = stats.norm.isf(0.025)
    b = odds_ratio_bounds("2.890", 0.5)
    assert b.max_lower == pytest.approx(2.8905 * math.exp(-z * 0.5))
    assert b.min_upper == pytest.approx(2.8895 * math.exp(z * 0.5))
    assert b.min_fold == pytest.approx(math.exp(2 * z * 0.5))
    assert b.min_p == pytest.approx(2 * stats.norm.sf(math.log(2.8905) / 0.5))
    assert b.max_se_significant == pytest.approx(math.log(2.8905) / z)
    # An OR below 1 is bounded the same way on the log scale.
    assert odds_ratio_bounds("0.50", 0.5).min_p == pytest.approx(2 * stats.norm.sf(-math.log(0.495) / 0.5))


def test_same_value_probability_by_hand():
    # OR 1.00 stands for [0.995, 1.005]: width log(1.005/0.995); chance 2 Phi(width / (2 SE)) - 1.
    width = math.log(1.005 / 0.995)
    assert same_value_probability("1.00", 0.1) == pytest.approx(2 * stats.norm.cdf(width / 0.2) - 1)
    # It falls as the SE grows and as decimals are added.
    assert same_value_probability("1.00", 0.2) < same_value_probability("1.00", 0.1)
    assert same_value_probability("1.000", 0.1) < same_value_probability("1.00", 0.1)


def test_same_value_probability_by_simulation():
    # Estimates drawn around the cell's centre land in it as often as the bound says (the bound is attained).
    rng = np.random.default_rng(7)
    draws = np.exp(rng.normal(math.log(2.0), 0.05, 400_000))
    share = np.mean(np.abs(draws - 2.0) <= 0.005)
    assert share == pytest.approx(same_value_probability("2.00", 0.05), abs=0.003)


def test_validation():
    with pytest.raises(ValueError):
        min_se_binary(1)
    with pytest.raises(ValueError):
        min_se_matched_pairs(0)
    with pytest.raises(ImpossibleValue):
        odds_ratio_bounds("0.000", 0.3)
    with pytest.raises(ValueError):
        odds_ratio_bounds("2.0", 0)
    with pytest.raises(ValueError):
        same_value_probability("2.0", -1.0)
