"""Loading extracted tables: as printed, validated, with every error located.

Layout of a study's folder, data/<study_id>/:
    study.json      metadata: study_id, citation, design, period, setting, groups [{name, n}], and
                    tables {file: {"source": "Table 2", "label_columns": [...], "text_columns": [...]}}
    <table>.csv     one paper table, wide, exactly as printed: the header row holds the paper's column
                    headings, label columns hold its row labels, every other cell is the printed text
                    ("33.06 ± 6.18", "47 (90.4)", "14/47", "< 0.001", "0.000", "" for an empty cell). Columns listed as
                    text_columns hold free text (periods, names, definitions) and are not parsed.

The file, the row label and the column heading together say where each number came from. Cells are kept
as strings so trailing zeros survive ("2.50" is not "2.5"); `tidy_cells` parses them.
"""
from __future__ import annotations

import csv
import json
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from .cells import (
    cell_kind, parse_count_pair, parse_count_percent, parse_estimate_ci, parse_mean_sd, parse_p, parse_range,
)
from .rounding import parse_rounded


class ExtractionError(ValueError):
    """A problem in an extracted file, located by file, line, row label and column."""

    def __init__(self, path, message: str, line: int | None = None, row: str | None = None,
                 column: str | None = None):
        where = [str(path)]
        if line is not None:
            where.append(f"line {line}" + (f" (row {row!r})" if row else ""))
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(", ".join(where) + ": " + message)
        self.path, self.line, self.row, self.column = str(path), line, row, column


@dataclass(frozen=True)
class Study:
    study_id: str
    meta: dict
    tables: dict[str, pd.DataFrame]

    def table(self, name: str) -> pd.DataFrame:
        return self.tables[name]

    def cells(self, name: str) -> pd.DataFrame:
        spec = self.meta["tables"][f"{name}.csv"]
        return tidy_cells(self.tables[name], f"{name}.csv", spec.get("label_columns", []),
                          spec.get("text_columns", []))


def _check_cell(path, line, row, column, text) -> None:
    kind = cell_kind(text)
    try:
        if kind == "text":
            raise ValueError(f"cannot read {text!r} as a number, 'mean ± SD', 'count (percent)' or p-value")
        if kind == "mean_sd":
            parse_mean_sd(text)
        elif kind == "count_pct":
            parse_count_percent(text)
        elif kind == "estimate_ci":
            parse_estimate_ci(text)
        elif kind == "range":
            parse_range(text)
        elif kind == "p_bound":
            parse_p(text)
        elif kind == "number" and column.strip().lower() == "n" and parse_rounded(text.strip()).value <= 0:
            raise ValueError(f"n must be a positive count, got {text!r}")
    except ValueError as err:
        raise ExtractionError(path, str(err), line, row, column) from None


def load_table(path: str | Path, label_columns: list[str] | None = None,
               required_columns: list[str] | None = None, text_columns: list[str] | None = None) -> pd.DataFrame:
    """Read one extracted table as strings and validate every cell outside the label and text columns."""
    path = Path(path)
    label_columns = label_columns or []
    free = set(label_columns) | set(text_columns or [])
    try:
        with open(path, newline="", encoding="utf-8") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise ExtractionError(path, "file not found") from None
    except UnicodeDecodeError as err:
        raise ExtractionError(path, f"not UTF-8 text ({err.reason})") from None
    if not rows:
        raise ExtractionError(path, "empty file: a header row is needed")
    header = [h.strip() for h in rows[0]]
    if "" in header or len(set(header)) != len(header):
        raise ExtractionError(path, f"header needs unique, non-empty column names, got {header}", line=1)
    for name in [*label_columns, *(text_columns or []), *(required_columns or [])]:
        if name not in header:
            raise ExtractionError(path, f"missing column {name!r}; columns are {header}", line=1)
    seen: dict[str, int] = {}
    for line, values in enumerate(rows[1:], start=2):
        if len(values) != len(header):
            raise ExtractionError(path, f"{len(values)} fields, header has {len(header)}", line)
        row = " / ".join(values[header.index(c)] for c in label_columns) or None
        if row is not None and row in seen:
            raise ExtractionError(path, f"row label repeats line {seen[row]}: labels must say which row is which",
                                  line, row)
        seen[row] = line
        for column, text in zip(header, values):
            if column not in free:
                _check_cell(path, line, row, column, text)
    return pd.DataFrame(rows[1:], columns=header, dtype=str)


def tidy_cells(frame: pd.DataFrame, source: str, label_columns: list[str],
               text_columns: list[str] | None = None) -> pd.DataFrame:
    """One row per printed cell: source, row (label), column, printed, kind, and parsed parts.

    Parsed columns (strings as printed, empty when not applicable): mean, sd, count, percent, value.
    """
    records = []
    for index, record in frame.iterrows():
        row = " / ".join(record[c] for c in label_columns) if label_columns else str(index + 1)
        for column in frame.columns:
            if column in label_columns or column in (text_columns or []):
                continue
            text = record[column]
            kind = cell_kind(text)
            parts = {"mean": "", "sd": "", "count": "", "percent": "", "value": ""}
            if kind == "mean_sd":
                ms = parse_mean_sd(text)
                parts.update(mean=ms.mean.printed, sd=ms.sd.printed)
            elif kind == "count_pct":
                cp = parse_count_percent(text)
                parts.update(count=str(cp.count), percent=cp.percent.printed)
            elif kind == "count_pair":
                pair = parse_count_pair(text)
                parts.update(count=f"{pair.first}/{pair.second}")
            elif kind in ("number", "p_bound"):
                parts.update(value=text.strip())
            records.append({"source": source, "row": row, "column": column, "printed": text, "kind": kind,
                            **parts})
    return pd.DataFrame.from_records(records)


def load_study(folder: str | Path) -> Study:
    """Load study.json and every table it lists; errors name the file, line, row and column."""
    folder = Path(folder)
    meta_path = folder / "study.json"
    try:
        meta = json.loads(meta_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ExtractionError(meta_path, "file not found") from None
    except json.JSONDecodeError as err:
        raise ExtractionError(meta_path, f"invalid JSON: {err.msg}", err.lineno) from None
    for key in ("study_id", "citation", "design", "groups", "tables"):
        if key not in meta:
            raise ExtractionError(meta_path, f"missing key {key!r}")
    for i, group in enumerate(meta["groups"]):
        if not isinstance(group.get("n"), int) or group["n"] <= 0:
            raise ExtractionError(meta_path, f"groups[{i}] ({group.get('name')!r}): n must be a positive integer")
    tables = {}
    for file, spec in sorted(meta["tables"].items()):
        tables[Path(file).stem] = load_table(folder / file, spec.get("label_columns"),
                                             spec.get("required_columns"), spec.get("text_columns"))
    return Study(meta["study_id"], meta, tables)
