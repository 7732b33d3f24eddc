"""Percentages from counts, totals, and patient-flow arithmetic.

Validation (see `validate`): n is a whole number >= 1 and alpha/level lie strictly between 0 and 1 (a caller's
mistake is a ValueError); a count is whole (ValueError) and >= 0 and <= its n, a percent lies in 0-100
(ImpossibleValue). Computing functions raise; the `check_*` functions return an `impossible` finding for an
impossible printed value.
"""
from __future__ import annotations

from collections.abc import Mapping

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

from .findings import Finding
from .rounding import column_intervals, contains, fmt
from .validate import (
    ImpossibleValue, cell_impossible, count, impossible_finding, percent as printed_percent, probability,
    sample_size, table, text, whole_column,
)


def percent_from_count(count_: int, n: int) -> float:
    """100·count/n. Validation: computing function; n >= 1 (ValueError); count whole (ValueError), negative or
    above n (ImpossibleValue)."""
    n = sample_size("n", n)
    return 100.0 * count("count", count_, n) / n


def counts_matching_percent(percent: str, n: int) -> range:
    """Every count k in 0..n whose percentage k/n rounds to the printed percent, as a `range` (constant time and
    memory in n): k from ⌈(2P − 1)·n / (200·10^d)⌉ to ⌊(2P + 1)·n / (200·10^d)⌋ for a percent printed P / 10^d.

    Validation: computing function; n >= 1 (ValueError); a percent that is not a number is a ValueError, one
    outside 0-100 an ImpossibleValue.
    """
    p = printed_percent("percent", percent)
    n = sample_size("n", n)
    scaled, decimals = p.scaled
    denominator = 200 * 10**decimals
    first = max(0, -((-(2 * scaled - 1) * n) // denominator))
    last = min(n, (2 * scaled + 1) * n // denominator)
    return range(first, max(first, last + 1))


def _listed(counts: range) -> str:
    """The counts as the finding lists them; more than 1,000 are summarised by their range."""
    if len(counts) <= 1_000:
        return ", ".join(map(str, counts))
    return f"any of {counts[0]} to {counts[-1]} ({len(counts)} counts)"


def check_percent(count_: int, n: int, percent: str) -> Finding:
    """Does the printed percent follow from count/n?

    Validation: n >= 1, count whole and percent a number (ValueError); a negative count, a count above n or a
    percent outside 0-100 gives an `impossible` finding.
    """
    reported = f"{count_} ({percent}%) of {n}"
    n = sample_size("n", n)
    try:
        k = count("count", count_, n)
        pct = printed_percent("percent", percent)
    except ImpossibleValue as err:
        return Finding("percent from count", reported, "", "impossible", "n as printed",
                       f"A count above n or a percent outside 0-100 cannot be ({err.argument} = {err.value}: "
                       f"{err.reason}).")
    value = 100.0 * k / n
    if contains((pct.lo, pct.hi), value):
        return Finding("percent from count", reported, fmt(value, pct.decimals + 1), "consistent",
                       "denominator is the group n", "The printed percent is count/n, correctly rounded.")
    others = counts_matching_percent(pct, n)
    hint = (f"it fits a count of {_listed(others)} out of {n}" if others
            else f"no whole count out of {n} gives it")
    return Finding("percent from count", reported, f"{fmt(value, pct.decimals + 1)}%", "minor",
                   "denominator is the group n",
                   f"{k}/{n} is {fmt(value, pct.decimals + 1)}%, not {percent}%; {hint}.")


def percent_table(frame: pd.DataFrame) -> pd.DataFrame:
    """Vectorised percent check: columns count, n, percent (printed). Adds recomputed and consistent.

    Validation: computing function; a missing column, a count or n that is not whole, n < 1 or a percent that is
    not a printed number is a ValueError naming the column and row; a negative count, a count above n or a
    percent outside 0-100 is an ImpossibleValue naming them.
    """
    frame = table("frame", frame, ["count", "n", "percent"])
    n = whole_column(frame, "n", 1)
    k = whole_column(frame, "count", -(2**62))
    for bad, reason in ((k < 0, "a count cannot be negative"), (k > n, "a count cannot exceed n")):
        bad = np.asarray(bad, dtype=bool)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise cell_impossible(frame, "count", i, frame["count"].iloc[i], reason)
    lo, hi = column_intervals(frame["percent"])
    outside = (lo + hi) / 2 < 0
    outside |= (lo + hi) / 2 > 100
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        raise cell_impossible(frame, "percent", i, frame["percent"].iloc[i], "a percent must lie between 0 and 100")
    out = frame.copy()
    out["recomputed"] = 100.0 * k.astype(float) / n.astype(float)
    out["consistent"] = (out["recomputed"] >= lo - 1e-9) & (out["recomputed"] <= hi + 1e-9)
    return out


def _parts(argument: str, parts) -> dict:
    if not isinstance(parts, Mapping):
        raise ValueError(f"{argument} = {parts!r}: a mapping of name to count is needed")
    return parts


def check_total(parts: Mapping[str, int], total: int, what: str = "total") -> Finding:
    """Do the parts add up to the printed total?

    Validation: parts a mapping, counts whole, what text (ValueError); a negative part or total gives an
    `impossible` finding.
    """
    parts = _parts("parts", parts)
    what = text("what", what)
    listed = " + ".join(f"{v} ({k})" for k, v in parts.items())
    check = f"arithmetic: {what}"
    try:
        values = [count(f"parts[{k!r}]", v) for k, v in parts.items()]
        total_ = count("total", total)
    except ImpossibleValue as err:
        return impossible_finding(check, f"{listed} = {total}", err)
    found = sum(values)
    verdict = "consistent" if found == total_ else "concern"
    explanation = ("The parts add up to the printed total." if found == total_
                   else f"The parts add up to {found}, not the printed {total}: a count is missing, "
                        f"double-counted or mistyped.")
    return Finding(check, f"{listed} = {total}", str(found), verdict, "counts as printed", explanation)


def check_flow(start: int, removed: Mapping[str, int], analysed: int, what: str = "patient flow") -> Finding:
    """Screened minus every exclusion must equal the number analysed.

    Validation: removed a mapping, counts whole, what text (ValueError); a negative count gives an `impossible`
    finding.
    """
    removed = _parts("removed", removed)
    what = text("what", what)
    listed = f"{start} - " + " - ".join(f"{v} ({k})" for k, v in removed.items())
    check = f"arithmetic: {what}"
    try:
        start_ = count("start", start)
        gone = [count(f"removed[{k!r}]", v) for k, v in removed.items()]
        analysed_ = count("analysed", analysed)
    except ImpossibleValue as err:
        return impossible_finding(check, f"{listed} = {analysed}", err)
    remaining = start_ - sum(gone)
    verdict = "consistent" if remaining == analysed_ else "concern"
    explanation = ("The flow adds up." if remaining == analysed_
                   else f"{listed} leaves {remaining}, but {analysed} are reported as analysed.")
    return Finding(check, f"{listed} = {analysed}", str(remaining), verdict, "counts as printed", explanation)


def wilson_interval(count_: int, n: int, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a proportion (statsmodels).

    Validation: computing function; n >= 1, level in (0, 1), count whole (ValueError); a negative count or one
    above n is an ImpossibleValue.
    """
    n = sample_size("n", n)
    k = count("count", count_, n)
    level = probability("level", level)
    lo, hi = proportion_confint(k, n, alpha=1 - level, method="wilson")
    return float(lo), float(hi)

