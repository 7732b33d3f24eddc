"""p-values recomputed from a reported test statistic and its degrees of freedom (statcheck-style).

Every p is monotone in its statistic, so the printed statistic's rounding interval maps to an interval of p.
The printed p (also rounded, or a bound such as "< 0.001") is consistent when the two intervals meet; a
decision error is a mismatch that moves p across alpha.

Validation (see `validate`): kind is one of t, z, chi2, F, wald; degrees of freedom are numbers > 0 and present
where the kind needs them; alpha lies in (0, 1); the statistic is a number (printed text for the printed-value
functions) (a caller's mistake: ValueError). A negative chi2, F or Wald statistic is impossible
(ImpossibleValue from the computing functions; an `impossible` finding from `check_p_value`, as is a printed p
outside 0-1).
"""
from __future__ import annotations

from scipy import stats

from .cells import PValue
from .findings import Finding
from .grading import call_sentence, claim_from_p, grade_against_claim, p_meets
from .rounding import abs_interval, fmt_p_interval, fmt_reported, join_reported
from .validate import ImpossibleValue, choice, degrees_of_freedom, nonnegative, p_value, printed, probability

KINDS = ("t", "z", "chi2", "F", "wald")


def p_from_statistic(kind: str, value: float, df1: float | None = None, df2: float | None = None) -> float:
    """Two-sided p for t and z; upper-tail p for chi2, F and Wald chi-square (df1 defaults to 1 for Wald).

    Validation: computing function; kind one of KINDS, value a finite number (or ±inf), df1/df2 numbers > 0 where
    the kind needs them (ValueError); a negative chi2, F or Wald value raises ImpossibleValue.
    """
    choice("kind", kind, KINDS)
    _needs_df(kind, df1, df2)
    if isinstance(value, (bool, str, bytes)) or not hasattr(value, "__float__") or float(value) != float(value):
        raise ValueError(f"value = {value!r}: a number (not nan, not text) is needed")
    value = float(value)
    if kind in ("chi2", "wald", "F") and value < 0:
        raise ImpossibleValue("value", value, f"a {kind} statistic cannot be negative")
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
    """Interval of p over the printed statistic's rounding interval.

    Validation: computing function; kind, df as `p_from_statistic` and the statistic printed text (ValueError);
    a negative chi2, F or Wald statistic raises ImpossibleValue.
    """
    choice("kind", kind, KINDS)
    _needs_df(kind, df1, df2)
    r = (nonnegative("statistic", statistic, f"{kind} statistic") if kind in ("chi2", "F", "wald")
         else printed("statistic", statistic))
    lo, hi = r.lo, r.hi
    if kind in ("t", "z"):
        lo, hi = abs_interval(lo, hi)
    else:
        lo = max(lo, 0.0)
    return p_from_statistic(kind, hi, df1, df2), p_from_statistic(kind, lo, df1, df2)


def _needs_df(kind: str, df1, df2) -> None:
    """The degrees of freedom the kind needs are present, and every df given is a number above 0."""
    if kind in ("t", "chi2") and df1 is None:
        raise ValueError(f"a {kind} statistic needs its degrees of freedom")
    if kind == "F" and (df1 is None or df2 is None):
        raise ValueError("an F statistic needs both degrees of freedom")
    for name, df in (("df1", df1), ("df2", df2)):
        if df is not None:
            degrees_of_freedom(name, df)


def check_p_value(kind: str, statistic, p: str, df1=None, df2=None, alpha: float = 0.05,
                  df_printed: bool = False) -> Finding:
    """Does the printed p follow from the printed statistic with the given degrees of freedom?

    df_printed: whether the paper prints the degrees of freedom. Only then do they appear in `reported`; otherwise
    they are an assumption taken from the design (rule 1e: `reported` holds only what was printed).

    Validation: kind, df (> 0, present where needed), alpha in (0, 1), statistic and p readable (ValueError); a
    negative chi2, F or Wald statistic, or a p outside 0-1, gives an `impossible` finding.
    """
    choice("kind", kind, KINDS)
    _needs_df(kind, df1, df2)
    alpha = probability("alpha", alpha)
    dfs = ", ".join(str(d) for d in (df1, df2) if d is not None)
    label = f"{kind}({dfs})" if dfs else kind
    reported = join_reported(fmt_reported(label if df_printed else kind, statistic), fmt_reported("P", p))
    check = f"p from {kind} statistic"
    value = printed("statistic", statistic)
    if kind in ("chi2", "F", "wald") and value.value < 0:
        return Finding(check, reported, "", "impossible", "statistic as printed",
                       f"A {kind} statistic cannot be negative.")
    bounds = p_bounds_from_statistic(kind, value, df1, df2)
    try:
        printed_p: PValue = p_value("p", p)
    except ImpossibleValue:
        return Finding(check, reported, f"P {fmt_p_interval(bounds)}", "impossible", "p as printed",
                       "A p-value must lie between 0 and 1.")
    verdict = grade_against_claim(p_meets(printed_p, bounds), claim_from_p(printed_p, alpha), bounds, alpha)
    recomputed = f"P {fmt_p_interval(bounds)}"
    source = "as printed" if df_printed else "from the design, not printed"
    assumption = f"statistic anywhere in its rounding interval; df {f'{dfs} ({source})' if dfs else 'not needed'}"
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
