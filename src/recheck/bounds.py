"""Analytic bounds for what summary statistics allow, when the exact analysis needs raw data.

Two tools:

* Derived rates. How many patients can cross a threshold when a table prints only means and SDs? For any
  finite set of values with mean μ and SD σ, Cantelli's inequality caps the share at or beyond a threshold
  c > μ at σ² / (σ² + (c − μ)²). It holds for the sample itself (with the population SD; the sample SD
  printed by papers is larger, which only loosens the cap), so it needs no normality assumption.
  A per-patient criterion such as "post ≥ 0.7 · pre" is a linear combination Y = post − 0.7·pre, whose mean
  is known exactly and whose SD is at most the sum of |weight|·SD, whatever the correlation.

* Repeated-measures ANOVA. With two groups, the between-group main effect F equals the squared pooled
  two-sample t computed on each patient's average over the time points. That average's variance lies
  between Σsᵢ²/k² (uncorrelated time points) and (Σsᵢ/k)² (perfectly correlated), as long as the time
  points are not negatively correlated. The printed means and SDs therefore bound F.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .findings import Finding
from .rounding import abs_interval, fmt, fmt_interval, fmt_reported, parse_rounded


@dataclass(frozen=True)
class LinearSummary:
    """Mean range and largest possible SD of Σ wᵢ·Xᵢ, from printed means and SDs (any correlation)."""

    mean: tuple[float, float]
    sd_max: float


def linear_combination(weights: Sequence[float], means: Sequence[str], sds: Sequence[str]) -> LinearSummary:
    lo = hi = 0.0
    sd_max = 0.0
    for w, m, s in zip(weights, means, sds, strict=True):
        mr, sr = parse_rounded(m), parse_rounded(s)
        lo += min(w * mr.lo, w * mr.hi)
        hi += max(w * mr.lo, w * mr.hi)
        sd_max += abs(w) * sr.hi
    return LinearSummary((lo, hi), sd_max)


def cantelli_max_share(mean: float, sd: float, threshold: float, above: bool = True) -> float:
    """Largest share of any data set with this mean and SD lying at or beyond the threshold."""
    gap = threshold - mean if above else mean - threshold
    if gap <= 0:
        return 1.0
    return sd * sd / (sd * sd + gap * gap)


def max_count_beyond(summary: LinearSummary, threshold: float, n: int, above: bool = True) -> int:
    """Largest whole number of the n patients whose value can lie at or beyond the threshold."""
    mean = summary.mean[1] if above else summary.mean[0]
    return math.floor(n * cantelli_max_share(mean, summary.sd_max, threshold, above) + 1e-12)


@dataclass(frozen=True)
class BetweenGroupF:
    """Range of the between-group F of a two-group repeated-measures ANOVA allowed by printed summaries.

    f_min: with perfectly correlated time points; f_max: with uncorrelated ones (any non-negative correlation
    lies between); df: (1, n1 + n2 − 2).
    """

    f_min: float
    f_max: float
    df: tuple[int, int]


def _average_variance_bounds(sds: Sequence[str]) -> tuple[float, float]:
    k = len(sds)
    lo_sds = [parse_rounded(s).lo for s in sds]
    hi_sds = [parse_rounded(s).hi for s in sds]
    return sum(s * s for s in lo_sds) / k**2, (sum(hi_sds) / k) ** 2


def rm_between_group_f_bounds(means1: Sequence[str], sds1: Sequence[str], n1: int,
                              means2: Sequence[str], sds2: Sequence[str], n2: int) -> BetweenGroupF:
    """Bound the between-group F from per-time-point printed means and SDs of two groups."""
    if not (len(means1) == len(sds1) == len(means2) == len(sds2)) or len(means1) < 2:
        raise ValueError("give means and SDs for the same two or more time points in both groups")
    k = len(means1)
    diff = linear_combination([1 / k] * k + [-1 / k] * k, [*means1, *means2], [*sds1, *sds2]).mean
    d_lo, d_hi = abs_interval(*diff)
    v1, v2 = _average_variance_bounds(sds1), _average_variance_bounds(sds2)
    pooled = [((n1 - 1) * a + (n2 - 1) * b) / (n1 + n2 - 2) for a, b in zip(v1, v2)]
    scale = 1 / n1 + 1 / n2
    return BetweenGroupF(d_lo**2 / (pooled[1] * scale), d_hi**2 / (pooled[0] * scale), (1, n1 + n2 - 2))


def check_rm_between_group_f(means1, sds1, n1, means2, sds2, n2, F: str) -> Finding:
    """Is a printed between-group F possible when the repeated measurements are not negatively correlated?"""
    bounds = rm_between_group_f_bounds(means1, sds1, n1, means2, sds2, n2)
    f = parse_rounded(F)
    recomputed = f"F(1, {bounds.df[1]}) between {fmt(bounds.f_min)} and {fmt(bounds.f_max)}"
    assumption = ("between-group F of a two-group repeated-measures ANOVA on the printed time points; complete "
                  "data; correlations between time points not negative")
    if f.lo > bounds.f_max + 1e-9:
        return Finding("repeated-measures ANOVA: between-group F bound", fmt_reported("F", F), recomputed,
                       "implausible", assumption,
                       f"F = {F} needs the patients' averages over time to vary far less than any non-negative "
                       f"correlation between time points allows (largest F {fmt(bounds.f_max)}); only strongly "
                       f"negative correlations between repeated measurements of the same patients could give it.")
    if f.hi < bounds.f_min - 1e-9:
        return Finding("repeated-measures ANOVA: between-group F bound", fmt_reported("F", F), recomputed,
                       "implausible", assumption,
                       f"F = {F} is smaller than even perfectly correlated time points allow "
                       f"(smallest F {fmt(bounds.f_min)}).")
    return Finding("repeated-measures ANOVA: between-group F bound", fmt_reported("F", F), recomputed, "consistent",
                   assumption, f"F lies in {fmt_interval((bounds.f_min, bounds.f_max))}, what the summaries allow.")
