"""Coefficient moves under a recoding: known answers for the fit, affine recodings and the arrangements."""
import math

import numpy as np
import pytest
import statsmodels.api as sm

from recheck.recoding import _arrangements, coefficient_shifts, logistic_fit, rounding_cell_width


def test_fit_of_a_two_by_two_table_is_the_cross_product_ratio():
    # Exposed: 30 cases, 10 controls; unexposed: 20 cases, 40 controls. log OR = log(30*40 / (10*20)).
    x = np.r_[np.ones(40), np.zeros(60)]
    y = np.r_[np.ones(30), np.zeros(10), np.ones(20), np.zeros(40)]
    b = logistic_fit(x[:, None], y)
    assert b[1] == pytest.approx(math.log(30 * 40 / (10 * 20)), abs=1e-9)
    assert b[0] == pytest.approx(math.log(20 / 40), abs=1e-9)


def test_fit_matches_statsmodels_and_batches_match_single_fits():
    rng = np.random.default_rng(0)
    X = rng.integers(0, 2, (3, 200, 2)).astype(float)
    y = (rng.random((3, 200)) < 1 / (1 + np.exp(-(X @ [1.0, -0.5])))).astype(float)
    batch = logistic_fit(X, y)
    for k in range(3):
        reference = sm.Logit(y[k], sm.add_constant(X[k])).fit(disp=0).params
        assert batch[k] == pytest.approx(reference, abs=1e-7)
        assert logistic_fit(X[k], y[k]) == pytest.approx(batch[k], abs=1e-12)


def test_separation_gives_nan():
    x = np.r_[np.ones(10), np.zeros(10)]
    y = x.copy()
    assert np.isnan(logistic_fit(x[:, None], y)).all()


def test_rounding_cell_width():
    assert rounding_cell_width("5.378") == pytest.approx(math.log(5.3785 / 5.3775))
    assert rounding_cell_width("2.9") == pytest.approx(math.log(2.95 / 2.85))


GROUPS = {1: {"a": [1] * 40 + [0] * 20, "n": [1] * 10 + [2] * 20 + [3] * 30},
          0: {"a": [1] * 15 + [0] * 45, "n": [1] * 35 + [2] * 15 + [3] * 10}}


def test_affine_recoding_moves_nothing_else():
    # Swapping a binary covariate's reference category: its coefficient changes sign, the other stays put.
    groups = {g: {**cols, "b": [1] * 25 + [0] * 35} for g, cols in GROUPS.items()}
    s = coefficient_shifts(groups, lambda c: [c["a"], c["b"]], lambda c: [c["a"], 1 - c["b"]], 200, seed=1)
    assert len(s.shifts) == 200
    assert np.abs(s.shifts[:, 0]).max() < 1e-8
    assert s.shifts[:, 1] == pytest.approx(-2 * s.before[:, 1], abs=1e-8)
    # Shifting a count by a constant is affine too: the count's coefficient and the other one stay put.
    s = coefficient_shifts(GROUPS, lambda c: [c["a"], c["n"]], lambda c: [c["a"], c["n"] - 1], 50, seed=1)
    assert np.abs(s.shifts).max() < 1e-8
    assert s.within({0: 1e-6, 1: 1e-6}).all()


def test_a_recoding_that_is_not_affine_moves_the_other_coefficient():
    s = coefficient_shifts(GROUPS, lambda c: [c["a"], c["n"]], lambda c: [c["a"], c["n"] >= 2], 500, seed=2)
    assert np.median(np.abs(s.shifts[:, 0])) > 0.01
    assert s.tried == 500
    again = coefficient_shifts(GROUPS, lambda c: [c["a"], c["n"]], lambda c: [c["a"], c["n"] >= 2], 500, seed=2)
    assert np.array_equal(s.shifts, again.shifts)


@pytest.mark.parametrize("max_correlation", [0.0, 0.8])
def test_arrangements_keep_every_margin(max_correlation):
    values = [np.array(GROUPS[1]["a"], float), np.array(GROUPS[1]["n"], float)]
    arranged = _arrangements(values, 100, np.random.default_rng(3), max_correlation)
    for v, a in zip(values, arranged):
        assert a.shape == (100, 60)
        assert (np.sort(a, axis=1) == np.sort(v)).all()


def test_correlated_arrangements_are_associated():
    values = [np.arange(60.0), np.arange(60.0)]
    plain = _arrangements(values, 2000, np.random.default_rng(4), 0.0)
    tied = _arrangements(values, 2000, np.random.default_rng(4), 0.9)
    r = lambda arr: np.abs([np.corrcoef(x, z)[0, 1] for x, z in zip(*arr)]).mean()
    assert r(plain) < 0.15 < 0.3 < r(tied)


def test_a_callers_mistakes():
    design = lambda c: [c["a"]]
    with pytest.raises(ValueError):
        coefficient_shifts({1: GROUPS[1]}, design, design, 10, seed=0)
    with pytest.raises(ValueError):
        coefficient_shifts({1: {"a": [1, 0]}, 0: {"b": [1, 0]}}, design, design, 10, seed=0)
    with pytest.raises(ValueError):
        coefficient_shifts({1: {"a": [1, 0], "n": [1]}, 0: {"a": [1, 0], "n": [1, 2]}}, design, design, 10, seed=0)
    with pytest.raises(ValueError):
        coefficient_shifts(GROUPS, design, lambda c: [c["a"], c["n"]], 10, seed=0)
    with pytest.raises(ValueError):
        coefficient_shifts(GROUPS, design, design, 10, seed=0, max_correlation=1.0)
    with pytest.raises(ValueError):
        coefficient_shifts(GROUPS, design, design, 0, seed=0)
