"""Loading extracted tables (with located errors) and the findings ledger."""
import json

import pandas as pd
import pytest

from recheck import ExtractionError, Finding, load_study, load_table, read_ledger, write_ledger
from recheck.findings import worst

GOOD = "Groups,n,Operative time (min),P\nResearch group,52,33.06 ± 6.18,\nControl group,52,34.18 ± 6.57,0.373\n"


def write(tmp_path, text, name="table2.csv"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_good_table_is_kept_as_printed(tmp_path):
    frame = load_table(write(tmp_path, GOOD), label_columns=["Groups"])
    assert frame.loc[0, "Operative time (min)"] == "33.06 ± 6.18"
    assert frame.loc[1, "P"] == "0.373"


@pytest.mark.parametrize("cell,message", [
    ("33.06 ± ", "cannot read"),
    ("33.06 ± -6.18", "negative SD"),
    ("47 (190.4)", "percent outside"),
    ("4O.2", "cannot read"),
])
def test_bad_cell_is_located(tmp_path, cell, message):
    text = GOOD.replace("33.06 ± 6.18", cell)
    with pytest.raises(ExtractionError, match=message) as err:
        load_table(write(tmp_path, text), label_columns=["Groups"])
    assert "line 2 (row 'Research group')" in str(err.value)
    assert "column 'Operative time (min)'" in str(err.value)
    assert "table2.csv" in str(err.value)


def test_zero_n_is_refused(tmp_path):
    with pytest.raises(ExtractionError, match="n must be a positive count") as err:
        load_table(write(tmp_path, GOOD.replace("Control group,52", "Control group,0")), label_columns=["Groups"])
    assert "line 3" in str(err.value) and "column 'n'" in str(err.value)


def test_missing_column_and_ragged_row(tmp_path):
    with pytest.raises(ExtractionError, match="missing column 'Age'"):
        load_table(write(tmp_path, GOOD), label_columns=["Groups"], required_columns=["Age"])
    with pytest.raises(ExtractionError, match="line 3: 3 fields, header has 4"):
        load_table(write(tmp_path, GOOD.replace("34.18 ± 6.57,0.373", "34.18 ± 6.57")), label_columns=["Groups"])


def test_text_columns_are_not_parsed(tmp_path):
    text = "Fact,Value,Where\nperiod,July 2014 to June 2020,Methods\ncohort,1120,Methods\n"
    frame = load_table(write(tmp_path, text, "facts.csv"), label_columns=["Fact"], text_columns=["Value", "Where"])
    assert frame.loc[0, "Value"] == "July 2014 to June 2020"
    with pytest.raises(ExtractionError, match="column 'Value'"):
        load_table(write(tmp_path, text, "facts.csv"), label_columns=["Fact"], text_columns=["Where"])


def test_repeated_row_label_is_refused(tmp_path):
    with pytest.raises(ExtractionError, match="row label repeats line 2") as err:
        load_table(write(tmp_path, GOOD.replace("Control group", "Research group")), label_columns=["Groups"])
    assert "line 3 (row 'Research group')" in str(err.value)


def test_study_folder(tmp_path):
    write(tmp_path, GOOD)
    meta = {"study_id": "demo", "citation": "Demo 2025", "design": "cohort",
            "groups": [{"name": "Research group", "n": 52}, {"name": "Control group", "n": 52}],
            "tables": {"table2.csv": {"source": "Table 2", "label_columns": ["Groups"],
                                      "value_columns": ["n", "Operative time (min)", "P"]}}}
    (tmp_path / "study.json").write_text(json.dumps(meta), encoding="utf-8")
    study = load_study(tmp_path)
    cells = study.cells("table2")
    row = cells[(cells["row"] == "Control group") & (cells["column"] == "Operative time (min)")].iloc[0]
    assert (row["kind"], row["mean"], row["sd"]) == ("mean_sd", "34.18", "6.57")
    meta["groups"][1]["n"] = 0
    (tmp_path / "study.json").write_text(json.dumps(meta), encoding="utf-8")
    with pytest.raises(ExtractionError, match=r"study\.json, at \$\.groups\[1\]\.n: n must be a positive integer \(got 0\)"):
        load_study(tmp_path)


def test_findings_refuse_unknown_verdicts():
    with pytest.raises(ValueError, match="not one of"):
        Finding("t", "1", "1", "fine", "", "")


def test_ledger_is_sorted_and_round_trips(tmp_path):
    findings = [
        Finding("b-check", "1", "2", "minor", "a", "e").located("s", "Table 2"),
        Finding("a-check", "1", "1", "consistent", "a", "e").located("s", "Table 2"),
        Finding("a-check", "1", "1", "not_checkable", "a", "e").located("s", "Abstract"),
    ]
    path = tmp_path / "ledger.csv"
    write_ledger(findings, path)
    back = read_ledger(path)
    assert back["location"].tolist() == ["Abstract", "Table 2", "Table 2"]
    assert back["check"].tolist() == ["a-check", "a-check", "b-check"]
    assert b"\r\n" not in path.read_bytes()
    with pytest.raises(ValueError, match="duplicate"):
        write_ledger(findings + findings[:1], path)


def test_ledger_with_bad_verdict_is_located(tmp_path):
    path = tmp_path / "ledger.csv"
    pd.DataFrame([["s", "T1", "c", "1", "1", "bad", "a", "e"]],
                 columns=["study", "location", "check", "reported", "recomputed", "verdict", "assumption",
                          "explanation"]).to_csv(path, index=False)
    with pytest.raises(ValueError, match="row 2, column 'verdict'"):
        read_ledger(path)


def test_worst():
    assert worst(["consistent", "minor", "impossible", "concern"]) == "impossible"
    assert worst([]) == "consistent"


def test_ledger_collects_and_writes(tmp_path):
    from recheck import Ledger, brief, read_ledger

    ledger = Ledger("s")
    ledger.add(Finding("c1", "1", "1", "consistent", "a", "e"), "Table 1 · Age")
    ledger.add(Finding("c2", "1", "2", "minor", "a", "e"), "Table 1 · BMI")
    ledger.add(Finding("c3", "", "", "concern", "a", "e"), "Methods: treatment · schedule")
    assert ledger.verdicts("Table 1") == ["consistent", "minor"]
    frame = ledger.write(tmp_path / "s.csv")
    assert read_ledger(tmp_path / "s.csv").equals(frame)

    assert brief(ledger.findings)["verdict"].tolist() == ["consistent", "minor", "concern"]
    assert list(brief([]).columns) == ["location", "check", "reported", "recomputed", "verdict"]


def test_findings_table_carries_the_why():
    from recheck import Finding, findings_table

    f = Finding("GRIM", "mean 3.48, n = 20", "x", "impossible", "whole numbers", "No total gives it.").located(
        "s", "Table 1 · Score · group · baseline · GRIM")
    table = findings_table([f])
    assert table.index.name == "where" and list(table.columns) == ["verdict", "why"]
    assert table.loc["Table 1 · Score · group · baseline · GRIM", "why"] == "No total gives it."
