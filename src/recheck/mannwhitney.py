"""Mann-Whitney U from grouped ordinal counts (e.g. grades 1-4 by group), with ties handled.

Counts per ordered category are expanded into tied observations and passed to scipy's mannwhitneyu with
the normal approximation and tie correction (what SPSS and most papers report), with and without the
continuity correction. z is read back from scipy's p so it carries the same tie correction.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy import stats

from .cells import parse_p
from .findings import Finding
from .grading import Claim, call_sentence, claim_to_judge, grade_against_claim
from .rounding import abs_interval, contains, fmt, fmt_p, fmt_reported, join_reported, parse_rounded


@dataclass(frozen=True)
class MannWhitney:
    """U: the smaller of U1 and U2 (as SPSS prints); U1: U for the first group; z signed so that z > 0 when
    the first group tends higher; p, p_continuity: two-sided, without and with continuity correction."""

    U: float
    U1: float
    z: float
    p: float
    p_continuity: float


def mann_whitney_from_counts(counts_a, counts_b) -> MannWhitney:
    a, b = np.asarray(counts_a, dtype=int), np.asarray(counts_b, dtype=int)
    if a.shape != b.shape or a.ndim != 1 or len(a) < 2:
        raise ValueError("give two equally long lists of counts, one per ordered category")
    if (a < 0).any() or (b < 0).any() or a.sum() == 0 or b.sum() == 0:
        raise ValueError("counts must be non-negative and each group needs at least one observation")
    levels = np.arange(len(a))
    x, y = np.repeat(levels, a), np.repeat(levels, b)
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
    """
    if kind not in ("z", "U"):
        raise ValueError("kind is 'z' or 'U'")
    if statistic is None and p is None:
        raise ValueError("give the reported statistic, the reported p, or both")
    mw = mann_whitney_from_counts(counts_a, counts_b)
    reported_p = parse_p(p) if p is not None else None
    judged = claim_to_judge(reported_p, claim, alpha)
    p_range = (min(mw.p, mw.p_continuity), max(mw.p, mw.p_continuity))
    stat_ok = None
    if statistic is not None:
        r = parse_rounded(statistic)
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
