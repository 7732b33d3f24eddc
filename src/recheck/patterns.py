"""Patterns across the rows of a table that no single row shows.

* Do the printed test statistics follow from the table's own means and SDs? One mismatch is a slip; most of
  a column failing, and failing in no particular order, suggests the statistics were not computed from the
  summaries printed beside them.
* Do identical numbers recur under labels that measure different things? Exact repeats of numbers printed
  with several decimals are rare by chance; a copying or transcription slip is one common source.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Mapping, Sequence

import numpy as np
import pandas as pd
from scipy.stats import spearmanr

from .findings import Finding
from .rounding import fmt, overlaps
from .rules import plural
from .validate import printed as printed_number, whole

# Thresholds of check_statistics_track: below this share reproduced, or a rank correlation below this, the
# column as a whole does not follow from the table.
MIN_SHARE = 0.5
MIN_RANK_CORRELATION = 0.5


@dataclass(frozen=True)
class Tracking:
    """How a column of printed statistics compares with the intervals recomputed from the table.

    reproduced: per row, whether the printed value's rounding interval meets the recomputed interval.
    rank_correlation, rank_p: Spearman's rho between printed values and recomputed midpoints, and its two-sided
    P (scipy); both nan when either column is constant.
    """

    n: int
    reproduced: tuple[bool, ...]
    share_reproduced: float
    rank_correlation: float
    rank_p: float


def _bounds(argument: str, values) -> np.ndarray:
    array = np.asarray(values, dtype=float)
    if array.ndim != 1 or not np.isfinite(array).all():
        raise ValueError(f"{argument} = {values!r}: finite numbers are needed")
    return array


def statistics_track(printed: Sequence[str], lo: Sequence[float], hi: Sequence[float]) -> Tracking:
    """Compare printed statistics with the intervals recomputed from the table's own summaries, row by row and
    as a column.

    printed: the statistics as printed (text; each stands for its closed rounding interval). lo, hi: the
    recomputed interval of each row, e.g. the t range over the rounding of its means and SDs. Method: a row
    is reproduced when the intervals meet; the column's order is compared by Spearman's rho between the
    printed values and the recomputed midpoints. Validation (caller's input, ValueError): fewer than 3 rows,
    lengths that differ, text that is not a number, non-finite bounds, lo above hi.
    """
    if not len(printed) == len(lo) == len(hi):
        raise ValueError(f"printed, lo, hi: lengths {len(printed)}, {len(lo)}, {len(hi)} differ")
    if len(printed) < 3:
        raise ValueError(f"printed: {len(printed)} rows; a pattern needs at least 3")
    values = [printed_number(f"printed[{i}]", text) for i, text in enumerate(printed)]
    low, high = _bounds("lo", lo), _bounds("hi", hi)
    if (low > high).any():
        row = int(np.flatnonzero(low > high)[0])
        raise ValueError(f"lo[{row}], hi[{row}] = {low[row]}, {high[row]}: lo lies above hi")
    reproduced = tuple(bool(overlaps((v.lo, v.hi), (a, b))) for v, a, b in zip(values, low, high))
    shown, midpoints = np.array([v.value for v in values]), (low + high) / 2
    if np.ptp(shown) == 0 or np.ptp(midpoints) == 0:
        rho, p = math.nan, math.nan
    else:
        rho, p = (float(x) for x in spearmanr(shown, midpoints))
    return Tracking(len(values), reproduced, sum(reproduced) / len(values), rho, p)


def check_statistics_track(printed: Sequence[str], lo: Sequence[float], hi: Sequence[float], what: str) -> Finding:
    """Do a table's printed statistics, taken together, follow from its own means and SDs?

    Rule: `consistent` when every row is reproduced; otherwise `concern` when fewer than half the rows are
    reproduced (share < 0.5) or the printed values do not rank like the recomputed ones (Spearman rho < 0.5,
    or undefined because a column is constant); `minor` otherwise (some rows off, but the column follows the
    table: a slip, or a systematic difference such as another test). what: the statistic and where it is,
    e.g. "t statistics of Table 2", named in the assumption. Validation as in `statistics_track`.
    """
    track = statistics_track(printed, lo, hi)
    misses = [i for i, ok in enumerate(track.reproduced) if not ok]
    reported = f"{what}: " + ", ".join(str(x) for x in printed)
    rho = "undefined (a constant column)" if math.isnan(track.rank_correlation) else fmt(track.rank_correlation, 2)
    recomputed = (f"{track.n - len(misses)} of {track.n} reproduced ({fmt(100 * track.share_reproduced, 0)}%); "
                  f"Spearman rho printed vs recomputed {rho}")
    assumption = (f"{what}; each recomputed from its row's printed summaries over their rounding; concern when "
                  f"under {MIN_SHARE:g} of rows are reproduced or rho < {MIN_RANK_CORRELATION:g}")
    if not misses:
        return Finding("statistics track the table", reported, recomputed, "consistent", assumption,
                       "Every printed statistic follows from the means and SDs printed beside it.")
    rows = ", ".join(f"{printed[i]} (row {i + 1})" for i in misses)
    tracks = not math.isnan(track.rank_correlation) and track.rank_correlation >= MIN_RANK_CORRELATION
    if track.share_reproduced < MIN_SHARE or not tracks:
        explanation = (f"Across the table the printed statistics do not follow from the table's own means and "
                       f"SDs: the printed values {rows} cannot be reproduced"
                       + ("" if tracks else ", and larger recomputed values do not go with larger printed ones")
                       + ". The printed statistics and the printed summaries cannot both describe the same data "
                         "and the same test; the documents do not show which is wrong.")
        return Finding("statistics track the table", reported, recomputed, "concern", assumption, explanation)
    return Finding("statistics track the table", reported, recomputed, "minor", assumption,
                   f"The printed values {rows} cannot be reproduced, but most rows can and the printed values "
                   f"rise and fall with the recomputed ones: more like slips or a different test than "
                   f"statistics unrelated to the table.")


# A decimal number as printed; a sign is not kept because "0.80-1.98" prints a range, not a negative number.
_DECIMAL = re.compile(r"(?<![\d.])(\d*)\.(\d+)(?![\d.])")
_BOUND = re.compile(r"[<>≤≥]\s*$")


def _decimal_numbers(cell: str, min_decimals: int) -> list[str]:
    """The decimal numbers of a cell with at least min_decimals decimals, normalised (".50" -> "0.50");
    thresholds after < or > are skipped, since "< 0.001" repeats by convention."""
    found = []
    for match in _DECIMAL.finditer(cell):
        if len(match.group(2)) >= min_decimals and not _BOUND.search(cell[: match.start()]):
            found.append(f"{match.group(1) or '0'}.{match.group(2)}")
    return found


def recurring_values(cells: Mapping[str, str], min_decimals: int = 2) -> pd.DataFrame:
    """Decimal numbers, as printed, that occur under two or more different labels.

    cells: label -> printed cell (a cell may hold several numbers, e.g. "33.06 ± 6.18"). Numbers with fewer
    than min_decimals decimals are ignored; the same number twice within one label counts once. Columns:
    value (text), labels (tuple, in the order of `cells`), count (number of labels); rows by count (most
    first), then numeric value, then text. Validation: min_decimals below 1 is a ValueError.
    """
    min_decimals = whole("min_decimals", min_decimals, 1)
    seen: dict[str, list[str]] = {}
    for label, cell in cells.items():
        for number in dict.fromkeys(_decimal_numbers(str(cell), min_decimals)):
            seen.setdefault(number, []).append(label)
    rows = [(number, tuple(labels), len(labels)) for number, labels in seen.items() if len(labels) > 1]
    rows.sort(key=lambda row: (-row[2], float(row[0]), row[0]))
    return pd.DataFrame(rows, columns=["value", "labels", "count"])


def chance_of_a_repeat(m: int, possible: int) -> float:
    """Chance that m values drawn independently and uniformly from `possible` equally likely values include
    at least two equal ones: 1 − Π_{i<m} (1 − i/possible) (the birthday problem)."""
    m, possible = whole("m", m, 0), whole("possible", possible, 1)
    if m > possible:
        return 1.0
    return 1.0 - math.prod(1 - i / possible for i in range(1, m))


def _magnitude_class(number: str) -> tuple[int, int]:
    """Numbers of similar size and precision: (digits before the point, ignoring leading zeros; decimals)."""
    whole_part, decimals = number.split(".")
    return len(whole_part.lstrip("0")), len(decimals)


def _coincidence_chance(number: str, cells: Mapping[str, str], min_decimals: int) -> tuple[float | None, str]:
    """A rough chance of a repeat among the numbers of the same class as `number` (None when too few numbers
    share its size to say), and the sentence that states it."""
    group = [x for cell in cells.values() for x in dict.fromkeys(_decimal_numbers(str(cell), min_decimals))
             if _magnitude_class(x) == _magnitude_class(number)]
    distinct = sorted({float(x) for x in group})
    decimals = _magnitude_class(number)[1]
    if len(distinct) < 3:
        return None, (f"{number}: too few other numbers of its size ({len(group)} in all) to say how likely a "
                      f"chance repeat is.")
    possible = round((distinct[-1] - distinct[0]) * 10**decimals) + 1
    chance = chance_of_a_repeat(len(group), possible)
    return chance, (f"{number}: among the {len(group)} numbers with {decimals} decimals between {distinct[0]:g} "
                    f"and {distinct[-1]:g} ({possible} possible printed values), a repeat somewhere has a rough "
                    f"chance of {chance:.2g} if they were independent and evenly spread (clustered values repeat "
                    f"more often).")


# A repeat is flagged only when a coincidence that common is rarer than this; otherwise it is expected.
RARE_REPEAT = 0.05


def check_recurring_values(cells: Mapping[str, str], what: str, min_decimals: int = 2) -> Finding:
    """Do numbers printed with several decimals recur under labels that measure different things?

    Rule: `concern` when some number recurs and a chance repeat among numbers of its size is rarer than
    RARE_REPEAT; `consistent` when nothing recurs, or every repeat is as common as chance makes it, or no chance can
    be stated (a flag that cannot be argued with numbers is not raised). The chance, for each recurring number:
    among all numbers of the table with the same decimals and the same digits before the point (m of them,
    spanning N possible printed values), the chance that some two coincide if they were independent and evenly
    spread, 1 − Π(1 − i/N) (`chance_of_a_repeat`). The figure is rough: values that cluster (two arms of a trial
    have similar means) repeat more often, values of unrelated quantities far apart less often; with fewer than 3
    distinct numbers of that size none is given. what: which cells (e.g. "means and SDs of Table 1"), named in
    the assumption. Validation as in `recurring_values`.
    """
    table = recurring_values(cells, min_decimals)
    assumption = (f"{what}; the labelled cells measure different quantities or groups, so equal values are not "
                  f"expected by design; numbers with at least {min_decimals} decimals; bounds such as < 0.001 "
                  f"skipped")
    if table.empty:
        return Finding("recurring values", f"{what}: {len(cells)} cells", "no number recurs", "consistent",
                       assumption, "No number printed with this many decimals appears under two different labels.")
    reported = "; ".join(f"{row.value} under {' | '.join(row.labels)}" for row in table.itertuples())
    recomputed = f"{plural(len(table), 'number')} recur, under {int(table['count'].max())} labels at most"
    chances = [_coincidence_chance(value, cells, min_decimals) for value in table["value"]]
    notes = " ".join(note for _, note in chances)
    rare = [c for c, _ in chances if c is not None and c < RARE_REPEAT]
    if not rare:
        return Finding("recurring values", reported, recomputed, "consistent", assumption,
                       "Repeats of this kind are as common as chance makes them, or too few numbers share their "
                       "size to say otherwise. " + notes)
    explanation = ("The same number, to the last printed decimal, appears for quantities that should differ, and a "
                   f"chance repeat among numbers of its size would be rare (below {RARE_REPEAT:g}). A copying or "
                   "transcription slip, the same quantity printed twice or a rare coincidence can each produce it; "
                   "the documents do not show which. " + notes)
    return Finding("recurring values", reported, recomputed, "concern", assumption, explanation)
