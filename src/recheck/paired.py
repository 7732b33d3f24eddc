"""Paired (pre/post) t tests reported with group means and SDs only.

A paired t is t = d·√n / s_d, where d is the mean change and s_d the SD of the individual changes, which
papers rarely print. From the printed t we recover the implied s_d, and from
s_d² = s_pre² + s_post² − 2·r·s_pre·s_post the implied pre/post correlation r. Any real data have
−1 ≤ r ≤ 1, so |t| must lie in [|d|·√n/(s_pre+s_post), |d|·√n/|s_pre−s_post|]: a printed t outside that
range (widened for rounding) cannot come from any data with the printed means and SDs.

Validation (see `validate`): n is whole and >= 2, means and t are printed numbers, plausible_r is a pair inside
[-1, 1] with lower <= upper (a caller's mistake: ValueError); a negative SD is impossible (ImpossibleValue from
`paired_t_implied`, an `impossible` finding from `check_paired_t`). An SD printed as zero stands for
[0, half a unit]: the correlation is then undefined for data without spread, so the implied r is unbounded
(-inf or inf) on that side, and |t| is unbounded above when both SDs can be 0 or equal.
"""
from __future__ import annotations

import itertools
import math
from dataclasses import dataclass

from .findings import Finding
from .rounding import Rounded, abs_interval, fmt, fmt_interval, fmt_reported
from .validate import ImpossibleValue, impossible_finding, pair, printed, real, sample_size, sd as printed_sd, sd_interval


@dataclass(frozen=True)
class PairedImplied:
    """What a printed paired t implies, as ranges over every input's rounding interval.

    sd_diff: implied SD of the pre/post differences; r: implied pre/post correlation (can leave [-1, 1]
    when the printed t is impossible); t_feasible: the |t| range that any correlation in [-1, 1] allows.
    point_*: the same from the printed values taken at face value.
    """

    sd_diff: tuple[float, float]
    r: tuple[float, float]
    t_feasible: tuple[float, float]
    point_sd_diff: float
    point_r: float


def _r(s1: float, s2: float, q: float) -> float:
    return (s1 * s1 + s2 * s2 - q) / (2 * s1 * s2)


def _r_extremes(s1: tuple[float, float], s2: tuple[float, float], q: float) -> tuple[float, float]:
    """Exact min and max of r over the SD box for a fixed s_d² = q: corners plus each edge's stationary point.

    An SD box that reaches 0 adds the limits of r as that SD goes to 0 with the other fixed: r runs off to
    -inf where the other SD² < q and to +inf where it is > q.
    """
    candidates = list(itertools.product(s1, s2))
    for b in s2:
        if b * b - q > 0 and s1[0] <= math.sqrt(b * b - q) <= s1[1]:
            candidates.append((math.sqrt(b * b - q), b))
    for a in s1:
        if a * a - q > 0 and s2[0] <= math.sqrt(a * a - q) <= s2[1]:
            candidates.append((a, math.sqrt(a * a - q)))
    values = [_r(a, b, q) for a, b in candidates if a > 0 and b > 0]
    for zero_box, other in ((s1, s2), (s2, s1)):
        if zero_box[0] == 0:
            if other[0] * other[0] < q:
                values.append(-math.inf)
            if other[1] * other[1] > q:
                values.append(math.inf)
    if not values:  # both boxes collapse to 0 only at a corner: r is undefined, anything goes
        return -math.inf, math.inf
    return min(values), max(values)


def paired_t_implied(mean_pre, sd_pre, mean_post, sd_post, n: int, t) -> PairedImplied:
    """Implied SD of differences and pre/post correlation from printed summaries and a printed paired t.

    Validation: computing function; means and t printed numbers, n >= 2 (ValueError); a negative SD raises
    ImpossibleValue. SDs printed as zero count from 0 (see the module docstring).
    """
    m1, s1, m2, s2, tt, n = _inputs(mean_pre, sd_pre, mean_post, sd_post, n, t)
    return _implied(m1, s1, m2, s2, n, tt)


def _inputs(mean_pre, sd_pre, mean_post, sd_post, n, t) -> tuple:
    return (printed("mean_pre", mean_pre), printed_sd("sd_pre", sd_pre), printed("mean_post", mean_post),
            printed_sd("sd_post", sd_post), printed("t", t), sample_size("n", n, with_sd=True))


def _implied(m1: Rounded, s1: Rounded, m2: Rounded, s2: Rounded, n: int, tt: Rounded) -> PairedImplied:
    d_lo, d_hi = abs_interval(m1.lo - m2.hi, m1.hi - m2.lo)
    t_lo, t_hi = abs_interval(tt.lo, tt.hi)
    root_n = math.sqrt(n)
    sd_lo = d_lo * root_n / t_hi
    sd_hi = d_hi * root_n / t_lo if t_lo > 0 else math.inf
    s1_box, s2_box = sd_interval(s1), sd_interval(s2)
    r_min = _r_extremes(s1_box, s2_box, sd_hi**2)[0] if math.isfinite(sd_hi) else -math.inf
    r_max = _r_extremes(s1_box, s2_box, sd_lo**2)[1]
    gap = max(0.0, max(s1_box[0] - s2_box[1], s2_box[0] - s1_box[1]))
    feasible = (d_lo * root_n / (s1_box[1] + s2_box[1]), d_hi * root_n / gap if gap > 0 else math.inf)
    point_sd = abs(m1.value - m2.value) * root_n / abs(tt.value) if tt.value else math.inf
    point_r = _r(s1.value, s2.value, point_sd**2) if s1.value > 0 and s2.value > 0 else math.nan
    return PairedImplied((sd_lo, sd_hi), (r_min, r_max), feasible, point_sd, point_r)


def check_paired_t(mean_pre, sd_pre, mean_post, sd_post, n: int, t,
                   plausible_r: tuple[float, float] | None = None) -> Finding:
    """Is a printed paired t possible (some correlation in [-1, 1]) and, optionally, plausible?

    plausible_r: the correlation range the reader considers realistic for these data (an assumption the
    notebook must state); the finding is `implausible` when every implied r lies outside it.

    Validation: means and t printed numbers, n >= 2, plausible_r a pair in [-1, 1] with lower <= upper
    (ValueError); a negative SD gives an `impossible` finding.
    """
    if plausible_r is not None:
        plausible_r = tuple(real(f"plausible_r[{i}]", r) for i, r in enumerate(pair("plausible_r", plausible_r)))
        if not -1 <= plausible_r[0] <= plausible_r[1] <= 1:
            raise ValueError(f"plausible_r = {plausible_r!r}: a range inside [-1, 1] with lower <= upper is needed")
    try:
        m1, s1, m2, s2, tt, n = _inputs(mean_pre, sd_pre, mean_post, sd_post, n, t)
    except ImpossibleValue as err:
        return impossible_finding("paired t: implied correlation", fmt_reported("t", t), err)
    imp = _implied(m1, s1, m2, s2, n, tt)
    t_abs = abs_interval(tt.lo, tt.hi)
    recomputed = (f"implied SD of change {fmt_interval(imp.sd_diff, 2)}, implied r {fmt_interval(imp.r)} "
                  f"(point r = {fmt(imp.point_r)}); |t| possible only in {fmt_interval(imp.t_feasible, 2)}")
    assumption = "means and SDs anywhere in their rounding intervals; complete pairs (same n pre and post)"
    if t_abs[0] > imp.t_feasible[1] + 1e-9 or t_abs[1] < imp.t_feasible[0] - 1e-9:
        verdict = "impossible"
        explanation = (f"No pre/post correlation between -1 and 1 gives |t| = {t} with these means and SDs; "
                       f"the largest possible is {fmt(imp.t_feasible[1], 2)} and the smallest "
                       f"{fmt(imp.t_feasible[0], 2)}.")
    elif plausible_r is not None and (imp.r[1] < plausible_r[0] or imp.r[0] > plausible_r[1]):
        verdict = "implausible"
        explanation = (f"The printed t needs a pre/post correlation in {fmt_interval(imp.r)}, outside the "
                       f"range {fmt_interval(plausible_r, 2)} taken as realistic for these data.")
        assumption += f"; realistic pre/post correlation in {fmt_interval(plausible_r, 2)}"
    else:
        verdict = "consistent"
        explanation = (f"Some correlation in {fmt_interval((max(imp.r[0], -1.0), min(imp.r[1], 1.0)))} "
                       f"reproduces the printed t.")
    return Finding("paired t: implied correlation", fmt_reported("t", t), recomputed, verdict, assumption,
                   explanation)
