"""One shape for every finding, and the ledger each study notebook writes.

Ledger columns (in this order):
    study        study id, e.g. "wang2025_needle_knife"
    location     where in the paper: "Table 2 · Operative time (min) · t", "Abstract", "Methods: inclusion criteria"
    check        what was checked: "two-sample t (Student/Welch)", "GRIM", "percent from count" ...
    reported     what the paper prints, as printed
    recomputed   our value or interval, as text
    verdict      one of VERDICTS
    assumption   what the verdict depends on ("VAS recorded as whole numbers"; "means anywhere in rounding interval")
    explanation  a plain-language why
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Iterable

import pandas as pd

# Ordered from least to most serious; `not_checkable` sits apart (nothing was judged).
VERDICTS = ("consistent", "minor", "concern", "decision", "implausible", "impossible", "not_checkable")
SEVERITY = {"consistent": 0, "not_checkable": 0, "minor": 1, "concern": 2, "decision": 3, "implausible": 3,
            "impossible": 4}
COLUMNS = ("study", "location", "check", "reported", "recomputed", "verdict", "assumption", "explanation")


@dataclass(frozen=True)
class Finding:
    check: str
    reported: str
    recomputed: str
    verdict: str
    assumption: str
    explanation: str
    study: str = ""
    location: str = ""

    def __post_init__(self):
        if self.verdict not in VERDICTS:
            raise ValueError(f"verdict {self.verdict!r} is not one of {', '.join(VERDICTS)}")

    def located(self, study: str, location: str) -> "Finding":
        return replace(self, study=study, location=location)


class Ledger:
    """The findings of one study, collected as a notebook runs: `add` places a finding and returns it."""

    def __init__(self, study: str):
        self.study = study
        self.findings: list[Finding] = []

    def add(self, finding: Finding, location: str) -> Finding:
        located = finding.located(self.study, location)
        self.findings.append(located)
        return located

    def verdicts(self, prefix: str = "") -> list[str]:
        """Verdicts of the findings whose location starts with `prefix`."""
        return [f.verdict for f in self.findings if f.location.startswith(prefix)]

    def write(self, path: str | Path) -> pd.DataFrame:
        return write_ledger(self.findings, path)


def brief(findings: Iterable[Finding]) -> pd.DataFrame:
    """Findings as a compact table for display: location, check, reported, recomputed, verdict."""
    return pd.DataFrame([asdict(f) for f in findings],
                        columns=list(COLUMNS))[["location", "check", "reported", "recomputed", "verdict"]]


def findings_table(findings: Iterable[Finding] | pd.DataFrame) -> pd.DataFrame:
    """Findings as a reader sees them: where (the location, as index), the verdict and why (the explanation).

    Takes Finding objects or ledger rows; every flag shown this way carries its plain-language reason.
    """
    frame = findings if isinstance(findings, pd.DataFrame) else pd.DataFrame([asdict(f) for f in findings],
                                                                             columns=list(COLUMNS))
    return frame.rename(columns={"location": "where", "explanation": "why"}).set_index("where")[["verdict", "why"]]


def worst(verdicts: Iterable[str]) -> str:
    """The most serious of several verdicts (consistent when none)."""
    return max(verdicts, key=lambda v: SEVERITY[v], default="consistent")


def ledger_frame(findings: Iterable[Finding]) -> pd.DataFrame:
    """Findings as a DataFrame with the ledger columns, in a stable order (location, then check)."""
    rows = [asdict(f) for f in findings]
    frame = pd.DataFrame(rows, columns=list(COLUMNS)).astype(str)
    missing = frame[(frame["study"] == "") | (frame["location"] == "")]
    if len(missing):
        raise ValueError(f"findings without study or location: {missing['check'].tolist()}")
    dupes = frame.duplicated(["study", "location", "check"], keep=False)
    if dupes.any():
        raise ValueError(f"duplicate ledger keys: {frame.loc[dupes, ['location', 'check']].values.tolist()}")
    return frame.sort_values(["study", "location", "check"], kind="stable").reset_index(drop=True)


def write_ledger(findings: Iterable[Finding], path: str | Path) -> pd.DataFrame:
    """Write the ledger CSV deterministically (UTF-8, LF line ends) and return it."""
    frame = ledger_frame(findings)
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    return frame


def read_ledger(path: str | Path) -> pd.DataFrame:
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    if tuple(frame.columns) != COLUMNS:
        raise ValueError(f"{path}: columns are {list(frame.columns)}, expected {list(COLUMNS)}")
    bad = ~frame["verdict"].isin(VERDICTS)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0])
        raise ValueError(f"{path}: row {row + 2}, column 'verdict': {frame['verdict'].iloc[row]!r} is not a verdict")
    return frame


def verdict_counts(ledger: pd.DataFrame) -> pd.DataFrame:
    """Counts by study and verdict, every verdict a column, in VERDICTS order."""
    table = pd.crosstab(ledger["study"], ledger["verdict"])
    return table.reindex(columns=list(VERDICTS), fill_value=0)
