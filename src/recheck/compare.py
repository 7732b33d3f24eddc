"""Side-by-side comparison of two reports of (possibly) the same study.

`compare_facts` matches facts by key and classifies each pair: same, different, or reported in one only.
Numbers are compared as printed numbers (their rounding intervals must meet); text is compared after
folding case and white space. `or_transformations` asks whether one odds ratio could be a simple
re-expression of another (reciprocal from swapping the reference category, or a power from a change of unit).

Validation (see `validate`): fact tables must be DataFrames with the key and value columns and unique keys, the
two names distinct text (ValueError); odds ratios are printed numbers (ValueError) that cannot be negative, and a
CI's lower limit cannot lie above its upper limit (ImpossibleValue). An OR printed as zero ("0.00") stands for
(0, half a unit]: its reciprocal is unbounded.
"""
from __future__ import annotations

import math
import re

import pandas as pd

from .rounding import NUMBER, fmt, fmt_interval, overlaps, parse_rounded
from .validate import interval_order, pair, positive, text

_SPACES = re.compile(r"[\s\u2009\u202f]+")


def _as_number(text: str):
    """A printed number (thousands spaces and a trailing % allowed), or None for text."""
    clean = _SPACES.sub("", str(text)).rstrip("%")
    return parse_rounded(clean) if NUMBER.match(clean) else None


def _normalised(text: str) -> str:
    return _SPACES.sub(" ", str(text)).strip().casefold()


def same_value(first: str, second: str) -> bool:
    """Do two printed facts agree (numbers within rounding, text after folding)? Validation: none needed; any
    value is compared as text, numbers by their rounding intervals."""
    a, b = _as_number(first), _as_number(second)
    if a is not None and b is not None:
        return overlaps((a.lo, a.hi), (b.lo, b.hi))
    return _normalised(first) == _normalised(second)


def compare_facts(first: pd.DataFrame, second: pd.DataFrame, names: tuple[str, str] = ("first", "second"),
                  key: str = "fact", value: str = "value") -> pd.DataFrame:
    """Match two fact tables by `key` and classify each fact (a blank value means not reported).

    Output columns: fact, <names[0]>, <names[1]>, status: "same", "different", "only in <names[0]>" or
    "only in <names[1]>". Order: the first report's facts in its order, then facts only the second reports.

    Validation: caller's input only (ValueError): DataFrames with the key and value columns and unique keys, two
    distinct names (neither equal to "fact" or "status"). Values that are not text are compared as text; a
    missing value counts as not reported.
    """
    key, value = text("key", key), text("value", value)
    names = pair("names", names)
    if not all(isinstance(x, str) and x for x in names) or names[0] == names[1] or {"fact", "status"} & set(names):
        raise ValueError(f"names = {names!r}: two different, non-empty names other than 'fact' and 'status' "
                         f"are needed")
    for frame, name in ((first, names[0]), (second, names[1])):
        if not isinstance(frame, pd.DataFrame):
            raise ValueError(f"{name} facts: a pandas DataFrame is needed, got {type(frame).__name__}")
        missing = {key, value} - set(frame.columns)
        if missing:
            raise ValueError(f"{name} facts lack columns {sorted(missing)}")
        dupes = frame[key][frame[key].duplicated()].tolist()
        if dupes:
            raise ValueError(f"{name} facts repeat keys {dupes}")

    def missing_value(v) -> bool:
        return v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and math.isnan(v))

    def as_text(frame: pd.DataFrame, name: str) -> pd.DataFrame:
        values = frame[value]
        if not all(isinstance(v, str) or missing_value(v) for v in values):
            values = values.map(lambda v: v if isinstance(v, str) else "" if missing_value(v) else str(v))
        return frame[[key]].assign(**{name: values})

    merged = pd.merge(as_text(first, names[0]), as_text(second, names[1]), on=key, how="outer", sort=False)
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


def _power(x: float, k: float) -> float:
    """x**k for a negative k, with 0 -> inf (a printed zero OR is a positive value too small to bound 1/x)."""
    return math.inf if x == 0 else x**k


def or_transformations(odds_ratio: str, other: str, ci: tuple[str, str] | None = None) -> pd.DataFrame:
    """Could `other` be `odds_ratio` re-expressed? Each candidate is checked over both rounding intervals.

    Rows: same, reciprocal (reference category swapped), squared and its reciprocal (a two-unit change),
    square root and its reciprocal (half a unit), and, when the first OR's CI is given, whether `other` lies
    inside that CI or its reciprocal. Columns: transformation, range (of the transformed first OR), matches.

    Validation: computing function; the ORs and CI limits are printed numbers and `ci` a pair (ValueError); a
    negative OR or limit, or a CI whose lower limit lies above its upper one, raises ImpossibleValue. An OR or
    limit printed as zero stands for (0, half a unit]: the transformations that divide by it are unbounded.
    """
    a = positive("odds_ratio", odds_ratio, "odds ratio", zero_ok=True)
    b = positive("other", other, "odds ratio", zero_ok=True)
    if ci is not None:
        ci = pair("ci", ci)
        ci_lo = positive("ci[0]", ci[0], "confidence limit of an odds ratio", zero_ok=True)
        ci_hi = positive("ci[1]", ci[1], "confidence limit of an odds ratio", zero_ok=True)
        interval_order("ci[0]", ci_lo, "ci[1]", ci_hi)
    low = a.lo if a.lo > 0 else 0.0
    target = (max(b.lo, 0.0), b.hi)
    candidates = {
        "same": lambda x: x, "reciprocal": lambda x: _power(x, -1), "squared": lambda x: x**2,
        "reciprocal squared": lambda x: _power(x, -2), "square root": math.sqrt,
        "reciprocal square root": lambda x: _power(x, -0.5),
    }
    rows = []
    for name, f in candidates.items():
        ends = sorted((f(low), f(a.hi)))
        rows.append((name, fmt_interval(tuple(ends)), overlaps(tuple(ends), target)))
    if ci is not None:
        lo, hi = ci_lo.value, ci_hi.value
        rows.append(("inside the CI", f"[{fmt(lo)}, {fmt(hi)}]", lo <= b.value <= hi))
        rows.append(("inside the reciprocal CI", f"[{fmt(_power(hi, -1))}, {fmt(_power(lo, -1))}]",
                     _power(hi, -1) <= b.value <= _power(lo, -1)))
    return pd.DataFrame(rows, columns=["transformation", "range", "matches"])
