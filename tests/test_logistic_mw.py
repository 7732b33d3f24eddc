"""Logistic-regression rows and Mann-Whitney from grouped counts."""
import math

import pytest

from recheck import check_logistic_row, check_mann_whitney, mann_whitney_from_counts


def by_check(findings):
    return {f.check: f.verdict for f in findings}


def test_logistic_row_by_hand():
    # B = 0.693, SE = 0.200: OR = exp(0.693) = 2.000; Wald = (0.693/0.2)^2 = 12.006, chi-square(1) p = 0.0005;
    # CI = exp(0.693 -/+ 1.96*0.2) = 1.351 to 2.960.
    verdicts = by_check(check_logistic_row(B="0.693", SE="0.200", wald="12.006", p="0.001", OR="2.000",
                                           ci_lower="1.351", ci_upper="2.960"))
    assert set(verdicts.values()) == {"consistent"}
    assert len(verdicts) == 6


def test_logistic_row_inconsistencies():
    verdicts = by_check(check_logistic_row(B="0.693", SE="0.200", wald="8.000", OR="2.500",
                                           ci_lower="1.351", ci_upper="2.960"))
    assert verdicts["logistic: OR = exp(B)"] == "minor"
    assert verdicts["logistic: Wald = (B/SE)^2"] == "minor"
    assert verdicts["logistic: OR at geometric centre of CI"] == "minor"
    assert verdicts["logistic: CI = exp(B ± z·SE)"] == "consistent"


def test_logistic_p_from_or_and_ci():
    # OR 2.000 with CI 1.351-2.960 implies SE = ln(2.960/1.351)/3.92 = 0.2000, z = 3.466, p = 0.0005.
    verdicts = by_check(check_logistic_row(OR="2.000", ci_lower="1.351", ci_upper="2.960", p="0.200"))
    assert verdicts["logistic: p from OR and CI"] == "decision"
    with pytest.raises(ValueError, match="too few"):
        check_logistic_row(OR="2.0")


def test_mann_whitney_by_hand():
    # Group A: two 0s, one 1; group B: one 0, two 1s. U1 = 0.5+0.5 + 0.5+0.5 + 1 = 3 (ties count half);
    # U2 = 9 - 3 = 6. Tie-corrected variance: 9/12 * (7 - (24 + 24)/30) = 4.05; z = (3 - 4.5)/2.0125 = -0.745.
    mw = mann_whitney_from_counts([2, 1], [1, 2])
    assert mw.U1 == 3 and mw.U == 3
    assert mw.z == pytest.approx(-1.5 / math.sqrt(4.05), abs=1e-9)
    assert mw.p == pytest.approx(0.4561, abs=1e-4)


def test_mann_whitney_check():
    f = check_mann_whitney([2, 1], [1, 2], statistic="0.745", kind="z", p="0.456")
    assert f.verdict == "consistent"
    assert check_mann_whitney([2, 1], [1, 2], statistic="3.10", kind="z", p="0.002").verdict == "decision"
    with pytest.raises(ValueError, match="equally long"):
        mann_whitney_from_counts([1, 2], [1, 2, 3])
