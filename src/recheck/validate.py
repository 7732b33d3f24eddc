"""One validation layer for every public function: printed numbers are parsed once, and impossible input is
refused with a message that names the argument and its value.

Two kinds of bad input, two rules:

* **A caller's mistake** (text that is not a number, n = 0, df <= 0, items = 0): a `ValueError` naming the
  argument and its value. Nothing is computed.
* **A value the paper prints that no data can have** (a negative SD, a p of 1.042, a count above n, a CI whose
  lower end is above its upper end, a negative chi-square): `ImpossibleValue`, a `ValueError` subclass that also
  carries the argument, the value and the reason. The `check_*` functions, which grade what a paper prints,
  turn it into an `impossible` finding with `impossible_finding`; computing functions let it propagate.

Each public function's docstring says which rule it follows.
"""
from __future__ import annotations

import math
from numbers import Integral, Real

from .rounding import Rounded, parse_rounded


class ImpossibleValue(ValueError):
    """A well-formed printed value that no data can have (negative SD, p outside 0-1, count above n, ...)."""

    def __init__(self, argument: str, value, reason: str):
        super().__init__(f"{argument} = {value!r}: {reason}")
        self.argument, self.value, self.reason = argument, value, reason


def printed(argument: str, value) -> Rounded:
    """A printed number (text keeps its decimals); anything else is a ValueError naming the argument."""
    try:
        return parse_rounded(value)
    except (TypeError, ValueError) as err:
        raise ValueError(f"{argument} = {value!r}: {err}") from None


def whole(argument: str, value, minimum: int = 0) -> int:
    """A whole number >= minimum, given as an int or as printed text without decimals ("52")."""
    if isinstance(value, bool):
        raise ValueError(f"{argument} = {value!r}: a whole number is needed")
    if isinstance(value, Integral):
        number = int(value)
    elif isinstance(value, Real) and math.isfinite(value) and float(value).is_integer():
        number = int(value)
    else:
        try:
            r = parse_rounded(value)
        except (TypeError, ValueError):
            raise ValueError(f"{argument} = {value!r}: a whole number is needed") from None
        if not r.exact.denominator == 1:
            raise ValueError(f"{argument} = {value!r}: a whole number is needed")
        number = int(r.exact)
    if number < minimum:
        raise ValueError(f"{argument} = {value!r}: must be a whole number >= {minimum}")
    return number


def sample_size(argument: str, value, with_sd: bool = False) -> int:
    """n: a whole number >= 1, or >= 2 where an SD is involved (caller's input: ValueError)."""
    return whole(argument, value, 2 if with_sd else 1)


def count(argument: str, value, upper: int | None = None, upper_name: str = "n") -> int:
    """A printed count: whole and >= 0 (else ValueError); above its denominator it is an ImpossibleValue."""
    if isinstance(value, Real) and not isinstance(value, bool) and value < 0:
        raise ImpossibleValue(argument, value, "a count cannot be negative")
    number = whole(argument, value, 0)
    if upper is not None and number > upper:
        raise ImpossibleValue(argument, value, f"a count cannot exceed {upper_name} = {upper}")
    return number


def sd(argument: str, value) -> Rounded:
    """A printed SD: a number (else ValueError) that is >= 0 (else ImpossibleValue)."""
    r = printed(argument, value)
    if r.value < 0:
        raise ImpossibleValue(argument, value, "an SD cannot be negative")
    return r


def nonnegative(argument: str, value, what: str = "value") -> Rounded:
    """A printed statistic that cannot be negative (chi-square, F, Wald): ImpossibleValue when it is."""
    r = printed(argument, value)
    if r.value < 0:
        raise ImpossibleValue(argument, value, f"a {what} cannot be negative")
    return r


def positive(argument: str, value, what: str = "value") -> Rounded:
    """A printed OR, SE or other ratio that must be > 0: ImpossibleValue when it is not."""
    r = printed(argument, value)
    if r.value <= 0:
        raise ImpossibleValue(argument, value, f"{'an' if what[0] in 'aeiouAEIOU' else 'a'} {what} must be above 0")
    return r


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
