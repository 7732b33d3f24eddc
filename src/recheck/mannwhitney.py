"""Mann-Whitney U from grouped ordinal counts (e.g. grades 1-4 by group), with ties handled.

Counts per ordered category are expanded into tied observations and passed to scipy's mannwhitneyu with
the normal approximation and tie correction (what SPSS and most papers report), with and without the
continuity correction. z is read back from scipy's p so it carries the same tie correction.

Validation (see `validate`): counts are whole numbers, one list per group of equal length >= 2 with at least one
observation in each group, kind is "z" or "U", alpha lies in (0, 1) (a caller's mistake: ValueError); a negative
count, a negative U or one above n1·n2, or a p outside 0-1 is impossible (ImpossibleValue from
`mann_whitney_from_counts`, an `impossible` finding from `check_mann_whitney`). When every observation falls in
one category, z and p are undefined: `mann_whitney_from_counts` returns them as nan and `check_mann_whitney`
says `not_checkable`.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np
from scipy import stats

from .findings import Finding
from .grading import Claim, call_sentence, checked_claim, claim_to_judge, grade_against_claim
from .rounding import abs_interval, contains, fmt, fmt_p, fmt_reported, join_reported
from .validate import ImpossibleValue, choice, counts, impossible_finding, nonnegative, p_value, printed, probability


@dataclass(frozen=True)
class MannWhitney:
    """U: the smaller of U1 and U2 (as SPSS prints); U1: U for the first group; z signed so that z > 0 when
    the first group tends higher; p, p_continuity: two-sided, without and with continuity correction."""

    U: float
    U1: float
    z: float
    p: float
    p_continuity: float


def _counts(counts_a, counts_b) -> tuple[np.ndarray, np.ndarray]:
    a, b = counts("counts_a", counts_a), counts("counts_b", counts_b)
    if len(a) != len(b) or len(a) < 2:
        raise ValueError("give two equally long lists of counts, one per ordered category "
                         f"(got {len(a)} and {len(b)})")
    if sum(a) == 0 or sum(b) == 0:
        raise ValueError("counts must be non-negative and each group needs at least one observation")
    return np.asarray(a, dtype=np.int64), np.asarray(b, dtype=np.int64)


def mann_whitney_from_counts(counts_a, counts_b) -> MannWhitney:
    """U, z and two-sided p from grouped ordinal counts.

    Validation: computing function; two equally long lists (>= 2 categories) of whole counts with at least one
    observation per group (ValueError); a negative count raises ImpossibleValue. All observations in one
    category (every one tied): U = n1·n2/2, and z, p and p_continuity are nan (undefined).
    """
    a, b = _counts(counts_a, counts_b)
    levels = np.arange(len(a))
    x, y = np.repeat(levels, a), np.repeat(levels, b)
    if np.count_nonzero(a + b) < 2:
        half = len(x) * len(y) / 2
        return MannWhitney(half, half, math.nan, math.nan, math.nan)
    plain = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=False)
    corrected = stats.mannwhitneyu(x, y, alternative="two-sided", method="asymptotic", use_continuity=True)
    u1 = float(plain.statistic)
    expected = len(x) * len(y) / 2
    z = float(np.sign(u1 - expected) * stats.norm.isf(plain.pvalue / 2))
    return MannWhitney(min(u1, len(x) * len(y) - u1), u1, z, float(plain.pvalue), float(corrected.pvalue))


def check_mann_whitney(counts_a, counts_b, statistic: str | None = None, kind: str = "z", p: str | None = None,
                       claim: Claim | None = None, alpha: float = 0.05) -> Finding:
    """Check a printed Mann-Whitney z (or U) and P against the counts. |z| is compared; U as min(U1, U2).

    The recomputation is judged against the printed P when it settles the call, otherwise against `claim`.

    Validation: counts as `mann_whitney_from_counts`, kind "z" or "U", alpha in (0, 1), statistic a printed number
    (ValueError); a negative count, a negative U or one above n1·n2, or a p outside 0-1 gives an `impossible`
    finding; all observations tied in one category give `not_checkable` (z and p are undefined).
    """
    choice("kind", kind, ("z", "U"))
    alpha = probability("alpha", alpha)
    if statistic is None and p is None:
        raise ValueError("give the reported statistic, the reported p, or both")
    checked_claim(claim)
    check = "Mann-Whitney U from grouped counts"
    reported_text = join_reported(fmt_reported(kind, statistic), fmt_reported("P", p))
    try:
        a, b = _counts(counts_a, counts_b)
        if statistic is not None:
            r = nonnegative(kind, statistic, "U statistic") if kind == "U" else printed(kind, statistic)
            if kind == "U" and r.value > int(a.sum()) * int(b.sum()):
                raise ImpossibleValue("U", statistic, f"U cannot exceed n1·n2 = {int(a.sum()) * int(b.sum())}")
        reported_p = p_value("p", p) if p is not None else None
    except ImpossibleValue as err:
        return impossible_finding(check, reported_text, err)
    mw = mann_whitney_from_counts(a, b)
    if math.isnan(mw.z):
        return Finding(check, reported_text, f"U = {fmt(mw.U, 1)}; z and P undefined", "not_checkable",
                       "counts as printed; ordered categories; normal approximation with ties",
                       "Every observation falls in one category, so all are tied: the variance of U is zero and "
                       "z and P are undefined; no printed z or P can be checked.")
    judged = claim_to_judge(reported_p, claim, alpha)
    p_range = (min(mw.p, mw.p_continuity), max(mw.p, mw.p_continuity))
    stat_ok = None
    if statistic is not None:
        target = abs(mw.z) if kind == "z" else mw.U
        stat_ok = contains(abs_interval(r.lo, r.hi) if kind == "z" else (r.lo, r.hi), target)
    p_ok = reported_p is not None and any(contains(reported_p.bounds, q) for q in (mw.p, mw.p_continuity))
    matches = stat_ok if stat_ok is not None else p_ok
    verdict = grade_against_claim(bool(matches), judged, p_range, alpha)
    if matches and reported_p is not None and not p_ok:
        verdict = grade_against_claim(False, judged, p_range, alpha)
    recomputed = (f"U = {fmt(mw.U, 1)}, |z| = {fmt(abs(mw.z))}, P {fmt_p(mw.p)} "
                  f"(with continuity correction P {fmt_p(mw.p_continuity)})")
    explanation = ("The printed values follow from the counts." if verdict == "consistent" else
                   "The printed values do not follow from the counts. " + call_sentence(judged, p_range, alpha))
    said = claim.source if claim is not None and judged is claim else ""
    return Finding("Mann-Whitney U from grouped counts", join_reported(fmt_reported(kind, statistic),
                                                                     fmt_reported("P", p), said),
                   recomputed, verdict, "counts as printed; ordered categories; normal approximation with ties",
                   explanation)
