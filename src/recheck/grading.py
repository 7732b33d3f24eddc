"""Turning a comparison between reported and recomputed values into a verdict.

The rule shared by every statistic check:
    consistent  the reported statistic (its rounding interval) meets the recomputed interval;
    decision    it does not, and the significance call at alpha differs between the reported p and
                every value the recomputation allows;
    minor       it does not, but no significance call changes.
"""
from __future__ import annotations

import numpy as np
import pandas as pd

from .cells import P_VALUE, PValue


def recomputed_significance(p_bounds: tuple[float, float], alpha: float = 0.05) -> bool | None:
    lo, hi = p_bounds
    if hi < alpha:
        return True
    if lo >= alpha:
        return False
    return None


def grade_statistic(
    statistic_matches: bool, reported_p: PValue | None, p_bounds: tuple[float, float], alpha: float = 0.05
) -> str:
    if statistic_matches:
        return "consistent"
    if reported_p is not None:
        said = reported_p.significant(alpha)
        found = recomputed_significance(p_bounds, alpha)
        if said is not None and found is not None and said != found:
            return "decision"
    return "minor"


def grade_p(reported_p: PValue, p_bounds: tuple[float, float], alpha: float = 0.05) -> str:
    """Verdict for a printed p against the interval of p the recomputation allows."""
    lo, hi = reported_p.bounds
    if lo <= p_bounds[1] + 1e-12 and p_bounds[0] <= hi + 1e-12:
        return "consistent"
    return grade_statistic(False, reported_p, p_bounds, alpha)


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
    """Vectorised grade_statistic: one verdict per row."""
    decision = np.zeros(len(statistic_matches), dtype=bool)
    if reported_p is not None:
        rep_lo, rep_hi, less = p_bounds_column(reported_p)
        said_sig = (rep_hi < alpha) | (less & (rep_hi <= alpha))
        said_not = rep_lo >= alpha
        found_sig = p_hi < alpha
        found_not = p_lo >= alpha
        decision = (said_sig & found_not) | (said_not & found_sig)
    return np.select([statistic_matches, decision], ["consistent", "decision"], default="minor")
