"""Turning a comparison between what a paper claims and what we recompute into a verdict (rulebook rule 1).

A recomputation is judged against what the paper *claims*:
    the printed P when it is usable (it settles the call at alpha); otherwise
    the significance claim the paper makes in its text or table (a "no significant difference" sentence,
    an asterisk), given as a `Claim`.

The rule shared by every statistic check:
    consistent  the printed value (its rounding interval) meets the recomputed interval;
    decision    it does not, and the paper's significance call is reversed by every value the
                recomputation allows;
    minor       it does not, and the call is unchanged, cannot be settled, or the paper makes none.

Only a grade that compared two calls says the call is unchanged: `call_sentence` writes that sentence and
nothing else does.
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .cells import P_VALUE, PValue
from .rounding import fmt_p_interval, overlaps


@dataclass(frozen=True)
class Claim:
    """The paper's significance call for one comparison and where it makes it.

    significant: True, False, or None when what is printed does not settle the call (e.g. P = 0.05 printed
    for a test at 0.05 with two decimals). source: what the paper printed or said, for the reader
    ("P = 0.046", "text: no difference between groups", "table: no asterisk").
    """

    significant: bool | None
    source: str


def claim_from_p(p: PValue, alpha: float = 0.05) -> Claim:
    """The call a printed P makes."""
    text = p.printed.strip()
    return Claim(p.significant(alpha), f"printed P {text}" if text[:1] in "<>≤≥=" else f"printed P = {text}")


def stated_claim(significant: bool, where: str) -> Claim:
    """A call the paper makes in words or symbols rather than with a P, e.g. stated_claim(False, "results text")."""
    return Claim(significant, f"{where} says {'significant' if significant else 'no significant difference'}")


def checked_claim(claim) -> Claim | None:
    """The `claim` argument of a check: None or a Claim (a caller's mistake otherwise: ValueError)."""
    if claim is not None and not isinstance(claim, Claim):
        raise ValueError(f"claim = {claim!r}: a Claim (stated_claim(...)) is needed")
    return claim


def claim_to_judge(p: PValue | None, claim: Claim | None, alpha: float = 0.05) -> Claim | None:
    """The claim a recomputation is judged against: the printed P when it settles the call, else the stated one."""
    if p is not None:
        from_p = claim_from_p(p, alpha)
        if from_p.significant is not None or claim is None:
            return from_p
    return claim


def recomputed_significance(p_bounds: tuple[float, float], alpha: float = 0.05) -> bool | None:
    """True/False when every p the recomputation allows is on one side of alpha, None when they straddle it."""
    lo, hi = p_bounds
    if hi < alpha:
        return True
    if lo >= alpha:
        return False
    return None


def _call(significant: bool) -> str:
    return "significant" if significant else "not significant"


def call_sentence(claim: Claim | None, p_bounds: tuple[float, float], alpha: float = 0.05) -> str:
    """One sentence comparing the paper's call with the recomputed one; says 'unchanged' only after comparing."""
    found = recomputed_significance(p_bounds, alpha)
    interval = fmt_p_interval(p_bounds)
    if claim is None or claim.significant is None:
        said = "" if claim is None else f" ({claim.source} does not settle it)"
        return f"The paper makes no significance call here that could be compared{said}; recomputed P {interval}."
    said = claim.source if " says " in claim.source else f"{claim.source}, {_call(claim.significant)}"
    if found is None:
        return (f"The recomputed P {interval} straddles {alpha}, so whether the paper's call ({said}) holds "
                f"cannot be settled from the printed numbers.")
    if found != claim.significant:
        return f"The paper's call is reversed: {said}, but the recomputed P {interval} is {_call(found)} at {alpha}."
    return (f"The significance call is unchanged: {claim.source} and the recomputed P {interval} are both "
            f"{_call(found)} at {alpha}.")


def grade_against_claim(matches: bool, claim: Claim | None, p_bounds: tuple[float, float],
                        alpha: float = 0.05) -> str:
    """Verdict for a printed value that does (matches=True) or does not meet its recomputation."""
    if matches:
        return "consistent"
    found = recomputed_significance(p_bounds, alpha)
    if claim is not None and claim.significant is not None and found is not None and found != claim.significant:
        return "decision"
    return "minor"


def claim_is_possible(claim: Claim, p_bounds: tuple[float, float], alpha: float = 0.05) -> bool:
    """Can some p the recomputation allows give the paper's call? (A call with nothing printed to match.)"""
    found = recomputed_significance(p_bounds, alpha)
    return claim.significant is None or found is None or found == claim.significant


def p_meets(p: PValue, p_bounds: tuple[float, float]) -> bool:
    """Does the printed p (its interval or bound) meet the recomputed interval?"""
    return overlaps(p.bounds, p_bounds)


def p_bounds_column(printed: pd.Series) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised PValue.bounds for a column of printed p-values: (lo, hi, relation_is_less_than)."""
    parts = printed.astype(str).str.replace("$", "", regex=False).str.extract(P_VALUE.pattern)
    if parts[1].isna().any():
        row = int(np.flatnonzero(parts[1].isna().to_numpy())[0])
        raise ValueError(f"column {printed.name!r}, row {row}: not a p-value: {printed.iloc[row]!r}")
    relation = parts[0].fillna("=").replace({"≤": "<", "<=": "<", "≥": ">", ">=": ">"}).to_numpy()
    value = parts[1].astype(float).to_numpy()
    decimals = parts[1].str.split(".", n=1).str[1].fillna("").str.len().to_numpy().astype(float)
    half = 0.5 * 10.0 ** (-decimals)
    lo = np.where(relation == "<", 0.0, np.where(relation == ">", value, np.maximum(0.0, value - half)))
    hi = np.where(relation == "<", value, np.where(relation == ">", 1.0, np.minimum(1.0, value + half)))
    return lo, hi, relation == "<"


def grade_statistic_columns(
    statistic_matches: np.ndarray,
    reported_p: pd.Series | None,
    p_lo: np.ndarray,
    p_hi: np.ndarray,
    alpha: float = 0.05,
) -> np.ndarray:
    """Vectorised grade_against_claim with the printed P as the claim: one verdict per row."""
    decision = np.zeros(len(statistic_matches), dtype=bool)
    if reported_p is not None:
        rep_lo, rep_hi, less = p_bounds_column(reported_p)
        said_sig = (rep_hi < alpha) | (less & (rep_hi <= alpha))
        said_not = rep_lo >= alpha
        found_sig = p_hi < alpha
        found_not = p_lo >= alpha
        decision = (said_sig & found_not) | (said_not & found_sig)
    return np.select([statistic_matches, decision], ["consistent", "decision"], default="minor")
