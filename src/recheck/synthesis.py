"""Reading several studies' ledgers together: check families and numbers repeated across documents."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterable, Mapping

import pandas as pd

from .findings import COLUMNS, SEVERITY, read_ledger

# Ordered rules: the first pattern found in a ledger's `check` names its family.
FAMILIES = (
    ("two-sample t", "t test"),
    ("paired t", "paired t"),
    ("association test", "chi-square / Fisher"),
    ("mann-whitney", "Mann-Whitney"),
    ("p from", "p from statistic"),
    ("logistic", "logistic regression"),
    ("grimmer", "granularity"),
    ("grim", "granularity"),
    ("debit", "granularity"),
    ("sd bounds", "granularity"),
    ("percent", "percentages and totals"),
    ("arithmetic", "percentages and totals"),
    ("repeated-measures", "repeated-measures ANOVA"),
    ("bound", "bounds on derived rates"),
    ("comparison with preprint", "comparison of reports"),
    ("re-expression", "comparison of reports"),
    ("claim", "claims against data"),
    ("power", "claims against data"),
    ("choice of test", "claims against data"),
    ("direction", "claims against data"),
    ("eligibility", "design and reporting"),
)


def check_family(check: str) -> str:
    """The family a ledger's check belongs to (for heatmaps across studies); 'design and reporting' otherwise."""
    lower = check.lower()
    for pattern, family in FAMILIES:
        if pattern in lower:
            return family
    return "design and reporting"


def read_ledgers(folder: str | Path, studies: Iterable[str]) -> tuple[pd.DataFrame, list[str]]:
    """All existing ledgers of the given studies, and the studies that have none yet (not an error)."""
    frames, missing = [], []
    for study in studies:
        path = Path(folder) / f"{study}.csv"
        if path.exists():
            frames.append(read_ledger(path))
        else:
            missing.append(study)
    ledger = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=list(COLUMNS))
    ledger["family"] = ledger["check"].map(check_family)
    ledger["severity"] = ledger["verdict"].map(SEVERITY)
    return ledger, missing


_DECIMAL = re.compile(r"(?<![\d.])\d+\.\d+(?![\d.])")


def shared_numbers(texts: Mapping[str, Iterable[str]], min_decimals: int = 2,
                   skip_unit_interval: bool = False) -> pd.DataFrame:
    """Decimal numbers, as printed, that occur in more than one study's extracted data.

    texts: study -> printed cells. Numbers with fewer than `min_decimals` decimals are ignored (too common to
    mean anything), and with skip_unit_interval numbers below 1 too (p-values and small t values coincide by
    chance). Output columns: number, studies (sorted, comma-separated), count; sorted by studies, then number.
    """
    seen: dict[str, set[str]] = {}
    for study, cells in texts.items():
        for cell in cells:
            for number in _DECIMAL.findall(str(cell)):
                if len(number.split(".")[1]) >= min_decimals and not (skip_unit_interval and float(number) < 1):
                    seen.setdefault(number, set()).add(study)
    rows = [(n, ", ".join(sorted(s)), len(s)) for n, s in seen.items() if len(s) > 1]
    frame = pd.DataFrame(rows, columns=["number", "studies", "count"])
    return frame.sort_values(["studies", "number"], kind="stable").reset_index(drop=True)
