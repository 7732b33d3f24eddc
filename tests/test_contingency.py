"""Association tests from counts: known answers and the variant that matches."""
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck import check_contingency, chi2_2x2_table, contingency_tests, odds_ratio_2x2


def test_pearson_and_yates_by_hand():
    # [[10, 20], [30, 40]]: N = 100, ad - bc = -200, margins 30*70*40*60 = 5,040,000.
    # Pearson = 100 * 200^2 / 5,040,000 = 0.79365; Yates: |O-E| = 2, corrected 1.5,
    # 100^3 * 1.5^2 / 5,040,000 = 0.44643.
    tests = contingency_tests([[10, 20], [30, 40]]).set_index("variant")
    assert tests.loc["pearson", "statistic"] == pytest.approx(0.79365, abs=1e-5)
    assert tests.loc["yates", "statistic"] == pytest.approx(0.44643, abs=1e-5)
    assert tests.loc["pearson", "df"] == 1


def test_fisher_tea_tasting():
    # Fisher's lady tasting tea, 3 of 4 right: two-sided p = 34/70 = 0.4857.
    tests = contingency_tests([[3, 1], [1, 3]]).set_index("variant")
    assert tests.loc["fisher", "p"] == pytest.approx(34 / 70, abs=1e-4)


def test_variant_named_pearson_for_complications_example():
    # 2/52 vs 8/52: 104 * (2*44 - 50*8)^2 / (52*52*10*94) = 3.983 (Pearson); Yates would give 2.79.
    f = check_contingency([[2, 50], [8, 44]], statistic="3.983", p="0.046")
    assert f.verdict == "consistent"
    assert "Pearson" in f.explanation and "Yates" not in f.explanation


def test_rxc_table_degrees_of_freedom():
    tests = contingency_tests([[25, 19, 8], [30, 16, 6]]).set_index("variant")
    assert tests.loc["pearson", "df"] == 2
    assert "yates" not in tests.index and "fisher" not in tests.index


def test_mismatch_and_decision():
    assert check_contingency([[10, 20], [30, 40]], statistic="0.900", p="0.343").verdict == "minor"
    assert check_contingency([[10, 20], [30, 40]], statistic="4.500", p="0.034").verdict == "decision"


def test_bad_tables():
    with pytest.raises(ValueError, match="non-negative"):
        contingency_tests([[1, -2], [3, 4]])
    with pytest.raises(ValueError, match="all zeros"):
        contingency_tests([[0, 0], [3, 4]])


def test_vectorised_table_flags_variants():
    frame = pd.DataFrame({"a": [2, 10], "b": [50, 20], "c": [8, 30], "d": [44, 40],
                          "chi2": ["3.983", "0.446"], "p": ["0.046", "0.504"]})
    out = chi2_2x2_table(frame)
    assert out["matches"].tolist() == ["pearson", "yates"]
    assert out["verdict"].tolist() == ["consistent", "consistent"]


cells = st.integers(0, 60)


@settings(max_examples=200, deadline=None)
@given(cells, cells, cells, cells)
def test_vectorised_equals_scipy_and_yates_never_exceeds_pearson(a, b, c, d):
    if min(a + b, c + d, a + c, b + d) == 0:
        return
    out = chi2_2x2_table(pd.DataFrame({"a": [a], "b": [b], "c": [c], "d": [d]}))
    tests = contingency_tests([[a, b], [c, d]]).set_index("variant")
    assert out["pearson"].iloc[0] == pytest.approx(tests.loc["pearson", "statistic"], rel=1e-9, abs=1e-12)
    assert out["yates"].iloc[0] == pytest.approx(tests.loc["yates", "statistic"], rel=1e-9, abs=1e-12)
    assert out["yates"].iloc[0] <= out["pearson"].iloc[0] + 1e-12


def test_crude_odds_ratio_by_hand():
    # [[44, 17], [16, 45]]: OR = 44*45 / (17*16) = 7.279; SE of log OR = sqrt(1/44 + 1/17 + 1/16 + 1/45) = 0.4078;
    # CI = exp(log 7.279 -/+ 1.96 * 0.4078) = 3.274 .. 16.18.
    or_, lo, hi = odds_ratio_2x2([[44, 17], [16, 45]])
    assert or_ == pytest.approx(7.279, abs=1e-3)
    assert lo == pytest.approx(3.274, abs=2e-3) and hi == pytest.approx(16.18, abs=0.01)
    with pytest.raises(ValueError, match="2x2"):
        odds_ratio_2x2([[1, 2, 3], [4, 5, 6]])


def test_table_without_variation():
    # 55 of 55 in both groups have the sign: nothing to compare, so P = 0.364 cannot come from these counts.
    assert check_contingency([[55, 0], [55, 0]], p="0.364").verdict == "impossible"
    assert check_contingency([[55, 0], [55, 0]], p="1.000").verdict == "consistent"
