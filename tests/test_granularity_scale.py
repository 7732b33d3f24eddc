"""Granularity at any n: the constant-time paths agree with the exhaustive ones, answer at huge n, and the
table-level GRIM, GRIMMER and DEBIT match the scalar functions row by row."""
import math
from fractions import Fraction

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from recheck.granularity import (
    Totals, check_debit, check_grim, check_grimmer, check_sd_bounds, debit_consistent, debit_table, debit_test,
    grim_consistent, grim_sums, grim_table, grim_totals, grimmer_consistent, grimmer_table, grimmer_test, sd_bounds,
)
from recheck.rounding import parse_rounded
from recheck.validate import ImpossibleValue


# ---------------------------------------------------------------------------------------------------------------
# The exhaustive algorithms as they were before the constant-time rewrite (verbatim but for names): every total
# the mean allows is listed and tried. They are the reference the fast paths must reproduce for small n.

def _ceil(x):
    return -((-x.numerator) // x.denominator)


def _floor(x):
    return x.numerator // x.denominator


def old_grim_sums(mean, n, items=1, unit=1):
    lo, hi = parse_rounded(mean).exact_interval()
    size = n * Fraction(items, unit)
    return list(range(_ceil(lo * size), _floor(hi * size) + 1))


def old_min_squares(total, n):
    q, r = divmod(total, n)
    return r * (q + 1) ** 2 + (n - r) * q**2


def old_grimmer(mean, sd, n, items=1, unit=1):
    s_lo, s_hi = parse_rounded(sd).exact_interval()
    s_lo = max(s_lo, Fraction(0))
    fitting = []
    g = Fraction(items, unit)
    for total in old_grim_sums(mean, n, items, unit):
        offset = Fraction(total * total, n)
        q_lo = (n - 1) * (g * s_lo) ** 2 + offset
        q_hi = (n - 1) * (g * s_hi) ** 2 + offset
        first = max(_ceil(q_lo), old_min_squares(total, n))
        if first % 2 != total % 2:
            first += 1
        if first <= q_hi:
            fitting.append(total)
    return tuple(fitting)


def old_debit(mean, sd, n):
    m_lo, m_hi = parse_rounded(mean).exact_interval()
    s_lo, s_hi = parse_rounded(sd).exact_interval()
    fitting = []
    for k in range(max(0, _ceil(m_lo * n)), min(n, _floor(m_hi * n)) + 1):
        var = Fraction(k * (n - k), n * (n - 1))
        if max(s_lo, Fraction(0)) ** 2 <= var <= s_hi**2:
            fitting.append(k)
    return tuple(fitting)


def old_sd_bounds(mean, n, lower, upper, items=1, unit=1):
    g = Fraction(items, unit)
    a, b = math.ceil(Fraction(lower) * g), math.floor(Fraction(upper) * g)
    totals = [s for s in old_grim_sums(mean, n, items, unit) if a * n <= s <= b * n]
    if not totals:
        return None

    def sd_of(total, squares):
        return math.sqrt(float((Fraction(squares) - Fraction(total * total, n)) / (n - 1) / g**2))

    def max_squares(total):
        tops, rest = divmod(total - a * n, b - a) if b > a else (0, 0)
        if tops >= n:
            return n * b * b
        return tops * b * b + (n - tops - 1) * a * a + (a + rest) ** 2

    return (min(sd_of(s, old_min_squares(s, n)) for s in totals), max(sd_of(s, max_squares(s)) for s in totals))


def printed(draw, lo, hi, decimals):
    value = draw(st.integers(lo * 10**decimals, hi * 10**decimals))
    text = f"{abs(value) // 10**decimals}" + (f".{abs(value) % 10**decimals:0{decimals}d}" if decimals else "")
    return ("-" if value < 0 else "") + text


@st.composite
def granular_inputs(draw):
    n = draw(st.integers(2, 60))
    mean = printed(draw, -3, 12, draw(st.integers(0, 3)))
    sd = printed(draw, 0, 6, draw(st.integers(0, 3)))
    return mean, sd, n, draw(st.integers(1, 4)), draw(st.integers(1, 3))


# ---------------------------------------------------------------------------------------------------------------
# Fast paths agree with the exhaustive ones.

@settings(max_examples=400, deadline=None)
@given(granular_inputs())
def test_grim_and_grimmer_agree_with_exhaustive(args):
    mean, sd, n, items, unit = args
    assert list(grim_totals(mean, n, items, unit)) == old_grim_sums(mean, n, items, unit)
    assert grim_sums(mean, n, items, unit) == old_grim_sums(mean, n, items, unit)
    expected = old_grimmer(mean, sd, n, items, unit)
    result = grimmer_test(mean, sd, n, items, unit)
    assert tuple(result.sums) == expected and result.sums == expected and result.consistent == bool(expected)
    assert grimmer_consistent(mean, sd, n, items, unit) == bool(expected)
    assert len(result.sums) == len(expected)
    for total in range(min(expected, default=0) - 2, max(expected, default=0) + 3):
        assert (total in result.sums) == (total in expected)


@st.composite
def proportions(draw):
    n = draw(st.integers(2, 400))
    decimals = draw(st.integers(0, 4))
    return printed(draw, 0, 1, decimals), printed(draw, 0, 1, draw(st.integers(0, 4))), n


@settings(max_examples=400, deadline=None)
@given(proportions())
def test_debit_agrees_with_exhaustive(args):
    mean, sd, n = args
    expected = old_debit(mean, sd, n)
    result = debit_test(mean, sd, n)
    assert tuple(result.sums) == expected and result.consistent == bool(expected)
    assert debit_consistent(mean, sd, n) == bool(expected)


@settings(max_examples=300, deadline=None)
@given(granular_inputs(), st.integers(0, 3), st.integers(4, 20))
def test_sd_bounds_agree_with_exhaustive(args, lower, width):
    mean, _, n, items, unit = args
    upper = lower + width
    m = parse_rounded(mean)
    if m.hi < lower or m.lo > upper:
        with pytest.raises(ImpossibleValue, match="outside the scale"):
            sd_bounds(mean, n, lower, upper, items=items, unit=unit)
        return
    expected = old_sd_bounds(mean, n, lower, upper, items, unit)
    if expected is None:
        with pytest.raises(ImpossibleValue, match="no whole-number data"):
            sd_bounds(mean, n, lower, upper, items=items, unit=unit)
    else:
        assert sd_bounds(mean, n, lower, upper, items=items, unit=unit) == expected


@pytest.mark.parametrize("n", [2, 3, 7, 13, 24, 37, 50])
def test_narrow_sd_windows_agree_with_exhaustive(n):
    # Means printed without decimals and SDs with three: the SD window is narrower than 2n values of T, and the
    # mean allows many totals, so the candidate-remainder path (not the list of totals) decides.
    rows = [(mean, sd, n, items) for mean in ("3", "4", "2.5", "-1")
            for sd in ("0.000", "0.001", "0.150", "0.505", "1.000", "1.234", "0.5") for items in (1, 3)]
    expected = [old_grimmer(*row) for row in rows]
    assert [grimmer_test(*row).sums for row in rows] == expected
    assert [grimmer_consistent(*row) for row in rows] == [bool(e) for e in expected]
    frame = pd.DataFrame(rows, columns=["mean", "sd", "n", "items"])
    assert grimmer_table(frame)["consistent"].tolist() == [bool(e) for e in expected]


def test_residue_rule_by_hand():
    # n = 5, S = 15 (mean 3.00), SD 1.58: Q in [54.92, 55.05]. In T = nQ − S²: T = 5·55 − 225 = 50, and
    # r = 15 mod 5 = 0, so T must be ≡ r(n − r) = 0 (mod 10) and >= 0: 50 is. SD 1.66 needs Q = 56 (T = 55),
    # which is ≡ 5 (mod 10): no whole data (the published example, now through the residue rule).
    assert grimmer_test("3.00", "1.58", 5).sums == (15,)
    assert not grimmer_consistent("3.00", "1.66", 5)


def test_totals_sequence_by_hand():
    # Totals from 7 to 30 whose remainder mod 10 is 0-1 or 8: 8, 10, 11, 18, 20, 21, 28, 30.
    t = Totals(7, 30, 10, [(0, 1), (8, 8)])
    assert list(t) == [8, 10, 11, 18, 20, 21, 28, 30] and len(t) == 8
    assert t[0] == 8 and t[-1] == 30 and t[3] == 18 and t[1:3] == (10, 11)
    assert 21 in t and 22 not in t and 38 not in t and 5 not in t
    assert t == (8, 10, 11, 18, 20, 21, 28, 30) and t != (8, 10)
    empty = Totals(7, 6, 10, [(0, 9)])
    assert len(empty) == 0 and not empty and empty == ()
    with pytest.raises(IndexError):
        empty[0]


# ---------------------------------------------------------------------------------------------------------------
# Huge n: constant time and memory (a list of totals would not fit; the 10 ms targets are measured in
# tools/bench.py, not here).

def test_grim_at_a_trillion():
    # 3.45 at n = 10^12: totals from ⌈3.445·10^12⌉ to ⌊3.455·10^12⌋, 10^10 + 1 of them, as a range.
    totals = grim_totals("3.45", 10**12)
    assert totals == range(3_445_000_000_000, 3_455_000_000_001)
    assert grim_consistent("3.45", 10**12)
    assert "cannot detect" in check_grim("3.45", 10**12).explanation
    with pytest.raises(ValueError, match="use grim_totals"):
        grim_sums("3.45", 10**12)
    # With 13 decimals GRIM bites again: 3.4500000000001 needs S/10^12 in
    # [3.45000000000005, 3.45000000000015] · 10^12 = [3450000000000.05, 3450000000000.15]: no whole S.
    assert not grim_consistent("3.4500000000001", 10**12)


def test_grimmer_at_a_billion():
    # Mean 3.45, SD 1.23, n = 10^9: t_hi = ⌊n(n−1)·1.235²⌋ is far above n²/4, so every remainder fits and all
    # 10^7 + 1 totals from 3,445,000,000 to 3,455,000,000 fit.
    result = grimmer_test("3.45", "1.23", 10**9)
    assert result.consistent and len(result.sums) == 10_000_001
    assert result.sums[0] == 3_445_000_000 and result.sums[-1] == 3_455_000_000
    # SD printed 0.00 with mean 3.45: the scores can hardly vary. T <= ⌊n(n−1)·0.005²⌋ = 24,999,999,975,000
    # (< n²/4), so only totals within about 2·t_hi/n = 5·10^4 of a multiple of n fit; the mean's range
    # [3.445·10^9, 3.455·10^9] lies 4.45·10^8 from the nearest multiple (3·10^9 or 4·10^9): nothing fits.
    assert not grimmer_consistent("3.45", "0.00", 10**9)
    assert check_grimmer("3.45", "0.00", 10**9).verdict == "impossible"
    # Mean 3.00: S = 3·10^9 is a multiple of n, r = 0, T = 0 is allowed: all scores equal 3.
    assert grimmer_consistent("3.00", "0.00", 10**9)


def test_debit_and_sd_bounds_at_a_billion():
    # p = 0.45, n = 10^9: SD = sqrt(k(n−k)/(n(n−1))) is 0.4975 for every k the mean allows; "0.50" fits.
    assert debit_consistent("0.45", "0.50", 10**9)
    assert not debit_consistent("0.45", "0.40", 10**9)
    assert "counts 445000000 to 455000000" in check_debit("0.45", "0.40", 10**9).recomputed
    # 0-10 scale, mean 5.00 at n = 10^9: smallest SD 0 (all fives), largest with half at 0 and half at 10:
    # sqrt(n·25/(n−1)) = 5.0000000025.
    lo, hi = sd_bounds("5.00", 10**9, 0, 10)
    assert lo == 0 and hi == pytest.approx(math.sqrt(25 * 10**9 / (10**9 - 1)))
    assert check_sd_bounds("5.00", "2.00", 10**9, 0, 10).verdict == "consistent"


# ---------------------------------------------------------------------------------------------------------------
# Table-level functions: identical to the scalar ones on 100,000 random rows.

def random_rows(rows: int = 100_000, distinct: int = 20_000, seed: int = 20261123) -> pd.DataFrame:
    """100,000 rows drawn from 20,000 distinct random ones (so the scalar side stays fast): means from real
    whole-number totals or shifted off them, SDs near and far from possible ones (zero SDs included), n from 2 to
    several thousand (wide, narrow and long-range rows), items 1-5, and a few huge n that need Python integers."""
    rng = np.random.default_rng(seed)
    n = np.concatenate([rng.integers(2, 120, distinct - distinct // 5), rng.integers(120, 5000, distinct // 5)])
    n[:50] = rng.integers(10**9, 10**12, 50)
    items = rng.integers(1, 6, distinct)
    items[rng.random(distinct) < 0.6] = 1
    decimals = rng.integers(0, 4, distinct)
    mean = (rng.integers(0, 10 * n * items) + rng.integers(-1, 2, distinct) * rng.random(distinct)) / (n * items)
    sd_decimals = rng.integers(0, 4, distinct)
    sd = rng.gamma(2.0, 1.0, distinct) * (rng.random(distinct) < 0.95)
    p = rng.integers(0, n + 1) / n + (rng.random(distinct) < 0.3) * rng.normal(0, 0.01, distinct)
    p = np.clip(p, 0, 1)
    p_sd = np.sqrt(p * (1 - p) * n / (n - 1)) + (rng.random(distinct) < 0.5) * rng.normal(0, 0.02, distinct)
    fmt = lambda x, d: f"{x:.{d}f}"  # noqa: E731
    pool = pd.DataFrame({
        "mean": [fmt(x, d) for x, d in zip(mean, decimals)], "sd": [fmt(x, d) for x, d in zip(sd, sd_decimals)],
        "n": n, "items": items,
        "p": [fmt(x, d) for x, d in zip(p, decimals % 3 + 1)], "p_sd": [fmt(abs(x), d) for x, d in zip(p_sd, sd_decimals % 3 + 1)],
    })
    return pool.iloc[rng.integers(0, distinct, rows)].reset_index(drop=True)


def test_tables_match_the_scalar_functions():
    frame = random_rows()
    unique = frame.drop_duplicates()
    grim = {(r.mean, r.n, r.items): grim_consistent(r.mean, int(r.n), int(r.items)) for r in unique.itertuples()}
    grimmer = {(r.mean, r.sd, r.n, r.items): grimmer_consistent(r.mean, r.sd, int(r.n), int(r.items))
               for r in unique.itertuples()}
    debit = {(r.p, r.p_sd, r.n): debit_consistent(r.p, r.p_sd, int(r.n)) for r in unique.itertuples()}
    by_grim = grim_table(frame[["mean", "n", "items"]])["consistent"]
    by_grimmer = grimmer_table(frame[["mean", "sd", "n", "items"]])["consistent"]
    by_debit = debit_table(frame[["p", "p_sd", "n"]].rename(columns={"p": "mean", "p_sd": "sd"}))["consistent"]
    rows = list(frame.itertuples())
    assert by_grim.tolist() == [grim[(r.mean, r.n, r.items)] for r in rows]
    assert by_grimmer.tolist() == [grimmer[(r.mean, r.sd, r.n, r.items)] for r in rows]
    assert by_debit.tolist() == [debit[(r.p, r.p_sd, r.n)] for r in rows]
    # The sample exercises both answers of every check.
    for column in (by_grim, by_grimmer, by_debit):
        assert 0.05 < column.mean() < 0.95


def test_table_known_answers():
    # GRIM: 3.48 with n = 20 fails (means of k/20 end in 0 or 5), 3.45 passes; 2.10 with 3 items, n = 10 passes
    # (63/30), 2.12 fails (63.6/30). GRIMMER: 3.00/1.58/5 passes (Q = 55), 3.00/1.66/5 fails (Q = 56 is even).
    # DEBIT: 0.30/0.48/10 passes (k = 3, SD 0.483), 0.30/0.50/10 fails.
    grim = grim_table(pd.DataFrame({"mean": ["3.48", "3.45", "2.10", "2.12"], "n": [20, 20, 10, 10],
                                    "items": [1, 1, 3, 3]}))
    assert grim["consistent"].tolist() == [False, True, True, False]
    grimmer = grimmer_table(pd.DataFrame({"mean": ["3.00", "3.00"], "sd": ["1.58", "1.66"], "n": ["5", "5"]}))
    assert grimmer["consistent"].tolist() == [True, False]
    debit = debit_table(pd.DataFrame({"mean": ["0.30", "0.30"], "sd": ["0.48", "0.50"], "n": [10, 10]}))
    assert debit["consistent"].tolist() == [True, False]
    # The input comes back unchanged beside the new column.
    assert list(grim.columns) == ["mean", "n", "items", "consistent"] and grim["mean"].tolist()[0] == "3.48"


def test_tables_with_huge_numbers_stay_exact():
    # Means with 20 digits and n near 10^15 overflow int64: the tables switch to Python integers.
    frame = pd.DataFrame({"mean": ["12345678901234.567890", "3.45"], "sd": ["1.5", "1.23"],
                          "n": [10**15 + 1, 10**9]})
    assert grim_table(frame)["consistent"].tolist() == [grim_consistent(m, n) for m, n in zip(frame["mean"],
                                                                                             frame["n"])]
    assert grimmer_table(frame)["consistent"].tolist() == [
        grimmer_consistent(m, s, n) for m, s, n in zip(frame["mean"], frame["sd"], frame["n"])]
