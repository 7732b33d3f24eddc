"""p-values recomputed from a reported test statistic and its degrees of freedom (statcheck-style).

Every p is monotone in its statistic, so the printed statistic's rounding interval maps to an interval of p.
The printed p (also rounded, or a bound such as "< 0.001") is consistent when the two intervals meet; a
decision error is a mismatch that moves p across alpha.
"""
from __future__ import annotations

from scipy import stats

from .cells import PValue, parse_p
from .findings import Finding
from .grading import call_sentence, claim_from_p, grade_against_claim, p_meets
from .rounding import abs_interval, fmt_p_interval, fmt_reported, join_reported, parse_rounded

KINDS = ("t", "z", "chi2", "F", "wald")


def p_from_statistic(kind: str, value: float, df1: float | None = None, df2: float | None = None) -> float:
    """Two-sided p for t and z; upper-tail p for chi2, F and Wald chi-square (df1 defaults to 1 for Wald)."""
    if kind == "t":
        return float(2 * stats.t.sf(abs(value), df1))
    if kind == "z":
        return float(2 * stats.norm.sf(abs(value)))
    if kind in ("chi2", "wald"):
        return float(stats.chi2.sf(value, df1 if df1 is not None else 1))
    if kind == "F":
        return float(stats.f.sf(value, df1, df2))
    raise ValueError(f"unknown statistic kind {kind!r}; use one of {KINDS}")


def p_bounds_from_statistic(kind: str, statistic, df1=None, df2=None) -> tuple[float, float]:
    """Interval of p over the printed statistic's rounding interval."""
    r = parse_rounded(statistic)
    lo, hi = r.lo, r.hi
    if kind in ("t", "z"):
        lo, hi = abs_interval(lo, hi)
    else:
        lo = max(lo, 0.0)
    return p_from_statistic(kind, hi, df1, df2), p_from_statistic(kind, lo, df1, df2)


def _needs_df(kind: str, df1, df2) -> None:
    if kind in ("t", "chi2") and df1 is None:
        raise ValueError(f"a {kind} statistic needs its degrees of freedom")
    if kind == "F" and (df1 is None or df2 is None):
        raise ValueError("an F statistic needs both degrees of freedom")


def check_p_value(kind: str, statistic, p: str, df1=None, df2=None, alpha: float = 0.05) -> Finding:
    """Does the printed p follow from the printed statistic with the given degrees of freedom?"""
    _needs_df(kind, df1, df2)
    dfs = ", ".join(str(d) for d in (df1, df2) if d is not None)
    label = f"{kind}({dfs})" if dfs else kind
    reported = join_reported(fmt_reported(label, statistic), fmt_reported("P", p))
    check = f"p from {kind} statistic"
    value = parse_rounded(statistic)
    if kind in ("chi2", "F", "wald") and value.hi < 0:
        return Finding(check, reported, "", "impossible", "statistic as printed",
                       f"A {kind} statistic cannot be negative.")
    bounds = p_bounds_from_statistic(kind, statistic, df1, df2)
    try:
        printed_p: PValue = parse_p(p)
    except ValueError:
        return Finding(check, reported, f"P {fmt_p_interval(bounds)}", "impossible", "p as printed",
                       "A p-value must lie between 0 and 1.")
    verdict = grade_against_claim(p_meets(printed_p, bounds), claim_from_p(printed_p, alpha), bounds, alpha)
    recomputed = f"P {fmt_p_interval(bounds)}"
    assumption = f"statistic anywhere in its rounding interval; df {dfs or 'not needed'}"
    assumption += "; two-sided" if kind in ("t", "z") else ""
    if verdict == "consistent":
        explanation = "The printed p follows from the printed statistic."
    else:
        half = (bounds[0] / 2, bounds[1] / 2)
        one_tailed = kind in ("t", "z") and p_meets(printed_p, half)
        explanation = (f"{label} = {statistic} gives P {recomputed[2:]}, not {p}. "
                       + call_sentence(claim_from_p(printed_p, alpha), bounds, alpha)
                       + (" The printed p equals the one-tailed value." if one_tailed else ""))
    return Finding(check, reported, recomputed, verdict, assumption, explanation)
