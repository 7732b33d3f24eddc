"""The statcheck-like scanner: statcheck's own documented examples, clinical formats, and laws that must hold.

Where a test quotes statcheck, the text and the expected error / decision_error come from statcheck's test
suite (MicheleNuijten/statcheck, tests/testthat/test-error.R and test-decisionerror.R); the p-values quoted
in comments were computed with scipy (stats.t.sf, stats.chi2.sf, stats.norm.sf) unless marked "by hand".
"""
import math

import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st
from scipy import stats

from recheck.findings import VERDICTS
from recheck.scan import SCAN_COLUMNS, find_results, mentions_one_tailed, printed_p, scan_text


def one(text, **options):
    """The single row a one-result text scans to."""
    frame = scan_text(text, **options)
    assert len(frame) == 1, frame["raw"].tolist()
    return frame.iloc[0]


def flags(text, **options):
    row = one(text, **options)
    return bool(row["error"]), bool(row["decision_error"])


# --- statcheck's documented examples ------------------------------------------------------------------------

def test_parsed_columns_for_an_apa_t_test():
    row = one("The effect was significant, t(28) = 2.20, p = .03.")
    assert row["raw"] == "t(28) = 2.20, p = .03"
    assert (row["test_type"], row["test_comp"], row["test_value"], row["p_comp"], row["reported_p"]) == \
        ("t", "=", "2.20", "=", ".03")
    # statcheck puts a t's df in df2 and leaves df1 empty.
    assert math.isnan(row["df1"]) and row["df2"] == 28
    # scipy: 2 * t.sf(2.20, 28) = 0.03623; over [2.195, 2.205] p runs 0.03584 .. 0.03662.
    assert row["computed_p"] == pytest.approx(2 * stats.t.sf(2.20, 28))
    assert row["computed_p_lo"] == pytest.approx(0.035836, abs=1e-6)
    assert row["computed_p_hi"] == pytest.approx(0.036619, abs=1e-6)
    # .03 stands for [.025, .035]: it misses [.0358, .0366], an error that does not cross .05.
    assert (row["error"], row["decision_error"], row["verdict"]) == (True, False, "minor")
    assert "0.036" in row["explanation"] and "unchanged" in row["explanation"]


def test_statcheck_placement_of_degrees_of_freedom():
    frame = scan_text("F(2, 57) = 3.41, p < .05; r(48) = .31, p = .03; χ2(1, N = 100) = 4.12, p = .04; "
                      "z = 2.05, p = .04; Q(3) = 7.2, p = .07")
    assert frame["test_type"].tolist() == ["F", "r", "chi2", "z", "Q"]
    assert frame["df1"].tolist()[0] == 2 and frame["df2"].tolist()[0] == 57
    assert math.isnan(frame["df1"][1]) and frame["df2"][1] == 48
    assert frame["df1"][2] == 1 and math.isnan(frame["df2"][2])       # N = 100 is not a df
    assert frame[["df1", "df2"]].iloc[3].isna().all()
    assert frame["df1"][4] == 3
    # scipy: F(2, 57) = 3.41 -> p = 0.0399; r(48) = .31 -> t = 2.263 -> p = 0.0285;
    # chi2(1) = 4.12 -> 0.0424; z = 2.05 -> 0.0404; chi2(3) = 7.2 -> 0.0658.
    assert frame["computed_p"].round(4).tolist() == [0.0399, 0.0285, 0.0424, 0.0404, 0.0658]
    assert frame["verdict"].tolist() == ["consistent"] * 5


@pytest.mark.parametrize("text", [
    "t(28) = 2.20, p = .03", "F(2, 28) = 2.20, p = .15", "r(28) = .22, p = .26",
    "chi2(28) = 22.20, p = .79", " z = 2.20, p = .04", "Q(28) = 22.20, p = .79",
])
def test_statcheck_simple_errors(text):
    # statcheck test-error.R: every one of these is an error, none a decision error.
    assert flags(text) == (True, False)
    assert one(text)["verdict"] == "minor"


@pytest.mark.parametrize("text", [
    "t(28) = 2.20, p = .06", "t(28) = 1.20, p = .03", "F(2, 28) = 22.20, p = .06", "F(2, 28) = 2.20, p = .03",
    "r(28) = .22, p = .03", "r(28) = .52, p = .06", "chi2(28) = 2.20, p = .03", "chi2(28) = 52.20, p = .06",
    " z = 1.20, p = .03", " z = 2.20, p = .06", "Q(28) = 2.20, p = .03", "Q(28) = 52.20, p = .06",
])
def test_statcheck_simple_decision_errors(text):
    # statcheck test-decisionerror.R: all are decision errors (and so errors).
    assert flags(text) == (True, True)
    assert one(text)["verdict"] == "decision"


@pytest.mark.parametrize("text", [
    "t(28) = 2, p = .02", "t(28) = 2, p = .14", "t(28) = 2.2, p = .03", "t(28) = 2.2, p = .04",
    "t(28) = 2.20, p = .036", "t(28) = 2.20, p = .037",
])
def test_statcheck_correct_rounding_is_no_error(text):
    # statcheck test-error.R: t = 2 stands for [1.5, 2.5], so p anywhere in .020 .. .144 is correct;
    # t = 2.2 stands for [2.15, 2.25]: p .0325 .. .0403.
    assert flags(text) == (False, False)
    assert one(text)["verdict"] == "consistent"


def test_statcheck_negative_statistics():
    # scipy: |z| in [2.415, 2.425] gives p .0153 .. .0157, which holds .016 after rounding; t's sign is ignored.
    assert flags(" Z = -2.42, p = 0.016") == (False, False)
    assert flags("t(28) = -2.20, p = .03") == (True, False)


def test_statcheck_inexact_p_values():
    assert flags("t(28) = 2.20, ns") == (True, True)          # ns reads as p > alpha; p is .036
    assert flags("t(28) = 2.20, p > .05") == (True, True)
    assert flags("t(28) = 2.0, p < .05") == (False, False)    # t = 2.0 allows p down to .0499
    assert one("t(28) = 2.20, ns")["p_comp"] == "ns" and one("t(28) = 2.20, ns")["reported_p"] is None


@pytest.mark.parametrize("text, error", [
    # statcheck test-error.R with t(28) = 2.2: p over [2.15, 2.25] is .0325 .. .0403 (scipy).
    ("t(28) = 2.2, p = .036", False), ("t(28) = 2.2, p < .08", False), ("t(28) = 2.2, p > .02", False),
    ("t(28) = 2.2, p = .08", True), ("t(28) = 2.2, p = .02", True), ("t(28) = 2.2, p > .08", True),
    ("t(28) = 2.2, p < .02", True),
    # A statistic printed with < is a bound: t < 2.2 allows p of .0362 or more.
    ("t(28) < 2.2, p = .08", False), ("t(28) < 2.2, p > .08", False), ("t(28) < 2.2, p < .08", False),
    ("t(28) < 2.2, p > .02", False), ("t(28) < 2.2, p < .02", True), ("t(28) < 2.2, p = .02", True),
    # ... and t > 2.2 allows p of .0362 or less.
    ("t(28) > 2.2, p = .02", False), ("t(28) > 2.2, p > .02", False), ("t(28) > 2.2, p < .02", False),
    ("t(28) > 2.2, p < .08", False), ("t(28) > 2.2, p > .08", True), ("t(28) > 2.2, p = .08", True),
])
def test_statcheck_exact_and_inexact_statistics(text, error):
    assert flags(text)[0] is error


T04, T05, T06 = (float(stats.t.isf(p / 2, 28)) for p in (0.04, 0.05, 0.06))   # t(28) at two-sided p .04, .05, .06


@pytest.mark.parametrize("t, p, when_equal_is_significant, when_not", [
    # statcheck test-decisionerror.R, "t = ..., p = ...": t printed with full precision, so p is a point.
    (T04, ".04", False, False), (T05 + 0.0001, ".04", False, None), (T05 - 0.0001, ".04", None, True),
    (T06, ".04", True, True), (T04, ".05", False, True), (T05, ".05", False, False), (T06, ".05", True, False),
    (T04, ".06", True, True), (T05 + 0.0001, ".06", True, None), (T05 - 0.0001, ".06", None, False),
    (T06, ".06", False, False),
])
def test_statcheck_decision_error_grid(t, p, when_equal_is_significant, when_not):
    text = f"t(28) = {t!r}, p = {p}"
    if when_equal_is_significant is not None:
        assert flags(text)[1] is when_equal_is_significant
    if when_not is not None:
        assert flags(text, p_equal_alpha_significant=False)[1] is when_not


def test_statcheck_alpha_levels():
    assert flags("t(28) = 2.20, p = .11", alpha=0.10)[1]
    assert flags("t(28) = 1.20, p = .09", alpha=0.10)[1]
    assert flags("t(28) = 5.20, p = .02", alpha=0.01)[1]
    assert flags("t(28) = 1.20, p = .005", alpha=0.01)[1]
    assert "alpha = 0.01" in one("t(28) = 5.20, p = .02", alpha=0.01)["explanation"]


def test_statcheck_p_equal_to_alpha():
    # p = .05 against a computed .036: an error either way; a decision error only when p = alpha is not
    # significant.
    assert flags("t(28) = 2.20, p = .05") == (True, False)
    assert flags("t(28) = 2.20, p = .05", p_equal_alpha_significant=False) == (True, True)
    assert flags("t(28) = 2.20, p = .10", alpha=0.10) == (True, False)
    assert flags("t(28) = 2.20, p = .10", alpha=0.10, p_equal_alpha_significant=False) == (True, True)


def test_statcheck_one_tailed_tests():
    assert flags("t(28) = 2.20, p = .02", one_tailed=True) == (False, False)   # one-tailed p = .0181
    assert flags("t(28) = 2.20, p = .04", one_tailed=True)[0]
    frame = scan_text("this test is one-tailed: t(28) = 2.20, p = .02, but this one is not: t(28) = 2.20, p = .04",
                      one_tailed=True)
    assert frame["error"].tolist() == [False, True]
    assert one("t(28) = 2.20, p = .02", one_tailed=True)["computed_p"] == pytest.approx(stats.t.sf(2.2, 28))


def test_statcheck_one_tailed_in_text():
    one_tailed_p = stats.t.sf(2.20, 28)   # scipy: 0.01811
    assert flags("t(28) = 2.20, p = .018")[0]
    assert flags("t(28) = 2.20, p = .018", one_tailed_in_text=True)[0]          # the text does not say so
    assert flags("t(28) = 2.20, p = .01, one-tailed", one_tailed_in_text=True)[0]  # wrong either way
    assert flags("t(28) = 2.20, p = .018, one-tailed")[0]                         # option off
    for word in ("one-tailed", "one-sided", "directional"):
        row = one(f"t(28) = 2.20, p = .018, {word}", one_tailed_in_text=True)
        assert (row["error"], row["verdict"]) == (False, "consistent")
        assert row["computed_p"] == pytest.approx(one_tailed_p)
        assert "one-tailed" in row["assumption"] and "0.036" in row["explanation"]
    assert mentions_one_tailed("a one sided test") and not mentions_one_tailed("two-sided")


def test_statcheck_p_zero():
    text = "t(28) = 22.20, p = .000"
    assert flags(text) == (True, False)
    assert flags(text, p_zero_error=False) == (False, False)     # .000 then reads as p < 0.0005
    row = one(text)
    assert row["verdict"] == "minor"
    assert "SPSS" in row["explanation"] and "p < 0.001" in row["explanation"]
    assert "0.0005" in one(text, p_zero_error=False)["assumption"]
    # p < .000 is always an error in statcheck (its issue #59); no p lies below 0, so here it is impossible.
    for options in ({}, {"p_zero_error": False}):
        row = one("t(28) = 22.20, p < .000", **options)
        assert (row["error"], row["verdict"]) == (True, "impossible")


def test_p_zero_with_a_large_p_is_a_decision_error():
    # scipy: t(28) = 1.20 gives p = .240, far from anything SPSS would print as .000.
    row = one("t(28) = 1.20, p = .000")
    assert (row["error"], row["decision_error"], row["verdict"]) == (True, True, "decision")
    assert "reverses" in row["explanation"]


def test_statcheck_issue_12_rounded_statistic():
    # statcheck issue #12: t(10) = 3 stands for [2.5, 3.5], p .0057 .. .0314, so .009 fits although the p at
    # t = 3 is .0133; the explanation says the fit rests on the rounding (statcheck issue #36).
    row = one("t(10) = 3, p = .009")
    assert row["verdict"] == "consistent"
    assert "fits only because" in row["explanation"]


# --- formats -------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "χ2(1) = 4.12, p = .04", "χ²(1) = 4.12, p = .04", "χ 2(1) = 4.12, p = .04", "X2(1) = 4.12, p = .04",
    "x2(1) = 4.12, p = .04", "chi2(1) = 4.12, p = .04", "chi_2(1) = 4.12, p = .04",
    "chi-square(1) = 4.12, p = .04", "Chi-squared (df = 1) = 4.12, P value = 0.04",
    "Wald χ2 = 4.12, df = 1, P = 0.04", "χ2 = 4.12, df = 1, P=0.04", "χ2(1, N = 11,455) = 4.12, p = .04",
])
def test_chi_square_spellings(text):
    row = one(text)
    assert (row["test_type"], row["df1"], row["verdict"]) == ("chi2", 1, "consistent")


@pytest.mark.parametrize("text", [
    "T(28) = 2.20, p = .03",      # capital T (Wilcoxon's T), as statcheck
    "t(2, 28) = 2.20, p = .03",   # a t has one df
    "F(2) = 2.20, p = .03",       # an F has two
    "z(28) = 2.20, p = .03",      # a z has none
    "t[28] = 2.20, p = .03",
    "at(28) = 2.20, p = .03",
    "a 2x2 = 4, p = .3 table",
    "chi2/t = 5.43, P = 0.02",    # a heading shared by two tests does not say which one was run
    "",
])
def test_text_that_is_not_a_result(text):
    assert scan_text(text).empty


def test_clinical_results_without_df_are_not_checkable_without_a_hint():
    frame = scan_text("(t = 0.782, P = 0.528) and χ2 = 5.429, P = 0.020 and t = 2.31, P < 0.05")
    assert frame["verdict"].tolist() == ["not_checkable"] * 3
    assert frame["error"].isna().all() and frame["computed_p"].isna().all()
    assert "df_hint" in frame["explanation"][0] and "degrees of freedom" in frame["explanation"][0]
    # chi2 = 5.429 with P = 0.020 fits df = 1 (p = .0198), but that fit is no evidence of df = 1.
    assert "not evidence" in frame["explanation"][1]


def test_df_hint_supplies_the_design_df():
    hint = {"t": 102, "chi2": 1}
    frame = scan_text("(t = 0.782, P = 0.528) and χ2 = 5.429, P = 0.020 and t = 2.31, P < 0.05", df_hint=hint)
    # scipy: t(102) = 0.782 gives p = .436 (never .528 at any df: .44 .. .48 for df 4 .. 100);
    # chi2(1) = 5.429 gives .0198; t(102) = 2.31 gives .0229.
    assert frame["verdict"].tolist() == ["minor", "consistent", "consistent"]
    assert frame["df2"][0] == 102 and frame["df1"][1] == 1
    assert all("assumed from the design (df_hint)" in a for a in frame["assumption"])
    # A printed df wins over the hint.
    assert one("t(28) = 2.20, p = .036", df_hint={"t": 102})["df2"] == 28


def test_other_hints_and_z_without_df():
    assert one("F = 3.41, P = 0.04", df_hint={"F": (2, 57)})["verdict"] == "consistent"   # scipy: .0399
    assert one("r = .31, p = .03", df_hint={"r": 48})["verdict"] == "consistent"           # scipy: .0285
    assert one("Q = 4.1, P = 0.25", df_hint={"Q": 3})["verdict"] == "consistent"           # scipy: .251
    assert one("Z = -2.05, P = 0.04")["verdict"] == "consistent"                           # scipy: .0404


def test_welch_t_prime_and_the_t_over_t_prime_heading():
    # Welch's t' takes its df from the SDs, not from the design: the t hint does not apply.
    assert one("t′ = 2.1, P = 0.04", df_hint={"t": 102})["verdict"] == "not_checkable"
    welch = one("t′ = 2.1, P = 0.04", df_hint={"t'": 61.3})       # scipy: t(61.3) = 2.1 gives p = .0399
    assert (welch["test_type"], welch["verdict"]) == ("t", "consistent")
    heading = one("t/t′ = 2.31, P = 0.023", df_hint={"t": 102})
    assert heading["verdict"] == "consistent" and "Welch" in heading["assumption"]


def test_impossible_values_are_findings():
    frame = scan_text("t(10) = 0.5, P = 1.042; F(1, 20) = -1.2, p = .3; χ2(1) = -0.5, p = .4; "
                      "r(10) = 1.20, p = .01; z = 1.1, p > 1; t(0) = 2.1, p = .04")
    assert frame["verdict"].tolist() == ["impossible"] * 6
    assert frame["error"].tolist() == [True] * 6 and frame["decision_error"].isna().all()
    assert "between 0 and 1" in frame["explanation"][0]
    # The statistic itself is fine, so its p is still given: scipy 2 * t.sf(0.5, 10) = 0.628.
    assert frame["computed_p"][0] == pytest.approx(0.628, abs=1e-3)
    assert "cannot be negative" in frame["explanation"][1] and math.isnan(frame["computed_p"][1])
    assert "between -1 and 1" in frame["explanation"][3]
    # r = 1.00 is not impossible: it stands for [0.995, 1.005].
    assert one("r(10) = 1.00, p < .001")["verdict"] == "consistent"


def test_line_numbers_and_order():
    text = ("Intro line.\n\nFirst t(28) = 2.20, p = .036 and z = 2.05, p = .04.\nNothing here.\n"
            "F(2, 57) = 3.41,\np < .05")
    frame = scan_text(text)
    assert frame["line"].tolist() == [3, 3, 5]
    assert frame["test_type"].tolist() == ["t", "z", "F"]
    # Windows and old Mac line ends count as one line end each.
    assert scan_text(text.replace("\n", "\r\n"))["line"].tolist() == [3, 3, 5]
    assert scan_text(text.replace("\n", "\r"))["line"].tolist() == [3, 3, 5]


def test_result_split_across_a_line_break():
    row = one("the difference was significant (t(28) =\n2.20, p =\n.30).")
    assert row["raw"] == "t(28) = 2.20, p = .30" and row["line"] == 1
    assert row["verdict"] == "decision"


def test_full_width_and_unicode_minus():
    full_width = one("ｔ（２８）＝２．２０，ｐ＝．０３６")
    assert (full_width["test_value"], full_width["reported_p"]) == ("2.20", ".036")
    assert full_width["verdict"] == "consistent"
    for minus in ("\u2212", "\u2013"):
        row = one(f"t(28) = {minus}2.20, P = 0.036")
        assert row["test_value"] == "-2.20" and row["verdict"] == "consistent"
    assert one("z = − 2.05, p = .04")["test_value"] == "-2.05"


def test_printed_values_keep_their_zeros():
    row = one("χ2 = 5.430, P = 0.020", df_hint={"chi2": 1})
    assert (row["test_value"], row["reported_p"]) == ("5.430", "0.020")
    assert one("t(28) = 2,000.20, p < .001")["test_value"] == "2000.20"


def test_scientific_p_values():
    # scipy: z = 5.2 gives p = 1.99e-7; over [5.15, 5.25] p runs 1.52e-7 .. 2.60e-7.
    assert one("z = 5.2, P = 2.0 × 10⁻⁷")["verdict"] == "consistent"
    assert one("z = 5.2, p = 2e-7")["verdict"] == "consistent"
    assert one("z = 5.2, p = 9e-7")["verdict"] == "minor"
    value, lo, hi = printed_p("2.0×10-7")
    assert (value, lo, hi) == pytest.approx((2.0e-7, 1.95e-7, 2.05e-7))


def test_empty_text_gives_the_columns():
    frame = scan_text("No statistics in this sentence.")
    assert frame.empty and tuple(frame.columns) == SCAN_COLUMNS
    assert str(frame["error"].dtype) == "boolean" and frame["computed_p"].dtype == float


def test_verdicts_belong_to_the_review_scale():
    frame = scan_text("t(28) = 2.20, p = .30; t = 1.1, p = .3; t(28) = 2.20, p = .03; r(9) = 1.5, p = .1; "
                      "t(28) = 2.20, p = .036")
    assert set(frame["verdict"]) <= set(VERDICTS)
    assert frame["verdict"].tolist() == ["decision", "not_checkable", "minor", "impossible", "consistent"]


def test_callers_mistakes_raise_value_errors():
    with pytest.raises(ValueError, match="alpha"):
        scan_text("t(28) = 2.20, p = .03", alpha=1.5)
    with pytest.raises(ValueError, match="text"):
        scan_text(None)
    with pytest.raises(ValueError, match="'z'"):
        scan_text("", df_hint={"z": 10})
    with pytest.raises(ValueError, match="two df"):
        scan_text("", df_hint={"F": 57})
    with pytest.raises(ValueError, match="df_hint\\['t'\\]"):
        scan_text("", df_hint={"t": 0})


def test_find_results_keeps_printed_text():
    found = find_results("p values: t(28) = 2.20, P<0.05")
    assert [(f.test_type, f.test_value, f.p_comp, f.reported_p) for f in found] == [("t", "2.20", "<", "0.05")]


def test_scanning_is_deterministic():
    text = "t(28) = 2.20, p = .03; χ2 = 5.4, P = .02; z = 1.96, p = .05"
    pd.testing.assert_frame_equal(scan_text(text), scan_text(text))


# --- laws ----------------------------------------------------------------------------------------------------

def _apa_p(p: float) -> str:
    """p as APA prints it: three decimals without the leading zero, or < .001."""
    text = f"{p:.3f}"
    return "< .001" if text == "0.000" else "= " + text.lstrip("0")


@given(t=st.floats(-12, 12, allow_nan=False), df=st.integers(1, 500), decimals=st.integers(0, 3))
def test_apa_reported_scipy_p_always_scans_consistent(t, df, decimals):
    printed_t = f"{t:.{decimals}f}"
    p = 2 * stats.t.sf(abs(float(printed_t)), df)
    row = one(f"as expected, t({df}) = {printed_t}, p {_apa_p(p)}.")
    assert (row["verdict"], row["error"], row["decision_error"]) == ("consistent", False, False)


@given(chi2=st.floats(0, 60, allow_nan=False), df=st.integers(1, 30))
def test_apa_reported_scipy_chi2_p_always_scans_consistent(chi2, df):
    printed = f"{chi2:.2f}"
    p = stats.chi2.sf(float(printed), df)
    assert one(f"χ2({df}) = {printed}, p {_apa_p(p)}")["verdict"] == "consistent"


_FULL_WIDTH = {c: chr(ord(c) + 0xFEE0) for c in "0123456789.,=<()tp"}


@given(t=st.floats(0, 8, allow_nan=False), df=st.integers(1, 200), p=st.floats(0.001, 0.999))
def test_full_width_text_scans_like_ascii(t, df, p):
    ascii_text = f"t({df}) = {t:.2f}, p = {p:.3f}"
    wide = "".join(_FULL_WIDTH.get(c, c) for c in ascii_text)
    keep = ["test_value", "reported_p", "verdict", "error", "decision_error", "computed_p"]
    assert one(wide)[keep].tolist() == one(ascii_text)[keep].tolist()


@given(t=st.floats(-8, 8, allow_nan=False), df=st.integers(1, 200), p=st.floats(0.001, 0.999))
def test_one_tailed_halves_p_and_verdicts_follow_the_flags(t, df, p):
    text = f"t({df}) = {t:.2f}, p = {p:.3f}"
    two, one_sided = one(text), one(text, one_tailed=True)
    assert one_sided["computed_p"] == pytest.approx(two["computed_p"] / 2)
    for row in (two, one_sided):
        expected = "decision" if row["decision_error"] else "minor" if row["error"] else "consistent"
        assert row["verdict"] == expected
        assert not row["decision_error"] or row["error"]


def test_inline_latex_from_pdf_converters():
    # "$\chi^2 = 5.429$ , $P = 0.020$": chi2(1) = 5.429 gives P = 0.0198 (scipy.stats.chi2.sf(5.429, 1)).
    text = r"the difference was significant ( $\chi^2 = 5.429$ ,  $P = 0.020$ ) and ( $\chi^{2} = 0.990$ , $P = 0.320$ )"
    out = scan_text(text, df_hint={"chi2": 1})
    assert list(out["test_type"]) == ["chi2", "chi2"]
    assert list(out["test_value"]) == ["5.429", "0.990"]
    assert list(out["verdict"]) == ["consistent", "consistent"]


def test_f_with_a_subscript_label_and_no_df():
    # "Fintergroup = 59.680" is an F named by its effect; without printed df it is not checkable unless hinted.
    out = scan_text("Fintergroup = 59.680, P < 0.001; Ftime = 110.35, P < 0.001")
    assert list(out["test_type"]) == ["F", "F"] and set(out["verdict"]) == {"not_checkable"}
    hinted = scan_text("Fintergroup = 59.680, P < 0.001", df_hint={"F": (1, 102)})
    assert hinted.loc[0, "verdict"] == "consistent"


def test_words_beginning_with_f_are_not_results():
    assert scan_text("Follow-up = 12 months, and Figure = 2 were reported").empty
