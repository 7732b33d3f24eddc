"""Printed numbers and the intervals they stand for.

A number printed with d decimals stands for anything that rounds to it: 6.84 is any value in [6.835, 6.845].
The interval is taken closed on both sides because papers round half up, half to even or truncate
inconsistently; a closed interval never flags a value that some common rounding rule would print.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

import numpy as np
import pandas as pd

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
# Minus signs seen in extracted PDFs: ASCII hyphen, Unicode minus, en dash.
_MINUS = str.maketrans({"\u2212": "-", "\u2013": "-"})


@dataclass(frozen=True)
class Rounded:
    """A printed number: its text, value, number of decimals and the closed interval it stands for."""

    printed: str
    value: float
    decimals: int

    @property
    def half_unit(self) -> float:
        return 0.5 * 10.0 ** (-self.decimals)

    @property
    def lo(self) -> float:
        return self.value - self.half_unit

    @property
    def hi(self) -> float:
        return self.value + self.half_unit

    @property
    def exact(self) -> Fraction:
        return Fraction(Decimal(self.printed))

    def exact_interval(self) -> tuple[Fraction, Fraction]:
        """The rounding interval in exact arithmetic, for granularity checks where float error matters."""
        half = Fraction(1, 2 * 10**self.decimals)
        return self.exact - half, self.exact + half


def decimals_of(text: str) -> int:
    """Number of printed decimals: "2.50" -> 2, "3" -> 0."""
    text = text.strip()
    return len(text.split(".", 1)[1]) if "." in text else 0


def parse_rounded(text: str | float | int | Rounded) -> Rounded:
    """Parse a printed number, keeping its decimals. Floats are refused: their trailing zeros are lost."""
    if isinstance(text, Rounded):
        return text
    if isinstance(text, bool) or isinstance(text, float):
        raise TypeError(f"pass the number as printed text, not {text!r}: a float has lost its trailing zeros")
    if isinstance(text, (int, np.integer)):
        return Rounded(str(int(text)), float(text), 0)
    clean = str(text).strip().translate(_MINUS).replace(" ", "")
    if not NUMBER.match(clean):
        raise ValueError(f"not a printed number: {text!r}")
    try:
        value = float(Decimal(clean))
    except InvalidOperation as err:  # pragma: no cover - the regex already guards this
        raise ValueError(f"not a printed number: {text!r}") from err
    return Rounded(clean, value, decimals_of(clean))


def interval(text: str | int | Rounded) -> tuple[float, float]:
    r = parse_rounded(text)
    return r.lo, r.hi


def overlaps(a: tuple[float, float], b: tuple[float, float], tol: float = 1e-12) -> bool:
    """Closed intervals intersect (with a hair of float tolerance)."""
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


def contains(bounds: tuple[float, float], x: float, tol: float = 1e-12) -> bool:
    return bounds[0] - tol <= x <= bounds[1] + tol


def abs_interval(lo: float, hi: float) -> tuple[float, float]:
    """Range of |x| for x in [lo, hi]."""
    if lo <= 0 <= hi:
        return 0.0, max(-lo, hi)
    return min(abs(lo), abs(hi)), max(abs(lo), abs(hi))


def fmt(x: float, digits: int = 3) -> str:
    """Stable text for a recomputed number (no float noise, no negative zero)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    text = f"{x:.{digits}f}"
    return "0." + "0" * digits if text.lstrip("-") == "0." + "0" * digits else text


def fmt_interval(bounds: tuple[float, float], digits: int = 3) -> str:
    lo, hi = bounds
    return f"[{fmt(lo, digits)}, {fmt(hi, digits)}]"


def fmt_p(p: float) -> str:
    """p as a reader expects it: three decimals, or < 0.001."""
    return "< 0.001" if p < 0.001 else fmt(p, 3)


def fmt_p_interval(bounds: tuple[float, float]) -> str:
    lo, hi = bounds
    if hi < 0.001:
        return "< 0.001"
    if fmt_p(lo) == fmt_p(hi):
        return fmt_p(lo)
    return f"[{fmt_p(lo)}, {fmt_p(hi)}]"


def column_intervals(printed: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised rounding intervals for a column of printed numbers (strings)."""
    text = printed.astype(str).str.strip()
    bad = ~text.str.fullmatch(NUMBER.pattern)
    if bad.any():
        row = int(np.flatnonzero(bad.to_numpy())[0])
        raise ValueError(f"column {printed.name!r}, row {row}: not a printed number: {text.iloc[row]!r}")
    values = text.astype(float).to_numpy()
    parts = text.str.split(".", n=1)
    decimals = parts.str[1].fillna("").str.len().to_numpy()
    half = 0.5 * 10.0 ** (-decimals.astype(float))
    return values - half, values + half


def fmt_reported(label: str, printed: str | None) -> str:
    """'t = 0.364', 'P < 0.001': a printed value with its label, the relation kept when one is printed."""
    if printed is None:
        return ""
    text = str(printed).strip()
    return f"{label} {text}" if text[:1] in "<>≤≥=" else f"{label} = {text}"


def join_reported(*parts: str) -> str:
    return ", ".join(p for p in parts if p)
