"""The committed data: every extracted table loads and validates, every ledger and judgement file has the
agreed shape."""
from pathlib import Path

import pandas as pd
import pytest

from recheck import COLUMNS, load_study, read_ledger

DATA = Path(__file__).resolve().parent.parent / "data"
STUDIES = sorted(p.parent.name for p in DATA.glob("*/study.json"))
LEDGERS = sorted(p for p in (DATA / "findings").glob("*.csv") if not p.stem.endswith("_rob"))
JUDGEMENTS = sorted((DATA / "findings").glob("*_rob.csv"))


def test_the_five_studies_are_extracted():
    assert STUDIES == ["huang_staged_kyphoplasty", "liu_guo_review", "qin2025_residual_pain",
                       "residual_pain_preprint", "wang2025_needle_knife"]


@pytest.mark.parametrize("study", STUDIES)
def test_study_loads_and_names_its_tables(study):
    loaded = load_study(DATA / study)
    assert loaded.study_id == study
    listed = set(loaded.meta["tables"])
    on_disk = {p.name for p in (DATA / study).glob("*.csv")}
    assert listed == on_disk, f"{study}: study.json lists {sorted(listed)}, the folder has {sorted(on_disk)}"
    assert all(len(frame) for frame in loaded.tables.values())


@pytest.mark.parametrize("path", LEDGERS, ids=lambda p: p.name)
def test_ledger_shape(path):
    ledger = read_ledger(path)
    assert tuple(ledger.columns) == COLUMNS
    assert (ledger["study"] == path.stem).all()
    assert not ledger.duplicated(["location", "check"]).any()
    flagged = ledger[ledger["verdict"] != "consistent"]
    for column in ("reported", "recomputed", "assumption", "explanation"):
        empty = flagged[flagged[column].str.strip() == ""]["location"].tolist()
        assert not empty, f"{path.name}: non-consistent findings without {column}: {empty}"


@pytest.mark.parametrize("path", JUDGEMENTS, ids=lambda p: p.name)
def test_judgement_file_shape(path):
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert list(frame.columns) == ["study", "tool", "domain", "judgement", "reason"]
    assert (frame["study"] == path.stem.removesuffix("_rob")).all()
    assert "Overall" in set(frame["domain"])
