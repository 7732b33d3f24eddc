"""Side-by-side comparison of two reports of (possibly) the same study.

`compare_facts` matches facts by key and classifies each pair: same, different, or reported in one only.
Numbers are compared as printed numbers (their rounding intervals must meet); text is compared after
folding case and white space. `or_transformations` asks whether one odds ratio could be a simple
re-expression of another (reciprocal from swapping the reference category, or a power from a change of unit).
"""
from __future__ import annotations

import math
import re

import pandas as pd

from .rounding import NUMBER, fmt, fmt_interval, overlaps, parse_rounded

_SPACES = re.compile(r"[\s\u2009\u202f]+")


def _as_number(text: str):
    """A printed number (thousands spaces and a trailing % allowed), or None for text."""
    clean = _SPACES.sub("", str(text)).rstrip("%")
    return parse_rounded(clean) if NUMBER.match(clean) else None


def _normalised(text: str) -> str:
    return _SPACES.sub(" ", str(text)).strip().casefold()


def same_value(first: str, second: str) -> bool:
    a, b = _as_number(first), _as_number(second)
    if a is not None and b is not None:
        return overlaps((a.lo, a.hi), (b.lo, b.hi))
    return _normalised(first) == _normalised(second)


def compare_facts(first: pd.DataFrame, second: pd.DataFrame, names: tuple[str, str] = ("first", "second"),
                  key: str = "fact", value: str = "value") -> pd.DataFrame:
    """Match two fact tables by `key` and classify each fact (a blank value means not reported).

    Output columns: fact, <names[0]>, <names[1]>, status: "same", "different", "only in <names[0]>" or
    "only in <names[1]>". Order: the first report's facts in its order, then facts only the second reports.
    """
    for frame, name in ((first, names[0]), (second, names[1])):
        missing = {key, value} - set(frame.columns)
        if missing:
            raise ValueError(f"{name} facts lack columns {sorted(missing)}")
        dupes = frame[key][frame[key].duplicated()].tolist()
        if dupes:
            raise ValueError(f"{name} facts repeat keys {dupes}")
    merged = pd.merge(first[[key, value]].rename(columns={value: names[0]}),
                      second[[key, value]].rename(columns={value: names[1]}), on=key, how="outer", sort=False)
    order = {k: i for i, k in enumerate([*first[key], *[k for k in second[key] if k not in set(first[key])]])}
    merged = merged.sort_values(key, key=lambda s: s.map(order), kind="stable").reset_index(drop=True)
    # A fact one report leaves blank counts as not reported there.
    a_blank = merged[names[0]].fillna("").str.strip() == ""
    b_blank = merged[names[1]].fillna("").str.strip() == ""
    same = [not (x or y) and same_value(p, q)
            for x, y, p, q in zip(a_blank, b_blank, merged[names[0]], merged[names[1]])]
    merged["status"] = [
        f"only in {names[1]}" if x else f"only in {names[0]}" if y else "same" if s else "different"
        for x, y, s in zip(a_blank, b_blank, same)
    ]
    return merged.fillna("").rename(columns={key: "fact"})


def or_transformations(odds_ratio: str, other: str, ci: tuple[str, str] | None = None) -> pd.DataFrame:
    """Could `other` be `odds_ratio` re-expressed? Each candidate is checked over both rounding intervals.

    Rows: same, reciprocal (reference category swapped), squared and its reciprocal (a two-unit change),
    square root and its reciprocal (half a unit), and, when the first OR's CI is given, whether `other` lies
    inside that CI or its reciprocal. Columns: transformation, range (of the transformed first OR), matches.
    """
    a, b = parse_rounded(odds_ratio), parse_rounded(other)
    if a.lo <= 0 or b.lo <= 0:
        raise ValueError("odds ratios must be positive")
    target = (b.lo, b.hi)
    candidates = {
        "same": lambda x: x, "reciprocal": lambda x: 1 / x, "squared": lambda x: x**2,
        "reciprocal squared": lambda x: x**-2, "square root": math.sqrt, "reciprocal square root": lambda x: x**-0.5,
    }
    rows = []
    for name, f in candidates.items():
        ends = sorted((f(a.lo), f(a.hi)))
        rows.append((name, fmt_interval(tuple(ends)), overlaps(tuple(ends), target)))
    if ci is not None:
        lo, hi = parse_rounded(ci[0]).value, parse_rounded(ci[1]).value
        rows.append(("inside the CI", f"[{fmt(lo)}, {fmt(hi)}]", lo <= b.value <= hi))
        rows.append(("inside the reciprocal CI", f"[{fmt(1 / hi)}, {fmt(1 / lo)}]", 1 / hi <= b.value <= 1 / lo))
    return pd.DataFrame(rows, columns=["transformation", "range", "matches"])
