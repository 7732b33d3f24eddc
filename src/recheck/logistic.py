"""Mutual consistency of a logistic-regression row: B, SE, Wald, p, OR and its confidence interval.

In the usual (SPSS-style) output: OR = exp(B); Wald = (B/SE)², referred to chi-square with 1 df;
CI = exp(B ± z·SE). Given any of these printed, rounded, each of the others is constrained; every
relation is checked over the rounding intervals. A CI that is not symmetric around log(OR) on the log
scale, or an SE that cannot produce the CI's width, points at a transcription or computation error.
"""
from __future__ import annotations

import math

from scipy import stats

from .cells import parse_p
from .findings import Finding
from .grading import call_sentence, claim_from_p, grade_against_claim, p_meets
from .rounding import abs_interval, fmt, fmt_interval, fmt_p_interval, overlaps, parse_rounded


def _iv(text) -> tuple[float, float]:
    r = parse_rounded(text)
    return r.lo, r.hi


def _exp_iv(iv):
    return math.exp(iv[0]), math.exp(iv[1])


def _log_iv(iv):
    return math.log(max(iv[0], 1e-300)), math.log(iv[1])


def _wald_iv(b_iv, se_iv):
    b_abs = abs_interval(*b_iv)
    return (b_abs[0] / se_iv[1]) ** 2, (b_abs[1] / max(se_iv[0], 1e-300)) ** 2


def check_logistic_row(B=None, SE=None, wald=None, p=None, OR=None, ci_lower=None, ci_upper=None,
                       level: float = 0.95, alpha: float = 0.05) -> list[Finding]:
    """One finding per relation that the printed values allow us to test (printed strings, None if absent)."""
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
        add("logistic: OR = exp(B)", f"B = {B}, OR = {OR}", _iv(OR), _exp_iv(_iv(B)), "exp(B) against the OR")
    if B is not None and SE is not None and wald is not None:
        add("logistic: Wald = (B/SE)^2", f"B = {B}, SE = {SE}, Wald = {wald}", _iv(wald),
            _wald_iv(_iv(B), _iv(SE)), "(B/SE)² against the Wald statistic")
    if wald is not None and p is not None:
        printed = parse_p(p)
        w = _iv(wald)
        bounds = (float(stats.chi2.sf(w[1], 1)), float(stats.chi2.sf(max(w[0], 0), 1)))
        verdict = grade_against_claim(p_meets(printed, bounds), claim_from_p(printed, alpha), bounds, alpha)
        findings.append(Finding("logistic: p from Wald", f"Wald = {wald}, P = {p}", f"P {fmt_p_interval(bounds)}",
                                verdict, assumption,
                                "The p follows from the Wald statistic." if verdict == "consistent" else
                                f"Wald = {wald} gives P {fmt_p_interval(bounds)}, not {p}. "
                                + call_sentence(claim_from_p(printed, alpha), bounds, alpha)))
    if B is not None and SE is not None and ci_lower is not None and ci_upper is not None:
        b, se = _iv(B), _iv(SE)
        lo_iv = (math.exp(b[0] - z * se[1]), math.exp(b[1] - z * se[0]))
        hi_iv = (math.exp(b[0] + z * se[0]), math.exp(b[1] + z * se[1]))
        ok = overlaps(_iv(ci_lower), lo_iv) and overlaps(_iv(ci_upper), hi_iv)
        findings.append(Finding(
            "logistic: CI = exp(B ± z·SE)", f"B = {B}, SE = {SE}, CI {ci_lower}-{ci_upper}",
            f"lower {fmt_interval(lo_iv)}, upper {fmt_interval(hi_iv)}", "consistent" if ok else "minor",
            assumption, "The interval follows from B and SE." if ok else
            "The printed interval does not follow from B and SE."))
    if OR is not None and ci_lower is not None and ci_upper is not None:
        # On the log scale a Wald CI is symmetric: log(OR) is the midpoint of the log limits.
        lo_log, hi_log = _log_iv(_iv(ci_lower)), _log_iv(_iv(ci_upper))
        mid = (math.exp((lo_log[0] + hi_log[0]) / 2), math.exp((lo_log[1] + hi_log[1]) / 2))
        ok = overlaps(_iv(OR), mid)
        findings.append(Finding(
            "logistic: OR at geometric centre of CI", f"OR = {OR}, CI {ci_lower}-{ci_upper}",
            f"sqrt(lower x upper) in {fmt_interval(mid)}", "consistent" if ok else "minor", assumption,
            "The OR sits at the geometric centre of its interval." if ok else
            f"A Wald interval is centred on the OR on the log scale; this one is centred on {fmt(mid[0])}-"
            f"{fmt(mid[1])}, not {OR}."))
        if p is not None:
            se_iv = (max((hi_log[0] - lo_log[1]) / (2 * z), 1e-300), (hi_log[1] - lo_log[0]) / (2 * z))
            log_or = abs_interval(*_log_iv(_iv(OR)))
            z_iv = (log_or[0] / se_iv[1], log_or[1] / se_iv[0])
            bounds = (float(2 * stats.norm.sf(z_iv[1])), float(2 * stats.norm.sf(z_iv[0])))
            printed = parse_p(p)
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

