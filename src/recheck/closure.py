"""Every sample a printed mean and SD allow on a bounded scale: the CLOSURE idea, exhaustive where SPRITE samples.

CLOSURE ("Complete Listing of Original Samples of Underlying Raw Evidence", Heathers & Jung; the R package
unsum) lists every multiset of n scores on a bounded scale whose mean and sample SD round to the printed pair.
If the list is empty, the pair cannot come from such data; if it is short, its members show what the data must
have looked like. SPRITE (rsprite2) finds some of these samples at random; this module finds all of them.

Method. A multiset of scores is a count vector c_0..c_K over the scale's K + 1 possible scores. Scores are
multiples of 1/items; multiplying by `items` and subtracting the lowest score turns score level j into the
whole number j = 0..K, K = (upper - lower) * items. The shift leaves the SD alone; the scaling multiplies it by
`items`. In exact rational arithmetic over the closed rounding intervals, the printed pair then admits
    a range of whole totals            S = sum_j j * c_j, and
    for each S a range of whole sums   Q = sum_j j^2 * c_j,
because the sample SD (n - 1 denominator) is sqrt((Q - S^2/n) / (n - 1)) / items; Q has the parity of S.

The search fixes c_K, c_{K-1}, ... from the top level down, level by level for all partial vectors at once
(numpy), carrying for each the items left r and the partial total s and sum of squares q. A count c_j is tried
only inside bounds that every admissible (S, Q) implies (`_Targets.choices`), and a child is kept only if its
r items on the levels still open can reach an admissible (S, Q): their total T must lie in [0, r*j] and their
sum of squares between the evenest spread and the most extreme one (`_Targets.reachable`). The lowest levels
need no search: on levels 0..2, c_0 + c_1 + c_2 = r, c_1 + 2 c_2 = T, c_1 + 4 c_2 = U have the single
solution c_2 = (U - T)/2, c_1 = 2T - U, c_0 = r - c_1 - c_2; on levels 0..3 the solutions are c_3 = k for every
whole k in one interval, so they can be counted without being listed.

Complexity, for n scores, K + 1 levels and w admissible totals (about n * items * 10^-d + 1 for a mean printed
with d decimals), each with b admissible sums of squares:
  possible_samples        O(P * n * w) for the P partial vectors kept at each level (at most (n + 1)^(K-2);
                          in the published examples fewer than the samples found), then O(samples * n) to
                          build the output; memory grows with the number of samples returned.
  count_possible_samples  partial vectors reaching the same (r, s, q) are merged, so the work is
                          O(states * n * w) to step down to level 4 and O(states * w * b) for the last four
                          levels, whatever the number of samples. With items > 1 the levels multiply and the
                          states grow steeply (n = 60 on 1-7 with 3 items and a one-decimal mean and SD: about
                          400,000 states per level and about a minute).

Which to use. The number of samples explodes with n, with the number of scale points and with the SD's
distance from its extremes: on 1-5 at n = 200, mean 3.0 and SD 1.2 allow 661,948 samples; on 1-7 at n = 200,
mean 4.0 and SD 1.5 allow about 3.5e8. Call `count_possible_samples` first whenever that can happen (it takes
about a second where the list would not fit in memory), and `possible_samples` when the count is small enough
to hold (up to about 10^5 samples) or to show that there is none.
"""
from __future__ import annotations

import math
from fractions import Fraction
from numbers import Integral
from typing import Iterator

import numpy as np

from .validate import printed, sample_size, sd as printed_sd, whole

# Children examined at once when stepping down a level: bounds the memory of one numpy step.
_CHUNK = 1 << 21


def _ceil(x: Fraction) -> int:
    return -((-x.numerator) // x.denominator)


def _floor(x: Fraction) -> int:
    return x.numerator // x.denominator


def _scale_end(argument: str, value) -> int:
    """A scale end: a whole number (negative allowed), else a ValueError naming the argument."""
    if isinstance(value, bool) or not isinstance(value, Integral):
        raise ValueError(f"{argument} = {value!r}: a scale end must be a whole number (int)")
    return int(value)


def _min_squares(r, total):
    """Smallest sum of squares of r whole numbers adding to total: spread as evenly as possible.
    Takes ints or numpy arrays; r = 0 allows only total = 0."""
    size = np.maximum(r, 1)
    q, rest = total // size, total % size
    return rest * (q + 1) ** 2 + (size - rest) * q * q


def _max_squares(total, top: int):
    """Largest sum of squares of whole numbers in [0, top] adding to total (given enough of them): as many at
    `top` as possible, the rest in one number. Takes ints or numpy arrays."""
    if top == 0:
        return total * 0
    full, rest = total // top, total % top
    return full * top * top + rest * rest


class _Targets:
    """What the printed pair admits for the shifted, scaled scores: totals S in [s_lo, s_hi] and, for each S
    in `bands`, the whole sums of squares Q in [lo, hi] of the parity of S (S is missing when none fits)."""

    def __init__(self, mean, sd, n: int, lower: int, upper: int, items: int):
        m_lo, m_hi = printed("mean", mean).exact_interval()
        sd_lo, sd_hi = printed_sd("sd", sd).exact_interval()
        self.n, self.items, self.base = n, items, lower * items
        self.top = (upper - lower) * items
        self.s_lo = max(0, _ceil(n * (items * m_lo - self.base)))
        self.s_hi = min(n * self.top, _floor(n * (items * m_hi - self.base)))
        spread_lo = (n - 1) * (items * max(sd_lo, Fraction(0))) ** 2
        spread_hi = (n - 1) * (items * sd_hi) ** 2
        self.bands: dict[int, tuple[int, int]] = {}
        for total in range(self.s_lo, self.s_hi + 1):
            centre = Fraction(total * total, n)
            lo = max(_ceil(centre + spread_lo), int(_min_squares(n, total)))
            hi = min(_floor(centre + spread_hi), int(_max_squares(total, self.top)))
            lo += (lo - total) % 2
            hi -= (hi - total) % 2
            if lo <= hi:
                self.bands[total] = (lo, hi)

    def choices(self, r: np.ndarray, j: int, s: np.ndarray, q: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Bounds (least, most) on c_j for states with r items left and partial sums (s, q): the hull over the
        admissible (S, Q) of what each allows. With A = S - s still to add, the r - c items below j carry
        T = A - c*j in [0, (r - c)(j - 1)], and their sum of squares U lies in [T^2/(r - c), (j - 1) T].
        Q >= lo then needs c*j >= lo - q - (j - 1) A; Q <= hi needs c (j^2 r - 2 A j + H) <= H r - A^2 with
        H = hi - q (after multiplying by r - c, the c^2 terms cancel). Empty bounds come out as least > most."""
        least = np.full(len(r), np.iinfo(np.int64).max)
        most = np.full(len(r), -1)
        for total, (lo, hi) in self.bands.items():
            a, h = total - s, hi - q
            first = np.maximum(np.maximum(0, a - r * (j - 1)), -((q + (j - 1) * a - lo) // j))
            last = np.minimum(r, a // j)
            slope, room = j * j * r - 2 * a * j + h, h * r - a * a
            safe = np.where(slope == 0, 1, slope)
            last = np.where(slope > 0, np.minimum(last, room // safe), np.where((slope == 0) & (room < 0), -1, last))
            first = np.where(slope < 0, np.maximum(first, -(room // -safe)), first)
            fits = first <= last
            least = np.where(fits, np.minimum(least, first), least)
            most = np.where(fits, np.maximum(most, last), most)
        return least, most

    def reachable(self, r: np.ndarray, j: int, s: np.ndarray, q: np.ndarray) -> np.ndarray:
        """Which states can still reach an admissible (S, Q) with their r items on levels 0..j: some total T
        in [0, r*j] with s + T admissible whose band meets [evenest, most extreme] sums of squares."""
        ok = np.zeros(len(r), dtype=bool)
        for total, (lo, hi) in self.bands.items():
            t = total - s
            fits = (t >= 0) & (t <= r * j)
            t = np.where(fits, t, 0)
            ok |= fits & (np.maximum(lo - q, _min_squares(r, t)) <= np.minimum(hi - q, _max_squares(t, j)))
        return ok


def _targets(mean, sd, n, lower, upper, items) -> _Targets:
    n = sample_size("n", n, with_sd=True)
    lower, upper = _scale_end("lower", lower), _scale_end("upper", upper)
    if lower > upper:
        raise ValueError(f"lower, upper = {lower}, {upper}: the scale's lower end lies above its upper end")
    return _Targets(mean, sd, n, lower, upper, whole("items", items, 1))


def _chunks(width: np.ndarray) -> Iterator[tuple[int, int]]:
    """Consecutive runs of states whose children number at most _CHUNK (at least one state a run)."""
    ends = np.cumsum(width)
    start = 0
    while start < len(width):
        stop = int(np.searchsorted(ends, ends[start] - width[start] + _CHUNK, side="right"))
        stop = max(stop, start + 1)
        yield start, stop
        start = stop


def _children(targets: _Targets, r: np.ndarray, s: np.ndarray, q: np.ndarray, j: int):
    """Every reachable choice of c_j for each state: (index of the parent state, c_j), parents in order."""
    least, most = targets.choices(r, j, s, q)
    width = np.maximum(0, most - least + 1)
    parents, counts = [np.zeros(0, dtype=np.int64)], [np.zeros(0, dtype=np.int64)]
    for start, stop in _chunks(width):
        runs = width[start:stop]
        parent = np.repeat(np.arange(start, stop), runs)
        c = least[parent] + np.arange(len(parent)) - np.repeat(np.cumsum(runs) - runs, runs)
        keep = targets.reachable(r[parent] - c, j - 1, s[parent] + c * j, q[parent] + c * j * j)
        parents.append(parent[keep])
        counts.append(c[keep])
    return np.concatenate(parents), np.concatenate(counts)


def _count_vectors(targets: _Targets) -> np.ndarray:
    """Every admissible count vector (c_0, ..., c_K) as a row, rows in no particular order."""
    r, s, q = np.array([targets.n]), np.array([0]), np.array([0])
    chosen = np.zeros((1, 0), dtype=np.int64)  # columns c_K, c_{K-1}, ... as they are fixed
    for j in range(targets.top, 2, -1):
        parent, c = _children(targets, r, s, q, j)
        r, s, q = r[parent] - c, s[parent] + c * j, q[parent] + c * j * j
        chosen = np.column_stack([chosen[parent], c])
    low = min(targets.top, 2)
    rows = []
    for total, (lo, hi) in targets.bands.items():
        t = total - s
        for squares in range(lo, hi + 1, 2):
            # The single solution on levels 0..2; levels above the scale's top must stay empty.
            u = squares - q
            c2, c1 = (u - t) // 2, 2 * t - u
            c0 = r - c1 - c2
            fits = (c0 >= 0) & (c1 >= 0) & (c2 >= 0) & ((c1 == 0) | (low >= 1)) & ((c2 == 0) | (low >= 2))
            tail = np.column_stack([c0, c1, c2])[fits, : low + 1]
            rows.append(np.column_stack([tail, chosen[fits][:, ::-1]]))
    return np.concatenate(rows) if rows else np.zeros((0, targets.top + 1), dtype=np.int64)


def possible_samples(mean, sd, n, lower, upper, items=1) -> list[tuple]:
    """Every multiset of n scores on [lower, upper] whose mean and sample SD round to the printed ones.

    mean, sd: as printed (strings keep their decimals); each stands for its closed rounding interval, so data
    exactly on a rounding edge count. SD is the sample SD (n - 1 denominator). Scores are whole numbers when
    items == 1; with items > 1 each score is the average of `items` whole-number items on [lower, upper], a
    multiple of 1/items. Returns the samples as ascending tuples in a sorted list: ints when items == 1,
    Fractions otherwise (exact; equal to ints where whole). An empty list: no such data exist.

    Assumes every score lies on the scale and none is missing. Method and cost: see the module docstring; time
    and memory grow with the number of samples returned, so call `count_possible_samples` first when it may be
    large. Validation: text that is not a number, n < 2, items < 1, scale ends that are not ints or are
    reversed are ValueErrors; a negative printed SD is an ImpossibleValue.
    """
    targets = _targets(mean, sd, n, lower, upper, items)
    vectors = _count_vectors(targets)
    # Ascending samples sort first on how many lowest scores they hold (more sorts first), then the next level.
    vectors = vectors[np.lexsort(-vectors.T[::-1])]
    levels = np.repeat(np.tile(np.arange(targets.top + 1), len(vectors)), vectors.ravel())
    levels = levels.reshape(len(vectors), targets.n).tolist()
    if targets.items == 1:
        return [tuple(targets.base + level for level in sample) for sample in levels]
    scores = [Fraction(targets.base + level, targets.items) for level in range(targets.top + 1)]
    return [tuple(scores[level] for level in sample) for sample in levels]


def _step_down(targets: _Targets, states: tuple[np.ndarray, ...], j: int) -> tuple[np.ndarray, ...]:
    """From states (items left, partial total, partial sum of squares, multiplicity) above level j, every
    reachable state after fixing c_j, equal states merged with their multiplicities added."""
    r, s, q, mult = states
    parent, c = _children(targets, r, s, q, j)
    r2, s2, q2 = r[parent] - c, s[parent] + c * j, q[parent] + c * j * j
    key = (r2 * (targets.s_hi + 1) + s2) * (targets.n * targets.top ** 2 + 1) + q2
    unique, first, inverse = np.unique(key, return_index=True, return_inverse=True)
    merged = np.zeros(len(unique), dtype=mult.dtype)
    np.add.at(merged, inverse, mult[parent])
    return r2[first], s2[first], q2[first], merged


def _completions_on_four_levels(targets: _Targets, r: np.ndarray, s: np.ndarray, q: np.ndarray) -> np.ndarray:
    """For each state with r items left on levels 0..3, the number of count vectors completing it.

    For a total T and sum of squares U = T + 2h of the remaining items, c_3 = k, c_2 = h - 3k, c_1 = T - 2h + 3k,
    c_0 = r - T + h - k: every whole k in [max(0, ceil((2h - T)/3)), min(floor(h/3), r - T + h)] is one vector.
    """
    found = np.zeros(len(r), dtype=np.int64)
    for total, (lo, hi) in targets.bands.items():
        t = total - s
        for squares in range(lo, hi + 1, 2):
            h = (squares - q - t) // 2
            first = np.maximum(0, -((t - 2 * h) // 3))
            last = np.minimum(h // 3, r - t + h)
            found += np.maximum(0, last - first + 1)
    return found


def count_possible_samples(mean, sd, n, lower, upper, items=1) -> int:
    """How many samples `possible_samples` would return, counted without building them.

    Same inputs, assumption and validation as `possible_samples`. Method: the states (items left, partial
    total, partial sum of squares) are stepped down from the top level to level 4, equal states merged and
    unreachable ones dropped; the last four levels are counted in closed form. Exact: multiplicities are int64
    when the number of all multisets, C(n + K, K), fits in it, and Python ints otherwise.
    """
    targets = _targets(mean, sd, n, lower, upper, items)
    if not targets.bands:
        return 0
    if targets.top < 3:
        return len(_count_vectors(targets))
    exact = np.int64 if math.comb(targets.n + targets.top, targets.top) < 2**63 else object
    states = (np.array([targets.n]), np.array([0]), np.array([0]), np.array([1], dtype=exact))
    for j in range(targets.top, 3, -1):
        states = _step_down(targets, states, j)
    r, s, q, mult = states
    found = _completions_on_four_levels(targets, r, s, q)
    return int((mult * found.astype(mult.dtype)).sum())
