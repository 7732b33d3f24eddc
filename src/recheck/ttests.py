"""Two-sample t tests from summary statistics (mean, SD, n), Student and Welch, rounding-aware.

The t statistic is monotone in each mean and each SD when the others are held fixed, so its extremes over
the box of rounding intervals lie at the box's 16 corners: evaluating them gives the exact range.
Welch's degrees of freedom depend on the SDs only through u = (s1²/n1)/(s2²/n2); they rise up to
u* = (n1-1)/(n2-1) and fall after it, so their range is found from the ends of u and from u*.
The two-sided p is smaller for larger |t| and for larger df, so its range comes from the range of |t| and df.

SDs printed as zero ("0", "0.0") have the rounding interval [0, half a unit], clipped at 0 (never below, which
would cap |t| at a wrong value). When both SDs can be 0 the standard error can be 0: |t| is unbounded (inf) and
its P reaches 0; Welch's df then runs between its limits n2 − 1 (u = 0) and n1 − 1 (u = inf). A point t with
zero standard error is ±inf (or nan when the means are equal), never a division by zero.

Validation (see `validate`): means are printed numbers, n whole and >= 2, alpha in (0, 1), and a check needs
t, P or a claim (a caller's mistake: ValueError); a negative SD or a P outside 0-1 is impossible
(ImpossibleValue from the computing functions, an `impossible` finding from `check_ttest`). `ttest_table` names
the column and row of a bad cell.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

import numpy as np
import pandas as pd
from scipy import stats

from .cells import PValue
from .findings import Finding
from .grading import (
    Claim, call_sentence, checked_claim, claim_is_possible, claim_to_judge, grade_against_claim,
    grade_statistic_columns, p_bounds_column, p_meets,
)
from .rounding import (
    abs_interval, column_intervals, fmt, fmt_interval, fmt_p, fmt_p_interval, fmt_reported, join_reported, overlaps,
    parse_rounded,
)
from .validate import (
    ImpossibleValue, cell_impossible, impossible_finding, p_column, p_value, printed, probability, real, sample_size,
    sd as printed_sd, table, whole_column,
)


@dataclass(frozen=True)
class TTest:
    t: float
    df: float
    p: float


@dataclass(frozen=True)
class TTestRange:
    """Range of a recomputed t test over the inputs' rounding intervals; `point` uses the printed values."""

    variant: str
    t: tuple[float, float]
    abs_t: tuple[float, float]
    df: tuple[float, float]
    p: tuple[float, float]
    point: TTest


def ttest_from_summary(mean1, sd1, n1, mean2, sd2, n2, equal_var: bool = True) -> TTest:
    """Two-sided two-sample t test from plain numbers (scipy's ttest_ind_from_stats).

    Validation: computing function; finite numbers and n >= 2 (ValueError); a negative SD raises ImpossibleValue.
    With a zero standard error (both SDs 0) t is ±inf and p 0, or both nan when the means are equal; Welch's df
    is then nan (undefined).
    """
    mean1, mean2 = real("mean1", mean1), real("mean2", mean2)
    sd1, sd2 = real("sd1", sd1), real("sd2", sd2)
    for name, value in (("sd1", sd1), ("sd2", sd2)):
        if value < 0:
            raise ImpossibleValue(name, value, "an SD cannot be negative")
    n1, n2 = sample_size("n1", n1, with_sd=True), sample_size("n2", n2, with_sd=True)
    if sd1 == 0 and sd2 == 0:
        diff = mean1 - mean2
        t = math.copysign(math.inf, diff) if diff else math.nan
        return TTest(t, float(n1 + n2 - 2) if equal_var else math.nan, 0.0 if diff else math.nan)
    res = stats.ttest_ind_from_stats(mean1, sd1, n1, mean2, sd2, n2, equal_var=equal_var)
    if equal_var:
        df = n1 + n2 - 2
    else:
        a, b = sd1**2 / n1, sd2**2 / n2
        df = (a + b) ** 2 / (a**2 / (n1 - 1) + b**2 / (n2 - 1))
    return TTest(float(res.statistic), float(df), float(res.pvalue))


def _t_value(m1, s1, n1, m2, s2, n2, equal_var):
    if equal_var:
        pooled = ((n1 - 1) * s1**2 + (n2 - 1) * s2**2) / (n1 + n2 - 2)
        se = np.sqrt(pooled * (1 / n1 + 1 / n2))
    else:
        se = np.sqrt(s1**2 / n1 + s2**2 / n2)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (m1 - m2) / se


def _welch_df(u, n1, n2):
    """Welch's df as a function of u = (s1²/n1)/(s2²/n2); u = inf (s2 = 0) is the limit n1 − 1."""
    with np.errstate(invalid="ignore", over="ignore"):
        return np.where(np.isinf(u), np.asarray(n1, dtype=float) - 1, (u + 1) ** 2 / (u**2 / (n1 - 1) + 1 / (n2 - 1)))


def _numbers(name: str, x) -> np.ndarray:
    try:
        return np.asarray(x, dtype=float)
    except (TypeError, ValueError):
        raise ValueError(f"{name} = {x!r}: numbers (or arrays of numbers) are needed") from None


def _pair_of_arrays(name: str, x) -> tuple[np.ndarray, np.ndarray]:
    if isinstance(x, (str, bytes)) or not hasattr(x, "__len__") or len(x) != 2:
        raise ValueError(f"{name} = {x!r}: a (lo, hi) pair of arrays is needed")
    return _numbers(name, x[0]), _numbers(name, x[1])


def t_bounds(m1, s1, n1, m2, s2, n2, equal_var=True):
    """Vectorised range of t and df. m1, s1, m2, s2 are (lo, hi) pairs of arrays; n1, n2 arrays.

    The SD intervals are clipped at 0; corners where the standard error is 0 count as ±inf (0/0 corners are
    left out), so SDs printed as zero give an unbounded t rather than a wrong cap.

    Validation: array helper behind `ttest_range` and `ttest_table`, which validate printed values first; here
    anything numpy cannot read as numbers, or pairs that are not pairs, is a ValueError.
    """
    m1, s1, m2, s2 = (_pair_of_arrays(name, x) for name, x in (("m1", m1), ("s1", s1), ("m2", m2), ("s2", s2)))
    n1, n2 = _numbers("n1", n1), _numbers("n2", n2)
    s1 = (np.maximum(s1[0], 0.0), s1[1])
    s2 = (np.maximum(s2[0], 0.0), s2[1])
    corners = [
        _t_value(a, b, n1, c, d, n2, equal_var)
        for a, b, c, d in itertools.product(m1, s1, m2, s2)
    ]
    stacked = np.vstack(corners)
    t_lo, t_hi = np.fmin.reduce(stacked, axis=0), np.fmax.reduce(stacked, axis=0)
    if equal_var:
        df = np.asarray(n1 + n2 - 2, dtype=float)
        df_lo = df_hi = df
    else:
        with np.errstate(divide="ignore", invalid="ignore"):
            u_lo = (s1[0] ** 2 / n1) / (s2[1] ** 2 / n2)
            u_hi = (s1[1] ** 2 / n1) / (s2[0] ** 2 / n2)
        u_star = (n1 - 1) / (n2 - 1)
        ends = np.vstack([_welch_df(u_lo, n1, n2), _welch_df(u_hi, n1, n2)])
        df_lo = np.nanmin(ends, axis=0)
        inside = (u_lo <= u_star) & (u_star <= u_hi)
        df_hi = np.where(inside, _welch_df(u_star, n1, n2), np.nanmax(ends, axis=0))
    return t_lo, t_hi, df_lo, df_hi


def abs_bounds(lo, hi):
    """Range of |x| for x in [lo, hi] (vectorised). Validation: numbers or arrays of numbers (ValueError)."""
    lo, hi = _numbers("lo", lo), _numbers("hi", hi)
    straddles = (lo <= 0) & (hi >= 0)
    a_lo = np.where(straddles, 0.0, np.minimum(np.abs(lo), np.abs(hi)))
    return a_lo, np.maximum(np.abs(lo), np.abs(hi))


def two_sided_p_bounds(abs_lo, abs_hi, df_lo, df_hi):
    """Two-sided p range from |t| and df ranges (vectorised). Validation: numbers or arrays (ValueError)."""
    abs_lo, abs_hi, df_lo, df_hi = (_numbers(k, v) for k, v in (("abs_lo", abs_lo), ("abs_hi", abs_hi),
                                                                  ("df_lo", df_lo), ("df_hi", df_hi)))
    return 2 * stats.t.sf(abs_hi, df_hi), 2 * stats.t.sf(abs_lo, df_lo)


def ttest_range(mean1, sd1, n1, mean2, sd2, n2, equal_var: bool = True) -> TTestRange:
    """Rounding-aware two-sample t test from printed means and SDs (strings) and integer n.

    Validation: computing function; means printed numbers, n1 and n2 >= 2 (ValueError); a negative SD raises
    ImpossibleValue. SDs printed as zero may give an unbounded |t| (see the module docstring).
    """
    m1, s1, m2, s2 = printed("mean1", mean1), printed_sd("sd1", sd1), printed("mean2", mean2), printed_sd("sd2", sd2)
    n1, n2 = sample_size("n1", n1, with_sd=True), sample_size("n2", n2, with_sd=True)
    t_lo, t_hi, df_lo, df_hi = t_bounds(
        (np.array([m1.lo]), np.array([m1.hi])), (np.array([s1.lo]), np.array([s1.hi])), np.array([n1]),
        (np.array([m2.lo]), np.array([m2.hi])), (np.array([s2.lo]), np.array([s2.hi])), np.array([n2]),
        equal_var,
    )
    a_lo, a_hi = abs_bounds(t_lo, t_hi)
    p_lo, p_hi = two_sided_p_bounds(a_lo, a_hi, df_lo, df_hi)
    return TTestRange(
        "Student" if equal_var else "Welch",
        (float(t_lo[0]), float(t_hi[0])),
        (float(a_lo[0]), float(a_hi[0])),
        (float(np.atleast_1d(df_lo)[0]), float(np.atleast_1d(df_hi)[0])),
        (float(p_lo[0]), float(p_hi[0])),
        ttest_from_summary(m1.value, s1.value, n1, m2.value, s2.value, n2, equal_var),
    )


def _stated_p(p: float) -> str:
    """'P < 0.001' or 'P = 0.012'."""
    text = fmt_p(p)
    return f"P {text}" if text.startswith("<") else f"P = {text}"


def _matches(rng: TTestRange, t: str | None, p: PValue | None) -> bool:
    if t is not None:
        printed_t = parse_rounded(t)
        return overlaps(rng.abs_t, abs_interval(printed_t.lo, printed_t.hi))
    return p is not None and p_meets(p, rng.p)


def check_ttest(mean1, sd1, n1, mean2, sd2, n2, t: str | None = None, p: str | None = None,
                claim: Claim | None = None, alpha: float = 0.05) -> Finding:
    """Check a printed two-sample t and/or P, or a significance claim, against Student and Welch recomputations.

    The printed t is compared by absolute value (papers print |t| or choose the group order freely). The
    recomputation is judged against the printed P when it settles the call, otherwise against `claim` (what
    the text or table says); with neither t nor P printed, the claim itself is what is checked.

    Validation: means and t printed numbers, n1 and n2 >= 2, alpha in (0, 1), claim a Claim, and one of t, P or
    claim given (ValueError); a negative SD or a P outside 0-1 gives an `impossible` finding.
    """
    if t is None and p is None and claim is None:
        raise ValueError("give the printed t, the printed P, or the paper's significance claim")
    alpha = probability("alpha", alpha)
    checked_claim(claim)
    printed("mean1", mean1), printed("mean2", mean2)
    if t is not None:
        printed("t", t)
    sample_size("n1", n1, with_sd=True), sample_size("n2", n2, with_sd=True)
    try:
        printed_sd("sd1", sd1), printed_sd("sd2", sd2)
        reported_p = p_value("p", p) if p is not None else None
    except ImpossibleValue as err:
        return impossible_finding("two-sample t (Student/Welch)",
                                  join_reported(fmt_reported("t", t), fmt_reported("P", p)), err)
    judged = claim_to_judge(reported_p, claim, alpha)
    ranges = {r.variant: r for r in (ttest_range(mean1, sd1, n1, mean2, sd2, n2, ev) for ev in (True, False))}
    if t is None and p is None:
        matching = [name for name, r in ranges.items() if claim_is_possible(claim, r.p, alpha)]
    else:
        matching = [name for name, r in ranges.items() if _matches(r, t, reported_p)]
    either = (min(r.p[0] for r in ranges.values()), max(r.p[1] for r in ranges.values()))
    p_range = ranges[matching[0]].p if matching else either
    verdict = grade_against_claim(bool(matching), judged, p_range, alpha)
    said = claim.source if claim is not None and judged is claim else ""
    reported = join_reported(fmt_reported("t", t), fmt_reported("P", p), said)
    recomputed = "; ".join(
        f"{name}: |t| in {fmt_interval(r.abs_t)} (point {fmt(abs(r.point.t))}), df {fmt(r.point.df, 1)}, "
        f"P {fmt_p_interval(r.p)}"
        for name, r in ranges.items()
    )
    if matching and t is None and p is None:
        explanation = (f"The paper's call ({claim.source}) is what the {' and the '.join(matching)} t test gives "
                       f"within rounding (P {fmt_p_interval(p_range)}).")
    elif matching:
        explanation = f"Reproduced by the {' and the '.join(matching)} t test within rounding."
        if t is not None and reported_p is not None and not p_meets(reported_p, p_range):
            best = ranges[matching[0]]
            verdict = grade_against_claim(False, judged, p_range, alpha)
            explanation = (f"The t value is reproduced ({matching[0]}), but P = {p} does not follow from it: "
                           f"t = {t} with df {fmt(best.point.df, 1)} gives P {fmt_p_interval(p_range)}. "
                           + call_sentence(judged, p_range, alpha))
    elif t is None and p is None:
        explanation = (f"The paper's call does not survive recomputation: Student and Welch t tests on the printed "
                       f"means and SDs give |t| = {fmt(abs(ranges['Student'].point.t))}, "
                       f"{_stated_p(ranges['Student'].point.p)}. " + call_sentence(judged, p_range, alpha))
    else:
        explanation = (f"Neither Student nor Welch gives the printed value from the printed means and SDs (point "
                       f"recomputation |t| = {fmt(abs(ranges['Student'].point.t))}, "
                       f"{_stated_p(ranges['Student'].point.p)}). " + call_sentence(judged, p_range, alpha))
    return Finding(
        check="two-sample t (Student/Welch)",
        reported=reported,
        recomputed=recomputed,
        verdict=verdict,
        assumption="means and SDs anywhere in their rounding intervals; two-sided test; |t| compared",
        explanation=explanation,
    )


def ttest_table(frame: pd.DataFrame, equal_var: bool = True, alpha: float = 0.05) -> pd.DataFrame:
    """Check every row of a table at once (vectorised).

    Input columns: mean1, sd1, n1, mean2, sd2, n2 (means and SDs as printed strings) and optionally t, p
    (printed). Output: the input plus t_point, t_lo, t_hi, df_lo, df_hi, p_lo, p_hi and, when t or p
    is given, t_matches (or p_matches) and verdict.

    Validation: computing function; a missing column, an n that is not whole or < 2, or a mean, SD, t or P cell
    that cannot be read is a ValueError naming the column and row; a negative SD or a P outside 0-1 an
    ImpossibleValue naming them. SDs printed as zero may give unbounded t (inf).
    """
    frame = table("frame", frame, ["mean1", "sd1", "n1", "mean2", "sd2", "n2"])
    alpha = probability("alpha", alpha)
    n1 = whole_column(frame, "n1", 2).astype(float)
    n2 = whole_column(frame, "n2", 2).astype(float)
    m1, s1, m2, s2 = (column_intervals(frame[c]) for c in ("mean1", "sd1", "mean2", "sd2"))
    for column, (lo, hi) in (("sd1", s1), ("sd2", s2)):
        negative = (lo + hi) / 2 < 0
        if negative.any():
            i = int(np.flatnonzero(negative)[0])
            raise cell_impossible(frame, column, i, frame[column].iloc[i], "an SD cannot be negative")
    if "p" in frame:
        p_column(frame)
    t_lo, t_hi, df_lo, df_hi = t_bounds(m1, s1, n1, m2, s2, n2, equal_var)
    a_lo, a_hi = abs_bounds(t_lo, t_hi)
    p_lo, p_hi = two_sided_p_bounds(a_lo, a_hi, df_lo, df_hi)
    out = frame.copy()
    centre = [(lo + hi) / 2 for lo, hi in (m1, s1, m2, s2)]
    out["t_point"] = _t_value(centre[0], centre[1], n1, centre[2], centre[3], n2, equal_var)
    out["t_lo"], out["t_hi"] = t_lo, t_hi
    out["abs_t_lo"], out["abs_t_hi"] = a_lo, a_hi
    out["df_lo"], out["df_hi"] = np.broadcast_to(df_lo, t_lo.shape), np.broadcast_to(df_hi, t_lo.shape)
    out["p_lo"], out["p_hi"] = p_lo, p_hi
    reported_p = frame["p"] if "p" in frame else None
    if "t" in frame:
        r_lo, r_hi = column_intervals(frame["t"])
        ra_lo, ra_hi = abs_bounds(r_lo, r_hi)
        out["t_matches"] = (ra_lo <= a_hi + 1e-12) & (a_lo <= ra_hi + 1e-12)
        out["verdict"] = grade_statistic_columns(out["t_matches"].to_numpy(), reported_p, p_lo, p_hi, alpha)
    elif reported_p is not None:
        rep_lo, rep_hi, _ = p_bounds_column(reported_p)
        out["p_matches"] = (rep_lo <= p_hi + 1e-12) & (p_lo <= rep_hi + 1e-12)
        out["verdict"] = grade_statistic_columns(out["p_matches"].to_numpy(), reported_p, p_lo, p_hi, alpha)
    return out
