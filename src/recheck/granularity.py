"""Granularity checks for means and SDs of whole-number data, and SD bounds for bounded scales.

GRIM (Brown & Heathers 2016): n whole-number scores sum to a whole number S, so the mean is S/n; a printed
mean that no whole S can round to is impossible. More generally each person's score is a whole multiple of
a step: 1/items for the average of `items` whole-number items, `unit` for scores that move in steps of
`unit` (an ODI from all ten items is 2 × a whole number). Scores divided by the step are whole numbers.

GRIMMER (Anaya 2016): the sum of squares Q = Σx² is a whole number too, and Q ≡ S (mod 2) because x² ≡ x.
The SD fixes Q = (n−1)·SD² + S²/n. Unlike the published calculator, we try *every* whole S that the
rounded mean allows, and require Q to reach at least the smallest sum of squares any data with total S
can have (the scores spread as evenly as possible).

DEBIT (Heathers & Brown 2019): for 0/1 data the SD is fixed by the mean, SD² = k(n−k)/(n(n−1)). We also
require the mean itself to be k/n for a whole k (its own granularity), which the published test skips.

Everything runs in exact rational arithmetic: the borderline cases are exactly the ones that matter.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from .findings import Finding
from .rounding import fmt, fmt_interval, parse_rounded


@dataclass(frozen=True)
class Granularity:
    """consistent: some whole-number data fit; sums: the totals S that fit (empty when none)."""

    consistent: bool
    sums: tuple[int, ...]


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def _floor(x: Fraction) -> int:
    return x.numerator // x.denominator


def _scale(items: int, unit: int) -> Fraction:
    """Factor that turns a person's score into a whole number: items / unit."""
    if items <= 0 or unit <= 0:
        raise ValueError("items and unit must be positive")
    return Fraction(items, unit)


def grim_sums(mean, n: int, items: int = 1, unit: int = 1) -> list[int]:
    """Every whole total S of the n scaled scores (score · items / unit) whose mean rounds to the printed one."""
    if n <= 0:
        raise ValueError("n must be positive")
    lo, hi = parse_rounded(mean).exact_interval()
    size = n * _scale(items, unit)
    return list(range(_ceil(lo * size), _floor(hi * size) + 1))


def grim_consistent(mean, n: int, items: int = 1, unit: int = 1) -> bool:
    return bool(grim_sums(mean, n, items, unit))


def _min_sum_of_squares(total: int, n: int) -> int:
    """Smallest Σx² for n whole numbers summing to total: as even as possible."""
    q, r = divmod(total, n)
    return r * (q + 1) ** 2 + (n - r) * q**2


def grimmer_test(mean, sd, n: int, items: int = 1, unit: int = 1) -> Granularity:
    """GRIMMER over every total the mean allows. SD is the sample SD (n − 1 denominator)."""
    if n < 2:
        raise ValueError("an SD needs n >= 2")
    s_lo, s_hi = parse_rounded(sd).exact_interval()
    s_lo = max(s_lo, Fraction(0))
    fitting = []
    g = _scale(items, unit)
    for total in grim_sums(mean, n, items, unit):
        offset = Fraction(total * total, n)
        q_lo = (n - 1) * (g * s_lo) ** 2 + offset
        q_hi = (n - 1) * (g * s_hi) ** 2 + offset
        first = max(_ceil(q_lo), _min_sum_of_squares(total, n))
        if first % 2 != total % 2:
            first += 1
        if first <= q_hi:
            fitting.append(total)
    return Granularity(bool(fitting), tuple(fitting))


def grimmer_consistent(mean, sd, n: int, items: int = 1, unit: int = 1) -> bool:
    return grimmer_test(mean, sd, n, items, unit).consistent


def debit_test(mean, sd, n: int) -> Granularity:
    """DEBIT for a proportion printed as a mean (0-1) with its sample SD; `sums` are the fitting counts k."""
    if n < 2:
        raise ValueError("an SD needs n >= 2")
    m_lo, m_hi = parse_rounded(mean).exact_interval()
    s_lo, s_hi = parse_rounded(sd).exact_interval()
    fitting = []
    for k in range(max(0, _ceil(m_lo * n)), min(n, _floor(m_hi * n)) + 1):
        var = Fraction(k * (n - k), n * (n - 1))
        if max(s_lo, Fraction(0)) ** 2 <= var <= s_hi**2:
            fitting.append(k)
    return Granularity(bool(fitting), tuple(fitting))


def debit_consistent(mean, sd, n: int) -> bool:
    return debit_test(mean, sd, n).consistent


def sd_bounds(mean, n: int, lower: float, upper: float, integer: bool = True, items: int = 1,
              unit: int = 1) -> tuple[float, float]:
    """Smallest and largest sample SD that n scores on [lower, upper] with the printed mean can have.

    integer=True: scores are whole multiples of unit/items (whole numbers by default), and every total the
    rounded mean allows is tried. integer=False: any real scores; the minimum is then 0.
    """
    if n < 2:
        raise ValueError("an SD needs n >= 2")
    m = parse_rounded(mean)
    if m.hi < lower or m.lo > upper:
        raise ValueError(f"mean {mean} lies outside the scale {lower}-{upper}")
    if not integer:
        lo, hi = max(m.lo, lower), min(m.hi, upper)
        mid = (lower + upper) / 2
        spread = max((x - lower) * (upper - x) for x in (lo, hi, min(max(mid, lo), hi)))
        return 0.0, math.sqrt(spread * n / (n - 1))
    g = _scale(items, unit)
    a, b = math.ceil(Fraction(lower) * g), math.floor(Fraction(upper) * g)
    totals = [s for s in grim_sums(mean, n, items, unit) if a * n <= s <= b * n]
    if not totals:
        raise ValueError(f"no whole-number data on {lower}-{upper} with n = {n} give the mean {mean}")

    def sd_of(total: int, squares: int) -> float:
        return math.sqrt(float((Fraction(squares) - Fraction(total * total, n)) / (n - 1) / g**2))

    def max_squares(total: int) -> int:
        tops, rest = divmod(total - a * n, b - a) if b > a else (0, 0)
        if tops >= n:
            return n * b * b
        return tops * b * b + (n - tops - 1) * a * a + (a + rest) ** 2

    smallest = min(sd_of(s, _min_sum_of_squares(s, n)) for s in totals)
    largest = max(sd_of(s, max_squares(s)) for s in totals)
    return smallest, largest


def check_grim(mean, n: int, items: int = 1, unit: int = 1, what: str = "whole-number scores") -> Finding:
    sums = grim_sums(mean, n, items, unit)
    size = n * _scale(items, unit)
    assumption = what + (f"; {items} items per person" if items > 1 else "")

    def mean_of(total: int) -> str:
        return fmt(float(total / size), 4)

    if sums:
        note = (" (GRIM cannot detect anything here: every mean is possible at this n and precision)"
                if size >= 10 ** parse_rounded(mean).decimals else "")
        return Finding("GRIM", f"mean {mean}, n = {n}", f"mean {mean_of(sums[0])} is possible", "consistent",
                       assumption, "Some whole-number total gives this mean." + note)
    near = round(parse_rounded(mean).value * size)
    return Finding("GRIM", f"mean {mean}, n = {n}",
                   f"nearest possible means {mean_of(near - 1)}, {mean_of(near)}, {mean_of(near + 1)}",
                   "impossible", assumption,
                   f"No whole-number data from {n} people average to {mean} after rounding.")


def check_grimmer(mean, sd, n: int, items: int = 1, unit: int = 1, what: str = "whole-number scores") -> Finding:
    result = grimmer_test(mean, sd, n, items, unit)
    reported = f"mean {mean}, SD {sd}, n = {n}"
    assumption = f"{what}; sample SD (n - 1)" + (f"; {items} items per person" if items > 1 else "")
    if not grim_sums(mean, n, items, unit):
        return Finding("GRIMMER", reported, "mean fails GRIM", "impossible", assumption,
                       "The mean itself cannot come from whole-number data, so the SD is not tested further.")
    if result.consistent:
        return Finding("GRIMMER", reported, f"{len(result.sums)} fitting total(s), e.g. {result.sums[0]}",
                       "consistent", assumption, "Some whole-number data give both this mean and this SD.")
    return Finding("GRIMMER", reported, "no fitting sum of squares", "impossible", assumption,
                   "For every total the mean allows, no whole-number sum of squares gives this SD after rounding.")


def check_debit(mean, sd, n: int) -> Finding:
    result = debit_test(mean, sd, n)
    reported = f"proportion {mean}, SD {sd}, n = {n}"
    assumption = "0/1 data; sample SD (n - 1)"
    if result.consistent:
        return Finding("DEBIT", reported, f"k = {result.sums[0]} of {n}", "consistent", assumption,
                       "A whole count of ones gives both the mean and the SD.")
    lo, hi = parse_rounded(mean).exact_interval()
    counts = [k for k in range(n + 1) if lo <= Fraction(k, n) <= hi]
    why = ("no whole count k gives k/n = " + mean if not counts
           else f"the counts {counts} that give the mean imply SDs "
                + ", ".join(fmt(math.sqrt(k * (n - k) / (n * (n - 1))), 4) for k in counts))
    return Finding("DEBIT", reported, why, "impossible", assumption,
                   "For 0/1 data the SD follows from the mean; the printed pair does not fit.")


def check_sd_bounds(mean, sd, n: int, lower: float, upper: float, integer: bool = True, items: int = 1,
                    unit: int = 1, what: str = "bounded scale") -> Finding:
    assumption = f"{what} from {lower:g} to {upper:g}" + ("; whole-number scores" if integer else "")
    reported = f"mean {mean}, SD {sd}, n = {n}"
    if integer and not grim_sums(mean, n, items, unit):
        # The assumption stays as stated: under it no data have this mean, so there is no SD to bound.
        return Finding("SD bounds", reported, "no whole-number data have this mean", "not_checkable", assumption,
                       "Under this assumption the mean itself is impossible (see GRIM), so no SD range exists to "
                       "compare with; the SD could be bounded only from the raw scores or another assumption.")
    lo, hi = sd_bounds(mean, n, lower, upper, integer, items, unit)
    s = parse_rounded(sd)
    recomputed = f"possible SD {fmt_interval((lo, hi))}"
    if s.hi < lo - 1e-12:
        return Finding("SD bounds", reported, recomputed, "impossible", assumption,
                       f"The SD is smaller than any data on this scale with this mean can give (minimum {fmt(lo)}).")
    if s.lo > hi + 1e-12:
        return Finding("SD bounds", reported, recomputed, "impossible", assumption,
                       f"The SD is larger than any data on this scale with this mean can give (maximum {fmt(hi)}).")
    return Finding("SD bounds", reported, recomputed, "consistent", assumption,
                   "The SD lies within what the scale allows at this mean.")
