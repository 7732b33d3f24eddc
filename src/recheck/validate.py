"""One validation layer for every public function: printed numbers are parsed once, and impossible input is
refused with a message that names the argument and its value.

Two kinds of bad input, two rules:

* **A caller's mistake** (text that is not a number, n = 0, df <= 0, items = 0, a float where printed text is
  needed, a list where a number belongs): a `ValueError` naming the argument and its value. Nothing is
  computed.
* **A value the paper prints that no data can have** (a negative SD, a p of 1.042, a count above n, a CI whose
  lower end is above its upper end, a negative chi-square): `ImpossibleValue`, a `ValueError` subclass that also
  carries the argument, the value and the reason. The `check_*` functions, which grade what a paper prints,
  turn it into an `impossible` finding with `impossible_finding`; computing functions let it propagate.

Each public function's docstring says which rule it follows, under "Validation:". The limits:

    SD              >= 0 (ImpossibleValue). A printed "0" or "0.0" stands for [0, half a unit]: the rounding
                    interval is clipped at 0, never below.
    count           whole (ValueError) and >= 0 (ImpossibleValue); above its denominator: ImpossibleValue.
    n               whole and >= 1, >= 2 where an SD is involved (ValueError).
    df              a number > 0 (ValueError).
    interval        lower end <= upper end (ImpossibleValue).
    OR, SE          > 0 (ImpossibleValue). Where a check allows it, a printed "0.00" is a positive value that
                    rounds to zero: its interval is (0, half a unit], and what depends on 1/x is unbounded.
    p               0-1 (ImpossibleValue).
    percent         0-100; a proportion printed as a mean: 0-1 (ImpossibleValue).

Table-level functions take columns of printed strings; a bad cell raises a ValueError (or ImpossibleValue)
naming the column and the row.
"""
from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from numbers import Integral, Real

import numpy as np
import pandas as pd

from .rounding import Rounded, parse_rounded


class ImpossibleValue(ValueError):
    """A well-formed printed value that no data can have (negative SD, p outside 0-1, count above n, ...)."""

    def __init__(self, argument: str, value, reason: str, message: str | None = None):
        super().__init__(message or f"{argument} = {value!r}: {reason}")
        self.argument, self.value, self.reason = argument, value, reason


def printed(argument: str, value) -> Rounded:
    """A printed number (text keeps its decimals); anything else is a ValueError naming the argument."""
    try:
        return parse_rounded(value)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{argument} = {value!r}: {err}") from None


def _whole_number(argument: str, value) -> int:
    """A whole number of any sign, as an int, an integral float or printed text ("52", "-3"): else ValueError."""
    if type(value) is int:
        return value
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(f"{argument} = {value!r}: a whole number is needed")
    if isinstance(value, Integral):
        return int(value)
    if isinstance(value, Real):
        if math.isfinite(value) and float(value).is_integer():
            return int(value)
        raise ValueError(f"{argument} = {value!r}: a whole number is needed")
    try:
        r = parse_rounded(value)
    except (TypeError, ValueError):
        raise ValueError(f"{argument} = {value!r}: a whole number is needed") from None
    if r.exact.denominator != 1:
        raise ValueError(f"{argument} = {value!r}: a whole number is needed")
    return int(r.exact)


def whole(argument: str, value, minimum: int = 0) -> int:
    """A whole number >= minimum, given as an int or as printed text without decimals ("52") (ValueError)."""
    number = _whole_number(argument, value)
    if number < minimum:
        raise ValueError(f"{argument} = {value!r}: must be a whole number >= {minimum}")
    return number


def sample_size(argument: str, value, with_sd: bool = False) -> int:
    """n: a whole number >= 1, or >= 2 where an SD is involved (caller's input: ValueError)."""
    return whole(argument, value, 2 if with_sd else 1)


def count(argument: str, value, upper: int | None = None, upper_name: str = "n") -> int:
    """A printed count: whole (else ValueError) and >= 0; negative or above its denominator: ImpossibleValue."""
    number = _whole_number(argument, value)
    if number < 0:
        raise ImpossibleValue(argument, value, "a count cannot be negative")
    if upper is not None and number > upper:
        raise ImpossibleValue(argument, value, f"a count cannot exceed {upper_name} = {upper}")
    return number


def counts(argument: str, values, length: int | None = None) -> list[int]:
    """A list of printed counts (each as `count`), named argument[i] in errors; optionally of a given length."""
    if isinstance(values, (str, bytes, Mapping)) or not isinstance(values, (Sequence, np.ndarray, pd.Series)):
        raise ValueError(f"{argument} = {values!r}: a list of counts is needed")
    values = list(values)
    if length is not None and len(values) != length:
        raise ValueError(f"{argument} = {values!r}: {length} counts are needed, got {len(values)}")
    return [count(f"{argument}[{i}]", v) for i, v in enumerate(values)]


def sd(argument: str, value) -> Rounded:
    """A printed SD: a number (else ValueError) that is >= 0 (else ImpossibleValue).

    A printed zero ("0", "0.0") is allowed: its rounding interval is [0, half a unit] once clipped with `sd_interval`.
    """
    r = printed(argument, value)
    if r.value < 0:
        raise ImpossibleValue(argument, value, "an SD cannot be negative")
    return r


def sd_interval(r: Rounded) -> tuple[float, float]:
    """The rounding interval of a printed SD (or any quantity >= 0), clipped at 0: "0.0" -> (0, 0.05)."""
    return max(r.lo, 0.0), r.hi


def nonnegative(argument: str, value, what: str = "value") -> Rounded:
    """A printed statistic that cannot be negative (chi-square, F, Wald, U): ImpossibleValue when it is."""
    r = printed(argument, value)
    if r.value < 0:
        raise ImpossibleValue(argument, value, f"a {what} cannot be negative")
    return r


def positive(argument: str, value, what: str = "value", zero_ok: bool = False) -> Rounded:
    """A printed OR, SE or other ratio that must be > 0: ImpossibleValue when it is not.

    zero_ok=True lets a printed zero ("0.00") through: a positive value that rounds to zero, of which only the
    rounding interval's upper end is known (the caller must treat its lower end as 0+, e.g. an unbounded log).
    """
    r = printed(argument, value)
    if r.value < 0 or (r.value == 0 and not zero_ok):
        raise ImpossibleValue(argument, value, f"{'an' if what[0] in 'aeiouAEIOU' else 'a'} {what} must be above 0")
    return r


def percent(argument: str, value) -> Rounded:
    """A printed percent: a number (ValueError) between 0 and 100 (ImpossibleValue)."""
    r = printed(argument, value)
    if not 0 <= r.value <= 100:
        raise ImpossibleValue(argument, value, "a percent must lie between 0 and 100")
    return r


def proportion(argument: str, value) -> Rounded:
    """A proportion printed as a mean of 0/1 data: a number (ValueError) between 0 and 1 (ImpossibleValue)."""
    r = printed(argument, value)
    if not 0 <= r.value <= 1:
        raise ImpossibleValue(argument, value, "a proportion (mean of 0/1 data) must lie between 0 and 1")
    return r


def p_value(argument: str, value):
    """A printed p ("0.046", "< 0.001", "P = .03"): unreadable text is a ValueError, a p outside 0-1 an
    ImpossibleValue. Returns a `cells.PValue`."""
    from .cells import parse_p

    if value is None or isinstance(value, (bool, float)) or not isinstance(value, (str, Integral, Rounded)):
        raise ValueError(f"{argument} = {value!r}: a p-value as printed text is needed")
    try:
        return parse_p(value)
    except ImpossibleValue as err:
        raise ImpossibleValue(argument, value, err.reason) from None
    except ValueError as err:
        raise ValueError(f"{argument} = {value!r}: {err}") from None


def degrees_of_freedom(argument: str, value) -> float:
    """df: a real number > 0 (caller's input: ValueError)."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value) or value <= 0:
        raise ValueError(f"{argument} = {value!r}: degrees of freedom must be a number above 0")
    return float(value)


def probability(argument: str, value: float) -> float:
    """A plain probability or level in the open interval (0, 1), e.g. alpha (caller's input: ValueError)."""
    if isinstance(value, bool) or not isinstance(value, Real) or not 0 < value < 1:
        raise ValueError(f"{argument} = {value!r}: must lie strictly between 0 and 1")
    return float(value)


def real(argument: str, value) -> float:
    """A plain finite number (int, float, numpy scalar); not text, not a bool (ValueError)."""
    if isinstance(value, bool) or not isinstance(value, Real) or not math.isfinite(value):
        raise ValueError(f"{argument} = {value!r}: a finite number is needed")
    return float(value)


def choice(argument: str, value, options) -> str:
    """One of a fixed set of options (ValueError listing them)."""
    if not isinstance(value, str) or value not in options:
        raise ValueError(f"{argument} = {value!r}: must be one of {', '.join(map(repr, options))}")
    return value


def text(argument: str, value, optional: bool = False) -> str | None:
    """A str (or None when optional): anything else is a ValueError."""
    if value is None and optional:
        return None
    if not isinstance(value, str):
        raise ValueError(f"{argument} = {value!r}: text is needed")
    return value


def names(argument: str, value, optional: bool = True) -> list[str]:
    """A list of names (column names): a bare string or a list holding non-strings is a ValueError."""
    if value is None and optional:
        return []
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (Sequence, set, frozenset, tuple)):
        raise ValueError(f"{argument} = {value!r}: a list of names is needed")
    out = list(value)
    bad = [v for v in out if not isinstance(v, str)]
    if bad:
        raise ValueError(f"{argument} = {value!r}: every name must be text, got {bad[0]!r}")
    return out


def pair(argument: str, value) -> tuple:
    """Two values (a tuple or list of length 2): else ValueError."""
    if isinstance(value, (str, bytes, Mapping)) or not isinstance(value, (Sequence, np.ndarray)) or len(value) != 2:
        raise ValueError(f"{argument} = {value!r}: a pair (lower, upper) is needed")
    return tuple(value)


def scale(lower_name: str, lower, upper_name: str, upper) -> tuple[float, float]:
    """The ends of a measurement scale: finite numbers with lower < upper (caller's input: ValueError)."""
    lo, hi = real(lower_name, lower), real(upper_name, upper)
    if not lo < hi:
        raise ValueError(f"{lower_name}, {upper_name} = {lower!r}, {upper!r}: the scale needs lower < upper")
    return lo, hi


def interval_order(lower_name: str, lower: Rounded, upper_name: str, upper: Rounded) -> None:
    """A printed interval's lower end must not lie above its upper end (ImpossibleValue)."""
    if lower.value > upper.value:
        raise ImpossibleValue(f"{lower_name}, {upper_name}", f"{lower.printed}, {upper.printed}",
                              "the lower end lies above the upper end")


def impossible_finding(check: str, reported: str, err: ImpossibleValue):
    """The finding a paper check returns when a printed value is impossible in itself."""
    from .findings import Finding

    return Finding(check, reported, "nothing: no data can give this value", "impossible", "value as printed",
                   f"{err.argument} = {err.value}: {err.reason}.")


# ---------------------------------------------------------------------------------------------------------------
# Columns of a table: validated once, errors name the column and the row.

def _plain(value):
    """A numpy scalar as the Python value it holds (for messages: 60, not np.int64(60))."""
    return value.item() if isinstance(value, np.generic) else value


def _row_label(frame: pd.DataFrame, position: int):
    return _plain(frame.index[position])


def cell_error(frame: pd.DataFrame, column: str, position: int, message: str) -> ValueError:
    """A ValueError located at one cell: "column 'mean', row 17: ..."."""
    return ValueError(f"column {column!r}, row {_row_label(frame, position)!r}: {message}")


def cell_impossible(frame: pd.DataFrame, column: str, position: int, value, reason: str) -> ImpossibleValue:
    """An ImpossibleValue located at one cell."""
    value = _plain(value)
    where = f"column {column!r}, row {_row_label(frame, position)!r}"
    return ImpossibleValue(column, value, reason, f"{where}: {value!r}: {reason}")


def table(argument: str, value, required: Sequence[str]) -> pd.DataFrame:
    """A DataFrame holding the required columns (ValueError naming the missing ones)."""
    if not isinstance(value, pd.DataFrame):
        raise ValueError(f"{argument}: a pandas DataFrame is needed, got {type(value).__name__}")
    missing = [c for c in required if c not in value.columns]
    if missing:
        raise ValueError(f"{argument}: missing column(s) {missing}; columns are {list(value.columns)}")
    if value.columns.duplicated().any():
        raise ValueError(f"{argument}: repeated column names {list(value.columns[value.columns.duplicated()])}")
    return value


def whole_column(frame: pd.DataFrame, column: str, minimum: int, what: str = "a whole number") -> np.ndarray:
    """A column of whole numbers >= minimum (ints, integral floats or printed text) as int64 or, when too large,
    Python ints; a bad cell is a ValueError naming the column and row."""
    series = frame[column]
    values = series.to_numpy()
    if values.dtype.kind in "iu":
        out = values.astype(np.int64) if values.dtype.kind == "i" or values.max(initial=0) < 2**63 else \
            values.astype(object)
    elif values.dtype.kind == "f":
        bad = ~np.isfinite(values) | (np.floor(values) != values)
        if bad.any():
            i = int(np.flatnonzero(bad)[0])
            raise cell_error(frame, column, i, f"{what} is needed, got {_plain(values[i])!r}")
        if np.abs(values).max(initial=0) >= 2**53:
            raise cell_error(frame, column, int(np.argmax(np.abs(values))),
                             "whole numbers this large must be given as integers or text, not floats")
        out = values.astype(np.int64)
    else:
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        if (codes < 0).any():
            i = int(np.flatnonzero(codes < 0)[0])
            raise cell_error(frame, column, i, f"{what} is needed, got an empty cell")
        parsed = []
        for k, v in enumerate(uniques):
            try:
                parsed.append(_whole_number(column, v))
            except ValueError:
                i = int(np.flatnonzero(codes == k)[0])
                raise cell_error(frame, column, i, f"{what} is needed, got {_plain(v)!r}") from None
        big = any(abs(p) >= 2**62 for p in parsed)
        out = np.array(parsed, dtype=object if big else np.int64)[codes]
    low = out < minimum
    if low.any():
        i = int(np.flatnonzero(low)[0])
        raise cell_error(frame, column, i, f"must be a whole number >= {minimum}, got {_plain(values[i])!r}")
    return out


_POW10 = np.array([10**k for k in range(19)], dtype=np.int64)
_FAST_DIGITS = 18


def _parse_exact_slow(texts) -> tuple[list, list, list[bool]]:
    """Printed numbers one by one: (scaled integer N, decimals d, ok) with value = N / 10**d."""
    ns, ds, ok = [], [], []
    for t in texts:
        try:
            r = parse_rounded(t)
        except (TypeError, ValueError):
            ns.append(0), ds.append(0), ok.append(False)
            continue
        ns.append(int(r.exact * 10**r.decimals)), ds.append(r.decimals), ok.append(True)
    return ns, ds, ok


def _parse_exact_ascii(texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Vectorised parse of ASCII printed numbers: (N int64, d int64, ok, slow) where `slow` marks texts the
    byte-level grammar leaves to `parse_rounded` (other whitespace, NUL, more than 18 digits)."""
    count_ = len(texts)
    raw = np.array(texts, dtype="S")
    width = max(raw.dtype.itemsize, 1)
    c = raw.view(np.uint8).reshape(count_, width) if raw.dtype.itemsize else np.zeros((count_, 1), np.uint8)
    lengths = np.fromiter(map(len, texts), dtype=np.int64, count=count_)
    inside = np.arange(width)[None, :] < lengths[:, None]
    digit = (c >= 48) & (c <= 57)
    dot = c == 46
    sign = (c == 43) | (c == 45)
    space = c == 32
    other = inside & ~(digit | dot | sign | space)
    n_digits = digit.sum(axis=1)
    slow = other.any(axis=1) | (n_digits > _FAST_DIGITS)
    content = digit | dot
    first_content = np.where(content.any(axis=1), content.argmax(axis=1), width)
    n_sign = sign.sum(axis=1)
    ok = ((n_digits >= 1) & (dot.sum(axis=1) <= 1) & (n_sign <= 1)
          & ((n_sign == 0) | (sign.argmax(axis=1) < first_content)))
    at_or_right = np.cumsum(digit[:, ::-1], axis=1)[:, ::-1]
    right = np.minimum(at_or_right - digit, _FAST_DIGITS)
    n = np.where(digit, (c.astype(np.int64) - 48) * _POW10[right], 0).sum(axis=1)
    n = np.where((c == 45).any(axis=1), -n, n)
    has_dot = dot.any(axis=1)
    d = np.where(has_dot, at_or_right[np.arange(count_), dot.argmax(axis=1)], 0)
    return n, d.astype(np.int64), ok & ~slow, slow


def exact_column(frame: pd.DataFrame, column: str) -> tuple[np.ndarray, np.ndarray]:
    """A column of printed numbers as exact scaled integers: (N, d) with value = N / 10**d, d the decimals
    printed. N is int64, or Python ints (object) when a value needs more than 18 digits. Text is read as
    `parse_rounded` reads it (Unicode minus, spaces); floats are refused (their trailing zeros are lost) and
    every bad cell is a ValueError naming the column and the row. Vectorised: each distinct text is parsed once.
    """
    values = frame[column].to_numpy(dtype=object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if (codes < 0).any():
        i = int(np.flatnonzero(codes < 0)[0])
        raise cell_error(frame, column, i, "an empty cell where a printed number is needed")
    k = len(uniques)
    n_out = np.zeros(k, dtype=np.int64)
    d_out = np.zeros(k, dtype=np.int64)
    ok = np.zeros(k, dtype=bool)
    is_text = np.fromiter((type(u) is str for u in uniques), dtype=bool, count=k)
    ascii_ = np.zeros(k, dtype=bool)
    if is_text.any():
        ascii_[is_text] = np.fromiter((u.isascii() for u in uniques[is_text]), dtype=bool, count=int(is_text.sum()))
    big: dict[int, int] = {}
    fast_idx = np.flatnonzero(ascii_)
    slow_idx = list(np.flatnonzero(~ascii_))
    if len(fast_idx):
        n, d, good, slow = _parse_exact_ascii(list(uniques[fast_idx]))
        n_out[fast_idx], d_out[fast_idx], ok[fast_idx] = n, d, good
        slow_idx += list(fast_idx[slow])
    for i in slow_idx:
        u = uniques[i]
        if isinstance(u, (bool, np.bool_)) or isinstance(u, (float, np.floating)):
            continue  # refused below with the reason
        ns, ds, oks = _parse_exact_slow([u.item() if isinstance(u, np.generic) else u])
        if oks[0]:
            if abs(ns[0]) >= 2**62:
                big[i] = ns[0]
            else:
                n_out[i] = ns[0]
            d_out[i], ok[i] = ds[0], True
    if not ok.all():
        bad = int(np.flatnonzero(~ok)[0])
        i = int(np.flatnonzero(codes == bad)[0])
        u = uniques[bad]
        reason = ("a float has lost its trailing zeros: give the number as printed text"
                  if isinstance(u, (float, np.floating)) and not isinstance(u, (bool, np.bool_))
                  else f"not a printed number: {u!r}")
        raise cell_error(frame, column, i, reason)
    if big:
        n_obj = n_out.astype(object)
        for i, v in big.items():
            n_obj[i] = v
        return n_obj[codes], d_out[codes]
    return n_out[codes], d_out[codes]


def p_column(frame: pd.DataFrame, column: str = "p") -> None:
    """Every printed P of a table column readable (ValueError) and within 0-1 (ImpossibleValue), located by column
    and row. Each distinct printed value is parsed once."""
    codes, uniques = pd.factorize(frame[column].to_numpy(dtype=object), use_na_sentinel=True)
    if (codes < 0).any():
        raise cell_error(frame, column, int(np.flatnonzero(codes < 0)[0]), "an empty cell where a printed P is needed")
    for k, printed_p in enumerate(uniques):
        row = int(np.flatnonzero(codes == k)[0])
        try:
            p_value(column, printed_p)
        except ImpossibleValue as err:
            raise cell_impossible(frame, column, row, printed_p, err.reason) from None
        except ValueError as err:
            raise cell_error(frame, column, row, str(err)) from None
