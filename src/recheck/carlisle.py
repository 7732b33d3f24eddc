"""Carlisle's check of baseline balance: are a trial's baseline P values as spread out as randomisation makes them?

Between randomised groups every baseline difference is chance, so the P values of the baseline comparisons are
(for continuous variables and exact tests) uniform on 0-1. Carlisle (Anaesthesia 2017;72:944-52) combined them
with Stouffer's method to flag trials whose groups are more alike, or more different, than chance allows.

Direction, as in MEPtoolkit's `carlisle()`: with z_i = Φ⁻¹(p_i) and k values,
    combined = 1 − Φ(Σ z_i / √k),
so a combined value near 0 means the groups are MORE ALIKE than chance allows (baseline P values bunched near
1) and near 1 means MORE DIFFERENT (P values bunched near 0). Four printed P values of .80 give 0.046.

The combined value falls as any p_i rises, so over the rounding intervals its smallest value comes from every
p at its upper end and its largest from every p at its lower end: the range is exact, not sampled.
"""
from __future__ import annotations

import math
from typing import Sequence

import numpy as np
from scipy.stats import norm

from .cells import P_VALUE, PValue, parse_p
from .findings import Finding
from .rounding import fmt, parse_rounded
from .validate import ImpossibleValue, impossible_finding, probability

CHECK = "Carlisle baseline balance"


def _baseline_p(argument: str, text) -> PValue:
    """A printed P value; text that is not one is a ValueError, one outside 0-1 an ImpossibleValue."""
    match = P_VALUE.match(text.replace("$", "")) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"{argument} = {text!r}: not a printed p-value")
    relation, value = match.group(1) or "=", parse_rounded(match.group(2)).value
    if value < 0 or value > 1:
        raise ImpossibleValue(argument, text, "a p-value lies between 0 and 1")
    if (relation in ("<", "≤", "<=") and value == 0) or (relation in (">", "≥", ">=") and value == 1):
        raise ImpossibleValue(argument, text, "no p-value lies beyond 0 or 1")
    return parse_p(text)


def _face_value(p: PValue) -> float:
    """The printed number itself; a bound (< 0.001, > 0.05) is taken at the bound. A printed 0 or 1 would give
    an infinite z, so it is replaced by the middle of what it stands for ("0.000" -> 0.00025)."""
    if 0 < p.value.value < 1:
        return p.value.value
    lo, hi = p.bounds
    return (lo + hi) / 2


def _stouffer_upper(ps: Sequence[float]) -> float:
    """1 − Φ(Σ Φ⁻¹(p) / √k) for p strictly between 0 and 1 (the callers handle the limits)."""
    return float(norm.sf(norm.ppf(np.asarray(ps, dtype=float)).sum() / math.sqrt(len(ps))))


def carlisle_combined_p(p_values) -> tuple[float, tuple[float, float]]:
    """Stouffer's combination of printed baseline P values, upper tail: (point, (lo, hi)).

    A small value means the groups are more alike than chance allows; a value near 1, more different.
    point: every P at face value (bounds at the bound: "< 0.001" as 0.001, "> 0.05" as 0.05; a printed 0 or 1
    at the middle of its rounding interval). (lo, hi): the exact range when each P ranges over its rounding
    interval, or over (0, bound] / [bound, 1) for a bound; a P that may be 0 lets the largest value reach 1, a P
    that may be 1 lets the smallest reach 0.

    Assumes independent P values, uniform under randomisation. Validation: an empty list, or text that is not
    a P value, is a ValueError; a P outside 0-1 (or "< 0", "> 1") is an ImpossibleValue.
    """
    if isinstance(p_values, str) or not len(p_values):
        raise ValueError(f"p_values = {p_values!r}: a non-empty list of printed P values is needed")
    parsed = [_baseline_p(f"p_values[{i}]", p) for i, p in enumerate(p_values)]
    lows, highs = zip(*(p.bounds for p in parsed))
    lo = 0.0 if max(highs) >= 1 else _stouffer_upper(highs)
    hi = 1.0 if min(lows) <= 0 else _stouffer_upper(lows)
    return _stouffer_upper([_face_value(p) for p in parsed]), (lo, hi)


def _fmt_combined(x: float) -> str:
    """A combined value readably at either extreme: 1.3e-04, 1 - 1.2e-05, else three decimals."""
    if 0 < x < 0.001:
        return f"{x:.1e}"
    if 0.999 < x < 1:
        return f"1 - {1 - x:.1e}"
    return fmt(x, 3)


def _reported(p_values, labels) -> str:
    if labels is None:
        return "baseline P: " + ", ".join(str(p) for p in p_values)
    return "baseline P: " + "; ".join(f"{label} {p}" for label, p in zip(labels, p_values))


def check_baseline_balance(p_values, labels=None, alpha: float = 0.05, *, design: str,
                           randomised: bool) -> Finding:
    """Are the baseline P values of a table more alike, or more different, than chance allows?

    Method: `carlisle_combined_p`. Rule, on the exact range [lo, hi] of the combined value:
        randomised, hi < alpha          concern: more alike than chance allows, whatever the rounding;
        randomised, lo > 1 - alpha      concern: more different than chance allows;
        not randomised, hi < alpha      concern: unexpected unless the groups were matched on these variables;
        not randomised, lo > 1 - alpha  concern: expected without randomisation, and it confounds unadjusted
                                        comparisons;
        otherwise                       consistent (including a range that straddles either threshold).
    What the combination cannot show goes in the assumption, so a consistent row raises no doubt.
    design: the study design as the paper states it, quoted in the assumption. randomised: whether group
    membership was randomised (the verdict depends on it). labels: one per P value, for the reported text.

    The assumption is strong: independent P values (correlated variables such as weight and BMI, or a
    variable and its categories, are not), and uniform ones (P values from chi-square or Fisher tests on
    counts are discrete and conservative, which pushes them towards 1 and the combined value towards 0).
    Validation: alpha outside (0, 1), labels of the wrong length, a missing design or an empty list are
    ValueErrors; a P outside 0-1 gives an `impossible` finding.
    """
    alpha = probability("alpha", alpha)
    if not isinstance(design, str) or not design.strip():
        raise ValueError(f"design = {design!r}: state the study design in words")
    if labels is not None and len(labels) != len(p_values):
        raise ValueError(f"labels: {len(labels)} labels for {len(p_values)} P values")
    reported = _reported(p_values, labels)
    try:
        point, (lo, hi) = carlisle_combined_p(p_values)
    except ImpossibleValue as err:
        return impossible_finding(CHECK, reported, err)
    recomputed = (f"combined (Stouffer, upper tail) {_fmt_combined(point)}; over the rounding "
                  f"[{_fmt_combined(lo)}, {_fmt_combined(hi)}]")
    assumption = (f"{design}; {len(p_values)} baseline P values, independent and uniform on 0-1 if only chance "
                  f"separates the groups; bounds such as < 0.001 at the bound for the point value; "
                  f"alpha = {alpha:g} in each tail")
    verdict, explanation = _judge(point, lo, hi, len(p_values), alpha, randomised)
    return Finding(CHECK, reported, recomputed, verdict, assumption + _LIMITS, explanation)


# What the method cannot show belongs to its assumption, so a consistent row carries no doubt (rule 1c).
_LIMITS = ("; the combination cannot tell why P values are unusual (a reporting error, another test than stated, "
           "correlated variables such as weight and BMI counting twice, or tests on counts, which are discrete and "
           "give high P values), nor, when they are not, that the data are sound")


def _judge(point: float, lo: float, hi: float, k: int, alpha: float, randomised: bool) -> tuple[str, str]:
    """Verdict and plain-language reason for the range [lo, hi] of the combined value (rule: see
    `check_baseline_balance`)."""
    if hi < alpha and randomised:
        return "concern", (f"Taken together, the {k} baseline P values are larger than chance allows between "
                           f"randomised groups (combined value at most {_fmt_combined(hi)}, below {alpha:g}): "
                           f"the groups are more alike than randomisation makes them.")
    if hi < alpha:
        return "concern", (f"Taken together, the {k} baseline P values are larger than chance would give between "
                           f"groups formed without randomisation (combined value at most {_fmt_combined(hi)}): "
                           f"unless the groups were matched on these variables, such similarity is unexpected.")
    if lo > 1 - alpha and randomised:
        return "concern", (f"Taken together, the {k} baseline P values are smaller than chance allows between "
                           f"randomised groups (combined value at least {_fmt_combined(lo)}, above "
                           f"{1 - alpha:g}): the groups differ more than randomisation makes them.")
    if lo > 1 - alpha:
        return "concern", (f"The groups differ at baseline more than chance alone would make them (combined value "
                           f"at least {_fmt_combined(lo)}): without randomisation such differences are expected, "
                           f"and they mean that unadjusted comparisons between the groups are confounded.")
    text = (f"The {k} baseline P values are no more alike and no more different than chance alone makes them "
            f"(combined value {_fmt_combined(point)}, from {_fmt_combined(lo)} to "
            f"{_fmt_combined(hi)} over the rounding).")
    if lo < alpha or hi > 1 - alpha:
        text += " The rounding of the printed P values leaves an extreme value possible but not certain."
    if not randomised:
        text += " Without randomisation this shows balance on these variables only, not comparability."
    return "consistent", text
