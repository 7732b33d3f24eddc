"""How many patients can have failed to improve, when a paper prints only before and after means and SDs.

A patient who did not improve on a higher-is-better measure has after ≤ before. For any threshold t, such a
patient either ends at or below t, or started at or above t (because before ≥ after > t). So the number who
did not improve is at most

    (patients whose after value lies at or below t) + (patients whose before value lies at or above t),

and each term is capped by Cantelli's inequality from the printed mean and SD alone (`max_count_beyond`), with
no assumption about the shape of either distribution or about the correlation between before and after.
The bound is the smallest such sum over t. For a lower-is-better measure (pain) the roles of the tails swap.
Means and SDs are taken as printed strings, so their rounding intervals are respected (the cap is always the
most generous one the rounding allows).
"""
from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from .bounds import linear_combination, max_count_beyond


@dataclass(frozen=True)
class Unimproved:
    """At most `count` of `n` patients can have failed to improve; the cap is reached at `threshold`."""

    count: int
    n: int
    threshold: float

    @property
    def improved_at_least(self) -> int:
        return self.n - self.count


def max_unimproved(before: tuple[str, str], after: tuple[str, str], n: int, higher_is_better: bool = True,
                   steps: int = 4001) -> Unimproved:
    """Largest number of the n patients whose after value is no better than their before value.

    before, after: (mean, SD) as printed. The threshold is scanned on `steps` points between the two means
    (outside them one of the two caps is n). Returns the count, never above n, and the threshold reaching it.
    """
    if n <= 0:
        raise ValueError(f"n must be a positive count, got {n}")
    if steps < 2:
        raise ValueError(f"steps must be at least 2, got {steps}")
    b = linear_combination([1], [before[0]], [before[1]])
    a = linear_combination([1], [after[0]], [after[1]])
    ends = sorted([b.mean[0], b.mean[1], a.mean[0], a.mean[1]])
    best = Unimproved(n, n, float("nan"))
    for t in np.linspace(ends[0], ends[-1], steps):
        if higher_is_better:   # unimproved: after <= before, so after low or before high
            count = max_count_beyond(a, t, n, above=False) + max_count_beyond(b, t, n, above=True)
        else:                  # unimproved: after >= before, so after high or before low
            count = max_count_beyond(a, t, n, above=True) + max_count_beyond(b, t, n, above=False)
        if count < best.count:
            best = Unimproved(int(count), n, float(t))
    return best
