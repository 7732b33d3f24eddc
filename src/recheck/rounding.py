"""Printed numbers and the intervals they stand for.

A number printed with d decimals stands for anything that rounds to it: 6.84 is any value in [6.835, 6.845].
The interval is taken closed on both sides because papers round half up, half to even or truncate
inconsistently; a closed interval never flags a value that some common rounding rule would print.

Validation: every function here refuses a caller's mistake (a float where printed text is needed, text that is
not a number, a bound that is not a pair of numbers) with a ValueError naming the value. `parse_rounded` refuses a
float with `NotPrintedText`, which is both a ValueError and (for older callers) a TypeError.
"""
from __future__ import annotations

import functools
import math
import re
from numbers import Real
from dataclasses import dataclass
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pandas as pd

NUMBER = re.compile(r"^[+-]?(\d+(\.\d*)?|\.\d+)$")
_MATCH = NUMBER.match


class NotPrintedText(TypeError, ValueError):
    """A float (or a bool) passed where a printed number is needed: its trailing zeros, hence its rounding
    interval, are lost. A ValueError for the validation layer, a TypeError for callers written before it."""
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

    @property
    def scaled(self) -> tuple[int, int]:
        """(N, d) with the printed value exactly N / 10**d: "-3.450" -> (-3450, 3). Integer arithmetic only."""
        return int(self.printed.replace(".", "")), self.decimals

    def exact_interval(self) -> tuple[Fraction, Fraction]:
        """The rounding interval in exact arithmetic, for granularity checks where float error matters."""
        half = Fraction(1, 2 * 10**self.decimals)
        return self.exact - half, self.exact + half


def decimals_of(text: str) -> int:
    """Number of printed decimals: "2.50" -> 2, "3" -> 0. Validation: text only (ValueError)."""
    if not isinstance(text, str):
        raise ValueError(f"text = {text!r}: the number as printed text is needed")
    text = text.strip()
    return len(text.split(".", 1)[1]) if "." in text else 0


@functools.lru_cache(maxsize=1 << 16)
def _parse_text(text: str) -> Rounded:
    """parse_rounded for text; printed numbers repeat, and a Rounded is immutable, so results are cached."""
    clean = text.strip()
    if not clean.isascii():
        clean = clean.translate(_MINUS)
    if " " in clean:
        clean = clean.replace(" ", "")
    if not _MATCH(clean):
        raise ValueError(f"not a printed number: {text!r}")
    dot = clean.find(".")
    return Rounded(clean, float(clean), len(clean) - dot - 1 if dot >= 0 else 0)


def parse_rounded(text: str | float | int | Rounded) -> Rounded:
    """Parse a printed number, keeping its decimals. Floats are refused: their trailing zeros are lost.

    Validation: a float or bool raises `NotPrintedText`; text that is not a number a ValueError.
    """
    if type(text) is str:  # the common case first, without the generic checks
        return _parse_text(text)
    if isinstance(text, Rounded):
        return text
    if isinstance(text, (bool, np.bool_, float, np.floating)):
        raise NotPrintedText(f"pass the number as printed text, not {text!r}: a float has lost its trailing zeros")
    if isinstance(text, (int, np.integer)):
        return Rounded(str(int(text)), float(text), 0)
    try:
        return _parse_text(str(text))
    except ValueError:
        raise ValueError(f"not a printed number: {text!r}") from None


def interval(text: str | int | Rounded) -> tuple[float, float]:
    """The closed rounding interval of a printed number. Validation: as `parse_rounded`."""
    r = parse_rounded(text)
    return r.lo, r.hi


def _number(argument: str, x) -> float:
    if isinstance(x, (bool, np.bool_)) or not isinstance(x, (Real, np.number)):
        raise ValueError(f"{argument} = {x!r}: a number is needed")
    return float(x)


def _bounds(argument: str, bounds) -> tuple[float, float]:
    if isinstance(bounds, (str, bytes)) or not hasattr(bounds, "__len__") or len(bounds) != 2:
        raise ValueError(f"{argument} = {bounds!r}: a pair (lower, upper) of numbers is needed")
    return _number(argument, bounds[0]), _number(argument, bounds[1])


def overlaps(a: tuple[float, float], b: tuple[float, float], tol: float = 1e-12) -> bool:
    """Closed intervals intersect (with a hair of float tolerance). Validation: pairs of numbers (ValueError)."""
    a, b = _bounds("a", a), _bounds("b", b)
    return a[0] <= b[1] + tol and b[0] <= a[1] + tol


def contains(bounds: tuple[float, float], x: float, tol: float = 1e-12) -> bool:
    """x lies in the closed interval. Validation: a pair of numbers and a number (ValueError)."""
    bounds, x = _bounds("bounds", bounds), _number("x", x)
    return bounds[0] - tol <= x <= bounds[1] + tol


def abs_interval(lo: float, hi: float) -> tuple[float, float]:
    """Range of |x| for x in [lo, hi]. Validation: numbers with lo <= hi (ValueError)."""
    lo, hi = _number("lo", lo), _number("hi", hi)
    if lo > hi:
        raise ValueError(f"lo, hi = {lo!r}, {hi!r}: the interval needs lo <= hi")
    if lo <= 0 <= hi:
        return 0.0, max(-lo, hi)
    return min(abs(lo), abs(hi)), max(abs(lo), abs(hi))


def fmt(x: float, digits: int = 3) -> str:
    """Stable text for a recomputed number (no float noise, no negative zero).

    Validation: a number or None (shown as "nan"), digits a whole number >= 0 (ValueError).
    """
    if isinstance(digits, bool) or not isinstance(digits, (int, np.integer)) or digits < 0:
        raise ValueError(f"digits = {digits!r}: a whole number >= 0 is needed")
    if x is None:
        return "nan"
    x = _number("x", x)
    if math.isnan(x):
        return "nan"
    if math.isinf(x):
        return "inf" if x > 0 else "-inf"
    text = f"{x:.{digits}f}"
    return "0." + "0" * digits if text.lstrip("-") == "0." + "0" * digits else text


def fmt_interval(bounds: tuple[float, float], digits: int = 3) -> str:
    """"[lo, hi]" with `fmt`. Validation: a pair of numbers (ValueError)."""
    lo, hi = _bounds("bounds", bounds)
    return f"[{fmt(lo, digits)}, {fmt(hi, digits)}]"


def fmt_p(p: float) -> str:
    """p as a reader expects it: three decimals, or < 0.001. Validation: a number (ValueError)."""
    p = _number("p", p)
    return "< 0.001" if p < 0.001 else fmt(p, 3)


def fmt_p_interval(bounds: tuple[float, float]) -> str:
    """A p interval as text ("< 0.001", "0.046", "[0.045, 0.052]"). Validation: a pair of numbers (ValueError)."""
    lo, hi = _bounds("bounds", bounds)
    if hi < 0.001:
        return "< 0.001"
    if fmt_p(lo) == fmt_p(hi):
        return fmt_p(lo)
    return f"[{fmt_p(lo)}, {fmt_p(hi)}]"


def _label(label):
    return label.item() if isinstance(label, np.generic) else label


def column_intervals(printed: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Vectorised rounding intervals for a column of printed numbers (strings), read exactly as `parse_rounded`
    reads them (each distinct text parsed once). Validation: a Series; an empty, float or unreadable cell is a
    ValueError naming the column and row."""
    if not isinstance(printed, pd.Series):
        raise ValueError(f"printed: a pandas Series is needed, got {type(printed).__name__}")
    codes, uniques = pd.factorize(printed.to_numpy(dtype=object), use_na_sentinel=True)

    def error(row: int, why: str) -> ValueError:
        return ValueError(f"column {printed.name!r}, row {_label(printed.index[row])!r}: {why}")

    if (codes < 0).any():
        raise error(int(np.flatnonzero(codes < 0)[0]), "an empty cell where a printed number is needed")
    values, halves = np.empty(len(uniques)), np.empty(len(uniques))
    for k, text in enumerate(uniques):  # in order of first appearance, so the first bad row is reported
        try:
            r = parse_rounded(text)
        except NotPrintedText:
            raise error(int(np.flatnonzero(codes == k)[0]), f"not printed text: {text!r} (a float has lost its "
                                                            f"trailing zeros; give the number as printed)") from None
        except ValueError:
            raise error(int(np.flatnonzero(codes == k)[0]), f"not a printed number: {text!r}") from None
        values[k], halves[k] = r.value, r.half_unit
    values, half = values[codes], halves[codes]
    return values - half, values + half


def fmt_reported(label: str, printed: str | None) -> str:
    """'t = 0.364', 'P < 0.001': a printed value with its label, the relation kept when one is printed.

    Validation: none needed; any value is shown as text, None as "".
    """
    if printed is None:
        return ""
    text = str(printed).strip()
    return f"{label} {text}" if text[:1] in "<>≤≥=" else f"{label} = {text}"


def join_reported(*parts: str) -> str:
    """Non-empty parts joined by ", ". Validation: none needed; parts are shown as text."""
    return ", ".join(str(p) for p in parts if p)
