"""Carlisle's combined baseline P: MEPtoolkit's worked value, hand calculations, exact ranges, laws, bad input."""
import itertools
import math
from statistics import NormalDist

import pytest
from hypothesis import given
from hypothesis import strategies as st

from recheck.carlisle import carlisle_combined_p, check_baseline_balance
from recheck.validate import ImpossibleValue

STANDARD = NormalDist()


def stouffer_upper(ps):
    """Independent of the module (stdlib, not scipy): 1 - Φ(Σ Φ⁻¹(p) / √k)."""
    return 1 - STANDARD.cdf(sum(STANDARD.inv_cdf(p) for p in ps) / math.sqrt(len(ps)))


def test_meptoolkit_worked_value():
    # MEPtoolkit tests/testthat/test-carlisle.R: carlisle(c(".80", ".80", ".80", ".80")) gives 0.046164081.
    point, (lo, hi) = carlisle_combined_p([".80", ".80", ".80", ".80"])
    assert point == pytest.approx(0.046164081, abs=1e-9)
    # MEPtoolkit's min/max evaluate every corner of the rounding box [0.795, 0.805]^4; the range is the same.
    corners = [stouffer_upper(c) for c in itertools.product((0.795, 0.805), repeat=4)]
    assert (lo, hi) == pytest.approx((min(corners), max(corners)), abs=1e-12)


def test_meptoolkit_example_by_hand():
    # MEPtoolkit's documented example carlisle(c(".99", ".95", ".98", ".90")); by hand from normal tables:
    # z = 2.3263 + 1.6449 + 2.0537 + 1.2816 = 7.3065; 7.3065 / 2 = 3.6533; 1 - Φ(3.6533) = 0.000129.
    point, (lo, hi) = carlisle_combined_p([".99", ".95", ".98", ".90"])
    assert point == pytest.approx(0.000129, rel=0.01)
    assert lo < point < hi < 0.001


def test_direction_small_means_alike():
    assert carlisle_combined_p(["0.50"] * 6)[0] == pytest.approx(0.5)
    assert carlisle_combined_p(["0.97", "0.92", "0.99"])[0] < 0.01     # P values near 1: groups alike
    assert carlisle_combined_p(["0.01", "0.03", "0.002"])[0] > 0.99    # P values near 0: groups differ


def test_bounds_and_printed_zero():
    # "< 0.001" is taken at 0.001 for the point and lets p fall to 0, so the largest value reaches 1.
    point, (lo, hi) = carlisle_combined_p(["< 0.001", "0.500"])
    assert point == pytest.approx(stouffer_upper([0.001, 0.5]))
    assert hi == 1.0 and lo == pytest.approx(stouffer_upper([0.001, 0.5005]))
    # "> 0.05": point at 0.05, and p may reach 1, so the smallest value is 0.
    point, (lo, hi) = carlisle_combined_p(["> 0.05", "0.5"])
    assert point == pytest.approx(stouffer_upper([0.05, 0.5])) and lo == 0.0
    # SPSS's "0.000" stands for [0, 0.0005]; at face value it would give an infinite z, so its middle is used.
    assert carlisle_combined_p(["0.000", "0.40"])[0] == pytest.approx(stouffer_upper([0.00025, 0.40]))


printed_p = st.integers(1, 999).map(lambda k: f"{k / 1000:.3f}")


@given(st.lists(printed_p, min_size=1, max_size=12))
def test_mirroring_every_p_mirrors_the_combined_value(ps):
    point, (lo, hi) = carlisle_combined_p(ps)
    mirrored = [f"{1 - float(p):.3f}" for p in ps]
    m_point, (m_lo, m_hi) = carlisle_combined_p(mirrored)
    assert point + m_point == pytest.approx(1, abs=1e-9)
    assert lo + m_hi == pytest.approx(1, abs=1e-9) and hi + m_lo == pytest.approx(1, abs=1e-9)


@given(st.lists(printed_p, min_size=1, max_size=8), st.data())
def test_range_holds_every_value_the_rounding_allows(ps, data):
    point, (lo, hi) = carlisle_combined_p(ps)
    inside = [float(p) + data.draw(st.floats(-0.0005, 0.0005)) for p in ps]
    assert lo - 1e-12 <= stouffer_upper(inside) <= hi + 1e-12
    assert lo <= point <= hi


@given(st.lists(printed_p, min_size=2, max_size=8), st.integers(0, 7))
def test_raising_one_p_lowers_the_combined_value(ps, which):
    i = which % len(ps)
    higher = ps[:i] + [f"{min(float(ps[i]) + 0.1, 0.999):.3f}"] + ps[i + 1:]
    assert carlisle_combined_p(higher)[0] <= carlisle_combined_p(ps)[0] + 1e-12


# --- bad input ----------------------------------------------------------------------------------------------

def test_callers_mistakes():
    with pytest.raises(ValueError, match="p_values"):
        carlisle_combined_p([])
    with pytest.raises(ValueError, match=r"p_values\[1\]") as err:
        carlisle_combined_p(["0.3", "abc"])
    assert not isinstance(err.value, ImpossibleValue)
    with pytest.raises(ValueError, match="printed"):
        carlisle_combined_p([0.3])


@pytest.mark.parametrize("text", ["1.04", "-0.2", "< 0", "> 1"])
def test_p_outside_zero_one_is_impossible(text):
    with pytest.raises(ImpossibleValue, match=r"p_values\[0\]"):
        carlisle_combined_p([text, "0.5"])
    finding = check_baseline_balance([text, "0.5"], design="RCT", randomised=True)
    assert finding.verdict == "impossible"


# --- the finding --------------------------------------------------------------------------------------------

def test_randomised_groups_too_alike_is_a_concern():
    finding = check_baseline_balance([".99", ".95", ".98", ".90"], ["Age", "Sex", "BMI", "ASA"],
                                     design="randomised controlled trial", randomised=True)
    assert finding.verdict == "concern"
    assert finding.reported == "baseline P: Age .99; Sex .95; BMI .98; ASA .90"
    assert "more alike" in finding.explanation and "correlated" in finding.assumption
    assert finding.assumption.startswith("randomised controlled trial")


def test_randomised_groups_too_different_is_a_concern():
    finding = check_baseline_balance(["0.01", "0.003", "0.02", "< 0.001"], design="RCT", randomised=True)
    assert finding.verdict == "concern" and "differ more" in finding.explanation


def test_without_randomisation_differences_confound_and_similarity_needs_matching():
    different = check_baseline_balance(["0.01", "0.003", "0.02", "0.004"], design="retrospective cohort",
                                       randomised=False)
    assert different.verdict == "concern" and "confounded" in different.explanation
    alike = check_baseline_balance([".99", ".95", ".98", ".90"], design="retrospective cohort",
                                   randomised=False)
    assert alike.verdict == "concern" and "matched" in alike.explanation


def test_a_consistent_row_raises_no_doubt():
    from recheck import rule_violations
    from recheck.findings import ledger_frame

    balanced = check_baseline_balance(["0.41", "0.66", "0.23", "0.87"], design="retrospective cohort",
                                      randomised=False)
    assert balanced.verdict == "consistent"
    row = balanced.located("s", "Table 1 · all baseline rows · between groups · baseline · combined P")
    assert rule_violations(ledger_frame([row])).empty


def test_rounding_that_straddles_alpha_is_not_flagged():
    # Four .80: point 0.046 below 0.05, but P = 0.75 each (still printed .8 with one decimal) gives 0.089.
    finding = check_baseline_balance(["0.8", "0.8", "0.8", "0.8"], design="RCT", randomised=True)
    assert finding.verdict == "consistent" and "possible but not certain" in finding.explanation


def test_ordinary_baseline_table_is_consistent():
    finding = check_baseline_balance(["0.412", "0.09", "0.77", "0.53", "0.21"], design="RCT", randomised=True)
    assert finding.verdict == "consistent"


@pytest.mark.parametrize("kwargs, argument", [
    (dict(alpha=1.5), "alpha"),
    (dict(labels=["Age"]), "labels"),
    (dict(design=" "), "design"),
])
def test_check_callers_mistakes(kwargs, argument):
    args = dict(p_values=["0.3", "0.5"], design="RCT", randomised=True) | kwargs
    with pytest.raises(ValueError, match=argument):
        check_baseline_balance(**args)
