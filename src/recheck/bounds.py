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

Validation (see `validate`): weights and thresholds are finite numbers, n is whole and >= 1 (>= 2 for the F
bound), lists have matching lengths (a caller's mistake: ValueError); an SD below 0 or an F below 0 is impossible
(ImpossibleValue from the computing functions, an `impossible` finding from the check). SDs printed as zero have
the interval [0, half a unit]; where a variance can be 0 the F bound is unbounded (inf).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .findings import Finding
from .rounding import abs_interval, fmt, fmt_interval, fmt_reported
from .validate import (
    ImpossibleValue, impossible_finding, nonnegative, printed, real, sample_size, sd as printed_sd, sd_interval,
)


def _listlike(values) -> bool:
    return not isinstance(values, (str, bytes, dict)) and hasattr(values, "__len__") and hasattr(values, "__iter__")


def _printed_list(argument: str, values, parse) -> list:
    if not _listlike(values):
        raise ValueError(f"{argument} = {values!r}: a list of printed numbers is needed")
    return [parse(f"{argument}[{i}]", v) for i, v in enumerate(values)]


@dataclass(frozen=True)
class LinearSummary:
    """Mean range and largest possible SD of Σ wᵢ·Xᵢ, from printed means and SDs (any correlation)."""

    mean: tuple[float, float]
    sd_max: float


def linear_combination(weights: Sequence[float], means: Sequence[str], sds: Sequence[str]) -> LinearSummary:
    """Mean range and largest SD of Σ wᵢ·Xᵢ from printed means and SDs.

    Validation: computing function; weights finite numbers, means printed numbers, three lists of one length
    (ValueError); a negative SD raises ImpossibleValue.
    """
    if not _listlike(weights):
        raise ValueError(f"weights = {weights!r}: a list of numbers is needed")
    ws = [real(f"weights[{i}]", w) for i, w in enumerate(weights)]
    ms = _printed_list("means", means, printed)
    ss = _printed_list("sds", sds, printed_sd)
    if not len(ws) == len(ms) == len(ss) or not ws:
        raise ValueError(f"weights, means, sds: one weight, mean and SD per term is needed, got {len(ws)}, "
                         f"{len(ms)} and {len(ss)}")
    lo = hi = 0.0
    sd_max = 0.0
    for w, mr, sr in zip(ws, ms, ss):
        lo += min(w * mr.lo, w * mr.hi)
        hi += max(w * mr.lo, w * mr.hi)
        sd_max += abs(w) * sr.hi
    return LinearSummary((lo, hi), sd_max)


def cantelli_max_share(mean: float, sd: float, threshold: float, above: bool = True) -> float:
    """Largest share of any data set with this mean and SD lying at or beyond the threshold.

    Validation: computing function; plain finite numbers (ValueError); a negative SD raises ImpossibleValue.
    """
    mean, threshold = real("mean", mean), real("threshold", threshold)
    if real("sd", sd) < 0:
        raise ImpossibleValue("sd", sd, "an SD cannot be negative")
    sd = float(sd)
    gap = threshold - mean if above else mean - threshold
    if gap <= 0:
        return 1.0
    return sd * sd / (sd * sd + gap * gap)


def max_count_beyond(summary: LinearSummary, threshold: float, n: int, above: bool = True) -> int:
    """Largest whole number of the n patients whose value can lie at or beyond the threshold.

    Validation: computing function; summary a LinearSummary, threshold a finite number, n >= 1 (ValueError).
    """
    if not isinstance(summary, LinearSummary):
        raise ValueError(f"summary = {summary!r}: a LinearSummary (from linear_combination) is needed")
    n = sample_size("n", n)
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


def _average_variance_bounds(sds) -> tuple[float, float]:
    """Variance of a patient's average over k time points, from printed SDs (each clipped at 0)."""
    k = len(sds)
    ends = [sd_interval(s) for s in sds]
    return sum(lo * lo for lo, _ in ends) / k**2, (sum(hi for _, hi in ends) / k) ** 2


def rm_between_group_f_bounds(means1: Sequence[str], sds1: Sequence[str], n1: int,
                              means2: Sequence[str], sds2: Sequence[str], n2: int) -> BetweenGroupF:
    """Bound the between-group F from per-time-point printed means and SDs of two groups.

    Validation: computing function; four lists of printed numbers of one length >= 2, n1 and n2 >= 2 (ValueError);
    a negative SD raises ImpossibleValue. SDs printed as zero count from 0: when every SD can be 0, f_max is inf.
    """
    n1, n2 = sample_size("n1", n1, with_sd=True), sample_size("n2", n2, with_sd=True)
    m1, m2 = _printed_list("means1", means1, printed), _printed_list("means2", means2, printed)
    s1, s2 = _printed_list("sds1", sds1, printed_sd), _printed_list("sds2", sds2, printed_sd)
    if not (len(m1) == len(s1) == len(m2) == len(s2)) or len(m1) < 2:
        raise ValueError("give means and SDs for the same two or more time points in both groups")
    k = len(m1)
    diff = linear_combination([1 / k] * k + [-1 / k] * k, [*m1, *m2], [*s1, *s2]).mean
    d_lo, d_hi = abs_interval(*diff)
    v1, v2 = _average_variance_bounds(s1), _average_variance_bounds(s2)
    pooled = [((n1 - 1) * a + (n2 - 1) * b) / (n1 + n2 - 2) for a, b in zip(v1, v2)]
    scale = 1 / n1 + 1 / n2
    f_max = d_hi**2 / (pooled[0] * scale) if pooled[0] > 0 else math.inf
    return BetweenGroupF(d_lo**2 / (pooled[1] * scale), f_max, (1, n1 + n2 - 2))


def check_rm_between_group_f(means1, sds1, n1, means2, sds2, n2, F: str) -> Finding:
    """Is a printed between-group F possible when the repeated measurements are not negatively correlated?

    Validation: lists and n as `rm_between_group_f_bounds` (ValueError); a negative SD or a negative F gives an
    `impossible` finding.
    """
    check = "repeated-measures ANOVA: between-group F bound"
    try:
        f = nonnegative("F", F, "F statistic")
        bounds = rm_between_group_f_bounds(means1, sds1, n1, means2, sds2, n2)
    except ImpossibleValue as err:
        return impossible_finding(check, fmt_reported("F", F), err)
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
