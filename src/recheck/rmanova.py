"""Repeated-measures (split-plot) ANOVA: the F range that two groups' printed means and SDs allow.

Design: two groups of n1 and n2 patients (N = n1 + n2), k time points, complete data, the standard mixed
ANOVA with one between factor (group) and one within factor (time). Papers print each group's mean and SD
per time point, sometimes a paired t of each follow-up against baseline, and F for group, time and
group × time, but never the covariances the error terms need.

Sums of squares (m_g: group g's vector of k means; S_g: its k × k sample covariance, n − 1 denominator;
P = I − 11'/k, the centring over time; |·| the Euclidean length):

    SS_group = k·(n1·n2/N)·(mean over t of m1 − m2)²      df 1
    SS_time  = (n1·n2/N)·|P(m1 + m2)|²                    df k − 1   unweighted means (type III)
             = N·|P(n1·m1 + n2·m2)/N|²                               weighted means (type I); equal if n1 = n2
    SS_inter = (n1·n2/N)·|P(m1 − m2)|²                    df k − 1
    SS_eb    = Σ_g (n_g − 1)·T_g / k,  T_g = 1'S_g1        df N − 2             (error between subjects)
    SS_ew    = Σ_g (n_g − 1)·W_g,      W_g = tr S_g − T_g/k  df (N − 2)(k − 1)  (error within subjects)

F_group = SS_group / (SS_eb/(N − 2)); F_time and F_inter divide SS/(k − 1) by SS_ew/((N − 2)(k − 1)).
SS_group and SS_inter are the same for every SS type; for the time effect with n1 ≠ n2 the range covers
both the weighted (type I, e.g. R's aov) and the unweighted (type III, SPSS/SAS GLM) versions.

Covariances. S_g is the Gram matrix of vectors x_1..x_k with |x_t| = s_t, so T = |Σ x_t|².

* Nothing but the SDs printed: T ∈ [max(0, max_j (s_j − Σ_{t≠j} s_t))², (Σ s_t)²] (polygon inequality), and
  W = Σ s_t² − T/k ∈ [|P s|², Σ s_t² − T_min/k].
* Paired t's of time t against baseline printed: they fix v_t = var(X_t − X_1) = n·(m_t − m_1)²/t², hence
  cov(X_1, X_t) = (s_1² + s_t² − v_t)/2. Writing x_t = ρ_t·e + z_t with e = x_1/s_1, the projections
  ρ_t = (s_1² + s_t² − v_t)/(2 s_1) are fixed, and so are the lengths d_t = |z_t|² = s_t² − ρ_t² of the parts
  orthogonal to baseline (the residual variances of X_t given X_1; d_t < 0 means the paired t is impossible),
  while the z_t are otherwise free. With y = (s_1, ρ_2, .., ρ_k) and Q = |Σ z_t|²:
      T = (Σ y)² + Q,   W = |P y|² + Σ d_t − Q/k,   Q ∈ [max(0, max_j(√d_j − Σ_{t≠j} √d_t))², (Σ √d_t)²].

Rounding. Every printed mean, SD and t stands for its rounding interval (t by its absolute value), and the
F range covers every combination. The numerator ranges are exact: min |P x|² over a box is a 1-D piecewise
quadratic problem, the max is at one of the 2^k corners. Without paired t's the error-term ranges are exact as
well, and since the numerators depend on the means only and the error terms on the SDs only, the F range is
then exact. With paired t's it is conservative (never too narrow, usually wider by a few rounding units):
each v_t is bounded separately although all share the baseline mean, the means are also allowed to differ
between numerator and error term, and the ranges of Σ y, ρ_t, d_t and Q are combined by interval
arithmetic; the baseline-fixed bounds are intersected with the (always valid) SD-only ones. In the review's
k = 3 example the range is at most 1.5% wider than what explicit covariance matrices at the corners of the
rounding box reach.

P is the upper tail of F(df1, df2). A Greenhouse-Geisser or Huynh-Feldt correction leaves F alone and scales
the within-subject df by ε; given a range of ε the P range is taken over ε too (P is not monotone in ε, so
its extremes are searched for, not read off the ends).

Validation (recheck.validate): a caller's mistake is a ValueError naming the argument; a printed value no
data can have (a negative SD, a paired t needing |r| > 1, a negative F, a P outside 0-1) is an
ImpossibleValue, which check_rm_anova turns into an `impossible` finding.
"""
from __future__ import annotations

import itertools
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from numbers import Real

import numpy as np
from scipy import optimize, stats

from .cells import PValue, parse_p
from .findings import Finding
from .grading import call_sentence, claim_from_p, grade_against_claim, p_meets
from .rounding import Rounded, abs_interval, fmt_interval, fmt_p_interval, fmt_reported, join_reported, overlaps
from .validate import ImpossibleValue, impossible_finding, nonnegative, printed, probability, sample_size, sd

EFFECTS = ("between", "time", "interaction")
EFFECT_LABELS = {"between": "group", "time": "time", "interaction": "group × time"}
# The largest-|P x|² search visits every corner of a k-dimensional box.
MAX_TIME_POINTS = 12

Box = tuple[float, float]


@dataclass(frozen=True)
class FRange:
    """Feasible F of one effect, its uncorrected df and the P range (also over the epsilon range given)."""

    effect: str
    f: Box
    df1: int
    df2: int
    p: Box


@dataclass(frozen=True)
class RMAnovaBounds:
    """F ranges of the three effects, and each group's range of T = 1'S1 (variance of a patient's sum)."""

    between: FRange
    time: FRange
    interaction: FRange
    t_sum1: Box
    t_sum2: Box


@dataclass(frozen=True)
class ErrorTerms:
    """One group's range of T = 1'S1 and of W = tr S − T/k."""

    t_sum: Box
    within: Box


@dataclass(frozen=True)
class _Group:
    """One group's printed summaries as interval boxes (absolute paired t's, None when not printed)."""

    n: int
    mean_lo: np.ndarray
    mean_hi: np.ndarray
    sd_lo: np.ndarray
    sd_hi: np.ndarray
    t_lo: np.ndarray | None
    t_hi: np.ndarray | None
    t_names: tuple[str, ...]
    t_printed: tuple[str, ...]


# --- the quadratic form Σx² − (Σx)²/κ over a box -------------------------------------------------------------

def _centred_square(x: np.ndarray, kappa: float) -> float:
    return float(np.sum(x * x) - np.sum(x) ** 2 / kappa)


def centred_square_min(lows: Sequence[float], highs: Sequence[float], kappa: float) -> float:
    """Exact minimum over the box of f(x) = Σx² − (Σx)²/κ, for κ ≥ the number of coordinates (f convex).

    With κ = k this is min |P x|², the squared distance from the box to the line of constant vectors.
    Method: at a minimum each coordinate is its interval's point nearest c = Σx/κ (the KKT conditions), so the
    minimum is that of g(c) = f(clip(c)), a quadratic between consecutive interval ends; every end and every
    piece's stationary point c = (sum of clipped coordinates)/(κ − number of free ones) is tried.
    """
    lows, highs = np.asarray(lows, dtype=float), np.asarray(highs, dtype=float)
    ends = np.unique(np.concatenate([lows, highs]))
    candidates = list(ends)
    for left, right in zip(ends[:-1], ends[1:]):
        middle = (left + right) / 2
        free = (lows <= middle) & (middle <= highs)
        if free.sum() < kappa:
            clipped_sum = float(np.clip(middle, lows, highs)[~free].sum())
            candidates.append(min(max(clipped_sum / (kappa - free.sum()), left), right))
    return min(_centred_square(np.clip(c, lows, highs), kappa) for c in candidates)


def centred_square_max(lows: Sequence[float], highs: Sequence[float], kappa: float) -> float:
    """Exact maximum over the box of Σx² − (Σx)²/κ: the form is convex, so it is the largest corner value."""
    corners = np.array(list(itertools.product(*zip(lows, highs))), dtype=float)
    return float(np.max(np.sum(corners**2, axis=1) - np.sum(corners, axis=1) ** 2 / kappa))


def _polygon_gap_squared(lows: np.ndarray, highs: np.ndarray) -> float:
    """Smallest |Σ v_t|² for vectors of lengths in [low_t, high_t]: max(0, max_j(low_j − Σ_{t≠j} high_t))²."""
    gap = float(np.max(lows - (np.sum(highs) - highs)))
    return max(0.0, gap) ** 2


# --- numerators: effect sums of squares from the means ---------------------------------------------------------

def _between_ss_range(g1: _Group, g2: _Group) -> Box:
    """SS_group = k·(n1n2/N)·D², D the difference of the groups' averages over time (exact over the means box)."""
    k, n1, n2 = len(g1.mean_lo), g1.n, g2.n
    d_lo, d_hi = abs_interval(float(np.sum(g1.mean_lo - g2.mean_hi)) / k, float(np.sum(g1.mean_hi - g2.mean_lo)) / k)
    scale = k * n1 * n2 / (n1 + n2)
    return scale * d_lo**2, scale * d_hi**2


def _centred_range(lows: np.ndarray, highs: np.ndarray) -> Box:
    k = len(lows)
    return centred_square_min(lows, highs, k), centred_square_max(lows, highs, k)


def _time_ss_range(g1: _Group, g2: _Group) -> Box:
    """SS_time over the means box: hull of the unweighted (type III) and weighted (type I) versions; exact."""
    n1, n2 = g1.n, g2.n
    n = n1 + n2
    unweighted = _centred_range(g1.mean_lo + g2.mean_lo, g1.mean_hi + g2.mean_hi)
    weighted = _centred_range((n1 * g1.mean_lo + n2 * g2.mean_lo) / n, (n1 * g1.mean_hi + n2 * g2.mean_hi) / n)
    scale = n1 * n2 / n
    return min(scale * unweighted[0], n * weighted[0]), max(scale * unweighted[1], n * weighted[1])


def _interaction_ss_range(g1: _Group, g2: _Group) -> Box:
    """SS_inter = (n1n2/N)·|P(m1 − m2)|², exact over the means box."""
    scale = g1.n * g2.n / (g1.n + g2.n)
    lo, hi = _centred_range(g1.mean_lo - g2.mean_hi, g1.mean_hi - g2.mean_lo)
    return scale * lo, scale * hi


# --- error terms: T and W over the covariances the summaries allow -------------------------------------------

def _free_error_terms(sd_lo: np.ndarray, sd_hi: np.ndarray) -> ErrorTerms:
    """T and W when only the SDs are printed (any PSD covariance); exact over the SD box.

    T spans [polygon gap², (Σ s)²]; W = Σs² − T/k spans [min |P s|², Σ s_hi² − gap(s_hi)²/k], the upper end
    because Σs² − gap(s)²/k increases in every s_t.
    """
    k = len(sd_lo)
    t_sum = _polygon_gap_squared(sd_lo, sd_hi), float(np.sum(sd_hi)) ** 2
    within = (centred_square_min(sd_lo, sd_hi, k),
              float(np.sum(sd_hi**2)) - _polygon_gap_squared(sd_hi, sd_hi) / k)
    return ErrorTerms(t_sum, within)


def _change_variance_box(group: _Group) -> tuple[np.ndarray, np.ndarray]:
    """v_t = var(X_t − X_1) = n·(m_t − m_1)²/t² over each follow-up's own box (baseline mean free per t)."""
    change = np.array([abs_interval(lo - group.mean_hi[0], hi - group.mean_lo[0])
                       for lo, hi in zip(group.mean_lo[1:], group.mean_hi[1:])])
    with np.errstate(divide="ignore"):
        # A printed t that rounds from 0 leaves the change variance unbounded above (inf).
        return group.n * change[:, 0] ** 2 / group.t_hi**2, group.n * change[:, 1] ** 2 / group.t_lo**2


def _require_feasible_paired_t(group: _Group, v_lo: np.ndarray, v_hi: np.ndarray) -> None:
    """|r| ≤ 1 needs √v_t between |s_1 − s_t| and s_1 + s_t for some SDs in their boxes (exact test)."""
    for j in range(len(v_lo)):
        s1, st = (group.sd_lo[0], group.sd_hi[0]), (group.sd_lo[j + 1], group.sd_hi[j + 1])
        gap = max(0.0, s1[0] - st[1], st[0] - s1[1])
        if v_lo[j] > (s1[1] + st[1]) ** 2 or v_hi[j] < gap**2:
            raise ImpossibleValue(group.t_names[j], group.t_printed[j],
                                  "no correlation between -1 and 1 gives this paired t with the printed means "
                                  "and SDs")


def _scaled_plus_reciprocal_range(alpha: float, b: Box, s: Box) -> Box:
    """Range of α·s + b/s over s in [s_lo, s_hi] (s_lo > 0, α > 0) and b in its box; exact.

    It increases in b; in s it is convex when b > 0 (minimum at √(b/α), maximum at an end) and increasing when
    b ≤ 0.
    """
    def value(x: float, bb: float) -> float:
        return alpha * x + bb / x

    top = max(value(s[0], b[1]), value(s[1], b[1]))
    bottom_at = min(max(math.sqrt(b[0] / alpha), s[0]), s[1]) if b[0] > 0 else s[0]
    return value(bottom_at, b[0]), top


@dataclass(frozen=True)
class _BaselineSplit:
    """Boxes of the projections ρ_t on baseline (clipped to |ρ_t| ≤ s_t), of d_t = s_t² − ρ_t², and of Σy."""

    rho_lo: np.ndarray
    rho_hi: np.ndarray
    d_lo: np.ndarray
    d_hi: np.ndarray
    total: Box


def _baseline_split(group: _Group, v_lo: np.ndarray, v_hi: np.ndarray) -> _BaselineSplit:
    """ρ_t = s_1/2 + (s_t² − v_t)/(2 s_1) and Σy = (k+1)/2·s_1 + Σ(s_t² − v_t)/(2 s_1), exact per term.

    d_t is concave in each of s_1², s_t², v_t, so its minimum is at one of the 8 corners; its maximum is
    bounded by s_t,hi² − min ρ_t² (conservative by about s_t·(rounding unit)).
    """
    k = len(group.sd_lo)
    s1 = (float(group.sd_lo[0]), float(group.sd_hi[0]))
    follow = list(zip(group.sd_lo[1:], group.sd_hi[1:], v_lo, v_hi))
    rho = np.array([_scaled_plus_reciprocal_range(0.5, ((lo * lo - vh) / 2, (hi * hi - vl) / 2), s1)
                    for lo, hi, vl, vh in follow])
    s_hi = group.sd_hi[1:]
    rho_lo, rho_hi = np.maximum(rho[:, 0], -s_hi), np.minimum(rho[:, 1], s_hi)
    d_lo = np.array([max(0.0, min(_residual_variance(a, b, v)
                                  for a, b, v in itertools.product(s1, (lo, hi), (vl, vh))))
                     for lo, hi, vl, vh in follow])
    rho_abs_lo = np.array([abs_interval(lo, hi)[0] for lo, hi in rho])
    d_hi = np.maximum(s_hi**2 - rho_abs_lo**2, d_lo)
    b = float(np.sum(group.sd_lo[1:] ** 2 - v_hi)) / 2, float(np.sum(s_hi**2 - v_lo)) / 2
    total = _scaled_plus_reciprocal_range((k + 1) / 2, b, s1)
    total = max(total[0], s1[0] + float(np.sum(rho_lo))), min(total[1], s1[1] + float(np.sum(rho_hi)))
    return _BaselineSplit(rho_lo, rho_hi, d_lo, d_hi, total)


def _baseline_fixed_error_terms(group: _Group) -> ErrorTerms:
    """T and W when paired t's against baseline fix the baseline covariances (conservative, see module doc).

    T = (Σy)² + Q and W = |Py|² + Σd − Q/k, each part bounded over its own box. Raises ImpossibleValue when
    a printed paired t needs a correlation outside [-1, 1].
    """
    k = len(group.sd_lo)
    v_lo, v_hi = _change_variance_box(group)
    _require_feasible_paired_t(group, v_lo, v_hi)
    split = _baseline_split(group, v_lo, v_hi)
    e_lo, e_hi = np.sqrt(split.d_lo), np.sqrt(split.d_hi)
    total_abs = abs_interval(*split.total)
    t_sum = (total_abs[0] ** 2 + _polygon_gap_squared(e_lo, e_hi), total_abs[1] ** 2 + float(np.sum(e_hi)) ** 2)
    y_lo = np.concatenate([group.sd_lo[:1], split.rho_lo])
    y_hi = np.concatenate([group.sd_hi[:1], split.rho_hi])
    # Σd − Q/k ≥ Σe² − (Σe)²/k; Σe² − gap(e)²/k increases in every e_t.
    within_lo = max(float(np.sum(group.sd_lo**2)) - t_sum[1] / k,
                    centred_square_min(y_lo, y_hi, k) + centred_square_min(e_lo, e_hi, k))
    within_hi = min(float(np.sum(group.sd_hi**2)) - t_sum[0] / k,
                    centred_square_max(y_lo, y_hi, k) + float(np.sum(split.d_hi))
                    - _polygon_gap_squared(e_hi, e_hi) / k)
    return ErrorTerms(t_sum, (within_lo, within_hi))


def _residual_variance(s1: float, st: float, v: float) -> float:
    """d = s_t² − ρ², ρ = (s_1² + s_t² − v)/(2 s_1): the variance of X_t left after regressing on X_1."""
    rho = (s1 * s1 + st * st - v) / (2 * s1)
    return st * st - rho * rho


def _intersect(a: Box, b: Box) -> Box:
    return max(a[0], b[0]), min(a[1], b[1])


def _error_terms(group: _Group) -> ErrorTerms:
    """The tighter of the SD-only and (when paired t's are printed) the baseline-fixed ranges, both valid.

    With a baseline SD that may be 0 the paired t's fix nothing usable, and the SD-only range is returned.
    """
    free = _free_error_terms(group.sd_lo, group.sd_hi)
    if group.t_lo is None or group.sd_lo[0] <= 0:
        return free
    fixed = _baseline_fixed_error_terms(group)
    t_sum = _intersect(free.t_sum, fixed.t_sum)
    within = _intersect(free.within, fixed.within)
    return ErrorTerms(t_sum, (max(0.0, within[0]), within[1]))


# --- F and P -------------------------------------------------------------------------------------------------

def _f_ratio_range(effect_ss: Box, df1: int, error_ss: Box, df2: int) -> Box:
    """Range of (SS/df1)/(SS_error/df2), each SS anywhere in its range (inf when the error SS can be 0)."""
    lo = (effect_ss[0] / df1) / (error_ss[1] / df2)
    hi = math.inf if error_ss[0] <= 0 else (effect_ss[1] / df1) / (error_ss[0] / df2)
    return lo, hi


def _tail_extreme(f: float, df1: int, df2: int, epsilon: Box, largest: bool) -> float:
    """Smallest (or largest) upper-tail P of F(ε·df1, ε·df2) at f over ε in its range.

    P is not monotone in ε (it can rise and then fall), but it is smooth and single-peaked in ε: a 33-point
    grid locates the extreme, a bounded 1-D search between the grid neighbours refines it.
    """
    def tail(eps: float) -> float:
        return float(stats.f.sf(f, eps * df1, eps * df2))

    if epsilon[0] == epsilon[1] or math.isinf(f) or f == 0:
        return tail(epsilon[0])
    sign = -1.0 if largest else 1.0
    grid = np.linspace(epsilon[0], epsilon[1], 33)
    values = sign * stats.f.sf(f, grid * df1, grid * df2)
    best = int(np.argmin(values))
    bracket = grid[max(best - 1, 0)], grid[min(best + 1, len(grid) - 1)]
    refined = optimize.minimize_scalar(lambda e: sign * tail(e), bounds=bracket, method="bounded",
                                       options={"xatol": 1e-10})
    return sign * min(float(values[best]), float(refined.fun))


def _f_range(effect: str, effect_ss: Box, df1: int, error_ss: Box, df2: int, epsilon: Box) -> FRange:
    """FRange of one effect; P over the F range and, for within-subject effects, over ε·df."""
    f = _f_ratio_range(effect_ss, df1, error_ss, df2)
    p = (_tail_extreme(f[1], df1, df2, epsilon, largest=False), _tail_extreme(f[0], df1, df2, epsilon, largest=True))
    return FRange(effect, f, df1, df2, p)


# --- validation ----------------------------------------------------------------------------------------------

def _printed_sequence(argument: str, values, length: int | None = None) -> list:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise ValueError(f"{argument} = {values!r}: give a sequence of printed numbers, one per time point")
    if length is not None and len(values) != length:
        raise ValueError(f"{argument} = {values!r}: {length} values needed, got {len(values)}")
    return list(values)


def _group(label: str, means, sds, n, paired_t, k: int) -> _Group:
    """Parse one group: means (ValueError), SDs (ImpossibleValue when negative), n >= 2, paired t's."""
    means = [printed(f"means{label}[{i}]", m) for i, m in enumerate(_printed_sequence(f"means{label}", means, k))]
    sds = [sd(f"sds{label}[{i}]", s) for i, s in enumerate(_printed_sequence(f"sds{label}", sds, k))]
    size = sample_size(f"n{label}", n, with_sd=True)
    mean_lo, mean_hi = np.array([m.lo for m in means]), np.array([m.hi for m in means])
    sd_lo, sd_hi = np.maximum([s.lo for s in sds], 0.0), np.array([s.hi for s in sds])
    if paired_t is None:
        return _Group(size, mean_lo, mean_hi, sd_lo, sd_hi, None, None, (), ())
    names = tuple(f"paired_t{label}[{j}]" for j in range(k - 1))
    ts = [printed(name, t) for name, t in zip(names, _printed_sequence(f"paired_t{label}", paired_t, k - 1))]
    t_abs = np.array([abs_interval(t.lo, t.hi) for t in ts])
    return _Group(size, mean_lo, mean_hi, sd_lo, sd_hi, t_abs[:, 0], t_abs[:, 1], names, tuple(t.printed for t in ts))


def _epsilon(value, k: int) -> Box:
    """A Greenhouse-Geisser/Huynh-Feldt epsilon range inside [1/(k−1), 1] (caller's input: ValueError)."""
    numbers = isinstance(value, Sequence) and len(value) == 2 and all(
        isinstance(x, Real) and not isinstance(x, bool) for x in value)
    if not numbers:
        raise ValueError(f"epsilon = {value!r}: give (lowest, highest) epsilon as two numbers")
    lo, hi = float(value[0]), float(value[1])
    if not 1 / (k - 1) - 1e-12 <= lo <= hi <= 1:
        raise ValueError(f"epsilon = {value!r}: needs 1/(k-1) = {1 / (k - 1):.4g} <= lowest <= highest <= 1")
    return lo, hi


def _time_points(argument: str, means) -> int:
    k = len(_printed_sequence(argument, means))
    if not 2 <= k <= MAX_TIME_POINTS:
        raise ValueError(f"{argument} = {means!r}: between 2 and {MAX_TIME_POINTS} time points needed, got {k}")
    return k


# --- public API ----------------------------------------------------------------------------------------------

def error_terms(means, sds, n, paired_t=None) -> ErrorTerms:
    """One group's ranges of T = 1'S1 and W = tr S − T/k from its printed means, SDs, n and paired t's.

    Method and what is exact: see the module docstring. Validation as rm_anova_bounds (arguments named
    means[i], sds[i], n, paired_t[j]).
    """
    k = _time_points("means", means)
    return _error_terms(_group("", means, sds, n, paired_t, k))


def rm_anova_bounds(means1, sds1, n1, means2, sds2, n2, paired_t1=None, paired_t2=None,
                    epsilon: tuple[float, float] = (1.0, 1.0)) -> RMAnovaBounds:
    """Feasible F (and P) of group, time and group × time in a two-group split-plot ANOVA, from summaries.

    means1, sds1 (and means2, sds2): printed strings in time order, baseline first; n1, n2 >= 2;
    paired_t1, paired_t2: optional printed paired t's of each follow-up against baseline (k − 1 each, sign
    ignored); epsilon: the range of the Greenhouse-Geisser/Huynh-Feldt epsilon scaling the within-subject df
    ((1, 1) assumes sphericity; it changes P, not F).
    Method, assumptions and what is exact: see the module docstring.
    Validation: a caller's mistake (not a number, wrong lengths, n < 2, k outside 2..12, bad epsilon) is a
    ValueError naming the argument; a negative printed SD or a paired t needing a correlation outside [-1, 1]
    raises ImpossibleValue.
    """
    k = _time_points("means1", means1)
    g1 = _group("1", means1, sds1, n1, paired_t1, k)
    g2 = _group("2", means2, sds2, n2, paired_t2, k)
    eps = _epsilon(epsilon, k)
    e1, e2 = _error_terms(g1), _error_terms(g2)
    w1, w2 = g1.n - 1, g2.n - 1
    error_between = (w1 * e1.t_sum[0] + w2 * e2.t_sum[0]) / k, (w1 * e1.t_sum[1] + w2 * e2.t_sum[1]) / k
    error_within = w1 * e1.within[0] + w2 * e2.within[0], w1 * e1.within[1] + w2 * e2.within[1]
    df_between = g1.n + g2.n - 2
    df_within = df_between * (k - 1)
    return RMAnovaBounds(
        between=_f_range("between", _between_ss_range(g1, g2), 1, error_between, df_between, (1.0, 1.0)),
        time=_f_range("time", _time_ss_range(g1, g2), k - 1, error_within, df_within, eps),
        interaction=_f_range("interaction", _interaction_ss_range(g1, g2), k - 1, error_within, df_within, eps),
        t_sum1=e1.t_sum,
        t_sum2=e2.t_sum,
    )


def _check_name(effect: str) -> str:
    return f"split-plot ANOVA: {EFFECT_LABELS[effect]} F from summaries"


def _printed_p(argument: str, text: str) -> PValue:
    """A printed P: a number outside 0-1 is an ImpossibleValue, anything else unparsable a ValueError."""
    try:
        return parse_p(text)
    except ValueError:
        number = printed(argument, str(text).strip().lstrip("Pp<>=≤≥ "))
        if not 0 <= number.value <= 1:
            raise ImpossibleValue(argument, text, "a p-value must lie between 0 and 1") from None
        raise ValueError(f"{argument} = {text!r}: not a p-value") from None


def _effects(F, P) -> list[str]:
    if not isinstance(F, Mapping) or not F or set(F) - set(EFFECTS):
        raise ValueError(f"F = {F!r}: a mapping from one or more of {', '.join(EFFECTS)} to the printed F")
    if P is not None and (not isinstance(P, Mapping) or set(P) - set(F)):
        raise ValueError(f"P = {P!r}: a mapping from effects with a printed F to the printed P")
    return [e for e in EFFECTS if e in F]


def _effect_epsilon(effect: str, epsilon: Box) -> Box:
    """The between-group F has no within-subject df, so no epsilon applies to it."""
    return (1.0, 1.0) if effect == "between" else epsilon


def _assumption(effect: str, frange: FRange, sizes: tuple[int, int], paired: bool, epsilon: Box) -> str:
    if effect == "between":
        sphericity = "no sphericity needed"
    elif epsilon == (1.0, 1.0):
        sphericity = "sphericity assumed (epsilon = 1)"
    else:
        sphericity = (f"within-subject df scaled by a Greenhouse-Geisser/Huynh-Feldt epsilon in "
                      f"[{epsilon[0]:.3g}, {epsilon[1]:.3g}]")
    parts = [f"standard split-plot ANOVA on complete data, n1 = {sizes[0]}, n2 = {sizes[1]}",
             f"df ({frange.df1}, {frange.df2})", sphericity,
             "covariances between time points only required to be positive semidefinite"
             + (", baseline covariances fixed by the printed paired t's" if paired else ""),
             "means, SDs" + (" and t's" if paired else "") + " anywhere in their rounding intervals"]
    if effect == "time" and sizes[0] != sizes[1]:
        parts.append("time SS weighted (type I) or unweighted (type III)")
    return "; ".join(parts)


def _explanation(effect: str, verdict: str, f: Rounded, frange: FRange, printed_p: PValue | None,
                 alpha: float) -> str:
    label, feasible = EFFECT_LABELS[effect], fmt_interval(frange.f)
    if verdict == "impossible":
        side = "above the largest" if f.lo > frange.f[1] else "below the smallest"
        impossible = (f"No covariance between the time points gives the printed {label} F = {f.printed}: it "
                      f"lies {side} value the printed means and SDs allow, F in {feasible}.")
        return impossible if printed_p is None else (
            impossible + " " + call_sentence(claim_from_p(printed_p, alpha), frange.p, alpha))
    if verdict in ("decision", "minor"):
        return (f"F = {f.printed} is possible (F in {feasible}), but no F in that range gives the printed "
                f"P {printed_p.printed.strip()}. " + call_sentence(claim_from_p(printed_p, alpha), frange.p, alpha))
    return (f"The printed {label} F = {f.printed} lies in the range the printed summaries allow, {feasible}"
            + (f", and the printed P {printed_p.printed.strip()} is among the P values it allows "
               f"(P {fmt_p_interval(frange.p)})." if printed_p is not None else "."))


def _recomputed(frange: FRange, epsilon: Box) -> str:
    text = f"F({frange.df1}, {frange.df2}) in {fmt_interval(frange.f)}; P {fmt_p_interval(frange.p)}"
    if epsilon != (1.0, 1.0):
        text += f" (df × epsilon, epsilon in [{epsilon[0]:.3g}, {epsilon[1]:.3g}])"
    return text


def _grade(f: Rounded, printed_p: PValue | None, frange: FRange, alpha: float) -> str:
    if not overlaps((f.lo, f.hi), frange.f):
        return "impossible"
    if printed_p is None:
        return "consistent"
    return grade_against_claim(p_meets(printed_p, frange.p), claim_from_p(printed_p, alpha), frange.p, alpha)


def check_rm_anova(means1, sds1, n1, means2, sds2, n2, F: Mapping[str, str], P: Mapping[str, str] | None = None,
                   paired_t1=None, paired_t2=None, epsilon: tuple[float, float] = (1.0, 1.0),
                   alpha: float = 0.05) -> list[Finding]:
    """Is each printed F (and P) of a two-group split-plot ANOVA possible given the printed summaries?

    F, P: printed values keyed by "between", "time", "interaction" (P optional, per effect). One Finding per
    printed F, in that order. Verdict: `impossible` when the printed F's rounding interval misses the feasible
    F range (or a printed input is impossible in itself); else, with a printed P, `decision` when every
    feasible P lies on the other side of alpha, `minor` when the printed P misses the feasible P range with
    the same call; else `consistent`.
    Validation: as rm_anova_bounds; unknown effect names, alpha outside (0, 1): ValueError; a negative printed
    F or a printed P outside 0-1: an `impossible` finding for that effect.
    """
    effects = _effects(F, P)
    alpha = probability("alpha", alpha)
    sizes = sample_size("n1", n1, with_sd=True), sample_size("n2", n2, with_sd=True)
    p_text = {e: (P or {}).get(e) for e in effects}
    reported = {e: join_reported(fmt_reported("F", F[e]), fmt_reported("P", p_text[e])) for e in effects}
    try:
        bounds = rm_anova_bounds(means1, sds1, n1, means2, sds2, n2, paired_t1, paired_t2, epsilon)
    except ImpossibleValue as err:
        return [impossible_finding(_check_name(e), reported[e], err) for e in effects]
    paired = paired_t1 is not None or paired_t2 is not None
    findings = []
    for effect in effects:
        frange: FRange = getattr(bounds, effect)
        try:
            f = nonnegative(f"F[{effect!r}]", F[effect], "F statistic")
            printed_p = _printed_p(f"P[{effect!r}]", p_text[effect]) if p_text[effect] is not None else None
        except ImpossibleValue as err:
            findings.append(impossible_finding(_check_name(effect), reported[effect], err))
            continue
        verdict = _grade(f, printed_p, frange, alpha)
        eps = _effect_epsilon(effect, (float(epsilon[0]), float(epsilon[1])))
        findings.append(Finding(_check_name(effect), reported[effect], _recomputed(frange, eps), verdict,
                                _assumption(effect, frange, sizes, paired, eps),
                                _explanation(effect, verdict, f, frange, printed_p, alpha)))
    return findings
