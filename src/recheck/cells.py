"""Parsers for the cell formats clinical tables print.

    "33.06 ± 6.18"   -> MeanSD        (also "33.06 $\\pm$ 6.18", "33.06 +/- 6.18")
    "47 (90.4)"      -> CountPercent  (also "47 (90.4%)")
    "< 0.001"        -> PValue with relation "<"; "0.046" -> PValue with relation "="
    "1.26 (0.80-1.98)" -> EstimateCI
    "14/47", "12:43" -> CountPair (two counts printed as a/b or a:b, e.g. male/female)
    "1.713-16.888"   -> Range (a confidence interval printed on its own)
    "0.641"          -> Rounded (plain number)

Every parser keeps the printed text, so rounding intervals can be derived from the decimals actually printed.

Validation (every parser): text that is not in the parser's format is a ValueError quoting it; a well-formed
cell that no data can print (a negative SD, a percent outside 0-100, a p outside 0-1, a range or CI whose lower
limit lies above its upper limit) is an `ImpossibleValue` (a ValueError subclass) quoting it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from .rounding import Rounded, parse_rounded
from .validate import ImpossibleValue, probability

_NUM = r"[+-]?(?:\d+(?:\.\d+)?|\.\d+)"
_PM = r"(?:±|\$\\pm\$|\\pm|\+/-|\+-)"
MEAN_SD = re.compile(rf"^\s*({_NUM})\s*{_PM}\s*({_NUM})\s*$")
COUNT_PCT = re.compile(rf"^\s*(\d+)\s*\(\s*({_NUM})\s*%?\s*\)\s*$")
P_VALUE = re.compile(rf"^\s*(?:[Pp]\s*)?(<|>|=|≤|≥|<=|>=)?\s*({_NUM})\s*$")
RANGE = re.compile(rf"^\s*({_NUM})\s*(?:-|–|to)\s*({_NUM})\s*$")
COUNT_PAIR = re.compile(r"^\s*(\d+)\s*[/:]\s*(\d+)\s*$")
ESTIMATE_CI = re.compile(rf"^\s*({_NUM})\s*[\(\[]\s*({_NUM})\s*(?:-|–|,|to)\s*({_NUM})\s*[\)\]]\s*$")


@dataclass(frozen=True)
class MeanSD:
    printed: str
    mean: Rounded
    sd: Rounded


@dataclass(frozen=True)
class CountPercent:
    printed: str
    count: int
    percent: Rounded


@dataclass(frozen=True)
class PValue:
    """A printed p-value. `relation` is "=", "<" or ">"; `bounds` is the closed interval of true p it allows."""

    printed: str
    relation: str
    value: Rounded

    @property
    def bounds(self) -> tuple[float, float]:
        if self.relation == "<":
            return 0.0, self.value.value
        if self.relation == ">":
            return self.value.value, 1.0
        # "0.000" is how SPSS prints p < 0.0005: the interval's lower end is 0 either way.
        return max(0.0, self.value.lo), min(1.0, self.value.hi)

    def significant(self, alpha: float = 0.05) -> bool | None:
        """True/False when the printed p settles the call at alpha, None when it straddles alpha.

        Validation: alpha strictly between 0 and 1 (ValueError).
        """
        alpha = probability("alpha", alpha)
        lo, hi = self.bounds
        if hi < alpha or (self.relation == "<" and self.value.value <= alpha):
            return True
        if lo >= alpha:
            return False
        return None


@dataclass(frozen=True)
class EstimateCI:
    printed: str
    estimate: Rounded
    lower: Rounded
    upper: Rounded


@dataclass(frozen=True)
class CountPair:
    printed: str
    first: int
    second: int


@dataclass(frozen=True)
class Range:
    printed: str
    lower: Rounded
    upper: Rounded


def _reversed(text, lower: Rounded, upper: Rounded) -> ImpossibleValue:
    return ImpossibleValue("lower, upper", f"{lower.printed}, {upper.printed}", "the lower end lies above the upper end",
                           f"lower limit above upper limit in {text!r}")


def parse_range(text: str) -> Range:
    """A limit pair printed on its own, "1.713-16.888". Validation: see the module docstring."""
    m = RANGE.match(str(text))
    if not m:
        raise ValueError(f"not 'lower-upper': {text!r}")
    lower, upper = parse_rounded(m.group(1)), parse_rounded(m.group(2))
    if lower.value > upper.value:
        raise _reversed(text, lower, upper)
    return Range(str(text), lower, upper)


def parse_count_pair(text: str) -> CountPair:
    """Two whole counts, "14/47" or "12:43". Validation: see the module docstring."""
    m = COUNT_PAIR.match(str(text))
    if not m:
        raise ValueError(f"not 'count/count' or 'count:count': {text!r}")
    return CountPair(str(text), int(m.group(1)), int(m.group(2)))


def parse_mean_sd(text: str) -> MeanSD:
    """"33.06 ± 6.18". Validation: see the module docstring (a negative SD is an ImpossibleValue)."""
    m = MEAN_SD.match(str(text))
    if not m:
        raise ValueError(f"not 'mean ± SD': {text!r}")
    mean, sd = parse_rounded(m.group(1)), parse_rounded(m.group(2))
    if sd.value < 0:
        raise ImpossibleValue("SD", sd.printed, "an SD cannot be negative",
                              f"negative SD in {text!r}: an SD cannot be negative")
    return MeanSD(str(text), mean, sd)


def parse_count_percent(text: str) -> CountPercent:
    """"47 (90.4)". Validation: see the module docstring (a percent outside 0-100 is an ImpossibleValue)."""
    m = COUNT_PCT.match(str(text))
    if not m:
        raise ValueError(f"not 'count (percent)': {text!r}")
    pct = parse_rounded(m.group(2))
    if not 0 <= pct.value <= 100:
        raise ImpossibleValue("percent", pct.printed, "a percent must lie between 0 and 100",
                              f"percent outside 0-100 in {text!r}")
    return CountPercent(str(text), int(m.group(1)), pct)


def parse_p(text: str) -> PValue:
    """"< 0.001", "0.046", "P = .03". Validation: see the module docstring (outside 0-1: ImpossibleValue)."""
    if isinstance(text, Rounded):
        text = text.printed
    m = P_VALUE.match(str(text).replace("$", ""))
    if not m:
        raise ValueError(f"not a p-value: {text!r}")
    relation = {"≤": "<", "<=": "<", "≥": ">", ">=": ">", None: "="}.get(m.group(1), m.group(1))
    value = parse_rounded(m.group(2))
    if not 0 <= value.value <= 1:
        raise ImpossibleValue("p", value.printed, "a p-value must lie between 0 and 1",
                              f"p-value outside 0-1: {text!r}")
    return PValue(str(text), relation, value)


def parse_estimate_ci(text: str) -> EstimateCI:
    """"1.26 (0.80-1.98)". Validation: see the module docstring (a reversed CI is an ImpossibleValue)."""
    m = ESTIMATE_CI.match(str(text))
    if not m:
        raise ValueError(f"not 'estimate (lower-upper)': {text!r}")
    est, lo, hi = (parse_rounded(g) for g in m.groups())
    if lo.value > hi.value:
        raise _reversed(text, lo, hi)
    return EstimateCI(str(text), est, lo, hi)


def cell_kind(text: str) -> str:
    """Classify a printed cell: empty, mean_sd, count_pct, count_pair, range, estimate_ci, p_bound, number,
    or text. Validation: none needed; any value is classified as text (None is "text")."""
    s = str(text).strip()
    if s in ("", "-", "—", "NA"):
        return "empty"
    if MEAN_SD.match(s):
        return "mean_sd"
    if COUNT_PCT.match(s):
        return "count_pct"
    if COUNT_PAIR.match(s):
        return "count_pair"
    if RANGE.match(s):
        return "range"
    if ESTIMATE_CI.match(s):
        return "estimate_ci"
    m = P_VALUE.match(s.replace("$", ""))
    if m and m.group(1):
        return "p_bound"
    if m:
        return "number"
    return "text"
