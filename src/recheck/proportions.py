"""Percentages from counts, totals, and patient-flow arithmetic."""
from __future__ import annotations

import math
from typing import Mapping

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from .findings import Finding
from .rounding import column_intervals, contains, fmt, parse_rounded


def percent_from_count(count: int, n: int) -> float:
    if n <= 0:
        raise ValueError(f"n must be positive, got {n}")
    if not 0 <= count <= n:
        raise ValueError(f"count {count} outside 0..{n}")
    return 100.0 * count / n


def counts_matching_percent(percent: str, n: int) -> list[int]:
    """Every count k in 0..n whose percentage k/n rounds to the printed percent."""
    lo, hi = parse_rounded(percent).exact_interval()
    return [k for k in range(math.ceil(lo * n / 100), math.floor(hi * n / 100) + 1) if 0 <= k <= n]


def check_percent(count: int, n: int, percent: str) -> Finding:
    """Does the printed percent follow from count/n?"""
    pct = parse_rounded(percent)
    reported = f"{count} ({percent}%) of {n}"
    if not 0 <= pct.value <= 100 or not 0 <= count <= n:
        return Finding("percent from count", reported, "", "impossible", "n as printed",
                       "A count above n or a percent outside 0-100 cannot be.")
    value = percent_from_count(count, n)
    if contains((pct.lo, pct.hi), value):
        return Finding("percent from count", reported, fmt(value, pct.decimals + 1), "consistent",
                       "denominator is the group n", "The printed percent is count/n, correctly rounded.")
    others = counts_matching_percent(percent, n)
    hint = (f"it fits a count of {', '.join(map(str, others))} out of {n}" if others
            else f"no whole count out of {n} gives it")
    return Finding("percent from count", reported, f"{fmt(value, pct.decimals + 1)}%", "minor",
                   "denominator is the group n",
                   f"{count}/{n} is {fmt(value, pct.decimals + 1)}%, not {percent}%; {hint}.")


def percent_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Vectorised percent check: columns count, n, percent (printed). Adds recomputed and consistent."""
    count = frame["count"].to_numpy(dtype=float)
    n = frame["n"].to_numpy(dtype=float)
    if (n <= 0).any():
        raise ValueError(f"row {int(np.flatnonzero(n <= 0)[0])}: n must be positive")
    lo, hi = column_intervals(frame["percent"])
    out = frame.copy()
    out["recomputed"] = 100.0 * count / n
    out["consistent"] = (out["recomputed"] >= lo - 1e-9) & (out["recomputed"] <= hi + 1e-9)
    return out


def check_total(parts: Mapping[str, int], total: int, what: str = "total") -> Finding:
    """Do the parts add up to the printed total?"""
    found = sum(parts.values())
    listed = " + ".join(f"{v} ({k})" for k, v in parts.items())
    verdict = "consistent" if found == total else "concern"
    explanation = ("The parts add up to the printed total." if found == total
                   else f"The parts add up to {found}, not the printed {total}: a count is missing, "
                        f"double-counted or mistyped.")
    return Finding(f"arithmetic: {what}", f"{listed} = {total}", str(found), verdict, "counts as printed",
                   explanation)


def check_flow(start: int, removed: Mapping[str, int], analysed: int, what: str = "patient flow") -> Finding:
    """Screened minus every exclusion must equal the number analysed."""
    remaining = start - sum(removed.values())
    listed = f"{start} - " + " - ".join(f"{v} ({k})" for k, v in removed.items())
    verdict = "consistent" if remaining == analysed else "concern"
    explanation = ("The flow adds up." if remaining == analysed
                   else f"{listed} leaves {remaining}, but {analysed} are reported as analysed.")
    return Finding(f"arithmetic: {what}", f"{listed} = {analysed}", str(remaining), verdict,
                   "counts as printed", explanation)


def wilson_interval(count: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (statsmodels)."""
    lo, hi = proportion_confint(count, n, alpha=1 - level, method="wilson")
    return float(lo), float(hi)
