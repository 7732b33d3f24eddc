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

Constant time and memory in n
-----------------------------
Nothing lists every total. With g = items/unit and the printed mean N / 10^d (interval [(2N−1), (2N+1)] / (2·10^d)):

* GRIM: the totals are the whole numbers in [⌈(2N−1)·n·g / (2·10^d)⌉, ⌊(2N+1)·n·g / (2·10^d)⌋], a `range`.
* GRIMMER: write S = k·n + r (0 <= r < n) and T = n·Q − S² (n times the sum of squared deviations, a whole
  number). The three conditions on Q become conditions on T alone:
      (n−1)(g·sd_lo)² + S²/n <= Q <= (n−1)(g·sd_hi)² + S²/n   <=>   t_lo <= T <= t_hi,
          t_lo = ⌈n(n−1)(g·sd_lo)²⌉, t_hi = ⌊n(n−1)(g·sd_hi)²⌋   (sd_lo clipped at 0);
      Q >= the evenest sum of squares r(q+1)² + (n−r)q²          <=>   T >= r(n−r);
      Q whole and Q ≡ S (mod 2)                                  <=>   T ≡ nS − S² ≡ r(n−r) (mod 2n)
  (nS − S² = (kn+r)((1−k)n−r) = k(1−k)n² + (1−2k)rn − r², and k(1−k) is even). So T = r(n−r) + 2n·j with
  j >= 0, and whether a total fits depends on r = S mod n only:
      fits(r)  <=>  c = r(n−r) <= t_hi  and  c + 2n·max(0, ⌈(t_lo − c)/(2n)⌉) <= t_hi.
  When t_hi − t_lo + 1 >= 2n every class mod 2n meets [t_lo, t_hi], so fits(r) <=> r(n−r) <= t_hi: the fitting
  remainders are [0, a] ∪ [n−a, n−1] (a from an integer square root), and the totals that can matter are the
  ends of the mean's range and a multiple of n inside it (r(n−r) is least there). Otherwise the window is
  narrow, (n−1)·g²·(sd_hi² − sd_lo²) < 2, and r(n−r) <= t_hi with r <= n/2 forces r <= 2·t_hi/n, which is
  below about 2·sd·10^(SD decimals) whatever n is: we test those remainders, or the mean's totals if they are
  fewer. The fitting totals come back as `Totals`, a lazy sequence of any length.
* DEBIT: k(n−k) rises up to n/2 and falls after, so the counts whose SD fits are [b, a] and [n−a, n−b], both
  from integer square roots, intersected with the counts the mean allows.
* SD bounds: the least sum of squared deviations for total S is r(n−r)/n (smallest at the ends of the range or at
  a multiple of n); the largest, for scaled scores on [a, b] with w = b − a and S − a·n = m·w + u (0 <= u < w), is
  w²·m(n−m)/n + u²(1 − 1/n) − 2·m·w·u/n, convex in u within each step of w and concave in m across steps, so its
  maximum lies at the ends of the range or at the multiple of w nearest n/2.

Table-level versions (`grim_table`, `grimmer_table`, `debit_table`) check every row of a DataFrame of printed
strings at once in exact integer arithmetic (int64 where it cannot overflow, Python integers elsewhere).

Validation (one rule per function, see `validate`): computing functions (`grim_totals`, `grim_sums`,
`grim_consistent`, `grimmer_test`, `grimmer_consistent`, `debit_test`, `debit_consistent`, `sd_bounds`, the
tables) raise a ValueError for a caller's mistake (mean not a printed number, n < 1 or < 2 with an SD, items or
unit < 1, lower >= upper) and an ImpossibleValue for an impossible printed value (negative SD, a proportion
outside 0-1, a mean outside the scale). The `check_*` functions raise the same ValueErrors but return an
`impossible` finding for an impossible printed value.
"""
from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from numbers import Integral

import numpy as np
import pandas as pd

from .findings import Finding
from .rounding import Rounded, fmt, fmt_interval
from .validate import (
    ImpossibleValue, cell_impossible, exact_column, impossible_finding, printed, proportion, sample_size, scale,
    sd as printed_sd, table, text, whole, whole_column,
)

_LIST_LIMIT = 1_000_000  # grim_sums refuses to list more totals than this: use grim_totals
_LISTED = 1_000  # a finding lists at most this many counts; more are summarised by their range


class Totals(Sequence):
    """The whole numbers in [first, last] whose remainder modulo `modulus` lies in `residues` (sorted, disjoint
    closed intervals within [0, modulus)): a read-only sequence of any length in constant memory.

    Compares equal to a tuple or list holding the same numbers in order, so `Granularity.sums == (48,)` reads
    as before.
    """

    __slots__ = ("first", "last", "modulus", "residues", "_starts", "_cum", "_per", "_len")

    def __init__(self, first: int, last: int, modulus: int, residues):
        merged: list[list[int]] = []
        for a, b in sorted((int(a), int(b)) for a, b in residues):
            if not 0 <= a <= b < modulus:
                raise ValueError(f"residue interval [{a}, {b}] outside [0, {modulus})")
            if merged and a <= merged[-1][1] + 1:
                merged[-1][1] = max(merged[-1][1], b)
            else:
                merged.append([a, b])
        self.first, self.last, self.modulus = int(first), int(last), int(modulus)
        self.residues = tuple((a, b) for a, b in merged)
        self._starts = [a for a, _ in self.residues]
        cum = [0]
        for a, b in self.residues:
            cum.append(cum[-1] + b - a + 1)
        self._cum = cum
        self._per = cum[-1]
        self._len = max(0, self._below(self.last + 1) - self._below(self.first)) if self.last >= self.first else 0

    def _below(self, x: int) -> int:
        """How many members of the unbounded pattern lie below x (counted from 0; negative below 0)."""
        q, rem = divmod(x, self.modulus)
        i = bisect_right(self._starts, rem - 1)
        within = 0 if i == 0 else self._cum[i - 1] + min(self.residues[i - 1][1], rem - 1) - self.residues[i - 1][0] + 1
        return q * self._per + within

    def __len__(self) -> int:
        return self._len

    def __getitem__(self, index):
        if isinstance(index, slice):
            return tuple(self[i] for i in range(*index.indices(self._len)))
        if isinstance(index, bool) or not isinstance(index, Integral):
            raise TypeError(f"Totals indices are integers, not {type(index).__name__}")
        i = int(index) + (self._len if index < 0 else 0)
        if not 0 <= i < self._len:
            raise IndexError("Totals index out of range")
        q, j = divmod(self._below(self.first) + i, self._per)
        k = bisect_right(self._cum, j) - 1
        return q * self.modulus + self.residues[k][0] + j - self._cum[k]

    def __iter__(self):
        for i in range(self._len):
            yield self[i]

    def __contains__(self, x) -> bool:
        if isinstance(x, bool) or not isinstance(x, Integral) or not self.first <= x <= self.last:
            return False
        rem = int(x) % self.modulus
        i = bisect_right(self._starts, rem) - 1
        return i >= 0 and rem <= self.residues[i][1]

    def __eq__(self, other) -> bool:
        if isinstance(other, Totals):
            if len(self) != len(other):
                return False
            if (self.first, self.last, self.modulus, self.residues) == (other.first, other.last, other.modulus,
                                                                        other.residues):
                return True
            return all(a == b for a, b in zip(self, other))
        if isinstance(other, (tuple, list, range)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    def __hash__(self) -> int:
        return hash(tuple(self)) if self._len <= 10_000 else hash((Totals, self.first, self.last, self.modulus,
                                                                   self.residues))

    def __repr__(self) -> str:
        if self._len <= 8:
            return f"Totals({', '.join(map(str, self))})"
        head = ", ".join(str(self[i]) for i in range(3))
        return f"Totals({head}, ..., {self[-1]}; {self._len} totals)"


@dataclass(frozen=True)
class Granularity:
    """consistent: some whole-number data fit; sums: the totals S that fit (empty when none), a `Totals`
    sequence in constant memory that compares equal to the tuple of those totals."""

    consistent: bool
    sums: Sequence[int]


def _scale(items, unit) -> tuple[int, int]:
    """items and unit, validated (whole numbers >= 1): a score times items / unit is a whole number."""
    return whole("items", items, 1), whole("unit", unit, 1)


def _grim_range(m: Rounded, n: int, g: tuple[int, int]) -> tuple[int, int]:
    """First and last whole total of the n scaled scores whose mean rounds to the printed one (empty if first >
    last): ⌈(2N − 1)·n·items / (2·10^d·unit)⌉ and ⌊(2N + 1)·n·items / (2·10^d·unit)⌋ for a mean printed N / 10^d."""
    mean_n, d = m.scaled
    return _total_bounds(mean_n, 10**d, n, g[0], g[1])


def _total_bounds(mean_n, power, n, items, unit):
    """⌈(2N − 1)·n·items / (2·power·unit)⌉ and ⌊(2N + 1)·n·items / (2·power·unit)⌋ (Python ints or int64 arrays)."""
    size, denominator = n * items, 2 * power * unit
    return -((-(2 * mean_n - 1) * size) // denominator), (2 * mean_n + 1) * size // denominator


def grim_totals(mean, n: int, items: int = 1, unit: int = 1) -> range:
    """Every whole total S of the n scaled scores (score · items / unit) whose mean rounds to the printed one,
    as a `range` (constant time and memory at any n).

    Validation: computing function; mean a printed number, n >= 1, items and unit >= 1 (ValueError).
    """
    m = printed("mean", mean)
    n = sample_size("n", n)
    first, last = _grim_range(m, n, _scale(items, unit))
    return range(first, max(last + 1, first))


def grim_sums(mean, n: int, items: int = 1, unit: int = 1) -> list[int]:
    """`grim_totals` as a list, for small n (kept for existing callers).

    Validation: as `grim_totals`; more than 1,000,000 totals is a ValueError pointing to `grim_totals`.
    """
    totals = grim_totals(mean, n, items, unit)
    if len(totals) > _LIST_LIMIT:
        raise ValueError(f"n = {n!r}: mean {mean!r} allows {len(totals)} totals; use grim_totals() for a "
                         f"constant-memory range")
    return list(totals)


def grim_consistent(mean, n: int, items: int = 1, unit: int = 1) -> bool:
    """Can whole-number data from n people give the printed mean? Validation: as `grim_totals`."""
    return len(grim_totals(mean, n, items, unit)) > 0


def _min_sum_of_squares(total: int, n: int) -> int:
    """Smallest Σx² for n whole numbers summing to total: as even as possible."""
    q, r = divmod(total, n)
    return r * (q + 1) ** 2 + (n - r) * q**2


def _largest_below(n: int, bound: int) -> int:
    """Largest k in [0, n // 2] with k(n − k) <= bound (-1 when bound < 0)."""
    half = n // 2
    if bound < 0:
        return -1
    if half * (n - half) <= bound:
        return half
    k = max(0, (n - math.isqrt(n * n - 4 * bound)) // 2)
    while k > 0 and k * (n - k) > bound:
        k -= 1
    while k + 1 <= half and (k + 1) * (n - k - 1) <= bound:
        k += 1
    return k


def _smallest_above(n: int, bound: int) -> int | None:
    """Smallest k in [0, n // 2] with k(n − k) >= bound (None when even k = n // 2 falls short)."""
    half = n // 2
    if bound <= 0:
        return 0
    if half * (n - half) < bound:
        return None
    k = min(half, max(0, (n - math.isqrt(n * n - 4 * bound)) // 2))
    while k > 0 and (k - 1) * (n - k + 1) >= bound:
        k -= 1
    while k * (n - k) < bound:
        k += 1
    return k


def _grimmer_fits(r: int, n: int, t_lo: int, t_hi: int) -> bool:
    """Does a total with remainder r (mod n) fit the SD? See the module docstring."""
    c = r * (n - r)
    if c > t_hi:
        return False
    j = max(0, -((c - t_lo) // (2 * n)))
    return c + 2 * n * j <= t_hi


def _sd_terms(s: Rounded, n: int, g: tuple[int, int]) -> tuple[int, int]:
    """t_lo, t_hi: the whole values n·Σ(x − mean)² may take for scaled scores with this printed SD (clipped at 0):
    ⌈n(n−1)·items²·(2M−1)² / K⌉ and ⌊n(n−1)·items²·(2M+1)² / K⌋, K = 4·10^(2d)·unit², SD printed M / 10^d."""
    sd_n, d = s.scaled
    return _deviation_bounds(sd_n, 10**d, n, g[0], g[1])


def _deviation_bounds(sd_n, power, n, items, unit):
    """⌈n(n−1)·items²·(2M−1)² / K⌉ and ⌊n(n−1)·items²·(2M+1)² / K⌋ with K = 4·power²·unit², (2M − 1) taken as 0
    for an SD printed as zero (Python ints or int64 arrays)."""
    base, k = n * (n - 1) * items * items, 4 * power * power * unit * unit
    low = np.maximum(2 * sd_n - 1, 0) if isinstance(sd_n, np.ndarray) else max(2 * sd_n - 1, 0)
    return -((-base * low * low) // k), base * (2 * sd_n + 1) * (2 * sd_n + 1) // k


def _grimmer_totals(first: int, last: int, n: int, t_lo: int, t_hi: int) -> Totals:
    if last < first:
        return Totals(0, -1, n, ())
    if t_hi - t_lo + 1 >= 2 * n:
        a = _largest_below(n, t_hi)
        residues = [(0, a), (max(n - a, a + 1), n - 1)] if n - a <= n - 1 else [(0, a)]
        return Totals(first, last, n, [(x, y) for x, y in residues if x <= y])
    reach = min(n // 2, (2 * t_hi) // n + 1)  # r(n − r) <= t_hi with r <= n/2 forces r <= 2·t_hi/n
    if last - first + 1 <= 2 * (reach + 1):
        fitting = {s % n for s in range(first, last + 1) if _grimmer_fits(s % n, n, t_lo, t_hi)}
    else:
        candidates = set(range(0, reach + 1)) | set(range(max(n - reach, 0), n))
        fitting = {r for r in candidates if _grimmer_fits(r, n, t_lo, t_hi)}
    return Totals(first, last, n, [(r, r) for r in fitting])


def _grimmer_any(first: int, last: int, n: int, t_lo: int, t_hi: int) -> bool:
    """Does any total in [first, last] fit? The totals that can matter only, with an early exit."""
    if last < first:
        return False
    if t_hi - t_lo + 1 >= 2 * n:
        return -(-first // n) * n <= last or _grimmer_fits(first % n, n, t_lo, t_hi) or \
            _grimmer_fits(last % n, n, t_lo, t_hi)
    reach = min(n // 2, (2 * t_hi) // n + 1)
    if last - first + 1 <= 2 * (reach + 1):
        return any(_grimmer_fits(s % n, n, t_lo, t_hi) for s in range(first, last + 1))
    return len(_grimmer_totals(first, last, n, t_lo, t_hi)) > 0


def _grimmer(m: Rounded, s: Rounded, n: int, g: tuple[int, int]) -> Totals:
    first, last = _grim_range(m, n, g)
    return _grimmer_totals(first, last, n, *_sd_terms(s, n, g))


def grimmer_test(mean, sd, n: int, items: int = 1, unit: int = 1) -> Granularity:
    """GRIMMER over every total the mean allows. SD is the sample SD (n − 1 denominator). Constant time and
    memory in n (see the module docstring); `sums` is a lazy `Totals` sequence.

    Validation: computing function; mean a printed number, n >= 2, items and unit >= 1 (ValueError); a negative
    SD raises ImpossibleValue. An SD printed as zero stands for [0, half a unit].
    """
    m, s = printed("mean", mean), printed_sd("sd", sd)
    n = sample_size("n", n, with_sd=True)
    totals = _grimmer(m, s, n, _scale(items, unit))
    return Granularity(len(totals) > 0, totals)


def grimmer_consistent(mean, sd, n: int, items: int = 1, unit: int = 1) -> bool:
    """`grimmer_test(...).consistent` without listing the fitting totals. Validation: as `grimmer_test`."""
    m, s = printed("mean", mean), printed_sd("sd", sd)
    n = sample_size("n", n, with_sd=True)
    g = _scale(items, unit)
    return _grimmer_any(*_grim_range(m, n, g), n, *_sd_terms(s, n, g))


def _debit_terms(m: Rounded, s: Rounded, n: int) -> tuple[int, int, int, int]:
    """The counts k the mean allows, and the window c_lo <= k(n − k) <= c_hi the SD allows (exact integers)."""
    k_lo, k_hi = _grim_range(m, n, (1, 1))
    c_lo, c_hi = _sd_terms(s, n, (1, 1))
    return max(0, k_lo), min(n, k_hi), c_lo, c_hi


def _debit_totals(k_lo: int, k_hi: int, n: int, c_lo: int, c_hi: int) -> Totals:
    """The counts k in [k_lo, k_hi] with c_lo <= k(n − k) <= c_hi: at most two intervals."""
    a, b = _largest_below(n, c_hi), _smallest_above(n, c_lo)
    residues = [] if b is None or b > a else [(b, a), (n - a, n - b)]
    return Totals(k_lo, k_hi, n + 1, residues)


def debit_test(mean, sd, n: int) -> Granularity:
    """DEBIT for a proportion printed as a mean (0-1) with its sample SD; `sums` are the fitting counts k.

    Validation: computing function; n >= 2 and printed numbers (ValueError); a mean outside 0-1 or a negative
    SD raises ImpossibleValue. An SD printed as zero stands for [0, half a unit].
    """
    m, s = proportion("mean", mean), printed_sd("sd", sd)
    n = sample_size("n", n, with_sd=True)
    k_lo, k_hi, c_lo, c_hi = _debit_terms(m, s, n)
    totals = _debit_totals(k_lo, k_hi, n, c_lo, c_hi)
    return Granularity(len(totals) > 0, totals)


def debit_consistent(mean, sd, n: int) -> bool:
    """`debit_test(...).consistent` without listing the fitting counts. Validation: as `debit_test`."""
    m, s = proportion("mean", mean), printed_sd("sd", sd)
    n = sample_size("n", n, with_sd=True)
    k_lo, k_hi, c_lo, c_hi = _debit_terms(m, s, n)
    if k_hi - k_lo < 16:  # a few counts: test them directly
        return any(c_lo <= k * (n - k) <= c_hi for k in range(k_lo, k_hi + 1))
    return len(_debit_totals(k_lo, k_hi, n, c_lo, c_hi)) > 0


def _max_squares(total: int, n: int, a: int, b: int) -> int:
    """Largest Σx² for n whole numbers on [a, b] summing to total: all at a or b but one."""
    tops, rest = divmod(total - a * n, b - a) if b > a else (0, 0)
    if tops >= n:
        return n * b * b
    return tops * b * b + (n - tops - 1) * a * a + (a + rest) ** 2


def _sd_extremes(m: Rounded, n: int, lower: float, upper: float, steps: tuple[int, int]) -> tuple[float, float]:
    g = Fraction(*steps)
    a, b = math.ceil(Fraction(lower) * g), math.floor(Fraction(upper) * g)
    first, last = _grim_range(m, n, steps)
    first, last = max(first, a * n), min(last, b * n)
    if first > last:
        raise ImpossibleValue("mean", m.printed, f"no whole-number data on {lower:g}-{upper:g} with n = {n} give "
                                                 f"this mean")

    def deviations(total: int, squares: int) -> Fraction:
        return Fraction(squares) - Fraction(total * total, n)

    def sd_of(spread: Fraction) -> float:
        return math.sqrt(float(spread / (n - 1) / g**2))

    multiple = -((-first) // n) * n
    low_totals = {first, last} | ({multiple} if multiple <= last else set())
    smallest = min(deviations(s, _min_sum_of_squares(s, n)) for s in low_totals)
    high_totals = {first, last}
    if b > a:
        w = b - a
        k_first, k_last = -((-(first - a * n)) // w), (last - a * n) // w
        if k_first <= k_last:
            high_totals |= {a * n + min(max(k, k_first), k_last) * w for k in (n // 2, (n + 1) // 2)}
    largest = max(deviations(s, _max_squares(s, n, a, b)) for s in high_totals)
    return sd_of(smallest), sd_of(largest)


def sd_bounds(mean, n: int, lower: float, upper: float, integer: bool = True, items: int = 1,
              unit: int = 1) -> tuple[float, float]:
    """Smallest and largest sample SD that n scores on [lower, upper] with the printed mean can have.

    integer=True: scores are whole multiples of unit/items (whole numbers by default), and every total the
    rounded mean allows is considered (in constant time: see the module docstring). integer=False: any real
    scores; the minimum is then 0.

    Validation: computing function; mean a printed number, n >= 2, lower < upper, items and unit >= 1
    (ValueError); a mean outside the scale, or one no whole-number data on the scale give, raises ImpossibleValue.
    """
    m = printed("mean", mean)
    n = sample_size("n", n, with_sd=True)
    lower, upper = scale("lower", lower, "upper", upper)
    g = _scale(items, unit)
    if m.hi < lower or m.lo > upper:
        raise ImpossibleValue("mean", mean, f"mean {mean} lies outside the scale {lower:g}-{upper:g}")
    if not integer:
        lo, hi = max(m.lo, lower), min(m.hi, upper)
        mid = (lower + upper) / 2
        spread = max((x - lower) * (upper - x) for x in (lo, hi, min(max(mid, lo), hi)))
        return 0.0, math.sqrt(spread * n / (n - 1))
    return _sd_extremes(m, n, lower, upper, g)


def check_grim(mean, n: int, items: int = 1, unit: int = 1, what: str = "whole-number scores") -> Finding:
    """GRIM as a finding: consistent, or impossible with the nearest possible means.

    Validation: mean a printed number, n >= 1, items and unit >= 1, what text (ValueError). Every printed
    mean is a possible value in itself, so this check raises nothing else.
    """
    m = printed("mean", mean)
    n = sample_size("n", n)
    what = text("what", what)
    g = _scale(items, unit)
    first, last = _grim_range(m, n, g)
    size = Fraction(n * g[0], g[1])
    assumption = what + (f"; {g[0]} items per person" if g[0] > 1 else "")

    def mean_of(total: int) -> str:
        return fmt(float(total / size), 4)

    if first <= last:
        note = (" (GRIM cannot detect anything here: every mean is possible at this n and precision)"
                if size >= 10 ** m.decimals else "")
        return Finding("GRIM", f"mean {mean}, n = {n}", f"mean {mean_of(first)} is possible", "consistent",
                       assumption, "Some whole-number total gives this mean." + note)
    near = round(m.exact * size)
    return Finding("GRIM", f"mean {mean}, n = {n}",
                   f"nearest possible means {mean_of(near - 1)}, {mean_of(near)}, {mean_of(near + 1)}",
                   "impossible", assumption,
                   f"No whole-number data from {n} people average to {mean} after rounding.")


def check_grimmer(mean, sd, n: int, items: int = 1, unit: int = 1, what: str = "whole-number scores") -> Finding:
    """GRIMMER as a finding.

    Validation: mean a printed number, n >= 2, items and unit >= 1, what text (ValueError); a negative SD gives
    an `impossible` finding (the value itself, not the granularity). An SD printed as zero stands for
    [0, half a unit].
    """
    reported = f"mean {mean}, SD {sd}, n = {n}"
    m = printed("mean", mean)
    n = sample_size("n", n, with_sd=True)
    what = text("what", what)
    g = _scale(items, unit)
    try:
        s = printed_sd("sd", sd)
    except ImpossibleValue as err:
        return impossible_finding("GRIMMER", reported, err)
    first, last = _grim_range(m, n, g)
    sums = _grimmer_totals(first, last, n, *_sd_terms(s, n, g))
    assumption = f"{what}; sample SD (n - 1)" + (f"; {g[0]} items per person" if g[0] > 1 else "")
    if first > last:
        return Finding("GRIMMER", reported, "mean fails GRIM", "impossible", assumption,
                       "The mean itself cannot come from whole-number data, so the SD is not tested further.")
    if sums:
        return Finding("GRIMMER", reported, f"{len(sums)} fitting total(s), e.g. {sums[0]}",
                       "consistent", assumption, "Some whole-number data give both this mean and this SD.")
    return Finding("GRIMMER", reported, "no fitting sum of squares", "impossible", assumption,
                   "For every total the mean allows, no whole-number sum of squares gives this SD after rounding.")


def _sd_of_count(k: int, n: int) -> float:
    return math.sqrt(k * (n - k) / (n * (n - 1)))


def check_debit(mean, sd, n: int) -> Finding:
    """DEBIT as a finding.

    Validation: mean and SD printed numbers, n >= 2 (ValueError); a mean outside 0-1 or a negative SD gives an
    `impossible` finding. An SD printed as zero stands for [0, half a unit].
    """
    reported = f"proportion {mean}, SD {sd}, n = {n}"
    n = sample_size("n", n, with_sd=True)
    try:
        m, s = proportion("mean", mean), printed_sd("sd", sd)
    except ImpossibleValue as err:
        return impossible_finding("DEBIT", reported, err)
    result = debit_test(m, s, n)
    assumption = "0/1 data; sample SD (n - 1)"
    if result.consistent:
        return Finding("DEBIT", reported, f"k = {result.sums[0]} of {n}", "consistent", assumption,
                       "A whole count of ones gives both the mean and the SD.")
    k_lo, k_hi = _grim_range(m, n, (1, 1))
    counts = range(max(0, k_lo), min(n, k_hi) + 1)
    if not counts:
        why = "no whole count k gives k/n = " + str(mean)
    elif len(counts) <= _LISTED:
        why = (f"the counts {list(counts)} that give the mean imply SDs "
               + ", ".join(fmt(_sd_of_count(k, n), 4) for k in counts))
    else:  # too many to list: k(n − k) is least at an end of the range and largest nearest n/2
        middle = min(max(n // 2, counts[0]), counts[-1])
        low = min(_sd_of_count(counts[0], n), _sd_of_count(counts[-1], n))
        why = (f"the {len(counts)} counts {counts[0]} to {counts[-1]} that give the mean imply SDs from "
               f"{fmt(low, 4)} to {fmt(_sd_of_count(middle, n), 4)}")
    return Finding("DEBIT", reported, why, "impossible", assumption,
                   "For 0/1 data the SD follows from the mean; the printed pair does not fit.")


def _step_text(g: tuple[int, int]) -> str:
    """The step between possible scores, unit/items, as a reader writes it: "1 (whole numbers)", "2", "0.1",
    "1/3"."""
    step = Fraction(g[1], g[0])
    if step == 1:
        return "1 (whole numbers)"
    if step.denominator == 1:
        return str(step.numerator)
    decimal = float(step)
    return f"{decimal:g}" if Fraction(f"{decimal:g}") == step else f"{step.numerator}/{step.denominator}"


def check_sd_bounds(mean, sd, n: int, lower: float, upper: float, integer: bool = True, items: int = 1,
                    unit: int = 1, what: str = "bounded scale") -> Finding:
    """Is the printed SD possible on a bounded scale at the printed mean?

    Validation: mean a printed number, n >= 2, lower < upper, items and unit >= 1, what text (ValueError); a
    negative SD or a mean outside the scale gives an `impossible` finding.
    """
    m = printed("mean", mean)
    n = sample_size("n", n, with_sd=True)
    lower, upper = scale("lower", lower, "upper", upper)
    what = text("what", what)
    g = _scale(items, unit)
    assumption = f"{what} from {lower:g} to {upper:g}" + (f"; scores in steps of {_step_text(g)}" if integer else "")
    reported = f"mean {mean}, SD {sd}, n = {n}"
    try:
        s = printed_sd("sd", sd)
    except ImpossibleValue as err:
        return impossible_finding("SD bounds", reported, err)
    if m.hi < lower or m.lo > upper:
        return Finding("SD bounds", reported, "no data on this scale have this mean", "impossible", assumption,
                       f"The mean {mean} lies outside the scale {lower:g}-{upper:g}, even at the ends of its rounding "
                       f"interval: no data on this scale have it, so no SD can be judged.")
    if integer and _grim_range(m, n, g)[0] > _grim_range(m, n, g)[1]:
        # The assumption stays as stated: under it no data have this mean, so there is no SD to bound.
        return Finding("SD bounds", reported, "no whole-number data have this mean", "not_checkable", assumption,
                       "Under this assumption the mean itself is impossible (see GRIM), so no SD range exists to "
                       "compare with; the SD could be bounded only from the raw scores or another assumption.")
    try:
        lo, hi = _sd_extremes(m, n, lower, upper, g) if integer else sd_bounds(m, n, lower, upper, False)
    except ImpossibleValue as err:
        return impossible_finding("SD bounds", reported, err)
    recomputed = f"possible SD {fmt_interval((lo, hi))}"
    if s.hi < lo - 1e-12:
        return Finding("SD bounds", reported, recomputed, "impossible", assumption,
                       f"The SD is smaller than any data on this scale with this mean can give (minimum {fmt(lo)}).")
    if s.lo > hi + 1e-12:
        return Finding("SD bounds", reported, recomputed, "impossible", assumption,
                       f"The SD is larger than any data on this scale with this mean can give (maximum {fmt(hi)}).")
    return Finding("SD bounds", reported, recomputed, "consistent", assumption,
                   "The SD lies within what the scale allows at this mean.")


# ---------------------------------------------------------------------------------------------------------------
# Table-level checks: every row at once, in exact integer arithmetic. Rows whose intermediates fit int64 with
# room to spare are computed in bulk; the rare others (huge n, many digits) go through the same integer formulas
# with Python integers, row by row.

_SAFE = 2.0**60  # float estimate of an intermediate that int64 holds exactly, with margin
_PER_ROW = 4096  # candidates a narrow row may contribute to the bulk evaluation; more go row by row
_CHUNK = 1 << 20  # candidates evaluated per bulk step


def _magnitude(*arrays) -> np.ndarray:
    """Per-row float estimate of |a·b·...| + 1 for arrays of int64 or Python ints."""
    out = np.ones(len(arrays[0]))
    for a in arrays:
        out = out * (np.abs(np.asarray(a).astype(float)) + 1.0)
    return out


def _power_of_ten(d: np.ndarray) -> np.ndarray:
    """10**d as int64 where d <= 17 (1 elsewhere: those rows are never bulk-computed)."""
    return np.where(d <= 17, 10 ** np.minimum(d, 17).astype(np.int64), 1).astype(np.int64)


def _ints(rows: np.ndarray, *arrays) -> list[np.ndarray]:
    return [np.asarray(a)[rows].astype(np.int64) for a in arrays]


def _grim_inputs(frame: pd.DataFrame, with_sd: bool):
    mean_n, mean_d = exact_column(frame, "mean")
    n = whole_column(frame, "n", 2 if with_sd else 1)
    ones = np.ones(len(frame), dtype=np.int64)
    items = whole_column(frame, "items", 1) if "items" in frame.columns else ones
    unit = whole_column(frame, "unit", 1) if "unit" in frame.columns else ones
    return mean_n, mean_d, n, items, unit


def _sd_inputs(frame: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    sd_n, sd_d = exact_column(frame, "sd")
    negative = np.asarray(sd_n < 0, dtype=bool)
    if negative.any():
        i = int(np.flatnonzero(negative)[0])
        raise cell_impossible(frame, "sd", i, frame["sd"].iloc[i], "an SD cannot be negative")
    return sd_n, sd_d


def _grim_safe(mean_n, mean_d, n, items, unit) -> np.ndarray:
    return ((mean_d <= 17) & (_magnitude(mean_n, n, items) * 4 < _SAFE)
            & (2.0 * 10.0 ** np.minimum(mean_d, 300) * np.asarray(unit).astype(float) < _SAFE))


def _sd_safe(sd_n, sd_d, n, items, unit) -> np.ndarray:
    return ((sd_d <= 8) & (_magnitude(n, n, items, items, sd_n, sd_n) * 16 < _SAFE)
            & (4.0 * 100.0 ** np.minimum(sd_d, 150) * np.asarray(unit).astype(float) ** 2 < _SAFE))


def grim_table(frame: pd.DataFrame) -> pd.DataFrame:
    """GRIM for every row: columns `mean` (printed strings), `n`, optional `items` and `unit`. Returns a copy
    with a boolean `consistent` column, identical to `grim_consistent` row by row.

    Vectorised in exact integer arithmetic: with the mean printed as N / 10^d, row i is consistent when
    ⌈(2N−1)·n·items / (2·10^d·unit)⌉ <= ⌊(2N+1)·n·items / (2·10^d·unit)⌋.

    Validation: computing function; a missing column, or a cell that is not a printed mean, or n < 1, items or
    unit < 1, is a ValueError naming the column and the row.
    """
    frame = table("frame", frame, ["mean", "n"])
    mean_n, mean_d, n, items, unit = _grim_inputs(frame, with_sd=False)
    consistent = np.zeros(len(frame), dtype=bool)
    safe = _grim_safe(mean_n, mean_d, n, items, unit)
    bulk = np.flatnonzero(safe)
    m, d, nn, it, un = _ints(bulk, mean_n, mean_d, n, items, unit)
    first, last = _total_bounds(m, _power_of_ten(d), nn, it, un)
    consistent[bulk] = first <= last
    for i in np.flatnonzero(~safe):
        first, last = _total_bounds(int(mean_n[i]), 10 ** int(mean_d[i]), int(n[i]), int(items[i]), int(unit[i]))
        consistent[i] = first <= last
    out = frame.copy()
    out["consistent"] = consistent
    return out


def _fits_bulk(r, n, t_lo, t_hi) -> np.ndarray:
    c = r * (n - r)
    j = np.maximum(-((c - t_lo) // (2 * n)), 0)
    return (c <= t_hi) & (c + 2 * n * j <= t_hi)


def _any_by_row(count: np.ndarray, evaluate) -> np.ndarray:
    """For rows with count[i] >= 1 candidates, whether any candidate passes. `evaluate(rows, offsets)` gets the
    row index and the candidate's position (0 .. count − 1) of each candidate, flat, and returns a boolean array.
    Evaluated in chunks of about _CHUNK candidates."""
    result = np.zeros(len(count), dtype=bool)
    if not len(count):
        return result
    count = np.asarray(count, dtype=np.int64)
    chunk = (np.cumsum(count) - count) // _CHUNK
    edges = [0, *(np.flatnonzero(np.diff(chunk)) + 1), len(count)]
    for start, stop in zip(edges[:-1], edges[1:]):
        part = count[start:stop]
        begins = np.cumsum(part) - part
        rows = np.repeat(np.arange(start, stop), part)
        offsets = np.arange(int(part.sum())) - np.repeat(begins, part)
        result[start:stop] = np.logical_or.reduceat(evaluate(rows, offsets), begins)
    return result


def grimmer_table(frame: pd.DataFrame) -> pd.DataFrame:
    """GRIMMER for every row: columns `mean`, `sd` (printed strings), `n`, optional `items` and `unit`. Returns a
    copy with a boolean `consistent` column, identical to `grimmer_consistent` row by row.

    Vectorised in exact integer arithmetic with the residue rule of the module docstring: a row whose SD window
    spans 2n values of T needs only its first and last totals and a multiple of n between; a narrow row has its
    totals (or its candidate remainders, if fewer) evaluated in bulk; rows with huge numbers or more than 4,096
    candidates go through the same integer test one by one.

    Validation: computing function; a missing column or a bad cell (not a printed number, n < 2, items or unit
    < 1) is a ValueError naming the column and row; a negative SD an ImpossibleValue naming them.
    """
    frame = table("frame", frame, ["mean", "sd", "n"])
    mean_n, mean_d, n, items, unit = _grim_inputs(frame, with_sd=True)
    sd_n, sd_d = _sd_inputs(frame)
    consistent = np.zeros(len(frame), dtype=bool)
    safe = _grim_safe(mean_n, mean_d, n, items, unit) & _sd_safe(sd_n, sd_d, n, items, unit)
    bulk = np.flatnonzero(safe)
    m, d, sm, sd_dec, nn, it, un = _ints(bulk, mean_n, mean_d, sd_n, sd_d, n, items, unit)
    first, last = _total_bounds(m, _power_of_ten(d), nn, it, un)
    t_lo, t_hi = _deviation_bounds(sm, _power_of_ten(sd_dec), nn, it, un)
    has = first <= last
    wide = has & (t_hi - t_lo + 1 >= 2 * nn)
    multiple = -(-first // nn) * nn
    consistent[bulk[wide]] = ((multiple <= last) | _fits_bulk(first % nn, nn, t_lo, t_hi)
                              | _fits_bulk(last % nn, nn, t_lo, t_hi))[wide]
    narrow = np.flatnonzero(has & ~wide)
    span = last[narrow] - first[narrow] + 1
    reach = np.minimum(nn[narrow] // 2, (2 * t_hi[narrow]) // nn[narrow] + 1)
    by_total = span <= 2 * (reach + 1)
    count = np.where(by_total, span, 2 * (reach + 1))
    small = count <= _PER_ROW
    rows = narrow[small]
    f, L, n_, lo, hi, rc, bt = (a[small] for a in (first[narrow], span, nn[narrow], t_lo[narrow], t_hi[narrow],
                                                   reach, by_total))

    def evaluate(row, offset):
        n_row, first_row, reach_row = n_[row], f[row], rc[row]
        residue = np.where(offset <= reach_row, offset, n_row - 1 - (offset - reach_row - 1))
        r = np.where(bt[row], (first_row + offset) % n_row, residue)
        occurs = bt[row] | (L[row] >= n_row) | ((r - first_row) % n_row <= L[row] - 1)
        return occurs & _fits_bulk(r, n_row, lo[row], hi[row])

    consistent[bulk[rows]] = _any_by_row(count[small], evaluate)
    for i in bulk[narrow[~small]]:
        consistent[i] = _grimmer_row(mean_n, mean_d, sd_n, sd_d, n, items, unit, int(i))
    for i in np.flatnonzero(~safe):
        consistent[i] = _grimmer_row(mean_n, mean_d, sd_n, sd_d, n, items, unit, int(i))
    out = frame.copy()
    out["consistent"] = consistent
    return out


def _grimmer_row(mean_n, mean_d, sd_n, sd_d, n, items, unit, i: int) -> bool:
    size = int(n[i])
    first, last = _total_bounds(int(mean_n[i]), 10 ** int(mean_d[i]), size, int(items[i]), int(unit[i]))
    t_lo, t_hi = _deviation_bounds(int(sd_n[i]), 10 ** int(sd_d[i]), size, int(items[i]), int(unit[i]))
    return _grimmer_any(first, last, size, t_lo, t_hi)


def _largest_below_bulk(n: np.ndarray, bound: np.ndarray) -> np.ndarray:
    """`_largest_below` for int64 arrays (n < 2^29): a float square root, then exact integer corrections."""
    half = n // 2
    root = np.sqrt(np.maximum(n.astype(float) ** 2 - 4.0 * bound.astype(float), 0.0))
    k = np.clip(np.floor((n - root) / 2).astype(np.int64), 0, half)
    for _ in range(3):
        k = np.where((k > 0) & (k * (n - k) > bound), k - 1, k)
    for _ in range(3):
        k = np.where((k + 1 <= half) & ((k + 1) * (n - k - 1) <= bound), k + 1, k)
    return np.where(half * (n - half) <= bound, half, k)


def _smallest_above_bulk(n: np.ndarray, bound: np.ndarray) -> np.ndarray:
    """`_smallest_above` for int64 arrays (n < 2^29); n + 1 (more than n // 2) where no k reaches the bound."""
    half = n // 2
    root = np.sqrt(np.maximum(n.astype(float) ** 2 - 4.0 * bound.astype(float), 0.0))
    k = np.clip(np.ceil((n - root) / 2).astype(np.int64), 0, half)
    for _ in range(3):
        k = np.where((k > 0) & ((k - 1) * (n - k + 1) >= bound), k - 1, k)
    for _ in range(3):
        k = np.where((k < half) & (k * (n - k) < bound), k + 1, k)
    k = np.where(bound <= 0, 0, k)
    return np.where(half * (n - half) < bound, n + 1, k)


def debit_table(frame: pd.DataFrame) -> pd.DataFrame:
    """DEBIT for every row: columns `mean` (a proportion, printed), `sd` (printed), `n`. Returns a copy with a
    boolean `consistent` column, identical to `debit_consistent` row by row.

    Vectorised in exact integer arithmetic: the counts k the mean allows (⌈(2N−1)·n / (2·10^d)⌉ to
    ⌊(2N+1)·n / (2·10^d)⌋, within 0..n) meet the counts whose k(n − k) lies in the SD's window, [b, a] and
    [n − a, n − b], found per row by a square root corrected in integers; rows with huge numbers go through the
    same integer test one by one.

    Validation: computing function; a missing column or a bad cell (not a printed number, n < 2) is a ValueError
    naming the column and row; a mean outside 0-1 or a negative SD an ImpossibleValue naming them.
    """
    frame = table("frame", frame, ["mean", "sd", "n"])
    mean_n, mean_d = exact_column(frame, "mean")
    n = whole_column(frame, "n", 2)
    sd_n, sd_d = _sd_inputs(frame)
    outside = np.asarray(mean_n < 0, dtype=bool)
    outside |= np.array([int(v) > 10 ** int(d) for v, d in zip(mean_n, mean_d)], dtype=bool) if len(frame) and (
        mean_d.max() > 17 or mean_n.dtype == object) else np.asarray(mean_n > _power_of_ten(mean_d), dtype=bool)
    if outside.any():
        i = int(np.flatnonzero(outside)[0])
        raise cell_impossible(frame, "mean", i, frame["mean"].iloc[i],
                              "a proportion (mean of 0/1 data) must lie between 0 and 1")
    ones = np.ones(len(frame), dtype=np.int64)
    consistent = np.zeros(len(frame), dtype=bool)
    safe = (_grim_safe(mean_n, mean_d, n, ones, ones) & _sd_safe(sd_n, sd_d, n, ones, ones)
            & (np.asarray(n).astype(float) < 2.0**29))
    bulk = np.flatnonzero(safe)
    m, d, sm, sd_dec, nn = _ints(bulk, mean_n, mean_d, sd_n, sd_d, n)
    one = np.ones(len(bulk), dtype=np.int64)
    first, last = _total_bounds(m, _power_of_ten(d), nn, one, one)
    first, last = np.maximum(first, 0), np.minimum(last, nn)
    c_lo, c_hi = _deviation_bounds(sm, _power_of_ten(sd_dec), nn, one, one)
    a, b = _largest_below_bulk(nn, c_hi), _smallest_above_bulk(nn, c_lo)
    # The fitting counts are [b, a] and [n − a, n − b] (when b <= a); does either meet [first, last]?
    meets = lambda lo, hi: (np.maximum(lo, first) <= np.minimum(hi, last))  # noqa: E731
    consistent[bulk] = (b <= a) & (meets(b, a) | meets(nn - a, nn - b))
    for i in np.flatnonzero(~safe):
        size = int(n[i])
        k_lo, k_hi = _total_bounds(int(mean_n[i]), 10 ** int(mean_d[i]), size, 1, 1)
        c_low, c_high = _deviation_bounds(int(sd_n[i]), 10 ** int(sd_d[i]), size, 1, 1)
        consistent[i] = len(_debit_totals(max(0, k_lo), min(size, k_hi), size, c_low, c_high)) > 0
    out = frame.copy()
    out["consistent"] = consistent
    return out
