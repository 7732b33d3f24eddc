"""Percentages, totals, flow, p from statistics."""
import pandas as pd
import pytest

from recheck import (check_flow, check_p_value, check_percent, check_total, counts_matching_percent,
                     p_from_statistic, percent_table, wilson_interval)


def test_percent_by_hand():
    # 25/52 = 48.077%: "48.08" fits, "48.06" does not (no count out of 52 gives 48.06).
    assert check_percent(25, 52, "48.08").verdict == "consistent"
    f = check_percent(25, 52, "48.06")
    assert f.verdict == "minor" and "no whole count" in f.explanation
    assert list(counts_matching_percent("48.08", 52)) == [25]
    # 50.0% of 10^12: counts from ⌈0.4995·10^12⌉ to ⌊0.5005·10^12⌋, a range of 10^9 + 1 counts, not a list.
    assert counts_matching_percent("50.0", 10**12) == range(499_500_000_000, 500_500_000_001)
    assert check_percent(60, 52, "115.38").verdict == "impossible"


def test_percent_table_vectorised():
    out = percent_table(pd.DataFrame({"count": [25, 32], "n": [52, 52], "percent": ["48.06", "61.54"]}))
    assert out["consistent"].tolist() == [False, True]
    with pytest.raises(ValueError, match="row 0"):
        percent_table(pd.DataFrame({"count": [1], "n": [0], "percent": ["1.0"]}))


def test_flow_and_totals():
    assert check_flow(130, {"excluded": 16, "incomplete data": 10}, 104).verdict == "consistent"
    assert check_flow(130, {"excluded": 16}, 104).verdict == "concern"
    assert check_total({"a": 52, "b": 52}, 104).verdict == "consistent"
    assert check_total({"a": 52, "b": 51}, 104).verdict == "concern"


def test_wilson_by_hand():
    # 8/52: p = 0.1538, z = 1.96; centre = (p + z²/2n)/(1 + z²/n) = 0.1736, half-width 0.0944.
    lo, hi = wilson_interval(8, 52)
    assert lo == pytest.approx(0.0802, abs=5e-4) and hi == pytest.approx(0.2756, abs=5e-4)


def test_statcheck_documented_example():
    # statcheck's README example: t(28) = 2.2, p < .05 (recomputed p = .036) is consistent.
    assert check_p_value("t", "2.2", "< .05", df1=28).verdict == "consistent"


def test_critical_values_from_tables():
    # Printed tables: chi2(1) = 3.841 and z = 1.960 sit at p = .05; t(28) = 2.048 too.
    assert p_from_statistic("chi2", 3.841, 1) == pytest.approx(0.05, abs=1e-4)
    assert p_from_statistic("z", 1.960) == pytest.approx(0.05, abs=1e-4)
    assert p_from_statistic("t", 2.048, 28) == pytest.approx(0.05, abs=1e-3)
    assert p_from_statistic("F", 4.00, 1, 60) == pytest.approx(p_from_statistic("t", 2.0, 60))


def test_decision_error_and_one_tailed_note():
    # t(28) = 1.80 lies between the .10 (1.701) and .05 (2.048) critical values: p = .04 is a decision error,
    # and it equals the one-tailed p.
    f = check_p_value("t", "1.80", "0.04", df1=28)
    assert f.verdict == "decision" and "one-tailed" in f.explanation


def test_impossible_values():
    assert check_p_value("chi2", "-1.2", "0.30", df1=1).verdict == "impossible"
    over_one = check_p_value("t", "2.0", "1.30", df1=10)
    assert over_one.verdict == "impossible" and over_one.recomputed == "P [0.068, 0.080]"
    with pytest.raises(ValueError, match="degrees of freedom"):
        check_p_value("F", "3.0", "0.05", df1=2)


def test_rounded_statistic_interval():
    # F(1, 102) = 22.301: any value in [22.3005, 22.3015] gives p < 0.001.
    assert check_p_value("F", "22.301", "< 0.001", df1=1, df2=102).verdict == "consistent"
    # chi2(1) = 0.641 gives p = 0.423.
    assert check_p_value("chi2", "0.641", "0.423", df1=1).verdict == "consistent"


def test_assumed_df_stay_out_of_reported():
    # Rule 1e: df taken from the design go in the assumption; printed df may appear in what was reported.
    assumed = check_p_value("F", "22.301", "< 0.001", df1=1, df2=102)
    assert assumed.reported == "F = 22.301, P < 0.001" and "df 1, 102 (from the design" in assumed.assumption
    printed = check_p_value("t", "2.20", "0.04", df1=28, df_printed=True)
    assert printed.reported.startswith("t(28) = 2.20") and "(as printed)" in printed.assumption
