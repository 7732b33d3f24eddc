"""The `recheck` command line: tables, the ledger CSV, and one clear line (exit 2) for input it cannot read.

Runs `main` in-process (fast, captured with capsys); one test runs the installed console script.
Expected verdicts: GRIM/GRIMMER/DEBIT by hand (noted per case); p-values with scipy (noted).
"""
import subprocess
import sys
from pathlib import Path

import pytest

from recheck.cli import WIDTH, main
from recheck.findings import COLUMNS, read_ledger

PAPER = ("Results: t(28) = 2.20, p = .30 and (t = 0.782, P = 0.528).\n"
         "χ2(1, N = 100) = 4.12, p = .04\n"
         "SPSS printed t(28) = 22.20, p = .000 and t(10) = 0.5, P = 1.042.\n")


def run(capsys, *argv):
    """(exit status, stdout, stderr) of one in-process run."""
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def assert_one_clear_line(status, out, err, *fragments):
    assert status == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("recheck: ") and "Traceback" not in err
    for fragment in fragments:
        assert fragment in err


def test_scan_prints_verdict_first_and_counts(tmp_path, capsys):
    paper = write(tmp_path, "paper.txt", PAPER)
    status, out, err = run(capsys, "scan", paper)
    assert status == 0 and err == ""
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("verdict"))
    assert header.split() == ["verdict", "location", "reported", "recomputed"]
    # scipy: t(28) = 2.20 gives p = .036, so p = .30 reverses the call.
    first = next(line for line in lines if "t(28) = 2.20" in line)
    assert first.startswith("decision") and "line 1, result 1" in first and "P [0.036, 0.037]" in first
    assert any(line.startswith("not_checkable") and "line 1, result 2" in line for line in lines)
    assert any(line.startswith("consistent") and "line 2 " in line for line in lines)
    assert any(line.startswith("minor") and "line 3, result 1" in line for line in lines)
    assert lines[-1] == "total: 5 results: 1 consistent, 1 minor, 1 decision, 1 impossible, 1 not_checkable"
    assert all(len(line) <= WIDTH for line in lines)


def test_scan_writes_the_ledger_csv(tmp_path, capsys):
    paper = write(tmp_path, "wang2025.txt", PAPER)
    out_csv = tmp_path / "out" / "ledger.csv"
    status, _, _ = run(capsys, "scan", paper, "--out", str(out_csv))
    assert status == 0
    raw = out_csv.read_bytes()
    assert b"\r\n" not in raw and "χ2(1, N = 100) = 4.12, p = .04" in raw.decode("utf-8")
    ledger = read_ledger(out_csv)
    assert tuple(ledger.columns) == COLUMNS
    assert set(ledger["study"]) == {"wang2025"}
    assert ledger["location"].tolist() == ["line 1, result 1", "line 1, result 2", "line 2",
                                           "line 3, result 1", "line 3, result 2"]
    assert ledger["check"].tolist()[:3] == ["p from t statistic (scanned)", "p from t statistic (scanned)",
                                            "p from chi2 statistic (scanned)"]
    assert ledger["reported"][0] == "t(28) = 2.20, p = .30"
    assert ledger["recomputed"][0] == "P [0.036, 0.037]" and ledger["recomputed"][1] == ""
    assert ledger["verdict"].tolist() == ["decision", "not_checkable", "consistent", "minor", "impossible"]


def test_scan_options_reach_the_scanner(tmp_path, capsys):
    # scipy: one-tailed t(28) = 2.20 gives p = .0181, so p = .018 is an error only two-tailed.
    paper = write(tmp_path, "a.txt", "t(28) = 2.20, p = .018")
    assert run(capsys, "scan", paper)[1].splitlines()[-1] == "total: 1 result: 1 minor"
    assert run(capsys, "scan", paper, "--one-tailed")[1].splitlines()[-1] == "total: 1 result: 1 consistent"
    # At alpha = .01 a printed p of .005 against a computed .036 is a decision error (scipy).
    other = write(tmp_path, "b.txt", "t(28) = 2.20, p = .005")
    assert "1 decision" in run(capsys, "scan", other, "--alpha", "0.01")[1].splitlines()[-1]


def test_scan_several_files_and_none_found(tmp_path, capsys):
    first = write(tmp_path, "one.txt", "t(28) = 2.20, p = .036")
    empty = write(tmp_path, "two.txt", "No statistics here.")
    status, out, _ = run(capsys, "scan", first, empty)
    assert status == 0
    assert "two.txt: 0 results" in out and out.splitlines()[-1] == "total: 1 result: 1 consistent"


def test_scan_bad_input(tmp_path, capsys):
    assert_one_clear_line(*run(capsys, "scan", str(tmp_path / "missing.txt")), "missing.txt", "no such file")
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("line one\nt = 2.1, p = 0.04 \u00b5g\n".encode("latin-1"))
    assert_one_clear_line(*run(capsys, "scan", str(latin1)), "latin1.txt, line 2", "not UTF-8")
    paper = write(tmp_path, "p.txt", PAPER)
    assert_one_clear_line(*run(capsys, "scan", paper, "--alpha", "1.5"), "--alpha 1.5")
    assert_one_clear_line(*run(capsys, "scan", paper, "--alpha", "five"), "--alpha five")


def test_grim_table(tmp_path, capsys):
    # By hand: 5.93 with n = 49 is impossible (290/49 = 5.918, 291/49 = 5.939); 3.45 with n = 20 is 69/20;
    # with 3 items and n = 10, 2.10 = 63/30 fits and 2.12 (63.6/30) does not. "2.50" keeps its zero.
    table = write(tmp_path, "means.csv", "mean,n,items\n5.93,49,\n3.45,20,1\n2.10,10,3\n2.12,10,3\n2.50,4,\n")
    status, out, err = run(capsys, "grim", table)
    assert status == 0 and err == ""
    rows = [line for line in out.splitlines() if line.split() and line.split()[0] in ("consistent", "impossible")]
    assert [r.split()[0] for r in rows] == ["impossible", "consistent", "consistent", "impossible", "consistent"]
    assert [r.split()[2] for r in rows] == ["2", "3", "4", "5", "6"]     # CSV line numbers, header = 1
    assert "mean 2.50, n = 4" in rows[-1]
    assert out.splitlines()[-1] == "total: 5 results: 3 consistent, 2 impossible"
    assert all(len(line) <= WIDTH for line in out.splitlines())


def test_grimmer_and_debit_tables(tmp_path, capsys):
    # By hand: data 1..5 have mean 3.00 and SD 1.581, so 1.58 fits; SD 1.66 needs an even sum of squares for
    # an odd total (impossible). A negative SD is a finding, not bad input.
    table = write(tmp_path, "sd.csv", "mean,sd,n\n3.00,1.58,5\n3.00,1.66,5\n3.00,-1.2,5\n")
    status, out, _ = run(capsys, "grimmer", table)
    assert status == 0 and out.splitlines()[-1] == "total: 3 results: 1 consistent, 2 impossible"
    assert "cannot be negative" in out
    # By hand: 4 ones in 10 give mean 0.40 and SD sqrt(4 * 6 / 90) = 0.516 -> 0.52 fits, 0.50 does not.
    props = write(tmp_path, "props.csv", "mean,sd,n\n0.40,0.52,10\n0.40,0.50,10\n")
    status, out, _ = run(capsys, "debit", props)
    assert status == 0 and out.splitlines()[-1] == "total: 2 results: 1 consistent, 1 impossible"


def test_csv_bad_input_names_file_line_and_column(tmp_path, capsys):
    zero = write(tmp_path, "data.csv", "mean,n\n5.93,49\n3.1,0\n")
    status, out, err = run(capsys, "grim", zero)
    assert_one_clear_line(status, out, err)
    assert err == f"recheck: {zero}, line 3, column 'n': '0' must be a whole number >= 1\n"
    text = write(tmp_path, "text.csv", "mean,sd,n\n3.00,abc,5\n")
    assert_one_clear_line(*run(capsys, "grimmer", text), "line 2, column 'sd'", "'abc' is not a number")
    one_person = write(tmp_path, "one.csv", "mean,sd,n\n3.00,1.2,1\n")
    assert_one_clear_line(*run(capsys, "debit", one_person), "column 'n'", ">= 2")
    missing = write(tmp_path, "missing.csv", "mean,n\n3.00,5\n")
    assert_one_clear_line(*run(capsys, "grimmer", missing), "missing.csv", "missing column 'sd'")
    empty = write(tmp_path, "empty.csv", "")
    assert_one_clear_line(*run(capsys, "grim", empty), "empty.csv")
    assert_one_clear_line(*run(capsys, "grim", str(tmp_path / "nope.csv")), "nope.csv", "no such file")
    items = write(tmp_path, "items.csv", "mean,n,items\n3.00,5,0\n")
    assert_one_clear_line(*run(capsys, "grim", items), "line 2, column 'items'")
    # Without the check pandas would read the extra field as an index and shift every column.
    wide = write(tmp_path, "wide.csv", "mean,n\n5.93,49,3\n")
    assert_one_clear_line(*run(capsys, "grim", wide), "wide.csv, line 2", "3 fields")
    latin1 = tmp_path / "latin1.csv"
    latin1.write_bytes("mean,n\n3.00,5\n\u00b5,5\n".encode("latin-1"))
    assert_one_clear_line(*run(capsys, "grim", str(latin1)), "latin1.csv, line 3", "not UTF-8")


def test_csv_blank_lines_keep_line_numbers(tmp_path, capsys):
    table = write(tmp_path, "gaps.csv", "\ufeffmean,n\n5.93,49\n\n3.45,20\n")   # with a byte-order mark
    status, out, _ = run(capsys, "grim", table)
    assert status == 0
    assert [line.split()[2] for line in out.splitlines() if line.startswith(("impossible", "consistent"))] == \
        ["2", "4"]


@pytest.mark.parametrize("command", ["scan", "grim", "grimmer", "debit"])
def test_help_for_every_subcommand(command, capsys):
    status, out, _ = run(capsys, command, "--help")
    assert status == 0 and out.startswith(f"usage: recheck {command}")


def test_usage_errors_exit_2(capsys):
    assert run(capsys)[0] == 2
    assert run(capsys, "scan")[0] == 2          # argparse: FILE is required
    assert run(capsys, "frobnicate")[0] == 2


def test_installed_console_script(tmp_path):
    script = Path(sys.executable).parent / "recheck"
    paper = write(tmp_path, "paper.txt", "t(28) = 2.20, p = .036\n")
    done = subprocess.run([str(script), "scan", paper], capture_output=True, text=True, encoding="utf-8",
                          check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "total: 1 result: 1 consistent"


def test_scan_takes_df_hints_from_the_design(tmp_path, capsys):
    # t = 2.20 with df 28 gives P = 0.036 (scipy.stats.t.sf(2.2, 28) * 2); without a df it is not checkable.
    paper = tmp_path / "paper.txt"
    paper.write_text("groups differed (t = 2.20, P = 0.036)\n", encoding="utf-8")
    assert main(["scan", str(paper)]) == 0
    assert "not_checkable" in capsys.readouterr().out
    assert main(["scan", str(paper), "--df", "t=28"]) == 0
    assert "consistent" in capsys.readouterr().out
    assert main(["scan", str(paper), "--df", "F=2"]) == 2
    assert "--df 'F=2'" in capsys.readouterr().err
