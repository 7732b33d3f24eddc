"""Loading extracted tables: as printed, validated, with every error located.

Layout of a study's folder, data/<study_id>/:
    study.json      metadata: study_id, citation, design, period, setting, groups [{name, n}], and
                    tables {file: {"source": "Table 2", "label_columns": [...], "text_columns": [...],
                    "value_columns": [...]}}; validated against the JSON Schema shipped with the package
                    (`study.schema.json`), which allows further keys (headline, claims, pico, dates, ...).
    <table>.csv     one paper table, wide, exactly as printed: the header row holds the paper's column
                    headings, label columns hold its row labels, every other cell is the printed text
                    ("33.06 ± 6.18", "47 (90.4)", "14/47", "< 0.001", "0.000", "" for an empty cell). Columns listed as
                    text_columns hold free text (periods, names, definitions) and are not parsed; value_columns,
                    when declared, must all be present.

The file, the row label and the column heading together say where each number came from. Cells are kept
as strings so trailing zeros survive ("2.50" is not "2.5"); `tidy_cells` parses them.

Validation: every problem in a file is an `ExtractionError` (a ValueError) naming the file and, as far as it
can be located, the line, row label and column (CSV) or the JSON path (study.json): malformed or impossible
cells, a missing or repeated column, a header without data rows, a file that is not UTF-8 (with the byte
offset), a folder where a file belongs, two tables with one stem, and any structural error in study.json (null,
a list, groups as strings, label_columns as a string, ...). A caller's mistake in the arguments (label_columns
given as a string, say) is a ValueError naming the argument.
"""
from __future__ import annotations

import csv
import io
import json
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from .cells import (
    cell_kind, parse_count_pair, parse_count_percent, parse_estimate_ci, parse_mean_sd, parse_p, parse_range,
)
from .rounding import parse_rounded
from .validate import names

SCHEMA = "study.schema.json"


class ExtractionError(ValueError):
    """A problem in an extracted file, located by file, line, row label and column, or by JSON path."""

    def __init__(self, path, message: str, line: int | None = None, row: str | None = None,
                 column: str | None = None, at: str | None = None):
        where = [str(path)]
        if at is not None:
            where.append(f"at {at}")
        if line is not None:
            where.append(f"line {line}" + (f" (row {row!r})" if row else ""))
        if column is not None:
            where.append(f"column {column!r}")
        super().__init__(", ".join(where) + ": " + message)
        self.path, self.line, self.row, self.column, self.at = str(path), line, row, column, at


@dataclass(frozen=True)
class Study:
    study_id: str
    meta: dict
    tables: dict[str, pd.DataFrame]

    def _file(self, name: str) -> str:
        if not isinstance(name, str) or name not in self.tables:
            raise ValueError(f"name = {name!r}: no such table in {self.study_id}; tables are {sorted(self.tables)}")
        return next(f for f in self.meta["tables"] if Path(f).stem == name)

    def table(self, name: str) -> pd.DataFrame:
        """The table as printed. Validation: an unknown name is a ValueError listing the tables."""
        self._file(name)
        return self.tables[name]

    def cells(self, name: str) -> pd.DataFrame:
        """One row per printed cell (see `tidy_cells`). Validation: an unknown name is a ValueError."""
        file = self._file(name)
        spec = self.meta["tables"][file]
        return tidy_cells(self.tables[name], file, spec.get("label_columns", []), spec.get("text_columns", []))


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


def _read_text(path: Path) -> str:
    """The file's text, strictly UTF-8 (a leading byte-order mark dropped); every failure located."""
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ExtractionError(path, "file not found") from None
    except IsADirectoryError:
        raise ExtractionError(path, "is a folder, not a file") from None
    except PermissionError:
        raise ExtractionError(path, "cannot be read (permission denied)") from None
    except OSError as err:
        raise ExtractionError(path, f"cannot be read ({err.strerror or err})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise ExtractionError(path, f"not UTF-8 text: byte 0x{data[err.start]:02x} at byte offset {err.start} "
                                    f"({err.reason}); save the file as UTF-8", line) from None
    return text[1:] if text.startswith("\ufeff") else text


def load_table(path: str | Path, label_columns: list[str] | None = None,
               required_columns: list[str] | None = None, text_columns: list[str] | None = None,
               value_columns: list[str] | None = None) -> pd.DataFrame:
    """Read one extracted table as strings and validate every cell outside the label and text columns.

    Validation: the column lists must be lists of names (ValueError naming the argument); everything about the
    file is an ExtractionError naming it: not found, a folder, not UTF-8 (with the byte offset), not CSV, no
    header, no data rows, a repeated or empty header, a missing label/text/required/value column, a ragged row,
    a repeated row label, or a cell that cannot be read or cannot be (located by line, row label and column).
    """
    if not isinstance(path, (str, Path)) or (isinstance(path, str) and not path):
        raise ValueError(f"path = {path!r}: a file path is needed")
    path = Path(path)
    label_columns = names("label_columns", label_columns)
    text_columns = names("text_columns", text_columns)
    required_columns = names("required_columns", required_columns)
    value_columns = names("value_columns", value_columns)
    free = set(label_columns) | set(text_columns)
    text = _read_text(path)
    reader = csv.reader(io.StringIO(text, newline=""))
    rows = []
    try:
        for values in reader:
            rows.append(values)
    except csv.Error as err:
        raise ExtractionError(path, f"not readable as CSV ({err})", reader.line_num or None) from None
    if not rows:
        raise ExtractionError(path, "empty file: a header row is needed")
    header = [h.strip() for h in rows[0]]
    if "" in header or len(set(header)) != len(header):
        raise ExtractionError(path, f"header needs unique, non-empty column names, got {header}", line=1)
    for kind, wanted in (("label", label_columns), ("text", text_columns), ("required", required_columns),
                         ("value", value_columns)):
        for name in wanted:
            if name not in header:
                raise ExtractionError(path, f"missing column {name!r} (a {kind} column); columns are {header}",
                                      line=1)
    if len(rows) == 1:
        raise ExtractionError(path, "no data rows: the header is all the file holds", line=1)
    seen: dict[str, int] = {}
    for line, values in enumerate(rows[1:], start=2):
        if len(values) != len(header):
            raise ExtractionError(path, f"{len(values)} fields, header has {len(header)}", line)
        row = " / ".join(values[header.index(c)] for c in label_columns) or None
        if row is not None and row in seen:
            raise ExtractionError(path, f"row label repeats line {seen[row]}: labels must say which row is which",
                                  line, row)
        seen[row] = line
        for column, cell in zip(header, values):
            if column not in free:
                _check_cell(path, line, row, column, cell)
    return pd.DataFrame(rows[1:], columns=header, dtype=str)


def tidy_cells(frame: pd.DataFrame, source: str, label_columns: list[str],
               text_columns: list[str] | None = None) -> pd.DataFrame:
    """One row per printed cell: source, row (label), column, printed, kind, and parsed parts.

    Parsed columns (strings as printed, empty when not applicable): mean, sd, count, percent, value.

    Validation: a DataFrame holding the label and text columns, column lists of names, source text
    (ValueError); a cell that cannot be parsed is a ValueError naming its source, row and column.
    """
    if not isinstance(frame, pd.DataFrame):
        raise ValueError(f"frame: a pandas DataFrame is needed, got {type(frame).__name__}")
    if not isinstance(source, str):
        raise ValueError(f"source = {source!r}: text is needed")
    label_columns = names("label_columns", label_columns, optional=False)
    text_columns = names("text_columns", text_columns)
    missing = [c for c in [*label_columns, *text_columns] if c not in frame.columns]
    if missing:
        raise ValueError(f"{source}: missing column(s) {missing}; columns are {list(frame.columns)}")
    records = []
    for index, record in frame.iterrows():
        row = " / ".join(str(record[c]) for c in label_columns) if label_columns else str(index + 1)
        for column in frame.columns:
            if column in label_columns or column in text_columns:
                continue
            text = record[column]
            if not isinstance(text, str):
                text = "" if text is None or (isinstance(text, float) and text != text) else str(text)
            kind = cell_kind(text)
            parts = {"mean": "", "sd": "", "count": "", "percent": "", "value": ""}
            try:
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
            except ValueError as err:
                raise ValueError(f"{source}, row {row!r}, column {column!r}: {err}") from None
            records.append({"source": source, "row": row, "column": column, "printed": text, "kind": kind,
                            **parts})
    return pd.DataFrame.from_records(records)


@lru_cache(maxsize=1)
def _validator():
    import jsonschema

    schema = json.loads(resources.files("recheck").joinpath(SCHEMA).read_text(encoding="utf-8"))
    return jsonschema.Draft202012Validator(schema)


def _json_path(error) -> str:
    """"$.groups[1].n", "$.tables['table 1.csv'].label_columns": where in study.json an error sits."""
    out = "$"
    for part in error.absolute_path:
        if isinstance(part, int):
            out += f"[{part}]"
        elif part.isidentifier():
            out += f".{part}"
        else:
            out += f"[{part!r}]"
    return out


def _schema_message(error) -> str:
    if error.validator == "required":
        return error.message
    if error.validator == "additionalProperties" and error.schema.get("additionalProperties") is False:
        return error.message
    custom = error.schema.get("x-message") if isinstance(error.schema, dict) else None
    shown = json.dumps(error.instance, ensure_ascii=False)
    shown = shown if len(shown) <= 60 else shown[:57] + "..."
    return f"{custom} (got {shown})" if custom else error.message


def _no_duplicate_keys(path: Path):
    def hook(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise ExtractionError(path, f"key {key!r} appears twice in one object (JSON keeps only the last)")
            seen.add(key)
        return dict(pairs)
    return hook


def read_study_json(path: str | Path) -> dict:
    """study.json parsed and validated against the package's JSON Schema.

    Validation: every problem is an ExtractionError naming the file: not found, a folder, not UTF-8 (byte
    offset), invalid JSON (line and column), a key repeated in one object, and each schema error with its JSON
    path ("at $.groups[1].n: n must be a positive integer (got 0)"); all schema errors are listed.
    """
    path = Path(path)
    text = _read_text(path)
    try:
        meta = json.loads(text, object_pairs_hook=_no_duplicate_keys(path))
    except json.JSONDecodeError as err:
        raise ExtractionError(path, f"invalid JSON: {err.msg} (column {err.colno})", err.lineno) from None
    errors = sorted(_validator().iter_errors(meta), key=lambda e: (list(map(str, e.absolute_path)), e.message))
    if errors:
        first = errors[0]
        listed = "; ".join(f"at {_json_path(e)}: {_schema_message(e)}" for e in errors[:10])
        more = f" (and {len(errors) - 10} more)" if len(errors) > 10 else ""
        raise ExtractionError(path, f"{len(errors)} error(s) in its structure: {listed}{more}"
                              if len(errors) > 1 else _schema_message(first), at=None if len(errors) > 1
                              else _json_path(first))
    return meta


def load_study(folder: str | Path) -> Study:
    """Load study.json and every table it lists; errors name the file, line, row and column (or JSON path).

    Validation: see the module docstring; additionally a folder that does not exist or is not a folder, a
    table path that is a folder, and two table files with one stem are ExtractionErrors.
    """
    if not isinstance(folder, (str, Path)) or (isinstance(folder, str) and not folder):
        raise ValueError(f"folder = {folder!r}: a folder path is needed")
    folder = Path(folder)
    if not folder.exists():
        raise ExtractionError(folder, "folder not found")
    if not folder.is_dir():
        raise ExtractionError(folder, "is a file, not a study folder")
    meta_path = folder / "study.json"
    meta = read_study_json(meta_path)
    stems: dict[str, str] = {}
    for file in meta["tables"]:
        stem = Path(file).stem
        if stem in stems:
            raise ExtractionError(meta_path, f"tables {stems[stem]!r} and {file!r} share the name {stem!r}: each "
                                             f"table needs its own file stem", at="$.tables")
        stems[stem] = file
    tables = {}
    for file, spec in sorted(meta["tables"].items()):
        path = folder / file
        if path.is_dir():
            raise ExtractionError(path, f"is a folder, not a table file (listed in {meta_path} at $.tables)")
        tables[Path(file).stem] = load_table(path, spec.get("label_columns"), spec.get("required_columns"),
                                             spec.get("text_columns"), spec.get("value_columns"))
    return Study(meta["study_id"], meta, tables)
