"""What a printed odds ratio without its interval still allows: the least possible standard error, the narrowest
interval, the smallest p, and how likely a fresh sample is to reproduce it to the printed decimals.

A paper (often only its abstract) prints an adjusted odds ratio for a binary predictor and "P < 0.05", with no
coefficient, SE or confidence interval. The sample size alone bounds the precision of any such estimate:

* **Unconditional logistic regression with an intercept, n patients.** The Wald variance of a coefficient is the
  diagonal element of the inverse information X'WX, W = diag(p_i (1 - p_i)) with p_i (1 - p_i) <= 1/4. The
  inverse's diagonal element is at least 1 / (the information of that column after the intercept and the
  other columns are partialled out), which is at most sum_i w_i (x_i - 1/2)^2 <= n/16 for a 0/1 predictor.
  So SE >= 4 / sqrt(n), attained by a balanced 2x2 table without other covariates (Woolf's SE with all four
  cells n/4: sqrt(4 / (n/4)) = 4 / sqrt(n)).
* **Conditional logistic regression, m matched pairs (1:1).** Each pair contributes pi (1 - pi) d^2 <= 1/4 to
  the information, d = x_case - x_control in {-1, 0, 1}; so SE >= 2 / sqrt(m), attained when every pair is
  discordant and half go each way (McNemar's odds ratio n10/n01 with SE sqrt(1/n10 + 1/n01)).

From a least SE follow the narrowest Wald interval around the printed OR, the smallest two-sided Wald p, and the
largest chance that an independent sample of the same size prints the same value: over every true effect, the
chance that a normal estimate on the log scale falls in the printed value's rounding cell (width w on the log
scale) is at most 2 * Phi(w / (2 * SE)) - 1, largest when the true effect sits in the cell's centre and when SE
is as small as it can be.

All functions take printed values as text (rounding intervals kept) and follow `validate`: a caller's mistake is
a ValueError; a printed OR at or below 0 is an ImpossibleValue.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

from scipy import stats

from .validate import positive, probability, whole


def min_se_binary(n) -> float:
    """Least Wald SE of log OR for a 0/1 predictor in an unconditional logistic model with intercept: 4/sqrt(n)."""
    return 4 / math.sqrt(whole("n", n, 2))


def min_se_matched_pairs(pairs) -> float:
    """Least Wald SE of log OR for a 0/1 predictor in a conditional logistic model of 1:1 pairs: 2/sqrt(pairs)."""
    return 2 / math.sqrt(whole("pairs", pairs, 1))


@dataclass(frozen=True)
class OddsRatioBounds:
    """What a printed OR and a least SE allow (95% unless `level` says otherwise).

    max_lower: the highest lower confidence limit any analysis can give; min_upper: the lowest upper limit;
    min_fold: the least ratio upper/lower limit; min_p: the smallest two-sided Wald p;
    max_se_significant: the largest SE that still gives p < alpha at some value in the OR's rounding interval (a
    claim "P < alpha" is possible exactly when se_min lies below it, i.e. when min_p < alpha).
    """

    printed: str
    se_min: float
    level: float
    max_lower: float
    min_upper: float
    min_fold: float
    min_p: float
    max_se_significant: float


def odds_ratio_bounds(odds_ratio, se_min: float, level: float = 0.95, alpha: float = 0.05) -> OddsRatioBounds:
    """The narrowest interval and smallest p a printed OR allows when its SE (log scale) is at least se_min."""
    r = positive("odds_ratio", odds_ratio, "odds ratio")
    if not (isinstance(se_min, (int, float)) and math.isfinite(se_min) and se_min > 0):
        raise ValueError(f"se_min = {se_min!r}: must be a number above 0")
    level, alpha = probability("level", level), probability("alpha", alpha)
    z = stats.norm.isf((1 - level) / 2)
    lo, hi = max(r.lo, 1e-300), r.hi
    # |log OR| is largest at the end of the rounding interval farther from 1.
    log_far = max(abs(math.log(lo)), abs(math.log(hi)))
    return OddsRatioBounds(
        r.printed, float(se_min), level, hi * math.exp(-z * se_min), lo * math.exp(z * se_min),
        math.exp(2 * z * se_min), float(2 * stats.norm.sf(log_far / se_min)),
        log_far / stats.norm.isf(alpha / 2))


def same_value_probability(printed, se: float) -> float:
    """The largest chance that an independent estimate with this SE (log scale) rounds to the printed OR.

    Over every true effect: 2 * Phi(w / (2 SE)) - 1, w the width of the printed value's rounding cell on the log
    scale. Assumes a normal sampling distribution of log OR; decreases as SE grows, so the least SE a design
    allows gives an upper bound for every analysis of that design.
    """
    r = positive("printed", printed, "odds ratio")
    if not (isinstance(se, (int, float)) and math.isfinite(se) and se > 0):
        raise ValueError(f"se = {se!r}: must be a number above 0")
    width = math.log(r.hi) - math.log(max(r.lo, 1e-300))
    return float(2 * stats.norm.cdf(width / (2 * se)) - 1)
