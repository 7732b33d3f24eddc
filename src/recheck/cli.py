"""The `recheck` command line.

    recheck scan FILE... [--out CSV] [--alpha A] [--one-tailed]
        find test results in UTF-8 text files and recheck their p-values (recheck.scan.scan_text)
    recheck grim CSV       columns mean, n; optional items, unit
    recheck grimmer CSV    columns mean, sd, n; optional items, unit
    recheck debit CSV      columns mean, sd, n

Each prints one row per result, verdict first, and the counts by verdict at the end. Findings are not
failures: the exit status is 0 whenever the input could be read. Input that cannot be read (a missing file,
text that is not UTF-8, a missing column, a cell that is not a number, n = 0) gives one line on stderr naming
the file, line and column, and exit status 2.
"""
from __future__ import annotations

import argparse
import codecs
import csv
import io
import os
import sys
import textwrap
from collections import Counter
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Mapping, Sequence

import pandas as pd

from .findings import COLUMNS, VERDICTS, Finding
from .granularity import check_debit, check_grim, check_grimmer
from .rounding import fmt_p_interval, parse_rounded
from .scan import HINT_KEYS, scan_text
from .validate import ImpossibleValue, impossible_finding, sd, whole

# Fixed, not the terminal's: the same input prints the same table everywhere.
WIDTH = 100
_VERDICT_WIDTH, _LOCATION_WIDTH, _REPORTED_WIDTH = 14, 18, 36
_INDENT = " " * _VERDICT_WIDTH


class InputError(Exception):
    """Input the command cannot read; the message names the file, line and column."""


@dataclass(frozen=True)
class Row:
    """One printed row: the ledger's fields in the order a reader scans them."""

    verdict: str
    location: str
    reported: str
    recomputed: str
    explanation: str


@dataclass(frozen=True)
class GranularityCheck:
    """A granularity check run from a CSV: its function, the columns it needs and the ones it may use."""

    name: str
    run: Callable[..., Finding]
    required: tuple[str, ...]
    optional: tuple[str, ...]
    min_n: int


GRANULARITY = {
    "grim": GranularityCheck("GRIM", check_grim, ("mean", "n"), ("items", "unit"), 1),
    "grimmer": GranularityCheck("GRIMMER", check_grimmer, ("mean", "sd", "n"), ("items", "unit"), 2),
    "debit": GranularityCheck("DEBIT", check_debit, ("mean", "sd", "n"), (), 2),
}


def _fit(text: str, width: int) -> str:
    """Cut text to width, marking the cut, so a row never runs past the fixed table width."""
    return text if len(text) <= width else text[: width - 3] + "..."


def _details(row: Row, reported_width: int, recomputed_width: int) -> str:
    """The explanation, preceded by any cell the table had to cut, in full: nothing is lost to the width."""
    cut = [f"{name}: {text}" for name, text, width in (("reported", row.reported, reported_width),
                                                       ("recomputed", row.recomputed, recomputed_width))
           if len(text) > width]
    return "\n".join(textwrap.fill(part, WIDTH, initial_indent=_INDENT, subsequent_indent=_INDENT)
                     for part in cut + [row.explanation] if part)


def format_rows(rows: Sequence[Row]) -> str:
    """A fixed-width table: verdict, location, reported, recomputed; the explanation wrapped beneath."""
    recomputed_width = WIDTH - _VERDICT_WIDTH - _LOCATION_WIDTH - _REPORTED_WIDTH
    header = ("verdict".ljust(_VERDICT_WIDTH) + "location".ljust(_LOCATION_WIDTH)
              + "reported".ljust(_REPORTED_WIDTH) + "recomputed")
    lines = [header, "-" * WIDTH]
    for row in rows:
        lines.append((row.verdict.ljust(_VERDICT_WIDTH)
                      + _fit(row.location, _LOCATION_WIDTH - 1).ljust(_LOCATION_WIDTH)
                      + _fit(row.reported, _REPORTED_WIDTH - 1).ljust(_REPORTED_WIDTH)
                      + _fit(row.recomputed, recomputed_width)).rstrip())
        details = _details(row, _REPORTED_WIDTH - 1, recomputed_width)
        if details:
            lines.append(details)
    return "\n".join(lines)


def _shorten(label: str, width: int = WIDTH // 2) -> str:
    """A label cut from the left, so a long path keeps the file's name."""
    return label if len(label) <= width else "..." + label[-(width - 3):]


def format_counts(label: str, verdicts: Sequence[str]) -> str:
    """'total: 5 results: 3 consistent, 1 minor, 1 decision', verdicts in the ledger's order, wrapped to WIDTH.

    A long label (a file's path) keeps its end, where the file's name is.
    """
    counts = Counter(verdicts)
    parts = [f"{counts[v]} {v}" for v in VERDICTS if counts[v]]
    noun = "result" if len(verdicts) == 1 else "results"
    text = f"{_shorten(label)}: {len(verdicts)} {noun}" + (": " + ", ".join(parts) if parts else "")
    return textwrap.fill(text, WIDTH, subsequent_indent="    ")


def read_text(path: str) -> str:
    """A UTF-8 file's text (a byte-order mark is dropped); InputError when it is missing or not UTF-8."""
    try:
        data = Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except OSError as err:
        raise InputError(f"{path}: cannot read ({err.strerror or err})") from None
    data = data.removeprefix(codecs.BOM_UTF8)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        raise InputError(f"{path}, line {line}: not UTF-8 text (byte 0x{data[err.start]:02x})") from None


def _alpha(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = float("nan")
    if not 0 < value < 1:
        raise InputError(f"--alpha {text}: must be a number strictly between 0 and 1")
    return value


def _locations(lines: Sequence[int]) -> list[str]:
    """'line N', and 'line N, result k' where a line holds several results, so every ledger key is unique."""
    per_line = Counter(lines)
    seen: Counter = Counter()
    labels = []
    for line in lines:
        seen[line] += 1
        labels.append(f"line {line}" if per_line[line] == 1 else f"line {line}, result {seen[line]}")
    return labels


def scan_findings(path: str, text: str, alpha: float, one_tailed: bool,
                  df_hint: Mapping[str, object] | None = None) -> list[Finding]:
    """The scan of one file as ledger findings: study = the file's stem, location = 'line N'."""
    frame = scan_text(text, alpha=alpha, one_tailed=one_tailed, df_hint=df_hint)
    study = Path(path).stem
    findings = []
    for row, location in zip(frame.itertuples(index=False), _locations(frame["line"].tolist())):
        bounds = (row.computed_p_lo, row.computed_p_hi)
        recomputed = "" if pd.isna(row.computed_p) else f"P {fmt_p_interval(bounds)}"
        findings.append(Finding(f"p from {row.test_type} statistic (scanned)", row.raw, recomputed, row.verdict,
                                row.assumption, row.explanation, study, location))
    return findings


def write_findings(findings: Sequence[Finding], path: str) -> None:
    """The ledger CSV: findings.COLUMNS exactly, in text order, UTF-8 with LF line ends."""
    frame = pd.DataFrame([asdict(f) for f in findings], columns=list(COLUMNS))
    try:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        frame.to_csv(path, index=False, lineterminator="\n", encoding="utf-8")
    except OSError as err:
        raise InputError(f"{path}: cannot write ({err.strerror or err})") from None


def df_hints(given: Sequence[str]) -> dict[str, object]:
    """--df options ("t=102", "chi2=1", "F=1,102") as scan_text's df_hint; a bad one is an InputError."""
    hints: dict[str, object] = {}
    for option in given:
        key, _, value = option.partition("=")
        try:
            numbers = [float(v) for v in value.split(",")]
        except ValueError:
            numbers = []
        if key not in HINT_KEYS or not numbers or len(numbers) != (2 if key == "F" else 1):
            raise InputError(f"--df {option!r}: give KEY=DF with KEY one of {', '.join(HINT_KEYS)} "
                             "(F takes two: F=1,102)")
        hints[key] = tuple(numbers) if key == "F" else numbers[0]
    return hints


def run_scan(args: argparse.Namespace) -> str:
    alpha = _alpha(args.alpha)
    hints = df_hints(args.df)
    texts = [(path, read_text(path)) for path in args.files]
    blocks, everything = [], []
    for path, text in texts:
        findings = scan_findings(path, text, alpha, args.one_tailed, hints or None)
        everything.extend(findings)
        rows = [Row(f.verdict, f.location, f.reported, f.recomputed, f.explanation) for f in findings]
        table = "\n" + format_rows(rows) if rows else ""
        blocks.append(format_counts(path, [f.verdict for f in findings]) + table)
    if args.out:
        write_findings(everything, args.out)
    return "\n\n".join(blocks + [format_counts("total", [f.verdict for f in everything])])


def read_table(path: str) -> pd.DataFrame:
    """A CSV as printed text (dtype=str, no NA guessing, so '2.50' stays '2.50'); column names stripped.

    Blank lines stay as empty rows so that row i is line i + 2 of the file; short rows are padded with "".
    """
    text = read_text(path)
    _check_field_counts(path, text)
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False, skip_blank_lines=False,
                            index_col=False)
    except pd.errors.ParserError as err:
        raise InputError(f"{path}: not a readable CSV ({str(err).strip().splitlines()[-1]})") from None
    return frame.fillna("").rename(columns=str.strip)


def _check_field_counts(path: str, text: str) -> None:
    """A header must exist and no row may have more fields than it (pandas would silently make them an index)."""
    try:
        rows = csv.reader(io.StringIO(text))
        header = next(rows, None)
        if not header:
            raise InputError(f"{path}: empty file, no header row")
        for row in rows:
            if len(row) > len(header):
                raise InputError(f"{path}, line {rows.line_num}: {len(row)} fields, the header has {len(header)}")
    except csv.Error as err:
        raise InputError(f"{path}: not a readable CSV ({err})") from None


def _cell_number(where: str, column: str, value: str) -> str:
    try:
        parse_rounded(value)
    except (TypeError, ValueError):
        raise InputError(f"{where}, column {column!r}: {value!r} is not a number") from None
    return value


def _cell_whole(where: str, column: str, value: str, minimum: int) -> int:
    try:
        return whole(column, value, minimum)
    except ValueError:
        raise InputError(f"{where}, column {column!r}: {value!r} must be a whole number >= {minimum}") from None


def granularity_finding(check: GranularityCheck, cells: dict[str, str], where: str) -> Finding:
    """Run one check on one row's printed cells; a negative SD is an impossible finding, not bad input."""
    kwargs: dict[str, object] = {"mean": _cell_number(where, "mean", cells["mean"]),
                                 "n": _cell_whole(where, "n", cells["n"], check.min_n)}
    for column in check.optional:
        if cells.get(column, ""):
            kwargs[column] = _cell_whole(where, column, cells[column], 1)
    if "sd" in check.required:
        kwargs["sd"] = _cell_number(where, "sd", cells["sd"])
        try:
            sd("sd", kwargs["sd"])
        except ImpossibleValue as err:
            return impossible_finding(check.name, f"mean {cells['mean']}, SD {cells['sd']}, n = {cells['n']}", err)
    try:
        return check.run(**kwargs)
    except ValueError as err:
        raise InputError(f"{where}: {err}") from None


def run_granularity(args: argparse.Namespace) -> str:
    check = GRANULARITY[args.command]
    frame = read_table(args.csv)
    missing = [c for c in check.required if c not in frame.columns]
    if missing:
        raise InputError(f"{args.csv}: missing column {missing[0]!r} (columns are: {', '.join(frame.columns)})")
    rows = []
    for index, cells in enumerate(frame.to_dict("records")):
        if not any(value.strip() for value in cells.values()):
            continue  # a blank line
        line = index + 2  # the header is line 1
        finding = granularity_finding(check, {k: v.strip() for k, v in cells.items()}, f"{args.csv}, line {line}")
        rows.append(Row(finding.verdict, f"line {line}", finding.reported, finding.recomputed, finding.explanation))
    body = format_rows(rows) + "\n\n" if rows else ""
    return f"{check.name}: {_shorten(args.csv)}\n{body}{format_counts('total', [r.verdict for r in rows])}"


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="recheck", description="Recheck statistics printed in papers, rounding-aware.",
        epilog="Exit status: 0 when the input was read (findings are not errors), 2 when it could not be.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    scan = commands.add_parser(
        "scan", help="find test results in text files and recheck their p-values",
        description="Find t, F, r, chi-square, z and Q results in UTF-8 text files (APA and clinical formats) "
                    "and recompute their p-values from the statistic and df, statcheck-style.")
    scan.add_argument("files", nargs="+", metavar="FILE", help="UTF-8 text file(s)")
    scan.add_argument("--out", metavar="CSV", help="write the findings as a ledger CSV")
    scan.add_argument("--alpha", default="0.05", metavar="A", help="level of significance (default 0.05)")
    scan.add_argument("--one-tailed", action="store_true", help="treat every t, z and r as one-tailed")
    scan.add_argument("--df", action="append", default=[], metavar="KEY=DF",
                      help="degrees of freedom the design gives where the text prints none, e.g. --df t=102 "
                           "(two groups of 52), --df chi2=1 (2x2 tables), --df F=1,102; repeatable")
    scan.set_defaults(run=run_scan)
    for name, check in GRANULARITY.items():
        columns = ", ".join(check.required) + (f"; optional {', '.join(check.optional)}" if check.optional else "")
        sub = commands.add_parser(name, help=f"{check.name} on every row of a CSV ({columns})",
                                  description=f"Run {check.name} on every row of a CSV with columns {columns}. "
                                              "Numbers are read as printed, so trailing zeros count.")
        sub.add_argument("csv", metavar="CSV", help="CSV file with a header row")
        sub.set_defaults(run=run_granularity)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (0 read, 2 unreadable input or bad usage)."""
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as stop:  # --help (0) and usage errors (2): argparse has already printed its message
        return stop.code if isinstance(stop.code, int) else 2
    if args.command is None:
        parser.print_help(sys.stderr)
        return 2
    try:
        output = args.run(args)
    except InputError as err:
        print(f"recheck: {err}", file=sys.stderr)
        return 2
    try:
        print(output)
    except BrokenPipeError:
        # The reader stopped early (`recheck scan paper.txt | head`): not an error, and no traceback at exit.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    return 0
