"""Mutual consistency of a logistic-regression row: B, SE, Wald, p, OR and its confidence interval.

In the usual (SPSS-style) output: OR = exp(B); Wald = (B/SE)², referred to chi-square with 1 df;
CI = exp(B ± z·SE). Given any of these printed, rounded, each of the others is constrained; every
relation is checked over the rounding intervals. A CI that is not symmetric around log(OR) on the log
scale, or an SE that cannot produce the CI's width, points at a transcription or computation error.

Validation (see `validate`): every value given is a printed number, level and alpha lie in (0, 1) (a caller's
mistake: ValueError); a negative SE, OR or confidence limit, a negative Wald statistic, a p outside 0-1 or a CI
whose lower limit lies above its upper one is impossible, and the check returns a single `impossible` finding for
the row. An SE, OR or limit printed as zero stands for (0, half a unit]: what divides by it or takes its log is
unbounded (inf), never a division by zero.
"""
from __future__ import annotations

import math

from scipy import stats

from .findings import Finding
from .grading import call_sentence, claim_from_p, grade_against_claim, p_meets
from .rounding import abs_interval, fmt, fmt_interval, fmt_p_interval, overlaps
from .validate import ImpossibleValue, impossible_finding, interval_order, nonnegative, p_value, positive, printed, probability


def _iv(r) -> tuple[float, float]:
    """The rounding interval of a parsed value; quantities that cannot be negative are clipped at 0."""
    return r.lo, r.hi


def _exp(x: float) -> float:
    """exp that saturates at inf instead of raising OverflowError."""
    return math.inf if x > 709.0 else math.exp(x)


def _exp_iv(iv):
    return _exp(iv[0]), _exp(iv[1])


def _log_iv(iv):
    return (math.log(iv[0]) if iv[0] > 0 else -math.inf), math.log(iv[1])


def _wald_iv(b_iv, se_iv):
    b_abs = abs_interval(*b_iv)
    high = b_abs[1] / se_iv[0] if se_iv[0] > 0 else (math.inf if b_abs[1] > 0 else 0.0)
    return (b_abs[0] / se_iv[1]) ** 2, high * high


def _values(B, SE, wald, p, OR, ci_lower, ci_upper) -> dict:
    """Parse each printed value once; ImpossibleValue for one no data can have."""
    out = {}
    if B is not None:
        out["B"] = printed("B", B)
    if SE is not None:
        out["SE"] = positive("SE", SE, "standard error", zero_ok=True)
    if wald is not None:
        out["wald"] = nonnegative("wald", wald, "Wald statistic")
    if p is not None:
        out["p"] = p_value("p", p)
    if OR is not None:
        out["OR"] = positive("OR", OR, "odds ratio", zero_ok=True)
    if ci_lower is not None:
        out["ci_lower"] = positive("ci_lower", ci_lower, "confidence limit of an odds ratio", zero_ok=True)
    if ci_upper is not None:
        out["ci_upper"] = positive("ci_upper", ci_upper, "confidence limit of an odds ratio", zero_ok=True)
    if ci_lower is not None and ci_upper is not None:
        interval_order("ci_lower", out["ci_lower"], "ci_upper", out["ci_upper"])
    return out


def check_logistic_row(B=None, SE=None, wald=None, p=None, OR=None, ci_lower=None, ci_upper=None,
                       level: float = 0.95, alpha: float = 0.05) -> list[Finding]:
    """One finding per relation that the printed values allow us to test (printed strings, None if absent).

    Validation: see the module docstring; an impossible printed value gives a one-finding list,
    [impossible "logistic regression row"].
    """
    level, alpha = probability("level", level), probability("alpha", alpha)
    given = {"B": B, "SE": SE, "Wald": wald, "P": p, "OR": OR, "CI lower": ci_lower, "CI upper": ci_upper}
    try:
        v = _values(B, SE, wald, p, OR, ci_lower, ci_upper)
    except ImpossibleValue as err:
        reported = ", ".join(f"{k} = {x}" for k, x in given.items() if x is not None)
        return [impossible_finding("logistic regression row", reported, err)]

    def iv(name: str) -> tuple[float, float]:
        lo, hi = _iv(v[name])
        return (max(lo, 0.0), hi) if name in ("SE", "OR", "ci_lower", "ci_upper") else (lo, hi)

    z = stats.norm.isf((1 - level) / 2)
    findings: list[Finding] = []
    assumption = f"all values anywhere in their rounding intervals; Wald chi-square with 1 df; {level:.0%} CI"

    def add(check, reported, iv_reported, iv_recomputed, what):
        ok = overlaps(iv_reported, iv_recomputed)
        findings.append(Finding(
            check, reported, fmt_interval(iv_recomputed), "consistent" if ok else "minor", assumption,
            f"{what} agrees within rounding." if ok else
            f"{what} does not agree: the printed value is outside {fmt_interval(iv_recomputed)}."))

    if B is not None and OR is not None:
        add("logistic: OR = exp(B)", f"B = {B}, OR = {OR}", iv("OR"), _exp_iv(iv("B")), "exp(B) against the OR")
    if B is not None and SE is not None and wald is not None:
        add("logistic: Wald = (B/SE)^2", f"B = {B}, SE = {SE}, Wald = {wald}", iv("wald"),
            _wald_iv(iv("B"), iv("SE")), "(B/SE)² against the Wald statistic")
    if wald is not None and p is not None:
        printed = v["p"]
        w = iv("wald")
        bounds = (float(stats.chi2.sf(w[1], 1)), float(stats.chi2.sf(max(w[0], 0), 1)))
        verdict = grade_against_claim(p_meets(printed, bounds), claim_from_p(printed, alpha), bounds, alpha)
        findings.append(Finding("logistic: p from Wald", f"Wald = {wald}, P = {p}", f"P {fmt_p_interval(bounds)}",
                                verdict, assumption,
                                "The p follows from the Wald statistic." if verdict == "consistent" else
                                f"Wald = {wald} gives P {fmt_p_interval(bounds)}, not {p}. "
                                + call_sentence(claim_from_p(printed, alpha), bounds, alpha)))
    if B is not None and SE is not None and ci_lower is not None and ci_upper is not None:
        b, se = iv("B"), iv("SE")
        lo_iv = (_exp(b[0] - z * se[1]), _exp(b[1] - z * se[0]))
        hi_iv = (_exp(b[0] + z * se[0]), _exp(b[1] + z * se[1]))
        ok = overlaps(iv("ci_lower"), lo_iv) and overlaps(iv("ci_upper"), hi_iv)
        findings.append(Finding(
            "logistic: CI = exp(B ± z·SE)", f"B = {B}, SE = {SE}, CI {ci_lower}-{ci_upper}",
            f"lower {fmt_interval(lo_iv)}, upper {fmt_interval(hi_iv)}", "consistent" if ok else "minor",
            assumption, "The interval follows from B and SE." if ok else
            "The printed interval does not follow from B and SE."))
    if OR is not None and ci_lower is not None and ci_upper is not None:
        # On the log scale a Wald CI is symmetric: log(OR) is the midpoint of the log limits.
        lo_log, hi_log = _log_iv(iv("ci_lower")), _log_iv(iv("ci_upper"))
        mid = (_exp((lo_log[0] + hi_log[0]) / 2), _exp((lo_log[1] + hi_log[1]) / 2))
        ok = overlaps(iv("OR"), mid)
        findings.append(Finding(
            "logistic: OR at geometric centre of CI", f"OR = {OR}, CI {ci_lower}-{ci_upper}",
            f"sqrt(lower x upper) in {fmt_interval(mid)}", "consistent" if ok else "minor", assumption,
            "The OR sits at the geometric centre of its interval." if ok else
            f"A Wald interval is centred on the OR on the log scale; this one is centred on {fmt(mid[0])}-"
            f"{fmt(mid[1])}, not {OR}."))
        if p is not None:
            se_iv = (max((hi_log[0] - lo_log[1]) / (2 * z), 1e-300), (hi_log[1] - lo_log[0]) / (2 * z))
            log_or = abs_interval(*_log_iv(iv("OR")))
            z_iv = (log_or[0] / se_iv[1], log_or[1] / se_iv[0])
            bounds = (float(2 * stats.norm.sf(z_iv[1])), float(2 * stats.norm.sf(z_iv[0])))
            printed = v["p"]
            verdict = grade_against_claim(p_meets(printed, bounds), claim_from_p(printed, alpha), bounds, alpha)
            findings.append(Finding(
                "logistic: p from OR and CI", f"OR = {OR}, CI {ci_lower}-{ci_upper}, P = {p}",
                f"P {fmt_p_interval(bounds)}", verdict, assumption + "; SE read off the CI width",
                "The p agrees with the OR and its interval." if verdict == "consistent" else
                f"The OR and its CI imply P {fmt_p_interval(bounds)}, not {p}. "
                + call_sentence(claim_from_p(printed, alpha), bounds, alpha)))
    if not findings:
        raise ValueError("too few values printed to test any relation")
    return findings

